// Ego networks: the nodes within k hops of a node, and the subgraph they induce as a new graphology graph.
import { nodeIndex, toCsr, type AnyGraph } from "./csr.js";
import { DEFAULTS, MetricError, withDefaults, type EgoOptions } from "./types.js";

/** Keys of the nodes within `depth` hops of `node` (the ego first, then by distance), in the chosen direction. */
export function egoNodes(graph: AnyGraph, node: string, options?: EgoOptions): string[] {
  const { depth, direction } = withDefaults<Required<EgoOptions>>(DEFAULTS.ego, options);
  if (!Number.isInteger(depth) || depth < 0) throw new MetricError(`ego depth must be a whole number ≥ 0, got ${depth}`);
  const csr = toCsr(graph, null);
  const source = nodeIndex(csr, node);
  const useOut = !csr.directed || direction !== "in";
  const useIn = csr.directed && direction !== "out";
  const hops = new Int32Array(csr.order).fill(-1);
  const queue = new Int32Array(csr.order);
  hops[source] = 0;
  queue[0] = source;
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const v = queue[head++]!;
    const h = hops[v]!;
    if (h === depth) continue;
    for (let side = 0; side < 2; side++) {
      if (side === 0 ? !useOut : !useIn) continue;
      const offsets = side === 0 ? csr.outOffsets : csr.inOffsets;
      const targets = side === 0 ? csr.outTargets : csr.inTargets;
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        const t = targets[e]!;
        if (hops[t] === -1) {
          hops[t] = h + 1;
          queue[tail++] = t;
        }
      }
    }
  }
  const out: string[] = [];
  for (let i = 0; i < tail; i++) out.push(csr.keys[queue[i]!]!);
  return out;
}

/**
 * The ego network of `node` as a new graph of the same type and options: the nodes of {@link egoNodes} and every
 * edge among them (in both directions, whatever `direction` was used to find the nodes), with copies of the
 * graph's, the nodes' and the edges' attributes and the same edge keys.
 */
export function egoGraph<G extends AnyGraph>(graph: G, node: string, options?: EgoOptions): G {
  const members = egoNodes(graph, node, options);
  const inside = new Set(members);
  const sub = graph.nullCopy() as G;
  for (const key of members) sub.addNode(key, { ...graph.getNodeAttributes(key) });
  for (const key of members) {
    graph.forEachOutboundEdge(key, (edge, attributes, source, target, _sa, _ta, undirected) => {
      if (!inside.has(source) || !inside.has(target) || sub.hasEdge(edge)) return;
      if (undirected) sub.addUndirectedEdgeWithKey(edge, source, target, { ...attributes });
      else sub.addDirectedEdgeWithKey(edge, source, target, { ...attributes });
    });
  }
  return sub;
}
