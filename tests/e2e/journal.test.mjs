// The supervisor's journal through the real window: visits by two clerks, each applicant gone
// before certification and refused on ground 1 (rule 6: nothing else ends a visit); a clerk
// sees only their own; the supervisor searches, is told a folder typed as the CSV's target is
// a folder, exports the CSV (checked row for row against the store) and prints on cups-pdf,
// the notices following a switch of language. A visit still open holds the sign-off, whose
// confirmation says what signing does to the day, with its date as people write it; the
// refusal banner of that visit leaves once its notice is signed. A clerk's key is refused
// at the sign-off in words of its own, the supervisor's signs (the PDF validates with pdfsig);
// a correction typed with journal numbers in it is shown whole before it is kept; afterwards
// the signed day takes no new visit. The journal fits the smallest window in both languages.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { CLERK_IIN, clerkAtCounter, listDocuments, walkAway } from "./support/counter.mjs";
import { KEY_PASSWORD, makePki } from "./support/pki.mjs";
import { trustCa } from "./support/trust.mjs";
import { waitForPrint } from "./support/print.mjs";
import { pdfsigValid } from "./support/signed.mjs";
import { ARTIFACTS } from "./support/window.mjs";
import { fitsEverySize } from "./support/layout.mjs";

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
// The supervisor's key, from a CA of their own that the center trusts too.
const supervisorPki = makePki(mkdtempSync(join(work, "supervisor-")), SUPERVISOR_IIN, "Сұлтанова Әйгерім Қайратқызы");
let window;
let dataDir;
let servingClerk = CLERK_IIN;
const two = (n) => String(n).padStart(2, "0");
const now = new Date();
/** Today as people write it, as the date fields take it and the confirmations say it. */
const TODAY = `${two(now.getDate())}.${two(now.getMonth() + 1)}.${now.getFullYear()}`;
const journal = '[data-testid="journal"]';
const exporter = '[data-testid="journal-export"]';

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

/** Asks to finish the visit at the counter, once its panel takes the click: the button is off
 * while the panel is still busy with the visit just resumed or refused, and a click then does
 * nothing. */
async function finishVisit() {
  const finish = '[data-testid="finish-visit"]';
  await window.driver.wait(async () => (await window.waitFor(finish)).isEnabled().catch(() => false), 20_000, `waiting for ${finish} to take a click`);
  await window.click(finish);
  await window.click('[data-testid="confirm-yes"]');
}

/** The journal of today, with `rows` visits in it. */
async function todaysJournal(rows) {
  await window.click('[data-testid="nav-journal"]');
  await window.fill(journal, "journalFrom", TODAY);
  await waitForRows(rows);
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

test("the supervisor searches, is told a folder is a folder, exports the CSV row for row and prints", async () => {
  await signIn(SUPERVISOR_IIN);
  // The supervisor's key must chain to a CA the center trusts, added on the Verify screen.
  await trustCa(window, supervisorPki.ca);
  // A demo's journal opens on its week; a day is signed off alone, so today is typed.
  await todaysJournal(3);
  await window.fill(journal, "search", "қасым");
  await waitForRows(1);
  await window.fill(journal, "search", "");
  await waitForRows(3);
  await window.screenshot("71-journal-supervisor-ru");

  // A folder typed as the target: said to be a folder, not a name taken; nothing written in it.
  const folder = mkdtempSync(join(work, "exports-"));
  await window.fill(exporter, "journalCsvPath", folder);
  await window.click('[data-testid="journal-export-csv"]');
  await window.waitForText(`${exporter} [data-testid="error"]`, `«${folder}» — это папка, а журнал записывается в файл`);
  assert.deepEqual(readdirSync(folder), []);
  await window.screenshot("75-journal-csv-folder-ru");

  // The CSV, line for line against the store's documents of the day.
  const csv = join(folder, "journal.csv");
  await window.fill(exporter, "journalCsvPath", csv);
  await window.click('[data-testid="journal-export-csv"]');
  await window.waitForText(`${exporter} [data-testid="notice"]`, "journal.csv");
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

  // Printed on the cups-pdf queue after a look at its pages; what was said follows the language.
  const since = Date.now() - 1000;
  await window.click('[data-testid="journal-print"]');
  await window.waitFor('[data-testid="print-preview"] img');
  await window.screenshot("72-journal-preview-ru");
  await window.click('[data-testid="print-now"]');
  await waitForPrint(window, "journal-", since, OUT);
  const said = `${exporter} [data-testid="notice"]`;
  await window.waitForText(said, "Отправлено на принтер.");
  await window.click('[data-testid="lang-kk"]');
  await window.waitForText(said, "Принтерге жіберілді.");
  await window.screenshot("76-journal-printed-kk");
  await window.click('[data-testid="lang-ru"]');
  await window.waitForText(said, "Отправлено на принтер.");
});

test("a visit still open holds the sign-off; its refusal banner leaves once the notice is signed", async () => {
  // The supervisor serves a returning applicant at the counter and leaves the visit open.
  await window.click('[data-testid="nav-counter"]');
  await window.fill(counter, "taxId", "780214300450");
  await window.click('[data-testid="accept"]');
  await listDocuments(window);
  await todaysJournal(4);
  await window.click('[data-testid="sign-off-day"]');
  const asked = await window.waitForText('[data-testid="confirm"]', `Подписать журнал за ${TODAY} своей ЭЦП?`);
  assert.match(asked, /ни одно окно центра не сможет принять новое обращение/);
  assert.match(asked, /Не завершено обращений: 1\./);
  assert.doesNotMatch(asked, /\d{4}-\d{2}-\d{2}/);
  assert.equal(await (await window.waitFor('[data-testid="confirm-yes"]')).isEnabled(), false, "nothing to sign while a visit is open");
  await window.screenshot("77-journal-signoff-open-ru");
  await window.click('[data-testid="confirm-cancel"]');
  await window.gone('[data-testid="confirm"]');

  // Back at the counter the applicant has gone: the documents are refused on ground 1.
  await window.click('[data-testid="nav-counter"]');
  await window.click('[data-testid="open-visits"] button');
  await finishVisit();
  await window.click('[data-testid="refuse-undecided"]');
  await window.click('[data-testid="refuse-confirm"]');
  // Finishing before the notice is signed says so, until the notice is signed.
  await finishVisit();
  const banner = '[data-testid="finish"] [data-testid="error"]';
  await window.waitForText(banner, "Есть отказы без уведомления");
  await window.screenshot("78-visit-notice-pending-ru");
  await window.click('[data-testid="sign-notice"]');
  await window.fill('[data-testid="key-dialog"]', "keyPath", supervisorPki.p12);
  await window.fill('[data-testid="key-dialog"]', "keyPassword", KEY_PASSWORD);
  await window.click('[data-testid="open-key"]');
  await window.gone('[data-testid="notice-sign"]');
  await window.gone(banner);
  const signed = '[data-testid="refusals"] [data-testid="notice"]';
  await window.waitForText(signed, "подписано и сохранено");
  await window.click('[data-testid="lang-kk"]');
  await window.waitForText(signed, "хабарламаға қол қойылып");
  await window.screenshot("79-visit-notice-signed-kk");
  await window.click('[data-testid="lang-ru"]');
  await finishVisit();
  await window.waitFor(counter);
});

test("a clerk's key is refused at the sign-off in its own words; a correction is shown whole before it is kept", async () => {
  // A new session: the key opened for the notice is gone, so the sign-off asks for one.
  await signIn(SUPERVISOR_IIN);
  await todaysJournal(4);
  await window.click('[data-testid="sign-off-day"]');
  const asked = await window.waitForText('[data-testid="confirm"]', `Подписать журнал за ${TODAY} своей ЭЦП?`);
  assert.match(asked, /Все обращения дня завершены\./);
  await window.screenshot("73a-journal-signoff-confirm-ru");
  await window.click('[data-testid="confirm-yes"]');
  const dialog = '[data-testid="key-dialog"]';
  await window.fill(dialog, "keyPath", clerkPki.p12);
  await window.fill(dialog, "keyPassword", KEY_PASSWORD);
  await window.click('[data-testid="open-key"]');
  const refused = await window.waitForText(`${dialog} [data-testid="error"]`, "Журнал дня подписывает руководитель");
  assert.doesNotMatch(refused, /Уведомление/);
  await window.screenshot("73b-journal-signoff-clerk-key-ru");
  await window.fill(dialog, "keyPath", supervisorPki.p12);
  await window.fill(dialog, "keyPassword", KEY_PASSWORD);
  await window.click('[data-testid="open-key"]');
  const signed = await window.waitFor('[data-testid="day-signed"]');
  assert.match(await signed.getText(), /Сұлтанова Әйгерім Қайратқызы/);
  const hash = await signed.getAttribute("data-pdf");
  const pdf = join(OUT, "journal-signed.pdf");
  copyFileSync(join(dataDir, "files", hash.slice(0, 2), hash), pdf);
  assert.ok(pdfsigValid(pdf), "pdfsig validates the signed journal");

  // A correction about a visit, naming journal numbers: every "/" stays in the text.
  const number = await (await window.waitFor('[data-testid="journal-row"]:nth-child(2)')).getAttribute("data-number");
  const text = `Обращение ${number}: время окончания указано неверно, фактически 09:40 (см. также ${number}/1).`;
  await window.fill('[data-testid="correction-form"]', "correction", text);
  const typed = await window.driver.executeScript(
    `return [document.querySelector('textarea[name="correction"]').value, document.querySelector('${journal} input[name="search"]').value];`,
  );
  assert.deepEqual(typed, [text, ""], "the text stays whole and the search box empty");
  await window.click('[data-testid="add-correction"]');
  const confirm = await window.waitForText('[data-testid="confirm"]', "будет добавлено навсегда");
  assert.ok(confirm.includes(`«${text}»`), confirm);
  assert.ok(confirm.includes(TODAY), confirm);
  await window.screenshot("73c-journal-correction-confirm-ru");
  await window.click('[data-testid="confirm-yes"]');
  await window.waitForText('[data-testid="corrections"]', text);
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

test("the journal fits the smallest window and the usual one, in both languages", async () => {
  await signIn(SUPERVISOR_IIN);
  await todaysJournal(4);
  await fitsEverySize(window, { name: "79a-journal", ready: '[data-testid="journal-row"]', scrollers: ".scroll" });
});
