import { expect, it } from "vitest";
import { keptThrough, shortDate, timeOfDay, timeWithSeconds } from "./format";

it("shows times on the 24-hour clock", () => {
  const afternoon = new Date(2026, 10, 23, 14, 5, 9).toISOString();
  expect(timeOfDay(afternoon)).toBe("14:05");
  expect(timeWithSeconds(afternoon)).toBe("14:05:09");
});

it("writes dates day first with leading zeros", () => {
  expect(shortDate(new Date(2026, 2, 5, 10, 0).toISOString())).toBe("05.03.2026");
});

it("names the last day a copy is kept: the day before the midnight it leaves at", () => {
  expect(keptThrough(new Date(2027, 4, 24, 0, 0).toISOString())).toBe("23.05.2027");
  expect(keptThrough(new Date(2027, 0, 1, 0, 0).toISOString())).toBe("31.12.2026");
});
