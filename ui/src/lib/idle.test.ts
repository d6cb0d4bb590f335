import { describe, expect, it } from "vitest";
import { REPORT_EVERY_MS, isIdle, shouldReport } from "./idle";

const MINUTE = 60_000;

describe("idle lock", () => {
  it("locks once the limit has passed since the last activity", () => {
    const state = { lastActivity: 0, lastReported: 0 };
    expect(isIdle(state, 10 * MINUTE - 1, 10)).toBe(false);
    expect(isIdle(state, 10 * MINUTE, 10)).toBe(true);
  });

  it("reports activity to Rust at most every 30 s, and only when there was some", () => {
    expect(shouldReport({ lastActivity: 0, lastReported: 0 }, REPORT_EVERY_MS)).toBe(false);
    expect(shouldReport({ lastActivity: 1000, lastReported: 0 }, REPORT_EVERY_MS - 1)).toBe(false);
    expect(shouldReport({ lastActivity: 1000, lastReported: 0 }, REPORT_EVERY_MS)).toBe(true);
  });
});
