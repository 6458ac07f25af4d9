// `diplograph analyse overlap A B …`: the bodies a set of actors share, with the claims behind each membership.
import type { Command } from "commander";
import { overlap } from "@diplograph/analysis";
import { print, printJson, type GlobalOptions } from "../../context.js";
import { table } from "../../format.js";
import { filterOptions, fmtEvidence, fmtSpan, viewFilter, withData, type FilterOptions } from "./common.js";

export function registerOverlap(analyse: Command): void {
  filterOptions(
    analyse
      .command("overlap")
      .description("the bodies two or more actors share (a state counts its parliament's and government's memberships, marked via), since when, in what role, with the claims; and the count and Jaccard matrix")
      .argument("<actors...>", "two or more actors: id, alias or ISO 3166-1 alpha-3 code"),
    false,
  )
    .option("--direct", "count only the actors' own memberships, not those of their parts")
    .action((refs: string[], _o, cmd: Command) => overlapCommand(refs, cmd.optsWithGlobals()));
}

async function overlapCommand(refs: string[], opts: FilterOptions & { direct?: boolean } & GlobalOptions): Promise<void> {
  await withData(opts, refs, (data, ids) => {
    const r = overlap(data, ids, { ...viewFilter(opts), lift: !opts.direct });
    if (opts.json) return printJson(r);
    const name = (id: string) => r.actors.find((a) => a.id === id)?.name ?? data.actors.get(id)?.name ?? id;
    print(`Bodies shared by ${r.actors.map((a) => a.name).join(", ")}${r.window ? ` (${fmtSpan(r.window)})` : ""}: ${r.shared.length}`);
    for (const s of r.shared) {
      print(`\n${s.body.name} [${s.body.id}]${s.dated && s.shared ? `  shared ${fmtSpan(s.shared)}` : s.dated ? "" : "  (some membership undated)"}`);
      for (const [id, ms] of Object.entries(s.memberships)) {
        for (const m of ms) {
          const bits = [m.role ?? "member", m.via ? `via ${name(m.via)}` : "", m.dated ? fmtSpan(m.span) : "undated"].filter(Boolean);
          print(`  ${name(id)}: ${bits.join(", ")}`);
          for (const line of fmtEvidence(m.evidence, "    ")) print(line);
        }
      }
    }
    for (const [id, bodies] of Object.entries(r.only)) {
      if (bodies.length) print(`\nOnly ${name(id)}: ${bodies.map((b) => b.name).join("; ")}`);
    }
    if (r.actors.length > 2) {
      const heads = r.actors.map((a) => a.id);
      print(`\nShared bodies (diagonal: each actor's bodies)`);
      print(table(["", ...heads], r.actors.map((a, i) => [a.id, ...r.matrix.counts[i]!])));
      print(`\nJaccard`);
      print(table(["", ...heads], r.actors.map((a, i) => [a.id, ...r.matrix.jaccard[i]!.map((x) => x.toFixed(3))])));
    } else {
      const [[na, both], [, nb]] = r.matrix.counts as [[number, number], [number, number]];
      print(`\nJaccard: ${r.matrix.jaccard[0]![1]!.toFixed(3)} (${both} shared of ${na + nb - both} bodies)`);
    }
  });
}
