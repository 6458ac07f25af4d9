// Diplograph's side of the analysis benchmark: one process, every graph; prints timings and writes values as JSON.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { UndirectedGraph } from "graphology";
import { betweenness, betweennessSampled, louvain, pagerank, toCsr } from "../../packages/analysis/dist/index.js";
import { GRAPHS } from "./generate.mjs";

const out = process.argv[2];
const repeats = Number(process.env.BENCH_REPEATS ?? 5);
const results = {};

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** Wall-clock and CPU seconds of the fastest of `runs` runs. */
function time(fn, runs = 1) {
  let best = Infinity;
  let cpu = Infinity;
  let value;
  for (let i = 0; i < runs; i++) {
    const c0 = cpuNow();
    const t0 = performance.now();
    value = fn();
    const wall = (performance.now() - t0) / 1000;
    if (wall < best) [best, cpu] = [wall, cpuNow() - c0];
  }
  return { seconds: best, cpu, value };
}

const inOrder = (values, n) => Array.from({ length: n }, (_, i) => values[String(i)]);

for (const { name, n } of GRAPHS) {
  const text = readFileSync(join(out, `${name}.txt`), "utf8");
  const pivots = readFileSync(join(out, `${name}.pivots.txt`), "utf8").trim().split("\n");
  const lines = text.trim().split("\n");
  const build = time(() => {
    const graph = new UndirectedGraph();
    for (let i = 0; i < n; i++) graph.addNode(String(i));
    for (let l = 1; l < lines.length; l++) {
      const line = lines[l];
      const space = line.indexOf(" ");
      graph.addEdge(line.slice(0, space), line.slice(space + 1));
    }
    // The CSR form every metric runs on, built once and cached on the graph.
    const csr = toCsr(graph);
    return { graph, csr };
  });
  const { graph } = build.value;
  const r = (results[name] = { build: build.seconds });
  const log = (task, t) => process.stderr.write(`  diplograph ${name} ${task}: ${t.toFixed(3)} s\n`);
  log("build", build.seconds);
  if (n <= 10_000) {
    const bc = time(() => betweenness(graph, { normalized: false }));
    r.betweenness = { seconds: bc.seconds, cpu: bc.cpu, values: inOrder(bc.value, n) };
    log("betweenness", bc.seconds);
  }
  const pr = time(() => pagerank(graph), repeats);
  r.pagerank = { seconds: pr.seconds, cpu: pr.cpu, values: inOrder(pr.value, n) };
  log("pagerank", pr.seconds);
  if (n === 5_000 || n === 100_000) {
    const sb = time(() => betweennessSampled(graph, pivots, { normalized: false }));
    r.sampled = { seconds: sb.seconds, cpu: sb.cpu, values: inOrder(sb.value, n) };
    log("sampled betweenness", sb.seconds);
  }
  if (n === 100_000) {
    const lv = time(() => louvain(graph));
    r.louvain = { seconds: lv.seconds, cpu: lv.cpu, modularity: lv.value.modularity, count: lv.value.count };
    log("louvain", lv.seconds);
  }
}
writeFileSync(join(out, "results-diplograph.json"), JSON.stringify(results));
