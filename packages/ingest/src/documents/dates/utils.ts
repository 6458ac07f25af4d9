// Helpers shared by the recognisers: the normalised text with its line contexts, and DateValue builders.
import { DateParseError, earliestDay, fromSolarHijri, isoDayBound, type Calendar, type DateValue, type Precision } from "@diplograph/model";

/** Letters on either side of a token: a word boundary that also works for Persian script. */
export const B0 = String.raw`(?<![\p{L}\p{N}_])`;
export const B1 = String.raw`(?![\p{L}\p{N}_])`;
/** A number boundary: no digit, letter or digit-grouping character glued on. */
export const N0 = String.raw`(?<![\p{L}\p{N}_]|\p{N}[.,/٫٬:\-–])`;
export const N1 = String.raw`(?![\p{L}\p{N}_]|[.,/٫٬:\-–]\p{N})`;

const ARABIC_SCRIPT = /[\u0600-\u06FF\uFB50-\uFDFF\uFE70-\uFEFF]/gu;
const LATIN = /[A-Za-z\u00C0-\u024F]/gu;

/**
 * The text the recognisers read: digits made ASCII and Arabic yeh/kaf made Persian, character for character, so
 * every index in it is an index in the input.
 */
export class ScanText {
  readonly norm: string;
  private readonly lineStarts: number[] = [0];
  private readonly persianLines: boolean[] = [];
  private readonly blocked: Array<[number, number]> = [];

  constructor(
    readonly raw: string,
    persian: boolean | "auto",
  ) {
    this.norm = raw
      .replace(/[۰-۹]/g, (c) => String(c.charCodeAt(0) - 0x06f0))
      .replace(/[٠-٩]/g, (c) => String(c.charCodeAt(0) - 0x0660))
      .replace(/ي/g, "ی")
      .replace(/ك/g, "ک");
    for (let i = raw.indexOf("\n"); i >= 0; i = raw.indexOf("\n", i + 1)) this.lineStarts.push(i + 1);
    for (let l = 0; l < this.lineStarts.length; l++) {
      if (persian !== "auto") {
        this.persianLines.push(persian);
        continue;
      }
      const line = raw.slice(this.lineStarts[l], l + 1 < this.lineStarts.length ? this.lineStarts[l + 1] : raw.length);
      const arabic = line.match(ARABIC_SCRIPT)?.length ?? 0;
      const latin = line.match(LATIN)?.length ?? 0;
      this.persianLines.push(arabic > latin);
    }
    // Identifiers full of digits that are never dates: URLs, DOIs, e-mail addresses, ISSNs.
    const ids = /https?:\/\/[^\s<>"]+|www\.[^\s<>"]+|\b10\.\d{4,9}\/[^\s<>"]+|[^\s@<>()]+@[^\s@<>()]+\.[A-Za-z]{2,}|(?:e-?ISSN|ISSN|ISBN)[:\s]*[\dX-]{8,17}|\b\d{4}-\d{3}X\b/gi;
    for (const m of this.norm.matchAll(ids)) this.blocked.push([m.index, m.index + m[0].length]);
  }

  /** Whether the line holding index `i` is Persian. */
  isPersian(i: number): boolean {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return this.persianLines[lo]!;
  }

  /** Whether [start, end) touches a URL, DOI, e-mail address or ISSN. */
  isBlocked(start: number, end: number): boolean {
    return this.blocked.some(([s, e]) => start < e && s < end);
  }

  /** Up to `n` characters before `i`, normalised. */
  before(i: number, n = 40): string {
    return this.norm.slice(Math.max(0, i - n), i);
  }

  after(i: number, n = 40): string {
    return this.norm.slice(i, i + n);
  }
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** A Gregorian partial date, or undefined when it is not a calendar date. */
export function gregorian(y: number, m: number | undefined, d: number | undefined, text: string): DateValue | undefined {
  const iso = [pad(y, 4), m === undefined ? undefined : pad(m), d === undefined ? undefined : pad(d)].filter(Boolean).join("-");
  if (isoDayBound(iso, "from") === undefined) return undefined;
  const precision: Precision = d !== undefined ? "day" : m !== undefined ? "month" : "year";
  return withOriginal({ start: iso, precision, calendar: "gregorian" }, text);
}

/** A Solar Hijri year, month or day as its Gregorian value; undefined when it is not a Solar Hijri date. */
export function solarHijri(y: number, m: number | undefined, d: number | undefined, text: string): DateValue | undefined {
  try {
    return fromSolarHijri(y, m, d, text);
  } catch (e) {
    if (e instanceof DateParseError) return undefined;
    throw e;
  }
}

export function dateIn(calendar: Calendar, y: number, m: number | undefined, d: number | undefined, text: string): DateValue | undefined {
  return calendar === "solar-hijri" ? solarHijri(y, m, d, text) : gregorian(y, m, d, text);
}

const ORDER: Precision[] = ["year", "month", "day"];
export function finer(a: Precision, b: Precision): Precision {
  return ORDER[Math.max(ORDER.indexOf(a), ORDER.indexOf(b))]!;
}

/**
 * The range from the start of `a` to the end of `b` (a Solar Hijri month or year contributes its Gregorian bounds);
 * undefined when it ends before it starts. Precision is the finer of the two ends, as in the model's `parseDate`.
 */
export function range(a: DateValue, b: DateValue, text: string, precision?: Precision): DateValue | undefined {
  const start = a.start;
  const end = b.end ?? b.start;
  if (earliestDay(end) < earliestDay(start) || start === end) return undefined;
  const calendar: Calendar = a.calendar === "solar-hijri" || b.calendar === "solar-hijri" ? "solar-hijri" : "gregorian";
  return withOriginal({ start, end, precision: precision ?? finer(a.precision, b.precision), calendar }, text);
}

/** A Gregorian range built from its two ISO ends (seasons, decades, quarters). */
export function isoRange(start: string, end: string, precision: Precision, text: string): DateValue {
  return withOriginal({ start, end, precision, calendar: "gregorian" }, text);
}

function withOriginal(v: DateValue, text: string): DateValue {
  const core = v.end ? `${v.start}/${v.end}` : v.start;
  if (text !== core) v.original = text;
  return v;
}

export function ym(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m)}`;
}

/** Regex alternation of literal words, longest first. */
export function alternation(words: Iterable<string>): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|");
}

/** Which day of the week (0 = Sunday) an ISO day falls on. */
export function weekdayOf(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}
