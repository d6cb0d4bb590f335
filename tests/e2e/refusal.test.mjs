// Refusals through the real window: one document certified and the other refused on ground 3
// with the clerk's justification; then a visit without the signed consent refused on ground 1;
// then a visit whose applicant left: finishing is refused while its documents are undecided,
// and the ground-1 refusal the window prepares ends it.
// Both notices are signed, printed on the cups-pdf queue, and their signed files left in
// target/e2e-artifacts/refusal/, where pdfsig, pyHanko and openssl check them and pdftotext
// reads the annex's title, the grounds in the words of the rules and the justification.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { CLERK_IIN, clerkAtCounter, listDocuments } from "./support/counter.mjs";
import { KEY_PASSWORD, makePki } from "./support/pki.mjs";
import { waitForPrint } from "./support/print.mjs";
import { scanA4 } from "./support/sane.mjs";
import { cmsVerifies, pdfText, pdfsigValid, pyhanko } from "./support/signed.mjs";
import { ARTIFACTS, CLI } from "./support/window.mjs";

const SUPERVISOR_IIN = "850315400124"; // the demo supervisor
const APPLICANT_IIN = "780214300450";
const PENCIL = "На с. 1 диплома год окончания исправлен карандашом; оттиск печати ҚазҰУ не читается.";
const OUT = join(ARTIFACTS, "refusal");
const work = mkdtempSync(join(tmpdir(), "rastau-e2e-refusal-"));
const scanFolder = join(work, "scan-folder");
mkdirSync(scanFolder);
mkdirSync(OUT, { recursive: true });
const pki = makePki(work, CLERK_IIN, "Сейтқали Дана");
let window;
let dataDir;

before(async () => {
  ({ window, dataDir } = await clerkAtCounter(4494, { RASTAU_SCAN_FOLDER: scanFolder }, [pki.ca]));
});
after(async () => {
  await window?.close();
});

const counter = '[data-testid="counter"]';
const refusals = '[data-testid="refusals"]';

async function openVisit() {
  await window.fill(counter, "taxId", APPLICANT_IIN);
  await window.fillAll(counter, { surname: "Жұмабекова", givenName: "Әсем", address: "Шымкент, Тәуке хан даңғылы, 5", phone: "+7 701 111 11 11" });
  await window.click('[data-testid="accept"]');
  await listDocuments(window);
}

/** Signs the pending refusals' notice in `lang` (kk, ru or both) with the key already open. */
async function signNotice(lang) {
  await window.click(`[data-testid="notice-language-${lang}"]`);
  await window.click('[data-testid="sign-notice"]');
  await window.waitForText(`${refusals} [data-testid="notice"]`, "подписано");
}

/** Prints the newest notice on cups-pdf, and keeps its signed file and signature as `name`. */
async function printNewestNotice(name) {
  const since = Date.now() - 1000;
  const row = '[data-testid="notice-row"]:first-of-type';
  await window.click(`${row} [data-testid="print-notice"]`);
  await window.waitFor('[data-testid="print-preview"] img');
  await window.screenshot(`61-${name}-preview`);
  await window.click('[data-testid="print-now"]');
  await waitForPrint(window, "notice-", since, OUT);
  await window.waitForText(`${row} [data-testid="notice-prints"]`, "1");
  // The signed notice as the store keeps it under the applicant's IIN (by its SHA-256).
  const element = await window.waitFor(row);
  const stored = (hash) => join(dataDir, "files", hash.slice(0, 2), hash);
  copyFileSync(stored(await element.getAttribute("data-pdf")), join(OUT, `${name}.pdf`));
  copyFileSync(stored(await element.getAttribute("data-signature")), join(OUT, `${name}.pdf.p7s`));
}

async function finishVisit() {
  await window.click('[data-testid="finish-visit"]');
  await window.click('[data-testid="confirm-yes"]');
}

test("one document is certified and the other refused on ground 3 with a justification", async () => {
  await openVisit();
  await window.click('[data-testid="confirm-consent"]');
  await window.waitFor('[data-testid="page-strip"]');
  writeFileSync(join(scanFolder, "scan-0001.png"), scanA4(work));
  await window.select('[data-testid="page"] [data-testid="assign"]', "1");
  await window.waitFor('[data-testid="page"][data-position="1"]');

  // A refusal names a ground and says why: both are asked for, in words the clerk can act on.
  await window.click('[data-testid="refuse-start"]');
  await window.click('[data-testid="refuse-form"] input[name="refuse-document"][value="2"]');
  await window.click('[data-testid="refuse-confirm"]');
  await window.waitForText(`${refusals} [data-testid="error"]`, "хотя бы одно основание");
  await window.click('[data-testid="refuse-form"] input[name="ground"][value="3"]');
  await window.click('[data-testid="refuse-confirm"]');
  await window.waitForText(`${refusals} [data-testid="error"]`, "Напишите обоснование");
  await window.screenshot("60-refusal-needs-justification-ru");
  await window.fill('[data-testid="refuse-form"]', "justification", PENCIL);
  await window.click('[data-testid="refuse-confirm"]');
  await window.waitForText('[data-testid="refusal-list"]', PENCIL);
  await window.waitForText('[data-testid="certify-row"]:nth-of-type(2)', "Отказано");

  await window.click('[data-testid="certify-row"]:nth-of-type(1) [data-testid="certify-document"]');
  await window.fill('[data-testid="key-dialog"]', "keyPath", pki.p12);
  await window.fill('[data-testid="key-dialog"]', "keyPassword", KEY_PASSWORD);
  await window.click('[data-testid="open-key"]');
  await window.waitForText('[data-testid="certify-row"]:nth-of-type(1)', "Заверено");

  // The visit does not end while a refusal has no notice.
  await finishVisit();
  await window.waitForText('[data-testid="finish"] [data-testid="error"]', "Подпишите уведомление");
  await signNotice("both");
  await window.screenshot("62-notice-signed-ru");
  await printNewestNotice("notice-ground-3-kk-ru");

  // The receipt lists the certified copy and the refused document.
  const since = Date.now() - 1000;
  await window.click('[data-testid="print-receipt-ru"]');
  await window.waitFor('[data-testid="print-preview"] img');
  await window.screenshot("63-receipt-with-refusal-ru");
  await window.click('[data-testid="print-now"]');
  await waitForPrint(window, "receipt-", since, OUT);
  await finishVisit();
  await window.waitFor('[data-testid="counter"]');
});

test("a visit without the signed consent is refused on ground 1, offered and confirmed", async () => {
  await openVisit();
  await window.waitFor('[data-testid="ground-one-offer"]');
  await window.screenshot("64-ground-one-offered-ru");
  await window.click('[data-testid="refuse-ground-one"]');
  // The clerk sees ground 1 ticked and the justification written, and confirms.
  const ground1 = await window.waitFor('[data-testid="refuse-form"] input[name="ground"][value="1"]');
  assert.ok(await ground1.isSelected(), "ground 1 is offered");
  await window.click('[data-testid="refuse-confirm"]');
  await window.driver.wait(
    async () => (await window.driver.findElements({ css: '[data-testid="refusal"]' })).length === 2,
    10_000,
    "both documents refused",
  );
  await signNotice("ru");
  await printNewestNotice("notice-ground-1-ru");
  // The earlier notice stays in the applicant's history, ready to print again.
  assert.equal((await window.driver.findElements({ css: '[data-testid="notice-row"]' })).length, 2);
  await finishVisit();
});

test("finishing with an undecided document is refused, naming it; refused on ground 1, the visit ends", async () => {
  await openVisit();
  await window.click('[data-testid="confirm-consent"]');
  await window.waitFor('[data-testid="page-strip"]');
  writeFileSync(join(scanFolder, "scan-0002.png"), scanA4(work));
  await window.select('[data-testid="page"] [data-testid="assign"]', "1");
  await window.waitFor('[data-testid="page"][data-position="1"]');

  // Rule 6: neither certified nor refused, the documents keep the visit open, by name.
  await finishVisit();
  const error = '[data-testid="finish"] [data-testid="error"]';
  const ru = await window.waitForText(error, "без решения");
  assert.match(ru, /№ 1 «Туу туралы куәлік», № 2 «Диплом»/);
  assert.match(ru, /заверьте копию или откажите в заверении/);
  assert.match(ru, /Если заявитель ушёл, откажите по подпункту 1\) пункта 9/);
  await window.waitFor('[data-testid="refuse-undecided"]');
  await window.screenshot("66-finish-undecided-ru");
  await window.click('[data-testid="lang-kk"]');
  const kk = await window.waitForText(error, "шешім қабылданбады");
  assert.match(kk, /№ 1 «Туу туралы куәлік», № 2 «Диплом» құжаттары/);
  // Clicking the language button scrolled the page to its top: back to the message, and a
  // frame painted before the picture is taken.
  await window.driver.executeAsyncScript(`
    const done = arguments[0];
    document.querySelector('[data-testid="finish"]').scrollIntoView({ block: "end" });
    requestAnimationFrame(() => requestAnimationFrame(done));`);
  await window.screenshot("67-finish-undecided-kk");
  await window.click('[data-testid="lang-ru"]');

  // The applicant has gone: both refused on ground 1, the justification written for the clerk.
  await window.click('[data-testid="refuse-undecided"]');
  const ground1 = await window.waitFor('[data-testid="refuse-form"] input[name="ground"][value="1"]');
  assert.ok(await ground1.isSelected(), "ground 1 is offered");
  for (const position of ["1", "2"]) {
    const box = await window.waitFor(`[data-testid="refuse-form"] input[name="refuse-document"][value="${position}"]`);
    assert.ok(await box.isSelected(), `document ${position} is chosen`);
  }
  const justification = await window.driver.executeScript(
    `return document.querySelector('[data-testid="refuse-form"] textarea[name="justification"]').value`,
  );
  assert.match(justification, /Заявитель ушёл до завершения обслуживания/);
  await window.screenshot("68-undecided-refused-on-ground-1-ru");
  await window.click('[data-testid="refuse-confirm"]');
  await window.driver.wait(
    async () => (await window.driver.findElements({ css: '[data-testid="refusal"]' })).length === 2,
    10_000,
    "both documents refused",
  );
  // Refused is not the result yet: the signed notice is.
  await finishVisit();
  await window.waitForText(error, "Подпишите уведомление");
  await signNotice("kk");
  await finishVisit();
  await window.waitFor('[data-testid="counter"]');
});

test("when the center requires it, a supervisor signs the notice with their own key", async () => {
  const supervisorPki = makePki(mkdtempSync(join(work, "supervisor-")), SUPERVISOR_IIN, "Сұлтанова Әйгерім Қайратқызы", work);
  await window.click('[data-testid="logout"]');
  await window.login(SUPERVISOR_IIN);
  await window.click('[data-testid="lang-ru"]');
  await window.click('[data-testid="nav-center"]');
  await window.click('[data-testid="notice-signer-supervisor"]');
  await window.waitForText('[data-testid="notice-signer-settings"] [data-testid="notice"]', "Сохранено");
  await window.click('[data-testid="logout"]');
  await window.login(CLERK_IIN);
  await window.click('[data-testid="nav-counter"]');

  await openVisit();
  await window.click('[data-testid="refuse-ground-one"]');
  await window.click('[data-testid="refuse-confirm"]');
  await window.waitForText('[data-testid="sign-notice"]', "руководителя");
  await window.click('[data-testid="sign-notice"]');
  // The clerk's own key is not a supervisor's.
  await window.waitForText('[data-testid="key-dialog"]', "Ключ ЭЦП руководителя");
  await window.fill('[data-testid="key-dialog"]', "keyPath", pki.p12);
  await window.fill('[data-testid="key-dialog"]', "keyPassword", KEY_PASSWORD);
  await window.click('[data-testid="open-key"]');
  await window.waitForText('[data-testid="key-dialog"] [data-testid="error"]', "не принадлежит руководителю");
  await window.fill('[data-testid="key-dialog"]', "keyPath", supervisorPki.p12);
  await window.fill('[data-testid="key-dialog"]', "keyPassword", KEY_PASSWORD);
  await window.click('[data-testid="open-key"]');
  await window.waitForText(`${refusals} [data-testid="notice"]`, "подписано");
  await window.waitForText('[data-testid="notice-row"]:first-of-type', "Сұлтанова Әйгерім Қайратқызы");
  await window.screenshot("65-notice-signed-by-supervisor-ru");
  await finishVisit();
});

/** pdftotext breaks lines where the layout wrapped them: compare words. */
const words = (pdf) => pdfText(pdf).split(/\s+/).join(" ");

const TITLE_KK = "Құжаттардың электрондық көшірмелерін растаудан бас тарту туралы хабарлама";
const TITLE_RU = "Уведомление об отказе в заверении электронных копий документов";
const GROUND_3_KK =
  "ұсынылған құжаттарда көшірмелері, қоспа жазулары, сызылып тасталған сөздері немесе басқа ескертілмеген түзетулері бар, қарындашпен жазылған, немесе мөрдің оқуға келмейтін баспа таңбасы болса";
const GROUND_3_RU =
  "представленные документы имеют подчистки, приписки, зачеркнутые слова или иные неоговоренные исправления, исполнены карандашом, а также имеют нечитаемый оттиск печати";
const GROUND_1_RU = "не представлены документы, указанные в пункте 5 настоящих Правил";

test("the notices validate with pdfsig, pyHanko and openssl, and read as the annex", () => {
  const ca = join(OUT, "ca.pem");
  copyFileSync(pki.ca, ca);
  const expected = {
    "notice-ground-3-kk-ru": [TITLE_KK, TITLE_RU, GROUND_3_KK, GROUND_3_RU, PENCIL],
    "notice-ground-1-ru": [TITLE_RU, GROUND_1_RU, "Не представлено письменное согласие заявителя"],
  };
  for (const [name, phrases] of Object.entries(expected)) {
    const pdf = join(OUT, `${name}.pdf`);
    const checked = pyhanko(pdf, ca);
    assert.ok(checked.valid, checked.output);
    assert.ok(pdfsigValid(pdf), `pdfsig ${name}`);
    assert.ok(cmsVerifies(pdf, `${pdf}.p7s`, ca), `openssl cms -verify ${name}`);
    const text = words(pdf);
    for (const phrase of phrases) assert.ok(text.includes(phrase), `${name}: «${phrase}» is missing from\n${text}`);
    const png = spawnSync("pdftoppm", ["-png", "-r", "80", "-singlefile", pdf, join(OUT, `${name}-page1`)]);
    assert.equal(png.status, 0);
  }
  // `rastau verify` knows the notice, its signer and its sealed QR code.
  const report = spawnSync(CLI, ["--lang", "ru", "--data-dir", dataDir, "verify", join(OUT, "notice-ground-1-ru.pdf")], { encoding: "utf8" });
  assert.equal(report.status, 0, report.stdout + report.stderr);
  assert.match(report.stdout, /уведомление об отказе № \d{4}\/000002-N1/);
  assert.match(report.stdout, /QR-код подписан ключом центра/);
});
