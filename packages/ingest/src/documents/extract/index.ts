// Public API of the extraction pipeline. Entity linking and event proposals plug in through `defaultPipeline`.
import type { Store } from "@diplograph/store";
import { Linker } from "../entities/linker.js";
import { eventExtractor } from "../events/extractor.js";
import { createPipeline } from "./pipeline.js";
import type { Pipeline } from "./types.js";

export * from "./types.js";
export { createPipeline, dateExtractor, extractLine, extractPassages, linkerExtractor, unresolvedMentions, type ExtractDocument, type PipelineParts } from "./pipeline.js";

/**
 * The pipeline `diplograph ingest` and `diplograph extract` run: dates; entity linking against the store's actors
 * (when a store is open), the gazetteer and Party Facts; and event proposals, whose host countries are the linker's
 * states. The linker is built once per store and reused.
 */
export async function defaultPipeline(store?: Store): Promise<Pipeline> {
  const linker = await linkerFor(store);
  return createPipeline({ linker, events: eventExtractor({ countryActor: (iso3) => linker.country(iso3) }) });
}

const linkers = new WeakMap<object, Promise<Linker>>();
let standalone: Linker | undefined;

function linkerFor(store: Store | undefined): Promise<Linker> {
  if (!store) return Promise.resolve((standalone ??= Linker.standard()));
  let l = linkers.get(store);
  if (!l) linkers.set(store, (l = Linker.fromStore(store)));
  return l;
}
