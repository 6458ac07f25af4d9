import { describe, expect, it } from "vitest";
import { intParam, linkTo, listParam, parseRoute, patchSearch, toggled } from "./url.js";

describe("parseRoute", () => {
  it.each([
    ["/", { view: "search" }],
    ["/actors/irn-parliament", { view: "actor", id: "irn-parliament" }],
    ["/actors", { view: "search" }],
    ["/network", { view: "network" }],
    ["/documents/seed-001", { view: "document", id: "seed-001" }],
    ["/edit/actor/ipu", { view: "edit", id: "actor", sub: "ipu" }],
    ["/edit/relation", { view: "edit", id: "relation" }],
    ["/actors/%D9%85", { view: "actor", id: "م" }],
    ["/nowhere", { view: "search" }],
  ])("%s", (path, route) => expect(parseRoute(path)).toEqual(route));
});

describe("patchSearch", () => {
  it.each([
    ["", { q: "مجلس" }, "?q=%D9%85%D8%AC%D9%84%D8%B3"],
    ["?a=1&b=2", { a: undefined }, "?b=2"],
    ["?a=1", { kind: ["state", "party"] }, "?a=1&kind=state%2Cparty"],
    ["?a=1", { kind: [] }, "?a=1"],
    ["?at=1990", { at: 1995, flag: true }, "?at=1995&flag=true"],
    ["?x=1", { x: false }, ""],
    ["?z=1&a=2", {}, "?a=2&z=1"],
  ])("%s + %j", (search, patch, out) => expect(patchSearch(search, patch)).toBe(out));
});

describe("parameters", () => {
  const p = new URLSearchParams("kind=state,party&depth=2&bad=x&empty=");
  it("reads lists", () => expect(listParam(p, "kind")).toEqual(["state", "party"]));
  it("reads an absent list as empty", () => expect(listParam(p, "track")).toEqual([]));
  it.each([["depth", 2], ["bad", 7], ["empty", 7], ["none", 7]] as const)("int %s", (k, v) => expect(intParam(p, k, 7)).toBe(v));
  it("toggles", () => {
    expect(toggled(["a", "b"], "a")).toEqual(["b"]);
    expect(toggled(["a"], "b")).toEqual(["a", "b"]);
  });
  it("links carry the language and name display, not the page's filters", () =>
    expect(linkTo("/actors/irn", { tab: "claims" }, "?lang=fa&names=fa&q=x")).toBe("/actors/irn?lang=fa&names=fa&tab=claims"));
});
