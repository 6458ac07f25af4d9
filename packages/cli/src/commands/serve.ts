// `diplograph serve`: the HTTP API and the web application, on the embedded database by default, with the seed
// dataset loaded on first start; one process, or several sharing the port (`--workers`).
import cluster, { type Worker } from "node:cluster";
import { existsSync } from "node:fs";
import { createServer, type AddressInfo, type Socket } from "node:net";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { serve, serveConnections } from "@diplograph/api";
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

export async function serveCommand(opts: ServeOptions): Promise<void> {
  const port = opts.port ?? (process.env.DIPLOGRAPH_PORT ? Number(process.env.DIPLOGRAPH_PORT) : 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InputError(`port "${port}" is not a TCP port (0 to 65535)`);
  const workers = opts.workers === "auto" ? availableParallelism() : (opts.workers ?? 1);
  const webRoot = opts.web ?? WEB_ROOT;
  if (cluster.isWorker) return serveWorker(opts, webRoot);

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
      return servePrimary(workers, location, webRoot, opts.host ?? "127.0.0.1", port);
    }
    const host = opts.host ?? "127.0.0.1";
    const { app, url } = await serve({ store, host, port, webRoot, logger: { level: "warn" } }).catch((e: unknown) => {
      throw listenError(e, host, port);
    });
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

/** A port that cannot be had (in use, not allowed, an unknown host) is the user's to fix: a clear message, no trace. */
function listenError(e: unknown, host: string, port: number): unknown {
  const code = (e as NodeJS.ErrnoException)?.code;
  const why: Record<string, string> = {
    EADDRINUSE: "the port is in use",
    EACCES: "not allowed (ports below 1024 need privileges)",
    EADDRNOTAVAIL: "this machine has no such address",
    ENOTFOUND: "no such host",
  };
  return code && why[code] ? new InputError(`cannot listen on ${host} port ${port}: ${why[code]}`) : e;
}

function announce(location: string, url: string, webRoot: string, workers = 1): void {
  print(`Diplograph is serving ${location} on ${url}${workers > 1 ? ` (${workers} worker processes)` : ""}`);
  print(`  API documentation: ${url}/api/docs`);
  print(existsSync(`${webRoot}/index.html`) ? `  web application: ${url}/` : `  (no web application build in ${webRoot}; ${url}/ links to the API)`);
}

/**
 * Several server processes on one port. The primary listens and hands each new connection to the worker that has the
 * fewest open (`Balancer`); each worker opens the database itself: SQLite in WAL mode lets processes read
 * concurrently, and a write waits for another process's write (busy timeout) rather than failing.
 *
 * Why not node:cluster's own sharing of the port: its primary gives each connection to whichever worker took the last
 * one in soonest, so a burst of new keep-alive connections (a proxy's pool, a load test) splits unevenly, 42 to 60
 * of 100 in the API benchmark, and the busier worker's clients then wait up to half as long again (p50 26 against
 * 16 ms, p99 56 against 39 ms) for as long as the connections last. Counting open connections splits them evenly.
 */
async function servePrimary(workers: number, location: string, webRoot: string, host: string, port: number): Promise<void> {
  let stopping = false;
  let ready = 0;
  const started = new Map<Worker, number>();
  const balancer = new Balancer<Worker>();
  // Connections taken in while no worker is ready (start-up): handed on as soon as one is.
  const waiting: Socket[] = [];
  const hand = (socket: Socket) => {
    const w = balancer.pick();
    if (!w) return void waiting.push(socket);
    balancer.opened(w);
    w.send({ diplograph: "connection" } satisfies ToWorker, socket, (e) => {
      if (!e) return;
      balancer.closed(w);
      socket.destroy();
    });
  };
  const server = createServer({ pauseOnConnect: true }, hand);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ host, port }, () => {
      server.off("error", reject);
      resolve();
    });
  }).catch((e: unknown) => {
    throw listenError(e, host, port);
  });
  const address = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;

  const fork = () => started.set(cluster.fork(), Date.now());
  cluster.on("message", (w, m: FromWorker) => {
    if (m?.diplograph === "closed") balancer.closed(w);
    if (m?.diplograph !== "ready") return;
    balancer.add(w);
    for (const socket of waiting.splice(0)) hand(socket);
    if (++ready === workers) announce(location, url, webRoot, workers);
  });
  cluster.on("exit", (w, code, signal) => {
    const since = started.get(w);
    started.delete(w);
    balancer.remove(w);
    if (stopping) {
      if (started.size === 0) process.exit();
      return;
    }
    if (ready < workers || (since !== undefined && Date.now() - since < 5_000)) {
      // A worker that cannot start (the database is unreadable) would fail again: stop.
      process.stderr.write(`diplograph: a server process exited (${signal ?? `code ${code}`}) while starting; stopping\n`);
      stopping = true;
      server.close();
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
    server.close();
    if (started.size === 0) process.exit(0);
    for (const w of started.keys()) w.process.kill("SIGTERM");
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  cluster.setupPrimary({ execArgv: workerFlags(process.execArgv, process.env.NODE_OPTIONS, { workers, cores: availableParallelism() }) });
  for (let i = 0; i < workers; i++) fork();
}

/** What the primary tells a worker: here is a new connection (the socket comes with the message). */
interface ToWorker {
  diplograph: "connection";
}

/** What a worker tells the primary: it is ready for connections, or one of its connections has closed. */
interface FromWorker {
  diplograph: "ready" | "closed";
}

/**
 * Least connections: the next connection goes to the worker with the fewest open, and among equals to the next one
 * after the last chosen (so that short connections, one at a time, still go round the workers). Open counts go up
 * when the primary hands a connection on and down when the worker reports it closed.
 */
export class Balancer<W> {
  private readonly workers: W[] = [];
  private readonly open = new Map<W, number>();
  private last = -1;

  add(w: W): void {
    if (this.open.has(w)) return;
    this.workers.push(w);
    this.open.set(w, 0);
  }

  remove(w: W): void {
    const i = this.workers.indexOf(w);
    if (i < 0) return;
    this.workers.splice(i, 1);
    this.open.delete(w);
    if (i <= this.last) this.last--;
  }

  /** The worker to take the next connection, or undefined while there is none. */
  pick(): W | undefined {
    const n = this.workers.length;
    let best = -1;
    let fewest = Infinity;
    for (let k = 1; k <= n; k++) {
      const i = (this.last + k) % n;
      const open = this.open.get(this.workers[i]!)!;
      if (open < fewest) {
        best = i;
        fewest = open;
      }
    }
    if (best < 0) return undefined;
    this.last = best;
    return this.workers[best];
  }

  opened(w: W): void {
    const n = this.open.get(w);
    if (n !== undefined) this.open.set(w, n + 1);
  }

  closed(w: W): void {
    const n = this.open.get(w);
    if (n) this.open.set(w, n - 1);
  }

  /** Each worker's open connections, in the order they were added. */
  counts(): number[] {
    return this.workers.map((w) => this.open.get(w)!);
  }
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

/** One of several server processes: serves the connections the primary hands it until told to stop. */
async function serveWorker(opts: ServeOptions, webRoot: string): Promise<void> {
  const store = await Store.open(opts.db, { mustExist: true });
  try {
    const { app, accept } = await serveConnections({ store, webRoot, logger: { level: "warn" } });
    const closed = () => {
      if (process.connected) process.send!({ diplograph: "closed" } satisfies FromWorker);
    };
    process.on("message", (m: ToWorker, socket?: Socket) => {
      if (m?.diplograph !== "connection" || !socket) return;
      socket.once("close", closed);
      accept(socket);
    });
    process.send!({ diplograph: "ready" } satisfies FromWorker);
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
