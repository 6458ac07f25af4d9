// Framework scorecards through the real CLI on the seed database: issue 3 item 6's "done when", checked against seed 000.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, seedDir, tmp } from "./helpers.js";

let db: string;
const docs = Object.fromEntries(
  ["000_2d425690e4073c18", "001_a9b394bd303c974a", "002_5081e67a68f62e66", "003_9b2c7ee10cd64283", "004_40f7615d4fa621a5.part1"].map((f) => [
    `seed-${f.slice(0, 3)}`,
    readFileSync(join(seedDir, `documents/${f}.txt`), "utf8"),
  ]),
);

interface JsonClaim {
  id: string;
  source: string;
  quote?: string;
  locator: { start?: number; end?: number };
}
interface JsonScorecard {
  framework: { id: string };
  subject: { id: string; parts: Array<{ id: string }> };
  score: number;
  dimensions: Array<{
    id: string;
    label: string;
    score: number;
    noEvidence: boolean;
    concept: { id: string; found: boolean; quotes: JsonClaim[] };
    indicators: Array<{ id: string; value: number; score: number; noEvidence: boolean; evidence: Array<{ id: string; description: string; claims: JsonClaim[] }> }>;
  }>;
}

/** Every claim's quote is the exact text of its source document at its span. */
function expectQuotesInDocuments(claims: JsonClaim[]): void {
  for (const c of claims) {
    expect(docs[c.source], c.source).toBeDefined();
    expect(docs[c.source]!.slice(c.locator.start, c.locator.end)).toBe(c.quote);
  }
}

function scorecard(framework: string, actor: string, extra: string[] = []): JsonScorecard {
  const r = cli(["--db", db, "--json", "analyse", "scorecard", framework, actor, ...extra]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as JsonScorecard;
}

beforeAll(() => {
  db = join(tmp(), "seed.db");
  const r = cli(["--db", db, "import", seedDir]);
  expect(r.code).toBe(0);
});

describe("analyse scorecard party-diplomacy on the seed 000 party", () => {
  it("scores the Islamic Coalition Party on all 7 instruments, each carrying seed 000's own words", () => {
    const sc = scorecard("party-diplomacy", "Islamic Coalition Party");
    expect(sc.subject.id).toBe("irn-islamic-coalition-party");
    expect(sc.subject.parts.map((p) => p.id)).toEqual(["irn-islamic-coalition-party.international-affairs-department"]);
    expect(sc.dimensions.map((d) => d.concept.id)).toEqual([
      "party-diplomacy.government-legislature-local-governance",
      "party-diplomacy.media-cooperation",
      "party-diplomacy.commerce-trade-development",
      "party-diplomacy.strategic-partnerships",
      "party-diplomacy.regional-international-unions",
      "party-diplomacy.cultural-social-affairs",
      "party-diplomacy.offices-members-abroad",
    ]);
    for (const d of sc.dimensions) {
      expect(d.concept.found).toBe(true);
      expect(d.concept.quotes.length).toBeGreaterThan(0);
      expect(d.concept.quotes.every((q) => q.source === "seed-000")).toBe(true);
      expectQuotesInDocuments(d.concept.quotes);
    }
  });

  it("backs the instruments the seed data supports with claims quoting seed 000, and says no evidence elsewhere", () => {
    const sc = scorecard("party-diplomacy", "irn-islamic-coalition-party");
    const unions = sc.dimensions.find((d) => d.id === "regional-international-unions")!;
    expect(unions.noEvidence).toBe(false);
    expect(unions.score).toBeGreaterThan(0);
    const ind = Object.fromEntries(unions.indicators.map((i) => [i.id, i]));
    // The aggregate figures seed 000 gives: relations with 220 parties from 52 countries, dozens of delegations.
    expect(ind["partner-parties"]).toMatchObject({ value: 220, score: 1 });
    expect(ind["partner-countries"]).toMatchObject({ value: 52 });
    expect(ind["party-exchanges"]!.value).toBeGreaterThanOrEqual(24);
    const claims = unions.indicators.flatMap((i) => i.evidence.flatMap((e) => e.claims));
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.every((c) => c.source === "seed-000")).toBe(true);
    expectQuotesInDocuments(claims);
    expect(claims.some((c) => c.quote!.includes("220 parties"))).toBe(true);

    // Where the data has nothing, the score is 0 with an explicit empty evidence list.
    for (const d of sc.dimensions.filter((x) => x.id !== "regional-international-unions")) {
      expect(d.score).toBe(0);
      for (const i of d.indicators) expect(i).toMatchObject({ value: 0, score: 0, noEvidence: true, evidence: [] });
    }
    expect(sc.score).toBeGreaterThan(0);
  });

  it("counts the National Trust Party's party relations and congress events, with their seed 000 quotes", () => {
    const sc = scorecard("party-diplomacy", "irn-national-trust-party");
    const unions = sc.dimensions.find((d) => d.id === "regional-international-unions")!;
    const partners = unions.indicators.find((i) => i.id === "partner-parties")!;
    expect(partners.evidence.map((e) => e.id).sort()).toEqual(["rel-000-national-trust-puk", "rel-000-national-trust-syrian-baath"]);
    expect(unions.indicators.find((i) => i.id === "partner-countries")!.value).toBe(2); // Syria, Iraq
    const exchanges = unions.indicators.find((i) => i.id === "party-exchanges")!;
    expect(exchanges.evidence.map((e) => e.id)).toContain("ev-000-national-trust-party-congress");
    expectQuotesInDocuments(unions.indicators.flatMap((i) => i.evidence.flatMap((e) => e.claims)));
  });

  it("narrows to a window: the 2013-2017 events fall outside 2000-2010", () => {
    const sc = scorecard("party-diplomacy", "irn-national-trust-party", ["--from", "2000", "--to", "2010"]);
    const exchanges = sc.dimensions.find((d) => d.id === "regional-international-unions")!.indicators.find((i) => i.id === "party-exchanges")!;
    expect(exchanges.evidence.filter((e) => e.id.startsWith("ev-"))).toEqual([]);
  });

  it("prints a readable scorecard with abbreviated quotes", () => {
    const r = cli(["--db", db, "analyse", "scorecard", "party-diplomacy", "irn-islamic-coalition-party"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Party diplomacy: the seven methods and tools {2}\[party-diplomacy, after seed-000\]/);
    expect(r.stdout).toMatch(/^5\. Formation of regional and international unions and cooperation: 0\.\d\d/m);
    expect(r.stdout).toMatch(/^2\. Media cooperation: 0\.00 {2}\(no evidence\)/m);
    expect(r.stdout).toMatch(/party-relations = 220 parties, reported for Islamic Coalition Party/);
    expect(r.stdout).toMatch(/seed-000 chars \d+-\d+ \[accepted\]: “it has had foreign relations with 220 parties/);
    expect(r.stdout).toMatch(/no evidence, score 0/);
  });
});

describe("every shipped framework on a suitable seed actor", () => {
  it.each([
    ["party-diplomacy", "irn-islamic-coalition-party", "seed-000"],
    ["parliamentary-diplomacy", "irn-parliament", "seed-001"],
    ["parliamentary-diplomacy", "IRN", "seed-001"],
    ["smart-diplomacy", "IRN", "seed-002"],
    ["movement-diplomacy", "IRN", "seed-003"],
  ])("%s scores %s with evidence and the concepts' quotes from %s", (framework, actor, source) => {
    const sc = scorecard(framework, actor);
    expect(sc.framework.id).toBe(framework);
    expect(sc.dimensions.some((d) => !d.noEvidence)).toBe(true);
    for (const d of sc.dimensions) {
      expect(d.concept.found).toBe(true);
      expect(d.concept.quotes.every((q) => q.source === source)).toBe(true);
      expectQuotesInDocuments(d.concept.quotes);
      expect(d.score).toBeGreaterThanOrEqual(0);
      expect(d.score).toBeLessThanOrEqual(1);
      for (const i of d.indicators) {
        expect(i.noEvidence).toBe(i.evidence.length === 0);
        if (i.noEvidence) expect(i.score).toBe(0);
        for (const e of i.evidence) expectQuotesInDocuments(e.claims);
      }
    }
  });

  it("finds the shipped frameworks from any working directory", () => {
    const r = cli(["--json", "analyse", "frameworks"], { cwd: tmp() });
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as Array<{ id: string; dimensions: unknown[] }>;
    expect(list.map((f) => [f.id, f.dimensions.length])).toEqual([
      ["movement-diplomacy", 6],
      ["parliamentary-diplomacy", 2],
      ["party-diplomacy", 7],
      ["smart-diplomacy", 4],
    ]);
    const text = cli(["analyse", "frameworks"], { cwd: tmp() });
    expect(text.stdout).toMatch(/^party-diplomacy: Party diplomacy: the seven methods and tools$/m);
  });
});

describe("user frameworks and mistakes", () => {
  it("scores with a user's framework from --frameworks", () => {
    const dir = tmp();
    writeFileSync(
      join(dir, "parties-abroad.yaml"),
      [
        "id: parties-abroad",
        "title: Reported foreign party relations",
        "subjects: [party]",
        "dimensions:",
        "  - id: unions",
        "    concept: party-diplomacy.regional-international-unions",
        "    indicators:",
        "      - id: reported",
        "        label: Partner parties a source reports",
        "        measure: figure",
        "        select: { claims: { property: party-relations } }",
        "        score: { thresholds: [{ at: 1, score: 0.5 }, { at: 100, score: 1 }] }",
        "",
      ].join("\n"),
    );
    const r = cli(["--db", db, "--json", "analyse", "scorecard", "parties-abroad", "irn-islamic-coalition-party", "--frameworks", dir]);
    expect(r.stderr).toBe("");
    const sc = JSON.parse(r.stdout) as JsonScorecard;
    expect(sc.dimensions[0]!.indicators[0]).toMatchObject({ value: 220, score: 1 });
  });

  it("reports a malformed framework file with file, line and field, exit 1 and no stack", () => {
    const dir = tmp();
    writeFileSync(join(dir, "broken.yaml"), "id: broken\ntitle: Broken\nsubjects: [party]\ndimensions:\n  - id: d\n    concept: party-diplomacy.media-cooperation\n    indicators:\n      - id: i\n        label: i\n        measure: count\n        select: { treaties: {} }\n");
    const r = cli(["--db", db, "analyse", "scorecard", "party-diplomacy", "irn-islamic-coalition-party", "--frameworks", dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^diplograph: invalid framework file:\n {2}.*broken\.yaml, line 11, field dimensions\[0\]\.indicators\[0\]\.select\.treaties: unknown selector kind "treaties"/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses an actor of a kind the framework does not apply to, and an unknown framework", () => {
    const wrong = cli(["--db", db, "analyse", "scorecard", "party-diplomacy", "IRN"]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toBe("diplograph: framework party-diplomacy applies to party; irn (Iran) is a state\n");
    const unknown = cli(["--db", db, "analyse", "scorecard", "no-such-framework", "IRN"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no framework "no-such-framework"; available: movement-diplomacy, parliamentary-diplomacy, party-diplomacy, smart-diplomacy/);
    const window = cli(["--db", db, "analyse", "scorecard", "smart-diplomacy", "IRN", "--from", "last year"]);
    expect(window.code).toBe(1);
    expect(window.stderr).toMatch(/bad window: --from: expected a date/);
  });
});
