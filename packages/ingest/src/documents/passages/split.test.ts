import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { splitPassages, type Passage } from "./index.js";

const SEEDS = new URL("../../../../../../shared/seeds/", import.meta.url);
const seed = (name: string) => readFileSync(new URL(name, SEEDS), "utf8");

/** Each passage as [kind, label, text]. */
const shape = (text: string, ps: Passage[]) => ps.map((p) => [p.kind, p.label ?? "", text.slice(p.start, p.end)]);

describe("splitPassages", () => {
  it.each<[string, string, Array<[string, string, string]>]>([
    ["paragraphs by blank lines", "One line.\nSame paragraph.\n\n\nTwo.", [["paragraph", "", "One line.\nSame paragraph."], ["paragraph", "", "Two."]]],
    ["a short line without a full stop is a heading", "Introduction\n\nText here.", [["heading", "", "Introduction"], ["paragraph", "", "Text here."]]],
    ["Markdown headings", "# Title\nText under it.", [["heading", "", "# Title"], ["paragraph", "", "Text under it."]]],
    ["items `1 - ` and bare numbers continuing the list", "1 - First.\n\n2 - Second.\n\n3 Third item.", [["item", "1", "1 - First."], ["item", "2", "2 - Second."], ["item", "3", "3 Third item."]]],
    ["items `1.`, `1)`, `(1)` on consecutive lines", "1. One.\n2) Two.\n(3) Three.", [["item", "1", "1. One."], ["item", "2", "2) Two."], ["item", "3", "(3) Three."]]],
    ["Persian and Arabic-Indic digits", "۱- اول است.\n۲. دوم است.\n٣) ثالث.", [["item", "1", "۱- اول است."], ["item", "2", "۲. دوم است."], ["item", "3", "٣) ثالث."]]],
    ["letters", "A. Determining the priorities.\nB. Selecting the cadres.", [["item", "A", "A. Determining the priorities."], ["item", "B", "B. Selecting the cadres."]]],
    ["list entries", "- one\n* two\n• three", [["list-entry", "", "- one"], ["list-entry", "", "* two"], ["list-entry", "", "• three"]]],
    ["a section number before a short title is a heading", "1-1. Diplomacy\n\nThe term is old.", [["heading", "1-1", "1-1. Diplomacy"], ["paragraph", "", "The term is old."]]],
    ["a bare number that does not continue a list is text", "43 Achievements of Iran\n\n1990 was a year.", [["heading", "", "43 Achievements of Iran"], ["paragraph", "", "1990 was a year."]]],
    ["a wrapped line inside an item stays in it", "1. Governments and\nlocal governance:\n2. Media", [["item", "1", "1. Governments and\nlocal governance:"], ["item", "2", "2. Media"]]],
    ["a word hyphenated across a page break", "It was the teach-\n\nings of the time.", [["paragraph", "", "It was the teach-\n\nings of the time."]]],
    ["a sentence cut by a page break with a form feed", "The talks went on for\n\f\nthree days.", [["paragraph", "", "The talks went on for\n\f\nthree days."]]],
    ["a line ending on `of` goes on in a capitalised word", "This is a central component of\n\nIran's foreign policy.", [["paragraph", "", "This is a central component of\n\nIran's foreign policy."]]],
    ["a page number between the parts is skipped", "The talks went on\n\n12\n\nfor three days.", [["paragraph", "", "The talks went on\n\n12\n\nfor three days."]]],
    ["a full stop ends the paragraph even before lower case", "It ended.\n\nthen it began.", [["paragraph", "", "It ended."], ["paragraph", "", "then it began."]]],
    ["CRLF line ends", "One.\r\n\r\nTwo.\r\n", [["paragraph", "", "One."], ["paragraph", "", "Two."]]],
  ])("%s", (_name, text, expected) => {
    expect(shape(text, splitPassages(text))).toEqual(expected);
  });

  it("starts after `from` (Markdown front matter)", () => {
    const text = "---\ntitle: X\n---\nBody.";
    expect(shape(text, splitPassages(text, { from: 17 }))).toEqual([["paragraph", "", "Body."]]);
  });

  it("every span slices exactly and passages do not overlap, on every seed", () => {
    for (const name of ["000_2d425690e4073c18.txt", "001_a9b394bd303c974a.txt", "002_5081e67a68f62e66.txt", "003_9b2c7ee10cd64283.txt", "004_40f7615d4fa621a5.part1.txt"]) {
      const text = seed(name);
      const ps = splitPassages(text);
      let last = 0;
      for (const p of ps) {
        expect(p.start).toBeGreaterThanOrEqual(last);
        const slice = text.slice(p.start, p.end);
        expect(slice).toBe(slice.trim());
        expect(slice.length).toBeGreaterThan(0);
        last = p.end;
      }
    }
  });
});

describe("seed 004: the numbered achievements", () => {
  const text = seed("004_40f7615d4fa621a5.part1.txt");
  const items = splitPassages(text).filter((p) => p.kind === "item");

  // Part 1 of the catalogue holds items 1–20 of the 43 its title announces.
  it("gives exactly one item passage per number, 1 to 20, in order", () => {
    expect(items.map((p) => p.label)).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
  });

  it("each item runs from its number to the last word of its text, across page breaks", () => {
    const starts = [...text.matchAll(/^(\d{1,2})(?: -)? (?=[A-Z])/gm)].filter((m) => m.index > text.indexOf("\n1 - ")).map((m) => m.index);
    expect(items.map((p) => p.start)).toEqual(starts);
    const slice = (n: number) => text.slice(items[n - 1]!.start, items[n - 1]!.end);
    // Item 5 goes on after a page break mid-sentence, item 10 too, item 19 mid-word ("impor-" … "tant").
    expect(slice(5).endsWith("This move was a symbol\n\nof Iran's independence as a non-aligned country.")).toBe(true);
    expect(slice(10).endsWith("acknowledged this fact in the\n\ncourse of his visit to Iran after the downfall of the apartheid regime.")).toBe(true);
    expect(slice(19)).toMatch(/inaugurated with the impor-\n\n\n\ntant speech of the Iranian Supreme Leader[\s\S]*UN Security Council\.$/);
    for (const p of items) expect(text.slice(p.start, p.end)).toMatch(/\.$/);
  });

  it("the introduction's paragraphs broken mid-word stay whole", () => {
    const ps = splitPassages(text).filter((p) => p.kind === "paragraph");
    expect(ps.some((p) => text.slice(p.start, p.end).includes("revolutionary teach-\n\nings and the leadership"))).toBe(true);
    expect(ps.some((p) => text.slice(p.start, p.end).includes("the vic-\n\ntory of the Islamic Revolution"))).toBe(true);
  });

  it("a generated catalogue of 43 items with page breaks inside items gives 43 complete items", () => {
    const sentences = items.map((p) => text.slice(p.start, p.end).replace(/^\d+ (?:- )?/, "").replace(/\s+/g, " "));
    const parts: string[] = ["43 Achievements", "By: A. Writer"];
    for (let n = 1; n <= 43; n++) {
      const body = sentences[(n - 1) % sentences.length]!;
      const cut = body.indexOf(" ", Math.floor(body.length / 2));
      // Every fifth item is cut by a page break, every seventh mid-word.
      if (n % 7 === 0) parts.push(`${n} - ${body.slice(0, cut)} conti-`, "\f", `nued ${body.slice(cut + 1)}`);
      else if (n % 5 === 0) parts.push(`${n} - ${body.slice(0, cut)}`, "\f", body.slice(cut + 1));
      else parts.push(`${n}${n > 10 ? "" : " -"} ${body}`);
    }
    const doc = parts.join("\n\n");
    const got = splitPassages(doc).filter((p) => p.kind === "item");
    expect(got.map((p) => p.label)).toEqual(Array.from({ length: 43 }, (_, i) => String(i + 1)));
    for (const p of got) expect(doc.slice(p.start, p.end)).toMatch(/\.$/);
  });
});
