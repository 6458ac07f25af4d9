// References lists: find the section, cut it into entries, and parse each entry into a bibliographic record.
import { parseAuthors } from "./names.js";
import type { CitedYear, PersonName, Reference, ReferenceEntry, ReferencesSection, ReferenceType } from "./types.js";
import { asciiKeyPart, asciiPunct, filingName, isArabicScript, readYear, YEAR_SRC, type YearEvidence } from "./utils.js";

const HEADING =
  /^(?:references?|reference list|list of references|bibliography|select(?:ed)? bibliography|works cited|literature cited|literature|sources|sources and references|references and notes|(?:persian|english|foreign|latin|arabic|russian|non-persian)\s+(?:references|sources)|منابع|فهرست منابع|کتابنامه|کتاب‌نامه|منابع و مآخذ|فهرست منابع و مآخذ|مآخذ|مراجع|منابع فارسی|منابع انگلیسی|منابع لاتین|منابع عربی|منابع خارجی)$/iu;
/** A heading that closes a references list. */
const END_HEADING =
  /^(?:appendix|appendices|annex|notes|endnotes|footnotes|acknowledge?ments?|about the authors?|author biograph(?:y|ies)|biographical note|پیوست|پیوست‌ها|یادداشت‌ها|پی‌نوشت‌ها|پی‌نوشت|سپاسگزاری|تشکر و قدردانی)\b/iu;

/** What decorates a heading line: markdown hashes and emphasis, a section number, a sub-list letter («الف)», "a)"). */
function headingText(line: string): string {
  return line
    .trim()
    .replace(/^#+\s*/, "")
    .replace(/^\*\*?|\*\*?$/g, "")
    .replace(/^(?:\d+(?:\.\d+)*\.?|[IVX]+\.|[a-h]\)|[الفبجد]+\))\s*/u, "")
    .replace(/[:：]\s*$/, "")
    .trim();
}

interface Line {
  start: number;
  end: number;
  text: string;
}

function lines(text: string, from = 0, to = text.length): Line[] {
  const out: Line[] = [];
  let i = from;
  while (i < to) {
    let j = text.indexOf("\n", i);
    if (j < 0 || j > to) j = to;
    const end = j > i && text[j - 1] === "\r" ? j - 1 : j;
    out.push({ start: i, end, text: text.slice(i, end) });
    i = j + 1;
  }
  return out;
}

const MARKER = /^(\s*)(?:([-*•▪●◦–])\s+|\[(\d{1,4})\]\s*|(\d{1,4})[.)]\s+|([۰-۹٠-٩]{1,4})\s*[.)\-–]\s*)/u;
const YEAR_NEAR = new RegExp(`(?:^|[^0-9])(?:${YEAR_SRC})(?:[a-z])?(?![0-9])|n\\.\\s?d\\.|بی‌?تا`, "u");
/** The start of an entry that begins with a name: "Nye, J. S.", "García Pérez de León, C.", «دهخدا، علی‌اکبر», "World Bank. (2020)". */
const AUTHOR_START =
  /^(?:\p{Lu}[\p{L}\p{M}'’-]*\.?(?:\s+(?:\p{Lu}[\p{L}\p{M}'’-]*|de|van|von|der|den|al|el|bin|ibn|la|le|da|di|del|dos|y)){0,5},\s+\p{Lu}|[\p{Script=Arabic}\u200c ]{2,60}[،,]\s|[^.()]{2,80}[.,]?\s*\((?:[0-9۰-۹]{4}|n\.\s?d\.))/u;

/**
 * Locate the references list: the last heading among the known ones ("References", "Bibliography", "Works Cited",
 * "Sources", «منابع», «فهرست منابع», «کتابنامه» …) followed by entries, up to a closing heading ("Appendix",
 * "Notes" …) or the end of the text. Entries are cut by bullets or numbers, blank lines, and, in a dense block, by
 * hanging indents and lines that start with a name; wrapped lines are joined to their entry.
 */
export function findReferencesSection(text: string): ReferencesSection | undefined {
  const all = lines(text);
  let best: ReferencesSection | undefined;
  let bestScore = 0;
  for (let i = 0; i < all.length; i++) {
    const l = all[i]!;
    if (l.text.trim().length > 60) continue;
    const h = headingText(l.text);
    if (!HEADING.test(h)) continue;
    // The section runs to a closing heading or the end.
    let endLine = all.length;
    for (let k = i + 1; k < all.length; k++) {
      const t = all[k]!.text.trim();
      if (t.length <= 60 && END_HEADING.test(headingText(t))) {
        endLine = k;
        break;
      }
    }
    const body = all.slice(i + 1, endLine);
    const entries = splitEntries(text, body);
    const score = entries.filter((e) => YEAR_NEAR.test(asciiPunct(e.text))).length;
    if (score > 0 && score >= bestScore) {
      bestScore = score;
      const trimmedStart = l.start + (l.text.length - l.text.trimStart().length);
      const last = entries[entries.length - 1];
      best = {
        start: trimmedStart,
        end: last ? last.end : l.end,
        heading: l.text.trim(),
        headingSpan: { start: trimmedStart, end: trimmedStart + l.text.trim().length },
        entries,
      };
    }
  }
  return best;
}

const indentOf = (s: string) => s.length - s.trimStart().length;

/** Cut the lines of a references section into entries. */
export function splitEntries(text: string, body: Line[]): ReferenceEntry[] {
  const out: ReferenceEntry[] = [];
  let cur: (ReferenceEntry & { indent: number; marked: boolean }) | undefined;
  let prev: Line | undefined;
  let blankBefore = true;
  const flush = () => {
    if (cur) out.push({ start: cur.start, end: cur.end, text: text.slice(cur.start, cur.end), ...(cur.label ? { label: cur.label } : {}) });
    cur = undefined;
  };
  for (const l of body) {
    const t = l.text.trim();
    if (t === "") {
      blankBefore = true;
      continue;
    }
    // Page numbers and sub-headings («منابع فارسی», "English references") inside the list.
    if (/^\d{1,4}$/.test(t) || (t.length <= 60 && HEADING.test(headingText(t)))) {
      flush();
      blankBefore = true;
      continue;
    }
    const m = MARKER.exec(l.text);
    const markerLen = m ? m[0].length : indentOf(l.text);
    const label = m ? (m[3] ?? m[4] ?? m[5]) : undefined;
    const isNew = m !== null || blankBefore || !cur || (!cur.marked && startsEntry(l, prev!, cur.indent));
    if (isNew) {
      flush();
      const start = l.start + markerLen;
      cur = { start, end: l.start + l.text.trimEnd().length, text: "", indent: indentOf(l.text), marked: m !== null };
      if (label) cur.label = label;
    } else {
      cur!.end = l.start + l.text.trimEnd().length;
    }
    prev = l;
    blankBefore = false;
  }
  flush();
  return out.filter((e) => e.text.trim().length > 1);
}

/** In a block with neither bullets nor blank lines: does this line start a new entry, or continue the one before? */
function startsEntry(l: Line, prev: Line, firstIndent: number): boolean {
  const t = l.text;
  if (indentOf(t) > firstIndent) return false; // hanging indent
  const p = prev.text.trimEnd();
  if (/[-‐,:;&]$|\b(?:and|in|of|the|et)$/i.test(p)) return false;
  const s = t.trim();
  if (/^[\p{Ll}\d(<[]/u.test(s) || /^(?:https?:|doi)/i.test(s)) return false;
  const head = asciiPunct(s.slice(0, 140));
  if (AUTHOR_START.test(s) && YEAR_NEAR.test(head)) return true;
  return /[.>)]$/.test(p) && AUTHOR_START.test(s);
}

// ——— Parsing one entry ———

const QUOTE = /["“”]([^"“”]{3,}?)["“”]|«([^«»]{2,}?)»/u;
/** Places of publication, which a comma-separated entry can give without a colon ("…", Qom, 15th of Khordad). */
const CITY =
  /^(?:New York|London|Oxford|Cambridge|Boston|Chicago|Washington(?:,? D\.?C\.?)?|Paris|Berlin|Moscow|Minsk|Saint Petersburg|Tehran|Qom|Mashhad|Isfahan|Shiraz|Tabriz|Beirut|Cairo|Istanbul|Ankara|Geneva|Brussels|Vienna|Singapore|Beijing|New Delhi|تهران|قم|مشهد)$/iu;
const IRAN_PLACE = /\b(?:Tehran|Teheran|Qom|Qum|Mashhad|Isfahan|Esfahan|Shiraz|Tabriz)\b|تهران|قم|مشهد|اصفهان|شیراز|تبریز/iu;
const LANGUAGE_NOTE = /\[\s*in\s+(Persian|Farsi|Russian|Arabic|English|French|German|Turkish|Chinese)\s*\]\.?|\((?:in\s+)?(Persian|Farsi|Russian|Arabic)\)\.?/i;
const LANG_CODES: Record<string, string> = { persian: "fa", farsi: "fa", russian: "ru", arabic: "ar", english: "en", french: "fr", german: "de", turkish: "tr", chinese: "zh" };
const ABBREV_BEFORE_DOT = /(?:^|[\s(])(?:\p{Lu}\p{Ll}?|vol|no|nos|pp?|ed|eds|trans|dr|st|mr|mrs|ms|jr|sr|al|e\.g|i\.e|cf|vs|ch|u\.s|u\.k|inc|ltd|co|rev|ibid)$/iu;

/** Blank out a stretch (same length, so positions hold). */
const blank = (s: string, from: number, to: number) => s.slice(0, from) + " ".repeat(to - from) + s.slice(to);

/** The first sentence end in `s` from `from`: a period, question or exclamation mark before a space or the end, not after an abbreviation or initial. */
function sentenceEnd(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c !== "." && c !== "?" && c !== "!") continue;
    if (i + 1 < s.length && !/\s/.test(s[i + 1]!)) continue;
    if (c === "." && ABBREV_BEFORE_DOT.test(s.slice(Math.max(from, i - 6), i))) continue;
    return i;
  }
  return s.length;
}

const clean = (s: string | undefined) => {
  const t = (s ?? "")
    .replace(/\s+/g, " ")
    .replace(/^[\s,.;:)\]]+|[\s,;:([]+$/g, "")
    .replace(/(?<![A-Z\p{Lu}]|\b\p{Lu}\p{Ll})\.$/u, "")
    .trim();
  return t === "" ? undefined : t;
};
const unquote = (s: string | undefined) => clean(s?.replace(/^["“”«]+|["“”»]+$/g, ""));

interface YearHit {
  index: number;
  end: number;
  raw: string;
  marker?: string;
}

/** The year that follows the authors: "(2005)", "(2005a)", "(۱۳۷۷)", "(1377 SH)", ". 2004." (Chicago), else the last year. */
function findYear(a: string): { hit?: YearHit; style: "paren" | "after-authors" | "end" | "none" } {
  const paren = new RegExp(
    `\\(\\s*((?:${YEAR_SRC})[a-z]?|n\\.\\s?d\\.|بی‌?تا|in press|forthcoming)(?:\\s*(SH|AP|HS|ه\\.?\\s?ش\\.?|ش|AD|CE|م))?(?:\\s*[,/]\\s*[^()]{0,30})?\\s*\\)`,
    "iu",
  ).exec(a);
  const quote = QUOTE.exec(a);
  if (paren && (!quote || paren.index < quote.index || paren.index < 200)) {
    return { hit: { index: paren.index, end: paren.index + paren[0].length, raw: paren[1]!, marker: paren[2] }, style: "paren" };
  }
  const after = new RegExp(`(?:^|[.,]\\s+)((?:${YEAR_SRC})[a-z]?)(?:\\s*(SH|AD))?[.,](?=\\s|$)`, "u").exec(a);
  if (after && after.index < 160 && (!quote || after.index < quote.index)) {
    const at = after.index + after[0].indexOf(after[1]!);
    return { hit: { index: at, end: after.index + after[0].length, raw: after[1]!, marker: after[2] }, style: "after-authors" };
  }
  const anyYear = new RegExp(`(?<![0-9\\-–/])((?:${YEAR_SRC})[a-z]?)(?:\\s*(SH|AD|ش|م))?(?![0-9\\-–])`, "gu");
  let last: RegExpExecArray | undefined;
  for (const m of a.matchAll(anyYear)) last = m;
  if (last) return { hit: { index: last.index, end: last.index + last[0].length, raw: last[1]!, marker: last[2] }, style: "end" };
  return { style: "none" };
}

/** Where the authors stop when no year follows them: the first sentence end that is not an initial's period. */
function authorsEnd(a: string): number {
  const i = sentenceEnd(a, 0);
  const seg = a.slice(0, i);
  // Names have commas, "and" or initials; a title-first entry ("Holy Quran") has none of these.
  if (i >= a.length || seg.length > 200 || !/,|\band\b|&|\p{Lu}\./u.test(seg)) return -1;
  return i;
}

export interface ParseReferenceOptions {
  /** Solar Hijri evidence from the rest of the list (e.g. other entries in Persian); see `parseReferences`. */
  solarHijriContext?: boolean;
}

/**
 * Parse one references-list entry (APA-like, Chicago-like, comma-separated Persian-transliterated, numbered and
 * Persian-script styles) into a bibliographic record. A string is parsed with offsets from 0; an entry from
 * `findReferencesSection` keeps its offsets into the document.
 */
export function parseReference(input: string | ReferenceEntry, options: ParseReferenceOptions = {}): Reference {
  let entry: ReferenceEntry = typeof input === "string" ? { start: 0, end: input.length, text: input } : input;
  const marker = MARKER.exec(entry.text);
  if (marker) {
    const label = marker[3] ?? marker[4] ?? marker[5];
    entry = { start: entry.start + marker[0].length, end: entry.end, text: entry.text.slice(marker[0].length), ...(label ? { label } : {}) };
  }
  const warnings: string[] = [];
  // One line, hyphenation at line ends undone, markdown emphasis noted then dropped, « » around the whole entry dropped.
  let s = entry.text
    .replace(/(\p{Ll})[-‐]\s*\n\s*(?=\p{Ll})/gu, "$1")
    .replace(/\s+/g, " ")
    .trim();
  if (/^«[^«»]+»$/u.test(s)) s = s.slice(1, -1).trim();
  const italics: string[] = [];
  s = s.replace(/\*\*?([^*]+?)\*\*?|(?<![\p{L}\d])_([^_]+)_(?![\p{L}\d])/gu, (_m, a: string | undefined, b: string | undefined) => {
    italics.push((a ?? b)!.trim());
    return (a ?? b)!;
  });
  let a = asciiPunct(s);

  // Identifiers and notes out first, so that their digits are not read as years or pages.
  let doi: string | undefined;
  let url: string | undefined;
  const doiM = /(?:https?:\/\/(?:dx\.)?doi\.org\/|\bdoi:\s*)?\b(10\.\d{4,9}\/[^\s<>"]+)/i.exec(a);
  if (doiM) {
    doi = doiM[1]!.replace(/[.,;)\]>]+$/, "");
    a = blank(a, doiM.index, doiM.index + doiM[0].length);
  }
  const urlM = /(?:(?:Retrieved|Available)\s+(?:from|at):?\s*)?((?:https?:\/\/|www\.)[^\s<>"]+)/i.exec(a);
  if (urlM) {
    url = urlM[1]!.replace(/[.,;)\]>]+$/, "");
    a = blank(a, urlM.index, urlM.index + urlM[0].length);
  }
  a = a.replace(/<\s*>|[<>]/g, (m) => " ".repeat(m.length)).replace(/\b(?:Accessed|Retrieved)\s+(?:on\s+)?[^.]{3,30}\./gi, (m) => " ".repeat(m.length));
  if (/\bdoi:\s*$/i.test(a.trimEnd())) a = a.replace(/\bdoi:\s*$/i, (m) => " ".repeat(m.length));
  let language: string | undefined;
  const langM = LANGUAGE_NOTE.exec(a);
  if (langM) {
    language = LANG_CODES[(langM[1] ?? langM[2])!.toLowerCase()];
    a = blank(a, langM.index, langM.index + langM[0].length);
  }
  const persianScript = isArabicScript(s) && (s.match(/[\u0600-\u06ff]/g)?.length ?? 0) > s.length / 4;
  if (!language && persianScript) language = "fa";

  // The year, and the authors before it.
  const { hit, style } = findYear(a);
  let authorsSeg = "";
  let restFrom = 0;
  const quote = QUOTE.exec(a);
  if (hit && style !== "end") {
    authorsSeg = a.slice(0, hit.index);
    restFrom = hit.end;
    if (quote && quote.index < hit.index) {
      authorsSeg = a.slice(0, quote.index);
      restFrom = quote.index;
    }
  } else if (quote) {
    authorsSeg = a.slice(0, quote.index);
    restFrom = quote.index;
  } else {
    const e = authorsEnd(a);
    if (e > 0) {
      authorsSeg = a.slice(0, e);
      restFrom = e + 1;
    }
  }
  // A title before the year: "Soft Power (2004)"? Names are short; a long comma-free segment is a title.
  const parsedAuthors = parseAuthors(s.slice(0, authorsSeg.length).replace(/[\s(,]+$/, ""));

  // The year's calendar, with the evidence the entry gives.
  const evidence: YearEvidence = {
    solarHijri:
      options.solarHijriContext === true ||
      language === "fa" ||
      IRAN_PLACE.test(a) ||
      (hit?.marker !== undefined && /^(SH|AP|HS|ه|ش)/iu.test(hit.marker)),
    gregorian: hit?.marker !== undefined && /^(AD|CE|م)$/iu.test(hit.marker),
  };
  let year: CitedYear | undefined;
  if (hit && /\d/.test(asciiPunct(hit.raw))) {
    year = readYear(hit.raw, evidence);
    // Keep the year as written (Persian digits included).
    if (year) {
      const origIdx = a.indexOf(hit.raw, hit.index);
      if (origIdx >= 0) year.original = s.slice(origIdx, origIdx + hit.raw.length);
      if (year.yearAmbiguous) warnings.push(`year ${year.original} read as Solar Hijri (${year.gregorianYears.join("–")}) without a marker`);
    }
  } else if (!hit) {
    warnings.push("no year");
  }

  // The rest: title, then container, publisher, volume, issue, pages.
  const rest = a.slice(restFrom);
  const restOrig = s.slice(restFrom);
  let title: string | undefined;
  let tail = "";
  const q = QUOTE.exec(rest);
  const restTrim = rest.replace(/^[\s.,:;)]+/, "");
  const lead = rest.length - restTrim.length;
  const italicFirst = italics.find((it) => restTrim.startsWith(it));
  if (q && q.index - lead < 5) {
    title = unquote(restOrig.slice(q.index, q.index + q[0].length));
    tail = rest.slice(q.index + q[0].length);
  } else if (italicFirst) {
    title = clean(restOrig.slice(lead, lead + italicFirst.length));
    tail = rest.slice(lead + italicFirst.length);
  } else if (restTrim !== "") {
    let e = sentenceEnd(rest, lead);
    const commaStyle = hit?.end !== undefined && /^\s*,/.test(a.slice(hit.end)) && style === "paren";
    if (commaStyle && !q) {
      // "(2018), Title, Publisher Institution": the last comma part naming an institution is the publisher.
      const segs = rest.slice(lead, e).split(/,\s+/);
      const orgAt = segs.findIndex((x, i) => i > 0 && /\b(?:Department|Center|Centre|University|Publications?|Press|Institute|Office|Organization|Publishing)\b/.test(x));
      if (orgAt > 0) e = lead + segs.slice(0, orgAt).join(", ").length;
    }
    // A sentence end inside a subtitle ("Title? Subtitle.") keeps the question mark in the title.
    const keep = rest[e] === "?" || rest[e] === "!" ? 1 : 0;
    title = clean(restOrig.slice(lead, e + keep));
    tail = rest.slice(e + keep);
  }
  if (q && title === undefined) title = unquote(q[1] ?? q[2]);
  // "Title (Doctoral dissertation, University of Oxford)": the description is not part of the title.
  let genre: string | undefined;
  if (title) {
    const d = /\s*\(([^()]*\b(?:dissertation|thesis|report|working paper|paper no\.?)\b[^()]*)\)$/i.exec(title);
    if (d) {
      genre = d[1];
      title = title.slice(0, d.index).trim();
    }
  }
  const tailOrigStart = s.length - tail.length;
  if (hit && hit.index >= tailOrigStart) tail = blank(tail, hit.index - tailOrigStart, hit.end - tailOrigStart);
  const tailOrig = s.slice(tailOrigStart);

  const r: Reference = {
    id: "",
    start: entry.start,
    end: entry.end,
    text: entry.text,
    type: "document",
    authors: parsedAuthors.authors,
    warnings,
  };
  if (entry.label) r.label = entry.label;
  if (parsedAuthors.etAl) r.etAl = true;
  if (parsedAuthors.editors) {
    r.editors = r.authors;
    r.authors = [];
  }
  if (year) r.year = year;
  if (title) r.title = title;
  if (doi) r.doi = doi;
  if (url) r.url = url;
  if (language) r.language = language;
  readTail(r, tail, tailOrig, italics);
  if (genre) {
    const inst = /,\s*([^,]+)$/.exec(genre);
    if (inst && !r.publisher) r.publisher = inst[1]!.trim();
  }
  for (const k of ["volume", "issue", "pages"] as const) if (r[k]) r[k] = asciiPunct(r[k]!);
  r.type = decideType(r, a, genre);
  r.id = referenceKey(r);
  return r;
}

/** Container, editors, publisher and place, volume, issue, pages, edition and translators from what follows the title. */
function readTail(r: Reference, tail: string, tailOrig: string, italics: string[]): void {
  let t = tail;
  const take = (re: RegExp, group = 1): string | undefined => {
    const m = re.exec(t);
    if (!m) return undefined;
    t = blank(t, m.index, m.index + m[0].length);
    return clean(tailOrig.slice(m.index + m[0].indexOf(m[group]!), m.index + m[0].indexOf(m[group]!) + m[group]!.length));
  };
  const translators = take(/(?:translated by|translators?|trans\.|ترجمه(?:\s+ی)?)\s*:?\s*((?:\p{Lu}\.\s*)*[^;.]+?)(?=[;.]|,\s*(?:Tehran|Qom|\p{Lu}[\p{Ll}]+\s*:)|$)/iu);
  if (translators) r.translators = parseAuthors(translators).authors;
  const edition = take(/\b((?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth))\s+(?:edition|ed\.)/i);
  if (edition) r.edition = edition;
  const chapter = /^[\s.,]*(?:In|در)\s*:?\s+/u.exec(t);
  if (chapter) {
    t = blank(t, chapter.index, chapter.index + chapter[0].length);
    const eds = /^\s*([^()]+?)\s*\((?:eds?|editors?|ویراستار|ویراستاران)\.?\)\s*,?/iu.exec(t);
    if (eds) {
      const from = eds.index + eds[0].indexOf(eds[1]!);
      r.editors = parseAuthors(tailOrig.slice(from, from + eds[1]!.length).trim()).authors;
      t = blank(t, eds.index, eds.index + eds[0].length);
    }
    (r as { inBook?: boolean }).inBook = true;
  }
  // Chicago: "International Organization 42, no. 3 (1988): 427–60", "International Organization 25 (3): 329–49".
  const chicago = /(?<=[\p{L})\]])\s+(\d{1,4})\s*(?=,\s*no\.|\(\s*\d[^)]*\)\s*:)/u.exec(t);
  if (chicago && !r.volume) {
    r.volume = chicago[1]!;
    t = blank(t, chicago.index, chicago.index + chicago[0].length);
    const iss = /^\s*\(\s*(\d[^)]*)\)\s*(?=:)/.exec(t.slice(chicago.index + chicago[0].length));
    if (iss) {
      r.issue = iss[1]!.trim();
      t = blank(t, chicago.index + chicago[0].length, chicago.index + chicago[0].length + iss[0].length);
    }
  }
  // Pages: "pp. 197–213", "PP96", «صص. ۴۵–۷۲», or a bare range at the end ("7- 60", "8–37").
  const pages =
    take(/\b(?:pp?\.?|صص\.?|ص\.)\s*(\d+(?:\s*[-–—]\s*\d+)?)/iu) ??
    take(/(?:^|[,.:]\s*)(\d{1,5}\s*[-–—]\s*\d{1,5})\s*\.?\s*$/u) ??
    take(/,\s*(\d{1,5}\s*[-–—]\s*\d{1,5})(?=[\s.,]*(?:$|\())/u);
  if (pages) r.pages = pages.replace(/\s*[-–—]\s*/, "–");
  // APA volume(issue): "23(88)", "(2)", "1(9[78])", "32(4–1)".
  const apa = /(?:^|[,.]\s*)(\d{1,4})?\s*\(([^()]{1,12}(?:\[[^\]]*\])?)\)\s*(?=,|\.|$)/u.exec(t);
  if (apa && !r.volume) {
    if (apa[1]) r.volume = apa[1];
    r.issue = apa[2]!.replace(/\s+/g, "");
    t = blank(t, apa.index, apa.index + apa[0].length);
  }
  const vol = take(/\b(?:volume|vol\.?|year|دوره|جلد|سال)\s*:?\s*(\d+ and \d+|\d+)/iu);
  if (vol && !r.volume) r.volume = vol;
  const iss = take(/\b(?:number|no\.?|issue|شماره)\s*:?\s*(\d+(?:\s*-\s*(?:number\s*)?\d+)?)/iu);
  if (iss && !r.issue) r.issue = iss;
  // The italic container first: its own colons ("ScienceRise: Juridical Science") are not "Place: Publisher".
  const italicContainer = italics.find((it) => it !== r.title && !(r.title ?? "").includes(it) && tail.includes(it));
  if (italicContainer) {
    const at = t.indexOf(italicContainer);
    if (at >= 0) t = blank(t, at, at + italicContainer.length);
  }
  // Place: Publisher (books and chapters; a journal article's colon belongs to its journal's name).
  const pub = /(?:^|[.,;]\s*)([\p{Lu}\p{Script=Arabic}][\p{L}\p{M}\u200c '-]{1,40}?(?:,\s*\p{Lu}[\p{L} .-]{1,30})?)\s*:\s*([^.;:]{2,120}?)(?=\s*(?:[.;]|$|,\s*(?:[0-9]|\p{Lu}[\p{Ll}]+\s*:)))/u.exec(t);
  if (pub && !/^(?:pp?|vol|no)$/i.test(pub[1]!.trim()) && !(apa && !chapter)) {
    r.place = clean(tailOrig.slice(pub.index + pub[0].indexOf(pub[1]!), pub.index + pub[0].indexOf(pub[1]!) + pub[1]!.length));
    const p = clean(tailOrig.slice(pub.index + pub[0].lastIndexOf(pub[2]!), pub.index + pub[0].lastIndexOf(pub[2]!) + pub[2]!.length));
    if (p) r.publisher = p;
    t = blank(t, pub.index, pub.index + pub[0].length);
  }
  // The container: the italic title after the title, else the first remaining part that is not a date or a number.
  if (italicContainer) {
    r.containerTitle = clean(italicContainer);
  } else {
    const parts = t
      .split(/[,;]\s+|(?<=\p{L}{4}|\))\.\s+|\s*\(\s*|\)\s*|\s{3,}/u)
      .map((x) => x.trim())
      .filter(Boolean);
    const c = parts.find(
      (x) =>
        /\p{L}{3,}/u.test(x) &&
        !/^(?:spring|summer|fall|autumn|winter|january|february|march|april|may|june|july|august|september|october|november|december)\b/i.test(x) &&
        !/^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+(?:year|edition|issue|volume|number|ed\.?|printing)\b/i.test(x) &&
        !CITY.test(x) &&
        !/\b(?:year|issue|number|volume|edition)\b/i.test(x) &&
        x.length > 3,
    );
    if (c && (r as { inBook?: boolean }).inBook !== false) {
      const at = t.indexOf(c);
      const orig = at >= 0 ? tailOrig.slice(at, at + c.length) : c;
      if (!r.publisher || (r as { inBook?: boolean }).inBook || /\b(?:journal|quarterly|review|studies|affairs|bulletin|herald|proceedings|magazine|فصلنامه|مجله|دوفصلنامه|پژوهش)\b/iu.test(c)) {
        r.containerTitle = clean(orig);
      }
    }
  }
  // A "container" that names an institution, with no volume, issue or pages, is the publisher.
  const institution = /\b(?:Publishing|Publications?|Press|Publishers?|Department|Center|Centre|Institute|University|Council|Office|Ministry|Bureau)\b|انتشارات|نشر|دانشگاه|مرکز|پژوهشکده/u;
  if (!r.publisher && r.containerTitle && institution.test(r.containerTitle) && !r.volume && !r.issue && !r.pages && !(r as { inBook?: boolean }).inBook && !/\b(?:journal|quarterly|review|proceedings|conference)\b/i.test(r.containerTitle)) {
    r.publisher = r.containerTitle;
    delete r.containerTitle;
  }
}

/** The kind of record, from what the entry shows. */
function decideType(r: Reference & { inBook?: boolean }, a: string, genre?: string): ReferenceType {
  const inBook = r.inBook === true;
  delete r.inBook;
  const all = `${a} ${r.containerTitle ?? ""} ${genre ?? ""}`;
  if (/\b(?:thesis|dissertation)\b|پایان[\s‌]?نامه|رساله/iu.test(all)) return "thesis";
  if (inBook && /\b(?:proceedings|conference|symposium|congress)\b|همایش|کنفرانس/iu.test(r.containerTitle ?? "")) return "paper-conference";
  if (inBook) return "chapter";
  if (/\b(?:conference|symposium)\b|همایش|کنفرانس/iu.test(r.containerTitle ?? "")) return "paper-conference";
  if (/\b(?:report|working paper|policy brief|white paper)\b|گزارش/iu.test(all) && !r.volume) return "report";
  if ((r.publisher || r.place) && !r.containerTitle) return "book";
  if (r.volume || r.issue || /\b(?:journal|quarterly|review|bulletin|herald)\b|فصلنامه|مجله|دوفصلنامه/iu.test(r.containerTitle ?? "")) return "article-journal";
  if (r.containerTitle && r.pages) return "article-journal";
  if (r.publisher || r.place) return "book";
  if (r.url && !r.doi && !r.containerTitle) return "webpage";
  return r.containerTitle ? "article-journal" : "document";
}

/** A record's key: first author's (or body's) name folded to ASCII, and the year as the source wrote it: `nye2005`, `dehkhoda1377`. */
export function referenceKey(r: { authors: PersonName[]; editors?: PersonName[]; year?: CitedYear; title?: string }): string {
  const who = filingName(r.authors[0]) ?? filingName(r.editors?.[0]);
  const base = asciiKeyPart((who ?? r.title ?? "ref").split(/\s+/).slice(0, who ? 6 : 2).join("")).slice(0, 30) || "ref";
  return `${base}${r.year ? `${r.year.value}${r.year.suffix ?? ""}` : "nd"}`;
}

/**
 * Parse every entry of a references list. Keys are made unique in list order (`nye2005`, `nye2005-2`); a list with
 * Persian-script entries or "[in Persian]" notes lends its Solar Hijri evidence to entries whose years say nothing.
 */
export function parseReferences(entries: ReferenceEntry[] | ReferencesSection): Reference[] {
  const list = Array.isArray(entries) ? entries : entries.entries;
  let refs = list.map((e) => parseReference(e));
  const persianList = refs.some((r) => r.language === "fa" && r.year?.calendar === "solar-hijri" && !r.year.yearAmbiguous);
  if (persianList) refs = list.map((e) => parseReference(e, { solarHijriContext: true }));
  const seen = new Map<string, number>();
  for (const r of refs) {
    const n = (seen.get(r.id) ?? 0) + 1;
    seen.set(r.id, n);
    if (n > 1) r.id = `${r.id}-${n}`;
  }
  return refs;
}
