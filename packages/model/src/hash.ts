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
 * A 106-bit hash of a sequence of strings (two cyrb53 runs with different seeds, each part followed by a separator),
 * as 22 lower-case base-36 characters. Collisions are negligible for ids and change detection within one database.
 */
export function hashParts(parts: ReadonlyArray<string | number | null | undefined>): string {
  let a = 0x9e3779b9;
  let b = 0x85ebca6b;
  for (const p of parts) {
    const s = p === null || p === undefined ? "\u0001" : typeof p === "string" ? p : String(p);
    a = cyrb53(s, a) % 4294967296;
    b = cyrb53(s, b ^ 0x5bd1e995) % 4294967296;
  }
  const x = cyrb53("", a);
  const y = cyrb53("", b);
  return x.toString(36).padStart(11, "0") + y.toString(36).padStart(11, "0");
}
