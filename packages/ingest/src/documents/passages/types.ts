// Types of passages: the units a document is cut into, each an exact span of its text.

/** What a passage is; one entry per kind, so adding a kind is adding an entry. */
export const PASSAGE_KINDS = {
  heading: { label: "Heading" },
  paragraph: { label: "Paragraph" },
  /** A numbered item: `1 - …`, `1.`, `1)`, `(1)`, `۱-`, `A.`, or a bare number continuing a running list. */
  item: { label: "Numbered item" },
  /** A bulleted entry: `- `, `* `, `•`. */
  "list-entry": { label: "List entry" },
} as const;
export type PassageKind = keyof typeof PASSAGE_KINDS;

export interface Passage {
  /** JavaScript string index of the passage's first character in the document text. */
  start: number;
  /** Index just past its last character (trailing white space excluded): the passage is `text.slice(start, end)`. */
  end: number;
  kind: PassageKind;
  /** An item's number or letter as written, with ASCII digits (`12`, `1-1`, `A`). */
  label?: string;
  /** ISO 639-1 code of the passage's language, or "und". */
  language: string;
}

export interface SplitOptions {
  /** Look for passages from this index on (after Markdown front matter). Default 0. */
  from?: number;
  /** Detect each passage's language (default true); false leaves "und" (for callers that detect it themselves). */
  languages?: boolean;
}
