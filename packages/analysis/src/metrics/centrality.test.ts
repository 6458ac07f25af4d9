// Hand-checked degree, betweenness and closeness on small named graphs.
import { describe, expect, it } from "vitest";
import { betweenness, betweennessSampled, closeness, degree, MetricError, type NodeValues } from "./index.js";
import * as G from "./fixtures/graphs.js";

function expectValues(actual: NodeValues, expected: NodeValues): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [node, value] of Object.entries(expected)) expect(actual[node], node).toBeCloseTo(value, 12);
}

describe("degree", () => {
  it.each<[string, () => ReturnType<typeof G.P4>, Parameters<typeof degree>[1], NodeValues]>([
    ["P4", G.P4, {}, { a: 1, b: 2, c: 2, d: 1 }],
    ["S4", G.S4, {}, { h: 4, "1": 1, "2": 1, "3": 1, "4": 1 }],
    ["triangle with pendant", G.trianglePendant, {}, { a: 2, b: 2, c: 3, d: 1 }],
    // a→b, b→c, c→a, c→d: c has two out-edges and one in-edge.
    ["directed, all", G.cycleExit, {}, { a: 2, b: 2, c: 3, d: 1 }],
    ["directed, out", G.cycleExit, { mode: "out" }, { a: 1, b: 1, c: 2, d: 0 }],
    ["directed, in", G.cycleExit, { mode: "in" }, { a: 1, b: 1, c: 1, d: 1 }],
    // s: 1 + 5, a: 1 + 1, t: 1 + 5.
    ["detour, strength", G.detour, { weight: "weight" }, { s: 6, a: 2, t: 6 }],
    ["undirected graph ignores mode", G.P4, { mode: "in" }, { a: 1, b: 2, c: 2, d: 1 }],
  ])("%s", (_name, make, options, expected) => expectValues(degree(make(), options), expected));
});

describe("betweenness", () => {
  it.each<[string, () => ReturnType<typeof G.P4>, Parameters<typeof betweenness>[1], NodeValues]>([
    // b is inside a–c and a–d: 2 pairs; normalized: 2 / C(3,2) = 2/3.
    ["P4", G.P4, {}, { a: 0, b: 2 / 3, c: 2 / 3, d: 0 }],
    ["P4, raw", G.P4, { normalized: false }, { a: 0, b: 2, c: 2, d: 0 }],
    // c splits {a, b} from {d, e}: 4 pairs of C(4,2) = 6; b sits inside a–c, a–d, a–e: 3.
    ["P5", G.P5, {}, { a: 0, b: 0.5, c: 2 / 3, d: 0.5, e: 0 }],
    // The hub is inside all C(4,2) = 6 leaf pairs: normalized 1.
    ["S4", G.S4, {}, { h: 1, "1": 0, "2": 0, "3": 0, "4": 0 }],
    // c is inside a–d and b–d.
    ["triangle with pendant, raw", G.trianglePendant, { normalized: false }, { a: 0, b: 0, c: 2, d: 0 }],
    // Krackhardt 1990: Heather carries all 2·7 pairs from {Ike, Jane} to the kite (14/36); Ike the 8 to Jane;
    // Fernando and Garth 7.5 from Heather's side plus 1/3 + 1/2 inside the kite (25/3); Diane
    // ½+⅓+½+⅓+1+½+½ = 11/3; Andre and Beverly ½ + ⅓ = 5/6. Normalized by C(9,2) = 36.
    [
      "Krackhardt kite",
      G.kite,
      {},
      { "0": 5 / 216, "1": 5 / 216, "2": 0, "3": 11 / 108, "4": 0, "5": 25 / 108, "6": 25 / 108, "7": 14 / 36, "8": 8 / 36, "9": 0 },
    ],
    // Ordered pairs: a→c via b, a→d via b,c; b→a via c, b→d via c; c→b via a. Raw a 1, b 2, c 3; /(3·2).
    ["directed", G.cycleExit, {}, { a: 1 / 6, b: 2 / 6, c: 3 / 6, d: 0 }],
    ["directed, raw", G.cycleExit, { normalized: false }, { a: 1, b: 2, c: 3, d: 0 }],
    // Unweighted s–t is direct; weighted, s-a-t (2) beats s-t (5): a is inside the one pair, /C(2,2) = 1.
    ["detour, unweighted", G.detour, {}, { s: 0, a: 0, t: 0 }],
    ["detour, weighted", G.detour, { weight: "weight" }, { s: 0, a: 1, t: 0 }],
    // Two weighted shortest s–t paths (via a and via b, length 3) give a and b half of s–t each; likewise a–b runs
    // via s (1+2) or t (2+1), half each. Every other pair is a direct edge.
    ["diamond, weighted, raw", G.diamond, { weight: "weight", normalized: false }, { s: 0.5, a: 0.5, b: 0.5, t: 0.5 }],
    ["disconnected", G.disconnected, {}, { a: 0, b: 0, c: 0, d: 0, e: 0 }],
  ])("%s", (_name, make, options, expected) => expectValues(betweenness(make(), options), expected));

  it("refuses a negative or zero length", () => {
    const g = G.detour();
    g.setEdgeAttribute("s", "t", "weight", -1);
    expect(() => betweenness(g, { weight: "weight" })).toThrow(MetricError);
    g.setEdgeAttribute("s", "t", "weight", 0);
    expect(() => betweenness(g, { weight: "weight" })).toThrow(/^diplograph: weight attribute "weight" has a zero value/);
  });

  it("refuses a weight that is not a number", () => {
    const g = G.detour();
    g.setEdgeAttribute("s", "t", "weight", "heavy");
    expect(() => betweenness(g, { weight: "weight" })).toThrow(MetricError);
  });

  it("writes a node attribute with .assign", () => {
    const g = G.P4();
    betweenness.assign(g, { normalized: false });
    expect(g.getNodeAttribute("b", "betweenness")).toBe(2);
    betweenness.assign(g, { attribute: "bc" });
    expect(g.getNodeAttribute("b", "bc")).toBeCloseTo(2 / 3, 12);
  });
});

describe("sampled betweenness", () => {
  it.each<[string, () => ReturnType<typeof G.P4>, string[], Parameters<typeof betweenness>[1], NodeValues]>([
    // From pivot a: δ(b) = 2 (a–c, a–d), δ(c) = 1 (a–d). × n/k = 4, × 1/((n-1)(n-2)) = 1/6.
    ["P4 from a", G.P4, ["a"], {}, { a: 0, b: 8 / 6, c: 4 / 6, d: 0 }],
    // Unnormalized undirected: × ½ × n/k.
    ["P4 from a, raw", G.P4, ["a"], { normalized: false }, { a: 0, b: 4, c: 2, d: 0 }],
    // Every node a pivot: exact betweenness.
    ["P5, all pivots", G.P5, ["a", "b", "c", "d", "e"], {}, { a: 0, b: 0.5, c: 2 / 3, d: 0.5, e: 0 }],
    // Directed from c: c→b via a: δ(a) = 1, × n/k = 4, /6.
    ["directed from c", G.cycleExit, ["c"], {}, { a: 4 / 6, b: 0, c: 0, d: 0 }],
  ])("%s", (_name, make, pivots, options, expected) => expectValues(betweennessSampled(make(), pivots, options), expected));

  it("refuses unknown, repeated or no pivots", () => {
    expect(() => betweennessSampled(G.P4(), ["z"])).toThrow(/^diplograph: node "z" is not in the graph/);
    expect(() => betweennessSampled(G.P4(), ["a", "a"])).toThrow(MetricError);
    expect(() => betweennessSampled(G.P4(), [])).toThrow(MetricError);
  });
});

describe("closeness", () => {
  it.each<[string, () => ReturnType<typeof G.P4>, Parameters<typeof closeness>[1], NodeValues]>([
    // a: 3 / (1+2+3); b: 3 / (1+1+2).
    ["P4", G.P4, {}, { a: 0.5, b: 0.75, c: 0.75, d: 0.5 }],
    // c: 4 / (2+1+1+2); a: 4 / (1+2+3+4).
    ["P5", G.P5, {}, { a: 0.4, b: 4 / 7, c: 2 / 3, d: 4 / 7, e: 0.4 }],
    // Leaf: 4 / (1 + 2·3).
    ["S4", G.S4, {}, { h: 1, "1": 4 / 7, "2": 4 / 7, "3": 4 / 7, "4": 4 / 7 }],
    ["triangle with pendant", G.trianglePendant, {}, { a: 0.75, b: 0.75, c: 1, d: 0.6 }],
    // Fernando: 9/14 (distances 1,2,1,1,2,1,1,2,3); Heather and Diane 9/15; Jane 9/29.
    ["Krackhardt kite (selected)", G.kite, {}, {}],
    // Incoming distances: a is reached by c (1) and b (2): 2/3 · wf 2/3; d by c, b, a (1+2+3): 3/6.
    ["directed", G.cycleExit, {}, { a: 4 / 9, b: 4 / 9, c: 4 / 9, d: 0.5 }],
    ["directed, no wf", G.cycleExit, { wfImproved: false }, { a: 2 / 3, b: 2 / 3, c: 2 / 3, d: 0.5 }],
    // s: a at 1, t at 2 (via a).
    ["detour, weighted", G.detour, { weight: "weight" }, { s: 2 / 3, a: 1, t: 2 / 3 }],
    ["detour, unweighted", G.detour, {}, { s: 1, a: 1, t: 1 }],
    // a reaches 2 nodes at 1 each: 2/2 · (2/4); d reaches 1: 1/1 · (1/4).
    ["disconnected", G.disconnected, {}, { a: 0.5, b: 0.5, c: 0.5, d: 0.25, e: 0.25 }],
    ["disconnected, no wf", G.disconnected, { wfImproved: false }, { a: 1, b: 1, c: 1, d: 1, e: 1 }],
  ])("%s", (name, make, options, expected) => {
    const values = closeness(make(), options);
    if (name.startsWith("Krackhardt")) {
      expect(values["5"]).toBeCloseTo(9 / 14, 12);
      expect(values["6"]).toBeCloseTo(9 / 14, 12);
      expect(values["7"]).toBeCloseTo(9 / 15, 12);
      expect(values["3"]).toBeCloseTo(9 / 15, 12);
      expect(values["9"]).toBeCloseTo(9 / 29, 12);
    } else expectValues(values, expected);
  });
});
