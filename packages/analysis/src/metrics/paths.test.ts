// Hand-checked shortest paths and all shortest paths between two nodes.
import { describe, expect, it } from "vitest";
import { allShortestPaths, MetricError, shortestPath } from "./index.js";
import * as G from "./fixtures/graphs.js";

describe("shortestPath", () => {
  it.each<[string, () => ReturnType<typeof G.P4>, string, string, Parameters<typeof shortestPath>[3], string[] | null]>([
    ["P4 end to end", G.P4, "a", "d", {}, ["a", "b", "c", "d"]],
    ["to itself", G.P4, "b", "b", {}, ["b"]],
    ["detour, by hops", G.detour, "s", "t", {}, ["s", "t"]],
    ["detour, by weight (2 < 5)", G.detour, "s", "t", { weight: "weight" }, ["s", "a", "t"]],
    ["directed, along the cycle", G.cycleExit, "a", "d", {}, ["a", "b", "c", "d"]],
    ["directed, against the edges", G.cycleExit, "d", "a", {}, null],
    ["directed walked undirected", G.cycleExit, "d", "a", { undirected: true }, ["d", "c", "a"]],
    ["disconnected", G.disconnected, "a", "d", {}, null],
    // Jane to Andre: Jane-Ike-Heather-Fernando-Andre is the only 4-hop route.
    ["Krackhardt kite", G.kite, "9", "0", {}, ["9", "8", "7", "5", "0"]],
  ])("%s", (_name, make, from, to, options, expected) => expect(shortestPath(make(), from, to, options)).toEqual(expected));

  it("refuses unknown nodes and negative lengths", () => {
    expect(() => shortestPath(G.P4(), "a", "z")).toThrow(MetricError);
    const g = G.detour();
    g.setEdgeAttribute("s", "a", "weight", -1);
    expect(() => shortestPath(g, "s", "t", { weight: "weight" })).toThrow(/^diplograph: .*negative/);
  });
});

describe("allShortestPaths", () => {
  const sorted = (paths: string[][]) => paths.map((p) => p.join("-")).sort();
  it.each<[string, () => ReturnType<typeof G.P4>, string, string, Parameters<typeof allShortestPaths>[3], string[]]>([
    // Diamond: by hops s-t is direct; by weight s-a-t (1+2) and s-b-t (2+1) tie at 3 < 4.
    ["diamond, by hops", G.diamond, "s", "t", {}, ["s-t"]],
    ["diamond, by weight", G.diamond, "s", "t", { weight: "weight" }, ["s-a-t", "s-b-t"]],
    // Kite, Andre to Garth: via Beverly, Diane or Fernando.
    ["Krackhardt kite", G.kite, "0", "6", {}, ["0-1-6", "0-3-6", "0-5-6"]],
    // Jane to Diane: Heather then Fernando or Garth.
    ["Krackhardt kite, long", G.kite, "9", "3", {}, ["9-8-7-5-3", "9-8-7-6-3"]],
    ["directed", G.cycleExit, "b", "a", {}, ["b-c-a"]],
    ["unreachable", G.disconnected, "a", "e", {}, []],
  ])("%s", (_name, make, from, to, options, expected) => expect(sorted(allShortestPaths(make(), from, to, options))).toEqual(expected));

  it("counts paths before listing them", () => {
    expect(() => allShortestPaths(G.kite(), "0", "6", { limit: 2 })).toThrow(/3 shortest paths .* limit of 2/);
  });
});
