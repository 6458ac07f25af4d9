// In-text citations: "(Nye, 2005: 110)", "(Kohkan and Gorji, 2016; Nye 2005, p. 10)", "Nye (2005)", «(دهخدا، ۱۳۷۷: ۲۱۳۰۲)».
import { allIso3, countryName, parseDate } from "@diplograph/model";
import type { CitedYear, InTextCitation, Reference, Span } from "./types.js";
import { asciiPunct, isArabicScript, nameKey, readYear, YEAR_SRC } from "./utils.js";

const YEAR = `(?:${YEAR_SRC})[a-z]?`;
/** A locator: "110", "156–157", "146/15", "p. 110", "pp. 10-12, 15", "ch. 3", «ص. ۱۲». */
const LOC = String.raw`(?:(?:pp?\.|pages?|ch\.|chap\.|para\.|ص\.|صص\.?)\s*)?(?:\d+|[ivxlc]+)(?:\s*[-–—/]\s*\d+)*(?:\s*,\s*\d+(?:\s*[-–—]\s*\d+)?)*`;
const PART = new RegExp(String.raw`^(.*?)(?:,\s*|\s+)(${YEAR}|n\.\s?d\.)((?:\s*,\s*${YEAR})*)(?:\s*(?:[:,]\s*|\s+)(${LOC}))?\s*$`, "su");
/** "(Qasemi, Rokabadi, 30: 1396)": page and year swapped. */
const REVERSED = new RegExp(String.raw`^(.*?),\s*(\d{1,4}(?:\s*[-–]\s*\d+)?)\s*:\s*(${YEAR})\s*$`, "su");
const NARRATIVE_PAREN = new RegExp(String.raw`^\s*(${YEAR}|n\.\s?d\.)((?:\s*,\s*${YEAR})*)(?:\s*(?:[:,]\s*|\s+)(${LOC}))?\s*$`, "su");

const PARTICLES = new Set(["de", "van", "von", "der", "den", "al", "el", "bin", "ibn", "la", "le", "da", "di", "del", "dos", "du", "y", "ter"]);
/** Capitalised words that open sentences or clauses, never names. */
const STOP = new Set(
  `in according as the however while moreover also see for this these those both unlike like following after before since
  when where although though thus hence therefore indeed then here there further furthermore similarly likewise notably
  recently earlier later finally first second third meanwhile but and or nor yet so by from to with without within among
  between against through during per via its their his her our your my a an some many most several each every no not only
  even just such other another same cf e.g compare contra it we they he she i what which who why how if unless until once
  consequently accordingly nevertheless nonetheless besides additionally specifically particularly conversely instead`
    .split(/\s+/)
    .filter(Boolean),
);
/** Words before a name that make it part of a noun phrase ("the Treaty of Lisbon (2007)"), not an author. */
const NOUN_PHRASE_BEFORE = new Set(["of", "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"]);

let countryNames: Set<string> | undefined;
function isCountry(name: string): boolean {
  countryNames ??= new Set(allIso3().flatMap((c) => [countryName(c, "en"), countryName(c, "fa")].filter((x): x is string => !!x).map(nameKey)));
  return countryNames.has(nameKey(name));
}

function isMonth(word: string, year: string): boolean {
  try {
    parseDate(`${word} ${asciiPunct(year).replace(/[a-z]$/, "")}`);
    return true;
  } catch {
    return false;
  }
}

interface Token {
  text: string;
  start: number;
  end: number;
}

interface NameScan {
  start: number;
  names: string[];
  etAl: boolean;
}

const isNameWord = (w: string) => /^\p{Lu}[\p{L}\p{M}'’.\-]*$/u.test(w) || isArabicScript(w);

/**
 * Read the author names that end `before` (which ends just before the year): "Nye", "Kohkan and Gorji",
 * "Amiri, Kiani" (lists with commas only inside a parenthesis), "Smith, Jones, and Brown", "Nye et al.".
 */
function scanNames(before: string, allowComma: boolean): NameScan | undefined {
  const tokens: Token[] = [...before.matchAll(/et\s+al\.?|و\s+همکاران|[\p{L}\p{M}'’.\-\u200c]+|[,&،]|\S/gu)].map((m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
  let i = tokens.length - 1;
  let etAl = false;
  if (i >= 0 && /^(?:et\s+al\.?|و\s+همکاران)$/u.test(tokens[i]!.text)) {
    etAl = true;
    i--;
  }
  const names: Array<{ words: Token[] }> = [];
  let cur: Token[] = [];
  let commaBeforeAnd = false;
  let start = -1;
  for (; i >= 0; i--) {
    const t = tokens[i]!;
    const w = t.text.replace(/['’]s$/, "");
    // Inside a parenthesis a lower-case word between capitalised ones belongs to the name ("Asarian nejad").
    const inner = allowComma && /^\p{Ll}{3,}$/u.test(w) && !STOP.has(w) && i > 0 && isNameWord(tokens[i - 1]!.text);
    if (w !== "و" && (isNameWord(w) || (cur.length > 0 && PARTICLES.has(w.toLowerCase())) || inner)) {
      if (cur.length >= 4) break;
      cur.unshift({ ...t, text: w });
      continue;
    }
    if (cur.length === 0) break;
    const sep = /^(?:and|&|و)$/iu.test(t.text) ? "and" : t.text === "," || t.text === "،" ? "comma" : undefined;
    if (!sep) break;
    if (sep === "comma" && !allowComma && !commaBeforeAnd) break;
    // A particle cannot open a name.
    while (cur.length && PARTICLES.has(cur[0]!.text.toLowerCase())) cur.shift();
    names.unshift({ words: cur });
    start = cur[0]!.start;
    cur = [];
    commaBeforeAnd = sep === "and" && i > 0 && tokens[i - 1]!.text === ",";
    if (sep === "and" && i > 0 && tokens[i - 1]!.text === ",") {
      // "Smith, Jones, and Brown": the comma before "and" is part of the separator.
      i--;
      commaBeforeAnd = true;
    }
  }
  if (cur.length) {
    while (cur.length && PARTICLES.has(cur[0]!.text.toLowerCase())) cur.shift();
    // Sentence openers glued to the first name ("According", "See", "In").
    while (cur.length > 1 && STOP.has(cur[0]!.text.toLowerCase().replace(/\.$/, ""))) cur.shift();
    if (cur.length && !STOP.has(cur[0]!.text.toLowerCase())) {
      names.unshift({ words: cur });
      start = cur[0]!.start;
    }
  }
  if (names.length === 0) return undefined;
  const out = names.map((n) => n.words.map((w) => w.text).join(" "));
  // Every name ends with a capitalised (or Persian) word, and has at least one letter word longer than an initial.
  if (out.some((n) => !/(?:\p{Lu}[\p{L}\p{M}'’-]+|[\u0600-\u06ff\u200c]{2,})$/u.test(n) && !(allowComma && /^\p{Lu}[\p{L}\p{M}'’-]+\s/u.test(n)))) {
    return undefined;
  }
  return { start, names: out, etAl };
}

export interface FindCitationsOptions {
  /** Spans to leave out (the references list itself); by default the spans of `references`. */
  exclude?: Span[];
}

/**
 * Find the author–year citations in a text: parenthetical ("(Nye, 2005: 110)", several per parenthesis separated by
 * ";", "(see Nye 2005, p. 10)"), narrative ("Nye (2005)", "Kohkan and Gorji (2016: 121)"), with Persian digits and
 * Persian names, years with a/b suffixes, and Solar Hijri years. Dates ("(28 Dey 1403)", "(Brazil, June 2025)"), bare
 * years ("(2006)" with no name before it), acronyms ("(APA)") and ranges ("(1991–1995)") are not citations.
 * With `references`, the list's own text is skipped and Persian-script narrative citations are recognised by the
 * names the list holds.
 */
export function findInTextCitations(text: string, references?: Reference[], options: FindCitationsOptions = {}): InTextCitation[] {
  const a = asciiPunct(text);
  const exclude = options.exclude ?? (references?.length ? [{ start: Math.min(...references.map((r) => r.start)), end: Math.max(...references.map((r) => r.end)) }] : []);
  const excluded = (at: number) => exclude.some((s) => at >= s.start && at < s.end);
  const persianKeys = new Set((references ?? []).flatMap((r) => r.authors.map((p) => p.family ?? p.literal ?? "")).filter(isArabicScript).map(nameKey));
  const out: InTextCitation[] = [];

  for (const m of a.matchAll(/\(([^()]{4,400})\)/gu)) {
    const open = m.index;
    if (excluded(open)) continue;
    const group = { start: open, end: open + m[0].length };
    const inner = m[1]!;
    const innerStart = open + 1;
    const nar = NARRATIVE_PAREN.exec(inner);
    if (nar) {
      const c = narrative(text, a, open, group, nar, persianKeys);
      out.push(...c);
      continue;
    }
    let offset = 0;
    for (const rawPart of inner.split(";")) {
      const partStart = innerStart + offset + (rawPart.length - rawPart.trimStart().length);
      offset += rawPart.length + 1;
      const part = rawPart.trim();
      if (part.length < 6) continue;
      out.push(...parenthetical(text, part, partStart, group));
    }
  }
  return out.sort((x, y) => x.start - y.start);
}

function years(first: string, more: string | undefined, solarHijri: boolean): Array<{ raw: string; year: CitedYear }> {
  const raws = [first, ...(more ?? "").split(",").map((s) => s.trim()).filter(Boolean)];
  return raws.flatMap((raw) => {
    const y = readYear(raw, { solarHijri });
    return y ? [{ raw, year: y }] : [];
  });
}

/** One part of a parenthesis: "Nye, 2005: 110", "see Kohkan and Gorji 2016, p. 121". */
function parenthetical(text: string, part: string, partStart: number, group: Span): InTextCitation[] {
  const warnings: string[] = [];
  let before: string;
  let firstYear: string;
  let moreYears: string | undefined;
  let locator: string | undefined;
  const rev = REVERSED.exec(part);
  const m = PART.exec(part);
  if (rev && readYear(rev[2]!) === undefined) {
    [, before, locator, firstYear] = rev as unknown as [string, string, string, string];
    warnings.push(`page and year appear swapped: "${rev[2]}: ${rev[3]}" read as year ${rev[3]}, page ${rev[2]}`);
  } else if (m) {
    [, before, firstYear, moreYears, locator] = m as unknown as [string, string, string, string | undefined, string | undefined];
  } else {
    return [];
  }
  if (/^n\.\s?d\.$/.test(firstYear)) return [];
  const scan = scanNames(before, true);
  if (!scan) return [];
  const prefix = before.slice(0, scan.start).trim().replace(/,$/, "");
  // A prefix that ends in a capitalised word means the names did not end the prefix cleanly (a title, a place).
  // A prefix ending in a capitalised word, a digit or a separator means the names were cut short: not a citation.
  if (prefix && (/\p{Lu}[\p{L}]*$/u.test(prefix) || /\d/.test(prefix) || /(?:\band|&|و)$/u.test(prefix))) return [];
  const lastName = scan.names[scan.names.length - 1]!;
  if (isMonth(lastName.split(/\s+/).pop()!, firstYear)) return [];
  const solarHijri = isArabicScript(part);
  const ys = years(firstYear, moreYears, solarHijri);
  const out: InTextCitation[] = [];
  ys.forEach(({ raw, year }, k) => {
    let start: number;
    let end: number;
    if (k === 0) {
      start = partStart + scan.start;
      const yAt = part.indexOf(raw, scan.start);
      end = ys.length > 1 ? partStart + yAt + raw.length : partStart + part.length;
    } else {
      const yAt = part.indexOf(raw, part.indexOf(ys[k - 1]!.raw) + ys[k - 1]!.raw.length);
      start = partStart + yAt;
      end = k === ys.length - 1 ? partStart + part.length : start + raw.length;
    }
    const yAt = part.indexOf(raw, k === 0 ? scan.start : start - partStart);
    year.original = text.slice(partStart + yAt, partStart + yAt + raw.length);
    const c: InTextCitation = {
      start,
      end,
      text: text.slice(start, end),
      kind: "parenthetical",
      group,
      authors: scan.names,
      etAl: scan.etAl,
      year,
      warnings: [...warnings],
    };
    if (locator && k === ys.length - 1) c.locator = text.slice(partStart + part.lastIndexOf(locator), partStart + part.lastIndexOf(locator) + locator.length);
    if (prefix) c.prefix = prefix;
    if (year.yearAmbiguous) c.warnings.push(`year ${year.original} read as Solar Hijri (${year.gregorianYears.join("–")}) without a marker`);
    out.push(c);
  });
  return out;
}

/** "Nye (2005)", "Kohkan and Gorji (2016: 121)", "Nye et al. (2005a, 2005b)". */
function narrative(text: string, a: string, open: number, group: Span, m: RegExpExecArray, persianKeys: Set<string>): InTextCitation[] {
  const from = Math.max(0, open - 160);
  const before = a.slice(from, open);
  let scan = scanNames(before.replace(/\s+$/, ""), false);
  if (scan && scan.names.some(isArabicScript)) {
    // Persian script has no capitals: take the last one to three words only when the references list names them.
    scan = undefined;
    const words = [...before.matchAll(/[\u0600-\u06ff\u200c]+/gu)];
    for (let n = Math.min(3, words.length); n >= 1; n--) {
      const ws = words.slice(words.length - n);
      const name = ws.map((w) => w[0]).join(" ");
      if (persianKeys.has(nameKey(name)) && before.slice(ws[ws.length - 1]!.index + ws[ws.length - 1]![0].length).trim() === "") {
        scan = { start: ws[0]!.index, names: [name], etAl: false };
        break;
      }
    }
  }
  if (!scan) return [];
  // The name must reach up to the parenthesis.
  const last = before.slice(scan.start).replace(/\s+$/, "");
  if (!last) return [];
  const prevWord = /([\p{L}]+)[\s,]*$/u.exec(before.slice(0, scan.start));
  if (prevWord && NOUN_PHRASE_BEFORE.has(prevWord[1]!.toLowerCase())) return [];
  const first = scan.names[0]!;
  if (scan.names.length === 1 && (/^\p{Lu}{2,}$/u.test(first) || isCountry(first) || isMonth(first.split(/\s+/).pop()!, m[1]!))) return [];
  const solarHijri = isArabicScript(scan.names.join(" "));
  const ys = years(m[1]!, m[2], solarHijri);
  const start = from + scan.start;
  const end = group.end;
  let from2 = open;
  return ys.map(({ raw, year }, k) => {
    const yAt = a.indexOf(raw, from2);
    if (yAt >= 0 && yAt < group.end) {
      year.original = text.slice(yAt, yAt + raw.length);
      from2 = yAt + raw.length;
    }
    const c: InTextCitation = {
      start,
      end,
      text: text.slice(start, end),
      kind: "narrative",
      group: { start, end },
      authors: scan.names,
      etAl: scan.etAl,
      year,
      warnings: [],
    };
    if (m[3] && k === ys.length - 1) {
      const at = a.lastIndexOf(m[3], group.end);
      c.locator = at > open ? text.slice(at, at + m[3].length) : m[3];
    }
    if (year.yearAmbiguous) c.warnings.push(`year ${year.original} read as Solar Hijri (${year.gregorianYears.join("–")}) without a marker`);
    return c;
  });
}
