// A fast, non-cryptographic string hash for ids and change detection, where SHA-1 was a measurable cost.

/** cyrb53 (public domain, bryc): a 53-bit hash of a string, continued from `seed`. */
export function cyrb53(str: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Base-36 digits of a non-negative integer below 2^53, 11 of them with leading zeros (`toString(36)` is slow). */
const DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";
/** Every two-digit base-36 string, so that a number takes six look-ups. */
const PAIRS = Array.from({ length: 36 * 36 }, (_, i) => DIGITS[Math.floor(i / 36)]! + DIGITS[i % 36]!);
function base36(n: number): string {
  // 11 digits: one, then five pairs (36^10 ≈ 3.7e15, so the first digit is at most 2).
  const p5 = n % 1296;
  n = (n - p5) / 1296;
  const p4 = n % 1296;
  n = (n - p4) / 1296;
  const p3 = n % 1296;
  n = (n - p3) / 1296;
  const p2 = n % 1296;
  n = (n - p2) / 1296;
  const p1 = n % 1296;
  n = (n - p1) / 1296;
  return DIGITS[n]! + PAIRS[p1]! + PAIRS[p2]! + PAIRS[p3]! + PAIRS[p4]! + PAIRS[p5]!;
}

function fin(h1: number, h2: number): number {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * A 106-bit hash of a sequence of strings, as 22 lower-case base-36 characters: two cyrb53 streams with different
 * seeds run over every character of every part in one pass (a separator after each part, a marker for null), so
 * nothing is allocated per part. Collisions are negligible for ids and change detection within one database.
 * (Ids derived from it are stored: the output must never change. hash.test.ts pins it.)
 */
export function hashParts(parts: ReadonlyArray<string | number | null | undefined>): string {
  let a1 = 0xdeadbeef ^ 0x9e3779b9;
  let a2 = 0x41c6ce57 ^ 0x9e3779b9;
  let b1 = 0xdeadbeef ^ 0x85ebca6b;
  let b2 = 0x41c6ce57 ^ 0x85ebca6b;
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    const s = p === null || p === undefined ? "\u0001" : typeof p === "string" ? p : String(p);
    const n = s.length;
    for (let i = 0; i < n; i++) {
      const ch = s.charCodeAt(i);
      a1 = Math.imul(a1 ^ ch, 2654435761);
      a2 = Math.imul(a2 ^ ch, 1597334677);
      b1 = Math.imul(b1 ^ ch, 2246822519);
      b2 = Math.imul(b2 ^ ch, 3266489917);
    }
    // 0 ends the part
    a1 = Math.imul(a1, 2654435761);
    a2 = Math.imul(a2, 1597334677);
    b1 = Math.imul(b1, 2246822519);
    b2 = Math.imul(b2, 3266489917);
  }
  return base36(fin(a1, a2)) + base36(fin(b1, b2));
}
