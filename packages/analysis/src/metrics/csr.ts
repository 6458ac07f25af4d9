// Compressed sparse row (CSR) form of a graphology graph: the typed arrays every metric's hot loop runs on.
import type { AbstractGraph } from "graphology-types";
import { MetricError, type NodeValues } from "./types.js";

/** Any graphology graph, whatever its attribute types. */
export type AnyGraph = AbstractGraph;

/**
 * A graph as arrays. Node i is `keys[i]`; its outgoing arcs are `outTargets[outOffsets[i] .. outOffsets[i+1])` with
 * `outWeights` beside them, its incoming arcs likewise in the `in*` arrays. An undirected edge is two arcs (one for a
 * self-loop), and in an undirected graph the `in*` arrays are the `out*` arrays. In a mixed graph directed edges are
 * one arc and undirected edges two.
 */
export interface Csr {
  readonly directed: boolean;
  readonly order: number;
  readonly keys: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly outOffsets: Int32Array;
  readonly outTargets: Int32Array;
  readonly outWeights: Float64Array;
  readonly inOffsets: Int32Array;
  readonly inTargets: Int32Array;
  readonly inWeights: Float64Array;
  /** The weight attribute read, or null (every weight is 1). */
  readonly weight: string | null;
  /** Smallest arc weight (Infinity without arcs): shortest-path metrics refuse negative or zero lengths. */
  readonly minWeight: number;
}

// One cache per graph, emptied by any structural or edge-attribute change, so a metric run after another on an
// unchanged graph skips the conversion. Attributes mutated in place (without graphology's setters) are not seen.
const cache = new WeakMap<AnyGraph, Map<string, Csr>>();
const INVALIDATING = [
  "nodeAdded",
  "edgeAdded",
  "nodeDropped",
  "edgeDropped",
  "cleared",
  "edgesCleared",
  "edgeAttributesUpdated",
  "eachEdgeAttributesUpdated",
] as const;

/** The CSR form of a graph for a weight attribute (or none), built once and reused until the graph changes. */
export function toCsr(graph: AnyGraph, weight: string | null = null): Csr {
  let byWeight = cache.get(graph);
  if (!byWeight) {
    const created = new Map<string, Csr>();
    byWeight = created;
    cache.set(graph, created);
    for (const event of INVALIDATING) graph.on(event, () => created.clear());
  }
  const cacheKey = weight === null ? "\u0000" : `w:${weight}`;
  let csr = byWeight.get(cacheKey);
  if (!csr) {
    csr = buildCsr(graph, weight);
    byWeight.set(cacheKey, csr);
  }
  return csr;
}

function readWeight(value: unknown, weight: string, edge: string): number {
  if (value === undefined || value === null) return 1;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new MetricError(`edge ${edge}: weight attribute "${weight}" must be a finite number, got ${JSON.stringify(value)}`);
  }
  return value;
}

function buildCsr(graph: AnyGraph, weight: string | null): Csr {
  const n = graph.order;
  const keys = graph.nodes();
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) index.set(keys[i]!, i);

  // One pass over the edges into flat arrays, then a counting sort into both directions.
  const size = graph.size;
  const src = new Int32Array(size);
  const dst = new Int32Array(size);
  const wts = new Float64Array(size);
  const und = new Uint8Array(size);
  let e = 0;
  let minWeight = Infinity;
  graph.forEachEdge((edge, attributes, source, target, _sa, _ta, undirected) => {
    const w = weight === null ? 1 : readWeight(attributes[weight], weight, edge);
    if (w < minWeight) minWeight = w;
    src[e] = index.get(source)!;
    dst[e] = index.get(target)!;
    wts[e] = w;
    und[e] = undirected ? 1 : 0;
    e++;
  });

  const directed = graph.type !== "undirected";
  const outDeg = new Int32Array(n + 1);
  const inDeg = new Int32Array(n + 1);
  for (let i = 0; i < size; i++) {
    const s = src[i]!;
    const t = dst[i]!;
    if (!directed || und[i]) {
      outDeg[s]!++;
      if (s !== t) outDeg[t]!++;
    } else {
      outDeg[s]!++;
      inDeg[t]!++;
    }
  }
  if (directed) {
    // In a mixed graph an undirected edge is an arc both ways, so it is also incoming at both ends.
    for (let i = 0; i < size; i++) {
      if (!und[i]) continue;
      const s = src[i]!;
      const t = dst[i]!;
      inDeg[s]!++;
      if (s !== t) inDeg[t]!++;
    }
  }

  const outOffsets = prefix(outDeg, n);
  const arcs = outOffsets[n]!;
  const outTargets = new Int32Array(arcs);
  const outWeights = new Float64Array(arcs);
  const fill = outOffsets.slice(0, n);
  let inOffsets = outOffsets;
  let inTargets = outTargets;
  let inWeights = outWeights;
  let inFill = fill;
  if (directed) {
    inOffsets = prefix(inDeg, n);
    inTargets = new Int32Array(inOffsets[n]!);
    inWeights = new Float64Array(inOffsets[n]!);
    inFill = inOffsets.slice(0, n);
  }
  for (let i = 0; i < size; i++) {
    const s = src[i]!;
    const t = dst[i]!;
    const w = wts[i]!;
    let p = fill[s]!++;
    outTargets[p] = t;
    outWeights[p] = w;
    if (!directed) {
      if (s !== t) {
        p = fill[t]!++;
        outTargets[p] = s;
        outWeights[p] = w;
      }
      continue;
    }
    p = inFill[t]!++;
    inTargets[p] = s;
    inWeights[p] = w;
    if (und[i] && s !== t) {
      p = fill[t]!++;
      outTargets[p] = s;
      outWeights[p] = w;
      p = inFill[s]!++;
      inTargets[p] = t;
      inWeights[p] = w;
    }
  }
  return { directed, order: n, keys, index, outOffsets, outTargets, outWeights, inOffsets, inTargets, inWeights, weight, minWeight };
}

function prefix(counts: Int32Array, n: number): Int32Array {
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + counts[i]!;
  return offsets;
}

/** The index of a node key, or a {@link MetricError} naming the unknown node. */
export function nodeIndex(csr: Csr, node: unknown): number {
  const i = csr.index.get(String(node));
  if (i === undefined) throw new MetricError(`node ${JSON.stringify(node)} is not in the graph`);
  return i;
}

/** Turn per-index values back into values keyed by node key. */
export function byKey(csr: Csr, values: ArrayLike<number>): NodeValues {
  const out: NodeValues = {};
  const keys = csr.keys;
  for (let i = 0; i < keys.length; i++) out[keys[i]!] = values[i]!;
  return out;
}

/** Refuse weights a shortest-path computation cannot use (`zero` too when shortest paths are counted). */
export function requireLengths(csr: Csr, allowZero: boolean): void {
  if (csr.weight === null) return;
  if (csr.minWeight < 0 || (!allowZero && csr.minWeight === 0)) {
    throw new MetricError(
      `weight attribute "${csr.weight}" has a ${csr.minWeight < 0 ? "negative" : "zero"} value (${csr.minWeight}); ` +
        `shortest paths need ${allowZero ? "non-negative" : "positive"} lengths`,
    );
  }
}
