// Hand-checked ego networks, undirected and in each direction.
import { describe, expect, it } from "vitest";
import { egoGraph, egoNodes, MetricError } from "./index.js";
import * as G from "./fixtures/graphs.js";

describe("egoNodes", () => {
  it.each<[string, () => ReturnType<typeof G.P4>, string, Parameters<typeof egoNodes>[2], string[]]>([
    ["P5, depth 1", G.P5, "c", {}, ["c", "b", "d"]],
    ["P5, depth 2", G.P5, "a", { depth: 2 }, ["a", "b", "c"]],
    ["P5, depth 0", G.P5, "c", { depth: 0 }, ["c"]],
    ["S4 leaf, depth 2", G.S4, "1", { depth: 2 }, ["1", "h", "2", "3", "4"]],
    // c→a, c→d out; b→c in.
    ["directed, out", G.cycleExit, "c", {}, ["c", "a", "d"]],
    ["directed, in", G.cycleExit, "c", { direction: "in" }, ["c", "b"]],
    ["directed, both", G.cycleExit, "c", { direction: "both" }, ["c", "a", "d", "b"]],
    ["directed, out, depth 2", G.cycleExit, "c", { depth: 2 }, ["c", "a", "d", "b"]],
    ["disconnected", G.disconnected, "a", { depth: 5 }, ["a", "b", "c"]],
  ])("%s", (_name, make, node, options, expected) => expect(egoNodes(make(), node, options)).toEqual(expected));

  it("refuses an unknown node or a bad depth", () => {
    expect(() => egoNodes(G.P4(), "z")).toThrow(MetricError);
    expect(() => egoNodes(G.P4(), "a", { depth: -1 })).toThrow(MetricError);
  });
});

describe("egoGraph", () => {
  it("induces the subgraph with attributes and edge keys", () => {
    const g = G.trianglePendant();
    g.setNodeAttribute("a", "label", "Parliament A");
    const sub = egoGraph(g, "a");
    expect(sub.type).toBe("undirected");
    expect(sub.nodes().sort()).toEqual(["a", "b", "c"]);
    expect(sub.size).toBe(3);
    expect(sub.getNodeAttribute("a", "label")).toBe("Parliament A");
    expect(sub.hasEdge(g.edge("a", "b"))).toBe(true);
    sub.setNodeAttribute("a", "label", "changed");
    expect(g.getNodeAttribute("a", "label")).toBe("Parliament A");
  });

  it("keeps the edges among the ego's out-neighbours in both directions", () => {
    const sub = egoGraph(G.cycleExit(), "c");
    expect(sub.type).toBe("directed");
    expect(sub.edges().map((e) => `${sub.source(e)}→${sub.target(e)}`).sort()).toEqual(["c→a", "c→d"]);
    const both = egoGraph(G.cycleExit(), "c", { direction: "both" });
    expect(both.size).toBe(4);
  });
});
