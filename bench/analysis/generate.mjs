// Writes the benchmark's seeded G(n, m) random graphs (undirected, simple) and fixed pivot lists as text files.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { rng } from "../rng.mjs";

export const GRAPHS = [
  { name: "gnm-5k", n: 5_000, m: 25_000, seed: 5 },
  { name: "gnm-10k", n: 10_000, m: 50_000, seed: 10 },
  { name: "gnm-100k", n: 100_000, m: 500_000, seed: 100 },
];
export const PIVOTS = 100;

/** Edge list: a header line `n m`, then one `u v` line per edge (u < v), nodes 0..n-1. */
function writeGraph(file, { n, m, seed }) {
  const random = rng(seed);
  const seen = new Set();
  const lines = [`${n} ${m}`];
  while (seen.size < m) {
    const a = Math.floor(random() * n);
    const b = Math.floor(random() * n);
    if (a === b) continue;
    const u = Math.min(a, b);
    const v = Math.max(a, b);
    const key = u * n + v;
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(`${u} ${v}`);
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
}

/** Pivots: every (n/100)-th node, 0, n/100, 2n/100, …, the same for every tool. */
function writePivots(file, n) {
  const step = Math.floor(n / PIVOTS);
  writeFileSync(file, `${Array.from({ length: PIVOTS }, (_, i) => i * step).join("\n")}\n`);
}

export function generate(out) {
  mkdirSync(out, { recursive: true });
  for (const g of GRAPHS) {
    const file = join(out, `${g.name}.txt`);
    if (!existsSync(file)) writeGraph(file, g);
    const pivots = join(out, `${g.name}.pivots.txt`);
    if (!existsSync(pivots)) writePivots(pivots, g.n);
  }
}
