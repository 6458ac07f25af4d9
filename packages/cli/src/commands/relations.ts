// `diplograph relations` and `diplograph events`: filtered lists by actor, kind, track, layer and date range.
import { fmtDate, table } from "../format.js";
import { print, printJson, withStore, type GlobalOptions } from "../context.js";

export interface GraphFilterOptions extends GlobalOptions {
  actor?: string;
  direct?: boolean;
  kind?: string;
  type?: string;
  role?: string;
  track?: string;
  layer?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

/** The filters relations and events share, from the command's options. */
function commonFilter(opts: GraphFilterOptions) {
  return {
    actor: opts.actor,
    withParts: !opts.direct,
    track: opts.track,
    layer: opts.layer,
    from: opts.from,
    to: opts.to,
    limit: opts.limit,
    offset: opts.offset,
  };
}

export async function relationsCommand(opts: GraphFilterOptions): Promise<void> {
  await withStore(opts, async (store) => {
    const hits = await store.listRelations({ ...commonFilter(opts), kind: opts.kind, role: opts.role });
    if (opts.json) return printJson(hits);
    if (hits.length === 0) return print("No relations match.");
    const names = await store.getActors([...new Set(hits.flatMap((h) => [h.relation.from, h.relation.to]))]);
    const label = (id: string) => names.get(id)?.name ?? id;
    print(
      table(
        ["kind", "role", "from", "to", "start", "end", "track", "via", "claims"],
        hits.map(({ relation: r, via, claims }) => [
          r.kind,
          r.role,
          label(r.from),
          label(r.to),
          fmtDate(r.start ?? r.signed),
          fmtDate(r.end),
          r.track,
          via ? label(via) : "",
          claims,
        ]),
      ),
    );
  });
}

export async function eventsCommand(opts: GraphFilterOptions): Promise<void> {
  await withStore(opts, async (store) => {
    const hits = await store.listEvents({ ...commonFilter(opts), type: opts.type });
    if (opts.json) return printJson(hits);
    if (hits.length === 0) return print("No events match.");
    print(
      table(
        ["date", "type", "title", "participants", "place", "claims"],
        hits.map(({ event: e, claims }) => [fmtDate(e.date), e.type, e.title, e.participants.map((p) => `${p.actor}:${p.role}`).join(" "), e.place, claims]),
      ),
    );
  });
}
