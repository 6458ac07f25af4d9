// A document's metadata from its text, where the format states none: the title (first heading or first short line),
// the authors (a "By:" / "Author(s):" / «نویسنده:» line), a publication date from a dated header line, the DOI, and
// the language (the majority of the passages, by characters).
import type { Passage } from "../passages/index.js";
import { findDates } from "../dates/index.js";
import type { DocumentMetadata } from "../read/index.js";

/** Section headings that are not a document's title. */
const GENERIC = /^(?:abstract|summary|introduction|contents|table of contents|keywords|article info|preface|foreword|چکیده|خلاصه|مقدمه|فهرست|کلیدواژه‌?ها|واژگان کلیدی)\s*:?$/iu;
const AUTHOR_LINE = /^(?:by|authors?|author\(s\)|written by|نویسندگان|نویسنده(?:\s*\(?گان\)?)?|نگارش|تألیف)\s*[:：]\s*(.+)$/iu;
const DATE_LINE = /^(?:published(?:\s+online)?|publication date|date(?: of publication)?|issued|تاریخ(?:\s+انتشار)?)\s*[:：]?\s+(.+)$/iu;
/** A DOI: `10.` + registrant + `/` + suffix; trailing punctuation and brackets are not part of it. */
const DOI = /\b10\.\d{4,9}\/[^\s"<>]+/u;

/** The first DOI in a string, without trailing punctuation. */
export function findDoi(s: string): string | undefined {
  const m = DOI.exec(s);
  return m ? m[0].replace(/[.,;:)\]}>'"]+$/, "") : undefined;
}

/** Title, authors, date and DOI stated in the first lines of the text; the language from the passages. */
export function metadataFromText(text: string, passages: readonly Passage[]): DocumentMetadata {
  const metadata: DocumentMetadata = {};
  const head = passages.slice(0, 40);
  const slice = (p: Passage) => text.slice(p.start, p.end).replace(/\s+/g, " ").trim();

  // The first short line without a full stop among the first three passages, past generic section headings.
  for (const p of head.slice(0, 3)) {
    const t = slice(p);
    if (GENERIC.test(t) || t.length > 250 || /[.!?؟]$/.test(t)) continue;
    metadata.title = t.replace(/^#+\s*/, "");
    break;
  }

  const lines = head.flatMap((p) => text.slice(p.start, p.end).split(/\r?\n/).map((l) => l.trim()).filter(Boolean));
  for (const line of lines) {
    const a = AUTHOR_LINE.exec(line);
    if (a && !metadata.authors) {
      // "Name - Senior Diplomat …", "Name, University of …": the name is what comes before the affiliation.
      const names = a[1]!
        .split(/\s+[-–—|]\s+|\s*\(/u)[0]!
        .split(/\s*(?:;|,?\s+and\s+|&|\s+و\s+|،)\s*/u)
        // "Jane Roe, John Doe" is two names; "Roe, Jane" is one (a piece without a space is not a whole name).
        .flatMap((n) => (n.split(/\s*,\s*/).every((x) => /\S\s+\S/.test(x)) ? n.split(/\s*,\s*/) : [n]))
        .map((n) => n.replace(/[\d*¹²³^{}]+$/u, "").trim())
        .filter((n) => n.length > 1 && n.length < 80);
      if (names.length) metadata.authors = names;
    }
    const d = DATE_LINE.exec(line);
    if (d && !metadata.date) {
      const found = findDates(d[1]!).find((m) => m.kind === "point" && m.precision !== "year");
      if (found) metadata.date = found.date.start;
    }
  }

  const doi = findDoi(text.slice(0, 20_000));
  if (doi) metadata.doi = doi;
  const languages = passageLanguages(text, passages);
  if (languages[0]) metadata.language = languages[0];
  return metadata;
}

/** The languages of the passages, by how many characters each holds, most first ("und" left out). */
export function passageLanguages(_text: string, passages: readonly Passage[]): string[] {
  const chars = new Map<string, number>();
  for (const p of passages) if (p.language !== "und") chars.set(p.language, (chars.get(p.language) ?? 0) + (p.end - p.start));
  const total = [...chars.values()].reduce((a, b) => a + b, 0);
  // A language with under 2% of the text (a quoted title, a name) is not one the document is written in.
  return [...chars]
    .filter(([, n]) => n >= total * 0.02)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([l]) => l);
}
