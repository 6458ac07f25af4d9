// `diplograph analyse multiplex A [B]` and `analyse layers`: layers and tracks active per period, the index of
// simultaneous multi-layered action, layer overlap and participation coefficients.
import type { Command } from "commander";
import { activity, layerStructure, multiplexView } from "@diplograph/analysis";
import { print, printJson, type GlobalOptions } from "../../context.js";
import { table } from "../../format.js";
import { filterOptions, int, viewFilter, withData, type FilterOptions } from "./common.js";

export function registerMultiplex(analyse: Command): void {
  filterOptions(
    analyse
      .command("multiplex")
      .description("the layers and tracks an actor (or, given two, a dyad) is active on in each period, and the index of simultaneous multi-layered action")
      .argument("<actor>", "actor: id, alias or ISO code")
      .argument("[other]", "a second actor: activity involving both"),
    false,
  )
    .option("--period <years>", "period length in years (default 1)", int("--period"))
    .option("--direct", "only the actors themselves, not their parts")
    .action((a: string, b: string | undefined, _o, cmd: Command) => multiplexCommand(b ? [a, b] : [a], cmd.optsWithGlobals()));

  filterOptions(analyse.command("layers").description("layer overlap (Jaccard of linked pairs) and each actor's participation coefficient across layers"))
    .option("--by <what>", "layers of action (layer) or tracks (track)", "layer")
    .option("--lift", "attribute the ties of an actor's parts to the actor")
    .option("--limit <n>", "actors shown in text output (default 25)", int("--limit"))
    .action((_o, cmd: Command) => layersCommand(cmd.optsWithGlobals()));
}

async function multiplexCommand(refs: string[], opts: FilterOptions & { period?: number; direct?: boolean } & GlobalOptions): Promise<void> {
  await withData(opts, refs, (data, ids) => {
    const r = activity(data, ids, { ...viewFilter(opts), parts: !opts.direct, ...(opts.period ? { period: opts.period } : {}) });
    if (opts.json) return printJson(r);
    print(`Activity of ${ids.map((id) => data.actors.get(id)?.name ?? id).join(" with ")} by ${r.periodYears === 1 ? "year" : `${r.periodYears}-year period`}`);
    print(
      table(
        ["period", "layers", "simultaneity", "tracks", "records"],
        r.periods.map((p) => [p.from === p.to ? String(p.from) : `${p.from}-${p.to}`, p.layers.join(", "), p.simultaneity, p.tracks.join(", "), new Set(Object.values(p.records).flat()).size]),
      ),
    );
    const s = r.summary;
    print(`\nActive periods: ${s.activePeriods}; mean simultaneity ${s.meanSimultaneity.toFixed(2)} of 6 layers (max ${s.maxSimultaneity}); periods with two or more layers: ${(s.multiLayerShare * 100).toFixed(0)}%`);
    if (r.undated.length) print(`Undated records (not placed in a period): ${r.undated.length}`);
  });
}

async function layersCommand(opts: FilterOptions & { by: string; lift?: boolean; limit?: number } & GlobalOptions): Promise<void> {
  await withData(opts, [], (data) => {
    const by = opts.by === "track" ? "track" : "layer";
    const s = layerStructure(multiplexView(data, { ...viewFilter(opts), layerBy: by, lift: !!opts.lift }));
    if (opts.json) return printJson(s);
    print(table([by, "linked pairs"], s.layers.map((l) => [l, s.edges[l]])));
    print(`\nOverlap (Jaccard of linked pairs)`);
    print(table(["", ...s.layers], s.layers.map((l, i) => [l, ...s.overlap[i]!.map((x) => x.toFixed(3))])));
    const rows = Object.entries(s.nodes).sort(([, x], [, y]) => y.total - x.total).slice(0, opts.limit ?? 25);
    print(`\nParticipation coefficient (0: one ${by}; 1: spread evenly)`);
    print(table(["actor", "ties", "participation", `by ${by}`], rows.map(([id, n]) => [data.actors.get(id)?.name ?? id, n.total, n.participation.toFixed(3), Object.entries(n.degree).map(([k, v]) => `${k} ${v}`).join(", ")])));
  });
}
