// The seed dataset through the real CLI: what the foundation issue's "done when" asks, checked against the documents.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { cli, repoRoot, seedDir, sha256File, sharedDir, tmp } from "./helpers.js";

let db: string;
const doc001 = readFileSync(join(seedDir, "documents/001_a9b394bd303c974a.txt"), "utf8");

beforeAll(() => {
  db = join(tmp(), "seed.db");
  const r = cli(["--db", db, "import", seedDir]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
});

interface JsonClaim {
  source: string;
  value?: { type: string; amount?: number; text?: string; date?: { start: string } };
  qualifiers: Record<string, string>;
  locator: { start: number; end: number; quote: string };
}

describe("seed dataset", () => {
  it("shows the IPU's founding year, seat and member counts, each with its quote from seed 001", () => {
    const text = cli(["--db", db, "actors", "show", "Inter-Parliamentary Union"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/founded: 1889 .*seed-001/);
    expect(text.stdout).toMatch(/seat: Geneva .*seed-001/);
    expect(text.stdout).toMatch(/members \(role: full\): 166\b/);
    expect(text.stdout).toMatch(/members \(role: associate\): 10\b/);
    expect(text.stdout).toMatch(/“Established in 1889 and headquartered in Geneva”/);

    const json = cli(["--db", db, "--json", "actors", "show", "ipu"]);
    const profile = JSON.parse(json.stdout) as { facts: Array<{ property: string; qualifiers: Record<string, string>; claims: JsonClaim[] }> };
    const fact = (p: string, role?: string) => profile.facts.find((f) => f.property === p && (role === undefined || f.qualifiers.role === role));
    const checks: Array<[JsonClaim | undefined, (c: JsonClaim) => void]> = [
      [fact("founded")?.claims[0], (c) => expect(c.value?.date?.start).toBe("1889")],
      [fact("seat")?.claims[0], (c) => expect(c.value?.text).toBe("Geneva")],
      [fact("members", "full")?.claims[0], (c) => expect(c.value?.amount).toBe(166)],
      [fact("members", "associate")?.claims[0], (c) => expect(c.value?.amount).toBe(10)],
    ];
    for (const [claim, check] of checks) {
      expect(claim).toBeDefined();
      check(claim!);
      expect(claim!.source).toBe("seed-001");
      // The quote is the exact text of the document at the recorded span.
      expect(doc001.slice(claim!.locator.start, claim!.locator.end)).toBe(claim!.locator.quote);
    }
  });

  it("lists Iran's memberships with dates where the sources give them", () => {
    const r = cli(["--db", db, "--json", "relations", "--actor", "IRN", "--kind", "member-of"]);
    expect(r.code).toBe(0);
    const hits = JSON.parse(r.stdout) as Array<{ relation: { from: string; to: string; role?: string; start?: { start: string } }; via?: string; claims: number }>;
    const to = (id: string) => hits.find((h) => h.relation.to === id);
    expect(to("ipu")).toMatchObject({ via: "irn-parliament", relation: { from: "irn-parliament" } });
    expect(to("apa")).toMatchObject({ relation: { role: "founding", start: { start: "2006" } } });
    expect(to("eaeu")).toMatchObject({ relation: { from: "irn", role: "observer" } });
    expect(to("nam-movement")?.relation.start?.start).toBe("1979");
    expect(hits.every((h) => h.claims > 0)).toBe(true);
    expect(hits.every((h) => h.relation.from === "irn" || h.via !== undefined)).toBe(true);
  });

  it("finds the Islamic Consultative Assembly by its Persian and English names", () => {
    for (const q of ["مجلس", "Islamic Consultative Assembly", "Majlis"]) {
      const r = cli(["--db", db, "--json", "actors", "search", q]);
      expect((JSON.parse(r.stdout) as Array<{ actor: { id: string } }>)[0]?.actor.id).toBe("irn-parliament");
    }
  });

  it("prints a summary, and the same as JSON", () => {
    const text = cli(["--db", db, "stats"]);
    expect(text.stdout).toMatch(/Actors:\s+\d+/);
    const json = JSON.parse(cli(["--db", db, "--json", "stats"]).stdout) as { actors: number; claims: number; claimsByStatus: Record<string, number> };
    expect(json.actors).toBeGreaterThan(50);
    expect(Object.values(json.claimsByStatus).reduce((a, b) => a + b, 0)).toBe(json.claims);
  });

  it("reviews a claim from the command line", () => {
    const list = JSON.parse(cli(["--db", db, "--json", "claims", "--target", "actor:ipu"]).stdout) as Array<{ id: string; status: string }>;
    const id = list[0]!.id;
    const r = cli(["--db", db, "claims", "reject", id, "--by", "reviewer-1"]);
    expect(r.code).toBe(0);
    const after = JSON.parse(cli(["--db", db, "--json", "claims", "--status", "rejected"]).stdout) as Array<{ id: string; reviewedBy: string }>;
    expect(after.map((c) => c.id)).toContain(id);
    expect(after.find((c) => c.id === id)?.reviewedBy).toBe("reviewer-1");
    expect(cli(["--db", db, "claims", "accept", id]).code).toBe(0);
    const bad = cli(["--db", db, "claims", "accept", "c-nope"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/no claim "c-nope"; nothing was changed/);
  });

  it("runs as `npx diplograph` from the repository root", () => {
    const r = spawnSync("npx", ["--no-install", "diplograph", "--db", db, "--json", "actors", "show", "IRN"], { cwd: repoRoot, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { actor: { id: string } }).actor.id).toBe("irn");
  });

  it("re-imports the seed without changing the database file", () => {
    const before = sha256File(db);
    const r = cli(["--db", db, "import", seedDir]);
    expect(r.code).toBe(0);
    expect(sha256File(db)).toBe(before);
  });
});

describe("seed dataset exports", () => {
  const schemaDir = join(sharedDir, "data/gexf-1.3");
  const schemaFile = (name: string) => ({ fileName: name, contents: readFileSync(join(schemaDir, name), "utf8") });

  it("exports GEXF 1.3 that validates against the schema, with dated edges for Gephi's timeline", async () => {
    const out = join(tmp(), "seed.gexf");
    const r = cli(["--db", db, "export", "--format", "gexf", "--out", out]);
    expect(r.code).toBe(0);
    const xml = readFileSync(out, "utf8");
    const result = await validateXML({ xml: [{ fileName: "seed.gexf", contents: xml }], schema: [schemaFile("gexf.xsd")], preload: [schemaFile("dynamics.xsd"), schemaFile("viz.xsd")] });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(xml).toMatch(/mode="dynamic"/);
    expect(xml).toMatch(/<node id="irn-parliament" label="Islamic Consultative Assembly"/);
    expect(xml).toMatch(/<edge [^>]*source="irn-parliament"[^>]*target="rus-state-duma"[^>]*start="1994-01-01"/);
    // The system xmllint agrees where it is installed (CI installs libxml2-utils).
    const xmllint = spawnSync("xmllint", ["--noout", "--schema", join(schemaDir, "gexf.xsd"), out], { encoding: "utf8" });
    if (xmllint.error === undefined) expect(xmllint.status, xmllint.stderr).toBe(0);
  });

  it("exports GraphML, re-importable JSON and CSV tables", () => {
    const dir = tmp();
    expect(cli(["--db", db, "export", "--format", "graphml", "--out", join(dir, "seed.graphml")]).code).toBe(0);
    expect(readFileSync(join(dir, "seed.graphml"), "utf8")).toMatch(/<graphml xmlns="http:\/\/graphml\.graphdrawing\.org\/xmlns"/);
    expect(cli(["--db", db, "export", "--format", "csv", "--out", join(dir, "csv")]).code).toBe(0);
    expect(readFileSync(join(dir, "csv", "relations.csv"), "utf8").split("\n")[0]).toMatch(/^id,kind,from,to,role,start,end/);
    const json = cli(["--db", db, "export", "--format", "json", "--out", join(dir, "seed.json")]);
    expect(json.code).toBe(0);
    const copy = join(tmp(), "copy.db");
    const re = cli(["--db", copy, "--json", "import", join(dir, "seed.json")]);
    expect(re.code).toBe(0);
    const stats = (p: string) => JSON.parse(cli(["--db", p, "--json", "stats"]).stdout) as Record<string, unknown>;
    const { database: _a, ...original } = stats(db);
    const { database: _b, ...copied } = stats(copy);
    expect(copied).toEqual(original);
  });
});
