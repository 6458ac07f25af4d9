// Types of the citations module: references-list entries, bibliographic records, in-text citations and their links.
import type { Calendar } from "@diplograph/model";

/** A stretch of the original text: JavaScript string indexes, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

/**
 * The kinds of bibliographic record, each with the BibTeX entry type it is written as. One map: adding a kind is
 * adding one entry here, and the compiler lists every place that must handle it.
 */
export const REFERENCE_TYPES = {
  "article-journal": { bibtex: "article" },
  book: { bibtex: "book" },
  chapter: { bibtex: "incollection" },
  "paper-conference": { bibtex: "inproceedings" },
  report: { bibtex: "techreport" },
  thesis: { bibtex: "phdthesis" },
  webpage: { bibtex: "misc" },
  document: { bibtex: "misc" },
} as const satisfies Record<string, { bibtex: string }>;
export type ReferenceType = keyof typeof REFERENCE_TYPES;

/** A person or a body named as author, editor or translator. */
export interface PersonName {
  family?: string;
  given?: string;
  /** "Jr", "III". */
  suffix?: string;
  /** A corporate author or a name that could not be split ("World Bank", "Holy Quran"'s compilers). */
  literal?: string;
  /** The order (family first or given first) was inferred, not marked by a comma. */
  orderUncertain?: boolean;
}

/**
 * A year as a source wrote it. Years 1300–1420 are read as Solar Hijri (1300 SH = 1921): a modern reference list
 * has almost no Gregorian works from those centuries; `yearAmbiguous` says whether anything (Persian script or
 * digits, an SH marker, "[in Persian]", an Iranian city of publication) confirmed it.
 */
export interface CitedYear {
  /** As written: "2005a", "۱۳۷۷", "1377". */
  original: string;
  /** The year number in its own calendar: 1377, 2005. */
  value: number;
  /** The letter that tells apart works of one author in one year: "a", "b". */
  suffix?: string;
  calendar: Calendar;
  yearAmbiguous: boolean;
  /** The Gregorian years the year overlaps: [2005]; [1998, 1999] for 1377 SH (21 March 1998 – 20 March 1999). */
  gregorianYears: number[];
  /** The Gregorian days it covers, from the model's conversion: {start: "1998-03-21", end: "1999-03-20"}. */
  gregorian: { start: string; end: string };
}

/** One entry of a references list, as cut from the text (before parsing). */
export interface ReferenceEntry extends Span {
  /** The original text of the entry (without its bullet or number). */
  text: string;
  /** The number or label printed before it: "12", "[3]". */
  label?: string;
}

/** A located references list. */
export interface ReferencesSection extends Span {
  /** The heading as written ("References", "منابع"). */
  heading: string;
  headingSpan: Span;
  entries: ReferenceEntry[];
}

/** A bibliographic record parsed from one references-list entry. */
export interface Reference extends Span {
  /** Stable key, unique within its list: `nye2005`, `nye2005a`; the BibTeX key and the CSL-JSON id. */
  id: string;
  /** The entry's original text. */
  text: string;
  label?: string;
  type: ReferenceType;
  authors: PersonName[];
  /** The author list ended with "et al." / «و همکاران». */
  etAl?: boolean;
  editors?: PersonName[];
  translators?: PersonName[];
  year?: CitedYear;
  title?: string;
  /** Journal, book (for a chapter), proceedings, website. */
  containerTitle?: string;
  publisher?: string;
  place?: string;
  volume?: string;
  issue?: string;
  pages?: string;
  edition?: string;
  doi?: string;
  url?: string;
  /** ISO 639-1 code when the entry says or shows it: "fa", "ru". */
  language?: string;
  /** What the parser was unsure of. */
  warnings: string[];
}

export type CitationKind = "parenthetical" | "narrative";

/** One in-text citation: one author-year pair ("(Nye, 2005: 110; Keohane, 1984)" holds two). */
export interface InTextCitation extends Span {
  /** The citation's own text (without the surrounding parenthesis or ";"). */
  text: string;
  kind: CitationKind;
  /** The whole parenthesis (parenthetical) or the name and its parenthesis (narrative). */
  group: Span;
  /** Family names as cited: ["Kohkan", "Gorji"]. */
  authors: string[];
  etAl: boolean;
  year: CitedYear;
  /** Page or other locator as written: "110", "156–157", "146/15". */
  locator?: string;
  /** "see", "e.g." and the like. */
  prefix?: string;
  warnings: string[];
}

/** How a citation's name matched its reference's first author. */
export type NameMatch = "exact" | "variant" | "partial" | "author-order";
/** How the years matched: the same number, or one Solar Hijri and the other its Gregorian equivalent. */
export type YearMatch = "same" | "converted";

export type LinkStatus = "linked" | "ambiguous" | "unlinked";

export interface CitationLink {
  citation: InTextCitation;
  status: LinkStatus;
  /** The reference's id, when linked. */
  reference?: string;
  match?: { name: NameMatch; year: YearMatch };
  /** Every reference that fits equally well, when ambiguous. */
  candidates: string[];
  /** For an unlinked citation: references that almost fit, for an analyst to review. Never linked. */
  near: Array<{ reference: string; reason: string }>;
}

/** Everything found in one document. */
export interface CitationAnalysis {
  section?: ReferencesSection;
  references: Reference[];
  citations: InTextCitation[];
  links: CitationLink[];
}
