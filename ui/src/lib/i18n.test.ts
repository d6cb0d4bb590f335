import { describe, expect, it } from "vitest";
import type { Lang } from "../bindings/Lang";
import { format, hasMessage } from "./i18n.svelte";

const LANGS: Lang[] = ["kk", "ru"];

const sources = import.meta.glob(["../**/*.svelte", "../**/*.ts", "!../**/*.test.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

/** Message ids the UI asks for by literal name: t("…") and notices set by id. */
function usedIds(): Set<string> {
  const ids = new Set<string>();
  for (const text of Object.values(sources)) {
    for (const m of text.matchAll(/\bt\(\s*"([a-z0-9-]+)"/g)) ids.add(m[1]);
    for (const m of text.matchAll(/desk\.notice = "([a-z0-9-]+)"/g)) ids.add(m[1]);
  }
  return ids;
}

describe("messages the UI uses", () => {
  it("finds the UI's message ids", () => {
    expect(usedIds().size).toBeGreaterThan(40);
  });

  it.each(LANGS)("exist in %s", (lang) => {
    const missing = [...usedIds()].filter((id) => !hasMessage(lang, id));
    expect(missing).toEqual([]);
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
