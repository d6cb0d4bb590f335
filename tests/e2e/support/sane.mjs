// A private SANE configuration with the `test` backend switched on and A4 allowed (the stock
// test.conf caps pages at 200 mm), for the app's scanimage to find through SANE_CONFIG_DIR.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export function saneTestConfig(dir) {
  writeFileSync(join(dir, "dll.conf"), "test\n");
  const stock = existsSync("/etc/sane.d/test.conf") ? readFileSync("/etc/sane.d/test.conf", "utf8") : "";
  const conf = stock
    .split("\n")
    .map((l) => (l.trim().startsWith("geometry_max") ? "geometry_max 300.0" : l))
    .join("\n");
  writeFileSync(join(dir, "test.conf"), (conf.includes("geometry_max") ? conf : `${conf}\ngeometry_max 300.0`) + "\n");
  return dir;
}

/** An A4 page from the test scanner at 100 dpi, as a PNG file's bytes (`work`: a scratch folder). */
export function scanA4(work) {
  const scanned = spawnSync("scanimage", ["-d", "test", "--format=png", "--resolution", "100", "-x", "210", "-y", "297"], {
    env: { ...process.env, SANE_CONFIG_DIR: saneTestConfig(mkdtempSync(join(work, "sane-"))) },
    maxBuffer: 64 << 20,
  });
  assert.equal(scanned.status, 0, String(scanned.stderr));
  return scanned.stdout;
}
