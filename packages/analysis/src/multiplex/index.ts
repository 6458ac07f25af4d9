// Multiplex analysis: which layers and tracks carry an actor's (or a dyad's) activity in each period, how many at
// once (the index of simultaneous multi-layered action of seed 002), and, over the multiplex view, how far layers
// overlap and how evenly each actor's ties spread across them (participation coefficient).
import { InputError, LAYERS } from "@diplograph/model";
import type { Layer, Track } from "@diplograph/model";
import { eventSpan, relationSpan, withParts, yearOf, type Interval, type NetworkData } from "../network/data.js";
import { select, type ViewFilter } from "../network/filter.js";
import type { MultiplexView } from "../views/index.js";

export interface ActivityOptions extends ViewFilter {
  /** Count the activity of each actor's parts as its own (default true). */
  parts?: boolean;
  /** Period length in years (default 1). */
  period?: number;
}

export interface ActivityPeriod {
  /** First and last year of the period. */
  from: number;
  to: number;
  layers: Layer[];
  tracks: Track[];
  /** Record ids active in the period, by layer. */
  records: Partial<Record<Layer, string[]>>;
  /** Layers with activity in the period: the index of simultaneous multi-layered action. */
  simultaneity: number;
}

export interface ActivityResult {
  actors: string[];
  periodYears: number;
  periods: ActivityPeriod[];
  summary: {
    /** Periods with any activity. */
    activePeriods: number;
    /** Mean and maximum simultaneity over active periods. */
    meanSimultaneity: number;
    maxSimultaneity: number;
    /** Share of active periods in which two or more layers carry activity. */
    multiLayerShare: number;
    /** Simultaneity relative to the number of layers of action (6). */
    meanSimultaneityShare: number;
  };
  /** Records with no date cannot be placed in a period; they are listed apart. */
  undated: string[];
}

/**
 * What one actor (or, given two, a dyad: activity involving both) does on each layer and track per period. Activity
 * is an event in the period, or a relation that begins in it; standing relations are not re-counted every year.
 */
export function activity(data: NetworkData, actorIds: readonly string[], options: ActivityOptions = {}): ActivityResult {
  if (actorIds.length < 1 || actorIds.length > 2) throw new InputError("activity takes one actor, or two for a dyad");
  const period = options.period ?? 1;
  if (!Number.isInteger(period) || period < 1) throw new InputError(`period must be a whole number of years, not ${period}`);
  const sel = select(data, options);
  const sides = actorIds.map((id) => ((options.parts ?? true) ? withParts(data, id) : new Set([id])));
  const involves = (ids: readonly string[]) => sides.every((side) => ids.some((id) => side.has(id)));

  const buckets = new Map<number, { layers: Set<Layer>; tracks: Set<Track>; records: Map<Layer, Set<string>> }>();
  const undated: string[] = [];
  const place = (id: string, span: Interval, track: Track | undefined, layers: readonly Layer[]) => {
    if (span.from === undefined) {
      undated.push(id);
      return;
    }
    const y = yearOf(span.from);
    const start = y - (((y % period) + period) % period);
    let b = buckets.get(start);
    if (!b) buckets.set(start, (b = { layers: new Set(), tracks: new Set(), records: new Map() }));
    if (track) b.tracks.add(track);
    for (const l of layers) {
      b.layers.add(l);
      const set = b.records.get(l) ?? new Set<string>();
      set.add(id);
      b.records.set(l, set);
    }
  };
  for (const r of data.relations) {
    if (r.kind === "part-of" || !involves([r.from, r.to])) continue;
    if (!sel.relation(r)) continue;
    const own = relationSpan(r);
    // Activity is the relation's beginning: only count it where it begins inside the window.
    if (sel.window && own.from !== undefined && (own.from < (sel.window.from ?? "") || own.from > (sel.window.to ?? "9999"))) continue;
    place(r.id, own, r.track, r.layers);
  }
  for (const e of data.events) {
    if (!sel.event(e) || !involves(e.participants.map((p) => p.actor))) continue;
    place(e.id, eventSpan(e), e.track, e.layers);
  }

  const layerOrder = LAYERS.keys as readonly string[];
  const periods: ActivityPeriod[] = [...buckets]
    .sort(([x], [y]) => x - y)
    .map(([from, b]) => {
      const layers = [...b.layers].sort((x, y) => layerOrder.indexOf(x) - layerOrder.indexOf(y));
      const records: Partial<Record<Layer, string[]>> = {};
      for (const l of layers) records[l] = [...b.records.get(l)!].sort();
      return { from, to: from + period - 1, layers, tracks: [...b.tracks].sort(), records, simultaneity: layers.length };
    });
  const active = periods.filter((p) => p.simultaneity > 0);
  const mean = active.length ? active.reduce((s, p) => s + p.simultaneity, 0) / active.length : 0;
  return {
    actors: [...actorIds],
    periodYears: period,
    periods,
    summary: {
      activePeriods: active.length,
      meanSimultaneity: mean,
      maxSimultaneity: active.reduce((m, p) => Math.max(m, p.simultaneity), 0),
      multiLayerShare: active.length ? active.filter((p) => p.simultaneity >= 2).length / active.length : 0,
      meanSimultaneityShare: mean / LAYERS.keys.length,
    },
    undated: undated.sort(),
  };
}

export interface LayerStructure {
  layers: string[];
  /** Edges (distinct node pairs) per layer. */
  edges: Record<string, number>;
  /** Jaccard overlap of the node pairs linked on each pair of layers, in `layers` order. */
  overlap: number[][];
  /**
   * Per node: degree on each layer, total degree, and the multiplex participation coefficient
   * P = L/(L−1) · (1 − Σ_l (k_l / k)²) (Battiston, Nicosia & Latora 2014): 0 when all ties lie on one layer,
   * 1 when they are spread evenly over all L layers. Ties with no layer (`unassigned`) are left out of P.
   */
  nodes: Record<string, { degree: Record<string, number>; total: number; participation: number }>;
}

const UNASSIGNED = "unassigned";

/** Layer overlap and participation coefficients of a multiplex view. Parallel records on one layer count once. */
export function layerStructure(view: MultiplexView): LayerStructure {
  const pairs = new Map<string, Set<string>>();
  const degree = new Map<string, Map<string, Set<string>>>();
  view.forEachEdge((_key, attrs, source, target) => {
    if (source === target) return;
    const pair = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
    const set = pairs.get(attrs.layer) ?? new Set<string>();
    set.add(pair);
    pairs.set(attrs.layer, set);
    for (const [n, other] of [
      [source, target],
      [target, source],
    ] as const) {
      const byLayer = degree.get(n) ?? new Map<string, Set<string>>();
      const nb = byLayer.get(attrs.layer) ?? new Set<string>();
      nb.add(other);
      byLayer.set(attrs.layer, nb);
      degree.set(n, byLayer);
    }
  });
  const layers = [...pairs.keys()].sort();
  const overlapM = layers.map((x) =>
    layers.map((y) => {
      const a = pairs.get(x)!;
      const b = pairs.get(y)!;
      let both = 0;
      for (const p of a) if (b.has(p)) both++;
      return both / (a.size + b.size - both);
    }),
  );
  // Records without a layer are shown, but `unassigned` is no layer of action: participation leaves it out.
  const L = layers.filter((l) => l !== UNASSIGNED).length;
  const nodes: LayerStructure["nodes"] = {};
  for (const [n, byLayer] of [...degree].sort(([x], [y]) => (x < y ? -1 : 1))) {
    const deg: Record<string, number> = {};
    let total = 0;
    let assigned = 0;
    for (const [l, nb] of byLayer) {
      deg[l] = nb.size;
      total += nb.size;
      if (l !== UNASSIGNED) assigned += nb.size;
    }
    const sum = Object.entries(deg).reduce((s, [l, k]) => (l === UNASSIGNED ? s : s + (k / assigned) ** 2), 0);
    nodes[n] = { degree: deg, total, participation: L > 1 && assigned > 0 ? (L / (L - 1)) * (1 - sum) : 0 };
  }
  return { layers, edges: Object.fromEntries(layers.map((l) => [l, pairs.get(l)!.size])), overlap: overlapM, nodes };
}
