// The keyboard carries the visit, and the clerk types little. A first visit (not counted) opens
// the clerk's key, scans the consent and the pages from SANE's `test` scanner, takes a page
// from the scan folder for the document the strip names, opens a page large, and freezes what
// it certified. Then the applicant comes back: from the IIN to the signed copy the test counts
// every click and every key (WebDriver calls wrapped), moving only with Enter and Tab, and
// reads `document.activeElement` after each step. The hand-over offers this visit's copy
// chosen and the earlier ones to choose.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { Key } from "selenium-webdriver";
import { KEY_PASSWORD, makePki } from "./support/pki.mjs";
import { saneTestConfig, scanA4 } from "./support/sane.mjs";
import { CLERK_IIN, DOCUMENTS, clerkAtCounter, listDocuments } from "./support/counter.mjs";

const work = mkdtempSync(join(tmpdir(), "rastau-e2e-typing-"));
const scanFolder = join(work, "scan-folder");
mkdirSync(scanFolder);
const stick = join(work, "usb-stick");
mkdirSync(stick);
const pki = makePki(work, CLERK_IIN, "Сейтқали Дана");
const APPLICANT = "780214300450";
let window;

before(async () => {
  const env = { SANE_CONFIG_DIR: saneTestConfig(mkdtempSync(join(work, "sane-"))), RASTAU_SCAN_FOLDER: scanFolder };
  ({ window } = await clerkAtCounter(4620, env, [pki.ca]));
});
after(async () => {
  await window?.close();
});

const count = (css) => window.driver.findElements({ css }).then((found) => found.length);
const waitForCount = (css, n, what) => window.driver.wait(async () => (await count(css)) === n, 60_000, what);
/** The focused element's test id, or its name for an input. */
const focused = () =>
  window.driver.executeScript(
    "const e = document.activeElement; return e?.dataset?.testid || e?.name || e?.tagName;",
  );
const waitForFocus = (expected) =>
  window.driver
    .wait(async () => (await focused()) === expected, 30_000)
    .catch(async () => assert.fail(`the focus is on «${await focused()}», expected «${expected}»`));

test("a first visit: the strip's choice, the scan folder, a page opened large, certified pages frozen", async () => {
  await window.fill('[data-testid="counter"]', "taxId", APPLICANT);
  await window.fillAll('[data-testid="counter"]', { surname: "Жұмабекова", givenName: "Әсем", address: "Шымкент", phone: "+7 701 111 11 11" });
  await window.click('[data-testid="accept"]');
  await listDocuments(window, DOCUMENTS);
  await window.click('[data-testid="confirm-consent"]');
  // The consent straight from the scanner: no file, no path.
  await window.click('[data-testid="scan-consent"]');
  await window.waitForText('[data-testid="consent-scan-kept"]', "сохранён");

  // The strip names the scan folder, and new pages go to the first document still short of sheets.
  await window.waitForText('[data-testid="scan-folder"]', scanFolder);
  await window.driver.wait(async () => (await window.text('[data-testid="scanner"]')).includes("test"), 30_000, "the scanner list");
  assert.equal(await window.driver.executeScript('return document.querySelector(\'[data-testid="scan-target"]\').value'), "1");
  await window.click('[data-testid="scan-flatbed"]');
  await waitForCount('[data-testid="page"][data-position="1"]', 1, "the page under document 1");
  // A second sheet scanned for document 1 by mistake, then deleted: the undo is offered…
  await window.select('[data-testid="scan-target"]', "1");
  await window.click('[data-testid="scan-flatbed"]');
  await waitForCount('[data-testid="page"][data-position="1"]', 2, "two pages under document 1");
  await window.click('[data-testid="page"]:nth-of-type(2) [data-testid="delete-page"]');
  await window.waitFor('[data-testid="undo-delete"]');

  // …until document 1 is certified: its page is frozen, and the undo is gone.
  await window.click('[data-testid="certify-row"]:nth-of-type(1) [data-testid="certify-document"]');
  await window.fill('[data-testid="key-dialog"]', "keyPath", pki.p12);
  await window.fill('[data-testid="key-dialog"]', "keyPassword", KEY_PASSWORD);
  await window.click('[data-testid="open-key"]');
  await window.waitForText('[data-testid="certify-row"]:nth-of-type(1)', "Заверено");
  await window.gone('[data-testid="undo-delete"]');
  const frozen = '[data-testid="page"][data-frozen="true"]';
  await waitForCount(frozen, 1, "the certified page frozen");
  assert.equal(await count(`${frozen} [data-testid="delete-page"], ${frozen} [data-testid="rotate-right"]`), 0);
  await window.waitForText(`${frozen} [data-testid="page-frozen"]`, "Документ заверен");

  // A file from the scan folder goes to document 2, as the strip says now.
  await window.driver.wait(
    async () => (await window.driver.executeScript('return document.querySelector(\'[data-testid="scan-target"]\')?.value')) === "2",
    10_000,
    "the strip moves on to document 2",
  );
  writeFileSync(join(scanFolder, "scan-0001.png"), scanA4(work));
  await waitForCount('[data-testid="page"][data-position="2"]', 1, "the dropped page under document 2");

  // Opened large: the stored image, far above the strip's; a frozen page has no rotate there.
  for (const lang of ["ru", "kk"]) {
    await window.click(`[data-testid="lang-${lang}"]`);
    await window.click('[data-testid="page"]:nth-of-type(1) [data-testid="page-open"]');
    await window.waitFor('[data-testid="zoom-image"]');
    const height = await window.driver.executeScript('return document.querySelector(\'[data-testid="zoom-image"]\').naturalHeight');
    assert.ok(height > 1000, `the page opens ${height} px high`);
    assert.equal(await count('[data-testid="page-zoom"] [data-testid="zoom-rotate-right"]'), 0);
    await window.click('[data-testid="zoom-in"]');
    await window.waitForText('[data-testid="zoom-level"]', "150%");
    await window.screenshot(`page-zoom-${lang}`);
    await window.click('[data-testid="zoom-close"]');
    await window.gone('[data-testid="page-zoom"]');
  }
  await window.click('[data-testid="lang-ru"]');
  await window.click('[data-testid="certify-row"]:nth-of-type(2) [data-testid="certify-document"]');
  await window.waitForText('[data-testid="certify-row"]:nth-of-type(2)', "Заверено");
  await window.click('[data-testid="finish-visit"]');
  await window.click('[data-testid="confirm-yes"]');
  await window.waitFor('[data-testid="counter"]');
  // A new session: the key is closed again.
  await window.click('[data-testid="logout"]');
  await window.login(CLERK_IIN);
  await window.click('[data-testid="lang-ru"]');
  await window.click('[data-testid="nav-counter"]');
});

test("the applicant comes back: IIN to signed copy in at most 15 clicks and 120 keys, by the keyboard", async () => {
  let clicks = 0;
  let keys = 0;
  /** Types `text` (or one special key) where the focus is, as the clerk's keyboard would. */
  const type = async (text) => {
    keys += Object.values(Key).includes(text) ? 1 : [...text].length;
    await window.driver.switchTo().activeElement().sendKeys(text);
  };
  const steps = [];
  const step = async (expected) => {
    await waitForFocus(expected);
    steps.push(expected);
  };

  await window.click('[data-testid="counter"] input[name="taxId"]');
  clicks += 1;
  await type(APPLICANT);
  // The returning applicant's details fill in by themselves.
  await window.driver.wait(
    async () => (await window.driver.executeScript('return document.querySelector(\'input[name="surname"]\')?.value')) === "Жұмабекова",
    10_000,
    "the applicant's details",
  );
  await type(Key.ENTER);
  await step("title");
  await type("Диплом");
  await type(Key.TAB);
  await type(DOCUMENTS[1].number);
  await type(Key.TAB);
  await type(DOCUMENTS[1].issuedOn);
  await type(Key.TAB);
  await type(DOCUMENTS[1].issuer);
  await type(Key.TAB);
  await type("1");
  await type(Key.ENTER);
  await step("print-consent-ru");
  await type(Key.ENTER);
  await step("print-now");
  await window.waitFor('[data-testid="print-preview"] img');
  await type(Key.ENTER);
  await step("confirm-consent");
  await type(Key.ENTER);
  await step("scan-consent");
  await type(Key.ENTER);
  await step("scan-flatbed");
  await type(Key.ENTER);
  await step("certify-document");
  await type(Key.ENTER);
  await step("keyPassword");
  assert.equal(await window.driver.executeScript('return document.querySelector(\'input[name="keyPath"]\').value'), pki.p12, "the key file remembered");
  await type(KEY_PASSWORD);
  await type(Key.ENTER);
  await window.waitForText('[data-testid="certify-row"]:nth-of-type(1)', "Заверено");
  await step("export");

  console.log(`IIN to signed copy: ${clicks} clicks, ${keys} keys; focus: ${steps.join(" → ")}`);
  assert.ok(clicks <= 15, `${clicks} clicks`);
  assert.ok(keys <= 120, `${keys} keys`);
});

test("the hand-over writes the copies the clerk chose: this visit's by default", async () => {
  const boxes = '[data-testid="handover-copy"]';
  await waitForCount(boxes, 3, "three kept copies offered");
  const checked = await window.driver.executeScript(
    `return [...document.querySelectorAll('${boxes}')].map((b) => b.checked + ":" + (b.closest("label").textContent.includes("прежнего")));`,
  );
  assert.deepEqual(checked.sort(), ["false:true", "false:true", "true:false"]);
  await window.waitForText('[data-testid="export"]', "(1)");
  // One earlier copy as well.
  await window.click(`${boxes}:not(:checked)`);
  await window.waitForText('[data-testid="export"]', "(2)");
  await window.driver.executeScript('document.querySelector(\'[data-testid="hand-over"]\').scrollIntoView()');
  await window.screenshot("handover-chosen-ru");
  await window.click('[data-testid="lang-kk"]');
  await window.screenshot("handover-chosen-kk");
  await window.click('[data-testid="lang-ru"]');
  await window.fill('[data-testid="hand-over"]', "exportFolder", stick);
  await window.click('[data-testid="export"]');
  await window.waitForText('[data-testid="export-report"]', "Записано и проверено");
  await waitForFocus("print-receipt-ru");
  const [folder] = readdirSync(stick);
  const pdfs = readdirSync(join(stick, folder)).filter((f) => f.endsWith(".pdf"));
  assert.equal(pdfs.length, 2, `two copies written: ${pdfs}`);
});
