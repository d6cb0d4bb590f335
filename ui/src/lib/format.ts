// How times read at a Kazakh counter: 24-hour clock, whatever the machine's locale.

export function timeOfDay(iso: string): string {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
}

/** DD.MM.YYYY, as dates are written on Kazakh documents. */
export function shortDate(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(d.getDate())}.${two(d.getMonth() + 1)}.${d.getFullYear()}`;
}

/** HH:MM:SS, for records where the minute is not precise enough (the audit trail). */
export function timeWithSeconds(iso: string): string {
  const d = new Date(iso);
  return `${timeOfDay(iso)}:${String(d.getSeconds()).padStart(2, "0")}`;
}
