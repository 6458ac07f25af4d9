// The API benchmark: a generated database of 100,000 actors and 1,000,000 events, the real server in a child process
// on loopback, and a load generator (client.mjs, or autocannon) from this process for 30 s at 100 connections on actor
// pages and searches.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { rng } from "../rng.mjs";
import { driveNet } from "./client.mjs";
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
// The load generator: this directory's lean client (client.mjs, the default) or autocannon.
const CLIENT = process.env.BENCH_CLIENT ?? "net";
if (!["net", "autocannon"].includes(CLIENT)) {
  console.error(`bench/api: BENCH_CLIENT must be net (the default) or autocannon, not "${CLIENT}"`);
  process.exit(2);
}
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

/**
 * Deterministic variety: actor pages of random actors; searches by a word's prefix, a whole name, a Persian alias.
 * `seed` picks the sequence: the warm-up and the measured run ask for different actors.
 */
export function paths(kind, seed = 0) {
  // The benchmarks' mulberry32. (The linear congruential generator used here before multiplied in doubles past 2^53,
  // lost its low bits and fell into short cycles: 15,391 distinct actors in 130,000 pages.)
  const r = rng(seed);
  return () => {
    const i = Math.floor(r() * ACTORS);
    if (kind === "actor page") return `/api/actors/a${i}`;
    const a = actorName(i);
    const pick = r();
    const q = pick < 0.5 ? a.words[0].slice(0, 4 + Math.floor(r() * 3)) : pick < 0.8 ? a.name : a.fa.split(" ").at(-1);
    return `/api/actors?q=${encodeURIComponent(q)}&limit=20`;
  };
}

/** The same requests as autocannon's `setupRequest`. */
export function requests(kind, seed = 0) {
  const next = paths(kind, seed);
  return (req) => ({ ...req, path: next() });
}

const KINDS = ["actor page", "search"];

/**
 * Drive the server with client.mjs (the default) or, with BENCH_CLIENT=autocannon, with one autocannon instance.
 * Autocannon: one instance whose every connection alternates an actor page and a search, so both kinds share the
 * connections and the client's event loop alike. (Two instances in one process, one per kind, measured the second
 * one started with a tail some 15 ms longer, whichever kind it drove: its sockets were read after the first's.)
 * Latencies are recorded per kind from autocannon's response events (fractional milliseconds, not its histogram).
 */
let drives = 0;
export function drive(url, connections, duration = DURATION) {
  const seed = 7919 * ++drives;
  if (CLIENT === "net") {
    const next = Object.fromEntries(KINDS.map((k) => [k, paths(k, seed)]));
    const started = performance.now();
    const onSecond = (done) => {
      const s = (performance.now() - started) / 1000;
      if (connections === CONNECTIONS && Math.round(s) % 5 === 0) process.stdout.write(`  ${Math.round(s)} s: ${done} requests, ${Math.round(done / s)}/s, ${Math.max(0, Math.round(duration - s))} s left\n`);
    };
    return driveNet({ port: Number(new URL(url).port), connections, seconds: duration, kinds: KINDS, next: (k) => next[k](), onSecond });
  }
  const latencies = Object.fromEntries(KINDS.map((k) => [k, []]));
  const non2xx = Object.fromEntries(KINDS.map((k) => [k, 0]));
  return new Promise((res, rej) => {
    const inst = autocannon(
      { url, connections, duration, requests: KINDS.map((k) => ({ method: "GET", setupRequest: requests(k, seed) })) },
      (err, result) => (err ? rej(err) : res({ latencies, non2xx, errors: result.errors + result.timeouts, duration })),
    );
    inst.on("response", (client, status, _bytes, ms) => {
      const kind = KINDS[client.requestIterator.currentRequestIndex];
      if (status >= 200 && status < 300) latencies[kind].push(ms);
      else non2xx[kind]++;
    });
  });
}

/** The value at percentile p of ascending numbers (nearest rank), in whole milliseconds as autocannon prints them. */
const percentile = (sorted, p) => (sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]) : NaN);

// Run only when started, not when profile.mjs imports the helpers above.
if (process.argv[1] === fileURLToPath(import.meta.url)) await main();

async function main() {
  const db = await database();
  const { child, url } = await startServer(db);
  try {
    // Warm up the page cache and the JIT before measuring.
    await drive(url, 20, WARMUP);
  } catch {}
  let run;
  try {
    console.log(`Machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}; server: ${WORKERS} worker process(es); load average before the run ${loadavg().map((x) => x.toFixed(2)).join(", ")}`);
    console.log(`Driving ${url} for ${DURATION} s at ${CONNECTIONS} connections (${CLIENT === "net" ? "client.mjs" : "autocannon"}), each alternating an actor page and a search…`);
    const cpu = process.cpuUsage();
    const t = performance.now();
    run = await drive(url, CONNECTIONS);
    const used = process.cpuUsage(cpu);
    run.clientCpu = (used.user + used.system) / 1000 / (performance.now() - t);
  } finally {
    child.kill("SIGTERM");
  }
  const errors = run.errors;
  console.log("\nkind          requests   req/s   p50 ms  p90 ms  p99 ms  max ms  non-2xx  target p99 < 50 ms");
  let ok = errors === 0;
  for (const kind of KINDS) {
    const l = run.latencies[kind].sort((a, b) => a - b);
    const p99 = percentile(l, 99);
    const met = p99 < TARGET_P99_MS && run.non2xx[kind] === 0 && errors === 0;
    ok &&= met;
    console.log(
      `${kind.padEnd(12)}  ${String(l.length).padStart(8)}  ${String(Math.round(l.length / run.duration)).padStart(6)}  ${String(percentile(l, 50)).padStart(6)}  ${String(percentile(l, 90)).padStart(6)}  ${String(p99).padStart(6)}  ${String(Math.round(l.at(-1) ?? NaN)).padStart(6)}  ${String(run.non2xx[kind]).padStart(7)}  ${met ? "met" : "NOT met"}`,
    );
  }
  console.log(`Errors and timeouts (both kinds): ${errors}. The client used ${run.clientCpu.toFixed(2)} of a core. Load average after the run: ${loadavg().map((x) => x.toFixed(2)).join(", ")}`);
  process.exitCode = ok ? 0 : 1;
}
