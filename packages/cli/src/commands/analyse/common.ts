// What the analyse subcommands share: the view filter options, reading them, and printing evidence and spans.
import { InvalidArgumentError, type Command } from "commander";
import { loadNetworkData, type Evidence, type Interval, type NetworkData, type ViewFilter } from "@diplograph/analysis";
import type { ActorKind, Layer, Track } from "@diplograph/model";
import type { Store } from "@diplograph/store";
import { quoteLines } from "../../format.js";
import { withStore, type GlobalOptions } from "../../context.js";

export interface FilterOptions extends GlobalOptions {
  at?: string;
  from?: string;
  to?: string;
  track?: string[];
  layer?: string[];
  kind?: string[];
  datedOnly?: boolean;
}

const list = (v: string, prev: string[] | undefined) => [...(prev ?? []), ...v.split(",").map((s) => s.trim()).filter(Boolean)];

export const int = (name: string) => (v: string) => {
  if (!/^\d+$/.test(v)) throw new InvalidArgumentError(`${name} takes a whole number`);
  return Number(v);
};

/** Adds the options every view and analysis takes. */
export function filterOptions(c: Command, kinds = true): Command {
  c.option("--at <date>", "as of this date (YYYY, YYYY-MM or YYYY-MM-DD)")
    .option("--from <date>", "what may hold on or after this date")
    .option("--to <date>", "what may hold on or before this date")
    .option("--track <tracks>", "only these tracks (comma-separated or repeated)", list)
    .option("--layer <layers>", "only these layers of action (comma-separated or repeated)", list);
  if (kinds) c.option("--kind <kinds>", "only actors of these kinds (comma-separated or repeated)", list);
  return c.option("--dated-only", "with a date or window, leave out relations the sources give no dates for");
}

export function viewFilter(o: FilterOptions): ViewFilter {
  const f: ViewFilter = {};
  if (o.at) f.at = o.at;
  if (o.from) f.from = o.from;
  if (o.to) f.to = o.to;
  if (o.track?.length) f.tracks = o.track as Track[];
  if (o.layer?.length) f.layers = o.layer as Layer[];
  if (o.kind?.length) f.kinds = o.kind as ActorKind[];
  if (o.datedOnly) f.datedOnly = true;
  return f;
}

/** Open the store, resolve actor references, load the records and run an analysis. */
export async function withData<T>(opts: GlobalOptions, refs: string[], fn: (data: NetworkData, ids: string[], store: Store) => Promise<T> | T): Promise<T> {
  return withStore(opts, async (store) => {
    const ids: string[] = [];
    for (const r of refs) ids.push(await store.resolveActor(r));
    return fn(await loadNetworkData(store), ids, store);
  });
}

export function fmtSpan(s: Interval | undefined, dated = true): string {
  if (!dated) return "undated";
  if (!s || (s.from === undefined && s.to === undefined)) return "";
  return `${s.from ?? "…"} to ${s.to ?? "…"}`;
}

export function fmtEvidence(ev: readonly Evidence[], indent: string): string[] {
  if (ev.length === 0) return [`${indent}(no claim)`];
  return ev.map((e) => {
    const where = e.start !== undefined ? `chars ${e.start}-${e.end}` : e.page ? `p. ${e.page}` : "";
    const head = `${indent}[${e.status}, ${e.source}${where ? ` ${where}` : ""}] claim ${e.claim}`;
    return e.quote ? `${head}\n${quoteLines(e.quote, `${indent}    `)}` : head;
  });
}
