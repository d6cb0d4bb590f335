import { describe, expect, it } from "vitest";
import { formatDay, isoDay, maskDay, monthGrid, parseDay, shiftMonth } from "./days";

describe("a typed day", () => {
  it("is read day first, as written here", () => {
    expect(parseDay("03.12.2026")).toBe("2026-12-03");
    expect(parseDay("3.12.2026")).toBe("2026-12-03");
    expect(parseDay("03122026")).toBe("2026-12-03");
    expect(parseDay("03/12/2026")).toBe("2026-12-03");
    expect(parseDay(" 3 12 2026 ")).toBe("2026-12-03");
  });

  it("is no day until it is complete and exists", () => {
    for (const typed of ["", "03", "03.12", "03.12.26", "31.02.2026", "29.02.2025", "00.01.2026", "01.13.2026", "ab.cd.efgh"]) {
      expect(parseDay(typed), typed).toBeNull();
    }
    expect(parseDay("29.02.2028")).toBe("2028-02-29");
  });

  it("is shaped into dd.mm.yyyy as it is typed", () => {
    expect(maskDay("0")).toBe("0");
    expect(maskDay("03")).toBe("03");
    expect(maskDay("031")).toBe("03.1");
    expect(maskDay("0312")).toBe("03.12");
    expect(maskDay("03122026")).toBe("03.12.2026");
    expect(maskDay("031220261")).toBe("03.12.2026");
    expect(maskDay("03.")).toBe("03.");
    expect(maskDay("3.")).toBe("3.");
    expect(maskDay("3.7.")).toBe("3.7.");
    expect(maskDay("03a.1b2")).toBe("03.12");
    expect(maskDay(".")).toBe("");
  });
});

describe("a day shown", () => {
  it("is written dd.mm.yyyy", () => {
    expect(formatDay("2026-12-03")).toBe("03.12.2026");
    expect(formatDay("")).toBe("");
    expect(formatDay("12/03/2026")).toBe("");
  });

  it("round-trips through typing", () => {
    expect(parseDay(formatDay("2027-02-28"))).toBe("2027-02-28");
  });

  it("is the local day of an instant", () => {
    expect(isoDay(new Date(2026, 0, 5, 23, 30))).toBe("2026-01-05");
  });
});

describe("the calendar", () => {
  it("starts its weeks on Monday", () => {
    // 1 December 2026 is a Tuesday, the 31st a Thursday.
    const weeks = monthGrid(2026, 12);
    expect(weeks[0]).toEqual([null, "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06"]);
    expect(weeks.at(-1)).toEqual(["2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31", null, null, null]);
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
  });

  it("fits a month that starts on Monday without an empty week", () => {
    // 1 February 2027 is a Monday: four full weeks.
    const weeks = monthGrid(2027, 2);
    expect(weeks).toHaveLength(4);
    expect(weeks[0][0]).toBe("2027-02-01");
  });

  it("turns over the year", () => {
    expect(shiftMonth(2026, 12, 1)).toEqual({ year: 2027, month: 1 });
    expect(shiftMonth(2026, 1, -1)).toEqual({ year: 2025, month: 12 });
  });
});
