// Plain text and Markdown: the text is the file itself; Markdown front matter (YAML between `---` lines) gives metadata.
import { parse as parseYaml, YAMLParseError } from "yaml";
import { DocumentError } from "@diplograph/model";
import type { DocumentMetadata } from "./types.js";

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** Metadata from Markdown front matter, and where the body starts (0 without front matter). */
export function readFrontMatter(text: string, file: string): { metadata: DocumentMetadata; bodyStart: number } {
  const m = FRONT_MATTER.exec(text);
  if (!m) return { metadata: {}, bodyStart: 0 };
  let data: unknown;
  try {
    data = parseYaml(m[1]!);
  } catch (e) {
    const line = e instanceof YAMLParseError && e.linePos ? e.linePos[0].line + 1 : undefined;
    throw new DocumentError(file, `malformed front matter (${(e as Error).message.split("\n")[0]})`, line);
  }
  const metadata: DocumentMetadata = {};
  if (data && typeof data === "object" && !Array.isArray(data)) {
    const d = data as Record<string, unknown>;
    const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() ? v.trim() : typeof v === "number" ? String(v) : v instanceof Date ? v.toISOString().slice(0, 10) : undefined);
    const title = str(d.title);
    if (title) metadata.title = title;
    const authors = d.authors ?? d.author;
    const list = (Array.isArray(authors) ? authors : typeof authors === "string" ? authors.split(/\s*;\s*/) : []).map(str).filter((a): a is string => Boolean(a));
    if (list.length) metadata.authors = list;
    const date = str(d.date ?? d.published);
    if (date) metadata.date = date;
    const lang = str(d.language ?? d.lang);
    if (lang) metadata.language = lang.toLowerCase();
    const doi = str(d.doi);
    if (doi) metadata.doi = doi;
    const venue = str(d.venue ?? d.journal);
    if (venue) metadata.venue = venue;
    const url = str(d.url);
    if (url) metadata.url = url;
  }
  return { metadata, bodyStart: m[0].length };
}
