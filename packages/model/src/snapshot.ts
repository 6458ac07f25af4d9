// A whole dataset in memory: what exports read and what a JSON export writes.
import type { Actor, Agreement, Claim, Concept, Event, Relation, Source } from "./records.js";

export interface Snapshot {
  sources: Source[];
  actors: Actor[];
  agreements: Agreement[];
  concepts: Concept[];
  relations: Relation[];
  events: Event[];
  claims: Claim[];
}
