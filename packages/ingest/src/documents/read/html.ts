// HTML: the visible text, block elements as paragraphs, list items with their bullet or number; metadata from
// <title>, <html lang> and <meta> (citation_*, Dublin Core, author). Offsets refer to this extracted text.
import { Parser } from "htmlparser2";
import type { DocumentMetadata } from "./types.js";

const BLOCK = new Set(
  "address article aside blockquote body caption center dd details dialog dir div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr legend li main menu nav ol p pre section summary table tbody td tfoot th thead tr ul".split(
    " ",
  ),
);
/** Elements whose content is never shown. */
const HIDDEN = new Set(["script", "style", "noscript", "template", "svg", "math", "iframe", "object", "select", "button"]);

export function readHtml(html: string): { text: string; metadata: DocumentMetadata } {
  const paragraphs: string[] = [];
  let cur = "";
  let hidden = 0;
  let inTitle = false;
  let inHead = false;
  let pre = 0;
  let title = "";
  const lists: Array<{ ordered: boolean; n: number }> = [];
  const meta = new Map<string, string[]>();
  let lang: string | undefined;

  const flush = () => {
    const lines = cur.split("\n").map((l) => (pre ? l.replace(/\s+$/, "") : l.replace(/[ \t\r\f\v\u00a0]+/g, " ").trim()));
    const text = lines.join("\n").replace(/^\n+|\n+$/g, "");
    if (text.trim()) paragraphs.push(text);
    cur = "";
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (HIDDEN.has(name)) hidden++;
        if (name === "html" && attrs.lang) lang = attrs.lang;
        if (name === "head") inHead = true;
        if (name === "title") inTitle = true;
        if (name === "meta") {
          const key = (attrs.name ?? attrs.property ?? "").toLowerCase();
          if (key && attrs.content !== undefined) (meta.get(key) ?? meta.set(key, []).get(key)!).push(attrs.content.trim());
        }
        if (hidden || inHead) return;
        if (name === "br") cur += "\n";
        if (name === "pre") pre++;
        if (name === "td" || name === "th") cur += cur && !cur.endsWith("\t") ? "\t" : "";
        if (BLOCK.has(name) && name !== "td" && name !== "th") flush();
        if (name === "ul" || name === "ol") lists.push({ ordered: name === "ol", n: Number(attrs.start ?? 1) - 1 });
        if (name === "li") {
          const list = lists[lists.length - 1];
          if (list?.ordered) cur += `${++list.n}. `;
          else cur += "• ";
        }
      },
      ontext(data) {
        if (inTitle) title += data;
        if (hidden || inHead) return;
        cur += pre ? data : data.replace(/[ \t\r\n\f\v]+/g, " ");
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
        if (name === "title") inTitle = false;
        if (name === "head") inHead = false;
        if (hidden || inHead) return;
        if (name === "pre") pre = Math.max(0, pre - 1);
        if (name === "ul" || name === "ol") lists.pop();
        if (BLOCK.has(name) && name !== "td" && name !== "th") flush();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  flush();

  const first = (...keys: string[]) => keys.map((k) => meta.get(k)?.find((v) => v)).find((v) => v);
  const metadata: DocumentMetadata = {};
  const t = first("citation_title", "dc.title", "dcterms.title", "og:title") ?? title.replace(/\s+/g, " ").trim();
  if (t) metadata.title = t;
  const authors = meta.get("citation_author") ?? meta.get("dc.creator") ?? meta.get("dcterms.creator") ?? meta.get("author");
  if (authors?.some((a) => a)) metadata.authors = authors.filter((a) => a);
  const date = first("citation_publication_date", "citation_date", "citation_online_date", "dc.date", "dcterms.date", "dcterms.issued", "article:published_time");
  if (date) metadata.date = date;
  const language = first("citation_language", "dc.language", "dcterms.language") ?? lang;
  if (language) metadata.language = language.toLowerCase();
  const doi = first("citation_doi", "dc.identifier", "dcterms.identifier");
  if (doi) metadata.doi = doi;
  const venue = first("citation_journal_title", "citation_conference_title", "og:site_name");
  if (venue) metadata.venue = venue;
  const url = first("citation_public_url", "citation_abstract_html_url", "og:url");
  if (url) metadata.url = url;
  return { text: paragraphs.join("\n\n"), metadata };
}
