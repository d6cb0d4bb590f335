// Trusted CAs through the real window: a clerk's key of a CA the center does not trust (or a
// self-signed one in the clerk's name) certifies nothing, with a message saying what to add; a
// supervisor refuses a person's certificate offered as a CA, adds the CA by its typed path,
// sees it listed by name and validity (kk and ru), and removes it after a confirmation; a
// clerk is refused the trust commands straight through the IPC.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { CLERK_IIN } from "./support/counter.mjs";
import { KEY_PASSWORD, makePki } from "./support/pki.mjs";
import { trustCa } from "./support/trust.mjs";
import { Window, freshStore } from "./support/window.mjs";

const SUPERVISOR_IIN = "850315400124";
const work = mkdtempSync(join(tmpdir(), "rastau-e2e-trust-"));
const pki = makePki(work, CLERK_IIN, "Сейтқали Дана");
let window;

before(async () => {
  window = await Window.open(freshStore({ demo: true }), 4524);
});
after(async () => {
  await window?.close();
  rmSync(work, { recursive: true, force: true });
});

const trusted = '[data-testid="trusted-cas"]';

/** Opens the clerk's key through the certification's key command. */
const openKey = () => window.invoke("open_signing_key", { path: pki.p12, password: KEY_PASSWORD });

test("with no CA trusted, a clerk's key opens for nothing and the clerk is told what is missing", async () => {
  await window.login(CLERK_IIN);
  await window.click('[data-testid="lang-ru"]');
  const refused = await openKey();
  assert.equal(refused.error?.code, "no-trust-anchors", JSON.stringify(refused));
  const denied = await window.invoke("trust_ca", { path: pki.ca });
  assert.equal(denied.error?.code, "supervisor-only", JSON.stringify(denied));
  assert.equal((await window.invoke("trusted_cas")).error?.code, "supervisor-only");
  await window.click('[data-testid="nav-verify"]');
  await window.waitFor('[data-testid="verify"]');
  assert.equal((await window.driver.findElements({ css: trusted })).length, 0, "no trust panel for a clerk");
  await window.click('[data-testid="logout"]');
});

test("a supervisor refuses a person's certificate, adds the CA by name and removes it", async () => {
  await window.login(SUPERVISOR_IIN);
  await window.click('[data-testid="lang-ru"]');
  await window.click('[data-testid="nav-verify"]');
  await window.waitForText(`${trusted} [data-testid="trusted-cas-none"]`, "нельзя");
  await window.screenshot("85-trusted-cas-none-ru");

  // The clerk's own certificate is no CA: refused by name, nothing kept.
  const person = join(work, "clerk-cert.pem");
  execFileSync("openssl", ["pkcs12", "-in", pki.p12, "-clcerts", "-nokeys", "-out", person, "-passin", `pass:${KEY_PASSWORD}`]);
  await window.fill(trusted, "caPath", person);
  await window.click('[data-testid="trust-ca"]');
  await window.waitForText(`${trusted} [data-testid="error"]`, "не является сертификатом удостоверяющего центра");
  await window.waitFor(`${trusted} [data-testid="trusted-cas-none"]`);

  await trustCa(window, pki.ca);
  await window.waitForText(`${trusted} [data-testid="notice"]`, "Rastau E2E Root CA");
  const listed = await window.text('[data-testid="trusted-cas-list"]');
  assert.match(listed, /Rastau E2E Root CA/);
  assert.match(listed, /\d{2}\.\d{2}\.\d{4} – \d{2}\.\d{2}\.\d{4}/);
  await window.screenshot("86-trusted-cas-ru");
  await window.click('[data-testid="lang-kk"]');
  await window.waitForText(trusted, "Куәландырушы орталық");
  await window.screenshot("87-trusted-cas-kk");
  await window.click('[data-testid="lang-ru"]');
  await window.click('[data-testid="logout"]');

  // Now the clerk's key opens.
  await window.login(CLERK_IIN);
  const opened = await openKey();
  assert.equal(opened.error, undefined, JSON.stringify(opened));
  await window.click('[data-testid="logout"]');

  // Removed after a confirmation: the key is refused again.
  await window.login(SUPERVISOR_IIN);
  await window.click('[data-testid="nav-verify"]');
  await window.click('[data-testid="remove-ca"]');
  await window.waitForText('[data-testid="confirm"]', "Rastau E2E Root CA");
  await window.click('[data-testid="confirm-yes"]');
  await window.waitFor(`${trusted} [data-testid="trusted-cas-none"]`);
  await window.click('[data-testid="logout"]');
  await window.login(CLERK_IIN);
  assert.equal((await openKey()).error?.code, "no-trust-anchors");
});

test("a key of another CA, or self-signed in the clerk's name, is refused with the issuer named", async () => {
  await window.click('[data-testid="logout"]');
  await window.login(SUPERVISOR_IIN);
  await trustCa(window, pki.ca);
  await window.click('[data-testid="logout"]');
  await window.login(CLERK_IIN);
  const stranger = makePki(mkdtempSync(join(work, "stranger-")), CLERK_IIN, "Сейтқали Дана");
  const refused = await window.invoke("open_signing_key", { path: stranger.p12, password: KEY_PASSWORD });
  assert.equal(refused.error?.code, "sign-untrusted-issuer", JSON.stringify(refused));
  assert.equal(refused.error?.args?.issuer, "Rastau E2E Root CA");
  // Self-signed, carrying the clerk's IIN and nonRepudiation like a real key.
  const forged = mkdtempSync(join(work, "forged-"));
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem",
    "-days", "365", "-subj", `/C=KZ/CN=Сейтқали Дана/serialNumber=IIN${CLERK_IIN}`, "-utf8",
    "-addext", "keyUsage=critical,digitalSignature,nonRepudiation"], { cwd: forged, stdio: "pipe" });
  execFileSync("openssl", ["pkcs12", "-export", "-inkey", "key.pem", "-in", "cert.pem", "-out", "forged.p12",
    "-passout", `pass:${KEY_PASSWORD}`], { cwd: forged, stdio: "pipe" });
  const self = await window.invoke("open_signing_key", { path: join(forged, "forged.p12"), password: KEY_PASSWORD });
  assert.equal(self.error?.code, "sign-untrusted-issuer", JSON.stringify(self));
});
