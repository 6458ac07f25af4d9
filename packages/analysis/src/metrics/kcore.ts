// Core number of every node: Batagelj–Zaversnik bucket peeling in O(m) on CSR arrays.
import { byKey, toCsr, type AnyGraph } from "./csr.js";
import { withAssign } from "./assign.js";
import type { NodeValues } from "./types.js";

/**
 * The core number of each node: the largest k such that the node belongs to a subgraph whose nodes all have degree
 * ≥ k. Degree is NetworkX's: in + out in a directed graph, parallel edges counted; self-loops are ignored (NetworkX
 * refuses them). Weights play no part.
 */
export const coreNumber = withAssign(
  (graph: AnyGraph): NodeValues => {
    const csr = toCsr(graph, null);
    const n = csr.order;
    const { outOffsets, outTargets, inOffsets, inTargets, directed } = csr;
    const deg = new Int32Array(n);
    let maxDeg = 0;
    for (let v = 0; v < n; v++) {
      let d = 0;
      for (let e = outOffsets[v]!; e < outOffsets[v + 1]!; e++) if (outTargets[e] !== v) d++;
      if (directed) for (let e = inOffsets[v]!; e < inOffsets[v + 1]!; e++) if (inTargets[e] !== v) d++;
      deg[v] = d;
      if (d > maxDeg) maxDeg = d;
    }
    // Nodes sorted by current degree in `vert`; bin[d] is where degree d starts, pos[v] where v sits.
    const bin = new Int32Array(maxDeg + 2);
    for (let v = 0; v < n; v++) bin[deg[v]! + 1]!++;
    for (let d = 0; d <= maxDeg; d++) bin[d + 1]! += bin[d]!;
    const pos = new Int32Array(n);
    const vert = new Int32Array(n);
    const fill = bin.slice();
    for (let v = 0; v < n; v++) {
      pos[v] = fill[deg[v]!]!++;
      vert[pos[v]!] = v;
    }
    for (let i = 0; i < n; i++) {
      const v = vert[i]!;
      const dv = deg[v]!;
      for (let side = 0; side < (directed ? 2 : 1); side++) {
        const offsets = side === 0 ? outOffsets : inOffsets;
        const targets = side === 0 ? outTargets : inTargets;
        for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
          const u = targets[e]!;
          const du = deg[u]!;
          if (u === v || du <= dv) continue;
          // Move u to the front of its bin, then shrink the bin past it: u's degree drops by one.
          const pu = pos[u]!;
          const pw = bin[du]!;
          const w = vert[pw]!;
          if (u !== w) {
            pos[u] = pw;
            vert[pu] = w;
            pos[w] = pu;
            vert[pw] = u;
          }
          bin[du]!++;
          deg[u] = du - 1;
        }
      }
    }
    return byKey(csr, deg);
  },
  "core",
  (values) => values,
);
