// A store written by a newer Rastau is refused with a clear message, never silently used.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { Window, freshStore } from "./support/window.mjs";

let window;
before(async () => {
  const dir = freshStore({ demo: true });
  // As if a later version had migrated the file further than this one knows.
  execFileSync("python3", [
    "-c",
    "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('PRAGMA user_version = 99'); c.commit()",
    join(dir, "rastau.sqlite3"),
  ]);
  window = await Window.open(dir, 4464, '[data-testid="error"]');
});
after(async () => {
  await window?.close();
});

test("the window explains, in both languages, and offers no login", async () => {
  assert.match(await window.text('[data-testid="error"]'), /жаңарақ нұсқасы.*схема 99/);
  assert.equal((await window.driver.findElements({ css: '[data-testid="login"]' })).length, 0);
  await window.screenshot("20-newer-store-kk");
  await window.click('[data-testid="lang-ru"]');
  await window.waitForText('[data-testid="error"]', "более новой версией Rastau");
  await window.screenshot("21-newer-store-ru");
});
