// Turning validated input into canonical records: references resolved, ids derived and checked, claims expanded and
// their quotes located. One builder serves a whole import; the rows of large CSV tables may be built by a copy of it
// on a worker thread (worker.ts), made from a snapshot, so both threads build the same records and report the same
// problems.
import {
  RELATION_KINDS,
  hashParts,
  isIso3,
  normalizeName,
  relationRuleIssues,
  type Claim,
  type DatasetIssue,
  type Event,
  type Relation,
  type TargetType,
} from "@diplograph/model";
import type { z } from "zod";
import { DateCache, fastEvent, fastRelation } from "./fast.js";
import { INPUT_SCHEMAS, type ClaimInput, type EventInput, type RecordType, type RelationInput } from "./format.js";
import { QuoteIndex } from "./quotes.js";
import { fieldCountProblem, type RawRecord, type RecordLoc, type RowTable } from "./read.js";
import { readClaimValue } from "./values.js";

export interface Parsed<T> {
  data: T;
  loc: RecordLoc;
}

/** An index of actor names (stored and new) for resolving references. */
export class ActorIndex {
  readonly ids = new Set<string>();
  readonly byIso = new Map<string, Set<string>>();
  readonly byName = new Map<string, Set<string>>();

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

/** Where a record was first defined, for messages about duplicates. */
type FirstSeen = Pick<RecordLoc, "file" | "line">;

export interface BuilderState {
  defaults: { status: Claim["status"]; confidence: number; author: string };
  /** Creation time of the import's claims. */
  now: string;
  actorIndex: ActorIndex;
  /** Sources of this import, and sources stored earlier. */
  newSourceIds: Set<string>;
  storedSources: Set<string>;
  agreementIds: Set<string>;
  /** Document texts to find quotes in (null: a source without text); stored ones are fetched when first cited. */
  quoteIndexes: Map<string, QuoteIndex | null>;
  fetchTexts: (ids: string[]) => Promise<Map<string, string | null>>;
}

/** A builder as plain data, for a worker thread (see `RecordBuilder.snapshot`). */
export interface BuilderSnapshot {
  defaults: BuilderState["defaults"];
  now: string;
  actorIds: string[];
  actorIso: Array<[string, string[]]>;
  actorNames: Array<[string, string[]]>;
  newSourceIds: string[];
  storedSources: string[];
  agreementIds: string[];
  texts: Array<[string, string | null]>;
  claimIds: string[];
  /** Relations and events defined in record files: key, file, line. */
  seen: Array<[string, string, number]>;
}

export class RecordBuilder {
  /** Claims made since the sink was last taken. */
  claimSink: Claim[] = [];
  readonly claimIds = new Set<string>();
  readonly seen = new Map<string, FirstSeen>();
  /** Ids of rows of large tables: kept without their locations, which would hold a million closures. */
  readonly streamed = { relations: new Set<string>(), events: new Set<string>() };
  /** How many relations and events `seen` holds: none, usually, which saves a lookup per row of a large table. */
  private readonly seenRecords = { relations: 0, events: 0 };
  private readonly citedStoredSources = new Set<string>();
  private readonly startGiven = new Map<Claim, number>();
  private pendingQuotes: Array<{ claim: Claim; loc: RecordLoc; path: PropertyKey[]; quote: string }> = [];
  private readonly dates = new DateCache();

  /** `issues` collects every problem found (the importer passes its own list). */
  constructor(
    readonly state: BuilderState,
    readonly issues: DatasetIssue[] = [],
  ) {}

  /** A raw record checked against its Zod schema; its problems are reported (CSV rows: file, line and column). */
  validate<T extends RecordType>(rec: RawRecord & { type: T }): Parsed<z.infer<(typeof INPUT_SCHEMAS)[T]>> | undefined {
    const fields = fieldCountProblem(rec.value);
    if (fields) {
      this.issues.push({ file: rec.loc.file, line: rec.loc.line(), message: fields });
      return undefined;
    }
    const r = INPUT_SCHEMAS[rec.type].safeParse(rec.value);
    if (r.success) return { data: r.data as z.infer<(typeof INPUT_SCHEMAS)[T]>, loc: rec.loc };
    for (const i of r.error.issues) this.report(rec.loc, i.path as PropertyKey[], describeZodIssue(i));
    return undefined;
  }

  /** The builder as plain data, for a worker thread that builds the rows of large tables. */
  snapshot(): BuilderSnapshot {
    const a = this.state.actorIndex;
    return {
      defaults: this.state.defaults,
      now: this.state.now,
      actorIds: [...a.ids],
      actorIso: [...a.byIso].map(([k, v]) => [k, [...v]]),
      actorNames: [...a.byName].map(([k, v]) => [k, [...v]]),
      newSourceIds: [...this.state.newSourceIds],
      storedSources: [...this.state.storedSources],
      agreementIds: [...this.state.agreementIds],
      texts: [...this.state.quoteIndexes].map(([k, v]) => [k, v ? v.text : null]),
      claimIds: [...this.claimIds],
      seen: [...this.seen]
        .filter(([k]) => k.startsWith("relations:") || k.startsWith("events:"))
        .map(([k, loc]) => [k, loc.file, loc.line()]),
    };
  }

  static fromSnapshot(s: BuilderSnapshot, fetchTexts: BuilderState["fetchTexts"]): RecordBuilder {
    const actorIndex = new ActorIndex();
    for (const id of s.actorIds) actorIndex.addId(id);
    for (const [k, ids] of s.actorIso) for (const id of ids) actorIndex.addIso(k, id);
    for (const [k, ids] of s.actorNames) for (const id of ids) actorIndex.addName(k, id);
    const b = new RecordBuilder({
      defaults: s.defaults,
      now: s.now,
      actorIndex,
      newSourceIds: new Set(s.newSourceIds),
      storedSources: new Set(s.storedSources),
      agreementIds: new Set(s.agreementIds),
      quoteIndexes: new Map(s.texts.map(([k, t]) => [k, t === null ? null : new QuoteIndex(t)])),
      fetchTexts,
    });
    for (const id of s.claimIds) b.claimIds.add(id);
    for (const [key, file, line] of s.seen) b.markSeen(key, { file, line: () => line });
    return b;
  }

  report(loc: RecordLoc, fieldPath: ReadonlyArray<PropertyKey>, message: string): void {
    this.issues.push({ file: loc.file, line: loc.lineOf(fieldPath), field: loc.field(fieldPath) || undefined, message });
  }

  private markSeen(key: string, loc: FirstSeen): void {
    this.seen.set(key, loc);
    if (key.startsWith("relations:")) this.seenRecords.relations++;
    else if (key.startsWith("events:")) this.seenRecords.events++;
  }

  /** Ids must be unique within the import; `keepLoc` false for rows of large tables. */
  checkId(type: RecordType, id: string, loc: RecordLoc, keepLoc = true): void {
    const streamedType = type === "relations" || type === "events";
    const first = streamedType && this.seenRecords[type] === 0 ? undefined : this.seen.get(`${type}:${id}`);
    const kind = type.replace(/s$/, "");
    if (first) this.report(loc, ["id"], `duplicate ${kind} id "${id}" (first defined in ${first.file}, line ${first.line()})`);
    else if (streamedType && this.streamed[type].has(id)) this.report(loc, ["id"], `duplicate ${kind} id "${id}" (defined earlier in this import)`);
    else if (keepLoc) this.markSeen(`${type}:${id}`, loc);
    else if (streamedType) this.streamed[type].add(id);
  }

  resolveActor(loc: RecordLoc, path: PropertyKey[], ref: string): string | undefined {
    const r = this.state.actorIndex.resolve(ref);
    if (typeof r === "string") return r;
    this.report(loc, path, r.error);
    return undefined;
  }

  /** Expand a record's claims into the sink; their quotes are checked by `verifyQuotes`. */
  addClaims(target: { type: TargetType; id: string }, list: ClaimInput[], loc: RecordLoc, basePath: PropertyKey[]): void {
    const { defaults, now, newSourceIds, storedSources, quoteIndexes, actorIndex } = this.state;
    for (let i = 0; i < list.length; i++) {
      const c = list[i]!;
      const at = (...rest: PropertyKey[]) => [...basePath, i, ...rest];
      if (!newSourceIds.has(c.source)) {
        if (storedSources.has(c.source)) this.citedStoredSources.add(c.source);
        else {
          this.report(loc, at("source"), `unknown source "${c.source}"`);
          continue;
        }
      }
      if (c.start === undefined && c.end !== undefined) {
        this.report(loc, at("start"), "end needs a start");
        continue;
      }
      if (c.start !== undefined && c.end === undefined && (c.quote === undefined || quoteIndexes.get(c.source) === null)) {
        this.report(loc, at("end"), "without a document text to find the quote in, give both start and end");
        continue;
      }
      if (c.start !== undefined && c.end !== undefined && c.start >= c.end) {
        this.report(loc, at("end"), "end must be after start");
        continue;
      }
      if (c.quote === undefined && c.page === undefined) {
        this.report(loc, at("quote"), "a claim needs a quote (or a page)");
        continue;
      }
      if (c.asserts && (c.property || c.value !== undefined)) {
        this.report(loc, at("asserts"), "use either asserts or property/value, not both");
        continue;
      }
      if (c.value !== undefined && !c.property) {
        this.report(loc, at("value"), "a value needs a property");
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
            this.report(loc, [...valuePath(), ...(v.path ?? [])], v.error);
            continue;
          }
          value = v.value;
        } else if (property !== undefined && raw === undefined && c.asserts === undefined) {
          this.report(loc, valuePath(), `property ${property} needs a value`);
          continue;
        }
        const qualifiers = c.qualifiers ?? {};
        const id =
          c.id && entries.length === 1
            ? c.id
            : c.id
              ? `${c.id}.${property}`
              : `c-${hashParts([target.type, target.id, property, c.qualifiers ? JSON.stringify(qualifiers) : "", c.source, c.start, c.page, c.quote, value === undefined ? "" : JSON.stringify(value)])}`;
        if (this.claimIds.has(id)) {
          this.report(loc, at(), `duplicate claim "${id}" (the same claim is made twice in this import)`);
          continue;
        }
        this.claimIds.add(id);
        // Built key by key (no spreads: this runs once per row of a large table), in the order of the Claim schema.
        const claim = { id, target } as Claim;
        if (property !== undefined) claim.property = property;
        if (value !== undefined) claim.value = value;
        claim.qualifiers = qualifiers;
        claim.source = c.source;
        const locator: Claim["locator"] = {};
        if (c.start !== undefined && c.end !== undefined) {
          locator.start = c.start;
          locator.end = c.end;
        }
        if (c.quote !== undefined) locator.quote = c.quote;
        if (c.page !== undefined) locator.page = c.page;
        claim.locator = locator;
        claim.status = c.status ?? defaults.status;
        claim.confidence = c.confidence ?? defaults.confidence;
        claim.author = c.author ?? defaults.author;
        claim.createdAt = now;
        claim.updatedAt = now;
        if (c.note !== undefined) claim.note = c.note;
        this.claimSink.push(claim);
        if (c.quote !== undefined) this.pendingQuotes.push({ claim, loc, path: at("quote"), quote: c.quote });
        if (c.start !== undefined && c.end === undefined) this.startGiven.set(claim, c.start);
      }
    }
  }

  /** Each pending quote must stand in its document: record the exact span, or report where it went wrong. */
  async verifyQuotes(): Promise<void> {
    const { quoteIndexes } = this.state;
    if (this.citedStoredSources.size) {
      const missing = [...this.citedStoredSources].filter((id) => !quoteIndexes.has(id));
      if (missing.length) for (const [id, text] of await this.state.fetchTexts(missing)) quoteIndexes.set(id, text === null ? null : new QuoteIndex(text));
    }
    for (const { claim, loc, path: fieldPath, quote } of this.pendingQuotes) {
      const index = quoteIndexes.get(claim.source);
      if (!index) continue; // no text to check against: the quote is kept as given
      const found = index.locate(quote, claim.source, claim.locator.start ?? this.startGiven.get(claim), claim.locator.end);
      if ("error" in found) {
        this.report(loc, fieldPath, found.error);
        continue;
      }
      claim.locator = { ...claim.locator, ...found };
    }
    this.pendingQuotes = [];
    this.startGiven.clear();
  }

  relationOf({ data, loc }: Parsed<RelationInput>, keepLoc: boolean): Relation | undefined {
    const { claims: list, from, to, id: givenId, ...body } = data;
    const fromId = this.resolveActor(loc, ["from"], from);
    let toId: string | undefined;
    if (RELATION_KINDS.map[data.kind].target === "agreement") {
      if (this.state.agreementIds.has(to)) toId = to;
      else this.report(loc, ["to"], `unknown agreement "${to}" (kind ${data.kind} links to an agreement)`);
    } else toId = this.resolveActor(loc, ["to"], to);
    for (const rule of relationRuleIssues(data)) this.report(loc, rule.path, rule.message);
    if (!fromId || !toId) return undefined;
    const id =
      givenId ??
      `rel-${hashParts([data.kind, fromId, toId, data.role, data.start?.start, data.end?.start, data.signed?.start, data.ratified?.start])}`;
    this.checkId("relations", id, loc, keepLoc);
    this.addClaims({ type: "relation", id }, list, loc, ["claims"]);
    return { id, ...body, from: fromId, to: toId };
  }

  eventOf({ data, loc }: Parsed<EventInput>, keepLoc: boolean): Event | undefined {
    const { claims: list, participants, id: givenId, ...body } = data;
    const resolved: Event["participants"] = [];
    let ok = true;
    for (let i = 0; i < participants.length; i++) {
      const p = participants[i]!;
      const id = this.resolveActor(loc, ["participants", i], p.actor);
      if (id) resolved.push({ actor: id, role: p.role });
      else ok = false;
    }
    if (body.agreement !== undefined && !this.state.agreementIds.has(body.agreement)) {
      this.report(loc, ["agreement"], `unknown agreement "${body.agreement}"`);
      ok = false;
    }
    if (!ok) return undefined;
    const id = givenId ?? `ev-${hashParts([data.type, data.date.start, data.date.end, data.title, resolved.map((p) => `${p.actor}:${p.role}`).join(",")])}`;
    this.checkId("events", id, loc, keepLoc);
    this.addClaims({ type: "event", id }, list, loc, ["claims"]);
    return { id, ...body, participants: resolved };
  }

  /**
   * The records of one chunk of a large table, with their claims (quotes checked): rows pass the compiled checks
   * (fast.ts) or, failing those, the Zod schema through `validate`, which reports their problems.
   */
  async tableChunk(table: RowTable, rows: Array<RawRecord | undefined>): Promise<{ records: Array<Relation | Event>; claims: Claim[] }> {
    this.claimSink = [];
    const records: Array<Relation | Event> = [];
    for (const raw of rows) {
      if (!raw) continue;
      if (table.type === "relations") {
        const fast = fastRelation(raw.value, this.dates);
        const p = fast ? { data: fast, loc: raw.loc } : this.validate(raw as RawRecord & { type: "relations" });
        const r = p && this.relationOf(p, false);
        if (r) records.push(r);
      } else {
        const fast = fastEvent(raw.value, this.dates);
        const p = fast ? { data: fast, loc: raw.loc } : this.validate(raw as RawRecord & { type: "events" });
        const e = p && this.eventOf(p, false);
        if (e) records.push(e);
      }
    }
    await this.verifyQuotes();
    const claims = this.claimSink;
    this.claimSink = [];
    return { records, claims };
  }
}

export function describeZodIssue(i: z.core.$ZodIssue): string {
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
