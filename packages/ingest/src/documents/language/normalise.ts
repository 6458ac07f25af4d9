// The matching form of a text (case, Latin diacritics, Persian/Arabic letter variants, digits, joiners, typography
// folded) with a map from every index of that form back to the original text, so matches report original offsets.

/**
 * A text in its matching form. `text[i]` came from `original.slice(starts[i], ends[i])`; a span `[s, e)` of `text`
 * is `original.slice(starts[s], ends[e - 1])` (see `originalSpan`).
 */
export interface MatchText {
  readonly original: string;
  /** The normalised text. */
  readonly text: string;
  /** Original index of the character each normalised character came from; `starts[text.length] === original.length`. */
  readonly starts: Int32Array;
  /** Original index just past it, marks dropped after it (harakat, Latin accents, tatweel) included. */
  readonly ends: Int32Array;
}

/**
 * Characters folded to another (or to nothing) before anything else. Arabic yeh/alef maksura → Persian yeh, Arabic
 * kaf → Persian kaf, teh marbuta and heh variants → heh (Persian spelling of Arabic names: جامعة → جامعه), alef
 * variants → alef (آمریکا = امریکا), tatweel and format characters removed, ZWNJ and other spaces → space (so that
 * «نهضت‌های» and «نهضت های» are the same tokens), typographic quotes, apostrophes and dashes unified.
 */
const FIXED: ReadonlyMap<number, string> = new Map<number, string>([
  ...[0x064a, 0x0649, 0x06cc, 0x06d0, 0x06d2].map((c): [number, string] => [c, "ی"]),
  ...[0x0643, 0x06a9, 0x06aa].map((c): [number, string] => [c, "ک"]),
  ...[0x0629, 0x06c0, 0x06d5, 0x06be, 0x06c1, 0x06c2, 0x06c3].map((c): [number, string] => [c, "ه"]),
  ...[0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673].map((c): [number, string] => [c, "ا"]),
  [0x0624, "و"],
  [0x0626, "ی"],
  [0x0640, ""], // tatweel
  // Spaces and joiners: ZWNJ separates the parts of a Persian word as a space does.
  ...[0x00a0, 0x1680, 0x200b, 0x200c, 0x202f, 0x205f, 0x3000, 0x2028, 0x2029, 0x0085].map((c): [number, string] => [c, " "]),
  ...Array.from({ length: 11 }, (_, i): [number, string] => [0x2000 + i, " "]),
  // Removed: soft hyphen, ZWJ, word joiner, direction marks and embeddings, BOM.
  ...[0x00ad, 0x200d, 0x2060, 0x200e, 0x200f, 0x061c, 0xfeff].map((c): [number, string] => [c, ""]),
  ...[0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069].map((c): [number, string] => [c, ""]),
  // Apostrophes and letter-like quotes of transliterations (ʿ ʾ) → ', double quotes and guillemets → ".
  ...[0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x02bc, 0x02b9, 0x02bb, 0x02bd, 0x02be, 0x02bf, 0x0060, 0x00b4, 0xff07].map((c): [number, string] => [c, "'"]),
  ...[0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x00ab, 0x00bb, 0xff02].map((c): [number, string] => [c, '"']),
  ...[0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d].map((c): [number, string] => [c, "-"]),
  [0x060c, ","],
  [0x061b, ";"],
  [0x061f, "?"],
  [0x066b, "."],
  [0x066c, ","],
  [0x066a, "%"],
  ...Array.from({ length: 10 }, (_, i): [number, string] => [0x06f0 + i, String(i)]),
  ...Array.from({ length: 10 }, (_, i): [number, string] => [0x0660 + i, String(i)]),
]);

const MARK = /\p{M}/u;
const MARKS = /\p{M}/gu;

/** What a code point becomes, and whether, when it disappears, it belongs to the character before it. */
interface Fold {
  out: string;
  attach: boolean;
}

const cache = new Map<number, Fold>();

function foldChar(ch: string): string {
  const fixed = FIXED.get(ch.codePointAt(0)!);
  return fixed ?? ch;
}

function computeFold(cp: number): Fold {
  const ch = String.fromCodePoint(cp);
  const fixed = FIXED.get(cp);
  if (fixed !== undefined) return { out: fixed, attach: cp === 0x0640 };
  if (MARK.test(ch)) return { out: "", attach: true };
  const decomposed = ch.toLowerCase().normalize("NFKD").replace(MARKS, "");
  let out = "";
  for (const c of decomposed) out += foldChar(c).toLowerCase();
  return { out, attach: false };
}

function fold(cp: number): Fold {
  let f = cache.get(cp);
  if (!f) {
    f = computeFold(cp);
    cache.set(cp, f);
  }
  return f;
}

/**
 * The matching form of `original`: lower case; Latin (and Cyrillic, Greek) diacritics removed through NFKD
 * (`Türkiye` = `turkiye`); compatibility forms unfolded (Arabic presentation forms, ligatures); Arabic harakat,
 * superscript alef and Quranic marks removed; Arabic letter variants folded to Persian (`ي`/`ى` → `ی`, `ك` → `ک`,
 * `ة`/`ۀ` → `ه`, `أ`/`إ`/`آ` → `ا`, `ؤ` → `و`, `ئ` → `ی`); tatweel, soft hyphens, ZWJ and direction marks removed;
 * ZWNJ and every kind of space → one space, runs of white space collapsed; Persian and Arabic-Indic digits → ASCII;
 * typographic apostrophes → `'`, quotes and guillemets → `"`, dashes and minus → `-`; Arabic comma, semicolon and
 * question mark → their Latin forms.
 */
export function normaliseForMatching(original: string): MatchText {
  const n = original.length;
  let cap = n + 16;
  let buf = new Uint16Array(cap);
  let starts = new Int32Array(cap + 1);
  let ends = new Int32Array(cap);
  let len = 0;
  const grow = (need: number) => {
    if (len + need <= cap) return;
    cap = Math.max(cap * 2, len + need + 16);
    const b = new Uint16Array(cap);
    b.set(buf);
    buf = b;
    const s = new Int32Array(cap + 1);
    s.set(starts);
    starts = s;
    const e = new Int32Array(cap);
    e.set(ends);
    ends = e;
  };
  let i = 0;
  while (i < n) {
    const c = original.charCodeAt(i);
    if (c < 0x80) {
      // ASCII: the hot path.
      if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) {
        if (len > 0 && buf[len - 1] !== 0x20) {
          grow(1);
          buf[len] = 0x20;
          starts[len] = i;
          ends[len] = i + 1;
          len++;
        }
      } else {
        grow(1);
        buf[len] = c >= 0x41 && c <= 0x5a ? c + 32 : c === 0x60 ? 0x27 : c;
        starts[len] = i;
        ends[len] = i + 1;
        len++;
      }
      i++;
      continue;
    }
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const f = fold(cp);
    if (f.out.length === 0) {
      if (f.attach && len > 0) ends[len - 1] = i + width;
    } else if (f.out === " ") {
      if (len > 0 && buf[len - 1] !== 0x20) {
        grow(1);
        buf[len] = 0x20;
        starts[len] = i;
        ends[len] = i + width;
        len++;
      }
    } else {
      grow(f.out.length);
      for (let k = 0; k < f.out.length; k++) {
        buf[len] = f.out.charCodeAt(k);
        starts[len] = i;
        ends[len] = i + width;
        len++;
      }
    }
    i += width;
  }
  starts[len] = n;
  return { original, text: decode(buf, len), starts: starts.subarray(0, len + 1), ends: ends.subarray(0, len) };
}

const utf16 = new TextDecoder("utf-16le");

function decode(buf: Uint16Array, len: number): string {
  if (len < 64) return String.fromCharCode(...buf.subarray(0, len));
  return utf16.decode(buf.subarray(0, len));
}

/** The original span of the normalised span `[start, end)` (an empty span maps to an empty one). */
export function originalSpan(m: MatchText, start: number, end: number): { start: number; end: number } {
  const s = m.starts[start]!;
  if (end <= start) return { start: s, end: s };
  return { start: s, end: m.ends[end - 1]! };
}

/** The matching form of a name, trimmed: what names are compared by (`normaliseForMatching(name).text`). */
export function normaliseName(name: string): string {
  return normaliseForMatching(name).text.trim();
}
