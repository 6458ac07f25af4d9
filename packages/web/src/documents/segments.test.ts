import { describe, expect, it } from "vitest";
import { passageBlocks, segments } from "./segments.js";

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

describe("passageBlocks", () => {
  const text = "Title\n\nFirst para.\n\nSecond para.";
  const passages = [
    { ord: 0, start: 0, end: 5, kind: "heading" },
    { ord: 1, start: 7, end: 18, kind: "paragraph" },
    { ord: 2, start: 20, end: 32, kind: "paragraph" },
  ];
  const shown = (blocks: ReturnType<typeof passageBlocks>) => blocks.map((b) => [b.passage?.ord ?? null, b.segments.map((s) => [s.text, s.claims])]);

  it("one block per passage; blank lines between them left out", () =>
    expect(shown(passageBlocks(text, passages, []))).toEqual([
      [0, [["Title", []]]],
      [1, [["First para.", []]]],
      [2, [["Second para.", []]]],
    ]));

  it("a claim across two passages is marked in both, at the text's own offsets", () => {
    const blocks = passageBlocks(text, passages, [{ id: "c1", start: 13, end: 26 }]);
    expect(shown(blocks)).toEqual([
      [0, [["Title", []]]],
      [1, [["First ", []], ["para.", ["c1"]]]],
      [2, [["Second", ["c1"]], [" para.", []]]],
    ]);
    for (const b of blocks) for (const s of b.segments) expect(text.slice(s.start, s.start + s.text.length)).toBe(s.text);
  });

  it("keeps text no passage covers, and every character of the passages", () => {
    const blocks = passageBlocks("Lead. " + text, passages.map((p) => ({ ...p, start: p.start + 6, end: p.end + 6 })), []);
    expect(shown(blocks)[0]).toEqual([null, [["Lead. ", []]]]);
    expect(blocks.flatMap((b) => b.segments.map((s) => s.text)).join("")).toBe("Lead. TitleFirst para.Second para.");
  });

  it("without passages, the whole text is one block", () => expect(shown(passageBlocks("abc", [], [{ id: "c", start: 0, end: 1 }]))).toEqual([[null, [["a", ["c"]], ["bc", []]]]]));
});
