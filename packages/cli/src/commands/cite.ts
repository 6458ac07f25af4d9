// `diplograph cite FILE`: a document's references list and in-text citations, linked; or the list as CSL-JSON/BibTeX.
import { readFileSync } from "node:fs";
import { analyseCitations, toBibtex, toCslJson, type CitationAnalysis, type Reference } from "@diplograph/ingest";
import { InputError } from "@diplograph/model";
import { print, printJson, type GlobalOptions } from "../context.js";

export const CITE_FORMATS = ["text", "json", "csl", "bibtex"] as const;
export type CiteFormat = (typeof CITE_FORMATS)[number];

function readDocument(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a folder, not a file" : code === "EACCES" ? "permission denied" : (e as Error).message;
    throw new InputError(`cannot read ${path}: ${why}`);
  }
}

/** The JSON form: references, citations with their links, and counts. */
export function citeJson(file: string, a: CitationAnalysis) {
  return {
    file,
    section: a.section ? { heading: a.section.heading, start: a.section.start, end: a.section.end, entries: a.section.entries.length } : null,
    references: a.references,
    citations: a.links.map((l) => ({
      text: l.citation.text,
      start: l.citation.start,
      end: l.citation.end,
      kind: l.citation.kind,
      authors: l.citation.authors,
      etAl: l.citation.etAl,
      year: l.citation.year,
      ...(l.citation.locator ? { locator: l.citation.locator } : {}),
      ...(l.citation.prefix ? { prefix: l.citation.prefix } : {}),
      status: l.status,
      ...(l.reference ? { reference: l.reference, match: l.match } : {}),
      candidates: l.candidates,
      near: l.near,
      warnings: l.citation.warnings,
    })),
    summary: {
      references: a.references.length,
      citations: a.citations.length,
      linked: a.links.filter((l) => l.status === "linked").length,
      ambiguous: a.links.filter((l) => l.status === "ambiguous").length,
      unlinked: a.links.filter((l) => l.status === "unlinked").length,
    },
  };
}

const who = (r: Reference) => r.authors.map((p) => p.literal ?? p.family).join("; ") || "(no author)";
const yearText = (r: Reference) => (r.year ? `${r.year.original}${r.year.calendar === "solar-hijri" ? ` SH = ${r.year.gregorianYears.join("–")}${r.year.yearAmbiguous ? "?" : ""}` : ""}` : "n.d.");

export function citeCommand(file: string, opts: GlobalOptions & { format?: string }): void {
  const format = (opts.json ? "json" : (opts.format ?? "text")) as CiteFormat;
  const a = analyseCitations(readDocument(file));
  if (format === "json") return printJson(citeJson(file, a));
  if (format === "csl") return printJson(toCslJson(a.references));
  if (format === "bibtex") return void process.stdout.write(toBibtex(a.references));
  const s = citeJson(file, a).summary;
  print(a.section ? `References: ${s.references} entries under "${a.section.heading}" (characters ${a.section.start}–${a.section.end})` : "References: no references list found");
  for (const r of a.references) print(`  [${r.id}] ${who(r)} (${yearText(r)}) ${r.title ?? "(no title)"} — ${r.type}${r.doi ? `, doi:${r.doi}` : ""}`);
  print(`Citations: ${s.citations} found, ${s.linked} linked, ${s.ambiguous} ambiguous, ${s.unlinked} unlinked`);
  for (const l of a.links) {
    const c = l.citation;
    const to = l.status === "linked" ? `→ ${l.reference} (${l.match!.name}, ${l.match!.year})` : l.status === "ambiguous" ? `? ${l.candidates.join(" | ")}` : `✗ unlinked${l.near.length ? `; near: ${l.near.map((n) => n.reference).join(", ")}` : ""}`;
    print(`  ${String(c.start).padStart(6)} ${JSON.stringify(c.text.replace(/\s+/g, " "))} ${to}`);
  }
}
