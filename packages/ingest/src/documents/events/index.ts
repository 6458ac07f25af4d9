// Public API of the event proposer: sentences that state events, turned into proposed events for review.
export * from "./types.js";
export { proposeEvents, sentences, toEventFindingJson, type EventFindingJson, type ProposeEventsOptions } from "./propose.js";
export { DEFAULT_PLACES_TABLE, PlaceFinder, defaultPlaceFinder, loadPlaces, type Place } from "./places.js";
export { TRIGGERS, type Trigger } from "./lexicon.js";
export { eventExtractor, toProposal } from "./extractor.js";
