// Where the server's CPU goes: one `diplograph serve` process under `node --cpu-prof`, driven by autocannon with the
// benchmark's requests (actor pages, searches or both) for BENCH_SECONDS, then the functions with the most self time.
// Usage: node bench/api/profile.mjs [page|search|both]   (after `npm run bench:api` has built the database)
// The first BENCH_WARMUP seconds (default 8: start-up, reading the names into memory, the JIT) are driven but not counted.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { cli, database, freePort, requests } from "./run.mjs";

const kind = process.argv[2] ?? "both";
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const dir = mkdtempSync(join(tmpdir(), "diplograph-prof-"));
const db = await database();
const port = await freePort();
const warmup = Number(process.env.BENCH_WARMUP ?? 8);
const spawned = performance.now();
const child = spawn(process.execPath, ["--cpu-prof", "--cpu-prof-dir", dir, cli, "--db", db, "serve", "--port", String(port), "--no-seed"], { stdio: ["ignore", "pipe", "inherit"] });
await new Promise((res) => child.stdout.on("data", (d) => String(d).includes("serving") && res()));
const url = `http://127.0.0.1:${port}`;
// The warm-up and the measured run ask for different actors (another seed).
let seed = 0;
const drive = (k, connections, duration = seconds) =>
  new Promise((res, rej) => autocannon({ url, connections, duration, requests: [{ method: "GET", setupRequest: requests(k, 7919 * ++seed) }] }, (e, r) => (e ? rej(e) : res(r))));
const kinds = kind === "both" ? ["actor page", "search"] : [kind === "page" ? "actor page" : "search"];
await Promise.all(kinds.map((k) => drive(k, 10, warmup)));
// Samples taken before this point (milliseconds after the server started) are start-up and warm-up.
const counted = performance.now() - spawned;
const results = await Promise.all(kinds.map((k) => drive(k, 10)));
for (const [i, r] of results.entries()) console.log(`${kinds[i]}: ${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms`);
child.kill("SIGINT");
await new Promise((res) => child.on("exit", res));

const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
const prof = JSON.parse(readFileSync(join(dir, file), "utf8"));
const self = new Map();
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const dt = new Map();
for (let i = 0, at = 0; i < prof.samples.length; i++) {
  at += prof.timeDeltas[i] ?? 0;
  if (at / 1000 >= counted) dt.set(prof.samples[i], (dt.get(prof.samples[i]) ?? 0) + (prof.timeDeltas[i] ?? 0));
}
let total = 0;
for (const [id, t] of dt) {
  const n = byId.get(id);
  const f = n.callFrame;
  const key = `${f.functionName || "(anonymous)"} ${f.url.split("/").slice(-2).join("/")}:${f.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + t);
  if (f.functionName !== "(idle)") total += t;
}
console.log(`\nbusy ${(total / 1e6).toFixed(1)} s; top self time:`);
for (const [k, t] of [...self].filter(([k]) => !k.startsWith("(idle)")).sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${((100 * t) / total).toFixed(1).padStart(5)} %  ${k}`);
// Inclusive time: a sample counts for every distinct function on its stack.
const parent = new Map();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map();
for (const [id, t] of dt) {
  const seen = new Set();
  for (let n = id; n !== undefined; n = parent.get(n)) {
    const f = byId.get(n).callFrame;
    if (f.functionName === "(idle)" || f.functionName === "(root)") continue;
    const key = `${f.functionName || "(anonymous)"} ${f.url.split("/").slice(-2).join("/")}:${f.lineNumber + 1}`;
    if (seen.has(key)) continue;
    seen.add(key);
    incl.set(key, (incl.get(key) ?? 0) + t);
  }
}
console.log("\ntop inclusive time (the project's functions):");
for (const [k, t] of [...incl].filter(([k]) => k.includes("dist/")).sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${((100 * t) / total).toFixed(1).padStart(5)} %  ${k}`);
console.log(`profile: ${join(dir, file)}`);
