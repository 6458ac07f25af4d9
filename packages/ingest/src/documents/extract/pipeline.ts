// The extraction pipeline: every passage through the extractors in order (dates, then entity mentions, then events),
// and the JSON Lines form of what it found. Entity linking and event proposals plug in as extractors.
import { dateValueString, findDates, toDateMentionJson, type FindDatesOptions } from "../dates/index.js";
import type { Passage } from "../passages/index.js";
import type { DocumentFormat, DocumentMetadata } from "../read/index.js";
import type { EntityMention, ExtractContext, ExtractedPassage, ExtractLine, Extractor, Linker, PassageExtraction, Pipeline } from "./types.js";

/** Dates stated in the passage (`findDates`), with offsets shifted into the document. */
export function dateExtractor(options: FindDatesOptions = {}): Extractor {
  return (passage) => {
    const dates = findDates(passage.text, passage.language === "fa" && options.persian === undefined ? { ...options, persian: true } : options);
    if (passage.start !== 0) for (const d of dates) (d.start += passage.start), (d.end += passage.start);
    return { dates };
  };
}

/** Entity mentions from a Linker, with offsets shifted from the passage into the document. */
export function linkerExtractor(linker: Linker): Extractor {
  return (passage) => ({
    mentions: linker.find(passage.text).map((m): EntityMention => ({ ...m, start: m.start + passage.start, end: m.end + passage.start })),
  });
}

export interface PipelineParts {
  /** Date options, or false for no dates. Default: `findDates`' defaults. */
  dates?: FindDatesOptions | false;
  /** Entity linking (mentions of stored actors). */
  linker?: Linker;
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

/** The `extract --json` line of a passage, or undefined when it yields nothing. */
export function extractLine(p: ExtractedPassage): ExtractLine | undefined {
  if (p.mentions.length === 0 && p.dates.length === 0 && p.events.length === 0) return undefined;
  return {
    start: p.start,
    end: p.end,
    mentions: p.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text, actor: { id: m.actor.id, name: m.actor.name, kind: m.actor.kind, country: m.actor.country ?? null } })),
    dates: p.dates.map(toDateMentionJson),
    events: p.events.map((e) => ({ type: e.event.type, date: dateValueString(e.event.date), participants: (e.event.participants ?? []).map((x) => x.actor) })),
  };
}
