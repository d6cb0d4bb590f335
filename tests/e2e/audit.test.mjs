// The supervisor's audit screen through the real window: a clerk is refused all four custody
// commands by Rust (called straight through the IPC, past the UI) and sees no Audit tab; the
// supervisor browses the trail (the logins, the clerk's visit, the demo's own entry), whose
// details name documents and notices as people know them rather than by row ids, narrows it
// by action and by a name in other letter case, walks the hash chain, backs the store up into
// a folder (checked on disk against its manifest) and runs the retention sweep. The trail fits
// the smallest window and the usual one in both languages.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { CLERK_IIN, listDocuments, walkAway } from "./support/counter.mjs";
import { KEY_PASSWORD, makePki } from "./support/pki.mjs";
import { supervisorTrusts } from "./support/trust.mjs";
import { Window, freshStore } from "./support/window.mjs";
import { fitsEverySize } from "./support/layout.mjs";

const SUPERVISOR_IIN = "850315400124";
const APPLICANT_IIN = "780214300450";
const work = mkdtempSync(join(tmpdir(), "rastau-e2e-audit-"));
// The clerk's key signs the notice of the refusal that ends the visit (rule 6).
const keys = mkdtempSync(join(tmpdir(), "rastau-e2e-audit-keys-"));
const pki = makePki(keys, CLERK_IIN, "Өмірзақов Нұржан Ғалымұлы");
let window;

before(async () => {
  window = await Window.open(freshStore({ demo: true }), 4514);
  await supervisorTrusts(window, [pki.ca]);
});
after(async () => {
  await window?.close();
  rmSync(work, { recursive: true, force: true });
  rmSync(keys, { recursive: true, force: true });
});

const counter = '[data-testid="counter"]';
const audit = '[data-testid="audit"]';
/** Each row's action and text, read in one step: a table redrawn meanwhile cannot go stale. */
const rows = () =>
  window.driver.executeScript(
    `return [...document.querySelectorAll('[data-testid="audit-row"]')].map((r) => ({ action: r.dataset.action, text: r.innerText }));`,
  );

/** The rows shown once the table settles on `check` (given each row's action and text). */
async function rowsWhen(check, what) {
  let seen = [];
  await window.driver
    .wait(async () => {
      seen = await rows();
      return check(seen);
    }, 20_000)
    .catch(() => {
      throw new Error(`${what}; the table shows ${JSON.stringify(seen, null, 1)}`);
    });
  return seen;
}

test("a clerk is refused the audit, the chain's walk, backups and retention, and has no Audit tab", async () => {
  await window.login(CLERK_IIN);
  await window.click('[data-testid="lang-ru"]');
  await window.click('[data-testid="nav-counter"]');
  await window.fill(counter, "taxId", APPLICANT_IIN);
  await window.fillAll(counter, { surname: "Жұмабекова", givenName: "Әсем", address: "Шымкент", phone: "+7 701 111 11 11" });
  await window.click('[data-testid="accept"]');
  await listDocuments(window);
  await walkAway(window, pki.p12, KEY_PASSWORD);

  await window.waitFor('[data-testid="nav-journal"]');
  assert.equal((await window.driver.findElements({ css: '[data-testid="nav-audit"]' })).length, 0, "no Audit tab for a clerk");

  const calls = [
    ["audit", { filter: { offset: 0 } }],
    ["verify_audit", {}],
    ["backup", { folder: work, withSealKey: true }],
    ["run_retention", {}],
  ];
  for (const [command, args] of calls) {
    const answer = await window.invoke(command, args);
    assert.equal(answer.ok, undefined, `${command} answered a clerk: ${JSON.stringify(answer.ok)}`);
    assert.equal(answer.error?.code, "supervisor-only", `${command}: ${JSON.stringify(answer.error)}`);
  }
  assert.deepEqual(readdirSync(work), [], "the clerk's backup wrote nothing");
  await window.screenshot("80-audit-clerk-no-tab-ru");
});

test("the supervisor browses the trail, narrows it, walks the chain, backs up and runs retention", async () => {
  await window.click('[data-testid="logout"]');
  await window.login(SUPERVISOR_IIN);
  await window.click('[data-testid="lang-ru"]');
  // The same call the clerk was refused answers the supervisor: the refusal was the role's.
  const answered = await window.invoke("audit", { filter: { offset: 0, action: "login" } });
  assert.equal(answered.error, undefined, JSON.stringify(answered.error));
  assert.equal(answered.ok.entries[0].actorIin, SUPERVISOR_IIN);
  await window.click('[data-testid="nav-audit"]');
  await window.waitFor(audit);

  // Everything so far, newest first: the supervisor's login on top, Rastau's demo entry last.
  const all = await rowsWhen(
    (seen) => seen.some((r) => r.action === "visit-opened") && seen.at(-1)?.action === "demo-filled",
    "the whole trail",
  );
  assert.ok(all.length >= 10, `${all.length} entries`);
  assert.match(all.find((r) => r.action === "demo-filled").text, /Rastau \(само\)/);
  const visit = all.find((r) => r.action === "visit-opened").text;
  assert.match(visit, /Өмірзақов Нұржан Ғалымұлы/);
  assert.match(visit, new RegExp(CLERK_IIN));
  assert.match(visit, /Принято обращение/);
  assert.match(visit, /обращение № \d{4}\/\d{6}/);
  assert.match(visit, new RegExp(APPLICANT_IIN));
  assert.ok(all.filter((r) => r.action === "login").length >= 2, "both logins");
  // Details as the supervisor knows them: the documents refused by title, not "1,2"; the
  // notice by its number and signer.
  const refused = all.find((r) => r.action === "refused").text;
  assert.match(refused, /№ 1 «Туу туралы куәлік», № 2 «Диплом»/);
  assert.doesNotMatch(refused, /\b1,2\b/);
  const notice = all.find((r) => r.action === "notice-issued").text;
  assert.match(notice, new RegExp(`\\d{4}/\\d{6}-N1, подписал\\(а\\) Өмірзақов Нұржан Ғалымұлы \\(ИИН ${CLERK_IIN}\\)`));
  assert.match(all.find((r) => r.action === "documents-listed").text, /документов в списке: 2/);
  assert.match(await window.text('[data-testid="audit-total"]'), new RegExp(`Всего: ${all.length}`));
  assert.equal((await window.text('[data-testid="audit-newer"]')).trim(), "← Новее");

  // By action: the logins only.
  await window.select('[data-testid="audit-action"]', "login");
  const logins = await rowsWhen((seen) => seen.length > 0 && seen.every((r) => r.action === "login"), "logins only");
  assert.equal(logins.length, all.filter((r) => r.action === "login").length);
  assert.ok(logins.some((r) => /Өмірзақов/.test(r.text)), "the clerk's login");
  assert.match(logins[0].text, /Сұлтанова/);
  await window.select('[data-testid="audit-action"]', "");

  // By a name typed in capitals: Kazakh letters fold as the others do.
  await window.fill(audit, "search", "ӨМІРЗАҚОВ");
  const clerks = await rowsWhen(
    (seen) => seen.length > 0 && seen.length < all.length && seen.every((r) => r.text.includes("Өмірзақов")),
    "the clerk's entries",
  );
  assert.ok(clerks.some((r) => r.action === "visit-opened"));
  assert.ok(clerks.some((r) => r.action === "visit-closed"));
  await window.fill(audit, "search", "");
  await rowsWhen((seen) => seen.length === all.length, "the whole trail again");

  // The chain is whole.
  await window.click('[data-testid="audit-verify"]');
  assert.match(await window.text('[data-testid="audit-verified"]'), new RegExp(`Цепочка цела: ${all.length} запис`));

  // A folder that is not there: refused in words, nothing written.
  const missing = join(work, "no-such-folder");
  await window.fill(audit, "backupFolder", missing);
  await window.click('[data-testid="audit-backup"]');
  await window.click('[data-testid="confirm-yes"]');
  await window.waitForText('[data-testid="audit-custody"] [data-testid="error"]', `Не удалось записать резервную копию в «${missing}»`);
  assert.deepEqual(readdirSync(work), []);

  // A backup into a folder typed in (the system's folder dialog cannot be driven).
  await window.fill(audit, "backupFolder", work);
  await window.click('[data-testid="audit-backup"]');
  await window.waitForText('[data-testid="confirm"]', `в «${work}»`);
  await window.screenshot("81-audit-backup-confirm-ru");
  await window.click('[data-testid="confirm-yes"]');
  const done = await window.waitForText('[data-testid="audit-backup-done"]', "Резервная копия создана");
  const made = readdirSync(work);
  assert.equal(made.length, 1, `one folder made: ${made}`);
  assert.match(made[0], /^Rastau backup /);
  const backup = join(work, made[0]);
  assert.ok(done.includes(backup), done);
  const manifest = JSON.parse(readFileSync(join(backup, "manifest.json"), "utf8"));
  assert.equal(manifest.format, "rastau-backup-1");
  const database = readFileSync(join(backup, "rastau.sqlite3"));
  assert.equal(createHash("sha256").update(database).digest("hex"), manifest.database.sha256);
  assert.equal(database.length, manifest.database.bytes);
  // The backup is in the trail at once, on top.
  await rowsWhen((seen) => seen[0]?.action === "backed-up" && seen[0].text.includes(backup), "the backup's entry on top");

  // Retention on request: nothing is six months old in a new store.
  await window.click('[data-testid="audit-retention"]');
  await window.waitForText('[data-testid="confirm"]', "удалены безвозвратно");
  await window.click('[data-testid="confirm-yes"]');
  await window.waitForText('[data-testid="audit-custody"] [data-testid="notice"]', "удалено копий — 0, страниц — 0, файлов стёрто — 0");
  await rowsWhen((seen) => seen[0]?.action === "retention-run", "the sweep's entry on top");
  assert.equal((await window.driver.findElements({ css: '[data-testid="error"]' })).length, 0, "no error shown");
  await window.driver.executeScript(`document.querySelector('[data-testid="audit-custody"]').scrollIntoView()`);
  await window.screenshot("82-audit-custody-ru");
  await window.driver.executeScript("window.scrollTo(0, 0)");
  await window.screenshot("83-audit-supervisor-ru");

  // The same screen in Kazakh, the chain walked again.
  await window.click('[data-testid="lang-kk"]');
  await window.click('[data-testid="audit-verify"]');
  const walked = (await window.waitForText('[data-testid="audit-verified"]', "Тізбек бүтін")).match(/(\d+) жазба/)[1];
  await window.waitForText('[data-testid="audit-total"]', `Барлығы: ${walked}`);
  await window.waitForText(audit, "Сақтау мерзімін тексеру");
  await window.screenshot("84-audit-custody-kk");
  await window.driver.executeScript("window.scrollTo(0, 0)");
  await window.screenshot("85-audit-supervisor-kk");
});

test("the trail fits the smallest window and the usual one, in both languages", async () => {
  await window.driver.executeScript("window.scrollTo(0, 0)");
  await fitsEverySize(window, { name: "88-audit", ready: '[data-testid="audit-row"]', scrollers: ".scroll" });
  // The details are worded in the language shown.
  await window.click('[data-testid="lang-kk"]');
  await window.waitForText('[data-testid="audit-row"][data-action="documents-listed"]', "тізімдегі құжаттар: 2");
  await window.click('[data-testid="lang-ru"]');
});
