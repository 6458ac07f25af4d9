// Per-kind throughput of one server process (its CPU per request), autocannon in this process.
import { spawn } from "node:child_process";
import autocannon from "autocannon";
import { cli, database, freePort, requests } from "/work/main/bench/api/run.mjs";
const db = await database();
const port = await freePort();
const child = spawn(process.execPath, [cli, "--db", db, "serve", "--port", String(port), "--no-seed"], { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env } });
await new Promise((res) => child.stdout.on("data", (d) => String(d).includes("serving") && res()));
const url = `http://127.0.0.1:${port}`;
const drive = (k, s) => new Promise((res, rej) => autocannon({ url, connections: 10, duration: s, requests: [{ method: "GET", setupRequest: requests(k) }] }, (e, r) => (e ? rej(e) : res(r))));
for (const k of ["actor page", "search"]) { await drive(k, 3); const r = await drive(k, 8); console.log(`${k}: ${Math.round(r.requests.average)} req/s → ${(1000 / r.requests.average * 1000).toFixed(0)} µs/request`); }
child.kill();
