// An error about a state the window shows — refusals waiting for their notice — leaves the
// screen when that state does, rather than staying until the next click. The component that
// keeps the state tells, by the error's code, whether the cause still holds.
import { SvelteMap } from "svelte/reactivity";
import type { ErrorCode } from "../bindings/ErrorCode";
import { isPayload } from "./i18n.svelte";

const causes = new SvelteMap<ErrorCode, () => boolean>();

/** For as long as the calling component lives, an error coded `code` shows only while
 * `holds()`. Call it while the component starts. */
export function shownWhile(code: ErrorCode, holds: () => boolean): void {
  $effect(() => {
    causes.set(code, holds);
    return () => causes.delete(code);
  });
}

/** Whether the state that caused `error` is known to be gone. */
export function outlived(error: unknown): boolean {
  const holds = isPayload(error) ? causes.get(error.code) : undefined;
  return holds !== undefined && !holds();
}
