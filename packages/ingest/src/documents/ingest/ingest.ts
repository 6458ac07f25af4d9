// `diplograph ingest`: read documents, cut them into passages, run the extraction pipeline, and store each new file
// as a version of its document (source row, passages) with the pipeline's event proposals as claims for review.
// Everything is read and checked before anything is written; a re-ingested identical file writes nothing.
import { basename, extname } from "node:path";
import {
  Actor,
  DateParseError,
  DocumentError,
  Event,
  InputError,
  Lang,
  Source,
  hashParts,
  parseDate,
  type Claim,
  type DateValue,
  type SourceType,
} from "@diplograph/model";
import type { SourceWithText, Store, WriteResult } from "@diplograph/store";
import { defaultPipeline, extractPassages, type EventProposal, type ExtractedPassage, type Pipeline } from "../extract/index.js";
import { splitPassages, type Passage } from "../passages/index.js";
import { readDocument, type ReadDocument } from "../read/index.js";
import { findDoi, metadataFromText, passageLanguages } from "./metadata.js";

/** What the command line (or the API) says about a document, over what the file and its text say. */
export interface DocumentOverrides {
  /** The document's stable id across versions (default: from the file name). */
  id?: string;
  title?: string;
  authors?: string[];
  /** A partial ISO date or a Solar Hijri date, as the model's `parseDate` reads it. */
  date?: string;
  language?: string;
  doi?: string;
  type?: SourceType;
}

export interface IngestProgress {
  file: string;
  files: number;
  totalFiles: number;
  passages: number;
}

export interface IngestOptions extends DocumentOverrides {
  /** Read, extract and check only; write nothing. */
  dryRun?: boolean;
  /** Default: `defaultPipeline(store)`. */
  pipeline?: Pipeline;
  /** The author of proposed claims (default `diplograph-ingest`). */
  author?: string;
  onProgress?: (p: IngestProgress) => void;
  /** How a path is named in messages and stored as the source's `file` (default: its base name). */
  display?: (path: string) => string;
}

export type IngestStatus = "new" | "new-version" | "unchanged";

export interface IngestedFile {
  file: string;
  documentId: string;
  version: number;
  sourceId: string;
  /** new: first version of the document; new-version: the document had other versions; unchanged: this very file is stored. */
  status: IngestStatus;
  format: string;
  sha256: string;
  title: string;
  authors: string[];
  published?: string;
  language: string;
  languages: string[];
  doi?: string;
  passages: number;
  dates: number;
  mentions: number;
  /** Event proposals written (or, in a dry run, that would be). */
  events: number;
  /** Events stated without a date, proposed as `stated-event` claims on their leading participant. */
  undated: number;
  /** Actors proposed with those events (participants the store did not hold). */
  actors: number;
  claims: number;
  /** Proposals left out, with the reason. */
  warnings: string[];
}

export interface IngestSummary {
  files: IngestedFile[];
  dryRun: boolean;
  passages: number;
  /** False when nothing was written (a dry run, or every file was stored already). */
  wrote: boolean;
  result?: WriteResult;
}

/** A document read and analysed: its passages and what the pipeline found in them. */
export interface AnalysedDocument {
  doc: ReadDocument;
  passages: Passage[];
  extracted: ExtractedPassage[];
}

/** Read a file, cut it into passages and run the pipeline over them (what `diplograph extract` prints). */
export async function analyseDocument(path: string, pipeline: Pipeline, display = path): Promise<AnalysedDocument> {
  const doc = await readDocument(path, display);
  const passages = splitPassages(doc.text, { from: doc.bodyStart });
  if (passages.length === 0) throw new DocumentError(display, "has no text");
  const extracted = await extractPassages(doc, passages, pipeline);
  return { doc, passages, extracted };
}

const ID_CHARS = /[^a-z0-9._:-]+/g;

/** A document id from a file name: `Pak Aein – 43 Achievements.pdf` → `pak-aein-43-achievements`. */
export function documentIdFor(file: string, sha256: string): string {
  const stem = basename(file, extname(file))
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(ID_CHARS, "-")
    .replace(/^[^a-z0-9]+|[-.]+$/g, "")
    .slice(0, 120)
    .replace(/[-.]+$/, "");
  return stem || `doc-${sha256.slice(0, 12)}`;
}

const cleanText = (s: string) => s.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ").trim();

/** "2024-01-15T10:00:00Z" → "2024-01-15", "2024/01/15" → "2024-01-15"; anything else as written. */
function normaliseDate(s: string): string {
  const iso = /^(\d{4})(?:[-/](\d{2})(?:[-/](\d{2}))?)?(?:[T ]\d{2}:\d{2}.*)?$/.exec(s.trim());
  return iso ? [iso[1], iso[2], iso[3]].filter(Boolean).join("-") : s.trim();
}

interface Resolved {
  title: string;
  authors: string[];
  published?: DateValue;
  language: string;
  languages: string[];
  doi?: string;
  venue?: string;
  url?: string;
  warnings: string[];
}

/** The overrides first, then the file's own metadata, then what the text states; the language by passage majority. */
function resolveMetadata(a: AnalysedDocument, o: DocumentOverrides, display: string): Resolved {
  const { doc, passages } = a;
  const fromText = metadataFromText(doc.text, passages);
  const warnings: string[] = [];
  const title = cleanText(o.title ?? doc.metadata.title ?? fromText.title ?? basename(display, extname(display))).slice(0, 500) || basename(display);
  const authors = (o.authors?.length ? o.authors : doc.metadata.authors ?? fromText.authors ?? []).map(cleanText).filter(Boolean);
  let published: DateValue | undefined;
  if (o.date !== undefined) {
    try {
      published = parseDate(o.date);
    } catch (e) {
      throw new InputError(`--date "${o.date}": ${(e as Error).message}`);
    }
  } else {
    const stated = doc.metadata.date ?? fromText.date;
    if (stated) {
      try {
        published = parseDate(normaliseDate(stated));
      } catch (e) {
        if (!(e instanceof DateParseError)) throw e;
        warnings.push(`the stated date "${stated}" was not read: ${e.message}`);
      }
    }
  }
  const detected = passageLanguages(doc.text, passages);
  const stated = doc.metadata.language?.split(/[-_]/)[0];
  const language = o.language ?? (stated && Lang.safeParse(stated).success ? stated : undefined) ?? fromText.language ?? "und";
  if (!Lang.safeParse(language).success) throw new InputError(`--language "${language}": expected a language code such as en, fa, ru, ar`);
  const languages = [language, ...detected.filter((l) => l !== language)].filter((l) => l !== "und");
  const doi = o.doi ?? findDoi(doc.metadata.doi ?? "") ?? fromText.doi;
  if (o.doi !== undefined && !Source.shape.doi.safeParse(o.doi).success) throw new InputError(`--doi "${o.doi}": expected a DOI such as 10.22059/jices.2026.401499.1101`);
  const out: Resolved = { title, authors, language, languages, warnings };
  if (published) out.published = published;
  if (doi) out.doi = doi;
  if (doc.metadata.venue) out.venue = cleanText(doc.metadata.venue);
  if (doc.metadata.url && /^https?:\/\//.test(doc.metadata.url)) out.url = doc.metadata.url;
  return out;
}

interface Planned {
  entry: IngestedFile;
  source?: SourceWithText;
  supersedes?: string;
  format: string;
  passages: Passage[];
  actors: Actor[];
  events: Event[];
  claims: Claim[];
}

/**
 * Ingest files into the store. Every file is read, analysed and checked first; a file that cannot be read stops the
 * run with a DocumentError naming it, before anything is written. Then new files are written in one transaction.
 */
export async function ingestDocuments(store: Store, paths: readonly string[], options: IngestOptions = {}): Promise<IngestSummary> {
  if (paths.length === 0) throw new InputError("no files given");
  if (paths.length > 1) {
    for (const k of ["id", "title", "doi"] as const) if (options[k] !== undefined) throw new InputError(`--${k} names one document; give one file with it`);
  }
  if (options.id !== undefined && !/^[a-z0-9][a-z0-9._:-]*$/.test(options.id)) {
    throw new InputError(`--id "${options.id}": ids are lower case letters, digits and . _ : - (starting with a letter or digit)`);
  }
  const pipeline = options.pipeline ?? (await defaultPipeline(store));
  const display = options.display ?? ((p: string) => p);
  const author = options.author ?? "diplograph-ingest";
  const ingestedAt = new Date().toISOString();
  /** Versions known per document: stored ones, then the ones this run adds. */
  const versions = new Map<string, Array<{ version: number; sourceId: string; sha256: string }>>();
  const planned: Planned[] = [];
  const proposedActors = new Set<string>();
  let passagesSeen = 0;

  for (const [i, path] of paths.entries()) {
    const name = display(path);
    const analysed = await analyseDocument(path, pipeline, name);
    const { doc, passages, extracted } = analysed;
    passagesSeen += passages.length;
    const documentId = options.id ?? documentIdFor(name, doc.sha256);
    let known = versions.get(documentId);
    if (!known) {
      known = (await store.documentVersions(documentId)).map((v) => ({ version: v.version, sourceId: v.sourceId, sha256: v.sha256 }));
      versions.set(documentId, known);
    }
    const meta = resolveMetadata(analysed, options, name);
    const same = known.find((v) => v.sha256 === doc.sha256);
    const last = known[known.length - 1];
    const version = same?.version ?? (last ? last.version + 1 : 1);
    const sourceId = same?.sourceId ?? `${documentId}.v${version}`;
    const entry: IngestedFile = {
      file: name,
      documentId,
      version,
      sourceId,
      status: same ? "unchanged" : last ? "new-version" : "new",
      format: doc.format,
      sha256: doc.sha256,
      title: meta.title,
      authors: meta.authors,
      language: meta.language,
      languages: meta.languages,
      passages: passages.length,
      dates: extracted.reduce((n, p) => n + p.dates.length, 0),
      mentions: extracted.reduce((n, p) => n + p.mentions.length, 0),
      events: 0,
      undated: 0,
      actors: 0,
      claims: 0,
      warnings: [...meta.warnings],
    };
    if (meta.published) entry.published = meta.published.original ?? (meta.published.end ? `${meta.published.start}/${meta.published.end}` : meta.published.start);
    if (meta.doi) entry.doi = meta.doi;
    const plan: Planned = { entry, format: doc.format, passages, actors: [], events: [], claims: [] };
    if (!same) {
      const taken = await store.db.selectFrom("sources").select(["id", "document_id"]).where("id", "=", sourceId).executeTakeFirst();
      if (taken && taken.document_id !== documentId) throw new InputError(`${name}: the source id "${sourceId}" is taken by a source that is not a version of "${documentId}"; pass another --id`);
      const record: Record<string, unknown> = {
        id: sourceId,
        type: options.type ?? "other",
        title: meta.title,
        authors: meta.authors,
        language: meta.language,
        languages: meta.languages,
        file: basename(name),
        sha256: doc.sha256,
      };
      for (const k of ["published", "doi", "venue", "url"] as const) if (meta[k] !== undefined) record[k] = meta[k];
      const parsed = Source.safeParse(record);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new DocumentError(name, `its metadata is not valid: ${issue.path.join(".")}: ${issue.message}`);
      }
      plan.source = { ...parsed.data, text: doc.text };
      if (last) plan.supersedes = last.sourceId;
      known.push({ version, sourceId, sha256: doc.sha256 });
      await proposals(store, plan, extracted, doc.text, author, ingestedAt, proposedActors);
    }
    planned.push(plan);
    options.onProgress?.({ file: name, files: i + 1, totalFiles: paths.length, passages: passagesSeen });
  }

  const summary: IngestSummary = { files: planned.map((p) => p.entry), dryRun: Boolean(options.dryRun), passages: passagesSeen, wrote: false };
  const toWrite = planned.filter((p) => p.source);
  if (options.dryRun || toWrite.length === 0) return summary;
  const expectedRows = toWrite.reduce((n, p) => n + 1 + p.actors.length + p.events.length + p.claims.length, 0);
  const { result } = await store.writeSession({ expectedRows }, async (w) => {
    for (const p of toWrite) {
      const v = { source: p.source!, documentId: p.entry.documentId, version: p.entry.version, format: p.format, ingestedAt, passages: p.passages };
      await w.writeDocument(p.supersedes ? { ...v, supersedes: p.supersedes } : v);
      if (p.actors.length || p.events.length || p.claims.length) await w.write({ actors: p.actors, events: p.events, claims: p.claims });
    }
  });
  summary.wrote = result.wrote;
  summary.result = result;
  return summary;
}

/** What the proposal writers share for one file. */
interface ProposalContext {
  store: Store;
  plan: Planned;
  /** The document text, which the claims quote. */
  text: string;
  author: string;
  now: string;
  /** Actors proposed by this run so far (this file or an earlier one, written first in the same transaction). */
  proposedActors: Set<string>;
}

/**
 * The pipeline's event proposals as records: each event validated against the model (and its participants and
 * agreement against the store), with a claim quoting its evidence, status proposed. A proposal naming a stored
 * event adds only the claim. What cannot be written is left out with a warning.
 */
async function proposals(store: Store, plan: Planned, extracted: readonly ExtractedPassage[], text: string, author: string, now: string, proposedActors: Set<string>): Promise<void> {
  const ctx: ProposalContext = { store, plan, text, author, now, proposedActors };
  for (const [ord, p] of extracted.entries()) {
    for (const proposal of p.events) {
      const span = proposal.evidence ?? { start: p.start, end: p.end };
      const where = `passage ${ord + 1} (characters ${span.start}–${span.end})`;
      if (!(span.start >= 0 && span.end <= text.length && span.start < span.end)) {
        plan.entry.warnings.push(`${where}: an event proposal's evidence is outside the text; left out`);
        continue;
      }
      if (!proposal.event.date) {
        await undatedEvent(ctx, proposal, span, where);
        continue;
      }
      const id = proposal.event.id ?? `ev-${hashParts([plan.entry.sourceId, span.start, span.end, proposal.event.type, JSON.stringify(proposal.event.date)])}`;
      const parsed = Event.safeParse({ ...proposal.event, id });
      if (!parsed.success) {
        plan.entry.warnings.push(`${where}: event proposal left out: ${parsed.error.issues.map((i) => `${i.path.join(".") || "event"}: ${i.message}`).join("; ")}`);
        continue;
      }
      const event = parsed.data;
      const refs = [...event.participants.map((x) => ({ type: "actor" as const, id: x.actor })), ...(event.agreement ? [{ type: "agreement" as const, id: event.agreement }] : [])];
      // Participants the store does not hold but the linker knows (a gazetteer state, party or body) are proposed
      // with the event: the actor record and a claim quoting the mention.
      const missing = (await store.missingTargets(refs)).filter((m) => !(m.type === "actor" && proposeActor(ctx, proposal, m.id)));
      if (missing.length) {
        plan.entry.warnings.push(`${where}: event proposal left out: no ${missing.map((m) => `${m.type} "${m.id}"`).join(", ")} in the database`);
        continue;
      }
      if (!(await store.exists("event", id)) && !plan.events.some((e) => e.id === id)) plan.events.push(event);
      addClaim(ctx, { type: "event", id }, span, proposal.confidence, proposal.note ? { note: proposal.note } : {});
    }
  }
  plan.entry.events = plan.events.length;
  plan.entry.actors = plan.actors.length;
  plan.entry.claims = plan.claims.length;
}

/** A proposed claim on `target` quoting `span` of the text, added to the plan once (its id derives from both). */
function addClaim(ctx: ProposalContext, target: Claim["target"], span: { start: number; end: number }, confidence: number, fields: Pick<Claim, "property" | "value" | "qualifiers" | "note"> | Pick<Claim, "note"> = {}): void {
  const { plan, text } = ctx;
  const sourceId = plan.entry.sourceId;
  const claim: Claim = {
    id: `c-${hashParts([target.type, target.id, sourceId, span.start, span.end, ..."property" in fields && fields.property ? [fields.property] : []])}`,
    target,
    qualifiers: {},
    source: sourceId,
    locator: { start: span.start, end: span.end, quote: text.slice(span.start, span.end) },
    status: "proposed",
    confidence: Math.min(1, Math.max(0, confidence)),
    author: ctx.author,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    ...fields,
  };
  if (!plan.claims.some((c) => c.id === claim.id)) plan.claims.push(claim);
}

/** Roles that say who an event is about, in the order an undated statement's claim prefers them. */
const LEAD_ROLES = ["subject", "mediator", "guest", "sender", "signatory", "ratifier", "organiser", "host", "delegation", "party"];

/**
 * An event stated without a date cannot be a stored event (it needs one). It goes to the review queue as a claim on
 * its leading participant instead: property `stated-event`, the type and participants as text and as qualifiers, the
 * sentence as the quote, so that a reviewer who finds the date can record the event.
 */
async function undatedEvent(ctx: ProposalContext, proposal: EventProposal, span: { start: number; end: number }, where: string): Promise<void> {
  const participants = proposal.event.participants ?? [];
  const rank = (role: string | undefined) => {
    const i = LEAD_ROLES.indexOf(role ?? "");
    return i < 0 ? LEAD_ROLES.length : i;
  };
  let lead: string | undefined;
  for (const p of [...participants].sort((a, b) => rank(a.role) - rank(b.role))) {
    if ((await ctx.store.missingTargets([{ type: "actor", id: p.actor }])).length === 0 || proposeActor(ctx, proposal, p.actor)) {
      lead = p.actor;
      break;
    }
  }
  if (!lead) {
    ctx.plan.entry.warnings.push(`${where}: a ${proposal.event.type} event stated without a date names no actor that can be recorded; left out`);
    return;
  }
  const before = ctx.plan.claims.length;
  addClaim(ctx, { type: "actor", id: lead }, span, proposal.confidence, {
    property: "stated-event",
    value: { type: "text", text: `${proposal.event.title} (no date stated)` },
    qualifiers: { type: proposal.event.type, participants: participants.map((p) => `${p.actor}${p.role ? `:${p.role}` : ""}`).join(";"), ...(proposal.event.place ? { place: proposal.event.place } : {}) },
    note: `${proposal.note ? `${proposal.note} ` : ""}Record it as an event once its date is known.`,
  });
  if (ctx.plan.claims.length > before) ctx.plan.entry.undated++;
}

/** Add the linker's description of actor `id` to the plan as a proposed actor; false when the proposal has none. */
function proposeActor(ctx: ProposalContext, proposal: EventProposal, id: string): boolean {
  const ref = proposal.actors?.find((a) => a.id === id);
  if (!ref) return false;
  if (ctx.proposedActors.has(id)) return true;
  const parsed = Actor.safeParse({ id: ref.id, kind: ref.kind, name: ref.name, ...(ref.country ? { country: ref.country } : {}) });
  if (!parsed.success) return false;
  ctx.proposedActors.add(id);
  ctx.plan.actors.push(parsed.data);
  addClaim(ctx, { type: "actor", id }, ref.mention, proposal.confidence, {
    note: "Actor named by the document and known to the gazetteer, proposed with an event it takes part in.",
  });
  return true;
}
