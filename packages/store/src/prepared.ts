// Queries built and compiled once, then run with new values: the server's hot reads (actor pages, name search) skip
// Kysely's query building and compilation, which cost about as much as running their short indexed SQL.
import type { Compilable, CompiledQuery, Kysely } from "kysely";

/** What a parameter's placeholder looks like while the query is built; NUL never reaches the store from a user. */
const MARK = "\u0000diplograph-arg:";

/** The placeholder of the named value: pass it where the value goes (a comparison, `limit`, a `sql` template). */
export type Arg = <T = never>(name: string) => T;
const arg: Arg = <T>(name: string) => `${MARK}${name}` as T;

interface Entry {
  compiled: CompiledQuery;
  /** For each parameter of the compiled query: the name of the value it takes, or undefined for a constant. */
  slots: Array<string | undefined>;
}

/**
 * A cache of compiled queries, by a key naming the query's shape. `build` runs once per key with placeholders for
 * the values (never compute with a placeholder: pass derived values as values of their own); every call then binds
 * `values` to the compiled SQL and runs it through Kysely's executor (its connection handling and transactions).
 * Works on both dialects: the SQL text stays the dialect's own, only the parameters change.
 */
export class PreparedQueries {
  private readonly cache = new Map<string, Entry>();

  constructor(private readonly db: Kysely<any>) {}

  async rows<R>(key: string, build: (arg: Arg) => Compilable<R>, values: Readonly<Record<string, unknown>>): Promise<R[]> {
    let entry = this.cache.get(key);
    if (!entry) {
      const compiled = build(arg).compile();
      if (compiled.sql.includes(MARK)) throw new Error(`prepared query "${key}": a placeholder was inlined into the SQL`);
      const slots = compiled.parameters.map((p) => (typeof p === "string" && p.startsWith(MARK) ? p.slice(MARK.length) : undefined));
      for (const p of compiled.parameters) {
        if (typeof p === "string" && p.includes(MARK) && !p.startsWith(MARK)) throw new Error(`prepared query "${key}": a placeholder was computed with`);
      }
      entry = { compiled, slots };
      if (this.cache.size >= 1000) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, entry);
    }
    const { compiled, slots } = entry;
    const parameters = slots.map((name, i) => {
      if (name === undefined) return compiled.parameters[i];
      if (!(name in values)) throw new Error(`prepared query "${key}": no value for "${name}"`);
      return values[name];
    });
    return (await this.db.executeQuery<R>({ ...compiled, parameters } as CompiledQuery<R>)).rows;
  }
}
