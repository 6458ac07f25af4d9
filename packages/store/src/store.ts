// The store: reads and writes of the knowledge graph through Kysely, the same code on SQLite and PostgreSQL.
import { sql, type Kysely, type SelectQueryBuilder } from "kysely";
import {
  AmbiguousReferenceError,
  InputError,
  NotFoundError,
  RELATION_KINDS,
  type DateValue,
  isIso3,
  isoDayBound,
  normalizeName,
  persianAlias,
  type Actor,
  type Agreement,
  type Claim,
  type ClaimStatus,
  type Concept,
  type Event,
  type Relation,
  type Snapshot,
  type Source,
  type TargetType,
} from "@diplograph/model";
import { connect, parseLocation, type Connection, type Location } from "./connect.js";
import { PreparedQueries, type Arg } from "./prepared.js";
import { NameIndex, type NameRows } from "./name-index.js";
import {
  actorFromRow,
  agreementFromRow,
  claimFromRow,
  conceptFromRow,
  EVENT_COLUMNS,
  EVENT_JSON_COLUMNS,
  EVENT_JSON_SQL,
  type EventJsonRow,
  eventFromRow,
  eventJsonFromRow,
  relationFromRow,
  sourceFromRow,
} from "./rows.js";
import type { ActorsTable, Database, EventParticipantsTable, EventsTable } from "./schema.js";
import { writeSession, writeSet, type BulkOptions, type WriteProgress, type WriteResult, type WriteSet, type Writer } from "./write.js";

export interface Page {
  limit?: number;
  offset?: number;
}

/** One key of an ordering: a field of the list's whitelist (`SORTS`), ascending unless `desc`. */
export interface SortKey {
  field: string;
  desc?: boolean;
}

/**
 * The fields each list can be sorted by, and the column each stands for. Lists sort by these keys first, then by
 * their default order, so pages are stable.
 */
export const SORTS = {
  actors: { name: "actors.name", id: "actors.id", kind: "actors.kind", country: "actors.country" },
  relations: { kind: "kind", role: "role", from: "from_id", to: "to", start: "valid_from", end: "valid_to", track: "track", id: "id" },
  events: { date: "day_from", end: "day_to", type: "type", title: "title", track: "track", place: "place", id: "id" },
  claims: {
    target: "claims.target_id",
    type: "claims.target_type",
    property: "claims.property",
    status: "claims.status",
    source: "claims.source_id",
    confidence: "claims.confidence",
    created: "claims.created_at",
    updated: "claims.updated_at",
    start: "claims.loc_start",
    id: "claims.id",
  },
} as const;
export type SortableList = keyof typeof SORTS;

export interface ActorSearch extends Page {
  /** Any name or alias, in any script; matched on folded forms, as a substring. */
  q?: string;
  kind?: string;
  country?: string;
  /** Only actors with a relation or an event on this track. */
  track?: string;
  /** Order (default: relevance for a query, else name). */
  sort?: SortKey[];
}

export type ActorFacet = "kind" | "country" | "track";

/** An actor with everything its page shows: claims on it (with their sources' titles), its relations and events. */
export interface ActorRecords<E> {
  actor: Actor;
  claims: ClaimWithSource[];
  relations: Relation[];
  events: E[];
}

export interface ActorPage {
  items: ActorHit[];
  /** Every actor that matches, across pages. */
  total: number;
  /** For each facet asked for, how many matching actors have each value (`(none)` for no country). */
  facets: Partial<Record<ActorFacet, Record<string, number>>>;
}

export interface ActorHit {
  actor: Actor;
  /** The name that matched the query, in its original form. */
  matched?: string;
}

export interface RelationFilter extends Page {
  /** Actor reference (id, alias or ISO code); relations from or to it. */
  actor?: string;
  /** Also relations of the actor's parts (its parliament, government, party organs …), marked with `via`. */
  withParts?: boolean;
  kind?: string;
  role?: string;
  track?: string;
  layer?: string;
  /** Only relations that may hold on some day in [from, to] (ISO partial dates). */
  from?: string;
  to?: string;
  sort?: SortKey[];
}

export interface RelationHit {
  relation: Relation;
  /** When the relation belongs to a part of the actor asked for: that part's id. */
  via?: string;
  claims: number;
}

export interface EventFilter extends Page {
  actor?: string;
  withParts?: boolean;
  type?: string;
  track?: string;
  layer?: string;
  from?: string;
  to?: string;
  sort?: SortKey[];
}

export interface EventHit {
  event: Event;
  via?: string;
  claims: number;
}

export interface ClaimFilter extends Page {
  status?: ClaimStatus;
  targetType?: TargetType;
  targetId?: string;
  source?: string;
  sort?: SortKey[];
}

export interface ClaimWithSource extends Claim {
  sourceTitle: string;
}

export interface Stats {
  actors: number;
  agreements: number;
  concepts: number;
  relations: number;
  events: number;
  sources: number;
  claims: number;
  actorsByKind: Record<string, number>;
  relationsByKind: Record<string, number>;
  eventsByType: Record<string, number>;
  claimsByStatus: Record<string, number>;
  conceptsByFramework: Record<string, number>;
  eventSpan: { from: string; to: string } | null;
}

/** A version of an ingested document (`diplograph ingest`): one source row. */
export interface DocumentVersion {
  documentId: string;
  version: number;
  /** The version's source id: what its claims cite. */
  sourceId: string;
  /** The source id of the version this one replaces. */
  supersedes?: string;
  title: string;
  format: string;
  language: string;
  sha256: string;
  ingestedAt: string;
  passages: number;
}

/** A stored passage: a span of its source's text. */
export interface StoredPassage {
  ord: number;
  start: number;
  end: number;
  kind: string;
  label?: string;
  language: string;
}

const DEFAULT_LIMIT = 100;

/** Bound a partial ISO date to a day: the first day for a lower bound, the last for an upper one. */
function dayBound(d: string, side: "from" | "to"): string {
  const bound = isoDayBound(d, side);
  if (bound === undefined) throw new InputError(`"${d}" is not a date; use YYYY, YYYY-MM or YYYY-MM-DD`);
  return bound;
}

/** Order a query by whitelisted sort keys (an unknown field is an InputError), then by the list's default order. */
function ordered<Q extends { orderBy: (...a: never[]) => Q }>(q: Q, list: SortableList, keys: SortKey[] | undefined, fallback: (q: Q) => Q): Q {
  const cols = SORTS[list] as Record<string, string>;
  for (const k of keys ?? []) {
    const col = cols[k.field];
    if (!col) throw new InputError(`cannot sort ${list} by "${k.field}"; sortable: ${Object.keys(cols).join(", ")}`);
    const ref = col === "to" ? sql`coalesce(to_actor_id, to_agreement_id)` : sql.ref(col);
    // Nulls last either way, on both databases.
    q = (q.orderBy as (e: unknown, d?: string) => Q)(sql`${ref} is null`, "asc");
    q = (q.orderBy as (e: unknown, d?: string) => Q)(ref, k.desc ? "desc" : "asc");
  }
  return fallback(q);
}

/** `%…%` for LIKE, with the wildcards of the text escaped (the query says `escape '\\'`). */
function likePattern(s: string): string {
  return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function countMap(rows: Array<{ k: string | null; n: number | string }>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[r.k ?? "(none)"] = Number(r.n);
  return out;
}

export class Store {
  readonly db: Kysely<Database>;
  readonly location: Location;

  /** The hot reads' compiled queries (actor pages, name search). */
  private readonly prepared: PreparedQueries;

  private constructor(private readonly conn: Connection) {
    this.db = conn.db;
    this.location = conn.location;
    this.prepared = new PreparedQueries(conn.db, conn.sqlite, conn.gate);
  }

  /** Plain name searches from memory (`keepNamesInMemory`): the copy, and the read of a fresh one under way. */
  private names?: { index?: NameIndex; reading?: Promise<void>; version: () => string; maxNames: number };

  /**
   * With the names in memory, the actor records search hits show, kept while nothing in the database changes: `stamp`
   * is SQLite's count of this connection's changes with its data_version (commits by other connections).
   */
  private hits?: { changes: () => string; state: () => { names: string; changes: string }; stamp: string; byId: Map<string, Actor> };

  /** Open (and migrate) the database at a file path or postgres:// URL; default `diplograph.db` or $DIPLOGRAPH_DB. */
  static async open(spec?: string, options: { mustExist?: boolean } = {}): Promise<Store> {
    return new Store(await connect(parseLocation(spec), options));
  }

  /**
   * On SQLite, a number that changes whenever another connection (another process: a worker of the server, a CLI
   * import) commits a write to the database; undefined on PostgreSQL. Cheap enough to ask on every request.
   */
  dataVersion(): number | undefined {
    return this.conn.sqlite ? (this.conn.sqlite.pragma("data_version", { simple: true }) as number) : undefined;
  }

  async close(): Promise<void> {
    this.names = undefined;
    await this.db.destroy();
  }

  /**
   * For a long-running server on SQLite: answer plain name searches (no filter, no sort, no facets) from a copy of
   * the names held in memory (name-index.ts), with the same results as SQL. The copy is read now, in chunks between
   * requests, and again whenever names have changed (by any process: the `names_version` counter of migration 0007,
   * raised by triggers and read at every search); until it is fresh, searches run in SQL. `DIPLOGRAPH_NAME_INDEX=0`
   * turns it off; above `maxNames` names (default 2 million, about 300 MB) searches stay in SQL.
   */
  keepNamesInMemory(options: { maxNames?: number } = {}): void {
    const sqlite = this.conn.sqlite;
    if (!sqlite || this.names || process.env.DIPLOGRAPH_NAME_INDEX === "0") return;
    const stmt = sqlite.prepare("SELECT n FROM names_version").pluck();
    this.names = { version: () => String(stmt.get()), maxNames: options.maxNames ?? 2_000_000 };
    const changes = sqlite.prepare("SELECT total_changes(), (SELECT data_version FROM pragma_data_version)").raw();
    // A search asks for both stamps at once: one statement (one read lock) instead of three.
    const state = sqlite.prepare("SELECT (SELECT n FROM names_version), total_changes(), (SELECT data_version FROM pragma_data_version)").raw();
    this.hits = {
      changes: () => (changes.get() as unknown[]).join(":"),
      state: () => {
        const [n, own, others] = state.get() as unknown[];
        return { names: String(n), changes: `${own}:${others}` };
      },
      stamp: "",
      byId: new Map(),
    };
    this.freshNames();
  }

  /** Resolves once the names in memory are fresh (true), or once they are not kept (false): for tests. */
  async namesInMemory(): Promise<boolean> {
    for (let names = this.names; names && !this.freshNames(); names = this.names) await names.reading;
    return Boolean(this.names?.index);
  }

  /** The names in memory if they are fresh (`version`: names_version, if just read); else undefined, and a fresh copy is being read. */
  private freshNames(version?: string): NameIndex | undefined {
    const names = this.names;
    if (!names) return undefined;
    const stamp = version ?? names.version();
    if (names.index?.stamp === stamp) return names.index;
    // More names than `maxNames`, or a failed read: searches stay in SQL from then on (correct, only slower).
    names.reading ??= this.readNames(stamp, names.maxNames)
      .then((index) => {
        if (this.names !== names) return;
        if (index) names.index = index;
        else this.names = undefined;
      })
      .catch(() => {
        if (this.names === names) this.names = undefined;
      })
      .finally(() => {
        names.reading = undefined;
      });
    return undefined;
  }

  /** Read every name and actor in chunks of 20,000 rows, letting requests run in between. */
  private async readNames(stamp: string, maxNames: number): Promise<NameIndex | undefined> {
    const p = this.prepared;
    const rows: NameRows = { names: [], actors: [] };
    const pause = () => new Promise((r) => setImmediate(r));
    for (let after = -1; ; ) {
      const chunk = await p.rows(
        "names in memory",
        (a) => this.db.selectFrom("actor_names").select([sql<number>`rowid`.as("r"), "actor_id", "name", "norm"]).where(sql`rowid`, ">", a("after")).orderBy(sql`rowid`).limit(20_000),
        { after },
      );
      for (const c of chunk) rows.names.push({ actor_id: c.actor_id, name: c.name, norm: c.norm });
      if (rows.names.length > maxNames) return undefined;
      if (chunk.length < 20_000) break;
      after = chunk.at(-1)!.r;
      await pause();
    }
    for (let after = ""; ; ) {
      const chunk = await p.rows("actors in memory", (a) => this.db.selectFrom("actors").select(["id", "name"]).where("id", ">", a("after")).orderBy("id").limit(20_000), { after });
      rows.actors.push(...chunk);
      if (chunk.length < 20_000) break;
      after = chunk.at(-1)!.id;
      await pause();
    }
    if (!this.names) return undefined;
    return NameIndex.build(rows, stamp, pause);
  }

  /** Write a validated set of records in one transaction; identical records are skipped. */
  write(set: WriteSet, onProgress?: WriteProgress): Promise<WriteResult> {
    return writeSet(this.conn, set, onProgress);
  }

  /**
   * Run `fn` with a writer whose writes join one transaction, committed when `fn` returns and rolled back when it
   * throws; large sessions defer index maintenance to the end.
   */
  async writeSession<T>(options: BulkOptions, fn: (w: Writer) => Promise<T>): Promise<{ value: T; result: WriteResult }> {
    return writeSession(this.conn, options, fn);
  }

  async recordImport(entry: { dataset: string; path: string; startedAt: string; result: WriteResult }): Promise<void> {
    const sum = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
    await this.db
      .insertInto("imports")
      .values({
        id: `${entry.startedAt}-${Math.random().toString(36).slice(2, 8)}`,
        dataset: entry.dataset,
        path: entry.path,
        started_at: entry.startedAt,
        finished_at: new Date().toISOString(),
        inserted: sum(entry.result.inserted),
        updated: sum(entry.result.updated),
        unchanged: sum(entry.result.unchanged),
      })
      .execute();
  }

  // ---- addressing ----

  /**
   * The actor a reference names: an id, a state's ISO 3166-1 alpha-3 code, or an alias that names one actor.
   * Throws NotFoundError (with suggestions) or AmbiguousReferenceError.
   */
  async resolveActor(ref: string): Promise<string> {
    const found = await this.findActorIds(ref);
    if (found.length === 1) return found[0]!;
    if (found.length > 1) throw new AmbiguousReferenceError(ref, found);
    const suggestions = (await this.searchActors({ q: ref, limit: 5 })).map((h) => `${h.actor.id} (${h.actor.name})`);
    throw new NotFoundError(`no actor "${ref}"${suggestions.length ? `; did you mean: ${suggestions.join(", ")}?` : ""}`);
  }

  /** Every actor a reference could name (empty, one, or several for an ambiguous alias). */
  async findActorIds(ref: string): Promise<string[]> {
    const byId = await this.db.selectFrom("actors").select("id").where("id", "=", ref).executeTakeFirst();
    if (byId) return [byId.id];
    if (isIso3(ref)) {
      const rows = await this.db.selectFrom("actor_names").select("actor_id").where("kind", "=", "iso3").where("name", "=", ref).execute();
      if (rows.length) return [...new Set(rows.map((r) => r.actor_id))];
    }
    const norm = normalizeName(ref);
    if (!norm) return [];
    const rows = await this.db.selectFrom("actor_names").select("actor_id").where("norm", "=", norm).execute();
    return [...new Set(rows.map((r) => r.actor_id))].sort();
  }

  /** The actor and every actor that is part of it, directly or through other parts (a state's parliament, its chambers …). */
  async actorWithParts(id: string): Promise<Map<string, string | undefined>> {
    const out = new Map<string, string | undefined>([[id, undefined]]);
    let frontier = [id];
    while (frontier.length) {
      const rows = await this.db
        .selectFrom("relations")
        .select(["from_id", "to_actor_id"])
        .where("kind", "=", "part-of")
        .where("to_actor_id", "in", frontier)
        .execute();
      frontier = [];
      for (const r of rows) {
        if (!out.has(r.from_id)) {
          out.set(r.from_id, r.from_id);
          frontier.push(r.from_id);
        }
      }
    }
    return out;
  }

  /** The actor a filter names and, unless `withParts` is false, its parts. */
  private async scope(f: { actor?: string; withParts?: boolean }): Promise<{ root?: string; parts?: Map<string, string | undefined> }> {
    if (!f.actor) return {};
    const root = await this.resolveActor(f.actor);
    return { root, parts: f.withParts === false ? new Map([[root, undefined]]) : await this.actorWithParts(root) };
  }

  // ---- actors ----

  async getActor(ref: string): Promise<Actor> {
    const id = await this.resolveActor(ref);
    const row = await this.db.selectFrom("actors").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    return actorFromRow(row);
  }

  /**
   * What an actor's profile shows: the actor, the claims about it (up to 10,000, in listClaims' order), its own
   * relations and events (up to `limit` each, in listRelations' and listEvents' orders), read with five compiled
   * queries: the reference resolved once, no claim counts (a profile does not show them), the participants of the
   * events by one subquery rather than a list of ids.
   */
  async actorRecords(ref: string, limit: number): Promise<ActorRecords<Event>>;
  /** With each event as its JSON text, exactly as JSON.stringify writes the record (`eventJsonFromRow`): for the API. */
  async actorRecords(ref: string, limit: number, events: "json"): Promise<ActorRecords<string>>;
  async actorRecords(ref: string, limit: number, as?: "json"): Promise<ActorRecords<Event | string>> {
    const p = this.prepared;
    const byId = (id: string) => p.rows("actor by id", (a) => this.db.selectFrom("actors").selectAll().where("id", "=", a("id")), { id });
    let [row] = await byId(ref);
    if (!row) {
      const id = await this.resolveActor(ref);
      [row] = await byId(id);
      if (!row) throw new NotFoundError(`no actor "${ref}"`);
    }
    const id = row.id;
    const [claims, relations, events] = await Promise.all([
      p.rows(
        "actor claims",
        (a) =>
          this.claimQuery({ targetType: a("type"), targetId: a("id") })
            .selectAll("claims")
            .select("sources.title as source_title")
            .orderBy("claims.target_type")
            .orderBy("claims.target_id")
            .orderBy("claims.property")
            .orderBy("claims.id")
            .limit(a.int("limit")),
        { type: "actor", id, limit: 10_000 },
      ),
      p.rows(
        "actor relations",
        (a) =>
          this.db
            .selectFrom("relations")
            .selectAll("relations")
            .where((eb) => eb.or([eb("from_id", "=", a("id")), eb("to_actor_id", "=", a("id"))]))
            .orderBy("kind")
            .orderBy(sql`coalesce(valid_from, '9999')`)
            .orderBy("id")
            .limit(a.int("limit")),
        { id, limit },
      ),
      p.rows(
        as !== "json" ? "actor events" : this.conn.sqlite ? `actor events as JSON (SQLite${this.eventJsonStored() ? ", stored" : ""})` : "actor events as JSON",
        (a) => {
          const q = this.db
            .selectFrom("events")
            .where("id", "in", (eb) => eb.selectFrom("event_participants").select("event_id").where("actor_id", "=", a("id")))
            .orderBy("day_from")
            .orderBy("id")
            .limit(a.int("limit"));
          // Whole rows for records. For JSON, SQLite has the text stored with the row (migration 0008), or writes it in
          // the query; PostgreSQL gives the columns to write it from.
          if (as !== "json") return q.select(EVENT_COLUMNS);
          if (!this.conn.sqlite) return q.select(EVENT_JSON_COLUMNS);
          return q.select(this.eventJsonStored() ? sql<string>`"json"`.as("json") : sql<string>`${sql.raw(EVENT_JSON_SQL)}`.as("json"));
        },
        { id, limit },
      ),
    ]);
    return {
      actor: actorFromRow(row),
      claims: claims.map((r) => ({ ...claimFromRow(r), sourceTitle: r.source_title })),
      relations: relations.map(relationFromRow),
      // The rows' shape follows `as` and the backend, as chosen in the query above.
      events:
        as !== "json"
          ? (events as unknown as EventsTable[]).map((e) => eventFromRow(e))
          : this.conn.sqlite
            ? (events as unknown as Array<{ json: string }>).map((e) => e.json)
            : (events as unknown as EventJsonRow[]).map((e) => eventJsonFromRow(e)),
    };
  }

  async getActors(ids: string[]): Promise<Map<string, Actor>> {
    const out = new Map<string, Actor>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.db.selectFrom("actors").selectAll().where("id", "in", ids.slice(i, i + 500)).execute();
      for (const r of rows) out.set(r.id, actorFromRow(r));
    }
    return out;
  }

  async searchActors(search: ActorSearch): Promise<ActorHit[]> {
    return (await this.findActors(search)).items;
  }

  /**
   * Actors by any name in any script (a substring of a folded name; best match first: exact name, then prefix, then
   * substring, then shorter names), narrowed by kind, country and track, one page of them with the total and facet
   * counts. Queries of three characters or more use the trigram index (SQLite FTS5, PostgreSQL pg_trgm); shorter
   * ones match name prefixes only, on the b-tree index of folded names.
   */
  async findActors(search: ActorSearch, facets: readonly ActorFacet[] = []): Promise<ActorPage> {
    const limit = search.limit ?? DEFAULT_LIMIT;
    const offset = search.offset ?? 0;
    const norm = search.q ? normalizeName(search.q) : undefined;
    if (search.q && !norm) return { items: [], total: 0, facets: Object.fromEntries(facets.map((f) => [f, {}])) };
    const short = norm !== undefined && [...norm].length < 3;
    const db = this.db as unknown as Kysely<any>; // the CTE and derived tables are beyond the typed schema
    const sqlite = Boolean(this.conn.sqlite);
    const mode = norm === undefined ? "all" : short ? "prefix" : "substring";
    // A plain substring search (no filter, order or facet), on a server keeping the names in memory: answered there.
    if (mode === "substring" && facets.length === 0 && !search.kind && !search.country && !search.track && !search.sort?.length && limit > 0) {
      const state = this.hits?.state();
      const inMemory = this.freshNames(state?.names);
      if (inMemory) return this.pageFromMemory(inMemory, norm!, limit, offset, state!.changes);
    }
    // Every value the query takes, by name: the query is built and compiled once per shape (mode, filters, order).
    const values: Record<string, unknown> = {
      norm,
      len: norm === undefined ? 0 : [...norm].length,
      upper: norm === undefined ? undefined : `${norm}\u{10FFFF}`,
      prefixPattern: norm === undefined ? undefined : likePattern(norm).slice(1),
      pattern: norm === undefined ? undefined : likePattern(norm),
      fts: mode === "substring" && sqlite ? await this.ftsMatch(norm!) : undefined,
      kind: search.kind,
      country: search.country?.toUpperCase(),
      track: search.track,
      limit,
      offset,
    };
    /** The matching actors and each one's best rank (exact name, prefix, substring, then shorter names). */
    const best = (a: Arg) => {
      let match: ReturnType<typeof sql<boolean>>;
      if (mode === "prefix") match = sqlite ? sql<boolean>`norm >= ${a("norm")} and norm < ${a("upper")}` : sql<boolean>`norm like ${a("prefixPattern")} escape '\\'`;
      else
        match = sqlite
          ? sql<boolean>`actor_names.rowid in (select rowid from actor_names_fts where actor_names_fts match ${a("fts")}) and instr(norm, ${a("norm")}) > 0`
          : sql<boolean>`norm like ${a("pattern")} escape '\\'`;
      return db
        .selectFrom("actor_names")
        .select(["actor_id", sql<number>`min((case when norm = ${a("norm")} then 0 when substr(norm, 1, ${a("len")}) = ${a("norm")} then 1 else 2 end) * 1000 + length(norm))`.as("rank")])
        .where(match)
        .groupBy("actor_id");
    };
    const base = (a: Arg) => {
      let q = mode !== "all" ? db.with("best", () => best(a)).selectFrom("best").innerJoin("actors", "actors.id", "best.actor_id") : db.selectFrom("actors");
      if (search.kind) q = q.where("actors.kind", "=", a("kind"));
      if (search.country) q = q.where("actors.country", "=", a("country"));
      if (search.track) {
        q = q.where((eb: any) =>
          eb.or([
            eb.exists(eb.selectFrom("relations").select(sql`1`.as("x")).where("relations.from_id", "=", eb.ref("actors.id")).where("relations.track", "=", a("track"))),
            eb.exists(eb.selectFrom("relations").select(sql`1`.as("x")).where("relations.to_actor_id", "=", eb.ref("actors.id")).where("relations.track", "=", a("track"))),
            eb.exists(
              eb
                .selectFrom("event_participants")
                .innerJoin("events", "events.id", "event_participants.event_id")
                .select(sql`1`.as("x"))
                .where("event_participants.actor_id", "=", eb.ref("actors.id"))
                .where("events.track", "=", a("track")),
            ),
          ]),
        );
      }
      return q;
    };
    /** The values themselves, for the queries built per call (the rare count, the facets). */
    const now = Object.assign(<T>(name: string) => values[name] as T, { int: (name: string) => sql.lit(values[name] as number) }) as Arg;
    // The total comes with the page (a window count over the matches), so the matching runs once.
    const shape = `find actors: ${mode}${search.kind ? " kind" : ""}${search.country ? " country" : ""}${search.track ? " track" : ""} ${JSON.stringify(search.sort ?? [])}`;
    // A plain search (no filter, the relevance order): only the page's actors are read whole, and only the matches
    // ranked at most as the last of the page (the cut) are ordered by name; the rest are only counted. Sorting every
    // match's whole row cost four times as much for a prefix that matches 800 names.
    const plain = mode !== "all" && !search.kind && !search.country && !search.track && !search.sort?.length && limit > 0;
    values.cut = offset + limit - 1;
    const rows = (await this.prepared.rows(
      plain ? `find actors: ${mode}, relevance` : shape,
      (a) => {
        if (plain) {
          return db
            .with((w) => w("best").materialized(), () => best(a))
            .with("cut", (w) => w.selectFrom("best").select("rank").orderBy("rank").limit(sql.lit(1)).offset(a.int("cut")))
            .with("page", (w) =>
              w
                .selectFrom("best")
                .innerJoin("actors", "actors.id", "best.actor_id")
                .select(["best.actor_id as id", "best.rank as rank", "actors.name as name"])
                .where(sql<boolean>`best.rank <= coalesce((select rank from cut), best.rank)`)
                .orderBy("best.rank")
                .orderBy("actors.name")
                .orderBy("actors.id")
                .limit(a.int("limit"))
                .offset(a.int("offset")),
            )
            .selectFrom("page")
            .innerJoin("actors", "actors.id", "page.id")
            .selectAll("actors")
            .select(sql<number>`(select count(*) from best)`.as("total_matches"))
            .orderBy("page.rank")
            .orderBy("page.name")
            .orderBy("page.id");
        }
        const page = base(a).selectAll("actors").select(sql<number>`count(*) over ()`.as("total_matches"));
        return ordered(page, "actors", search.sort, (q) => (mode === "all" ? q : q.orderBy("best.rank")).orderBy("actors.name").orderBy("actors.id"))
          .limit(a.int("limit"))
          .offset(a.int("offset"));
      },
      values,
    )) as Array<ActorsTable & { total_matches: number | string }>;
    const total = rows.length
      ? Number(rows[0]!.total_matches)
      : Number(((await base(now).select((eb: any) => eb.fn.countAll().as("n")).executeTakeFirst()) as { n: number | string }).n);
    for (const r of rows) delete (r as Partial<typeof r>).total_matches;

    const items: ActorHit[] = rows.map((r) => ({ actor: actorFromRow(r) }));
    if (norm !== undefined && rows.length) {
      // The name each actor matched by, best first, as the ranking saw it.
      const ids = Object.fromEntries(rows.map((r, i) => [`id${i}`, r.id]));
      const names = await this.prepared.rows(
        `actor names of ${rows.length} actors`,
        (a) => this.db.selectFrom("actor_names").select(["actor_id", "name", "norm"]).where("actor_id", "in", rows.map((_, i) => a(`id${i}`))),
        ids,
      );
      const best = new Map<string, { name: string; rank: number }>();
      for (const m of names) {
        if (short ? !m.norm.startsWith(norm) : !m.norm.includes(norm)) continue;
        const rank = (m.norm === norm ? 0 : m.norm.startsWith(norm) ? 1 : 2) * 1000 + m.norm.length;
        const cur = best.get(m.actor_id);
        if (!cur || rank < cur.rank) best.set(m.actor_id, { name: m.name, rank });
      }
      for (const h of items) {
        const b = best.get(h.actor.id);
        if (b) h.matched = b.name;
      }
    }

    const out: ActorPage["facets"] = {};
    for (const f of facets) {
      if (f === "track") {
        const ids = base(now).select("actors.id");
        const rows = await db
          .selectFrom(
            db
              .selectFrom("relations")
              .select(["from_id as a", "track"])
              .where("from_id", "in", ids)
              .unionAll(db.selectFrom("relations").select(["to_actor_id as a", "track"]).where("to_actor_id", "in", ids))
              .unionAll(
                db
                  .selectFrom("event_participants")
                  .innerJoin("events", "events.id", "event_participants.event_id")
                  .select(["event_participants.actor_id as a", "events.track as track"])
                  .where("event_participants.actor_id", "in", ids),
              )
              .as("t"),
          )
          .select(["t.track as k", sql<number>`count(distinct t.a)`.as("n")])
          .where("t.track", "is not", null)
          .groupBy("t.track")
          .orderBy("t.track")
          .execute();
        out.track = countMap(rows as Array<{ k: string; n: number }>);
      } else {
        const col = f === "kind" ? "actors.kind" : "actors.country";
        const rows = await base(now)
          .select([sql.ref(col).as("k"), (eb: any) => eb.fn.countAll().as("n")])
          .groupBy(col)
          .orderBy(col)
          .execute();
        out[f] = countMap(rows as unknown as Array<{ k: string; n: number }>);
      }
    }
    return { items, total, facets: out };
  }

  /** A plain search's page from the names in memory: the ranking there, the page's actors read whole here. */
  private async pageFromMemory(index: NameIndex, norm: string, limit: number, offset: number, stamp: string): Promise<ActorPage> {
    const { ids, matched, total } = index.search(norm, limit, offset);
    const byId = await this.hitActors(ids, stamp);
    const items: ActorHit[] = [];
    ids.forEach((id, i) => {
      const actor = byId.get(id);
      if (actor) items.push({ actor, matched: matched[i] });
    });
    return { items, total, facets: {} };
  }

  /**
   * The actor records of search hits: from those kept (`hits`, frozen, shared by every answer) while the database is
   * unchanged (`stamp`: the changes stamp, just read), the others read and kept unless something changed while they
   * were read.
   */
  private async hitActors(ids: string[], stamp: string): Promise<Map<string, Actor>> {
    const out = new Map<string, Actor>();
    const hits = this.hits!;
    if (hits.stamp !== stamp) {
      hits.stamp = stamp;
      hits.byId.clear();
    }
    const missing = ids.filter((id) => {
      const a = hits.byId.get(id);
      if (a) out.set(id, a);
      return !a;
    });
    if (missing.length === 0) return out;
    const values = Object.fromEntries(missing.map((id, i) => [`id${i}`, id]));
    const rows = await this.prepared.rows(`actors ${missing.length} by id`, (a) => this.db.selectFrom("actors").selectAll().where("id", "in", missing.map((_, i) => a(`id${i}`))), values);
    const keep = hits.stamp === stamp && hits.changes() === stamp;
    if (keep && hits.byId.size + rows.length > 500_000) hits.byId.clear();
    for (const r of rows) {
      const actor = frozen(actorFromRow(r));
      out.set(r.id, actor);
      if (keep) hits.byId.set(r.id, actor);
    }
    return out;
  }

  /**
   * The FTS5 query for a substring search (SQLite): the query as one phrase when it has at most three trigrams, else
   * its three rarest trigrams. A name holding the query holds every trigram of it, so any of them narrows the
   * candidates correctly (`instr` then checks the substring); the rarest narrow most, while a long name's phrase
   * would read the long posting lists of its common words ("… Parliamentary Union": 9 ms instead of 0.3 ms).
   */
  private async ftsMatch(norm: string): Promise<string> {
    const quote = (t: string) => `"${t.replace(/"/g, '""')}"`;
    const chars = [...norm];
    const grams = [...new Set(chars.slice(2).map((_, i) => chars.slice(i, i + 3).join("")))];
    if (grams.length <= 3) return quote(norm);
    const docs = await this.trigramDocs();
    // Unknown trigrams (names written since the counts were read) count as rare: still correct, at worst slower.
    grams.sort((x, y) => (docs.get(x) ?? 0) - (docs.get(y) ?? 0));
    return grams.slice(0, 3).map(quote).join(" AND ");
  }

  /** How many names hold each trigram, from the FTS5 index's vocabulary; read again when the names have grown by a tenth. */
  private vocab?: { docs: Map<string, number>; maxRowid: number; checkedAt: number };
  private vocabLoading?: Promise<void>;

  private async trigramDocs(): Promise<Map<string, number>> {
    const v = this.vocab;
    if (!this.vocabLoading && (!v || Date.now() - v.checkedAt > 60_000)) {
      this.vocabLoading = (async () => {
        const max = async () => Number((await sql<{ m: number | null }>`select max(rowid) as m from actor_names`.execute(this.db)).rows[0]?.m ?? 0);
        const maxRowid = await max();
        if (v && maxRowid <= v.maxRowid * 1.1) {
          v.checkedAt = Date.now();
          return;
        }
        await sql`create virtual table if not exists temp.actor_names_fts_vocab using fts5vocab(main, actor_names_fts, row)`.execute(this.db);
        const rows = await sql<{ term: string; doc: number }>`select term, doc from temp.actor_names_fts_vocab`.execute(this.db);
        this.vocab = { docs: new Map(rows.rows.map((r) => [r.term, Number(r.doc)])), maxRowid, checkedAt: Date.now() };
      })()
        .catch(() => {
          this.vocab = { docs: v?.docs ?? new Map(), maxRowid: v?.maxRowid ?? 0, checkedAt: Date.now() };
        })
        .finally(() => (this.vocabLoading = undefined));
    }
    // Inside a write session, not a read begun outside it: that one waits for the session to end (gate.ts), and the
    // session would wait for it. Without the counts every trigram counts as rare: correct, at worst slower.
    if (!this.vocab && !this.conn.gate?.inside) await this.vocabLoading;
    return this.vocab?.docs ?? new Map();
  }

  // ---- relations and events ----

  /** The relations a filter selects, unordered, and the actor scope it names. */
  private async relationQuery(f: RelationFilter) {
    let q = this.db.selectFrom("relations");
    const { root, parts } = await this.scope(f);
    if (root) {
      const ids = [...parts!.keys()];
      q = q.where((eb) => eb.or([eb("from_id", "in", ids), eb("to_actor_id", "in", ids)]));
    }
    if (f.kind) q = q.where("kind", "=", f.kind);
    if (f.role) q = q.where("role", "=", f.role);
    if (f.track) q = q.where("track", "=", f.track);
    if (f.layer) q = q.where("layers", "like", `%,${f.layer},%`);
    if (f.to) {
      const to = dayBound(f.to, "to");
      q = q.where((eb) => eb.or([eb("valid_from", "is", null), eb("valid_from", "<=", to)]));
    }
    if (f.from) {
      const from = dayBound(f.from, "from");
      q = q.where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", from)]));
    }
    return { q, root, parts };
  }

  async countRelations(f: RelationFilter = {}): Promise<number> {
    const { q } = await this.relationQuery(f);
    return Number((await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  }

  async listRelations(f: RelationFilter = {}): Promise<RelationHit[]> {
    const { q, root, parts } = await this.relationQuery(f);
    const rows = await ordered(q.selectAll("relations"), "relations", f.sort, (q) => q.orderBy("kind").orderBy(sql`coalesce(valid_from, '9999')`).orderBy("id"))
      .limit(f.limit ?? DEFAULT_LIMIT)
      .offset(f.offset ?? 0)
      .execute();
    const counts = await this.claimCounts("relation", rows.map((r) => r.id));
    return rows.map((r) => {
      const hit: RelationHit = { relation: relationFromRow(r), claims: counts.get(r.id) ?? 0 };
      // Reached through a part (the state's parliament, say) when the actor asked for is not itself an end.
      if (root && r.from_id !== root && r.to_actor_id !== root) hit.via = parts!.has(r.from_id) ? r.from_id : r.to_actor_id!;
      return hit;
    });
  }

  async getRelation(id: string): Promise<Relation> {
    const row = await this.db.selectFrom("relations").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row) throw new NotFoundError(`no relation "${id}"`);
    return relationFromRow(row);
  }

  /** The events a filter selects, unordered, and the actor scope it names. */
  private async eventQuery(f: EventFilter) {
    let q: SelectQueryBuilder<Database, "events", object> = this.db.selectFrom("events");
    const { root, parts } = await this.scope(f);
    if (root) {
      const ids = [...parts!.keys()];
      q = q.where("id", "in", (eb) => eb.selectFrom("event_participants").select("event_id").where("actor_id", "in", ids));
    }
    if (f.type) q = q.where("type", "=", f.type);
    if (f.track) q = q.where("track", "=", f.track);
    if (f.layer) q = q.where("layers", "like", `%,${f.layer},%`);
    if (f.to) q = q.where("day_from", "<=", dayBound(f.to, "to"));
    if (f.from) q = q.where("day_to", ">=", dayBound(f.from, "from"));
    return { q, root, parts };
  }

  async countEvents(f: EventFilter = {}): Promise<number> {
    const { q } = await this.eventQuery(f);
    return Number((await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  }

  /**
   * SQLite: whether the events table stores each record's JSON text (migration 0008) written by this release's
   * EVENT_JSON_SQL. A table whose stored expression differs (written by another release) is read as if it had none.
   * Actor pages read the stored text when this holds (public for the tests that check they do).
   */
  eventJsonStored(): boolean {
    if (this.jsonStored === undefined) {
      const create = this.conn.sqlite?.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'events'").pluck().get() as string | undefined;
      this.jsonStored = create?.includes(`"json" text GENERATED ALWAYS AS (${EVENT_JSON_SQL}) STORED`) ?? false;
    }
    return this.jsonStored;
  }

  private jsonStored?: boolean;

  async getEvent(id: string): Promise<Event> {
    const row = await this.db.selectFrom("events").select(EVENT_COLUMNS).where("id", "=", id).executeTakeFirst();
    if (!row) throw new NotFoundError(`no event "${id}"`);
    return eventFromRow(row);
  }

  async listEvents(f: EventFilter = {}): Promise<EventHit[]> {
    const { q, root, parts } = await this.eventQuery(f);
    const rows = await ordered(q.select(EVENT_COLUMNS), "events", f.sort, (q) => q.orderBy("day_from").orderBy("id"))
      .limit(f.limit ?? DEFAULT_LIMIT)
      .offset(f.offset ?? 0)
      .execute();
    const ids = rows.map((r) => r.id);
    const counts = await this.claimCounts("event", ids);
    return rows.map((r) => {
      const event = eventFromRow(r);
      const ps = event.participants;
      const hit: EventHit = { event, claims: counts.get(r.id) ?? 0 };
      if (root && !ps.some((p) => p.actor === root)) hit.via = ps.find((p) => parts!.has(p.actor))?.actor;
      return hit;
    });
  }

  async listAgreements(): Promise<Agreement[]> {
    return (await this.db.selectFrom("agreements").selectAll().orderBy("name").execute()).map(agreementFromRow);
  }

  async getAgreement(id: string): Promise<Agreement> {
    const row = await this.db.selectFrom("agreements").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row) throw new NotFoundError(`no agreement "${id}"`);
    return agreementFromRow(row);
  }

  /** The relations to an agreement (its parties, signatories, ratifying parliaments). */
  async agreementRelations(id: string): Promise<Relation[]> {
    const rows = await this.db.selectFrom("relations").selectAll().where("to_agreement_id", "=", id).orderBy("kind").orderBy("from_id").orderBy("id").execute();
    return rows.map(relationFromRow);
  }

  async listConcepts(framework?: string): Promise<Concept[]> {
    let q = this.db.selectFrom("concepts").selectAll();
    if (framework) q = q.where("framework", "=", framework);
    return (await q.orderBy("framework").orderBy("ord").orderBy("id").execute()).map(conceptFromRow);
  }

  async getSource(id: string): Promise<Source & { text?: string }> {
    const row = await this.db.selectFrom("sources").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row) throw new NotFoundError(`no source "${id}"`);
    return { ...sourceFromRow(row), ...(row.text === null ? {} : { text: row.text }) };
  }

  /** The versions of an ingested document, oldest first; empty when no document has this id. */
  async documentVersions(documentId: string): Promise<DocumentVersion[]> {
    const rows = await this.db
      .selectFrom("sources")
      .leftJoin("passages", "passages.source_id", "sources.id")
      .select(["sources.id", "sources.document_id", "sources.version", "sources.supersedes", "sources.title", "sources.format", "sources.language", "sources.sha256", "sources.ingested_at"])
      .select((eb) => eb.fn.count<number>("passages.ord").as("n"))
      .where("sources.document_id", "=", documentId)
      .groupBy(["sources.id", "sources.document_id", "sources.version", "sources.supersedes", "sources.title", "sources.format", "sources.language", "sources.sha256", "sources.ingested_at"])
      .orderBy("sources.version")
      .execute();
    return rows.map((r) => {
      const v: DocumentVersion = {
        documentId: r.document_id!,
        version: Number(r.version),
        sourceId: r.id,
        title: r.title,
        format: r.format ?? "text",
        language: r.language,
        sha256: r.sha256 ?? "",
        ingestedAt: r.ingested_at ?? "",
        passages: Number(r.n),
      };
      if (r.supersedes) v.supersedes = r.supersedes;
      return v;
    });
  }

  /** The document and version a source is, if it was ingested as one (undefined for other sources). */
  async documentOfSource(sourceId: string): Promise<{ documentId: string; version: number } | undefined> {
    const row = await this.db.selectFrom("sources").select(["document_id", "version"]).where("id", "=", sourceId).executeTakeFirst();
    return row?.document_id ? { documentId: row.document_id, version: Number(row.version) } : undefined;
  }

  /** Every ingested document: its id, how many versions it has and its latest version. */
  async listDocuments(): Promise<Array<{ documentId: string; versions: number; latest: string; title: string }>> {
    const rows = await this.db
      .selectFrom("sources")
      .select(["document_id", "version", "id", "title"])
      .where("document_id", "is not", null)
      .orderBy("document_id")
      .orderBy("version")
      .execute();
    const out = new Map<string, { documentId: string; versions: number; latest: string; title: string }>();
    for (const r of rows) out.set(r.document_id!, { documentId: r.document_id!, versions: Number(r.version), latest: r.id, title: r.title });
    return [...out.values()];
  }

  /** The passages of a source (a document version), in document order. NotFoundError for an unknown source. */
  async passages(sourceId: string): Promise<StoredPassage[]> {
    const rows = await this.db.selectFrom("passages").selectAll().where("source_id", "=", sourceId).orderBy("ord").execute();
    if (rows.length === 0 && !(await this.db.selectFrom("sources").select("id").where("id", "=", sourceId).executeTakeFirst())) {
      throw new NotFoundError(`no source "${sourceId}"`);
    }
    return rows.map((r) => {
      const p: StoredPassage = { ord: Number(r.ord), start: Number(r.start_offset), end: Number(r.end_offset), kind: r.kind, language: r.language };
      if (r.label !== null) p.label = r.label;
      return p;
    });
  }

  async listSources(): Promise<Source[]> {
    return (await this.db.selectFrom("sources").selectAll().orderBy("id").execute()).map(sourceFromRow);
  }

  // ---- claims ----

  private async claimCounts(type: TargetType, ids: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.db
        .selectFrom("claims")
        .select(["target_id", (eb) => eb.fn.countAll<number>().as("n")])
        .where("target_type", "=", type)
        .where("target_id", "in", ids.slice(i, i + 500))
        .groupBy("target_id")
        .execute();
      for (const r of rows) out.set(r.target_id, Number(r.n));
    }
    return out;
  }

  private claimQuery(f: ClaimFilter) {
    let q = this.db.selectFrom("claims").innerJoin("sources", "sources.id", "claims.source_id");
    if (f.status) q = q.where("claims.status", "=", f.status);
    if (f.targetType) q = q.where("claims.target_type", "=", f.targetType);
    if (f.targetId) q = q.where("claims.target_id", "=", f.targetId);
    if (f.source) q = q.where("claims.source_id", "=", f.source);
    return q;
  }

  async countClaims(f: ClaimFilter = {}): Promise<number> {
    return Number((await this.claimQuery(f).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  }

  async listClaims(f: ClaimFilter = {}): Promise<ClaimWithSource[]> {
    const q = this.claimQuery(f).selectAll("claims").select("sources.title as source_title");
    const rows = await ordered(q, "claims", f.sort, (q) =>
      q.orderBy("claims.target_type").orderBy("claims.target_id").orderBy("claims.property").orderBy("claims.id"),
    )
      .limit(f.limit ?? DEFAULT_LIMIT)
      .offset(f.offset ?? 0)
      .execute();
    return rows.map((r) => ({ ...claimFromRow(r), sourceTitle: r.source_title }));
  }

  async getClaim(id: string): Promise<ClaimWithSource> {
    const r = await this.db
      .selectFrom("claims")
      .innerJoin("sources", "sources.id", "claims.source_id")
      .selectAll("claims")
      .select("sources.title as source_title")
      .where("claims.id", "=", id)
      .executeTakeFirst();
    if (!r) throw new NotFoundError(`no claim "${id}"`);
    return { ...claimFromRow(r), sourceTitle: r.source_title };
  }

  /** Whether a record of this type and id is stored (the target of a new claim must be). */
  async exists(type: TargetType, id: string): Promise<boolean> {
    const table = ({ actor: "actors", relation: "relations", event: "events", agreement: "agreements", concept: "concepts", source: "sources" } as const)[type as "actor"];
    if (!table) return false;
    return Boolean(await this.db.selectFrom(table).select("id").where("id", "=", id).executeTakeFirst());
  }

  /** Each of these actors' Persian name, where it has one (`persianAlias`). */
  async persianNames(ids: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 500) {
      for (const r of await this.db.selectFrom("actors").select(["id", "aliases"]).where("id", "in", unique.slice(i, i + 500)).execute()) {
        const fa = persianAlias(JSON.parse(r.aliases) as Actor["aliases"]);
        if (fa) out.set(r.id, fa);
      }
    }
    return out;
  }

  /**
   * What a person reads for each of these records, keyed `type:id`: an actor's, agreement's or concept's name, an
   * event's title and date, a relation as "from kind to" with the actors' names. Records not stored are left out.
   * For lists of claims, whose targets are otherwise only ids.
   */
  async targetLabels(targets: ReadonlyArray<{ type: TargetType; id: string }>): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const names = async (ids: string[]) => {
      const m = new Map<string, string>();
      for (let i = 0; i < ids.length; i += 500) for (const r of await this.db.selectFrom("actors").select(["id", "name"]).where("id", "in", ids.slice(i, i + 500)).execute()) m.set(r.id, r.name);
      return m;
    };
    for (const [type, all] of groupIds(targets)) {
      for (let i = 0; i < all.length; i += 500) {
        const ids = all.slice(i, i + 500);
        const put = (id: string, label: string) => out.set(`${type}:${id}`, label);
        if (type === "actor") for (const [id, name] of await names(ids)) put(id, name);
        else if (type === "event") {
          for (const r of await this.db.selectFrom("events").select(["id", "title", "date"]).where("id", "in", ids).execute()) put(r.id, `${r.title} (${(JSON.parse(r.date) as DateValue).start})`);
        } else if (type === "agreement") for (const r of await this.db.selectFrom("agreements").select(["id", "name"]).where("id", "in", ids).execute()) put(r.id, r.name);
        else if (type === "concept") for (const r of await this.db.selectFrom("concepts").select(["id", "label"]).where("id", "in", ids).execute()) put(r.id, r.label);
        else if (type === "relation") {
          const rows = await this.db.selectFrom("relations").select(["id", "kind", "from_id", "to_actor_id", "to_agreement_id"]).where("id", "in", ids).execute();
          const actors = await names([...new Set(rows.flatMap((r) => [r.from_id, r.to_actor_id ?? r.from_id]))]);
          const agreements = new Map<string, string>();
          const agreementIds = rows.flatMap((r) => (r.to_agreement_id ? [r.to_agreement_id] : []));
          if (agreementIds.length) for (const a of await this.db.selectFrom("agreements").select(["id", "name"]).where("id", "in", agreementIds).execute()) agreements.set(a.id, a.name);
          for (const r of rows) {
            const to = r.to_actor_id ? (actors.get(r.to_actor_id) ?? r.to_actor_id) : (agreements.get(r.to_agreement_id!) ?? r.to_agreement_id!);
            put(r.id, `${actors.get(r.from_id) ?? r.from_id} ${RELATION_KINDS.map[r.kind as keyof typeof RELATION_KINDS.map]?.label.toLowerCase() ?? r.kind} ${to}`);
          }
        }
      }
    }
    return out;
  }

  /** Which of these records are not stored (checked 500 ids of a type at a time). */
  async missingTargets(targets: ReadonlyArray<{ type: TargetType; id: string }>): Promise<Array<{ type: TargetType; id: string }>> {
    const tables = { actor: "actors", relation: "relations", event: "events", agreement: "agreements", concept: "concepts", source: "sources" } as const;
    const missing: Array<{ type: TargetType; id: string }> = [];
    for (const [type, ids] of groupIds(targets)) {
      const table = tables[type as keyof typeof tables];
      const found = new Set<string>();
      if (table) {
        for (let i = 0; i < ids.length; i += 500) {
          for (const r of await this.db.selectFrom(table).select("id").where("id", "in", ids.slice(i, i + 500)).execute()) found.add(r.id);
        }
      }
      for (const id of ids) if (!found.has(id)) missing.push({ type, id });
    }
    return missing;
  }

  /**
   * Every claim on any of these records, with its source's title, in one query per 500 ids of a type (the actor page's
   * relations, events and agreements without a request each). Ordered by target, property, then the passage's place.
   */
  async claimsForTargets(targets: ReadonlyArray<{ type: TargetType; id: string }>, f: { status?: ClaimStatus } = {}): Promise<ClaimWithSource[]> {
    const out: ClaimWithSource[] = [];
    for (const [type, ids] of groupIds(targets)) {
      for (let i = 0; i < ids.length; i += 500) {
        let q = this.db
          .selectFrom("claims")
          .innerJoin("sources", "sources.id", "claims.source_id")
          .selectAll("claims")
          .select("sources.title as source_title")
          .where("claims.target_type", "=", type)
          .where("claims.target_id", "in", ids.slice(i, i + 500));
        if (f.status) q = q.where("claims.status", "=", f.status);
        const rows = await q.orderBy("claims.target_id").orderBy("claims.property").orderBy("claims.source_id").orderBy("claims.loc_start").orderBy("claims.id").execute();
        for (const r of rows) out.push({ ...claimFromRow(r), sourceTitle: r.source_title });
      }
    }
    return out;
  }

  /**
   * What refers to an actor besides its own claims: relations from or to it, events it takes part in, agreements it
   * adopted, claims whose value names it. An actor can be deleted only when this is all zero.
   */
  async actorReferences(id: string): Promise<{ relations: number; events: number; agreements: number; claimValues: number }> {
    const n = async (q: { select: (f: (eb: any) => unknown) => { executeTakeFirstOrThrow: () => Promise<unknown> } }) =>
      Number(((await q.select((eb: any) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()) as { n: number | string }).n);
    return {
      relations: await n(this.db.selectFrom("relations").where((eb) => eb.or([eb("from_id", "=", id), eb("to_actor_id", "=", id)])) as never),
      events: await n(this.db.selectFrom("event_participants").where("actor_id", "=", id) as never),
      agreements: await n(this.db.selectFrom("agreements").where("adopted_by", "=", id) as never),
      claimValues: await n(this.db.selectFrom("claims").where("value", "like", `%"actor":${JSON.stringify(id)}%`) as never),
    };
  }

  /** Delete an unreferenced actor and the claims about it, in one transaction. Throws InputError if referenced. */
  async deleteActor(id: string): Promise<void> {
    if (!(await this.exists("actor", id))) throw new NotFoundError(`no actor "${id}"`);
    const refs = await this.actorReferences(id);
    const used = Object.entries(refs).filter(([, v]) => v > 0);
    if (used.length) throw new InputError(`actor "${id}" is still referenced (${used.map(([k, v]) => `${v} ${k}`).join(", ")}); nothing was deleted`);
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("claims").where("target_type", "=", "actor").where("target_id", "=", id).execute();
      await trx.deleteFrom("actor_names").where("actor_id", "=", id).execute();
      await trx.deleteFrom("actors").where("id", "=", id).execute();
    });
  }

  /** Set the review status of claims; every id must exist, or nothing changes. Returns the claims as updated. */
  async setClaimStatus(ids: string[], status: ClaimStatus, reviewer: string): Promise<Claim[]> {
    if (ids.length === 0) throw new InputError("no claim ids given");
    const found = await this.db.selectFrom("claims").select("id").where("id", "in", ids).execute();
    const missing = ids.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) throw new NotFoundError(`no claim ${missing.map((m) => `"${m}"`).join(", ")}; nothing was changed`);
    const now = new Date().toISOString();
    await this.db
      .updateTable("claims")
      .set({ status, reviewed_by: reviewer, reviewed_at: now, updated_at: now })
      .where("id", "in", ids)
      .execute();
    const rows = await this.db.selectFrom("claims").selectAll().where("id", "in", ids).execute();
    return rows.map(claimFromRow);
  }

  // ---- summaries and snapshots ----

  async stats(): Promise<Stats> {
    const count = async (table: keyof Database) =>
      Number((await this.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
    const group = async (table: "actors" | "relations" | "events" | "claims" | "concepts", col: string) =>
      countMap(
        (await this.db
          .selectFrom(table)
          .select([sql<string>`${sql.ref(col)}`.as("k"), (eb) => eb.fn.countAll<number>().as("n")])
          .groupBy(sql.ref(col))
          .orderBy(sql.ref(col))
          .execute()) as Array<{ k: string; n: number }>,
      );
    const span = await this.db
      .selectFrom("events")
      .select([(eb) => eb.fn.min("day_from").as("from"), (eb) => eb.fn.max("day_to").as("to")])
      .executeTakeFirst();
    return {
      actors: await count("actors"),
      agreements: await count("agreements"),
      concepts: await count("concepts"),
      relations: await count("relations"),
      events: await count("events"),
      sources: await count("sources"),
      claims: await count("claims"),
      actorsByKind: await group("actors", "kind"),
      relationsByKind: await group("relations", "kind"),
      eventsByType: await group("events", "type"),
      claimsByStatus: await group("claims", "status"),
      conceptsByFramework: await group("concepts", "framework"),
      eventSpan: span?.from ? { from: String(span.from), to: String(span.to) } : null,
    };
  }

  /** Every record, for exports. */
  async snapshot(): Promise<Snapshot> {
    return {
      sources: (await this.db.selectFrom("sources").selectAll().orderBy("id").execute()).map((r) => ({
        ...sourceFromRow(r),
        ...(r.text === null ? {} : { text: r.text }),
      })),
      actors: (await this.db.selectFrom("actors").selectAll().orderBy("id").execute()).map(actorFromRow),
      agreements: (await this.db.selectFrom("agreements").selectAll().orderBy("id").execute()).map(agreementFromRow),
      concepts: (await this.db.selectFrom("concepts").selectAll().orderBy("id").execute()).map(conceptFromRow),
      relations: (await this.db.selectFrom("relations").selectAll().orderBy("id").execute()).map(relationFromRow),
      events: (await this.db.selectFrom("events").select(EVENT_COLUMNS).orderBy("id").execute()).map((r) => eventFromRow(r)),
      claims: (await this.db.selectFrom("claims").selectAll().orderBy("id").execute()).map(claimFromRow),
    };
  }

  /** Ids present in a table, for validating references of a new import against stored records. */
  async ids(table: "actors" | "agreements" | "sources" | "concepts" | "relations" | "events"): Promise<Set<string>> {
    return new Set((await this.db.selectFrom(table).select("id").execute()).map((r) => r.id));
  }

  /** Every stored actor name, for resolving references of a new import (folded name → actor ids). */
  async nameIndex(): Promise<Array<{ actor_id: string; norm: string; kind: string; name: string }>> {
    return this.db.selectFrom("actor_names").select(["actor_id", "norm", "kind", "name"]).execute();
  }

  /** Stored source texts, so claims of a new import can cite sources imported earlier. */
  async sourceTexts(ids: string[]): Promise<Map<string, string | null>> {
    const out = new Map<string, string | null>();
    if (ids.length === 0) return out;
    for (const r of await this.db.selectFrom("sources").select(["id", "text"]).where("id", "in", ids).execute()) out.set(r.id, r.text);
    return out;
  }
}

/** Ids by target type, each once, types in first-seen order. */
function groupIds(targets: ReadonlyArray<{ type: TargetType; id: string }>): Map<TargetType, string[]> {
  const byType = new Map<TargetType, Set<string>>();
  for (const t of targets) (byType.get(t.type) ?? byType.set(t.type, new Set()).get(t.type)!).add(t.id);
  return new Map([...byType].map(([k, v]) => [k, [...v]]));
}

/** The record and everything in it made read-only: for records shared between answers. */
function frozen<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) frozen(v);
    Object.freeze(value);
  }
  return value;
}
