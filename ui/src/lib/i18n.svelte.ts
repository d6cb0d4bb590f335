// Fluent messages for the UI, read from the same locales/ files as the Rust side.
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import type { ErrorPayload } from "../bindings/ErrorPayload";
import type { Lang } from "../bindings/Lang";

const sources = import.meta.glob("../../../locales/*/*.ftl", {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

function bundleFor(lang: Lang): FluentBundle {
  // Isolation marks would show up as stray characters in inputs and copied text.
  const bundle = new FluentBundle(lang, { useIsolating: false });
  for (const [path, text] of Object.entries(sources)) {
    if (path.includes(`/locales/${lang}/`)) {
      const errors = bundle.addResource(new FluentResource(text));
      if (errors.length) console.error(path, errors);
    }
  }
  return bundle;
}

const bundles: Record<Lang, FluentBundle> = { kk: bundleFor("kk"), ru: bundleFor("ru") };

export const locale = $state<{ lang: Lang }>({ lang: "kk" });

export type Args = Record<string, FluentVariable>;

/** The message `id` in the current language; the id itself when missing, so gaps show. */
export function t(id: string, args?: Args): string {
  return format(locale.lang, id, args);
}

export function format(lang: Lang, id: string, args?: Args): string {
  const message = bundles[lang].getMessage(id);
  if (!message?.value) return id;
  return bundles[lang].formatPattern(message.value, args);
}

export function hasMessage(lang: Lang, id: string): boolean {
  return bundles[lang].hasMessage(id);
}

/** A message kept as its id and arguments and worded when shown, so that what is on the
 * screen follows a switch of language. State holds these, never words. */
export type Message = { id: string; args?: Args };

export function message(id: string, args?: Args): Message {
  return { id, args };
}

/** The message in the current language; nothing for none. */
export function say(shown: Message | null | undefined): string {
  return shown ? t(shown.id, shown.args) : "";
}

/** An error from Rust (or any thrown value) in words the user can act on. */
export function errorText(error: unknown): string {
  if (isPayload(error)) return t(`error-${error.code}`, error.args);
  return String(error);
}

export function isPayload(value: unknown): value is ErrorPayload {
  return typeof value === "object" && value !== null && "code" in value && "args" in value;
}

export function setLocale(lang: Lang) {
  locale.lang = lang;
  document.documentElement.lang = lang;
}
