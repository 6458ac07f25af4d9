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

/**
 * A 106-bit hash of a sequence of strings, as 22 lower-case base-36 characters: two cyrb53 streams with different
 * seeds run over every character of every part in one pass (a separator after each part, a marker for null), so
 * nothing is allocated per part. Collisions are negligible for ids and change detection within one database.
 */
export function hashParts(parts: ReadonlyArray<string | number | null | undefined>): string {
  let a1 = 0xdeadbeef ^ 0x9e3779b9;
  let a2 = 0x41c6ce57 ^ 0x9e3779b9;
  let b1 = 0xdeadbeef ^ 0x85ebca6b;
  let b2 = 0x41c6ce57 ^ 0x85ebca6b;
  for (const p of parts) {
    const s = p === null || p === undefined ? "\u0001" : typeof p === "string" ? p : String(p);
    for (let i = 0; i <= s.length; i++) {
      const ch = i < s.length ? s.charCodeAt(i) : 0; // 0 ends the part
      a1 = Math.imul(a1 ^ ch, 2654435761);
      a2 = Math.imul(a2 ^ ch, 1597334677);
      b1 = Math.imul(b1 ^ ch, 2246822519);
      b2 = Math.imul(b2 ^ ch, 3266489917);
    }
  }
  const fin = (h1: number, h2: number): number => {
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 4294967296 * (2097151 & h2) + (h1 >>> 0);
  };
  return fin(a1, a2).toString(36).padStart(11, "0") + fin(b1, b2).toString(36).padStart(11, "0");
}
