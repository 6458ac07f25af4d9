// Import benchmark: 1,000,000 generated relation and event rows into SQLite with full validation; prints rows/s
// beside the peer (Python csv + sqlite3 executemany, no validation) on the same files.
import { execFileSync } from "node:child_process";
import { existsSync, rmSync, statSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { importDataset } from "@diplograph/ingest";
import { Store } from "@diplograph/store";
import { DiplographError } from "@diplograph/model";
import { generate } from "./generate.mjs";

process.on("unhandledRejection", (e) => {
  process.stderr.write(`${e instanceof DiplographError ? e.message.split("\n").slice(0, 6).join("\n") : e?.stack}\n`);
  process.exit(1);
});

const here = fileURLToPath(new URL(".", import.meta.url));
const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const out = join(here, "out");
const data = join(out, `dataset-${rows}`);
const db = join(out, "bench.db");

if (!existsSync(join(data, "events", "events.csv"))) {
  process.stderr.write(`generating ${rows.toLocaleString("en-US")} rows into ${data} …\n`);
  await generate(data, { relations: rows / 2, events: rows / 2 });
}
for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });

const phases = {};
let phase;
const mark = (p) => {
  const now = performance.now();
  if (phase !== p) {
    phases[p] = { start: now };
    if (phase) phases[phase].end = now;
    phase = p;
  }
};
const t0 = performance.now();
const store = await Store.open(db);
const summary = await importDataset(store, data, {
  onProgress: (p, done, total) => {
    mark(p);
    if (p === "write" && done % 200_000 < 20_000) process.stderr.write(`  write ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")}\n`);
  },
});
await store.close();
const secs = (performance.now() - t0) / 1000;
if (phase) phases[phase].end = performance.now();
const loaded = summary.records.relations + summary.records.events;
const ours = loaded / secs;

let peer = null;
try {
  const res = execFileSync("/usr/bin/python3", [join(here, "peer.py"), data, join(out, "peer.db")], { encoding: "utf8" }).trim().split(" ");
  peer = { rows: Number(res[0]), secs: Number(res[1]) };
} catch (e) {
  process.stderr.write(`peer did not run: ${e.message}\n`);
}

const fmt = (n) => Math.round(n).toLocaleString("en-US");
console.log(`\nImport benchmark (${cpus().length} cores, ${cpus()[0]?.model ?? "cpu"}, Node ${process.version})`);
console.log(`dataset: ${fmt(loaded)} relation and event rows, ${fmt(summary.records.actors)} actors, ${fmt(summary.records.claims)} claims (one per row)`);
console.log(`phases: ${Object.entries(phases).map(([k, v]) => `${k} ${((v.end - v.start) / 1000).toFixed(1)} s`).join(", ")}; database ${(statSync(db).size / 1e6).toFixed(0)} MB`);
console.log("");
console.log("tool                                            rows      seconds   rows/s");
console.log(`diplograph import (full validation, SQLite)  ${fmt(loaded).padStart(10)}  ${secs.toFixed(2).padStart(8)}  ${fmt(ours).padStart(9)}`);
if (peer) console.log(`peer: python csv + sqlite3 (no validation)  ${fmt(peer.rows).padStart(10)}  ${peer.secs.toFixed(2).padStart(8)}  ${fmt(peer.rows / peer.secs).padStart(9)}`);
if (peer) console.log(`ratio diplograph / peer: ${(ours / (peer.rows / peer.secs)).toFixed(2)}`);
console.log(`target: 200,000 rows/s — ${ours >= 200_000 ? "met" : "NOT met"}`);
