// Helpers shared by the citations module: years in either calendar, name keys for matching, stable record keys.
import { asciiDigits, fromSolarHijri, normalizeName } from "@diplograph/model";
import type { CitedYear, PersonName } from "./types.js";

/** Solar Hijri years a modern source can cite: 1300 SH = 1921; 1420 SH = 2041. */
export const SH_MIN = 1300;
export const SH_MAX = 1420;

/** A year token: four Latin or Persian/Arabic-Indic digits and an optional a/b suffix. */
export const YEAR_SRC = "[12][0-9]{3}|[۱۲][۰-۹]{3}|[١٢][٠-٩]{3}";

export interface YearEvidence {
  /** Something says Solar Hijri: an SH marker, Persian script, "[in Persian]", an Iranian place of publication. */
  solarHijri?: boolean;
  /** Something says Gregorian: an AD/CE or «م» marker. */
  gregorian?: boolean;
}

/**
 * Read a year as cited ("2005a", "1377", "۱۳۷۷"). Years 1300–1420 are taken as Solar Hijri, marked ambiguous unless
 * the evidence or Persian digits confirm it; outside 1200–2099 nothing is a year.
 */
export function readYear(raw: string, evidence: YearEvidence = {}): CitedYear | undefined {
  const m = /^([0-9۰-۹٠-٩]{4})([a-z])?$/.exec(raw.trim());
  if (!m) return undefined;
  const value = Number(asciiDigits(m[1]!));
  const persianDigits = /[۰-۹٠-٩]/.test(m[1]!);
  let calendar: CitedYear["calendar"];
  let yearAmbiguous = false;
  if (evidence.gregorian) {
    calendar = "gregorian";
  } else if (value >= SH_MIN && value <= SH_MAX) {
    calendar = "solar-hijri";
    yearAmbiguous = !(evidence.solarHijri || persianDigits);
  } else if (value >= 1200 && value < SH_MIN && (evidence.solarHijri || persianDigits)) {
    calendar = "solar-hijri";
  } else if (value >= 1500 && value <= 2099) {
    calendar = "gregorian";
  } else if (value > SH_MAX && value < 1500) {
    // Neither a Solar Hijri year yet nor a likely Gregorian one: keep it, say so.
    calendar = "gregorian";
    yearAmbiguous = true;
  } else {
    return undefined;
  }
  const y: CitedYear = { original: raw.trim(), value, calendar, yearAmbiguous, gregorianYears: [], gregorian: { start: "", end: "" } };
  if (m[2]) y.suffix = m[2];
  if (calendar === "solar-hijri") {
    const d = fromSolarHijri(value);
    y.gregorian = { start: d.start, end: d.end! };
    y.gregorianYears = [Number(d.start.slice(0, 4)), Number(d.end!.slice(0, 4))];
  } else {
    y.gregorian = { start: `${value}-01-01`, end: `${value}-12-31` };
    y.gregorianYears = [value];
  }
  return y;
}

/** Whether two cited years can denote the same work's year: the same number, or a Solar Hijri year and a Gregorian one it overlaps. */
export function yearsMatch(a: CitedYear, b: CitedYear): "same" | "converted" | undefined {
  if (a.value === b.value) return "same";
  if (a.calendar === b.calendar) return undefined;
  const [sh, g] = a.calendar === "solar-hijri" ? [a, b] : [b, a];
  return sh.gregorianYears.includes(g.value) ? "converted" : undefined;
}

/** How far apart two years are, in Gregorian years (0 when they overlap). */
export function yearDistance(a: CitedYear, b: CitedYear): number {
  let best = Infinity;
  for (const x of a.gregorianYears) for (const y of b.gregorianYears) best = Math.min(best, Math.abs(x - y));
  return best;
}

/** Exact matching key of a name: case, diacritics, Persian/Arabic letter variants, spaces and hyphens folded. */
export function nameKey(name: string): string {
  return normalizeName(name).replace(/آ/g, "ا").replace(/[\s'’ʿʾ`-]+/g, "");
}

/**
 * A transliteration-tolerant key for Latin spellings of one Persian or Russian name (Ghasemi/Qasemi/Qassemi,
 * Firouzabadi/Firozabadi, Kayani/Kiani, Alexeev/Alekseev): consonant digraphs folded, vowels dropped, doubled letters
 * collapsed. Used only as a second chance after the exact key, and only together with the year.
 */
export function nameSkeleton(name: string): string {
  let s = nameKey(name);
  if (/[\u0600-\u06ff]/.test(s)) return s.replace(/[اوی]/g, "").replace(/(.)\1+/g, "$1");
  s = s
    .replace(/eh\b|ah\b/g, "e")
    .replace(/x/g, "ks")
    .replace(/ph/g, "f")
    .replace(/w/g, "v")
    .replace(/kh/g, "K")
    .replace(/gh|q|g/g, "Q")
    .replace(/sh/g, "S")
    .replace(/ch/g, "C")
    .replace(/zh/g, "J")
    .replace(/[aeiouy]/g, "")
    .replace(/(.)\1+/g, "$1");
  return s;
}

/** Levenshtein distance, for "near" suggestions only. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

const PERSIAN_TO_LATIN: Record<string, string> = {
  ا: "a", آ: "a", ب: "b", پ: "p", ت: "t", ث: "s", ج: "j", چ: "ch", ح: "h", خ: "kh", د: "d", ذ: "z", ر: "r", ز: "z",
  ژ: "zh", س: "s", ش: "sh", ص: "s", ض: "z", ط: "t", ظ: "z", ع: "", غ: "gh", ف: "f", ق: "gh", ک: "k", گ: "g", ل: "l",
  م: "m", ن: "n", و: "v", ه: "h", ی: "y", ئ: "y", ء: "",
};

/** ASCII letters for a key: Latin folded, Persian letters romanised letter by letter (for keys only, not for display). */
export function asciiKeyPart(s: string): string {
  const folded = normalizeName(s).replace(/آ/g, "ا");
  return [...folded]
    .map((c) => PERSIAN_TO_LATIN[c] ?? c)
    .join("")
    .normalize("NFKD")
    .replace(/[^a-z0-9]/g, "");
}

/** The name a record is filed under: family name, else the corporate name. */
export function filingName(p: PersonName | undefined): string | undefined {
  return p?.family ?? p?.literal;
}

/** Text with Persian and Arabic-Indic digits, Persian comma and semicolon made ASCII, for pattern matching (same length). */
export function asciiPunct(s: string): string {
  return asciiDigits(s).replace(/،/g, ",").replace(/؛/g, ";");
}

/** Whether a string holds Persian/Arabic script. */
export function isArabicScript(s: string): boolean {
  return /[\u0600-\u06ff]/.test(s);
}
