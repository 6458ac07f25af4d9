// Single-source shortest paths on CSR arrays (BFS, and Dijkstra on a binary heap) with path counts, reusing buffers.
import type { Csr } from "./csr.js";

/**
 * Buffers for one single-source search, sized once per graph and reset after each source by visiting only the
 * nodes that were reached, so running all n sources costs O(n·m) and not O(n²) in resets.
 */
export class Workspace {
  /** Distance from the source (Infinity when unreached). */
  readonly dist: Float64Array;
  /** Number of shortest paths from the source. */
  readonly sigma: Float64Array;
  /** Brandes dependency, for the callers that accumulate one. */
  readonly delta: Float64Array;
  /** Nodes in the order they were settled: non-decreasing distance, so reversed it is Brandes' stack. */
  readonly order: Int32Array;
  readonly done: Uint8Array;
  private heapKeys: Float64Array | null = null;
  private heapNodes: Int32Array | null = null;
  /** How many entries of `order` the last search filled. */
  count = 0;

  constructor(private readonly csr: Csr) {
    const n = csr.order;
    this.dist = new Float64Array(n).fill(Infinity);
    this.sigma = new Float64Array(n);
    this.delta = new Float64Array(n);
    this.order = new Int32Array(n);
    this.done = new Uint8Array(n);
  }

  /** Undo the last search's writes. */
  reset(): void {
    const { dist, sigma, delta, done, order } = this;
    for (let i = 0; i < this.count; i++) {
      const v = order[i]!;
      dist[v] = Infinity;
      sigma[v] = 0;
      delta[v] = 0;
      done[v] = 0;
    }
    this.count = 0;
  }

  /** Breadth-first search from `source` over the given adjacency (out-arcs, or in-arcs to search backwards). */
  bfs(offsets: Int32Array, targets: Int32Array, source: number, stopAt = -1): number {
    const { dist, sigma, order } = this;
    dist[source] = 0;
    sigma[source] = 1;
    order[0] = source;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = order[head++]!;
      if (v === stopAt) break;
      const dv = dist[v]! + 1;
      const sv = sigma[v]!;
      const end = offsets[v + 1]!;
      for (let e = offsets[v]!; e < end; e++) {
        const t = targets[e]!;
        const dt = dist[t]!;
        if (dt === Infinity) {
          dist[t] = dv;
          sigma[t] = sv;
          order[tail++] = t;
        } else if (dt === dv) {
          sigma[t]! += sv;
        }
      }
    }
    // A stopped search has queued nodes it never settled: they are reset too, so `count` covers them.
    this.count = tail;
    return tail;
  }

  /**
   * Dijkstra from `source` with non-negative lengths. Path counts use exact equality of distance sums, as NetworkX
   * does; with integer or dyadic weights that is exact. `order` lists the settled nodes; `count` also covers queued
   * nodes left when `stopAt` ends the search early.
   */
  dijkstra(offsets: Int32Array, targets: Int32Array, weights: Float64Array, source: number, stopAt = -1): number {
    const { dist, sigma, order, done } = this;
    if (!this.heapKeys) {
      const capacity = this.csr.outTargets.length + this.csr.inTargets.length + 1;
      this.heapKeys = new Float64Array(capacity);
      this.heapNodes = new Int32Array(capacity);
    }
    const keys = this.heapKeys;
    const nodes = this.heapNodes!;
    let size = 1;
    keys[0] = 0;
    nodes[0] = source;
    dist[source] = 0;
    sigma[source] = 1;
    let settled = 0;
    // Nodes reached but not yet settled are kept apart so that reset() can clear them after an early stop.
    let touchedExtra = 0;
    const n = order.length;
    while (size > 0) {
      const d = keys[0]!;
      const v: number = nodes[0]!;
      // Pop: move the last entry to the root and sift it down.
      size--;
      if (size > 0) {
        const lk = keys[size]!;
        const ln = nodes[size]!;
        let i = 0;
        for (;;) {
          let c = 2 * i + 1;
          if (c >= size) break;
          if (c + 1 < size && keys[c + 1]! < keys[c]!) c++;
          if (keys[c]! >= lk) break;
          keys[i] = keys[c]!;
          nodes[i] = nodes[c]!;
          i = c;
        }
        keys[i] = lk;
        nodes[i] = ln;
      }
      if (done[v] || d > dist[v]!) continue;
      done[v] = 1;
      order[settled++] = v;
      if (v === stopAt) break;
      const sv = sigma[v]!;
      const end = offsets[v + 1]!;
      for (let e: number = offsets[v]!; e < end; e++) {
        const t = targets[e]!;
        const nd = d + weights[e]!;
        const dt = dist[t]!;
        if (nd < dt) {
          if (dt === Infinity) touchedExtra++;
          dist[t] = nd;
          sigma[t] = sv;
          // Push.
          let i = size++;
          while (i > 0) {
            const p = (i - 1) >> 1;
            if (keys[p]! <= nd) break;
            keys[i] = keys[p]!;
            nodes[i] = nodes[p]!;
            i = p;
          }
          keys[i] = nd;
          nodes[i] = t;
        } else if (nd === dt && !done[t]) {
          sigma[t]! += sv;
        }
      }
    }
    this.count = settled;
    if (stopAt >= 0 && touchedExtra + 1 > settled) {
      // Append reached-but-unsettled nodes after the settled ones so reset() finds them.
      let k = settled;
      for (let i = 0; i < size && k < n; i++) {
        const t = nodes[i]!;
        if (!done[t] && dist[t] !== Infinity) {
          done[t] = 2;
          order[k++] = t;
        }
      }
      this.count = k;
    }
    return settled;
  }
}
