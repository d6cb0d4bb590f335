// The window answers while long work runs: the supervisor's backup of the demo's week (over a
// thousand files, each synced) is written without holding the store, and so is the copy of a
// document of eighty pages while it is made and signed; what the idle lock asks (`status`,
// `touch`), the journal and the page strip answer before the long work ends; and a backup stops
// when the supervisor cancels it.
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { CLERK_IIN } from "./support/counter.mjs";
import { KEY_PASSWORD, makePki } from "./support/pki.mjs";
import { scanA4 } from "./support/sane.mjs";
import { Window, freshStore } from "./support/window.mjs";

const SUPERVISOR = { iin: "850315400124", password: "demo-2026" };
const PAGES = 80;
let window;
let dest;
let work;

before(async () => {
  window = await Window.open(freshStore(), 4912, '[data-testid="login"]', {}, ["--demo"]);
  dest = mkdtempSync(join(tmpdir(), "rastau-backup-"));
  work = mkdtempSync(join(tmpdir(), "rastau-e2e-large-"));
});
after(async () => {
  await window?.close();
  if (dest) rmSync(dest, { recursive: true, force: true });
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Runs `long` (an invoke's name and arguments) and, once it has begun, `others`; answers the
 * order in which they came back, a refusal written out. */
async function whileRunning(long, others) {
  return window.driver.executeAsyncScript(
    `const [long, others, done] = arguments;
     const invoke = window.__TAURI_INTERNALS__.invoke;
     const order = [];
     const call = ([name, args]) =>
       invoke(name, args).then(() => order.push(name), (e) => order.push(name + " refused " + JSON.stringify(e)));
     const first = call(long);
     setTimeout(() => Promise.all([first, ...others.map(call)]).then(() => done(order)), 30);`,
    long,
    others,
  );
}

test("the idle lock's questions and the journal answer while a backup is written", async () => {
  const signedIn = await window.invoke("login", SUPERVISOR);
  assert.ok(signedIn.ok, JSON.stringify(signedIn));
  const today = new Date().toISOString().slice(0, 10);
  const answered = await whileRunning(
    ["backup", { folder: dest, withSealKey: false }],
    [["status", {}], ["touch", {}], ["journal", { filter: { from: today, to: today } }]],
  );
  assert.equal(answered.length, 4, answered.join(", "));
  assert.equal(answered.at(-1), "backup", `the backup ends last: ${answered.join(", ")}`);
  assert.deepEqual(answered.slice(0, 3).sort(), ["journal", "status", "touch"]);
  const [folder] = readdirSync(dest);
  assert.match(folder, /^Rastau backup /);
  assert.ok(readdirSync(join(dest, folder)).includes("manifest.json"));
});

test("the idle lock's questions and the page strip answer while a document of eighty pages is certified", async () => {
  const pki = makePki(work, CLERK_IIN, "Өмірзақов Нұржан Ғалымұлы");
  assert.ok((await window.invoke("trust_ca", { path: pki.ca })).ok, "the supervisor trusts the CA");
  await window.invoke("logout");
  assert.ok((await window.invoke("login", { iin: CLERK_IIN, password: SUPERVISOR.password })).ok);
  const applicant = { taxId: "780214300450", surname: "Жұмабекова", givenName: "Ардақ", patronymic: "", organization: "", address: "Астана", phone: "" };
  const visit = (await window.invoke("open_visit", { request: { applicant } })).ok;
  const book = { title: "Еңбек кітапшасы", number: "АА 000123", issuedOn: "01.09.1995", issuer: "Кәсіпорын", sheets: PAGES };
  assert.ok((await window.invoke("set_documents", { visitId: visit.id, documents: [book], copiesOnMedia: false })).ok);
  assert.ok((await window.invoke("confirm_consent", { visitId: visit.id, present: "applicant" })).ok);
  const page = scanA4(work);
  const paths = Array.from({ length: PAGES }, (_, i) => {
    const path = join(work, `page-${String(i + 1).padStart(3, "0")}.png`);
    writeFileSync(path, page);
    return path;
  });
  const imported = await window.invoke("import_files", { visitId: visit.id, paths, position: 1 });
  assert.equal(imported.ok?.length, PAGES, JSON.stringify(imported.error));
  assert.ok((await window.invoke("open_signing_key", { path: pki.p12, password: KEY_PASSWORD })).ok);

  const answered = await whileRunning(
    ["certify_document", { visitId: visit.id, position: 1 }],
    [["status", {}], ["touch", {}], ["pages", { visitId: visit.id }]],
  );
  assert.equal(answered.length, 4, answered.join(", "));
  assert.equal(answered.at(-1), "certify_document", `the certification ends last: ${answered.join(", ")}`);
  assert.deepEqual(answered.slice(0, 3).sort(), ["pages", "status", "touch"]);
  const [copy] = (await window.invoke("copies", { taxId: applicant.taxId })).ok;
  assert.equal(copy.pageCount, PAGES);
});

test("a backup under way stops when the supervisor cancels it, and leaves no folder", async () => {
  await window.invoke("logout");
  assert.ok((await window.invoke("login", SUPERVISOR)).ok);
  const stick = mkdtempSync(join(tmpdir(), "rastau-backup-cancelled-"));
  try {
    const answered = await whileRunning(["backup", { folder: stick, withSealKey: false }], [["cancel_backup", {}]]);
    assert.equal(answered[0], "cancel_backup", answered.join(", "));
    assert.match(answered[1], /^backup refused .*"backup-cancelled"/);
    assert.deepEqual(readdirSync(stick), [], "the started folder is removed");
  } finally {
    rmSync(stick, { recursive: true, force: true });
  }
});
