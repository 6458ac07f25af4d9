// Versioned schema migrations, written with Kysely's schema builder so the same steps run on SQLite and PostgreSQL.
import { SqliteAdapter, sql, type Kysely, type Migration, type MigrationProvider } from "kysely";
import { EVENT_JSON_SQL } from "./rows.js";

const migrations: Record<string, Migration> = {
  "0001_initial": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("sources")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("type", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("authors", "text", (c) => c.notNull())
        .addColumn("published", "text")
        .addColumn("language", "text", (c) => c.notNull())
        .addColumn("languages", "text", (c) => c.notNull())
        .addColumn("venue", "text")
        .addColumn("doi", "text")
        .addColumn("url", "text")
        .addColumn("file", "text")
        .addColumn("sha256", "text")
        .addColumn("note", "text")
        .addColumn("text", "text")
        .addColumn("hash", "text", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("actors")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("country", "text")
        .addColumn("description", "text")
        .addColumn("wikidata", "text")
        .addColumn("partyfacts", "integer")
        .addColumn("parlgov", "integer")
        .addColumn("cameo", "text")
        .addColumn("aliases", "text", (c) => c.notNull())
        .addColumn("hash", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("actors_kind").on("actors").column("kind").execute();
      await db.schema.createIndex("actors_country").on("actors").column("country").execute();

      await db.schema
        .createTable("actor_names")
        .addColumn("actor_id", "text", (c) => c.notNull().references("actors.id").onDelete("cascade"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("norm", "text", (c) => c.notNull())
        .addColumn("lang", "text")
        .addColumn("kind", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("actor_names_norm").on("actor_names").column("norm").execute();
      await db.schema.createIndex("actor_names_actor").on("actor_names").column("actor_id").execute();

      await db.schema
        .createTable("agreements")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("aliases", "text", (c) => c.notNull())
        .addColumn("signed", "text")
        .addColumn("signed_place", "text")
        .addColumn("in_force", "text")
        .addColumn("adopted_by", "text", (c) => c.references("actors.id"))
        .addColumn("topics", "text", (c) => c.notNull())
        .addColumn("description", "text")
        .addColumn("day_from", "text")
        .addColumn("hash", "text", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("concepts")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("framework", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("label", "text", (c) => c.notNull())
        .addColumn("aliases", "text", (c) => c.notNull())
        .addColumn("ord", "integer")
        .addColumn("parent_id", "text")
        .addColumn("description", "text")
        .addColumn("hash", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("concepts_framework").on("concepts").column("framework").execute();

      await db.schema
        .createTable("relations")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("from_id", "text", (c) => c.notNull().references("actors.id"))
        .addColumn("to_actor_id", "text", (c) => c.references("actors.id"))
        .addColumn("to_agreement_id", "text", (c) => c.references("agreements.id"))
        .addColumn("role", "text")
        .addColumn("start_date", "text")
        .addColumn("end_date", "text")
        .addColumn("signed", "text")
        .addColumn("ratified", "text")
        .addColumn("valid_from", "text")
        .addColumn("valid_to", "text")
        .addColumn("track", "text")
        .addColumn("layers", "text", (c) => c.notNull())
        .addColumn("attributes", "text", (c) => c.notNull())
        .addColumn("note", "text")
        .addColumn("hash", "text", (c) => c.notNull())
        .addCheckConstraint("relations_one_target", sql`(to_actor_id is null) <> (to_agreement_id is null)`)
        .execute();
      await db.schema.createIndex("relations_from").on("relations").columns(["from_id", "kind"]).execute();
      await db.schema.createIndex("relations_to_actor").on("relations").columns(["to_actor_id", "kind"]).execute();
      await db.schema.createIndex("relations_to_agreement").on("relations").column("to_agreement_id").execute();

      await db.schema
        .createTable("events")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("type", "text", (c) => c.notNull())
        .addColumn("cameo", "text")
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("date", "text", (c) => c.notNull())
        .addColumn("day_from", "text", (c) => c.notNull())
        .addColumn("day_to", "text", (c) => c.notNull())
        .addColumn("place", "text")
        .addColumn("place_country", "text")
        .addColumn("track", "text")
        .addColumn("layers", "text", (c) => c.notNull())
        .addColumn("outcome", "text")
        .addColumn("agreement_id", "text", (c) => c.references("agreements.id"))
        .addColumn("attributes", "text", (c) => c.notNull())
        .addColumn("hash", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("events_day").on("events").column("day_from").execute();

      await db.schema
        .createTable("event_participants")
        .addColumn("event_id", "text", (c) => c.notNull().references("events.id").onDelete("cascade"))
        .addColumn("ord", "integer", (c) => c.notNull())
        .addColumn("actor_id", "text", (c) => c.notNull().references("actors.id"))
        .addColumn("role", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("event_participants_pk", ["event_id", "ord"])
        .execute();
      await db.schema.createIndex("event_participants_actor").on("event_participants").column("actor_id").execute();

      await db.schema
        .createTable("claims")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("target_type", "text", (c) => c.notNull())
        .addColumn("target_id", "text", (c) => c.notNull())
        .addColumn("property", "text")
        .addColumn("value", "text")
        .addColumn("qualifiers", "text", (c) => c.notNull())
        .addColumn("source_id", "text", (c) => c.notNull().references("sources.id"))
        .addColumn("loc_start", "integer")
        .addColumn("loc_end", "integer")
        .addColumn("quote", "text")
        .addColumn("page", "text")
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("confidence", "real", (c) => c.notNull())
        .addColumn("author", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("reviewed_by", "text")
        .addColumn("reviewed_at", "text")
        .addColumn("note", "text")
        .addColumn("hash", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("claims_target").on("claims").columns(["target_type", "target_id"]).execute();
      await db.schema.createIndex("claims_status").on("claims").column("status").execute();
      await db.schema.createIndex("claims_source").on("claims").column("source_id").execute();

      await db.schema
        .createTable("imports")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("dataset", "text", (c) => c.notNull())
        .addColumn("path", "text", (c) => c.notNull())
        .addColumn("started_at", "text", (c) => c.notNull())
        .addColumn("finished_at", "text", (c) => c.notNull())
        .addColumn("inserted", "integer", (c) => c.notNull())
        .addColumn("updated", "integer", (c) => c.notNull())
        .addColumn("unchanged", "integer", (c) => c.notNull())
        .execute();
    },
  },
};

migrations["0002_event_notes_agreement_adoption"] = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("events").addColumn("note", "text").execute();
    await db.schema.alterTable("agreements").addColumn("adopted", "text").execute();
  },
};

// Substring search over ~300,000 names (100,000 actors) must not scan them all: a trigram index on the folded names.
// SQLite: an FTS5 table with the trigram tokenizer over actor_names (external content, kept in step by triggers, so the
// write path is unchanged). PostgreSQL: pg_trgm's GIN operator class, which serves `norm LIKE '%…%'` directly.
migrations["0003_actor_name_trigrams"] = {
  async up(db: Kysely<unknown>) {
    if (db.getExecutor().adapter instanceof SqliteAdapter) {
      await sql`CREATE VIRTUAL TABLE actor_names_fts USING fts5(norm, content='actor_names', content_rowid='rowid', tokenize='trigram')`.execute(db);
      await sql`CREATE TRIGGER actor_names_fts_insert AFTER INSERT ON actor_names BEGIN
        INSERT INTO actor_names_fts(rowid, norm) VALUES (new.rowid, new.norm); END`.execute(db);
      await sql`CREATE TRIGGER actor_names_fts_delete AFTER DELETE ON actor_names BEGIN
        INSERT INTO actor_names_fts(actor_names_fts, rowid, norm) VALUES ('delete', old.rowid, old.norm); END`.execute(db);
      await sql`CREATE TRIGGER actor_names_fts_update AFTER UPDATE ON actor_names BEGIN
        INSERT INTO actor_names_fts(actor_names_fts, rowid, norm) VALUES ('delete', old.rowid, old.norm);
        INSERT INTO actor_names_fts(rowid, norm) VALUES (new.rowid, new.norm); END`.execute(db);
      await sql`INSERT INTO actor_names_fts(actor_names_fts) VALUES ('rebuild')`.execute(db);
    } else {
      await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
      await sql`CREATE INDEX actor_names_norm_trgm ON actor_names USING gin (norm gin_trgm_ops)`.execute(db);
    }
  },
};

/**
 * SQLite only: the large tables (relations, events, their participants, claims) keep their key in a UNIQUE index
 * instead of a PRIMARY KEY. The columns, the uniqueness and every query stay the same, but an index, unlike a primary
 * key, can be dropped: a bulk load into an empty table then appends rows and builds the key index once, sorted, at
 * the end, instead of inserting every random claim id into a growing B-tree (docs/design-choices.md, "Import speed").
 * PostgreSQL keeps its primary keys (its bulk path does not drop indexes), so the migration does nothing there.
 */
migrations["0004_sqlite_droppable_keys"] = {
  async up(db: Kysely<unknown>) {
    if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
    const keyed: Array<[table: string, pk: RegExp, index: string]> = [
      ["relations", /"id" text primary key/, 'CREATE UNIQUE INDEX "relations_id" ON "relations" ("id")'],
      ["events", /"id" text primary key/, 'CREATE UNIQUE INDEX "events_id" ON "events" ("id")'],
      ["event_participants", /, constraint "event_participants_pk" primary key \("event_id", "ord"\)/, 'CREATE UNIQUE INDEX "event_participants_pk" ON "event_participants" ("event_id", "ord")'],
      ["claims", /"id" text primary key/, 'CREATE UNIQUE INDEX "claims_id" ON "claims" ("id")'],
    ];
    await rebuildingTables(db, async () => {
      for (const [table, pk, index] of keyed) {
        const create = (await sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ${table}`.execute(db)).rows[0]!.sql;
        if (!pk.test(create)) throw new Error(`unexpected schema of ${table}: ${create}`);
        const indexes = (await sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ${table} AND sql IS NOT NULL`.execute(db)).rows;
        const rebuilt = create.replace(pk, (m) => (m.startsWith(",") ? "" : '"id" text not null')).replace(`CREATE TABLE "${table}"`, `CREATE TABLE "${table}_rebuilt"`);
        await sql.raw(rebuilt).execute(db);
        await sql.raw(`INSERT INTO "${table}_rebuilt" SELECT * FROM "${table}"`).execute(db);
        await sql.raw(`DROP TABLE "${table}"`).execute(db);
        await sql.raw(`ALTER TABLE "${table}_rebuilt" RENAME TO "${table}"`).execute(db);
        await sql.raw(index).execute(db);
        for (const i of indexes) await sql.raw(i.sql).execute(db);
      }
    });
  },
};

/**
 * SQLite: rebuild tables in one transaction. Dropping the old table would, with foreign keys on, cascade to the rows
 * that reference it (an event's participants): the documented procedure turns them off (outside the transaction),
 * rebuilds, checks them, and turns them back on as they were.
 */
async function rebuildingTables(db: Kysely<unknown>, rebuild: () => Promise<void>): Promise<void> {
  const fk = (await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(db)).rows[0]?.foreign_keys ?? 0;
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  await sql`BEGIN`.execute(db);
  try {
    await rebuild();
    const broken = (await sql`PRAGMA foreign_key_check`.execute(db)).rows;
    if (broken.length) throw new Error(`foreign keys broken after rebuilding tables: ${JSON.stringify(broken.slice(0, 5))}`);
    await sql`COMMIT`.execute(db);
  } catch (e) {
    await sql`ROLLBACK`.execute(db);
    throw e;
  } finally {
    await sql.raw(`PRAGMA foreign_keys = ${fk ? "ON" : "OFF"}`).execute(db);
  }
}

/**
 * Documents and their versions (`diplograph ingest`): a source row per version, tied to its document by
 * `document_id` and numbered by `version` (unique together), with the version it replaces, the file format and when it
 * was ingested; and the passages of each version, as spans of the source's text. Claims keep pointing at the source
 * row of the version they quote, so a new version never moves an old claim.
 */
migrations["0005_document_versions"] = {
  async up(db: Kysely<unknown>) {
    for (const [column, type] of [
      ["document_id", "text"],
      ["version", "integer"],
      ["supersedes", "text"],
      ["format", "text"],
      ["ingested_at", "text"],
    ] as const) {
      await db.schema.alterTable("sources").addColumn(column, type).execute();
    }
    await db.schema.createIndex("sources_document_version").on("sources").columns(["document_id", "version"]).unique().execute();
    await db.schema
      .createTable("passages")
      .addColumn("source_id", "text", (c) => c.notNull().references("sources.id").onDelete("cascade"))
      .addColumn("ord", "integer", (c) => c.notNull())
      .addColumn("start_offset", "integer", (c) => c.notNull())
      .addColumn("end_offset", "integer", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("label", "text")
      .addColumn("language", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("passages_pk", ["source_id", "ord"])
      .execute();
  },
};

/**
 * An actor page lists the actor's events with all their participants. Two changes let it read them without a random
 * lookup per participant (docs/design-choices.md, "Server speed"):
 * - each event row keeps its participants as JSON (`[[actor, role], …]` in order), written with the event; the
 *   `event_participants` table stays, for the by-actor index and every filter;
 * - the by-actor index also holds the event id, so an actor's events are found from the index alone.
 */
migrations["0006_event_participants_on_events"] = {
  async up(db: Kysely<unknown>) {
    const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
    await db.schema.alterTable("events").addColumn("participants", "text", (c) => c.notNull().defaultTo("[]")).execute();
    if (sqlite) {
      await sql`UPDATE events SET participants = (SELECT json_group_array(json_array(actor_id, role)) FROM
        (SELECT actor_id, role FROM event_participants p WHERE p.event_id = events.id ORDER BY ord))
        WHERE EXISTS (SELECT 1 FROM event_participants p WHERE p.event_id = events.id)`.execute(db);
    } else {
      await sql`UPDATE events SET participants = p.list FROM
        (SELECT event_id, json_agg(json_build_array(actor_id, role) ORDER BY ord)::text AS list FROM event_participants GROUP BY event_id) p
        WHERE p.event_id = events.id`.execute(db);
    }
    await db.schema.dropIndex("event_participants_actor").execute();
    await db.schema.createIndex("event_participants_actor").on("event_participants").columns(["actor_id", "event_id"]).execute();
  },
};

/**
 * SQLite only: a counter of changes to names (`names_version.n`), raised by triggers whenever a row of `actor_names`
 * is written or deleted or an actor's canonical name changes. A server keeping the names in memory for search
 * (name-index.ts) compares it with the count its copy was read at, so other writes (claims, events) leave the copy
 * in use, and a change of names by any process is seen at the next search.
 */
migrations["0007_sqlite_names_version"] = {
  async up(db: Kysely<unknown>) {
    if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
    await sql`CREATE TABLE names_version (n INTEGER NOT NULL)`.execute(db);
    await sql`INSERT INTO names_version (n) VALUES (0)`.execute(db);
    for (const [name, when] of [
      ["names_version_insert", "AFTER INSERT ON actor_names"],
      ["names_version_delete", "AFTER DELETE ON actor_names"],
      ["names_version_update", "AFTER UPDATE ON actor_names"],
      ["names_version_actor", "AFTER UPDATE OF name ON actors"],
    ]) {
      await sql.raw(`CREATE TRIGGER ${name} ${when} BEGIN UPDATE names_version SET n = n + 1; END`).execute(db);
    }
  },
};

/**
 * SQLite only: each event row also holds its record's JSON text (`json`, a stored generated column computed by
 * EVENT_JSON_SQL whenever the row is written, so no writer can forget it). An actor page then reads its events' text
 * instead of building it from fourteen columns per event: 180 → 115 µs for an actor's 30 events, for a third more
 * database (docs/design-choices.md, "Server speed"). SQLite cannot add a stored column to a table, so the table is
 * rebuilt as in 0004. The expression is the one of this release: if EVENT_JSON_SQL changes later, the store sees that
 * the table's differs (`eventJsonStored`) and builds the text in the query again until a migration rebuilds the
 * column. PostgreSQL writes the text in JavaScript from the columns (eventJsonFromRow), so nothing changes there.
 */
migrations["0008_sqlite_event_json"] = {
  async up(db: Kysely<unknown>) {
    if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
    await rebuildingTables(db, async () => {
      const create = (await sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'events'`.execute(db)).rows[0]!.sql;
      if (!create.trimEnd().endsWith(")") || /"json"/.test(create)) throw new Error(`unexpected schema of events: ${create}`);
      const columns = (await sql<{ name: string }>`SELECT name FROM pragma_table_info('events')`.execute(db)).rows.map((r) => `"${r.name}"`).join(", ");
      const indexes = (await sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' AND sql IS NOT NULL`.execute(db)).rows;
      const rebuilt = create
        .trimEnd()
        .replace(/\)$/, `, "json" text GENERATED ALWAYS AS (${EVENT_JSON_SQL}) STORED)`)
        .replace(/^CREATE TABLE "events"/, 'CREATE TABLE "events_rebuilt"');
      if (!rebuilt.startsWith('CREATE TABLE "events_rebuilt"')) throw new Error(`unexpected schema of events: ${create}`);
      await sql.raw(rebuilt).execute(db);
      await sql.raw(`INSERT INTO "events_rebuilt" (${columns}) SELECT ${columns} FROM "events"`).execute(db);
      await sql`DROP TABLE "events"`.execute(db);
      await sql`ALTER TABLE "events_rebuilt" RENAME TO "events"`.execute(db);
      for (const i of indexes) await sql.raw(i.sql).execute(db);
    });
  },
};

export class CodeMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}
