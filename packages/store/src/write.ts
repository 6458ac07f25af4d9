// Bulk upsert of validated records inside one transaction: unchanged rows are skipped, so re-importing the same data
// writes nothing; large loads defer secondary indexes and rebuild them at the end.
import type { Actor, Agreement, Claim, Concept, Event, Relation, Snapshot } from "@diplograph/model";
import { availableParallelism } from "node:os";
import type { Transaction } from "kysely";
import type { Connection } from "./connect.js";
import {
  actorNameRows,
  actorRow,
  agreementRow,
  claimRow,
  conceptRow,
  eventRow,
  participantRows,
  relationRow,
  sourceRow,
  type SourceWithText,
} from "./rows.js";
import { unpackRows, type PackedRows } from "./packed.js";
import { RECORD_TABLES, type Database, type RecordTable } from "./schema.js";

/** Records to write: canonical and validated, with every reference resolved (to this set or to stored records). */
export type WriteSet = Snapshot;

export type Counts = Record<RecordTable, number>;

export interface WriteResult {
  inserted: Counts;
  updated: Counts;
  unchanged: Counts;
  /** False when nothing differed and the database was not touched. */
  wrote: boolean;
}

export type WriteProgress = (done: number, total: number) => void;

export interface BulkOptions {
  /** How many rows the session will write, about: from BULK_ROWS on, indexes are deferred and rebuilt. */
  expectedRows?: number;
  onProgress?: WriteProgress;
  /** Called before the indexes deferred by a bulk session are rebuilt (it can take seconds on millions of rows). */
  onIndexing?: (indexes: number) => void;
}

/** A write session: every `write` joins one transaction, committed when the session's function returns. */
export interface Writer {
  write(set: Partial<WriteSet>): Promise<void>;
  /**
   * Write rows already made by the row builders of rows.ts (on another thread, say), with their child rows
   * (`event_participants` of events): the same as `write` of their records.
   */
  writePacked(rows: PackedRows, children?: PackedRows): Promise<void>;
  /** Write a document version: its source (through `write`), its place among the document's versions, its passages. */
  writeDocument(version: DocumentVersionWrite): Promise<void>;
  readonly result: WriteResult;
}

/** A version of an ingested document, as `Writer.writeDocument` stores it. */
export interface DocumentVersionWrite {
  /** The version's source record with its text; its id is the version's own (`<document>.v<n>`). */
  source: SourceWithText;
  documentId: string;
  version: number;
  /** The source id of the version it replaces. */
  supersedes?: string;
  format: string;
  ingestedAt: string;
  passages: ReadonlyArray<{ start: number; end: number; kind: string; label?: string; language: string }>;
}

/** From this many rows on, a load defers secondary indexes and foreign-key lookups (a sorted index build is faster). */
export const BULK_ROWS = 50_000;

const zero = (): Counts => ({ sources: 0, actors: 0, agreements: 0, concepts: 0, relations: 0, events: 0, claims: 0 });

type Row = Record<string, unknown> & { id: string; hash: string };
type ChildTable = "actor_names" | "event_participants" | "passages";

/** The column of each child table that names its parent row. */
const PARENT: Record<ChildTable, string> = { actor_names: "actor_id", event_participants: "event_id", passages: "source_id" };

interface Existing {
  hash: string;
  status?: string;
  created_at?: string;
  reviewed_by?: string | null;
  reviewed_at?: string | null;
}

const TO_ROW: { [T in RecordTable]: (r: WriteSet[T][number]) => Row } = {
  sources: (r) => sourceRow(r as SourceWithText) as unknown as Row,
  actors: (r) => actorRow(r as Actor) as unknown as Row,
  agreements: (r) => agreementRow(r as Agreement) as unknown as Row,
  concepts: (r) => conceptRow(r as Concept) as unknown as Row,
  relations: (r) => relationRow(r as Relation) as unknown as Row,
  events: (r) => eventRow(r as Event) as unknown as Row,
  claims: (r) => claimRow(r as Claim) as unknown as Row,
};

/** The database operations a session needs, on SQLite (synchronous driver) or PostgreSQL (a Kysely transaction). */
interface Backend {
  count(table: RecordTable): Promise<number>;
  select(table: RecordTable, cols: string[], ids?: string[]): Promise<Array<Record<string, unknown>>>;
  /** Insert rows known to be new; `update` rows replace stored ones with the same id. */
  upsert(table: RecordTable, rows: Row[], update: boolean): Promise<void>;
  deleteChildren(table: ChildTable, parents: string[]): Promise<void>;
  insertChildren(table: ChildTable, rows: Array<Record<string, unknown>>): Promise<void>;
  /** Set columns of one row. */
  update(table: RecordTable, id: string, values: Record<string, unknown>): Promise<void>;
  /** Insert packed rows known to be new, without making row objects (SQLite only). */
  insertPacked?(rows: PackedRows): void;
}

function upsertSql(table: string, cols: string[]): string {
  const updates = cols
    .filter((c) => c !== "id")
    .map((c) => `${c} = excluded.${c}`)
    .join(", ");
  return `INSERT INTO ${table} (${cols.join(", ")}) VALUES (${cols.map((c) => `@${c}`).join(", ")}) ON CONFLICT (id) DO UPDATE SET ${updates}`;
}

function sqliteBackend(db: NonNullable<Connection["sqlite"]>): Backend {
  const cache = new Map<string, ReturnType<typeof db.prepare>>();
  const prepared = (sql: string) => {
    let s = cache.get(sql);
    if (!s) cache.set(sql, (s = db.prepare(sql)));
    return s;
  };
  return {
    async count(table) {
      return Number((prepared(`SELECT count(*) AS n FROM ${table}`).get([]) as { n: number }).n);
    },
    async select(table, cols, ids) {
      if (!ids) return prepared(`SELECT ${cols.join(", ")} FROM ${table}`).all([]) as Array<Record<string, unknown>>;
      const out: Array<Record<string, unknown>> = [];
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        out.push(...(db.prepare(`SELECT ${cols.join(", ")} FROM ${table} WHERE id IN (${chunk.map(() => "?").join(", ")})`).all(chunk) as Array<Record<string, unknown>>));
      }
      return out;
    },
    async upsert(table, rows, update) {
      const cols = Object.keys(rows[0]!);
      if (update) {
        const stmt = prepared(upsertSql(table, cols));
        for (const row of rows) stmt.run(row);
        return;
      }
      insertBatched(table, cols, rows);
    },
    async deleteChildren(table, parents) {
      const del = prepared(`DELETE FROM ${table} WHERE ${PARENT[table]} = ?`);
      for (const id of parents) del.run(id);
    },
    async insertChildren(table, rows) {
      insertBatched(table, Object.keys(rows[0]!), rows);
    },
    async update(table, id, values) {
      const cols = Object.keys(values);
      prepared(`UPDATE ${table} SET ${cols.map((c) => `${c} = @${c}`).join(", ")} WHERE id = @id`).run({ ...values, id });
    },
    insertPacked(p) {
      if (p.n === 0) return;
      const width = p.cols.length;
      const tuple = `(${p.cols.map(() => "?").join(", ")})`;
      const head = `INSERT INTO ${p.table} (${p.cols.join(", ")}) VALUES `;
      const many = prepared(head + Array(BATCH).fill(tuple).join(", "));
      const values: unknown[] = new Array(width * BATCH);
      const { idx, values: distinct } = p;
      const cells = p.n * width;
      const step = width * BATCH;
      let k = 0;
      for (; k + step <= cells; k += step) {
        for (let j = 0; j < step; j++) values[j] = distinct[idx[k + j]!];
        many.run(values);
      }
      if (k < cells) {
        const one = prepared(head + tuple);
        const single: unknown[] = new Array(width);
        for (; k < cells; k += width) {
          for (let j = 0; j < width; j++) single[j] = distinct[idx[k + j]!];
          one.run(single);
        }
      }
    },
  };

  /**
   * Plain inserts of rows known to be new, BATCH rows to a statement: one call into the driver per batch instead of
   * per row roughly doubles the rate of bulk loads. Values go positionally from one reused array.
   */
  function insertBatched(table: string, cols: string[], rows: Array<Record<string, unknown>>): void {
    const tuple = `(${cols.map(() => "?").join(", ")})`;
    const head = `INSERT INTO ${table} (${cols.join(", ")}) VALUES `;
    const many = prepared(head + Array(BATCH).fill(tuple).join(", "));
    const values: unknown[] = new Array(cols.length * BATCH);
    let i = 0;
    for (; i + BATCH <= rows.length; i += BATCH) {
      let k = 0;
      for (let b = 0; b < BATCH; b++) {
        const row = rows[i + b]!;
        for (let c = 0; c < cols.length; c++) values[k++] = row[cols[c]!];
      }
      many.run(values);
    }
    if (i < rows.length) {
      const one = prepared(head + tuple);
      const single: unknown[] = new Array(cols.length);
      for (; i < rows.length; i++) {
        const row = rows[i]!;
        for (let c = 0; c < cols.length; c++) single[c] = row[cols[c]!];
        one.run(single);
      }
    }
  }
}

/** Rows per multi-row INSERT on SQLite (at most 20 columns × 50 = 1,000 bound values, far below SQLite's limit). */
const BATCH = 50;

function postgresBackend(trx: Transaction<Database>): Backend {
  return {
    async count(table) {
      return Number((await trx.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
    },
    async select(table, cols, ids) {
      if (!ids) return (await trx.selectFrom(table).select(cols as never[]).execute()) as Array<Record<string, unknown>>;
      const out: Array<Record<string, unknown>> = [];
      for (let i = 0; i < ids.length; i += 1000) {
        out.push(...((await trx.selectFrom(table).select(cols as never[]).where("id" as never, "in", ids.slice(i, i + 1000) as never).execute()) as Array<Record<string, unknown>>));
      }
      return out;
    },
    async upsert(table, rows) {
      const cols = Object.keys(rows[0]!);
      const chunk = Math.max(1, Math.floor(30_000 / cols.length));
      const set = Object.fromEntries(cols.filter((c) => c !== "id").map((c) => [c, (eb: { ref: (s: string) => unknown }) => eb.ref(`excluded.${c}`)]));
      for (let i = 0; i < rows.length; i += chunk) {
        await trx
          .insertInto(table)
          .values(rows.slice(i, i + chunk) as never)
          .onConflict((oc) => oc.column("id").doUpdateSet(set as never))
          .execute();
      }
    },
    async deleteChildren(table, parents) {
      const col = PARENT[table];
      for (let i = 0; i < parents.length; i += 1000) await trx.deleteFrom(table).where(col as never, "in", parents.slice(i, i + 1000) as never).execute();
    },
    async insertChildren(table, rows) {
      const chunk = Math.max(1, Math.floor(30_000 / Object.keys(rows[0]!).length));
      for (let i = 0; i < rows.length; i += chunk) await trx.insertInto(table).values(rows.slice(i, i + chunk) as never).execute();
    },
    async update(table, id, values) {
      await trx.updateTable(table).set(values as never).where("id", "=", id).execute();
    },
  };
}

class Session implements Writer {
  readonly result: WriteResult = { inserted: zero(), updated: zero(), unchanged: zero(), wrote: false };
  private readonly empty = new Map<RecordTable, boolean>();
  private done = 0;
  private readonly now = new Date().toISOString();

  constructor(
    private readonly db: Backend,
    private readonly options: BulkOptions,
  ) {}

  /** What the session found when it began: an empty table needs no lookups of stored rows. */
  knownEmpty(table: RecordTable, empty: boolean): void {
    this.empty.set(table, empty);
  }

  /** Stored hashes of the given ids; nothing is asked of a table that held no rows when the session began. */
  private async existing(table: RecordTable, ids: string[]): Promise<Map<string, Existing>> {
    const out = new Map<string, Existing>();
    if (ids.length === 0) return out;
    if (await this.isEmpty(table)) return out;
    const cols = table === "claims" ? ["id", "hash", "status", "created_at", "reviewed_by", "reviewed_at"] : ["id", "hash"];
    for (const r of await this.db.select(table, cols, ids)) out.set(r.id as string, r as unknown as Existing);
    return out;
  }

  async write(set: Partial<WriteSet>): Promise<void> {
    for (const table of RECORD_TABLES) {
      const records = set[table];
      if (!records || records.length === 0) continue;
      const toRow = TO_ROW[table] as (r: unknown) => Row;
      const rows = (records as unknown[]).map(toRow);
      let kids: ((id: string) => Array<Record<string, unknown>>) | undefined;
      if (table === "actors" || table === "events") {
        const byId = new Map((records as Array<Actor | Event>).map((r) => [r.id, r]));
        kids = (id) => (table === "actors" ? actorNameRows(byId.get(id) as Actor) : participantRows(byId.get(id) as Event)) as unknown as Array<Record<string, unknown>>;
      }
      await this.writeRows(table, rows, kids);
    }
  }

  async writePacked(packed: PackedRows, children?: PackedRows): Promise<void> {
    const table = packed.table as RecordTable;
    if (packed.n === 0) return;
    if (this.db.insertPacked && (await this.isEmpty(table))) {
      // Every row is new: straight from the packed values into the database.
      this.db.insertPacked(packed);
      if (children) this.db.insertPacked(children);
      this.result.inserted[table] += packed.n;
      this.result.wrote = true;
      this.done += packed.n;
      this.options.onProgress?.(this.done, Math.max(this.done, this.options.expectedRows ?? this.done));
      return;
    }
    const byParent = new Map<string, Array<Record<string, unknown>>>();
    if (children) {
      for (const k of unpackRows(children)) {
        const parent = (k.event_id ?? k.actor_id) as string;
        let list = byParent.get(parent);
        if (!list) byParent.set(parent, (list = []));
        list.push(k);
      }
    }
    await this.writeRows(table, unpackRows(packed) as Row[], children ? (id) => byParent.get(id) ?? [] : undefined);
  }

  async writeDocument(v: DocumentVersionWrite): Promise<void> {
    await this.write({ sources: [v.source] });
    const id = v.source.id;
    await this.db.update("sources", id, { document_id: v.documentId, version: v.version, supersedes: v.supersedes ?? null, format: v.format, ingested_at: v.ingestedAt });
    // A source row that was there already (a version written again after its passages changed) loses the old ones.
    await this.db.deleteChildren("passages", [id]);
    const rows = v.passages.map((p, ord) => ({ source_id: id, ord, start_offset: p.start, end_offset: p.end, kind: p.kind, label: p.label ?? null, language: p.language }));
    if (rows.length) await this.db.insertChildren("passages", rows);
    this.result.wrote = true;
  }

  private async isEmpty(table: RecordTable): Promise<boolean> {
    if (!this.empty.has(table)) this.empty.set(table, (await this.db.count(table)) === 0);
    return this.empty.get(table)!;
  }

  /** Insert new rows, update changed ones (keeping claims' reviews), skip unchanged ones; `kids` gives child rows. */
  private async writeRows(table: RecordTable, rows: Row[], kids?: (id: string) => Array<Record<string, unknown>>): Promise<void> {
    const old = await this.existing(table, rows.map((r) => r.id));
    const inserted: Row[] = [];
    const changed: Row[] = [];
    const updatedIds: string[] = [];
    for (const row of rows) {
      const prev = old.get(row.id);
      if (!prev) {
        inserted.push(row);
        this.result.inserted[table]++;
        continue;
      }
      // The stored hash is that of the content as last imported, so a review made in Diplograph is no change.
      if (prev.hash === row.hash) {
        this.result.unchanged[table]++;
        continue;
      }
      if (table === "claims") {
        // The dataset changed the claim: take its content, keep the stored review decision and creation time.
        if (prev.reviewed_at) {
          row.status = prev.status;
          row.reviewed_by = prev.reviewed_by ?? null;
          row.reviewed_at = prev.reviewed_at;
        }
        row.created_at = prev.created_at;
        row.updated_at = this.now;
      }
      changed.push(row);
      updatedIds.push(row.id);
      this.result.updated[table]++;
    }
    if (inserted.length === 0 && changed.length === 0) return;
    this.result.wrote = true;
    if (inserted.length) await this.db.upsert(table, inserted, false);
    if (changed.length) await this.db.upsert(table, changed, true);
    for (const r of inserted) changed.push(r);
    if (kids) {
      const child: ChildTable = table === "actors" ? "actor_names" : "event_participants";
      if (updatedIds.length) await this.db.deleteChildren(child, updatedIds);
      const all: Array<Record<string, unknown>> = [];
      for (const r of changed) for (const k of kids(r.id)) all.push(k);
      if (all.length) await this.db.insertChildren(child, all);
    }
    this.done += changed.length;
    this.options.onProgress?.(this.done, Math.max(this.done, this.options.expectedRows ?? this.done));
  }
}

/**
 * Run `fn` with a writer whose writes all join one transaction: committed when `fn` returns, rolled back when it
 * throws (so a failed import changes nothing). A session that writes nothing leaves an SQLite file untouched.
 */
export async function writeSession<T>(conn: Connection, options: BulkOptions, fn: (w: Writer) => Promise<T>): Promise<{ value: T; result: WriteResult }> {
  // SQLite: on the raw handle, behind the connection's gate (reads from elsewhere wait for the commit, gate.ts).
  if (conn.sqlite) return conn.gate!.session(() => sqliteSession(conn.sqlite!, options, fn));
  let result: WriteResult | undefined;
  const value = await conn.db.transaction().execute(async (trx) => {
    const session = new Session(postgresBackend(trx), options);
    const v = await fn(session);
    result = session.result;
    return v;
  });
  return { value, result: result! };
}

async function sqliteSession<T>(db: NonNullable<Connection["sqlite"]>, options: BulkOptions, fn: (w: Writer) => Promise<T>): Promise<{ value: T; result: WriteResult }> {
  const bulk = (options.expectedRows ?? 0) >= BULK_ROWS;
  // The importer resolved every reference before writing, so per-row foreign-key lookups are redundant in a bulk
  // load. The pragma cannot change inside a transaction.
  if (bulk) db.pragma("foreign_keys = OFF");
  // IMMEDIATE: take the write lock now, waiting (busy_timeout) while another process writes. A deferred transaction
  // reads first and would fail with SQLITE_BUSY, without waiting, when it then writes after another process's
  // commit (several server workers, or a CLI import beside the server). Taking the lock writes nothing to the file.
  db.exec("BEGIN IMMEDIATE");
  const session = new Session(sqliteBackend(db), options);
  let deferred: string[] = [];
  if (bulk) {
    for (const t of BULK_TABLES) {
      // An empty table also loses its key index (migration 0004): nothing stored can conflict, the importer has
      // checked the new ids, and the index is built once at the end (which would still refuse a duplicate).
      const empty = db.prepare(`SELECT 1 FROM ${t} LIMIT 1`).get() === undefined;
      if (t !== "event_participants") session.knownEmpty(t, empty);
      deferred = deferred.concat(dropIndexes(db, t, empty));
    }
  }
  try {
    const value = await fn(session);
    if (!session.result.wrote) {
      // Nothing changed (a re-import of the same data): the dropped indexes come back as they were, untouched.
      db.exec("ROLLBACK");
      options.onProgress?.(1, 1);
      return { value, result: session.result };
    }
    if (deferred.length) {
      options.onIndexing?.(deferred.length);
      // The sorter of CREATE INDEX may use helper threads: the other cores are idle by now (about a fifth faster).
      db.pragma(`threads = ${Math.min(4, availableParallelism())}`);
      try {
        for (const sql of deferred) db.exec(sql);
      } finally {
        db.pragma("threads = 0");
      }
    }
    db.exec("COMMIT");
    options.onProgress?.(1, 1);
    return { value, result: session.result };
  } catch (e) {
    if (db.inTransaction) db.exec("ROLLBACK");
    throw e;
  } finally {
    if (bulk) db.pragma("foreign_keys = ON");
  }
}

/** The tables of relation and event rows, whose indexes a bulk load defers. */
const BULK_TABLES = ["relations", "events", "event_participants", "claims"] as const;

/**
 * Drop a table's secondary indexes (inside the open transaction) and return the statements that rebuild them; the
 * unique key index (migration 0004) only when `withKey`, since lookups and upserts of a non-empty table need it.
 */
function dropIndexes(db: NonNullable<Connection["sqlite"]>, table: string, withKey: boolean): string[] {
  const rows = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").all(table) as Array<{ name: string; sql: string }>;
  const dropped = rows.filter((r) => withKey || !/^CREATE UNIQUE/i.test(r.sql));
  for (const r of dropped) db.exec(`DROP INDEX "${r.name}"`);
  return dropped.map((r) => r.sql);
}

/** Write one complete set in its own session. */
export async function writeSet(conn: Connection, set: WriteSet, onProgress?: WriteProgress): Promise<WriteResult> {
  const expectedRows = RECORD_TABLES.reduce((n, t) => n + set[t].length, 0);
  return (await writeSession(conn, { expectedRows, onProgress }, (w) => w.write(set))).result;
}
