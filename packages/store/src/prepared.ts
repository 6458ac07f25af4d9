// Queries built and compiled once, then run with new values: the server's hot reads (actor pages, name search) skip
// Kysely's query building and compilation, which cost about as much as running their short indexed SQL.
import type BetterSqlite3 from "better-sqlite3";
import { sql, type Compilable, type CompiledQuery, type Kysely, type RawBuilder } from "kysely";
import type { SessionGate } from "./gate.js";

/** What a parameter's placeholder looks like while the query is built; NUL never reaches the store from a user. */
const MARK = "\u0000diplograph-arg:";

/**
 * The placeholder of the named value: pass it where the value goes (a comparison, a `sql` template). `arg.int(name)`
 * writes the named value, a safe integer, into the SQL itself: for `limit` and `offset`, since SQLite sets up a sort
 * with a bound limit at a cost of about 25 µs a run (with the limit written out, 4 µs for a few rows). The query is
 * compiled once per distinct value of those.
 */
export type Arg = (<T = never>(name: string) => T) & { int: (name: string) => RawBuilder<number> };

interface Entry {
  compiled: CompiledQuery;
  /** For each parameter of the compiled query: the name of the value it takes, or undefined for a constant. */
  slots: Array<string | undefined>;
  /** SQLite: the statement, returning rows as arrays, and its column names. */
  raw?: { stmt: BetterSqlite3.Statement; cols: string[] };
}

/**
 * A cache of compiled queries, by a key naming the query's shape. `build` runs once per key with placeholders for
 * the values (never compute with a placeholder: pass derived values as values of their own); every call then binds
 * `values` to the compiled SQL and runs it through Kysely's executor (its connection handling and transactions).
 * Works on both dialects: the SQL text stays the dialect's own, only the parameters change.
 *
 * On SQLite, given the connection's handle, a query runs on a statement of its own in raw mode (rows as arrays, made
 * into objects here): better-sqlite3 builds a row object property by property, which cost a third of reading an
 * event row.
 */
export class PreparedQueries {
  private readonly cache = new Map<string, Entry>();
  /** For each key: the names of the values its query writes into the SQL (`arg.int`), once it has been built. */
  private readonly literals = new Map<string, string[]>();

  constructor(
    private readonly db: Kysely<any>,
    private readonly sqlite?: BetterSqlite3.Database,
    private readonly gate?: SessionGate,
  ) {}

  async rows<R>(key: string, build: (arg: Arg) => Compilable<R>, values: Readonly<Record<string, unknown>>): Promise<R[]> {
    const literal = this.literals.get(key);
    const fullKey = literal?.length ? `${key}\u0000${literal.map((n) => String(values[n])).join(",")}` : key;
    let entry = this.cache.get(fullKey);
    if (!entry) {
      const used: string[] = [];
      const placeholder = (<T>(name: string) => `${MARK}${name}` as T) as Arg;
      placeholder.int = (name: string) => {
        const v = values[name];
        if (typeof v !== "number" || !Number.isSafeInteger(v)) throw new Error(`prepared query "${key}": "${name}" is not an integer`);
        used.push(name);
        return sql.lit(v);
      };
      const compiled = build(placeholder).compile();
      if (compiled.sql.includes(MARK)) throw new Error(`prepared query "${key}": a placeholder was inlined into the SQL`);
      const slots = compiled.parameters.map((p) => (typeof p === "string" && p.startsWith(MARK) ? p.slice(MARK.length) : undefined));
      for (const p of compiled.parameters) {
        if (typeof p === "string" && p.includes(MARK) && !p.startsWith(MARK)) throw new Error(`prepared query "${key}": a placeholder was computed with`);
      }
      entry = { compiled, slots };
      if (this.sqlite) {
        const stmt = this.sqlite.prepare(compiled.sql);
        if (stmt.reader) entry.raw = { stmt: stmt.raw(true), cols: stmt.columns().map((c) => c.name) };
      }
      if (this.cache.size >= 1000) this.cache.delete(this.cache.keys().next().value!);
      this.literals.set(key, used);
      this.cache.set(used.length ? `${key}\u0000${used.map((n) => String(values[n])).join(",")}` : key, entry);
    }
    const { compiled, slots } = entry;
    const parameters = slots.map((name, i) => {
      if (name === undefined) return compiled.parameters[i];
      if (!(name in values)) throw new Error(`prepared query "${key}": no value for "${name}"`);
      return values[name];
    });
    const raw = entry.raw;
    if (raw) {
      // A write session open on the raw handle, and this read not part of it: wait for its end (gate.ts). Then,
      // outside a transaction, the statement runs at once (synchronously: nothing can come between); inside one (a
      // Kysely transaction), it waits for Kysely's connection like any query. Kysely's lock wakes every waiting query
      // at each release, which under a hundred concurrent requests cost more than the reads themselves.
      if (this.gate?.closed) await this.gate.pass();
      const arrays = this.sqlite!.inTransaction
        ? await this.db.connection().execute(async () => raw.stmt.all(parameters) as unknown[][])
        : (raw.stmt.all(parameters) as unknown[][]);
      const { cols } = raw;
      return arrays.map((a) => {
        const row: Record<string, unknown> = {};
        for (let i = 0; i < cols.length; i++) row[cols[i]!] = a[i];
        return row as R;
      });
    }
    return (await this.db.executeQuery<R>({ ...compiled, parameters } as CompiledQuery<R>)).rows;
  }
}
