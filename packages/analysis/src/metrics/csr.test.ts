// The CSR conversion: arcs in both directions, mixed graphs, and the cache.
import { MultiGraph, UndirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { toCsr } from "./index.js";
import * as G from "./fixtures/graphs.js";

const arcs = (offsets: Int32Array, targets: Int32Array, keys: readonly string[]) =>
  keys.map((k, i) => `${k}:${[...targets.subarray(offsets[i]!, offsets[i + 1]!)].map((t) => keys[t]).join("")}`);

describe("toCsr", () => {
  it("undirected: each edge is an arc both ways, and in-arcs are out-arcs", () => {
    const csr = toCsr(G.trianglePendant());
    expect(csr.directed).toBe(false);
    expect(arcs(csr.outOffsets, csr.outTargets, csr.keys)).toEqual(["a:bc", "b:ac", "c:bad", "d:c"]);
    expect(csr.inTargets).toBe(csr.outTargets);
  });

  it("directed: out-arcs and in-arcs", () => {
    const csr = toCsr(G.cycleExit());
    expect(arcs(csr.outOffsets, csr.outTargets, csr.keys)).toEqual(["a:b", "b:c", "c:ad", "d:"]);
    expect(arcs(csr.inOffsets, csr.inTargets, csr.keys)).toEqual(["a:c", "b:a", "c:b", "d:c"]);
  });

  it("mixed: an undirected edge is an arc each way", () => {
    const g = new MultiGraph(); // type "mixed" by default
    g.mergeDirectedEdge("a", "b");
    g.mergeUndirectedEdge("b", "c");
    const csr = toCsr(g);
    expect(csr.directed).toBe(true);
    expect(arcs(csr.outOffsets, csr.outTargets, csr.keys)).toEqual(["a:b", "b:c", "c:b"]);
    expect(arcs(csr.inOffsets, csr.inTargets, csr.keys)).toEqual(["a:", "b:ac", "c:b"]);
  });

  it("reads weights, 1 when missing, and caches until the graph changes", () => {
    const g = new UndirectedGraph();
    g.mergeEdge("a", "b", { w: 2.5 });
    g.mergeEdge("b", "c");
    const csr = toCsr(g, "w");
    expect([...csr.outWeights]).toEqual([2.5, 2.5, 1, 1]);
    expect(toCsr(g, "w")).toBe(csr);
    g.setEdgeAttribute("b", "c", "w", 3);
    const next = toCsr(g, "w");
    expect(next).not.toBe(csr);
    expect(next.minWeight).toBe(2.5);
  });
});
