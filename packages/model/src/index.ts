// Public API of @diplograph/model: vocabularies, dates, names, record schemas and errors.
export * from "./vocab.js";
export * from "./dates.js";
export * from "./countries.js";
export * from "./names.js";
export * from "./records.js";
export * from "./snapshot.js";
export * from "./errors.js";
export * from "./hash.js";
