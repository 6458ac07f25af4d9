// Public API of @diplograph/store: open a database, write validated records, query them.
export { Store } from "./store.js";
export { SORTS } from "./store.js";
export type { ActorFacet, ActorHit, ActorPage, ActorRecords, ActorSearch, ClaimFilter, ClaimWithSource, DocumentVersion, EventFilter, EventHit, Page, RelationFilter, RelationHit, SortKey, SortableList, Stats, StoredPassage } from "./store.js";
export { DEFAULT_DB, StoreError, describeLocation, parseLocation, type Location } from "./connect.js";
export { BULK_ROWS, type BulkOptions, type Counts, type DocumentVersionWrite, type WriteProgress, type WriteResult, type WriteSet, type Writer } from "./write.js";
export { claimRow, eventRow, participantRows, relationRow, type SourceWithText } from "./rows.js";
export { packRows, unpackRows, type PackedRows } from "./packed.js";
export { RECORD_TABLES, type RecordTable } from "./schema.js";
