// `diplograph serve`: the HTTP API and the web application, on the embedded database by default, with the seed
// dataset loaded on first start; one process, or several sharing the port (`--workers`).
import cluster, { type Worker } from "node:cluster";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { serve } from "@diplograph/api";
import { importDataset } from "@diplograph/ingest";
import { InputError } from "@diplograph/model";
import { Store, describeLocation } from "@diplograph/store";
import { print, type GlobalOptions } from "../context.js";

/** The seed dataset and the web build, found from this file (packages/cli/dist/commands/) so any working directory works. */
export const SEED_DIR = fileURLToPath(new URL("../../../../data/seed/", import.meta.url));
export const WEB_ROOT = fileURLToPath(new URL("../../../web/dist/", import.meta.url));

export interface ServeOptions extends GlobalOptions {
  port?: number;
  host?: string;
  seed?: boolean;
  web?: string;
  /** Server processes sharing the port: a number, or "auto" for one per core (default 1). */
  workers?: number | "auto";
}

/** What a worker tells the primary once it listens. */
interface Listening {
  diplograph: "listening";
  url: string;
}

export async function serveCommand(opts: ServeOptions): Promise<void> {
  const port = opts.port ?? (process.env.DIPLOGRAPH_PORT ? Number(process.env.DIPLOGRAPH_PORT) : 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InputError(`port "${port}" is not a TCP port (0 to 65535)`);
  const workers = opts.workers === "auto" ? availableParallelism() : (opts.workers ?? 1);
  const webRoot = opts.web ?? WEB_ROOT;
  if (cluster.isWorker) return serveWorker(opts, port, webRoot);

  const store = await Store.open(opts.db);
  try {
    if (opts.seed !== false && (await store.stats()).actors === 0 && existsSync(SEED_DIR)) {
      const started = Date.now();
      const s = await importDataset(store, SEED_DIR);
      const n = Object.values(s.records).reduce((a, b) => a + b, 0);
      print(`First start: imported the seed dataset (${n} records) into ${describeLocation(store.location)} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    }
    if (workers > 1) {
      // The workers open the database migrated and seeded: close it here, where nothing else reads it.
      const location = describeLocation(store.location);
      await store.close();
      return servePrimary(workers, location, webRoot);
    }
    const { app, url } = await serve({ store, host: opts.host ?? "127.0.0.1", port, webRoot, logger: { level: "warn" } });
    announce(describeLocation(store.location), url, webRoot);
    const stop = async () => {
      await app.close();
      await store.close();
      process.exit(0);
    };
    process.once("SIGINT", () => void stop());
    process.once("SIGTERM", () => void stop());
  } catch (e) {
    await store.close();
    throw e;
  }
}

function announce(location: string, url: string, webRoot: string, workers = 1): void {
  print(`Diplograph is serving ${location} on ${url}${workers > 1 ? ` (${workers} worker processes)` : ""}`);
  print(`  API documentation: ${url}/api/docs`);
  print(existsSync(`${webRoot}/index.html`) ? `  web application: ${url}/` : `  (no web application build in ${webRoot}; ${url}/ links to the API)`);
}

/**
 * Several server processes on one port (node:cluster: the primary accepts connections and hands them to the workers in
 * turn). Each worker opens the database itself: SQLite in WAL mode lets processes read concurrently, and a write waits
 * for another process's write (busy timeout) rather than failing.
 */
async function servePrimary(workers: number, location: string, webRoot: string): Promise<void> {
  let stopping = false;
  let ready = 0;
  let url: string | undefined;
  const started = new Map<Worker, number>();
  const fork = () => started.set(cluster.fork(), Date.now());
  cluster.on("message", (_w, m: Listening) => {
    if (m?.diplograph !== "listening") return;
    url ??= m.url;
    if (++ready === workers) announce(location, url, webRoot, workers);
  });
  cluster.on("exit", (w, code, signal) => {
    const since = started.get(w);
    started.delete(w);
    if (stopping) {
      if (started.size === 0) process.exit();
      return;
    }
    if (ready < workers || (since !== undefined && Date.now() - since < 5_000)) {
      // A worker that cannot start (the port is taken, the database is unreadable) would fail again: stop.
      process.stderr.write(`diplograph: a server process exited (${signal ?? `code ${code}`}) while starting; stopping\n`);
      stopping = true;
      for (const other of started.keys()) other.process.kill("SIGTERM");
      process.exitCode = 1;
      if (started.size === 0) process.exit();
      return;
    }
    process.stderr.write(`diplograph: a server process exited (${signal ?? `code ${code}`}); starting another\n`);
    fork();
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    if (started.size === 0) process.exit(0);
    for (const w of started.keys()) w.process.kill("SIGTERM");
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  cluster.setupPrimary({ execArgv: workerFlags(process.execArgv, process.env.NODE_OPTIONS, { workers, cores: availableParallelism() }) });
  for (let i = 0; i < workers; i++) fork();
}

const SEMI_SPACE = "--max-semi-space-size";
const SINGLE_THREADED_GC = "--single-threaded-gc";

/**
 * The workers' Node flags: the primary's, plus two for the garbage collector unless the user set them already.
 * - A young generation of 64 MB semi-spaces. A request makes many short-lived objects (rows, records, the response
 *   text); with V8's default (16 MB) the workers collected garbage so often that the benchmark ran 4–8 % slower, with
 *   a longer tail. It costs up to some 100 MB more memory per worker.
 * - When the workers are as many as the cores (or more), `--single-threaded-gc`: V8's helper threads (parallel
 *   scavenges, concurrent marking) then only take CPU from the other workers, and a worker whose helpers preempt its
 *   neighbour stretches that neighbour's event-loop turn, so every request waiting on it. Collecting on the worker's
 *   own thread served 7–10 % more requests on 2 cores (docs/design-choices.md, "Server speed"). With spare cores the
 *   helpers are free, so they stay.
 * (`--single-threaded-gc` is not allowed in NODE_OPTIONS, so only the command line can set it.)
 */
export function workerFlags(
  execArgv = process.execArgv,
  nodeOptions = process.env.NODE_OPTIONS ?? "",
  fill = { workers: 1, cores: availableParallelism() },
): string[] {
  const flags = [...execArgv];
  if (!execArgv.some((a) => a.startsWith(SEMI_SPACE)) && !nodeOptions.includes(SEMI_SPACE)) flags.push(`${SEMI_SPACE}=64`);
  const gcSet = execArgv.some((a) => a === SINGLE_THREADED_GC || a === "--no-single-threaded-gc" || a === "--single-threaded");
  if (fill.workers >= fill.cores && !gcSet) flags.push(SINGLE_THREADED_GC);
  return flags;
}

/** One of several server processes: serves until told to stop, reporting its URL to the primary. */
async function serveWorker(opts: ServeOptions, port: number, webRoot: string): Promise<void> {
  const store = await Store.open(opts.db, { mustExist: true });
  try {
    const { app, url } = await serve({ store, host: opts.host ?? "127.0.0.1", port, webRoot, logger: { level: "warn" } });
    process.send!({ diplograph: "listening", url } satisfies Listening);
    const stop = async () => {
      await app.close();
      await store.close();
      process.exit(0);
    };
    process.once("SIGINT", () => void stop());
    process.once("SIGTERM", () => void stop());
    // The primary gone (killed): stop too, rather than serve on unsupervised.
    process.once("disconnect", () => void stop());
  } catch (e) {
    await store.close();
    throw e;
  }
}
