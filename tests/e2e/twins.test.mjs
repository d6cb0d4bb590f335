// Two documents of the same title in one visit (the birth certificates of two children):
// certifying one leaves the other's Certify button, and both end certified, each with its page;
// and in another visit one of the two is refused while the other is still certified.
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { KEY_PASSWORD, makePki } from "./support/pki.mjs";
import { saneTestConfig } from "./support/sane.mjs";
import { CLERK_IIN, clerkAtCounter, listDocuments } from "./support/counter.mjs";

const work = mkdtempSync(join(tmpdir(), "rastau-e2e-twins-"));
const pki = makePki(work, CLERK_IIN, "Сейтқали Дана");
const TWINS = [
  { title: "Туу туралы куәлік", number: "I-АЖ 100001", issuedOn: "01.09.2015", issuer: "АХАТ", sheets: 1 },
  { title: "Туу туралы куәлік", number: "I-АЖ 100002", issuedOn: "01.09.2015", issuer: "АХАТ", sheets: 1 },
];
let window;

before(async () => {
  const env = { SANE_CONFIG_DIR: saneTestConfig(mkdtempSync(join(work, "sane-"))) };
  ({ window } = await clerkAtCounter(4930, env, [pki.ca]));
});
after(async () => {
  await window?.close();
});

const row = (n) => `[data-testid="certify-row"]:nth-of-type(${n})`;
const pagesOf = (position) =>
  window.driver.findElements({ css: `[data-testid="page"][data-position="${position}"]` }).then((p) => p.length);

/** Opens a visit listing the twins with the consent scanned, and scans one page onto each
 * document of `positions`. */
async function twinsScanned(positions) {
  await window.fill('[data-testid="counter"]', "taxId", "780214300450");
  await window.fillAll('[data-testid="counter"]', { surname: "Жұмабекова", givenName: "Әсем", address: "Шымкент", phone: "+7 701 111 11 11" });
  await window.click('[data-testid="accept"]');
  await listDocuments(window, TWINS);
  await window.click('[data-testid="confirm-consent"]');
  await window.click('[data-testid="scan-consent"]');
  await window.waitForText('[data-testid="consent-scan-kept"]', "сохранён");
  for (const position of positions) {
    await window.select('[data-testid="scan-target"]', String(position));
    await window.click('[data-testid="scan-flatbed"]');
    await window.driver.wait(async () => (await pagesOf(position)) === 1, 60_000, `the page of document ${position}`);
  }
}

async function finishVisit() {
  await window.click('[data-testid="finish-visit"]');
  await window.click('[data-testid="confirm-yes"]');
  await window.waitFor('[data-testid="counter"]');
}

test("two birth certificates of two children are certified one after the other", async () => {
  await twinsScanned([1, 2]);
  await window.click(`${row(1)} [data-testid="certify-document"]`);
  await window.fill('[data-testid="key-dialog"]', "keyPath", pki.p12);
  await window.fill('[data-testid="key-dialog"]', "keyPassword", KEY_PASSWORD);
  await window.click('[data-testid="open-key"]');
  await window.waitForText(row(1), "Заверено");
  // The second certificate, of the same title, still waits for its own certification.
  assert.doesNotMatch(await window.text(row(2)), /Заверено/);
  await window.click(`${row(2)} [data-testid="certify-document"]`);
  await window.waitForText(row(2), "Заверено");
  await window.screenshot("twins-certified-ru");
  await finishVisit();
});

test("one of two birth certificates is refused, the other of the same title still certified", async () => {
  await twinsScanned([2]);
  await window.click('[data-testid="refuse-start"]');
  await window.click('[data-testid="refuse-form"] input[name="refuse-document"][value="1"]');
  await window.click('[data-testid="refuse-form"] input[name="ground"][value="3"]');
  await window.fill('[data-testid="refuse-form"]', "justification", "Куәліктің мөрі оқылмайды.");
  await window.click('[data-testid="refuse-confirm"]');
  await window.waitForText(row(1), "Отказано");
  // The key opened for the first visit signs here too.
  await window.click(`${row(2)} [data-testid="certify-document"]`);
  await window.waitForText(row(2), "Заверено");
  assert.match(await window.text(row(1)), /Отказано/);
  await window.click('[data-testid="sign-notice"]');
  await window.gone('[data-testid="notice-sign"]');
  await window.screenshot("twins-one-refused-ru");
  await finishVisit();
});
