// Public API of @diplograph/analysis: graph views over the store, network metrics, overlap, dyads, multiplex
// activity, framework scorecards and the neighbourhood-assembly designer. Pure functions of the store's data,
// served alike to the CLI, the API and the web application.
export * from "./metrics/index.js";
