// The focus goes to the clerk's next step once the window has answered, but never out of a
// field the clerk moved to meanwhile: an answer that comes late (a scanner listed, a key
// opened) must not pull the caret out of the text being typed.

/** Focuses `target` if the focus is nowhere (on the page's body, its button gone) or still
 * inside `from`, where the step that just ended was taken. */
export function moveFocus(target: HTMLElement | null | undefined, from?: Element | null) {
  const active = document.activeElement;
  const idle = active === null || active === document.body;
  if (target && (idle || (from && active && from.contains(active)))) target.focus();
}
