import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { splitPassages } from "../passages/index.js";
import { documentIdFor } from "./ingest.js";
import { findDoi, metadataFromText } from "./metadata.js";

const SEEDS = new URL("../../../../../../shared/seeds/", import.meta.url);
const seed = (name: string) => readFileSync(new URL(name, SEEDS), "utf8");
const meta = (text: string) => metadataFromText(text, splitPassages(text));

describe("metadata from the text", () => {
  it("seed 001: title, DOI, the date it was published online, English", () => {
    expect(meta(seed("001_a9b394bd303c974a.txt"))).toEqual({
      title: "Multilateral Parliamentary Diplomacy between the Islamic Republic of Iran and the Russian Federation: Institutional Capacities and Development Prospects",
      date: "2026-05-01",
      doi: "10.22059/jices.2026.401499.1101",
      language: "en",
    });
  });

  it("seed 004: title and the author before his affiliation", () => {
    expect(meta(seed("004_40f7615d4fa621a5.part1.txt"))).toEqual({ title: "43 Achievements of Iran in the Area of Foreign Relations", authors: ["Mohsen Pak Aein"], language: "en" });
  });

  it("seed 000: no title line (its first heading is Abstract), so none is claimed", () => {
    expect(meta(seed("000_2d425690e4073c18.txt")).title).toBeUndefined();
  });

  it.each([
    ["Authors: Jane Roe; John Doe\n\nText.", ["Jane Roe", "John Doe"]],
    ["By: Jane Roe and John Doe\n\nText.", ["Jane Roe", "John Doe"]],
    ["Author(s): Gholamreza Khademi¹, Mohammadreza Majidi²\n\nText.", ["Gholamreza Khademi", "Mohammadreza Majidi"]],
    ["نویسنده: علی رضایی و مریم احمدی\n\nمتن.", ["علی رضایی", "مریم احمدی"]],
  ])("authors: %s", (text, authors) => {
    expect(meta(text).authors).toEqual(authors);
  });

  it.each([
    ["see https://doi.org/10.1000/xyz.123).", "10.1000/xyz.123"],
    ["DOI: <http://doi.org/10.22059/jices.2026.401499.1101>", "10.22059/jices.2026.401499.1101"],
    ["no identifier", undefined],
  ])("DOI in %s", (text, doi) => {
    expect(findDoi(text)).toBe(doi);
  });

  it.each([
    ["Pak Aein – 43 Achievements.pdf", "pak-aein-43-achievements"],
    ["/a/b/004_40f7615d4fa621a5.part1.txt", "004_40f7615d4fa621a5.part1"],
    ["Élysée Déclaration.docx", "elysee-declaration"],
    ["گزارش.txt", "doc-0123456789ab"],
  ])("document id of %s", (file, id) => {
    expect(documentIdFor(file, "0123456789abcdef")).toBe(id);
  });
});
