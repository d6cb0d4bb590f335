import { describe, expect, it } from "vitest";
import type { CopyView } from "../bindings/CopyView";
import type { Decision } from "../bindings/Decision";
import type { Document } from "../bindings/Document";
import type { PageView } from "../bindings/PageView";
import type { SharedCopyView } from "../bindings/SharedCopyView";
import type { VisitView } from "../bindings/VisitView";
import { CounterVisit } from "./visit.svelte";

const BIRTH: Document = { title: "Туу туралы куәлік", number: "I-АЖ 100001", issuedOn: "", issuer: "АХАТ", sheets: 1 };

/** A visit listing three birth certificates of the same title, decided as `outcomes` say. */
function visit(outcomes: Decision[]): VisitView {
  return {
    id: 7,
    number: { year: 2026, seq: 42 },
    numberText: "2026/000042",
    applicant: { taxId: "780214300450", surname: "", givenName: "", patronymic: "", organization: "", address: "", phone: "" },
    representative: null,
    clerkName: "",
    documents: outcomes.map(() => BIRTH),
    outcomes,
    copiesOnMedia: false,
    consentReceivedAt: "2026-11-02T09:00:00Z",
    consentGiven: null,
    consentScanHash: null,
    startedAt: "2026-11-02T09:00:00Z",
    endedAt: null,
    durationSeconds: null,
    overLimit: false,
    limits: { warnSeconds: 1500n, limitSeconds: 1800n },
  };
}

/** A copy of the visit's journal number and title: nothing in it tells the documents apart. */
const copy = (id: number, visitId: number, position: number): CopyView => ({
  id,
  visitId,
  journalNumber: "2026/000042",
  position,
  documentTitle: BIRTH.title,
  pdfHash: "",
  signatureHash: "",
  pageCount: 1,
  signerName: "",
  certifiedAt: "2026-11-02T09:10:00Z",
  keepUntil: "2026-12-02",
  keptThrough: "2026-12-02",
});

describe("the visit at the counter", () => {
  it("tells each document's outcome by its place, as Rust decided it, whatever the titles", () => {
    const v = new CounterVisit(
      visit([{ outcome: "refused", noticeId: null }, { outcome: "certified", copyId: 3 }, { outcome: "pending" }]),
    );
    expect([1, 2, 3].map((p) => v.outcome(p))).toEqual(["refused", "certified", "pending"]);
    expect(v.certified).toEqual([2]);
    expect(v.undecided).toEqual([3]);
    expect(v.unnotified).toEqual([1]);
  });

  it("follows the visit read again: a signed notice and a certified twin", () => {
    const v = new CounterVisit(visit([{ outcome: "refused", noticeId: null }, { outcome: "pending" }]));
    v.view = visit([{ outcome: "refused", noticeId: 5 }, { outcome: "certified", copyId: 9 }]);
    expect(v.unnotified).toEqual([]);
    expect(v.undecided).toEqual([]);
    expect(v.certified).toEqual([2]);
  });

  it("chooses this visit's copies for the hand-over as they come, and keeps the clerk's choice", () => {
    const v = new CounterVisit(visit([{ outcome: "certified", copyId: 3 }, { outcome: "pending" }]));
    const earlier = copy(1, 6, 1);
    v.keepCopies([earlier, copy(3, 7, 1)]);
    expect(v.handOver).toEqual([3]);
    // The clerk unticks the first twin; certifying the second chooses it and leaves the first out.
    v.handOver = [];
    v.keepCopies([earlier, copy(3, 7, 1), copy(4, 7, 2)]);
    expect(v.handOver).toEqual([4]);
    expect(v.copies.map((c) => c.id)).toEqual([1, 3, 4]);
  });

  it("chooses a copy fetched from another center once, and keeps the clerk's choice", () => {
    const v = new CounterVisit(visit([]));
    const kept = (copyId: number, fetched: number | null, here = false): SharedCopyView => ({
      centerCode: here ? "AST-02" : "ALM-01",
      centerName: { kk: "ХҚКО", ru: "ЦОН" },
      installationCode: here ? "b0b0b0b0" : "a1a1a1a1",
      copyId,
      numberText: "2026/000007",
      title: BIRTH.title,
      documentNumber: "",
      issuedOn: "",
      issuer: "",
      pageCount: 1,
      signerName: "DEMO",
      certifiedAt: "2026-11-02T09:00:00Z",
      keepUntil: "2027-05-02T19:00:00Z",
      here,
      fetched,
    });
    // Fetched before (a restart): offered again; certified at this counter: not offered here.
    v.keepElsewhere([kept(1, null), kept(2, 12), kept(3, null, true)]);
    expect(v.handOverFetched).toEqual([12]);
    v.keepFetched(v.elsewhere[0], 11);
    expect(v.handOverFetched).toEqual([12, 11]);
    expect(v.fetched.map((c) => c.fetched)).toEqual([11, 12]);
    // The clerk leaves one out; a second lookup does not choose it again.
    v.handOverFetched = [11];
    v.keepElsewhere([kept(1, 11), kept(2, 12), kept(3, null, true)]);
    expect(v.handOverFetched).toEqual([11]);
  });

  it("counts the pages assigned to each document", () => {
    const v = new CounterVisit(visit([{ outcome: "pending" }, { outcome: "pending" }]));
    const page = (id: number, position: number | null): PageView => ({
      id,
      position,
      rotation: 0,
      widthPx: 1748,
      heightPx: 2480,
      dpi: 300,
      source: "flatbed",
      thumbnail: "",
    });
    v.pages = [page(1, 1), page(2, 2), page(3, 2), page(4, null)];
    expect([1, 2].map((p) => v.assigned(p))).toEqual([1, 2]);
  });
});
