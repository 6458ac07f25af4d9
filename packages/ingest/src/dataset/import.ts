// Importing a dataset: read, validate everything, resolve references, locate quotes, and write only if all is well.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import type { z } from "zod";
import {
  DatasetError,
  RELATION_KINDS,
  hashParts,
  isIso3,
  normalizeName,
  relationRuleIssues,
  type Actor,
  type Agreement,
  type Claim,
  type Concept,
  type DatasetIssue,
  type Event,
  type Relation,
  type TargetType,
} from "@diplograph/model";
import type { SourceWithText, Store, WriteResult, WriteSet, Writer } from "@diplograph/store";
import {
  INPUT_SCHEMAS,
  Manifest,
  RECORD_TYPES,
  type ActorInput,
  type AgreementInput,
  type ClaimInput,
  type ConceptInput,
  type EventInput,
  type RecordType,
  type RelationInput,
  type SourceInput,
  type StandaloneClaimInput,
} from "./format.js";
import { DateCache, fastEvent, fastRelation } from "./fast.js";
import { QuoteIndex } from "./quotes.js";
import { fieldCountProblem, readDataset, type RawRecord, type RecordLoc } from "./read.js";
import { readClaimValue } from "./values.js";

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

interface Parsed<T> {
  data: T;
  loc: RecordLoc;
}

/** An index of actor names (stored and new) for resolving references. */
class ActorIndex {
  private readonly ids = new Set<string>();
  private readonly byIso = new Map<string, Set<string>>();
  private readonly byName = new Map<string, Set<string>>();

  addId(id: string): void {
    this.ids.add(id);
  }
  addName(norm: string, id: string): void {
    if (!norm) return;
    let s = this.byName.get(norm);
    if (!s) this.byName.set(norm, (s = new Set()));
    s.add(id);
  }
  addIso(iso: string, id: string): void {
    let s = this.byIso.get(iso);
    if (!s) this.byIso.set(iso, (s = new Set()));
    s.add(id);
  }
  has(id: string): boolean {
    return this.ids.has(id);
  }
  resolve(ref: string): string | { error: string } {
    if (this.ids.has(ref)) return ref;
    if (/^[A-Z]{3}$/.test(ref)) {
      const s = this.byIso.get(ref);
      if (s?.size === 1) return [...s][0]!;
      if (s && s.size > 1) return { error: `"${ref}" names more than one state: ${[...s].sort().join(", ")}` };
      if (!isIso3(ref)) return { error: `"${ref}" is not an ISO 3166-1 alpha-3 code or an actor id` };
    }
    const s = this.byName.get(normalizeName(ref));
    if (s?.size === 1) return [...s][0]!;
    if (s && s.size > 1) return { error: `"${ref}" names more than one actor: ${[...s].sort().join(", ")}; use an id` };
    return { error: `unknown actor "${ref}" (not an id, ISO code or alias of any actor in the dataset or the database)` };
  }
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

  // ---- schema validation ----
  function validate<T extends RecordType>(rec: RawRecord & { type: T }): Parsed<z.infer<(typeof INPUT_SCHEMAS)[T]>> | undefined {
    const fields = fieldCountProblem(rec.value);
    if (fields) {
      issues.push({ file: rec.loc.file, line: rec.loc.line(), message: fields });
      return undefined;
    }
    const r = INPUT_SCHEMAS[rec.type].safeParse(rec.value);
    if (r.success) return { data: r.data as z.infer<(typeof INPUT_SCHEMAS)[T]>, loc: rec.loc };
    for (const i of r.error.issues) report(rec.loc, i.path as PropertyKey[], describeZodIssue(i));
    return undefined;
  }
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
    const p = validate(rec);
    if (p) (parsed[rec.type] as Parsed<unknown>[]).push(p);
  }
  lap("schema validation");

  // ---- ids: unique within the import ----
  const seen = new Map<string, RecordLoc>();
  /** Ids of rows of large tables: kept without their locations, which would hold a million closures. */
  const streamed = { relations: new Set<string>(), events: new Set<string>() };
  const checkId = (type: RecordType, id: string, loc: RecordLoc, keepLoc = true) => {
    const key = `${type}:${id}`;
    const first = seen.get(key);
    const kind = type.replace(/s$/, "");
    if (first) report(loc, ["id"], `duplicate ${kind} id "${id}" (first defined in ${first.file}, line ${first.line()})`);
    else if ((type === "relations" || type === "events") && streamed[type].has(id)) report(loc, ["id"], `duplicate ${kind} id "${id}" (defined earlier in this import)`);
    else if (keepLoc) seen.set(key, loc);
    else if (type === "relations" || type === "events") streamed[type].add(id);
  };
  for (const p of parsed.sources) checkId("sources", p.data.id, p.loc);
  for (const p of parsed.actors) checkId("actors", p.data.id, p.loc);
  for (const p of parsed.agreements) checkId("agreements", p.data.id, p.loc);
  for (const p of parsed.concepts) checkId("concepts", p.data.id, p.loc);
  // Relations may point at actors or agreements, so the two share one id space.
  const storedActorIds = await store.ids("actors");
  for (const p of parsed.agreements) {
    const actor = seen.get(`actors:${p.data.id}`);
    if (actor || storedActorIds.has(p.data.id)) report(p.loc, ["id"], `agreement id "${p.data.id}" is already an actor's id${actor ? ` (${actor.file}, line ${actor.line()})` : ""}`);
  }

  // ---- sources and their texts ----
  const quoteIndexes = new Map<string, QuoteIndex | null>();
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
  const newSourceIds = new Set(sources.map((s) => s.id));

  // ---- references: stored records plus this import ----
  const actorIndex = new ActorIndex();
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
  const storedSources = await store.ids("sources");
  const agreementIds = new Set([...(await store.ids("agreements")), ...(parsed.agreements as Parsed<AgreementInput>[]).map((p) => p.data.id)]);
  const conceptIds = new Set([...(await store.ids("concepts")), ...(parsed.concepts as Parsed<ConceptInput>[]).map((p) => p.data.id)]);
  const relationIds = await store.ids("relations");
  const eventIds = await store.ids("events");
  const citedStoredSources = new Set<string>();
  lap("sources, name index");

  const resolveActor = (loc: RecordLoc, path: PropertyKey[], ref: string): string | undefined => {
    const r = actorIndex.resolve(ref);
    if (typeof r === "string") return r;
    report(loc, path, r.error);
    return undefined;
  };

  // ---- claims: collected into the current sink, their quotes checked once the sink's records are built ----
  const now = new Date().toISOString();
  let claimSink: Claim[] = [];
  const claimIds = new Set<string>();
  const startGiven = new Map<Claim, number>();
  let pendingQuotes: Array<{ claim: Claim; loc: RecordLoc; path: PropertyKey[]; quote: string }> = [];

  const addClaims = (target: { type: TargetType; id: string }, list: ClaimInput[], loc: RecordLoc, basePath: PropertyKey[]) => {
    for (let i = 0; i < list.length; i++) {
      const c = list[i]!;
      const at = (...rest: PropertyKey[]) => [...basePath, i, ...rest];
      if (!newSourceIds.has(c.source)) {
        if (storedSources.has(c.source)) citedStoredSources.add(c.source);
        else {
          report(loc, at("source"), `unknown source "${c.source}"`);
          continue;
        }
      }
      if (c.start === undefined && c.end !== undefined) {
        report(loc, at("start"), "end needs a start");
        continue;
      }
      if (c.start !== undefined && c.end === undefined && (c.quote === undefined || quoteIndexes.get(c.source) === null)) {
        report(loc, at("end"), "without a document text to find the quote in, give both start and end");
        continue;
      }
      if (c.start !== undefined && c.end !== undefined && c.start >= c.end) {
        report(loc, at("end"), "end must be after start");
        continue;
      }
      if (c.quote === undefined && c.page === undefined) {
        report(loc, at("quote"), "a claim needs a quote (or a page)");
        continue;
      }
      if (c.asserts && (c.property || c.value !== undefined)) {
        report(loc, at("asserts"), "use either asserts or property/value, not both");
        continue;
      }
      if (c.value !== undefined && !c.property) {
        report(loc, at("value"), "a value needs a property");
        continue;
      }
      const entries: Array<[string | undefined, unknown, () => PropertyKey[]]> = c.asserts
        ? Object.entries(c.asserts).map(([k, v]) => [k, v, () => at("asserts", k)])
        : [[c.property, c.value, () => at("value")]];
      for (const [property, raw, valuePath] of entries) {
        let value: Claim["value"];
        if (property !== undefined && raw !== undefined) {
          const v = readClaimValue(property, raw, (ref) => actorIndex.resolve(ref));
          if ("error" in v) {
            report(loc, [...valuePath(), ...(v.path ?? [])], v.error);
            continue;
          }
          value = v.value;
        } else if (property !== undefined && raw === undefined && c.asserts === undefined) {
          report(loc, valuePath(), `property ${property} needs a value`);
          continue;
        }
        const qualifiers = c.qualifiers ?? {};
        const id =
          c.id && entries.length === 1
            ? c.id
            : c.id
              ? `${c.id}.${property}`
              : `c-${hashParts([target.type, target.id, property, c.qualifiers ? JSON.stringify(qualifiers) : "", c.source, c.start, c.page, c.quote, value === undefined ? "" : JSON.stringify(value)])}`;
        if (claimIds.has(id)) {
          report(loc, at(), `duplicate claim "${id}" (the same claim is made twice in this import)`);
          continue;
        }
        claimIds.add(id);
        const claim: Claim = {
          id,
          target,
          ...(property !== undefined ? { property } : {}),
          ...(value !== undefined ? { value } : {}),
          qualifiers,
          source: c.source,
          locator: {
            ...(c.start !== undefined && c.end !== undefined ? { start: c.start, end: c.end } : {}),
            ...(c.quote !== undefined ? { quote: c.quote } : {}),
            ...(c.page !== undefined ? { page: c.page } : {}),
          },
          status: c.status ?? defaults.status,
          confidence: c.confidence ?? defaults.confidence,
          author: c.author ?? defaults.author,
          createdAt: now,
          updatedAt: now,
          ...(c.note !== undefined ? { note: c.note } : {}),
        };
        claimSink.push(claim);
        if (c.quote !== undefined) pendingQuotes.push({ claim, loc, path: at("quote"), quote: c.quote });
        if (c.start !== undefined && c.end === undefined) startGiven.set(claim, c.start);
      }
    }
  };

  /** Each pending quote must stand in its document: record the exact span, or report where it went wrong. */
  const verifyQuotes = async () => {
    if (citedStoredSources.size) {
      const missing = [...citedStoredSources].filter((id) => !quoteIndexes.has(id));
      for (const [id, text] of await store.sourceTexts(missing)) quoteIndexes.set(id, text === null ? null : new QuoteIndex(text));
    }
    for (const { claim, loc, path: fieldPath, quote } of pendingQuotes) {
      const index = quoteIndexes.get(claim.source);
      if (!index) continue; // no text to check against: the quote is kept as given
      const spans = index.find(quote);
      const given = claim.locator.start ?? startGiven.get(claim);
      if (spans.length === 0) {
        report(loc, fieldPath, `quote not found in source ${claim.source}: "${quote.length > 80 ? `${quote.slice(0, 77)}...` : quote}"`);
        continue;
      }
      let span = spans[0]!;
      if (given !== undefined) {
        const match = spans.find((s) => s.start === given && (claim.locator.end === undefined || s.end === claim.locator.end));
        if (!match) {
          report(loc, fieldPath, `the quote is not at ${given}${claim.locator.end !== undefined ? `-${claim.locator.end}` : ""} of source ${claim.source}; it occurs at ${spans.map((s) => s.start).join(", ")}`);
          continue;
        }
        span = match;
      } else if (spans.length > 1) {
        report(loc, fieldPath, `the quote occurs ${spans.length} times in source ${claim.source} (at ${spans.map((s) => s.start).join(", ")}); give start to choose one`);
        continue;
      }
      claim.locator = { ...claim.locator, start: span.start, end: span.end, quote: index.text.slice(span.start, span.end) };
    }
    pendingQuotes = [];
    startGiven.clear();
  };

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
    addClaims({ type: "actor", id: data.id }, data.claims, loc, ["claims"]);
  }

  const agreements: Agreement[] = [];
  for (const { data, loc } of parsed.agreements as Parsed<AgreementInput>[]) {
    const { claims: list, adoptedBy, ...rest } = data;
    const a: Agreement = { ...rest };
    if (adoptedBy !== undefined) {
      const id = resolveActor(loc, ["adoptedBy"], adoptedBy);
      if (id) a.adoptedBy = id;
    }
    agreements.push(a);
    addClaims({ type: "agreement", id: data.id }, list, loc, ["claims"]);
  }

  const concepts: Concept[] = [];
  for (const { data, loc } of parsed.concepts as Parsed<ConceptInput>[]) {
    const { claims: list, ...rest } = data;
    if (rest.parent !== undefined && !conceptIds.has(rest.parent)) report(loc, ["parent"], `unknown concept "${rest.parent}"`);
    concepts.push(rest);
    addClaims({ type: "concept", id: data.id }, list, loc, ["claims"]);
  }

  const relationOf = ({ data, loc }: Parsed<RelationInput>, keepLoc: boolean): Relation | undefined => {
    const { claims: list, from, to, id: givenId, ...body } = data;
    const fromId = resolveActor(loc, ["from"], from);
    let toId: string | undefined;
    if (RELATION_KINDS.map[data.kind].target === "agreement") {
      if (agreementIds.has(to)) toId = to;
      else report(loc, ["to"], `unknown agreement "${to}" (kind ${data.kind} links to an agreement)`);
    } else toId = resolveActor(loc, ["to"], to);
    for (const rule of relationRuleIssues(data)) report(loc, rule.path, rule.message);
    if (!fromId || !toId) return undefined;
    const id =
      givenId ??
      `rel-${hashParts([data.kind, fromId, toId, data.role, data.start?.start, data.end?.start, data.signed?.start, data.ratified?.start])}`;
    checkId("relations", id, loc, keepLoc);
    relationIds.add(id);
    addClaims({ type: "relation", id }, list, loc, ["claims"]);
    return { id, ...body, from: fromId, to: toId };
  };

  const eventOf = ({ data, loc }: Parsed<EventInput>, keepLoc: boolean): Event | undefined => {
    const { claims: list, participants, id: givenId, ...body } = data;
    const resolved: Event["participants"] = [];
    let ok = true;
    for (let i = 0; i < participants.length; i++) {
      const p = participants[i]!;
      const id = resolveActor(loc, ["participants", i], p.actor);
      if (id) resolved.push({ actor: id, role: p.role });
      else ok = false;
    }
    if (body.agreement !== undefined && !agreementIds.has(body.agreement)) {
      report(loc, ["agreement"], `unknown agreement "${body.agreement}"`);
      ok = false;
    }
    if (!ok) return undefined;
    const id = givenId ?? `ev-${hashParts([data.type, data.date.start, data.date.end, data.title, resolved.map((p) => `${p.actor}:${p.role}`).join(",")])}`;
    checkId("events", id, loc, keepLoc);
    eventIds.add(id);
    addClaims({ type: "event", id }, list, loc, ["claims"]);
    return { id, ...body, participants: resolved };
  };

  const relations: Relation[] = [];
  for (const p of parsed.relations as Parsed<RelationInput>[]) {
    const r = relationOf(p, true);
    if (r) relations.push(r);
  }
  const events: Event[] = [];
  for (const p of parsed.events as Parsed<EventInput>[]) {
    const e = eventOf(p, true);
    if (e) events.push(e);
  }
  await verifyQuotes();
  const first: WriteSet = { sources, actors, agreements, concepts, relations, events, claims: claimSink };
  lap("records");

  const counts = Object.fromEntries(RECORD_TYPES.map((t) => [t, first[t].length])) as Record<RecordType, number>;
  const tableRows = read.tables.reduce((n, t) => n + t.size, 0);
  const total = RECORD_TYPES.reduce((n, t) => n + first[t].length, 0) + tableRows + parsed.claims.length;
  let done = 0;
  const tick = (n: number) => {
    done += n;
    progress?.("import", done, total);
  };

  /** Everything after the records above: large tables in chunks, then standalone claims; writes while all is well. */
  const rest = async (w: Writer | undefined) => {
    if (w && issues.length === 0) await w.write(first);
    tick(done === 0 ? RECORD_TYPES.reduce((n, t) => n + first[t].length, 0) : 0);
    let validating = 0;
    let writing = 0;
    const dates = new DateCache();
    for (const table of read.tables) {
      let t0 = performance.now();
      for (const rows of table.chunks((issue) => issues.push(issue))) {
        claimSink = [];
        const records: Array<Relation | Event> = [];
        for (const raw of rows) {
          if (!raw) continue;
          if (table.type === "relations") {
            // The compiled checks first; the Zod schema for rows they do not accept, with its messages.
            const fast = fastRelation(raw.value, dates);
            const p = fast ? { data: fast, loc: raw.loc } : validate(raw as RawRecord & { type: "relations" });
            const r = p && relationOf(p, false);
            if (r) records.push(r);
          } else {
            const fast = fastEvent(raw.value, dates);
            const p = fast ? { data: fast, loc: raw.loc } : validate(raw as RawRecord & { type: "events" });
            const e = p && eventOf(p, false);
            if (e) records.push(e);
          }
        }
        await verifyQuotes();
        counts[table.type] += records.length;
        counts.claims += claimSink.length;
        const t1 = performance.now();
        validating += t1 - t0;
        if (w && issues.length === 0) await w.write({ [table.type]: records, claims: claimSink });
        t0 = performance.now();
        writing += t0 - t1;
        tick(rows.length);
      }
    }
    if (timing) process.stderr.write(`  large tables: parsing and validating ${validating.toFixed(0)} ms, writing ${writing.toFixed(0)} ms\n`);
    lap("large tables");
    claimSink = [];
    for (const { data, loc } of parsed.claims as Parsed<StandaloneClaimInput>[]) {
      const { target, ...claim } = data;
      const exists: Record<TargetType, (id: string) => boolean> = {
        actor: () => true,
        agreement: (id) => agreementIds.has(id),
        concept: (id) => conceptIds.has(id),
        relation: (id) => relationIds.has(id),
        event: (id) => eventIds.has(id),
      };
      let targetId: string | undefined = target.id;
      if (target.type === "actor") targetId = resolveActor(loc, ["target", "id"], target.id);
      else if (!exists[target.type](target.id)) {
        report(loc, ["target", "id"], `unknown ${target.type} "${target.id}"`);
        targetId = undefined;
      }
      if (targetId) addClaims({ type: target.type, id: targetId }, [claim], loc, []);
    }
    await verifyQuotes();
    counts.claims += claimSink.length;
    if (w && issues.length === 0) await w.write({ claims: claimSink });
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

function describeZodIssue(i: z.core.$ZodIssue): string {
  if (i.code === "unrecognized_keys") return `unknown field${i.keys.length > 1 ? "s" : ""} ${i.keys.map((k) => `"${k}"`).join(", ")}`;
  if (i.code === "invalid_value" && "values" in i) return `expected one of ${(i.values as unknown[]).join(", ")}`;
  if (i.code === "invalid_type" && i.message.includes("received undefined")) return "required";
  if (i.code === "invalid_union") {
    const nested = (i as { errors?: z.core.$ZodIssue[][] }).errors?.flat() ?? [];
    const first = nested.find((n) => n.code !== "invalid_type") ?? nested[0];
    if (first) return describeZodIssue(first);
  }
  return i.message;
}
