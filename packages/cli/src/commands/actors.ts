// `diplograph actors`: list, search by any name in any script, and show one actor with the claims behind it.
import { actorProfile } from "@diplograph/api";
import { fmtDate, fmtLocator, fmtValue, quoteLines, table } from "../format.js";
import { print, printJson, withStore, type GlobalOptions } from "../context.js";

export interface ListOptions extends GlobalOptions {
  kind?: string;
  country?: string;
  limit?: number;
  offset?: number;
}

export async function actorsListCommand(query: string | undefined, opts: ListOptions): Promise<void> {
  await withStore(opts, async (store) => {
    const hits = await store.searchActors({ q: query, kind: opts.kind, country: opts.country, limit: opts.limit, offset: opts.offset });
    if (opts.json) return printJson(hits);
    if (hits.length === 0) return print(query ? `No actor matches "${query}".` : "No actors.");
    print(
      table(
        ["id", "kind", "name", "country", ...(query ? ["matched"] : [])],
        hits.map((h) => [h.actor.id, h.actor.kind, h.actor.name, h.actor.country, ...(query ? [h.matched === h.actor.name ? "" : h.matched] : [])]),
      ),
    );
  });
}

export async function actorsShowCommand(ref: string, opts: GlobalOptions): Promise<void> {
  await withStore(opts, async (store) => {
    const p = await actorProfile(store, ref);
    if (opts.json) return printJson(p);
    const a = p.actor;
    print(`${a.name}  [${a.id}]`);
    print(`kind: ${a.kind}${a.country ? `   country: ${a.country}` : ""}`);
    if (a.aliases.length) print(`aliases: ${a.aliases.map((al) => `${al.name} (${al.lang}${al.kind ? `, ${al.kind}` : ""})`).join("; ")}`);
    const ids = Object.entries(a.externalIds);
    if (ids.length) print(`external ids: ${ids.map(([k, v]) => `${k} ${v}`).join(", ")}`);
    if (a.description) print(a.description);
    if (p.facts.length) {
      print("\nFacts, each with the claims that state it:");
      for (const f of p.facts) {
        for (const c of f.claims) {
          print(`  ${f.label}: ${fmtValue(c.value)}   [${c.status}, ${fmtLocator(c)}]`);
          if (c.locator.quote) print(quoteLines(c.locator.quote, "      "));
        }
      }
    }
    if (p.claims.length) {
      print("\nClaims about the actor:");
      for (const c of p.claims) {
        print(`  [${c.status}, ${fmtLocator(c)}]`);
        if (c.locator.quote) print(quoteLines(c.locator.quote, "      "));
      }
    }
    if (p.relations.length) {
      print(`\nRelations (${p.relations.length}):`);
      print(
        table(
          ["kind", "role", "from", "to", "start", "end"],
          p.relations.map((r) => [r.kind, r.role, r.from, r.to, fmtDate(r.start ?? r.signed), fmtDate(r.end)]),
        )
          .split("\n")
          .map((l) => `  ${l}`)
          .join("\n"),
      );
    }
    if (p.events.length) {
      print(`\nEvents (${p.events.length}):`);
      for (const e of p.events) print(`  ${fmtDate(e.date)}  ${e.type}  ${e.title}`);
    }
  });
}
