import { describe, expect, it } from "vitest";
import type { NetworkJson } from "../api/types.js";
import { buildGraph, countVisible, edgeVisible, egoNodes, sizeRange, sizes, yearRange } from "./graph.js";

const edge = (key: string, source: string, target: string, kind: string, from?: string, to?: string) => ({
  key,
  source,
  target,
  kind,
  weight: 1,
  span: { ...(from ? { from } : {}), ...(to ? { to } : {}) },
  dated: !!from,
  records: [key],
});
// Iran and Russia in two assemblies; Armenia joins one in 2006; a friendship group and a treaty between Iran and Russia.
const json: NetworkJson = {
  view: "affiliation",
  nodes: [
    { id: "irn", name: "Iran", kind: "state", values: { degree: 4 } },
    { id: "rus", name: "Russia", kind: "state", values: { degree: 4 } },
    { id: "arm", name: "Armenia", kind: "state", values: { degree: 1 } },
    { id: "apa", name: "APA", kind: "parliamentary-assembly", values: { degree: 2 } },
    { id: "ipu", name: "IPU", kind: "parliamentary-assembly", values: { degree: 2 } },
    { id: "x", name: "Far away", kind: "state", values: { degree: 0 } },
  ],
  edges: [
    edge("irn->apa", "irn", "apa", "member-of", "2006-01-01"),
    edge("rus->apa", "rus", "apa", "member-of", "2014-01-01"),
    edge("irn->ipu", "irn", "ipu", "member-of"),
    edge("arm->ipu", "arm", "ipu", "member-of", "1992-01-01", "1999-12-31"),
    edge("fg", "irn", "rus", "friendship-group", "1994-01-01"),
    edge("tp", "rus", "irn", "treaty", "2001-01-01"),
  ],
};

describe("edgeVisible", () => {
  it.each([
    [{ from: 2006 }, 2005, false, false],
    [{ from: 2006 }, 2006, false, true],
    [{ from: 1992, to: 1999 }, 2000, true, false],
    [{}, 2000, false, false],
    [{}, 2000, true, true],
    [{}, undefined, false, true],
  ])("%j in %s (undated %s) → %s", (e, year, undated, out) => expect(edgeVisible(e, year, undated)).toBe(out));
});

describe("buildGraph", () => {
  const g = buildGraph(json);
  it("keeps every node and edge", () => expect([g.order, g.size]).toEqual([6, 6]));
  it("curves the two edges between Iran and Russia, on opposite sides", () => {
    const a = g.getEdgeAttributes("fg");
    const b = g.getEdgeAttributes("tp");
    expect([a.type, b.type]).toEqual(["curved", "curved"]);
    // tp runs rus → irn, fg irn → rus: the same sign of curvature relative to each edge's direction means opposite sides
    // once one is flipped, so their absolute curvatures match and the products differ from a straight duplicate.
    expect(Math.abs(a.curvature)).toBe(Math.abs(b.curvature));
    expect(g.getEdgeAttributes("irn->apa").type).toBe("line");
  });
  it("keeps parallel edges straight above the curve limit", () => expect(buildGraph(json, { curveLimit: 5 }).getEdgeAttribute("fg", "type")).toBe("line"));
  it("sizes by the metric", () => expect(g.getNodeAttribute("irn", "size")).toBeGreaterThan(g.getNodeAttribute("arm", "size")));
  it("colours communities", () => expect(new Set(g.mapNodes((_n, a) => a.community)).size).toBeGreaterThanOrEqual(1));
  it("ego network of depth 1", () => expect(buildGraph(json, { ego: "arm", depth: 1 }).nodes().sort()).toEqual(["arm", "ipu"]));
  it("ego network of depth 2", () => expect([...egoNodes(json.edges, "arm", 2)].sort()).toEqual(["arm", "ipu", "irn"]));
  it("labels with the chosen names", () => expect(buildGraph(json, { label: (id) => id.toUpperCase() }).getNodeAttribute("irn", "label")).toBe("IRN"));
});

describe("time window", () => {
  const g = buildGraph(json);
  it.each([
    [undefined, false, 6, 6],
    [1993, false, 1, 2],
    [2006, false, 3, 3],
    [2014, false, 4, 3],
    [2014, true, 5, 4],
  ])("year %s undated %s: %s edges, %s nodes", (year, undated, edges, nodes) => {
    const c = countVisible(g, year, undated);
    expect([c.edges, c.nodes]).toEqual([edges, nodes]);
  });
  it("year range", () => expect(yearRange(json)).toEqual([1992, 2014]));
});

describe("sizes", () => {
  it.each([
    [[0, 0], [3, 3]],
    [[0, 4, 16], [3, 10.5, 18]],
  ])("%j", (v, out) => expect(sizes(v)).toEqual(out));
});

describe("sizeRange", () => {
  it("keeps 3..18 px up to 1,000 nodes", () => {
    expect(sizeRange(5)).toEqual([3, 18]);
    expect(sizeRange(1000)).toEqual([3, 18]);
  });
  it("shrinks with the square root of the order above, to at least 2..6 px", () => {
    const [min, max] = sizeRange(4000);
    expect(min).toBeCloseTo(2);
    expect(max).toBeCloseTo(9);
    expect(sizeRange(10_000)).toEqual([2, 6]);
    expect(sizeRange(1_000_000)).toEqual([2, 6]);
  });
  it("is what buildGraph uses", () => {
    const nodes = Array.from({ length: 4000 }, (_, i) => ({ id: `n${i}`, name: `N${i}`, kind: "state", values: { degree: i } }));
    const big = buildGraph({ view: "affiliation", nodes, edges: [] } as unknown as NetworkJson);
    expect(big.getNodeAttribute("n3999", "size")).toBeCloseTo(9);
  });
});
