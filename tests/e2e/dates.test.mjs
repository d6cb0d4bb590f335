// Dates as people here write them, whatever the webview's own locale: the journal's date filter
// and a power of attorney's dates are typed dd.mm.yyyy (the dots come by themselves) or picked
// from a calendar whose weeks start on Monday, its month named in the window's language; the
// dates the window shows are dd.mm.yyyy too. Screenshots in Russian and Kazakh.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CLERK_IIN, listDocuments, walkAway } from "./support/counter.mjs";
import { KEY_PASSWORD, makePki } from "./support/pki.mjs";
import { supervisorTrusts } from "./support/trust.mjs";
import { Window, freshStore } from "./support/window.mjs";

// The applicant of the journal's visit walks away: its refusal's notice is signed with this key.
const pki = makePki(mkdtempSync(join(tmpdir(), "rastau-e2e-dates-")), CLERK_IIN, "Өмірзақов Нұржан Ғалымұлы");
let window;
before(async () => {
  window = await Window.open(freshStore({ demo: true }), 4614);
  await supervisorTrusts(window, [pki.ca]);
  await window.login(CLERK_IIN);
  await window.click('[data-testid="lang-ru"]');
});
after(async () => {
  await window?.close();
});

const counter = '[data-testid="counter"]';
const journal = '[data-testid="journal"]';
const two = (n) => String(n).padStart(2, "0");
const now = new Date();
const today = `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
const TYPED_DAY = "2026-12-03";

const shown = (css) => window.driver.executeScript("return document.querySelector(arguments[0]).value", css);
// Counted in the page in one step: handles of a table that redraws can go stale mid-find.
const rowCount = () =>
  window.driver.executeScript(() => document.querySelectorAll('[data-testid="journal-row"]').length);
const waitForRows = (n) => window.driver.wait(async () => (await rowCount()) === n, 20_000, `waiting for ${n} journal rows`);

test("a visit today, for the journal to find", async () => {
  await window.click('[data-testid="nav-counter"]');
  await window.fill(counter, "taxId", "780214300450");
  await window.fillAll(counter, { surname: "Жұмабекова", givenName: "Әсем", address: "Шымкент", phone: "+7 701 111 11 11" });
  await window.click('[data-testid="accept"]');
  await listDocuments(window);
  await walkAway(window, pki.p12, KEY_PASSWORD);
  await window.waitFor(counter);
});

test("the journal's days are typed 03.12.2026, in Russian", async () => {
  await window.click('[data-testid="nav-journal"]');
  await waitForRows(1);
  // Digits only: the dots come by themselves.
  await window.fill(journal, "journalFrom", "03122026");
  assert.equal(await shown('[data-testid="journal-from"]'), "03.12.2026");
  await window.fill(journal, "journalTo", "03.12.2026");
  assert.equal(await shown('[data-testid="journal-to"]'), "03.12.2026");
  // The visit of today is outside that day, unless today is that day.
  await waitForRows(today === TYPED_DAY ? 1 : 0);

  // The calendar of the "to" field: December 2026, weeks from Monday, the 3rd chosen.
  await window.click('[data-testid="journal-to-calendar-toggle"]');
  await window.waitForText('[data-testid="journal-to-calendar"] [data-testid="calendar-month"]', "Декабрь 2026");
  const weekdays = await window.driver.findElements({ css: '[data-testid="journal-to-calendar"] [data-testid="calendar-weekday"]' });
  assert.deepEqual(await Promise.all(weekdays.map((w) => w.getText())), ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"]);
  const chosen = await window.waitFor(`[data-testid="journal-to-calendar"] button[data-day="${TYPED_DAY}"]`);
  assert.match(await chosen.getAttribute("class"), /chosen/);
  // 1 December 2026 is a Tuesday: the first week starts with an empty Monday.
  const firstWeek = await window.driver.findElements({ css: '[data-testid="journal-to-calendar"] tbody tr:first-child td' });
  assert.equal(await firstWeek[0].getText(), "");
  assert.equal(await firstWeek[1].getText(), "1");
  await window.screenshot("90-date-calendar-ru");

  // Today picked from the calendar brings the visit back.
  const [year, month] = today.split("-").map(Number);
  const months = (year - 2026) * 12 + month - 12;
  for (let i = 0; i < Math.abs(months); i++) await window.click(`[data-testid="calendar-${months > 0 ? "next" : "previous"}"]`);
  await window.click(`[data-testid="journal-to-calendar"] button[data-day="${today}"]`);
  await window.gone('[data-testid="journal-to-calendar"]');
  const [y, m, d] = today.split("-");
  assert.equal(await shown('[data-testid="journal-to"]'), `${d}.${m}.${y}`);
  await waitForRows(today >= TYPED_DAY ? 1 : 0);
  await window.screenshot("91-journal-typed-dates-ru");
});

test("the same in Kazakh: month and weekdays named in Kazakh, days written alike", async () => {
  await window.click('[data-testid="lang-kk"]');
  assert.equal(await shown('[data-testid="journal-from"]'), "03.12.2026");
  await window.click('[data-testid="journal-from-calendar-toggle"]');
  await window.waitForText('[data-testid="journal-from-calendar"] [data-testid="calendar-month"]', "Желтоқсан 2026");
  const first = await window.text('[data-testid="journal-from-calendar"] [data-testid="calendar-weekday"]');
  assert.equal(first, "Дс");
  await window.screenshot("92-date-calendar-kk");
  await window.driver.actions().sendKeys("\uE00C").perform(); // Escape closes it
  await window.gone('[data-testid="journal-from-calendar"]');
  // Not a day: the field says how to write one, and the journal keeps its last answer.
  await window.fill(journal, "journalFrom", "31.02.2026");
  const message = () => window.driver.executeScript("return document.querySelector(arguments[0]).validationMessage", '[data-testid="journal-from"]');
  await window.driver.wait(async () => /кк\.аа\.жжжж/.test(await message()), 20_000, "waiting for the field to say how to write a day");
  await window.fill(journal, "journalFrom", "03.12.2026");
  await window.click('[data-testid="lang-ru"]');
});

test("a power of attorney's dates are typed 03.12.2026 and shown day first", async () => {
  await window.click('[data-testid="nav-counter"]');
  await window.fill(counter, "taxId", "780214300450");
  await window.waitForText('[data-testid="lookup"]', "уже обращался");
  await window.click(`${counter} input[name="hasRepresentative"]`);
  await window.fillAll(counter, {
    representativeName: "Серікбаев Дәулет",
    representativeIin: "880612401122",
    poaNumber: "Н-77",
    poaIssuedOn: "03.12.2026",
    poaValidUntil: "03122027",
  });
  assert.equal(await shown(`${counter} input[name="poaIssuedOn"]`), "03.12.2026");
  assert.equal(await shown(`${counter} input[name="poaValidUntil"]`), "03.12.2027");
  await window.screenshot("93-poa-dates-ru");
  await window.click('[data-testid="accept"]');
  await window.waitForText('[data-testid="visit-number"]', "№");
  assert.match(await window.text('[data-testid="visit"]'), /доверенность № Н-77 до 03\.12\.2027/);
  await window.click('[data-testid="lang-kk"]');
  await window.waitForText('[data-testid="visit"]', "03.12.2027");
  await window.screenshot("94-poa-dates-kk");
});
