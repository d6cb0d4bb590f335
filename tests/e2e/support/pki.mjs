// A test PKI made with the openssl command line, as PLATFORM.md describes: a CA, and a clerk's
// signing key whose subject carries SERIALNUMBER=IIN…, packed into a .p12.
import { execFileSync } from "node:child_process";
import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const KEY_PASSWORD = "e2e-key-pass";

const openssl = (args, cwd) => execFileSync("openssl", args, { cwd, stdio: "pipe" });

/** Writes ca.pem and clerk.p12 into `dir`; returns their paths. With `caFrom`, the key is
 * issued by the CA an earlier call wrote there, so one trusted CA serves several people. */
export function makePki(dir, iin, name, caFrom = null) {
  if (caFrom) {
    copyFileSync(join(caFrom, "ca.pem"), join(dir, "ca.pem"));
    copyFileSync(join(caFrom, "ca.key"), join(dir, "ca.key"));
  } else {
    openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
      "-days", "3650", "-subj", "/C=KZ/O=Rastau E2E/CN=Rastau E2E Root CA",
      "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"], dir);
  }
  openssl(["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "clerk.key", "-out", "clerk.csr",
    "-subj", `/C=KZ/CN=${name}/serialNumber=IIN${iin}`, "-utf8"], dir);
  writeFileSync(join(dir, "clerk.ext"),
    "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n");
  openssl(["x509", "-req", "-in", "clerk.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
    "-out", "clerk.pem", "-days", "365", "-extfile", "clerk.ext"], dir);
  openssl(["pkcs12", "-export", "-inkey", "clerk.key", "-in", "clerk.pem", "-certfile", "ca.pem",
    "-out", "clerk.p12", "-passout", `pass:${KEY_PASSWORD}`], dir);
  return { ca: join(dir, "ca.pem"), p12: join(dir, "clerk.p12") };
}
