// Dates written with month names (day–month–year, month–day–year, month–year and their ranges), for any lexicon.
import type { Calendar, DateValue } from "@diplograph/model";
import type { Candidate } from "./types.js";
import { B0, B1, N1, alternation, dateIn, range, weekdayOf, type ScanText } from "./utils.js";

export type MonthCalendar = Calendar | "hijri-qamari";

/** How one language writes month-name dates. Every field is a regex fragment except the tables. */
export interface Lexicon {
  /** Month word → calendar and month number. Matched case-sensitively: English month names are capitalised. */
  months: ReadonlyMap<string, { calendar: MonthCalendar; month: number }>;
  /** Abbreviations that may take a full stop. */
  abbreviations: ReadonlySet<string>;
  /** A day number (one capture group is added around the digits). */
  dayDigits: string;
  daySuffix: string;
  /** Between a day and its month ("7th of December"). */
  dayMonth: string;
  /** After a month word ("آبان ماه"). */
  monthSuffix: string;
  /** Between a month and its year. */
  monthYear: string;
  /** Range joiners after an optional `from`. */
  joiner: string;
  from: string;
  between: string;
  and: string;
  /** Weekday word → 0 (Sunday) to 6. */
  weekdays: ReadonlyMap<string, number>;
  /** After a weekday. */
  weekdaySep: string;
  /** Whether "March 21, 1991" (month first) is written. */
  monthFirst: boolean;
  /** An optional calendar marker after the year, with its capture group `mk`; `markerCalendar` reads it. */
  marker: string;
  markerCalendar(marker: string): MonthCalendar | undefined;
}

const YEAR_BOUNDS: Record<MonthCalendar, [number, number]> = {
  gregorian: [1000, 2199],
  "solar-hijri": [1200, 1499],
  "hijri-qamari": [1000, 1499],
};

type Groups = Partial<Record<"wd" | "d1" | "m1" | "d2" | "m2" | "y" | "mk" | "pre", string>>;

interface Rule {
  re: RegExp;
  shape: "day" | "month" | "dayRange" | "crossDayRange" | "monthRange";
}

/** Compile the rules of a lexicon once. */
export function compileLexicon(lex: Lexicon): Rule[] {
  const monthAlt = alternation([...lex.months.keys()].filter((w) => !lex.abbreviations.has(w)));
  const abbrAlt = alternation(lex.abbreviations);
  const month = (g: string) => String.raw`${B0}(?<${g}>${monthAlt}${abbrAlt ? `|(?:${abbrAlt})\.?` : ""})${lex.monthSuffix}(?![\p{L}])`;
  // Days follow dashes in ranges ("16–31 August"), so only a letter or digit glued on excludes them.
  const day = (g: string) => String.raw`${B0}(?<${g}>${lex.dayDigits})${lex.daySuffix}${B1}`;
  const wd = String.raw`(?:${B0}(?<wd>${alternation(lex.weekdays.keys())})\.?${lex.weekdaySep})?`;
  const year = String.raw`(?<y>\d{3,4})${N1}${lex.marker}`;
  const from = String.raw`(?:(?<pre>${lex.from}))?`;
  const between = String.raw`(?<pre>${lex.between})`;
  const rules: Rule[] = [];
  const add = (shape: Rule["shape"], src: string) => rules.push({ re: new RegExp(src, "gu"), shape });
  // Each range is written twice: "from A to B" (from optional) and "between A and B" (between required).
  const ranged = (shape: Rule["shape"], body: (j: string) => string) => {
    add(shape, from + body(lex.joiner));
    add(shape, between + body(lex.and));
  };
  ranged("crossDayRange", (j) => `${day("d1")}${lex.dayMonth}${month("m1")}${j}${day("d2")}${lex.dayMonth}${month("m2")}${lex.monthYear}${year}`);
  ranged("dayRange", (j) => `${day("d1")}${j}${day("d2")}${lex.dayMonth}${month("m1")}${lex.monthYear}${year}`);
  add("day", `${wd}${day("d1")}${lex.dayMonth}${month("m1")}${lex.monthYear}${year}`);
  if (lex.monthFirst) {
    ranged("crossDayRange", (j) => String.raw`${month("m1")}\s+${day("d1")}${j}${month("m2")}\s+${day("d2")},?\s+${year}`);
    ranged("dayRange", (j) => String.raw`${month("m1")}\s+${day("d1")}${j}${day("d2")},?\s+${year}`);
    add("day", String.raw`${wd}${month("m1")}\s+${day("d1")},?\s+${year}`);
  }
  ranged("monthRange", (j) => `${month("m1")}${j}${month("m2")}${lex.monthYear}${year}`);
  add("month", `${month("m1")}${lex.monthYear}${year}`);
  return rules;
}

/** Every month-name date the rules find, as candidates (overlaps are resolved by the caller). */
export function findNamed(scan: ScanText, lex: Lexicon, rules: Rule[]): Candidate[] {
  const out: Candidate[] = [];
  for (const rule of rules) {
    for (const m of scan.norm.matchAll(rule.re)) {
      const c = readMatch(scan, lex, rule.shape, m.groups as Groups, m.index, m.index + m[0].length);
      if (c) out.push(c);
    }
  }
  return out;
}

function monthOf(lex: Lexicon, word: string | undefined) {
  if (word === undefined) return undefined;
  return lex.months.get(word) ?? lex.months.get(word.replace(/\.$/, ""));
}

function readMatch(scan: ScanText, lex: Lexicon, shape: Rule["shape"], g: Groups, start: number, end: number): Candidate | undefined {
  const text = scan.raw.slice(start, end);
  const m1 = monthOf(lex, g.m1);
  const m2 = g.m2 === undefined ? m1 : monthOf(lex, g.m2);
  if (!m1 || !m2 || m1.calendar !== m2.calendar) return undefined;
  const calendar = m1.calendar;
  const y = Number(g.y);
  const [lo, hi] = YEAR_BOUNDS[calendar];
  if (y < lo || y > hi) return undefined;
  if (g.mk) {
    const marked = lex.markerCalendar(g.mk);
    if (marked !== undefined && marked !== calendar) return undefined;
  }
  if (scan.isBlocked(start, end)) return undefined;
  if (calendar === "hijri-qamari") return { start, end, kind: "point", confidence: 0.9, skip: "hijri-qamari" };

  const d1 = g.d1 === undefined ? undefined : Number(g.d1);
  const d2 = g.d2 === undefined ? undefined : Number(g.d2);
  let date: DateValue | undefined;
  let kind: Candidate["kind"] = "range";
  switch (shape) {
    case "day":
    case "month":
      kind = "point";
      date = dateIn(calendar, y, m1.month, d1, text);
      break;
    case "dayRange": {
      const a = dateIn(calendar, y, m1.month, d1, text);
      const b = dateIn(calendar, y, m1.month, d2, text);
      date = a && b && d1! < d2! ? range(a, b, text) : undefined;
      break;
    }
    case "crossDayRange":
    case "monthRange": {
      // "December–February 2010": the year belongs to the end, so the start is in the year before.
      const y1 = m1.month > m2.month ? y - 1 : y;
      const a = dateIn(calendar, y1, m1.month, d1, text);
      const b = dateIn(calendar, y, m2.month, d2, text);
      date = a && b ? range(a, b, text) : undefined;
      break;
    }
  }
  if (!date) return { start, end, kind, confidence: 0.9, skip: "invalid-date" };
  let confidence = date.precision === "day" ? 0.95 : 0.9;
  // A weekday that disagrees with the date means one of them is wrong.
  if (g.wd !== undefined && date.precision === "day" && !date.end) {
    const wd = lex.weekdays.get(g.wd.replace(/\.$/, ""));
    if (wd !== undefined && wd !== weekdayOf(date.start)) confidence = 0.6;
  }
  return { start, end, kind, confidence, date };
}
