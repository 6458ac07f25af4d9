import { describe, expect, it } from "vitest";
import { parseQuantity, readClaimValue } from "./values.js";
import { QuoteIndex } from "./quotes.js";

describe("parseQuantity", () => {
  it.each([
    ["166", { amount: 166, approximation: "exact" }],
    ["nearly 700", { amount: 700, approximation: "about" }],
    ["about 700 documents", { amount: 700, approximation: "about", unit: "documents" }],
    ["more than 400 model laws", { amount: 400, approximation: "more-than", unit: "model laws" }],
    ["400+", { amount: 400, approximation: "more-than" }],
    ["over 70%", { amount: 70, approximation: "more-than", unit: "%" }],
    ["at least 12", { amount: 12, approximation: "at-least" }],
    ["fewer than 5 members", { amount: 5, approximation: "less-than", unit: "members" }],
    ["1,250", { amount: 1250, approximation: "exact" }],
  ])("%s", (text, expected) => {
    expect(parseQuantity(text)).toEqual({ type: "quantity", ...expected });
  });
  it.each(["many", "dozens", "", "seventy"])("%j is not a figure", (text) => {
    expect(parseQuantity(text)).toBeUndefined();
  });
});

describe("readClaimValue", () => {
  const actors = (ref: string) => (ref === "IRN" ? "irn" : { error: `unknown actor "${ref}"` });
  it.each([
    ["founded", 1889, { type: "date", date: { start: "1889", precision: "year", calendar: "gregorian" } }],
    ["founded", "28 Dey 1403", { type: "date", date: { start: "2025-01-17", precision: "day", calendar: "solar-hijri", original: "28 Dey 1403" } }],
    ["seat", "Geneva", { type: "text", text: "Geneva" }],
    ["members", "more than 400", { type: "quantity", amount: 400, approximation: "more-than" }],
    ["predecessor", "IRN", { type: "actor", actor: "irn" }],
    // Properties without a fixed type: numbers and figures are quantities, years and words are text.
    ["sessions", "twice annually", { type: "text", text: "twice annually" }],
    ["documents-adopted", "nearly 700 documents", { type: "quantity", amount: 700, approximation: "about", unit: "documents" }],
    ["initiated", "2011", { type: "text", text: "2011" }],
    ["initiated", { type: "date", date: "2011" }, { type: "date", date: { start: "2011", precision: "year", calendar: "gregorian" } }],
  ])("%s = %j", (property, raw, expected) => {
    expect(readClaimValue(property, raw, actors)).toEqual({ value: expected });
  });
  it.each([
    ["founded", "last spring", /founded takes a date/],
    ["members", "a few", /members takes a figure/],
    ["predecessor", "Atlantis", /unknown actor "Atlantis"/],
    ["seat", 12, /seat takes a text/],
    ["x", { type: "quantity", amount: "many" }, /number/i],
  ])("%s = %j is refused", (property, raw, message) => {
    const r = readClaimValue(property, raw, actors);
    expect("error" in r && r.error).toMatch(message);
  });
});

describe("QuoteIndex", () => {
  const text = "The IPU,\nwith 166 full members and\n  10 associate members, meets twice a year. It has 166 full members.";
  const index = new QuoteIndex(text);
  it("finds a quote across line breaks and reports the span of the original text", () => {
    const [span, ...more] = index.find("members and 10 associate members");
    expect(more).toEqual([]);
    expect(text.slice(span!.start, span!.end)).toBe("members and\n  10 associate members");
  });
  it("finds every occurrence, so the importer can ask which one is meant", () => {
    expect(index.find("166 full members").map((s) => text.slice(s.start, s.end))).toEqual(["166 full members", "166 full members"]);
  });
  it("does not match across other differences", () => {
    expect(index.find("166 Full members")).toEqual([]);
    expect(index.find("")).toEqual([]);
  });
});
