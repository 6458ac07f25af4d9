// Public API of document reading: a file (text, Markdown, HTML, PDF, DOCX) into its text, format, metadata and hash.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { extname } from "node:path";
import { DocumentError } from "@diplograph/model";
import { decodeText } from "./decode.js";
import { readDocx } from "./docx.js";
import { readHtml } from "./html.js";
import { readPdf } from "./pdf.js";
import { readFrontMatter } from "./text.js";
import { DOCUMENT_FORMATS, type DocumentFormat, type DocumentMetadata, type ReadDocument } from "./types.js";

export { DOCUMENT_FORMATS, type DocumentFormat, type DocumentMetadata, type ReadDocument } from "./types.js";
export { decodeText, firstInvalidUtf8 } from "./decode.js";
export { PAGE_BREAK } from "./pdf.js";

const EXTENSIONS = Object.entries(DOCUMENT_FORMATS).flatMap(([format, spec]) => spec.extensions.map((e) => [e, format as DocumentFormat] as const));
const SUPPORTED = EXTENSIONS.map(([e]) => e).join(", ");

/** The format of a file: its content when it says (a PDF or a zip), else its extension. */
export function detectFormat(file: string, bytes: Uint8Array): DocumentFormat {
  const ext = extname(file).toLowerCase();
  const byExt = EXTENSIONS.find(([e]) => e === ext)?.[1];
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 5));
  if (head === "%PDF-") return "pdf";
  if (head.startsWith("PK\u0003\u0004")) {
    if (byExt === "docx" || ext === "") return "docx";
    throw new DocumentError(file, `is a zip archive; supported formats: ${SUPPORTED}`);
  }
  if (byExt) return byExt;
  if (ext === "") return "text";
  throw new DocumentError(file, `has an unsupported format (${ext}); supported: ${SUPPORTED}`);
}

/** Read a file from disk. Errors name the file: missing, unreadable, unsupported, undecodable or without text. */
export async function readDocument(path: string, display = path): Promise<ReadDocument> {
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory()) throw new DocumentError(display, "is a folder, not a file");
    bytes = readFileSync(path);
  } catch (e) {
    if (e instanceof DocumentError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new DocumentError(display, code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : `cannot be read (${(e as Error).message})`);
  }
  return readDocumentBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), display);
}

/** Read a document from its bytes; `file` names it (its extension tells the format when the content does not). */
export async function readDocumentBytes(bytes: Uint8Array, file: string): Promise<ReadDocument> {
  if (bytes.length === 0) throw new DocumentError(file, "is empty");
  const format = detectFormat(file, bytes);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  let text: string;
  let metadata: DocumentMetadata = {};
  let bodyStart = 0;
  switch (format) {
    case "text":
      text = decodeText(bytes, file);
      break;
    case "markdown": {
      text = decodeText(bytes, file);
      ({ metadata, bodyStart } = readFrontMatter(text, file));
      break;
    }
    case "html":
      ({ text, metadata } = readHtml(decodeText(bytes, file)));
      break;
    case "pdf":
      ({ text, metadata } = await readPdf(bytes, file));
      if (!text.trim()) throw new DocumentError(file, "has no text layer (a scanned PDF?); run OCR on it first");
      break;
    case "docx":
      ({ text, metadata } = readDocx(bytes, file));
      break;
  }
  if (!text.slice(bodyStart).trim()) throw new DocumentError(file, "has no text");
  return { file, format, text, metadata, sha256, bodyStart };
}
