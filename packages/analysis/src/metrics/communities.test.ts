// Hand-checked Louvain partitions and modularity, and Louvain's determinism.
import { describe, expect, it } from "vitest";
import { louvain, MetricError, modularity } from "./index.js";
import * as G from "./fixtures/graphs.js";

describe("modularity", () => {
  it.each<[string, () => ReturnType<typeof G.P4>, Record<string, string>, number, number]>([
    // m = 7: each triangle has 3 inner edges (2·3/14) and degree 2+2+3 = 7 (7/14)²: 2·(6/14 − 1/4) = 5/14.
    ["two triangles, split", G.twoTriangles, { a: "x", b: "x", c: "x", d: "y", e: "y", f: "y" }, 1, 5 / 14],
    // γ = 2: 2·(6/14 − 2·1/4) = −1/7.
    ["two triangles, γ = 2", G.twoTriangles, { a: "x", b: "x", c: "x", d: "y", e: "y", f: "y" }, 2, -1 / 7],
    // One community holds everything: 1 − 1 = 0.
    ["one community", G.twoTriangles, { a: "x", b: "x", c: "x", d: "x", e: "x", f: "x" }, 1, 0],
    // m = 4: triangle 6/8 − (6/8)², edge 2/8 − (2/8)² = 0.1875 each.
    ["disconnected, components", G.disconnected, { a: "x", b: "x", c: "x", d: "y", e: "y" }, 1, 0.375],
  ])("%s", (_name, make, partition, resolution, expected) => {
    expect(modularity(make(), partition, { resolution })).toBeCloseTo(expected, 12);
  });

  it("needs every node in a community", () => {
    expect(() => modularity(G.P4(), { a: 1 })).toThrow(MetricError);
  });
});

describe("louvain", () => {
  it.each<[string, () => ReturnType<typeof G.P4>, string[][], number]>([
    ["two triangles", G.twoTriangles, [["a", "b", "c"], ["d", "e", "f"]], 5 / 14],
    ["disconnected", G.disconnected, [["a", "b", "c"], ["d", "e"]], 0.375],
  ])("%s: finds the optimum", (_name, make, groups, q) => {
    for (const seed of [null, 1, 42]) {
      const result = louvain(make(), { seed });
      expect(result.modularity).toBeCloseTo(q, 12);
      expect(result.count).toBe(groups.length);
      for (const group of groups) expect(new Set(group.map((n) => result.communities[n])).size).toBe(1);
    }
  });

  it("is deterministic for a seed and numbers communities in node order", () => {
    const a = louvain(G.kite(), { seed: 7 });
    const b = louvain(G.kite(), { seed: 7 });
    expect(a).toEqual(b);
    expect(a.communities["0"]).toBe(0);
  });

  it("a high resolution splits more", () => {
    expect(louvain(G.twoTriangles(), { resolution: 5 }).count).toBeGreaterThan(2);
  });

  it("writes the community with .assign", () => {
    const g = G.twoTriangles();
    louvain.assign(g);
    expect(g.getNodeAttribute("a", "community")).toBe(g.getNodeAttribute("b", "community"));
    expect(g.getNodeAttribute("a", "community")).not.toBe(g.getNodeAttribute("f", "community"));
  });
});
