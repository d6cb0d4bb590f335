// Steps at the counter that several end-to-end tests take the same way.
import { chooseCupsPdf } from "./print.mjs";
import { supervisorTrusts } from "./trust.mjs";
import { Window, freshStore } from "./window.mjs";

/** A demo clerk (the demo supervisor is 850315400124). */
export const CLERK_IIN = "920718300451";

/** The two documents most tests certify: a birth certificate and a diploma, one sheet each. */
export const DOCUMENTS = [
  { title: "Туу туралы куәлік", number: "I-АЖ 123456", issuedOn: "12.03.1978", issuer: "АХАТ", sheets: 1 },
  { title: "Диплом", number: "ЖБ-II 0098765", issuedOn: "30.06.2000", issuer: "ҚазҰУ", sheets: 1 },
];

/** Lists `documents` on the open visit and saves the list (the screen in Russian). */
export async function listDocuments(window, documents = DOCUMENTS) {
  const rows = '[data-testid="document-row"]';
  for (const [i, document] of documents.entries()) {
    if (i > 0) await window.click('[data-testid="add-document"]');
    await window.fillAll(`${rows}:nth-of-type(${i + 1})`, document);
  }
  await window.click('[data-testid="save-documents"]');
  await window.waitForText('[data-testid="notice"]', "Список документов сохранён");
}

/** A demo store whose supervisor chose the cups-pdf queue and trusted the CAs `trusted` (paths),
 * and the window open on `port` with the clerk at the counter, in Russian. `env` adds to the
 * app's environment. */
export async function clerkAtCounter(port, env = {}, trusted = []) {
  const dataDir = freshStore({ demo: true });
  const window = await Window.open(dataDir, port, undefined, env);
  await chooseCupsPdf(window);
  if (trusted.length) await supervisorTrusts(window, trusted);
  await window.login(CLERK_IIN);
  await window.click('[data-testid="lang-ru"]');
  await window.click('[data-testid="nav-counter"]');
  return { window, dataDir };
}

const present = async (window, css) => (await window.driver.findElements({ css })).length > 0;

/** The applicant walked away (in either language): finishing is refused while a document has
 * neither result, so the clerk refuses the undecided ones on ground 1 as the window offers,
 * signs the notice (opening the key at `p12` if this session has none open) and finishes. */
export async function walkAway(window, p12, keyPassword) {
  await window.click('[data-testid="finish-visit"]');
  await window.click('[data-testid="confirm-yes"]');
  await window.click('[data-testid="refuse-undecided"]');
  await window.click('[data-testid="refuse-confirm"]');
  await window.click('[data-testid="sign-notice"]');
  const dialog = '[data-testid="key-dialog"]';
  await window.driver.wait(
    async () => (await present(window, dialog)) || !(await present(window, '[data-testid="notice-sign"]')),
    20_000,
    "waiting for the notice to be signed or the key to be asked for",
  );
  if (await present(window, dialog)) {
    await window.fill(dialog, "keyPath", p12);
    await window.fill(dialog, "keyPassword", keyPassword);
    await window.click('[data-testid="open-key"]');
  }
  await window.gone('[data-testid="notice-sign"]');
  await window.click('[data-testid="finish-visit"]');
  await window.click('[data-testid="confirm-yes"]');
  await window.waitFor('[data-testid="counter"]');
}
