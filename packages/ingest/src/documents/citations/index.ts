// Public API of the citations module: references lists and in-text citations of a document, linked, and exported.
import { findInTextCitations } from "./intext.js";
import { linkCitations } from "./link.js";
import { findReferencesSection, parseReferences } from "./references.js";
import type { CitationAnalysis } from "./types.js";

export * from "./types.js";
export { findReferencesSection, parseReference, parseReferences, referenceKey, type ParseReferenceOptions } from "./references.js";
export { parseAuthors, type ParsedAuthors } from "./names.js";
export { findInTextCitations, type FindCitationsOptions } from "./intext.js";
export { linkCitations, matchName } from "./link.js";
export { toCslJson, type CslItem, type CslName, type CslDate } from "./csl.js";
export { toBibtex, escapeBibtex } from "./bibtex.js";
export { nameKey, nameSkeleton, readYear, yearsMatch } from "./utils.js";

/** Everything at once: the references list parsed, the citations outside it found, and each linked. */
export function analyseCitations(text: string): CitationAnalysis {
  const section = findReferencesSection(text);
  const references = section ? parseReferences(section) : [];
  const citations = findInTextCitations(text, references, { exclude: section ? [{ start: section.start, end: section.end }] : [] });
  const out: CitationAnalysis = { references, citations, links: linkCitations(citations, references) };
  if (section) out.section = section;
  return out;
}
