import { describe, expect, it } from "vitest";
import type { JournalRow } from "../bindings/JournalRow";
import { sortRows } from "./journal";

function row(number: string, durationSeconds: number | null, applicant: string): JournalRow {
  const [year, seq] = number.replace(/^.*-(?=\d{4}\/)/, "").split("/").map(Number);
  return {
    visitId: Number(number.slice(-3)),
    number,
    year,
    seq,
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

  it("sort by number in the journal's order, with the installation's code or without", () => {
    // The code came after 2026/000009; a code of digits would sort before the year as text.
    const mixed = [
      row("0A1B2C3D-2026/000010", 60, "Бекова"),
      row("2026/000009", 60, "Әбілқайыр"),
      row("0A1B2C3D-2027/000001", 60, "Бекова"),
      row("0A1B2C3D-2026/000011", 60, "Бекова"),
    ];
    const numbers = (list: JournalRow[]) => list.map((r) => r.number);
    const ordered = ["2026/000009", "0A1B2C3D-2026/000010", "0A1B2C3D-2026/000011", "0A1B2C3D-2027/000001"];
    expect(numbers(sortRows(mixed, "number", true))).toEqual(ordered);
    expect(numbers(sortRows(mixed, "number", false))).toEqual([...ordered].reverse());
  });
});
