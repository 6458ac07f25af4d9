// The metrics against NetworkX 2.8 and igraph 0.10 on seeded graphs (fixture written by scripts/reference/metrics.py).
import { readFileSync } from "node:fs";
import { DirectedGraph, UndirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import {
  betweenness,
  betweennessSampled,
  closeness,
  coreNumber,
  eigenvector,
  louvain,
  pagerank,
  type NodeValues,
} from "./index.js";

interface Reference {
  directed: boolean;
  nodes: string[];
  edges: [string, string, number][];
  personalization: Record<string, number>;
  pivots: string[];
  igraph: Record<string, number[]>;
  louvain?: { networkx: number; igraph: number };
  louvainWeighted?: { networkx: number; igraph: number };
  [metric: string]: unknown;
}

const fixture = JSON.parse(readFileSync(new URL("./fixtures/networkx-reference.json", import.meta.url), "utf8")) as {
  graphs: Record<string, Reference>;
};

function build(ref: Reference) {
  const graph = ref.directed ? new DirectedGraph() : new UndirectedGraph();
  for (const node of ref.nodes) graph.addNode(node);
  for (const [u, v, w] of ref.edges) graph.addEdge(u, v, { weight: w });
  return graph;
}

function maxDiff(actual: NodeValues, ref: Reference, expected: number[], scale = 1): number {
  let worst = 0;
  ref.nodes.forEach((node, i) => {
    worst = Math.max(worst, Math.abs(actual[node]! - expected[i]! * scale));
  });
  return worst;
}

const W = { weight: "weight" };

describe.each(Object.keys(fixture.graphs))("NetworkX reference: %s", (name) => {
  const ref = fixture.graphs[name]!;
  const graph = build(ref);
  const n = ref.nodes.length;
  const cases: [string, () => NodeValues, string][] = [
    ["betweenness", () => betweenness(graph), "betweenness"],
    ["betweenness, unnormalized", () => betweenness(graph, { normalized: false }), "betweennessRaw"],
    ["betweenness, weighted", () => betweenness(graph, W), "betweennessWeighted"],
    ["sampled betweenness", () => betweennessSampled(graph, ref.pivots), "betweennessSampled"],
    ["sampled betweenness, unnormalized", () => betweennessSampled(graph, ref.pivots, { normalized: false }), "betweennessSampledRaw"],
    ["closeness", () => closeness(graph), "closeness"],
    ["closeness, weighted", () => closeness(graph, W), "closenessWeighted"],
    ["closeness, wf_improved=False", () => closeness(graph, { wfImproved: false }), "closenessNoWf"],
    ["pagerank", () => pagerank(graph), "pagerank"],
    ["pagerank, weighted", () => pagerank(graph, W), "pagerankWeighted"],
    ["pagerank, personalized", () => pagerank(graph, { personalization: ref.personalization }), "pagerankPersonalized"],
    ["eigenvector", () => eigenvector(graph), "eigenvector"],
    ["eigenvector, weighted", () => eigenvector(graph, W), "eigenvectorWeighted"],
    ["core number", () => coreNumber(graph), "coreNumber"],
  ];
  it.each(cases)("%s equals NetworkX to 1e-9", (_label, run, key) => {
    expect(maxDiff(run(), ref, ref[key] as number[])).toBeLessThanOrEqual(1e-9);
  });

  it("betweenness and PageRank equal igraph to 1e-9", () => {
    // igraph's betweenness is unnormalized and, undirected, counts each unordered pair once: NetworkX's raw values.
    expect(maxDiff(betweenness(graph, { normalized: false }), ref, ref.igraph.betweennessRaw!)).toBeLessThanOrEqual(1e-9);
    expect(maxDiff(betweenness(graph, { ...W, normalized: false }), ref, ref.igraph.betweennessWeightedRaw!)).toBeLessThanOrEqual(1e-9);
    expect(maxDiff(pagerank(graph), ref, ref.igraph.pagerank!)).toBeLessThanOrEqual(1e-9);
  });

  it("sampled betweenness with every node as pivot is exact betweenness", () => {
    expect(maxDiff(betweennessSampled(graph, ref.nodes), ref, ref.betweenness as number[])).toBeLessThanOrEqual(1e-9);
  });

  // Louvain reads a directed graph as undirected; the references (igraph, NetworkX undirected) exist only for undirected graphs.
  if (!ref.directed) it("Louvain finds a valid partition within 0.02 of the better of NetworkX and igraph", () => {
    for (const [options, key] of [[{}, "louvain"], [W, "louvainWeighted"]] as const) {
      const result = louvain(graph, options);
      const expected = ref[key]!;
      expect(Object.keys(result.communities)).toHaveLength(n);
      const labels = new Set(Object.values(result.communities));
      expect(labels.size).toBe(result.count);
      expect([...labels].sort((a, b) => a - b)).toEqual([...Array(result.count).keys()]);
      expect(result.modularity).toBeGreaterThanOrEqual(Math.max(expected.networkx, expected.igraph) - 0.02);
    }
  });
});
