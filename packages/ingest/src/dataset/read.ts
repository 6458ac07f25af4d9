// Reading dataset files into raw records that remember where each field came from (file, line, field path).
import { readFileSync, readdirSync, statSync } from "node:fs";
import { basename, extname, join, relative } from "node:path";
import Papa from "papaparse";
import { LineCounter, parseDocument, isNode, type Document, type Node } from "yaml";
import type { DatasetIssue } from "@diplograph/model";
import { RECORD_TYPES, type RecordType } from "./format.js";

/** Where a record sits, and how to turn a field path inside it into a line and a field name. */
export interface RecordLoc {
  file: string;
  /** Line of the record's first character (CSV: the row's first line). */
  line(): number;
  lineOf(path: ReadonlyArray<PropertyKey>): number;
  field(path: ReadonlyArray<PropertyKey>): string;
}

export interface RawRecord {
  type: RecordType;
  value: unknown;
  loc: RecordLoc;
}

/**
 * A large CSV table of relations or events, parsed but not yet turned into records: the importer takes its rows in
 * chunks, so a million rows never sit in memory as objects at once.
 */
export interface RowTable {
  type: "relations" | "events";
  file: string;
  /** Number of data rows (blank lines included). */
  size: number;
  /**
   * The rows, parsed a chunk at a time (undefined for blank lines); problems of CSV syntax go to `report`. Only one
   * chunk of parsed rows is alive at a time, which keeps a million-row import out of the garbage collector's way.
   */
  chunks(report: (issue: DatasetIssue) => void): Generator<Array<RawRecord | undefined>>;
  /** What a worker thread needs to read the same chunks (`rowTable` turns it back into a table). */
  parts(): RowTableParts;
}

/** A row table as plain data, for a worker thread. */
export interface RowTableParts {
  type: "relations" | "events";
  file: string;
  size: number;
  body: string;
  starts: number[];
  lines: number[];
  header: string[];
}

/** Rows per chunk of a large CSV table. */
export const CSV_CHUNK_ROWS = 10_000;

export interface ReadResult {
  manifest?: { value: unknown; loc: RecordLoc };
  records: RawRecord[];
  tables: RowTable[];
  issues: DatasetIssue[];
  files: string[];
}

const DATA_EXTENSIONS = new Set([".yaml", ".yml", ".json", ".csv"]);

/** `a.b[2].c` from a path. */
export function pathString(path: ReadonlyArray<PropertyKey>): string {
  let s = "";
  for (const p of path) s += typeof p === "number" ? `[${p}]` : s ? `.${String(p)}` : String(p);
  return s;
}

function typeOfFile(rel: string): RecordType | "manifest" | undefined {
  const parts = rel.split(/[\\/]/);
  const stem = basename(rel, extname(rel));
  if (parts.length === 1) {
    if (stem === "dataset" && extname(rel) !== ".csv") return "manifest";
    return (RECORD_TYPES as readonly string[]).includes(stem) ? (stem as RecordType) : undefined;
  }
  return (RECORD_TYPES as readonly string[]).includes(parts[0]!) ? (parts[0] as RecordType) : undefined;
}

function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith(".")) continue;
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(full);
    }
  };
  walk(root);
  return out;
}

/** Read every data file of a dataset folder, or one bundle file (a JSON export). */
export function readDataset(path: string, display: (p: string) => string = (p) => p): ReadResult {
  const result: ReadResult = { records: [], tables: [], issues: [], files: [] };
  const st = statSync(path);
  if (!st.isDirectory()) {
    result.files.push(path);
    readBundle(path, display(path), result);
    return result;
  }
  for (const full of listFiles(path)) {
    const rel = relative(path, full);
    if (!DATA_EXTENSIONS.has(extname(full).toLowerCase())) continue;
    const type = typeOfFile(rel);
    if (type === undefined) {
      if (rel.split(/[\\/]/)[0] === "documents") continue;
      result.issues.push({ file: display(full), message: `not a dataset file: put it under one of ${RECORD_TYPES.join(", ")}/ or name it after one (see docs/dataset-format.md)` });
      continue;
    }
    result.files.push(full);
    const file = display(full);
    const ext = extname(full).toLowerCase();
    if (ext === ".csv") {
      if (type === "manifest") continue;
      if (type === "sources" || type === "agreements" || type === "concepts") {
        result.issues.push({ file, message: `${type} are written in YAML or JSON; CSV tables hold actors, relations, events and claims` });
        continue;
      }
      readCsv(readFileSync(full, "utf8"), file, type, result);
      continue;
    }
    const parsed = ext === ".json" ? parseJson(readFileSync(full, "utf8"), file, result.issues) : parseYaml(readFileSync(full, "utf8"), file, result.issues);
    if (!parsed) continue;
    if (type === "manifest") {
      result.manifest = { value: parsed.value, loc: parsed.loc([]) };
      continue;
    }
    if (!Array.isArray(parsed.value)) {
      result.issues.push({ file, line: 1, message: `expected a list of ${type} records` });
      continue;
    }
    parsed.value.forEach((value, i) => result.records.push({ type, value, loc: parsed.loc([i]) }));
  }
  return result;
}

function readBundle(full: string, file: string, result: ReadResult): void {
  const parsed = parseJson(readFileSync(full, "utf8"), file, result.issues);
  if (!parsed) return;
  const v = parsed.value as Record<string, unknown> | null;
  if (!v || typeof v !== "object" || Array.isArray(v) || v.format !== "diplograph-dataset") {
    result.issues.push({ file, line: 1, message: 'a single file to import must be a JSON export with "format": "diplograph-dataset"; otherwise give a dataset folder' });
    return;
  }
  result.manifest = { value: { name: (v.name as string) ?? "import", defaults: v.defaults ?? { status: "proposed" } }, loc: parsed.loc([]) };
  for (const type of RECORD_TYPES) {
    const list = v[type];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      result.issues.push({ file, line: parsed.loc([type]).line(), field: type, message: `expected a list of ${type} records` });
      continue;
    }
    list.forEach((value, i) => result.records.push({ type, value, loc: parsed.loc([type, i]) }));
  }
}

interface Parsed {
  value: unknown;
  loc(prefix: ReadonlyArray<PropertyKey>): RecordLoc;
}

/** Locator over a YAML document (JSON is parsed the same way for positions). */
function docLocator(doc: Document, lc: LineCounter, file: string): Parsed["loc"] {
  const lineAt = (path: ReadonlyArray<PropertyKey>): number => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true);
      if (isNode(node) && (node as Node).range) return lc.linePos((node as Node).range![0]).line;
    }
    return 1;
  };
  return (prefix) => ({
    file,
    line: () => lineAt(prefix),
    lineOf: (path) => lineAt([...prefix, ...path]),
    field: (path) => pathString(path),
  });
}

function parseYaml(text: string, file: string, issues: DatasetIssue[]): Parsed | undefined {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) {
    for (const e of doc.errors) {
      const pos = lc.linePos(e.pos[0]);
      issues.push({ file, line: pos.line, column: pos.col, message: `malformed YAML: ${e.message.split("\n")[0]}` });
    }
    return undefined;
  }
  return { value: doc.toJS({ maxAliasCount: 100 }), loc: docLocator(doc, lc, file) };
}

function parseJson(text: string, file: string, issues: DatasetIssue[]): Parsed | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const m = /line (\d+) column (\d+)/.exec(msg);
    const p = /position (\d+)/.exec(msg);
    let line = 1;
    let column = 1;
    if (m) {
      line = Number(m[1]);
      column = Number(m[2]);
    } else if (p) {
      const before = text.slice(0, Number(p[1]));
      line = before.split("\n").length;
      column = Number(p[1]) - before.lastIndexOf("\n");
    } else if (text.trim() === "") {
      line = 1;
    } else {
      line = text.split("\n").length;
    }
    issues.push({ file, line, column, message: `malformed JSON: ${msg.replace(/ in JSON at position \d+.*$/, "").replace(/\s*\(line \d+ column \d+\)/, "")}` });
    return undefined;
  }
  // Positions are only needed when something is wrong, so the JSON is re-read for them lazily.
  let located: Parsed["loc"] | undefined;
  const locator = (): Parsed["loc"] => {
    if (!located) {
      const lc = new LineCounter();
      const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
      located = docLocator(doc, lc, file);
    }
    return located;
  };
  return {
    value,
    loc: (prefix) => ({
      file,
      line: () => locator()(prefix).line(),
      lineOf: (path) => locator()(prefix).lineOf(path),
      field: (path) => pathString(path),
    }),
  };
}

// ---- CSV ----

/** Columns of the claim that a row with a `source` carries (`quote_start`/`quote_end` are the claim's span). */
const CLAIM_COLUMNS = ["source", "quote", "page", "quote_start", "quote_end", "status", "confidence", "author"] as const;
const CLAIM_FIELD: Record<(typeof CLAIM_COLUMNS)[number], string> = {
  source: "source",
  quote: "quote",
  page: "page",
  quote_start: "start",
  quote_end: "end",
  status: "status",
  confidence: "confidence",
  author: "author",
};

const COLUMNS: Record<"actors" | "relations" | "events" | "claims", readonly string[]> = {
  actors: ["id", "kind", "name", "country", "aliases", "wikidata", "partyfacts", "parlgov", "cameo", "description"],
  relations: ["id", "kind", "from", "to", "role", "start", "end", "signed", "ratified", "track", "layers", "note"],
  events: ["id", "type", "title", "date", "place", "place_country", "participants", "track", "layers", "outcome", "agreement", "cameo", "note"],
  claims: ["id", "target_type", "target_id", "property", "value", "qualifiers", "note"],
};

const splitList = (s: string, sep: string) =>
  s
    .split(sep)
    .map((x) => x.trim())
    .filter(Boolean);

/** A cell holding a full `{ "type": … }` value; left as text when it is not JSON, so validation reports it. */
function jsonCell(s: string): unknown {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return s;
  }
}

function numberOrString(s: string): number | string {
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s;
}

/** One CSV row as the record object the YAML form would give, with a map from its fields back to columns. */
function csvRecord(type: "actors" | "relations" | "events" | "claims", cells: Record<string, string>): Record<string, unknown> {
  const rec: Record<string, unknown> = {};
  const set = (k: string, v: unknown) => {
    if (v !== undefined && v !== "") rec[k] = v;
  };
  if (type === "actors") {
    set("id", cells.id);
    set("kind", cells.kind);
    set("name", cells.name);
    set("country", cells.country);
    if (cells.aliases) {
      rec.aliases = splitList(cells.aliases, "|").map((a) => {
        const i = a.indexOf(":");
        return i > 0 && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(a.slice(0, i)) ? { name: a.slice(i + 1), lang: a.slice(0, i) } : { name: a, lang: "en" };
      });
    }
    const ids: Record<string, unknown> = {};
    if (cells.wikidata) ids.wikidata = cells.wikidata;
    if (cells.partyfacts) ids.partyfacts = numberOrString(cells.partyfacts);
    if (cells.parlgov) ids.parlgov = numberOrString(cells.parlgov);
    if (cells.cameo) ids.cameo = cells.cameo;
    if (Object.keys(ids).length) rec.ids = ids;
    set("description", cells.description);
  } else if (type === "relations") {
    for (const k of ["id", "kind", "from", "to", "role", "start", "end", "signed", "ratified", "track", "note"]) set(k, cells[k]);
    if (cells.layers) rec.layers = splitList(cells.layers, ";");
  } else if (type === "events") {
    for (const k of ["id", "type", "title", "date", "place", "track", "outcome", "agreement", "cameo", "note"]) set(k, cells[k]);
    set("placeCountry", cells.place_country);
    if (cells.participants) rec.participants = splitList(cells.participants, ";");
    if (cells.layers) rec.layers = splitList(cells.layers, ";");
  } else {
    set("id", cells.id);
    if (cells.target_type || cells.target_id) rec.target = { type: cells.target_type, id: cells.target_id };
    set("property", cells.property);
    if (cells.value) rec.value = cells.value.startsWith("{") ? jsonCell(cells.value) : numberOrString(cells.value);
    if (cells.qualifiers) {
      rec.qualifiers = Object.fromEntries(
        splitList(cells.qualifiers, ";").map((q) => {
          const i = q.indexOf("=");
          return i > 0 ? [q.slice(0, i).trim(), q.slice(i + 1).trim()] : [q, ""];
        }),
      );
    }
    set("note", cells.note);
  }
  if (cells.source) {
    const claim: Record<string, unknown> = {};
    for (const k of CLAIM_COLUMNS) {
      const v = cells[k];
      if (v === undefined || v === "") continue;
      claim[CLAIM_FIELD[k]] = k === "quote_start" || k === "quote_end" || k === "confidence" ? numberOrString(v) : v;
    }
    if (type === "claims") Object.assign(rec, claim);
    else rec.claims = [claim];
  }
  return rec;
}

/** Where a CSV row is: methods on the prototype, so a million rows do not carry three closures each. */
class CsvLoc implements RecordLoc {
  constructor(
    readonly file: string,
    private readonly type: "actors" | "relations" | "events" | "claims",
    private readonly row: number,
    private readonly lineOfRow: (row: number) => number,
  ) {}
  line(): number {
    return this.lineOfRow(this.row);
  }
  lineOf(): number {
    return this.lineOfRow(this.row);
  }
  field(path: ReadonlyArray<PropertyKey>): string {
    return csvField(this.type, path);
  }
}

/** The CSV column a field path of a row record came from. */
function csvField(type: "actors" | "relations" | "events" | "claims", path: ReadonlyArray<PropertyKey>): string {
  const [head, second, third] = path;
  const claimColumn = (f: string) => (f === "start" ? "quote_start" : f === "end" ? "quote_end" : f);
  if (head === "claims" && typeof third === "string") return claimColumn(third);
  if (head === "ids" && typeof second === "string") return second;
  if (head === "placeCountry") return "place_country";
  if (head === "target") return second === "type" ? "target_type" : "target_id";
  if (type === "claims" && (head === "start" || head === "end")) return claimColumn(head);
  return typeof head === "string" ? head : "";
}

/**
 * A relations or events table, read lazily: one pass finds where rows start (outside quoted fields) and which line
 * each chunk starts on; each chunk is parsed only when the importer asks for it.
 */
function readCsvTable(body: string, file: string, type: "relations" | "events", result: ReadResult): void {
  const starts: number[] = [0]; // offsets of each chunk's first row; the first chunk starts with the header
  const lines: number[] = [1];
  let rows = 0;
  let line = 1;
  let inQuotes = false;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes; // '"'; a doubled quote inside a field toggles twice
    else if (c === 10) {
      line++;
      if (!inQuotes) {
        rows++;
        if (rows % CSV_CHUNK_ROWS === 1 && rows > 1 && i + 1 < body.length) {
          starts.push(i + 1);
          lines.push(line);
        }
      }
    }
  }
  if (body.length > 0 && body.charCodeAt(body.length - 1) !== 10) rows++;
  const headerRows = Papa.parse<string[]>(body.slice(0, firstRowEnd(body)), { header: false, delimiter: "," }).data;
  const header = headerRows[0]?.map((h) => h.trim());
  if (!checkHeader(header, file, type, result)) return;
  result.tables.push(rowTable({ type, file, size: Math.max(0, rows - 1), body, starts, lines, header }));
}

/** A row table over a CSV text whose chunk boundaries are known. */
export function rowTable(parts: RowTableParts): RowTable {
  const { type, file, size, body, starts, lines, header } = parts;
  return {
    type,
    file,
    size,
    parts: () => parts,
    *chunks(report) {
      for (let k = 0; k < starts.length; k++) {
        const text = body.slice(starts[k]!, k + 1 < starts.length ? starts[k + 1]! : body.length);
        const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter: "," });
        const lineOf = lineCounter(parsed.data, lines[k]!);
        const errors = parsed.errors.filter((e) => e.code !== "UndetectableDelimiter");
        for (const e of errors) report({ file, line: e.row === undefined ? undefined : lineOf(e.row), message: `malformed CSV: ${e.message}` });
        if (errors.length) return;
        const first = k === 0 ? 1 : 0; // the first chunk begins with the header
        const out: Array<RawRecord | undefined> = [];
        for (let r = first; r < parsed.data.length; r++) out.push(csvRow(parsed.data[r]!, header, file, type, new CsvLoc(file, type, r, lineOf)));
        yield out;
      }
    },
  };
}

/** Where the first row of a CSV text ends (its first line break outside quotes). */
function firstRowEnd(body: string): number {
  let inQuotes = false;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (c === 10 && !inQuotes) return i;
  }
  return body.length;
}

/** Line numbers of parsed rows, counting line breaks inside quoted fields; computed only when first asked. */
function lineCounter(rows: string[][], firstLine: number): (row: number) => number {
  let lines: Int32Array | undefined;
  return (i: number): number => {
    if (!lines) {
      lines = new Int32Array(rows.length + 1);
      let line = firstLine;
      for (let r = 0; r < rows.length; r++) {
        lines[r] = line;
        let nl = 1;
        for (const cell of rows[r]!) for (let k = cell.indexOf("\n"); k >= 0; k = cell.indexOf("\n", k + 1)) nl++;
        line += nl;
      }
      lines[rows.length] = line;
    }
    return lines[Math.min(i, rows.length)]!;
  };
}

function checkHeader(header: string[] | undefined, file: string, type: "actors" | "relations" | "events" | "claims", result: ReadResult): header is string[] {
  if (!header || header.every((h) => h === "")) {
    result.issues.push({ file, line: 1, message: "empty CSV: expected a header row" });
    return false;
  }
  const before = result.issues.length;
  const known = new Set([...COLUMNS[type], ...CLAIM_COLUMNS]);
  header.forEach((h, i) => {
    if (!known.has(h)) result.issues.push({ file, line: 1, field: h || `column ${i + 1}`, message: `unknown column; ${type} tables have ${[...COLUMNS[type], ...CLAIM_COLUMNS].join(", ")}` });
  });
  const dup = header.find((h, i) => header.indexOf(h) !== i);
  if (dup) result.issues.push({ file, line: 1, field: dup, message: "column appears twice" });
  return result.issues.length === before;
}

/** One parsed CSV row as a raw record (undefined for a blank line). */
function csvRow(row: string[], header: string[], file: string, type: "actors" | "relations" | "events" | "claims", loc: RecordLoc): RawRecord | undefined {
  if (row.length === 1 && row[0] === "") return undefined; // blank line
  if (row.length !== header.length) return { type, value: { __fields: row.length, __header: header.length }, loc };
  const cells: Record<string, string> = {};
  for (let c = 0; c < header.length; c++) cells[header[c]!] = row[c]!.trim();
  return { type, value: csvRecord(type, cells), loc };
}

function readCsv(text: string, file: string, type: "actors" | "relations" | "events" | "claims", result: ReadResult): void {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (type === "relations" || type === "events") {
    readCsvTable(body, file, type, result);
    return;
  }
  const parsed = Papa.parse<string[]>(body, { header: false, skipEmptyLines: false, delimiter: "," });
  const rows = parsed.data;
  const lineOfRow = lineCounter(rows, 1);
  const errors = parsed.errors.filter((e) => e.code !== "UndetectableDelimiter");
  for (const e of errors) result.issues.push({ file, line: e.row === undefined ? undefined : lineOfRow(e.row), message: `malformed CSV: ${e.message}` });
  if (errors.length) return;
  const header = rows[0]?.map((h) => h.trim());
  if (!checkHeader(header, file, type, result)) return;
  for (let r = 1; r < rows.length; r++) {
    const rec = csvRow(rows[r]!, header, file, type, new CsvLoc(file, type, r, lineOfRow));
    if (rec) result.records.push(rec);
  }
}

/** A CSV row whose field count differs from the header's: the message, or undefined for a good row. */
export function fieldCountProblem(value: unknown): string | undefined {
  const v = value as { __fields?: number; __header?: number } | null;
  return v && typeof v === "object" && typeof v.__fields === "number" ? `row has ${v.__fields} fields, the header has ${v.__header}` : undefined;
}
