// Public API of @diplograph/export: graph projection, GEXF, GraphML, JSON and CSV exports of a snapshot.
export type * from "./types.js";
export { ExportError } from "./errors.js";
export { projectGraph, DEFAULT_GRAPH_OPTIONS, NODE_ATTRIBUTES, EDGE_ATTRIBUTES, graphAttributes, elementValues } from "./graph.js";
export type { NodeAttributeKey, EdgeAttributeKey } from "./graph.js";
export { toGexf, GEXF_NAMESPACE } from "./gexf.js";
export { toGraphml, GRAPHML_NAMESPACE } from "./graphml.js";
export { toJson, toJsonDocument } from "./json.js";
export { toCsvTables, toNodeEdgeCsv, ACTOR_COLUMNS, RELATION_COLUMNS, EVENT_COLUMNS, CLAIM_COLUMNS } from "./csv.js";
