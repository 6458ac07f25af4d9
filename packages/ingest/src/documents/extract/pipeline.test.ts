import { describe, expect, it } from "vitest";
import { splitPassages } from "../passages/index.js";
import { createPipeline, extractLine, extractPassages, type Extractor, type MentionFinder } from "./index.js";

const text = "Introduction\n\nIran joined the Non-Aligned Movement in 1979.\n\nNothing dated here.\n\n۱- در سال ۱۳۷۷ ایران عضو شد.";
const doc = { file: "t.txt", format: "text" as const, text, metadata: {} };

/** A stand-in for entity linking: finds "Iran" and «ایران». */
const linker: MentionFinder = {
  find(t) {
    return [...t.matchAll(/Iran|ایران/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0], actor: { id: "irn", name: "Iran", kind: "state" as const, country: "IRN" }, candidates: [], via: "name" as const, resolution: "unique" as const, confidence: 1 }));
  },
};

describe("the extraction pipeline", () => {
  it("finds dates by default, with offsets into the document", async () => {
    const out = await extractPassages(doc, splitPassages(text), createPipeline());
    const lines = out.map(extractLine).filter((l) => l !== undefined);
    expect(lines.map((l) => l.dates.map((d) => [d.text, d.value, d.calendar]))).toEqual([[["1979", "1979", "gregorian"]], [["۱۳۷۷", "1998-03-21/1999-03-20", "solar-hijri"]]]);
    for (const l of lines) for (const d of l.dates) expect(text.slice(d.start, d.end)).toBe(d.text);
  });

  it("plugs in a linker and an event extractor that reads what came before", async () => {
    const seen: number[] = [];
    const events: Extractor = (p, ctx) => {
      seen.push(ctx.found.dates.length + ctx.found.mentions.length);
      const date = ctx.found.dates[0];
      if (!date || ctx.found.mentions.length === 0) return {};
      return { events: [{ event: { type: "accession", title: "Iran joins", date: date.date, participants: ctx.found.mentions.map((m) => ({ actor: m.actor!.id, role: "participant" as const })) }, confidence: 0.6 }] };
    };
    const out = await extractPassages(doc, splitPassages(text), createPipeline({ linker, events }));
    expect(seen).toEqual([0, 2, 0, 2]);
    const lines = out.map(extractLine).filter((l) => l !== undefined);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual({
      start: 14,
      end: 59,
      mentions: [{ start: 14, end: 18, text: "Iran", actor: { id: "irn", name: "Iran", kind: "state", country: "IRN" } }],
      dates: [{ start: 54, end: 58, text: "1979", value: "1979", precision: "year", calendar: "gregorian" }],
      events: [{ type: "accession", date: "1979", participants: ["irn"] }],
    });
    for (const l of lines) for (const m of l.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it("a passage that yields nothing has no line; an async extractor is awaited", async () => {
    const slow: Extractor = async () => ({ dates: [] });
    const out = await extractPassages(doc, splitPassages(text), createPipeline({ dates: false, extra: [slow] }));
    expect(out).toHaveLength(4);
    expect(out.map(extractLine).filter(Boolean)).toEqual([]);
  });
});
