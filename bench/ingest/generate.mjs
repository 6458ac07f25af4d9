// Generates the document-ingest benchmark's corpus: documents of numbered items, paragraphs, headings and list
// entries in English and Persian, recombined from the seed documents' sentences with generated names and dates
// (a seeded PRNG, so every run reads the same files), some paragraphs cut by page breaks; mostly text and Markdown,
// with HTML, DOCX and PDF files among them.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { makeDocx, makePdf } from "../../packages/ingest/dist/documents/read/fixtures.js";
import { rng } from "../rng.mjs";

const seedsDir = fileURLToPath(new URL("../../../shared/seeds/", import.meta.url));

/** The seeds' sentences: English from 000–002 and 004, Persian from 003's abstract. */
function sentences() {
  const en = [];
  const fa = [];
  for (const f of readdirSync(seedsDir).filter((f) => f.endsWith(".txt"))) {
    const text = readFileSync(join(seedsDir, f), "utf8").replace(/-\n\n/g, "").replace(/\s+/g, " ");
    for (const s of text.split(/(?<=[.!?؟])\s+/)) {
      const t = s.trim();
      if (t.length < 40 || t.length > 400) continue;
      if (/[\u0600-\u06ff]/.test(t)) {
        if ((t.match(/[\u0600-\u06ff]/g) ?? []).length > t.length / 2) fa.push(t);
      } else if (/^[A-Z]/.test(t) && !/https?:|@/.test(t)) en.push(t);
    }
  }
  return { en, fa };
}

const NAMES = ["Alpha", "Borealis", "Caspian", "Delta", "Eurasian", "Fajr", "Gulf", "Hamoun", "Indus", "Jadeh", "Kavir", "Levant", "Meridian", "Nile", "Oxus", "Pamir"];
const BODIES = ["Parliamentary Assembly", "Party", "Forum", "Council", "Union", "Movement", "Committee", "Friendship Group"];
const CITIES = ["Tehran", "Moscow", "Baku", "Astana", "Geneva", "New Delhi", "Havana", "Harare", "Dushanbe", "Ankara"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const SH_MONTHS = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"];
const FA_DIGITS = (n) => String(n).replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[d]);

/** Write `docs` documents of about `passages` passages each into `dir`; returns the file paths. */
export function generate(dir, { docs = 200, passages = 285, seed = 42 } = {}) {
  mkdirSync(dir, { recursive: true });
  const r = rng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const { en, fa } = sentences();
  const name = () => `${pick(NAMES)} ${pick(BODIES)}`;
  const enDated = () =>
    pick([
      () => `On ${MONTHS[Math.floor(r() * 12)]} ${1 + Math.floor(r() * 28)}, ${1979 + Math.floor(r() * 46)}, the ${name()} met in ${pick(CITIES)}.`,
      () => `In ${1980 + Math.floor(r() * 45)}, the ${name()} joined the ${name()} as an observer.`,
      () => `From ${1990 + Math.floor(r() * 20)} to ${2010 + Math.floor(r() * 15)} the ${name()} hosted delegations from ${pick(CITIES)}.`,
    ])();
  const faDated = () => `در ${FA_DIGITS(1 + Math.floor(r() * 28))} ${pick(SH_MONTHS)} ${FA_DIGITS(1360 + Math.floor(r() * 43))} هیئتی از ${pick(["مجلس", "حزب", "مجمع"])} به ${pick(["مسکو", "باکو", "دوشنبه", "ژنو"])} سفر کرد.`;
  const paragraph = (persian) => {
    const n = 2 + Math.floor(r() * 4);
    const out = [];
    for (let i = 0; i < n; i++) out.push(persian ? (r() < 0.4 ? faDated() : pick(fa)) : r() < 0.35 ? enDated() : pick(en));
    return out.join(" ");
  };
  const files = [];
  for (let d = 0; d < docs; d++) {
    const persian = d % 5 === 4;
    const blocks = [persian ? `گزارش شماره ${FA_DIGITS(d + 1)}` : `Report ${d + 1}: the ${name()} and its partners`, persian ? "نویسنده: پژوهشگر" : `By: ${pick(NAMES)} ${pick(NAMES)}son`];
    let item = 0;
    while (blocks.length < passages) {
      const k = r();
      if (k < 0.08) blocks.push(persian ? `بخش ${FA_DIGITS(blocks.length)}` : `Section ${blocks.length}: ${pick(NAMES)} relations`);
      else if (k < 0.45) {
        item++;
        const text = paragraph(persian);
        const marker = persian ? `${FA_DIGITS(item)}- ` : item > 10 && r() < 0.5 ? `${item} ` : `${item} - `;
        // Every ninth item is cut by a page break mid-sentence.
        if (item % 9 === 0 && !persian) {
          const cut = text.indexOf(" the ", Math.floor(text.length / 2));
          if (cut > 0) {
            blocks.push(`${marker}${text.slice(0, cut)} the`, `\f\n${text.slice(cut + 5)}`);
            continue;
          }
        }
        blocks.push(marker + text);
      } else if (k < 0.55) blocks.push(`- ${persian ? pick(fa) : pick(en)}`);
      else blocks.push(paragraph(persian));
    }
    const kind = d % 20 === 7 ? "docx" : d % 20 === 13 ? "pdf" : d % 10 === 3 ? "html" : d % 3 === 0 ? "md" : "txt";
    const file = join(dir, `doc-${String(d).padStart(4, "0")}.${kind}`);
    const text = blocks.join("\n\n");
    if (kind === "txt") writeFileSync(file, text);
    else if (kind === "md") writeFileSync(file, `---\ntitle: Report ${d + 1}\nlanguage: ${persian ? "fa" : "en"}\n---\n# ${blocks[0]}\n\n${blocks.slice(1).join("\n\n")}`);
    else if (kind === "html") writeFileSync(file, `<!doctype html><html lang="${persian ? "fa" : "en"}"><head><title>${blocks[0]}</title></head><body>${blocks.map((b) => `<p>${b.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/\f\n/, "")}</p>`).join("\n")}</body></html>`);
    else if (kind === "docx") writeFileSync(file, makeDocx(blocks.map((b) => b.replace(/\f\n/, ""))));
    else {
      // A PDF page holds 40 blocks, each wrapped at about 110 characters; a blank line between blocks.
      const lines = blocks.map((b) => (b.replace(/\f\n/, "").match(/.{1,110}(?:\s|$)/g) ?? [b]).map((l) => l.trim()));
      const pages = [];
      for (let i = 0; i < lines.length; i += 40) pages.push(lines.slice(i, i + 40).flatMap((l) => [...l, ""]));
      writeFileSync(file, makePdf(pages, { title: blocks[0] }));
    }
    files.push(file);
  }
  return files;
}
