// Types of the export package: the graph view that GEXF, GraphML and node/edge CSV write, and the JSON wire form.
import type {
  ActorKind,
  AgreementKind,
  Alias,
  Approximation,
  Calendar,
  ClaimStatus,
  EventType,
  Layer,
  ParticipantRole,
  Precision,
  RelationKind,
  RelationRole,
  SourceType,
  TargetType,
  Track,
} from "@diplograph/model";

// ---------------------------------------------------------------------------------------------------------------
// Graph view
// ---------------------------------------------------------------------------------------------------------------

/** Value types an exported attribute may have; each writer maps them to its own type names. */
export type AttributeType = "string" | "integer" | "double";

/** Declaration of one node or edge attribute: writers build their key/attribute declarations from these. */
export interface AttributeSpec {
  type: AttributeType;
  /** What the attribute holds, for readers of the exported file and of this code. */
  description: string;
}

/** Node kind: an actor kind, or `agreement:<kind>` for an agreement. */
export type NodeKind = ActorKind | `agreement:${AgreementKind}`;

/**
 * Edge kind: a relation kind, or `event:<type>` for the co-participation of two actors in an event; analysis views
 * add `co-member` (actors sharing a body) and `interaction` (actors sharing events).
 */
export type EdgeKind = RelationKind | `event:${EventType}` | "co-member" | "interaction";

export interface NodeAttributes {
  kind: NodeKind;
  name: string;
  /** ISO 3166-1 alpha-3 code, for actors that belong to one country. */
  country?: string;
  /** The Persian alias (the official one where several are given). */
  name_fa?: string;
  /** When the node begins, as an ISO partial date or range (`2006`, `2024-12-21/2025-01-19`). */
  start?: string;
  /** When the node ends, same form as `start`. */
  end?: string;
}

export interface EdgeAttributes {
  kind: EdgeKind;
  /** Id of the relation or event the edge is projected from. */
  record: string;
  /**
   * Relation role; for an event edge, the roles of source and target joined by ';' (`host;participant`).
   */
  role?: string;
  track?: Track;
  /** Layers joined by ';'. */
  layers?: string;
  /** ISO partial date or range: relation start, or event date. */
  start?: string;
  /** ISO partial date or range: relation end; absent for events (their date range is in `start`). */
  end?: string;
  signed?: string;
  ratified?: string;
  /** Number of claims, not rejected, that assert the relation or event. */
  claims: number;
}

/**
 * When an element exists, as inclusive day bounds (`YYYY-MM-DD`). Partial dates are widened: a start to its first
 * day, an end to its last. A missing bound is open.
 */
export interface TimeInterval {
  start?: string;
  end?: string;
}

export interface GraphNode {
  /** The record id of the actor or agreement. */
  id: string;
  label: string;
  attributes: NodeAttributes;
  time?: TimeInterval;
  /** Values of the graph's extra attributes (metrics of an analysis view). */
  extra?: Record<string, string | number>;
}

export interface GraphEdge {
  /** The relation id; for event edges `<event id>:P:<source id>:P:<target id>` (no record id has upper case). */
  id: string;
  source: string;
  target: string;
  /** False for symmetric relation kinds and for event co-participation. */
  directed: boolean;
  label: string;
  attributes: EdgeAttributes;
  time?: TimeInterval;
  extra?: Record<string, string | number>;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /**
   * Attributes beyond the standard ones, declared once for the whole graph: an analysis view's metrics (PageRank,
   * community, weight …). Writers emit them after the standard attributes; a name may not repeat a standard one.
   */
  extra?: { node?: Record<string, AttributeSpec>; edge?: Record<string, AttributeSpec> };
}

export interface GraphOptions {
  /** Add one undirected edge per pair of participants of each event (default true). */
  events?: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// JSON wire form: one document holding a whole dataset, in the field names of docs/dataset-format.md
// ---------------------------------------------------------------------------------------------------------------

/** A date as stored, written out in full so that nothing (calendar, original expression) is lost. */
export interface JsonDate {
  start: string;
  end?: string;
  precision: Precision;
  calendar: Calendar;
  original?: string;
}

export interface JsonSource {
  id: string;
  type: SourceType;
  title: string;
  authors: string[];
  published?: JsonDate;
  language: string;
  languages: string[];
  venue?: string;
  doi?: string;
  url?: string;
  file?: string;
  sha256?: string;
  note?: string;
  /** The document text, where the snapshot has it: the importer checks quotes against it instead of reading `file`. */
  text?: string;
}

export interface JsonActor {
  id: string;
  kind: ActorKind;
  name: string;
  aliases: Alias[];
  country?: string;
  /** The dataset format calls the model's `externalIds` `ids`. */
  ids: { wikidata?: string; partyfacts?: number; parlgov?: number; cameo?: string };
  description?: string;
}

export interface JsonAgreement {
  id: string;
  kind: AgreementKind;
  name: string;
  aliases: Alias[];
  signed?: JsonDate;
  signedPlace?: string;
  adopted?: JsonDate;
  inForce?: JsonDate;
  adoptedBy?: string;
  topics: string[];
  description?: string;
}

export interface JsonConcept {
  id: string;
  framework: string;
  kind: string;
  label: string;
  aliases: Alias[];
  order?: number;
  parent?: string;
  description?: string;
}

export interface JsonRelation {
  id: string;
  kind: RelationKind;
  from: string;
  to: string;
  role?: RelationRole;
  start?: JsonDate;
  end?: JsonDate;
  signed?: JsonDate;
  ratified?: JsonDate;
  track?: Track;
  layers: Layer[];
  attributes: Record<string, unknown>;
  note?: string;
}

export interface JsonEvent {
  id: string;
  type: EventType;
  cameo?: string;
  title: string;
  date: JsonDate;
  place?: string;
  placeCountry?: string;
  participants: { actor: string; role: ParticipantRole }[];
  track?: Track;
  layers: Layer[];
  outcome?: string;
  agreement?: string;
  attributes: Record<string, unknown>;
  note?: string;
}

export type JsonClaimValue =
  | { type: "date"; date: JsonDate }
  | { type: "text"; text: string; lang?: string }
  | { type: "quantity"; amount: number; approximation: Approximation; unit?: string }
  | { type: "actor"; actor: string };

/** A claim in the standalone form of the dataset format (a `claims/` file): it names its target. */
export interface JsonClaim {
  id: string;
  target: { type: TargetType; id: string };
  property?: string;
  value?: JsonClaimValue;
  qualifiers: Record<string, string>;
  source: string;
  quote?: string;
  /** Character offsets of the quote in the source's document text. */
  start?: number;
  end?: number;
  page?: string;
  status: ClaimStatus;
  confidence: number;
  author: string;
  note?: string;
}

export interface DatasetDocument {
  format: "diplograph-dataset";
  version: 1;
  sources: JsonSource[];
  actors: JsonActor[];
  agreements: JsonAgreement[];
  concepts: JsonConcept[];
  relations: JsonRelation[];
  events: JsonEvent[];
  claims: JsonClaim[];
}

// ---------------------------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------------------------

/**
 * The CSV tables of a dataset folder. Agreements, concepts and sources have no CSV form in the dataset format,
 * so they are exported by JSON only.
 */
export interface CsvTables {
  "actors.csv": string;
  "relations.csv": string;
  "events.csv": string;
  "claims.csv": string;
}

/** Node and edge tables in the column conventions of Gephi's spreadsheet import. */
export interface NodeEdgeCsv {
  "nodes.csv": string;
  "edges.csv": string;
}
