import { describe, expect, it } from "vitest";
import { segments } from "./segments.js";

describe("segments", () => {
  it.each([
    ["no claims", "abcdef", [], [["abcdef", []]]],
    ["one passage", "abcdef", [{ id: "c1", start: 1, end: 3 }], [["a", []], ["bc", ["c1"]], ["def", []]]],
    [
      "overlapping passages",
      "abcdef",
      [
        { id: "c1", start: 0, end: 4 },
        { id: "c2", start: 2, end: 6 },
      ],
      [["ab", ["c1"]], ["cd", ["c1", "c2"]], ["ef", ["c2"]]],
    ],
    ["out of range is ignored", "abc", [{ id: "c1", start: 2, end: 9 }], [["abc", []]]],
  ])("%s", (_name, text, spans, out) => expect(segments(text, spans).map((s) => [s.text, s.claims])).toEqual(out));
});
