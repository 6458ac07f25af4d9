// Opening a database: an SQLite file (default, WAL, foreign keys on) or a PostgreSQL URL, migrated to the latest schema.
import { existsSync } from "node:fs";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from "kysely";
import { DiplographError } from "@diplograph/model";
import { CodeMigrationProvider } from "./migrations.js";
import type { Database } from "./schema.js";

export type Location = { kind: "sqlite"; path: string } | { kind: "postgres"; url: string };

export const DEFAULT_DB = "diplograph.db";

export function parseLocation(spec: string | undefined): Location {
  const s = spec ?? process.env.DIPLOGRAPH_DB ?? DEFAULT_DB;
  if (/^postgres(ql)?:\/\//.test(s)) return { kind: "postgres", url: s };
  return { kind: "sqlite", path: s.replace(/^sqlite:(\/\/)?/, "") };
}

export function describeLocation(loc: Location): string {
  return loc.kind === "sqlite" ? loc.path : loc.url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

export interface Connection {
  db: Kysely<Database>;
  location: Location;
  /** The raw SQLite handle, for bulk writes; undefined on PostgreSQL. */
  sqlite?: BetterSqlite3.Database;
}

export class StoreError extends DiplographError {
  override name = "StoreError";
}

// PostgreSQL returns int8 (counts) as strings; counts here are far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

export async function connect(loc: Location, options: { mustExist?: boolean } = {}): Promise<Connection> {
  let conn: Connection;
  if (loc.kind === "sqlite") {
    if (options.mustExist && loc.path !== ":memory:" && !existsSync(loc.path)) {
      throw new StoreError(`no database at ${loc.path}; run \`diplograph import\` first or pass --db`);
    }
    let sqlite: BetterSqlite3.Database;
    try {
      sqlite = new BetterSqlite3(loc.path);
    } catch (e) {
      throw new StoreError(`cannot open SQLite database ${loc.path}: ${(e as Error).message}`);
    }
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("busy_timeout = 5000");
    // Bulk imports insert into indexes in random key order: a large page cache (allocated only as used) keeps
    // them in memory instead of re-reading pages from the WAL.
    sqlite.pragma("cache_size = -262144");
    sqlite.pragma("temp_store = memory");
    conn = { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }), location: loc, sqlite };
  } else {
    const pool = new pg.Pool({ connectionString: loc.url, max: 4 });
    try {
      const client = await pool.connect();
      client.release();
    } catch (e) {
      await pool.end().catch(() => undefined);
      throw new StoreError(`cannot connect to PostgreSQL at ${describeLocation(loc)}: ${(e as Error).message}`);
    }
    conn = { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), location: loc };
  }
  await migrate(conn.db);
  return conn;
}

export async function migrate(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: new CodeMigrationProvider() });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    throw new StoreError(`database migration ${failed?.migrationName ?? ""} failed: ${String((error as Error)?.message ?? error)}`);
  }
}
