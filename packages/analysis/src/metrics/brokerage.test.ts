// Hand-checked Gould–Fernandez brokerage roles.
import { DirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { brokerage, MetricError, type BrokerageRoles } from "./index.js";
import * as G from "./fixtures/graphs.js";

const none: BrokerageRoles = { coordinator: 0, itinerant: 0, gatekeeper: 0, representative: 0, liaison: 0, total: 0 };
const roles = (r: Partial<BrokerageRoles>): BrokerageRoles => {
  const out = { ...none, ...r };
  out.total = out.coordinator + out.itinerant + out.gatekeeper + out.representative + out.liaison;
  return out;
};
function directed(edges: [string, string][]): DirectedGraph {
  const g = new DirectedGraph();
  for (const [u, v] of edges) g.mergeEdge(u, v);
  return g;
}

describe("brokerage", () => {
  it.each<[string, () => DirectedGraph, Record<string, string>, Record<string, BrokerageRoles>]>([
    // a→b→c, a and b in X: b represents X to Y. c→a→b (a→b's group): a gatekeeps for X. b→c→a: X, Y, X:
    // c is itinerant. b→c→d: c lets X into Y: gatekeeper. No a→c, b→a, c→b, b→d edges close these.
    [
      "cycle with exit",
      G.cycleExit,
      { a: "X", b: "X", c: "Y", d: "Y" },
      { a: roles({ gatekeeper: 1 }), b: roles({ representative: 1 }), c: roles({ itinerant: 1, gatekeeper: 1 }), d: none },
    ],
    // p→q→r is open (coordinator, all in 1); p→q→s is closed by p→s.
    [
      "closed two-paths do not count",
      () => directed([["p", "q"], ["q", "r"], ["q", "s"], ["p", "s"]]),
      { p: "1", q: "1", r: "1", s: "2" },
      { p: none, q: roles({ coordinator: 1 }), r: none, s: none },
    ],
    // u→v→w across three groups: liaison.
    ["liaison", () => directed([["u", "v"], ["v", "w"]]), { u: "1", v: "2", w: "3" }, { u: none, v: roles({ liaison: 1 }), w: none }],
    // a↔b, b→c: a→b→a is not a two-path (a = c); a→b→c is. b→a→? a has no other out-edge.
    [
      "reciprocal ties",
      () => directed([["a", "b"], ["b", "a"], ["b", "c"]]),
      { a: "1", b: "1", c: "1" },
      { a: none, b: roles({ coordinator: 1 }), c: none },
    ],
  ])("%s", (_name, make, groups, expected) => expect(brokerage(make(), groups)).toEqual(expected));

  it("reads an undirected edge as a tie both ways", () => {
    // c brokers a–d and b–d both ways; a–b are tied. Groups: a, b, c in X, d in Y.
    const result = brokerage(G.trianglePendant(), { a: "X", b: "X", c: "X", d: "Y" });
    // a→c→d, b→c→d: representative; d→c→a, d→c→b: gatekeeper.
    expect(result.c).toEqual(roles({ representative: 2, gatekeeper: 2 }));
    expect(result.a).toEqual(none);
  });

  it("needs a group for every node", () => {
    expect(() => brokerage(G.cycleExit(), { a: "X" })).toThrow(MetricError);
  });
});
