// The supervisor's journal through the real window: visits by two clerks, each applicant gone
// before certification and refused on ground 1 (rule 6: nothing else ends a visit); a clerk
// sees only their own; the supervisor searches, exports the CSV (checked row for row against the store),
// prints on cups-pdf and signs the day off with their EDS (the signed PDF validates with
// pdfsig); a correction is added; afterwards the signed day takes no new visit.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { CLERK_IIN, clerkAtCounter, listDocuments, walkAway } from "./support/counter.mjs";
import { KEY_PASSWORD, makePki } from "./support/pki.mjs";
import { trustCa } from "./support/trust.mjs";
import { waitForPrint } from "./support/print.mjs";
import { pdfsigValid } from "./support/signed.mjs";
import { ARTIFACTS } from "./support/window.mjs";

const SUPERVISOR_IIN = "850315400124";
const OTHER_CLERK_IIN = "951120400782";
const OUT = join(ARTIFACTS, "journal");
const work = mkdtempSync(join(tmpdir(), "rastau-e2e-journal-"));
mkdirSync(OUT, { recursive: true });
// The clerks' keys, from one CA the center trusts: each signs the notices of their refusals.
const keys = mkdtempSync(join(work, "clerks-"));
const clerkPki = makePki(keys, CLERK_IIN, "Өмірзақов Нұржан Ғалымұлы");
const clerkKeys = {
  [CLERK_IIN]: clerkPki.p12,
  [OTHER_CLERK_IIN]: makePki(mkdtempSync(join(keys, "other-")), OTHER_CLERK_IIN, "Иванова Мария", keys).p12,
};
let window;
let dataDir;
let servingClerk = CLERK_IIN;

before(async () => {
  ({ window, dataDir } = await clerkAtCounter(4504, {}, [clerkPki.ca]));
});
after(async () => {
  await window?.close();
});

const counter = '[data-testid="counter"]';
const rowCount = async () => (await window.driver.findElements({ css: '[data-testid="journal-row"]' })).length;
const waitForRows = (n) => window.driver.wait(async () => (await rowCount()) === n, 20_000, `waiting for ${n} journal rows`);

/** A visit for `taxId` with the usual two documents; the applicant leaves at once. */
async function serve(taxId, surname) {
  await window.fill(counter, "taxId", taxId);
  await window.fillAll(counter, { surname, givenName: "Әсем", address: "Шымкент", phone: "+7 701 111 11 11" });
  await window.click('[data-testid="accept"]');
  await listDocuments(window);
  await walkAway(window, clerkKeys[servingClerk], KEY_PASSWORD);
}

async function signIn(iin) {
  servingClerk = iin;
  await window.click('[data-testid="logout"]');
  await window.login(iin);
  await window.click('[data-testid="lang-ru"]');
}

test("two clerks serve; each clerk's journal shows only their own visits", async () => {
  await serve("780214300450", "Жұмабекова");
  await serve("990315450017", "Қасымова");
  await signIn(OTHER_CLERK_IIN);
  await window.click('[data-testid="nav-counter"]');
  await serve("780214300450", "Жұмабекова");
  await window.click('[data-testid="nav-journal"]');
  await waitForRows(1);
  assert.equal((await window.driver.findElements({ css: '[data-testid="journal-clerk"]' })).length, 0, "no clerk filter for a clerk");
  assert.match(await window.text('[data-testid="journal-row"]'), /Иванова Мария/);
  await window.screenshot("70-journal-clerk-ru");
});

test("the supervisor searches, exports the CSV row for row, prints and signs the day off", async () => {
  await signIn(SUPERVISOR_IIN);
  // The supervisor's key must chain to a CA the center trusts, added on the Verify screen.
  const pki = makePki(work, SUPERVISOR_IIN, "Сұлтанова Әйгерім Қайратқызы");
  await trustCa(window, pki.ca);
  await window.click('[data-testid="nav-journal"]');
  // A demo's journal opens on its week; a day is signed off alone, so today is typed.
  const now = new Date();
  const two = (n) => String(n).padStart(2, "0");
  await window.fill('[data-testid="journal"]', "journalFrom", `${two(now.getDate())}.${two(now.getMonth() + 1)}.${now.getFullYear()}`);
  await waitForRows(3);
  await window.fill('[data-testid="journal"]', "search", "қасым");
  await waitForRows(1);
  await window.fill('[data-testid="journal"]', "search", "");
  await waitForRows(3);
  await window.screenshot("71-journal-supervisor-ru");

  // The CSV, line for line against the store's documents of the day.
  const csv = join(work, "journal.csv");
  await window.fill('[data-testid="journal-export"]', "journalCsvPath", csv);
  await window.click('[data-testid="journal-export-csv"]');
  await window.waitForText('[data-testid="journal-export"] [data-testid="notice"]', "journal.csv");
  const lines = readFileSync(csv, "utf8").replace(/^\uFEFF/, "").trim().split("\r\n").map((l) => l.split(","));
  const column = (name) => lines[0].indexOf(name);
  const stored = execFileSync("python3", ["-c", `
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for year, seq, title in db.execute("""SELECT v.journal_year, v.journal_seq, d.title FROM visit v
    JOIN document d ON d.visit_id = v.id ORDER BY v.started_at, v.id, d.position"""):
    print(f"{year}/{seq:06d},{title}")
`, join(dataDir, "rastau.sqlite3")], { encoding: "utf8" }).trim().split("\n");
  const exported = lines.slice(1).map((l) => `${l[column("journal_number")]},${l[column("document_title")]}`);
  assert.deepEqual(exported, stored);
  copyFileSync(csv, join(OUT, "journal.csv"));

  // Printed on the cups-pdf queue after a look at its pages.
  const since = Date.now() - 1000;
  await window.click('[data-testid="journal-print"]');
  await window.waitFor('[data-testid="print-preview"] img');
  await window.screenshot("72-journal-preview-ru");
  await window.click('[data-testid="print-now"]');
  await waitForPrint(window, "journal-", since, OUT);

  // Signed off with the supervisor's own key; the signed PDF validates.
  await window.click('[data-testid="sign-off-day"]');
  await window.click('[data-testid="confirm-yes"]');
  await window.fill('[data-testid="key-dialog"]', "keyPath", pki.p12);
  await window.fill('[data-testid="key-dialog"]', "keyPassword", KEY_PASSWORD);
  await window.click('[data-testid="open-key"]');
  const signed = await window.waitFor('[data-testid="day-signed"]');
  assert.match(await signed.getText(), /Сұлтанова Әйгерім Қайратқызы/);
  const hash = await signed.getAttribute("data-pdf");
  const pdf = join(OUT, "journal-signed.pdf");
  copyFileSync(join(dataDir, "files", hash.slice(0, 2), hash), pdf);
  assert.ok(pdfsigValid(pdf), "pdfsig validates the signed journal");

  // A correction is a new entry.
  await window.fill('[data-testid="correction-form"]', "correction", "Заявитель Қасымова обслужена без очереди.");
  await window.click('[data-testid="add-correction"]');
  await window.waitForText('[data-testid="corrections"]', "без очереди");
  await window.screenshot("73-journal-signed-ru");
});

test("a signed-off day takes no new visit", async () => {
  await signIn(CLERK_IIN);
  await window.click('[data-testid="nav-counter"]');
  await window.fill(counter, "taxId", "780214300450");
  await window.click('[data-testid="accept"]');
  await window.waitForText(`${counter} [data-testid="error"]`, "подписан руководителем");
  await window.screenshot("74-signed-day-locked-ru");
});
