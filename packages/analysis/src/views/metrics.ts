// The node metrics a view can be ranked by, by name (`analyse network`, `GET /api/analyses/network`).
import type { AnyView } from "./index.js";

type Metric = (g: AnyView) => Map<string, number>;

const METRICS: Record<string, Metric> = {
  degree: (g) => new Map(g.mapNodes((n) => [n, g.degree(n)] as const)),
  strength: (g) => {
    const out = new Map<string, number>(g.mapNodes((n) => [n, 0] as const));
    (g as unknown as { forEachEdge: (fn: (k: string, a: { weight: number }, s: string, t: string) => void) => void }).forEachEdge((_k, a, s, t) => {
      out.set(s, out.get(s)! + a.weight);
      out.set(t, out.get(t)! + a.weight);
    });
    return out;
  },
};

export const METRIC_NAMES = Object.keys(METRICS);

export function computeMetrics(g: AnyView, names: readonly string[]): Record<string, Map<string, number>> {
  return Object.fromEntries(names.map((n) => [n, METRICS[n]!(g)]));
}
