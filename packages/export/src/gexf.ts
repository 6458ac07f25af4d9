// Writes a graph as GEXF 1.3 (the format Gephi reads natively), dynamic when any node or edge has a time interval.
import { elementValues, graphAttributes } from "./graph.js";
import type { AttributeSpec, AttributeType, Graph, TimeInterval } from "./types.js";
import { escapeXml } from "./utils.js";

export const GEXF_NAMESPACE = "http://gexf.net/1.3";

const GEXF_TYPES: Record<AttributeType, string> = { string: "string", integer: "integer", double: "double" };

/**
 * Serialise a graph as a GEXF 1.3 document that validates against the official schema. Times are written with
 * `timeformat="date"` as whole days: GEXF's time type admits `xs:date` but not a year or a year-month, which is why
 * the graph already carries partial dates widened to day bounds.
 */
export function toGexf(graph: Graph): string {
  const dynamic = graph.nodes.some((n) => n.time) || graph.edges.some((e) => e.time);
  const out: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<gexf xmlns="${GEXF_NAMESPACE}" version="1.3">`,
    `  <meta>`,
    `    <creator>Diplograph</creator>`,
    `  </meta>`,
    `  <graph defaultedgetype="directed" mode="${dynamic ? "dynamic" : "static"}"${dynamic ? ` timeformat="date"` : ""}>`,
    ...declarations("node", graphAttributes(graph, "node")),
    ...declarations("edge", graphAttributes(graph, "edge")),
    `    <nodes count="${graph.nodes.length}">`,
  ];
  for (const n of graph.nodes) {
    const attrs = xmlAttributes([["id", n.id], ["label", n.label], ...timeAttributes(n.time)]);
    out.push(`      <node ${attrs}>`, ...attvalues(elementValues(graph, "node", n)), `      </node>`);
  }
  out.push(`    </nodes>`, `    <edges count="${graph.edges.length}">`);
  for (const e of graph.edges) {
    const attrs = xmlAttributes([
      ["id", e.id],
      ["source", e.source],
      ["target", e.target],
      ["type", e.directed ? undefined : "undirected"],
      // GEXF's edge kind tells parallel edges of different kinds apart (Gephi keeps them as separate edge types).
      ["kind", e.attributes.kind],
      ["label", e.label],
      ...timeAttributes(e.time),
    ]);
    out.push(`      <edge ${attrs}>`, ...attvalues(elementValues(graph, "edge", e)), `      </edge>`);
  }
  out.push(`    </edges>`, `  </graph>`, `</gexf>`, ``);
  return out.join("\n");
}

function declarations(cls: "node" | "edge", specs: [string, AttributeSpec][]): string[] {
  return [
    `    <attributes class="${cls}">`,
    ...specs.map(([id, spec]) => `      <attribute ${xmlAttributes([["id", id], ["title", id], ["type", GEXF_TYPES[spec.type]]])}/>`),
    `    </attributes>`,
  ];
}

function attvalues(values: [string, string][]): string[] {
  if (values.length === 0) return [];
  return [
    `        <attvalues>`,
    ...values.map(([k, v]) => `          <attvalue ${xmlAttributes([["for", k], ["value", v]])}/>`),
    `        </attvalues>`,
  ];
}

function timeAttributes(t: TimeInterval | undefined): [string, string | undefined][] {
  return [
    ["start", t?.start],
    ["end", t?.end],
  ];
}

function xmlAttributes(pairs: [string, string | undefined][]): string {
  return pairs
    .filter((p): p is [string, string] => p[1] !== undefined)
    .map(([k, v]) => `${k}="${escapeXml(v)}"`)
    .join(" ");
}
