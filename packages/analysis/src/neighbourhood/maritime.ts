// The curated maritime-neighbours table (data/reference/maritime-neighbours.yaml): schema, loading with located
// errors, and the maritime neighbours of a country.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isNode, LineCounter, parseDocument, type Node } from "yaml";
import { z } from "zod";
import { DiplographError, formatIssue, type DatasetIssue } from "@diplograph/model";
import { isKnownCountry, worldCountryName } from "./land.js";
import type { Iso3, MaritimeLink, MaritimeNeighbour } from "./types.js";

/** The table shipped with the repository (the same relative place from `src/` and from `dist/`). */
export const DEFAULT_MARITIME_TABLE = fileURLToPath(new URL("../../../../data/reference/maritime-neighbours.yaml", import.meta.url));

/** A reference table failed validation. */
export class ReferenceDataError extends DiplographError {
  override name = "ReferenceDataError";
  constructor(readonly issues: DatasetIssue[]) {
    const shown = issues.slice(0, 50).map(formatIssue);
    const more = issues.length > 50 ? [`… and ${issues.length - 50} more`] : [];
    super(`invalid reference table with ${issues.length} error${issues.length === 1 ? "" : "s"}\n  ${[...shown, ...more].join("\n  ")}`);
  }
}

const Text = z.string().trim().min(1, "must not be empty");
const Code = z
  .string()
  .regex(/^[A-Z]{3}$/, "expected an ISO 3166-1 alpha-3 code in upper case, such as IRN")
  .refine(isKnownCountry, { message: "not a country code world-countries knows" });

const MaritimePair = z.strictObject({
  states: z.tuple([Code, Code]),
  basis: z.enum(["boundary-agreement", "adjudication", "adjacent-coasts", "opposite-coasts"]),
  source: Text,
  note: Text,
});

const Sea = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "expected a lower-case slug such as caspian-sea"),
    name: Text,
    aliases: z.array(Text).default([]),
    /** `all-coastal-states`: every coastal state is a neighbour of every other; `listed-pairs`: only the pairs below. */
    neighbours: z.enum(["all-coastal-states", "listed-pairs"]),
    coastal: z.array(Code).min(2, "a sea needs at least two coastal states"),
    source: Text,
    note: Text,
    pairs: z.array(MaritimePair).default([]),
  })
  .superRefine((sea, ctx) => {
    const coastal = new Set<string>();
    sea.coastal.forEach((c, i) => {
      if (coastal.has(c)) ctx.addIssue({ code: "custom", path: ["coastal", i], message: `${c} is listed twice` });
      coastal.add(c);
    });
    const seen = new Set<string>();
    sea.pairs.forEach((p, i) => {
      const [a, b] = p.states;
      if (a === b) ctx.addIssue({ code: "custom", path: ["pairs", i, "states"], message: "a pair needs two different states" });
      p.states.forEach((s, j) => {
        if (!coastal.has(s)) ctx.addIssue({ code: "custom", path: ["pairs", i, "states", j], message: `${s} is not among the coastal states of ${sea.id}` });
      });
      const key = [a, b].sort().join("-");
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["pairs", i, "states"], message: `the pair ${key} is listed twice` });
      seen.add(key);
    });
  });

export const MaritimeTableSchema = z
  .strictObject({
    version: z.literal(1),
    seas: z.array(Sea).min(1),
  })
  .superRefine((t, ctx) => {
    const ids = new Set<string>();
    t.seas.forEach((s, i) => {
      if (ids.has(s.id)) ctx.addIssue({ code: "custom", path: ["seas", i, "id"], message: `sea id "${s.id}" is used twice` });
      ids.add(s.id);
    });
  });

export type MaritimeTable = z.infer<typeof MaritimeTableSchema>;
export type SeaEntry = MaritimeTable["seas"][number];

/** `seas[2].pairs[0].source` from a path. */
function pathString(path: ReadonlyArray<PropertyKey>): string {
  let s = "";
  for (const p of path) s += typeof p === "number" ? `[${p}]` : s ? `.${String(p)}` : String(p);
  return s;
}

/** Parse and validate the table's text; every problem is reported with its file, line and field. */
export function parseMaritimeTable(text: string, file: string): MaritimeTable {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) {
    throw new ReferenceDataError(
      doc.errors.map((e) => {
        const pos = lc.linePos(e.pos[0]);
        return { file, line: pos.line, column: pos.col, message: `malformed YAML: ${e.message.split("\n")[0]}` };
      }),
    );
  }
  const parsed = MaritimeTableSchema.safeParse(doc.toJS());
  if (parsed.success) return parsed.data;
  // The nearest node on the issue's path that exists in the document gives the line.
  const lineAt = (path: ReadonlyArray<PropertyKey>): number => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true);
      if (isNode(node) && (node as Node).range) return lc.linePos((node as Node).range![0]).line;
    }
    return 1;
  };
  throw new ReferenceDataError(
    parsed.error.issues.map((i) => ({
      file,
      line: lineAt(i.path as PropertyKey[]),
      ...(i.path.length ? { field: pathString(i.path as PropertyKey[]) } : {}),
      message: i.message,
    })),
  );
}

const cache = new Map<string, MaritimeTable>();

/** Read and validate a maritime table (the repository's by default); cached per path. */
export function loadMaritimeTable(path: string = DEFAULT_MARITIME_TABLE): MaritimeTable {
  const hit = cache.get(path);
  if (hit) return hit;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new ReferenceDataError([{ file: path, message: `cannot read the maritime table: ${(e as Error).message}` }]);
  }
  const table = parseMaritimeTable(text, path);
  cache.set(path, table);
  return table;
}

/** Every maritime link of the table, keyed by unordered pair `AAA-BBB`. */
export function maritimeLinks(table: MaritimeTable): Map<string, { states: [Iso3, Iso3]; links: MaritimeLink[] }> {
  const out = new Map<string, { states: [Iso3, Iso3]; links: MaritimeLink[] }>();
  const add = (a: Iso3, b: Iso3, link: MaritimeLink) => {
    const states = [a, b].sort() as [Iso3, Iso3];
    const key = states.join("-");
    const entry = out.get(key) ?? { states, links: [] };
    // A listed pair is more specific than the sea-wide co-littoral rule: it replaces it for that sea.
    const same = entry.links.findIndex((l) => l.sea === link.sea);
    if (same >= 0) {
      if (entry.links[same]!.basis === "co-littoral") entry.links[same] = link;
    } else entry.links.push(link);
    out.set(key, entry);
  };
  for (const sea of table.seas) {
    for (const p of sea.pairs) add(p.states[0], p.states[1], { sea: sea.id, seaName: sea.name, basis: p.basis, source: p.source, note: p.note });
    if (sea.neighbours === "all-coastal-states") {
      for (let i = 0; i < sea.coastal.length; i++)
        for (let j = i + 1; j < sea.coastal.length; j++)
          add(sea.coastal[i]!, sea.coastal[j]!, { sea: sea.id, seaName: sea.name, basis: "co-littoral", source: sea.source, note: sea.note });
    }
  }
  return out;
}

/** The maritime neighbours of a country, sorted by code, each with every sea and source that makes it one. */
export function maritimeNeighbours(table: MaritimeTable, code: Iso3): MaritimeNeighbour[] {
  const c = code.toUpperCase();
  const out: MaritimeNeighbour[] = [];
  for (const { states, links } of maritimeLinks(table).values()) {
    if (!states.includes(c)) continue;
    const other = states[0] === c ? states[1] : states[0];
    out.push({ country: other, name: worldCountryName(other) ?? other, links: [...links].sort((a, b) => a.sea.localeCompare(b.sea)) });
  }
  return out.sort((a, b) => a.country.localeCompare(b.country));
}

/** The seas of the table a country is coastal to. */
export function seasOf(table: MaritimeTable, code: Iso3): SeaEntry[] {
  return table.seas.filter((s) => s.coastal.includes(code.toUpperCase()));
}
