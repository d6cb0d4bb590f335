// A clerk serves an applicant: IIN checked as typed, documents accepted under a journal
// number with a running clock, documents listed with their sheet counts, consent confirmed as
// signed in person, the applicant gone before certification and refused on ground 1, visit
// finished; the applicant is remembered next time; an expired power of attorney is refused.
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { CLERK_IIN, listDocuments, walkAway } from "./support/counter.mjs";
import { KEY_PASSWORD, makePki } from "./support/pki.mjs";
import { supervisorTrusts } from "./support/trust.mjs";
import { Window, freshStore } from "./support/window.mjs";

const APPLICANT_IIN = "780214300450"; // valid (see first-start.test.mjs)
const pki = makePki(mkdtempSync(join(tmpdir(), "rastau-e2e-counter-")), CLERK_IIN, "Өмірзақов Нұржан Ғалымұлы");
let window;

before(async () => {
  window = await Window.open(freshStore({ demo: true }), 4474);
  await supervisorTrusts(window, [pki.ca]);
  await window.login(CLERK_IIN); // a demo clerk
  await window.click('[data-testid="lang-ru"]');
  await window.click('[data-testid="nav-counter"]');
});
after(async () => {
  await window?.close();
});

const counter = '[data-testid="counter"]';

test("a mistyped IIN is refused as soon as it is complete", async () => {
  await window.fill(counter, "taxId", "780214300451");
  assert.match(await window.text(`${counter} [data-testid="error"]`), /Контрольная цифра не сходится/);
  await window.screenshot("30-counter-bad-iin-ru");
});

test("a new applicant's documents are accepted under a journal number with a clock", async () => {
  await window.fill(counter, "taxId", APPLICANT_IIN);
  assert.match(await window.text('[data-testid="lookup"]'), /Новый заявитель/);
  await window.fillAll(counter, {
    surname: "Жұмабекова",
    givenName: "Әсем",
    patronymic: "Ғалымқызы",
    address: "Шымкент, Тәуке хан даңғылы, 5",
    phone: "+7 701 111 11 11",
  });
  await window.click('[data-testid="accept"]');
  const number = await window.text('[data-testid="visit-number"]');
  assert.match(number, new RegExp(`№ ${new Date().getFullYear()}/000001`));
  const clock = await window.waitFor('[data-testid="visit-clock"]');
  assert.equal(await clock.getAttribute("data-level"), "ok");
  assert.match(await clock.getText(), /Прошло 0:0\d из 30 минут/);

  // No documents, no consent.
  const consent = await window.waitFor('[data-testid="confirm-consent"]');
  assert.equal(await consent.isEnabled(), false);

  await listDocuments(window);
  // Rule 2.1: the consent is signed in front of the clerk; who signed it is registered.
  assert.ok(await (await window.waitFor('[data-testid="consent-present-applicant"]')).isSelected());
  await window.click('[data-testid="confirm-consent"]');
  await window.waitForText('[data-testid="consent-received"]', "Согласие получено");
  await window.waitForText('[data-testid="consent-given"]', "Подписал(а) лично: Жұмабекова Әсем Ғалымқызы (заявитель)");
  await window.screenshot("31-visit-ru");

  await window.click('[data-testid="lang-kk"]');
  await window.waitForText('[data-testid="visit-clock"]', "30 минуттың");
  await window.waitForText('[data-testid="consent-given"]', "Жеке қол қойған");
  await window.screenshot("32-visit-kk");

  await walkAway(window, pki.p12, KEY_PASSWORD);
  await window.waitForText(`${counter} [data-testid="notice"]`, "өтініш");
});

test("a returning applicant is filled in from the last visit", async () => {
  await window.click('[data-testid="lang-ru"]');
  await window.fill(counter, "taxId", APPLICANT_IIN);
  assert.match(await window.text('[data-testid="lookup"]'), /уже обращался/);
  await window.waitFor(`${counter} input[name="surname"]`);
  assert.equal(await window.driver.executeScript(`return document.querySelector('${counter} input[name="surname"]').value`), "Жұмабекова");
  await window.screenshot("33-returning-applicant-ru");
});

test("an expired power of attorney is refused with a clear message", async () => {
  await window.click(`${counter} input[name="hasRepresentative"]`);
  await window.fillAll(counter, {
    representativeName: "Серікбаев Дәулет",
    representativeIin: "880612401122",
    poaNumber: "Н-77",
    poaIssuedOn: "10.01.2025",
    poaValidUntil: "31.12.2025",
  });
  await window.click('[data-testid="accept"]');
  assert.match(await window.text(`${counter} [data-testid="error"]`), /Срок действия доверенности истёк 31\.12\.2025/);
  await window.screenshot("34-expired-poa-ru");
});
