// Types of the event proposer: what it reads (a passage, its linked actor mentions and its dates) and what it
// proposes (an event a reviewer accepts, edits or rejects, pointing at the sentence that states it).
import type { ActorKind, DateValue, EventType, ParticipantRole, Precision } from "@diplograph/model";
import type { DateMention } from "../dates/index.js";

/** The actor a mention was linked to. */
export interface LinkedActor {
  id: string;
  name: string;
  kind: ActorKind;
  /** ISO 3166-1 alpha-3 code, for states and for actors that belong to one country. */
  country?: string;
}

/**
 * An actor mention as the entity linker reports it: `actor` only when the link is certain (unambiguous, or settled
 * by context); otherwise `candidates` holds the choices, which the proposer passes on to the reviewer, never picks.
 */
export interface ActorMention {
  start: number;
  end: number;
  text: string;
  actor?: LinkedActor;
  candidates?: readonly LinkedActor[];
}

/** A place named as an event's venue ("held in Tehran"), from data/reference/places.yaml or a country mention. */
export interface PlaceMention {
  start: number;
  end: number;
  text: string;
  /** The place's neutral English name. */
  name: string;
  /** ISO 3166-1 alpha-3 code of the place's country. */
  country: string;
}

export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

export interface ProposedParticipant {
  actor: LinkedActor;
  role: ParticipantRole;
  /** The mention the participant comes from (the first, when the actor is named several times). */
  mention: TextSpan;
}

/** An event a passage states, proposed for review. Offsets are into the text given to `proposeEvents`. */
export interface EventFinding {
  type: EventType;
  /** The date the sentence gives the event; absent when it gives none (the proposer never borrows another's). */
  date?: DateValue;
  precision?: Precision;
  /** The date expression the value comes from. */
  dateText?: TextSpan;
  participants: ProposedParticipant[];
  /** Mentions in the sentence that could be one of several actors: for the reviewer to settle. */
  unresolved: Array<TextSpan & { candidates: LinkedActor[] }>;
  place?: PlaceMention;
  /** The words that state the event ("was held", "signed", "approved … membership"). */
  trigger: TextSpan;
  /** The sentence that states it: the claim's quote and locator. */
  sentence: TextSpan;
  /** A short neutral title for the record, built from the type, the participants and the place. */
  title: string;
  /** 0–1: how sure the proposer is (see docs/ingest.md, "Event proposals"). */
  confidence: number;
}

/** What the proposer reads besides the text. */
export interface ProposeEventsInput {
  /** The passage (or any text): offsets of mentions and dates are into it. */
  text: string;
  mentions: readonly ActorMention[];
  /** Dates found in the same text (`findDates(text)`); found here when absent. */
  dates?: readonly DateMention[];
  /** Whether the text is Persian; decided from its letters when absent. */
  language?: "en" | "fa";
}
