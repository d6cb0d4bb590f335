import { expect, it } from "vitest";
import { timeOfDay } from "./format";

it("shows times on the 24-hour clock", () => {
  const afternoon = new Date(2026, 10, 23, 14, 5, 9).toISOString();
  expect(timeOfDay(afternoon)).toBe("14:05");
});
