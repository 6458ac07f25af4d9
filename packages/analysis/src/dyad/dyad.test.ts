// Dyad profile over the triad world (see fixtures.ts); expected values worked out by hand.
import { describe, expect, it } from "vitest";
import { triad } from "../fixtures.js";
import { dyadProfile } from "./index.js";

const data = triad();

describe("dyad profile", () => {
  const p = dyadProfile(data, "aaa", "bbb");

  it("finds the parliaments' friendship group, marked via on both sides", () => {
    expect(p.links).toHaveLength(1);
    expect(p.links[0]).toMatchObject({ relation: "fg", kind: "friendship-group", viaA: "a-parl", viaB: "b-parl", span: { from: "1994-01-01" } });
    expect(p.links[0]!.evidence[0]!.claim).toBe("c-fg");
  });

  it("lists shared bodies, the treaty both signed and the events of both", () => {
    expect(p.sharedBodies.map((s) => s.body.id)).toEqual(["ipx", "orgy"]);
    expect(p.agreements).toHaveLength(1);
    expect(p.agreements[0]!.parties.b[0]).toMatchObject({ signed: "2025-01-17", ratified: "2025-04" });
    expect(p.events.map((e) => e.event)).toEqual(["e1", "e2", "e3"]);
    expect(p.events[0]!.roles.a).toEqual([{ actor: "aaa", role: "host" }]);
  });

  it("tallies items by track, layer and year", () => {
    // parliamentary: fg, ipx, e3; official: orgy, t1, e1, e2.
    expect(p.byTrack).toEqual({ parliamentary: 3, official: 4 });
    // political: fg, ipx, t1, e1, e3; economic: orgy, e2; legal: t1; military-security: e1; cultural-social: e3.
    expect(p.byLayer).toEqual({ political: 5, economic: 2, legal: 1, "military-security": 1, "cultural-social": 1 });
    // 1994 fg; 2010 ipx shared; 2018 e1; 2019 e2, e3; 2025 t1 (orgy is undated).
    expect(p.timeline.map((t) => [t.year, t.items])).toEqual([
      [1994, 1],
      [2010, 1],
      [2018, 1],
      [2019, 2],
      [2025, 1],
    ]);
  });

  it("without parts sees only the states' own records", () => {
    const d = dyadProfile(data, "aaa", "bbb", { parts: false });
    expect(d.links).toEqual([]);
    expect(d.events.map((e) => e.event)).toEqual(["e1", "e2"]);
    expect(d.sharedBodies.map((s) => s.body.id)).toEqual(["orgy"]);
  });

  it("within a window", () => {
    expect(dyadProfile(data, "aaa", "bbb", { from: "2019", to: "2019" }).events.map((e) => e.event)).toEqual(["e2", "e3"]);
  });
});
