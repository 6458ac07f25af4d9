// `diplograph analyse dyad A B`: everything between two actors over time, by track and layer, with the claims.
import type { Command } from "commander";
import { dyadProfile } from "@diplograph/analysis";
import { print, printJson, type GlobalOptions } from "../../context.js";
import { table } from "../../format.js";
import { filterOptions, fmtEvidence, fmtSpan, viewFilter, withData, type FilterOptions } from "./common.js";

export function registerDyad(analyse: Command): void {
  filterOptions(
    analyse
      .command("dyad")
      .description("everything between two actors and their parts: direct links, shared bodies, agreements, events, by track, layer and year, with the claims")
      .argument("<a>", "actor: id, alias or ISO code")
      .argument("<b>", "actor: id, alias or ISO code"),
    false,
  )
    .option("--direct", "only the two actors themselves, not their parts")
    .action((a: string, b: string, _o, cmd: Command) => dyadCommand(a, b, cmd.optsWithGlobals()));
}

async function dyadCommand(a: string, b: string, opts: FilterOptions & { direct?: boolean } & GlobalOptions): Promise<void> {
  await withData(opts, [a, b], (data, [ia, ib]) => {
    const p = dyadProfile(data, ia!, ib!, { ...viewFilter(opts), parts: !opts.direct });
    if (opts.json) return printJson(p);
    const name = (id: string) => data.actors.get(id)?.name ?? id;
    print(`${p.a.name} and ${p.b.name}${p.window ? ` (${fmtSpan(p.window)})` : ""}`);
    print(`By track: ${Object.entries(p.byTrack).map(([k, v]) => `${k} ${v}`).join(", ") || "nothing"}`);
    print(`By layer: ${Object.entries(p.byLayer).map(([k, v]) => `${k} ${v}`).join(", ") || "nothing"}`);
    if (p.timeline.length) print(table(["year", "items", "tracks"], p.timeline.map((t) => [t.year, t.items, Object.entries(t.byTrack).map(([k, v]) => `${k} ${v}`).join(", ")])));
    print(`\nDirect links: ${p.links.length}`);
    for (const l of p.links) {
      const via = [l.viaA ? `${p.a.name} via ${name(l.viaA)}` : "", l.viaB ? `${p.b.name} via ${name(l.viaB)}` : ""].filter(Boolean).join("; ");
      print(`  ${l.label}: ${l.from.name} → ${l.to.name}${l.role ? ` (${l.role})` : ""}  ${fmtSpan(l.span, l.dated)}${via ? `  [${via}]` : ""}`);
      for (const line of fmtEvidence(l.evidence, "    ")) print(line);
    }
    print(`\nShared bodies: ${p.sharedBodies.length}`);
    for (const s of p.sharedBodies) print(`  ${s.body.name}${s.shared ? `  ${fmtSpan(s.shared)}` : ""}`);
    print(`\nAgreements both are party to: ${p.agreements.length}`);
    for (const g of p.agreements) {
      print(`  ${g.agreement.name}`);
      for (const side of ["a", "b"] as const) {
        for (const party of g.parties[side]) {
          print(`    ${name(party.party)}: ${[party.signed ? `signed ${party.signed}` : "", party.ratified ? `ratified ${party.ratified}` : ""].filter(Boolean).join(", ") || "party"}`);
          for (const line of fmtEvidence(party.evidence, "      ")) print(line);
        }
      }
    }
    print(`\nEvents with both: ${p.events.length}`);
    for (const e of p.events) {
      print(`  ${e.date}  ${e.type}: ${e.title}${e.place ? ` (${e.place})` : ""}`);
      for (const line of fmtEvidence(e.evidence, "    ")) print(line);
    }
  });
}
