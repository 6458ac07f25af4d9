// Public API of @diplograph/analysis: graph views over the store, network metrics, overlap, dyads, multiplex
// activity, framework scorecards and the neighbourhood-assembly designer. Pure functions of the store's data,
// served alike to the CLI, the API and the web application.
export * from "./network/data.js";
export * from "./network/filter.js";
export * from "./network/memberships.js";
export * from "./network/refs.js";
export * from "./network/load.js";
export * from "./views/index.js";
export * from "./overlap/index.js";
export { GOLDSTEIN, goldstein } from "./reference/goldstein.js";
export * from "./dyad/index.js";
export * from "./multiplex/index.js";
export * from "./views/export.js";
export * from "./neighbourhood/index.js";
export * from "./scorecards/index.js";
export * from "./metrics/index.js";
export * from "./paths/index.js";
export * from "./views/metrics.js";
