// The API's 400 issues placed next to the form fields they name (`body.actor.name` → the field `actor.name`).
import type { Issue } from "../api/types.js";

/** Issues by field path without the request part (`body.`, `querystring.`); whole-record issues under "". */
export function issuesByField(issues: readonly Issue[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const i of issues) {
    const path = (i.path ?? i.field ?? "").replace(/^(body|querystring|params)\.?/, "");
    (out.get(path) ?? out.set(path, []).get(path)!).push(i.message);
  }
  return out;
}

/** The messages for a field and everything under it (`actor.aliases` also takes `actor.aliases.0.lang`). */
export function messagesFor(map: Map<string, string[]>, field: string): string[] {
  const out: string[] = [];
  for (const [k, v] of map) if (k === field || k.startsWith(`${field}.`)) out.push(...v);
  return out;
}

/** Issues that name no field the form shows. */
export function unplaced(map: Map<string, string[]>, fields: readonly string[]): string[] {
  const out: string[] = [];
  for (const [k, v] of map) if (!fields.some((f) => k === f || k.startsWith(`${f}.`))) out.push(...v.map((m) => (k ? `${k}: ${m}` : m)));
  return out;
}

/** "1994", "1994-05", "1994-05-12" → the model's date value; "" → undefined. */
export function dateValue(s: string): { start: string; precision: "year" | "month" | "day"; calendar: "gregorian" } | string | undefined {
  const v = s.trim();
  if (!v) return undefined;
  const parts = v.split("-").length;
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) return v; // sent as typed, so the API names the field
  return { start: v, precision: parts === 1 ? "year" : parts === 2 ? "month" : "day", calendar: "gregorian" };
}

/** One alias a line: `name | lang | kind`. */
export function parseAliases(text: string): Array<{ name: string; lang: string; kind?: string }> {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [name = "", lang = "", kind] = l.split("|").map((s) => s.trim());
      return kind ? { name, lang, kind } : { name, lang };
    });
}
