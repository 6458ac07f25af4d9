// Analysis benchmark: Diplograph's metrics beside python3-igraph and NetworkX on the same seeded G(n, m) graphs.
// Each tool runs in one process over all its graphs; only the computation is timed (construction apart). Prints a
// table of times and ratios and the largest differences between the tools' values.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generate, GRAPHS } from "./generate.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const out = join(here, "out");
const skipNetworkx = process.env.BENCH_NETWORKX === "0";

process.stderr.write(`graphs in ${out}\n`);
generate(out);
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ["ignore", "inherit", "inherit"] });
run(process.execPath, [join(here, "diplograph.mjs"), out]);
run("/usr/bin/python3", [join(here, "peers.py"), "igraph", out]);
if (!skipNetworkx) run("/usr/bin/python3", [join(here, "peers.py"), "networkx", out]);

const load = (tool) => {
  try {
    return JSON.parse(readFileSync(join(out, `results-${tool}.json`), "utf8"));
  } catch {
    return {};
  }
};
const ours = load("diplograph");
const igraph = load("igraph");
const networkx = skipNetworkx ? {} : load("networkx");

const maxDiff = (a, b, scale = 1) => {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) * scale);
  return worst;
};
const fmtTime = (s) => (s === undefined ? "—" : s < 0.1 ? `${(s * 1000).toFixed(1)} ms` : `${s.toFixed(2)} s`);
const fmtRatio = (x) => (x === undefined || !Number.isFinite(x) ? "—" : `${x.toFixed(2)}×`);
const fmtDiff = (d) => (d === undefined ? "—" : d === 0 ? "0" : d.toExponential(1));

const rows = [];
const cpuRows = [];
for (const { name, n } of GRAPHS) {
  const d = ours[name] ?? {};
  const i = igraph[name] ?? {};
  const x = networkx[name] ?? {};
  // Raw betweenness differences are scaled to NetworkX's normalized values: 2/((n−1)(n−2)) undirected.
  const norm = 2 / ((n - 1) * (n - 2));
  const row = (task, key, compare) => {
    if (!d[key] && !i[key]) return;
    const ds = d[key]?.seconds;
    const is = i[key]?.seconds;
    const xs = x[key]?.seconds;
    const [dc, ic, xc] = [d[key]?.cpu, i[key]?.cpu, x[key]?.cpu];
    cpuRows.push([`${task} ${name}`, fmtTime(dc), fmtTime(ic), fmtRatio(dc / ic), fmtTime(xc), fmtRatio(xc / dc)]);
    rows.push([
      `${task} ${name}`,
      fmtTime(ds),
      fmtTime(is),
      fmtRatio(ds / is),
      fmtTime(xs),
      fmtRatio(xs / ds),
      compare(d, i, x),
    ]);
  };
  rows.push([`graph construction ${name}`, fmtTime(d.build), fmtTime(i.build), "", fmtTime(x.build), "", ""]);
  row("exact betweenness", "betweenness", (d, i, x) => {
    const parts = [];
    if (i.betweenness) {
      parts.push(`igraph raw ${fmtDiff(maxDiff(d.betweenness.values, i.betweenness.values))}`);
      parts.push(`normalized ${fmtDiff(maxDiff(d.betweenness.values, i.betweenness.values, norm))}`);
    }
    if (x.betweenness) parts.push(`nx raw ${fmtDiff(maxDiff(d.betweenness.values, x.betweenness.values))}`);
    return parts.join(", ");
  });
  row("PageRank", "pagerank", (d, i, x) =>
    [
      i.pagerank ? `igraph ${fmtDiff(maxDiff(d.pagerank.values, i.pagerank.values))}` : "",
      x.pagerank ? `nx ${fmtDiff(maxDiff(d.pagerank.values, x.pagerank.values))}` : "",
    ]
      .filter(Boolean)
      .join(", "),
  );
  row(`sampled betweenness (100 pivots)`, "sampled", (d, _i, x) =>
    x.sampled ? `nx raw ${fmtDiff(maxDiff(d.sampled.values, x.sampled.values))}` : "igraph: no fixed-pivot API in 0.10.2",
  );
  row("Louvain", "louvain", (d, i) =>
    `Q ${d.louvain.modularity.toFixed(4)} (${d.louvain.count} communities)` +
    (i.louvain ? ` vs igraph ${i.louvain.modularity.toFixed(4)} (${i.louvain.count})` : ""),
  );
}

const loadAverage = loadavg().map((l) => l.toFixed(1)).join(" ");
console.log(`\n${cpus().length} cores (${cpus()[0]?.model ?? "?"}), load average after the run ${loadAverage}\n`);
console.log("Wall-clock time of the computation (fastest of 5 runs for PageRank, one run otherwise):\n");
const header = ["task", "Diplograph", "igraph", "Dipl./igraph", "NetworkX", "NetworkX/Dipl.", "agreement (max abs diff)"];
const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
const line = (cells) => `| ${cells.map((cell, c) => cell.padEnd(widths[c])).join(" | ")} |`;
console.log(line(header));
console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
for (const r of rows) console.log(line(r));

console.log("\nCPU time of the same runs (less sensitive to other load on the machine):\n");
const cpuHeader = header.slice(0, 6);
const cpuWidths = cpuHeader.map((h, c) => Math.max(h.length, ...cpuRows.map((r) => r[c].length)));
const cpuLine = (cells) => `| ${cells.map((cell, c) => cell.padEnd(cpuWidths[c])).join(" | ")} |`;
console.log(cpuLine(cpuHeader));
console.log(`|${cpuWidths.map((w) => "-".repeat(w + 2)).join("|")}|`);
for (const r of cpuRows) console.log(cpuLine(r));
