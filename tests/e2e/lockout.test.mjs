// Five wrong passwords lock sign-in with the IIN; even the right one waits for the lock to run
// out. An IIN without an account gets the same answers, so the login screen tells no one which
// IINs have accounts.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Window, freshStore } from "./support/window.mjs";

let window;
before(async () => {
  window = await Window.open(freshStore({ demo: true }), 4454);
});
after(async () => {
  await window?.close();
});

/** Signs in and waits for the answer: the screen empties the password field once Rust has
 * answered (the answers to wrong passwords are all alike, so their text cannot tell). */
async function tryLogin(iin, password) {
  await window.submitLogin(iin, password);
  const field = await window.waitFor('[data-testid="login"] input[name="password"]');
  await window.driver.wait(async () => (await field.getAttribute("value")) === "", 20_000);
}

/** What five wrong passwords for `iin` are answered. */
async function fiveWrong(iin) {
  const shown = [];
  for (let attempt = 1; attempt <= 5; attempt++) {
    await tryLogin(iin, `wrong-${attempt}`);
    shown.push(await window.text('[data-testid="error"]'));
  }
  return shown;
}

test("a demo center is marked DEMO", async () => {
  assert.equal(await window.text('[data-testid="demo-badge"]'), "DEMO");
  await window.screenshot("09-demo-login-kk");
});

test("wrong password five times locks sign-in, and says nothing of attempts left", async () => {
  await window.click('[data-testid="lang-ru"]');
  await window.waitForText('[data-testid="login"] h1', "Вход в систему");
  const clerk = "920718300451"; // a demo clerk
  const shown = await fiveWrong(clerk);
  for (const text of shown.slice(0, 4)) {
    assert.match(text, /Неверный ИИН или пароль/);
    assert.doesNotMatch(text, /Осталось|Осталась/);
  }
  assert.match(shown[4], /заблокирован/);
  await tryLogin(clerk, "demo-2026");
  const locked = await window.waitForText('[data-testid="error"]', "заблокирован");
  assert.match(locked, /через 5 мин/);
  await window.screenshot("10-lockout-ru");

  await window.click('[data-testid="lang-kk"]');
  await window.waitForText('[data-testid="error"]', "бұғатталды");
  await window.screenshot("11-lockout-kk");
});

test("an IIN without an account is answered and locked the same way", async () => {
  await window.click('[data-testid="lang-ru"]');
  await window.waitForText('[data-testid="login"] h1', "Вход в систему");
  const nobody = "880612401122"; // valid, but no account in the demo center
  const shown = await fiveWrong(nobody);
  for (const text of shown.slice(0, 4)) assert.match(text, /Неверный ИИН или пароль/);
  assert.match(shown[4], /заблокирован/);
  assert.match(shown[4], /через 5 мин/);
});
