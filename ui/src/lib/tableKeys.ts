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

const TEXT_FIELDS = new Set(["INPUT", "TEXTAREA", "SELECT"]);

/** Whether a key pressed in `target` is typed into it: a "/" there belongs to the text (journal
 * numbers hold one), never to a shortcut. */
export function typingIn(target: EventTarget | null): boolean {
  const element = target as Partial<HTMLElement> | null;
  return !!element && (TEXT_FIELDS.has(element.tagName ?? "") || element.isContentEditable === true);
}

/** Whether a dialog holds the window: the screen behind it takes no keys. */
function dialogOpen(): boolean {
  return document.querySelector('[aria-modal="true"]') !== null;
}

/** The window's keys: "/" to `searchBox` unless typing or a dialog is open, and ↓ from the
 * search box to the first row of `tableBody` matching `rowSelector`. */
export function searchKeys(
  event: KeyboardEvent,
  searchBox: HTMLInputElement | undefined,
  tableBody: HTMLElement | undefined,
  rowSelector: string,
): void {
  if (event.key === "/" && !typingIn(event.target) && !dialogOpen()) {
    event.preventDefault();
    searchBox?.focus();
  } else if (event.key === "ArrowDown" && event.target === searchBox) {
    event.preventDefault();
    (tableBody?.querySelector(rowSelector) as HTMLElement | null)?.focus();
  }
}
