// Document-ingest benchmark: the extraction pipeline (read → passages → language → dates → mentions/events) over a
// generated corpus of 200 documents (50,000+ passages, English and Persian, five formats); prints passages/s beside
// a peer, compromise (a widely used JavaScript NLP library: places, organisations, people and dates), on the same
// English passages, and the target of 1,000 passages/s.
import { existsSync, readdirSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import nlp from "compromise";
import { createPipeline, defaultPipeline, extractPassages, readDocument, splitPassages } from "@diplograph/ingest";
import { generate } from "./generate.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const docs = Number(process.env.BENCH_DOCS ?? 200);
const corpus = join(here, "out", `corpus-${docs}`);
const TARGET = 1000;

let files = existsSync(corpus) ? readdirSync(corpus).filter((f) => f.startsWith("doc-")).map((f) => join(corpus, f)).sort() : [];
if (files.length !== docs) {
  process.stderr.write(`generating ${docs} documents into ${corpus} …\n`);
  files = generate(corpus, { docs });
  process.stderr.write("generated\n");
}

async function run(pipeline) {
  const t0 = performance.now();
  let passages = 0;
  let dates = 0;
  let mentions = 0;
  let events = 0;
  const byLanguage = {};
  const english = [];
  for (const file of files) {
    const doc = await readDocument(file);
    const ps = splitPassages(doc.text, { from: doc.bodyStart });
    const out = await extractPassages(doc, ps, pipeline);
    passages += ps.length;
    for (const p of out) {
      dates += p.dates.length;
      mentions += p.mentions.length;
      events += p.events.length;
      byLanguage[p.language] = (byLanguage[p.language] ?? 0) + 1;
      if (p.language === "en") english.push(doc.text.slice(p.start, p.end));
    }
  }
  const secs = (performance.now() - t0) / 1000;
  return { passages, dates, mentions, events, secs, rate: passages / secs, byLanguage, english };
}

// A first pass warms the JIT and the page cache (and loads pdf.js); the second is measured.
await run(createPipeline());
const ours = await run(createPipeline());
// The whole pipeline: entity linking (gazetteer and Party Facts; built once, timed apart) and event proposals.
const tBuild = performance.now();
const full = await defaultPipeline();
const buildSecs = (performance.now() - tBuild) / 1000;
await run(full);
const linked = await run(full);

// The peer on English passages (the first 6,000: it is about ten times slower): compromise's places, organisations,
// people and date terms of each passage.
const sample = ours.english.slice(0, 6000);
const t0 = performance.now();
let found = 0;
for (const text of sample) {
  const d = nlp(text);
  found += d.places().length + d.organizations().length + d.people().length + d.match("#Date+").length;
}
const peerSecs = (performance.now() - t0) / 1000;
const peerRate = sample.length / peerSecs;

const fmt = (n) => Math.round(n).toLocaleString("en-US");
console.log(`Document ingest benchmark: ${files.length} documents, ${fmt(ours.passages)} passages (${Object.entries(ours.byLanguage).map(([l, n]) => `${l} ${fmt(n)}`).join(", ")}); ${cpus().length} cores, Node ${process.version}`);
console.log("");
console.log("| pipeline | passages | seconds | passages/s | found |");
console.log("|---|---:|---:|---:|---|");
console.log(`| Diplograph: read, passages, language, dates | ${fmt(ours.passages)} | ${ours.secs.toFixed(2)} | ${fmt(ours.rate)} | ${fmt(ours.dates)} dates |`);
console.log(`| Diplograph: … plus entity linking and event proposals (the default pipeline) | ${fmt(linked.passages)} | ${linked.secs.toFixed(2)} | ${fmt(linked.rate)} | ${fmt(linked.dates)} dates, ${fmt(linked.mentions)} mentions, ${fmt(linked.events)} events |`);
console.log(`| peer: compromise places/organizations/people/dates, English passages only, text already read | ${fmt(sample.length)} | ${peerSecs.toFixed(2)} | ${fmt(peerRate)} | ${fmt(found)} matches |`);
console.log(`| target | | | ${fmt(TARGET)} | |`);
console.log("");
console.log(`Building the linker (gazetteer, Party Facts) once: ${buildSecs.toFixed(2)} s, not counted above.`);
console.log(linked.rate >= TARGET ? `The default pipeline meets the target (${(linked.rate / TARGET).toFixed(1)}×).` : `The default pipeline is below the target (${(linked.rate / TARGET).toFixed(2)}×).`);
