import { describe, expect, it } from "vitest";
import { hashParts } from "./hash.js";

describe("hashParts", () => {
  it("is stable, 22 base-36 characters", () => {
    const h = hashParts(["relation", "irn", null, 12]);
    expect(h).toMatch(/^[0-9a-z]{22}$/);
    expect(hashParts(["relation", "irn", null, 12])).toBe(h);
  });
  it("tells apart parts that concatenate to the same text, null from empty, and number from string only by value", () => {
    expect(hashParts(["ab", "c"])).not.toBe(hashParts(["a", "bc"]));
    expect(hashParts([null])).not.toBe(hashParts([""]));
    expect(hashParts([12])).toBe(hashParts(["12"]));
  });
  it("spreads: 100,000 distinct inputs give 100,000 distinct hashes", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i++) seen.add(hashParts(["c", `r${i}`, "gen", i % 900]));
    expect(seen.size).toBe(100_000);
  });
});

describe("hashParts output is pinned", () => {
  it("gives the values stored ids were derived from", () => {
    expect(hashParts(["relation", "irn", null, 12])).toBe(PINNED[0]);
    expect(hashParts([])).toBe(PINNED[1]);
    expect(hashParts(["c-", "ایران", undefined, "", 0.7, "x".repeat(300)])).toBe(PINNED[2]);
  });
});

/** Computed with the first implementation (toString(36) and a for-of loop), before it was made faster. */
const PINNED = ["1xvl1ojta8t1baw35t5jc3", "1aggevgbi2j1247s7v64qa", "1u0lowb73j2002gsabbqjw"];
