// The journal screen's small pieces: durations in words and the order of the rows.
import type { JournalRow } from "../bindings/JournalRow";
import { t } from "./i18n.svelte";

/** `12 мин`, `22 мин 20 с`. */
export function duration(seconds: number): string {
  return t("journal-duration", { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
}

export type SortKey = "number" | "startedAt" | "duration" | "taxId" | "applicant" | "clerk";

const keys: Record<SortKey, (row: JournalRow) => string | number> = {
  // By year and place in it, not by the text: a number given after the installation got its
  // code (`A1B2C3D4-2026/000042`) follows those given before it (`2026/000041`).
  number: (r) => r.year * 2 ** 32 + r.seq,
  startedAt: (r) => r.startedAt,
  // An open visit sorts after every finished one.
  duration: (r) => r.durationSeconds ?? Number.MAX_SAFE_INTEGER,
  taxId: (r) => r.taxId,
  applicant: (r) => r.applicant,
  clerk: (r) => r.clerkName,
};

/** Names in the Kazakh alphabet's order (А Ә Б … Ө … Ү Ұ … І …), any letter case. */
const names = new Intl.Collator("kk", { sensitivity: "base", numeric: true });

/** The rows ordered by `key`, ascending or descending; ties keep the journal's order. */
export function sortRows(rows: JournalRow[], key: SortKey, ascending: boolean): JournalRow[] {
  const value = keys[key];
  const sign = ascending ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const [x, y] = [value(a.row), value(b.row)];
      const order = typeof x === "string" && typeof y === "string" ? names.compare(x, y) : x < y ? -1 : x > y ? 1 : 0;
      return order * sign || a.index - b.index;
    })
    .map(({ row }) => row);
}
