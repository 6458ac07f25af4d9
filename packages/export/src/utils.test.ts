import { parseDate } from "@diplograph/model";
import { describe, expect, it } from "vitest";
import { csvDate, escapeXml, interval, isoDate, persianAlias } from "./utils.js";

describe("escapeXml", () => {
  it.each([
    ["A & B", "A &amp; B"],
    [`<a href="x">'y'</a>`, "&lt;a href=&quot;x&quot;&gt;&apos;y&apos;&lt;/a&gt;"],
    ["tab\tline\ncr\r", "tab&#9;line&#10;cr&#13;"],
    ["bell\u0007 nul\u0000 esc\u001b", "bell nul esc"],
    ["lone \uD800 high, lone \uDC00 low", "lone  high, lone  low"],
    ["not chars: \uFFFE\uFFFF", "not chars: "],
    ["pair kept: \u{1F600}", "pair kept: \u{1F600}"],
    ["اتحادیه بین\u200cالمجالس", "اتحادیه بین\u200cالمجالس"],
  ])("%j", (input, expected) => {
    expect(escapeXml(input)).toBe(expected);
  });
});

describe("dates", () => {
  it.each([
    ["2006", "2006", { start: "2006-01-01", end: "2006-12-31" }],
    ["2024-02", "2024-02", { start: "2024-02-01", end: "2024-02-29" }],
    ["28 Dey 1403", "2025-01-17", { start: "2025-01-17", end: "2025-01-17" }],
    ["Dey 1403", "2024-12-21/2025-01-19", { start: "2024-12-21", end: "2025-01-19" }],
    ["1992 to 1995", "1992/1995", { start: "1992-01-01", end: "1995-12-31" }],
  ])("%s is written %s and spans %j", (input, iso, span) => {
    const d = parseDate(input);
    expect(isoDate(d)).toBe(iso);
    expect(interval(d, d)).toStrictEqual(span);
  });

  it("leaves a missing bound open", () => {
    expect(interval(parseDate("2006"), undefined)).toStrictEqual({ start: "2006-01-01" });
    expect(interval(undefined, parseDate("2006"))).toStrictEqual({ end: "2006-12-31" });
    expect(interval(undefined, undefined)).toBeUndefined();
  });
});

describe("persianAlias", () => {
  it.each([
    [[], undefined],
    [[{ name: "Iran", lang: "en" }], undefined],
    [[{ name: "ایران", lang: "fa" }], "ایران"],
    [[{ name: "مجلس", lang: "fa", kind: "short" as const }, { name: "مجلس شورای اسلامی", lang: "fa", kind: "official" as const }], "مجلس شورای اسلامی"],
  ])("%j → %s", (aliases, expected) => {
    expect(persianAlias(aliases)).toBe(expected);
  });
});

describe("csvDate", () => {
  it.each([
    [parseDate("1991-12"), "1991-12"],
    [parseDate("2012-08-16/2012-08-31"), "2012-08-16/2012-08-31"],
    [parseDate("1453 AD"), "1453 AD"],
    [parseDate("1453 AD to 1455 AD"), "1453 AD to 1455 AD"],
  ])("writes %j as %s, which reads back as the same date", (value, cell) => {
    expect(csvDate(value)).toBe(cell);
    const back = parseDate(cell);
    expect({ start: back.start, end: back.end }).toEqual({ start: value.start, end: value.end });
  });
});
