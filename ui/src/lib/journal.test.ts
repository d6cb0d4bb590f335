import { describe, expect, it } from "vitest";
import type { JournalRow } from "../bindings/JournalRow";
import { sortRows } from "./journal";

function row(number: string, durationSeconds: number | null, applicant: string): JournalRow {
  return {
    visitId: Number(number.slice(-3)),
    number,
    startedAt: "2026-11-23T04:00:00Z",
    endedAt: null,
    durationSeconds,
    overLimit: false,
    taxId: "950601500126",
    applicant,
    representative: null,
    clerkId: 1,
    clerkName: "Ғабитов Ұлан",
    documents: [],
    notices: [],
    receiptPrints: 0,
  };
}

describe("the journal's rows", () => {
  const rows = [row("2026/000001", 720, "Әбілқайыр"), row("2026/000002", null, "Бекова"), row("2026/000003", 2100, "Әбілқайыр")];

  it("sort by duration with open visits last, and back", () => {
    const numbers = (list: JournalRow[]) => list.map((r) => r.number.slice(-1));
    expect(numbers(sortRows(rows, "duration", true))).toEqual(["1", "3", "2"]);
    expect(numbers(sortRows(rows, "duration", false))).toEqual(["2", "3", "1"]);
  });

  it("sort names in the Kazakh alphabet, keeping the journal's order between equal ones", () => {
    expect(sortRows(rows, "applicant", true).map((r) => r.number.slice(-1))).toEqual(["1", "3", "2"]);
    expect(sortRows(rows, "applicant", false).map((r) => r.number.slice(-1))).toEqual(["2", "1", "3"]);
  });
});
