// Overlap over the triad world (see fixtures.ts); expected values worked out by hand.
import { describe, expect, it } from "vitest";
import { InputError } from "@diplograph/model";
import { triad } from "../fixtures.js";
import { overlap } from "./index.js";

const data = triad();

describe("overlap", () => {
  it("lists the shared bodies with each membership, via and claims", () => {
    const r = overlap(data, ["aaa", "bbb"]);
    expect(r.shared.map((s) => s.body.id)).toEqual(["ipx", "orgy"]); // by name: Interparliamentary X, Organisation Y
    const ipx = r.shared[0]!;
    expect(ipx.memberships["aaa"]![0]).toMatchObject({ via: "a-parl", role: "founding", relation: "m1" });
    // m1 has an accepted and a proposed claim; both are evidence.
    expect(ipx.memberships["aaa"]![0]!.evidence.map((e) => e.claim).sort()).toEqual(["c-m1", "c-m1-proposed"]);
    expect(ipx.shared).toEqual({ from: "2010-01-01" }); // aaa from 2006, bbb from 2010
    const orgy = r.shared[1]!;
    expect(orgy.dated).toBe(false); // aaa's observer seat is undated
    expect(orgy.shared).toBeUndefined();
    expect(r.only).toEqual({ aaa: [expect.objectContaining({ id: "forz" })], bbb: [] }); // bbb's forz membership was rejected
    expect(r.matrix.counts).toEqual([
      [3, 2],
      [2, 2],
    ]);
    expect(r.matrix.jaccard[0]![1]).toBeCloseTo(2 / 3, 12);
  });

  it("without parts, a state does not inherit its parliament's memberships", () => {
    const r = overlap(data, ["aaa", "bbb"], { lift: false });
    expect(r.shared.map((s) => s.body.id)).toEqual(["orgy"]);
  });

  it("builds the matrix for three actors as of a date", () => {
    const r = overlap(data, ["aaa", "bbb", "ccc"], { at: "2011" });
    expect(r.shared).toEqual([]);
    expect(r.matrix.counts).toEqual([
      [2, 2, 0],
      [2, 2, 0],
      [0, 0, 0],
    ]);
    expect(overlap(data, ["aaa", "bbb", "ccc"], { at: "2011", datedOnly: true }).matrix.counts[0]).toEqual([1, 1, 0]);
  });

  it.each([
    [["aaa"], /at least two actors/],
    [["aaa", "aaa"], /given twice/],
  ])("refuses %j", (ids, message) => {
    expect(() => overlap(data, ids)).toThrow(InputError);
    expect(() => overlap(data, ids)).toThrow(message);
  });

  it("refuses a malformed date and an unknown track", () => {
    expect(() => overlap(data, ["aaa", "bbb"], { at: "2011-13-99x" })).toThrow(/not a date/);
    expect(() => overlap(data, ["aaa", "bbb"], { tracks: ["nope" as never] })).toThrow(/unknown track "nope"/);
  });
});
