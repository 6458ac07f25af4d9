// The node metrics a view can be ranked by, by name (`analyse network`, `GET /api/analyses/network`). Ties are weighted where the metric reads weight as
// strength (strength, PageRank, eigenvector, Louvain); path-based metrics (betweenness, closeness) count hops, since a
// view's weight (shared bodies, shared events) is a strength, not a distance.
import { betweenness, closeness, degree } from "../metrics/centrality.js";
import { louvain } from "../metrics/communities.js";
import { coreNumber } from "../metrics/kcore.js";
import { eigenvector, pagerank } from "../metrics/spectral.js";
import type { AnyView } from "./index.js";
import type { AttributeSpec } from "@diplograph/export";

type Metric = (g: AnyView) => Record<string, number>;

const METRICS: Record<string, { compute: Metric; spec: AttributeSpec }> = {
  degree: { compute: (g) => degree(g), spec: { type: "integer", description: "number of ties" } },
  strength: { compute: (g) => degree(g, { weight: "weight" }), spec: { type: "double", description: "sum of tie weights" } },
  betweenness: { compute: (g) => betweenness(g), spec: { type: "double", description: "betweenness centrality (normalized, hops)" } },
  closeness: { compute: (g) => closeness(g), spec: { type: "double", description: "closeness centrality (Wasserman–Faust, hops)" } },
  pagerank: { compute: (g) => pagerank(g, { weight: "weight" }), spec: { type: "double", description: "PageRank (weighted, damping 0.85)" } },
  eigenvector: { compute: (g) => eigenvector(g, { weight: "weight" }), spec: { type: "double", description: "eigenvector centrality (weighted)" } },
  community: { compute: (g) => numeric(louvain(g, { weight: "weight" }).communities), spec: { type: "integer", description: "Louvain community (weighted, seed 42)" } },
  core: { compute: (g) => coreNumber(g), spec: { type: "integer", description: "k-core number" } },
};

function numeric(c: Record<string, string | number>): Record<string, number> {
  return Object.fromEntries(Object.entries(c).map(([k, v]) => [k, Number(v)]));
}

export const METRIC_NAMES = Object.keys(METRICS);

export function computeMetrics(g: AnyView, names: readonly string[]): Record<string, Map<string, number>> {
  // An empty view has nothing to measure; the metrics need at least one node.
  if (g.order === 0) return Object.fromEntries(names.map((n) => [n, new Map<string, number>()]));
  return Object.fromEntries(names.map((n) => [n, new Map(Object.entries(METRICS[n]!.compute(g)))]));
}

export function metricSpecs(names: readonly string[]): Record<string, AttributeSpec> {
  return Object.fromEntries(names.map((n) => [n, METRICS[n]!.spec]));
}
