// `diplograph ingest FILE…`: store documents as versions with their passages, and the pipeline's proposals for review.
import { existsSync, rmSync } from "node:fs";
import { ingestDocuments, type IngestProgress, type IngestSummary } from "@diplograph/ingest";
import { parseLocation } from "@diplograph/store";
import type { SourceType } from "@diplograph/model";
import { print, printJson, withStore, type GlobalOptions } from "../context.js";
import { table } from "../format.js";

export interface IngestCommandOptions extends GlobalOptions {
  id?: string;
  title?: string;
  author?: string[];
  date?: string;
  language?: string;
  doi?: string;
  type?: SourceType;
  dryRun?: boolean;
  quiet?: boolean;
}

/** Progress on stderr: files done, passages, passages per second and time left; a line every 2 s (in place on a terminal). */
function progressReporter(quiet: boolean): (p: IngestProgress) => void {
  const started = Date.now();
  let last = started;
  let shown = false;
  const tty = process.stderr.isTTY;
  return (p) => {
    const now = Date.now();
    const finished = p.files >= p.totalFiles;
    if (quiet || p.totalFiles < 2) return;
    if (!finished && now - last < (tty ? 200 : 2000)) return;
    // A short run shows only its last line, and only when there were many files.
    if (finished && !shown && p.totalFiles < 20) return;
    last = now;
    shown = true;
    const secs = Math.max((now - started) / 1000, 1e-3);
    const left = ((p.totalFiles - p.files) * secs) / p.files;
    const msg = `ingest: ${p.files.toLocaleString("en-US")}/${p.totalFiles.toLocaleString("en-US")} files, ${p.passages.toLocaleString("en-US")} passages, ${Math.round(p.passages / secs).toLocaleString("en-US")} passages/s, ${finished ? `read in ${secs.toFixed(1)} s` : `${left.toFixed(0)} s left`}`;
    process.stderr.write(tty ? `\r\x1b[K${msg}${finished ? "\n" : ""}` : `${msg}\n`);
  };
}

export async function ingestCommand(files: string[], opts: IngestCommandOptions): Promise<void> {
  const loc = parseLocation(opts.db);
  const created = loc.kind === "sqlite" && loc.path !== ":memory:" && !existsSync(loc.path);
  const started = Date.now();
  let summary: IngestSummary;
  try {
    summary = await withStore(
      opts,
      (store) =>
        ingestDocuments(store, files, {
          ...(opts.id !== undefined ? { id: opts.id } : {}),
          ...(opts.title !== undefined ? { title: opts.title } : {}),
          ...(opts.author?.length ? { authors: opts.author } : {}),
          ...(opts.date !== undefined ? { date: opts.date } : {}),
          ...(opts.language !== undefined ? { language: opts.language } : {}),
          ...(opts.doi !== undefined ? { doi: opts.doi } : {}),
          ...(opts.type !== undefined ? { type: opts.type } : {}),
          dryRun: Boolean(opts.dryRun),
          onProgress: progressReporter(Boolean(opts.quiet)),
        }),
      false,
    );
  } catch (e) {
    // A failed ingest into a database that did not exist leaves no empty database behind.
    if (created && loc.kind === "sqlite") for (const suffix of ["", "-wal", "-shm"]) rmSync(loc.path + suffix, { force: true });
    throw e;
  }
  const seconds = (Date.now() - started) / 1000;
  if (opts.json) return printJson({ ...summary, seconds });
  const verb = opts.dryRun ? "Checked" : "Ingested";
  const changed = summary.files.filter((f) => f.status !== "unchanged").length;
  print(`${verb} ${summary.files.length} file${summary.files.length === 1 ? "" : "s"} (${summary.passages.toLocaleString("en-US")} passages) in ${seconds.toFixed(1)} s`);
  print(
    table(
      ["file", "document", "version", "status", "format", "language", "passages", "dates", "events", "actors", "title"],
      summary.files.map((f) => [f.file, f.documentId, f.version, f.status, f.format, f.language, f.passages, f.dates, f.undated ? `${f.events} + ${f.undated} undated` : f.events, f.actors, f.title]),
    ),
  );
  for (const f of summary.files) for (const w of f.warnings) process.stderr.write(`diplograph: warning: ${f.file}: ${w}\n`);
  if (!opts.dryRun && changed === 0) print("Nothing changed: the database already holds these files.");
}
