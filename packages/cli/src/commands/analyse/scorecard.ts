// `diplograph analyse scorecard` and `analyse frameworks`: score an actor against a framework file, with the evidence.
import type { Command } from "commander";
import {
  findFramework,
  loadFrameworks,
  parseWindow,
  scoreActor,
  type EvidenceClaim,
  type IndicatorResult,
  type LoadedFramework,
  type Scorecard,
} from "@diplograph/analysis";
import { print, printJson, withStore, type GlobalOptions } from "../../context.js";

interface ScorecardOptions extends GlobalOptions {
  from?: string;
  to?: string;
  frameworks?: string[];
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

/** A quote on one line, cut to `max` characters. */
function abbreviate(quote: string | undefined, max = 110): string {
  if (!quote) return "";
  const one = quote.replace(/\s+/g, " ").trim();
  return one.length > max ? `${one.slice(0, max - 1).trimEnd()}…` : one;
}

function fmtClaim(c: EvidenceClaim): string {
  const where = c.locator.start !== undefined ? ` chars ${c.locator.start}-${c.locator.end}` : c.locator.page ? ` p. ${c.locator.page}` : "";
  return `${c.source}${where} [${c.status}]${c.quote ? `: “${abbreviate(c.quote)}”` : ""}`;
}

const fmtScore = (x: number) => x.toFixed(2);

function fmtValue(i: IndicatorResult): string {
  if (i.measure === "ratio") return `${i.numerator ?? 0}/${i.denominator ?? 0} = ${i.value}`;
  if (i.figure !== undefined) return `${i.value} (recorded ${i.recorded}, reported figure ${i.figure})`;
  return String(i.value);
}

function fmtWindow(w: { from?: string; to?: string }): string {
  if (!w.from && !w.to) return "all dates (undated records count)";
  return `${w.from ?? "…"} to ${w.to ?? "…"} (records that may hold in it, undated ones included)`;
}

/** The scorecard for people: each dimension with its concept's words, each indicator with its evidence. */
export function formatScorecard(sc: Scorecard): string {
  const out: string[] = [];
  out.push(`${sc.framework.title}  [${sc.framework.id}${sc.framework.source ? `, after ${sc.framework.source}` : ""}]`);
  const s = sc.subject;
  out.push(`Subject: ${s.name} [${s.id}], ${s.kind}${s.country ? `, ${s.country}` : ""}`);
  if (s.parts.length) out.push(`  with its parts: ${s.parts.map((p) => `${p.name} [${p.id}]`).join("; ")}`);
  out.push(`Window: ${fmtWindow(sc.window)}`);
  out.push(`Score: ${fmtScore(sc.score)}  (weighted mean of ${sc.dimensions.length} dimensions, 0 to 1)`);
  sc.dimensions.forEach((d, n) => {
    out.push("");
    out.push(`${n + 1}. ${d.label}: ${fmtScore(d.score)}${d.weight !== 1 ? `  (weight ${d.weight})` : ""}${d.noEvidence ? "  (no evidence)" : ""}`);
    if (!d.concept.found) out.push(`   concept ${d.concept.id} is not in the database`);
    for (const q of d.concept.quotes.slice(0, 1)) out.push(`   ${fmtClaim(q)}`);
    for (const i of d.indicators) {
      const head = `   - ${i.label} [${i.id}, ${i.measure}${i.weight !== 1 ? `, weight ${i.weight}` : ""}]`;
      if (i.noEvidence) {
        out.push(`${head}: no evidence, score 0`);
        continue;
      }
      out.push(`${head}: ${fmtValue(i)}, score ${fmtScore(i.score)}`);
      for (const e of i.evidence) {
        out.push(`       · ${e.description}${e.via ? `  (via ${e.via})` : ""}`);
        for (const c of e.claims) out.push(`         ${fmtClaim(c)}`);
        if (e.claims.length === 0) out.push("         (no claim recorded)");
      }
    }
  });
  return out.join("\n");
}

/** A framework without its file locator, for JSON. */
function frameworkJson(f: LoadedFramework) {
  const { lineOf: _lineOf, ...rest } = f;
  return rest;
}

export function formatFrameworks(frameworks: LoadedFramework[]): string {
  const out: string[] = [];
  for (const f of frameworks) {
    out.push(`${f.id}: ${f.title}`);
    out.push(`  applies to: ${f.subjects.join(", ")}${f.source ? `; source: ${f.source}` : ""}; file: ${f.file}`);
    f.dimensions.forEach((d, n) => {
      out.push(`  ${n + 1}. ${d.label ?? d.id} (concept ${d.concept}${d.weight !== 1 ? `, weight ${d.weight}` : ""})`);
      for (const i of d.indicators) out.push(`       - ${i.id}: ${i.label} [${i.measure}]`);
    });
    out.push("");
  }
  return out.join("\n").trimEnd();
}

async function scorecardCommand(frameworkId: string, actor: string, opts: ScorecardOptions): Promise<void> {
  const window = parseWindow(opts.from, opts.to);
  const framework = findFramework(loadFrameworks({ paths: opts.frameworks ?? [] }), frameworkId);
  await withStore(opts, async (store) => {
    const sc = await scoreActor(store, framework, actor, { window });
    if (opts.json) return printJson(sc);
    print(formatScorecard(sc));
  });
}

function frameworksCommand(opts: ScorecardOptions): void {
  const frameworks = loadFrameworks({ paths: opts.frameworks ?? [] });
  if (opts.json) return printJson(frameworks.map(frameworkJson));
  print(formatFrameworks(frameworks));
}

export function registerScorecard(analyse: Command): void {
  analyse
    .command("scorecard")
    .description("score an actor against a framework (frameworks/*.yaml): each dimension and indicator with the claims behind it")
    .argument("<framework>", "framework id (see `diplograph analyse frameworks`)")
    .argument("<actor>", "id, alias or ISO 3166-1 alpha-3 code")
    .option("--from <date>", "count only what may hold on or after this date (YYYY[-MM[-DD]])")
    .option("--to <date>", "count only what may hold on or before this date")
    .option("--frameworks <path>", "also read the framework files in this folder (or this file); repeatable", collect)
    .action((framework: string, actor: string, _o, cmd: Command) => scorecardCommand(framework, actor, cmd.optsWithGlobals()));
  analyse
    .command("frameworks")
    .description("list the frameworks available for scorecards, with their dimensions and indicators")
    .option("--frameworks <path>", "also read the framework files in this folder (or this file); repeatable", collect)
    .action((_o, cmd: Command) => frameworksCommand(cmd.optsWithGlobals()));
}
