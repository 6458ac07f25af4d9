// Importing a dataset: read, validate everything, resolve references, locate quotes, and write only if all is well.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import type { z } from "zod";
import {
  DatasetError,
  normalizeName,
  type Actor,
  type Agreement,
  type Concept,
  type DatasetIssue,
  type Event,
  type Relation,
  type TargetType,
} from "@diplograph/model";
import type { SourceWithText, Store, WriteResult, WriteSet, Writer } from "@diplograph/store";
import {
  Manifest,
  RECORD_TYPES,
  type ActorInput,
  type AgreementInput,
  type ConceptInput,
  type EventInput,
  type INPUT_SCHEMAS,
  type RecordType,
  type RelationInput,
  type SourceInput,
  type StandaloneClaimInput,
} from "./format.js";
import { ActorIndex, RecordBuilder, type Parsed } from "./builder.js";
import { QuoteIndex } from "./quotes.js";
import { readDataset, type RecordLoc } from "./read.js";
import { tablesInWorker, workerWanted } from "./pipeline.js";

/** `import`: rows validated and written; `indexes`: rebuilding the indexes a bulk import deferred (done = 0 of 1). */
export type ImportPhase = "import" | "indexes";

export interface ImportOptions {
  /** Called as work advances; `total` is known for each phase. */
  onProgress?: (phase: ImportPhase, done: number, total: number) => void;
  /** How file paths appear in messages (default: relative to the working directory). */
  display?: (path: string) => string;
  /** Validate only; write nothing. */
  dryRun?: boolean;
}

export interface ImportSummary {
  dataset: string;
  path: string;
  files: number;
  records: Record<RecordType, number>;
  result: WriteResult | null;
}

export async function importDataset(store: Store, path: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const display = options.display ?? ((p: string) => relative(process.cwd(), p) || p);
  const progress = options.onProgress;
  if (!existsSync(path)) throw new DatasetError([{ file: display(path), message: "no such file or folder" }]);
  const root = statSync(path).isDirectory() ? path : dirname(path);

  const timing = process.env.DIPLOGRAPH_TIMING ? { t: performance.now() } : undefined;
  const lap = (label: string) => {
    if (!timing) return;
    const now = performance.now();
    process.stderr.write(`  ${label}: ${(now - timing.t).toFixed(0)} ms, heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB\n`);
    timing.t = now;
  };
  const read = readDataset(path, display);
  lap("read files");
  const issues: DatasetIssue[] = [...read.issues];
  const report = (loc: RecordLoc, fieldPath: ReadonlyArray<PropertyKey>, message: string) =>
    issues.push({ file: loc.file, line: loc.lineOf(fieldPath), field: loc.field(fieldPath) || undefined, message });

  // ---- manifest ----
  let manifest: z.infer<typeof Manifest> = { name: "import", defaults: { status: "proposed", confidence: 0.8 } };
  if (statSync(path).isDirectory() && !read.manifest) {
    issues.push({ file: display(resolve(path, "dataset.yaml")), message: "missing manifest dataset.yaml (name and claim defaults; see docs/dataset-format.md)" });
  } else if (read.manifest) {
    const m = Manifest.safeParse(read.manifest.value);
    if (m.success) manifest = m.data;
    else for (const i of m.error.issues) report(read.manifest.loc, i.path as PropertyKey[], i.message);
  }
  const defaults = { status: manifest.defaults.status, confidence: manifest.defaults.confidence, author: manifest.defaults.author ?? manifest.name };

  // The builder's references are filled in below, once the records that define them are read.
  const now = new Date().toISOString();
  const quoteIndexes = new Map<string, QuoteIndex | null>();
  const actorIndex = new ActorIndex();
  const builder = new RecordBuilder(
    {
      defaults,
      now,
      actorIndex,
      newSourceIds: new Set(),
      storedSources: new Set(),
      agreementIds: new Set(),
      quoteIndexes,
      fetchTexts: (ids) => store.sourceTexts(ids),
    },
    issues,
  );

  // ---- schema validation ----
  const parsed: { [K in RecordType]: Parsed<z.infer<(typeof INPUT_SCHEMAS)[K]>>[] } = {
    sources: [],
    actors: [],
    agreements: [],
    concepts: [],
    relations: [],
    events: [],
    claims: [],
  };
  for (const rec of read.records) {
    const p = builder.validate(rec);
    if (p) (parsed[rec.type] as Parsed<unknown>[]).push(p);
  }
  lap("schema validation");

  // ---- ids: unique within the import ----
  for (const p of parsed.sources) builder.checkId("sources", p.data.id, p.loc);
  for (const p of parsed.actors) builder.checkId("actors", p.data.id, p.loc);
  for (const p of parsed.agreements) builder.checkId("agreements", p.data.id, p.loc);
  for (const p of parsed.concepts) builder.checkId("concepts", p.data.id, p.loc);
  // Relations may point at actors or agreements, so the two share one id space.
  const storedActorIds = await store.ids("actors");
  for (const p of parsed.agreements) {
    const actor = builder.seen.get(`actors:${p.data.id}`);
    if (actor || storedActorIds.has(p.data.id)) report(p.loc, ["id"], `agreement id "${p.data.id}" is already an actor's id${actor ? ` (${actor.file}, line ${actor.line()})` : ""}`);
  }

  // ---- sources and their texts ----
  const sources: SourceWithText[] = [];
  for (const { data, loc } of parsed.sources as Parsed<SourceInput>[]) {
    const src: SourceWithText = { ...data };
    if (data.text !== undefined) {
      const sha = createHash("sha256").update(data.text, "utf8").digest("hex");
      if (data.sha256 && data.sha256 !== sha) report(loc, ["sha256"], `does not match the text (its SHA-256 is ${sha})`);
      src.sha256 = sha;
      quoteIndexes.set(data.id, new QuoteIndex(data.text));
    } else if (data.file) {
      const file = resolve(root, data.file);
      if (!existsSync(file)) {
        report(loc, ["file"], `document file ${data.file} not found (paths are relative to the dataset folder)`);
      } else {
        const text = readFileSync(file, "utf8").replace(/^\ufeff/, "");
        // The hash is of the text as stored (UTF-8, no byte-order mark), so a JSON export's inline text matches it.
        const sha = createHash("sha256").update(text, "utf8").digest("hex");
        if (data.sha256 && data.sha256 !== sha) report(loc, ["sha256"], `does not match the file ${data.file} (its SHA-256 is ${sha})`);
        src.text = text;
        src.sha256 = sha;
        quoteIndexes.set(data.id, new QuoteIndex(text));
      }
    }
    if (!quoteIndexes.has(data.id)) quoteIndexes.set(data.id, null);
    sources.push(src);
  }
  for (const s of sources) builder.state.newSourceIds.add(s.id);

  // ---- references: stored records plus this import ----
  for (const n of await store.nameIndex()) {
    actorIndex.addId(n.actor_id);
    if (n.kind === "iso3") actorIndex.addIso(n.name, n.actor_id);
    else actorIndex.addName(n.norm, n.actor_id);
  }
  for (const { data } of parsed.actors as Parsed<ActorInput>[]) {
    actorIndex.addId(data.id);
    actorIndex.addName(normalizeName(data.name), data.id);
    for (const a of data.aliases) actorIndex.addName(normalizeName(a.name), data.id);
    if (data.kind === "state" && data.country) actorIndex.addIso(data.country, data.id);
  }
  builder.state.storedSources = await store.ids("sources");
  const agreementIds = new Set([...(await store.ids("agreements")), ...(parsed.agreements as Parsed<AgreementInput>[]).map((p) => p.data.id)]);
  builder.state.agreementIds = agreementIds;
  const conceptIds = new Set([...(await store.ids("concepts")), ...(parsed.concepts as Parsed<ConceptInput>[]).map((p) => p.data.id)]);
  const relationIds = await store.ids("relations");
  const eventIds = await store.ids("events");
  lap("sources, name index");

  // ---- records ----
  const actors: Actor[] = [];
  for (const { data, loc } of parsed.actors as Parsed<ActorInput>[]) {
    if (data.country === undefined && data.kind === "state") report(loc, ["country"], "a state needs its ISO 3166-1 alpha-3 code");
    actors.push({
      id: data.id,
      kind: data.kind,
      name: data.name,
      aliases: data.aliases,
      ...(data.country ? { country: data.country } : {}),
      externalIds: { ...(data.externalIds ?? {}), ...data.ids },
      ...(data.description ? { description: data.description } : {}),
    });
    builder.addClaims({ type: "actor", id: data.id }, data.claims, loc, ["claims"]);
  }

  const agreements: Agreement[] = [];
  for (const { data, loc } of parsed.agreements as Parsed<AgreementInput>[]) {
    const { claims: list, adoptedBy, ...rest } = data;
    const a: Agreement = { ...rest };
    if (adoptedBy !== undefined) {
      const id = builder.resolveActor(loc, ["adoptedBy"], adoptedBy);
      if (id) a.adoptedBy = id;
    }
    agreements.push(a);
    builder.addClaims({ type: "agreement", id: data.id }, list, loc, ["claims"]);
  }

  const concepts: Concept[] = [];
  for (const { data, loc } of parsed.concepts as Parsed<ConceptInput>[]) {
    const { claims: list, ...rest } = data;
    if (rest.parent !== undefined && !conceptIds.has(rest.parent)) report(loc, ["parent"], `unknown concept "${rest.parent}"`);
    concepts.push(rest);
    builder.addClaims({ type: "concept", id: data.id }, list, loc, ["claims"]);
  }

  const relations: Relation[] = [];
  for (const p of parsed.relations as Parsed<RelationInput>[]) {
    const r = builder.relationOf(p, true);
    if (r) relations.push(r);
  }
  const events: Event[] = [];
  for (const p of parsed.events as Parsed<EventInput>[]) {
    const e = builder.eventOf(p, true);
    if (e) events.push(e);
  }
  await builder.verifyQuotes();
  const first: WriteSet = { sources, actors, agreements, concepts, relations, events, claims: builder.claimSink };
  builder.claimSink = [];
  lap("records");

  const counts = Object.fromEntries(RECORD_TYPES.map((t) => [t, first[t].length])) as Record<RecordType, number>;
  const tableRows = read.tables.reduce((n, t) => n + t.size, 0);
  const total = RECORD_TYPES.reduce((n, t) => n + first[t].length, 0) + tableRows + parsed.claims.length;
  let done = 0;
  const tick = (n: number) => {
    done += n;
    progress?.("import", done, total);
  };
  // Ids made by a worker thread, when standalone claims need them (see below).
  let workerIds: { relations: Set<string>; events: Set<string> } | undefined;

  /** Everything after the records above: large tables in chunks, then standalone claims; writes while all is well. */
  const rest = async (w: Writer | undefined) => {
    if (w && issues.length === 0) await w.write(first);
    tick(done === 0 ? RECORD_TYPES.reduce((n, t) => n + first[t].length, 0) : 0);
    const t0 = performance.now();
    if (read.tables.length && workerWanted(tableRows)) {
      // Parsing and validation on a worker thread, writing here: the two cores work at once.
      const r = await tablesInWorker(read.tables, builder, {
        write: Boolean(w) && issues.length === 0,
        needIds: parsed.claims.length > 0,
        fetchTexts: (ids) => store.sourceTexts(ids),
        onChunk: async (chunk) => {
          for (const i of chunk.issues) issues.push(i);
          counts[chunk.type] += chunk.records;
          counts.claims += chunk.claims;
          if (w && issues.length === 0 && chunk.rows) for (const p of chunk.rows) await w.writePacked(p.main, p.children);
          tick(chunk.size);
        },
      });
      if (r.ids) {
        for (const id of r.ids.claims) builder.claimIds.add(id);
        workerIds = { relations: new Set(r.ids.relations), events: new Set(r.ids.events) };
      }
      if (timing) process.stderr.write(`  large tables (worker thread): main thread busy writing ${r.writing.toFixed(0)} ms, waiting ${r.waiting.toFixed(0)} ms; worker ${Object.entries(r.worker).map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(", ")}\n`);
    } else {
      let validating = 0;
      let writing = 0;
      for (const table of read.tables) {
        let t1 = performance.now();
        for (const rows of table.chunks((issue) => issues.push(issue))) {
          const { records, claims } = await builder.tableChunk(table, rows);
          counts[table.type] += records.length;
          counts.claims += claims.length;
          const t2 = performance.now();
          validating += t2 - t1;
          if (w && issues.length === 0) await w.write({ [table.type]: records, claims });
          t1 = performance.now();
          writing += t1 - t2;
          tick(rows.length);
        }
      }
      if (timing) process.stderr.write(`  large tables: parsing and validating ${validating.toFixed(0)} ms, writing ${writing.toFixed(0)} ms\n`);
    }
    if (timing && read.tables.length) process.stderr.write(`  large tables: ${(performance.now() - t0).toFixed(0)} ms\n`);
    lap("large tables");
    const hasId = (type: "relations" | "events", stored: Set<string>) => (id: string) =>
      stored.has(id) || builder.seen.has(`${type}:${id}`) || builder.streamed[type].has(id) || Boolean(workerIds?.[type].has(id));
    const exists: Record<TargetType, (id: string) => boolean> = {
      actor: () => true,
      agreement: (id) => agreementIds.has(id),
      concept: (id) => conceptIds.has(id),
      relation: hasId("relations", relationIds),
      event: hasId("events", eventIds),
    };
    for (const { data, loc } of parsed.claims as Parsed<StandaloneClaimInput>[]) {
      const { target, ...claim } = data;
      let targetId: string | undefined = target.id;
      if (target.type === "actor") targetId = builder.resolveActor(loc, ["target", "id"], target.id);
      else if (!exists[target.type](target.id)) {
        report(loc, ["target", "id"], `unknown ${target.type} "${target.id}"`);
        targetId = undefined;
      }
      if (targetId) builder.addClaims({ type: target.type, id: targetId }, [claim], loc, []);
    }
    await builder.verifyQuotes();
    const standalone = builder.claimSink;
    builder.claimSink = [];
    counts.claims += standalone.length;
    if (w && issues.length === 0) await w.write({ claims: standalone });
    tick(parsed.claims.length);
    if (issues.length) {
      issues.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
      throw new DatasetError(issues);
    }
  };

  const summary: ImportSummary = { dataset: manifest.name, path: display(path), files: read.files.length, records: counts, result: null };
  if (options.dryRun) {
    await rest(undefined);
    return summary;
  }
  // Nothing is written once a problem is found, and the session rolls back when the import throws.
  const { result } = await store.writeSession({ expectedRows: total, onIndexing: () => progress?.("indexes", 0, 1) }, rest);
  lap("write");
  if (result.wrote) await store.recordImport({ dataset: manifest.name, path: resolve(path), startedAt: now, result });
  summary.result = result;
  return summary;
}
