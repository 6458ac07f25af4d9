// Web benchmark: a generated 10,000-actor / 50,000-relation database served by `diplograph serve`, its network opened
// in headless Chromium; reports the time to first render and the frame rate while ForceAtlas2 runs in its worker.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "../import/generate.mjs";
import { hasChromium, launch, serve } from "../../test/e2e/browser.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const root = join(here, "../..");
const ACTORS = Number(process.env.BENCH_ACTORS ?? 10_000);
const RELATIONS = Number(process.env.BENCH_RELATIONS ?? 50_000);
const VIEW = process.env.BENCH_VIEW ?? "multiplex";
const LAYOUT_SECONDS = Number(process.env.BENCH_LAYOUT_SECONDS ?? 8);
if (!hasChromium) {
  process.stderr.write("bench:web needs /usr/bin/chromium (apt-get install chromium)\n");
  process.exit(1);
}

const out = join(here, "out");
const data = join(out, `dataset-${ACTORS}-${RELATIONS}`);
const db = join(out, `web-${ACTORS}-${RELATIONS}.db`);
mkdirSync(out, { recursive: true });
if (!existsSync(db)) {
  if (!existsSync(join(data, "relations", "relations.csv"))) {
    process.stderr.write(`generating ${ACTORS} actors and ${RELATIONS} relations …\n`);
    await generate(data, { actors: ACTORS, relations: RELATIONS, events: 0 });
  }
  process.stderr.write("importing …\n");
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  execFileSync(process.execPath, [join(root, "packages/cli/dist/main.js"), "--db", db, "import", data], { stdio: ["ignore", "ignore", "inherit"] });
}

const server = await serve(db, ["--no-seed"]);
const browser = await launch();
try {
  // The API's answer alone, for the split between server and browser.
  let t = performance.now();
  const json = await (await fetch(`${server.url}/api/analyses/network?view=${VIEW}&metrics=degree,strength`)).json();
  const apiMs = performance.now() - t;
  const nodes = json.nodes.length;
  const edges = json.edges.length;

  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  // Every main-thread task over 50 ms (Chromium's Long Tasks API), and how late a 50 ms interval timer fires.
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
    }).observe({ type: "longtask", buffered: true });
    window.__timerLate = [];
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      window.__timerLate.push([now, now - last - 50]);
      last = now;
    }, 50);
  });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  t = performance.now();
  await page.goto(`${server.url}/network?view=${VIEW}`);
  await page.waitForFunction(() => window.__diplographNetwork?.renderedAt !== undefined, null, { timeout: 300_000 });
  const first = await page.evaluate(() => ({ renderedAt: window.__diplographNetwork.renderedAt, loadedAt: window.__diplographNetwork.loadedAt, nodes: window.__diplographNetwork.nodes, edges: window.__diplographNetwork.edges }));
  const wallMs = performance.now() - t;

  // Frames drawn while the layout runs: sigma redraws whenever the worker hands back positions.
  const snap = () => page.evaluate(() => ({ ...window.__diplographNetwork, t: performance.now() }));
  const f0 = await snap();
  await page.waitForTimeout(LAYOUT_SECONDS * 1000);
  const f1 = await snap();
  const fps = ((f1.frames - f0.frames) * 1000) / (f1.t - f0.t);
  // The longest main-thread task and timer delay within the window.
  const during = await page.evaluate(([a, b]) => {
    const inWindow = (list) => list.filter(([t]) => t >= a && t <= b).map(([, d]) => d);
    const long = window.__longTasks.filter(([t, d]) => t + d >= a && t <= b).map(([, d]) => Math.round(d));
    return { longestTask: Math.max(0, ...long), longTasks: long, timerLate: Math.max(0, ...inWindow(window.__timerLate)) };
  }, [f0.t, f1.t]);
  // Responsiveness during the layout: how late a 0 ms timer fires on the main thread.
  const lag = await page.evaluate(async () => {
    const delays = [];
    for (let i = 0; i < 20; i++) {
      const s = performance.now();
      await new Promise((r) => setTimeout(r, 0));
      delays.push(performance.now() - s);
    }
    return Math.max(...delays);
  });
  // After the layout stops (by its timer), the edges left out while it ran are drawn again, a chunk per frame.
  await page.waitForFunction(() => !window.__diplographNetwork.layoutRunning && (window.__diplographNetwork.drawnEdges ?? window.__diplographNetwork.edges) === window.__diplographNetwork.edges, null, { timeout: 120_000, polling: 100 });
  const f2 = await snap();
  const afterStop = await page.evaluate(([a, b]) => Math.max(0, ...window.__longTasks.filter(([t, d]) => t + d >= a && t <= b).map(([, d]) => d)), [f1.t, f2.t]);
  await page.screenshot({ path: join(out, "network-10k.png") });

  const result = {
    machine: `${cpus().length} cores, ${cpus()[0]?.model ?? "?"}`,
    chromium: browser.version(),
    view: VIEW,
    apiNodes: nodes,
    apiEdges: edges,
    drawnNodes: first.nodes,
    drawnEdges: first.edges,
    apiMs: Math.round(apiMs),
    firstRenderMs: Math.round(first.renderedAt),
    firstRenderAfterDataMs: Math.round(first.renderedAt - first.loadedAt),
    wallToFirstRenderMs: Math.round(wallMs),
    layoutFps: Math.round(fps * 10) / 10,
    layoutRunningThroughout: f0.layoutRunning && f1.layoutRunning,
    drawnEdgesDuringLayout: f1.drawnEdges ?? f1.edges,
    layoutAppliesPerSecond: f1.layoutApplies === undefined ? undefined : Math.round(((f1.layoutApplies - f0.layoutApplies) * 10000) / (f1.t - f0.t)) / 10,
    layoutMaxApplyMs: f1.layoutMaxApplyMs === undefined ? undefined : Math.round(f1.layoutMaxApplyMs),
    layoutApplyMs: f1.layoutApplyMs?.slice(f0.layoutApplies ?? 0),
    mainThreadLongestTaskMs: Math.round(during.longestTask),
    mainThreadLongTasks: during.longTasks,
    mainThreadMaxTimerLateMs: Math.round(during.timerLate),
    mainThreadMaxTimerDelayMs: Math.round(lag),
    longestTaskAfterLayoutMs: Math.round(afterStop),
    errors,
  };
  writeFileSync(join(out, "result.json"), JSON.stringify(result, null, 2));
  console.log(JSON.stringify(result, null, 2));
} finally {
  await browser.close();
  await server.stop();
}
