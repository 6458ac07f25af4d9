// Gould–Fernandez brokerage roles: each node's open two-paths a→b→c classified by the groups of a, b and c.
import { toCsr, type AnyGraph } from "./csr.js";
import { MetricError, type BrokerageRoles } from "./types.js";

/**
 * Raw Gould–Fernandez (1989) brokerage counts, as `sna::brokerage`'s `raw.nli`: node b brokers every ordered pair
 * (a, c) of distinct nodes other than b with a→b, b→c and no a→c. The two-path is a role by groups:
 * coordinator (A→A→A, w_I), itinerant (A→B→A, w_O), gatekeeper (A→B→B, b_OI), representative (B→B→A, b_IO),
 * liaison (A→B→C, b_O). Ties are binary (parallel edges and weights do not count); an undirected edge is a tie
 * both ways; self-loops are ignored. Every node must have a group.
 */
export function brokerage(
  graph: AnyGraph,
  groups: Readonly<Record<string, string | number>>,
): Record<string, BrokerageRoles> {
  const csr = toCsr(graph, null);
  const n = csr.order;
  const { outOffsets, outTargets, inOffsets, inTargets } = csr;
  const ids = new Map<string | number, number>();
  const group = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const label = groups[csr.keys[i]!];
    if (label === undefined) throw new MetricError(`node ${JSON.stringify(csr.keys[i])} has no group`);
    let g = ids.get(label);
    if (g === undefined) ids.set(label, (g = ids.size));
    group[i] = g;
  }

  // Stamps instead of sets: seenIn/seenOut deduplicate b's alters, tiedFrom marks a's out-neighbours.
  const seenIn = new Int32Array(n).fill(-1);
  const seenOut = new Int32Array(n).fill(-1);
  const tiedFrom = new Int32Array(n).fill(-1);
  const ins = new Int32Array(n);
  const outs = new Int32Array(n);
  const counts = new Float64Array(5 * n);
  for (let b = 0; b < n; b++) {
    let ni = 0;
    for (let e = inOffsets[b]!; e < inOffsets[b + 1]!; e++) {
      const a = inTargets[e]!;
      if (a !== b && seenIn[a] !== b) {
        seenIn[a] = b;
        ins[ni++] = a;
      }
    }
    let no = 0;
    for (let e = outOffsets[b]!; e < outOffsets[b + 1]!; e++) {
      const c = outTargets[e]!;
      if (c !== b && seenOut[c] !== b) {
        seenOut[c] = b;
        outs[no++] = c;
      }
    }
    const gb = group[b]!;
    for (let i = 0; i < ni; i++) {
      const a = ins[i]!;
      for (let e = outOffsets[a]!; e < outOffsets[a + 1]!; e++) tiedFrom[outTargets[e]!] = a;
      const ga = group[a]!;
      for (let j = 0; j < no; j++) {
        const c = outs[j]!;
        if (c === a || tiedFrom[c] === a) continue;
        const gc = group[c]!;
        let role: number;
        if (ga === gb) role = gb === gc ? 0 : 3;
        else if (gb === gc) role = 2;
        else role = ga === gc ? 1 : 4;
        counts[5 * b + role]!++;
      }
    }
  }
  const out: Record<string, BrokerageRoles> = {};
  for (let b = 0; b < n; b++) {
    const k = 5 * b;
    const [coordinator, itinerant, gatekeeper, representative, liaison] = [0, 1, 2, 3, 4].map((r) => counts[k + r]!) as [
      number,
      number,
      number,
      number,
      number,
    ];
    out[csr.keys[b]!] = {
      coordinator,
      itinerant,
      gatekeeper,
      representative,
      liaison,
      total: coordinator + itinerant + gatekeeper + representative + liaison,
    };
  }
  return out;
}
