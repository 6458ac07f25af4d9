import { describe, expect, it } from "vitest";
import { editWrite, same } from "./patch.js";

describe("same", () => {
  it.each([
    [{ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }, true],
    [{ a: 1, b: undefined }, { a: 1 }, true],
    [[1, 2], [2, 1], false],
    [{ a: "1" }, { a: 1 }, false],
    [[], {}, false],
    [null, {}, false],
  ])("%j ~ %j: %s", (a, b, eq) => expect(same(a, b)).toBe(eq));
});

describe("editWrite", () => {
  const before = { id: "ipu", kind: "forum", name: "IPU", aliases: [{ name: "UIP", lang: "fr" }], country: "CHE" };
  it("patches only the changed fields", () => {
    expect(editWrite(before, { ...before, name: "Inter-Parliamentary Union", aliases: [{ name: "UIP", lang: "fr" }] })).toEqual({
      method: "PATCH",
      record: { name: "Inter-Parliamentary Union" },
      changed: ["name"],
    });
  });
  it("sends an empty patch when nothing changed (the evidence alone)", () => {
    expect(editWrite(before, { ...before })).toEqual({ method: "PATCH", record: {}, changed: [] });
  });
  it("adds a field by patch", () => {
    expect(editWrite(before, { ...before, description: "x" }).record).toEqual({ description: "x" });
  });
  it("puts the whole record when a field is cleared, keeping the stored fields the form does not show", () => {
    const { country: _c, ...after } = before;
    const w = editWrite(before, { ...after, name: "IPU 2" }, { ...before, founded: { start: "1889" } });
    expect(w).toEqual({ method: "PUT", record: { id: "ipu", kind: "forum", name: "IPU 2", aliases: [{ name: "UIP", lang: "fr" }], founded: { start: "1889" } }, changed: ["country", "name"] });
  });
});
