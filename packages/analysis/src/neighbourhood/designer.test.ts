import { InputError } from "@diplograph/model";
import { describe, expect, it } from "vitest";
import { adjacency, cohesionOf, designAssembly, holdsOn, jaccard, proximityOf, type DesignInput } from "./designer.js";
import { EARTH_RADIUS_KM } from "./land.js";
import type { Geography, StateMembership, MembershipIndex } from "./types.js";

// A world you can check by hand: four countries on the equator at 0°, 10°, 20° and 90° east.
// A borders B, B borders C (so A and C have a common neighbour); D borders nobody.
const POINTS: Record<string, [number, number]> = { AAA: [0, 0], BBB: [0, 10], CCC: [0, 20], DDD: [0, 90] };
const ADJ: Record<string, string[]> = { AAA: ["BBB"], BBB: ["AAA", "CCC"], CCC: ["BBB"], DDD: [] };
const geo: Geography = { point: (c) => POINTS[c], neighbours: (c) => new Set(ADJ[c] ?? []) };
const deg = (EARTH_RADIUS_KM * Math.PI) / 180; // km per degree along the equator, 111.195

// Bodies: X (an assembly: A through its parliament, B, D), Y (an organisation: A, B, C), Z (a forum: C, D).
const m = (state: string, body: string, extra: Partial<StateMembership> = {}): StateMembership => ({ state, body, relation: `rel-${state}-${body}`, claimCount: 1, ...extra });
const index: MembershipIndex = {
  bodies: [
    { id: "x", name: "X Assembly", kind: "parliamentary-assembly" },
    { id: "y", name: "Y Organisation", kind: "intergovernmental-organization" },
    { id: "z", name: "Z Forum", kind: "forum" },
  ],
  memberships: [
    m("AAA", "x", { via: "aaa-parliament", role: "founding" }),
    m("BBB", "x"),
    m("DDD", "x"),
    m("AAA", "y"),
    m("BBB", "y"),
    m("CCC", "y"),
    m("CCC", "z"),
    m("DDD", "z"),
  ],
};
const input: DesignInput = {
  neighbourhood: {
    country: "AAA",
    land: [{ country: "BBB", name: "Bee" }],
    maritime: [{ country: "CCC", name: "Cee", links: [{ sea: "test-sea", seaName: "Test Sea", basis: "opposite-coasts", source: "S-23", note: "" }] }],
  },
  index,
  geography: geo,
  names: { AAA: "Ay", BBB: "Bee", CCC: "Cee", DDD: "Dee" },
};

// Scores by hand (scale 1000 km; weights 0.4 / 0.3 / 0.3).
const dist = (meanDeg: number) => 1000 / (1000 + meanDeg * deg);
const prox = (meanDeg: number, adj: number) => (dist(meanDeg) + adj) / 2;
const EXPECTED = {
  // {A,B,C}: distances 10°, 20°, 10° → mean 40/3°; adjacency 1, 0.5, 1 → 2.5/3.
  // Cohesion with all bodies: A{x,y} B{x,y} C{y,z} → 1, 1/3, 1/3.
  "new-assembly": { coverage: 1, proximity: prox(40 / 3, 2.5 / 3), cohesion: (1 + 1 / 3 + 1 / 3) / 3 },
  // {A,B}: 10°, adjacent; identical body sets.
  "land-neighbours": { coverage: 0.5, proximity: prox(10, 1), cohesion: 1 },
  // {A,B,C} again, y left out: A{x} B{x} C{z} → 1, 0, 0.
  y: { coverage: 1, proximity: prox(40 / 3, 2.5 / 3), cohesion: 1 / 3 },
  // {A,C}: 20°, common neighbour; A{x,y} C{y,z} → 1/3.
  "sea:test-sea": { coverage: 0.5, proximity: prox(20, 0.5), cohesion: 1 / 3 },
  // {A,B,D}: 10°, 90°, 80° → mean 60°; adjacency 1, 0, 0; x left out: A{y} B{y} D{z} → 1, 0, 0.
  x: { coverage: 0.5, proximity: prox(60, 1 / 3), cohesion: 1 / 3 },
} as const;
const total = (e: { coverage: number; proximity: number; cohesion: number }) => 0.4 * e.coverage + 0.3 * e.proximity + 0.3 * e.cohesion;

describe("the criteria, one by one", () => {
  it.each([
    [new Set(["a", "b"]), new Set(["b", "c"]), 1 / 3],
    [new Set(["a"]), new Set(["a"]), 1],
    [new Set(["a"]), new Set(["b"]), 0],
    [new Set<string>(), new Set<string>(), 0],
  ])("jaccard %#", (a, b, j) => expect(jaccard(a, b)).toBeCloseTo(j, 10));

  it.each([
    ["AAA", "BBB", 1],
    ["AAA", "CCC", 0.5],
    ["AAA", "DDD", 0],
  ])("adjacency %s-%s", (a, b, v) => expect(adjacency(geo, a, b)).toBe(v));

  it("proximity shows its two parts", () => {
    const p = proximityOf(geo, ["AAA", "BBB", "CCC"], 1000);
    expect(p.value).toBeCloseTo(prox(40 / 3, 2.5 / 3), 10);
    expect(p.detail).toEqual({ pairs: 3, meanDistanceKm: Math.round(((40 / 3) * deg) * 10) / 10, distanceScore: expect.any(Number), adjacencyScore: 0.8333 });
    expect(proximityOf(geo, ["AAA"], 1000).value).toBe(0);
  });

  it("cohesion leaves the candidate body out", () => {
    const bodiesOf = new Map([
      ["AAA", new Set(["x", "y"])],
      ["BBB", new Set(["x", "y"])],
    ]);
    expect(cohesionOf(bodiesOf, ["AAA", "BBB"]).value).toBe(1);
    expect(cohesionOf(bodiesOf, ["AAA", "BBB"], "x").value).toBe(1);
    expect(cohesionOf(new Map([["AAA", new Set(["x"])], ["BBB", new Set(["x"])]]), ["AAA", "BBB"], "x").value).toBe(0);
    expect(cohesionOf(bodiesOf, ["AAA", "ZZZ"]).detail).toEqual({ pairs: 1, withoutRecordedBodies: 1 });
  });

  it.each([
    [{}, "2020", true],
    [{ start: { start: "2006", precision: "year", calendar: "gregorian" } }, "2005", false],
    [{ start: { start: "2006", precision: "year", calendar: "gregorian" } }, "2006-06", true],
    [{ end: { start: "1979", precision: "year", calendar: "gregorian" } }, "1980", false],
    [{ end: { start: "1979", precision: "year", calendar: "gregorian" } }, "1979-12-31", true],
  ] as Array<[Partial<StateMembership>, string, boolean]>)("holdsOn %#", (mm, day, expected) => expect(holdsOn(mm, day)).toBe(expected));
});

describe("designAssembly on the hand-made world", () => {
  const d = designAssembly(input, { distanceScaleKm: 1000 });

  it("lists neighbours with their distances", () => {
    expect(d.neighbours).toEqual([
      { country: "BBB", name: "Bee" },
      { country: "CCC", name: "Cee" },
    ]);
    expect(d.land[0]).toMatchObject({ country: "BBB", distanceKm: Math.round(10 * deg) });
    expect(d.maritime[0]).toMatchObject({ country: "CCC", distanceKm: Math.round(20 * deg), links: [{ sea: "test-sea" }] });
  });

  it("finds the existing bodies with coverage, roles and parts", () => {
    expect(d.existingBodies.map((e) => [e.body.id, e.coverage])).toEqual([
      ["y", { count: 2, total: 2, share: 1 }],
      ["x", { count: 1, total: 2, share: 0.5 }],
    ]);
    expect(d.existingBodies[1]!.country).toEqual([expect.objectContaining({ country: "AAA", via: "aaa-parliament", role: "founding" })]);
    // Z has one neighbour and not the country: neither an existing body nor a neighbour-body candidate.
    expect(d.candidates.map((c) => c.id)).not.toContain("z");
  });

  it("scores every candidate as computed by hand, and ranks them by total", () => {
    expect(d.candidates.map((c) => c.id)).toEqual(["new-assembly", "land-neighbours", "y", "sea:test-sea", "x"]);
    for (const c of d.candidates) {
      const e = EXPECTED[c.id as keyof typeof EXPECTED];
      const v = Object.fromEntries(c.criteria.map((k) => [k.criterion, k.value]));
      expect(v.coverage).toBeCloseTo(e.coverage, 4);
      expect(v.proximity).toBeCloseTo(e.proximity, 4);
      expect(v.cohesion).toBeCloseTo(e.cohesion, 4);
      expect(c.total).toBeCloseTo(total(e), 4);
      // Decomposable: the contributions add up to the total.
      expect(c.criteria.reduce((s, k) => s + k.contribution, 0)).toBeCloseTo(c.total, 3);
      expect(c.rank).toBe(d.candidates.indexOf(c) + 1);
    }
    expect(d.candidates.find((c) => c.id === "x")!.members).toEqual(["AAA", "BBB", "DDD"]);
  });

  it("takes weights, normalises them, and refuses bad ones", () => {
    const byCoverage = designAssembly(input, { weights: { coverage: 2, proximity: 0, cohesion: 0 } });
    expect(byCoverage.candidates.slice(0, 2).map((c) => c.id)).toEqual(["new-assembly", "y"]);
    expect(byCoverage.candidates[0]!.criteria[0]).toMatchObject({ weight: 2, normalisedWeight: 1, contribution: 1 });
    expect(() => designAssembly(input, { weights: { coverage: -1 } })).toThrow(InputError);
    expect(() => designAssembly(input, { weights: { coverage: 0, proximity: 0, cohesion: 0 } })).toThrow(/at least one weight/);
  });

  it("filters memberships by date and limits the candidates", () => {
    const dated: DesignInput = {
      ...input,
      index: { ...index, memberships: index.memberships.map((x) => (x.body === "y" ? { ...x, start: { start: "2010", precision: "year", calendar: "gregorian" } } : x)) },
    };
    expect(designAssembly(dated, { asOf: "2000" }).existingBodies.map((e) => e.body.id)).toEqual(["x"]);
    expect(designAssembly(dated, { asOf: "2010-05-01" }).existingBodies.map((e) => e.body.id)).toEqual(["y", "x"]);
    expect(() => designAssembly(dated, { asOf: "last year" })).toThrow(InputError);
    expect(designAssembly(input, { limit: 2 }).candidates).toHaveLength(2);
  });

  it("proposes bodies of two or more neighbours the country is not in, unless told not to", () => {
    const withW: DesignInput = {
      ...input,
      index: { bodies: [...index.bodies, { id: "w", name: "W Council", kind: "forum" }], memberships: [...index.memberships, m("BBB", "w"), m("CCC", "w")] },
    };
    const w = designAssembly(withW).candidates.find((c) => c.id === "w")!;
    expect(w).toMatchObject({ kind: "neighbour-body", countryIsMember: false, members: ["AAA", "BBB", "CCC"], neighboursIncluded: ["BBB", "CCC"] });
    expect(designAssembly(withW, { neighbourBodies: false }).candidates.map((c) => c.id)).not.toContain("w");
  });

  it("shows the considerations beside the criteria", () => {
    expect(d.criteria.map((c) => [c.criterion, c.weight, c.consideration])).toEqual([
      ["coverage", 0.4, "neighbourhood-assembly.bridging"],
      ["proximity", 0.3, "neighbourhood-assembly.proximity"],
      ["cohesion", 0.3, "neighbourhood-assembly.proximity"],
    ]);
    expect(d.considerations.find((c) => c.id === "neighbourhood-assembly.delegated-authority")).toMatchObject({ criteria: [], note: expect.stringContaining("Not scored") });
  });
});
