// The counter at the window's smallest size (960×640) and a common laptop's (1280×820), in
// both languages: nothing scrolls sideways, every field's label shows whole, and the «remove»
// buttons of the document rows stay inside their card.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { DOCUMENTS, clerkAtCounter, listDocuments } from "./support/counter.mjs";

let window;
before(async () => {
  ({ window } = await clerkAtCounter(4610));
});
after(async () => {
  await window?.close();
});

/** What overflows, measured in the page: the document's sideways scroll, labels cut off, and
 * the remove buttons' edges against the card's. */
const measure = () =>
  window.driver.executeScript(`
    const root = document.documentElement;
    const card = document.querySelector('[data-testid="documents"]').getBoundingClientRect();
    const outside = [...document.querySelectorAll('[data-testid="remove-document"]')]
      .map((b) => b.getBoundingClientRect())
      .filter((b) => b.left < card.left - 0.5 || b.right > card.right + 0.5 || b.top < card.top - 0.5 || b.bottom > card.bottom + 0.5)
      .length;
    const cut = [...document.querySelectorAll('[data-testid="document-row"] .field > span, [data-testid="document-row"] .field > label')]
      .filter((l) => l.scrollWidth > l.clientWidth + 1)
      .map((l) => l.textContent);
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > root.clientWidth + 0.5)
      .slice(0, 5)
      .map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, buttons: document.querySelectorAll('[data-testid="remove-document"]').length, outside, cut, wide };`);

async function sized(width, height) {
  await window.driver.manage().window().setRect({ width, height });
  await window.driver.wait(
    async () => (await window.driver.executeScript("return window.innerWidth")) <= width,
    10_000,
    "waiting for the window to take its size",
  );
}

test("the counter fits the window sideways at 960×640 and 1280×820 in kk and ru", async () => {
  await window.fill('[data-testid="counter"]', "taxId", "780214300450");
  await window.fillAll('[data-testid="counter"]', { surname: "Жұмабекова", givenName: "Әсем", address: "Шымкент", phone: "+7 701 111 11 11" });
  await window.click('[data-testid="accept"]');
  await window.click('[data-testid="add-document"]');
  await window.click('[data-testid="add-document"]');
  for (const lang of ["kk", "ru"]) {
    await window.click(`[data-testid="lang-${lang}"]`);
    for (const [width, height] of [[960, 640], [1280, 820]]) {
      await sized(width, height);
      const m = await measure();
      const where = `${lang} ${width}×${height}: ${JSON.stringify(m)}`;
      assert.ok(m.scrollWidth <= m.clientWidth, `scrolls sideways at ${where}`);
      assert.equal(m.buttons, 3, where);
      assert.equal(m.outside, 0, `a remove button leaves its card at ${where}`);
      assert.deepEqual(m.cut, [], `labels cut off at ${where}`);
      await window.screenshot(`counter-${width}x${height}-${lang}`);
    }
  }
});

test("after the consent the strip, the certification and the hand-over fit too", async () => {
  await window.click('[data-testid="lang-ru"]');
  for (const row of [3, 2]) await window.click(`[data-testid="document-row"]:nth-of-type(${row}) [data-testid="remove-document"]`);
  await listDocuments(window, DOCUMENTS);
  await window.click('[data-testid="confirm-consent"]');
  await window.waitFor('[data-testid="page-strip"]');
  for (const lang of ["kk", "ru"]) {
    await window.click(`[data-testid="lang-${lang}"]`);
    for (const [width, height] of [[960, 640], [1280, 820]]) {
      await sized(width, height);
      const m = await measure();
      assert.ok(m.scrollWidth <= m.clientWidth, `scrolls sideways at ${lang} ${width}×${height}: ${JSON.stringify(m)}`);
      await window.driver.executeScript('document.querySelector(\'[data-testid="certify"]\').scrollIntoView()');
      await window.screenshot(`counter-consented-${width}x${height}-${lang}`);
    }
  }
});
