// The API's response shapes. Records come from the model's types (the API's schemas are the model's Zod schemas);
// the analyses' results are written out here for the parts the web application reads.
import type { Actor, Agreement, Alias, Claim, DateValue, Event, Relation, Source } from "@diplograph/model";

export type { Actor, Agreement, Alias, Claim, DateValue, Event, Relation, Source };

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** A claim with its source's title; in lists (the review queue) also what a person reads for its target. */
export type ClaimWithSource = Claim & { sourceTitle: string; targetLabel?: string; targetLabelFa?: string };

export interface ActorHit {
  actor: Actor;
  matched?: string;
}
export type Facets = Partial<Record<"kind" | "country" | "track", Record<string, number>>>;

export interface Fact {
  property: string;
  label: string;
  claims: ClaimWithSource[];
}
export interface ActorProfile {
  actor: Actor;
  facts: Fact[];
  claims: ClaimWithSource[];
  relations: Relation[];
  events: Event[];
}

export interface VocabItem {
  id: string;
  label: string;
  roles?: string[];
}
export interface Vocabularies {
  actorKinds: VocabItem[];
  tracks: VocabItem[];
  layers: VocabItem[];
  relationKinds: VocabItem[];
  eventTypes: VocabItem[];
  [k: string]: VocabItem[];
}

export interface Span {
  from?: string;
  to?: string;
}
export interface NetworkNode {
  id: string;
  name: string;
  kind: string;
  values: Record<string, number>;
}
export interface NetworkEdge {
  key: string;
  source: string;
  target: string;
  kind: string;
  weight: number;
  span: Span;
  dated: boolean;
  layer?: string;
  records?: string[];
  [k: string]: unknown;
}
export interface NetworkJson {
  view: string;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

export interface SourceDocument {
  source: Source;
  text: string | null;
  claims: ClaimWithSource[];
  claimsTotal: number;
  /** For a version of an ingested document: which, every version, and this version's passages. */
  document?: {
    documentId: string;
    version: number;
    versions: Array<{ version: number; sourceId: string; ingestedAt: string }>;
    passages: Array<{ ord: number; start: number; end: number; kind: string; label?: string; language: string }>;
  };
}

export interface ActorRef {
  id: string;
  name: string;
  kind: string;
  country?: string;
  nameFa?: string;
}
export interface Evidence {
  claim?: string;
  id?: string;
  source: string;
  quote: string;
  status?: string;
  sourceTitle?: string;
  start?: number;
  end?: number;
  locator?: { start: number; end: number };
}

export interface Issue {
  path?: string;
  file?: string;
  line?: number;
  field?: string;
  message: string;
}
export interface ErrorBody {
  error: string;
  message: string;
  issues?: Issue[];
  candidates?: string[];
}

/** One file of an ingest (POST /api/documents). */
export interface IngestedFile {
  file: string;
  documentId: string;
  version: number;
  sourceId: string;
  status: "new" | "new-version" | "unchanged";
  title: string;
  passages: number;
  events: number;
  undated: number;
  actors: number;
  claims: number;
  warnings: string[];
}

export interface DocumentSummary {
  documentId: string;
  versions: number;
  latest: string;
  title: string;
}
