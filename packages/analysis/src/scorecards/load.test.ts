// Reading framework files: malformed files name file, line and field; the shipped frameworks load and fit the seed.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { DiplographError, NotFoundError } from "@diplograph/model";
import { FrameworkError, conceptIssues, findFramework, loadFrameworks, parseFramework, shippedFrameworksDir } from "./load.js";

const GOOD = `id: test-framework
title: A test framework
subjects: [party]
dimensions:
  - id: unions
    concept: party-diplomacy.regional-international-unions
    indicators:
      - id: partners
        label: Partner parties
        measure: count
        select:
          relations:
            kind: party-relation
        score: { saturate: 10 }
`;

/** GOOD with one line replaced. */
const withLine = (lineNo: number, text: string) =>
  GOOD.split("\n")
    .map((l, i) => (i + 1 === lineNo ? text : l))
    .join("\n");

const seedConcepts = new Set(
  readdirSync(fileURLToPath(new URL("../../../../data/seed/concepts/", import.meta.url))).flatMap((f) =>
    (parse(readFileSync(fileURLToPath(new URL(`../../../../data/seed/concepts/${f}`, import.meta.url)), "utf8")) as Array<{ id: string }>).map((c) => c.id),
  ),
);

describe("parseFramework", () => {
  it("reads a valid file, filling defaults", () => {
    const { framework, issues } = parseFramework(GOOD, "good.yaml");
    expect(issues).toEqual([]);
    expect(framework).toMatchObject({ id: "test-framework", parts: true, statuses: ["accepted", "proposed"], file: "good.yaml" });
    const ind = framework!.dimensions[0]!.indicators[0]!;
    expect(ind).toMatchObject({ weight: 1, select: [{ relations: { kind: ["party-relation"], direction: "any" } }] });
    expect(framework!.lineOf(["dimensions", 0, "indicators", 0, "measure"])).toBe(10);
  });

  it.each([
    // case, file text, line, field, message
    ["bad YAML", withLine(4, "dimensions: [unclosed"), 4, undefined, /malformed YAML/],
    ["an unknown field", withLine(9, "        label: Partner parties\n        colour: red"), 10, "dimensions[0].indicators[0].colour", /unknown field "colour"/],
    ["a wrong type", withLine(14, "        score: { saturate: lots }"), 14, "dimensions[0].indicators[0].score.saturate", /expected number, received string/],
    ["an unknown selector kind", withLine(12, "          treaties:"), 12, "dimensions[0].indicators[0].select.treaties", /unknown selector kind "treaties"; expected one of relations, events, agreements, claims/],
    ["an unknown relation kind", withLine(13, "            kind: alliance"), 13, "dimensions[0].indicators[0].select.relations.kind", /expected one of "member-of"/],
    ["an unknown measure", withLine(10, "        measure: average"), 10, "dimensions[0].indicators[0].measure", /expected one of "count"\|"presence"\|"distinct"\|"ratio"\|"figure"/],
    ["distinct without of", withLine(10, "        measure: distinct"), 8, "dimensions[0].indicators[0].of", /measure distinct needs of/],
    ["an unknown actor kind", withLine(3, "subjects: [party, club]"), 3, "subjects[1]", /expected one of/],
    ["a bad id", withLine(1, "id: Test Framework"), 1, "id", /ids are lower case/],
    ["a missing title", withLine(2, "# no title"), 1, "title", /expected string, received undefined/],
  ] as const)("names file, line and field for %s", (_case, text, line, field, message) => {
    const { framework, issues } = parseFramework(text, "frameworks/bad.yaml");
    expect(framework).toBeUndefined();
    const issue = issues.find((i) => (field === undefined ? true : i.field === field));
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue).toMatchObject({ file: "frameworks/bad.yaml", line });
    expect(issue!.message).toMatch(message);
  });

  it("reports a selector with an unknown kind once, not also as naming no kind", () => {
    const { issues } = parseFramework(withLine(12, "          treaties:"), "bad.yaml");
    expect(issues.filter((i) => i.field?.includes("select"))).toHaveLength(1);
  });

  it("refuses duplicate dimension and indicator ids", () => {
    const text = `${GOOD}      - id: partners\n        label: again\n        measure: presence\n        select: { events: {} }\n`;
    const { issues } = parseFramework(text, "dup.yaml");
    expect(issues).toEqual([{ file: "dup.yaml", line: 15, field: "dimensions[0].indicators[1].id", message: 'duplicate id "partners"' }]);
  });

  it("reads the example of docs/analysis.md", () => {
    const doc = readFileSync(fileURLToPath(new URL("../../../../docs/analysis.md", import.meta.url)), "utf8");
    const section = doc.slice(doc.indexOf("## Framework scorecards"));
    const example = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
    const { framework, issues } = parseFramework(example, "docs/analysis.md");
    expect(issues).toEqual([]);
    expect(conceptIssues([framework!], seedConcepts)).toEqual([]);
    expect(framework!.dimensions[0]!.indicators.map((i) => i.measure)).toEqual(["count", "distinct", "count", "ratio"]);
  });

  it("reads a selector with no filters written as `events:` alone", () => {
    const { framework } = parseFramework(withLine(12, "          events:").replace("            kind: party-relation\n", ""), "x.yaml");
    expect(framework!.dimensions[0]!.indicators[0]!.select).toEqual([{ events: {} }]);
  });

  it("refuses a file that is not one mapping", () => {
    expect(parseFramework("- id: a\n", "list.yaml").issues[0]).toMatchObject({ file: "list.yaml", line: 1, message: expect.stringMatching(/one framework/) });
  });
});

describe("loadFrameworks", () => {
  const dir = () => mkdtempSync(join(tmpdir(), "dg-frameworks-"));

  it("loads the shipped frameworks, whose concepts all exist in the seed dataset", () => {
    const frameworks = loadFrameworks({ concepts: seedConcepts });
    expect(frameworks.map((f) => f.id).sort()).toEqual(["movement-diplomacy", "parliamentary-diplomacy", "party-diplomacy", "smart-diplomacy"]);
    expect(findFramework(frameworks, "party-diplomacy").dimensions).toHaveLength(7);
    expect(readdirSync(shippedFrameworksDir()).filter((f) => f.endsWith(".yaml"))).toHaveLength(4);
  });

  it("throws a FrameworkError naming file, line and field for an unknown concept id", () => {
    const d = dir();
    writeFileSync(join(d, "mine.yaml"), withLine(6, "    concept: party-diplomacy.no-such-method"));
    const err = (() => {
      try {
        loadFrameworks({ paths: [d], concepts: seedConcepts, display: (p) => p.slice(d.length + 1) });
      } catch (e) {
        return e;
      }
    })() as FrameworkError;
    expect(err).toBeInstanceOf(FrameworkError);
    expect(err).toBeInstanceOf(DiplographError);
    expect(err.issues).toEqual([
      { file: "mine.yaml", line: 6, field: "dimensions[0].concept", message: expect.stringMatching(/^unknown concept "party-diplomacy.no-such-method"/) },
    ]);
    expect(err.message).toMatch(/^diplograph: invalid framework file:\n {2}mine\.yaml, line 6, field dimensions\[0\]\.concept: unknown concept/);
  });

  it("checks indicator concepts too", () => {
    const f = parseFramework(withLine(9, "        concept: nowhere.at-all\n        label: Partner parties"), "x.yaml").framework!;
    expect(conceptIssues([f], seedConcepts)).toEqual([{ file: "x.yaml", line: 9, field: "dimensions[0].indicators[0].concept", message: expect.any(String) }]);
  });

  it("lists every problem of every file, and refuses a second framework with a shipped id", () => {
    const d = dir();
    mkdirSync(join(d, "sub"));
    writeFileSync(join(d, "a.yaml"), withLine(9, "        label: Partner parties\n        colour: red"));
    writeFileSync(join(d, "b.yaml"), withLine(1, "id: party-diplomacy"));
    writeFileSync(join(d, "notes.txt"), "not a framework");
    try {
      loadFrameworks({ paths: [d], display: (p) => (p.startsWith(`${d}/`) ? p.slice(d.length + 1) : p) });
      expect.unreachable();
    } catch (e) {
      expect((e as FrameworkError).issues.map((i) => [i.file, i.line, i.field])).toEqual([
        ["a.yaml", 10, "dimensions[0].indicators[0].colour"],
        ["b.yaml", 1, "id"],
      ]);
      expect((e as FrameworkError).issues[1]!.message).toMatch(/already defined in .*party-diplomacy\.yaml/);
    }
  });

  it("adds a user's framework to the shipped ones, from a folder or a file", () => {
    const d = dir();
    writeFileSync(join(d, "mine.yaml"), GOOD);
    expect(loadFrameworks({ paths: [d] }).map((f) => f.id)).toContain("test-framework");
    expect(loadFrameworks({ paths: [join(d, "mine.yaml")], shipped: false }).map((f) => f.id)).toEqual(["test-framework"]);
  });

  it("says when a path does not exist, and when a framework id is unknown", () => {
    expect(() => loadFrameworks({ paths: ["/no/such/folder"] })).toThrow(/\/no\/such\/folder: no such file or folder/);
    expect(() => findFramework(loadFrameworks(), "nope")).toThrow(NotFoundError);
  });
});
