// Bulk upsert of validated records: unchanged rows are skipped, so re-importing the same data writes nothing.
import type { Actor, Agreement, Claim, Concept, Event, Relation } from "@diplograph/model";
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
import { RECORD_TABLES, type RecordTable } from "./schema.js";

/** Everything one import writes: canonical, validated records whose references all resolve. */
export interface WriteSet {
  sources: SourceWithText[];
  actors: Actor[];
  agreements: Agreement[];
  concepts: Concept[];
  relations: Relation[];
  events: Event[];
  claims: Claim[];
}

export type Counts = Record<RecordTable, number>;

export interface WriteResult {
  inserted: Counts;
  updated: Counts;
  unchanged: Counts;
  /** False when nothing differed and the database was not touched. */
  wrote: boolean;
}

export interface WriteProgress {
  (done: number, total: number): void;
}

const zero = (): Counts => ({ sources: 0, actors: 0, agreements: 0, concepts: 0, relations: 0, events: 0, claims: 0 });

type Row = Record<string, unknown> & { id: string; hash: string };

interface Existing {
  hash: string;
  status?: string;
  created_at?: string;
  reviewed_by?: string | null;
  reviewed_at?: string | null;
}

/** Existing hashes for the given ids: the whole table when most of it is asked for, else by chunks of ids. */
async function existingHashes(conn: Connection, table: RecordTable, ids: string[]): Promise<Map<string, Existing>> {
  const out = new Map<string, Existing>();
  if (ids.length === 0) return out;
  const db = conn.db;
  const cols = table === "claims" ? ["id", "hash", "status", "created_at", "reviewed_by", "reviewed_at"] : ["id", "hash"];
  const countRow = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const n = Number(countRow.n);
  if (n === 0) return out;
  const put = (rows: Array<Record<string, unknown>>) => {
    for (const r of rows) out.set(r.id as string, r as unknown as Existing);
  };
  if (ids.length * 4 >= n) {
    put(await db.selectFrom(table).select(cols as never[]).execute());
  } else {
    for (let i = 0; i < ids.length; i += 500) {
      put(await db.selectFrom(table).select(cols as never[]).where("id" as never, "in", ids.slice(i, i + 500) as never).execute());
    }
  }
  return out;
}

interface Plan {
  table: RecordTable;
  insert: Row[];
  update: Row[];
  unchanged: number;
}

function plan(table: RecordTable, rows: Row[], existing: Map<string, Existing>, now: string): Plan {
  const p: Plan = { table, insert: [], update: [], unchanged: 0 };
  for (const row of rows) {
    const old = existing.get(row.id);
    if (!old) {
      p.insert.push(row);
      continue;
    }
    // The stored hash is that of the content as last imported, so a review made in Diplograph is not a change.
    if (old.hash === row.hash) {
      p.unchanged++;
      continue;
    }
    if (table === "claims") {
      // The dataset changed the claim: take its content, keep the stored review decision and creation time.
      if (old.reviewed_at) {
        row.status = old.status;
        row.reviewed_by = old.reviewed_by ?? null;
        row.reviewed_at = old.reviewed_at;
      }
      row.created_at = old.created_at;
      row.updated_at = now;
    }
    p.update.push(row);
  }
  return p;
}

export async function writeSet(conn: Connection, set: WriteSet, onProgress?: WriteProgress): Promise<WriteResult> {
  const rowsByTable: Record<RecordTable, Row[]> = {
    sources: set.sources.map(sourceRow) as unknown as Row[],
    actors: set.actors.map(actorRow) as unknown as Row[],
    agreements: set.agreements.map(agreementRow) as unknown as Row[],
    concepts: set.concepts.map(conceptRow) as unknown as Row[],
    relations: set.relations.map(relationRow) as unknown as Row[],
    events: set.events.map(eventRow) as unknown as Row[],
    claims: set.claims.map(claimRow) as unknown as Row[],
  };
  const now = new Date().toISOString();
  const plans: Plan[] = [];
  for (const table of RECORD_TABLES) {
    const rows = rowsByTable[table];
    const existing = await existingHashes(conn, table, rows.map((r) => r.id));
    plans.push(plan(table, rows, existing, now));
  }
  const result: WriteResult = { inserted: zero(), updated: zero(), unchanged: zero(), wrote: false };
  for (const p of plans) {
    result.inserted[p.table] = p.insert.length;
    result.updated[p.table] = p.update.length;
    result.unchanged[p.table] = p.unchanged;
  }
  const total = plans.reduce((n, p) => n + p.insert.length + p.update.length, 0);
  if (total === 0) return result;

  const actorsById = new Map(set.actors.map((a) => [a.id, a]));
  const eventsById = new Map(set.events.map((e) => [e.id, e]));
  const children = (p: Plan): { table: "actor_names" | "event_participants"; rows: Record<string, unknown>[]; parents: string[] } | undefined => {
    const changed = [...p.insert, ...p.update];
    if (p.table === "actors") {
      return { table: "actor_names", parents: p.update.map((r) => r.id), rows: changed.flatMap((r) => actorNameRows(actorsById.get(r.id)!) as unknown as Record<string, unknown>[]) };
    }
    if (p.table === "events") {
      return { table: "event_participants", parents: p.update.map((r) => r.id), rows: changed.flatMap((r) => participantRows(eventsById.get(r.id)!) as unknown as Record<string, unknown>[]) };
    }
    return undefined;
  };

  if (conn.sqlite) writeSqlite(conn, plans, children, total, onProgress);
  else await writePostgres(conn, plans, children, total, onProgress);
  result.wrote = true;
  return result;
}

type ChildrenOf = (p: Plan) => { table: "actor_names" | "event_participants"; rows: Record<string, unknown>[]; parents: string[] } | undefined;

function upsertSql(table: string, cols: string[]): string {
  const placeholders = cols.map(() => "?").join(", ");
  const updates = cols.filter((c) => c !== "id").map((c) => `${c} = excluded.${c}`).join(", ");
  return `INSERT INTO ${table} (${cols.join(", ")}) VALUES (${placeholders}) ON CONFLICT (id) DO UPDATE SET ${updates}`;
}

function writeSqlite(conn: Connection, plans: Plan[], children: ChildrenOf, total: number, onProgress?: WriteProgress): void {
  const db = conn.sqlite!;
  let done = 0;
  const tick = 20_000;
  db.transaction(() => {
    for (const p of plans) {
      const rows = [...p.insert, ...p.update];
      if (rows.length === 0) continue;
      const cols = Object.keys(rows[0]!);
      const stmt = db.prepare(upsertSql(p.table, cols));
      const kids = children(p);
      if (kids && kids.parents.length) {
        const parentCol = kids.table === "actor_names" ? "actor_id" : "event_id";
        const del = db.prepare(`DELETE FROM ${kids.table} WHERE ${parentCol} = ?`);
        for (const id of kids.parents) del.run(id);
      }
      for (const row of rows) {
        stmt.run(cols.map((c) => row[c] as unknown));
        if (++done % tick === 0) onProgress?.(done, total);
      }
      if (kids && kids.rows.length) {
        const kcols = Object.keys(kids.rows[0]!);
        const ins = db.prepare(`INSERT INTO ${kids.table} (${kcols.join(", ")}) VALUES (${kcols.map(() => "?").join(", ")})`);
        for (const r of kids.rows) ins.run(kcols.map((c) => r[c] as unknown));
      }
    }
  })();
  onProgress?.(total, total);
}

async function writePostgres(conn: Connection, plans: Plan[], children: ChildrenOf, total: number, onProgress?: WriteProgress): Promise<void> {
  let done = 0;
  await conn.db.transaction().execute(async (trx) => {
    for (const p of plans) {
      const rows = [...p.insert, ...p.update];
      if (rows.length === 0) continue;
      const cols = Object.keys(rows[0]!);
      const kids = children(p);
      if (kids && kids.parents.length) {
        const parentCol = kids.table === "actor_names" ? "actor_id" : "event_id";
        for (let i = 0; i < kids.parents.length; i += 1000) {
          await trx.deleteFrom(kids.table).where(parentCol as never, "in", kids.parents.slice(i, i + 1000) as never).execute();
        }
      }
      const chunk = Math.max(1, Math.floor(30_000 / cols.length));
      for (let i = 0; i < rows.length; i += chunk) {
        const slice = rows.slice(i, i + chunk);
        await trx
          .insertInto(p.table)
          .values(slice as never)
          .onConflict((oc) => oc.column("id").doUpdateSet(Object.fromEntries(cols.filter((c) => c !== "id").map((c) => [c, (eb: { ref: (s: string) => unknown }) => eb.ref(`excluded.${c}`)])) as never))
          .execute();
        done += slice.length;
        onProgress?.(done, total);
      }
      if (kids && kids.rows.length) {
        const kchunk = Math.max(1, Math.floor(30_000 / Object.keys(kids.rows[0]!).length));
        for (let i = 0; i < kids.rows.length; i += kchunk) {
          await trx.insertInto(kids.table).values(kids.rows.slice(i, i + kchunk) as never).execute();
        }
      }
    }
  });
}
