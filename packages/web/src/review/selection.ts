// The review queue's selection for bulk decisions: only claims still proposed and not decided on this page count.

export interface Reviewable {
  id: string;
  status: string;
}

/** The ids a bulk decision may include: proposed claims not decided yet on this page. */
export function selectable(items: readonly Reviewable[], done: Readonly<Record<string, string>>): string[] {
  return items.filter((c) => c.status === "proposed" && !done[c.id]).map((c) => c.id);
}

/** The selection with `id` added or removed. */
export function toggle(sel: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(sel);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** Every selectable id, or none when all are selected already ("select all" as a toggle). */
export function toggleAll(sel: ReadonlySet<string>, ids: readonly string[]): Set<string> {
  return ids.length > 0 && ids.every((id) => sel.has(id)) ? new Set() : new Set(ids);
}

/** The selected ids that are still selectable, in list order (what one request decides). */
export function chosen(sel: ReadonlySet<string>, ids: readonly string[]): string[] {
  return ids.filter((id) => sel.has(id));
}
