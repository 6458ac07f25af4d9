// The membership timeline of an actor page: one bar per membership, over years.
import type { Relation } from "../api/types.js";

export interface Bar {
  relation: string;
  body: string;
  role?: string;
  /** First year, or undefined when the sources give no start. */
  from?: number;
  /** Last year; undefined while the membership runs on (or no end is known). */
  to?: number;
}

export interface Bars {
  bars: Bar[];
  /** The span of the axis: from the earliest start to the latest end or `now`. */
  min: number;
  max: number;
}

const year = (s: string | undefined) => (s ? Number(/^-?\d+/.exec(s)?.[0]) : undefined);

/** Memberships (`member-of`) of `actorId`, sorted by start (undated last). */
export function membershipBars(relations: readonly Relation[], actorId: string, now: number): Bars {
  const bars: Bar[] = relations
    .filter((r) => r.kind === "member-of" && r.from === actorId)
    .map((r) => {
      const b: Bar = { relation: r.id, body: r.to };
      if (r.role) b.role = r.role;
      const from = year(r.start?.start);
      const endDate = r.end as { start: string; end?: string } | undefined;
      const to = year(endDate?.end ?? endDate?.start);
      if (from !== undefined && Number.isFinite(from)) b.from = from;
      if (to !== undefined && Number.isFinite(to)) b.to = to;
      return b;
    })
    .sort((a, b) => (a.from ?? Infinity) - (b.from ?? Infinity) || a.body.localeCompare(b.body));
  const years = bars.flatMap((b) => [b.from, b.to]).filter((y): y is number => y !== undefined);
  const min = years.length ? Math.min(...years) : now - 10;
  const max = Math.max(now, ...years);
  return { bars, min, max };
}

/** Where a bar sits on an axis from `min` to `max`, as fractions of the width (undated bars span the axis, faint). */
export function barGeometry(b: Bar, min: number, max: number): { left: number; width: number; dated: boolean } {
  if (b.from === undefined) return { left: 0, width: 1, dated: false };
  const span = Math.max(1, max - min + 1);
  const left = (b.from - min) / span;
  const right = ((b.to ?? max) - min + 1) / span;
  return { left, width: Math.max(right - left, 1 / span), dated: true };
}
