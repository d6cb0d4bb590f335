// The window answers while long work runs: the supervisor's backup of the demo's week (over a
// thousand files, each synced) is written without holding the store, so what the idle lock asks
// (`status`, `touch`) and the journal answer before the backup ends, and the screen still
// switches language meanwhile.
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { Window, freshStore } from "./support/window.mjs";

const SUPERVISOR = { iin: "850315400124", password: "demo-2026" };
let window;
let dest;

before(async () => {
  window = await Window.open(freshStore(), 4912, '[data-testid="login"]', {}, ["--demo"]);
  dest = mkdtempSync(join(tmpdir(), "rastau-backup-"));
});
after(async () => {
  await window?.close();
  if (dest) rmSync(dest, { recursive: true, force: true });
});

test("the idle lock's questions and the journal answer while a backup is written", async () => {
  const signedIn = await window.invoke("login", SUPERVISOR);
  assert.ok(signedIn.ok, JSON.stringify(signedIn));
  const today = new Date().toISOString().slice(0, 10);
  const answered = await window.driver.executeAsyncScript(
    `const [folder, day, done] = arguments;
     const invoke = window.__TAURI_INTERNALS__.invoke;
     const order = [];
     const note = (name) => () => order.push(name);
     const backup = invoke("backup", { folder, withSealKey: false }).then(note("backup"), (e) => order.push("backup refused " + JSON.stringify(e)));
     // Once the backup has begun, the questions a clerk's window keeps asking.
     setTimeout(() => {
       const others = [
         invoke("status").then(note("status")),
         invoke("touch").then(note("touch")),
         invoke("journal", { filter: { from: day, to: day } }).then(note("journal"), (e) => order.push("journal refused " + JSON.stringify(e))),
       ];
       Promise.all([backup, ...others]).then(() => done(order));
     }, 30);`,
    dest,
    today,
  );
  assert.equal(answered.length, 4, answered.join(", "));
  assert.equal(answered.at(-1), "backup", `the backup ends last: ${answered.join(", ")}`);
  assert.deepEqual(answered.slice(0, 3).sort(), ["journal", "status", "touch"]);
  const [folder] = readdirSync(dest);
  assert.match(folder, /^Rastau backup /);
  assert.ok(readdirSync(join(dest, folder)).includes("manifest.json"));
});
