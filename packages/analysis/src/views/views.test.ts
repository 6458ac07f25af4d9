// Views over the triad world (see fixtures.ts), every expected value worked out by hand from the table there.
import { describe, expect, it } from "vitest";
import { toGexf } from "@diplograph/export";
import { triad } from "../fixtures.js";
import { affiliationView, coMembershipView, interactionView, multiplexView, view } from "./index.js";
import { viewGraph } from "./export.js";

const data = triad();

describe("affiliation view", () => {
  it("links members to bodies, without the membership whose only claim was rejected", () => {
    const g = affiliationView(data);
    expect(g.order).toBe(7); // a-parl, bbb, aaa, ccc, ipx, orgy, forz
    expect(g.size).toBe(7); // m1–m7; m8 rejected
    expect(g.hasEdge("bbb->forz")).toBe(false);
    expect(g.getEdgeAttributes("a-parl->ipx")).toMatchObject({ roles: ["founding"], span: { from: "2006-01-01" }, dated: true });
    expect(g.getNodeAttribute("ipx", "side")).toBe("body");
  });

  it("cuts a membership to the lifespan of its body", () => {
    // m6 starts 1990, but forz was founded in 2000 and dissolved in 2010.
    expect(affiliationView(data).getEdgeAttribute("ccc->forz", "span")).toEqual({ from: "2000-01-01", to: "2010-12-31" });
  });

  it("lifts a part's membership to its state when asked, marked via", () => {
    const g = affiliationView(data, { lift: true });
    expect(g.hasNode("a-parl")).toBe(false);
    expect(g.getEdgeAttributes("aaa->ipx").via).toEqual(["a-parl"]);
  });
});

describe("co-membership view", () => {
  it.each([
    // pair, weight, bodies
    ["aaa", "bbb", 2, ["ipx", "orgy"]],
    ["aaa", "ccc", 2, ["orgy", "forz"]],
    ["bbb", "ccc", 1, ["orgy"]],
  ] as const)("%s and %s share %i bodies", (a, b, weight, bodies) => {
    const g = coMembershipView(data);
    const e = g.getEdgeAttributes(g.edge(a, b)!);
    expect(e.weight).toBe(weight);
    expect(e.bodies.map((x) => x.body).sort()).toEqual([...bodies].sort());
  });

  it("dates each shared body to when both belonged", () => {
    const g = coMembershipView(data);
    const bodies = (a: string, b: string) => Object.fromEntries(g.getEdgeAttributes(g.edge(a, b)!).bodies.map((x) => [x.body, x.span]));
    expect(bodies("bbb", "ccc")["orgy"]).toEqual({ from: "2012-01-01", to: "2015-12-31" }); // 1995–2015 ∩ 2012–
    expect(bodies("aaa", "ccc")["forz"]).toEqual({ from: "2005-01-01", to: "2010-12-31" }); // 2005– ∩ 2000–2010
    expect(bodies("aaa", "bbb")["ipx"]).toEqual({ from: "2010-01-01" });
  });

  it("as of 2011 keeps only what may hold then", () => {
    const g = coMembershipView(data, { at: "2011" });
    // forz was dissolved in 2010 and ccc joined orgy in 2012; aaa's undated observer seat in orgy may hold.
    expect(g.nodes().sort()).toEqual(["aaa", "bbb"]);
    expect(g.getEdgeAttribute(g.edge("aaa", "bbb")!, "weight")).toBe(2);
    const dated = coMembershipView(data, { at: "2011", datedOnly: true });
    expect(dated.getEdgeAttribute(dated.edge("aaa", "bbb")!, "weight")).toBe(1);
  });

  it("filters by track and by layer", () => {
    const parl = coMembershipView(data, { tracks: ["parliamentary"] });
    expect(parl.size).toBe(1);
    expect(parl.getEdgeAttribute(parl.edge("aaa", "bbb")!, "bodies").map((b) => b.body)).toEqual(["ipx"]);
    expect(coMembershipView(data, { layers: ["economic"] }).size).toBe(3); // orgy links all three pairs
  });
});

describe("interaction view", () => {
  it("weights pairs by shared events and sums their Goldstein values", () => {
    const g = interactionView(data);
    const ab = g.getEdgeAttributes(g.edge("aaa", "bbb")!);
    expect(ab.weight).toBe(2); // e1, e2
    expect(ab.goldstein).toBeCloseTo(2.8 + 1.0, 12);
    expect(g.getEdgeAttributes(g.edge("a-parl", "b-parl")!).goldstein).toBeCloseTo(1.9, 12);
    expect(g.size).toBe(4); // ab, ac, bc, a-parl–b-parl
  });

  it("lifts the parliaments' visit to their states", () => {
    const g = interactionView(data, { lift: true });
    expect(g.getEdgeAttribute(g.edge("aaa", "bbb")!, "weight")).toBe(3);
    expect(g.size).toBe(3);
  });

  it("keeps only events in the window", () => {
    expect(interactionView(data, { from: "2019", to: "2019" }).size).toBe(2); // e2 and e3
  });
});

describe("multiplex view", () => {
  it("has one edge per record and layer", () => {
    const g = multiplexView(data);
    const byLayer: Record<string, number> = {};
    g.forEachEdge((_k, a) => (byLayer[a.layer] = (byLayer[a.layer] ?? 0) + 1));
    // political: m1, m2, fg, e1 ×3 pairs, e3 = 7; economic: m3, m4, m5, e2 = 4; military-security: e1 ×3;
    // cultural-social: e3; unassigned: m6, m7. Treaty parties link to an agreement, not an actor: left out.
    expect(byLayer).toEqual({ political: 7, economic: 4, "military-security": 3, "cultural-social": 1, unassigned: 2 });
  });

  it("can layer by track instead", () => {
    const g = multiplexView(data, { layerBy: "track" });
    const tracks = new Set<string>();
    g.forEachEdge((_k, a) => tracks.add(a.layer));
    expect([...tracks].sort()).toEqual(["official", "parliamentary", "unassigned"]);
  });
});

describe("view export", () => {
  it("writes co-membership as one timed edge per shared body, with metrics as node attributes", () => {
    const g = coMembershipView(data);
    const graph = viewGraph(data, g, { metrics: { strength: { aaa: 4, bbb: 3, ccc: 3 } } });
    expect(graph.edges).toHaveLength(5); // 2 + 2 + 1 shared bodies
    const e = graph.edges.find((x) => x.id === "bbb--ccc:orgy")!;
    expect(e.time).toEqual({ start: "2012-01-01", end: "2015-12-31" });
    expect(e.attributes.record.split(";").sort()).toEqual(["m4", "m5"]);
    expect(e.attributes.claims).toBe(2);
    expect(graph.nodes.find((n) => n.id === "aaa")!.extra).toEqual({ strength: 4 });
    const forz = viewGraph(data, affiliationView(data)).nodes.find((n) => n.id === "forz")!;
    expect(forz.time).toEqual({ start: "2000-01-01", end: "2010-12-31" }); // from its founded and dissolved claims
    const gexf = toGexf(graph);
    expect(gexf).toContain(`mode="dynamic"`);
    expect(gexf).toContain(`<attribute id="strength" title="strength" type="double"/>`);
  });

  it("refuses an unknown view", () => {
    expect(() => view(data, "bogus")).toThrow(/unknown view "bogus"/);
  });
});
