// Calendar days as people here write them, dd.mm.yyyy, whatever the webview's own locale; and
// as Rust takes them, the ISO day "2026-12-03". A date field shows the one and binds the other.

const two = (n: number) => String(n).padStart(2, "0");

/** `2026-11-23`: the local calendar day of `date`. */
export function isoDay(date: Date): string {
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

/** `2026-12-03` → `03.12.2026`; anything that is not an ISO day → "". */
export function formatDay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : "";
}

/** The ISO day of `y`-`m`-`d` when that day exists (no 31.02), else null. */
function existing(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  return real ? `${y}-${two(m)}-${two(d)}` : null;
}

/** What a clerk typed (`03.12.2026`, `3.12.2026`, `03122026`) → `2026-12-03`, or null when it
 * is not yet, or not at all, a day that exists. */
export function parseDay(typed: string): string | null {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(maskDay(typed));
  return m ? existing(Number(m[3]), Number(m[2]), Number(m[1])) : null;
}

/** Typing shaped into dd.mm.yyyy as it goes: digits only, a dot after the day and the month
 * (typed or not), a day or month of one digit kept when a separator follows it. */
export function maskDay(typed: string): string {
  const parts: string[] = [];
  let current = "";
  for (const ch of typed) {
    const inYear = parts.length === 2;
    if (ch >= "0" && ch <= "9") {
      if (!inYear && current.length === 2) {
        parts.push(current);
        current = "";
      }
      if (current.length < (parts.length === 2 ? 4 : 2)) current += ch;
    } else if (/[.,/\-\s]/.test(ch) && !inYear && current) {
      parts.push(current);
      current = "";
    }
  }
  return [...parts, current].join(".");
}

/** The weeks of month `month` (1–12) of `year`, Monday first: each day as its ISO day, the
 * days of the neighbouring months as null. */
export function monthGrid(year: number, month: number): (string | null)[][] {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  // getUTCDay counts from Sunday; a week here starts on Monday.
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (string | null)[] = Array(lead).fill(null);
  for (let d = 1; d <= days; d++) cells.push(`${year}-${two(month)}-${two(d)}`);
  while (cells.length % 7) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** The month `by` months from `year`-`month`. */
export function shiftMonth(year: number, month: number, by: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}
