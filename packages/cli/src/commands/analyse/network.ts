// `diplograph analyse network`: a graph view (affiliation, co-membership, interaction, multiplex) as of a date or
// over a window, with node metrics, printed as a ranking or written as GEXF (with time spans), GraphML or CSV.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Option, type Command } from "commander";
import { VIEW_KINDS, view, viewGraph, type AnyView, type NetworkData } from "@diplograph/analysis";
import { toGexf, toGraphml, toNodeEdgeCsv } from "@diplograph/export";
import { InputError } from "@diplograph/model";
import { print, printJson, type GlobalOptions } from "../../context.js";
import { table } from "../../format.js";
import { filterOptions, int, viewFilter, withData, type FilterOptions } from "./common.js";
import { METRIC_NAMES, computeMetrics, metricSpecs } from "@diplograph/analysis";

export const NETWORK_FORMATS = ["table", "gexf", "graphml", "csv"] as const;

interface NetworkOptions extends FilterOptions, GlobalOptions {
  view: string;
  lift?: boolean;
  metrics?: string;
  format: (typeof NETWORK_FORMATS)[number];
  out?: string;
  limit?: number;
  by?: "layer" | "track";
}

export function registerNetwork(analyse: Command): void {
  filterOptions(analyse.command("network").description("a graph view with node metrics: a ranking, or a GEXF (with time spans), GraphML or CSV file"))
    .addOption(new Option("--view <view>", "which graph").choices([...VIEW_KINDS]).default("comembership"))
    .option("--lift", "attribute the memberships and events of parts (a parliament, a party organ) to the whole (default for comembership)")
    .option("--no-lift", "keep parts as nodes of their own")
    .option("--metrics <names>", `node metrics to compute, comma-separated: ${METRIC_NAMES.join(", ")} (default: degree,strength)`)
    .addOption(new Option("--format <format>", "output").choices([...NETWORK_FORMATS]).default("table"))
    .addOption(new Option("--by <what>", "multiplex: one layer per layer of action or per track").choices(["layer", "track"]))
    .option("--out <path>", "file to write (folder for csv); default: standard output")
    .option("--limit <n>", "table: rows shown (default 25)", int("--limit"))
    .action((_o, cmd: Command) => networkCommand(cmd.optsWithGlobals()));
}

async function networkCommand(opts: NetworkOptions): Promise<void> {
  if (opts.format === "csv" && !opts.out) throw new InputError("--format csv writes nodes.csv and edges.csv: give a folder with --out");
  const names = (opts.metrics ?? "degree,strength").split(",").map((s) => s.trim()).filter(Boolean);
  for (const n of names) if (!METRIC_NAMES.includes(n)) throw new InputError(`--metrics: unknown metric "${n}"; known: ${METRIC_NAMES.join(", ")}`);
  await withData(opts, [], (data) => {
    const options = { ...viewFilter(opts), ...(opts.lift !== undefined ? { lift: opts.lift } : {}), ...(opts.by ? { layerBy: opts.by } : {}) };
    const g = view(data, opts.view, options);
    const metrics = computeMetrics(g, names);
    if (opts.format === "table") return printTable(data, g, metrics, opts);
    const graph = viewGraph(data, g, { metrics, metricTypes: metricSpecs(names) });
    const written: string[] = [];
    if (opts.format === "csv") {
      mkdirSync(opts.out!, { recursive: true });
      for (const [name, text] of Object.entries(toNodeEdgeCsv(graph))) {
        writeFileSync(join(opts.out!, name), text);
        written.push(join(opts.out!, name));
      }
    } else {
      const text = opts.format === "gexf" ? toGexf(graph) : toGraphml(graph);
      if (!opts.out) return void process.stdout.write(text);
      writeFileSync(opts.out, text);
      written.push(opts.out);
    }
    if (opts.json) printJson({ view: opts.view, format: opts.format, nodes: graph.nodes.length, edges: graph.edges.length, files: written });
    else print(`Wrote ${written.join(", ")} (${graph.nodes.length} nodes, ${graph.edges.length} edges)`);
  });
}

function printTable(data: NetworkData, g: AnyView, metrics: Record<string, Map<string, number>>, opts: NetworkOptions): void {
  const names = Object.keys(metrics);
  const rows = g.nodes().map((id) => ({ id, name: data.actors.get(id)?.name ?? id, kind: data.actors.get(id)?.kind ?? "", values: Object.fromEntries(names.map((m) => [m, metrics[m]!.get(id) ?? 0])) }));
  const first = names[0];
  if (first) rows.sort((a, b) => b.values[first]! - a.values[first]! || (a.id < b.id ? -1 : 1));
  if (opts.json) {
    return printJson({
      view: opts.view,
      filter: viewFilter(opts),
      nodes: rows,
      edges: (g as unknown as { mapEdges: <T>(fn: (k: string, a: object, s: string, t: string) => T) => T[] }).mapEdges((key, attrs, source, target) => ({ key, source, target, ...attrs })),
    });
  }
  print(`${opts.view} view: ${g.order} nodes, ${g.size} edges`);
  const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(4));
  print(table(["actor", "kind", ...names], rows.slice(0, opts.limit ?? 25).map((r) => [r.name, r.kind, ...names.map((m) => fmt(r.values[m]!))])));
}
