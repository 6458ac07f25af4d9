// English date expressions: month-name dates (and transliterated Solar Hijri ones), years in context, decades,
// seasons, quarters and halves, year ranges, calendar markers.
import { compileLexicon, findNamed, type Lexicon, type MonthCalendar } from "./grammar.js";
import type { Candidate } from "./types.js";
import { B0, B1, N0, N1, gregorian, isoRange, range, solarHijri, ym, type ScanText } from "./utils.js";

const GREGORIAN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const ABBREVIATIONS: Array<[string, number]> = [
  ["Jan", 1], ["Feb", 2], ["Mar", 3], ["Apr", 4], ["Jun", 6], ["Jul", 7], ["Aug", 8], ["Sep", 9], ["Sept", 9], ["Oct", 10], ["Nov", 11], ["Dec", 12],
];
/** Transliterated Solar Hijri months. "Day" (a spelling of Dey) is left out: in English text it is the word day. */
const SOLAR_HIJRI: string[][] = [
  ["Farvardin", "Farvardín"],
  ["Ordibehesht", "Ordibehesht"],
  ["Khordad", "Khordād"],
  ["Tir"],
  ["Mordad", "Amordad", "Mordād", "Amordād"],
  ["Shahrivar", "Shahrivār", "Shahrivar"],
  ["Mehr"],
  ["Aban", "Ābān"],
  ["Azar", "Āzar"],
  ["Dey", "Dei"],
  ["Bahman"],
  ["Esfand", "Espand", "Isfand"],
];
/** Hijri Qamari months: recognised so that their dates are reported as skipped rather than misread. */
const QAMARI: string[][] = [
  ["Muharram", "Moharram"],
  ["Safar"],
  ["Rabi al-Awwal", "Rabi' al-Awwal", "Rabi-ul-Awwal", "Rabiʽ al-Awwal"],
  ["Rabi al-Thani", "Rabi' al-Thani", "Rabi al-Akhir", "Rabi-ul-Akhir"],
  ["Jumada al-Awwal", "Jumada al-Ula", "Jumada al-Oula"],
  ["Jumada al-Thani", "Jumada al-Akhirah", "Jumada al-Akhira"],
  ["Rajab"],
  ["Shaban", "Sha'ban", "Shaʽban"],
  ["Ramadan", "Ramazan", "Ramadhan"],
  ["Shawwal"],
  ["Dhu al-Qadah", "Dhu al-Qa'dah", "Dhul-Qadah", "Dhu al-Qi'dah", "Zul-Qadah"],
  ["Dhu al-Hijjah", "Dhul-Hijjah", "Dhu al-Hijja", "Zul-Hijjah"],
];
const WEEKDAYS: Array<[string, number]> = [
  ["Sunday", 0], ["Monday", 1], ["Tuesday", 2], ["Wednesday", 3], ["Thursday", 4], ["Friday", 5], ["Saturday", 6],
  ["Sun", 0], ["Mon", 1], ["Tue", 2], ["Tues", 2], ["Wed", 3], ["Thu", 4], ["Thur", 4], ["Thurs", 4], ["Fri", 5], ["Sat", 6],
];

/** Markers written after (or before) a year: SH/AP for Solar Hijri, AH for Hijri Qamari, AD/CE for Gregorian. */
const MARKER = String.raw`SH|S\.H\.|AP|A\.P\.|HS|H\.\s?Sh\.|AH|A\.H\.|AD|A\.D\.|CE|C\.E\.`;
export function englishMarkerCalendar(mk: string): MonthCalendar | undefined {
  const k = mk.replace(/[.\s]/g, "").toUpperCase();
  if (k === "SH" || k === "AP" || k === "HS" || k === "HSH") return "solar-hijri";
  if (k === "AH") return "hijri-qamari";
  if (k === "AD" || k === "CE") return "gregorian";
  return undefined;
}

function monthTable(): Map<string, { calendar: MonthCalendar; month: number }> {
  const t = new Map<string, { calendar: MonthCalendar; month: number }>();
  const put = (w: string, calendar: MonthCalendar, month: number) => {
    t.set(w, { calendar, month });
    t.set(w.toUpperCase(), { calendar, month });
  };
  GREGORIAN.forEach((w, i) => put(w, "gregorian", i + 1));
  for (const [w, m] of ABBREVIATIONS) put(w, "gregorian", m);
  SOLAR_HIJRI.forEach((ws, i) => ws.forEach((w) => put(w, "solar-hijri", i + 1)));
  QAMARI.forEach((ws, i) => ws.forEach((w) => put(w, "hijri-qamari", i + 1)));
  return t;
}

export const ENGLISH: Lexicon = {
  months: monthTable(),
  abbreviations: new Set(ABBREVIATIONS.flatMap(([w]) => [w, w.toUpperCase()])),
  dayDigits: String.raw`\d{1,2}`,
  daySuffix: String.raw`(?:st|nd|rd|th)?`,
  dayMonth: String.raw`(?:\s+of)?\s+`,
  monthSuffix: "",
  monthYear: String.raw`(?:\s+of)?,?\s+`,
  joiner: String.raw`\s*(?:–|—|-|\s(?:to|until|till|through|thru)\s)\s*`,
  from: String.raw`${B0}(?:from|From|FROM)\s+(?:the\s+)?`,
  between: String.raw`${B0}(?:between|Between|BETWEEN)\s+(?:the\s+)?`,
  and: String.raw`\s+(?:and|&)\s+(?:the\s+)?`,
  weekdays: new Map(WEEKDAYS),
  weekdaySep: String.raw`,?\s+(?:the\s+)?`,
  monthFirst: true,
  marker: String.raw`(?:\s*(?<mk>${MARKER})(?![\p{L}]))?`,
  markerCalendar: englishMarkerCalendar,
};
const RULES = compileLexicon(ENGLISH);

/** Words before a bare year that make it a date: "in 1991", "since 1979". */
const YEAR_CUE = /(?:^|[^\p{L}])(?:in|since|from|until|till|during|before|after|around|circa|c\.|ca\.|by|throughout|as of|the year|year|years|spring|summer|autumn|fall|winter|early|late)\s+(?:the\s+year\s+)?$/iu;
/** "of 1979" is a date after an event noun or a name ("the revolution of 1979", "the Treaty of 1648"). */
const OF_CUE = /(?:^|[^\p{L}])(?:\p{Lu}[\p{L}'’-]*|revolution|war|treaty|accord|agreement|elections?|summit|conference|crisis|constitution|coup|uprising|law|act|convention|protocol|declaration|resolution|session|congress|spring|summer|autumn|fall|winter|events)\s+of\s+$/u;
/** Words before a number that make it a page, article, resolution or other label, not a year. */
const LABEL_BEFORE = /(?:^|[^\p{L}])(?:pp?\.|pages?|vol\.|volume|no\.|nos\.|number|art\.|article|articles|resolution|resolutions|section|chapter|para\.|paragraph|item|law|decree|code|ref\.|fig\.|figure|table|flight|room|route|highway|line|§|#|№)\s*$/iu;
/** Words after a number that make it a quantity. */
export const QUANTITY_AFTER = /^\s*(?:%|percent|per\s?cent|[-–]?\s*(?:troops|soldiers|people|persons|men|women|children|members|parties|countries|states|delegates|delegations|km|kilomet|metres|meters|miles|dollars|USD|euros|rials|tomans|tons|tonnes|barrels|units|copies|pages|votes|seats|cases|deaths|dead|refugees|documents|participants|years|months|weeks|days|hours|items|signatures|students|times|MW|million|billion|thousand|hectares|acres|feet|kg|km2|sq))(?![\p{L}])/iu;

export function findEnglish(scan: ScanText): Candidate[] {
  const out = findNamed(scan, ENGLISH, RULES);
  const t = scan.norm;
  const raw = (s: number, e: number) => scan.raw.slice(s, e);
  // Persian lines are read by the Persian recogniser, which knows their calendar conventions.
  const english = (i: number) => !scan.isPersian(i);

  // Years with a calendar marker: "1377 SH", "SH 1377", "1445 AH", "1453 AD".
  for (const m of t.matchAll(new RegExp(String.raw`${N0}(?<y>\d{3,4})\s*(?<mk>${MARKER})(?![\p{L}])|${B0}(?<mk2>SH|AH|AD|CE)\s+(?<y2>\d{3,4})${N1}`, "gu"))) {
    const g = m.groups!;
    const y = Number(g.y ?? g.y2);
    const cal = englishMarkerCalendar((g.mk ?? g.mk2)!);
    const [s, e] = [m.index, m.index + m[0].length];
    if (cal === "hijri-qamari") out.push({ start: s, end: e, kind: "point", confidence: 0.9, skip: "hijri-qamari" });
    else if (cal) {
      const date = cal === "solar-hijri" ? solarHijri(y, undefined, undefined, raw(s, e)) : gregorian(y, undefined, undefined, raw(s, e));
      if (date) out.push({ start: s, end: e, kind: "point", confidence: 0.95, date });
    }
  }

  // Bare years, only with a cue word.
  for (const m of t.matchAll(new RegExp(String.raw`${N0}(?<y>\d{4})${N1}`, "gu"))) {
    const [s, e] = [m.index, m.index + 4];
    if (!english(s)) continue;
    const y = Number(m.groups!.y);
    const before = scan.before(s);
    // "(1991)" after an event ("the Gulf War (1991)") is a date; after an author it is a citation, which wins.
    const parenthetical = before.endsWith("(") && t[e] === ")";
    // "from 1500 to 2000 troops": the quantity may follow the second number.
    const after = scan.after(e, 60).replace(/^\s*(?:to|and|–|—|-)\s*[\d,.]+/, "");
    if (!(YEAR_CUE.test(before) || OF_CUE.test(before) || parenthetical) || LABEL_BEFORE.test(before) || QUANTITY_AFTER.test(after)) continue;
    if (y >= 1300 && y < 1500) out.push({ start: s, end: e, kind: "point", confidence: 0.8, skip: "ambiguous-calendar" });
    else if (y >= 1500 && y <= 2100) out.push({ start: s, end: e, kind: "point", confidence: parenthetical ? 0.7 : 0.8, date: gregorian(y, undefined, undefined, raw(s, e))! });
  }

  // Year ranges: "1990–1995", "1990-95", "from 1990 to 1995", "between 1990 and 1995".
  const yr = String.raw`(?<y1>\d{4})(?:\s*(?:–|—|-)\s*|\s+(?<w>to|until|till|through|and)\s+)(?<y2>\d{4}|\d{2})${N1}`;
  for (const m of t.matchAll(new RegExp(String.raw`(?:${B0}(?<pre>from|between|From|Between)\s+)?${N0}${yr}`, "gu"))) {
    const g = m.groups!;
    const [s, e] = [m.index, m.index + m[0].length];
    if (!english(s)) continue;
    if ((g.w === "and") !== (g.pre?.toLowerCase() === "between")) continue;
    const y1 = Number(g.y1);
    const y2 = g.y2!.length === 2 ? Math.floor(y1 / 100) * 100 + Number(g.y2) : Number(g.y2);
    if (y2 <= y1 || y2 - y1 > 100 || y2 > 2100) continue;
    const before = scan.before(s);
    // Page ranges: "pp. 1990–1995", "12(2), 1343–1352".
    if (LABEL_BEFORE.test(before) || /(?:\)|\d)\s*,\s*$|:\s*$/.test(before) || QUANTITY_AFTER.test(scan.after(e))) continue;
    if (y1 < 1500) {
      if (y1 >= 1300) out.push({ start: s, end: e, kind: "range", confidence: 0.8, skip: "ambiguous-calendar" });
      continue;
    }
    const text = raw(s, e);
    const date = range(gregorian(y1, undefined, undefined, text)!, gregorian(y2, undefined, undefined, text)!, text);
    if (date) out.push({ start: s, end: e, kind: "range", confidence: g.pre || g.w ? 0.9 : 0.8, date });
  }

  // Decades: "the 1990s", "1990's", "early 2000s", "mid-1990s".
  for (const m of t.matchAll(new RegExp(String.raw`${B0}(?:(?<q>early|mid|late|Early|Mid|Late)[\s-]+)?(?<y>\d{3}0)['’]?s${B1}`, "gu"))) {
    const g = m.groups!;
    const [s, e] = [m.index, m.index + m[0].length];
    const y = Number(g.y);
    if (!english(s) || y < 1500 || y > 2090) continue;
    const q = g.q?.toLowerCase();
    const [a, b] = q === "early" ? [0, 3] : q === "mid" ? [4, 6] : q === "late" ? [7, 9] : [0, 9];
    out.push({ start: s, end: e, kind: "range", confidence: q ? 0.7 : 0.85, date: isoRange(String(y + a), String(y + b), "year", raw(s, e)) });
  }

  // Seasons (northern hemisphere, meteorological): "fall of 2007", "summer 2010", "winter of 2007–08".
  const SEASON: Record<string, [number, number]> = { spring: [3, 5], summer: [6, 8], fall: [9, 11], autumn: [9, 11] };
  for (const m of t.matchAll(new RegExp(String.raw`${B0}(?<s>spring|summer|fall|autumn|winter|Spring|Summer|Fall|Autumn|Winter)\s+(?:of\s+)?(?<y>\d{4})(?:\s*(?:–|—|-|/)\s*(?<y2>\d{4}|\d{2}))?${N1}`, "gu"))) {
    const g = m.groups!;
    const season = g.s!.toLowerCase();
    const y = Number(g.y);
    if (!english(m.index) || y < 1500 || y > 2100) continue;
    let end = m.index + m[0].length;
    let start: string;
    let last: string;
    let confidence = 0.85;
    if (season === "winter") {
      const y2 = g.y2 === undefined ? undefined : g.y2.length === 2 ? Math.floor(y / 100) * 100 + Number(g.y2) : Number(g.y2);
      if (y2 !== undefined && y2 !== y + 1) continue;
      // A winter named by one year is the one whose January and February fall in it.
      [start, last] = y2 === undefined ? [ym(y - 1, 12), ym(y, 2)] : [ym(y, 12), ym(y2, 2)];
      if (y2 === undefined) confidence = 0.6;
    } else {
      // "summer 2010-11" is no season: keep "summer 2010".
      if (g.y2 !== undefined) end = m.index + m[0].indexOf(g.y!) + 4;
      const [a, b] = SEASON[season]!;
      [start, last] = [ym(y, a), ym(y, b)];
    }
    out.push({ start: m.index, end, kind: "range", confidence, date: isoRange(start, last, "month", raw(m.index, end)) });
  }

  // Quarters and halves: "the first quarter of 2010", "Q3 2015", "the second half of 2012".
  const ORD: Record<string, number> = { first: 1, "1st": 1, second: 2, "2nd": 2, third: 3, "3rd": 3, fourth: 4, "4th": 4, last: 4, final: 4, latter: 2 };
  for (const m of t.matchAll(new RegExp(String.raw`${B0}(?:(?<n>first|second|third|fourth|last|final|latter|1st|2nd|3rd|4th|First|Second|Third|Fourth|Last|Final|Latter)\s+(?<u>quarter|half)\s+of\s+(?:the\s+year\s+)?|Q(?<q>[1-4])\s*[-/]?\s*|H(?<h>[12])\s+)(?<y>\d{4})${N1}`, "gu"))) {
    const g = m.groups!;
    const y = Number(g.y);
    if (!english(m.index) || y < 1500 || y > 2100) continue;
    const half = g.u === "half" || g.h !== undefined;
    let n = g.q ? Number(g.q) : g.h ? Number(g.h) : ORD[g.n!.toLowerCase()]!;
    if (half && n > 2) {
      if (g.n?.toLowerCase() !== "last" && g.n?.toLowerCase() !== "final") continue;
      n = 2;
    }
    const [a, b] = half ? [n * 6 - 5, n * 6] : [n * 3 - 2, n * 3];
    const [s, e] = [m.index, m.index + m[0].length];
    out.push({ start: s, end: e, kind: "range", confidence: 0.85, date: isoRange(ym(y, a), ym(y, b), "month", raw(s, e)) });
  }

  // Parts of a year: "early 2012" (January–April), "mid-2012" (May–August), "late 2012" (September–December),
  // "the beginning of 2012" (January–March), "the end of 2012" (October–December).
  for (const m of t.matchAll(new RegExp(String.raw`${B0}(?<q>early|mid|late|Early|Mid|Late|(?:the\s+)?(?:beginning|start|end)\s+of)[\s-]+(?:the\s+year\s+)?(?<y>\d{4})${N1}`, "gu"))) {
    const g = m.groups!;
    const y = Number(g.y);
    if (!english(m.index) || y < 1500 || y > 2100) continue;
    const q = g.q!.toLowerCase();
    const [a, b] = q === "early" ? [1, 4] : q === "mid" ? [5, 8] : q === "late" ? [9, 12] : /end/.test(q) ? [10, 12] : [1, 3];
    const [s, e] = [m.index, m.index + m[0].length];
    out.push({ start: s, end: e, kind: "range", confidence: 0.7, date: isoRange(ym(y, a), ym(y, b), "month", raw(s, e)) });
  }
  return out;
}
