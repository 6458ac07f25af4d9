// PageRank and eigenvector centrality: power iterations pulling over the CSR in-arcs.
import { byKey, nodeIndex, toCsr, type AnyGraph } from "./csr.js";
import { withAssign } from "./assign.js";
import { DEFAULTS, MetricError, withDefaults, type EigenvectorOptions, type NodeValues, type PageRankOptions } from "./types.js";

/**
 * PageRank by power iteration, the iteration NetworkX's `pagerank` runs: start uniform, teleport and dangling mass
 * along the personalization vector (uniform without one), stop when the L1 change falls below n × `tolerance`. The
 * default (1e-15, a thousand times tighter than NetworkX's `tol=1e-12`) leaves an error far below 1e-9 per node,
 * so values equal NetworkX's (`tol=1e-12`) and igraph's PRPACK solution to 1e-9. Weights (strengths) must be
 * non-negative; a node whose outgoing weights sum to 0 is dangling. The result sums to 1.
 */
export const pagerank = withAssign(
  (graph: AnyGraph, options?: PageRankOptions): NodeValues => {
    const o = withDefaults<Required<PageRankOptions>>(DEFAULTS.pagerank, options);
    if (!(o.alpha >= 0 && o.alpha <= 1)) throw new MetricError(`PageRank alpha must lie in [0, 1], got ${o.alpha}`);
    const csr = toCsr(graph, o.weight);
    const n = csr.order;
    if (n === 0) return {};
    if (csr.weight !== null && csr.minWeight < 0) {
      throw new MetricError(`weight attribute "${csr.weight}" has a negative value; PageRank needs non-negative weights`);
    }
    const { outOffsets, outWeights, inOffsets, inTargets, inWeights } = csr;
    const weighted = csr.weight !== null;

    const teleport = new Float64Array(n).fill(1 / n);
    if (o.personalization) {
      teleport.fill(0);
      let sum = 0;
      for (const [node, value] of Object.entries(o.personalization)) {
        if (!(value >= 0) || !Number.isFinite(value)) {
          throw new MetricError(`personalization of ${JSON.stringify(node)} must be a non-negative number, got ${value}`);
        }
        teleport[nodeIndex(csr, node)] = value;
        sum += value;
      }
      if (!(sum > 0)) throw new MetricError("personalization must give some node a positive value");
      for (let i = 0; i < n; i++) teleport[i]! /= sum;
    }

    // inverse[u] turns u's rank into what each unit of outgoing weight carries; 0 marks a dangling node.
    const inverse = new Float64Array(n);
    let danglingCount = 0;
    for (let u = 0; u < n; u++) {
      let strength = 0;
      if (weighted) for (let e = outOffsets[u]!; e < outOffsets[u + 1]!; e++) strength += outWeights[e]!;
      else strength = outOffsets[u + 1]! - outOffsets[u]!;
      if (strength > 0) inverse[u] = 1 / strength;
      else danglingCount++;
    }
    const dangling = new Int32Array(danglingCount);
    for (let u = 0, k = 0; u < n; u++) if (inverse[u] === 0) dangling[k++] = u;

    let x = new Float64Array(n).fill(1 / n);
    let next = new Float64Array(n);
    const carry = new Float64Array(n);
    const alpha = o.alpha;
    for (let iteration = 1; iteration <= o.maxIterations; iteration++) {
      let danglingMass = 0;
      for (let k = 0; k < danglingCount; k++) danglingMass += x[dangling[k]!]!;
      for (let u = 0; u < n; u++) carry[u] = x[u]! * inverse[u]!;
      const jump = alpha * danglingMass + (1 - alpha);
      let change = 0;
      for (let v = 0; v < n; v++) {
        let s = 0;
        const end = inOffsets[v + 1]!;
        if (weighted) for (let e = inOffsets[v]!; e < end; e++) s += carry[inTargets[e]!]! * inWeights[e]!;
        else for (let e = inOffsets[v]!; e < end; e++) s += carry[inTargets[e]!]!;
        const value = alpha * s + jump * teleport[v]!;
        next[v] = value;
        change += Math.abs(value - x[v]!);
      }
      [x, next] = [next, x];
      if (change < n * o.tolerance) {
        let total = 0;
        for (let i = 0; i < n; i++) total += x[i]!;
        for (let i = 0; i < n; i++) x[i]! /= total;
        return byKey(csr, x);
      }
    }
    throw new MetricError(`PageRank did not converge to ${o.tolerance} in ${o.maxIterations} iterations`);
  },
  "pagerank",
  (values) => values,
);

/**
 * Eigenvector centrality, NetworkX's `eigenvector_centrality`: power iteration on A + I (so bipartite graphs
 * converge too) from a uniform start, in a directed graph over incoming edges (left eigenvector), scaled to unit
 * Euclidean norm. With `weight`, edge weights are the matrix entries.
 */
export const eigenvector = withAssign(
  (graph: AnyGraph, options?: EigenvectorOptions): NodeValues => {
    const o = withDefaults<Required<EigenvectorOptions>>(DEFAULTS.eigenvector, options);
    const csr = toCsr(graph, o.weight);
    const n = csr.order;
    if (n === 0) return {};
    const { inOffsets, inTargets, inWeights } = csr;
    let x = new Float64Array(n).fill(1 / n);
    let next = new Float64Array(n);
    for (let iteration = 1; iteration <= o.maxIterations; iteration++) {
      let norm = 0;
      for (let v = 0; v < n; v++) {
        let s = x[v]!;
        const end = inOffsets[v + 1]!;
        for (let e = inOffsets[v]!; e < end; e++) s += x[inTargets[e]!]! * inWeights[e]!;
        next[v] = s;
        norm += s * s;
      }
      norm = Math.sqrt(norm) || 1;
      let change = 0;
      for (let v = 0; v < n; v++) {
        const value = next[v]! / norm;
        next[v] = value;
        change += Math.abs(value - x[v]!);
      }
      [x, next] = [next, x];
      if (change < n * o.tolerance) return byKey(csr, x);
    }
    throw new MetricError(`eigenvector centrality did not converge to ${o.tolerance} in ${o.maxIterations} iterations`);
  },
  "eigenvector",
  (values) => values,
);
