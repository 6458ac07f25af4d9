// The compiled row checks against the Zod schemas: on CSV rows good and bad, the fast path accepts only rows the
// schema accepts, reads them to the same data, and leaves every other row to the schema (and so to its messages).
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DateCache, fastEvent, fastRelation } from "./fast.js";
import { EventInput, RelationInput } from "./format.js";
import { readDataset } from "./read.js";

/** Deterministic choices, so a failure can be reproduced. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Cell values for each column: mostly good, some subtly or plainly wrong. */
const CELLS: Record<string, string[]> = {
  id: ["r1", "", "R1", "-x", "a.b:c_d-e", "x".repeat(161), " r2 ", "r 3", "é"],
  kind: ["member-of", "treaty-party", "neighbour", "Member-of", "", "friends", "party-relation"],
  from: ["irn", "IRN", " irn", "", "Majlis", "a:b", "\t"],
  to: ["alpha", "gamma", "", "x y"],
  role: ["", "full", "founding", "maritime", "signatory", "boss", "FULL"],
  start: ["", "1995", "2025-01", "2025-02-30", "1403", "1403 SH", "17 January 2025", "2012-08-16/2012-08-31", "1995-13", "soon", "95", "1990 to 1980", "۱۳۹۹ SH"],
  end: ["", "2001", "1990", "2024-12-31", "x"],
  signed: ["", "2020", "bad"],
  ratified: ["", "2021"],
  track: ["", "official", "parliamentary", "Official", "track-2"],
  layers: ["", "political", "political;legal", "political;;legal", "legal; economic", "politics", ";"],
  note: ["", "a note", "line\nbreak", "\u0007bell"],
  type: ["summit", "meeting", "agreement-signed", "Summit", "", "party"],
  title: ["Summit held", "", "  padded  ", "bell\u0007", "lone \ud800 surrogate", "pair \ud83d\ude00 ok", "tab\there", "Event 1, generated", "\u00a0nbsp"],
  date: ["2020", "2020-05-05", "", "1403-10-28 SH", "28 Dey 1403", "2020-02-30", "someday", "1450"],
  place: ["", "Tehran"],
  place_country: ["", "IRN", "XXX", "irn", "IR"],
  participants: ["", "irn:host", "irn:host;che", "irn:boss", "irn;che:guest;alpha:delegation-head", ":host", "a:b:host", "irn : host", ";;"],
  outcome: ["", "agreed"],
  agreement: ["", "gamma", "Gamma", "no such"],
  cameo: ["", "043", "43", "5", "04a", "12345"],
  source: ["", "doc", "Doc", "gen"],
  quote: ["", "a quote", "  "],
  page: ["", "12", "xii", "3.5"],
  quote_start: ["", "0", "12", "-1", "1.5", "abc", "9".repeat(20)],
  quote_end: ["", "5", "40"],
  status: ["", "accepted", "proposed", "maybe"],
  confidence: ["", "0.7", "1", "0", "1.5", "-0.1", "high", "1.0"],
  author: ["", "me"],
};

function table(columns: string[], rows: number, seed: number): string {
  const rand = rng(seed);
  const lines = [columns.join(",")];
  for (let i = 0; i < rows; i++) {
    lines.push(
      columns
        .map((c) => {
          const options = CELLS[c]!;
          // Mostly the first (good) values, so that many whole rows are good.
          const v = rand() < 0.75 ? options[Math.min(options.length - 1, Math.floor(rand() * 2))]! : options[Math.floor(rand() * options.length)]!;
          return quote(v);
        })
        .join(","),
    );
  }
  return lines.join("\n") + "\n";
}

function rawRows(type: "relations" | "events", csv: string): unknown[] {
  const dir = mkdtempSync(join(tmpdir(), "dg-fast-"));
  mkdirSync(join(dir, type));
  writeFileSync(join(dir, type, `${type}.csv`), csv);
  const read = readDataset(dir);
  const out: unknown[] = [];
  for (const t of read.tables) for (const chunk of t.chunks(() => undefined)) for (const r of chunk) if (r) out.push(r.value);
  return out;
}

const CLAIM_COLUMNS = ["source", "quote", "page", "quote_start", "quote_end", "status", "confidence", "author"];

describe("fast row checks agree with the Zod schemas", () => {
  it("relations: accepts only what RelationInput accepts, with the same data", () => {
    const columns = ["id", "kind", "from", "to", "role", "start", "end", "signed", "ratified", "track", "layers", "note", ...CLAIM_COLUMNS];
    const rows = rawRows("relations", table(columns, 6000, 1));
    const dates = new DateCache();
    let fast = 0;
    let rejected = 0;
    for (const value of rows) {
      const zod = RelationInput.safeParse(value);
      const f = fastRelation(value, dates);
      if (!zod.success) rejected++;
      if (f === undefined) continue;
      fast++;
      expect(zod.success, JSON.stringify(value)).toBe(true);
      expect(f).toEqual(zod.data);
    }
    // Both kinds of rows were exercised.
    expect(fast).toBeGreaterThan(500);
    expect(rejected).toBeGreaterThan(500);
  });

  it("events: accepts only what EventInput accepts, with the same data", () => {
    const columns = ["id", "type", "title", "date", "place", "place_country", "participants", "track", "layers", "outcome", "agreement", "cameo", "note", ...CLAIM_COLUMNS];
    const rows = rawRows("events", table(columns, 6000, 2));
    const dates = new DateCache();
    let fast = 0;
    let rejected = 0;
    for (const value of rows) {
      const zod = EventInput.safeParse(value);
      const f = fastEvent(value, dates);
      if (!zod.success) rejected++;
      if (f === undefined) continue;
      fast++;
      expect(zod.success, JSON.stringify(value)).toBe(true);
      expect(f).toEqual(zod.data);
    }
    expect(fast).toBeGreaterThan(500);
    expect(rejected).toBeGreaterThan(500);
  });

  it("leaves values read.ts never produces to the schema", () => {
    const dates = new DateCache();
    expect(fastRelation({ kind: "member-of", from: "a", to: "b", start: 1995 }, dates)).toBeUndefined();
    expect(fastRelation({ kind: "member-of", from: "a", to: "b", extra: 1 }, dates)).toBeUndefined();
    expect(fastRelation({ __fields: 3, __header: 4 }, dates)).toBeUndefined();
    expect(fastEvent({ type: "summit", title: "T", date: "2020", participants: [{ actor: "a" }] }, dates)).toBeUndefined();
    expect(fastEvent(null, dates)).toBeUndefined();
  });
});
