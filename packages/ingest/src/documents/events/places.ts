// Places named as venues: the table data/reference/places.yaml (capitals and summit cities with their country),
// validated on load, and a finder of its names in text with word boundaries in Latin and Arabic script.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { DiplographError } from "@diplograph/model";
import type { PlaceMention } from "./types.js";

/** The table shipped with the repository (the same relative place from `src/` and from `dist/`). */
export const DEFAULT_PLACES_TABLE = fileURLToPath(new URL("../../../../../data/reference/places.yaml", import.meta.url));

const Place = z.strictObject({
  name: z.string().trim().min(2),
  country: z.string().regex(/^[A-Z]{3}$/, "expected an ISO 3166-1 alpha-3 code in upper case, such as IRN"),
  aliases: z.array(z.string().trim().min(2)).default([]),
});
export type Place = z.infer<typeof Place>;

/** Read and check the places table; an invalid entry is reported with its file, line and field. */
export function loadPlaces(file: string = DEFAULT_PLACES_TABLE): Place[] {
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(file, "utf8"), { lineCounter: lines });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    throw new DiplographError(`${file}:${e.linePos?.[0]?.line ?? 1}: ${e.message.split("\n")[0]}`);
  }
  const raw = doc.toJS() as unknown;
  if (!Array.isArray(raw)) throw new DiplographError(`${file}:1: expected a list of places`);
  return raw.map((entry, i) => {
    const r = Place.safeParse(entry);
    if (r.success) return r.data;
    const issue = r.error.issues[0]!;
    const node = (doc.contents as { items?: Array<{ range?: [number, number, number] }> }).items?.[i];
    const line = node?.range ? lines.linePos(node.range[0]).line : 1;
    throw new DiplographError(`${file}:${line}: place ${i + 1}, field ${issue.path.join(".") || "(entry)"}: ${issue.message}`);
  });
}

const LETTER = /[\p{L}\p{M}\p{N}]/u;

/** Finds the table's place names in text: exact spelling (Latin names capitalised as written), whole words only. */
export class PlaceFinder {
  private readonly byFirst = new Map<string, Array<{ name: string; place: Place }>>();

  constructor(places: readonly Place[]) {
    for (const place of places) {
      for (const name of [place.name, ...place.aliases]) {
        const key = name[0]!;
        let list = this.byFirst.get(key);
        if (!list) this.byFirst.set(key, (list = []));
        list.push({ name, place });
      }
    }
    // Longest first, so "New Delhi" wins over "Delhi" and "Washington, D.C." over "Washington".
    for (const list of this.byFirst.values()) list.sort((a, b) => b.name.length - a.name.length);
  }

  /** The places named in `text`, in text order, none overlapping. */
  find(text: string): PlaceMention[] {
    const out: PlaceMention[] = [];
    for (let i = 0; i < text.length; i++) {
      const list = this.byFirst.get(text[i]!);
      if (!list || (i > 0 && LETTER.test(text[i - 1]!))) continue;
      for (const { name, place } of list) {
        if (!text.startsWith(name, i)) continue;
        const end = i + name.length;
        // Persian words take suffixes joined by a zero-width non-joiner or directly; a following letter ends the match.
        if (end < text.length && LETTER.test(text[end]!)) continue;
        out.push({ start: i, end, text: name, name: place.name, country: place.country });
        i = end - 1;
        break;
      }
    }
    return out;
  }
}

let shared: PlaceFinder | undefined;

/** The finder over the repository's table, built once. */
export function defaultPlaceFinder(): PlaceFinder {
  return (shared ??= new PlaceFinder(loadPlaces()));
}
