// Degree, betweenness (exact Brandes and fixed-pivot sampled) and closeness centrality on CSR arrays.
import { byKey, nodeIndex, requireLengths, toCsr, type AnyGraph, type Csr } from "./csr.js";
import { withAssign } from "./assign.js";
import { Workspace } from "./traversal.js";
import {
  DEFAULTS,
  MetricError,
  withDefaults,
  type BetweennessOptions,
  type ClosenessOptions,
  type DegreeOptions,
  type NodeValues,
} from "./types.js";

/**
 * Degree of every node, or its strength (sum of edge weights) with `weight`. A self-loop counts twice in an
 * undirected graph (once in, once out in a directed one). In a mixed graph an undirected edge counts as in and out.
 */
export const degree = withAssign(
  (graph: AnyGraph, options?: DegreeOptions): NodeValues => {
    const { weight, mode } = withDefaults<Required<DegreeOptions>>(DEFAULTS.degree, options);
    const out: NodeValues = {};
    graph.forEachNode((node) => {
      out[node] = 0;
    });
    const directed = graph.type !== "undirected";
    const countSource = !directed || mode !== "in";
    const countTarget = !directed || mode !== "out";
    graph.forEachEdge((edge, attributes, source, target, _sa, _ta, undirected) => {
      let w = 1;
      if (weight !== null) {
        const value: unknown = attributes[weight];
        if (value !== undefined && value !== null) {
          if (typeof value !== "number" || !Number.isFinite(value)) {
            throw new MetricError(`edge ${edge}: weight attribute "${weight}" must be a finite number`);
          }
          w = value;
        }
      }
      if (undirected) {
        out[source]! += w;
        out[target]! += w;
        return;
      }
      if (countSource) out[source]! += w;
      if (countTarget) out[target]! += w;
    });
    return out;
  },
  "degree",
  (values) => values,
);

/** NetworkX's `_rescale` for betweenness with `endpoints=False`; `pivots` is k of `betweenness_centrality(k=…)`. */
function rescale(values: Float64Array, n: number, directed: boolean, normalized: boolean, pivots: number | null): void {
  let scale: number | null;
  if (normalized) scale = n <= 2 ? null : 1 / ((n - 1) * (n - 2));
  else scale = directed ? null : 0.5;
  if (scale === null) return;
  if (pivots !== null) scale = (scale * n) / pivots;
  for (let i = 0; i < n; i++) values[i]! *= scale;
}

/** Brandes' dependency accumulation from each source (all nodes when `sources` is null); raw sums. */
function brandes(csr: Csr, sources: Int32Array | null): Float64Array {
  const n = csr.order;
  const bc = new Float64Array(n);
  const ws = new Workspace(csr);
  const { dist, sigma, delta, order } = ws;
  const { outOffsets, outTargets, outWeights, inOffsets, inTargets, inWeights } = csr;
  const weighted = csr.weight !== null;
  const count = sources ? sources.length : n;
  for (let k = 0; k < count; k++) {
    const s = sources ? sources[k]! : k;
    if (weighted) {
      const reached = ws.dijkstra(outOffsets, outTargets, outWeights, s);
      for (let i = reached - 1; i > 0; i--) {
        const w = order[i]!;
        const coef = (1 + delta[w]!) / sigma[w]!;
        const dw = dist[w]!;
        const end = inOffsets[w + 1]!;
        for (let e = inOffsets[w]!; e < end; e++) {
          const v = inTargets[e]!;
          // The same sum as in the forward pass, so equality is exact when v is a predecessor.
          if (dist[v]! + inWeights[e]! === dw) delta[v]! += sigma[v]! * coef;
        }
        bc[w]! += delta[w]!;
      }
    } else {
      const reached = ws.bfs(outOffsets, outTargets, s);
      for (let i = reached - 1; i > 0; i--) {
        const w = order[i]!;
        const coef = (1 + delta[w]!) / sigma[w]!;
        const dp = dist[w]! - 1;
        const end = inOffsets[w + 1]!;
        for (let e = inOffsets[w]!; e < end; e++) {
          const v = inTargets[e]!;
          if (dist[v] === dp) delta[v]! += sigma[v]! * coef;
        }
        bc[w]! += delta[w]!;
      }
    }
    ws.reset();
  }
  return bc;
}

/**
 * Exact betweenness centrality (Brandes 2001): BFS when unweighted, Dijkstra on a binary heap with `weight` (read
 * as a length; it must be positive). Values equal NetworkX's `betweenness_centrality(G, normalized=…,
 * weight=…, endpoints=False)`.
 */
export const betweenness = withAssign(
  (graph: AnyGraph, options?: BetweennessOptions): NodeValues => {
    const { weight, normalized } = withDefaults<Required<BetweennessOptions>>(DEFAULTS.betweenness, options);
    const csr = toCsr(graph, weight);
    requireLengths(csr, false);
    const bc = brandes(csr, null);
    rescale(bc, csr.order, csr.directed, normalized, null);
    return byKey(csr, bc);
  },
  "betweenness",
  (values) => values,
);

/**
 * Betweenness estimated from the shortest paths leaving a caller-given list of pivot nodes (no randomness inside:
 * choose the pivots yourself). The scaling is NetworkX's `betweenness_centrality(G, k=len(pivots))`: the raw sum of
 * the pivots' dependencies times n/k, then the same normalization as {@link betweenness}. So with all n nodes as
 * pivots it equals exact betweenness, and it equals NetworkX's result whenever NetworkX draws the same pivots.
 * (igraph's subset betweenness with `sources=pivots` is the raw sum: unnormalized, multiply that by n/k, and by ½ in
 * an undirected graph.)
 */
export function betweennessSampled(graph: AnyGraph, pivots: readonly string[], options?: BetweennessOptions): NodeValues {
  const { weight, normalized } = withDefaults<Required<BetweennessOptions>>(DEFAULTS.betweenness, options);
  const csr = toCsr(graph, weight);
  requireLengths(csr, false);
  if (pivots.length === 0) throw new MetricError("sampled betweenness needs at least one pivot");
  const sources = new Int32Array(pivots.length);
  const seen = new Uint8Array(csr.order);
  pivots.forEach((pivot, i) => {
    const s = nodeIndex(csr, pivot);
    if (seen[s]) throw new MetricError(`pivot ${JSON.stringify(pivot)} is listed twice`);
    seen[s] = 1;
    sources[i] = s;
  });
  const bc = brandes(csr, sources);
  rescale(bc, csr.order, csr.directed, normalized, pivots.length);
  return byKey(csr, bc);
}

/**
 * Closeness centrality with NetworkX's semantics: (r-1)/Σd over the r nodes that reach the node (incoming distances
 * in a directed graph), times (r-1)/(n-1) when `wfImproved`; 0 for a node nothing reaches. With `weight`, distances
 * are weighted path lengths.
 */
export const closeness = withAssign(
  (graph: AnyGraph, options?: ClosenessOptions): NodeValues => {
    const { weight, wfImproved } = withDefaults<Required<ClosenessOptions>>(DEFAULTS.closeness, options);
    const csr = toCsr(graph, weight);
    requireLengths(csr, true);
    const n = csr.order;
    const values = new Float64Array(n);
    const ws = new Workspace(csr);
    const { dist, order } = ws;
    for (let u = 0; u < n; u++) {
      const reached =
        csr.weight === null
          ? ws.bfs(csr.inOffsets, csr.inTargets, u)
          : ws.dijkstra(csr.inOffsets, csr.inTargets, csr.inWeights, u);
      let total = 0;
      for (let i = 0; i < reached; i++) total += dist[order[i]!]!;
      if (total > 0 && n > 1) {
        let c = (reached - 1) / total;
        if (wfImproved) c *= (reached - 1) / (n - 1);
        values[u] = c;
      }
      ws.reset();
    }
    return byKey(csr, values);
  },
  "closeness",
  (values) => values,
);
