// Public API of passages: a document's text cut into headings, paragraphs, numbered items and list entries.
export { splitPassages, continues } from "./split.js";
export { PASSAGE_KINDS, type Passage, type PassageKind, type SplitOptions } from "./types.js";
