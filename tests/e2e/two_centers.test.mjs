// Rule 8 across centers with both counters in real windows at once: two installations, each
// with a store of its own (center A `ALM-01`, center B `AST-02`), joined to one fresh shared
// store on the test cluster. A clerk at A certifies a copy in the window (the SANE test
// scanner, the clerk's key) and closes the visit; A's window pushes it by itself. Meanwhile a
// clerk at B, whose window is open all along, has opened a visit for the same IIN and found
// nothing; looking again finds A's copy (center, number, title), fetches it, sees it checked
// here and hands it over into a folder standing in for the stick: the file is the one A
// recorded, byte for byte. A's journal lists the certified copy, B's receipt the hand-over.
//
// A's push is the window's own worker (every 30 s), waited for with a bound, not
// `rastau shared sync`: that is how a counter's copies reach the shared store, and only it
// shows that the window that certified also pushes what it certified.
//
// Needs the test cluster (`scripts/postgres.sh start DIR`, its URL in RASTAU_TEST_POSTGRES):
// without it the test fails, it does not skip.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { CLERK_IIN, DOCUMENTS, listDocuments } from "./support/counter.mjs";
import { KEY_PASSWORD, makePki } from "./support/pki.mjs";
import { saneTestConfig } from "./support/sane.mjs";
import { supervisorTrusts } from "./support/trust.mjs";
import { SUPERVISOR_IIN, psql, rastau, sharedDatabase, sqlite } from "./support/shared.mjs";
import { Window, freshStore } from "./support/window.mjs";

/** The applicant, a person new to both centers. */
const APPLICANT = { taxId: "780214300450", surname: "Жұмабекова", givenName: "Әсем", address: "Шымкент", phone: "+7 701 111 11 11" };
const DOCUMENT = DOCUMENTS[0];
/** How long A's worker may take to push (it runs every 30 s, the push itself takes moments). */
const PUSH_WITHIN_MS = 45_000;

const work = mkdtempSync(join(tmpdir(), "rastau-e2e-two-"));
const stick = join(work, "usb-stick");
mkdirSync(stick);
// A's clerk's key, from a CA both centers trust (as both trust NCA RK's root).
const pki = makePki(mkdtempSync(join(work, "pki-")), CLERK_IIN, "Сейтқали Дана");
let database;
/** A's link file, naming its installation. */
let installationA;
let adminUrl;
let a;
let b;
/** What A certified: the visit's number as A's window shows it, and the PDF's SHA-256. */
const certified = {};

before(async () => {
  // A database of its own on the test cluster, initialised as an administrator would.
  database = sharedDatabase("rastau_e2e_two", work);
  adminUrl = database.adminUrl;

  // Two installations, two stores, joined by their supervisors. A has the demo's week behind
  // it (pushed at joining's time), so its next journal number is not B's first one; the
  // applicant is new to both. B has the demo center's accounts only.
  const storeA = mkdtempSync(join(work, "center-a-"));
  rastau(storeA, "demo");
  const storeB = freshStore({ demo: true });
  rastau(storeA, "shared", "join", adminUrl, "--center", "ALM-01", "--iin", SUPERVISOR_IIN);
  rastau(storeA, "shared", "sync");
  rastau(storeB, "shared", "join", adminUrl, "--center", "AST-02", "--iin", SUPERVISOR_IIN);
  installationA = JSON.parse(readFileSync(join(storeA, "shared-link.json"), "utf8"));

  // Both windows open together; A's has the test scanner. Each supervisor trusts the CA.
  const scanner = { SANE_CONFIG_DIR: saneTestConfig(mkdtempSync(join(work, "sane-"))) };
  [a, b] = await Promise.all([Window.open(storeA, 4980, undefined, scanner), Window.open(storeB, 4990)]);
  await Promise.all([supervisorTrusts(a, [pki.ca]), supervisorTrusts(b, [pki.ca])]);
});

after(async () => {
  await Promise.allSettled([a?.close(), b?.close()]);
  database?.drop();
  rmSync(work, { recursive: true, force: true });
});

const counter = '[data-testid="counter"]';
const handOver = '[data-testid="hand-over"]';
const elsewhere = '[data-testid="copies-elsewhere"]';
const found = '[data-testid="elsewhere-copy"]';
const certifyRow = '[data-testid="certify-row"]:nth-of-type(1)';

/** A screenshot of `window` with the part at `css` in view, after the page settled. */
async function shot(window, name, css) {
  await sleep(300);
  if (css) {
    await window.driver.executeAsyncScript(
      `const [css, done] = arguments;
       document.querySelector(css)?.scrollIntoView({ block: "center" });
       requestAnimationFrame(() => requestAnimationFrame(() => done()));`,
      css,
    );
  }
  await window.screenshot(name);
}

/** The clerk signs in, in Russian, and opens a visit for the applicant. */
async function openVisit(window) {
  await window.login(CLERK_IIN);
  await window.click('[data-testid="lang-ru"]');
  await window.click('[data-testid="nav-counter"]');
  await window.fill(counter, "taxId", APPLICANT.taxId);
  const { taxId, ...rest } = APPLICANT;
  await window.fillAll(counter, rest);
  await window.click('[data-testid="accept"]');
}

/** The visit open in `window`, as its core tells it (its number as the window shows it). */
async function openVisitOf(window) {
  const visits = await window.invoke("my_open_visits");
  assert.ok(visits.ok, JSON.stringify(visits));
  assert.equal(visits.ok.length, 1);
  return visits.ok[0];
}

test("A's clerk certifies a copy while B's clerk, in the other window, finds nothing yet", async () => {
  await Promise.all([
    (async () => {
      // Center A: the visit, its document, the consent scanned, the page from the glass.
      await openVisit(a);
      await listDocuments(a, [DOCUMENT]);
      await a.click('[data-testid="confirm-consent"]');
      await a.click('[data-testid="scan-consent"]');
      await a.waitForText('[data-testid="consent-scan-kept"]', "сохранён");
      await a.select('[data-testid="scan-target"]', "1");
      await a.click('[data-testid="scan-flatbed"]');
      await a.driver.wait(
        async () => (await a.driver.findElements({ css: '[data-testid="page"][data-position="1"]' })).length === 1,
        60_000,
        "waiting for the scanned page",
      );
    })(),
    (async () => {
      // Center B: the same applicant at the same time; nothing certified anywhere yet.
      await openVisit(b);
      await b.waitFor(handOver);
      await b.click('[data-testid="look-up-elsewhere"]');
      await b.waitForText(`${elsewhere} [data-testid="elsewhere-none"]`, "нет копий");
      await shot(b, "120-two-b-nothing-yet-ru", elsewhere);
    })(),
  ]);

  // A's clerk opens the key and certifies.
  await a.click(`${certifyRow} [data-testid="certify-document"]`);
  await a.waitFor('[data-testid="key-dialog"]');
  await a.fill('[data-testid="key-dialog"]', "keyPath", pki.p12);
  await a.fill('[data-testid="key-dialog"]', "keyPassword", KEY_PASSWORD);
  await a.click('[data-testid="open-key"]');
  await a.waitForText(certifyRow, "Заверено");
  const visit = await openVisitOf(a);
  certified.number = visit.numberText;
  await a.waitForText('[data-testid="visit-number"]', certified.number);
  await shot(a, "121-two-a-certified-ru", '[data-testid="certify"]');
  await a.click('[data-testid="lang-kk"]');
  await a.waitForText(certifyRow, "Расталды");
  await shot(a, "122-two-a-certified-kk", '[data-testid="certify"]');
  await a.click('[data-testid="lang-ru"]');

  // The copy A's store recorded, and the visit closed.
  const [title, pdfHash] = sqlite(
    a.dataDir,
    `SELECT d.title, c.pdf_hash FROM certified_copy c JOIN document d ON d.id = c.document_id WHERE c.visit_id = ${visit.id}`,
  ).split("|");
  assert.equal(title, DOCUMENT.title);
  assert.match(pdfHash, /^[0-9a-f]{64}$/);
  certified.pdfHash = pdfHash;
  await a.click('[data-testid="finish-visit"]');
  await a.click('[data-testid="confirm-yes"]');
  await a.waitFor(counter);
  assert.deepEqual((await a.invoke("my_open_visits")).ok, []);
});

test("A's window pushes the copy to the shared store by itself", async (t) => {
  const started = Date.now();
  const pushed = () =>
    psql(adminUrl, `SELECT count(*) FROM certified_copy WHERE center_code = 'ALM-01' AND pdf_sha256 = '${certified.pdfHash}'`);
  while (pushed() !== "1") {
    assert.ok(Date.now() - started < PUSH_WITHIN_MS, `A's window pushed nothing within ${PUSH_WITHIN_MS / 1000} s`);
    await sleep(500);
  }
  t.diagnostic(`in the shared store ${((Date.now() - started) / 1000).toFixed(1)} s after the visit closed`);
  // The window hears of its push and asks the link's state again at once, not at the next
  // minute's check: nothing of A's waits now.
  // Read as laid out (innerText): WebKit's WebDriver reads no text in the indicator, a flex
  // item whose overflow is hidden.
  const indicator = () =>
    a.driver.executeScript(`return document.querySelector('[data-testid="shared-indicator"]')?.innerText ?? ""`);
  await a.driver
    .wait(async () => (await indicator()) === "Общее хранилище: подключено", 10_000)
    .catch(async () => {
      throw new Error(`A's indicator still says «${await indicator()}» after the push`);
    });
});

test("B's clerk, in the window open all along, finds A's copy, fetches it checked and hands it over", async () => {
  await b.click('[data-testid="look-up-elsewhere"]');
  const row = await b.text(found);
  assert.equal((await b.driver.findElements({ css: found })).length, 1, "one copy elsewhere");
  assert.ok(row.includes("ALM-01"), row);
  assert.ok(row.includes(certified.number), row);
  assert.equal(await b.read(found, (e) => e.getAttribute("data-installation")), installationA.installation);
  // B's own visit has a number of its own: the one shown is A's.
  const own = await openVisitOf(b);
  assert.notEqual(own.numberText, certified.number);
  assert.equal(own.applicant.taxId, APPLICANT.taxId);
  assert.ok(row.includes(DOCUMENT.title), row);
  assert.ok(row.includes("Сейтқали Дана"), row);
  await shot(b, "123-two-b-found-ru", elsewhere);

  await b.click(`${found} [data-testid="fetch-elsewhere"]`);
  await b.waitForText(`${found} [data-testid="elsewhere-fetched"]`, "подпись проверена здесь");
  await shot(b, "124-two-b-fetched-ru", elsewhere);
  await b.click('[data-testid="lang-kk"]');
  await b.waitForText(`${found} [data-testid="elsewhere-fetched"]`, "осында тексерілді");
  await shot(b, "125-two-b-fetched-kk", elsewhere);
  await b.click('[data-testid="lang-ru"]');

  // The fetched copy joins the hand-over, chosen; it goes onto the stick.
  const offered = await b.waitFor(`${handOver} [data-testid="handover-fetched"]`);
  assert.equal(await offered.isSelected(), true);
  const choice = await b.text(`${handOver} [data-testid="handover-copies"]`);
  assert.ok(choice.includes("заверено в центре ALM-01"), choice);
  assert.ok(choice.includes("проверено здесь"), choice);
  await b.fill(handOver, "exportFolder", stick);
  await b.waitForText('[data-testid="export"]', "(1)");
  await b.click('[data-testid="export"]');
  await b.waitForText('[data-testid="export-report"]', "Записано и проверено");
  await shot(b, "126-two-b-handed-over-ru", handOver);
  await b.click('[data-testid="lang-kk"]');
  await b.waitForText('[data-testid="export-report"]', "тексерілді");
  await shot(b, "127-two-b-handed-over-kk", handOver);
  await b.click('[data-testid="lang-ru"]');

  // On the stick: the very bytes A's window certified.
  const [folder] = readdirSync(stick);
  const written = join(stick, folder);
  const pdfs = readdirSync(written).filter((f) => f.endsWith(".pdf"));
  assert.equal(pdfs.length, 1, `one copy on the stick: ${readdirSync(written)}`);
  const sha256 = createHash("sha256").update(readFileSync(join(written, pdfs[0]))).digest("hex");
  assert.equal(sha256, certified.pdfHash, "the file handed over is the one A recorded");
  assert.ok(readdirSync(written).includes(`${pdfs[0]}.p7s`));

  // B's records: the hand-over done, of the copy fetched from ALM-01.
  assert.equal(
    sqlite(
      b.dataDir,
      `SELECT h.state, f.center_code, f.pdf_hash FROM handover h
         JOIN handover_fetched hf ON hf.handover_id = h.id JOIN fetched_copy f ON f.id = hf.fetched_id`,
    ),
    `done|ALM-01|${certified.pdfHash}`,
  );
  // The shared store logged both lookups and the fetch, by B's clerk.
  const logged = psql(adminUrl, `SELECT count(*) FILTER (WHERE copy_id IS NULL) || ' ' || count(*) FILTER (WHERE copy_id IS NOT NULL)
                                   FROM lookup WHERE center_code = 'AST-02' AND clerk_iin = '${CLERK_IIN}'`);
  assert.equal(logged, "2 1", "two lookups and one fetch logged");
});

test("both journals show it: A's lists the certified copy, B's receipt the hand-over", async () => {
  // A's journal: today's visit with its document certified; opened, it names the copy.
  const entry = `[data-testid="journal-row"][data-number="${certified.number}"]`;
  const journalOf = async (lang) => {
    await a.click(`[data-testid="lang-${lang}"]`);
    await a.click('[data-testid="nav-journal"]');
    await a.click('[data-testid="journal-today"]');
    return a.text(entry);
  };
  for (const [lang, outcome, n] of [["ru", "заверен", 128], ["kk", "расталды", 130]]) {
    const listed = await journalOf(lang);
    assert.ok(listed.includes(APPLICANT.taxId), listed);
    assert.ok(listed.includes(`${DOCUMENT.title} — ${outcome}`), listed);
    await shot(a, `${n}-two-a-journal-${lang}`, entry);
    await a.click(`${entry} td`);
    const copy = await a.text('[data-testid="journal-visit"] [data-testid="journal-visit-copy"]');
    assert.ok(copy.includes(DOCUMENT.title) && copy.includes("Сейтқали Дана"), copy);
    await shot(a, `${n + 1}-two-a-journal-visit-${lang}`);
    await a.click('[data-testid="journal-visit-close"]');
    await a.gone('[data-testid="journal-visit"]');
  }

  // B's receipt names the copy handed over, in both languages.
  for (const [lang, n] of [["kk", 132], ["ru", 133]]) {
    await b.click(`[data-testid="print-receipt-${lang}"]`);
    await b.waitFor('[data-testid="print-preview"] img');
    await shot(b, `${n}-two-b-receipt-${lang}`);
    await b.driver.executeScript(`document.querySelector('[data-testid="print-preview"] .actions button:last-child').click()`);
    await b.gone('[data-testid="print-preview"]');
  }
});
