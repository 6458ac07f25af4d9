// Persian date expressions: Solar Hijri and Gregorian month names in Persian, years with سال or a calendar marker,
// seasons and decades, with Persian or Arabic-Indic digits (the scan text has made them ASCII).
import { compileLexicon, findNamed, type Lexicon, type MonthCalendar } from "./grammar.js";
import type { Candidate } from "./types.js";
import { B0, N0, N1, gregorian, range, solarHijri, isoRange, ym, type ScanText } from "./utils.js";

const ZW = "\u200c";
const WS = String.raw`[\s${ZW}]`;

const SOLAR_HIJRI: string[][] = [
  ["فروردین"],
  ["اردیبهشت"],
  ["خرداد"],
  ["تیر"],
  ["مرداد", "امرداد"],
  ["شهریور"],
  ["مهر"],
  ["آبان"],
  ["آذر"],
  ["دی"],
  ["بهمن"],
  ["اسفند"],
];
const GREGORIAN: string[][] = [
  ["ژانویه", "ژانویهٔ", "ژانویۀ"],
  ["فوریه", "فوریهٔ"],
  ["مارس"],
  ["آوریل"],
  ["مه", "می"],
  ["ژوئن"],
  ["ژوئیه", "ژوییه", "جولای"],
  ["اوت", "آگوست", "اگوست"],
  ["سپتامبر"],
  ["اکتبر"],
  ["نوامبر"],
  ["دسامبر"],
];
const QAMARI: string[][] = [
  ["محرم"],
  ["صفر"],
  ["ربیع‌الاول", "ربیع الاول"],
  ["ربیع‌الثانی", "ربیع الثانی", "ربیع‌الآخر"],
  ["جمادی‌الاول", "جمادی الاول", "جمادی‌الاولی"],
  ["جمادی‌الثانی", "جمادی الثانی", "جمادی‌الآخر"],
  ["رجب"],
  ["شعبان"],
  ["رمضان"],
  ["شوال"],
  ["ذی‌القعده", "ذی القعده", "ذیقعده"],
  ["ذی‌الحجه", "ذی الحجه", "ذیحجه"],
];
const WEEKDAYS: Array<[string, number]> = [
  ["یکشنبه", 0], ["یک‌شنبه", 0], ["دوشنبه", 1], ["سه‌شنبه", 2], ["سه شنبه", 2], ["چهارشنبه", 3], ["پنجشنبه", 4], ["پنج‌شنبه", 4], ["جمعه", 5], ["شنبه", 6],
];

/** Calendar markers after a year: هـ.ش / ش / شمسی / خورشیدی, هـ.ق / ق / قمری, م / میلادی. */
const MARKER = String.raw`هجری${WS}+شمسی|هجری${WS}+خورشیدی|هجری${WS}+قمری|ه[ـ]?\.?${WS}?ش\.?|ه[ـ]?\.?${WS}?ق\.?|شمسی|خورشیدی|قمری|میلادی|ش\.?|ق\.?|م\.?`;
export function persianMarkerCalendar(mk: string): MonthCalendar | undefined {
  if (/شمسی|خورشیدی|ش/.test(mk)) return "solar-hijri";
  if (/قمری|ق/.test(mk)) return "hijri-qamari";
  if (/میلادی|م/.test(mk)) return "gregorian";
  return undefined;
}

function monthTable(): Map<string, { calendar: MonthCalendar; month: number }> {
  const t = new Map<string, { calendar: MonthCalendar; month: number }>();
  SOLAR_HIJRI.forEach((ws, i) => ws.forEach((w) => t.set(w, { calendar: "solar-hijri", month: i + 1 })));
  GREGORIAN.forEach((ws, i) => ws.forEach((w) => t.set(w, { calendar: "gregorian", month: i + 1 })));
  QAMARI.forEach((ws, i) => ws.forEach((w) => t.set(w, { calendar: "hijri-qamari", month: i + 1 })));
  return t;
}

export const PERSIAN: Lexicon = {
  months: monthTable(),
  abbreviations: new Set(),
  dayDigits: String.raw`\d{1,2}`,
  daySuffix: String.raw`(?:${ZW}?ام|${ZW}?م)?`,
  dayMonth: `${WS}+`,
  monthSuffix: String.raw`(?:${WS}*ماه)?`,
  monthYear: String.raw`${WS}*[،,]?${WS}*(?:سال${WS}+)?`,
  joiner: String.raw`${WS}*(?:–|—|-|تا|الی)${WS}*`,
  from: `${B0}از${WS}+`,
  between: `${B0}(?:بین|میان)${WS}+`,
  and: `${WS}+و${WS}+`,
  weekdays: new Map(WEEKDAYS),
  weekdaySep: String.raw`${WS}*[،,]?${WS}*`,
  monthFirst: false,
  marker: String.raw`(?:${WS}*(?<mk>${MARKER})(?![\p{L}]))?`,
  markerCalendar: persianMarkerCalendar,
};
const RULES = compileLexicon(PERSIAN);

/** Before a year: سال ("year"), سال‌های ("the years"). */
const STRONG_CUE = new RegExp(String.raw`(?:^|[^\p{L}])سال(?:${ZW}?ها(?:ی)?)?${WS}+$`, "u");
/** Before a year: در ("in"), از ("from"), تا ("until"), طی ("during"), پس از / بعد از ("after"), پیش از / قبل از ("before"). */
const WEAK_CUE = new RegExp(String.raw`(?:^|[^\p{L}])(?:در|از|تا|طی|اواخر|اوایل|اواسط|ابتدای|پایان|انقلاب|${"پس" + WS}+از|${"بعد" + WS}+از|${"پیش" + WS}+از|${"قبل" + WS}+از)${WS}+$`, "u");
/** Before a number: page, issue number, article, clause, resolution, principle, law. */
const LABEL_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}])(?:ص\.?|صفحه(?:${ZW}?ی)?|صص\.?|شماره(?:${ZW}?ی)?|ماده(?:${ZW}?ی)?|بند|قطعنامه(?:${ZW}?ی)?|اصل|قانون|کد|پلاک|جلد|ج\.)${WS}*$`, "u");
/** After a number: people, tonnes, kilometres, rials, dollars, percent, million, thousand, cases, units, years… */
// Whole words only (with a plural or ezafe ending): "۱۴۰۲ عضویت ایران" is a year before "membership", not 1,402 members.
const QUANTITY_AFTER = new RegExp(
  String.raw`^${WS}*(?:%|٪|سال(?![\p{L}${ZW}])|(?:نفر|تن|کیلومتر|متر|ریال|تومان|دلار|یورو|درصد|میلیون|میلیارد|هزار|عدد|مورد|واحد|صفحه|نسخه|کشور|حزب|ماه|روز|بشکه|رأی|رای|کرسی|عضو|سرباز|نیرو)(?:\u200c?(?:ها|های|هایی))?(?:ی)?(?![\p{L}\p{M}]))`,
  "u",
);

function yearValue(y: number, calendar: MonthCalendar | undefined, text: string) {
  if (calendar === "hijri-qamari") return "hijri-qamari" as const;
  if (calendar === "solar-hijri" || (calendar === undefined && y >= 1200 && y < 1500)) return solarHijri(y, undefined, undefined, text);
  if (y >= 1500 && y <= 2100) return gregorian(y, undefined, undefined, text);
  return undefined;
}

export function findPersian(scan: ScanText): Candidate[] {
  const out = findNamed(scan, PERSIAN, RULES);
  const t = scan.norm;
  const raw = (s: number, e: number) => scan.raw.slice(s, e);

  // Years: with a marker anywhere ("۱۳۹۸ ش"); on Persian lines also after a cue word, or bare (1300–1450).
  for (const m of t.matchAll(new RegExp(String.raw`${N0}(?<y>\d{4})${N1}(?:${WS}*(?<mk>${MARKER})(?![\p{L}]))?`, "gu"))) {
    const g = m.groups!;
    const [s, e] = [m.index, m.index + m[0].length];
    const y = Number(g.y);
    const persian = scan.isPersian(s);
    const before = scan.before(s);
    if (g.mk === undefined && !persian) continue;
    // "سال ۱۴۰۲ کشورهای عضو": after سال ("year") a number is a year whatever noun follows it.
    if (LABEL_BEFORE.test(before) || (g.mk === undefined && !STRONG_CUE.test(before) && QUANTITY_AFTER.test(scan.after(e)))) continue;
    let confidence = g.mk !== undefined ? 0.95 : STRONG_CUE.test(before) ? 0.85 : WEAK_CUE.test(before) ? 0.7 : 0.6;
    if (confidence === 0.6 && (y < 1300 || y > 1450)) continue;
    // A "م" right after a number is also the ordinal suffix: only read it as a marker after a plausible year.
    if (g.mk && /^م\.?$/.test(g.mk) && (y < 1500 || y > 2100)) continue;
    const value = yearValue(y, g.mk === undefined ? undefined : persianMarkerCalendar(g.mk), raw(s, e));
    if (value === "hijri-qamari") out.push({ start: s, end: e, kind: "point", confidence, skip: "hijri-qamari" });
    else if (value) out.push({ start: s, end: e, kind: "point", confidence, date: value });
  }

  // Year ranges on Persian lines: "۱۳۹۰-۱۳۹۵", "از ۱۳۹۰ تا ۱۳۹۵", "بین ۱۳۹۰ و ۱۳۹۵".
  const yr = String.raw`(?:(?<pre>از|بین|میان)${WS}+(?:سال${WS}+)?)?${N0}(?<y1>\d{4})${WS}*(?<j>–|—|-|تا|الی|و)${WS}*(?:سال${WS}+)?(?<y2>\d{4})${N1}(?:${WS}*(?<mk>${MARKER})(?![\p{L}]))?`;
  for (const m of t.matchAll(new RegExp(yr, "gu"))) {
    const g = m.groups!;
    const [s, e] = [m.index, m.index + m[0].length];
    if (!scan.isPersian(s) || (g.j === "و") !== (g.pre === "بین" || g.pre === "میان")) continue;
    if (LABEL_BEFORE.test(scan.before(s))) continue;
    const [y1, y2] = [Number(g.y1), Number(g.y2)];
    const cal = g.mk === undefined ? undefined : persianMarkerCalendar(g.mk);
    const a = yearValue(y1, cal, raw(s, e));
    const b = yearValue(y2, cal, raw(s, e));
    if (a === "hijri-qamari") out.push({ start: s, end: e, kind: "range", confidence: 0.8, skip: "hijri-qamari" });
    if (!a || !b || a === "hijri-qamari" || b === "hijri-qamari" || a.calendar !== b.calendar || y2 - y1 > 100) continue;
    const date = range(a, b, raw(s, e));
    if (date) out.push({ start: s, end: e, kind: "range", confidence: 0.85, date });
  }

  // Seasons: بهار (Farvardin–Khordad), تابستان (Tir–Shahrivar), پاییز (Mehr–Azar), زمستان (Dey–Esfand) of a Solar
  // Hijri year; with a Gregorian year, the northern meteorological seasons as in English.
  const SEASONS: Record<string, number> = { بهار: 1, تابستان: 4, پاییز: 7, پائیز: 7, زمستان: 10 };
  for (const m of t.matchAll(new RegExp(String.raw`${B0}(?<s>بهار|تابستان|پاییز|پائیز|زمستان)(?:${ZW}?ی)?${WS}+(?:سال${WS}+)?(?<y>\d{4})${N1}`, "gu"))) {
    const g = m.groups!;
    const [s, e] = [m.index, m.index + m[0].length];
    const y = Number(g.y);
    const first = SEASONS[g.s!]!;
    const text = raw(s, e);
    if (y >= 1200 && y < 1500) {
      const a = solarHijri(y, first, undefined, text);
      const b = solarHijri(y, first + 2, undefined, text);
      const date = a && b ? range(a, b, text, "month") : undefined;
      if (date) out.push({ start: s, end: e, kind: "range", confidence: 0.9, date });
    } else if (y >= 1500 && y <= 2100) {
      const [a, b] = first === 10 ? [ym(y - 1, 12), ym(y, 2)] : [ym(y, first + 2), ym(y, first + 4)];
      out.push({ start: s, end: e, kind: "range", confidence: first === 10 ? 0.6 : 0.85, date: isoRange(a, b, "month", text) });
    }
  }

  // Decades: "دهه ۱۳۶۰" (1360–1369 SH), "دهه ۶۰" (the Solar Hijri sixties), "دهه ۱۹۹۰" (1990–1999).
  for (const m of t.matchAll(new RegExp(String.raw`${B0}دهه(?:${ZW}?(?:ی|ٔ))?${WS}+(?<y>\d{2}|\d{4})${N1}(?:${WS}*(?<mk>${MARKER})(?![\p{L}]))?`, "gu"))) {
    const g = m.groups!;
    const [s, e] = [m.index, m.index + m[0].length];
    const y = g.y!.length === 2 ? 1300 + Number(g.y) : Number(g.y);
    if (y % 10 !== 0) continue;
    const text = raw(s, e);
    const cal = g.mk === undefined ? undefined : persianMarkerCalendar(g.mk);
    const a = yearValue(y, cal, text);
    const b = yearValue(y + 9, cal, text);
    if (!a || !b || a === "hijri-qamari" || b === "hijri-qamari") continue;
    const date = range(a, b, text, "year");
    if (date) out.push({ start: s, end: e, kind: "range", confidence: g.y!.length === 2 ? 0.7 : 0.85, date });
  }
  return out;
}
