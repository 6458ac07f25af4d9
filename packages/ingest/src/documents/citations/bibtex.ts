// BibTeX: the records as UTF-8 BibTeX entries (for biber/biblatex, and BibTeX 8-bit), keyed by their stable ids.
import { REFERENCE_TYPES, type PersonName, type Reference } from "./types.js";

const SPECIAL: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "{": "\\{",
  "}": "\\}",
  "&": "\\&",
  "%": "\\%",
  $: "\\$",
  "#": "\\#",
  _: "\\_",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
};

/** Escape LaTeX's special characters; everything else stays UTF-8. */
export function escapeBibtex(s: string): string {
  return s.replace(/[\\{}&%$#_~^]/g, (c) => SPECIAL[c]!);
}

/** URLs and DOIs are read verbatim by biblatex; only braces and a bare `%` would break the entry. */
function escapeVerbatim(s: string): string {
  return s.replace(/[{}]/g, "").replace(/%/g, "\\%");
}

/** "Family, Suffix, Given" (BibTeX's three-part form); a body in double braces so it is never split. */
function bibName(p: PersonName): string {
  if (p.literal) return `{${escapeBibtex(p.literal)}}`;
  const family = p.family && /\s/.test(p.family) && !/^(?:de|van|von|der|la|le|da|di|del)\s/i.test(p.family) ? `{${escapeBibtex(p.family)}}` : escapeBibtex(p.family ?? "");
  return [family, p.suffix ? escapeBibtex(p.suffix) : undefined, p.given ? escapeBibtex(p.given) : undefined].filter((x) => x !== undefined).join(", ");
}

const names = (ps: PersonName[]) => ps.map(bibName).join(" and ");

/**
 * The records as BibTeX. Titles are wrapped in an extra pair of braces so styles keep their capitals as written;
 * page ranges use `--`. A Solar Hijri year is written as the Gregorian year in which most of it falls
 * (1377 SH → 1998) with the original in `note` and biblatex's `date` as the range (`1998-03-21/1999-03-20`).
 */
export function toBibtex(references: Reference[]): string {
  return references.map(entry).join("\n");
}

function entry(r: Reference): string {
  const type = r.type === "thesis" && !/ph\.?d|doctor|دکتر/i.test(r.text) ? "mastersthesis" : REFERENCE_TYPES[r.type].bibtex;
  const fields: Array<[string, string]> = [];
  const add = (k: string, v: string | undefined, raw = false) => {
    if (v !== undefined && v !== "") fields.push([k, raw ? v : escapeBibtex(v)]);
  };
  if (r.authors.length) fields.push(["author", names(r.authors)]);
  if (r.editors?.length) fields.push(["editor", names(r.editors)]);
  if (r.translators?.length) fields.push(["translator", names(r.translators)]);
  if (r.title) fields.push(["title", `{${escapeBibtex(r.title)}}`]);
  const container = r.containerTitle;
  if (container) {
    const key = r.type === "article-journal" ? "journal" : r.type === "chapter" || r.type === "paper-conference" ? "booktitle" : "howpublished";
    add(key, container);
  }
  add(r.type === "thesis" ? "school" : r.type === "report" ? "institution" : "publisher", r.publisher);
  add("address", r.place);
  add("edition", r.edition);
  add("volume", r.volume);
  add("number", r.issue);
  add("pages", r.pages?.replace(/[–—-]/, "--"));
  const notes: string[] = [];
  if (r.year) {
    const y = r.year;
    if (y.calendar === "solar-hijri") {
      add("year", String(y.gregorianYears[0]));
      add("date", `${y.gregorian.start}/${y.gregorian.end}`);
      notes.push(`Solar Hijri year ${y.original}`);
    } else {
      add("year", `${y.value}`);
    }
  }
  add("doi", r.doi && escapeVerbatim(r.doi), true);
  add("url", r.url && escapeVerbatim(r.url), true);
  add("langid", r.language && LANGID[r.language]);
  if (notes.length) add("note", notes.join("; "));
  const width = Math.max(...fields.map(([k]) => k.length));
  const body = fields.map(([k, v]) => `  ${k.padEnd(width)} = {${v}}`).join(",\n");
  return `@${type}{${r.id},\n${body}\n}\n`;
}

const LANGID: Record<string, string> = { fa: "persian", ru: "russian", ar: "arabic", en: "english", fr: "french", de: "german", tr: "turkish" };
