import { describe, expect, it } from "vitest";
import type { Relation } from "../api/types.js";
import { barGeometry, membershipBars } from "./bars.js";

const d = (start: string) => ({ start, precision: "year", calendar: "gregorian" }) as Relation["start"];
const rel = (id: string, to: string, start?: string, end?: string, kind = "member-of", from = "irn"): Relation =>
  ({ id, kind, from, to, layers: [], attributes: {}, ...(start ? { start: d(start) } : {}), ...(end ? { end: d(end) } : {}) }) as Relation;

describe("membershipBars", () => {
  const rels = [rel("r1", "ipu"), rel("r2", "apa", "2006"), rel("r3", "cento", "1959", "1979"), rel("r4", "irn", undefined, undefined, "part-of"), rel("r5", "nam", "1979", undefined, "member-of", "other")];
  const { bars, min, max } = membershipBars(rels, "irn", 2026);
  it("keeps the actor's memberships, dated first", () => expect(bars.map((b) => b.body)).toEqual(["cento", "apa", "ipu"]));
  it("reads years", () => expect(bars[0]).toMatchObject({ from: 1959, to: 1979 }));
  it("spans the axis from the first start to now", () => expect([min, max]).toEqual([1959, 2026]));
});

describe("barGeometry", () => {
  it.each([
    [{ relation: "", body: "", from: 2000, to: 2009 }, 2000, 2019, { left: 0, width: 0.5, dated: true }],
    [{ relation: "", body: "", from: 2010 }, 2000, 2019, { left: 0.5, width: 0.5, dated: true }],
    [{ relation: "", body: "" }, 2000, 2019, { left: 0, width: 1, dated: false }],
  ])("%j", (bar, min, max, out) => expect(barGeometry(bar, min, max)).toEqual(out));
});
