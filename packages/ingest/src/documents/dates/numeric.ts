// All-numeric dates: year first ("2012-08-16", "1403/10/28", "۱۴۰۳/۱۰/۲۸") and day or month first ("16/08/2012").
import { englishMarkerCalendar } from "./english.js";
import type { MonthCalendar } from "./grammar.js";
import { persianMarkerCalendar } from "./persian.js";
import type { Candidate, FindDatesOptions } from "./types.js";
import { B0, N0, N1, gregorian, solarHijri, type ScanText } from "./utils.js";

const WS = String.raw`[\s\u200c]`;
const MARKER = String.raw`SH|S\.H\.|AP|HS|H\.\s?Sh\.|AH|A\.H\.|AD|A\.D\.|CE|C\.E\.|هجری${WS}+شمسی|هجری${WS}+قمری|ه[ـ]?\.?${WS}?ش\.?|ه[ـ]?\.?${WS}?ق\.?|شمسی|خورشیدی|قمری|میلادی|ش\.?|ق\.?`;

function markerCalendar(mk: string | undefined): MonthCalendar | undefined {
  if (mk === undefined) return undefined;
  return /[A-Za-z]/.test(mk) ? englishMarkerCalendar(mk) : persianMarkerCalendar(mk);
}

export function findNumeric(scan: ScanText, options: FindDatesOptions): Candidate[] {
  const out: Candidate[] = [];
  const t = scan.norm;
  const raw = (s: number, e: number) => scan.raw.slice(s, e);

  // Year first. The order is year-month-day in both calendars; only the calendar needs deciding.
  const ymd = String.raw`(?:${B0}(?<pre>SH|AD)\s+)?${N0}(?<y>\d{4})(?<sep>[-/.])(?<m>\d{1,2})\k<sep>(?<d>\d{1,2})${N1}(?:${WS}*(?<mk>${MARKER})(?![\p{L}]))?`;
  for (const m of t.matchAll(new RegExp(ymd, "gu"))) {
    const g = m.groups!;
    const [s, e] = [m.index, m.index + m[0].length];
    const [y, mo, d] = [Number(g.y), Number(g.m), Number(g.d)];
    const marked = markerCalendar(g.mk ?? g.pre);
    const persian = scan.isPersian(s);
    let calendar: MonthCalendar | undefined = marked;
    if (calendar === undefined) {
      if (y >= 1500 && y <= 2199) calendar = "gregorian";
      else if (y >= 1200 && y < 1500 && persian) calendar = "solar-hijri";
      else if (y >= 1300 && y < 1500) {
        out.push({ start: s, end: e, kind: "point", confidence: 0.8, skip: "ambiguous-calendar" });
        continue;
      } else continue;
    }
    if (calendar === "hijri-qamari") {
      out.push({ start: s, end: e, kind: "point", confidence: 0.9, skip: "hijri-qamari" });
      continue;
    }
    const text = raw(s, e);
    const date = calendar === "solar-hijri" ? solarHijri(y, mo, d, text) : gregorian(y, mo, d, text);
    if (!date) {
      out.push({ start: s, end: e, kind: "point", confidence: 0.8, skip: "invalid-date" });
      continue;
    }
    // ISO with hyphens is the least ambiguous form there is; a marker is as good.
    const confidence = marked !== undefined || (g.sep === "-" && calendar === "gregorian") ? 0.95 : 0.85;
    out.push({ start: s, end: e, kind: "point", confidence, date });
  }

  // Day or month first, four-digit year last: "16/08/2012", "08/16/2012", "16.08.2012"; Persian "۲۸/۱۰/۱۴۰۳".
  const dmy = String.raw`${N0}(?<a>\d{1,2})(?<sep>[-/.])(?<b>\d{1,2})\k<sep>(?<y>\d{4})${N1}(?:${WS}*(?<mk>${MARKER})(?![\p{L}]))?`;
  for (const m of t.matchAll(new RegExp(dmy, "gu"))) {
    const g = m.groups!;
    const [s, e] = [m.index, m.index + m[0].length];
    const [a, b, y] = [Number(g.a), Number(g.b), Number(g.y)];
    const marked = markerCalendar(g.mk);
    const text = raw(s, e);
    if (marked === "hijri-qamari") {
      out.push({ start: s, end: e, kind: "point", confidence: 0.9, skip: "hijri-qamari" });
      continue;
    }
    // Persian writes day first; a Solar Hijri year needs a marker or a Persian line.
    if (y >= 1200 && y < 1500 && marked !== "gregorian") {
      if (marked !== "solar-hijri" && !scan.isPersian(s)) {
        if (y >= 1300) out.push({ start: s, end: e, kind: "point", confidence: 0.8, skip: "ambiguous-calendar" });
        continue;
      }
      const date = solarHijri(y, b, a, text);
      out.push(date ? { start: s, end: e, kind: "point", confidence: 0.85, date } : { start: s, end: e, kind: "point", confidence: 0.8, skip: "invalid-date" });
      continue;
    }
    if (y < 1500 && marked !== "gregorian") continue;
    if (y > 2199 || (a > 12 && b > 12) || a === 0 || b === 0 || a > 31 || b > 31) continue;
    let order: "dmy" | "mdy" | undefined;
    let confidence = 0.9;
    if (a > 12) order = "dmy";
    else if (b > 12) order = "mdy";
    else if (a === b) order = "dmy";
    else if (options.dayMonthOrder) {
      order = options.dayMonthOrder;
      confidence = 0.75;
    }
    if (order === undefined) {
      out.push({ start: s, end: e, kind: "point", confidence: 0.8, skip: "ambiguous-day-month" });
      continue;
    }
    const [day, month] = order === "dmy" ? [a, b] : [b, a];
    const date = gregorian(y, month, day, text);
    out.push(date ? { start: s, end: e, kind: "point", confidence, date } : { start: s, end: e, kind: "point", confidence: 0.8, skip: "invalid-date" });
  }
  return out;
}
