// Keyboard moves over a searchable table, shared by the screens that list rows (the journal,
// the audit trail): "/" jumps to the search box, ↓ from it enters the rows, ↑ ↓ move between rows.

/** Moves the focus to the row above or below on ↑ / ↓; whether the key was one of them. */
export function moveBetweenRows(event: KeyboardEvent): boolean {
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return false;
  event.preventDefault();
  const current = event.currentTarget as HTMLElement;
  const next = event.key === "ArrowDown" ? current.nextElementSibling : current.previousElementSibling;
  (next as HTMLElement | null)?.focus();
  return true;
}

/** The window's keys: "/" to `searchBox` unless typing or `blocked` (a dialog is open), and ↓
 * from the search box to the first row of `tableBody` matching `rowSelector`. */
export function searchKeys(
  event: KeyboardEvent,
  searchBox: HTMLInputElement | undefined,
  tableBody: HTMLElement | undefined,
  rowSelector: string,
  blocked: boolean,
): void {
  const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement;
  if (event.key === "/" && !typing && !blocked) {
    event.preventDefault();
    searchBox?.focus();
  } else if (event.key === "ArrowDown" && event.target === searchBox) {
    event.preventDefault();
    (tableBody?.querySelector(rowSelector) as HTMLElement | null)?.focus();
  }
}
