// Types of the extraction pipeline: what an extractor is given for a passage, what it returns, and the proposals
// (entity mentions, dates, events) that `diplograph extract` prints and `diplograph ingest` writes for review.
import type { Event } from "@diplograph/model";
import type { ActorRef, EntityMention, FindEntitiesOptions, LinkContext } from "../entities/types.js";

export type { EntityMention };
import type { DateMention } from "../dates/index.js";
import type { Passage } from "../passages/index.js";
import type { DocumentFormat, DocumentMetadata } from "../read/index.js";

/** The actor a mention names, as `extract --json` prints it. */
export type MentionedActor = ActorRef;

/**
 * Entity linking: finds the actors a text names (offsets into the text it is given; `linkerExtractor` shifts them).
 * The entities module's `Linker` is one; `documentContext`, when there, gives what the whole document names, so that
 * a passage's ambiguous names can be settled by the rest of the document.
 */
export interface MentionFinder {
  find(text: string, options?: FindEntitiesOptions): EntityMention[];
  documentContext?(passages: readonly string[]): LinkContext;
}

/**
 * A proposed event: the model's Event record; without an id one is derived from the source, the span and the type.
 * Without a date (the passage states none) it is shown by `extract` but not written: a stored event needs a date.
 */
export type ProposedEvent = Omit<Event, "id" | "participants" | "layers" | "attributes" | "date"> &
  Partial<Pick<Event, "id" | "participants" | "layers" | "attributes" | "date">>;

/**
 * What an event extractor returns for each event it finds. `diplograph ingest` validates the event against the
 * model's Event schema, writes it (unless an event with its id is stored already: then only the claim is added) and a
 * claim on it that quotes the evidence, with status `proposed`, into the review queue.
 */
export interface EventProposal {
  event: ProposedEvent;
  /** The span the claim quotes, as indexes into the document text; default: the whole passage. */
  evidence?: { start: number; end: number };
  /** 0–1, the claim's confidence. */
  confidence: number;
  /** A note for the reviewer (how the event was read). */
  note?: string;
  /**
   * The participants as the linker described them: one the store does not hold yet (a gazetteer country, party or
   * body) is proposed as an actor with the event, its claim quoting the mention.
   */
  actors?: Array<ActorRef & { mention: { start: number; end: number } }>;
}

/** What the pipeline finds in one passage. Every offset is an index into the document text. */
export interface PassageExtraction {
  mentions: EntityMention[];
  dates: DateMention[];
  events: EventProposal[];
}

/** A passage handed to an extractor: its span, kind and language, and its text. */
export interface PassageInput extends Passage {
  /** `document.text.slice(start, end)`. */
  text: string;
  /** 0, 1, … in document order. */
  index: number;
}

export interface ExtractContext {
  document: { file: string; format: DocumentFormat; text: string; metadata: DocumentMetadata };
  /** What the extractors before this one found in the passage (dates first, then mentions): an event extractor reads them. */
  found: Readonly<PassageExtraction>;
}

/**
 * One step of the pipeline: given a passage, return what it finds (any of mentions, dates, events), with offsets
 * into the document text. Steps run in order and each sees what the earlier ones found (`context.found`).
 */
export type Extractor = (passage: PassageInput, context: ExtractContext) => Partial<PassageExtraction> | Promise<Partial<PassageExtraction>>;

export interface Pipeline {
  extractors: Extractor[];
}

/** A passage with what was found in it. */
export interface ExtractedPassage extends Passage, PassageExtraction {}

/** A mention the linker left to the reviewer, with the actors its words can denote there. */
export interface UnresolvedMention {
  start: number;
  end: number;
  text: string;
  candidates: Array<{ id: string; name: string; kind: string; country: string | null }>;
}

/** One line of `diplograph extract --json`: exactly the documented keys (unresolved mentions are not among them). */
export interface ExtractLine {
  start: number;
  end: number;
  /**
   * Linked mentions, and the countries named inside them as mentions of their own ("Iranian" in "the Iranian
   * parliament", "China" in "Communist Party of China"): their spans lie within the outer mention's.
   */
  mentions: Array<{ start: number; end: number; text: string; actor: { id: string; name: string; kind: string; country: string | null } }>;
  dates: Array<{ start: number; end: number; text: string; value: string; precision: string; calendar: string }>;
  /** `date` is null when the passage states none. */
  events: Array<{ type: string; date: string | null; participants: string[] }>;
}
