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
}

export function fold(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}
