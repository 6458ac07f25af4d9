// Public API of document ingest: files into document versions, passages and proposed claims.
export { analyseDocument, documentIdFor, ingestDocuments, type AnalysedDocument, type DocumentOverrides, type IngestedFile, type IngestOptions, type IngestProgress, type IngestStatus, type IngestSummary } from "./ingest.js";
export { findDoi, metadataFromText, passageLanguages } from "./metadata.js";
