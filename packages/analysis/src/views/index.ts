// Graph views of the records, as graphology graphs: affiliation (actor → body), co-membership (actors weighted by
// shared bodies), interaction (actors weighted by shared events and their Goldstein values), and the multiplex whole.
// Each view is as of a date or over a window, filtered by track, layer and actor kind; edges keep the records and
// the time span they come from, so metrics, exports and evidence all read the same view.
import { DirectedGraph, MultiGraph, UndirectedGraph } from "graphology";
import { EVENT_TYPES, InputError, RELATION_KINDS } from "@diplograph/model";
import type { Layer, Track } from "@diplograph/model";
import { eventSpan, rootOf, type Interval, type NetworkData } from "../network/data.js";
import { select, type ViewFilter } from "../network/filter.js";
import { memberships } from "../network/memberships.js";
import { actorRef, type ActorRef } from "../network/refs.js";
import { goldstein } from "../reference/goldstein.js";

export const VIEW_KINDS = ["affiliation", "comembership", "interaction", "multiplex"] as const;
export type ViewKind = (typeof VIEW_KINDS)[number];

export interface ViewOptions extends ViewFilter {
  /**
   * Attribute the memberships and events of an actor's parts to the actor (a state for its parliament), marked
   * `via`. Default: true for co-membership (a state-level view), false for the others.
   */
  lift?: boolean;
  /** Multiplex only: one layer per layer of action (default) or per track. */
  layerBy?: "layer" | "track";
}

export interface ViewNode extends ActorRef {
  label: string;
  /** Affiliation only: which side of the bipartite graph the node is on. */
  side?: "member" | "body";
}

/** Attributes every view edge has. */
export interface ViewEdge {
  /** `member-of`, `co-member`, `interaction`, or a relation kind / `event:<type>` in the multiplex view. */
  kind: string;
  weight: number;
  /** Ids of the relations or events the edge comes from. */
  records: string[];
  /** The span the edge holds in: the hull of its records' spans; open ends unknown. */
  span: Interval;
  /** False when some record behind the edge has no dates. */
  dated: boolean;
}

export interface AffiliationEdge extends ViewEdge {
  kind: "member-of";
  roles: string[];
  /** Parts through which the membership is held, where lifted. */
  via: string[];
}

export interface CoMembershipEdge extends ViewEdge {
  kind: "co-member";
  /** The shared bodies, each with the span both may belong in. */
  bodies: { body: string; span: Interval; dated: boolean }[];
}

export interface InteractionEdge extends ViewEdge {
  kind: "interaction";
  /** Sum of the Goldstein values of the events whose CAMEO code has one. */
  goldstein: number;
  /** How many of the events have a Goldstein value. */
  goldsteinEvents: number;
}

export interface MultiplexEdge extends ViewEdge {
  /** The layer (or track) the edge belongs to. */
  layer: string;
  directed: boolean;
}

export type AffiliationView = DirectedGraph<ViewNode, AffiliationEdge>;
export type CoMembershipView = UndirectedGraph<ViewNode, CoMembershipEdge>;
export type InteractionView = UndirectedGraph<ViewNode, InteractionEdge>;
export type MultiplexView = MultiGraph<ViewNode, MultiplexEdge>;

function node(data: NetworkData, id: string, side?: ViewNode["side"]): ViewNode {
  const ref = actorRef(data, id);
  return side ? { ...ref, label: ref.name, side } : { ...ref, label: ref.name };
}

function hull(a: Interval, b: Interval): Interval {
  const out: Interval = {};
  if (a.from !== undefined && b.from !== undefined) out.from = a.from < b.from ? a.from : b.from;
  if (a.to !== undefined && b.to !== undefined) out.to = a.to > b.to ? a.to : b.to;
  return out;
}

/** Actor → body membership, bipartite. */
export function affiliationView(data: NetworkData, options: ViewOptions = {}): AffiliationView {
  const g: AffiliationView = new DirectedGraph();
  for (const m of memberships(data, options, { lift: options.lift ?? false })) {
    if (!g.hasNode(m.member)) g.addNode(m.member, node(data, m.member, "member"));
    if (!g.hasNode(m.body)) g.addNode(m.body, node(data, m.body, "body"));
    else if (g.getNodeAttribute(m.body, "side") === "member") g.setNodeAttribute(m.body, "side", "body");
    const key = `${m.member}->${m.body}`;
    if (!g.hasEdge(key)) {
      g.addDirectedEdgeWithKey(key, m.member, m.body, { kind: "member-of", weight: 1, records: [m.relation], span: m.span, dated: m.dated, roles: m.role ? [m.role] : [], via: m.via ? [m.via] : [] });
      continue;
    }
    const e = g.getEdgeAttributes(key);
    e.records.push(m.relation);
    e.span = hull(e.span, m.span);
    e.dated &&= m.dated;
    if (m.role && !e.roles.includes(m.role)) e.roles.push(m.role);
    if (m.via && !e.via.includes(m.via)) e.via.push(m.via);
  }
  return g;
}

/** Actors linked by the bodies they share, weighted by how many. */
export function coMembershipView(data: NetworkData, options: ViewOptions = {}): CoMembershipView {
  const g: CoMembershipView = new UndirectedGraph();
  const byBody = new Map<string, Map<string, { span: Interval; dated: boolean; records: string[] }>>();
  for (const m of memberships(data, options, { lift: options.lift ?? true })) {
    let members = byBody.get(m.body);
    if (!members) byBody.set(m.body, (members = new Map()));
    const cur = members.get(m.member);
    if (cur) {
      cur.span = hull(cur.span, m.span);
      cur.dated &&= m.dated;
      cur.records.push(m.relation);
    } else members.set(m.member, { span: m.span, dated: m.dated, records: [m.relation] });
    if (!g.hasNode(m.member)) g.addNode(m.member, node(data, m.member));
  }
  for (const [body, members] of [...byBody].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const ids = [...members.keys()].sort();
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const a = members.get(ids[i]!)!;
        const b = members.get(ids[j]!)!;
        const span = meet(a.span, b.span);
        if (!span) continue; // both belonged, but never at the same time
        const dated = a.dated && b.dated;
        const shared = { body, span, dated };
        const key = `${ids[i]}--${ids[j]}`;
        if (!g.hasEdge(key)) {
          g.addUndirectedEdgeWithKey(key, ids[i]!, ids[j]!, { kind: "co-member", weight: 1, records: [...a.records, ...b.records], span, dated, bodies: [shared] });
        } else {
          const e = g.getEdgeAttributes(key);
          e.weight += 1;
          e.records.push(...a.records, ...b.records);
          e.span = hull(e.span, span);
          e.dated &&= dated;
          e.bodies.push(shared);
        }
      }
    }
  }
  return g;
}

function meet(a: Interval, b: Interval): Interval | undefined {
  const from = a.from === undefined ? b.from : b.from === undefined ? a.from : a.from > b.from ? a.from : b.from;
  const to = a.to === undefined ? b.to : b.to === undefined ? a.to : a.to < b.to ? a.to : b.to;
  if (from !== undefined && to !== undefined && from > to) return undefined;
  const out: Interval = {};
  if (from !== undefined) out.from = from;
  if (to !== undefined) out.to = to;
  return out;
}

/** The Goldstein value of an event: its own `goldstein` attribute, else its CAMEO code's, else its type's. */
export function eventGoldstein(e: { cameo?: string; type: keyof typeof EVENT_TYPES.map; attributes: Record<string, unknown> }): number | undefined {
  const own = e.attributes["goldstein"];
  if (typeof own === "number" && Number.isFinite(own)) return own;
  return goldstein(e.cameo ?? EVENT_TYPES.map[e.type].cameo ?? undefined);
}

/** Actors linked by the events they take part in together, weighted by count, with the Goldstein sum. */
export function interactionView(data: NetworkData, options: ViewOptions = {}): InteractionView {
  const g: InteractionView = new UndirectedGraph();
  const sel = select(data, options);
  const lift = options.lift ?? false;
  for (const e of data.events) {
    if (!sel.event(e)) continue;
    const ids = [...new Set(e.participants.map((p) => (lift ? rootOf(data, p.actor) : p.actor)))].filter((id) => sel.actor(id)).sort();
    const gs = eventGoldstein(e);
    const span = eventSpan(e);
    for (const id of ids) if (!g.hasNode(id)) g.addNode(id, node(data, id));
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const key = `${ids[i]}--${ids[j]}`;
        if (!g.hasEdge(key)) {
          g.addUndirectedEdgeWithKey(key, ids[i]!, ids[j]!, { kind: "interaction", weight: 1, records: [e.id], span, dated: true, goldstein: gs ?? 0, goldsteinEvents: gs === undefined ? 0 : 1 });
        } else {
          const a = g.getEdgeAttributes(key);
          a.weight += 1;
          a.records.push(e.id);
          a.span = hull(a.span, span);
          if (gs !== undefined) {
            a.goldstein += gs;
            a.goldsteinEvents += 1;
          }
        }
      }
    }
  }
  return g;
}

/**
 * Every relation between actors and every pair of event participants, one edge per record and layer (or track),
 * so a relation on two layers appears in both. Records with no layer (or track) go to the layer `unassigned`.
 */
export function multiplexView(data: NetworkData, options: ViewOptions = {}): MultiplexView {
  const g: MultiplexView = new MultiGraph({ type: "mixed" });
  const sel = select(data, options);
  const lift = options.lift ?? false;
  const by = options.layerBy ?? "layer";
  const keep = options.layers?.length ? new Set<string>(options.layers) : undefined;
  const layersOf = (track: Track | undefined, layers: readonly Layer[]): string[] => {
    if (by === "track") return [track ?? "unassigned"];
    const ls = keep ? layers.filter((l) => keep.has(l)) : [...layers];
    return ls.length ? ls : ["unassigned"];
  };
  const add = (id: string) => {
    if (!g.hasNode(id)) g.addNode(id, node(data, id));
  };
  for (const r of data.relations) {
    if (r.kind === "part-of" || !data.actors.has(r.to)) continue; // structure, and treaty parties (agreements) are not actor links
    const held = sel.relation(r);
    if (!held) continue;
    const from = lift ? rootOf(data, r.from) : r.from;
    const to = lift ? rootOf(data, r.to) : r.to;
    if (from === to || !sel.actor(from) || !sel.actor(to)) continue;
    add(from);
    add(to);
    for (const layer of layersOf(r.track, r.layers)) {
      const attrs: MultiplexEdge = { kind: r.kind, weight: 1, records: [r.id], span: held.span, dated: held.dated, layer, directed: !RELATION_KINDS.map[r.kind].symmetric };
      g.addEdgeWithKey(`${layer}:${r.id}`, from, to, attrs);
    }
  }
  for (const e of data.events) {
    if (!sel.event(e)) continue;
    const ids = [...new Set(e.participants.map((p) => (lift ? rootOf(data, p.actor) : p.actor)))].filter((id) => sel.actor(id)).sort();
    for (const id of ids) add(id);
    for (const layer of layersOf(e.track, e.layers)) {
      for (let i = 0; i < ids.length; i++) {
        for (let j = i + 1; j < ids.length; j++) {
          const attrs: MultiplexEdge = { kind: `event:${e.type}`, weight: 1, records: [e.id], span: eventSpan(e), dated: true, layer, directed: false };
          g.addUndirectedEdgeWithKey(`${layer}:${e.id}:${ids[i]}:${ids[j]}`, ids[i]!, ids[j]!, attrs);
        }
      }
    }
  }
  return g;
}

export type AnyView = AffiliationView | CoMembershipView | InteractionView | MultiplexView;

/** Build a view by name. */
export function view(data: NetworkData, kind: string, options: ViewOptions = {}): AnyView {
  switch (kind) {
    case "affiliation":
      return affiliationView(data, options);
    case "comembership":
    case "co-membership":
      return coMembershipView(data, options);
    case "interaction":
      return interactionView(data, options);
    case "multiplex":
      return multiplexView(data, options);
    default:
      throw new InputError(`unknown view "${kind}"; known: ${VIEW_KINDS.join(", ")}`);
  }
}
