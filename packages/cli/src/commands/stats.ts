// `diplograph stats`: what the database holds.
import { describeLocation } from "@diplograph/store";
import { print, printJson, withStore, type GlobalOptions } from "../context.js";

export async function statsCommand(opts: GlobalOptions): Promise<void> {
  await withStore(opts, async (store) => {
    const s = await store.stats();
    if (opts.json) return printJson({ database: describeLocation(store.location), ...s });
    const list = (m: Record<string, number>) =>
      Object.entries(m)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ") || "none";
    print(`Database: ${describeLocation(store.location)}`);
    print(`Actors:     ${s.actors}  (${list(s.actorsByKind)})`);
    print(`Relations:  ${s.relations}  (${list(s.relationsByKind)})`);
    print(`Events:     ${s.events}  (${list(s.eventsByType)})${s.eventSpan ? `, ${s.eventSpan.from} to ${s.eventSpan.to}` : ""}`);
    print(`Agreements: ${s.agreements}`);
    print(`Concepts:   ${s.concepts}  (${list(s.conceptsByFramework)})`);
    print(`Sources:    ${s.sources}`);
    print(`Claims:     ${s.claims}  (${list(s.claimsByStatus)})`);
  });
}
