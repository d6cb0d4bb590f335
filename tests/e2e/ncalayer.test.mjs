// NCALayer at the counter, against the tests' stand-in (`ncalayer_stand_in`, the sign crate's
// example: the same server the Rust tests script, signing as NCALayer does with the key it is
// given). A supervisor sets the center to NCALayer; the clerk's key dialog says NCALayer is not
// running and how to start it (kk and ru); once it runs, "check again" shows its version, the
// clerk opens the key through it and the copy is certified, and `rastau verify` names the clerk.
// The window finds the stand-in through RASTAU_NCALAYER_URL, told before anything listens there.
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, test } from "node:test";
import { CLERK_IIN, DOCUMENTS, listDocuments } from "./support/counter.mjs";
import { KEY_PASSWORD, makePki } from "./support/pki.mjs";
import { scanA4 } from "./support/sane.mjs";
import { trustCa } from "./support/trust.mjs";
import { CLI, Window, freshStore } from "./support/window.mjs";

const ROOT = resolve(import.meta.dirname, "../..");
const STAND_IN = process.env.RASTAU_NCALAYER_STAND_IN ?? join(ROOT, "target/debug/examples/ncalayer_stand_in");
const SUPERVISOR_IIN = "850315400124";
const APPLICANT = "780214300450";
const work = mkdtempSync(join(tmpdir(), "rastau-e2e-ncalayer-"));
const scanFolder = join(work, "scan-folder");
mkdirSync(scanFolder);
const pki = makePki(work, CLERK_IIN, "Сейтқали Дана");
let window;
let dataDir;
let ncalayerPort;
let standIn;

/** A port nothing listens on (bound, then let go). */
function freePort() {
  return new Promise((done) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/** Starts the stand-in on `port` with the clerk's key; resolves once it listens. */
function startStandIn(port) {
  assert.ok(existsSync(STAND_IN), `${STAND_IN}: cargo build -p rastau-sign --features test-pki --example ncalayer_stand_in`);
  const child = spawn(STAND_IN, ["--port", String(port), "--key", pki.p12, "--password", KEY_PASSWORD], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  return new Promise((done, fail) => {
    let said = "";
    child.stdout.on("data", (chunk) => {
      said += chunk;
      if (said.includes("ready")) done(child);
    });
    child.on("exit", (code) => fail(new Error(`the stand-in ended (${code}): ${said}`)));
  });
}

/** The language switch sits behind the dialog's backdrop: pressed the way the page would. */
const switchTo = (lang) =>
  window.driver.executeScript(`document.querySelector('[data-testid="lang-${lang}"]').click()`);

const state = '[data-testid="ncalayer-state"]';

/** Scrolls the part at `css` to the top of the window, then takes the screenshot `name`. */
async function showAndShoot(css, name) {
  await window.driver.executeScript(`document.querySelector(arguments[0]).scrollIntoView({ block: "start" })`, css);
  await window.driver.sleep(300);
  await window.screenshot(name);
}

before(async () => {
  ncalayerPort = await freePort();
  dataDir = freshStore({ demo: true });
  window = await Window.open(dataDir, 4644, undefined, {
    RASTAU_NCALAYER_URL: `wss://127.0.0.1:${ncalayerPort}`,
    RASTAU_SCAN_FOLDER: scanFolder,
  });
});
after(async () => {
  standIn?.kill();
  await window?.close();
  rmSync(work, { recursive: true, force: true });
});

test("a supervisor sets the center to NCALayer with the storages its window offers", async () => {
  await window.login(SUPERVISOR_IIN);
  await trustCa(window, pki.ca);
  await window.click('[data-testid="nav-center"]');
  await window.click('[data-testid="key-source-ncalayer"]');
  await window.click('[data-testid="key-storage-file"]');
  for (const [lang, title] of [["kk", "Қызметкерлердің ЭЦҚ кілттері"], ["ru", "Ключи ЭЦП сотрудников"]]) {
    await window.click(`[data-testid="lang-${lang}"]`);
    await window.waitForText('[data-testid="key-source-settings"]', title);
    await showAndShoot('[data-testid="key-source-settings"]', `ncalayer-settings-${lang}`);
  }
  await window.click('[data-testid="save-key-source"]');
  await window.waitForText('[data-testid="key-source-settings"] [data-testid="notice"]', "Сохранено");
  const saved = await window.invoke("key_source");
  assert.deepEqual(saved.ok, { source: "ncalayer", storages: ["kaztoken", "idCard", "otherTokens"] });
  await window.click('[data-testid="logout"]');
});

test("the clerk's key dialog says NCALayer is not running and how to start it", async () => {
  await window.login(CLERK_IIN);
  await window.click('[data-testid="lang-ru"]');
  await window.click('[data-testid="nav-counter"]');
  await window.fill('[data-testid="counter"]', "taxId", APPLICANT);
  await window.fillAll('[data-testid="counter"]', { surname: "Жұмабекова", givenName: "Әсем", address: "Шымкент", phone: "+7 701 111 11 11" });
  await window.click('[data-testid="accept"]');
  await listDocuments(window, [DOCUMENTS[0]]);
  await window.click('[data-testid="confirm-consent"]');
  writeFileSync(join(scanFolder, "scan-0001.png"), scanA4(work));
  await window.driver.wait(
    async () => (await window.driver.findElements({ css: '[data-testid="page"][data-position="1"]' })).length === 1,
    60_000,
    "the page under document 1",
  );

  await window.click('[data-testid="certify-document"]');
  await window.waitFor(`${state}[data-state="notRunning"]`);
  assert.equal((await window.driver.findElements({ css: 'input[name="keyPath"]' })).length, 0, "no key file is asked");
  assert.equal(await (await window.waitFor('[data-testid="open-key-ncalayer"]')).isEnabled(), false);
  await window.waitForText(state, "NCALayer не запущен");
  await window.screenshot("ncalayer-not-running-ru");
  await switchTo("kk");
  await window.waitForText(state, "NCALayer іске қосылмаған");
  await window.screenshot("ncalayer-not-running-kk");
});

test("once NCALayer runs, the clerk opens the key through it and the copy is certified", async () => {
  standIn = await startStandIn(ncalayerPort);
  await window.click('[data-testid="ncalayer-check"]');
  await window.waitFor(`${state}[data-state="running"]`);
  await window.waitForText(state, "NCALayer іске қосылған (нұсқасы");
  await window.screenshot("ncalayer-running-kk");
  await switchTo("ru");
  await window.waitForText(state, "NCALayer запущен (версия");
  // The storages the center offers, and any of them.
  const offered = await window.driver.executeScript(
    `return [...document.querySelectorAll('[data-testid="ncalayer-storage"] option')].map((o) => o.textContent.trim())`,
  );
  assert.deepEqual(offered.slice(1), ["Казтокен", "удостоверение личности", "другие токены (eToken, JaCarta, aKey)"]);
  await window.screenshot("ncalayer-running-ru");

  await window.click('[data-testid="open-key-ncalayer"]');
  await window.waitForText('[data-testid="certify-row"]', "Заверено");
  await window.waitForText('[data-testid="key-info"]', "Сейтқали Дана");
  await showAndShoot('[data-testid="certify"]', "ncalayer-signed-ru");
  await window.click('[data-testid="lang-kk"]');
  await window.waitForText('[data-testid="certify-row"]', "Расталды");
  await showAndShoot('[data-testid="certify"]', "ncalayer-signed-kk");
  await window.click('[data-testid="lang-ru"]');

  // The copy signed through NCALayer checks as any other.
  const copies = await window.invoke("copies", { taxId: APPLICANT });
  assert.equal(copies.ok?.length, 1, JSON.stringify(copies));
  const hash = copies.ok[0].pdfHash;
  const said = execFileSync(CLI, ["--data-dir", dataDir, "--lang", "ru", "verify", join(dataDir, "files", hash.slice(0, 2), hash)]).toString();
  assert.match(said, new RegExp(`ИИН ${CLERK_IIN}`));
  assert.match(said, /Файл не изменён/);
});
