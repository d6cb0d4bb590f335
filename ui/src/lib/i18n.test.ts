import { FluentResource } from "@fluent/bundle";
import { afterEach, describe, expect, it } from "vitest";
import type { Lang } from "../bindings/Lang";
import { format, hasMessage, locale, message, say } from "./i18n.svelte";

const LANGS: Lang[] = ["kk", "ru"];

const sources = import.meta.glob(["../**/*.svelte", "../**/*.ts", "!../**/*.test.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

/** Message ids the UI asks for by literal name: t("…"), message("…") kept to word later, and
 * notices set by id. */
function usedIds(): Set<string> {
  const ids = new Set<string>();
  for (const text of Object.values(sources)) {
    for (const m of text.matchAll(/\b(?:t|message)\(\s*"([a-z0-9-]+)"/g)) ids.add(m[1]);
    for (const m of text.matchAll(/desk\.notice = "([a-z0-9-]+)"/g)) ids.add(m[1]);
  }
  return ids;
}

const locales = import.meta.glob("../../../locales/*/*.ftl", {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

/** Message id → the variables its value uses, in `lang`. */
function variables(lang: Lang): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const walk = (node: unknown, into: Set<string>) => {
    if (Array.isArray(node)) node.forEach((n) => walk(n, into));
    else if (node && typeof node === "object") {
      const n = node as { type?: string; name?: string };
      if (n.type === "var" && n.name) into.add(n.name);
      Object.values(node).forEach((v) => walk(v, into));
    }
  };
  for (const [path, text] of Object.entries(locales)) {
    if (!path.includes(`/locales/${lang}/`)) continue;
    for (const message of new FluentResource(text).body) {
      const vars = new Set<string>();
      walk(message.value, vars);
      found.set(message.id, vars);
    }
  }
  return found;
}

/** Calls `t("id", { a, b: … })` (or `message(…)`) with a literal id and argument object: id → the names given
 * (calls that spread an object in give names no one can read here, and are left out). */
function literalCalls(): [string, Set<string>][] {
  const calls: [string, Set<string>][] = [];
  for (const text of Object.values(sources)) {
    for (const m of text.matchAll(/\b(?:t|message)\(\s*"([a-z0-9-]+)"\s*,\s*\{([^}]*)\}/g)) {
      const names = m[2].split(",").map((part) => part.split(":")[0].trim()).filter(Boolean);
      if (!names.some((name) => name.startsWith("..."))) calls.push([m[1], new Set(names)]);
    }
  }
  return calls;
}

describe("messages the UI uses", () => {
  it("finds the UI's message ids", () => {
    expect(usedIds().size).toBeGreaterThan(40);
  });

  it.each(LANGS)("exist in %s", (lang) => {
    const missing = [...usedIds()].filter((id) => !hasMessage(lang, id));
    expect(missing).toEqual([]);
  });

  // A variable a message needs and the call does not give makes Fluent throw, and the whole
  // block the text sits in is not drawn (the demo's accounts once vanished from the login).
  it.each(LANGS)("are given every variable they use in %s", (lang) => {
    const vars = variables(lang);
    const calls = literalCalls();
    expect(calls.length).toBeGreaterThan(20);
    const short = calls
      .map(([id, given]) => [id, [...(vars.get(id) ?? [])].filter((v) => !given.has(v))] as const)
      .filter(([, missing]) => missing.length)
      .map(([id, missing]) => `${id}: ${missing.join(", ")}`);
    expect(short).toEqual([]);
  });

  it.each(LANGS)("built from a role or language code exist in %s", (lang) => {
    for (const id of ["role-clerk", "role-supervisor", "lang-kk", "lang-ru"]) {
      expect(hasMessage(lang, id), id).toBe(true);
    }
  });
});

describe("errors from Rust", () => {
  it("use Russian plural forms", () => {
    expect(format("ru", "error-wrong-password", { attempts: 4 })).toContain("Осталось 4 попытки");
    expect(format("ru", "error-wrong-password", { attempts: 1 })).toContain("Осталась 1 попытка");
  });

  it("name the empty field in the user's language", () => {
    expect(format("kk", "error-required", { field: "fullName" })).toContain("Т.А.Ә.");
    expect(format("ru", "error-required", { field: "districtRu" })).toContain("Район (на русском)");
  });

  it("differ between the languages and keep Kazakh letters", () => {
    const kk = format("kk", "error-id-check-digit", { expected: 7, found: 3 });
    const ru = format("ru", "error-id-check-digit", { expected: 7, found: 3 });
    expect(kk).not.toEqual(ru);
    expect(kk).toMatch(/[әғқңөұүһі]/);
    expect(kk).toContain("7");
  });

  it("show the id itself when a message is missing", () => {
    expect(format("kk", "no-such-message")).toBe("no-such-message");
  });
});

describe("a message kept in state", () => {
  afterEach(() => {
    locale.lang = "ru";
  });

  it("is worded in the language shown now, not the one it was kept in", () => {
    locale.lang = "ru";
    const sent = message("printer-saved", { name: "PDF" });
    expect(say(sent)).toContain("PDF");
    const ru = say(sent);
    locale.lang = "kk";
    expect(say(sent)).toBe(format("kk", "printer-saved", { name: "PDF" }));
    expect(say(sent)).not.toBe(ru);
  });

  it("says nothing for none", () => {
    expect(say(null)).toBe("");
  });
});
