// Shortest paths between two nodes as node sequences ("how does the parliament of A reach the parliament of B").
import { nodeIndex, requireLengths, toCsr, type AnyGraph, type Csr } from "./csr.js";
import { Workspace } from "./traversal.js";
import { DEFAULTS, MetricError, withDefaults, type AllPathsOptions, type PathOptions } from "./types.js";

interface Adjacency {
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
}

/** Out-arcs and in-arcs of each node together: a directed graph walked as if undirected. */
function bothWays(csr: Csr): Adjacency {
  const n = csr.order;
  const offsets = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) {
    offsets[v + 1] = offsets[v]! + (csr.outOffsets[v + 1]! - csr.outOffsets[v]!) + (csr.inOffsets[v + 1]! - csr.inOffsets[v]!);
  }
  const targets = new Int32Array(offsets[n]!);
  const weights = new Float64Array(offsets[n]!);
  for (let v = 0; v < n; v++) {
    let p = offsets[v]!;
    for (let e = csr.outOffsets[v]!; e < csr.outOffsets[v + 1]!; e++, p++) {
      targets[p] = csr.outTargets[e]!;
      weights[p] = csr.outWeights[e]!;
    }
    for (let e = csr.inOffsets[v]!; e < csr.inOffsets[v + 1]!; e++, p++) {
      targets[p] = csr.inTargets[e]!;
      weights[p] = csr.inWeights[e]!;
    }
  }
  return { offsets, targets, weights };
}

interface Search {
  csr: Csr;
  ws: Workspace;
  /** Arcs into each node, to walk back from the target. */
  back: Adjacency;
  weighted: boolean;
  source: number;
  target: number;
}

/** Search from source until the target is settled; `back` lists, for each node, the arcs that can lead into it. */
function search(graph: AnyGraph, from: string, to: string, o: Required<PathOptions>, positive: boolean): Search {
  const csr = toCsr(graph, o.weight);
  requireLengths(csr, !positive);
  const source = nodeIndex(csr, from);
  const target = nodeIndex(csr, to);
  let forward: Adjacency = { offsets: csr.outOffsets, targets: csr.outTargets, weights: csr.outWeights };
  let back: Adjacency = { offsets: csr.inOffsets, targets: csr.inTargets, weights: csr.inWeights };
  if (csr.directed && o.undirected) forward = back = bothWays(csr);
  const ws = new Workspace(csr);
  const weighted = csr.weight !== null;
  if (weighted) ws.dijkstra(forward.offsets, forward.targets, forward.weights, source, target);
  else ws.bfs(forward.offsets, forward.targets, source, target);
  return { csr, ws, back, weighted, source, target };
}

/** Is `v` the node before `w` on some shortest path (through arc e of `back`)? */
function isPredecessor(s: Search, v: number, w: number, e: number): boolean {
  const { dist, done } = s.ws;
  if (s.weighted) return done[v] === 1 && dist[v]! + s.back.weights[e]! === dist[w];
  return dist[v] === dist[w]! - 1;
}

/**
 * One shortest path from `source` to `target` as node keys (both ends included), or null when the target cannot
 * be reached. Unweighted: fewest edges; with `weight`: least total length (non-negative lengths). Edge direction is
 * followed in a directed graph unless `undirected`.
 */
export function shortestPath(graph: AnyGraph, source: string, target: string, options?: PathOptions): string[] | null {
  const s = search(graph, source, target, withDefaults<Required<PathOptions>>(DEFAULTS.path, options), false);
  if (s.ws.dist[s.target] === Infinity) return null;
  const path = [s.target];
  let w = s.target;
  while (w !== s.source) {
    let found = -1;
    for (let e = s.back.offsets[w]!; e < s.back.offsets[w + 1]! && found < 0; e++) {
      const v = s.back.targets[e]!;
      if (isPredecessor(s, v, w, e)) found = v;
    }
    if (found < 0) throw new Error("shortest path lost its predecessor");
    path.push(found);
    w = found;
  }
  return path.reverse().map((i) => s.csr.keys[i]!);
}

/**
 * Every shortest path from `source` to `target` as node keys, or [] when the target cannot be reached. Lengths
 * must be positive with `weight`. Refuses (MetricError) when there are more than `limit` paths, counted before
 * any is listed.
 */
export function allShortestPaths(graph: AnyGraph, source: string, target: string, options?: AllPathsOptions): string[][] {
  const o = withDefaults<Required<AllPathsOptions>>(DEFAULTS.allPaths, options);
  const s = search(graph, source, target, o, true);
  const { dist, sigma } = s.ws;
  if (dist[s.target] === Infinity) return [];
  if (sigma[s.target]! > o.limit) {
    throw new MetricError(`${sigma[s.target]} shortest paths from ${source} to ${target}, more than the limit of ${o.limit}`);
  }
  // Depth-first walk back from the target over predecessor arcs; the stack holds the path built so far.
  // Parallel edges give the same node sequence more than once; a sequence is listed once.
  const out: string[][] = [];
  const listed = new Set<string>();
  const stack: number[] = [s.target];
  const arcAt: number[] = [s.back.offsets[s.target]!];
  while (stack.length > 0) {
    const top = stack.length - 1;
    const w = stack[top]!;
    if (w === s.source) {
      const path = stack.map((i) => s.csr.keys[i]!).reverse();
      const key = path.join("\u0000");
      if (!listed.has(key)) {
        listed.add(key);
        out.push(path);
      }
      stack.pop();
      arcAt.pop();
      continue;
    }
    let e = arcAt[top]!;
    const end = s.back.offsets[w + 1]!;
    while (e < end && !isPredecessor(s, s.back.targets[e]!, w, e)) e++;
    if (e === end) {
      stack.pop();
      arcAt.pop();
      continue;
    }
    arcAt[top] = e + 1;
    const v = s.back.targets[e]!;
    stack.push(v);
    arcAt.push(s.back.offsets[v]!);
  }
  return out;
}
