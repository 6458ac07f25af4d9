// Writes a graph as GraphML (yEd, Cytoscape, igraph, NetworkX, graphology): typed keys, directed by default,
// symmetric relations and event co-participation marked undirected edge by edge.
import { elementValues, graphAttributes } from "./graph.js";
import type { AttributeSpec, AttributeType, Graph } from "./types.js";
import { escapeXml } from "./utils.js";

export const GRAPHML_NAMESPACE = "http://graphml.graphdrawing.org/xmlns";

const GRAPHML_TYPES: Record<AttributeType, string> = { string: "string", integer: "int", double: "double" };

/**
 * Serialise a graph as GraphML. Every node and edge also gets a `label` key, which Gephi and graphology read as the
 * element's label. GraphML has no notion of time; the `start` and `end` attributes carry the dates.
 */
export function toGraphml(graph: Graph): string {
  const nodeKeys: [string, AttributeSpec][] = [["label", LABEL], ...graphAttributes(graph, "node")];
  const edgeKeys: [string, AttributeSpec][] = [["label", LABEL], ...graphAttributes(graph, "edge")];
  const out: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<graphml xmlns="${GRAPHML_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ` +
      `xsi:schemaLocation="${GRAPHML_NAMESPACE} ${GRAPHML_NAMESPACE}/1.0/graphml.xsd">`,
    ...nodeKeys.map(([name, spec]) => key("node", name, spec)),
    ...edgeKeys.map(([name, spec]) => key("edge", name, spec)),
    `  <graph id="G" edgedefault="directed">`,
  ];
  for (const n of graph.nodes) {
    out.push(`    <node id="${escapeXml(n.id)}">`, ...data("node", [["label", n.label], ...elementValues(graph, "node", n)]), `    </node>`);
  }
  for (const e of graph.edges) {
    const directed = e.directed ? "" : ` directed="false"`;
    out.push(
      `    <edge id="${escapeXml(e.id)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}"${directed}>`,
      ...data("edge", [["label", e.label], ...elementValues(graph, "edge", e)]),
      `    </edge>`,
    );
  }
  out.push(`  </graph>`, `</graphml>`, ``);
  return out.join("\n");
}

const LABEL: AttributeSpec = { type: "string", description: "display label" };

/** Key ids are prefixed by domain: GraphML key ids are unique across the document, names only within a domain. */
function keyId(domain: "node" | "edge", name: string): string {
  return `${domain === "node" ? "n" : "e"}_${name}`;
}

function key(domain: "node" | "edge", name: string, spec: AttributeSpec): string {
  return `  <key id="${keyId(domain, name)}" for="${domain}" attr.name="${escapeXml(name)}" attr.type="${GRAPHML_TYPES[spec.type]}"/>`;
}

function data(domain: "node" | "edge", values: [string, string][]): string[] {
  return values.map(([k, v]) => `      <data key="${keyId(domain, k)}">${escapeXml(v)}</data>`);
}
