// Generates a large, valid dataset for the import benchmark: actors, and relation and event rows with a claim each.
import { mkdirSync, writeFileSync, createWriteStream } from "node:fs";
import { join } from "node:path";
import { rng } from "../rng.mjs";

const KINDS = [
  ["member-of", ["full", "associate", "observer", "guest", "founding"]],
  ["party-relation", [""]],
  ["friendship-group", [""]],
  ["supports", [""]],
  ["mediates", [""]],
  ["part-of", [""]],
  ["diplomatic-relations", ["embassy", "mission"]],
];
const TRACKS = ["official", "parliamentary", "party", "movement", "public-cultural", "economic", "military-security"];
const LAYERS = ["political", "economic", "cultural-social", "military-security", "informational-media", "legal"];
const EVENT_TYPES = ["summit", "meeting", "visit", "delegation", "statement", "mediation", "agreement-signed", "message"];
const ROLES = ["host", "guest", "participant", "mediator", "signatory", "delegation-head"];
const ACTOR_KINDS = ["parliament", "party", "intergovernmental-organization", "parliamentary-assembly", "movement", "person"];

async function writeLines(path, header, count, row) {
  const out = createWriteStream(path);
  out.write(header + "\n");
  let buf = "";
  for (let i = 0; i < count; i++) {
    buf += row(i) + "\n";
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((r) => out.once("drain", r));
      buf = "";
    }
  }
  out.write(buf);
  await new Promise((r) => out.end(r));
}

export async function generate(dir, { relations = 500_000, events = 500_000, actors = 20_000, seed = 42 } = {}) {
  const rand = rng(seed);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const date = () => {
    const y = 1950 + Math.floor(rand() * 75);
    const p = rand();
    if (p < 0.3) return String(y);
    const m = String(1 + Math.floor(rand() * 12)).padStart(2, "0");
    if (p < 0.5) return `${y}-${m}`;
    return `${y}-${m}-${String(1 + Math.floor(rand() * 28)).padStart(2, "0")}`;
  };
  const actor = () => `a${Math.floor(rand() * actors)}`;
  for (const sub of ["actors", "relations", "events", "sources"]) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, "dataset.yaml"), "name: bench\ndefaults:\n  status: proposed\n  confidence: 0.7\n  author: generator\n");
  writeFileSync(join(dir, "sources", "sources.yaml"), "- id: gen\n  type: dataset\n  title: Generated benchmark rows\n  language: en\n");
  await writeLines(join(dir, "actors", "actors.csv"), "id,kind,name,aliases", actors, (i) => `a${i},${ACTOR_KINDS[i % ACTOR_KINDS.length]},Actor ${i},en:A${i}|fa:بازیگر ${i}`);
  await writeLines(join(dir, "relations", "relations.csv"), "id,kind,from,to,role,start,end,track,layers,source,page", relations, (i) => {
    const [kind, roles] = pick(KINDS);
    const start = rand() < 0.8 ? date() : "";
    const end = start && rand() < 0.3 ? String(Number(start.slice(0, 4)) + 1 + Math.floor(rand() * 10)) : "";
    const layers = rand() < 0.5 ? pick(LAYERS) : `${pick(LAYERS)};${pick(LAYERS)}`;
    return `r${i},${kind},${actor()},${actor()},${pick(roles)},${start},${end},${pick(TRACKS)},${[...new Set(layers.split(";"))].join(";")},gen,${1 + (i % 900)}`;
  });
  await writeLines(join(dir, "events", "events.csv"), "id,type,title,date,participants,track,layers,source,page", events, (i) => {
    const n = 2 + Math.floor(rand() * 3);
    const ps = new Set();
    while (ps.size < n) ps.add(actor());
    const parts = [...ps].map((a, k) => `${a}:${k === 0 ? "host" : pick(ROLES)}`).join(";");
    return `e${i},${pick(EVENT_TYPES)},"Event ${i}, generated",${date()},${parts},${pick(TRACKS)},${pick(LAYERS)},gen,${1 + (i % 900)}`;
  });
  return { rows: relations + events, actors };
}
