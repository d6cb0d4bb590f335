import { afterEach, describe, expect, it } from "vitest";
import type { AuditEntry } from "../bindings/AuditEntry";
import type { Lang } from "../bindings/Lang";
import { ACTIONS, actionName, chainText, detailText, recordText } from "./audit";
import { format, locale } from "./i18n.svelte";

const LANGS: Lang[] = ["kk", "ru"];

function entry(
  recordKind: string | null,
  recordId: number | null,
  journalNumber: string | null = null,
  accountName: string | null = null,
): AuditEntry {
  return {
    seq: 7,
    at: "2026-11-23T04:00:00Z",
    actorIin: "850315400124",
    actorName: "Сұлтанова Әйгерім",
    action: "visit-opened",
    recordKind,
    recordId,
    journalNumber,
    accountName,
    detail: "",
    shown: { message: "audit-detail-text", args: { text: "" } },
  };
}

afterEach(() => {
  locale.lang = "kk";
});

describe("the audit filter's actions", () => {
  it("are all there once", () => {
    expect(new Set(ACTIONS).size).toBe(ACTIONS.length);
    expect(ACTIONS).toContain("first-start");
    expect(ACTIONS).toContain("demo-filled");
  });

  it.each(LANGS)("have a name each in %s", (lang) => {
    const names = ACTIONS.map((action) => format(lang, "audit-action-name", { action }));
    for (const [i, name] of names.entries()) expect(name, ACTIONS[i]).not.toBe(ACTIONS[i]);
    expect(new Set(names).size).toBe(names.length);
  });

  it("show a code this build does not know as it is", () => {
    expect(actionName("made-later")).toBe("made-later");
  });
});

describe("an entry's record", () => {
  it("names a visit's record by the visit's journal number", () => {
    locale.lang = "ru";
    expect(recordText(entry("copy", 12, "2026/000042"))).toBe("копия № 2026/000042");
  });

  it("names the kind and its number, ungrouped", () => {
    locale.lang = "ru";
    expect(recordText(entry("visit", 12345))).toBe("обращение № 12345");
    locale.lang = "kk";
    expect(recordText(entry("account", 2))).toBe("тіркелгі № 2");
  });

  it("names an account by its owner, not its row", () => {
    locale.lang = "ru";
    expect(recordText(entry("account", 2, null, "Ғабитов Ұлан"))).toBe("учётная запись: Ғабитов Ұлан");
  });

  it("is empty when there is none", () => {
    expect(recordText(entry(null, null))).toBe("");
  });
});

describe("an entry's detail", () => {
  it("is worded in the language shown, from what Rust resolved", () => {
    const printed = entry("visit", 12, "2026/000042");
    printed.shown = {
      message: "audit-detail-printed",
      args: { form: "receipt", what: "2026/000042", lang: "kk", printer: "PDF" },
    };
    locale.lang = "ru";
    expect(detailText(printed)).toBe("Расписка 2026/000042, на казахском — принтер PDF");
    locale.lang = "kk";
    expect(detailText(printed)).toBe("Қолхат 2026/000042, қазақша — принтер PDF");
    printed.shown = { message: "audit-detail-printed", args: { form: "notice", what: "2026/000042-N1", lang: "", printer: "PDF" } };
    expect(detailText(printed)).toBe("Бас тарту туралы хабарлама 2026/000042-N1 — принтер PDF");
  });
});

describe("the chain's walk", () => {
  it("reads whole with the count", () => {
    locale.lang = "ru";
    expect(chainText({ entries: 42, head: "ab", fault: null })).toEqual({ whole: true, text: "Цепочка цела: 42 записи." });
  });

  it("names the first break", () => {
    locale.lang = "ru";
    const broken = (fault: NonNullable<Parameters<typeof chainText>[0]["fault"]>) =>
      chainText({ entries: 42, head: "ab", fault });
    expect(broken({ kind: "changed", seq: 1234 })).toEqual({ whole: false, text: "Журнал аудита нарушен: запись № 1234 изменена." });
    expect(broken({ kind: "inserted", seq: 5 }).text).toContain("№ 5 вставлена");
    expect(broken({ kind: "removed", after: 3, before: 9 }).text).toContain("№ 3 и № 9");
    expect(broken({ kind: "removed", after: null, before: 9 }).text).toContain("первые записи перед записью № 9");
  });
});
