// Public API of @diplograph/ingest: dataset import, and documents: reading, passages, language, extraction, ingest.
export { importDataset, type ImportOptions, type ImportPhase, type ImportSummary } from "./dataset/import.js";
export { readDataset, type RawRecord, type RecordLoc } from "./dataset/read.js";
export * from "./dataset/format.js";
export { parseQuantity, readClaimValue } from "./dataset/values.js";
export { QuoteIndex } from "./dataset/quotes.js";
export * from "./documents/dates/index.js";
export * from "./documents/citations/index.js";
export * from "./documents/read/index.js";
export * from "./documents/passages/index.js";
export * from "./documents/language/index.js";
export * from "./documents/extract/index.js";
export * from "./documents/ingest/index.js";
export * from "./documents/events/index.js";
export * from "./documents/entities/index.js";
