// What every view and analysis can be narrowed by: a date or a window, tracks, layers and actor kinds.
import { ACTOR_KINDS, InputError, LAYERS, TRACKS, isoDayBound } from "@diplograph/model";
import type { ActorKind, Event, Layer, Relation, Track } from "@diplograph/model";
import { eventSpan, intersect, isDated, relationSpan, type Interval, type NetworkData } from "./data.js";

export interface ViewFilter {
  /** Only what may hold on this date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a year means some day of that year). */
  at?: string;
  /** Only what may hold on some day from this date … */
  from?: string;
  /** … to this date. */
  to?: string;
  tracks?: readonly Track[];
  layers?: readonly Layer[];
  /** Actor kinds kept (the bodies of memberships are kept whatever their kind). */
  kinds?: readonly ActorKind[];
  /**
   * With a date or window, leave out relations the sources give no dates for. By default they are kept, since
   * they may hold at any time, and every result marks them `dated: false`.
   */
  datedOnly?: boolean;
}

function day(d: string, side: "from" | "to", field: string): string {
  const bound = isoDayBound(d, side);
  if (bound === undefined) throw new InputError(`${field} "${d}" is not a date; use YYYY, YYYY-MM or YYYY-MM-DD (Gregorian)`);
  return bound;
}

/** The window a filter sets, as inclusive day bounds; undefined when it sets none. Throws InputError on a bad date. */
export function windowOf(f: ViewFilter): Interval | undefined {
  if (f.at !== undefined) {
    if (f.from !== undefined || f.to !== undefined) throw new InputError("give either a date (at) or a window (from/to), not both");
    return { from: day(f.at, "from", "at"), to: day(f.at, "to", "at") };
  }
  if (f.from === undefined && f.to === undefined) return undefined;
  const w: Interval = {};
  if (f.from !== undefined) w.from = day(f.from, "from", "from");
  if (f.to !== undefined) w.to = day(f.to, "to", "to");
  if (w.from && w.to && w.from > w.to) throw new InputError(`the window starts (${f.from}) after it ends (${f.to})`);
  return w;
}

/** Check the vocabulary of a filter, so a typo is an error and not an empty result. */
export function checkFilter(f: ViewFilter): void {
  for (const t of f.tracks ?? []) if (!TRACKS.has(t)) throw new InputError(`unknown track "${t}"; known: ${TRACKS.keys.join(", ")}`);
  for (const l of f.layers ?? []) if (!LAYERS.has(l)) throw new InputError(`unknown layer "${l}"; known: ${LAYERS.keys.join(", ")}`);
  for (const k of f.kinds ?? []) if (!ACTOR_KINDS.has(k)) throw new InputError(`unknown actor kind "${k}"; known: ${ACTOR_KINDS.keys.join(", ")}`);
  windowOf(f);
}

/** A compiled filter: one test per record type. */
export interface Selection {
  window?: Interval;
  /** When the relation holds within the window (its span cut by the lifespans of its ends), or undefined if it does not. */
  relation(r: Relation): { span: Interval; dated: boolean } | undefined;
  event(e: Event): boolean;
  actor(id: string): boolean;
}

export function select(data: NetworkData, f: ViewFilter): Selection {
  checkFilter(f);
  const window = windowOf(f);
  const tracks = f.tracks?.length ? new Set<string>(f.tracks) : undefined;
  const layers = f.layers?.length ? new Set<string>(f.layers) : undefined;
  const kinds = f.kinds?.length ? new Set<string>(f.kinds) : undefined;
  const strand = (track: Track | undefined, ls: readonly Layer[]) =>
    (!tracks || (track !== undefined && tracks.has(track))) && (!layers || ls.some((l) => layers.has(l)));
  const sel: Selection = {
    relation(r) {
      if (!strand(r.track, r.layers)) return undefined;
      const own = relationSpan(r);
      const dated = isDated(own);
      // A membership cannot outlast the body, nor begin before its member exists.
      let span: Interval | undefined = own;
      for (const end of [r.from, r.to]) {
        const life = data.lifespans.get(end);
        if (life && span) span = intersect(span, life);
      }
      if (!span) return undefined;
      if (window) {
        if (!dated && f.datedOnly) return undefined;
        if (!intersect(span, window)) return undefined;
      }
      return { span, dated };
    },
    event(e) {
      if (!strand(e.track, e.layers)) return false;
      return !window || intersect(eventSpan(e), window) !== undefined;
    },
    actor(id) {
      const a = data.actors.get(id);
      return a !== undefined && (!kinds || kinds.has(a.kind));
    },
  };
  if (window) sel.window = window;
  return sel;
}
