import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { searchKeys, typingIn } from "./tableKeys";

// The node test environment has no DOM: the few parts the keys look at are stood in for.
const globals = globalThis as Record<string, unknown>;
let modal: object | null = null;
beforeEach(() => {
  modal = null;
  globals.document = { querySelector: (css: string) => (css.includes("aria-modal") ? modal : null) };
});
afterEach(() => {
  delete globals.document;
});

/** An element as the keys see it: its tag and whether it is editable. */
function element(tagName: string, isContentEditable = false): EventTarget {
  return { tagName, isContentEditable } as unknown as EventTarget;
}

function press(key: string, target: EventTarget) {
  const event = { key, target, preventDefault: vi.fn() } as unknown as KeyboardEvent;
  const searchBox = { focus: vi.fn() } as unknown as HTMLInputElement;
  searchKeys(event, searchBox, undefined, "tr");
  return { jumped: (searchBox.focus as ReturnType<typeof vi.fn>).mock.calls.length > 0, event };
}

describe("the table's keys", () => {
  it("know every text field, whatever its kind", () => {
    for (const tagName of ["INPUT", "TEXTAREA", "SELECT"]) expect(typingIn(element(tagName))).toBe(true);
    expect(typingIn(element("DIV", true))).toBe(true);
    expect(typingIn(element("TR"))).toBe(false);
    expect(typingIn(null)).toBe(false);
  });

  it("leave a slash typed in a text area to the text: journal numbers hold one", () => {
    const { jumped, event } = press("/", element("TEXTAREA"));
    expect(jumped).toBe(false);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it("leave a slash typed in editable text alone", () => {
    expect(press("/", element("DIV", true)).jumped).toBe(false);
  });

  it("jump to the search box from a row, but not from behind a dialog", () => {
    expect(press("/", element("TR")).jumped).toBe(true);
    modal = {};
    expect(press("/", element("BUTTON")).jumped).toBe(false);
  });
});
