// DOCX: the paragraphs of word/document.xml (tables cell by cell), numbered and bulleted list items with the label
// Word shows (from word/numbering.xml), and the core properties (docProps/core.xml) as metadata.
import { unzipSync } from "fflate";
import { Parser } from "htmlparser2";
import { DocumentError } from "@diplograph/model";
import type { DocumentMetadata } from "./types.js";

interface Level {
  format: string;
  text: string;
  start: number;
}

export function readDocx(bytes: Uint8Array, file: string): { text: string; metadata: DocumentMetadata } {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === "word/document.xml" || f.name === "word/numbering.xml" || f.name === "docProps/core.xml" });
  } catch (e) {
    throw new DocumentError(file, `is not a readable DOCX file (not a zip archive: ${(e as Error).message})`);
  }
  const doc = files["word/document.xml"];
  if (!doc) throw new DocumentError(file, "is not a DOCX file (the archive has no word/document.xml)");
  const utf8 = (b: Uint8Array) => new TextDecoder("utf-8").decode(b);
  const levels = files["word/numbering.xml"] ? readNumbering(utf8(files["word/numbering.xml"])) : new Map<string, Level[]>();
  const { paragraphs, titleStyle } = readBody(utf8(doc), levels);
  const metadata = files["docProps/core.xml"] ? readCore(utf8(files["docProps/core.xml"])) : {};
  if (!metadata.title && titleStyle) metadata.title = titleStyle;
  return { text: paragraphs.join("\n\n"), metadata };
}

/** numId → the levels of its abstract numbering (format, label template, start). */
function readNumbering(xml: string): Map<string, Level[]> {
  const abstracts = new Map<string, Level[]>();
  const nums = new Map<string, string>();
  let abstract: Level[] | undefined;
  let level: Level | undefined;
  let num: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, a) {
        if (name === "w:abstractnum") abstracts.set(a["w:abstractnumid"] ?? "", (abstract = []));
        else if (name === "w:lvl" && abstract) abstract[Number(a["w:ilvl"] ?? 0)] = level = { format: "decimal", text: "%1.", start: 1 };
        else if (name === "w:numfmt" && level) level.format = a["w:val"] ?? "decimal";
        else if (name === "w:lvltext" && level) level.text = a["w:val"] ?? "";
        else if (name === "w:start" && level) level.start = Number(a["w:val"] ?? 1);
        else if (name === "w:num") num = a["w:numid"];
        else if (name === "w:abstractnumid" && num !== undefined) nums.set(num, a["w:val"] ?? "");
      },
      onclosetag(name) {
        if (name === "w:lvl") level = undefined;
        if (name === "w:abstractnum") abstract = undefined;
        if (name === "w:num") num = undefined;
      },
    },
    { xmlMode: true, lowerCaseTags: true, lowerCaseAttributeNames: true } as never,
  );
  parser.write(xml);
  parser.end();
  const out = new Map<string, Level[]>();
  for (const [id, abs] of nums) out.set(id, abstracts.get(abs) ?? []);
  return out;
}

function formatNumber(n: number, format: string): string {
  if (format === "lowerLetter" || format === "upperLetter") {
    const s = String.fromCharCode(96 + (((n - 1) % 26) + 1));
    return format === "upperLetter" ? s.toUpperCase() : s;
  }
  if (format === "lowerRoman" || format === "upperRoman") {
    const r = roman(n);
    return format === "upperRoman" ? r.toUpperCase() : r;
  }
  return String(n);
}

function roman(n: number): string {
  const table: Array<[number, string]> = [[1000, "m"], [900, "cm"], [500, "d"], [400, "cd"], [100, "c"], [90, "xc"], [50, "l"], [40, "xl"], [10, "x"], [9, "ix"], [5, "v"], [4, "iv"], [1, "i"]];
  let out = "";
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

function readBody(xml: string, numbering: Map<string, Level[]>): { paragraphs: string[]; titleStyle?: string } {
  const paragraphs: string[] = [];
  const counters = new Map<string, number[]>();
  let cur: string | undefined;
  let inText = false;
  let numId: string | undefined;
  let ilvl = 0;
  let style = "";
  let titleStyle: string | undefined;
  let inPPr = false;
  const parser = new Parser(
    {
      onopentag(name, a) {
        if (name === "w:p") (cur = ""), (numId = undefined), (ilvl = 0), (style = "");
        else if (name === "w:ppr") inPPr = true;
        else if (name === "w:pstyle" && inPPr) style = a["w:val"] ?? "";
        else if (name === "w:numid" && inPPr) numId = a["w:val"];
        else if (name === "w:ilvl" && inPPr) ilvl = Number(a["w:val"] ?? 0);
        else if (name === "w:t") inText = true;
        else if (name === "w:tab" && cur !== undefined && !inPPr) cur += "\t";
        else if ((name === "w:br" || name === "w:cr") && cur !== undefined) cur += "\n";
      },
      ontext(data) {
        if (inText && cur !== undefined) cur += data;
      },
      onclosetag(name) {
        if (name === "w:t") inText = false;
        else if (name === "w:ppr") inPPr = false;
        else if (name === "w:p" && cur !== undefined) {
          const text = cur.replace(/[ \t]+$/gm, "").trim();
          if (text) {
            if (/^title$/i.test(style) && titleStyle === undefined) titleStyle = text;
            paragraphs.push(numId && numId !== "0" ? `${label(numId, ilvl)} ${text}` : text);
          }
          cur = undefined;
        }
      },
    },
    { xmlMode: true, lowerCaseTags: true, lowerCaseAttributeNames: true } as never,
  );
  parser.write(xml);
  parser.end();
  return titleStyle === undefined ? { paragraphs } : { paragraphs, titleStyle };

  /** The label Word shows for the next item of a list at a level: `3.`, `2.1.`, `b)`, or a bullet. */
  function label(id: string, level: number): string {
    const levels = numbering.get(id) ?? [];
    const lvl = levels[level] ?? { format: "decimal", text: `%${level + 1}.`, start: 1 };
    if (lvl.format === "bullet" || lvl.format === "none") return "•";
    const c = counters.get(id) ?? [];
    c[level] = (c[level] ?? (lvl.start - 1)) + 1;
    c.length = level + 1; // a deeper level restarts after a shallower item
    counters.set(id, c);
    return lvl.text.replace(/%(\d)/g, (_m, k: string) => formatNumber(c[Number(k) - 1] ?? levels[Number(k) - 1]?.start ?? 1, levels[Number(k) - 1]?.format ?? "decimal")) || `${c[level]}.`;
  }
}

function readCore(xml: string): DocumentMetadata {
  const values = new Map<string, string>();
  let current: string | undefined;
  const parser = new Parser(
    {
      onopentag(name) {
        current = name;
        values.set(name, values.get(name) ?? "");
      },
      ontext(data) {
        if (current) values.set(current, (values.get(current) ?? "") + data);
      },
      onclosetag() {
        current = undefined;
      },
    },
    { xmlMode: true, lowerCaseTags: true } as never,
  );
  parser.write(xml);
  parser.end();
  const get = (k: string) => values.get(k)?.trim() || undefined;
  const metadata: DocumentMetadata = {};
  const title = get("dc:title");
  if (title) metadata.title = title;
  const creator = get("dc:creator");
  if (creator) metadata.authors = creator.split(/\s*;\s*/).filter(Boolean);
  const date = get("dcterms:created") ?? get("dcterms:modified");
  if (date) metadata.date = date;
  const lang = get("dc:language");
  if (lang) metadata.language = lang.toLowerCase();
  const id = get("dc:identifier");
  if (id) metadata.doi = id;
  return metadata;
}
