// Generates the API benchmark's dataset: 100,000 actors with varied names and aliases (Latin and Persian script),
// 1,000,000 events with two to four participants and 200,000 relations, every row with a claim.
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { generate as generateRows } from "../import/generate.mjs";
import { rng } from "../rng.mjs";

/** Bump when the generated data changes: the cached database is keyed by it. */
export const GENERATOR_VERSION = 1;

const SYLLABLES = ["ka", "ro", "vi", "tan", "mel", "sor", "da", "lin", "ber", "zu", "qa", "har", "no", "sel", "tri", "pa", "vor", "em", "dal", "gi", "ush", "ran", "ko", "lev", "ma", "thi", "ost", "ne", "bar", "yu", "fer", "ash", "lo", "min", "sha", "ter", "ul", "wen", "zar", "ic"];
const FA = ["ک", "ر", "و", "ت", "م", "س", "د", "ل", "ب", "ز", "ق", "ه", "ن", "پ", "گ", "ش", "ف", "ی", "ا", "ج"];
const SUFFIXES = [
  ["parliament", "Assembly", "مجلس"],
  ["party", "Party", "حزب"],
  ["intergovernmental-organization", "Organisation", "سازمان"],
  ["parliamentary-assembly", "Parliamentary Union", "اتحادیه"],
  ["movement", "Movement", "جنبش"],
  ["person", "", ""],
];

/** The name parts of actor i, deterministic, so the benchmark can pick search queries without reading the data. */
export function actorName(i) {
  const r = rng(1000 + i);
  const word = (n) => Array.from({ length: n }, () => SYLLABLES[Math.floor(r() * SYLLABLES.length)]).join("");
  const w1 = word(2 + Math.floor(r() * 2));
  const w2 = word(2 + Math.floor(r() * 2));
  const cap = (s) => s[0].toUpperCase() + s.slice(1);
  const [kind, suffix, faSuffix] = SUFFIXES[i % SUFFIXES.length];
  const name = `${cap(w1)} ${cap(w2)}${suffix ? ` ${suffix}` : ""}`;
  const fa = `${faSuffix ? `${faSuffix} ` : ""}${Array.from({ length: 5 }, () => FA[Math.floor(r() * FA.length)]).join("")}`;
  const acronym = `${w1[0]}${w2[0]}${suffix ? suffix[0] : ""}`.toUpperCase() + (i % 97);
  return { kind, name, fa, acronym, words: [w1, w2] };
}

export async function generate(dir, { actors = 100_000, events = 1_000_000, relations = 200_000 } = {}) {
  await generateRows(dir, { actors, events, relations, seed: 7 });
  // Replace the row generator's "Actor N" names with varied ones, so searches are as selective as real names are.
  const out = createWriteStream(join(dir, "actors", "actors.csv"));
  out.write("id,kind,name,aliases\n");
  let buf = "";
  for (let i = 0; i < actors; i++) {
    const a = actorName(i);
    buf += `a${i},${a.kind},${a.name},en:${a.acronym}|fa:${a.fa}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((r) => out.once("drain", r));
      buf = "";
    }
  }
  out.write(buf);
  await new Promise((r) => out.end(r));
  return { actors, events, relations };
}
