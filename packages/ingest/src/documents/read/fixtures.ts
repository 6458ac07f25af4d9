// Real DOCX and PDF files made from text, for tests and benchmarks: a DOCX zip with word/document.xml, numbering and
// core properties, and a PDF whose text layer is a Type0 font with a ToUnicode map (Persian lines in visual order,
// as PDF producers write them). Both are read back by the same libraries as any other file.
import { strToU8, zipSync } from "fflate";

export interface DocxParagraph {
  text: string;
  /** A numbered (decimal, `%1.`) or bulleted list item. */
  list?: "number" | "bullet";
  /** A paragraph style such as Title or Heading1. */
  style?: string;
}

export interface DocxCore {
  title?: string;
  creator?: string;
  created?: string;
  language?: string;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A DOCX file: one Word paragraph per entry (a line break inside an entry becomes <w:br/>). */
export function makeDocx(paragraphs: ReadonlyArray<string | DocxParagraph>, core: DocxCore = {}): Uint8Array {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const body = paragraphs
    .map((p) => (typeof p === "string" ? { text: p } : p))
    .map((p) => {
      const props = [p.style ? `<w:pStyle w:val="${esc(p.style)}"/>` : "", p.list ? `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${p.list === "number" ? 1 : 2}"/></w:numPr>` : ""].join("");
      const runs = p.text
        .split("\n")
        .map((line, i) => `${i ? "<w:r><w:br/></w:r>" : ""}<w:r><w:t xml:space="preserve">${esc(line)}</w:t></w:r>`)
        .join("");
      return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ""}${runs}</w:p>`;
    })
    .join("");
  const numbering = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>`;
  const coreXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${core.title ? `<dc:title>${esc(core.title)}</dc:title>` : ""}${core.creator ? `<dc:creator>${esc(core.creator)}</dc:creator>` : ""}${core.language ? `<dc:language>${esc(core.language)}</dc:language>` : ""}${core.created ? `<dcterms:created xsi:type="dcterms:W3CDTF">${esc(core.created)}</dcterms:created>` : ""}</cp:coreProperties>`;
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
    ),
    "_rels/.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    ),
    "word/_rels/document.xml.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`,
    ),
    "word/document.xml": strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`),
    "word/numbering.xml": strToU8(numbering),
    "docProps/core.xml": strToU8(coreXml),
  };
  return zipSync(files, { mtime: new Date("2024-01-01T00:00:00Z") });
}

export interface PdfInfo {
  title?: string;
  author?: string;
  /** PDF date string, e.g. `D:20240115120000Z`. */
  creationDate?: string;
}

const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;

/**
 * A PDF with a text layer: `pages` are lists of lines, and an empty line leaves a paragraph gap. Every character is
 * drawn from one Type0 font (CID = code point) whose ToUnicode map gives the text back; no glyphs are embedded, so the
 * file shows nothing legible, but its text layer is what a reader extracts. A line in a right-to-left script is
 * written in visual order (reversed), as real PDFs are.
 */
export function makePdf(pages: ReadonlyArray<readonly string[]>, info: PdfInfo = {}): Uint8Array {
  const objects: string[] = [];
  const add = (s: string) => objects.push(s);
  const codes = new Set<number>();
  for (const page of pages) for (const line of page) for (const ch of line) codes.add(ch.charCodeAt(0));
  const hex = (n: number) => n.toString(16).padStart(4, "0").toUpperCase();
  const map = [...codes].sort((a, b) => a - b).map((c) => `<${hex(c)}> <${hex(c)}>`);
  const chunks: string[] = [];
  for (let i = 0; i < map.length; i += 100) chunks.push(`${map.slice(i, i + 100).length} beginbfchar\n${map.slice(i, i + 100).join("\n")}\nendbfchar`);
  const cmap = `/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n${chunks.join("\n")}\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend`;
  const stream = (s: string) => `<< /Length ${Buffer.byteLength(s, "latin1")} >>\nstream\n${s}\nendstream`;
  // 1 catalog, 2 pages, 3 ToUnicode, 4 descriptor, 5 CID font, 6 Type0 font, 7 info, then content and page per page.
  add("<< /Type /Catalog /Pages 2 0 R >>");
  add(""); // the page tree, once the pages are known
  add(stream(cmap));
  add("<< /Type /FontDescriptor /FontName /DiplographText /Flags 32 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>");
  add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /DiplographText /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 4 0 R /DW 250 /CIDToGIDMap /Identity >>");
  add("<< /Type /Font /Subtype /Type0 /BaseFont /DiplographText /Encoding /Identity-H /DescendantFonts [5 0 R] /ToUnicode 3 0 R >>");
  const utf16 = (s: string) => `<FEFF${[...s].map((c) => [...c].map((u) => hex(u.charCodeAt(0))).join("")).join("")}>`;
  const infoEntries = [info.title ? `/Title ${utf16(info.title)}` : "", info.author ? `/Author ${utf16(info.author)}` : "", info.creationDate ? `/CreationDate (${info.creationDate})` : ""].join(" ");
  add(`<< /Producer (Diplograph test fixtures) ${infoEntries} >>`);
  // pdf.js leaves out glyphs beyond the page's edge: the page is as wide as the longest line (2.5 pt a character).
  const width = Math.max(595, 100 + Math.ceil(Math.max(0, ...pages.flat().map((l) => l.length)) * 2.5));
  const kids: number[] = [];
  for (const page of pages) {
    let content = "BT /F1 10 Tf 14 TL 50 800 Td\n";
    for (const line of page) {
      const visual = RTL.test(line) ? [...line].reverse().join("") : line;
      if (line !== "") content += `<${[...visual].map((c) => hex(c.charCodeAt(0))).join("")}> Tj `;
      content += "T*\n";
    }
    content += "ET";
    add(stream(content));
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} 842] /Resources << /Font << /F1 6 0 R >> >> /Contents ${objects.length} 0 R >>`);
    kids.push(objects.length);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`;
  let out = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 7 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}
