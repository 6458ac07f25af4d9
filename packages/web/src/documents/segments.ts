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

export interface PassageSpan {
  ord: number;
  start: number;
  end: number;
  kind: string;
  label?: string;
}

/** A stretch of the text shown as one block: a passage, or text between passages (then `passage` is undefined). */
export interface Block {
  passage?: PassageSpan;
  start: number;
  end: number;
  segments: Segment[];
}

/**
 * The text as blocks, one per passage in document order, each cut into plain runs and claim passages; a claim that
 * crosses a passage's end is marked in both. Text between passages that is only white space (the blank lines that
 * separate them) is left out; any other text there is a block of its own, so no text is ever lost.
 */
export function passageBlocks(text: string, passages: readonly PassageSpan[], spans: readonly Span[]): Block[] {
  const block = (start: number, end: number, passage?: PassageSpan): Block => ({
    passage,
    start,
    end,
    segments: segments(
      text.slice(start, end),
      spans.filter((s) => s.start < end && s.end > start).map((s) => ({ id: s.id, start: Math.max(s.start, start) - start, end: Math.min(s.end, end) - start })),
    ).map((g) => ({ ...g, start: g.start + start })),
  });
  const out: Block[] = [];
  let at = 0;
  const gap = (to: number) => {
    if (to > at && text.slice(at, to).trim()) out.push(block(at, to));
  };
  for (const p of [...passages].filter((p) => p.start >= 0 && p.end <= text.length && p.end > p.start).sort((a, b) => a.start - b.start)) {
    if (p.start < at) continue; // overlaps the one before: not a split of the text
    gap(p.start);
    out.push(block(p.start, p.end, p));
    at = p.end;
  }
  gap(text.length);
  return out;
}
