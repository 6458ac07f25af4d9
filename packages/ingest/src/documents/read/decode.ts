// Bytes to text: UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark; anything else is an
// error that names the file and the line of the first byte that is not text.
import { DocumentError } from "@diplograph/model";

/** Decode a text file. The byte-order mark is not part of the text, so offsets start at the first character after it. */
export function decodeText(bytes: Uint8Array, file: string): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = decodeWith("utf-16le", bytes.subarray(2), file);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = decodeWith("utf-16be", bytes.subarray(2), file);
  else {
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    const bad = firstInvalidUtf8(body);
    if (bad >= 0) {
      const line = lineAt(body, bad);
      const hint = looksUtf16(body) ? "it looks like UTF-16 without a byte-order mark" : "save it as UTF-8 (or UTF-16 with a byte-order mark)";
      throw new DocumentError(file, `is not UTF-8 text (byte ${bad} is not valid UTF-8); ${hint}`, line);
    }
    text = new TextDecoder("utf-8").decode(body);
  }
  const nul = text.indexOf("\u0000");
  if (nul >= 0) throw new DocumentError(file, "contains NUL characters: it is a binary file, not text", lineOf(text, nul));
  return text;
}

function decodeWith(encoding: "utf-16le" | "utf-16be", bytes: Uint8Array, file: string): string {
  if (bytes.length % 2 !== 0) throw new DocumentError(file, `is not ${encoding.toUpperCase()} text (an odd number of bytes after the byte-order mark)`);
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new DocumentError(file, `is not ${encoding.toUpperCase()} text (a broken surrogate pair)`);
  }
}

/** Index of the first byte that does not start or continue a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) (need = 1), (min = 0x80);
    else if (c >= 0xe0 && c <= 0xef) (need = 2), (min = 0x800);
    else if (c >= 0xf0 && c <= 0xf4) (need = 3), (min = 0x10000);
    else return i;
    if (i + need >= n) return i;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Many NUL bytes at odd or even positions: UTF-16 text whose byte-order mark is missing. */
function looksUtf16(b: Uint8Array): boolean {
  const n = Math.min(b.length, 400);
  let zeros = 0;
  for (let i = 0; i < n; i++) if (b[i] === 0) zeros++;
  return n >= 4 && zeros >= n / 4;
}

function lineAt(b: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (b[i] === 0x0a) line++;
  return line;
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
