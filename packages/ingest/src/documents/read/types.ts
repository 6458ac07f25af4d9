// Types of document reading: the formats read, the metadata a file states, and what reading a file returns.

/** The formats `readDocument` reads, each a type-map entry: adding one is adding a reader in `index.ts`. */
export const DOCUMENT_FORMATS = {
  text: { extensions: [".txt", ".text"], label: "plain text" },
  markdown: { extensions: [".md", ".markdown"], label: "Markdown" },
  html: { extensions: [".html", ".htm", ".xhtml"], label: "HTML" },
  pdf: { extensions: [".pdf"], label: "PDF (text layer)" },
  docx: { extensions: [".docx"], label: "Word (DOCX)" },
} as const;
export type DocumentFormat = keyof typeof DOCUMENT_FORMATS;

/** What a document says about itself. Every field is optional: a reader fills what its format states. */
export interface DocumentMetadata {
  title?: string;
  authors?: string[];
  /** As written or as the format stores it (`2024-01-15`, `28 Dey 1403`); read with the model's `parseDate`. */
  date?: string;
  /** ISO 639-1 code. */
  language?: string;
  doi?: string;
  /** Journal, site or publisher, when the format states it (`citation_journal_title`). */
  venue?: string;
  url?: string;
}

/** A file read into the text that passages, quotes and offsets refer to. */
export interface ReadDocument {
  /** The path as given. */
  file: string;
  format: DocumentFormat;
  /**
   * The document text. For text and Markdown the file itself (decoded, without a byte-order mark); for HTML, PDF and
   * DOCX the text extracted from it (see docs/ingest.md). Every offset Diplograph gives is a JavaScript string index
   * into this text.
   */
  text: string;
  /** Metadata the format states (HTML meta tags, PDF Info, DOCX core properties, Markdown front matter). */
  metadata: DocumentMetadata;
  /** SHA-256 of the file's bytes, hex: the identity of a version. */
  sha256: string;
  /** Where the body starts: after Markdown front matter, else 0. Passages are looked for from here on. */
  bodyStart: number;
}
