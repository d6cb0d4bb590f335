// The three outside checks a signed PDF must pass: OpenSSL on the detached CAdES, poppler's
// pdfsig and pyHanko on the PAdES inside.
import { spawnSync } from "node:child_process";

export const cmsVerifies = (pdf, p7s, ca) =>
  spawnSync("openssl", ["cms", "-verify", "-binary", "-inform", "DER", "-in", p7s, "-content", pdf, "-CAfile", ca, "-purpose", "any", "-out", "/dev/null"]).status === 0;

/** pyHanko's verdict, with its output to show when it refuses. */
export function pyhanko(pdf, ca) {
  const run = spawnSync("pyhanko", ["sign", "validate", "--trust", ca, pdf], { encoding: "utf8" });
  return { valid: run.status === 0, output: run.stdout + run.stderr };
}

export const pdfsigValid = (pdf) => /Signature Validation: Signature is Valid/.test(spawnSync("pdfsig", [pdf], { encoding: "utf8" }).stdout);

export const pdfText = (pdf) => spawnSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8" }).stdout;
