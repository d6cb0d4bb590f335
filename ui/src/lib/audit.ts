// The audit screen's small pieces: every action for the filter, who made an entry, what it is
// about, and the chain's walk in words.
import type { Action } from "../bindings/Action";
import type { AuditEntry } from "../bindings/AuditEntry";
import type { ChainReport } from "../bindings/ChainReport";
import { t } from "./i18n.svelte";

/** Entries on a page, as Rust's `audit::PAGE` gives them. */
export const PAGE = 100;

// Every action the core knows, in its order; the type makes this list miss none and add none.
const EVERY: Record<Action, null> = {
  "first-start": null,
  login: null,
  "login-failed": null,
  unlock: null,
  "unlock-failed": null,
  logout: null,
  "language-changed": null,
  "account-created": null,
  "account-changed": null,
  "account-activated": null,
  "account-deactivated": null,
  "center-changed": null,
  "printer-chosen": null,
  "notice-signer-chosen": null,
  "ca-trusted": null,
  "seal-trusted": null,
  "seal-key-made": null,
  "signing-key-opened": null,
  "visit-opened": null,
  "documents-listed": null,
  "consent-confirmed": null,
  "consent-scan-kept": null,
  "visit-closed": null,
  "page-added": null,
  "page-rotated": null,
  "page-moved": null,
  "page-assigned": null,
  "page-deleted": null,
  "page-restored": null,
  "page-replaced": null,
  certified: null,
  refused: null,
  "refusal-withdrawn": null,
  "notice-issued": null,
  printed: null,
  "handed-over": null,
  "journal-exported": null,
  "day-signed-off": null,
  "day-corrected": null,
  "copy-removed": null,
  "retention-run": null,
  "leftovers-removed": null,
  "backed-up": null,
  restored: null,
  "demo-filled": null,
  "ca-removed": null,
  "seal-key-moved-out": null,
  "handover-started": null,
  "handover-failed": null,
  "session-ended": null,
  "password-chosen": null,
  "password-choice-failed": null,
  "shared-joined": null,
  "shared-left": null,
  "shared-copies-looked-up": null,
  "shared-copy-fetched": null,
  "staff-refreshed": null,
  "signature-policy-changed": null,
  "key-source-changed": null,
  "policy-refreshed": null,
};
export const ACTIONS = Object.keys(EVERY) as Action[];

/** An action's name; a code this build does not know shows as it is. */
export function actionName(code: string): string {
  return t("audit-action-name", { action: code });
}

/** What the entry is about: `обращение № 2026/000042`, `учётная запись: Ғабитов Ұлан`, or
 * nothing. A visit's records go by its journal number and an account by its owner's name;
 * anything else by its number in the store. */
export function recordText(entry: AuditEntry): string {
  if (!entry.recordKind) return "";
  const kind = t("audit-record-kind", { kind: entry.recordKind });
  if (entry.journalNumber) return t("audit-record-ref", { kind, id: entry.journalNumber });
  if (entry.accountName) return t("audit-record-named", { kind, name: entry.accountName });
  return entry.recordId === null ? kind : t("audit-record-ref", { kind, id: String(entry.recordId) });
}

/** The entry's detail as Rust resolved it (titles, numbers, days), worded now. */
export function detailText(entry: AuditEntry): string {
  return t(entry.shown.message, entry.shown.args);
}

/** The walk's outcome in a sentence, and whether the chain is whole. */
export function chainText(report: ChainReport): { whole: boolean; text: string } {
  const fault = report.fault;
  // Numbers as text: an entry's number is a name, not an amount to group by thousands.
  if (!fault) return { whole: true, text: t("audit-verified", { entries: report.entries }) };
  switch (fault.kind) {
    case "changed":
      return { whole: false, text: t("audit-verify-changed", { seq: String(fault.seq) }) };
    case "inserted":
      return { whole: false, text: t("audit-verify-inserted", { seq: String(fault.seq) }) };
    case "removed":
      return {
        whole: false,
        text:
          fault.after === null
            ? t("audit-verify-removed-first", { before: String(fault.before) })
            : t("audit-verify-removed", { after: String(fault.after), before: String(fault.before) }),
      };
  }
}
