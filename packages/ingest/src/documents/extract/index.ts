// Public API of the extraction pipeline. Entity linking and event proposals plug in through `defaultPipeline`.
import type { Store } from "@diplograph/store";
import { loadGazetteer } from "../entities/gazetteer.js";
import { Linker } from "../entities/linker.js";
import { loadPartyFacts } from "../entities/partyfacts.js";
import type { Gazetteer, GazetteerEntity } from "../entities/types.js";
import { eventExtractor } from "../events/extractor.js";
import { createPipeline } from "./pipeline.js";
import type { Pipeline } from "./types.js";

export * from "./types.js";
export { createPipeline, dateExtractor, extractLine, extractPassages, linkerExtractor, unresolvedMentions, type ExtractDocument, type PipelineParts } from "./pipeline.js";

/**
 * The pipeline `diplograph ingest` and `diplograph extract` run: dates; entity linking against the store's actors
 * (when a store is open), the gazetteer and Party Facts; and event proposals, whose host countries are the linker's
 * states. The gazetteer and Party Facts are read once per process; the store's actors are read on every call, so a
 * long-running server links the actors created since it started.
 */
export async function defaultPipeline(store?: Store): Promise<Pipeline> {
  const linker = await linkerFor(store);
  return createPipeline({ linker, events: eventExtractor({ countryActor: (iso3) => linker.country(iso3) }) });
}

let reference: { gazetteer: Gazetteer; parties: GazetteerEntity[] } | undefined;

function linkerFor(store: Store | undefined): Promise<Linker> {
  reference ??= { gazetteer: loadGazetteer(), parties: loadPartyFacts() };
  return store ? Linker.fromStore(store, reference) : Promise.resolve(Linker.standard([], reference));
}
