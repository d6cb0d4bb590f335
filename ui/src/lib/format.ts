// How times read at a Kazakh counter: 24-hour clock, whatever the machine's locale.
import { formatDay, isoDay } from "./days";

export function timeOfDay(iso: string): string {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
}

/** DD.MM.YYYY, the local day of an instant, as dates are written on Kazakh documents. A day
 * without a time ("2026-12-03") is `formatDay`'s: read as an instant it would be UTC midnight,
 * the day before west of Greenwich. */
export function shortDate(iso: string): string {
  return formatDay(isoDay(new Date(iso)));
}

/** DD.MM.YYYY, the last day a copy that leaves the store at the instant `keepUntil` is kept
 * (rule 8): it leaves at the local midnight after that day, as receipts and the counter say. */
export function keptThrough(keepUntil: string): string {
  return formatDay(isoDay(new Date(Date.parse(keepUntil) - 1)));
}

/** HH:MM:SS, for records where the minute is not precise enough (the audit trail). */
export function timeWithSeconds(iso: string): string {
  const d = new Date(iso);
  return `${timeOfDay(iso)}:${String(d.getSeconds()).padStart(2, "0")}`;
}
