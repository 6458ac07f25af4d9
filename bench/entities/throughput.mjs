// Throughput of the entity linker on passages of the seed documents (../shared/seeds), cut at paragraph ends into
// passages of about 600 characters. Not a unit test: run it by hand after a build.
// Run: npm run build && node bench/entities/throughput.mjs [seconds]
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Linker } from "../../packages/ingest/dist/index.js";

const seeds = fileURLToPath(new URL("../../../shared/seeds/", import.meta.url));
const seconds = Number(process.argv[2] ?? 5);

/** Paragraphs joined up to ~600 characters; long paragraphs cut at sentence ends. */
function passages(text) {
  const out = [];
  let cur = "";
  for (const para of text.split(/\n\s*\n/u)) {
    for (const sentence of para.match(/[^.!?؟]+[.!?؟]*\s*/gu) ?? []) {
      cur += sentence;
      if (cur.length >= 600) {
        out.push(cur.trim());
        cur = "";
      }
    }
    cur += "\n\n";
  }
  if (cur.trim()) out.push(cur.trim());
  return out.filter((p) => p.length > 80);
}

const all = readdirSync(seeds).filter((f) => f.endsWith(".txt")).flatMap((f) => passages(readFileSync(seeds + f, "utf8")));
const chars = all.reduce((n, p) => n + p.length, 0);
let t = performance.now();
const linker = Linker.standard();
console.log(`build: ${Math.round(performance.now() - t)} ms, ${linker.size} actors`);
console.log(`passages: ${all.length}, mean ${Math.round(chars / all.length)} characters`);

for (let i = 0; i < 3; i++) for (const p of all) linker.find(p); // warm-up
let n = 0;
let mentions = 0;
t = performance.now();
const end = t + seconds * 1000;
while (performance.now() < end) {
  for (const p of all) {
    mentions += linker.find(p).length;
    n++;
  }
}
const s = (performance.now() - t) / 1000;
console.log(`find: ${Math.round(n / s)} passages/s, ${((n * chars) / all.length / s / 1e6).toFixed(2)} M characters/s, ${(mentions / n).toFixed(1)} mentions per passage`);
