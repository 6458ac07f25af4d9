// Public API of the network metrics: functions of a graphology graph that run on a cached CSR (typed-array) form.
export { toCsr, type Csr, type AnyGraph } from "./csr.js";
export { degree, betweenness, betweennessSampled, closeness } from "./centrality.js";
export { pagerank, eigenvector } from "./spectral.js";
export { louvain, modularity, mulberry32 } from "./communities.js";
export { coreNumber } from "./kcore.js";
export { egoNodes, egoGraph } from "./ego.js";
export { shortestPath, allShortestPaths } from "./paths.js";
export { brokerage } from "./brokerage.js";
export type { AssignOptions, WithAssign } from "./assign.js";
export {
  DEFAULTS as METRIC_DEFAULTS,
  MetricError,
  type NodeValues,
  type WeightOptions,
  type DegreeMode,
  type DegreeOptions,
  type BetweennessOptions,
  type ClosenessOptions,
  type PageRankOptions,
  type EigenvectorOptions,
  type LouvainOptions,
  type LouvainResult,
  type ModularityOptions,
  type EgoDirection,
  type EgoOptions,
  type PathOptions,
  type AllPathsOptions,
  type BrokerageRoles,
} from "./types.js";
