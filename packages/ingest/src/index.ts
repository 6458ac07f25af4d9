// Public API of @diplograph/ingest: dataset import (and, later, documents and event data).
export { importDataset, type ImportOptions, type ImportPhase, type ImportSummary } from "./dataset/import.js";
export { readDataset, type RawRecord, type RecordLoc } from "./dataset/read.js";
export * from "./dataset/format.js";
export { parseQuantity, readClaimValue } from "./dataset/values.js";
export { QuoteIndex } from "./dataset/quotes.js";
export * from "./documents/dates/index.js";
export * from "./documents/citations/index.js";
export * from "./documents/entities/index.js";
