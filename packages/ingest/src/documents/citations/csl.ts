// CSL-JSON: the records as Citation Style Language items, for Zotero, pandoc and citeproc.
import type { PersonName, Reference } from "./types.js";

export interface CslName {
  family?: string;
  given?: string;
  suffix?: string;
  literal?: string;
}

export interface CslDate {
  "date-parts"?: number[][];
  literal?: string;
}

/** The CSL-JSON variables this module writes (a subset of the CSL 1.0.2 schema). */
export interface CslItem {
  id: string;
  type: string;
  author?: CslName[];
  editor?: CslName[];
  translator?: CslName[];
  issued?: CslDate;
  "original-date"?: CslDate;
  title?: string;
  "container-title"?: string;
  publisher?: string;
  "publisher-place"?: string;
  volume?: string;
  issue?: string;
  page?: string;
  edition?: string;
  DOI?: string;
  URL?: string;
  language?: string;
  note?: string;
}

function cslName(p: PersonName): CslName {
  if (p.literal) return { literal: p.literal };
  const n: CslName = {};
  if (p.family) n.family = p.family;
  if (p.given) n.given = p.given;
  if (p.suffix) n.suffix = p.suffix;
  return n;
}

/**
 * The records as CSL-JSON items. A Solar Hijri year is issued as the Gregorian years it overlaps
 * (1377 SH → `[[1998], [1999]]`, a CSL date range) with the original kept in `original-date` (as a literal, since
 * CSL dates are Gregorian) and explained in `note`.
 */
export function toCslJson(references: Reference[]): CslItem[] {
  return references.map((r) => {
    const item: CslItem = { id: r.id, type: r.type };
    if (r.authors.length) item.author = r.authors.map(cslName);
    if (r.editors?.length) item.editor = r.editors.map(cslName);
    if (r.translators?.length) item.translator = r.translators.map(cslName);
    const notes: string[] = [];
    if (r.year) {
      const y = r.year;
      if (y.calendar === "solar-hijri") {
        item.issued = { "date-parts": y.gregorianYears.length > 1 ? y.gregorianYears.map((g) => [g]) : [[y.gregorianYears[0]!]] };
        item["original-date"] = { literal: `${y.original} SH` };
        notes.push(`Solar Hijri year ${y.original} (${y.gregorian.start} to ${y.gregorian.end})${y.yearAmbiguous ? "; calendar inferred from the year's range" : ""}`);
      } else {
        item.issued = { "date-parts": [[y.value]] };
        if (y.yearAmbiguous) notes.push(`year ${y.original}: calendar uncertain`);
      }
    }
    if (r.title) item.title = r.title;
    if (r.containerTitle) item["container-title"] = r.containerTitle;
    if (r.publisher) item.publisher = r.publisher;
    if (r.place) item["publisher-place"] = r.place;
    if (r.volume) item.volume = r.volume;
    if (r.issue) item.issue = r.issue;
    if (r.pages) item.page = r.pages;
    if (r.edition) item.edition = r.edition;
    if (r.doi) item.DOI = r.doi;
    if (r.url) item.URL = r.url;
    if (r.language) item.language = r.language;
    if (notes.length) item.note = notes.join("; ");
    return item;
  });
}
