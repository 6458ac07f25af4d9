// The API benchmark: a generated database of 100,000 actors and 1,000,000 events, the real server in a child process
// on loopback, and autocannon from this process for 30 s at 100 connections on actor pages and searches.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { GENERATOR_VERSION, actorName, generate } from "./generate.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
export const cli = join(root, "packages/cli/dist/main.js");
const out = join(here, "out");
const ACTORS = Number(process.env.BENCH_ACTORS ?? 100_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);
// Server processes (`diplograph serve --workers`): two, as one would deploy on this project's 2-core machine.
const WORKERS = process.env.BENCH_WORKERS ?? "2";
const TARGET_P99_MS = 50;
// Seconds of warm-up before measuring: the page cache, the JIT, and each server process reading the names into memory.
const WARMUP = Number(process.env.BENCH_WARMUP ?? 10);

/** The database, built once per generator version and size, then reused. */
export async function database() {
  const db = join(out, `bench-v${GENERATOR_VERSION}-${ACTORS}-${EVENTS}.db`);
  if (existsSync(db)) {
    console.log(`Using the cached database ${db}`);
    return db;
  }
  mkdirSync(out, { recursive: true });
  const dataset = join(out, `dataset-v${GENERATOR_VERSION}`);
  rmSync(dataset, { recursive: true, force: true });
  let t = Date.now();
  await generate(dataset, { actors: ACTORS, events: EVENTS, relations: Math.round(EVENTS / 5) });
  console.log(`Generated ${ACTORS} actors, ${EVENTS} events and ${Math.round(EVENTS / 5)} relations in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  const tmp = `${db}.building`;
  for (const s of ["", "-wal", "-shm"]) rmSync(tmp + s, { force: true });
  t = Date.now();
  const r = spawnSync(process.execPath, [cli, "--db", tmp, "import", dataset, "--quiet"], { stdio: "inherit" });
  if (r.status !== 0) throw new Error("import failed");
  // Fold the WAL into the file so the renamed database is complete.
  spawnSync(process.execPath, ["-e", `const D=require(${JSON.stringify(join(root, "node_modules/better-sqlite3"))});const d=new D(${JSON.stringify(tmp)});d.pragma("wal_checkpoint(TRUNCATE)");d.close()`], { stdio: "inherit" });
  console.log(`Imported in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  renameSync(tmp, db);
  rmSync(`${tmp}-wal`, { force: true });
  rmSync(`${tmp}-shm`, { force: true });
  rmSync(dataset, { recursive: true, force: true });
  return db;
}

export function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
    s.on("error", rej);
  });
}

async function startServer(db) {
  const port = await freePort();
  const child = spawn(process.execPath, [cli, "--db", db, "serve", "--port", String(port), "--no-seed", "--workers", WORKERS], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise((res, rej) => {
    let text = "";
    child.stdout.on("data", (d) => {
      text += d;
      if (text.includes("serving")) res();
    });
    child.on("exit", (code) => rej(new Error(`server exited with ${code}`)));
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

/** Deterministic variety: actor pages of random actors; searches by a word's prefix, a whole name, a Persian alias. */
export function requests(kind) {
  let n = 0;
  const r = () => {
    n = (n * 1103515245 + 12345) % 2147483648;
    return n / 2147483648;
  };
  return (req) => {
    const i = Math.floor(r() * ACTORS);
    if (kind === "actor page") return { ...req, path: `/api/actors/a${i}` };
    const a = actorName(i);
    const pick = r();
    const q = pick < 0.5 ? a.words[0].slice(0, 4 + Math.floor(r() * 3)) : pick < 0.8 ? a.name : a.fa.split(" ").at(-1);
    return { ...req, path: `/api/actors?q=${encodeURIComponent(q)}&limit=20` };
  };
}

function run(url, kind, connections, duration = DURATION) {
  return new Promise((res, rej) => {
    const inst = autocannon({ url, connections, duration, requests: [{ method: "GET", setupRequest: requests(kind) }] }, (err, result) => (err ? rej(err) : res(result)));
    void inst;
  });
}

// Run only when started, not when profile.mjs imports the helpers above.
if (process.argv[1] === fileURLToPath(import.meta.url)) await main();

async function main() {
  const db = await database();
  const { child, url } = await startServer(db);
  try {
    // Warm up the page cache and the JIT before measuring.
    await Promise.all([run(url, "actor page", 10, WARMUP), run(url, "search", 10, WARMUP)]);
  } catch {}
  let results;
  try {
    console.log(`Machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}; server: ${WORKERS} worker process(es); load average before the run ${loadavg().map((x) => x.toFixed(2)).join(", ")}`);
    console.log(`Driving ${url} for ${DURATION} s at ${CONNECTIONS} connections (half actor pages, half searches)…`);
    const half = Math.floor(CONNECTIONS / 2);
    const [pages, searches] = await Promise.all([run(url, "actor page", half), run(url, "search", CONNECTIONS - half)]);
    results = { "actor page": pages, search: searches };
  } finally {
    child.kill("SIGTERM");
  }
  console.log("\nkind          requests   req/s   p50 ms  p90 ms  p99 ms  max ms  errors  non-2xx  target p99 < 50 ms");
  let ok = true;
  for (const [kind, r] of Object.entries(results)) {
    const errors = r.errors + r.timeouts;
    const met = r.latency.p99 < TARGET_P99_MS && errors === 0 && r.non2xx === 0;
    ok &&= met;
    console.log(
      `${kind.padEnd(12)}  ${String(r.requests.total).padStart(8)}  ${String(Math.round(r.requests.average)).padStart(6)}  ${String(r.latency.p50).padStart(6)}  ${String(r.latency.p90).padStart(6)}  ${String(r.latency.p99).padStart(6)}  ${String(r.latency.max).padStart(6)}  ${String(errors).padStart(6)}  ${String(r.non2xx).padStart(7)}  ${met ? "met" : "NOT met"}`,
    );
  }
  console.log(`Load average after the run: ${loadavg().map((x) => x.toFixed(2)).join(", ")}`);
  process.exitCode = ok ? 0 : 1;
}
