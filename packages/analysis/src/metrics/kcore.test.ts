// Hand-checked core numbers.
import { describe, expect, it } from "vitest";
import { coreNumber, type NodeValues } from "./index.js";
import * as G from "./fixtures/graphs.js";

describe("coreNumber", () => {
  it.each<[string, () => ReturnType<typeof G.P4>, NodeValues]>([
    ["P4", G.P4, { a: 1, b: 1, c: 1, d: 1 }],
    ["S4", G.S4, { h: 1, "1": 1, "2": 1, "3": 1, "4": 1 }],
    // The triangle survives peeling to degree 2; the pendant does not.
    ["triangle with pendant", G.trianglePendant, { a: 2, b: 2, c: 2, d: 1 }],
    // Nodes 0–6 all keep degree ≥ 3 among themselves (Carol and Ed have exactly 3), and removing Carol and Ed
    // drops Andre to 3, so no 4-core. Heather keeps Fernando and Garth (2); Ike and Jane peel at 1.
    ["Krackhardt kite", G.kite, { "0": 3, "1": 3, "2": 3, "3": 3, "4": 3, "5": 3, "6": 3, "7": 2, "8": 1, "9": 1 }],
    // Directed: in + out degree. a, b, c have 2 each within the cycle; d has 1.
    ["directed", G.cycleExit, { a: 2, b: 2, c: 2, d: 1 }],
    ["disconnected", G.disconnected, { a: 2, b: 2, c: 2, d: 1, e: 1 }],
  ])("%s", (_name, make, expected) => expect(coreNumber(make())).toEqual(expected));

  it("ignores self-loops", () => {
    const g = G.P4();
    g.addEdge("a", "a");
    expect(coreNumber(g).a).toBe(1);
  });
});
