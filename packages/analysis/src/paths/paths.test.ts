// Reach and ego over the triad world (see fixtures.ts), by hand.
import { describe, expect, it } from "vitest";
import { triad } from "../fixtures.js";
import { ego, reach } from "./index.js";

const data = triad();

describe("reach", () => {
  it("walks from one parliament to the other through their friendship group, with the claim", () => {
    const r = reach(data, "a-parl", "b-parl");
    expect(r.length).toBe(1);
    expect(r.paths[0]!.hops[0]!.ties.map((t) => t.kind).sort()).toEqual(["event:visit", "event:visit", "friendship-group"]); // e3 on two layers
    const fg = r.paths[0]!.hops[0]!.ties.find((t) => t.kind === "friendship-group")!;
    expect(fg.records[0]).toMatchObject({ id: "fg", type: "relation" });
    expect(fg.records[0]!.evidence[0]!.claim).toBe("c-fg");
  });

  it("finds every shortest path through the co-membership view", () => {
    // Co-membership, lifted: aaa–bbb directly (ipx, orgy), so one hop; ccc reaches bbb directly through orgy.
    expect(reach(data, "aaa", "ccc", { view: "comembership", all: true }).paths.map((p) => p.nodes.map((n) => n.id))).toEqual([["aaa", "ccc"]]);
    // Affiliation, as of 2011: bbb reaches aaa through ipx (a-parl is lifted) or orgy.
    const paths = reach(data, "bbb", "aaa", { view: "affiliation", lift: true, at: "2011", all: true }).paths.map((p) => p.nodes.map((n) => n.id).join(">"));
    expect(paths.sort()).toEqual(["bbb>ipx>aaa", "bbb>orgy>aaa"]);
  });

  it("reports no path between actors the view does not connect", () => {
    expect(reach(data, "aaa", "ccc", { view: "comembership", at: "2011" }).paths).toEqual([]);
  });
});

describe("ego", () => {
  it("lists actors by distance", () => {
    const r = ego(data, "ccc", { view: "affiliation", depth: 2 });
    // ccc → orgy, forz (1); orgy ← aaa, bbb; forz ← aaa (2).
    expect(r.nodes.map((n) => [n.id, n.distance])).toEqual([
      ["ccc", 0],
      ...[["forz", 1], ["orgy", 1]].sort(),
      ...[["aaa", 2], ["bbb", 2]].sort(),
    ]);
  });

  it("refuses a depth of 0", () => {
    expect(() => ego(data, "ccc", { depth: 0 })).toThrow(/whole number of hops/);
  });
});
