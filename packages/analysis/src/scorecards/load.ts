// Reading framework files: YAML parsed with positions, validated against the schema, every problem located.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { extname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { LineCounter, isMap, isNode, isScalar, isSeq, parseDocument, type Document, type Node } from "yaml";
import type { z } from "zod";
import { DiplographError, NotFoundError, formatIssue, type DatasetIssue } from "@diplograph/model";
import { Framework, type LoadedFramework } from "./types.js";

/** One or more framework files are malformed; `issues` locates each problem (file, line, field). */
export class FrameworkError extends DiplographError {
  override name = "FrameworkError";
  constructor(readonly issues: DatasetIssue[]) {
    super(`invalid framework file${new Set(issues.map((i) => i.file)).size === 1 ? "" : "s"}:\n  ${issues.map(formatIssue).join("\n  ")}`);
  }
}

/**
 * The frameworks that ship with Diplograph (`frameworks/` at the repository root), found from this module's own
 * location so that the CLI finds them from any working directory. `src/scorecards` and `dist/scorecards` sit at the
 * same depth.
 */
export function shippedFrameworksDir(): string {
  return fileURLToPath(new URL("../../../../frameworks/", import.meta.url));
}

/** `a.b[2].c` from a path. */
function pathString(path: ReadonlyArray<PropertyKey>): string {
  let s = "";
  for (const p of path) s += typeof p === "number" ? `[${p}]` : s ? `.${String(p)}` : String(p);
  return s;
}

/**
 * A Zod path mapped onto the file as written: where a field accepts one item or a list (`select`, `kind`) the schema
 * wraps a single item in a list, so an index the file does not have is dropped.
 */
function filePath(raw: unknown, path: ReadonlyArray<PropertyKey>): PropertyKey[] {
  const out: PropertyKey[] = [];
  let cur: unknown = raw;
  for (const p of path) {
    if (typeof p === "number" && !Array.isArray(cur)) continue;
    out.push(p);
    cur = cur !== null && typeof cur === "object" ? (cur as Record<PropertyKey, unknown>)[p] : undefined;
  }
  return out;
}

/** The line a field path starts on: a mapping's key where there is one (a value may start on the next line). */
function lineFinder(doc: Document, lc: LineCounter): (path: ReadonlyArray<PropertyKey>) => number {
  const line = (node: unknown) => (isNode(node) && (node as Node).range ? lc.linePos((node as Node).range![0]).line : undefined);
  return (path) => {
    for (let n = path.length; n > 0; n--) {
      const parent = doc.getIn(path.slice(0, n - 1) as unknown[], true);
      if (isMap(parent)) {
        const pair = parent.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === path[n - 1]);
        const at = line(pair?.key) ?? line(pair?.value);
        if (at !== undefined) return at;
      } else if (isSeq(parent) && typeof path[n - 1] === "number") {
        const at = line(parent.items[path[n - 1] as number]);
        if (at !== undefined) return at;
      }
    }
    return line(doc.contents) ?? 1;
  };
}

function issueMessage(iss: z.core.$ZodIssue): string {
  return iss.code === "unrecognized_keys" && iss.message.startsWith("Unrecognized key")
    ? `unknown field${iss.keys.length > 1 ? "s" : ""} ${iss.keys.map((k) => `"${k}"`).join(", ")}`
    : iss.message;
}

/** Parse and validate one framework file's text; `file` is the name used in messages. */
export function parseFramework(text: string, file: string): { framework?: LoadedFramework; issues: DatasetIssue[] } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) {
    return {
      issues: doc.errors.map((e) => {
        const pos = lc.linePos(e.pos[0]);
        return { file, line: pos.line, column: pos.col, message: `malformed YAML: ${e.message.split("\n")[0]}` };
      }),
    };
  }
  const raw = doc.toJS({ maxAliasCount: 100 }) as unknown;
  const lineOf = lineFinder(doc, lc);
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return { issues: [{ file, line: 1, message: "a framework file holds one framework: a mapping with id, title, subjects and dimensions" }] };
  }
  const parsed = Framework.safeParse(raw);
  if (!parsed.success) {
    // A selector with an unknown kind also fails the "exactly one kind" rule; the first message says it better.
    const unknownAt = new Set(parsed.error.issues.filter((i) => i.code === "unrecognized_keys").map((i) => JSON.stringify(i.path)));
    const issues = parsed.error.issues.filter((i) => i.code !== "custom" || !unknownAt.has(JSON.stringify(i.path)));
    return {
      issues: issues.map((iss) => {
        // An unknown field is located at the field itself, not at the object that holds it.
        const zpath = iss.code === "unrecognized_keys" && iss.keys.length === 1 ? [...iss.path, iss.keys[0]!] : iss.path;
        const path = filePath(raw, zpath);
        return { file, line: lineOf(path), ...(path.length ? { field: pathString(path) } : {}), message: issueMessage(iss) };
      }),
    };
  }
  return { framework: { ...parsed.data, file, lineOf }, issues: [] };
}

export interface LoadOptions {
  /** Folders or files of frameworks to read besides the shipped ones. */
  paths?: string[];
  /** Read the shipped frameworks (default true). */
  shipped?: boolean;
  /** Known concept ids: when given, a dimension or indicator naming another concept is an error. */
  concepts?: ReadonlySet<string>;
  /** How file names appear in messages (default: relative to the working directory when inside it). */
  display?: (path: string) => string;
}

function frameworkFiles(path: string): string[] {
  if (!existsSync(path)) throw new FrameworkError([{ file: path, message: "no such file or folder" }]);
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((n) => !n.startsWith(".") && [".yaml", ".yml"].includes(extname(n).toLowerCase()))
    .sort()
    .map((n) => join(path, n));
}

const defaultDisplay = (p: string): string => {
  const rel = relative(process.cwd(), p);
  return rel && !rel.startsWith("..") ? rel : p;
};

/** Problems with concept ids the frameworks name, against the concepts known to a database. */
export function conceptIssues(frameworks: LoadedFramework[], concepts: ReadonlySet<string>): DatasetIssue[] {
  const issues: DatasetIssue[] = [];
  const check = (f: LoadedFramework, id: string | undefined, path: PropertyKey[]) => {
    if (id === undefined || concepts.has(id)) return;
    issues.push({
      file: f.file,
      line: f.lineOf(path),
      field: pathString(path),
      message: `unknown concept "${id}"; the database has no such concept (import the dataset that defines it: the shipped frameworks use data/seed)`,
    });
  };
  for (const f of frameworks) {
    f.dimensions.forEach((d, i) => {
      check(f, d.concept, ["dimensions", i, "concept"]);
      d.indicators.forEach((ind, j) => check(f, ind.concept, ["dimensions", i, "indicators", j, "concept"]));
    });
  }
  return issues;
}

/**
 * Read every framework: the shipped ones and those under `paths`. Throws FrameworkError listing every problem of
 * every file (malformed YAML, unknown or mistyped fields, unknown concepts, two files with the same framework id).
 */
export function loadFrameworks(options: LoadOptions = {}): LoadedFramework[] {
  const display = options.display ?? defaultDisplay;
  const files = [...(options.shipped === false ? [] : frameworkFiles(shippedFrameworksDir())), ...(options.paths ?? []).flatMap((p) => frameworkFiles(resolve(p)))];
  const issues: DatasetIssue[] = [];
  const out: LoadedFramework[] = [];
  const byId = new Map<string, LoadedFramework>();
  for (const full of [...new Set(files)]) {
    const { framework, issues: found } = parseFramework(readFileSync(full, "utf8"), display(full));
    issues.push(...found);
    if (!framework) continue;
    const twin = byId.get(framework.id);
    if (twin) {
      issues.push({ file: framework.file, line: framework.lineOf(["id"]), field: "id", message: `framework "${framework.id}" is already defined in ${twin.file}` });
      continue;
    }
    byId.set(framework.id, framework);
    out.push(framework);
  }
  if (options.concepts) issues.push(...conceptIssues(out, options.concepts));
  if (issues.length) throw new FrameworkError(issues);
  return out;
}

/** The framework with this id, or a NotFoundError listing those available. */
export function findFramework(frameworks: LoadedFramework[], id: string): LoadedFramework {
  const f = frameworks.find((x) => x.id === id);
  if (!f) throw new NotFoundError(`no framework "${id}"; available: ${frameworks.map((x) => x.id).join(", ") || "none"}`);
  return f;
}
