// `diplograph ingest` and `diplograph extract` end to end: the built CLI on the seed documents and generated files.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readDocumentBytes } from "@diplograph/ingest";
import { makeDocx, makePdf } from "../packages/ingest/src/documents/read/fixtures.js";
import { cli, sha256File, sharedDir, tmp } from "./helpers.js";

const seeds = join(sharedDir, "seeds");
const seed = (n: string) => join(seeds, n);
const ALL = ["000_2d425690e4073c18.txt", "001_a9b394bd303c974a.txt", "002_5081e67a68f62e66.txt", "003_9b2c7ee10cd64283.txt", "004_40f7615d4fa621a5.part1.txt"].map(seed);

describe("diplograph ingest", () => {
  const dir = tmp();
  const db = join(dir, "docs.db");

  beforeAll(() => {
    const r = cli(["--db", db, "--json", "ingest", ...ALL]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.files.map((f: { documentId: string; status: string; version: number }) => [f.documentId, f.status, f.version])).toEqual([
      ["000_2d425690e4073c18", "new", 1],
      ["001_a9b394bd303c974a", "new", 1],
      ["002_5081e67a68f62e66", "new", 1],
      ["003_9b2c7ee10cd64283", "new", 1],
      ["004_40f7615d4fa621a5.part1", "new", 1],
    ]);
    expect(s.wrote).toBe(true);
  });

  it("reads each seed's metadata from its text", () => {
    const r = cli(["--db", db, "--json", "ingest", "--dry-run", ...ALL]);
    const files = JSON.parse(r.stdout).files as Array<Record<string, unknown>>;
    expect(files[1]).toMatchObject({ doi: "10.22059/jices.2026.401499.1101", published: "2026-05-01", language: "en", status: "unchanged" });
    expect(files[1]!.title).toMatch(/^Multilateral Parliamentary Diplomacy between the Islamic Republic of Iran and the Russian Federation/);
    expect(files[3]).toMatchObject({ title: "Diplomacy of Movements and the Foreign Policy of the Islamic Republic of Iran: Roadmap and Forthcoming Problems", languages: ["en", "fa"] });
    expect(files[4]).toMatchObject({ title: "43 Achievements of Iran in the Area of Foreign Relations", authors: ["Mohsen Pak Aein"], passages: 24, dates: 11 });
  });

  it("re-ingesting the same files is a no-op: the SQLite file stays byte for byte the same", () => {
    const before = sha256File(db);
    const r = cli(["--db", db, "ingest", ...ALL]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Nothing changed: the database already holds these files.");
    expect(sha256File(db)).toBe(before);
  });

  it("a changed file of the same document becomes its next version; claims list by source", () => {
    const changed = join(dir, "004_40f7615d4fa621a5.part1.txt");
    copyFileSync(ALL[4]!, changed);
    writeFileSync(changed, "\n21 - A new item.\n", { flag: "a" });
    const r = cli(["--db", db, "--json", "ingest", changed]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files[0]).toMatchObject({ documentId: "004_40f7615d4fa621a5.part1", version: 2, sourceId: "004_40f7615d4fa621a5.part1.v2", status: "new-version", passages: 25 });
    const text = cli(["--db", db, "ingest", changed]);
    expect(text.stdout).toMatch(/004_40f7615d4fa621a5\.part1 +2 +unchanged/);
  });

  it("options override what the file says; --author repeats", () => {
    const r = cli(["--db", db, "--json", "ingest", "--dry-run", "--id", "pak-aein", "--title", "Achievements", "--author", "A. One", "--author", "B. Two", "--date", "28 Dey 1403", "--language", "en", "--doi", "10.1234/x.1", ALL[4]!]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files[0]).toMatchObject({ documentId: "pak-aein", sourceId: "pak-aein.v1", title: "Achievements", authors: ["A. One", "B. Two"], published: "28 Dey 1403", doi: "10.1234/x.1", status: "new" });
  });

  it.each<[string, string[], RegExp]>([
    ["a date it cannot read", ["--date", "yesterday", seed("004_40f7615d4fa621a5.part1.txt")], /^diplograph: --date "yesterday": /],
    ["an invalid id", ["--id", "Bad Id", seed("004_40f7615d4fa621a5.part1.txt")], /--id "Bad Id": ids are lower case/],
    ["--id with two files", ["--id", "x", ALL[0]!, ALL[1]!], /--id names one document; give one file with it/],
    ["an invalid DOI", ["--doi", "doi:123", ALL[0]!], /--doi "doi:123": expected a DOI/],
  ])("refuses %s (exit 1, no stack)", (_name, args, message) => {
    const before = sha256File(db);
    const r = cli(["--db", db, "ingest", ...args]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(sha256File(db)).toBe(before);
  });

  it.each<[string, string, Buffer | string, RegExp]>([
    ["missing", "missing.txt", "", /missing\.txt: no such file/],
    ["empty", "empty.txt", "", /empty\.txt: is empty/],
    ["not UTF-8", "latin1.txt", Buffer.from("caf\xe9 au lait\n", "latin1"), /latin1\.txt, line 1: is not UTF-8 text/],
    ["unsupported", "slides.pptx", "x", /slides\.pptx: has an unsupported format \(\.pptx\)/],
    ["a broken PDF", "broken.pdf", "%PDF-1.4\ngarbage", /broken\.pdf: is not a readable PDF/],
  ])("a file that is %s: exit 1 naming it, the database unchanged, good files beside it not stored", (name, file, content, message) => {
    const path = join(dir, file);
    if (name !== "missing") writeFileSync(path, content);
    const good = join(dir, "good-new.txt");
    writeFileSync(good, "A fresh document.\n");
    const before = sha256File(db);
    const r = cli(["--db", db, "ingest", good, path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^diplograph: /);
    expect(sha256File(db)).toBe(before);
  });

  it("a failed ingest into a new database leaves no database behind", () => {
    const fresh = join(tmp(), "new.db");
    const r = cli(["--db", fresh, "ingest", join(dir, "nothing.txt")]);
    expect(r.code).toBe(1);
    expect(existsSync(fresh)).toBe(false);
  });

  it("many files: progress on stderr (files, passages, rate), a summary on stdout", () => {
    const many = tmp();
    const files: string[] = [];
    for (let i = 0; i < 25; i++) {
      const f = join(many, `doc-${i}.md`);
      writeFileSync(f, `---\ntitle: Document ${i}\n---\n# Heading ${i}\n\nIran and Russia met in ${1990 + i}.\n\n- an entry\n`);
      files.push(f);
    }
    const r = cli(["--db", join(many, "m.db"), "ingest", ...files]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^ingest: 25\/25 files, 75 passages, [\d,]+ passages\/s, read in [\d.]+ s$/m);
    expect(r.stdout).toMatch(/^Ingested 25 files \(75 passages\)/);
    expect(r.stdout).toMatch(/doc-24 +1 +new +markdown/);
  });
});

describe("diplograph extract", () => {
  it("--json: one JSON object per passage that yields anything, offsets slicing the file", () => {
    const file = seed("001_a9b394bd303c974a.txt");
    const text = readFileSync(file, "utf8");
    const r = cli(["extract", "--json", file]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n").map((l) => JSON.parse(l));
    // Dates alone were found in 9 passages; entity linking adds those that name an actor.
    expect(lines.length).toBeGreaterThan(9);
    const countries = new Set(lines.flatMap((l) => l.mentions).filter((m: { actor: { kind: string } }) => m.actor.kind === "state").map((m: { actor: { country: string } }) => m.actor.country));
    for (const c of ["IRN", "RUS", "ARM", "KAZ", "BLR"]) expect(countries).toContain(c);
    for (const l of lines) {
      expect(Object.keys(l)).toEqual(["start", "end", "mentions", "dates", "events"]);
      expect(l.dates.length + l.mentions.length + l.events.length).toBeGreaterThan(0);
      for (const d of l.dates) {
        expect(Object.keys(d)).toEqual(["start", "end", "text", "value", "precision", "calendar"]);
        expect(text.slice(d.start, d.end)).toBe(d.text);
        expect(d.start >= l.start && d.end <= l.end).toBe(true);
      }
    }
    expect(lines.flatMap((l) => l.dates).find((d: { text: string }) => d.text === "28 Dey 1403")).toMatchObject({ value: "2025-01-17", precision: "day", calendar: "solar-hijri" });
  });

  it("--json on a DOCX and a PDF: offsets into the extracted text", async () => {
    const dir = tmp();
    const docx = join(dir, "a.docx");
    writeFileSync(docx, makeDocx(["Summits", { text: "The summit was held in Tehran on 7 December 1997.", list: "number" }, "در سال ۱۳۷۷ برگزار شد."]));
    const pdf = join(dir, "a.pdf");
    writeFileSync(pdf, makePdf([["The talks ran from 16th to 31st August 2012 in", "Geneva."]]));
    for (const file of [docx, pdf]) {
      const text = (await readDocumentBytes(new Uint8Array(readFileSync(file)), file)).text;
      const r = cli(["extract", "--json", file]);
      expect(r.code).toBe(0);
      const dates = r.stdout.trimEnd().split("\n").flatMap((l) => JSON.parse(l).dates);
      expect(dates.length).toBeGreaterThan(0);
      for (const d of dates) expect(text.slice(d.start, d.end)).toBe(d.text);
    }
  });

  it("without --json: a table of what each passage yields", () => {
    const r = cli(["extract", seed("004_40f7615d4fa621a5.part1.txt")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/: text, 24 passages, 2\d with findings/);
    expect(r.stdout).toMatch(/nam-movement “Non-Aligned Movement”/);
    expect(r.stdout).toMatch(/event summit 1997-12-07 \[irn\]/);
    expect(r.stdout).toMatch(/event accession \(no date stated\) \[[^\]]*nam-movement/);
    expect(r.stdout).toMatch(/item 14 +en +\d+–\d+ +date 1992-01 “January 1992”/);
  });

  it("a file it cannot read: exit 1 naming it", () => {
    const r = cli(["extract", "--json", join(tmp(), "none.html")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^diplograph: .*none\.html: no such file\n$/);
    expect(r.stdout).toBe("");
  });
});
