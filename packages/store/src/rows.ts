// Mapping between canonical records and table rows, and the content hash that makes re-imports no-ops.
import {
  EVENT_TYPES,
  hashParts,
  RELATION_KINDS,
  dayBounds,
  normalizeName,
  type Actor,
  type Agreement,
  type Claim,
  type ClaimValue,
  type Concept,
  type DateValue,
  type Event,
  type Relation,
  type Source,
} from "@diplograph/model";
import type {
  ActorNamesTable,
  ActorsTable,
  AgreementsTable,
  ClaimsTable,
  ConceptsTable,
  EventParticipantsTable,
  EventsTable,
  RelationsTable,
  SourcesTable,
} from "./schema.js";

/** A source as stored: the record plus its document text. */
export interface SourceWithText extends Source {
  text?: string;
}

type NoHash<T> = Omit<T, "hash">;

const EMPTY_JSON_OBJECT = "{}";
const json = (v: unknown): string => (v && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0 ? EMPTY_JSON_OBJECT : JSON.stringify(v));
const jsonOrNull = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));
const nn = <T>(v: T | undefined): T | null => (v === undefined ? null : v);
const layersColumn = (layers: readonly string[]): string => (layers.length ? `,${layers.join(",")},` : "");

/**
 * A date's JSON and day bounds. The importer's frozen dates are shared by every row that wrote the same expression,
 * so theirs are computed once (a frozen object cannot change behind the cache).
 */
const dateColumns = new WeakMap<DateValue, { json: string; from: string; to: string }>();
function dateInfo(d: DateValue): { json: string; from: string; to: string } {
  let info = dateColumns.get(d);
  if (info) return info;
  const b = dayBounds(d);
  info = { json: JSON.stringify(d), from: b.from, to: b.to };
  if (Object.isFrozen(d)) dateColumns.set(d, info);
  return info;
}
const dateOrNull = (d: DateValue | undefined): string | null => (d === undefined ? null : dateInfo(d).json);

/**
 * Content hash of a row: every column but the hash, in column order. It only tells whether a stored row changed, so a
 * fast 106-bit string hash (`hashParts`) stands in for a cryptographic digest, which was a measurable cost on bulk
 * imports.
 */
export function rowHash(row: Record<string, unknown>): string {
  const parts: Array<string | number | null> = [];
  for (const key in row) if (key !== "hash") parts.push(row[key] as string | number | null);
  return hashParts(parts);
}

/** The row with its hash as last column (Object.values is the fast way to the columns in order). */
function withHash<T extends Record<string, unknown>>(row: T): T & { hash: string } {
  (row as Record<string, unknown>).hash = hashParts(Object.values(row) as Array<string | number | null>);
  return row as T & { hash: string };
}

export function sourceRow(s: SourceWithText): SourcesTable {
  return withHash<NoHash<SourcesTable>>({
    id: s.id,
    type: s.type,
    title: s.title,
    authors: json(s.authors),
    published: jsonOrNull(s.published),
    language: s.language,
    languages: json(s.languages),
    venue: nn(s.venue),
    doi: nn(s.doi),
    url: nn(s.url),
    file: nn(s.file),
    sha256: nn(s.sha256),
    note: nn(s.note),
    text: nn(s.text),
  });
}

export function actorRow(a: Actor): ActorsTable {
  return withHash<NoHash<ActorsTable>>({
    id: a.id,
    kind: a.kind,
    name: a.name,
    country: nn(a.country),
    description: nn(a.description),
    wikidata: nn(a.externalIds.wikidata),
    partyfacts: nn(a.externalIds.partyfacts),
    parlgov: nn(a.externalIds.parlgov),
    cameo: nn(a.externalIds.cameo),
    aliases: json(a.aliases),
  });
}

/** The names an actor is found by: canonical name, aliases, and a state's ISO code. */
export function actorNameRows(a: Actor): ActorNamesTable[] {
  const rows: ActorNamesTable[] = [{ actor_id: a.id, name: a.name, norm: normalizeName(a.name), lang: "en", kind: "canonical" }];
  for (const al of a.aliases) rows.push({ actor_id: a.id, name: al.name, norm: normalizeName(al.name), lang: al.lang, kind: al.kind ?? "other" });
  if (a.kind === "state" && a.country) rows.push({ actor_id: a.id, name: a.country, norm: normalizeName(a.country), lang: null, kind: "iso3" });
  return rows;
}

export function agreementRow(a: Agreement): AgreementsTable {
  return withHash<NoHash<AgreementsTable>>({
    id: a.id,
    kind: a.kind,
    name: a.name,
    aliases: json(a.aliases),
    signed: jsonOrNull(a.signed),
    signed_place: nn(a.signedPlace),
    adopted: jsonOrNull(a.adopted),
    in_force: jsonOrNull(a.inForce),
    adopted_by: nn(a.adoptedBy),
    topics: json(a.topics),
    description: nn(a.description),
    day_from: a.signed ? dayBounds(a.signed).from : a.adopted ? dayBounds(a.adopted).from : null,
  });
}

export function conceptRow(c: Concept): ConceptsTable {
  return withHash<NoHash<ConceptsTable>>({
    id: c.id,
    framework: c.framework,
    kind: c.kind,
    label: c.label,
    aliases: json(c.aliases),
    ord: nn(c.order),
    parent_id: nn(c.parent),
    description: nn(c.description),
  });
}

export function relationRow(r: Relation): RelationsTable {
  const toAgreement = RELATION_KINDS.map[r.kind].target === "agreement";
  const from = r.start ? dateInfo(r.start).from : r.signed ? dateInfo(r.signed).from : null;
  return withHash<NoHash<RelationsTable>>({
    id: r.id,
    kind: r.kind,
    from_id: r.from,
    to_actor_id: toAgreement ? null : r.to,
    to_agreement_id: toAgreement ? r.to : null,
    role: nn(r.role),
    start_date: dateOrNull(r.start),
    end_date: dateOrNull(r.end),
    signed: dateOrNull(r.signed),
    ratified: dateOrNull(r.ratified),
    valid_from: from,
    valid_to: r.end ? dateInfo(r.end).to : null,
    track: nn(r.track),
    layers: layersColumn(r.layers),
    attributes: json(r.attributes),
    note: nn(r.note),
  });
}

/**
 * An event's row. Its participants are part of its content: the hash covers them, so a re-import that only changes a
 * participant or a role is seen as a change. They are stored twice, as rows of their own table (`participantRows`,
 * for the by-actor index and filters) and as JSON on the event (`participants`, for reading events whole); the JSON
 * column is set after the hash, which stays what it was before the column existed.
 */
export function eventRow(e: Event): EventsTable {
  const b = dateInfo(e.date);
  const row: Omit<NoHash<EventsTable>, "participants"> = {
    id: e.id,
    type: e.type,
    cameo: e.cameo ?? EVENT_TYPES.map[e.type].cameo ?? null,
    title: e.title,
    date: b.json,
    day_from: b.from,
    day_to: b.to,
    place: nn(e.place),
    place_country: nn(e.placeCountry),
    track: nn(e.track),
    layers: layersColumn(e.layers),
    outcome: nn(e.outcome),
    agreement_id: nn(e.agreement),
    attributes: json(e.attributes),
    note: nn(e.note),
  };
  const parts = Object.values(row) as Array<string | number | null>;
  for (const p of e.participants) parts.push(p.actor, p.role);
  return Object.assign(row, { hash: hashParts(parts), participants: JSON.stringify(e.participants.map((p) => [p.actor, p.role])) });
}

export function participantRows(e: Event): EventParticipantsTable[] {
  return e.participants.map((p, ord) => ({ event_id: e.id, ord, actor_id: p.actor, role: p.role }));
}

/** A claim's row; the hash leaves out timestamps and review fields, which change without the content changing. */
export function claimRow(c: Claim): ClaimsTable {
  const row = {
    id: c.id,
    target_type: c.target.type,
    target_id: c.target.id,
    property: nn(c.property),
    value: jsonOrNull(c.value),
    qualifiers: json(c.qualifiers),
    source_id: c.source,
    loc_start: nn(c.locator.start),
    loc_end: nn(c.locator.end),
    quote: nn(c.locator.quote),
    page: nn(c.locator.page),
    status: c.status,
    confidence: c.confidence,
    author: c.author,
    note: nn(c.note),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    reviewed_by: nn(c.reviewedBy),
    reviewed_at: nn(c.reviewedAt),
    hash: "",
  };
  // The content columns, in column order (as rowHash would take them from the content alone).
  row.hash = hashParts([
    row.id,
    row.target_type,
    row.target_id,
    row.property,
    row.value,
    row.qualifiers,
    row.source_id,
    row.loc_start,
    row.loc_end,
    row.quote,
    row.page,
    row.status,
    row.confidence,
    row.author,
    row.note,
  ]);
  return row;
}

// ---- rows back to records ----

const parse = <T>(s: string | null): T | undefined => (s === null ? undefined : (JSON.parse(s) as T));
const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);
const layersOf = (s: string) => s.split(",").filter(Boolean) as Relation["layers"];

/**
 * Without the keys whose value is undefined, so records compare and print cleanly. A copy rather than `delete`: an
 * object that loses a key becomes a slow dictionary in V8, and reading and serialising records of them cost half again.
 */
function compact<T extends object>(o: T): T {
  const out = {} as T;
  for (const k in o) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

/** A JSON object column; most rows hold the empty one, which needs no parsing. */
const object = <T>(s: string): T => (s === "{}" ? ({} as T) : (JSON.parse(s) as T));

export function sourceFromRow(r: SourcesTable): Source {
  return compact({
    id: r.id,
    type: r.type as Source["type"],
    title: r.title,
    authors: JSON.parse(r.authors) as string[],
    published: parse<DateValue>(r.published),
    language: r.language,
    languages: JSON.parse(r.languages) as string[],
    venue: opt(r.venue),
    doi: opt(r.doi),
    url: opt(r.url),
    file: opt(r.file),
    sha256: opt(r.sha256),
    note: opt(r.note),
  });
}

export function actorFromRow(r: ActorsTable): Actor {
  return compact({
    id: r.id,
    kind: r.kind as Actor["kind"],
    name: r.name,
    aliases: JSON.parse(r.aliases) as Actor["aliases"],
    country: opt(r.country),
    externalIds: compact({
      wikidata: opt(r.wikidata),
      partyfacts: r.partyfacts === null ? undefined : Number(r.partyfacts),
      parlgov: r.parlgov === null ? undefined : Number(r.parlgov),
      cameo: opt(r.cameo),
    }),
    description: opt(r.description),
  });
}

export function agreementFromRow(r: AgreementsTable): Agreement {
  return compact({
    id: r.id,
    kind: r.kind as Agreement["kind"],
    name: r.name,
    aliases: JSON.parse(r.aliases) as Agreement["aliases"],
    signed: parse<DateValue>(r.signed),
    signedPlace: opt(r.signed_place),
    adopted: parse<DateValue>(r.adopted),
    inForce: parse<DateValue>(r.in_force),
    adoptedBy: opt(r.adopted_by),
    topics: JSON.parse(r.topics) as string[],
    description: opt(r.description),
  });
}

export function conceptFromRow(r: ConceptsTable): Concept {
  return compact({
    id: r.id,
    framework: r.framework,
    kind: r.kind,
    label: r.label,
    aliases: JSON.parse(r.aliases) as Concept["aliases"],
    order: r.ord === null ? undefined : Number(r.ord),
    parent: opt(r.parent_id),
    description: opt(r.description),
  });
}

export function relationFromRow(r: RelationsTable): Relation {
  return compact({
    id: r.id,
    kind: r.kind as Relation["kind"],
    from: r.from_id,
    to: (r.to_actor_id ?? r.to_agreement_id)!,
    role: opt(r.role) as Relation["role"],
    start: parse<DateValue>(r.start_date),
    end: parse<DateValue>(r.end_date),
    signed: parse<DateValue>(r.signed),
    ratified: parse<DateValue>(r.ratified),
    track: opt(r.track) as Relation["track"],
    layers: layersOf(r.layers),
    attributes: object<Record<string, unknown>>(r.attributes),
    note: opt(r.note),
  });
}

/** An event from its row; its participants come from the row's JSON copy of them. */
export function eventFromRow(r: EventsTable): Event {
  const defaultCameo = EVENT_TYPES.map[r.type as Event["type"]]?.cameo ?? null;
  return compact({
    id: r.id,
    type: r.type as Event["type"],
    cameo: r.cameo !== defaultCameo ? opt(r.cameo) : undefined,
    title: r.title,
    date: JSON.parse(r.date) as DateValue,
    place: opt(r.place),
    placeCountry: opt(r.place_country),
    participants: (JSON.parse(r.participants) as Array<[string, Event["participants"][number]["role"]]>).map(([actor, role]) => ({ actor, role })),
    track: opt(r.track) as Event["track"],
    layers: layersOf(r.layers),
    outcome: opt(r.outcome),
    agreement: opt(r.agreement_id),
    attributes: object<Record<string, unknown>>(r.attributes),
    note: opt(r.note),
  });
}

/** The columns an event record is read from (every column but SQLite's generated `json`). */
export const EVENT_COLUMNS = ["id", "type", "cameo", "title", "date", "day_from", "day_to", "place", "place_country", "track", "layers", "outcome", "agreement_id", "attributes", "hash", "note", "participants"] as const;

/** The columns `eventJsonFromRow` reads. */
export const EVENT_JSON_COLUMNS = ["id", "type", "cameo", "title", "date", "place", "place_country", "participants", "track", "layers", "outcome", "agreement_id", "attributes", "note"] as const;
export type EventJsonRow = Pick<EventsTable, (typeof EVENT_JSON_COLUMNS)[number]>;

/** One stored participant pair, `["actor","role"]`, as JSON.stringify wrote it (its strings already escaped). */
const PARTICIPANT_PAIR = /\["((?:[^"\\]|\\.)*)","((?:[^"\\]|\\.)*)"\]/g;

/**
 * `JSON.stringify(eventFromRow(r))`, byte for byte, without building the event: the columns that hold JSON (the date,
 * the attributes, the participants) were written by JSON.stringify and go into the text as they are (the participant
 * pairs rewritten as objects). For an actor page's events, where parsing those columns, building each record and
 * serialising it again cost more than reading the rows (PostgreSQL; SQLite writes the same text in the query,
 * `EVENT_JSON_SQL`). test/store-backends.test.ts holds both to eventFromRow.
 */
export function eventJsonFromRow(r: EventJsonRow): string {
  const s = JSON.stringify;
  const defaultCameo = EVENT_TYPES.map[r.type as Event["type"]]?.cameo ?? null;
  let out = `{"id":${s(r.id)},"type":${s(r.type)}`;
  if (r.cameo !== null && r.cameo !== defaultCameo) out += `,"cameo":${s(r.cameo)}`;
  out += `,"title":${s(r.title)},"date":${r.date}`;
  if (r.place !== null) out += `,"place":${s(r.place)}`;
  if (r.place_country !== null) out += `,"placeCountry":${s(r.place_country)}`;
  // Written by JSON.stringify, the list has no white space outside its strings; PostgreSQL's migration 0006 wrote it
  // with json_agg (`[["irn", "host"], …]`), so such a list is made compact first (only then parsed).
  const participants = /\s/.test(r.participants) ? JSON.stringify(JSON.parse(r.participants)) : r.participants;
  out += `,"participants":${participants.replace(PARTICIPANT_PAIR, '{"actor":"$1","role":"$2"}')}`;
  if (r.track !== null) out += `,"track":${s(r.track)}`;
  out += `,"layers":${s(layersOf(r.layers))}`;
  if (r.outcome !== null) out += `,"outcome":${s(r.outcome)}`;
  if (r.agreement_id !== null) out += `,"agreement":${s(r.agreement_id)}`;
  out += `,"attributes":${r.attributes}`;
  if (r.note !== null) out += `,"note":${s(r.note)}`;
  return `${out}}`;
}

/**
 * SQLite: the SQL expression of `eventJsonFromRow`, for SQLite to write the text itself (one column to read instead
 * of fourteen, and no building of strings in JavaScript: an actor's 30 events in about 175 µs instead of 270 µs).
 * `json_quote` escapes strings as JSON.stringify does; the participants' pairs become objects by plain replacement,
 * which is exact because ids (`[a-z0-9._:-]`) and roles hold no quote or comma. test/store-backends.test.ts holds the
 * text to `JSON.stringify(eventFromRow(row))`, escapes and all.
 */
export const EVENT_JSON_SQL = (() => {
  const cameo = Object.entries(EVENT_TYPES.map)
    .map(([t, v]) => `when '${t}' then ${v.cameo === null ? "null" : `'${v.cameo}'`}`)
    .join(" ");
  const opt = (col: string, key: string) => `case when ${col} is null then '' else ',"${key}":' || json_quote(${col}) end`;
  return [
    `'{"id":' || json_quote(id) || ',"type":' || json_quote(type)`,
    `case when cameo is null or cameo is (case type ${cameo} end) then '' else ',"cameo":' || json_quote(cameo) end`,
    `',"title":' || json_quote(title) || ',"date":' || date`,
    opt("place", "place"),
    opt("place_country", "placeCountry"),
    `',"participants":' || replace(replace(replace(participants, '["', '{"actor":"'), '","', '","role":"'), '"]', '"}')`,
    opt("track", "track"),
    `',"layers":' || case when trim(layers, ',') = '' then '[]' else '["' || replace(trim(layers, ','), ',', '","') || '"]' end`,
    opt("outcome", "outcome"),
    opt("agreement_id", "agreement"),
    `',"attributes":' || attributes`,
    opt("note", "note"),
    `'}'`,
  ].join(" || ");
})();

export function claimFromRow(r: ClaimsTable): Claim {
  return compact({
    id: r.id,
    target: { type: r.target_type as Claim["target"]["type"], id: r.target_id },
    property: opt(r.property),
    value: parse<ClaimValue>(r.value),
    qualifiers: object<Record<string, string>>(r.qualifiers),
    source: r.source_id,
    locator: compact({
      start: r.loc_start === null ? undefined : Number(r.loc_start),
      end: r.loc_end === null ? undefined : Number(r.loc_end),
      quote: opt(r.quote),
      page: opt(r.page),
    }),
    status: r.status as Claim["status"],
    confidence: Number(r.confidence),
    author: r.author,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    reviewedBy: opt(r.reviewed_by),
    reviewedAt: opt(r.reviewed_at),
    note: opt(r.note),
  });
}
