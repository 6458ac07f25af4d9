import { DiplographError } from "@diplograph/model";
import { describe, expect, it } from "vitest";
import { loadMaritimeTable, maritimeNeighbours, parseMaritimeTable, ReferenceDataError, seasOf } from "./maritime.js";

const table = loadMaritimeTable();
const viaSea = (code: string, sea: string) =>
  maritimeNeighbours(table, code)
    .filter((n) => n.links.some((l) => l.sea === sea))
    .map((n) => n.country);

describe("the repository's maritime table", () => {
  it("holds the seas the designer needs, each with a source and a note", () => {
    const ids = table.seas.map((s) => s.id);
    for (const id of ["caspian-sea", "persian-gulf", "gulf-of-oman", "arabian-sea", "red-sea", "black-sea", "mediterranean-eastern-basin", "baltic-sea", "south-china-sea"])
      expect(ids).toContain(id);
    for (const s of table.seas) {
      expect(s.source.length).toBeGreaterThan(10);
      for (const p of s.pairs) expect(p.source.length).toBeGreaterThan(10);
    }
  });

  it.each([
    ["caspian-sea", ["AZE", "KAZ", "RUS", "TKM"]],
    ["persian-gulf", ["ARE", "BHR", "IRQ", "KWT", "OMN", "QAT", "SAU"]],
    ["gulf-of-oman", ["ARE", "OMN", "PAK"]],
  ])("Iran's neighbours across the %s", (sea, expected) => {
    expect(viaSea("IRN", sea)).toEqual(expected);
  });

  it("has Iran coastal to the Caspian, the Persian Gulf and the Gulf of Oman only", () => {
    expect(seasOf(table, "IRN").map((s) => s.id)).toEqual(["caspian-sea", "persian-gulf", "gulf-of-oman"]);
  });

  it("keeps the sea-wide rule where no pair is listed, and the listed pair's basis and source where one is", () => {
    const links = (a: string, b: string) => maritimeNeighbours(table, a).find((n) => n.country === b)!.links;
    expect(links("IRN", "RUS")).toEqual([expect.objectContaining({ sea: "caspian-sea", basis: "co-littoral", source: expect.stringContaining("12 August 2018") })]);
    expect(links("IRN", "AZE")).toEqual([expect.objectContaining({ sea: "caspian-sea", basis: "adjacent-coasts" })]);
    expect(links("KAZ", "RUS")[0]).toMatchObject({ basis: "boundary-agreement", source: expect.stringContaining("6 July 1998") });
    // Two seas, two links.
    expect(links("IRN", "OMN").map((l) => l.sea)).toEqual(["gulf-of-oman", "persian-gulf"]);
    expect(links("IRN", "OMN")[0]!.source).toContain("26 May 2015");
  });

  it("is symmetric", () => {
    for (const s of table.seas)
      for (const a of s.coastal)
        for (const n of maritimeNeighbours(table, a)) expect(maritimeNeighbours(table, n.country).map((m) => m.country)).toContain(a);
  });
});

describe("a malformed maritime table", () => {
  const valid = `version: 1
seas:
  - id: test-sea
    name: Test Sea
    neighbours: listed-pairs
    coastal: [IRN, OMN]
    source: IHO S-23
    note: a test
    pairs:
      - states: [IRN, OMN]
        basis: boundary-agreement
        source: An agreement
        note: a note
`;
  const fail = (text: string): ReferenceDataError => {
    try {
      parseMaritimeTable(text, "bad.yaml");
    } catch (e) {
      expect(e).toBeInstanceOf(ReferenceDataError);
      expect(e).toBeInstanceOf(DiplographError);
      return e as ReferenceDataError;
    }
    throw new Error("expected an error");
  };

  it("parses the valid one", () => {
    expect(parseMaritimeTable(valid, "ok.yaml").seas[0]!.pairs).toHaveLength(1);
  });

  it.each([
    ["a pair without a source", valid.replace("        source: An agreement\n", ""), 10, "seas[0].pairs[0].source"],
    ["a code that is no country", valid.replace("coastal: [IRN, OMN]", "coastal: [IRN, XYZ]"), 6, "seas[0].coastal[1]"],
    ["a lower-case code", valid.replace("coastal: [IRN, OMN]", "coastal: [IRN, omn]"), 6, "seas[0].coastal[1]"],
    ["a pair state that is not coastal", valid.replace("states: [IRN, OMN]", "states: [IRN, PAK]"), 10, "seas[0].pairs[0].states[1]"],
    ["an unknown basis", valid.replace("basis: boundary-agreement", "basis: friendship"), 11, "seas[0].pairs[0].basis"],
    ["an unknown field", valid.replace("    note: a test\n", "    note: a test\n    colour: blue\n"), 3, "seas[0]"],
  ])("names file, line and field: %s", (_, text, line, field) => {
    const e = fail(text);
    expect(e.issues[0]).toMatchObject({ file: "bad.yaml", line, field });
    expect(e.message).toMatch(new RegExp(`^diplograph: invalid reference table with \\d+ errors?\\n  bad\\.yaml, line ${line}, field ${field.replace(/[[\].]/g, "\\$&")}: `));
  });

  it("reports malformed YAML with its line", () => {
    const e = fail(valid.replace("    name: Test Sea", "    name: [Test Sea"));
    expect(e.issues[0]!.file).toBe("bad.yaml");
    expect(e.issues[0]!.line).toBeGreaterThanOrEqual(4);
    expect(e.message).toContain("malformed YAML");
  });

  it("refuses a sea id used twice and a pair listed twice", () => {
    const twice = valid + valid.split("seas:\n")[1]!;
    expect(fail(twice).issues).toEqual([expect.objectContaining({ field: "seas[1].id", line: 14, message: 'sea id "test-sea" is used twice' })]);
    const pairTwice = valid + "      - states: [OMN, IRN]\n        basis: opposite-coasts\n        source: S-23\n        note: again\n";
    expect(fail(pairTwice).issues[0]).toMatchObject({ field: "seas[0].pairs[1].states", message: "the pair IRN-OMN is listed twice" });
  });

  it("reports a missing file by name", () => {
    expect(() => loadMaritimeTable("/nonexistent/maritime.yaml")).toThrow(/nonexistent\/maritime\.yaml: cannot read the maritime table/);
  });
});
