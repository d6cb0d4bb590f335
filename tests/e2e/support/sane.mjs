// A private SANE configuration with the `test` backend switched on and A4 allowed (the stock
// test.conf caps pages at 200 mm), for the app's scanimage to find through SANE_CONFIG_DIR.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
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
