// Cutting a document into passages: blocks between blank lines, each block cut again where a line starts an item or
// entry, and blocks rejoined where a page break cut a paragraph (mid-word or mid-sentence). Offsets are exact.
import { asciiDigits } from "@diplograph/model";
import { detectLanguage } from "../language/index.js";
import type { Passage, PassageKind, SplitOptions } from "./types.js";

interface Line {
  start: number;
  /** End of the line's content, trailing white space excluded. */
  end: number;
  /** The content from its first non-blank character. */
  text: string;
}

interface Segment {
  start: number;
  end: number;
  kind: PassageKind | undefined;
  label?: string;
  lines: Line[];
  /** Whether a list marker starts it (such a segment never continues the one before). */
  marked: boolean;
}

const DIGIT = "[0-9\\u06F0-\\u06F9\\u0660-\\u0669]";
const NUM = `${DIGIT}{1,3}`;
/** `1 - `, `1.`, `1)`, `1-1.`, `5.- `, `۱-`, `(1)`. The number has at most three digits, so years never match. */
const NUMBERED = new RegExp(`^(?:\\(\\s*(${NUM})\\s*\\)|(${NUM}(?:[.\\-]${NUM})*)(?:\\s*[.)](?:\\s*[-–—])?|\\s*[-–—]))(?=\\s|$)`, "u");
/** `A. Text`, `a) text`, `(b) text`. */
const LETTERED = /^(?:\(([A-Za-z])\)|([A-Z])\.|([A-Za-z])\))\s+(?=\S)/u;
/** A bare number before a capital (`11 Declaring …`): an item only where it continues a running list. */
const BARE = new RegExp(`^(${NUM})\\s+(?=[\\p{Lu}\\u0600-\\u06FF])`, "u");
const BULLET = /^[-*•●▪◦‣·–](?=\s)/u;
const MD_HEADING = /^#{1,6}(?=\s)/;
/** A block that is only a page number (`12`, `- 12 -`, `Page 12`) is no passage. */
const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:page\s+|p\.\s*|صفحه\s+)?[0-9\u06F0-\u06F9]{1,4}(?:\s*[-–—])?$/iu;
const BLANK = /^[\s\f\v\u00a0\u200b\u200c\u200e\u200f\ufeff]*$/;

/** Words a sentence does not end on (English and Persian): a line ending on one continues on the next. */
const OPEN_WORDS = new Set(
  "a an the of and or but nor to in on at by for from with as into onto upon than that which who whom whose its their his her our your this these those between among about against without within through during under over is are was were be been has have had will would can could may might must shall should not also such both either neither each every some any no very more most if when while where whereas because although though so than per via و در از به با که را برای این آن یا تا بر های".split(
    " ",
  ),
);
const TERMINAL = /[.!?;:…؟؛。]$/u;
const CLOSERS = /["'”’»)\]\u200f\u200e*_]+$/u;

/** Cut `text` into passages: headings, paragraphs, numbered items and list entries, each an exact span. */
export function splitPassages(text: string, options: SplitOptions = {}): Passage[] {
  const lines = readLines(text, options.from ?? 0);
  const segments = segment(lines);
  const joined = rejoin(segments);
  const withLanguage = options.languages !== false;
  return joined.map((s) => {
    const p: Passage = { start: s.start, end: s.end, kind: s.kind ?? classify(s), language: withLanguage ? detectLanguage(text.slice(s.start, s.end)) : "und" };
    if (s.label !== undefined) p.label = s.label;
    return p;
  });
}

function readLines(text: string, from: number): Line[] {
  const out: Line[] = [];
  const re = /\r\n|\n|\r/g;
  let pos = from;
  for (;;) {
    re.lastIndex = pos;
    const m = re.exec(text);
    const lineEnd = m ? m.index : text.length;
    const raw = text.slice(pos, lineEnd);
    const lead = raw.length - raw.trimStart().length;
    const content = raw.trim();
    out.push({ start: pos + lead, end: pos + lead + content.length, text: BLANK.test(raw) ? "" : content });
    if (!m) break;
    pos = m.index + m[0].length;
  }
  return out;
}

/** Blocks between blank lines, cut where a line starts with a marker. A bare number needs the list to be running. */
function segment(lines: Line[]): Segment[] {
  const out: Segment[] = [];
  let cur: Segment | undefined;
  let lastNumber: number | undefined;
  const close = () => {
    if (cur) out.push(cur);
    cur = undefined;
  };
  for (const line of lines) {
    if (line.text === "") {
      close();
      continue;
    }
    const marker = markerOf(line.text, lastNumber);
    if (marker) {
      close();
      if (marker.number !== undefined) lastNumber = marker.number;
      cur = { start: line.start, end: line.end, kind: marker.kind, lines: [line], marked: true };
      if (marker.label !== undefined) cur.label = marker.label;
      if (marker.kind === "heading") close();
      continue;
    }
    if (!cur) cur = { start: line.start, end: line.end, kind: undefined, lines: [line], marked: false };
    else {
      cur.end = line.end;
      cur.lines.push(line);
    }
  }
  close();
  return out.filter((s) => !(s.lines.length === 1 && PAGE_NUMBER.test(s.lines[0]!.text)));
}

function markerOf(line: string, lastNumber: number | undefined): { kind: PassageKind; label?: string; number?: number } | undefined {
  if (MD_HEADING.test(line)) return { kind: "heading" };
  let m = NUMBERED.exec(line);
  if (m) {
    const label = asciiDigits(m[1] ?? m[2]!);
    const simple = /^\d+$/.test(label);
    // A section number (`1-1.`, `2.3`) before a short line without a full stop is a heading.
    const rest = line.slice(m[0].length).trim();
    if (!simple && rest.length <= 120 && !TERMINAL.test(rest)) return { kind: "heading", label };
    return simple ? { kind: "item", label, number: Number(label) } : { kind: "item", label };
  }
  m = BARE.exec(line);
  if (m && lastNumber !== undefined && Number(asciiDigits(m[1]!)) === lastNumber + 1) {
    const label = asciiDigits(m[1]!);
    return { kind: "item", label, number: Number(label) };
  }
  m = LETTERED.exec(line);
  if (m) return { kind: "item", label: (m[1] ?? m[2] ?? m[3])! };
  if (BULLET.test(line)) return { kind: "list-entry" };
  return undefined;
}

/** Whether a block that ends with `prev` goes on in a block that starts with `next` (a page break cut it). */
export function continues(prev: string, next: string): boolean {
  if (markerOf(next, undefined) || MD_HEADING.test(next)) return false;
  const startsLower = /^\p{Ll}/u.test(next);
  // `teach-` + `ings`: a word hyphenated across the break.
  if (/\p{L}[-\u00ad]$/u.test(prev)) return startsLower;
  const bare = prev.replace(CLOSERS, "");
  if (TERMINAL.test(bare)) return false;
  if (startsLower) return true;
  const lastWord = /([\p{L}\u200c]+)[,،]?$/u.exec(bare)?.[1]?.toLowerCase();
  return lastWord !== undefined && OPEN_WORDS.has(lastWord) && /^[\p{L}"“«(]/u.test(next);
}

/** Join each segment that is not marked to the one before when that one was cut mid-word or mid-sentence. */
function rejoin(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const prev = out[out.length - 1];
    if (prev && !s.marked && prev.kind !== "heading" && !isHeadingLike(prev, s) && sameScript(prev, s) && (continues(prev.lines[prev.lines.length - 1]!.text, s.lines[0]!.text) || cutLong(prev, s))) {
      prev.end = s.end;
      prev.lines.push(...s.lines);
      continue;
    }
    out.push(s);
  }
  return out;
}

const scriptClass = (ch: string | undefined) =>
  ch === undefined ? "" : /[\u0600-\u06ff\ufb50-\ufeff]/.test(ch) ? "arabic" : /[\u0400-\u052f]/.test(ch) ? "cyrillic" : /\p{Script=Latin}/u.test(ch) ? "latin" : "other";

/** A page break does not cut a sentence between two scripts: the last letter before it and the first after agree. */
function sameScript(prev: Segment, next: Segment): boolean {
  const before = prev.lines[prev.lines.length - 1]!.text.match(/\p{L}(?=[^\p{L}]*$)/u)?.[0];
  const after = next.lines[0]!.text.match(/\p{L}/u)?.[0];
  return scriptClass(before) === scriptClass(after);
}

/**
 * A long paragraph (over 200 characters) that stops without closing punctuation, followed by a paragraph (not a
 * heading): the page ended mid-sentence (`… the approach of the Islamic` + `Republic of Iran is …`).
 */
function cutLong(prev: Segment, next: Segment): boolean {
  const last = prev.lines[prev.lines.length - 1]!.text.replace(CLOSERS, "");
  return prev.end - prev.start > 200 && !TERMINAL.test(last) && classify(next) === "paragraph" && /^[\p{L}"“«(]/u.test(next.lines[0]!.text);
}

/** A one-line segment that reads as a heading stays one, whatever follows (a heading ending on `of` is rare). */
function isHeadingLike(prev: Segment, next: Segment): boolean {
  return prev.kind === undefined && prev.lines.length === 1 && classify(prev) === "heading" && !/^\p{Ll}/u.test(next.lines[0]!.text);
}

/** An unmarked segment: a heading when it is one short line without closing punctuation, else a paragraph. */
function classify(s: Segment): PassageKind {
  if (s.lines.length !== 1) return "paragraph";
  const t = s.lines[0]!.text;
  if (t.length > 150 || TERMINAL.test(t.replace(CLOSERS, "")) || /[,،]$/.test(t)) return "paragraph";
  if (!/\p{L}/u.test(t) || t.split(/\s+/).length > 20) return "paragraph";
  // A line ending on "of", "the", «و» … is a sentence cut short, not a title.
  const lastWord = /([\p{L}\u200c]+)$/u.exec(t)?.[1]?.toLowerCase();
  return lastWord !== undefined && OPEN_WORDS.has(lastWord) ? "paragraph" : "heading";
}
