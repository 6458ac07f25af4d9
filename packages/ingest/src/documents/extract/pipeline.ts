// The extraction pipeline: every passage through the extractors in order (dates, then entity mentions, then events),
// and the JSON Lines form of what it found. Entity linking and event proposals plug in as extractors.
import { dateValueString, findDates, toDateMentionJson, type FindDatesOptions } from "../dates/index.js";
import type { Passage } from "../passages/index.js";
import type { DocumentFormat, DocumentMetadata } from "../read/index.js";
import type { ActorRef, LinkContext } from "../entities/types.js";
import type { EntityMention, ExtractContext, ExtractedPassage, ExtractLine, Extractor, MentionFinder, PassageExtraction, Pipeline, UnresolvedMention } from "./types.js";

/** Dates stated in the passage (`findDates`), with offsets shifted into the document. */
export function dateExtractor(options: FindDatesOptions = {}): Extractor {
  return (passage) => {
    const dates = findDates(passage.text, passage.language === "fa" && options.persian === undefined ? { ...options, persian: true } : options);
    if (passage.start !== 0) for (const d of dates) (d.start += passage.start), (d.end += passage.start);
    return { dates };
  };
}

/** A mention with its offsets (and those of the countries inside it) moved by `by`. */
function shifted(m: EntityMention, by: number): EntityMention {
  const out: EntityMention = { ...m, start: m.start + by, end: m.end + by };
  if (m.inner) out.inner = m.inner.map((i) => shifted(i, by));
  return out;
}

/**
 * Entity mentions from a linker, with offsets shifted from the passage into the document. What the whole document
 * names (its countries and actors) is worked out once per document and settles names a passage leaves ambiguous.
 */
export function linkerExtractor(linker: MentionFinder): Extractor {
  const contexts = new WeakMap<object, LinkContext>();
  return (passage, { document }) => {
    let context = contexts.get(document);
    if (!context && linker.documentContext) contexts.set(document, (context = linker.documentContext([document.text])));
    const found = linker.find(passage.text, context ? { context } : undefined);
    return { mentions: passage.start === 0 ? found : found.map((m) => shifted(m, passage.start)) };
  };
}

export interface PipelineParts {
  /** Date options, or false for no dates. Default: `findDates`' defaults. */
  dates?: FindDatesOptions | false;
  /** Entity linking (mentions of stored actors and gazetteer entries). */
  linker?: MentionFinder;
  /** Event proposals: runs after dates and mentions, and reads them from `context.found`. */
  events?: Extractor;
  /** Further steps, run last. */
  extra?: Extractor[];
}

/** The pipeline of the given parts, in the order dates → mentions → events → extra. */
export function createPipeline(parts: PipelineParts = {}): Pipeline {
  const extractors: Extractor[] = [];
  if (parts.dates !== false) extractors.push(dateExtractor(parts.dates ?? {}));
  if (parts.linker) extractors.push(linkerExtractor(parts.linker));
  if (parts.events) extractors.push(parts.events);
  extractors.push(...(parts.extra ?? []));
  return { extractors };
}

export interface ExtractDocument {
  file: string;
  format: DocumentFormat;
  text: string;
  metadata: DocumentMetadata;
}

const byStart = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start - b.start || a.end - b.end;

/** Run every passage through the pipeline's extractors; results in document order, each list sorted by offset. */
export async function extractPassages(doc: ExtractDocument, passages: readonly Passage[], pipeline: Pipeline): Promise<ExtractedPassage[]> {
  const document = { file: doc.file, format: doc.format, text: doc.text, metadata: doc.metadata };
  const out: ExtractedPassage[] = [];
  for (let index = 0; index < passages.length; index++) {
    const p = passages[index]!;
    const found: PassageExtraction = { mentions: [], dates: [], events: [] };
    const input = { ...p, text: doc.text.slice(p.start, p.end), index };
    const context: ExtractContext = { document, found };
    for (const extractor of pipeline.extractors) {
      let r = extractor(input, context);
      if (r instanceof Promise) r = await r;
      if (r.mentions) found.mentions.push(...r.mentions);
      if (r.dates) found.dates.push(...r.dates);
      if (r.events) found.events.push(...r.events);
    }
    found.mentions.sort(byStart);
    found.dates.sort(byStart);
    out.push({ ...p, ...found });
  }
  return out;
}

const actorJson = (a: ActorRef) => ({ id: a.id, name: a.name, kind: a.kind, country: a.country ?? null });

/** The `extract --json` line of a passage, or undefined when it yields nothing. */
export function extractLine(p: ExtractedPassage): ExtractLine | undefined {
  const mentions: ExtractLine["mentions"] = [];
  const add = (m: EntityMention) => {
    if (m.actor) mentions.push({ start: m.start, end: m.end, text: m.text, actor: actorJson(m.actor) });
    for (const inner of m.inner ?? []) if (inner.actor && inner.actor.id !== m.actor?.id) add(inner);
  };
  for (const m of p.mentions) add(m);
  if (mentions.length === 0 && p.dates.length === 0 && p.events.length === 0) return undefined;
  mentions.sort(byStart);
  return {
    start: p.start,
    end: p.end,
    mentions,
    dates: p.dates.map(toDateMentionJson),
    events: p.events.map((e) => ({ type: e.event.type, date: e.event.date ? dateValueString(e.event.date) : null, participants: (e.event.participants ?? []).map((x) => x.actor) })),
  };
}

/** The mentions of a passage the linker left to the reviewer (shown by `extract` without --json). */
export function unresolvedMentions(p: ExtractedPassage): UnresolvedMention[] {
  return p.mentions.filter((m) => !m.actor && m.candidates.length > 0).map((m) => ({ start: m.start, end: m.end, text: m.text, candidates: m.candidates.map(actorJson) }));
}
