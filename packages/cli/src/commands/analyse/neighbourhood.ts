// `diplograph analyse neighbourhood <country>`: land and maritime neighbours, the bodies that already bring them
// together, and candidate memberships for an assembly of neighbouring countries, scored criterion by criterion.
import { InvalidArgumentError, type Command } from "commander";
import { CRITERION_IDS, DEFAULT_WEIGHTS, designNeighbourhood, LAND_SOURCE, type CriterionId, type NeighbourhoodDesign, type Weights } from "@diplograph/analysis";
import { formatDate, InputError } from "@diplograph/model";
import { print, printJson, withStore, type GlobalOptions } from "../../context.js";
import { quoteLines, table } from "../../format.js";

interface NeighbourhoodOptions extends GlobalOptions {
  asOf?: string;
  weights?: Partial<Weights>;
  limit?: number;
  maritimeTable?: string;
  distanceScale?: number;
}

/** `coverage=0.5,cohesion=0.2` → weights; the criteria left out keep their defaults. */
export function parseWeights(spec: string): Partial<Weights> {
  const out: Partial<Weights> = {};
  for (const part of spec.split(",").map((p) => p.trim()).filter(Boolean)) {
    const m = /^([a-z]+)\s*=\s*(\d+(?:\.\d+)?)$/.exec(part);
    if (!m) throw new InvalidArgumentError(`"${part}" is not criterion=weight (criteria: ${CRITERION_IDS.join(", ")})`);
    if (!(CRITERION_IDS as string[]).includes(m[1]!)) throw new InvalidArgumentError(`unknown criterion "${m[1]}"; criteria: ${CRITERION_IDS.join(", ")}`);
    out[m[1] as CriterionId] = Number(m[2]);
  }
  return out;
}

const positive = (name: string) => (v: string) => {
  if (!/^\d+(\.\d+)?$/.test(v) || Number(v) <= 0) throw new InvalidArgumentError(`${name} takes a number above 0`);
  return Number(v);
};

export function registerNeighbourhood(analyse: Command): void {
  analyse
    .command("neighbourhood")
    .alias("neighborhood")
    .description("design an assembly of a country's neighbours: land and maritime neighbours, existing bodies, ranked candidate memberships")
    .argument("<country>", "ISO 3166-1 alpha-3 code (IRN), or the id or a name of a state")
    .option("--as-of <date>", "only memberships that may hold on this date (YYYY[-MM[-DD]]); default: every recorded membership")
    .option("--weights <list>", `criterion weights, e.g. coverage=0.5,cohesion=0.2; criteria left out keep their defaults (${CRITERION_IDS.map((c) => `${c}=${DEFAULT_WEIGHTS[c]}`).join(",")})`, parseWeights)
    .option("--limit <n>", "at most this many candidates", positive("--limit"))
    .option("--distance-scale <km>", "distance at which the distance score is one half (default 1000)", positive("--distance-scale"))
    .option("--maritime-table <file>", "maritime-neighbours table to use instead of data/reference/maritime-neighbours.yaml")
    .action((country: string, _o, cmd: Command) => neighbourhoodCommand(country, cmd.optsWithGlobals() as NeighbourhoodOptions));
}

export async function neighbourhoodCommand(country: string, opts: NeighbourhoodOptions): Promise<void> {
  if (opts.limit !== undefined && !Number.isInteger(opts.limit)) throw new InputError("--limit takes a whole number");
  await withStore(opts, async (store) => {
    const design = await designNeighbourhood(store, country, {
      asOf: opts.asOf,
      weights: opts.weights,
      limit: opts.limit,
      distanceScaleKm: opts.distanceScale,
      maritimeTable: opts.maritimeTable,
    });
    if (opts.json) return printJson(design);
    print(renderNeighbourhood(design));
  });
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const num = (x: number) => x.toFixed(2);
const km = (x: number | null) => (x === null ? "" : Math.round(x).toLocaleString("en-US"));

/** The design as a text report. */
export function renderNeighbourhood(d: NeighbourhoodDesign): string {
  const out: string[] = [];
  const who = `${d.country.name} (${d.country.country})`;
  out.push(`Neighbourhood assembly designer: ${who}`);
  out.push(d.asOf ? `Memberships that may hold on ${d.asOf}.` : "Every recorded membership, whatever its dates (use --as-of to pick a date).");
  out.push("");

  out.push(`Land neighbours (${d.land.length}), from ${LAND_SOURCE.split(":")[0]}`);
  out.push(d.land.length ? table(["code", "name", "km"], d.land.map((n) => [n.country, n.name, km(n.distanceKm)])) : "  none");
  out.push("");
  out.push(`Maritime neighbours (${d.maritime.length}), from the maritime table`);
  out.push(
    d.maritime.length
      ? table(
          ["code", "name", "km", "sea", "basis", "source"],
          d.maritime.flatMap((n) => n.links.map((l, i) => [i ? "" : n.country, i ? "" : n.name, i ? "" : km(n.distanceKm), l.seaName, l.basis, l.source])),
        )
      : "  none",
  );
  out.push("");

  out.push(`Existing bodies that bring ${d.country.name} together with neighbours (${d.neighbours.length} neighbours in all)`);
  if (d.existingBodies.length) {
    out.push(
      table(
        ["body", "kind", `${d.country.country} membership`, "neighbours in it", "coverage"],
        d.existingBodies.map((e) => [
          e.body.name,
          e.body.kind,
          e.country.map((m) => [m.role ?? "member", m.via ? `via ${m.via}` : "", m.start ? `from ${formatDate(m.start)}` : ""].filter(Boolean).join(" ")).join("; "),
          e.neighbours.map((m) => `${m.country}${m.role ? ` (${m.role})` : ""}${m.via ? ` via ${m.via}` : ""}`).join(", "),
          `${e.coverage.count}/${e.coverage.total} ${pct(e.coverage.share)}`,
        ]),
      ),
    );
  } else out.push("  none recorded");
  if (d.otherBodies.length) out.push(`Also a member of (no neighbour recorded in it): ${d.otherBodies.map((o) => o.body.name).join(", ")}`);
  out.push("");

  const w = d.criteria.map((c) => `${c.criterion} ${c.weight}`).join(", ");
  out.push(`Candidate memberships, ranked by total score (weights: ${w})`);
  const value = (c: NeighbourhoodDesign["candidates"][number], id: CriterionId) => c.criteria.find((x) => x.criterion === id)!.value;
  out.push(
    table(
      ["#", "candidate", "kind", `${d.country.country} in it`, "members", "coverage", "proximity", "cohesion", "total"],
      d.candidates.map((c) => [
        c.rank,
        c.label,
        c.kind,
        c.countryIsMember ? "yes" : "not recorded",
        c.members.length,
        num(value(c, "coverage")),
        num(value(c, "proximity")),
        num(value(c, "cohesion")),
        num(c.total),
      ]),
    ),
  );
  const best = d.candidates[0];
  if (best) {
    out.push("");
    out.push(`Top candidate, criterion by criterion: ${best.label}`);
    out.push(`  members: ${best.members.join(" ")}`);
    for (const c of best.criteria) {
      const detail = Object.entries(c.detail)
        .map(([k, v]) => `${k} ${v ?? "n/a"}`)
        .join(", ");
      out.push(`  ${c.label.padEnd(10)} ${num(c.value)} × ${num(c.normalisedWeight)} = ${num(c.contribution)}  (${detail})`);
    }
  }
  out.push("");

  out.push("Criteria and the considerations of the proposal they stand for");
  for (const k of d.considerations) {
    const measured = k.criteria.length ? k.criteria.map((id) => `${id} (weight ${d.weights[id]})`).join(", ") : "not scored";
    out.push(`  ${k.label}: ${measured}`);
    for (const c of k.criteria) out.push(`    ${c}: ${d.criteria.find((x) => x.criterion === c)!.measures}`);
    if (k.note) out.push(`    ${k.note}`);
    for (const q of k.quotes) {
      out.push(quoteLines(q.quote, "    "));
      out.push(`      ${q.source}${q.start !== undefined ? ` chars ${q.start}-${q.end}` : ""}`);
    }
  }
  out.push("");
  out.push("Notes");
  for (const n of d.notes) out.push(`  - ${n}`);
  return out.join("\n");
}
