import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Relation } from "@diplograph/model";
import type { Snapshot } from "@diplograph/model";
import { describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { everyKind, tehran } from "./fixtures.js";
import { toGexf } from "./gexf.js";
import { projectGraph } from "./graph.js";
import type { Graph } from "./types.js";

// The official GEXF 1.3 schema (github.com/gephi/gexf specs/1.3), kept in the workspace's shared data.
const SCHEMA_DIR =
  process.env.DIPLOGRAPH_GEXF_SCHEMA_DIR ?? fileURLToPath(new URL("../../../../shared/data/gexf-1.3/", import.meta.url));
const schemaFile = (fileName: string) => ({ fileName, contents: readFileSync(`${SCHEMA_DIR}/${fileName}`, "utf8") });
// gexf.xsd includes dynamics.xsd and imports viz.xsd by these file names; xmllint-wasm reads only preloaded files.
const SCHEMA = schemaFile("gexf.xsd");
const PRELOAD = [schemaFile("dynamics.xsd"), schemaFile("viz.xsd")];

async function validate(xml: string) {
  return validateXML({ xml: [{ fileName: "graph.gexf", contents: xml }], schema: [SCHEMA], preload: PRELOAD });
}

const undatedSnapshot: Snapshot = {
  ...tehran(),
  agreements: [],
  events: [],
  claims: [],
  relations: [Relation.parse({ id: "r1", kind: "neighbour", from: "irn", to: "tur", role: "land" })],
};

describe("toGexf validates against the GEXF 1.3 schema", () => {
  it.each<[string, Graph]>([
    ["the Tehran snapshot", projectGraph(tehran())],
    ["every relation kind, escaped names, open spans and event ranges", projectGraph(everyKind())],
    ["a static graph", projectGraph(undatedSnapshot)],
    ["an empty graph", { nodes: [], edges: [] }],
  ])("%s", async (_name, graph) => {
    const result = await validate(toGexf(graph));
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it.each([
    ["a partial date as a time", (x: string) => x.replace(`start="1994-01-01"`, `start="1994"`).replace(`end="2024-02-29"`, `end="2024-02"`), "time-type"],
    ["the GEXF 1.2 namespace", (x: string) => x.replace("http://gexf.net/1.3", "http://www.gexf.net/1.2draft"), "No matching global declaration"],
    ["an unknown attribute type", (x: string) => x.replace(`type="integer"`, `type="number"`), "The value 'number' is not an element of the set"],
    ["a tag left open", (x: string) => x.replace("</nodes>", ""), "parser error"],
  ])("and reports a document broken by %s as invalid", async (_name, breakIt, message) => {
    const good = toGexf(projectGraph(everyKind()));
    const bad = breakIt(good);
    expect(bad).not.toBe(good);
    const result = await validate(bad);
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => e.message).join("\n")).toContain(message);
  });
});

describe("toGexf content", () => {
  const tehranGexf = toGexf(projectGraph(tehran()));
  const everyGexf = toGexf(projectGraph(everyKind()));

  it.each([
    ["the 1.3 namespace and version", `<gexf xmlns="http://gexf.net/1.3" version="1.3">`],
    ["a dynamic graph with dates", `<graph defaultedgetype="directed" mode="dynamic" timeformat="date">`],
    ["the node count", `<nodes count="5">`],
    ["the edge count", `<edges count="6">`],
    ["typed attribute declarations", `<attribute id="claims" title="claims" type="integer"/>`],
    ["the Persian alias", `<attvalue for="name_fa" value="ایران"/>`],
    ["a node's time widened to its first day", `<node id="apa" label="Asian Parliamentary Assembly" start="2006-01-01">`],
    [
      "an undirected symmetric relation",
      `<edge id="rel-irn-rus" source="irn" target="rus" type="undirected" kind="diplomatic-relations" label="Diplomatic relations" start="1991-12-01">`,
    ],
    ["a directed relation by default", `<edge id="rel-irn-apa" source="irn" target="apa" kind="member-of" label="Member of" start="2006-01-01">`],
    ["an event day as start and end", `kind="event:summit" label="Tehran summit of the Astana format" start="2018-09-07" end="2018-09-07">`],
  ])("has %s", (_name, fragment) => {
    expect(tehranGexf).toContain(fragment);
  });

  it.each([
    ["escaped markup characters", `label="Organisation of Islamic Cooperation &amp; &quot;friends&quot; &lt;OIC&gt;"`],
    ["an escaped apostrophe", `label="Party A &apos;quoted&apos;"`],
    ["a control character stripped", `label="Iraq (control)"`],
    ["a lone surrogate stripped", `label="Afghanistan lone"`],
    ["a Persian name with its zero-width non-joiner", `value="اتحادیه بین\u200cالمجالس"`],
    ["an end widened to the last day of a leap February", `end="2024-02-29"`],
    ["an end open at the start", `<edge id="rel-part-of" source="irn-parliament" target="irn" kind="part-of" label="Part of" end="2024-02-29">`],
    ["a Solar Hijri month widened to its Gregorian days", `start="2024-12-21" end="2025-01-19"`],
    ["an event range", `start="2012-08-16" end="2012-08-31"`],
  ])("writes %s", (_name, fragment) => {
    expect(everyGexf).toContain(fragment);
  });

  it("writes nothing that XML 1.0 forbids", () => {
    expect(everyGexf).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFFFE\uFFFF]|\p{Cs}/u);
  });

  it("is static, without a time format, when nothing is dated", () => {
    const gexf = toGexf(projectGraph(undatedSnapshot));
    expect(gexf).toContain(`<graph defaultedgetype="directed" mode="static">`);
    expect(gexf).not.toMatch(/ (start|end)="/);
  });

  it("is the same text for the same snapshot", () => {
    expect(toGexf(projectGraph(everyKind()))).toBe(everyGexf);
  });
});
