import { describe, expect, it } from "vitest";
import type { SharedStatus } from "../bindings/SharedStatus";
import { centerName, exchangedAt, indicator, suggestedCenterCode, typedCenterCode } from "./shared";

const link = { center: "ALM-01", installation: "0A1B2C3D", role: "rastau_i_0a1b2c3d", host: "db", port: 5432 };
const linked = (answer: Extract<SharedStatus, { state: "linked" }>["answer"], waiting: number): SharedStatus => ({
  state: "linked",
  link,
  answer,
  waiting,
  last_exchange: null,
});

describe("the indicator beside the tabs", () => {
  it("shows nothing while unlinked or not asked yet", () => {
    expect(indicator(null)).toBeNull();
    expect(indicator({ state: "notLinked" })).toBeNull();
  });

  it("says connected, with the changes waiting when there are any", () => {
    expect(indicator(linked({ answer: "reachable" }, 0))).toEqual({
      text: { id: "shared-indicator-connected", args: undefined },
      trouble: false,
    });
    expect(indicator(linked({ answer: "reachable" }, 3))?.text).toEqual({
      id: "shared-indicator-connected-waiting",
      args: { count: 3 },
    });
  });

  it("says offline, or refused, with the count, as trouble", () => {
    const reason = { code: "shared-unreachable" as const, args: { host: "db", detail: "timed out" } };
    expect(indicator(linked({ answer: "unreachable", reason }, 7))).toEqual({
      text: { id: "shared-indicator-offline", args: { count: 7 } },
      trouble: true,
    });
    expect(indicator(linked({ answer: "credentialsRefused" }, 0))?.trouble).toBe(true);
  });
});

it("writes the last exchange day first, on the 24-hour clock, in local time", () => {
  expect(exchangedAt(new Date(2026, 11, 3, 16, 7, 30).toISOString())).toBe("03.12.2026 16:07");
});

describe("center codes", () => {
  it("are suggested from the city's first letters", () => {
    expect(suggestedCenterCode("Алматы")).toBe("ALM-01");
    expect(suggestedCenterCode("Астана")).toBe("AST-01");
    expect(suggestedCenterCode("Қарағанды")).toBe("KAR-01");
    expect(suggestedCenterCode("Шымкент")).toBe("SHY-01");
    expect(suggestedCenterCode("  ")).toBe("");
  });

  it("are raised to capitals as typed, anything else left for Rust to refuse", () => {
    expect(typedCenterCode("alm-02")).toBe("ALM-02");
    expect(typedCenterCode("алм 01")).toBe("АЛМ 01");
  });
});

describe("another center's name", () => {
  const both = { kk: "Алматы қаласы бойынша ХҚКО", ru: "ЦОН по городу Алматы" };
  it("is in the chosen language", () => {
    expect(centerName(both, "kk")).toBe(both.kk);
    expect(centerName(both, "ru")).toBe(both.ru);
  });
  it("is the Kazakh one where the shared store has no Russian one", () => {
    expect(centerName({ kk: both.kk, ru: "" }, "ru")).toBe(both.kk);
  });
});
