// A view as the graph the exporters write (GEXF with time spans for Gephi's timeline, GraphML, node/edge CSV),
// with any metrics computed on it as extra node attributes.
import type { AbstractGraph } from "graphology-types";
import type { ActorKind } from "@diplograph/model";
import type { AttributeSpec, EdgeKind, Graph, GraphEdge, GraphNode, TimeInterval } from "@diplograph/export";
import { targetKey, type Interval, type NetworkData } from "../network/data.js";
import type { AnyView, CoMembershipEdge, InteractionEdge, MultiplexEdge, ViewEdge, ViewNode } from "./index.js";

export interface ViewGraphOptions {
  /** Node values to attach, by attribute name (`pagerank`, `community` …). */
  metrics?: Record<string, ReadonlyMap<string, number> | Record<string, number>>;
  /** How each metric is typed in the file (default double). */
  metricTypes?: Record<string, AttributeSpec>;
}

function time(span: Interval): TimeInterval | undefined {
  if (span.from === undefined && span.to === undefined) return undefined;
  const t: TimeInterval = {};
  if (span.from !== undefined) t.start = span.from;
  if (span.to !== undefined) t.end = span.to;
  return t;
}

function valueOf(m: ReadonlyMap<string, number> | Record<string, number>, id: string): number | undefined {
  return m instanceof Map ? m.get(id) : (m as Record<string, number>)[id];
}

/**
 * The view as an export graph. Co-membership edges are written one per shared body, each with the span both may
 * belong in, so Gephi's timeline shows the ties appear and lapse (its static mode sums them into the weight).
 */
export function viewGraph(data: NetworkData, view: AnyView, options: ViewGraphOptions = {}): Graph {
  const claims = (type: "relation" | "event", id: string) => data.claims.get(targetKey(type, id))?.length ?? 0;
  const claimsOf = (kind: string, records: readonly string[]) =>
    records.reduce((n, r) => n + claims(kind === "interaction" || kind.startsWith("event:") ? "event" : "relation", r), 0);

  const metricNames = Object.keys(options.metrics ?? {});
  let bodyOf: Map<string, string> | undefined;
  const nodes: GraphNode[] = [];
  (view as unknown as AbstractGraph<ViewNode, ViewEdge>).forEachNode((id, a) => {
    const n: GraphNode = {
      id,
      label: a.label,
      attributes: { kind: (a.kind === "agreement" ? "other" : a.kind) as ActorKind, name: a.name, ...(a.country ? { country: a.country } : {}), ...(a.nameFa ? { name_fa: a.nameFa } : {}) },
    };
    // An actor exists from its founding to its dissolution, where claims date them.
    const life = time(data.lifespans.get(id) ?? {});
    if (life) n.time = life;
    const extra: Record<string, number | string> = {};
    if (a.side) extra["side"] = a.side;
    for (const m of metricNames) {
      const v = valueOf(options.metrics![m]!, id);
      if (v !== undefined) extra[m] = v;
    }
    if (Object.keys(extra).length) n.extra = extra;
    nodes.push(n);
  });

  const edges: GraphEdge[] = [];
  const push = (id: string, source: string, target: string, directed: boolean, label: string, e: ViewEdge, span: Interval, records: readonly string[], extra: Record<string, number | string>) => {
    const edge: GraphEdge = {
      id,
      source,
      target,
      directed,
      label,
      attributes: { kind: e.kind as EdgeKind, record: records.join(";"), claims: claimsOf(e.kind, records) },
      extra: { weight: records === e.records ? e.weight : 1, ...extra },
    };
    const layer = (e as Partial<MultiplexEdge>).layer;
    if (layer !== undefined) edge.attributes.layers = layer;
    const t = time(span);
    if (t) edge.time = t;
    edges.push(edge);
  };
  (view as unknown as AbstractGraph<ViewNode, ViewEdge>).forEachEdge((key, e, source, target) => {
    if (e.kind === "co-member") {
      const cm = e as CoMembershipEdge;
      bodyOf ??= new Map(data.relations.map((r) => [r.id, r.to]));
      for (const b of cm.bodies) {
        const name = data.actors.get(b.body)?.name ?? b.body;
        push(`${key}:${b.body}`, source, target, false, `co-member: ${name}`, e, b.span, recordsFor(bodyOf!, cm, b.body), { body: b.body });
      }
      return;
    }
    if (e.kind === "interaction") {
      const ie = e as InteractionEdge;
      push(key, source, target, false, "interaction", e, e.span, e.records, { goldstein: ie.goldstein, goldstein_events: ie.goldsteinEvents });
      return;
    }
    const directed = (e as Partial<MultiplexEdge>).directed ?? e.kind === "member-of";
    push(key, source, target, directed, e.kind, e, e.span, e.records, {});
  });

  const nodeExtra: Record<string, AttributeSpec> = {};
  if (nodes.some((n) => n.extra?.["side"] !== undefined)) nodeExtra["side"] = { type: "string", description: "affiliation: member or body" };
  for (const m of metricNames) nodeExtra[m] = options.metricTypes?.[m] ?? { type: "double", description: m };
  const edgeExtra: Record<string, AttributeSpec> = { weight: { type: "double", description: "edge weight in the view" } };
  if (edges.some((e) => e.extra?.["body"] !== undefined)) edgeExtra["body"] = { type: "string", description: "co-membership: the shared body" };
  if (edges.some((e) => e.extra?.["goldstein"] !== undefined)) {
    edgeExtra["goldstein"] = { type: "double", description: "sum of the Goldstein values of the events" };
    edgeExtra["goldstein_events"] = { type: "integer", description: "events with a Goldstein value" };
  }
  return { nodes, edges, extra: { node: nodeExtra, edge: edgeExtra } };
}

/** The membership relations behind one shared body of a co-membership edge. */
function recordsFor(bodyOf: ReadonlyMap<string, string>, e: CoMembershipEdge, body: string): string[] {
  return e.records.filter((id) => bodyOf.get(id) === body);
}
