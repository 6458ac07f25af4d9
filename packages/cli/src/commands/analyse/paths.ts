// `diplograph analyse path A B`, `analyse ego A` and `analyse brokerage`: reachability, neighbourhoods and brokers.
import { Option, type Command } from "commander";
import { VIEW_KINDS, brokerage, ego, louvain, reach, view } from "@diplograph/analysis";
import { InputError } from "@diplograph/model";
import { print, printJson, type GlobalOptions } from "../../context.js";
import { table } from "../../format.js";
import { filterOptions, fmtEvidence, int, viewFilter, withData, type FilterOptions } from "./common.js";

type ViewOpts = FilterOptions & GlobalOptions & { view: string; lift?: boolean };
const viewOption = () => new Option("--view <view>", "graph to walk").choices([...VIEW_KINDS]).default("multiplex");

export function registerPaths(analyse: Command): void {
  filterOptions(
    analyse
      .command("path")
      .description("how one actor reaches another: the shortest paths through a view, each hop with the relations or events and claims behind it")
      .argument("<from>", "actor: id, alias or ISO code")
      .argument("<to>", "actor: id, alias or ISO code"),
  )
    .addOption(viewOption())
    .option("--lift", "attribute the ties of parts to their wholes")
    .option("--all", "every shortest path (at most --limit)")
    .option("--limit <n>", "with --all: at most this many paths (default 20)", int("--limit"))
    .action((a: string, b: string, _o, cmd: Command) => pathCommand(a, b, cmd.optsWithGlobals()));

  filterOptions(analyse.command("ego").description("the actors within k hops of an actor in a view").argument("<actor>", "actor: id, alias or ISO code"))
    .addOption(viewOption())
    .option("--lift", "attribute the ties of parts to their wholes")
    .option("--depth <k>", "hops (default 1)", int("--depth"))
    .action((a: string, _o, cmd: Command) => egoCommand(a, cmd.optsWithGlobals()));

  filterOptions(analyse.command("brokerage").description("Gould–Fernandez brokerage roles: who bridges which groups (countries, actor kinds or communities)"))
    .addOption(viewOption())
    .addOption(new Option("--group-by <what>", "groups").choices(["country", "kind", "community"]).default("country"))
    .option("--lift", "attribute the ties of parts to their wholes")
    .option("--limit <n>", "rows shown (default 25)", int("--limit"))
    .action((_o, cmd: Command) => brokerageCommand(cmd.optsWithGlobals()));
}

async function pathCommand(a: string, b: string, opts: ViewOpts & { all?: boolean; limit?: number }): Promise<void> {
  await withData(opts, [a, b], (data, [ia, ib]) => {
    const r = reach(data, ia!, ib!, { ...viewFilter(opts), view: opts.view, lift: !!opts.lift, all: !!opts.all, ...(opts.limit ? { limit: opts.limit } : {}) });
    if (opts.json) return printJson(r);
    if (!r.paths.length) return print(`${r.from.name} does not reach ${r.to.name} in the ${r.view} view.`);
    print(`${r.from.name} reaches ${r.to.name} in ${r.length} hop${r.length === 1 ? "" : "s"} (${r.view} view; ${r.paths.length} path${r.paths.length === 1 ? "" : "s"} shown)`);
    r.paths.forEach((p, i) => {
      print(`\n${i + 1}. ${p.nodes.map((n) => n.name).join(" → ")}`);
      for (const h of p.hops) {
        print(`   ${h.from.name} — ${h.to.name}`);
        for (const t of h.ties) {
          print(`     ${t.kind}${t.layer ? ` [${t.layer}]` : ""}: ${t.records.map((x) => x.id).join(", ")}`);
          const first = t.records[0];
          if (first) for (const line of fmtEvidence(first.evidence.slice(0, 1), "       ")) print(line);
        }
      }
    });
  });
}

async function egoCommand(a: string, opts: ViewOpts & { depth?: number }): Promise<void> {
  await withData(opts, [a], (data, [id]) => {
    const r = ego(data, id!, { ...viewFilter(opts), view: opts.view, lift: !!opts.lift, depth: opts.depth ?? 1 });
    if (opts.json) return printJson(r);
    print(`${r.center.name}: ${r.nodes.length - 1} actors within ${r.depth} hop${r.depth === 1 ? "" : "s"} (${r.view} view, ${r.edges} ties among them)`);
    print(table(["hops", "actor", "kind", "country"], r.nodes.map((n) => [n.distance, n.name, n.kind, n.country])));
  });
}

async function brokerageCommand(opts: ViewOpts & { groupBy: string; limit?: number }): Promise<void> {
  await withData(opts, [], (data) => {
    const g = view(data, opts.view, { ...viewFilter(opts), lift: !!opts.lift });
    if (g.order === 0) throw new InputError("the view is empty: nothing to broker");
    const groups: Record<string, string | number> =
      opts.groupBy === "community"
        ? louvain(g, { weight: "weight" }).communities
        : Object.fromEntries(g.mapNodes((n) => [n, (opts.groupBy === "kind" ? data.actors.get(n)?.kind : data.actors.get(n)?.country) ?? `(${n})`]));
    const roles = brokerage(g, groups);
    const rows = Object.entries(roles)
      .filter(([, r]) => r.total > 0)
      .sort(([x, a], [y, b]) => b.total - a.total || (x < y ? -1 : 1));
    if (opts.json) return printJson({ view: opts.view, groupBy: opts.groupBy, groups, roles: Object.fromEntries(rows) });
    print(`Brokerage in the ${opts.view} view, groups by ${opts.groupBy} (${rows.length} brokers)`);
    print(
      table(
        ["actor", "group", "coordinator", "itinerant", "gatekeeper", "representative", "liaison", "total"],
        rows.slice(0, opts.limit ?? 25).map(([id, r]) => [data.actors.get(id)?.name ?? id, String(groups[id]), r.coordinator, r.itinerant, r.gatekeeper, r.representative, r.liaison, r.total]),
      ),
    );
  });
}
