// What the whole window knows: the status from Rust, and a one-off notice between screens.
import type { ErrorCode } from "../bindings/ErrorCode";
import type { Status } from "../bindings/Status";
import { api } from "./api";
import { isPayload, setLocale } from "./i18n.svelte";

export const desk = $state<{ status: Status | null; fatal: unknown; notice: string }>({
  status: null,
  fatal: null,
  notice: "",
});

export function apply(status: Status) {
  desk.status = status;
  setLocale(status.language);
}

export async function refresh() {
  try {
    apply(await api.status());
  } catch (error) {
    desk.fatal = error;
  }
}

/** Errors that ended the session: the login screen says why. */
const ENDED_CODES = new Set<ErrorCode>(["session-ended-deactivated", "session-ended-password-changed"]);

/** Errors after which the screen must change (locked, signed out, or a password to choose). */
const SESSION_CODES = new Set<ErrorCode>([
  "session-locked",
  "not-logged-in",
  "account-locked",
  "locked-until-lifted",
  "password-change-required",
  ...ENDED_CODES,
]);

/** One form's call into Rust: busy while it runs, its error kept for display. */
/** Whether a save was refused because a supervisor at another counter changed the center's
 * policy meanwhile: the store now holds theirs, and the form shows it again. */
export const policyMovedOn = (error: unknown): boolean =>
  isPayload(error) && error.code === "shared-policy-changed";

export class Action {
  busy = $state(false);
  error = $state<unknown>(null);

  async run<T>(work: () => Promise<T>): Promise<T | undefined> {
    this.busy = true;
    this.error = null;
    try {
      return await work();
    } catch (error) {
      this.error = error;
      if (isPayload(error) && ENDED_CODES.has(error.code)) desk.notice = `error-${error.code}`;
      if (isPayload(error) && SESSION_CODES.has(error.code)) await refresh();
      return undefined;
    } finally {
      this.busy = false;
    }
  }
}
