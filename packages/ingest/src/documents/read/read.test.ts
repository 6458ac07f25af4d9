import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DocumentError } from "@diplograph/model";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { splitPassages } from "../passages/index.js";
import { makeDocx, makePdf } from "./fixtures.js";
import { readDocument, readDocumentBytes } from "./index.js";

const SEEDS = new URL("../../../../../../shared/seeds/", import.meta.url);
const seed = (name: string) => readFileSync(new URL(name, SEEDS), "utf8");
const persian = seed("003_9b2c7ee10cd64283.txt").split("\n")[0]!;
const firstSentence = persian.slice(0, persian.indexOf(".") + 1);
const u8 = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));

describe("plain text and Markdown", () => {
  it("the text is the file itself: offsets into the file", async () => {
    const text = seed("004_40f7615d4fa621a5.part1.txt");
    const d = await readDocumentBytes(u8(text), "seed.txt");
    expect(d).toMatchObject({ format: "text", text, metadata: {}, bodyStart: 0 });
    expect(d.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("Markdown front matter gives metadata and the body starts after it", async () => {
    const md = "---\ntitle: Party Diplomacy\nauthors: [Jane Roe, John Doe]\ndate: 2024-01-15\nlanguage: en\ndoi: 10.1234/abc.5\n---\n# Heading\n\nText.\n";
    const d = await readDocumentBytes(u8(md), "a.md");
    expect(d.format).toBe("markdown");
    expect(d.text).toBe(md);
    expect(d.metadata).toEqual({ title: "Party Diplomacy", authors: ["Jane Roe", "John Doe"], date: "2024-01-15", language: "en", doi: "10.1234/abc.5" });
    expect(d.text.slice(d.bodyStart)).toBe("# Heading\n\nText.\n");
  });

  it("malformed front matter is an error with the file and line", async () => {
    await expect(readDocumentBytes(u8("---\ntitle: [unclosed\n---\nText"), "bad.md")).rejects.toThrow(/bad\.md, line \d+: malformed front matter/);
  });

  it.each([
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(firstSentence, "utf8")])],
    ["UTF-16 LE with BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(firstSentence, "utf16le")])],
    ["UTF-16 BE with BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(firstSentence, "utf16le").swap16()])],
  ])("%s: decoded, the mark is not part of the text", async (_name, bytes) => {
    const d = await readDocumentBytes(new Uint8Array(bytes), "fa.txt");
    expect(d.text).toBe(firstSentence);
    expect(splitPassages(d.text)[0]!.language).toBe("fa");
  });
});

describe("HTML", () => {
  const html = `<!doctype html><html lang="en"><head><title>Page title</title>
<meta name="citation_title" content="Parliamentary Diplomacy">
<meta name="citation_author" content="Khademi, Gholamreza"><meta name="citation_author" content="Majidi, Mohammadreza">
<meta name="citation_publication_date" content="2026/05/01"><meta name="citation_doi" content="10.22059/jices.2026.401499.1101">
<style>p { color: red }</style><script>var x = "<p>no</p>";</script></head>
<body><h1>Parliamentary   Diplomacy</h1><p>The IPU was founded in <b>1889</b> &amp; sits in Geneva.</p>
<ul><li>First entry</li><li>Second entry</li></ul><ol><li>Numbered one.</li><li>Numbered two.</li></ol>
<div>Line one<br>line two</div><p dir="rtl">${firstSentence}</p></body></html>`;

  it("extracts the visible text, block elements as paragraphs, lists with their markers", async () => {
    const d = await readDocumentBytes(u8(html), "page.html");
    expect(d.format).toBe("html");
    expect(d.text).toBe(
      `Parliamentary Diplomacy\n\nThe IPU was founded in 1889 & sits in Geneva.\n\n• First entry\n\n• Second entry\n\n1. Numbered one.\n\n2. Numbered two.\n\nLine one\nline two\n\n${firstSentence}`,
    );
    const ps = splitPassages(d.text);
    expect(ps.map((p) => [p.kind, p.label, p.language])).toEqual([
      ["heading", undefined, "und"],
      ["paragraph", undefined, "en"],
      ["list-entry", undefined, "und"],
      ["list-entry", undefined, "und"],
      ["item", "1", "und"],
      ["item", "2", "und"],
      ["paragraph", undefined, "und"],
      ["paragraph", undefined, "fa"],
    ]);
  });

  it("reads citation_* meta tags, then Dublin Core and <title>", async () => {
    const d = await readDocumentBytes(u8(html), "page.htm");
    expect(d.metadata).toEqual({ title: "Parliamentary Diplomacy", authors: ["Khademi, Gholamreza", "Majidi, Mohammadreza"], date: "2026/05/01", doi: "10.22059/jices.2026.401499.1101", language: "en" });
    const dc = await readDocumentBytes(u8('<html><head><title> Plain  title </title><meta name="DC.creator" content="Jane Roe"><meta name="dc.date" content="2020-03"></head><body><p>x y z</p></body></html>'), "b.html");
    expect(dc.metadata).toEqual({ title: "Plain title", authors: ["Jane Roe"], date: "2020-03" });
  });
});

describe("DOCX (generated with a real zip and word/document.xml)", () => {
  it("paragraphs, numbered and bulleted items with Word's labels, Persian text, core properties", async () => {
    const bytes = makeDocx(
      [
        { text: "43 Achievements", style: "Title" },
        "By: Mohsen Pak Aein",
        { text: "The Islamic Revolution became the reason for the emergence of intifada.", list: "number" },
        { text: "Iran joined the Non-Aligned Movement in 1979.", list: "number" },
        { text: "an entry", list: "bullet" },
        firstSentence,
      ],
      { title: "Achievements", creator: "Mohsen Pak Aein; A. Translator", created: "2023-03-20T00:00:00Z", language: "en-GB" },
    );
    const d = await readDocumentBytes(bytes, "cat.docx");
    expect(d.format).toBe("docx");
    expect(d.text).toBe(
      `43 Achievements\n\nBy: Mohsen Pak Aein\n\n1. The Islamic Revolution became the reason for the emergence of intifada.\n\n2. Iran joined the Non-Aligned Movement in 1979.\n\n• an entry\n\n${firstSentence}`,
    );
    expect(d.metadata).toEqual({ title: "Achievements", authors: ["Mohsen Pak Aein", "A. Translator"], date: "2023-03-20T00:00:00Z", language: "en-gb" });
    expect(splitPassages(d.text).map((p) => [p.kind, p.label ?? "", p.language])).toEqual([
      ["heading", "", "und"],
      ["heading", "", "und"],
      ["item", "1", "en"],
      ["item", "2", "en"],
      ["list-entry", "", "und"],
      ["paragraph", "", "fa"],
    ]);
  });

  it("the Title style gives the title when the core properties do not", async () => {
    const d = await readDocumentBytes(makeDocx([{ text: "Styled Title", style: "Title" }, "Body text here."]), "t.docx");
    expect(d.metadata.title).toBe("Styled Title");
  });
});

describe("PDF (generated with a text layer, read with pdf.js)", () => {
  it("lines, paragraph gaps, pages joined by a form feed, Persian in logical order, Info metadata", async () => {
    const bytes = makePdf(
      [
        ["Party Diplomacy in Iran", "", "The role of parties in international relations has formed a", "new type of diplomacy.", "", "1 - The first achievement was impor-"],
        ["tant for the region.", "", firstSentence],
      ],
      { title: "Party Diplomacy", author: "Jane Roe; John Doe", creationDate: "D:20240115120000Z" },
    );
    const d = await readDocumentBytes(bytes, "doc.pdf");
    expect(d.format).toBe("pdf");
    expect(d.text).toBe(
      `Party Diplomacy in Iran\n\nThe role of parties in international relations has formed a\nnew type of diplomacy.\n\n1 - The first achievement was impor-\n\f\ntant for the region.\n\n${firstSentence}`,
    );
    expect(d.metadata).toEqual({ title: "Party Diplomacy", authors: ["Jane Roe", "John Doe"], date: "2024-01-15" });
    const ps = splitPassages(d.text);
    expect(ps.map((p) => [p.kind, p.label ?? "", p.language])).toEqual([
      ["heading", "", "und"],
      ["paragraph", "", "en"],
      ["item", "1", "en"],
      ["paragraph", "", "fa"],
    ]);
    expect(d.text.slice(ps[2]!.start, ps[2]!.end)).toBe("1 - The first achievement was impor-\n\f\ntant for the region.");
  });
});

describe("files that cannot be read: a DocumentError naming the file", () => {
  const zip = zipSync({ "a.txt": strToU8("x") });
  it.each<[string, Uint8Array, string, RegExp]>([
    ["empty", new Uint8Array(), "e.txt", /^diplograph: e\.txt: is empty$/],
    ["white space only", u8(" \n\n\t"), "w.txt", /w\.txt: has no text/],
    ["not UTF-8", new Uint8Array([0x61, 0x0a, 0x62, 0xff, 0x63]), "l.txt", /l\.txt, line 2: is not UTF-8 text \(byte 3/],
    ["UTF-16 without a BOM", new Uint8Array(Buffer.from("hello world, this is text", "utf16le")), "u.txt", /u\.txt.*looks like UTF-16 without a byte-order mark|contains NUL/],
    ["NUL characters", u8("abc\u0000def"), "n.txt", /n\.txt, line 1: contains NUL characters/],
    ["an unsupported extension", u8("x"), "f.rtf", /f\.rtf: has an unsupported format \(\.rtf\); supported: \.txt/],
    ["a zip that is not a DOCX", zip, "z.docx", /z\.docx: is not a DOCX file \(the archive has no word\/document\.xml\)/],
    ["a DOCX that is not a zip", u8("PK\u0003\u0004garbage"), "g.docx", /g\.docx: is not a readable DOCX file/],
    ["a broken PDF", u8("%PDF-1.7\nnothing here\n"), "b.pdf", /b\.pdf: is not a readable PDF/],
    ["a PDF without a text layer", makePdf([[""]]), "s.pdf", /s\.pdf: has no text layer/],
  ])("%s", async (_name, bytes, file, message) => {
    const e = await readDocumentBytes(bytes, file).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DocumentError);
    expect((e as DocumentError).file).toBe(file);
    expect((e as Error).message).toMatch(message);
  });

  it("a missing file and a folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dg-read-"));
    await expect(readDocument(join(dir, "none.txt"), "none.txt")).rejects.toThrow(/none\.txt: no such file/);
    await expect(readDocument(dir, "folder")).rejects.toThrow(/folder: is a folder, not a file/);
    writeFileSync(join(dir, "ok.txt"), "Fine.");
    expect((await readDocument(join(dir, "ok.txt"))).text).toBe("Fine.");
  });
});
