// The shared store in the real window, on a database of its own in the test run's PostgreSQL
// (RASTAU_TEST_POSTGRES; without it this file fails, never skips): a wrong administrator's
// password, a malformed center code and a URL that is none are told in words and link nothing;
// the supervisor links through the center's profile after a confirmation, sees the server
// reachable (kk and ru) and the header says so to everyone at work; a server that accepts and
// never answers holds neither the window nor the store, and shows as unreachable with its
// reason; unlinking asks first, says what stays, and the indicator goes.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { CLERK_IIN } from "./support/counter.mjs";
import { CLI, Window, freshStore } from "./support/window.mjs";

const SUPERVISOR_IIN = "850315400124";
const ADMIN = process.env.RASTAU_TEST_POSTGRES;
const DATABASE = `rastau_e2e_shared_${process.pid}_${Date.now()}`;
const CENTER = "ALM-01";
const settings = '[data-testid="shared-settings"]';
const indicator = '[data-testid="shared-indicator"]';
let window;
let role;

/** The administrator's URL of the test's own database, with another password if given. */
function adminUrl(password) {
  const url = new URL(ADMIN);
  url.pathname = `/${DATABASE}`;
  if (password !== undefined) url.password = password;
  return url.toString();
}

const psql = (sql) => execFileSync("psql", [ADMIN, "-v", "ON_ERROR_STOP=1", "-q", "-c", sql], { stdio: "pipe" });

before(async () => {
  assert.ok(ADMIN, "RASTAU_TEST_POSTGRES is not set: this test needs the test run's PostgreSQL (scripts/test.sh, or scripts/postgres.sh start DIR)");
  psql(`CREATE DATABASE ${DATABASE}`);
  execFileSync(CLI, ["--lang", "ru", "shared", "init", adminUrl()], { stdio: "pipe" });
  window = await Window.open(freshStore({ demo: true }), 4934);
});
after(async () => {
  await window?.close();
  if (!ADMIN) return;
  psql(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  if (role) psql(`DROP ROLE IF EXISTS ${role}`);
});

const linkFile = () => join(window.dataDir, "shared-link.json");

/** Waits until the indicator beside the tabs shows `expected`. Read as the page lays it out
 * (`innerText`): WebKit's WebDriver reads no text at all in a flex item whose overflow is
 * hidden, as the indicator's is (it clips its text with an ellipsis in a narrow window). */
async function indicatorSays(expected) {
  let shown = "";
  await window.driver
    .wait(async () => {
      shown = await window.driver.executeScript(`return document.querySelector(arguments[0])?.innerText ?? ""`, indicator);
      return shown.includes(expected);
    }, 20_000)
    .catch(() => {
      throw new Error(`the indicator shows «${shown}», expected «${expected}»`);
    });
}

/** Scrolls what `css` shows into the middle of the window, for the screenshot. */
async function show(css) {
  await window.waitFor(css);
  await window.driver.executeAsyncScript(
    `const [css, done] = arguments;
     document.querySelector(css).scrollIntoView({ block: "center" });
     requestAnimationFrame(() => requestAnimationFrame(() => done()));`,
    css,
  );
}

async function openSettings(iin = SUPERVISOR_IIN) {
  await window.login(iin);
  await window.click('[data-testid="lang-ru"]');
  await window.click('[data-testid="nav-center"]');
  await window.waitFor(`${settings} [data-testid="shared-check"]`);
}

/** Fills the link form and confirms; the confirmation names the center and what is kept. */
async function link(url, center) {
  await window.fill(settings, "url", url);
  await window.fill(settings, "center", center);
  await window.fill(settings, "password", "demo-2026");
  await window.click('[data-testid="shared-join-submit"]');
  const asked = await window.text('[data-testid="confirm"]');
  assert.ok(asked.includes(`«${center.toUpperCase()}»`), asked);
  assert.match(asked, /Адрес и пароль администратора не сохраняются/);
  await window.click('[data-testid="confirm-yes"]');
}

test("a wrong password, a malformed code and a URL that is none are told in words and link nothing", async () => {
  await openSettings();
  await window.waitForText(`${settings} [data-testid="shared-not-linked"]`, "не подключена");
  await window.waitFor(`${settings} [data-testid="shared-check"]:not([disabled])`);
  const suggested = await window.read(`${settings} input[name="center"]`, (e) => e.getProperty("value"));
  assert.equal(suggested, "AST-01", "the demo center in Astana is offered a code from its city");
  assert.equal(await window.read(`${settings} input[name="url"]`, (e) => e.getAttribute("type")), "password");

  await link(adminUrl("not-the-password"), CENTER);
  await window.waitForText(`${settings} [data-testid="error"]`, "не приняло имя");
  await window.waitFor(`${settings} [data-testid="shared-not-linked"]`);
  assert.equal(existsSync(linkFile()), false, "no link written");
  assert.equal((await window.invoke("shared_status")).ok?.state, "notLinked");
  assert.equal((await window.driver.findElements({ css: indicator })).length, 0, "no indicator while unlinked");
  await window.screenshot("98-shared-wrong-password-ru");
  await window.click('[data-testid="lang-kk"]');
  await window.waitForText(`${settings} [data-testid="error"]`, "құпиясөзді қабылдамады");
  await show(`${settings} [data-testid="error"]`);
  await window.screenshot("99-shared-wrong-password-kk");
  await window.click('[data-testid="lang-ru"]');

  // Capitals are raised as typed; what is still no code is refused by name.
  await link(adminUrl(), "алм 01");
  await window.waitForText(`${settings} [data-testid="error"]`, "Код «АЛМ 01» не подходит");
  await link("http://example.org", CENTER);
  await window.waitForText(`${settings} [data-testid="error"]`, "Адрес общего хранилища не подходит");
  assert.equal(existsSync(linkFile()), false, "still no link");
  await window.click('[data-testid="logout"]');
});

test("the supervisor links through the window and sees the server reachable, in kk and ru", async () => {
  await openSettings();
  await link(adminUrl(), CENTER);
  await window.waitForText(`${settings} [data-testid="shared-answer"]`, "Сервер доступен");
  const linked = await window.text(`${settings} [data-testid="shared-link"]`);
  assert.match(linked, new RegExp(`подключена к центру ${CENTER} общего хранилища на 127\\.0\\.0\\.1:\\d+ \\(роль PostgreSQL rastau_i_[0-9a-f]{8}\\)`));
  role = linked.match(/rastau_i_[0-9a-f]{8}/)[0];
  await window.waitForText(`${settings} [data-testid="notice"]`, `Установка подключена к центру «${CENTER}»`);
  await window.waitForText(`${settings} [data-testid="shared-last-exchange"]`, "Обмена с общим хранилищем ещё не было");
  assert.match(await window.text(`${settings} [data-testid="shared-waiting"]`), /ждут отправки в общее хранилище: \d+/);
  assert.equal((await window.driver.findElements({ css: `${settings} input[name="url"]` })).length, 0, "no form while linked");
  await indicatorSays("Общее хранилище: подключено");

  // The link keeps the installation's own login, owner-only; the administrator's is nowhere.
  const file = readFileSync(linkFile(), "utf8");
  assert.equal(statSync(linkFile()).mode & 0o777, 0o600);
  assert.ok(!file.includes(new URL(ADMIN).password), "the administrator's password is not kept");
  assert.equal(JSON.parse(file).center, CENTER);
  await show(`${settings} [data-testid="shared-state"]`);
  await window.screenshot("100-shared-linked-ru");
  await window.click('[data-testid="lang-kk"]');
  await window.waitForText(`${settings} [data-testid="shared-answer"]`, "Сервер қолжетімді");
  await indicatorSays("Ортақ қойма: қосылған");
  await show(`${settings} [data-testid="shared-state"]`);
  await window.screenshot("101-shared-linked-kk");
  await window.click('[data-testid="lang-ru"]');

  // A second link is refused in words, straight through the IPC.
  const again = await window.invoke("join_shared", { url: adminUrl(), center: CENTER, password: "demo-2026" });
  assert.equal(again.error?.code, "shared-already-linked", JSON.stringify(again));

  // The staff list says where it is kept now.
  await window.click('[data-testid="nav-staff"]');
  await window.waitForText('[data-testid="staff-shared"]', `Сотрудники центра «${CENTER}» ведутся в общем хранилище`);
  await window.screenshot("101a-staff-shared-ru");
  await window.click('[data-testid="logout"]');

  // A clerk sees the indicator and may ask the state, but may not link or unlink.
  await window.login(CLERK_IIN);
  await window.click('[data-testid="lang-ru"]');
  await indicatorSays("Общее хранилище: подключено");
  await window.screenshot("102-shared-indicator-clerk-ru");
  assert.equal((await window.invoke("shared_status")).ok?.state, "linked");
  assert.equal((await window.invoke("leave_shared")).error?.code, "supervisor-only");
  assert.equal((await window.invoke("join_shared", { url: adminUrl(), center: CENTER, password: "demo-2026" })).error?.code, "supervisor-only");
  await window.click('[data-testid="logout"]');
  assert.equal((await window.invoke("shared_status")).error?.code, "not-logged-in");
});

test("a server that never answers holds neither the window nor the store, and is shown unreachable", async () => {
  // A listener that takes the connection and says nothing: each probe waits its five seconds.
  const sockets = new Set();
  const silent = createServer((socket) => sockets.add(socket));
  await new Promise((resolve) => silent.listen(0, "127.0.0.1", resolve));
  const real = readFileSync(linkFile(), "utf8");
  writeFileSync(linkFile(), JSON.stringify({ ...JSON.parse(real), port: silent.address().port }));
  try {
    await openSettings();
    const order = await window.driver.executeAsyncScript(
      `const done = arguments[0];
       const invoke = window.__TAURI_INTERNALS__.invoke;
       const order = [];
       invoke("shared_status").then(() => order.push("shared_status"), () => order.push("shared_status refused"));
       setTimeout(() => Promise.all([
         invoke("status").then(() => order.push("status")),
         invoke("touch").then(() => order.push("touch")),
       ]).then(() => done(order)), 300);`,
    );
    assert.deepEqual(order.sort(), ["status", "touch"], "the store answered while the server kept silent");
    const unreachable = "Сервер сейчас недоступен. Общее хранилище на «127.0.0.1» не отвечает (no answer in 5 s)";
    await window.waitForText(`${settings} [data-testid="shared-answer"]`, unreachable);
    await indicatorSays("Общее хранилище: нет связи — ");

    // Checking again shows its progress, and typing goes on meanwhile.
    await window.click(`${settings} [data-testid="shared-check"]:not([disabled])`);
    await window.waitForText(`${settings} [data-testid="shared-checking"]`, "Проверяем связь с сервером");
    assert.equal(await window.read(`${settings} [data-testid="shared-check"]`, (e) => e.isEnabled()), false);
    await window.fill('[data-testid="center-settings"]', "phone", "+7 7172 55 55 55");
    assert.equal(await window.read('[data-testid="center-settings"] input[name="phone"]', (e) => e.getProperty("value")), "+7 7172 55 55 55");
    await show(`${settings} [data-testid="shared-state"]`);
    await window.screenshot("103-shared-checking-ru");
    await window.gone(`${settings} [data-testid="shared-checking"]`);
    await window.waitForText(`${settings} [data-testid="shared-answer"]`, unreachable);
    await show(`${settings} [data-testid="shared-state"]`);
    await window.screenshot("104-shared-unreachable-ru");
    await window.click('[data-testid="lang-kk"]');
    await indicatorSays("Ортақ қойма: байланыс жоқ — ");
    await window.waitForText(`${settings} [data-testid="shared-answer"]`, "Сервер қазір қолжетімсіз.");
    await show(`${settings} [data-testid="shared-state"]`);
    await window.screenshot("105-shared-unreachable-kk");
    await show('[data-testid="nav-home"]');
    await window.screenshot("106-shared-indicator-offline-kk");
    await window.click('[data-testid="lang-ru"]');
  } finally {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
    writeFileSync(linkFile(), real);
  }
  await window.click(`${settings} [data-testid="shared-check"]:not([disabled])`);
  await window.waitForText(`${settings} [data-testid="shared-answer"]`, "Сервер доступен");
  await indicatorSays("Общее хранилище: подключено");
  await window.click('[data-testid="logout"]');
});

test("unlinking asks first, says what stays, and the indicator goes", async () => {
  await openSettings();
  await window.click('[data-testid="shared-leave"]:not([disabled])');
  const asked = await window.text('[data-testid="confirm"]');
  assert.match(asked, new RegExp(`от центра «${CENTER}»`));
  assert.match(asked, new RegExp(`Роль PostgreSQL ${role} останется на сервере`));
  await window.screenshot("107-shared-unlink-confirm-ru");
  await window.click('[data-testid="confirm-cancel"]');
  await window.gone('[data-testid="confirm"]');
  assert.ok(existsSync(linkFile()), "cancelled: still linked");

  await window.click('[data-testid="lang-kk"]');
  await window.click('[data-testid="shared-leave"]:not([disabled])');
  await window.waitForText('[data-testid="confirm"]', `«${CENTER}» орталығынан ажыратасыз ба`);
  await window.screenshot("108-shared-unlink-confirm-kk");
  await window.click('[data-testid="confirm-yes"]');
  await window.waitForText(`${settings} [data-testid="notice"]`, `${role} PostgreSQL рөлі серверде қалды`);
  await window.waitFor(`${settings} [data-testid="shared-not-linked"]`);
  await window.gone(indicator);
  assert.equal(existsSync(linkFile()), false, "the link is gone");
  assert.equal(await window.read(`${settings} input[name="center"]`, (e) => e.getProperty("value")), CENTER, "the form offers the center left");
  await show(`${settings} [data-testid="notice"]`);
  await window.screenshot("109-shared-unlinked-kk");
  await window.click('[data-testid="lang-ru"]');
  await window.click('[data-testid="logout"]');
});
