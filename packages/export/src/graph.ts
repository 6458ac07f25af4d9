// Projects a snapshot onto the graph that GEXF, GraphML and node/edge CSV write: actors and agreements as nodes,
// relations and event co-participation as edges, each with the time interval it holds in where that is known.
import { RELATION_KINDS, earliestDay, latestDay } from "@diplograph/model";
import type { Actor, Agreement, Claim, DateValue, Event, ParticipantRole, Relation, Snapshot } from "@diplograph/model";
import { ExportError } from "./errors.js";
import type {
  AttributeSpec,
  EdgeAttributes,
  Graph,
  GraphEdge,
  GraphNode,
  GraphOptions,
  NodeAttributes,
} from "./types.js";
import { byId, claimsByTarget, compact, interval, isoDate, persianAlias, targetKey } from "./utils.js";

export const DEFAULT_GRAPH_OPTIONS: Required<GraphOptions> = { events: true };

/** Node attribute declarations, in the order writers emit them. Adding an attribute without one does not compile. */
export const NODE_ATTRIBUTES = {
  kind: { type: "string", description: "actor kind, or agreement:<kind>" },
  name: { type: "string", description: "canonical English name" },
  country: { type: "string", description: "ISO 3166-1 alpha-3 code" },
  name_fa: { type: "string", description: "Persian name" },
  start: { type: "string", description: "founded (actors) or signed (agreements): ISO partial date or range" },
  end: { type: "string", description: "dissolved: ISO partial date or range" },
} as const satisfies { [K in keyof NodeAttributes]-?: AttributeSpec };

/** Edge attribute declarations, in the order writers emit them. */
export const EDGE_ATTRIBUTES = {
  kind: { type: "string", description: "relation kind, or event:<type>" },
  record: { type: "string", description: "id of the relation or event" },
  role: { type: "string", description: "relation role; for events the source and target roles joined by ';'" },
  track: { type: "string", description: "diplomatic track" },
  layers: { type: "string", description: "layers joined by ';'" },
  start: { type: "string", description: "relation start or event date: ISO partial date or range" },
  end: { type: "string", description: "relation end: ISO partial date or range" },
  signed: { type: "string", description: "treaty-party: date signed" },
  ratified: { type: "string", description: "treaty-party: date ratified" },
  claims: { type: "integer", description: "number of claims asserting the record (rejected ones excluded)" },
} as const satisfies { [K in keyof EdgeAttributes]-?: AttributeSpec };

export type NodeAttributeKey = keyof typeof NODE_ATTRIBUTES;
export type EdgeAttributeKey = keyof typeof EDGE_ATTRIBUTES;

/** Attribute declarations as ordered [key, spec] pairs. */
export function attributeEntries<K extends string>(specs: { readonly [P in K]: AttributeSpec }): [K, AttributeSpec][] {
  return Object.entries(specs) as [K, AttributeSpec][];
}

/** Node or edge attribute declarations of a graph: the standard ones, then its extra ones. */
export function graphAttributes(graph: Graph, cls: "node" | "edge"): [string, AttributeSpec][] {
  const standard: Record<string, AttributeSpec> = cls === "node" ? NODE_ATTRIBUTES : EDGE_ATTRIBUTES;
  const extra = Object.entries(graph.extra?.[cls] ?? {});
  for (const [k] of extra) {
    if (Object.hasOwn(standard, k) || k === "label") throw new ExportError(`extra ${cls} attribute "${k}" has the name of a standard one`);
  }
  return [...attributeEntries(standard), ...extra];
}

/** An element's values for `graphAttributes`, as [key, text] pairs; absent ones are left out. */
export function elementValues(graph: Graph, cls: "node" | "edge", el: GraphNode | GraphEdge): [string, string][] {
  const standard = cls === "node" ? attributeValues(NODE_ATTRIBUTES, (el as GraphNode).attributes) : attributeValues(EDGE_ATTRIBUTES, (el as GraphEdge).attributes);
  const extra: [string, string][] = [];
  for (const k of Object.keys(graph.extra?.[cls] ?? {})) {
    const v = el.extra?.[k];
    if (v !== undefined) extra.push([k, String(v)]);
  }
  return [...standard, ...extra];
}

/** The values an element has, as [key, text] pairs in declaration order; absent attributes are left out. */
export function attributeValues<K extends string>(
  specs: { readonly [P in K]: AttributeSpec },
  values: Partial<Record<K, string | number>>,
): [K, string][] {
  const out: [K, string][] = [];
  for (const [k] of attributeEntries(specs)) {
    const v = values[k];
    if (v !== undefined) out.push([k, String(v)]);
  }
  return out;
}

/**
 * Build the graph view of a snapshot. Nodes are actors then agreements, edges relations then event pairs, each in
 * id order, so the same snapshot always gives the same graph.
 *
 * Throws ExportError when an id names both an actor and an agreement, or an edge names a record the snapshot lacks:
 * a graph file with dangling or ambiguous endpoints would be read differently by every tool.
 */
export function projectGraph(snapshot: Snapshot, options: GraphOptions = {}): Graph {
  const withEvents = options.events ?? DEFAULT_GRAPH_OPTIONS.events;
  const claims = claimsByTarget(snapshot.claims);
  const problems: string[] = [];

  const actorIds = new Set(snapshot.actors.map((a) => a.id));
  const agreementIds = new Set(snapshot.agreements.map((a) => a.id));
  for (const id of agreementIds) {
    if (actorIds.has(id)) problems.push(`id "${id}" names both an actor and an agreement; graph node ids must be unique`);
  }

  const nodes: GraphNode[] = [
    ...byId(snapshot.actors).map((a) => actorNode(a, claims.get(targetKey("actor", a.id)) ?? [])),
    ...byId(snapshot.agreements).map(agreementNode),
  ];

  const edges: GraphEdge[] = [];
  for (const r of byId(snapshot.relations)) {
    const far = RELATION_KINDS.map[r.kind].target === "agreement" ? agreementIds : actorIds;
    if (!actorIds.has(r.from)) problems.push(`relation ${r.id}: from "${r.from}" is not an actor of the snapshot`);
    if (!far.has(r.to)) {
      const what = far === agreementIds ? "an agreement" : "an actor";
      problems.push(`relation ${r.id}: to "${r.to}" is not ${what} of the snapshot`);
    }
    edges.push(relationEdge(r, count(claims.get(targetKey("relation", r.id)))));
  }
  if (withEvents) {
    for (const e of byId(snapshot.events)) {
      for (const p of e.participants) {
        if (!actorIds.has(p.actor)) problems.push(`event ${e.id}: participant "${p.actor}" is not an actor of the snapshot`);
      }
      edges.push(...eventEdges(e, count(claims.get(targetKey("event", e.id)))));
    }
  }

  if (problems.length > 0) {
    const shown = problems.slice(0, 20);
    const more = problems.length > shown.length ? [`… and ${problems.length - shown.length} more`] : [];
    throw new ExportError(`cannot project the snapshot onto a graph:\n  ${[...shown, ...more].join("\n  ")}`);
  }
  return { nodes, edges };
}

function actorNode(a: Actor, claims: readonly Claim[]): GraphNode {
  const { founded, dissolved } = lifespan(claims);
  const node: GraphNode = {
    id: a.id,
    label: a.name,
    attributes: compact<NodeAttributes>({
      kind: a.kind,
      name: a.name,
      country: a.country,
      name_fa: persianAlias(a.aliases),
      start: isoDate(founded),
      end: isoDate(dissolved),
    }),
  };
  const time = interval(founded, dissolved);
  if (time) node.time = time;
  return node;
}

function agreementNode(g: Agreement): GraphNode {
  // An agreement exists as a text from its signature (or, failing that, its entry into force); it has no end date.
  const from = g.signed ?? g.inForce;
  const node: GraphNode = {
    id: g.id,
    label: g.name,
    attributes: compact<NodeAttributes>({
      kind: `agreement:${g.kind}`,
      name: g.name,
      name_fa: persianAlias(g.aliases),
      start: isoDate(from),
    }),
  };
  const time = interval(from, undefined);
  if (time) node.time = time;
  return node;
}

/**
 * When an actor existed, from its `founded` and `dissolved` date claims. Where claims disagree the widest span is
 * taken (earliest founding, latest dissolution): a graph must not hide edges a source dates inside the span.
 */
function lifespan(claims: readonly Claim[]): { founded?: DateValue; dissolved?: DateValue } {
  let founded: DateValue | undefined;
  let dissolved: DateValue | undefined;
  for (const c of claims) {
    if (c.value?.type !== "date") continue;
    const d = c.value.date;
    if (c.property === "founded" && (founded === undefined || earliestDay(d.start) < earliestDay(founded.start))) {
      founded = d;
    }
    if (c.property === "dissolved" && (dissolved === undefined || latestDay(d.end ?? d.start) > latestDay(dissolved.end ?? dissolved.start))) {
      dissolved = d;
    }
  }
  return { founded, dissolved };
}

function relationEdge(r: Relation, claims: number): GraphEdge {
  const spec = RELATION_KINDS.map[r.kind];
  const edge: GraphEdge = {
    id: r.id,
    source: r.from,
    target: r.to,
    directed: !spec.symmetric,
    label: spec.label,
    attributes: compact<EdgeAttributes>({
      kind: r.kind,
      record: r.id,
      role: r.role,
      track: r.track,
      layers: joinLayers(r.layers),
      start: isoDate(r.start),
      end: isoDate(r.end),
      signed: isoDate(r.signed),
      ratified: isoDate(r.ratified),
      claims,
    }),
  };
  // A party to an agreement with no start date is one from its signature, or else its ratification.
  const time = interval(r.start ?? r.signed ?? r.ratified, r.end);
  if (time) edge.time = time;
  return edge;
}

/**
 * One undirected edge per pair of distinct participants, source being the one listed first. An actor listed twice
 * keeps its first role.
 */
function eventEdges(e: Event, claims: number): GraphEdge[] {
  const roles = new Map<string, ParticipantRole>();
  for (const p of e.participants) if (!roles.has(p.actor)) roles.set(p.actor, p.role);
  const actors = [...roles];
  const time = interval(e.date, e.date);
  const edges: GraphEdge[] = [];
  for (let i = 0; i < actors.length; i++) {
    for (let j = i + 1; j < actors.length; j++) {
      const [a, ra] = actors[i]!;
      const [b, rb] = actors[j]!;
      const edge: GraphEdge = {
        // Record ids are lower case, so the upper-case separator keeps these apart from relation ids and each other.
        id: `${e.id}:P:${a}:P:${b}`,
        source: a,
        target: b,
        directed: false,
        label: e.title,
        attributes: compact<EdgeAttributes>({
          kind: `event:${e.type}`,
          record: e.id,
          role: `${ra};${rb}`,
          track: e.track,
          layers: joinLayers(e.layers),
          start: isoDate(e.date),
          claims,
        }),
      };
      if (time) edge.time = { ...time };
      edges.push(edge);
    }
  }
  return edges;
}

function joinLayers(layers: readonly string[]): string | undefined {
  return layers.length > 0 ? layers.join(";") : undefined;
}

function count(claims: readonly Claim[] | undefined): number {
  return claims?.length ?? 0;
}
