// The center's printer in end-to-end tests: the cups-pdf queue `PDF` (scripts/cups.sh), whose
// output lands in /var/spool/cups-pdf/<user>.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const SPOOL = `/var/spool/cups-pdf/${process.env.USER ?? "root"}`;

/** A supervisor chooses the cups-pdf queue in the center settings, then signs out. */
export async function chooseCupsPdf(window, supervisorIin = "850315400124") {
  await window.login(supervisorIin);
  await window.click('[data-testid="nav-center"]');
  await window.driver.wait(async () => (await window.text('[data-testid="printer"]')).includes("PDF"), 30_000, "waiting for the printer list");
  await window.select('[data-testid="printer"]', "PDF");
  await window.click('[data-testid="save-printer"]');
  await window.waitForText('[data-testid="printer-settings"] [data-testid="notice"]', "PDF");
  await window.click('[data-testid="logout"]');
}

/** Waits for cups-pdf to write a job titled `prefix…` after `since` (ms), copies it into
 * `folder` with its first page as a PNG, and returns the copy's path. */
export async function waitForPrint(window, prefix, since, folder) {
  let found;
  await window.driver.wait(
    async () => {
      const done = existsSync(SPOOL) ? readdirSync(SPOOL).filter((f) => f.startsWith(prefix) && f.endsWith(".pdf")) : [];
      // cups-pdf writes the file in pieces: it is done when it ends with %%EOF.
      found = done
        .map((f) => join(SPOOL, f))
        .find((f) => statSync(f).mtimeMs >= since && readFileSync(f).subarray(-32).toString().includes("%%EOF"));
      return Boolean(found);
    },
    60_000,
    `waiting for cups-pdf to print ${prefix}`,
  );
  mkdirSync(folder, { recursive: true });
  const copy = join(folder, `printed-${prefix}${Date.now()}.pdf`);
  copyFileSync(found, copy);
  const png = spawnSync("pdftoppm", ["-png", "-r", "60", "-singlefile", found, join(folder, `printed-${prefix}page1`)]);
  assert.equal(png.status, 0, "the printed page renders");
  return copy;
}
