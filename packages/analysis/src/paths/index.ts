// "How does the parliament of A reach the parliament of B": shortest paths through a view, each hop explained by the
// relations and events that link its two ends and the claims behind them; and ego networks of depth k.
import type { AbstractGraph } from "graphology-types";
import { InputError } from "@diplograph/model";
import { evidence, type Evidence, type NetworkData } from "../network/data.js";
import { actorRef, type ActorRef } from "../network/refs.js";
import { allShortestPaths, egoNodes, shortestPath } from "../metrics/index.js";
import { view, type AnyView, type ViewEdge, type ViewNode, type ViewOptions } from "../views/index.js";

export interface ReachOptions extends ViewOptions {
  /** The view to walk (default multiplex: every relation and shared event). */
  view?: string;
  /** Every shortest path, not just one (at most `limit`, default 20). */
  all?: boolean;
  limit?: number;
}

export interface Hop {
  from: ActorRef;
  to: ActorRef;
  /** The ties between the two, each with its records' evidence. */
  ties: { kind: string; layer?: string; records: { id: string; type: "relation" | "event"; evidence: Evidence[] }[] }[];
}

export interface ReachResult {
  from: ActorRef;
  to: ActorRef;
  view: string;
  /** Hops per path; 0 paths when the two are not connected in the view. */
  length?: number;
  paths: { nodes: ActorRef[]; hops: Hop[] }[];
}

type Walkable = AbstractGraph<ViewNode, ViewEdge>;

export function reach(data: NetworkData, from: string, to: string, options: ReachOptions = {}): ReachResult {
  if (from === to) throw new InputError("give two different actors");
  const kind = options.view ?? "multiplex";
  const g = view(data, kind, options) as unknown as Walkable;
  const result: ReachResult = { from: actorRef(data, from), to: actorRef(data, to), view: kind, paths: [] };
  if (!g.hasNode(from) || !g.hasNode(to)) return result;
  const walk = g as unknown as AnyView;
  const found = options.all ? allShortestPaths(walk, from, to, { undirected: true, limit: options.limit ?? 20 }) : [shortestPath(walk, from, to, { undirected: true })].filter((p): p is string[] => p !== null);
  for (const nodes of found) {
    const hops: Hop[] = [];
    for (let i = 0; i + 1 < nodes.length; i++) {
      const a = nodes[i]!;
      const b = nodes[i + 1]!;
      const ties: Hop["ties"] = [];
      for (const key of new Set([...g.edges(a, b), ...g.edges(b, a)])) {
        const e = g.getEdgeAttributes(key);
        const type = e.kind === "interaction" || e.kind.startsWith("event:") ? "event" : "relation";
        const tie: Hop["ties"][number] = { kind: e.kind, records: e.records.map((id) => ({ id, type, evidence: evidence(data, type, id) })) };
        const layer = (e as ViewEdge & { layer?: string }).layer;
        if (layer !== undefined) tie.layer = layer;
        ties.push(tie);
      }
      hops.push({ from: actorRef(data, a), to: actorRef(data, b), ties });
    }
    result.paths.push({ nodes: nodes.map((id) => actorRef(data, id)), hops });
  }
  if (found.length) result.length = found[0]!.length - 1;
  return result;
}

export interface EgoResult {
  center: ActorRef;
  view: string;
  depth: number;
  /** Every actor within `depth` hops, with its distance (the centre at 0). */
  nodes: (ActorRef & { distance: number })[];
  edges: number;
}

/** The actors within `depth` hops of an actor in a view (ties walked both ways). */
export function ego(data: NetworkData, center: string, options: ViewOptions & { view?: string; depth?: number } = {}): EgoResult {
  const depth = options.depth ?? 1;
  if (!Number.isInteger(depth) || depth < 1) throw new InputError(`depth must be a whole number of hops, 1 or more, not ${depth}`);
  const kind = options.view ?? "multiplex";
  const g = view(data, kind, options);
  const out: EgoResult = { center: actorRef(data, center), view: kind, depth, nodes: [], edges: 0 };
  if (!g.hasNode(center)) return { ...out, nodes: [{ ...out.center, distance: 0 }] };
  // Distances by breadth-first rings: ring k is what depth k adds to depth k − 1.
  let previous = new Set<string>();
  for (let k = 0; k <= depth; k++) {
    const ring = k === 0 ? [center] : egoNodes(g, center, { depth: k, direction: "both" }).filter((n) => !previous.has(n));
    for (const id of [...ring].sort()) out.nodes.push({ ...actorRef(data, id), distance: k });
    previous = new Set([...previous, ...ring]);
  }
  const inside = previous;
  (g as unknown as Walkable).forEachEdge((_k, _a, s, t) => {
    if (inside.has(s) && inside.has(t)) out.edges++;
  });
  return out;
}
