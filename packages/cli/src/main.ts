// The `diplograph` command line: import datasets, query actors, relations, events and claims, review, export.
import { Command, InvalidArgumentError, Option } from "commander";
import { DiplographError, SOURCE_TYPES } from "@diplograph/model";
import { registerAnalyse } from "./commands/analyse/index.js";
import { actorsListCommand, actorsShowCommand } from "./commands/actors.js";
import { CITE_FORMATS, citeCommand } from "./commands/cite.js";
import { claimsListCommand, claimsReviewCommand } from "./commands/claims.js";
import { EXPORT_FORMATS, exportCommand } from "./commands/export.js";
import { extractCommand } from "./commands/extract.js";
import { importCommand } from "./commands/import.js";
import { ingestCommand, type IngestCommandOptions } from "./commands/ingest.js";
import { eventsCommand, relationsCommand } from "./commands/relations.js";
import { serveCommand } from "./commands/serve.js";
import { statsCommand } from "./commands/stats.js";
import type { GlobalOptions } from "./context.js";

const int = (name: string) => (v: string) => {
  if (!/^\d+$/.test(v)) throw new InvalidArgumentError(`${name} takes a whole number`);
  return Number(v);
};

const program = new Command("diplograph")
  .description("Multi-track diplomacy workbench: actors, relations, events and agreements, each traced to its source passage.")
  .version("0.1.0", "--version", "print the version")
  .option("--db <path-or-url>", "SQLite file or postgres:// URL (default: $DIPLOGRAPH_DB or ./diplograph.db)")
  .option("--json", "print machine-readable JSON instead of text")
  .showHelpAfterError()
  .configureOutput({ outputError: (s, write) => write(s.startsWith("error:") ? `diplograph: ${s}` : s) });

const global = (cmd: Command): GlobalOptions => cmd.optsWithGlobals();
const paging = (c: Command) =>
  c.option("--limit <n>", "at most this many results (default 100)", int("--limit")).option("--offset <n>", "skip this many results", int("--offset"));

program
  .command("import")
  .description("validate a dataset folder (or a JSON export) and merge it into the database; writes nothing if anything is wrong")
  .argument("<path>", "dataset folder (see docs/dataset-format.md) or JSON export file")
  .option("--dry-run", "validate only")
  .option("--quiet", "no progress lines")
  .action((path: string, _o, cmd: Command) => importCommand(path, global(cmd)));

program
  .command("ingest")
  .description(
    "store documents (text, Markdown, HTML, PDF text layer, DOCX) with their metadata and passages, and propose what the extraction pipeline finds as claims for review; an identical file is a no-op, a changed one a new version",
  )
  .argument("<files...>", "documents to ingest")
  .option("--id <id>", "the document's id across versions (one file; default: from the file name)")
  .option("--title <title>", "title (one file; default: from the file's metadata or its first heading)")
  .option("--author <name>", "an author (repeatable; default: from the file's metadata or a By:/Author(s): line)", (v: string, prev: string[] = []) => [...prev, v])
  .option("--date <date>", "publication date: YYYY[-MM[-DD]], or Solar Hijri (28 Dey 1403, 1403-10-28 SH)")
  .option("--language <code>", "language code (default: the file's metadata, else the language of most of its passages)")
  .option("--doi <doi>", "DOI (one file; default: the first DOI in the file)")
  .addOption(new Option("--type <type>", "source type (default other)").choices(Object.keys(SOURCE_TYPES.map)))
  .option("--dry-run", "read, split and extract only; write nothing")
  .option("--quiet", "no progress lines")
  .action((files: string[], _o, cmd: Command) => ingestCommand(files, global(cmd) as IngestCommandOptions));

program
  .command("extract")
  .description("what the extraction pipeline finds in each passage of a document (dates; entity mentions and events when linking and event proposals are installed); writes nothing")
  .argument("<file>", "a document (text, Markdown, HTML, PDF, DOCX)")
  .addHelpText("after", '\nWith --json: JSON Lines, one object per passage that yields anything:\n  {"start","end","mentions":[{"start","end","text","actor":{"id","name","kind","country"}}],\n   "dates":[{"start","end","text","value","precision","calendar"}],"events":[{"type","date","participants":[…]}]}\nOffsets are JavaScript string indexes into the document text (docs/ingest.md).')
  .action((file: string, _o, cmd: Command) => extractCommand(file, global(cmd)));

const actors = program.command("actors").description("list, search and show actors");
paging(
  actors
    .command("list", { isDefault: true })
    .description("list actors")
    .option("--kind <kind>", "only this actor kind")
    .option("--country <iso3>", "only actors of this country"),
).action((_o, cmd: Command) => actorsListCommand(undefined, global(cmd)));
paging(
  actors
    .command("search")
    .description("find actors by any name or alias, in any script (Persian, Arabic, Cyrillic, Latin)")
    .argument("<query>")
    .option("--kind <kind>", "only this actor kind")
    .option("--country <iso3>", "only actors of this country"),
).action((q: string, _o, cmd: Command) => actorsListCommand(q, global(cmd)));
actors
  .command("show")
  .description("one actor with its facts and the claims (quotes) behind each, its relations and events")
  .argument("<ref>", "id, alias or ISO 3166-1 alpha-3 code")
  .action((ref: string, _o, cmd: Command) => actorsShowCommand(ref, global(cmd)));

const filters = (c: Command) =>
  paging(
    c
      .option("--actor <ref>", "relations of this actor (id, alias or ISO code) and of its parts")
      .option("--direct", "with --actor: leave out the relations of the actor's parts")
      .option("--track <track>", "only this track")
      .option("--layer <layer>", "only this layer")
      .option("--from <date>", "only what may hold on or after this date (YYYY[-MM[-DD]])")
      .option("--to <date>", "only what may hold on or before this date"),
  );
filters(program.command("relations").description("list relations").option("--kind <kind>", "relation kind").option("--role <role>", "relation role")).action(
  (_o, cmd: Command) => relationsCommand(global(cmd)),
);
filters(program.command("events").description("list events").option("--type <type>", "event type")).action((_o, cmd: Command) => eventsCommand(global(cmd)));

const claims = program.command("claims").description("the claims behind every fact, and their review");
paging(
  claims
    .command("list", { isDefault: true })
    .description("list claims")
    .option("--status <status>", "proposed, accepted or rejected")
    .option("--target <type:id>", "claims about one record, e.g. actor:ipu or relation:rel-…")
    .option("--source <id>", "claims citing this source"),
).action((_o, cmd: Command) => claimsListCommand(global(cmd)));
for (const [verb, status] of [
  ["accept", "accepted"],
  ["reject", "rejected"],
] as const) {
  claims
    .command(verb)
    .description(`mark claims ${status}`)
    .argument("<ids...>")
    .option("--by <reviewer>", "who reviews (default $DIPLOGRAPH_USER or $USER)")
    .action((ids: string[], _o, cmd: Command) => claimsReviewCommand(status, ids, global(cmd)));
}

program
  .command("export")
  .description("export the database")
  .addOption(new Option("--format <format>", "output format").choices([...EXPORT_FORMATS]).makeOptionMandatory())
  .option("--out <path>", "file (folder for csv); default: standard output")
  .option("--no-events", "gexf/graphml: leave out edges between event participants")
  .action((_o, cmd: Command) => exportCommand(global(cmd) as GlobalOptions & { format: string }));

registerAnalyse(program);

program
  .command("cite")
  .description("a document's references list parsed into records and its in-text citations linked to them; or the list as CSL-JSON or BibTeX")
  .argument("<file>", "a UTF-8 text document")
  .addOption(new Option("--format <format>", "text (default), json (same as --json), csl (CSL-JSON) or bibtex").choices([...CITE_FORMATS]))
  .action((file: string, _o, cmd: Command) => citeCommand(file, global(cmd) as GlobalOptions & { format?: string }));

program
  .command("serve")
  .description(
    "serve the HTTP API (documented at /api/docs) and the web application; imports the seed dataset into an empty database first. On SQLite each process keeps the actors' names in memory for search (about 50 MB per 300,000 names; DIPLOGRAPH_NAME_INDEX=0 searches in SQL only)",
  )
  .option("--port <n>", "TCP port (default $DIPLOGRAPH_PORT or 8080; 0 picks a free one)", int("--port"))
  .option("--host <address>", "address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)")
  .option("--no-seed", "do not import the seed dataset into an empty database")
  .option("--web <dir>", "the web application's build to serve (default packages/web/dist)")
  .option("--workers <n>", "server processes sharing the port: a number, or auto for one per core (default 1)", (v: string) => {
    if (v === "auto") return v;
    if (!/^\d+$/.test(v) || Number(v) < 1) throw new InvalidArgumentError("--workers takes a whole number from 1, or auto");
    return Number(v);
  })
  .action((_o, cmd: Command) => serveCommand(global(cmd)));

program
  .command("stats")
  .description("what the database holds")
  .action((_o, cmd: Command) => statsCommand(global(cmd)));

// A reader that stops early (`diplograph export … | head`) is not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof DiplographError) {
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  }
  process.stderr.write(`diplograph: internal error (please report it): ${(e as Error)?.stack ?? String(e)}\n`);
  process.exit(70);
});
