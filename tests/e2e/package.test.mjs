// The package a clerk's computer installs (`scripts/package.sh`; the test command packages the
// debug build): unpacked as dpkg unpacks it, it holds the window, the `rastau` command and the
// menu entry, names the Debian packages they need, and the installed window starts.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { accessSync, constants, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, test } from "node:test";
import { Window, freshStore } from "./support/window.mjs";

const ROOT = resolve(import.meta.dirname, "../..");

/** The newest package the package script made, of either profile. */
function newestPackage() {
  const found = ["debug", "release"].flatMap((profile) => {
    const dir = join(ROOT, "target", profile, "bundle", "deb");
    try {
      return readdirSync(dir).filter((f) => f.endsWith(".deb")).map((f) => join(dir, f));
    } catch {
      return [];
    }
  });
  assert.ok(found.length > 0, "no package: run scripts/package.sh --debug first");
  return found.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}

const DEB = process.env.RASTAU_DEB ?? newestPackage();
let root;
before(() => {
  root = mkdtempSync(join(tmpdir(), "rastau-deb-"));
  execFileSync("dpkg-deb", ["-x", DEB, root]);
});
after(() => rmSync(root, { recursive: true, force: true }));

test("the package holds the window, the command and the menu entry, and names what they need", () => {
  const field = (name) => execFileSync("dpkg-deb", ["-f", DEB, name]).toString().trim();
  assert.equal(field("Package"), "rastau");
  for (const needed of ["libwebkit2gtk-4.1-0", "poppler-utils", "sane-utils"]) {
    assert.ok(field("Depends").split(/,\s*/).includes(needed), `Depends: ${field("Depends")}`);
  }
  for (const program of ["usr/bin/rastau-app", "usr/bin/rastau"]) {
    accessSync(join(root, program), constants.X_OK);
  }
  const entry = readFileSync(join(root, "usr/share/applications/Rastau.desktop"), "utf8");
  assert.match(entry, /^Exec=rastau-app/m);
});

test("the installed command answers in Kazakh", () => {
  const rastau = join(root, "usr/bin/rastau");
  assert.match(execFileSync(rastau, ["--version"]).toString(), /^rastau \d+\.\d+\.\d+/);
  const checked = execFileSync(rastau, ["--lang", "kk", "id", "check", "780214300450"]).toString();
  assert.match(checked, /780214300450/);
});

test("the installed window starts and shows its first screen", async () => {
  const window = await Window.open(freshStore(), 4900, undefined, {}, [], join(root, "usr/bin/rastau-app"));
  try {
    await window.waitFor('[data-testid="first-start"]');
    await window.screenshot("package-first-start-kk");
  } finally {
    await window.close();
  }
});
