// Public API of the extraction pipeline. Entity linking and event proposals plug in through `defaultPipeline`.
import type { Store } from "@diplograph/store";
import { createPipeline } from "./pipeline.js";
import type { Pipeline } from "./types.js";

export * from "./types.js";
export { createPipeline, dateExtractor, extractLine, extractPassages, linkerExtractor, type ExtractDocument, type PipelineParts } from "./pipeline.js";

/**
 * The pipeline `diplograph ingest` and `diplograph extract` run, given the open store when there is one. Today it
 * finds dates; entity linking (a `Linker` built from the store's actor names) and event proposals are added here as
 * `createPipeline({ linker, events })`.
 */
export async function defaultPipeline(_store?: Store): Promise<Pipeline> {
  return createPipeline();
}
