import { describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { everyKind, tehran } from "./fixtures.js";
import { projectGraph } from "./graph.js";
import { toGraphml } from "./graphml.js";
import type { Graph } from "./types.js";

/**
 * Evaluate an XPath expression with libxml2 (xmllint-wasm): the document must be well-formed to get an answer.
 * xmllint-wasm has no XPath option of its own, so its `--format` run is turned into `--xpath`; the result comes
 * back where the formatted document would.
 */
async function xpath(xml: string, expression: string): Promise<string> {
  const result = await validateXML({
    xml: [{ fileName: "graph.graphml", contents: xml }],
    normalization: "format",
    modifyArguments: (args) => args.flatMap((a) => (a === "--format" ? ["--xpath", expression] : [a])),
  });
  if (!result.valid) throw new Error(result.errors.map((e) => e.rawMessage).join("\n"));
  return result.normalized.trim();
}

const el = (name: string) => `//*[local-name()='${name}']`;

const tiny: Graph = {
  nodes: [
    { id: "a", label: "A & B", attributes: { kind: "state", name: "A & B", country: "IRN", name_fa: "ایران" } },
    { id: "b", label: "<B>", attributes: { kind: "state", name: "<B>" }, time: { start: "1994-01-01" } },
  ],
  edges: [
    { id: "r1", source: "a", target: "b", directed: true, label: "Supports", attributes: { kind: "supports", record: "r1", claims: 2 } },
    {
      id: "r2",
      source: "a",
      target: "b",
      directed: false,
      label: "Neighbour",
      attributes: { kind: "neighbour", record: "r2", role: "land", layers: "political;legal", start: "1994", claims: 0 },
    },
  ],
};

const TINY_GRAPHML = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="n_label" for="node" attr.name="label" attr.type="string"/>
  <key id="n_kind" for="node" attr.name="kind" attr.type="string"/>
  <key id="n_name" for="node" attr.name="name" attr.type="string"/>
  <key id="n_country" for="node" attr.name="country" attr.type="string"/>
  <key id="n_name_fa" for="node" attr.name="name_fa" attr.type="string"/>
  <key id="n_start" for="node" attr.name="start" attr.type="string"/>
  <key id="n_end" for="node" attr.name="end" attr.type="string"/>
  <key id="e_label" for="edge" attr.name="label" attr.type="string"/>
  <key id="e_kind" for="edge" attr.name="kind" attr.type="string"/>
  <key id="e_record" for="edge" attr.name="record" attr.type="string"/>
  <key id="e_role" for="edge" attr.name="role" attr.type="string"/>
  <key id="e_track" for="edge" attr.name="track" attr.type="string"/>
  <key id="e_layers" for="edge" attr.name="layers" attr.type="string"/>
  <key id="e_start" for="edge" attr.name="start" attr.type="string"/>
  <key id="e_end" for="edge" attr.name="end" attr.type="string"/>
  <key id="e_signed" for="edge" attr.name="signed" attr.type="string"/>
  <key id="e_ratified" for="edge" attr.name="ratified" attr.type="string"/>
  <key id="e_claims" for="edge" attr.name="claims" attr.type="int"/>
  <graph id="G" edgedefault="directed">
    <node id="a">
      <data key="n_label">A &amp; B</data>
      <data key="n_kind">state</data>
      <data key="n_name">A &amp; B</data>
      <data key="n_country">IRN</data>
      <data key="n_name_fa">ایران</data>
    </node>
    <node id="b">
      <data key="n_label">&lt;B&gt;</data>
      <data key="n_kind">state</data>
      <data key="n_name">&lt;B&gt;</data>
    </node>
    <edge id="r1" source="a" target="b">
      <data key="e_label">Supports</data>
      <data key="e_kind">supports</data>
      <data key="e_record">r1</data>
      <data key="e_claims">2</data>
    </edge>
    <edge id="r2" source="a" target="b" directed="false">
      <data key="e_label">Neighbour</data>
      <data key="e_kind">neighbour</data>
      <data key="e_record">r2</data>
      <data key="e_role">land</data>
      <data key="e_layers">political;legal</data>
      <data key="e_start">1994</data>
      <data key="e_claims">0</data>
    </edge>
  </graph>
</graphml>
`;

describe("toGraphml", () => {
  it("writes a tiny graph exactly", () => {
    expect(toGraphml(tiny)).toBe(TINY_GRAPHML);
  });

  it.each([
    // graph, XPath, expected
    ["tiny", tiny, `count(${el("key")})`, "18"],
    ["tiny", tiny, `string(${el("graph")}/@edgedefault)`, "directed"],
    ["tiny", tiny, `string(${el("node")}[@id='b']/*[@key='n_name'])`, "<B>"],
    ["Tehran", projectGraph(tehran()), `count(${el("node")})`, "5"],
    ["Tehran", projectGraph(tehran()), `count(${el("edge")})`, "6"],
    ["Tehran", projectGraph(tehran()), `count(${el("edge")}[@directed='false'])`, "4"],
    ["Tehran", projectGraph(tehran()), `string(${el("node")}[@id='irn']/*[@key='n_name_fa'])`, "ایران"],
    ["Tehran", projectGraph(tehran()), `string(${el("edge")}[@id='rel-irn-apa']/*[@key='e_claims'])`, "1"],
    ["every kind", projectGraph(everyKind()), `count(${el("edge")}[@source='irn' and @target='irq'])`, "3"],
    ["every kind", projectGraph(everyKind()), `string(${el("node")}[@id='oic']/*[@key='n_label'])`, `Organisation of Islamic Cooperation & "friends" <OIC>`],
    ["every kind", projectGraph(everyKind()), `string(${el("node")}[@id='irq']/*[@key='n_label'])`, "Iraq (control)"],
  ])("%s: %s is %s", async (_name, graph, expression, expected) => {
    expect(await xpath(toGraphml(graph), expression)).toBe(expected);
  });

  it("marks exactly the symmetric relations and event pairs undirected", () => {
    const graph = projectGraph(everyKind());
    const xml = toGraphml(graph);
    const undirected = [...xml.matchAll(/<edge id="([^"]+)"[^>]*directed="false"/g)].map((m) => m[1]);
    expect(undirected).toEqual(graph.edges.filter((e) => !e.directed).map((e) => e.id));
  });

  it("uses ids that are XML name tokens, as GraphML requires", () => {
    const graph = projectGraph(everyKind());
    for (const id of [...graph.nodes.map((n) => n.id), ...graph.edges.map((e) => e.id)]) expect(id).toMatch(/^[A-Za-z0-9._:-]+$/);
  });

  it("reports an ill-formed document", async () => {
    await expect(xpath(toGraphml(tiny).replace("</graph>", ""), "count(//*)")).rejects.toThrow(/parser error/);
  });
});
