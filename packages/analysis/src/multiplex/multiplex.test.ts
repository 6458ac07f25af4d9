// Multiplex activity over the triad world (see fixtures.ts) and layer structure on a three-node graph, by hand.
import { MultiGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { triad } from "../fixtures.js";
import type { MultiplexEdge, ViewNode } from "../views/index.js";
import { activity, layerStructure } from "./index.js";

const data = triad();

describe("activity", () => {
  it("places each event and each new relation of an actor and its parts in its year", () => {
    const r = activity(data, ["aaa"]);
    // 1994 fg (political); 2005 m7 (no layer); 2006 m1 (political); 2018 e1 (political, military-security);
    // 2019 e2 (economic), e3 (political, cultural-social); 2025 tp-a (political, legal). m3 is undated.
    expect(r.periods.map((p) => [p.from, p.simultaneity])).toEqual([
      [1994, 1],
      [2005, 0],
      [2006, 1],
      [2018, 2],
      [2019, 3],
      [2025, 2],
    ]);
    expect(r.periods.find((p) => p.from === 2019)!.layers).toEqual(["political", "economic", "cultural-social"]);
    expect(r.undated).toEqual(["m3"]);
    // Active periods 1994, 2006, 2018, 2019, 2025: mean (1+1+2+3+2)/5, three of five with two layers or more.
    expect(r.summary).toMatchObject({ activePeriods: 5, maxSimultaneity: 3, multiLayerShare: 0.6 });
    expect(r.summary.meanSimultaneity).toBeCloseTo(1.8, 12);
  });

  it("for a dyad counts only what involves both", () => {
    const r = activity(data, ["aaa", "ccc"]);
    // e1 (2018) only: no relation links aaa and ccc directly.
    expect(r.periods.map((p) => [p.from, p.layers])).toEqual([[2018, ["political", "military-security"]]]);
  });

  it("groups years into longer periods", () => {
    const r = activity(data, ["aaa"], { period: 10 });
    expect(r.periods.map((p) => [p.from, p.to, p.simultaneity])).toEqual([
      [1990, 1999, 1],
      [2000, 2009, 1],
      [2010, 2019, 4],
      [2020, 2029, 2],
    ]);
  });

  it("refuses a bad period", () => {
    expect(() => activity(data, ["aaa"], { period: 0 })).toThrow(/whole number/);
  });
});

describe("layer structure", () => {
  it("computes overlap and participation coefficients", () => {
    const g = new MultiGraph<ViewNode, MultiplexEdge>({ type: "mixed" });
    for (const id of ["x", "y", "z"]) g.addNode(id, { id, name: id, label: id, kind: "state" });
    const edge = (layer: string, s: string, t: string) => g.addUndirectedEdge(s, t, { kind: "event:meeting", weight: 1, records: [], span: {}, dated: true, layer, directed: false });
    edge("political", "x", "y");
    edge("political", "y", "z");
    edge("political", "x", "y"); // a second record on the same pair counts once
    edge("economic", "x", "y");
    const s = layerStructure(g);
    expect(s.layers).toEqual(["economic", "political"]);
    expect(s.edges).toEqual({ economic: 1, political: 2 });
    expect(s.overlap[0]![1]).toBeCloseTo(1 / 2, 12); // {xy} vs {xy, yz}
    // P = L/(L−1)·(1 − Σ(k_l/k)²) with L = 2: x: 2·(1 − ¼ − ¼) = 1; y: 2·(1 − (2/3)² − (1/3)²) = 8/9; z: 0.
    expect(s.nodes["x"]!.participation).toBeCloseTo(1, 12);
    expect(s.nodes["y"]!.participation).toBeCloseTo(8 / 9, 12);
    expect(s.nodes["z"]!.participation).toBe(0);
  });
});
