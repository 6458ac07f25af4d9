// Opening a database: an SQLite file (default, WAL, foreign keys on) or a PostgreSQL URL, migrated to the latest schema.
import { existsSync } from "node:fs";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Driver, type SqliteDialectConfig } from "kysely";
import { DiplographError } from "@diplograph/model";
import { CodeMigrationProvider } from "./migrations.js";
import type { Database } from "./schema.js";
import { SessionGate } from "./gate.js";

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
  /** SQLite: open while a write session runs on the raw handle (gate.ts). */
  gate?: SessionGate;
}

export class StoreError extends DiplographError {
  override name = "StoreError";
}

// PostgreSQL returns int8 (counts) as strings; counts here are far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

/**
 * The database as Kysely sees it, with prepared statements reused: Kysely prepares every query it runs, and parsing
 * and planning the same SQL again costs more than running it for the short indexed queries a server answers.
 * Statements run to completion synchronously (Kysely's SQLite driver uses `all` and `run`), so sharing one is safe.
 */
function withStatementCache(db: BetterSqlite3.Database, size = 500): BetterSqlite3.Database {
  const cache = new Map<string, BetterSqlite3.Statement>();
  const prepare = (source: string) => {
    let stmt = cache.get(source);
    if (stmt) {
      cache.delete(source); // most recently used last
    } else {
      stmt = db.prepare(source);
      if (cache.size >= size) cache.delete(cache.keys().next().value!);
    }
    cache.set(source, stmt);
    return stmt;
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop === "prepare") return prepare;
      const v = Reflect.get(target, prop) as unknown;
      return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/**
 * Kysely's SQLite dialect, whose queries from outside an open write session wait for the session to end before they
 * take the connection (gate.ts): the session writes on the raw handle, so a query run meanwhile would run inside its
 * transaction and see rows not yet committed, or rolled back later. The session's own queries go on. The wait comes
 * before Kysely's connection lock, never while holding it, since the session's own queries need that lock too.
 */
class GatedSqliteDialect extends SqliteDialect {
  constructor(
    config: SqliteDialectConfig,
    private readonly gate: SessionGate,
  ) {
    super(config);
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const gate = this.gate;
    return new Proxy(driver, {
      get(target, prop) {
        if (prop === "acquireConnection") {
          return async () => {
            if (gate.closed) await gate.pass();
            return target.acquireConnection();
          };
        }
        const v = Reflect.get(target, prop) as unknown;
        return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
  }
}

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
    // Reads of a large database at random (a server's actor pages) go through the OS page cache without a read
    // system call per page. SQLite caps this at its compile-time maximum (2 GB by default).
    sqlite.pragma("mmap_size = 2147418112");
    const gate = new SessionGate();
    conn = { db: new Kysely<Database>({ dialect: new GatedSqliteDialect({ database: withStatementCache(sqlite) }, gate) }), location: loc, sqlite, gate };
  } else {
    const pool = new pg.Pool({ connectionString: loc.url, max: 4 });
    // An idle pooled connection can be closed by the server (a restart, an administrator, a dropped database); pg
    // emits that on the pool, and an unhandled 'error' event would crash the process. The pool discards the
    // connection, and the next query opens a new one (or fails with its own error).
    pool.on("error", () => undefined);
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
