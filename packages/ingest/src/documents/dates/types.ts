// Types of the date finder: what a recognised date mention is, what was seen but left alone, and the options.
import type { Calendar, DateValue, Precision } from "@diplograph/model";

/** What a mention denotes: one date (of any precision), an explicit range, or the year of a bibliographic citation. */
export type DateKind = "point" | "range" | "citation";

/** A date stated in the text, normalised to a Gregorian partial date or range. */
export interface DateMention {
  /** JavaScript string index of the first character of the expression in the input. */
  start: number;
  /** Index just past the expression: `text === input.slice(start, end)`. */
  end: number;
  text: string;
  /** Gregorian value; `date.original` is `text` unless `text` is already the ISO form. */
  date: DateValue;
  precision: Precision;
  calendar: Calendar;
  kind: DateKind;
  /** 0–1: how sure the finder is that this is a date and that its value is right (see docs/ingest.md). */
  confidence: number;
}

/** Why a date-like expression was recognised but not turned into a date. */
export type SkipReason =
  /** `05/06/2012`: day and month both ≤ 12 and no `dayMonthOrder` given. */
  | "ambiguous-day-month"
  /** A year 1300–1499 with no calendar marker and no Persian context: Solar Hijri or Gregorian. */
  | "ambiguous-calendar"
  /** Hijri Qamari (lunar) date: recognised, not converted. */
  | "hijri-qamari"
  /** Looks like a date but is not one in its calendar (`31 Esfand 1403`, `30/02/2012`). */
  | "invalid-date";

export interface SkippedDate {
  start: number;
  end: number;
  text: string;
  reason: SkipReason;
}

export interface FindDatesOptions {
  /** Return citation years (`(Nye, 2005: 110)`) as mentions of kind "citation". Default false: they are left out. */
  citations?: boolean;
  /**
   * Whether the text is Persian, which makes 1300–1499 years Solar Hijri. "auto" (default) decides line by line: a
   * line with more Arabic-script than Latin letters is Persian.
   */
  persian?: boolean | "auto";
  /** Read all-numeric dates with both fields ≤ 12 in this order instead of skipping them. */
  dayMonthOrder?: "dmy" | "mdy";
  /** Mentions below this confidence are dropped. Default 0.5. */
  minConfidence?: number;
}

export interface DateScan {
  dates: DateMention[];
  skipped: SkippedDate[];
}

/** The wire form used by `diplograph extract --json`. */
export interface DateMentionJson {
  start: number;
  end: number;
  text: string;
  /** `YYYY[-MM[-DD]]`, or `start/end` for a range (ISO 8601 interval of partial dates). */
  value: string;
  precision: Precision;
  calendar: Calendar;
}

/** A recogniser's proposal, before overlaps are resolved. */
export interface Candidate {
  start: number;
  end: number;
  kind: DateKind;
  confidence: number;
  date?: DateValue;
  skip?: SkipReason;
}
