// Partial dates and ranges, Gregorian and Solar Hijri input, with the original expression kept.
import { toGregorian, isValidJalaaliDate, jalaaliMonthLength } from "jalaali-js";
import { z } from "zod";

export const Precision = z.enum(["day", "month", "year"]);
export type Precision = z.infer<typeof Precision>;

export const Calendar = z.enum(["gregorian", "solar-hijri"]);
export type Calendar = z.infer<typeof Calendar>;

/** A Gregorian partial ISO date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "expected a partial ISO date: YYYY, YYYY-MM or YYYY-MM-DD")
  .refine((s) => parseIsoPartial(s) !== undefined, "not a calendar date");
export type PartialDate = z.infer<typeof PartialDate>;

/**
 * A date as stored: the Gregorian start (and end, for a range or for a Solar Hijri month or year, which does not
 * fall on Gregorian month or year boundaries), the precision of what the source said, its calendar, and the
 * original expression where it was not already the Gregorian ISO form.
 */
export const DateValue = z.object({
  start: PartialDate,
  end: PartialDate.optional(),
  precision: Precision,
  calendar: Calendar,
  original: z.string().optional(),
});
export type DateValue = z.infer<typeof DateValue>;

export class DateParseError extends Error {
  override name = "DateParseError";
}

const SOLAR_HIJRI_MONTHS: ReadonlyArray<readonly string[]> = [
  ["farvardin", "فروردین"],
  ["ordibehesht", "ordibehesht", "اردیبهشت"],
  ["khordad", "khordād", "خرداد"],
  ["tir", "تیر"],
  ["mordad", "amordad", "mordād", "مرداد", "امرداد"],
  ["shahrivar", "shahrivār", "شهریور"],
  ["mehr", "مهر"],
  ["aban", "ābān", "آبان"],
  ["azar", "āzar", "آذر"],
  ["dey", "dei", "day", "دی"],
  ["bahman", "بهمن"],
  ["esfand", "espand", "اسفند"],
];

const GREGORIAN_MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

const ISO_PARTIAL = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
/** Years that are plausible both as Solar Hijri (1300 SH = 1921) and as Gregorian (medieval) dates. */
const AMBIGUOUS_YEAR = (s: string) => {
  const y = Number(s.slice(0, 4));
  return y >= 1300 && y <= 1499;
};

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

function daysInGregorianMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function parseIsoPartial(s: string): { y: number; m?: number; d?: number } | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return undefined;
  const y = Number(m[1]);
  if (m[2] === undefined) return { y };
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return undefined;
  if (m[3] === undefined) return { y, m: mo };
  const d = Number(m[3]);
  if (d < 1 || d > daysInGregorianMonth(y, mo)) return undefined;
  return { y, m: mo, d };
}

/** Persian (۰-۹) and Arabic-Indic (٠-٩) digits to ASCII. */
export function asciiDigits(s: string): string {
  return s.replace(/[۰-۹]/g, (c) => String(c.charCodeAt(0) - 0x06f0)).replace(/[٠-٩]/g, (c) => String(c.charCodeAt(0) - 0x0660));
}

function shMonthIndex(word: string): number | undefined {
  const w = word.toLowerCase().normalize("NFC").replace(/ي/g, "ی").replace(/ك/g, "ک");
  const i = SOLAR_HIJRI_MONTHS.findIndex((names) => names.includes(w));
  return i < 0 ? undefined : i + 1;
}

function gregorianMonthIndex(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, "");
  const i = GREGORIAN_MONTHS.findIndex((name) => name === w || (w.length >= 3 && name.startsWith(w)));
  return i < 0 ? undefined : i + 1;
}

function gIso(g: { gy: number; gm: number; gd: number }): string {
  return `${pad(g.gy, 4)}-${pad(g.gm)}-${pad(g.gd)}`;
}

/** Convert a Solar Hijri year, month or day to its Gregorian value (a range for month and year precision). */
export function fromSolarHijri(jy: number, jm?: number, jd?: number, original?: string): DateValue {
  const orig = original ?? [pad(jy, 4), jm && pad(jm), jd && pad(jd)].filter(Boolean).join("-") + " SH";
  if (jm !== undefined && (jm < 1 || jm > 12)) throw new DateParseError(`"${orig}": Solar Hijri month must be 1-12`);
  if (jd !== undefined) {
    if (!isValidJalaaliDate(jy, jm!, jd)) throw new DateParseError(`"${orig}" is not a Solar Hijri calendar date`);
    return { start: gIso(toGregorian(jy, jm!, jd)), precision: "day", calendar: "solar-hijri", original: orig };
  }
  if (jm !== undefined) {
    const start = gIso(toGregorian(jy, jm, 1));
    const end = gIso(toGregorian(jy, jm, jalaaliMonthLength(jy, jm)));
    return { start, end, precision: "month", calendar: "solar-hijri", original: orig };
  }
  const start = gIso(toGregorian(jy, 1, 1));
  const end = gIso(toGregorian(jy, 12, jalaaliMonthLength(jy, 12)));
  return { start, end, precision: "year", calendar: "solar-hijri", original: orig };
}

function precisionOf(iso: string): Precision {
  return iso.length === 4 ? "year" : iso.length === 7 ? "month" : "day";
}

function gregorian(y: number, m: number | undefined, d: number | undefined, original: string): DateValue {
  const iso = [pad(y, 4), m && pad(m), d && pad(d)].filter(Boolean).join("-");
  if (!parseIsoPartial(iso)) throw new DateParseError(`"${original}" is not a calendar date`);
  const v: DateValue = { start: iso, precision: precisionOf(iso), calendar: "gregorian" };
  if (original !== iso) v.original = original;
  return v;
}

/**
 * Parse one date expression as a dataset may write it:
 * - Gregorian ISO partial dates `2025`, `2025-01`, `2025-01-17`;
 * - English `17 January 2025`, `January 17, 2025`, `January 2025`;
 * - Solar Hijri, marked with `SH` or written with its month names: `1403-10-28 SH`, `SH 1403/10/28`, `1403 SH`,
 *   `28 Dey 1403`, `Dey 1403`, `۲۸ دی ۱۴۰۳`;
 * - a range of any two of these joined by `/` or ` to `: `2012-08-16/2012-08-31`.
 * The calendar is never guessed: a numeric date whose year (1300–1499) is plausible in both calendars must say which
 * it is (`1403-10-28 SH`, `1403-10-28 AD`, or `calendar`), and is refused otherwise. Pass `calendar` to read numeric
 * input in that calendar.
 */
export function parseDate(input: string, calendar?: Calendar): DateValue {
  // Fast path for the common case, a clean ISO partial date (bulk imports parse millions of them).
  if (calendar !== "solar-hijri" && ISO_PARTIAL.test(input) && (calendar === "gregorian" || !AMBIGUOUS_YEAR(input))) {
    if (!parseIsoPartial(input)) throw new DateParseError(`"${input}" is not a calendar date`);
    return { start: input, precision: precisionOf(input), calendar: "gregorian" };
  }
  const text = input.trim();
  if (text === "") throw new DateParseError("empty date");
  const range = splitRange(text);
  if (range) {
    const a = parseDate(range[0], calendar);
    const b = parseDate(range[1], calendar);
    // A Solar Hijri month or year on either side widens the range to its bounds.
    const start = a.start;
    const end = b.end ?? b.start;
    if (earliestDay(end) < earliestDay(start)) throw new DateParseError(`"${text}": the range ends before it starts`);
    const precision = finer(a.precision, b.precision);
    const v: DateValue = { start, end, precision, calendar: a.calendar === "solar-hijri" || b.calendar === "solar-hijri" ? "solar-hijri" : "gregorian" };
    if (text !== `${start}/${end}`) v.original = text;
    return v;
  }
  const t = asciiDigits(text).replace(/\s+/g, " ");

  // Numeric forms, with an optional SH marker.
  let m = /^(?:SH\s*)?(\d{3,4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:\s*(SH|AP|HS|ه\.?ش\.?|AD|CE))?$/i.exec(t);
  if (m) {
    const gregorianMarked = m[4] !== undefined && /^(AD|CE)$/i.test(m[4]);
    const marked = !gregorianMarked && (/^SH/i.test(t) || m[4] !== undefined || calendar === "solar-hijri");
    const y = Number(m[1]);
    const mo = m[2] === undefined ? undefined : Number(m[2]);
    const d = m[3] === undefined ? undefined : Number(m[3]);
    if (marked) return fromSolarHijri(y, mo, d, text);
    if (!gregorianMarked && calendar === undefined && y >= 1300 && y <= 1499) {
      throw new DateParseError(`"${text}" could be a Solar Hijri or a Gregorian date: write "${text} SH" for Solar Hijri or "${text} AD" for Gregorian`);
    }
    if (gregorianMarked) return gregorian(y, mo, d, text);
    if (m[1]!.length !== 4 || (mo !== undefined && m[2]!.length !== 2) || (d !== undefined && m[3]!.length !== 2) || /[/.]/.test(t)) {
      throw new DateParseError(`"${text}": write Gregorian dates as YYYY, YYYY-MM or YYYY-MM-DD`);
    }
    return gregorian(y, mo, d, text);
  }

  // Day? Month Year, with month names of either calendar (Solar Hijri names decide the calendar).
  m = /^(?:(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?)?([\p{L}.]+),?\s+(\d{3,4})(?:\s*(SH|AP))?$/iu.exec(t);
  if (m) {
    const d = m[1] === undefined ? undefined : Number(m[1]);
    const y = Number(m[3]);
    const sh = shMonthIndex(m[2]!);
    // No Solar Hijri month name is also an English month name or abbreviation, so the name decides the calendar.
    if (sh !== undefined) return fromSolarHijri(y, sh, d, text);
    const gm = gregorianMonthIndex(m[2]!);
    if (gm !== undefined) return gregorian(y, gm, d, text);
    throw new DateParseError(`"${text}": unknown month name "${m[2]}"`);
  }
  // Month Day, Year
  m = /^([\p{L}.]+)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/iu.exec(t);
  if (m) {
    const gm = gregorianMonthIndex(m[1]!);
    if (gm === undefined) throw new DateParseError(`"${text}": unknown month name "${m[1]}"`);
    return gregorian(Number(m[3]), gm, Number(m[2]), text);
  }
  throw new DateParseError(`"${text}" is not a date this importer reads (use YYYY-MM-DD, or mark Solar Hijri dates with SH)`);
}

function splitRange(text: string): [string, string] | undefined {
  const slash = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)\/(\d{4}(?:-\d{2}(?:-\d{2})?)?)$/.exec(text);
  if (slash) return [slash[1]!, slash[2]!];
  const parts = text.split(/\s+(?:to|until|–|—|-)\s+|\s*[–—]\s*/);
  if (parts.length === 2 && parts[0] && parts[1]) return [parts[0], parts[1]];
  return undefined;
}

function finer(a: Precision, b: Precision): Precision {
  const order: Precision[] = ["year", "month", "day"];
  return order[Math.max(order.indexOf(a), order.indexOf(b))]!;
}

/** The first day a partial date can denote: `1994` → `1994-01-01`. */
export function earliestDay(d: string): string {
  if (d.length === 4) return `${d}-01-01`;
  if (d.length === 7) return `${d}-01`;
  return d;
}

/** The last day a partial date can denote: `1994` → `1994-12-31`, `2024-02` → `2024-02-29`. */
export function latestDay(d: string): string {
  if (d.length === 4) return `${d}-12-31`;
  if (d.length === 7) {
    const [y, m] = d.split("-").map(Number) as [number, number];
    return `${d}-${pad(daysInGregorianMonth(y, m))}`;
  }
  return d;
}

/**
 * A Gregorian partial ISO date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) as the first (`from`) or last (`to`) day it denotes;
 * undefined when it is not one (a month 13, a 30 February).
 */
export function isoDayBound(d: string, side: "from" | "to"): string | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(d);
  if (!m) return undefined;
  const [y, mo, dd] = [Number(m[1]), m[2] === undefined ? undefined : Number(m[2]), m[3] === undefined ? undefined : Number(m[3])];
  if (mo !== undefined && (mo < 1 || mo > 12)) return undefined;
  if (dd !== undefined && (dd < 1 || dd > daysInGregorianMonth(y, mo!))) return undefined;
  return side === "from" ? earliestDay(d) : latestDay(d);
}

/** Inclusive day bounds of a date value, for filtering and sorting. */
export function dayBounds(v: DateValue): { from: string; to: string } {
  return { from: earliestDay(v.start), to: latestDay(v.end ?? v.start) };
}

/** How a date value reads: `2025-01-17 (28 Dey 1403)`. */
export function formatDate(v: DateValue): string {
  const core = v.end ? `${v.start}/${v.end}` : v.start;
  return v.original && v.original !== core ? `${core} (${v.original})` : core;
}
