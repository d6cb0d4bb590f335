// Steps at the counter that several end-to-end tests take the same way.

/** The two documents most tests certify: a birth certificate and a diploma. */
export const DOCUMENTS = [
  { title: "Туу туралы куәлік", number: "I-АЖ 123456", issuedOn: "12.03.1978", issuer: "АХАТ" },
  { title: "Диплом", number: "ЖБ-II 0098765", issuedOn: "30.06.2000", issuer: "ҚазҰУ" },
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
