// Events grouped by year for the timeline (undated last), and the counts per decade for its overview strip.
import type { Event } from "../api/types.js";

export interface YearGroup {
  year: number | undefined;
  events: Event[];
}

const yearOf = (e: Event) => {
  const m = /^(-?\d{1,4})/.exec(e.date?.start ?? "");
  return m ? Number(m[1]) : undefined;
};

export function byYear(events: readonly Event[]): YearGroup[] {
  const groups = new Map<number | undefined, Event[]>();
  for (const e of events) {
    const y = yearOf(e);
    (groups.get(y) ?? groups.set(y, []).get(y)!).push(e);
  }
  return [...groups.entries()]
    .sort((a, b) => (a[0] ?? Infinity) - (b[0] ?? Infinity))
    .map(([year, evs]) => ({ year, events: evs.sort((a, b) => (a.date?.start ?? "").localeCompare(b.date?.start ?? "") || a.title.localeCompare(b.title)) }));
}

export function byDecade(events: readonly Event[]): Array<{ decade: number; count: number }> {
  const counts = new Map<number, number>();
  for (const e of events) {
    const y = yearOf(e);
    if (y === undefined) continue;
    const d = Math.floor(y / 10) * 10;
    counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  if (counts.size === 0) return [];
  const ds = [...counts.keys()];
  const out: Array<{ decade: number; count: number }> = [];
  for (let d = Math.min(...ds); d <= Math.max(...ds); d += 10) out.push({ decade: d, count: counts.get(d) ?? 0 });
  return out;
}
