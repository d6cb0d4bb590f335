// Five wrong passwords lock the account; even the right one waits for the lock to run out.
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

async function tryLogin(iin, password) {
  await window.fill('[data-testid="login"]', "iin", iin);
  await window.fill('[data-testid="login"]', "password", password);
  await window.pressEnter('[data-testid="login"]', "password");
}

test("a demo center is marked DEMO", async () => {
  assert.equal(await window.text('[data-testid="demo-badge"]'), "DEMO");
  await window.screenshot("09-demo-login-kk");
});

test("wrong password five times locks the account", async () => {
  await window.click('[data-testid="lang-ru"]');
  await window.waitForText('[data-testid="login"] h1', "Вход в систему");
  const clerk = "920718300451"; // a demo clerk
  const shown = [];
  for (let attempt = 1; attempt <= 4; attempt++) {
    await tryLogin(clerk, `wrong-${attempt}`);
    const left = 5 - attempt;
    shown.push(await window.waitForText('[data-testid="error"]', `Осталось ${left}`).catch(() =>
      window.waitForText('[data-testid="error"]', `Осталась ${left}`),
    ));
  }
  assert.match(shown[0], /Осталось 4 попытки/);
  assert.match(shown[3], /Осталась 1 попытка/);
  await tryLogin(clerk, "wrong-5");
  await window.waitForText('[data-testid="error"]', "заблокирована");
  await tryLogin(clerk, "demo-2026");
  const locked = await window.waitForText('[data-testid="error"]', "заблокирована");
  assert.match(locked, /через 5 мин/);
  await window.screenshot("10-lockout-ru");

  await window.click('[data-testid="lang-kk"]');
  await window.waitForText('[data-testid="error"]', "бұғатталды");
  await window.screenshot("11-lockout-kk");
});
