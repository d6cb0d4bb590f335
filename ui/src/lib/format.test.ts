import { expect, it } from "vitest";
import { shortDate, timeOfDay, timeWithSeconds } from "./format";

it("shows times on the 24-hour clock", () => {
  const afternoon = new Date(2026, 10, 23, 14, 5, 9).toISOString();
  expect(timeOfDay(afternoon)).toBe("14:05");
  expect(timeWithSeconds(afternoon)).toBe("14:05:09");
});

it("writes dates day first with leading zeros", () => {
  expect(shortDate(new Date(2026, 2, 5, 10, 0).toISOString())).toBe("05.03.2026");
});
