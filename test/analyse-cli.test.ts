// `diplograph analyse …` on the seed dataset through the real CLI: overlap, dyad, multiplex, network views and exports.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { cli, seedDir, sharedDir, tmp } from "./helpers.js";

let db: string;
const docs: Record<string, string> = {};
const doc = (source: string) => (docs[source] ??= readFileSync(join(seedDir, "documents", `${source.replace("seed-", "")}_${docName(source)}.txt`), "utf8"));
function docName(source: string): string {
  const n = source.replace("seed-", "");
  const file = readFileSync(join(seedDir, "sources/seeds.yaml"), "utf8").match(new RegExp(`documents/${n}_([0-9a-f]+)\\.txt`));
  return file![1]!;
}

beforeAll(() => {
  db = join(tmp(), "seed.db");
  expect(cli(["--db", db, "import", "--quiet", seedDir]).code).toBe(0);
});

interface Ev {
  claim: string;
  source: string;
  quote?: string;
  start?: number;
  end?: number;
}

describe("analyse overlap", () => {
  it("lists the bodies Iran and Russia share, with the claims behind each membership", () => {
    const r = cli(["--db", db, "--json", "analyse", "overlap", "IRN", "RUS"]);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout) as { shared: Array<{ body: { id: string }; memberships: Record<string, Array<{ via?: string; evidence: Ev[] }>> }> };
    const ids = out.shared.map((s) => s.body.id);
    // Seed 001: both in the IPU and the APA through their parliaments, and in the BRICS parliamentary forum.
    expect(ids).toEqual(expect.arrayContaining(["ipu", "apa", "brics-pa"]));
    const ipu = out.shared.find((s) => s.body.id === "ipu")!;
    expect(ipu.memberships["irn"]![0]!.via).toBe("irn-parliament");
    expect(ipu.memberships["rus"]![0]!.via).toBe("rus-federal-assembly");
    for (const s of out.shared) {
      for (const ms of Object.values(s.memberships)) {
        for (const m of ms) {
          expect(m.evidence.length).toBeGreaterThan(0);
          for (const e of m.evidence) expect(doc(e.source).slice(e.start, e.end)).toBe(e.quote);
        }
      }
    }
    const text = cli(["--db", db, "analyse", "overlap", "IRN", "RUS"]);
    expect(text.stdout).toMatch(/Inter-Parliamentary Union/);
    expect(text.stdout).toMatch(/Iran: member, via Islamic Consultative Assembly/);
    expect(text.stdout).toMatch(/Jaccard: 0\.\d{3}/);
  });

  it("gives a clear error for an unknown actor and a bad date", () => {
    const r = cli(["--db", db, "analyse", "overlap", "IRN", "Atlantis"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^diplograph: no actor "Atlantis"/);
    const d = cli(["--db", db, "analyse", "overlap", "IRN", "RUS", "--at", "1403-13"]);
    expect(d.code).toBe(1);
    expect(d.stderr).toMatch(/not a date/);
    expect(d.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("analyse dyad and multiplex", () => {
  it("profiles Iran and Russia: the friendship group of their parliaments and the 2025 treaty", () => {
    const p = JSON.parse(cli(["--db", db, "--json", "analyse", "dyad", "IRN", "RUS"]).stdout) as {
      links: Array<{ kind: string; viaA?: string; viaB?: string }>;
      agreements: Array<{ agreement: { name: string }; parties: { a: Array<{ signed?: string }> } }>;
    };
    expect(p.links).toContainEqual(expect.objectContaining({ kind: "friendship-group", viaA: "irn-parliament" }));
    const treaty = p.agreements.find((a) => /Comprehensive Strategic Partnership/.test(a.agreement.name));
    expect(treaty?.parties.a[0]?.signed).toBe("2025-01-17");
  });

  it("finds simultaneous multi-layered action for Iran in 2025", () => {
    const r = JSON.parse(cli(["--db", db, "--json", "analyse", "multiplex", "IRN"]).stdout) as { periods: Array<{ from: number; simultaneity: number }> };
    expect(r.periods.find((p) => p.from === 2025)!.simultaneity).toBeGreaterThanOrEqual(2);
  });
});

describe("analyse network", () => {
  it("ranks the co-membership view and exports views as GEXF that validates against GEXF 1.3", async () => {
    const t = JSON.parse(cli(["--db", db, "--json", "analyse", "network", "--view", "comembership"]).stdout) as { nodes: Array<{ id: string; values: Record<string, number> }> };
    expect(t.nodes.length).toBeGreaterThan(5);
    const strengths = t.nodes.map((n) => n.values["degree"]!); // ranked by the first metric
    expect([...strengths].sort((a, b) => b - a)).toEqual(strengths);
    const schema = readFileSync(join(sharedDir, "data/gexf-1.3/gexf.xsd"), "utf8");
    const preload = ["viz.xsd", "dynamics.xsd"].map((f) => ({ fileName: f, contents: readFileSync(join(sharedDir, "data/gexf-1.3", f), "utf8") }));
    for (const v of ["affiliation", "comembership", "interaction", "multiplex"]) {
      const out = join(tmp(), `${v}.gexf`);
      const r = cli(["--db", db, "analyse", "network", "--view", v, "--format", "gexf", "--out", out]);
      expect(r.code).toBe(0);
      const xml = readFileSync(out, "utf8");
      const result = await validateXML({ xml: [{ fileName: out, contents: xml }], schema: [{ fileName: "gexf.xsd", contents: schema }], preload });
      expect(result.errors).toEqual([]);
      expect(result.valid).toBe(true);
    }
  });
});

describe("analyse path, ego, brokerage and metrics", () => {
  it("shows how Iran's parliament reaches Russia's: through the IPU or the APA, each hop with its quote", () => {
    const r = JSON.parse(cli(["--db", db, "--json", "analyse", "path", "irn-parliament", "rus-federal-assembly", "--all"]).stdout) as {
      length: number;
      paths: Array<{ nodes: Array<{ id: string }>; hops: Array<{ ties: Array<{ records: Array<{ evidence: Ev[] }> }> }> }>;
    };
    expect(r.length).toBe(2);
    expect(r.paths.map((p) => p.nodes[1]!.id).sort()).toEqual(expect.arrayContaining(["apa", "ipu"]));
    for (const p of r.paths) for (const h of p.hops) for (const t of h.ties) for (const rec of t.records) for (const e of rec.evidence) expect(doc(e.source).slice(e.start, e.end)).toBe(e.quote);
  });

  it("computes PageRank on a view (summing to 1) and Louvain communities", () => {
    const t = JSON.parse(cli(["--db", db, "--json", "analyse", "network", "--view", "comembership", "--metrics", "pagerank,community"]).stdout) as { nodes: Array<{ values: Record<string, number> }> };
    const sum = t.nodes.reduce((s, n) => s + n.values["pagerank"]!, 0);
    expect(sum).toBeCloseTo(1, 9);
    expect(new Set(t.nodes.map((n) => n.values["community"])).size).toBeGreaterThan(1);
  });

  it("lists Iran's ego network and brokers by country", () => {
    const e = JSON.parse(cli(["--db", db, "--json", "analyse", "ego", "IRN", "--depth", "1"]).stdout) as { nodes: Array<{ id: string; distance: number }> };
    expect(e.nodes[0]).toMatchObject({ id: "irn", distance: 0 });
    expect(e.nodes.filter((n) => n.distance === 1).map((n) => n.id)).toEqual(expect.arrayContaining(["rus"]));
    const b = JSON.parse(cli(["--db", db, "--json", "analyse", "brokerage"]).stdout) as { roles: Record<string, { liaison: number; total: number }> };
    expect(b.roles["irn"]!.total).toBeGreaterThan(0);
    const bad = cli(["--db", db, "analyse", "ego", "IRN", "--depth", "x"]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--depth takes a whole number/);
  });
});

