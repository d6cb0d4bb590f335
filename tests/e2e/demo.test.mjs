// The demo as a newcomer meets it: the window started with --demo (as `scripts/run.sh --demo`
// starts it) fills its demo center; the login screen lists the demo accounts and one click fills
// the IIN and the password; the supervisor's journal opens on the week before today, full of
// visits, with refusals, a visit over 30 minutes and a day signed off.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { By } from "selenium-webdriver";
import { Window, freshStore } from "./support/window.mjs";

const SUPERVISOR = { iin: "850315400124", name: "Сұлтанова Әйгерім Қайратқызы" };
let window;

before(async () => {
  window = await Window.open(freshStore(), 4534, '[data-testid="login"]', {}, ["--demo"]);
});
after(async () => {
  await window?.close();
});

const value = async (name) =>
  (await window.waitFor(`[data-testid="login"] input[name="${name}"]`)).getAttribute("value");

/** `YYYY-MM-DD` of the day `back` days before today, in local time as the window counts. */
function dayBefore(back) {
  const d = new Date(Date.now() - back * 86_400_000);
  const two = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

test("the login screen lists the demo accounts and a click fills the IIN and the password", async () => {
  await window.waitFor('[data-testid="demo-logins"]');
  const accounts = await window.driver.findElements(By.css('[data-testid="demo-login"]'));
  const texts = await Promise.all(accounts.map((a) => a.getText()));
  assert.equal(texts.length, 4, texts.join("\n"));
  assert.ok(texts.some((t) => t.includes(SUPERVISOR.name) && t.includes(SUPERVISOR.iin)), texts.join("\n"));
  assert.match(await window.text('[data-testid="demo-logins"] p'), /demo-2026/);
  await window.screenshot("95-demo-login-list-kk");

  await accounts[texts.findIndex((t) => t.includes(SUPERVISOR.iin))].click();
  assert.equal(await value("iin"), SUPERVISOR.iin);
  assert.equal(await value("password"), "demo-2026");
  await window.click('[data-testid="login-submit"]');
  await window.waitForText('[data-testid="welcome"]', SUPERVISOR.name);
});

test("the supervisor's journal opens on the demo's week: dozens of visits, a breach, refusals", async () => {
  await window.click('[data-testid="lang-ru"]');
  await window.click('[data-testid="nav-journal"]');
  // Counted in the page in one step: handles of a table that redraws can go stale mid-find.
  const count = () =>
    window.driver.executeScript(() => document.querySelectorAll('[data-testid="journal-row"]').length);
  await window.driver.wait(async () => (await count()) >= 100, 30_000, "waiting for the week's visits");
  assert.equal((await window.driver.findElements(By.css('[data-testid="journal-row-over-limit"]'))).length, 1);
  assert.match(await window.text('[data-testid="journal"]'), /отказ: /);
  await window.screenshot("96-demo-journal-week-ru");
});

test("the first working day of the week is signed off by the demo supervisor", async () => {
  // Sunday is closed: a week begun on a Sunday is first worked on the Monday.
  const day = dayBefore(new Date().getDay() === 0 ? 6 : 7);
  const [y, m, d] = day.split("-");
  // Typed as a clerk types a day; "to" first, so that "from" is never after it.
  await window.fill('[data-testid="journal"]', "journalTo", `${d}.${m}.${y}`);
  await window.fill('[data-testid="journal"]', "journalFrom", `${d}.${m}.${y}`);
  assert.match(await window.text('[data-testid="day-signed"]'), /DEMO Сұлтанова Әйгерім Қайратқызы/);
  await window.screenshot("97-demo-day-signed-ru");
});
