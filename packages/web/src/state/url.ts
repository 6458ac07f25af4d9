// URL state: every view's filters, selection, time window, layout and language live in the address, so a view can be
// bookmarked and shared. Pure functions here; the React hook is in router.ts.

export const VIEWS = ["search", "actor", "network", "map", "timeline", "dyad", "overlap", "scorecards", "document", "review", "edit"] as const;
export type View = (typeof VIEWS)[number];

export interface Route {
  view: View;
  /** The record the page is about (`/actors/:id`, `/documents/:id`), or the record type of an edit (`/edit/actor/:id`). */
  id?: string;
  /** `/edit/:type/:id`: the id being edited (absent when creating). */
  sub?: string;
}

/** The parameters that follow the user from page to page. */
export const GLOBAL_PARAMS = ["lang", "names"] as const;

const PREFIX: Record<string, View> = {
  "": "search",
  actors: "actor",
  network: "network",
  map: "map",
  timeline: "timeline",
  dyad: "dyad",
  overlap: "overlap",
  scorecards: "scorecards",
  documents: "document",
  review: "review",
  edit: "edit",
};

export function parseRoute(pathname: string): Route {
  const parts = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  const view = PREFIX[parts[0] ?? ""];
  if (!view) return { view: "search" };
  const r: Route = { view };
  if (parts[1] !== undefined) r.id = parts[1];
  if (parts[2] !== undefined) r.sub = parts[2];
  if (view === "actor" && !r.id) return { view: "search" };
  return r;
}

export type ParamValue = string | number | boolean | readonly string[] | null | undefined;

/** `search` with `patch` applied: empty values (undefined, null, "", [] , false) remove the key; lists are comma-joined. */
export function patchSearch(search: string, patch: Record<string, ParamValue>): string {
  const p = new URLSearchParams(search);
  for (const [k, v] of Object.entries(patch)) {
    const s = v === undefined || v === null || v === false ? "" : Array.isArray(v) ? v.join(",") : String(v);
    if (s === "") p.delete(k);
    else p.set(k, s);
  }
  p.sort();
  const out = p.toString();
  return out ? `?${out}` : "";
}

/** A comma-separated list parameter. */
export function listParam(p: URLSearchParams, key: string): string[] {
  return (p.get(key) ?? "").split(",").map((s) => s.trim()).filter(Boolean);
}

export function intParam(p: URLSearchParams, key: string, fallback: number): number {
  const v = p.get(key);
  if (v === null || v.trim() === "") return fallback;
  const n = Number(v);
  return Number.isFinite(n) ? Math.trunc(n) : fallback;
}

/** A link to `path` with `params`, carrying the global parameters (language, name display) of `currentSearch`. */
export function linkTo(path: string, params: Record<string, ParamValue>, currentSearch: string): string {
  const cur = new URLSearchParams(currentSearch);
  const globals: Record<string, ParamValue> = {};
  for (const g of GLOBAL_PARAMS) globals[g] = cur.get(g);
  return path + patchSearch("", { ...globals, ...params });
}

/** Toggle one value in a list parameter. */
export function toggled(list: readonly string[], value: string): string[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}
