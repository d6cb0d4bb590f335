// Rule 8 across centers in the real window: center A (`ALM-01`, the demo's week of certified
// copies) pushes its history to a fresh shared store on the test cluster; at center B
// (`AST-02`, a store of its own) a clerk opens a visit for one of A's applicants, looks the
// applicant's copies up, fetches one (refused while B trusts no CA of A's signer, then checked
// and kept), and hands it over into a folder standing in for the stick: the file written is
// the one A recorded, byte for byte, and B's receipt names it. An installation not linked to
// the shared store shows nothing of this. One window, on store B; A is driven by the `rastau`
// command, as its own counter would push.
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
import { CLERK_IIN } from "./support/counter.mjs";
import { trustCa } from "./support/trust.mjs";
import { SUPERVISOR_IIN, psql, rastau, sharedDatabase, sqlite } from "./support/shared.mjs";
import { Window, freshStore } from "./support/window.mjs";

const work = mkdtempSync(join(tmpdir(), "rastau-e2e-elsewhere-"));
const stick = join(work, "usb-stick");
mkdirSync(stick);
const storeA = join(work, "center-a");
mkdirSync(storeA);
let storeB;
let database;
let adminUrl;
/** The copy of A's chosen for the test: its applicant, title, journal number and hashes. */
let chosen;
let window;

before(async () => {
  // A database of its own on the test cluster, initialised as an administrator would.
  database = sharedDatabase("rastau_e2e_elsewhere", storeA);
  adminUrl = database.adminUrl;

  // Center A: the demo's week, linked as ALM-01 and pushed.
  rastau(storeA, "demo");
  rastau(storeA, "shared", "join", adminUrl, "--center", "ALM-01", "--iin", SUPERVISOR_IIN);
  rastau(storeA, "shared", "sync");

  // A copy A still keeps, of an applicant who is a person (the counter asks a person's names).
  const [id, taxId, surname, givenName, title, year, seq, pdfHash] = sqlite(
    storeA,
    `SELECT c.id, a.tax_id, a.surname, a.given_name, d.title, v.journal_year, v.journal_seq, c.pdf_hash
       FROM certified_copy c JOIN visit v ON v.id = c.visit_id JOIN document d ON d.id = c.document_id
       JOIN applicant a ON a.id = v.applicant_id
      WHERE c.removed_on IS NULL AND a.kind = 'iin' ORDER BY c.id LIMIT 1`,
  ).split("|");
  const number = `${year}/${String(seq).padStart(6, "0")}`;
  chosen = { id: Number(id), taxId, surname, givenName, title, number, pdfHash };

  // Center B: a center of its own, its accounts only, trusting no CA yet, not linked yet.
  storeB = freshStore({ demo: true });
  window = await Window.open(storeB, 4970);
});

after(async () => {
  await window?.close();
  database?.drop();
  rmSync(work, { recursive: true, force: true });
});

const handOver = '[data-testid="hand-over"]';
const elsewhere = '[data-testid="copies-elsewhere"]';
/** A screenshot with the part at `css` in view (a switch of language draws the page again). */
async function shot(name, css) {
  await sleep(300);
  await window.driver.executeScript(`document.querySelector(arguments[0]).scrollIntoView()`, css);
  await window.screenshot(name);
}
const row = () => `[data-testid="elsewhere-copy"][data-copy="${chosen.id}"]`;

/** The clerk, in Russian, back at the visit left open (after signing in again). */
async function resumeVisit() {
  await window.click('[data-testid="nav-counter"]');
  await window.click('[data-testid="open-visits"] button');
  await window.waitFor(handOver);
}

test("an installation not linked to the shared store offers nothing of other centers", async () => {
  await window.login(CLERK_IIN);
  await window.click('[data-testid="lang-ru"]');
  await window.click('[data-testid="nav-counter"]');
  await window.fill('[data-testid="counter"]', "taxId", chosen.taxId);
  await window.waitFor('[data-testid="lookup"]');
  await window.fillAll('[data-testid="counter"]', {
    surname: chosen.surname,
    givenName: chosen.givenName,
    address: "Астана, Есіл ауданы",
    phone: "+7 701 222 33 44",
  });
  await window.click('[data-testid="accept"]');
  await window.waitFor(handOver);
  assert.deepEqual(await window.invoke("shared_center"), { ok: null });
  // The hand-over asked already (the same call the test made); nothing of the shared store shows.
  await sleep(500);
  assert.equal((await window.driver.findElements({ css: elsewhere })).length, 0);
  await shot("elsewhere-unlinked-ru", handOver);
});

test("a copy certified at center A is found at center B, refused until B trusts its CA, fetched and handed over", async () => {
  // B's supervisor links the installation as AST-02 (the window stays open).
  rastau(storeB, "shared", "join", adminUrl, "--center", "AST-02", "--iin", SUPERVISOR_IIN);
  await window.click('[data-testid="nav-home"]');
  await resumeVisit();
  await window.waitFor(elsewhere);
  // Nothing is asked of the shared store until the clerk looks up.
  assert.equal((await window.driver.findElements({ css: '[data-testid="elsewhere-copy"]' })).length, 0);
  await window.click('[data-testid="look-up-elsewhere"]');
  const found = await window.text(row());
  assert.ok(found.includes("ALM-01"), found);
  assert.ok(found.includes(chosen.number), found);
  assert.ok(found.includes(chosen.title), found);
  assert.match(found, /\d{2}\.\d{2}\.\d{4}/);
  await shot("elsewhere-found-ru", elsewhere);

  // B trusts no CA of A's signer yet: the copy is refused, and the clerk is told why.
  await window.click(`${row()} [data-testid="fetch-elsewhere"]`);
  await window.waitForText(`${elsewhere} [data-testid="error"]`, "не подтверждается доверенными");
  await shot("elsewhere-refused-ru", elsewhere);
  await window.click('[data-testid="lang-kk"]');
  await window.waitForText(`${elsewhere} [data-testid="error"]`, chosen.number);
  await shot("elsewhere-refused-kk", elsewhere);
  await window.click('[data-testid="lang-ru"]');

  // B's supervisor trusts A's CA (as a center adds NCA RK's root); the clerk comes back.
  await window.click('[data-testid="logout"]');
  await window.login(SUPERVISOR_IIN);
  await trustCa(window, join(storeA, "keys", "demo-ca.pem"));
  // Linked, the trusted list is the center's, kept in the shared store: the panel says so (in
  // the supervisor's Kazakh).
  await window.waitForText('[data-testid="trusted-cas"] [data-testid="policy-shared"]', "AST-02");
  const policy = psql(adminUrl, "SELECT count(*) FROM center_policy WHERE center_code = 'AST-02'");
  assert.equal(policy, "2", "carried in at joining, then the supervisor's change");
  await shot("trusted-cas-shared-kk", '[data-testid="trusted-cas"]');
  await window.click('[data-testid="logout"]');
  await window.login(CLERK_IIN);
  await window.click('[data-testid="lang-ru"]');
  await resumeVisit();
  await window.click('[data-testid="look-up-elsewhere"]');
  await window.click(`${row()} [data-testid="fetch-elsewhere"]`);
  await window.waitForText(`${row()} [data-testid="elsewhere-fetched"]`, "проверена здесь");

  // The fetched copy joins the hand-over, chosen, and says where it was certified.
  const offered = await window.waitFor(`${handOver} [data-testid="handover-fetched"]`);
  assert.equal(await offered.isSelected(), true);
  const choice = await window.text(`${handOver} [data-testid="handover-copies"]`);
  assert.ok(choice.includes("заверено в центре ALM-01"), choice);
  assert.ok(choice.includes("проверено здесь"), choice);
  await shot("elsewhere-fetched-ru", handOver);

  await window.fill(handOver, "exportFolder", stick);
  await window.waitForText('[data-testid="export"]', "(1)");
  await window.click('[data-testid="export"]');
  await window.waitForText('[data-testid="export-report"]', "Записано и проверено");
  await shot("elsewhere-handed-over-ru", handOver);
  await window.click('[data-testid="lang-kk"]');
  await window.waitForText('[data-testid="export-report"]', "тексерілді");
  await shot("elsewhere-handed-over-kk", handOver);

  // On the stick: the very bytes A certified, with its signature and the manifest.
  const [folder] = readdirSync(stick);
  const written = join(stick, folder);
  const pdfs = readdirSync(written).filter((f) => f.endsWith(".pdf"));
  assert.equal(pdfs.length, 1, `one copy on the stick: ${readdirSync(written)}`);
  const sha256 = createHash("sha256").update(readFileSync(join(written, pdfs[0]))).digest("hex");
  assert.equal(sha256, chosen.pdfHash, "the file handed over is the one A recorded");
  assert.ok(readdirSync(written).includes(`${pdfs[0]}.p7s`));
  const manifest = JSON.parse(readFileSync(join(written, "manifest.json"), "utf8"));
  assert.equal(manifest.copies[0].pdf.sha256, chosen.pdfHash);

  // B's records: the hand-over done, naming the fetched copy and where it came from.
  const handed = sqlite(
    storeB,
    `SELECT h.state, f.center_code, f.pdf_hash FROM handover h
       JOIN handover_fetched hf ON hf.handover_id = h.id JOIN fetched_copy f ON f.id = hf.fetched_id`,
  );
  assert.equal(handed, `done|ALM-01|${chosen.pdfHash}`);
  // The shared store logged every lookup and the fetches, by B's clerk.
  const logged = psql(adminUrl, `SELECT count(*) FILTER (WHERE copy_id IS NULL) || ' ' || count(*) FILTER (WHERE copy_id = ${chosen.id})
                                   FROM lookup WHERE center_code = 'AST-02' AND clerk_iin = '${CLERK_IIN}'`);
  assert.equal(logged, "2 2", "two lookups and two fetches (the refused one included) logged");

  // The receipt names the copy handed over, in both languages.
  for (const lang of ["kk", "ru"]) {
    await window.click(`[data-testid="print-receipt-${lang}"]`);
    await window.waitFor('[data-testid="print-preview"] img');
    await sleep(300);
    await window.screenshot(`elsewhere-receipt-${lang}`);
    await window.driver.executeScript(`document.querySelector('[data-testid="print-preview"] .actions button:last-child').click()`);
    await window.gone('[data-testid="print-preview"]');
  }
});
