import { describe, expect, it } from "vitest";
import { chosen, selectable, toggle, toggleAll } from "./selection.js";

const items = [
  { id: "c1", status: "proposed" },
  { id: "c2", status: "accepted" },
  { id: "c3", status: "proposed" },
  { id: "c4", status: "proposed" },
];

describe("review selection", () => {
  it("offers only proposed claims not decided on the page", () => expect(selectable(items, { c4: "rejected" })).toEqual(["c1", "c3"]));
  it("toggles one", () => {
    const s = toggle(new Set(), "c1");
    expect([...s]).toEqual(["c1"]);
    expect([...toggle(s, "c1")]).toEqual([]);
  });
  it("selects all, or none when all are selected", () => {
    expect([...toggleAll(new Set(["c1"]), ["c1", "c3"])]).toEqual(["c1", "c3"]);
    expect([...toggleAll(new Set(["c1", "c3"]), ["c1", "c3"])]).toEqual([]);
    expect([...toggleAll(new Set(), [])]).toEqual([]);
  });
  it("decides the selected ids still selectable, in list order", () => expect(chosen(new Set(["c3", "c1", "c4"]), ["c1", "c3"])).toEqual(["c1", "c3"]));
});
