// First start → center profile → supervisor → log in → create a clerk → log out → the clerk's
// first sign-in chooses their own password → switch kk/ru and see the screen change.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Window, freshStore } from "./support/window.mjs";

// Valid IINs (check digits verified by `rastau id check`).
const SUPERVISOR = { iin: "780214300450", fullName: "Жұмабекова Әсем Ғалымқызы", password: "басшы-пароль-1" };
const CLERK = {
  iin: "880612401122",
  fullName: "Құрманғалиев Өмірбек Һадиұлы",
  given: "басшы-берген-1", // set by the supervisor, replaced at the first sign-in
  password: "маман-пароль-1",
};
const KAZAKH_LETTERS = /[әғқңөұүһі]/i;

let window;
before(async () => {
  window = await Window.open(freshStore(), 4444);
});
after(async () => {
  await window?.close();
});

test("first start asks for the center and its supervisor", async () => {
  await window.waitFor('[data-testid="first-start"]');
  await window.screenshot("01-first-start-kk");
  const scope = '[data-testid="first-start"]';
  await window.fillAll(scope, {
    nameKk: "Шымкент қаласы Әл-Фараби ауданы бойынша ХҚКО",
    nameRu: "ЦОН Аль-Фарабийского района города Шымкента",
    region: "Шымкент",
    cityKk: "Шымкент",
    cityRu: "Шымкент",
    districtKk: "Әл-Фараби",
    districtRu: "Аль-Фараби",
    address: "Тәуке хан даңғылы, 5",
    phone: "+7 7252 00 00 00",
    idleLockMinutes: 15,
    iin: SUPERVISOR.iin,
    fullName: SUPERVISOR.fullName,
    position: "Бөлім басшысы",
    supervisorPhone: "+7 701 111 11 11",
    password: SUPERVISOR.password,
    passwordRepeat: SUPERVISOR.password,
  });
  await window.screenshot("02-first-start-filled");
  await window.click('[data-testid="setup-submit"]');
  await window.waitFor('[data-testid="login"]');
  assert.match(await window.text('[data-testid="notice"]'), /Орталық бапталды/);
});

test("a wrong IIN check digit is refused with the reason, in Kazakh", async () => {
  await window.fill('[data-testid="login"]', "iin", "780214300451");
  await window.fill('[data-testid="login"]', "password", "whatever-1");
  await window.pressEnter('[data-testid="login"]', "password");
  assert.match(await window.text('[data-testid="error"]'), /ЖСН немесе құпиясөз қате/);
  await window.screenshot("02b-login-refused-kk");
});

test("the supervisor logs in and creates a clerk", async () => {
  await window.fill('[data-testid="login"]', "iin", SUPERVISOR.iin);
  await window.fill('[data-testid="login"]', "password", SUPERVISOR.password);
  await window.pressEnter('[data-testid="login"]', "password");
  await window.waitForText('[data-testid="welcome"]', SUPERVISOR.fullName);
  await window.click('[data-testid="nav-staff"]');
  await window.click('[data-testid="staff-add"]');
  const form = '[data-testid="staff-form"]';
  await window.fillAll(form, {
    iin: "880612401121",
    fullName: CLERK.fullName,
    position: "Маман",
    phone: "+7 702 222 22 22",
    password: CLERK.given,
    passwordRepeat: CLERK.given,
  });
  await window.click('[data-testid="staff-save"]');
  // A mistyped IIN is refused and nothing is lost from the form.
  assert.match(await window.text(`${form} [data-testid="error"]`), /Бақылау цифры сәйкес келмейді/);
  await window.fill(form, "iin", CLERK.iin);
  await window.click('[data-testid="staff-save"]');
  await window.waitForText('[data-testid="notice"]', CLERK.fullName);
  const rows = await window.driver.findElements({ css: '[data-testid="staff-row"]' });
  assert.equal(rows.length, 2);
  await window.screenshot("03-staff-kk");
  await window.click('[data-testid="logout"]');
  await window.waitFor('[data-testid="login"]');
});

test("the clerk's first sign-in asks for their own password, in Kazakh and Russian", async () => {
  await window.submitLogin(CLERK.iin, CLERK.given);
  const form = '[data-testid="choose-password"]';
  await window.waitForText(`${form} h1`, "Өз құпиясөзіңізді таңдаңыз");
  assert.equal((await window.driver.findElements({ css: '[data-testid="nav-counter"]' })).length, 0);
  await window.screenshot("05a-choose-password-kk");
  // Rust refuses the work itself, not only the screen.
  const refused = await window.invoke("my_open_visits");
  assert.equal(refused.error?.code, "password-change-required", JSON.stringify(refused));

  // The supervisor's password again is refused, with the reason.
  await window.fillAll(form, { given: CLERK.given, chosen: CLERK.given, chosenRepeat: CLERK.given });
  await window.pressEnter(form, "chosenRepeat");
  await window.waitForText(`${form} [data-testid="error"]`, "қазіргісімен бірдей");

  await window.click('[data-testid="lang-ru"]');
  await window.waitForText(`${form} h1`, "Придумайте собственный пароль");
  await window.waitForText(`${form} [data-testid="error"]`, "совпадает с нынешним");
  await window.screenshot("05b-choose-password-ru");
  await window.click('[data-testid="lang-kk"]');
  await window.waitForText(`${form} h1`, "Өз құпиясөзіңізді таңдаңыз");

  await window.choosePassword(CLERK.given, CLERK.password);
  assert.match(await window.text('[data-testid="notice"]'), /Жаңа құпиясөз сақталды/);
  await window.click('[data-testid="logout"]');
  await window.waitFor('[data-testid="login"]');
});

test("the clerk logs in with their own password, sees no staff screen, and switches kk/ru", async () => {
  await window.submitLogin(CLERK.iin, CLERK.given);
  await window.waitForText('[data-testid="error"]', "ЖСН немесе құпиясөз қате");
  await window.submitLogin(CLERK.iin, CLERK.password);
  const kk = await window.waitForText('[data-testid="welcome"]', "Сәлеметсіз бе");
  assert.match(kk, KAZAKH_LETTERS);
  assert.equal((await window.driver.findElements({ css: '[data-testid="nav-staff"]' })).length, 0);
  await window.screenshot("04-clerk-home-kk");

  await window.click('[data-testid="lang-ru"]');
  const ru = await window.waitForText('[data-testid="welcome"]', "Здравствуйте");
  assert.notEqual(ru, kk);
  assert.match(await window.text('[data-testid="who"]'), /Специалист/);
  await window.screenshot("05-clerk-home-ru");

  // The choice is remembered for this clerk across logging out and in again.
  await window.click('[data-testid="logout"]');
  await window.waitForText('[data-testid="login"] h1', "Вход в систему");
  await window.fill('[data-testid="login"]', "iin", CLERK.iin);
  await window.fill('[data-testid="login"]', "password", CLERK.password);
  await window.pressEnter('[data-testid="login"]', "password");
  await window.waitForText('[data-testid="welcome"]', "Здравствуйте");

  await window.click('[data-testid="lang-kk"]');
  await window.waitForText('[data-testid="welcome"]', "Сәлеметсіз бе");
  await window.screenshot("06-clerk-home-kk-again");
});
