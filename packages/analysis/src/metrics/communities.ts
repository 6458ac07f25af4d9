// Louvain community detection and modularity on CSR arrays, deterministic for a given seed.
import { toCsr, type AnyGraph, type Csr } from "./csr.js";
import { withAssign } from "./assign.js";
import {
  DEFAULTS,
  MetricError,
  withDefaults,
  type LouvainOptions,
  type LouvainResult,
  type ModularityOptions,
} from "./types.js";

/** An undirected weighted graph for one Louvain level: adjacency without self-loops, loops apart. */
interface Level {
  n: number;
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
  /** Weight of each node's self-loop (an edge counted once). */
  loops: Float64Array;
  /** Weighted degree: adjacency weights plus twice the loop. */
  degree: Float64Array;
}

/** mulberry32: a tiny seeded PRNG, enough to shuffle the visiting order reproducibly. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The graph with edge directions dropped: arc u→v and its reverse both become the undirected edge {u, v}. */
function firstLevel(csr: Csr): Level {
  if (csr.weight !== null && csr.minWeight < 0) {
    throw new MetricError(`weight attribute "${csr.weight}" has a negative value; modularity needs non-negative weights`);
  }
  const n = csr.order;
  const { outOffsets, outTargets, outWeights, inOffsets, inTargets, inWeights, directed } = csr;
  const loops = new Float64Array(n);
  const counts = new Int32Array(n);
  for (let u = 0; u < n; u++) {
    for (let e = outOffsets[u]!; e < outOffsets[u + 1]!; e++) {
      if (outTargets[e] === u) loops[u]! += outWeights[e]!;
      else counts[u]!++;
    }
    if (directed) for (let e = inOffsets[u]!; e < inOffsets[u + 1]!; e++) if (inTargets[e] !== u) counts[u]!++;
  }
  const offsets = new Int32Array(n + 1);
  for (let u = 0; u < n; u++) offsets[u + 1] = offsets[u]! + counts[u]!;
  const targets = new Int32Array(offsets[n]!);
  const weights = new Float64Array(offsets[n]!);
  const degree = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    let p = offsets[u]!;
    let k = 2 * loops[u]!;
    for (let e = outOffsets[u]!; e < outOffsets[u + 1]!; e++) {
      if (outTargets[e] === u) continue;
      targets[p] = outTargets[e]!;
      weights[p++] = outWeights[e]!;
      k += outWeights[e]!;
    }
    if (directed) {
      for (let e = inOffsets[u]!; e < inOffsets[u + 1]!; e++) {
        if (inTargets[e] === u) continue;
        targets[p] = inTargets[e]!;
        weights[p++] = inWeights[e]!;
        k += inWeights[e]!;
      }
    }
    degree[u] = k;
  }
  return { n, offsets, targets, weights, loops, degree };
}

/** Modularity of a partition of a level (community index per node), at resolution γ. */
function levelModularity(level: Level, community: Int32Array, communities: number, resolution: number): number {
  const { n, offsets, targets, weights, loops, degree } = level;
  let m2 = 0;
  for (let u = 0; u < n; u++) m2 += degree[u]!;
  if (m2 === 0) return 0;
  const inside = new Float64Array(communities);
  const total = new Float64Array(communities);
  for (let u = 0; u < n; u++) {
    const c = community[u]!;
    total[c]! += degree[u]!;
    inside[c]! += 2 * loops[u]!;
    for (let e = offsets[u]!; e < offsets[u + 1]!; e++) if (community[targets[e]!] === c) inside[c]! += weights[e]!;
  }
  let q = 0;
  for (let c = 0; c < communities; c++) q += inside[c]! / m2 - resolution * (total[c]! / m2) ** 2;
  return q;
}

/**
 * Local moving: each node in turn joins the neighbouring community with the best modularity gain; a node that
 * moves puts its neighbours outside its new community back in the queue (the queue-based local moving of Leiden's
 * "fast local move"), until no node can gain. That is the fixed point of "pass after pass until a pass moves
 * nothing", reached without re-examining the nodes nothing changed around, which on large sparse graphs is almost
 * all of them for dozens of passes. Returns the community of each node, renumbered 0..count-1.
 */
function moveNodes(level: Level, resolution: number, random: (() => number) | null): { community: Int32Array; count: number } {
  const { n, offsets, targets, weights, degree } = level;
  let m2 = 0;
  for (let u = 0; u < n; u++) m2 += degree[u]!;
  const community = new Int32Array(n);
  const total = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    community[u] = u;
    total[u] = degree[u]!;
  }
  // The queue starts with every node, shuffled; it never holds a node twice, so n slots suffice.
  const queue = new Int32Array(n);
  for (let i = 0; i < n; i++) queue[i] = i;
  if (random) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = queue[i]!;
      queue[i] = queue[j]!;
      queue[j] = t;
    }
  }
  const queued = new Uint8Array(n).fill(1);
  let head = 0;
  let size = m2 > 0 ? n : 0;
  const linkWeight = new Float64Array(n);
  const seenAt = new Int32Array(n).fill(-1);
  const candidates = new Int32Array(n);
  // Each move strictly raises modularity, so the queue empties; the cap only guards against rounding cycles.
  const cap = 1000 * n;
  for (let visit = 0; size > 0 && visit < cap; visit++) {
    const u = queue[head]!;
    head = head + 1 === n ? 0 : head + 1;
    size--;
    queued[u] = 0;
    const own = community[u]!;
    const ku = degree[u]!;
    let count = 0;
    seenAt[own] = visit;
    linkWeight[own] = 0;
    candidates[count++] = own;
    for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
      const c = community[targets[e]!]!;
      if (seenAt[c] !== visit) {
        seenAt[c] = visit;
        linkWeight[c] = 0;
        candidates[count++] = c;
      }
      linkWeight[c]! += weights[e]!;
    }
    total[own]! -= ku;
    const scale = (resolution * ku) / m2;
    let best = own;
    let bestGain = linkWeight[own]! - total[own]! * scale;
    for (let k = 1; k < count; k++) {
      const c = candidates[k]!;
      const gain = linkWeight[c]! - total[c]! * scale;
      if (gain > bestGain) {
        bestGain = gain;
        best = c;
      }
    }
    total[best]! += ku;
    if (best === own) continue;
    community[u] = best;
    for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
      const t = targets[e]!;
      if (queued[t] || community[t] === best) continue;
      queued[t] = 1;
      let slot = head + size;
      if (slot >= n) slot -= n;
      queue[slot] = t;
      size++;
    }
  }
  const renumber = new Int32Array(n).fill(-1);
  let count = 0;
  for (let u = 0; u < n; u++) {
    const c = community[u]!;
    if (renumber[c] === -1) renumber[c] = count++;
    community[u] = renumber[c]!;
  }
  return { community, count };
}

/** Collapse each community of a level into one node, summing edge weights; internal weight becomes a self-loop. */
function aggregate(level: Level, community: Int32Array, count: number): Level {
  const { n, offsets, targets, weights, loops } = level;
  const members = new Int32Array(n);
  const start = new Int32Array(count + 1);
  for (let u = 0; u < n; u++) start[community[u]! + 1]!++;
  for (let c = 0; c < count; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, count);
  for (let u = 0; u < n; u++) members[fill[community[u]!]!++] = u;

  const newLoops = new Float64Array(count);
  const newOffsets = new Int32Array(count + 1);
  const link = new Float64Array(count);
  const seenAt = new Int32Array(count).fill(-1);
  const touched = new Int32Array(count);
  let targetsOut = new Int32Array(Math.max(16, targets.length));
  let weightsOut = new Float64Array(targetsOut.length);
  let p = 0;
  for (let c = 0; c < count; c++) {
    let k = 0;
    for (let i = start[c]!; i < start[c + 1]!; i++) {
      const u = members[i]!;
      newLoops[c]! += loops[u]!;
      for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
        const d = community[targets[e]!]!;
        if (d === c) {
          // Seen from both ends, so each internal edge adds half its weight here.
          newLoops[c]! += weights[e]! / 2;
          continue;
        }
        if (seenAt[d] !== c) {
          seenAt[d] = c;
          link[d] = 0;
          touched[k++] = d;
        }
        link[d]! += weights[e]!;
      }
    }
    if (p + k > targetsOut.length) {
      const grown = new Int32Array(2 * (p + k));
      grown.set(targetsOut);
      targetsOut = grown;
      const grownW = new Float64Array(grown.length);
      grownW.set(weightsOut);
      weightsOut = grownW;
    }
    for (let j = 0; j < k; j++) {
      const d = touched[j]!;
      targetsOut[p] = d;
      weightsOut[p++] = link[d]!;
    }
    newOffsets[c + 1] = p;
  }
  const degree = new Float64Array(count);
  for (let c = 0; c < count; c++) {
    let s = 2 * newLoops[c]!;
    for (let e = newOffsets[c]!; e < newOffsets[c + 1]!; e++) s += weightsOut[e]!;
    degree[c] = s;
  }
  return {
    n: count,
    offsets: newOffsets,
    targets: targetsOut.subarray(0, p),
    weights: weightsOut.subarray(0, p),
    loops: newLoops,
    degree,
  };
}

/**
 * Louvain community detection (Blondel et al. 2008): local moving then aggregation, level after level, until a
 * level moves nothing or gains less than `threshold` modularity. Edge weights are strengths; a directed graph is
 * read as undirected (u→v and v→u add up). Deterministic: the node order of each level comes from a PRNG seeded
 * with `seed`, or is the graph's order when `seed` is null.
 */
export const louvain = withAssign(
  (graph: AnyGraph, options?: LouvainOptions): LouvainResult => {
    const o = withDefaults<Required<LouvainOptions>>(DEFAULTS.louvain, options);
    const csr = toCsr(graph, o.weight);
    let level = firstLevel(csr);
    const n = csr.order;
    const random = o.seed === null ? null : mulberry32(o.seed);
    const assignment = new Int32Array(n);
    for (let i = 0; i < n; i++) assignment[i] = i;
    let count = n;
    let quality = levelModularity(level, assignment, n, o.resolution);
    for (;;) {
      const moved = moveNodes(level, o.resolution, random);
      if (moved.count === level.n) break;
      const q = levelModularity(level, moved.community, moved.count, o.resolution);
      if (q - quality <= o.threshold) break;
      quality = q;
      for (let i = 0; i < n; i++) assignment[i] = moved.community[assignment[i]!]!;
      count = moved.count;
      level = aggregate(level, moved.community, moved.count);
    }
    // Number communities in order of first appearance in the graph's node order.
    const renumber = new Int32Array(count).fill(-1);
    let next = 0;
    const communities: Record<string, number> = {};
    for (let i = 0; i < n; i++) {
      const c = assignment[i]!;
      if (renumber[c] === -1) renumber[c] = next++;
      communities[csr.keys[i]!] = renumber[c]!;
    }
    return { communities, count: next, modularity: modularity(graph, communities, { weight: o.weight, resolution: o.resolution }) };
  },
  "community",
  (result) => result.communities,
);

/**
 * Newman–Girvan modularity of a partition, with resolution γ: Σ_c [L_c/m − γ (d_c/2m)²], L_c the weight inside
 * community c and d_c its total degree (NetworkX's `modularity` on an undirected graph). A directed graph is read
 * as undirected, as in {@link louvain}. Every node must be in `communities`.
 */
export function modularity(
  graph: AnyGraph,
  communities: Readonly<Record<string, string | number>>,
  options?: ModularityOptions,
): number {
  const o = withDefaults<Required<ModularityOptions>>(DEFAULTS.modularity, options);
  const csr = toCsr(graph, o.weight);
  const level = firstLevel(csr);
  const ids = new Map<string | number, number>();
  const community = new Int32Array(csr.order);
  for (let i = 0; i < csr.order; i++) {
    const label = communities[csr.keys[i]!];
    if (label === undefined) throw new MetricError(`node ${JSON.stringify(csr.keys[i])} has no community`);
    let c = ids.get(label);
    if (c === undefined) ids.set(label, (c = ids.size));
    community[i] = c;
  }
  return levelModularity(level, community, ids.size, o.resolution);
}
