// Split a document's text into plain runs and claim passages, for highlighting (overlapping passages nest as one mark).
export interface Span {
  id: string;
  start: number;
  end: number;
}
export interface Segment {
  text: string;
  start: number;
  /** The claims whose passage covers this run (empty: plain text). */
  claims: string[];
}

export function segments(text: string, spans: readonly Span[]): Segment[] {
  const cuts = new Set<number>([0, text.length]);
  const valid = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.end > s.start);
  for (const s of valid) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const claims = valid.filter((s) => s.start <= a && s.end >= b).map((s) => s.id);
    const last = out[out.length - 1];
    if (last && last.claims.join() === claims.join()) last.text += text.slice(a, b);
    else out.push({ text: text.slice(a, b), start: a, claims });
  }
  return out;
}
