// Graphs built from the API's network JSON, and the pure rules for what is drawn: the time window, the ego network,
// node sizes and community colours. Display never changes the graph; the view derives from these.
import { MultiGraph, UndirectedGraph } from "graphology";
import louvain from "graphology-communities-louvain";
import type { NetworkEdge, NetworkJson } from "../api/types.js";

export interface NodeAttrs {
  label: string;
  kind: string;
  x: number;
  y: number;
  size: number;
  color: string;
  community: number;
  values: Record<string, number>;
}
export interface EdgeAttrs {
  kind: string;
  layer?: string;
  from?: number;
  to?: number;
  weight: number;
  size: number;
  color: string;
  type: "line" | "curved";
  curvature: number;
  records: string[];
}

export const CURVE_LIMIT = 10_000;

export const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#393b79", "#637939"];

const yearOf = (s: string | undefined) => {
  if (!s) return undefined;
  const m = /^(-?\d{1,4})/.exec(s);
  return m ? Number(m[1]) : undefined;
};

/** Is an edge with this span drawn in `year` (undefined: every year)? Undated edges only when `undated` is on. */
export function edgeVisible(e: { from?: number; to?: number }, year: number | undefined, undated: boolean): boolean {
  if (year === undefined) return true;
  if (e.from === undefined) return undated;
  return e.from <= year && (e.to === undefined || e.to >= year);
}

/** Nodes within `depth` steps of `ego` (ignoring direction). */
export function egoNodes(edges: ReadonlyArray<Pick<NetworkEdge, "source" | "target">>, ego: string, depth: number): Set<string> {
  const adj = new Map<string, string[]>();
  for (const e of edges) {
    (adj.get(e.source) ?? adj.set(e.source, []).get(e.source)!).push(e.target);
    (adj.get(e.target) ?? adj.set(e.target, []).get(e.target)!).push(e.source);
  }
  const seen = new Set<string>([ego]);
  let frontier = [ego];
  for (let d = 0; d < depth && frontier.length; d++) {
    const next: string[] = [];
    for (const n of frontier) for (const m of adj.get(n) ?? []) if (!seen.has(m)) (seen.add(m), next.push(m));
    frontier = next;
  }
  return seen;
}

/** Node sizes from a metric, scaled to 3..18 px by square root so hubs do not swamp the view. */
export function sizes(values: readonly number[], min = 3, max = 18): number[] {
  const top = Math.max(0, ...values);
  return values.map((v) => (top > 0 ? min + (max - min) * Math.sqrt(Math.max(0, v) / top) : min));
}

/**
 * The node size range for a graph of `order` nodes: 3..18 px up to 1,000 nodes, then shrinking with the square root
 * of the order (down to 2..6 px), so that the nodes' total area stays near the canvas's rather than covering it many
 * times over: a 10,000-node graph at 3..18 px is an opaque disc, and software GL pays for every pixel of it.
 */
export function sizeRange(order: number): [number, number] {
  const k = Math.min(1, Math.sqrt(1000 / Math.max(1, order)));
  return [Math.max(2, 3 * k), Math.max(6, 18 * k)];
}

/** The year range of the dated edges. */
export function yearRange(json: NetworkJson): [number, number] | undefined {
  const ys = json.edges.flatMap((e) => [yearOf(e.span?.from), yearOf(e.span?.to)]).filter((y): y is number => y !== undefined);
  return ys.length ? [Math.min(...ys), Math.max(...ys)] : undefined;
}

export interface BuildOptions {
  ego?: string | undefined;
  depth?: number;
  sizeBy?: string;
  /**
   * Above this many edges, parallel edges stay straight: the curve program shades every edge's whole quad, which
   * software GL (SwiftShader, headless or GPU-less machines) cannot keep up with on large graphs.
   */
  curveLimit?: number;
  /** The label for a node (the name display the user chose). */
  label?: (id: string, name: string) => string;
}

/** A multigraph of the view: several relation kinds between one pair stay separate edges, drawn as curves. */
export function buildGraph(json: NetworkJson, opts: BuildOptions = {}): MultiGraph<NodeAttrs, EdgeAttrs> {
  const keep = opts.ego ? egoNodes(json.edges, opts.ego, opts.depth ?? 1) : undefined;
  const g = new MultiGraph<NodeAttrs, EdgeAttrs>();
  const nodes = json.nodes.filter((n) => !keep || keep.has(n.id));
  const metric = opts.sizeBy ?? Object.keys(nodes[0]?.values ?? {})[0] ?? "degree";
  const sz = sizes(nodes.map((n) => n.values[metric] ?? 0), ...sizeRange(nodes.length));
  nodes.forEach((n, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, nodes.length);
    g.addNode(n.id, { label: opts.label ? opts.label(n.id, n.name) : n.name, kind: n.kind, x: Math.cos(a) * 100, y: Math.sin(a) * 100, size: sz[i]!, color: PALETTE[0]!, community: 0, values: n.values });
  });
  for (const e of json.edges) {
    if (!g.hasNode(e.source) || !g.hasNode(e.target) || g.hasEdge(e.key)) continue;
    const attrs: EdgeAttrs = { kind: e.kind, weight: e.weight ?? 1, size: 1 + Math.log2(1 + (e.weight ?? 1)) / 2, color: "#b8bfc9", type: "line", curvature: 0, records: e.records ?? [] };
    if (typeof e.layer === "string") attrs.layer = e.layer;
    const from = yearOf(e.span?.from);
    const to = yearOf(e.span?.to);
    if (from !== undefined) attrs.from = from;
    if (to !== undefined) attrs.to = to;
    g.addEdgeWithKey(e.key, e.source, e.target, attrs);
  }
  if (g.size <= (opts.curveLimit ?? CURVE_LIMIT)) curveParallel(g);
  colourCommunities(g);
  return g;
}

/** Edges sharing a pair of nodes become curves of growing curvature, alternating sides, so each kind stays visible. */
export function curveParallel(g: MultiGraph<NodeAttrs, EdgeAttrs>): void {
  const groups = new Map<string, string[]>();
  g.forEachEdge((key, _a, s, t) => {
    const pair = s < t ? `${s}\u0000${t}` : `${t}\u0000${s}`;
    (groups.get(pair) ?? groups.set(pair, []).get(pair)!).push(key);
  });
  for (const keys of groups.values()) {
    if (keys.length < 2) continue;
    keys.forEach((k, i) => {
      const [s] = g.extremities(k);
      const flip = s < g.extremities(keys[0]!)[0] ? -1 : 1; // curvature is relative to the edge's own direction
      const side = i % 2 === 0 ? 1 : -1;
      g.mergeEdgeAttributes(k, { type: "curved", curvature: flip * side * 0.25 * (1 + Math.floor(i / 2)) });
    });
  }
}

/** Louvain communities on the undirected, weight-merged projection; the community's index picks the colour. */
export function colourCommunities(g: MultiGraph<NodeAttrs, EdgeAttrs>): number {
  const simple = new UndirectedGraph();
  g.forEachNode((n) => simple.addNode(n));
  g.forEachEdge((_k, a, s, t) => {
    if (s === t) return;
    if (simple.hasEdge(s, t)) simple.updateEdgeAttribute(s, t, "weight", (w: number) => w + a.weight);
    else simple.addEdge(s, t, { weight: a.weight });
  });
  if (simple.size === 0) return 0;
  const parts = louvain(simple, { getEdgeWeight: "weight", rng: seeded(7) });
  // Number communities by size, largest first, so colours are stable across reloads.
  const count = new Map<number, number>();
  for (const c of Object.values(parts)) count.set(c, (count.get(c) ?? 0) + 1);
  const order = [...count.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c]) => c);
  const rank = new Map(order.map((c, i) => [c, i]));
  g.forEachNode((n) => {
    const c = rank.get(parts[n]!) ?? 0;
    g.mergeNodeAttributes(n, { community: c, color: PALETTE[c % PALETTE.length]! });
  });
  return order.length;
}

/** A small deterministic random source (mulberry32), so layouts and communities repeat. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How many edges and nodes a time window shows. */
export function countVisible(g: MultiGraph<NodeAttrs, EdgeAttrs>, year: number | undefined, undated: boolean): { edges: number; nodes: number; visibleNodes: Set<string> } {
  const visibleNodes = new Set<string>();
  let edges = 0;
  g.forEachEdge((_k, a, s, t) => {
    if (!edgeVisible(a, year, undated)) return;
    edges++;
    visibleNodes.add(s);
    visibleNodes.add(t);
  });
  if (year === undefined) g.forEachNode((n) => visibleNodes.add(n));
  return { edges, nodes: visibleNodes.size, visibleNodes };
}
