// CSL-JSON and BibTeX writers: items checked field by field, Solar Hijri years, escaping and stable keys.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { escapeBibtex, toBibtex } from "./bibtex.js";
import { toCslJson } from "./csl.js";
import { parseReference, parseReferences } from "./references.js";

const nye = parseReference("Nye, Jr, Joseph S. (2005), \"Soft Power: The Means to Success in World Politics\", New York: Public Affairs.");
const dehkhoda = parseReference("دهخدا، علی‌اکبر (۱۳۷۷). لغت‌نامه. تهران: دانشگاه تهران.");
const article = parseReference("Hosseini, S. H., & Shirzadi, R. (2023). The role of parliamentary diplomacy & national security: 50% more. *Foreign Relations*, 15(2), 132–157. <https://doi.org/10.22034/fr.2023.416731.1440>. [in Persian].");

/** The part of the CSL-JSON schema (CSL 1.0.2) the writer uses; unknown variables would be rejected. */
const name = z.union([z.object({ family: z.string(), given: z.string().optional(), suffix: z.string().optional() }).strict(), z.object({ literal: z.string() }).strict()]);
const date = z.object({ "date-parts": z.array(z.array(z.number().int()).min(1).max(3)).min(1).max(2).optional(), literal: z.string().optional() }).strict();
const CslItem = z
  .object({
    id: z.string(),
    type: z.enum(["article-journal", "book", "chapter", "paper-conference", "report", "thesis", "webpage", "document"]),
    author: z.array(name).optional(),
    editor: z.array(name).optional(),
    translator: z.array(name).optional(),
    issued: date.optional(),
    "original-date": date.optional(),
    title: z.string().optional(),
    "container-title": z.string().optional(),
    publisher: z.string().optional(),
    "publisher-place": z.string().optional(),
    volume: z.string().optional(),
    issue: z.string().optional(),
    page: z.string().optional(),
    edition: z.string().optional(),
    DOI: z.string().optional(),
    URL: z.string().optional(),
    language: z.string().optional(),
    note: z.string().optional(),
  })
  .strict();

describe("toCslJson", () => {
  it("writes valid items with names, dates, container and identifiers", () => {
    const items = toCslJson([nye, dehkhoda, article]);
    for (const i of items) expect(() => CslItem.parse(i)).not.toThrow();
    expect(items[0]).toEqual({
      id: "nye2005",
      type: "book",
      author: [{ family: "Nye", given: "Joseph S.", suffix: "Jr" }],
      issued: { "date-parts": [[2005]] },
      title: "Soft Power: The Means to Success in World Politics",
      publisher: "Public Affairs",
      "publisher-place": "New York",
    });
    expect(items[2]).toMatchObject({ type: "article-journal", "container-title": "Foreign Relations", volume: "15", issue: "2", page: "132–157", DOI: "10.22034/fr.2023.416731.1440", language: "fa" });
  });
  it("issues a Solar Hijri year as the Gregorian years it spans and keeps the original", () => {
    const [d] = toCslJson([dehkhoda]);
    expect(d).toMatchObject({
      issued: { "date-parts": [[1998], [1999]] },
      "original-date": { literal: "۱۳۷۷ SH" },
      note: "Solar Hijri year ۱۳۷۷ (1998-03-21 to 1999-03-20)",
    });
  });
});

describe("toBibtex", () => {
  it("writes entries with stable keys, escaped specials and UTF-8 kept", () => {
    expect(toBibtex([nye])).toBe(
      [
        "@book{nye2005,",
        "  author    = {Nye, Jr, Joseph S.},",
        "  title     = {{Soft Power: The Means to Success in World Politics}},",
        "  publisher = {Public Affairs},",
        "  address   = {New York},",
        "  year      = {2005}",
        "}",
        "",
      ].join("\n"),
    );
    const a = toBibtex([article]);
    expect(a).toContain("@article{hosseini2023,");
    expect(a).toContain("author  = {Hosseini, S. H. and Shirzadi, R.}");
    expect(a).toContain("title   = {{The role of parliamentary diplomacy \\& national security: 50\\% more}}");
    expect(a).toContain("pages   = {132--157}");
    expect(a).toContain("doi     = {10.22034/fr.2023.416731.1440}");
    expect(a).toContain("langid  = {persian}");
  });
  it("writes a Solar Hijri year as its main Gregorian year, with the day range and the original", () => {
    const d = toBibtex([dehkhoda]);
    expect(d).toContain("author    = {دهخدا, علی‌اکبر}");
    expect(d).toContain("year      = {1998}");
    expect(d).toContain("date      = {1998-03-21/1999-03-20}");
    expect(d).toContain("note      = {Solar Hijri year ۱۳۷۷}");
  });
  it("braces multi-word family names and corporate authors", () => {
    const refs = parseReferences([
      { start: 0, end: 1, text: "Delavarpour Aghdam, M. (2025). Seventh Development Plan Law. Tehran: Majlis." },
      { start: 1, end: 2, text: "World Bank. (2020). World development report 2020. Washington, DC: World Bank." },
    ]);
    const b = toBibtex(refs);
    expect(b).toMatch(/author\s+= \{\{Delavarpour Aghdam\}, M\.\}/);
    expect(b).toMatch(/@techreport\{worldbank2020,\n\s+author\s+= \{\{World Bank\}\}/);
  });
  it("escapes every LaTeX special character", () => {
    expect(escapeBibtex("a_b {c} #1 $2 ~ ^ \\")).toBe("a\\_b \\{c\\} \\#1 \\$2 \\textasciitilde{} \\textasciicircum{} \\textbackslash{}");
  });
});
