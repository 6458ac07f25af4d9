// Public API of the date finder: every date stated in running text (English and Persian), normalised to a Gregorian
// partial date or range with its precision and calendar, each pointing at its exact slice of the input.
import type { DateValue } from "@diplograph/model";
import { findCitations } from "./citations.js";
import { findEnglish } from "./english.js";
import { findNumeric } from "./numeric.js";
import { findPersian } from "./persian.js";
import type { Candidate, DateMention, DateMentionJson, DateScan, FindDatesOptions, SkippedDate } from "./types.js";
import { ScanText, range } from "./utils.js";

export type { DateKind, DateMention, DateMentionJson, DateScan, FindDatesOptions, SkippedDate, SkipReason } from "./types.js";

export const DEFAULT_FIND_DATES_OPTIONS: Required<Omit<FindDatesOptions, "dayMonthOrder">> = {
  citations: false,
  persian: "auto",
  minConfidence: 0.5,
};

/** The dates stated in `text`, in text order. */
export function findDates(text: string, options: FindDatesOptions = {}): DateMention[] {
  return scanDates(text, options).dates;
}

/** The dates stated in `text`, and the date-like expressions recognised but not converted (with the reason). */
export function scanDates(text: string, options: FindDatesOptions = {}): DateScan {
  const opts = { ...DEFAULT_FIND_DATES_OPTIONS, ...options };
  const scan = new ScanText(text, opts.persian);
  const candidates = [...findCitations(scan), ...findEnglish(scan), ...findPersian(scan), ...findNumeric(scan, opts)].filter(
    (c) => !scan.isBlocked(c.start, c.end),
  );
  const accepted = joinRanges(scan, resolve(candidates));

  const dates: DateMention[] = [];
  const skipped: SkippedDate[] = [];
  for (const c of accepted) {
    if (c.kind === "citation" && !opts.citations) continue;
    const slice = text.slice(c.start, c.end);
    if (c.skip) skipped.push({ start: c.start, end: c.end, text: slice, reason: c.skip });
    else if (c.date && c.confidence >= opts.minConfidence) {
      dates.push({ start: c.start, end: c.end, text: slice, date: c.date, precision: c.date.precision, calendar: c.date.calendar, kind: c.kind, confidence: c.confidence });
    }
  }
  return { dates, skipped };
}

/** The value written in `diplograph extract --json`: `YYYY[-MM[-DD]]`, or `start/end` for a range. */
export function dateValueString(v: DateValue): string {
  return v.end ? `${v.start}/${v.end}` : v.start;
}

export function toDateMentionJson(m: DateMention): DateMentionJson {
  return { start: m.start, end: m.end, text: m.text, value: dateValueString(m.date), precision: m.precision, calendar: m.calendar };
}

/**
 * Keep the longest of overlapping candidates; on equal spans a citation wins (it explains the year), then the more
 * confident. A skipped candidate also holds its span, so that "05/06/2012" does not come back as the year 2012.
 */
function resolve(candidates: Candidate[]): Candidate[] {
  const order = [...candidates].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || Number(b.kind === "citation") - Number(a.kind === "citation") || b.confidence - a.confidence || a.start - b.start,
  );
  const taken: Candidate[] = [];
  for (const c of order) {
    if (taken.every((t) => c.end <= t.start || t.end <= c.start)) taken.push(c);
  }
  return taken.sort((a, b) => a.start - b.start);
}

const JOIN = /^(?:\s*(?:–|—|-|\s(?:to|until|till|through)\s)\s*|[\s\u200c]*(?:–|—|-|تا|الی)[\s\u200c]*)$/u;
const JOIN_AND = /^(?:\s+(?:and|&)\s+|[\s\u200c]+و[\s\u200c]+)$/u;
const FROM = /(?:^|[^\p{L}])(?<w>from|From|از)[\s\u200c]+(?:the\s+|سال[\s\u200c]+)?$/u;
const BETWEEN = /(?:^|[^\p{L}])(?<w>between|Between|بین|میان)[\s\u200c]+(?:the\s+|سال[\s\u200c]+)?$/u;

/** Two dates joined by "to", a dash or "تا" (or "between … and …") become one range: "from June 2010 to March 2011". */
function joinRanges(scan: ScanText, items: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < items.length; i++) {
    const a = items[i]!;
    const b = items[i + 1];
    const joinable = (c: Candidate | undefined): c is Candidate => !!c && !c.skip && !!c.date && c.kind === "point";
    if (joinable(a) && joinable(b)) {
      const gap = scan.norm.slice(a.end, b.start);
      const before = scan.before(a.start);
      const between = BETWEEN.exec(before);
      const from = FROM.exec(before);
      const pre = JOIN_AND.test(gap) ? between : JOIN.test(gap) ? from ?? undefined : undefined;
      if (pre !== undefined && (pre !== null || !JOIN_AND.test(gap))) {
        const start = pre ? a.start - pre[0].length + pre[0].indexOf(pre.groups!.w!) : a.start;
        const text = scan.raw.slice(start, b.end);
        const date = range(a.date!, b.date!, text);
        if (date) {
          out.push({ start, end: b.end, kind: "range", confidence: Math.min(a.confidence, b.confidence), date });
          i++;
          continue;
        }
      }
    }
    out.push(a);
  }
  return out;
}
