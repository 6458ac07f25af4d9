// `diplograph analyse neighbourhood` on the seed database, through the built binary.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CONSIDERATIONS, type NeighbourhoodDesign } from "@diplograph/analysis";
import { cli, seedDir, tmp } from "./helpers.js";

let db: string;
const doc001 = readFileSync(join(seedDir, "documents/001_a9b394bd303c974a.txt"), "utf8");

beforeAll(() => {
  db = join(tmp(), "seed.db");
  const r = cli(["--db", db, "import", "--quiet", seedDir]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
});

const design = (...args: string[]): NeighbourhoodDesign => {
  const r = cli(["--db", db, "--json", "analyse", "neighbourhood", ...args]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as NeighbourhoodDesign;
};

describe("analyse neighbourhood IRN", () => {
  const d = () => design("IRN");

  it("lists Iran's land and maritime neighbours", () => {
    const r = d();
    expect(r.country).toEqual({ country: "IRN", name: "Iran" });
    expect(r.land.map((n) => n.country)).toEqual(["AFG", "ARM", "AZE", "IRQ", "PAK", "TKM", "TUR"]);
    const bySea = (sea: string) => r.maritime.filter((n) => n.links.some((l) => l.sea === sea)).map((n) => n.country);
    expect(bySea("caspian-sea")).toEqual(["AZE", "KAZ", "RUS", "TKM"]);
    expect(bySea("persian-gulf")).toEqual(["ARE", "BHR", "IRQ", "KWT", "OMN", "QAT", "SAU"]);
    expect(bySea("gulf-of-oman")).toEqual(expect.arrayContaining(["OMN", "PAK"]));
    for (const n of r.maritime) for (const l of n.links) expect(l.source).toBeTruthy();
    expect(r.neighbours).toHaveLength(15);
  });

  it("finds the bodies that already bring Iran together with neighbours, with coverage, roles, parts and claims", () => {
    const r = d();
    const body = (id: string) => r.existingBodies.find((e) => e.body.id === id);
    expect(body("eaeu")).toMatchObject({ coverage: { count: 3, total: 15, share: 0.2 }, country: [{ country: "IRN", role: "observer" }] });
    expect(body("eaeu")!.neighbours.map((n) => n.country).sort()).toEqual(["ARM", "KAZ", "RUS"]);
    expect(body("ipu")).toMatchObject({ coverage: { count: 1 }, country: [{ via: "irn-parliament" }], neighbours: [{ country: "RUS", via: "rus-federal-assembly" }] });
    expect(body("apa")!.country[0]).toMatchObject({ role: "founding", start: { start: "2006" } });
    // Every membership shown carries the passage that states it.
    for (const e of r.existingBodies)
      for (const m of [...e.country, ...e.neighbours]) {
        expect(m.claims.length).toBeGreaterThan(0);
        expect(m.claims[0]!.quote).toBeTruthy();
      }
    expect(r.otherBodies.map((o) => o.body.id).sort()).toEqual(["cento", "nam-movement"]);
  });

  it("ranks candidates by total score, with each criterion's value and weight", () => {
    const r = d();
    const totals = r.candidates.map((c) => c.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    expect(r.candidates.map((c) => c.rank)).toEqual(r.candidates.map((_, i) => i + 1));
    const kinds = new Set(r.candidates.map((c) => c.kind));
    for (const k of ["existing-body", "neighbour-body", "new-assembly", "land-neighbours", "sea"]) expect(kinds).toContain(k);
    const assembly = r.candidates.find((c) => c.kind === "new-assembly")!;
    expect(assembly.members).toHaveLength(16);
    expect(assembly.criteria.find((c) => c.criterion === "coverage")!.value).toBe(1);
    for (const c of r.candidates) {
      expect(c.criteria.map((k) => k.criterion)).toEqual(["coverage", "proximity", "cohesion"]);
      expect(c.criteria.reduce((s, k) => s + k.contribution, 0)).toBeCloseTo(c.total, 3);
    }
    // ECO: five of Iran's neighbours; Iran's own membership is not in the seed data.
    expect(r.candidates.find((c) => c.id === "eco")).toMatchObject({ kind: "neighbour-body", countryIsMember: false });
  });

  it("quotes the considerations from seed 001 at their exact offsets", () => {
    const r = d();
    expect(r.considerations.map((c) => c.id)).toEqual(CONSIDERATIONS.map((c) => c.id));
    const quoted = r.considerations.flatMap((c) => c.quotes);
    expect(quoted.length).toBeGreaterThanOrEqual(5);
    for (const q of quoted) {
      expect(q.source).toBe("seed-001");
      expect(doc001.slice(q.start, q.end)).toBe(q.quote);
    }
    const bridging = r.considerations.find((c) => c.id === "neighbourhood-assembly.bridging")!;
    expect(bridging.criteria).toEqual(["coverage"]);
    expect(bridging.quotes[0]!.quote).toContain("bring together its neighbors under a new inter-parliamentary assembly");
  });

  it("every built-in passage is in seed 001 as written", () => {
    for (const c of CONSIDERATIONS) expect(doc001).toContain(c.passage);
  });

  it("prints a readable report", () => {
    const r = cli(["--db", db, "analyse", "neighbourhood", "Iran"]);
    expect(r.code).toBe(0);
    for (const s of [
      "Land neighbours (7)",
      "Maritime neighbours (12)",
      "Existing bodies that bring Iran together with neighbours",
      "Inter-Parliamentary Union",
      "Candidate memberships, ranked by total score (weights: coverage 0.4, proximity 0.3, cohesion 0.3)",
      "New assembly of all land and maritime neighbours",
      "Bridging through existing platforms: coverage (weight 0.4)",
      "Delegated authority: not scored",
    ])
      expect(r.stdout).toContain(s);
  });
});

describe("analyse neighbourhood options and errors", () => {
  it("takes --as-of, --weights and --limit", () => {
    const early = design("IRN", "--as-of", "2000");
    expect(early.asOf).toBe("2000");
    expect(early.existingBodies.map((e) => e.body.id)).not.toContain("apa"); // from 2006
    const r = design("irn", "--weights", "coverage=1,proximity=0,cohesion=0", "--limit", "3");
    expect(r.candidates).toHaveLength(3);
    expect(r.weights).toEqual({ coverage: 1, proximity: 0, cohesion: 0 });
    expect(r.candidates[0]!.kind).toBe("new-assembly");
  });

  it("works for a country the database does not hold, from the reference data", () => {
    const r = design("OMN");
    expect(r.country.country).toBe("OMN");
    expect(r.maritime.map((n) => n.country)).toEqual(expect.arrayContaining(["IRN", "PAK", "ARE"]));
  });

  it.each([
    [["Atlantis"], /^diplograph: no country "Atlantis"/],
    [["ipu"], /^diplograph: "ipu" names Inter-Parliamentary Union \(parliamentary-assembly\), not a state/],
    [["IRN", "--as-of", "soon"], /^diplograph: as-of "soon" is not a date/],
  ])("refuses %j with a clear message and exit 1", (args, message) => {
    const r = cli(["--db", db, "analyse", "neighbourhood", ...args]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe("");
  });

  it("refuses bad weights before opening the database", () => {
    const r = cli(["--db", db, "analyse", "neighbourhood", "IRN", "--weights", "size=1"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('unknown criterion "size"');
  });

  it("reports a malformed maritime table with file, line and field", () => {
    const bad = join(tmp(), "maritime.yaml");
    writeFileSync(bad, "version: 1\nseas:\n  - id: s\n    name: S\n    neighbours: listed-pairs\n    coastal: [IRN, OMN]\n    note: n\n");
    const r = cli(["--db", db, "analyse", "neighbourhood", "IRN", "--maritime-table", bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}, line 3, field seas[0].source:`);
  });
});
