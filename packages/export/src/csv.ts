// Writes a snapshot as the CSV tables of a dataset folder (re-importable), and a graph as Gephi node/edge tables.
import { PROPERTIES } from "@diplograph/model";
import type { Actor, Approximation, Claim, ClaimValue, Event, Relation, Snapshot } from "@diplograph/model";
import { stringify } from "csv-stringify/sync";
import { ExportError } from "./errors.js";
import { elementValues, graphAttributes } from "./graph.js";
import type { CsvTables, Graph, NodeEdgeCsv, TimeInterval } from "./types.js";
import { byId, csvDate } from "./utils.js";

/** Columns of each table, in the order of docs/dataset-format.md. */
export const ACTOR_COLUMNS = ["id", "kind", "name", "country", "aliases", "wikidata", "partyfacts", "parlgov", "cameo", "description"] as const;
export const RELATION_COLUMNS = ["id", "kind", "from", "to", "role", "start", "end", "signed", "ratified", "track", "layers", "note"] as const;
export const EVENT_COLUMNS = [
  "id",
  "type",
  "title",
  "date",
  "place",
  "place_country",
  "participants",
  "track",
  "layers",
  "outcome",
  "agreement",
  "cameo",
  "note",
] as const;
/**
 * Standalone claims: id, target, property, value, qualifiers, note and the claim columns (`quote_start`/`quote_end`
 * are the quote's character span). The id is written so that a re-import merges instead of deriving a new one.
 */
export const CLAIM_COLUMNS = [
  "id",
  "target_type",
  "target_id",
  "property",
  "value",
  "qualifiers",
  "source",
  "quote",
  "page",
  "quote_start",
  "quote_end",
  "status",
  "confidence",
  "author",
  "note",
] as const;

type Row<C extends readonly string[]> = { [K in C[number]]: string | number | undefined };

/**
 * The record tables of a dataset folder, rows in id order. Claims are all written to `claims.csv` with their target,
 * so the record tables carry no claim columns. Dates are ISO partial dates (`start/end` for a range); a Solar
 * Hijri or English original is not written (the JSON export keeps it), nor are alias kinds, free `attributes` or
 * the language of a text value.
 *
 * Throws ExportError, listing every case, when a value would not read back as written: a separator inside a list
 * item, an alias language the reader does not take, or a claim value the reader would take for another type.
 */
export function toCsvTables(snapshot: Snapshot): CsvTables {
  const problems: string[] = [];
  const tables: CsvTables = {
    "actors.csv": table(ACTOR_COLUMNS, byId(snapshot.actors).map((a) => actorRow(a, problems))),
    "relations.csv": table(RELATION_COLUMNS, byId(snapshot.relations).map(relationRow)),
    "events.csv": table(EVENT_COLUMNS, byId(snapshot.events).map(eventRow)),
    "claims.csv": table(CLAIM_COLUMNS, byId(snapshot.claims).map((c) => claimRow(c, problems))),
  };
  if (problems.length > 0) {
    const shown = problems.slice(0, 20);
    const more = problems.length > shown.length ? [`… and ${problems.length - shown.length} more`] : [];
    throw new ExportError(`cannot write CSV tables that re-import as they are (the JSON export can):\n  ${[...shown, ...more].join("\n  ")}`);
  }
  return tables;
}

function actorRow(a: Actor, problems: string[]): Row<typeof ACTOR_COLUMNS> {
  a.aliases.forEach((x, i) => {
    const where = `actor ${a.id}: alias ${i + 1} "${x.name}"`;
    if (x.name.includes("|")) problems.push(`${where} contains "|", which separates aliases`);
    // The reader takes `lang:` only for a two- or three-letter code; anything else becomes part of an English name.
    if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(x.lang)) problems.push(`${where} has language "${x.lang}", which is not a language tag`);
  });
  return {
    id: a.id,
    kind: a.kind,
    name: a.name,
    country: a.country,
    aliases: a.aliases.map((x) => `${x.lang}:${x.name}`).join("|"),
    wikidata: a.externalIds.wikidata,
    partyfacts: a.externalIds.partyfacts,
    parlgov: a.externalIds.parlgov,
    cameo: a.externalIds.cameo,
    description: a.description,
  };
}

function relationRow(r: Relation): Row<typeof RELATION_COLUMNS> {
  return {
    id: r.id,
    kind: r.kind,
    from: r.from,
    to: r.to,
    role: r.role,
    start: csvDate(r.start),
    end: csvDate(r.end),
    signed: csvDate(r.signed),
    ratified: csvDate(r.ratified),
    track: r.track,
    layers: r.layers.join(";"),
    note: r.note,
  };
}

function eventRow(e: Event): Row<typeof EVENT_COLUMNS> {
  return {
    id: e.id,
    type: e.type,
    title: e.title,
    date: csvDate(e.date),
    place: e.place,
    place_country: e.placeCountry,
    // The role is always written: the reader splits at the last ':', and an id may itself contain ':'.
    participants: e.participants.map((p) => `${p.actor}:${p.role}`).join(";"),
    track: e.track,
    layers: e.layers.join(";"),
    outcome: e.outcome,
    agreement: e.agreement,
    cameo: e.cameo,
    note: e.note,
  };
}

function claimRow(c: Claim, problems: string[]): Row<typeof CLAIM_COLUMNS> {
  const value = claimValueCell(c.property, c.value);
  if ("problem" in value) problems.push(`claim ${c.id}: ${value.problem}`);
  const qualifiers = Object.entries(c.qualifiers);
  for (const [k, v] of qualifiers) {
    if (k === "" || /[=;]/.test(k) || v.includes(";") || k.trim() !== k || v.trim() !== v) {
      problems.push(`claim ${c.id}: qualifier ${JSON.stringify(k)}=${JSON.stringify(v)} cannot be written as key=value items joined by ';'`);
    }
  }
  return {
    id: c.id,
    target_type: c.target.type,
    target_id: c.target.id,
    property: c.property,
    value: "cell" in value ? value.cell : undefined,
    qualifiers: qualifiers.map(([k, v]) => `${k}=${v}`).join(";"),
    source: c.source,
    quote: c.locator.quote,
    page: c.locator.page,
    quote_start: c.locator.start,
    quote_end: c.locator.end,
    status: c.status,
    confidence: c.confidence,
    author: c.author,
    note: c.note,
  };
}

const QUANTITY_WORDS: Record<Approximation, string> = {
  exact: "",
  about: "about ",
  "more-than": "more than ",
  "at-least": "at least ",
  "less-than": "less than ",
  "at-most": "at most ",
};

// What the reader takes for a number (and then, for a property of no fixed type, for a quantity).
const NUMERIC = /^-?\d+(\.\d+)?$/;
// A figure as the reader recognises one: an optional approximation word, then a digit.
const FIGURE =
  /^\s*(?:(?:about|approximately|approx\.?|around|nearly|almost|some|roughly|~|c\.|over|more than|above|upwards of|in excess of|at least|no fewer than|no less than|minimum|less than|under|fewer than|below|at most|up to|no more than|maximum)\s*)?\d/i;
const ISO_DATE = /^\d{4}(-\d{2}){0,2}$/;

export type ValueCell = { cell: string | undefined } | { problem: string };

/**
 * A claim value as the `value` cell of claims.csv. The reader knows a cell only as text, typed by the property:
 * `founded` takes a date, `seat` a text, `members` a figure (`about 700`, `more than 400 model laws`), `predecessor`
 * an actor; a property of no fixed type reads a figure as a quantity and anything else as text. A value that would
 * read back as another type is a problem, not a cell.
 */
export function claimValueCell(property: string | undefined, v: ClaimValue | undefined): ValueCell {
  if (v === undefined) return { cell: undefined };
  const declared = property !== undefined && Object.hasOwn(PROPERTIES, property) ? PROPERTIES[property]?.valueType : undefined;
  if (declared !== undefined && declared !== v.type) return { problem: `${property} takes a ${declared}, but the value is a ${v.type}` };
  switch (v.type) {
    case "date":
      // A property of no fixed type would read a bare date as text: write the value whole, as the reader takes it.
      if (declared === undefined) return { cell: JSON.stringify(v) };
      return { cell: csvDate(v.date) };
    case "actor":
      if (declared === undefined) return { cell: JSON.stringify(v) };
      if (NUMERIC.test(v.actor)) return { problem: `actor id "${v.actor}" would read back as a number` };
      return { cell: v.actor };
    case "text": {
      const t = v.text.trim();
      if (NUMERIC.test(t) || t.startsWith("{") || (declared === undefined && /\d/.test(t) && !ISO_DATE.test(t) && FIGURE.test(t))) {
        return { cell: JSON.stringify(v) };
      }
      return { cell: v.text };
    }
    case "quantity": {
      const amount = String(v.amount);
      if (!/^\d+(\.\d+)?$/.test(amount)) return { problem: `amount ${amount} cannot be written as a figure` };
      if (v.unit === undefined) return { cell: `${QUANTITY_WORDS[v.approximation]}${amount}` };
      if (v.unit === "%") return { cell: `${QUANTITY_WORDS[v.approximation]}${amount}%` };
      if (v.unit.trim() !== v.unit || v.unit === "" || /^(\+|%|percent\b)/i.test(v.unit)) {
        return { problem: `unit "${v.unit}" would not read back as written` };
      }
      return { cell: `${QUANTITY_WORDS[v.approximation]}${amount} ${v.unit}` };
    }
  }
}

/** Gephi's spreadsheet import: `Id`, `Label`, `Source`, `Target`, `Type` and `Time Interval` are its column names. */
export function toNodeEdgeCsv(graph: Graph): NodeEdgeCsv {
  const nodeAttrs = graphAttributes(graph, "node");
  const edgeAttrs = graphAttributes(graph, "edge");
  const nodeColumns = ["Id", "Label", "Time Interval", ...nodeAttrs.map(([k]) => k)];
  const edgeColumns = ["Source", "Target", "Type", "Id", "Label", "Time Interval", ...edgeAttrs.map(([k]) => k)];
  const nodeRows = graph.nodes.map((n) => [n.id, n.label, gephiInterval(n.time), ...cells(nodeAttrs, elementValues(graph, "node", n))]);
  const edgeRows = graph.edges.map((e) => [
    e.source,
    e.target,
    e.directed ? "Directed" : "Undirected",
    e.id,
    e.label,
    gephiInterval(e.time),
    ...cells(edgeAttrs, elementValues(graph, "edge", e)),
  ]);
  return { "nodes.csv": stringify([nodeColumns, ...nodeRows]), "edges.csv": stringify([edgeColumns, ...edgeRows]) };
}

function cells(columns: [string, unknown][], values: [string, string][]): string[] {
  const byKey = new Map(values);
  return columns.map(([k]) => byKey.get(k) ?? "");
}

/** A closed interval in Gephi's notation, open bounds as infinities: `<[2006-01-01,Infinity]>`. */
function gephiInterval(t: TimeInterval | undefined): string {
  if (t === undefined) return "";
  return `<[${t.start ?? "-Infinity"},${t.end ?? "Infinity"}]>`;
}

/**
 * A dataset table. The last record has no line break after it (RFC 4180 allows either): a reader that guesses the
 * delimiter from field counts, as papaparse does, counts the empty line after a final break as a row, and with few
 * rows a ';' inside the cells can then look more consistent than the ',' between them.
 */
function table<C extends readonly string[]>(columns: C, rows: Row<C>[]): string {
  const body = rows.map((r) => columns.map((c: C[number]) => cell(r[c])));
  return stringify([[...columns], ...body], { eof: false });
}

function cell(v: string | number | undefined): string {
  return v === undefined ? "" : String(v);
}
