// A whole dataset in memory: what exports read and what a JSON export writes.
import type { Actor, Agreement, Claim, Concept, Event, Relation, Source } from "./records.js";

export interface Snapshot {
  /** Sources with their document text, so an export carries what its claims quote. */
  sources: Array<Source & { text?: string }>;
  actors: Actor[];
  agreements: Agreement[];
  concepts: Concept[];
  relations: Relation[];
  events: Event[];
  claims: Claim[];
}
