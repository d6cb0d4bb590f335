// The shared store's link as the window words it: the short indicator beside the tabs, and the code
// a center is offered when it links.
import type { CenterName } from "../bindings/CenterName";
import type { Lang } from "../bindings/Lang";
import type { SharedStatus } from "../bindings/SharedStatus";
import { shortDate, timeOfDay } from "./format";
import { message, type Message } from "./i18n.svelte";

/** The indicator beside the tabs: nothing while unlinked (or not asked yet); otherwise whether the
 * server answers, and how many changes wait for it. `trouble` when it needs someone's eye. */
export function indicator(status: SharedStatus | null): { text: Message; trouble: boolean } | null {
  if (status?.state !== "linked") return null;
  const count = status.waiting;
  switch (status.answer.answer) {
    case "reachable":
      return count === 0
        ? { text: message("shared-indicator-connected"), trouble: false }
        : { text: message("shared-indicator-connected-waiting", { count }), trouble: false };
    case "credentialsRefused":
      return { text: message("shared-indicator-refused", { count }), trouble: true };
    case "unreachable":
      return { text: message("shared-indicator-offline", { count }), trouble: true };
  }
}

/** When the last exchange was, as dates are written here: DD.MM.YYYY HH:MM, local time. */
export function exchangedAt(iso: string): string {
  return `${shortDate(iso)} ${timeOfDay(iso)}`;
}

const LATIN: Record<string, string> = {
  а: "A", ә: "A", б: "B", в: "V", г: "G", ғ: "G", д: "D", е: "E", ё: "E", ж: "ZH", з: "Z",
  и: "I", й: "I", і: "I", к: "K", қ: "K", л: "L", м: "M", н: "N", ң: "N", о: "O", ө: "O",
  п: "P", р: "R", с: "S", т: "T", у: "U", ұ: "U", ү: "U", ф: "F", х: "KH", һ: "H", ц: "TS",
  ч: "CH", ш: "SH", щ: "SCH", ъ: "", ы: "Y", ь: "", э: "E", ю: "IU", я: "IA",
};

/** A center code to start from, as centers are usually coded: the city's first three Latin
 * letters and a number («Алматы» → `ALM-01`). Only a suggestion: the administrator of the
 * shared store gives the real one. Empty when the city gives no letters. */
export function suggestedCenterCode(city: string): string {
  const letters = [...city.toLowerCase()]
    .map((ch) => LATIN[ch] ?? (/[a-z]/.test(ch) ? ch.toUpperCase() : ""))
    .join("")
    .slice(0, 3);
  return letters ? `${letters}-01` : "";
}

/** A center code holds capitals (A-Z, digits, hyphens): typed letters are raised as they are
 * typed; anything else is left for Rust to refuse by name. */
export function typedCenterCode(typed: string): string {
  return typed.toUpperCase();
}

/** Another center's name in `lang`: the Kazakh one where the shared store has no Russian one. */
export function centerName(name: CenterName, lang: Lang): string {
  return lang === "ru" && name.ru !== "" ? name.ru : name.kk;
}
