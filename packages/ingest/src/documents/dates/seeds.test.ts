import { readFileSync, readdirSync } from "node:fs";
import { DateValue } from "@diplograph/model";
import { describe, expect, it } from "vitest";
import { findDates, scanDates } from "./index.js";
import { show } from "./testing.js";

const SEEDS = new URL("../../../../../../shared/seeds/", import.meta.url);
const seed = (name: string) => readFileSync(new URL(name, SEEDS), "utf8");

describe("seed 004: the dates each numbered achievement states", () => {
  const text = seed("004_40f7615d4fa621a5.part1.txt");
  // Items start a line with their number, "1 - …" up to 10 and "11 …" from 11 (the title, "43 Achievements…", is
  // before item 1).
  const first = text.indexOf("\n1 - ");
  const starts = [...text.matchAll(/^(\d{1,2})(?: -)? (?=[A-Z])/gm)].filter((m) => m.index > first).map((m) => ({ n: Number(m[1]), at: m.index }));
  const found = findDates(text);

  // Read from the file by hand: every date each item states, nothing else.
  const expected: Record<number, string[]> = {
    1: [],
    2: ["March 21, 1991=1991-03-21@day"],
    3: [],
    4: ["February 1979=1979-02@month"],
    5: ["1980=1980@year"],
    6: ["August 7, 1979=1979-08-07@day"],
    7: ["1979=1979@year", "September 17, 1982=1982-09-17@day"],
    8: [],
    9: ["September 1986=1986-09@month"],
    10: [],
    11: [],
    12: [],
    13: [],
    14: ["January 1992=1992-01@month"],
    15: [],
    16: ["1993=1993@year", "June 27, 1997=1997-06-27@day"],
    17: [],
    18: [],
    19: ["7th of December 1997=1997-12-07@day"],
    20: [],
  };

  it("splits into the 20 items", () => {
    expect(starts.map((s) => s.n)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it.each(Object.entries(expected))("item %s", (n, dates) => {
    const i = Number(n) - 1;
    const from = starts[i]!.at;
    const to = starts[i + 1]?.at ?? text.length;
    expect(found.filter((m) => m.start >= from && m.end <= to).map(show)).toEqual(dates);
  });

  it("finds nothing in the title and the introduction", () => {
    expect(found.filter((m) => m.start < starts[0]!.at)).toEqual([]);
  });

  it("marks each with its precision and a confidence of at least 0.8", () => {
    expect(found).toHaveLength(11);
    expect(found.every((m) => m.confidence >= 0.8 && m.calendar === "gregorian" && m.kind === "point")).toBe(true);
  });
});

describe("every seed", () => {
  it.each(readdirSync(SEEDS).filter((f) => f.endsWith(".txt")))("%s: each mention is its exact slice, a valid DateValue, in order", (name) => {
    const text = seed(name);
    const { dates, skipped } = scanDates(text, { citations: true });
    let last = -1;
    for (const m of dates) {
      expect(m.text).toBe(text.slice(m.start, m.end));
      expect(m.start).toBeGreaterThanOrEqual(last);
      last = m.end;
      expect(DateValue.safeParse(m.date).success).toBe(true);
      expect(m.date.original ?? m.text).toBe(m.text);
      expect([m.precision, m.calendar]).toEqual([m.date.precision, m.date.calendar]);
    }
    for (const s of skipped) expect(s.text).toBe(text.slice(s.start, s.end));
  });

  it("seed 001: the article's dates, and its citations only on request", () => {
    const text = seed("001_a9b394bd303c974a.txt");
    const found = findDates(text);
    expect(found.map(show)).toEqual([
      "29 August 2025=2025-08-29@day",
      "25 October 2025=2025-10-25@day",
      "28 April 2026=2026-04-28@day",
      "01 May 2026=2026-05-01@day",
      "January 17, 2025=2025-01-17@day",
      "28 Dey 1403=2025-01-17@day#sh",
      "1994=1994@year",
      "1889=1889@year",
      "2006=2006@year",
      "2011=2011@year",
      "June 2025=2025-06@month",
      "March 27, 1992=1992-03-27@day",
      "May 26, 1995=1995-05-26@day",
      "January 16, 1996=1996-01-16@day",
      "November 16, 2006=2006-11-16@day",
      "March 30, 2007=2007-03-30@day",
      "2010=2010@year",
      // A title in the reference list: "Parliamentary diplomacy of Russia on the BRICS platform in 2022–2024".
      "2022–2024=2022/2024@year",
    ]);
    const citations = findDates(text, { citations: true }).filter((m) => m.kind === "citation");
    expect(citations.length).toBeGreaterThan(50);
    expect(citations.map((m) => m.text)).toContain("2019");
  });

  it("seed 002: Solar Hijri citation years in English text are left unconverted", () => {
    const { skipped } = scanDates(seed("002_5081e67a68f62e66.txt"), { citations: true });
    expect(skipped.length).toBeGreaterThan(20);
    expect(skipped.every((s) => s.reason === "ambiguous-calendar" && /^13\d\d$/.test(s.text))).toBe(true);
  });
});
