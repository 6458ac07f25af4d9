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

/**
 * Brandes' dependency accumulation from each source (all nodes when `sources` is null); raw sums. The dependency
 * pass pulls from successors (δ(v) = σ(v) Σ_w (1 + δ(w))/σ(w) over w one step further) rather than pushing to
 * predecessors, so it reads only out-arcs and writes only v.
 */
function brandes(csr: Csr, sources: Int32Array | null): Float64Array {
  return csr.weight === null ? brandesUnweighted(csr, sources) : brandesWeighted(csr, sources);
}

function brandesUnweighted(csr: Csr, sources: Int32Array | null): Float64Array {
  const n = csr.order;
  const bc = new Float64Array(n);
  // Distance, path count and (1 + δ)/σ of node v at 4v, 4v+1, 4v+2: one cache line per node visited. On graphs
  // larger than the cache, cache misses on these reads are most of the running time.
  const state = new Float64Array(4 * n);
  for (let v = 0; v < n; v++) state[4 * v] = -1;
  const order = new Int32Array(n);
  const { outOffsets: offsets, outTargets: targets } = csr;
  // The BFS writes the shortest-path DAG as it goes (successors of order[i] at succ[succStart[i] ..
  // succStart[i+1])), so the dependency pass reads only DAG arcs, sequentially, instead of every arc again.
  const succ = new Int32Array(targets.length);
  const succStart = new Int32Array(n + 1);
  const count = sources ? sources.length : n;
  for (let k = 0; k < count; k++) {
    const s = sources ? sources[k]! : k;
    state[4 * s] = 0;
    state[4 * s + 1] = 1;
    order[0] = s;
    let head = 0;
    let tail = 1;
    let p = 0;
    while (head < tail) {
      const v = order[head]!;
      succStart[head++] = p;
      const dv = state[4 * v]! + 1;
      const sv = state[4 * v + 1]!;
      const end = offsets[v + 1]!;
      for (let e = offsets[v]!; e < end; e++) {
        const t = targets[e]!;
        const b = 4 * t;
        const dt = state[b]!;
        if (dt < 0) {
          state[b] = dv;
          state[b + 1] = sv;
          order[tail++] = t;
          succ[p++] = t;
        } else if (dt === dv) {
          state[b + 1]! += sv;
          succ[p++] = t;
        }
      }
    }
    succStart[tail] = p;
    for (let i = tail - 1; i >= 0; i--) {
      let pull = 0;
      const end = succStart[i + 1]!;
      for (let j = succStart[i]!; j < end; j++) pull += state[4 * succ[j]! + 2]!;
      const b = 4 * order[i]!;
      const sv = state[b + 1]!;
      if (i > 0) bc[order[i]!]! += sv * pull;
      state[b + 2] = 1 / sv + pull;
    }
    for (let i = 0; i < tail; i++) {
      const b = 4 * order[i]!;
      state[b] = -1;
      state[b + 1] = 0;
      state[b + 2] = 0;
    }
  }
  return bc;
}

function brandesWeighted(csr: Csr, sources: Int32Array | null): Float64Array {
  const n = csr.order;
  const bc = new Float64Array(n);
  const ws = new Workspace(csr);
  // delta holds (1 + δ)/σ, as state[4v+2] above.
  const { dist, sigma, delta, order } = ws;
  const { outOffsets, outTargets, outWeights } = csr;
  const count = sources ? sources.length : n;
  for (let k = 0; k < count; k++) {
    const s = sources ? sources[k]! : k;
    const reached = ws.dijkstra(outOffsets, outTargets, outWeights, s);
    for (let i = reached - 1; i >= 0; i--) {
      const v = order[i]!;
      const dv = dist[v]!;
      let pull = 0;
      const end = outOffsets[v + 1]!;
      for (let e = outOffsets[v]!; e < end; e++) {
        const w = outTargets[e]!;
        // The same sum as in the forward pass, so equality is exact when w follows v on a shortest path.
        if (dv + outWeights[e]! === dist[w]) pull += delta[w]!;
      }
      const sv = sigma[v]!;
      if (i > 0) bc[v]! += sv * pull;
      delta[v] = 1 / sv + pull;
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
