// Public API of entity linking: actors named in running text (English and Persian), linked to stored actors and to
// the maintained gazetteer (countries, organisations, parliaments, Party Facts parties), with offsets into the text.
export type * from "./types.js";
export { Linker, mentionedCountries, type LinkerSources, type StandardLinkerOptions } from "./linker.js";
export { DEFAULT_GAZETTEER_DIR, DEFAULT_PARTIES_FA, DEFAULT_PARTYFACTS_CSV, loadGazetteer } from "./gazetteer.js";
export { loadPartyFacts, type PartyFactsOptions } from "./partyfacts.js";
export { normaliseForMatching, normaliseName, originalSpan, type MatchText } from "../language/normalise.js";

