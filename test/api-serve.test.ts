// End to end: `diplograph serve` as a user starts it (child process, free port, empty database seeded on first start),
// then the API, its OpenAPI document and its rendered documentation over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync, readdirSync, readlinkSync } from "node:fs";
import { get as httpGet } from "node:http";
import { connect, type Socket } from "node:net";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { repoRoot, tmp } from "./helpers.js";
import { Balancer, workerFlags } from "../packages/cli/src/commands/serve.js";

const cli = join(repoRoot, "packages/cli/dist/main.js");

/** `serve` on a port that is taken: a clear message naming the port, exit code 1, no stack trace. */
function refusedPort(port: number, ...extra: string[]): void {
  const r = spawnSync(process.execPath, [cli, "--db", join(tmp(), "taken.db"), "serve", "--port", String(port), ...extra], { encoding: "utf8", timeout: 60_000 });
  expect(r.status).toBe(1);
  expect(r.stderr).toContain(`cannot listen on 127.0.0.1 port ${port}: the port is in use`);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

/** How many established TCP connections to local `port` each process holds (its socket descriptors against /proc/net/tcp). */
function connectionsHeld(pids: string[], port: number): number[] {
  const inodes = new Set<string>();
  for (const line of readFileSync("/proc/net/tcp", "utf8").split("\n").slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length > 9 && parseInt(f[1]!.split(":")[1]!, 16) === port && f[3] === "01") inodes.add(f[9]!);
  }
  return pids.map((pid) => readdirSync(`/proc/${pid}/fd`).filter((fd) => inodes.has(/^socket:\[(\d+)\]$/.exec(safeReadlink(`/proc/${pid}/fd/${fd}`))?.[1] ?? "")).length);
}

function safeReadlink(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return "";
  }
}

describe("the primary's choice of worker (least connections)", () => {
  it("gives each connection to the worker with the fewest open, going round among equals", () => {
    const b = new Balancer<string>();
    expect(b.pick()).toBeUndefined();
    b.add("a");
    b.add("b");
    b.add("c");
    const take = () => {
      const w = b.pick()!;
      b.opened(w);
      return w;
    };
    expect([take(), take(), take(), take()]).toEqual(["a", "b", "c", "a"]);
    expect(b.counts()).toEqual([2, 1, 1]);
    b.closed("b");
    b.closed("b"); // never below zero
    expect(take()).toBe("b");
    expect(take()).toBe("c");
    expect(b.counts()).toEqual([2, 1, 2]);
    // Short connections, one at a time: each goes to the least loaded, and among equals round the workers.
    const shortOnes = (n: number) =>
      Array.from({ length: n }, () => {
        const w = take();
        b.closed(w);
        return w;
      });
    expect(shortOnes(3)).toEqual(["b", "b", "b"]);
    b.closed("a");
    b.closed("c");
    expect(new Set(shortOnes(3))).toEqual(new Set(["a", "b", "c"]));
    b.remove("b");
    expect(b.counts()).toEqual([1, 1]);
    expect(["a", "c"]).toContain(b.pick());
    b.remove("a");
    b.remove("c");
    expect(b.pick()).toBeUndefined();
  });
});

describe("diplograph serve", () => {
  let child: ChildProcess;
  let url: string;
  let output = "";

  beforeAll(async () => {
    const db = join(tmp(), "serve.db");
    child = spawn(process.execPath, [cli, "--db", db, "serve", "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
    url = await new Promise<string>((resolve, reject) => {
      child.stdout!.on("data", (d) => {
        output += d;
        const m = /serving .* on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (m) resolve(m[1]!);
      });
      child.stderr!.on("data", (d) => (output += d));
      child.on("exit", (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
    });
  });

  afterAll(() => {
    child?.kill("SIGTERM");
  });

  it("imports the seed dataset on first start and says so", () => {
    expect(output).toMatch(/First start: imported the seed dataset/);
  });

  it("answers searches in Persian and English with the same actor", async () => {
    for (const q of ["مجلس", "Islamic Consultative Assembly"]) {
      const r = await fetch(`${url}/api/actors?q=${encodeURIComponent(q)}`);
      expect(r.status).toBe(200);
      const body = (await r.json()) as { items: Array<{ actor: { id: string } }>; total: number };
      expect(body.items[0]!.actor.id).toBe("irn-parliament");
    }
  });

  it("serves the OpenAPI document and its rendering, with every asset local", async () => {
    const doc = (await (await fetch(`${url}/api/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).length).toBeGreaterThan(20);
    const page = await fetch(`${url}/api/docs`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("swagger-ui");
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const a of assets) {
      expect(a).not.toMatch(/^https?:/);
      expect((await fetch(new URL(a, `${url}/api/docs/`))).status).toBe(200);
    }
  });

  it("answers a bad request with 400 and the field path, over HTTP", async () => {
    const r = await fetch(`${url}/api/actors?limit=9999`);
    expect(r.status).toBe(400);
    expect(((await r.json()) as { issues: Array<{ path: string }> }).issues[0]!.path).toBe("querystring.limit");
  });

  it("refuses a port in use with a clear message, in one process and with workers", () => {
    const port = Number(new URL(url).port);
    refusedPort(port);
    refusedPort(port, "--workers", "2");
  });
});

describe("diplograph serve --workers 2", () => {
  let child: ChildProcess;
  let url: string;
  let output = "";

  beforeAll(async () => {
    const db = join(tmp(), "serve-workers.db");
    child = spawn(process.execPath, [cli, "--db", db, "serve", "--port", "0", "--workers", "2"], { stdio: ["ignore", "pipe", "pipe"] });
    url = await new Promise<string>((resolve, reject) => {
      child.stdout!.on("data", (d) => {
        output += d;
        const m = /serving .* on (http:\/\/127\.0\.0\.1:\d+) \(2 worker processes\)/.exec(output);
        if (m) resolve(m[1]!);
      });
      child.stderr!.on("data", (d) => (output += d));
      child.on("exit", (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
    });
  });

  afterAll(() => {
    if (child?.exitCode === null) child.kill("SIGTERM");
  });

  it("seeds once, and every worker sees a write made through another at once, analyses included", async () => {
    expect(output.match(/First start: imported the seed dataset/g)).toHaveLength(1);
    const text = ((await (await fetch(`${url}/api/sources/seed-001?claimsLimit=0`)).json()) as { text: string }).text;
    const quote = text.slice(600, 640).trim();
    const evidence = { source: "seed-001", quote };
    const post = async (path: string, body: unknown) =>
      fetch(`${url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    // Each request on a new connection: the primary hands connections to the workers in turn.
    const get = (path: string) =>
      new Promise<any>((resolve, reject) => { // eslint-disable-line @typescript-eslint/no-explicit-any
        httpGet(`${url}${path}`, { agent: false }, (res) => {
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (d: string) => (body += d));
          res.on("end", () => resolve(JSON.parse(body)));
        }).on("error", reject);
      });
    expect((await post("/api/actors", { actor: { id: "workers-forum", kind: "forum", name: "Workers Forum" }, evidence })).status).toBe(201);
    for (let i = 0; i < 4; i++) {
      expect((await get("/api/actors/workers-forum")).actor.name).toBe("Workers Forum");
      expect((await get("/api/actors?q=workers%20forum")).items[0].actor.id).toBe("workers-forum");
      // Both workers now hold analysis data in which the forum has no relation.
      expect((await get("/api/analyses/network?view=affiliation")).nodes.some((n: { id: string }) => n.id === "workers-forum")).toBe(false);
    }
    // One write, through one worker: the other reloads its analysis data too (SQLite's data_version).
    expect((await post("/api/relations", { relation: { id: "rel-workers", kind: "member-of", from: "irn", to: "workers-forum", role: "full" }, evidence })).status).toBe(201);
    for (let i = 0; i < 4; i++) expect((await get("/api/analyses/network?view=affiliation")).nodes.some((n: { id: string }) => n.id === "workers-forum")).toBe(true);
  });

  it("runs its workers with a larger young generation, and with single-threaded GC when they fill the cores, unless the user set them", async () => {
    const workers = execFileSync("pgrep", ["-P", String(child.pid)]).toString().trim().split("\n");
    expect(workers).toHaveLength(2);
    for (const pid of workers) {
      const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      expect(argv).toContain("--max-semi-space-size=64");
      // Two workers fill a machine of two cores or fewer.
      expect(argv.includes("--single-threaded-gc")).toBe(availableParallelism() <= 2);
    }
    const spare = { workers: 2, cores: 4 };
    const full = { workers: 2, cores: 2 };
    expect(workerFlags(["--inspect"], "", spare)).toEqual(["--inspect", "--max-semi-space-size=64"]);
    expect(workerFlags(["--max-semi-space-size=16"], "", spare)).toEqual(["--max-semi-space-size=16"]);
    expect(workerFlags([], "--max-semi-space-size=8", spare)).toEqual([]);
    expect(workerFlags([], "", full)).toEqual(["--max-semi-space-size=64", "--single-threaded-gc"]);
    expect(workerFlags([], "", { workers: 3, cores: 2 })).toEqual(["--max-semi-space-size=64", "--single-threaded-gc"]);
    expect(workerFlags(["--no-single-threaded-gc"], "", full)).toEqual(["--no-single-threaded-gc", "--max-semi-space-size=64"]);
  });

  it("splits simultaneous keep-alive connections evenly between the workers", async () => {
    const port = Number(new URL(url).port);
    const workers = execFileSync("pgrep", ["-P", String(child.pid)]).toString().trim().split("\n");
    // Connections left open by the tests before (fetch keeps them alive) count too.
    const before = connectionsHeld(workers, port);
    const sockets: Socket[] = [];
    try {
      // Ten connections opened at once, each kept open after one answer.
      await Promise.all(
        Array.from({ length: 10 }, () => new Promise<void>((resolve, reject) => {
          const s = connect(port, "127.0.0.1", () => s.write("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
          sockets.push(s);
          s.once("data", () => resolve());
          s.once("error", reject);
        })),
      );
      const after = connectionsHeld(workers, port);
      expect(after.reduce((a, b) => a + b, 0)).toBe(before.reduce((a, b) => a + b, 0) + 10);
      expect(Math.max(...after) - Math.min(...after)).toBeLessThanOrEqual(1);
    } finally {
      for (const s of sockets) s.destroy();
    }
  });

  it("stops every worker on SIGTERM", async () => {
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
