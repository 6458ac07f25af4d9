// Hand-checked PageRank and eigenvector centrality on small named graphs.
import { describe, expect, it } from "vitest";
import { eigenvector, MetricError, pagerank, type NodeValues } from "./index.js";
import * as G from "./fixtures/graphs.js";

function expectValues(actual: NodeValues, expected: NodeValues, digits = 12): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [node, value] of Object.entries(expected)) expect(actual[node], node).toBeCloseTo(value, digits);
}

describe("pagerank", () => {
  it.each<[string, () => ReturnType<typeof G.P4>, Parameters<typeof pagerank>[1], NodeValues]>([
    // Leaf x = 0.15/5 + 0.85·y/4, hub y = 0.15/5 + 0.85·4x: x = 97/740, y = 88/185.
    ["S4", G.S4, {}, { h: 88 / 185, "1": 97 / 740, "2": 97 / 740, "3": 97 / 740, "4": 97 / 740 }],
    // Every node of a regular component gets 0.15/5 + 0.85·x, so x = 1/5 everywhere.
    ["disconnected", G.disconnected, {}, { a: 0.2, b: 0.2, c: 0.2, d: 0.2, e: 0.2 }],
    // c is dangling; with J = (0.15 + 0.85·c)/3: a = J + 0.85b, b = c = J + 0.85a/2, a + 2b = 1
    // ⇒ b = c = 57/188, a = 37/94.
    ["dangling node", G.danglingPair, {}, { a: 37 / 94, b: 57 / 188, c: 57 / 188 }],
    // Teleport and c's dangling mass all go to b: a = 0.85b, c = 0.85·a/2 = 0.36125b, b = 0.15 + 0.85(a/2 + c);
    // a + b + c = 1 ⇒ b = 1/2.21125.
    [
      "personalized",
      G.danglingPair,
      { personalization: { b: 2 } },
      { a: 0.85 / 2.21125, b: 1 / 2.21125, c: 0.36125 / 2.21125 },
    ],
  ])("%s", (_name, make, options, expected) => expectValues(pagerank(make(), options), expected));

  it("weights redistribute rank", () => {
    // Detour: s splits 1:5 between a and t; t splits 5:1 between s and a; a 1:1. Symmetric in s and t.
    const values = pagerank(G.detour(), { weight: "weight" });
    expect(values.s).toBeCloseTo(values.t!, 12);
    expect(values.s! + values.a! + values.t!).toBeCloseTo(1, 12);
    // a receives 0.15/3 + 0.85(s/6 + t/6) with s = t = (1 − a)/2: a = 0.05 + 0.85(1 − a)/6 ⇒ a = 0.19167/1.14167.
    expect(values.a).toBeCloseTo((0.05 + 0.85 / 6) / (1 + 0.85 / 6), 12);
  });

  it("sees a changed graph (the CSR cache is dropped on change)", () => {
    const g = G.P4();
    const before = pagerank(g);
    g.addEdge("a", "d");
    const after = pagerank(g);
    expect(after.a).toBeCloseTo(0.25, 12);
    expect(before.a).not.toBeCloseTo(0.25, 6);
  });

  it("refuses bad input", () => {
    expect(() => pagerank(G.S4(), { personalization: { z: 1 } })).toThrow(MetricError);
    expect(() => pagerank(G.S4(), { personalization: { h: 0 } })).toThrow(MetricError);
    expect(() => pagerank(G.S4(), { alpha: 1.5 })).toThrow(MetricError);
    expect(() => pagerank(G.S4(), { maxIterations: 2 })).toThrow(/did not converge/);
  });
});

describe("eigenvector", () => {
  it.each<[string, () => ReturnType<typeof G.P4>, Parameters<typeof eigenvector>[1], NodeValues]>([
    // λ = 2: hub 2ℓ, leaves ℓ, 8ℓ² = 1.
    ["S4", G.S4, {}, { h: Math.SQRT1_2, "1": 1 / Math.sqrt(8), "2": 1 / Math.sqrt(8), "3": 1 / Math.sqrt(8), "4": 1 / Math.sqrt(8) }],
    // Path: x_k ∝ sin(kπ/6) = ½, √3/2, 1, √3/2, ½ with squared norm 3.
    ["P5", G.P5, {}, { a: 0.5 / Math.sqrt(3), b: 0.5, c: 1 / Math.sqrt(3), d: 0.5, e: 0.5 / Math.sqrt(3) }],
    // A + I has eigenvalue 3 on the triangle and 2 on the edge: the edge's share vanishes as (2/3)^k.
    ["disconnected", G.disconnected, {}, { a: 1 / Math.sqrt(3), b: 1 / Math.sqrt(3), c: 1 / Math.sqrt(3), d: 0, e: 0 }],
    // Weights 1, 1, 5 on s-a, a-t, s-t: λ x_a = x_s + x_t, λ x_s = x_a + 5x_t; symmetric x_s = x_t = 1,
    // x_a = 2/λ, λ = 2/λ + 5 ⇒ λ = (5 + √33)/2.
    [
      "detour, weighted",
      G.detour,
      { weight: "weight" },
      (() => {
        const lambda = (5 + Math.sqrt(33)) / 2;
        const norm = Math.sqrt(2 + (2 / lambda) ** 2);
        return { s: 1 / norm, t: 1 / norm, a: 2 / lambda / norm };
      })(),
    ],
  ])("%s", (_name, make, options, expected) => expectValues(eigenvector(make(), options), expected, 10));
});
