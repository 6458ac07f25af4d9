// Name search held in memory (SQLite, the server's plain searches): the folded names and a trigram index over them,
// answering exactly as the SQL ranking does (store.ts, `findActors`) in a fraction of its time. The SQL answer reads
// the posting lists of FTS5, then every matching name row and groups them by actor (0.5–0.9 ms for a prefix that
// matches a few hundred names); here the same steps run over typed arrays. The store reads it from the database in
// chunks, tags it with the database's change stamp, and uses it only while the stamp is unchanged: after any write,
// by this process or another, searches go back to SQL until a fresh copy has been read.
//
// Layout, for few cache misses per candidate: every folded name's UTF-16 code units in one array (`chars`); per name
// row, side by side in `rows`, where it starts there, its length in UTF-16 units and in code points, and its actor;
// per actor, side by side in `scratch`, what one search found for it. Actors are numbered in the (canonical name, id)
// order, so that ranking compares numbers only. Common trigrams have a bitmap of their rows besides their list.
// A search's time goes mostly to cache misses (a candidate's row, its name, its actor's entry: anywhere in memory),
// so it reads them in separate passes that the processor can overlap (`search`).

/** Code points of a string (SQLite's `length` of text). */
function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

/** SQLite's BINARY order of text (UTF-8 bytes, that is code points), which differs from `<` only around surrogates. */
export function binaryCompare(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs === ys) return x - y;
    // A surrogate (a code point above U+FFFF) sorts after every other code unit.
    return xs ? 1 : -1;
  }
  return a.length - b.length;
}

/** The distinct trigrams of a folded string, as FTS5's trigram tokenizer cuts them (by code point). */
function trigrams(s: string): string[] {
  const chars = [...s];
  const out = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) out.add(chars[i]! + chars[i + 1]! + chars[i + 2]!);
  return [...out];
}

export interface NameRows {
  /** Every name row in rowid order: its actor, original form and folded form. */
  names: Array<{ actor_id: string; name: string; norm: string }>;
  /** Every actor's canonical name, by id. */
  actors: Array<{ id: string; name: string }>;
}

export interface NameMatch {
  /** The page's actor ids, in the ranking's order. */
  ids: string[];
  /** For each of them, the name it matched by (as `findActors` reports it). */
  matched: string[];
  /** How many actors match in all. */
  total: number;
}

/** Per name row, in `rows` (one cache line for all a candidate needs): where its folded name starts in `chars`, its
 * length in UTF-16 units, its length in code points, and its actor. */
const R_START = 0;
const R_LEN = 1;
const R_POINTS = 2;
const R_ACTOR = 3;
const R_STRIDE = 4;
/** Per actor, in `scratch`, for one search: which search set the rest, its best rank, its shown name's row and rank. */
const S_SEEN = 0;
const S_BEST = 1;
const S_ROW = 2;
const S_RANK = 3;
const S_STRIDE = 4;
/** Per matching name, for one search: its actor, its rank, its rank as the shown name, and its row. */
const H_ACTOR = 0;
const H_RANK = 1;
const H_SHOWN = 2;
const H_ROW = 3;
const H_STRIDE = 4;

export class NameIndex {
  private readonly chars: Uint16Array;
  private readonly rows: Int32Array;
  private readonly names: string[];
  /** The actors' ids, numbered in the order of (canonical name, id), BINARY as SQLite compares them: an actor's number
   * is its place in the ranking's last two keys. */
  private readonly actorIds: string[];
  /** Each trigram's posting list: the rows whose folded name holds it, ascending. */
  private readonly grams = new Map<string, Int32Array>();
  /** For the common trigrams (held by a 32nd of the names or more), the same rows as a bitmap: bit r of word r >> 5. */
  private readonly bitmaps = new Map<Int32Array, Int32Array>();
  private readonly scratch: Int32Array;
  private generation = 0;
  /** Kept so that the loads of the gathering loop are not optimised away. */
  private touched = 0;

  private constructor(
    rows: NameRows,
    /** The database's change stamp when the rows were read. */
    readonly stamp: string,
  ) {
    const nActors = rows.actors.length;
    this.actorIds = new Array<string>(nActors);
    this.scratch = new Int32Array(nActors * S_STRIDE);
    const n = rows.names.length;
    let total = 0;
    for (const r of rows.names) total += r.norm.length;
    this.chars = new Uint16Array(total);
    this.rows = new Int32Array(n * R_STRIDE);
    this.names = new Array<string>(n);
  }

  /**
   * Build from the rows read, tagged with the stamp they were read at; `pause` is awaited between chunks of 20,000
   * rows, so that a server goes on answering while it builds (about a second for 300,000 names).
   */
  static async build(rows: NameRows, stamp: string, pause: () => Promise<unknown> = async () => undefined): Promise<NameIndex> {
    const ix = new NameIndex(rows, stamp);
    const sorted = [...rows.actors].sort((x, y) => binaryCompare(x.name, y.name) || binaryCompare(x.id, y.id));
    const index = new Map<string, number>();
    sorted.forEach((a, place) => {
      ix.actorIds[place] = a.id;
      index.set(a.id, place);
    });
    await pause();
    const lists = new Map<string, number[]>();
    let at = 0;
    for (let i = 0; i < rows.names.length; i++) {
      if (i % 20_000 === 19_999) await pause();
      const r = rows.names[i]!;
      const norm = r.norm;
      const row = i * R_STRIDE;
      ix.rows[row + R_START] = at;
      ix.rows[row + R_LEN] = norm.length;
      for (let k = 0; k < norm.length; k++) ix.chars[at++] = norm.charCodeAt(k);
      ix.rows[row + R_POINTS] = codePoints(norm);
      ix.names[i] = r.name;
      ix.rows[row + R_ACTOR] = index.get(r.actor_id) ?? -1;
      for (const g of trigrams(norm)) {
        const l = lists.get(g);
        if (l) l.push(i);
        else lists.set(g, [i]);
      }
    }
    // A bitmap takes n / 8 bytes, at most what its list takes: so memory grows by less than the lists' size.
    const common = Math.max(64, rows.names.length / 32);
    for (const [g, l] of lists) {
      const list = Int32Array.from(l);
      ix.grams.set(g, list);
      if (list.length < common) continue;
      const bits = new Int32Array((rows.names.length >>> 5) + 1);
      for (const r of list) bits[r >>> 5]! |= 1 << (r & 31);
      ix.bitmaps.set(list, bits);
    }
    return ix;
  }

  /** Where `q` first occurs in the name that starts at `s` in `chars` and is `len` units long, or -1. */
  private indexIn(s: number, len: number, q: Uint16Array): number {
    const last = len - q.length;
    const c = this.chars;
    const first = q[0]!;
    outer: for (let p = 0; p <= last; p++) {
      if (c[s + p] !== first) continue;
      for (let k = 1; k < q.length; k++) if (c[s + p + k] !== q[k]) continue outer;
      return p;
    }
    return -1;
  }

  /**
   * The actors whose names contain `norm` (three code points or more, folded), ranked as the SQL does: best rank of
   * their names (exact 0, prefix 1, else 2, times 1000, plus the name's length in code points), then canonical name,
   * then id; the page `offset`…`offset + limit` of them, and how many there are.
   */
  search(norm: string, limit: number, offset: number): NameMatch {
    const lists = trigrams(norm)
      .map((g) => this.grams.get(g) ?? new Int32Array(0))
      .sort((a, b) => a.length - b.length);
    // The rarest posting list, narrowed by the second rarest and by every other common one (a bitmap each); every
    // candidate is then checked against the whole query. A bit test per entry replaces a merge of two long lists
    // ("zar" and "art": 12,000 and 19,000 rows; the search for "zart" 222 → 182 µs).
    let candidates = lists[0]!;
    for (let i = 1; i < lists.length; i++) {
      const bits = this.bitmaps.get(lists[i]!);
      if (bits) candidates = within(candidates, bits);
      else if (i === 1) candidates = intersect(candidates, lists[1]!);
    }
    const q = Uint16Array.from(norm, (_, k) => norm.charCodeAt(k));
    // A search's mark in the scratch space; wrapping around after 2^31 searches would only need a clearing.
    const gen = (this.generation = (this.generation % 0x7fffffff) + 1);
    if (gen === 1) this.scratch.fill(0);
    const rows = this.rows;
    const scratch = this.scratch;
    const chars = this.chars;
    // Each candidate's row and name, and each match's actor, are anywhere in memory: a cache miss each. So they are
    // read in passes, two of them plain loads without a branch between them, which the processor overlaps
    // (about 40 % faster than one pass that waits on each miss in turn).
    // 1. Gather the candidates' row fields, and touch the first unit of each name.
    const n = candidates.length;
    const found = new Int32Array(n * R_STRIDE);
    let touched = 0;
    for (let k = 0; k < n; k++) {
      const row = candidates[k]! * R_STRIDE;
      const f = k * R_STRIDE;
      const start = rows[row + R_START]!;
      found[f + R_START] = start;
      found[f + R_LEN] = rows[row + R_LEN]!;
      found[f + R_POINTS] = rows[row + R_POINTS]!;
      found[f + R_ACTOR] = rows[row + R_ACTOR]!;
      touched += chars[start]!;
    }
    // 2. Check each candidate against the whole query; keep each match's actor, rank, shown rank and row in `hits`.
    const hits = new Int32Array(n * H_STRIDE);
    let m = 0;
    for (let k = 0; k < n; k++) {
      const f = k * R_STRIDE;
      const len = found[f + R_LEN]!;
      const at = this.indexIn(found[f + R_START]!, len, q);
      const a = found[f + R_ACTOR]!;
      if (at < 0 || a < 0) continue;
      const category = at === 0 ? (len === q.length ? 0 : 1) : 2;
      const h = m++ * H_STRIDE;
      hits[h + H_ACTOR] = a;
      hits[h + H_RANK] = category * 1000 + found[f + R_POINTS]!;
      // The name reported as matched: the first (in row order) of the best, with the length in UTF-16 units as
      // findActors counts it there.
      hits[h + H_SHOWN] = category * 1000 + len;
      hits[h + H_ROW] = candidates[k]!;
    }
    // 3. Touch the matches' actors' entries in the scratch space.
    for (let h = 0; h < m * H_STRIDE; h += H_STRIDE) touched += scratch[hits[h + H_ACTOR]! * S_STRIDE]!;
    this.touched = touched;
    // 4. Each actor's best, in row order.
    const matched: number[] = [];
    for (let h = 0; h < m * H_STRIDE; h += H_STRIDE) {
      const a = hits[h + H_ACTOR]!;
      const rank = hits[h + H_RANK]!;
      const shown = hits[h + H_SHOWN]!;
      const s = a * S_STRIDE;
      if (scratch[s + S_SEEN] !== gen) {
        scratch[s + S_SEEN] = gen;
        scratch[s + S_BEST] = rank;
        scratch[s + S_ROW] = hits[h + H_ROW]!;
        scratch[s + S_RANK] = shown;
        matched.push(a);
        continue;
      }
      if (rank < scratch[s + S_BEST]!) scratch[s + S_BEST] = rank;
      if (shown < scratch[s + S_RANK]!) {
        scratch[s + S_RANK] = shown;
        scratch[s + S_ROW] = hits[h + H_ROW]!;
      }
    }
    // Rank, then place in the (name, id) order (the actor's number): one number per actor, sorted as numbers.
    const places = this.actorIds.length;
    const keys = new Float64Array(matched.length);
    for (let k = 0; k < matched.length; k++) keys[k] = scratch[matched[k]! * S_STRIDE + S_BEST]! * places + matched[k]!;
    // Only the page's keys need to be in order: the first `offset + limit` found by selection, then sorted.
    const needed = Math.min(keys.length, offset + limit);
    if (needed > 0 && keys.length > 2 * needed) {
      selectSmallest(keys, needed);
      keys.subarray(0, needed).sort();
    } else keys.sort();
    const ids: string[] = [];
    const names: string[] = [];
    for (let k = offset; k < needed; k++) {
      const a = keys[k]! % places;
      ids.push(this.actorIds[a]!);
      names.push(this.names[scratch[a * S_STRIDE + S_ROW]!]!);
    }
    return { ids, matched: names, total: matched.length };
  }
}

/** Reorder distinct numbers so that the first `k` are the `k` smallest, in any order (quickselect). */
export function selectSmallest(a: Float64Array, k: number): void {
  let lo = 0;
  let hi = a.length - 1;
  const target = k - 1;
  while (hi > lo) {
    const pivot = a[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    // Now a[lo..j] ≤ pivot ≤ a[i..hi], with anything between them equal to the pivot.
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return;
  }
}

/** The entries of an ascending list whose bit is set. */
function within(list: Int32Array, bits: Int32Array): Int32Array {
  const out = new Int32Array(list.length);
  let k = 0;
  for (let i = 0; i < list.length; i++) {
    const r = list[i]!;
    out[k] = r;
    k += (bits[r >>> 5]! >>> (r & 31)) & 1;
  }
  return out.subarray(0, k);
}

/** The common entries of two ascending lists. */
function intersect(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(Math.min(a.length, b.length));
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      out[k++] = x;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out.subarray(0, k);
}
