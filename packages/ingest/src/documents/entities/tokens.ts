// Words of a normalised text for the linker: letters-and-digits runs, what separates each from the one before, and
// the helpers that read the original text behind them (capitals, script).
import type { MatchText } from "../language/normalise.js";

/** What separates a word from the one before it. Names only continue across SPACE (and DOT, APOS, COMMA as written). */
export const GAP = { START: 0, SPACE: 1, DOT: 2, APOS: 3, COMMA: 4, BREAK: 5 } as const;
export type Gap = (typeof GAP)[keyof typeof GAP];

const wordChar = new Uint8Array(0x10000); // 0 unknown, 1 word, 2 not
const WORD = /[\p{L}\p{N}]/u;

function isWordCode(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
  if (c >= 0xd800 && c <= 0xdfff) return true;
  let k = wordChar[c]!;
  if (k === 0) {
    k = WORD.test(String.fromCharCode(c)) ? 1 : 2;
    wordChar[c] = k;
  }
  return k === 1;
}

/** British and American spellings of words in names, read as one ("Organisation" = "Organization"). */
const SPELLING = new Map<string, string>(
  [
    ["organisation", "organization"],
    ["organisations", "organizations"],
    ["programme", "program"],
    ["programmes", "programs"],
    ["defence", "defense"],
    ["centre", "center"],
    ["labour", "labor"],
    ["mobilisation", "mobilization"],
  ],
);

export interface Tokens {
  m: MatchText;
  n: number;
  /** Normalised words; "&" is the word "and", "+" the word "plus" ("OPEC+", "P5+1"). */
  word: string[];
  /** Start and end of each word in the normalised text. */
  start: Int32Array;
  end: Int32Array;
  /** What separates word i from word i - 1. */
  gap: Uint8Array;
  /** Whether that separator holds a hyphen or dash. */
  hyphen: Uint8Array;
}

/** Split a normalised text into words. */
export function tokenise(m: MatchText): Tokens {
  const t = m.text;
  const len = t.length;
  const word: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const gaps: number[] = [];
  const hyphens: number[] = [];
  let i = 0;
  let gapStart = 0;
  while (i < len) {
    const c = t.charCodeAt(i);
    const symbol = c === 0x26 || c === 0x2b;
    if (symbol || isWordCode(c)) {
      let j = i + 1;
      if (!symbol) while (j < len && isWordCode(t.charCodeAt(j))) j++;
      const g = word.length === 0 ? GAP.START : classify(t, gapStart, i);
      gaps.push(g & 7);
      hyphens.push(g >> 3);
      const w = c === 0x26 ? "and" : c === 0x2b ? "plus" : t.slice(i, j);
      // "co-operation" is "cooperation": the two words become one.
      const k = word.length - 1;
      if (k >= 0 && g >> 3 && word[k] === "co" && w.startsWith("operat") && starts[k]! + 3 === i) {
        word[k] = SPELLING.get(`co${w}`) ?? `co${w}`;
        ends[k] = j;
        gapStart = j;
        i = j;
        gaps.pop();
        hyphens.pop();
        continue;
      }
      word.push(SPELLING.get(w) ?? w);
      starts.push(i);
      ends.push(j);
      gapStart = j;
      i = j;
    } else i++;
  }
  return {
    m,
    n: word.length,
    word,
    start: Int32Array.from(starts),
    end: Int32Array.from(ends),
    gap: Uint8Array.from(gaps),
    hyphen: Uint8Array.from(hyphens),
  };
}

/** The kind of separator between two words, plus 8 when it holds a hyphen (dashes are all "-" once normalised). */
function classify(t: string, s: number, e: number): number {
  let dot = 0;
  let apos = 0;
  let comma = 0;
  let hyphen = 0;
  for (let k = s; k < e; k++) {
    const c = t.charCodeAt(k);
    if (c === 0x20) continue;
    if (c === 0x2d) {
      hyphen = 8;
      continue;
    }
    if (c === 0x2e) dot++;
    else if (c === 0x27) apos++;
    else if (c === 0x2c) comma++;
    else return GAP.BREAK;
  }
  if (dot + apos + comma === 0) return GAP.SPACE | hyphen;
  if (dot === 1 && apos + comma === 0) return GAP.DOT | hyphen;
  if (apos === 1 && dot + comma === 0 && e - s === 1) return GAP.APOS;
  if (comma === 1 && dot + apos === 0) return GAP.COMMA | hyphen;
  return GAP.BREAK;
}

export const ARABIC_SCRIPT_WORD = (w: string) => {
  const c = w.charCodeAt(0);
  return c >= 0x0600 && c <= 0x06ff;
};
