// A whole visit through the real window: consent, pages from SANE's `test` scanner (flatbed
// and feeder) and from the scan folder, pages turned and assigned, the clerk's key opened,
// both documents certified. The signed copies are left in target/e2e-artifacts/ and checked
// there by openssl cms, pdfsig and pyHanko; one changed byte makes all three fail.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { KEY_PASSWORD, makePki } from "./support/pki.mjs";
import { saneTestConfig, scanA4 as scanPage } from "./support/sane.mjs";
import { CLERK_IIN, DOCUMENTS, clerkAtCounter, listDocuments } from "./support/counter.mjs";
import { waitForPrint as waitForJob } from "./support/print.mjs";
import { cmsVerifies, pdfText, pdfsigValid, pyhanko } from "./support/signed.mjs";
import { ARTIFACTS } from "./support/window.mjs";

const work = mkdtempSync(join(tmpdir(), "rastau-e2e-visit-"));
const scanFolder = join(work, "scan-folder");
mkdirSync(scanFolder);
const pki = makePki(work, CLERK_IIN, "Сейтқали Дана");
const stick = join(work, "usb-stick");
mkdirSync(stick);
const started = Date.now() - 1000;
let window;
let dataDir;

before(async () => {
  const env = { SANE_CONFIG_DIR: saneTestConfig(mkdtempSync(join(work, "sane-"))), RASTAU_SCAN_FOLDER: scanFolder };
  ({ window, dataDir } = await clerkAtCounter(4484, env, [pki.ca]));
});
after(async () => {
  await window?.close();
});

const counter = '[data-testid="counter"]';
// Counted in the page in one step: the strip redraws while pages arrive, and element handles
// taken one by one can go stale between the finding and the handing over.
const pageCount = () =>
  window.driver.executeScript(() => document.querySelectorAll('[data-testid="page"]').length);
const waitForPages = (n) =>
  window.driver.wait(async () => (await pageCount()) === n, 60_000, `waiting for ${n} pages`);
const scanA4 = () => scanPage(work);
const waitForPrint = (prefix) => waitForJob(window, prefix, started, join(ARTIFACTS, "visit"));

test("documents are scanned, assigned and certified with the clerk's key", async () => {
  await window.fill(counter, "taxId", "780214300450");
  await window.fillAll(counter, { surname: "Жұмабекова", givenName: "Әсем", address: "Шымкент", phone: "+7 701 111 11 11" });
  await window.click('[data-testid="accept"]');
  // Document 1 has two sheets (the glass, then a file from the scan folder), document 2 ten (the feeder).
  await listDocuments(window, [{ ...DOCUMENTS[0], sheets: 2 }, { ...DOCUMENTS[1], sheets: 10 }]);
  // Annex 1 printed in Kazakh for the applicant to sign.
  await window.click('[data-testid="print-consent-kk"]');
  await window.waitFor('[data-testid="print-preview"] img');
  await window.screenshot("39-consent-preview");
  await window.click('[data-testid="print-now"]');
  await window.waitForText('[data-testid="visit"] .panel [data-testid="notice"]', "Отправлено на принтер");
  await waitForPrint("consent-");
  await window.click('[data-testid="confirm-consent"]');
  await window.waitFor('[data-testid="page-strip"]');

  // The signed consent's scan is kept with the visit; a damaged file is refused first.
  const consentScan = scanA4();
  const cut = join(work, "consent-cut.png");
  writeFileSync(cut, consentScan.subarray(0, consentScan.length / 2));
  await window.fill('[data-testid="consent-scan"]', "consentScan", cut);
  await window.click('[data-testid="attach-consent-scan"]');
  await window.waitFor('[data-testid="consent-scan"] [data-testid="error"]');
  const whole = join(work, "consent.png");
  writeFileSync(whole, consentScan);
  await window.fill('[data-testid="consent-scan"]', "consentScan", whole);
  await window.click('[data-testid="attach-consent-scan"]');
  await window.waitForText('[data-testid="consent-scan-kept"]', "сохранён");

  // The test backend appears as a scanner; document 1 from the glass.
  await window.driver.wait(async () => (await window.text('[data-testid="scanner"]')).includes("test"), 30_000, "waiting for the scanner list");
  await window.select('[data-testid="scan-target"]', "1");
  await window.click('[data-testid="scan-flatbed"]');
  await waitForPages(1);

  // Document 2 from the feeder: the test backend's feeder holds 10 sheets.
  await window.select('[data-testid="scan-target"]', "2");
  await window.click('[data-testid="scan-feeder"]');
  await waitForPages(11);
  // Rule 2.1: one sheet of document 1 is still to come, and the row says so.
  await window.waitForText('[data-testid="certify-row"]:nth-of-type(1) [data-testid="certify-pages"]', "Страниц: 1, листов в подлиннике: 2");
  await window.screenshot("40-pages-scanned-ru");

  // A file the network scanner drops into the scan folder arrives by itself.
  writeFileSync(join(scanFolder, "scan-0001.png"), scanA4());
  await waitForPages(12);

  // The strip moved on to document 1, still a sheet short: the dropped page went there. Turn it.
  const last = '[data-testid="page"]:last-of-type';
  await window.click(`${last} [data-testid="rotate-right"]`);
  await window.driver.wait(
    async () => (await window.driver.findElements({ css: '[data-testid="page"][data-position="1"]' })).length === 2,
    10_000,
    "waiting for the page to be assigned",
  );
  // Delete one feeder page and undo it: nothing lost.
  await window.click('[data-testid="page"]:nth-of-type(3) [data-testid="delete-page"]');
  await waitForPages(11);
  await window.click('[data-testid="undo-delete"]');
  await waitForPages(12);

  // Certify: the key is asked for once, then both documents are certified.
  await window.click('[data-testid="certify-row"]:nth-of-type(1) [data-testid="certify-document"]');
  await window.waitFor('[data-testid="key-dialog"]');
  await window.fill('[data-testid="key-dialog"]', "keyPath", pki.p12);
  await window.fill('[data-testid="key-dialog"]', "keyPassword", "wrong-password");
  await window.click('[data-testid="open-key"]');
  await window.waitForText('[data-testid="key-dialog"] [data-testid="error"]', "Неверный пароль");
  await window.fill('[data-testid="key-dialog"]', "keyPassword", KEY_PASSWORD);
  await window.click('[data-testid="open-key"]');
  await window.waitForText('[data-testid="certify-row"]:nth-of-type(1)', "Заверено");
  await window.click('[data-testid="certify-row"]:nth-of-type(2) [data-testid="certify-document"]');
  await window.waitForText('[data-testid="certify-row"]:nth-of-type(2)', "Заверено");
  assert.equal((await window.driver.findElements({ css: '[data-testid="copy"]' })).length, 2);
  await window.screenshot("41-certified-ru");
  await window.click('[data-testid="lang-kk"]');
  await window.waitForText('[data-testid="certify-row"]:nth-of-type(1)', "Расталды");
  await window.screenshot("42-certified-kk");

  // Hand-over into a folder standing in for the USB stick, then the receipt in Russian.
  await window.click('[data-testid="lang-ru"]');
  await window.fill('[data-testid="hand-over"]', "exportFolder", stick);
  await window.click('[data-testid="export"]');
  await window.waitForText('[data-testid="export-report"]', "Записано и проверено");
  await window.click('[data-testid="print-receipt-ru"]');
  await window.waitFor('[data-testid="print-preview"] img');
  // A stopped printer is a clear message, and the same receipt is sent again once it is back.
  spawnSync("cupsdisable", ["PDF"]);
  try {
    await window.click('[data-testid="print-now"]');
    await window.waitForText('[data-testid="print-preview"] [data-testid="error"]', "остановлен");
    await window.screenshot("45-printer-stopped-ru");
  } finally {
    spawnSync("cupsenable", ["PDF"]);
  }
  await window.click('[data-testid="print-now"]');
  await window.waitForText('[data-testid="hand-over"] [data-testid="notice"]', "Отправлено на принтер");
  await waitForPrint("receipt-");
  await window.screenshot("44-handed-over-ru");
  collectCopies();
});

/** Copies what the hand-over wrote (the copies, their .p7s, the manifest) into the artifacts. */
function collectCopies() {
  const out = join(ARTIFACTS, "visit");
  mkdirSync(out, { recursive: true });
  const [folder] = readdirSync(stick);
  const written = join(stick, folder);
  const manifest = JSON.parse(readFileSync(join(written, "manifest.json"), "utf8"));
  const pdfs = readdirSync(written).filter((f) => f.endsWith(".pdf"));
  assert.equal(pdfs.length, 2, "two certified copies on the stick");
  pdfs.forEach((name, i) => {
    assert.ok(JSON.stringify(manifest).includes(name), `${name} in the manifest`);
    copyFileSync(join(written, name), join(out, `copy-${i + 1}.pdf`));
    copyFileSync(join(written, `${name}.p7s`), join(out, `copy-${i + 1}.pdf.p7s`));
  });
  copyFileSync(join(written, "manifest.json"), join(out, "manifest.json"));
  copyFileSync(pki.ca, join(out, "ca.pem"));
}

test("the certified copies validate with openssl, pdfsig and pyHanko; a changed byte fails all", () => {
  const out = join(ARTIFACTS, "visit");
  const ca = join(out, "ca.pem");
  for (const name of ["copy-1.pdf", "copy-2.pdf"]) {
    const pdf = join(out, name);
    const checked = pyhanko(pdf, ca);
    assert.ok(checked.valid, checked.output);
    assert.ok(pdfsigValid(pdf), `pdfsig ${name}`);
    assert.ok(cmsVerifies(pdf, `${pdf}.p7s`, ca), `openssl cms -verify ${name}`);
    const text = pdfText(pdf);
    assert.match(text, /Жұмабекова Әсем/);
    assert.match(text, /Туу туралы куәлік|Диплом/);
    const bent = readFileSync(pdf);
    bent[Math.floor(bent.length / 3)] ^= 1;
    const bentPath = join(out, `changed-${name}`);
    writeFileSync(bentPath, bent);
    assert.ok(!pyhanko(bentPath, ca).valid);
    assert.ok(!pdfsigValid(bentPath));
    assert.ok(!cmsVerifies(bentPath, `${pdf}.p7s`, ca));
  }
});

test("the Verify screen tells an unchanged copy of this store from a changed one", async () => {
  const out = join(ARTIFACTS, "visit");
  await window.click('[data-testid="lang-ru"]');
  await window.click('[data-testid="nav-verify"]');
  await window.fill('[data-testid="verify"]', "file", join(out, "copy-1.pdf"));
  await window.click('[data-testid="verify-file"]');
  await window.waitForText('[data-testid="verify-intact"]', "Файл не изменён");
  const report = await window.text('[data-testid="verify-report"]');
  assert.match(report, /Сейтқали Дана \(920718300451\)/);
  assert.match(report, /выдан доверенным/);
  assert.match(report, /В этом хранилище: обращение № \d{4}\/000001/);
  assert.match(report, /QR-код подписан ключом центра/);
  assert.match(await window.text('[data-testid="verify-time-used"]'), /записанному этим хранилищем/);
  // The demo's keys name no responder: its copy was signed without a revocation status, which
  // the store does not vouch for, so the ETSI indication is INDETERMINATE and says why.
  const indication = await window.text('[data-testid="verify-indication"]');
  assert.match(indication, /Действительность подписи не установлена/);
  assert.match(indication, /INDETERMINATE \/ TRY_LATER/);
  assert.match(await window.text('[data-testid="verify-reasons"]'), /В файле нет статуса отзыва ключа/);
  await window.screenshot("43-verify-ru");
  // The report as a PDF, in Kazakh, for the applicant or a receiving body.
  const reportPdf = join(out, "copy-1-report-kk.pdf");
  rmSync(reportPdf, { force: true });
  await window.fill('[data-testid="verify"]', "reportPath", reportPdf);
  await window.click('[data-testid="verify-report-kk"]');
  const said = await window.text('[data-testid="verify"] [data-testid="notice"], [data-testid="verify"] [data-testid="error"]');
  assert.match(said, /copy-1-report-kk\.pdf/);
  const written = pdfText(reportPdf);
  assert.match(written, /Электрондық цифрлық қолтаңбаны тексеру хаттамасы/);
  assert.match(written, /INDETERMINATE/);
  await window.fill('[data-testid="verify"]', "file", join(out, "changed-copy-1.pdf"));
  await window.click('[data-testid="verify-file"]');
  await window.waitForText('[data-testid="verify-intact"]', "ФАЙЛ ИЗМЕНЁН");
  await window.waitForText('[data-testid="verify-indication"]', "ПОДПИСЬ НЕДЕЙСТВИТЕЛЬНА");
  assert.match(await window.text('[data-testid="verify-indication"]'), /TOTAL-FAILED \/ HASH_FAILURE/);
  await window.click('[data-testid="lang-kk"]');
  await window.waitForText('[data-testid="verify-indication"]', "ҚОЛТАҢБА ЖАРАМСЫЗ");
  await window.screenshot("44-verify-changed-kk");
  await window.click('[data-testid="lang-ru"]');
});
