// PDF: the text layer, read with pdf.js's legacy build (which runs in Node 20 without a worker download). Lines
// from the text items' positions, a blank line where the gap between lines is wider than usual, pages joined by a
// form feed on a line of its own; the Info dictionary as metadata. Offsets refer to this extracted text.
import { DocumentError } from "@diplograph/model";
import type { DocumentMetadata } from "./types.js";

interface TextItem {
  str: string;
  hasEOL: boolean;
  transform: number[];
  height: number;
}

/** Between pages: a line holding only a form feed, which `splitPassages` reads as a page break. */
export const PAGE_BREAK = "\n\f\n";

export async function readPdf(bytes: Uint8Array, file: string): Promise<{ text: string; metadata: DocumentMetadata }> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  // pdf.js takes ownership of (and detaches) the buffer it is given: give it a copy.
  const task = pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0, stopAtErrors: false });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = (e as Error).name;
    const why = name === "PasswordException" ? "is encrypted with a password; save an unprotected copy" : `is not a readable PDF (${(e as Error).message})`;
    throw new DocumentError(file, why);
  }
  try {
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      pages.push(pageText(content.items as TextItem[]));
      page.cleanup();
    }
    const info = ((await doc.getMetadata().catch(() => undefined))?.info ?? {}) as Record<string, unknown>;
    return { text: pages.join(PAGE_BREAK).replace(/^\s+|\s+$/g, ""), metadata: infoMetadata(info) };
  } finally {
    await doc.destroy();
  }
}

/** A page's text: items on one baseline joined, a new line where the baseline moves, a blank line at a wide gap. */
function pageText(items: TextItem[]): string {
  let out = "";
  let lineY: number | undefined;
  let lineHeight = 0;
  let atLineStart = true;
  for (const item of items) {
    if (typeof item.str !== "string") continue;
    const y = item.transform[5] ?? 0;
    const h = item.height || Math.abs(item.transform[3] ?? 0) || 10;
    if (lineY !== undefined && (atLineStart || Math.abs(y - lineY) > h * 0.5) && item.str !== "") {
      if (out && !out.endsWith("\n")) out += "\n";
      // A gap of more than 1.8 line heights between baselines separates paragraphs.
      if (out && lineY - y > Math.max(lineHeight, h) * 1.8) out += "\n";
      atLineStart = false;
    }
    if (item.str !== "") {
      out += item.str;
      lineY = y;
      lineHeight = h;
      atLineStart = false;
    }
    if (item.hasEOL) atLineStart = true;
  }
  return out.replace(/[ \t]+$/gm, "");
}

/** `D:20240115120000Z` → `2024-01-15`. */
function pdfDate(v: unknown): string | undefined {
  const m = typeof v === "string" ? /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(v) : null;
  if (!m) return undefined;
  return [m[1], m[2], m[3]].filter(Boolean).join("-");
}

function infoMetadata(info: Record<string, unknown>): DocumentMetadata {
  const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);
  const metadata: DocumentMetadata = {};
  const title = str(info.Title);
  if (title) metadata.title = title;
  const author = str(info.Author);
  if (author) metadata.authors = author.split(/\s*;\s*/).filter(Boolean);
  const date = pdfDate(info.CreationDate) ?? pdfDate(info.ModDate);
  if (date) metadata.date = date;
  const lang = str(info.Language);
  if (lang) metadata.language = lang.toLowerCase();
  const subject = str(info.Subject);
  const doi = subject && /\b10\.\d{4,9}\/\S+/.exec(subject)?.[0];
  if (doi) metadata.doi = doi;
  return metadata;
}
