import { describe, expect, it } from "vitest";
import { dayBounds, isoDayBound, parseDate, DateParseError } from "./dates.js";

describe("parseDate", () => {
  it.each([
    ["1994", { start: "1994", precision: "year", calendar: "gregorian" }],
    ["2025-01", { start: "2025-01", precision: "month", calendar: "gregorian" }],
    ["2025-01-17", { start: "2025-01-17", precision: "day", calendar: "gregorian" }],
    ["March 21, 1991", { start: "1991-03-21", precision: "day", original: "March 21, 1991" }],
    ["7th of December 1997", { start: "1997-12-07", precision: "day" }],
    ["September 1986", { start: "1986-09", precision: "month" }],
    ["28 Dey 1403", { start: "2025-01-17", precision: "day", calendar: "solar-hijri", original: "28 Dey 1403" }],
    ["1403-10-28 SH", { start: "2025-01-17", precision: "day", calendar: "solar-hijri" }],
    ["SH 1403/10/28", { start: "2025-01-17", calendar: "solar-hijri" }],
    ["۲۸ دی ۱۴۰۳", { start: "2025-01-17", calendar: "solar-hijri" }],
    ["۶ آبان ۱۴۰۴", { start: "2025-10-28", calendar: "solar-hijri" }],
    ["1 Farvardin 1403", { start: "2024-03-20" }],
    ["Dey 1403", { start: "2024-12-21", end: "2025-01-19", precision: "month", calendar: "solar-hijri" }],
    ["1377 SH", { start: "1998-03-21", end: "1999-03-20", precision: "year" }],
    ["2012-08-16/2012-08-31", { start: "2012-08-16", end: "2012-08-31", precision: "day" }],
    ["1992 to 1995", { start: "1992", end: "1995", precision: "year" }],
  ])("%s", (input, expected) => {
    expect(parseDate(input)).toMatchObject(expected);
  });

  it("never guesses the calendar of a year plausible in both", () => {
    expect(() => parseDate("1403-10-28")).toThrow(/could be a Solar Hijri or a Gregorian date: write "1403-10-28 SH".*"1403-10-28 AD"/);
    expect(() => parseDate("1403")).toThrow(DateParseError);
    expect(parseDate("1403-10-28 SH").start).toBe("2025-01-17");
    expect(parseDate("1403-10-28", "solar-hijri").start).toBe("2025-01-17");
    expect(parseDate("1403-10-28 AD")).toMatchObject({ start: "1403-10-28", calendar: "gregorian", original: "1403-10-28 AD" });
    expect(parseDate("1403-10-28", "gregorian").start).toBe("1403-10-28");
    expect(parseDate("1453 AD to 1455 AD")).toMatchObject({ start: "1453", end: "1455" });
    // Outside 1300-1499 a bare numeric date is Gregorian: 1299 SH is 1920, and 1500 SH lies in the 22nd century.
    expect(parseDate("1889").start).toBe("1889");
    expect(parseDate("1299-05-01").start).toBe("1299-05-01");
  });

  it.each(["2025-02-30", "2025-13", "31 Esfand 1403", "Smarch 2020", "", "2020-05-01/2019-01-01", "25/12/2020"])(
    "rejects %j",
    (input) => {
      expect(() => parseDate(input)).toThrow(DateParseError);
    },
  );

  it("gives inclusive day bounds for partial dates", () => {
    expect(dayBounds(parseDate("2024-02"))).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(dayBounds(parseDate("1994"))).toEqual({ from: "1994-01-01", to: "1994-12-31" });
    expect(dayBounds(parseDate("Dey 1403"))).toEqual({ from: "2024-12-21", to: "2025-01-19" });
  });
});

describe("isoDayBound", () => {
  it.each([
    ["2024", "from", "2024-01-01"],
    ["2024", "to", "2024-12-31"],
    ["2024-02", "to", "2024-02-29"],
    ["2023-02", "to", "2023-02-28"],
    ["2024-02-29", "from", "2024-02-29"],
    ["2023-02-29", "from", undefined],
    ["2020-13", "from", undefined],
    ["2020-00", "to", undefined],
    ["20x0", "from", undefined],
  ] as const)("%s as %s bound → %s", (d, side, expected) => {
    expect(isoDayBound(d, side)).toBe(expected);
  });
});
