// Finding a claim's quote in its document, whitespace-insensitively, and reporting the exact span of the original text.

/** A document text folded for quote search, with the way back to original offsets. */
export class QuoteIndex {
  private readonly folded: string;
  /** Original offset of each folded character. */
  private readonly map: Int32Array;

  constructor(readonly text: string) {
    const map = new Int32Array(text.length);
    let out = "";
    let n = 0;
    let inSpace = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (/\s/.test(c)) {
        if (!inSpace && n > 0) {
          out += " ";
          map[n++] = i;
        }
        inSpace = true;
      } else {
        out += c;
        map[n++] = i;
        inSpace = false;
      }
    }
    this.folded = out;
    this.map = map.subarray(0, n);
  }

  /** Every span of the text the quote matches, whitespace runs matching any whitespace. */
  find(quote: string): Array<{ start: number; end: number }> {
    const q = fold(quote);
    if (!q) return [];
    const spans: Array<{ start: number; end: number }> = [];
    for (let i = this.folded.indexOf(q); i >= 0; i = this.folded.indexOf(q, i + 1)) {
      spans.push({ start: this.map[i]!, end: this.map[i + q.length - 1]! + 1 });
    }
    return spans;
  }

  /**
   * The one span a quote stands at: the only match, or the match at `start` (and `end`) when given. Otherwise a
   * message saying why not (absent, elsewhere, or ambiguous), for the importer's issues and the API's 400s.
   */
  locate(quote: string, source: string, start?: number, end?: number): { start: number; end: number; quote: string } | { error: string } {
    const spans = this.find(quote);
    if (spans.length === 0) return { error: `quote not found in source ${source}: "${quote.length > 80 ? `${quote.slice(0, 77)}...` : quote}"` };
    let span = spans[0]!;
    if (start !== undefined) {
      const match = spans.find((s) => s.start === start && (end === undefined || s.end === end));
      if (!match) return { error: `the quote is not at ${start}${end !== undefined ? `-${end}` : ""} of source ${source}; it occurs at ${spans.map((s) => s.start).join(", ")}` };
      span = match;
    } else if (spans.length > 1) {
      return { error: `the quote occurs ${spans.length} times in source ${source} (at ${spans.map((s) => s.start).join(", ")}); give start to choose one` };
    }
    return { start: span.start, end: span.end, quote: this.text.slice(span.start, span.end) };
  }
}

export function fold(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}
