// Table types of the database, shared by SQLite and PostgreSQL. JSON fields are stored as text on both.

export interface SourcesTable {
  id: string;
  type: string;
  title: string;
  authors: string; // JSON string[]
  published: string | null; // JSON DateValue
  language: string;
  languages: string; // JSON string[]
  venue: string | null;
  doi: string | null;
  url: string | null;
  file: string | null;
  sha256: string | null;
  note: string | null;
  text: string | null;
  hash: string;
  // Set for document versions made by `diplograph ingest` (migration 0005), null for a dataset's sources. They are
  // not part of the content hash: a version's content never changes (a changed file is a new version).
  /** The document across its versions (a stable key: `--id` or derived from the file name). */
  document_id?: string | null;
  /** 1, 2, … within the document. */
  version?: number | null;
  /** The source id of the version this one replaces. */
  supersedes?: string | null;
  /** text | markdown | html | pdf | docx */
  format?: string | null;
  ingested_at?: string | null;
}

/** The passages of an ingested document version: spans of its source's text, in document order. */
export interface PassagesTable {
  source_id: string;
  /** 0, 1, … in document order. */
  ord: number;
  /** JavaScript string indexes into sources.text: the passage is text.slice(start_offset, end_offset). */
  start_offset: number;
  end_offset: number;
  /** heading | paragraph | item | list-entry */
  kind: string;
  /** An item's number or letter (`12`, `A`). */
  label: string | null;
  /** ISO 639-1 code, or und. */
  language: string;
}

export interface ActorsTable {
  id: string;
  kind: string;
  name: string;
  country: string | null;
  description: string | null;
  wikidata: string | null;
  partyfacts: number | null;
  parlgov: number | null;
  cameo: string | null;
  aliases: string; // JSON Alias[]
  hash: string;
}

/** Every name an actor answers to (canonical name, aliases, ISO code), folded for search and addressing. */
export interface ActorNamesTable {
  actor_id: string;
  name: string;
  norm: string;
  lang: string | null;
  /** canonical | iso3 | an alias kind */
  kind: string;
}

export interface AgreementsTable {
  id: string;
  kind: string;
  name: string;
  aliases: string;
  signed: string | null;
  signed_place: string | null;
  adopted: string | null;
  in_force: string | null;
  adopted_by: string | null;
  topics: string;
  description: string | null;
  day_from: string | null;
  hash: string;
}

export interface ConceptsTable {
  id: string;
  framework: string;
  kind: string;
  label: string;
  aliases: string;
  ord: number | null;
  parent_id: string | null;
  description: string | null;
  hash: string;
}

export interface RelationsTable {
  id: string;
  kind: string;
  from_id: string;
  to_actor_id: string | null;
  to_agreement_id: string | null;
  role: string | null;
  start_date: string | null;
  end_date: string | null;
  signed: string | null;
  ratified: string | null;
  /** First day the relation may hold, for date filters (null: unknown start). */
  valid_from: string | null;
  /** Last day the relation may hold (null: open-ended). */
  valid_to: string | null;
  track: string | null;
  /** Layers as ",political,economic," so one LIKE finds a layer on both databases. */
  layers: string;
  attributes: string;
  note: string | null;
  hash: string;
}

export interface EventsTable {
  id: string;
  type: string;
  cameo: string | null;
  title: string;
  date: string; // JSON DateValue
  day_from: string;
  day_to: string;
  place: string | null;
  place_country: string | null;
  track: string | null;
  layers: string;
  outcome: string | null;
  agreement_id: string | null;
  attributes: string;
  note: string | null;
  hash: string;
  /** The participants in order, as JSON `[[actor, role], …]`: a copy of `event_participants` for reading events whole. */
  participants: string;
  /**
   * SQLite only (migration 0008): the record's JSON text, a stored generated column that SQLite writes itself. Never
   * written by the store, and read only by actor pages (select EVENT_COLUMNS, not every column, for records).
   */
  json?: string;
}

export interface EventParticipantsTable {
  event_id: string;
  ord: number;
  actor_id: string;
  role: string;
}

export interface ClaimsTable {
  id: string;
  target_type: string;
  target_id: string;
  property: string | null;
  value: string | null; // JSON ClaimValue
  qualifiers: string; // JSON
  source_id: string;
  loc_start: number | null;
  loc_end: number | null;
  quote: string | null;
  page: string | null;
  status: string;
  confidence: number;
  author: string;
  created_at: string;
  updated_at: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
  note: string | null;
  hash: string;
}

export interface ImportsTable {
  id: string;
  dataset: string;
  path: string;
  started_at: string;
  finished_at: string;
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface Database {
  sources: SourcesTable;
  actors: ActorsTable;
  actor_names: ActorNamesTable;
  agreements: AgreementsTable;
  concepts: ConceptsTable;
  relations: RelationsTable;
  events: EventsTable;
  event_participants: EventParticipantsTable;
  claims: ClaimsTable;
  imports: ImportsTable;
  passages: PassagesTable;
}

/** Tables holding records with ids and content hashes, in the order they are written (references first). */
export const RECORD_TABLES = ["sources", "actors", "agreements", "concepts", "relations", "events", "claims"] as const;
export type RecordTable = (typeof RECORD_TABLES)[number];
