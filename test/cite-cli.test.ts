// `diplograph cite` through the built CLI on seed 001: text, JSON, CSL-JSON and BibTeX, and a missing file.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, seedDir, tmp } from "./helpers.js";

const file = join(seedDir, "documents/001_a9b394bd303c974a.txt");
const text = readFileSync(file, "utf8");

describe("diplograph cite", () => {
  it("prints the references and the citation links as JSON, with offsets into the file", () => {
    const r = cli(["--json", "cite", file]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      summary: Record<string, number>;
      references: Array<{ id: string; start: number; end: number; text: string }>;
      citations: Array<{ text: string; start: number; end: number; status: string; reference?: string }>;
    };
    expect(out.summary).toEqual({ references: 26, citations: 30, linked: 27, ambiguous: 0, unlinked: 3 });
    for (const ref of out.references) expect(text.slice(ref.start, ref.end)).toBe(ref.text);
    for (const c of out.citations) expect(text.slice(c.start, c.end)).toBe(c.text);
    expect(out.citations.find((c) => c.text === "Christiansen, 2019: 31")).toMatchObject({ status: "linked", reference: "christiansen2019" });
    expect(out.citations.filter((c) => c.status === "unlinked").map((c) => c.text)).toEqual(["Eshkunkov (2023)", "Mikhaliyova, 2021: 56", "Kaminska, 2022: 41"]);
    // --format json is the same output.
    expect(cli(["cite", file, "--format", "json"]).stdout).toBe(r.stdout);
  });

  it("prints a readable summary by default", () => {
    const r = cli(["cite", file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('References: 26 entries under "References"');
    expect(r.stdout).toContain("Citations: 30 found, 27 linked, 0 ambiguous, 3 unlinked");
    expect(r.stdout).toContain('"Alekseev (2022)" → alexeev2022 (variant, same)');
  });

  it("writes CSL-JSON and BibTeX to standard output", () => {
    const csl = cli(["cite", file, "--format", "csl"]);
    expect(csl.code).toBe(0);
    const items = JSON.parse(csl.stdout) as Array<{ id: string; DOI?: string }>;
    expect(items).toHaveLength(26);
    expect(items[0]).toMatchObject({ id: "alexeev2022", DOI: "10.18384/2224-0209-2022-2-210" });
    const bib = cli(["cite", file, "--format", "bibtex"]);
    expect(bib.code).toBe(0);
    expect(bib.stdout.match(/^@\w+\{/gm)).toHaveLength(26);
    expect(bib.stdout).toContain("@incollection{garciaperezdeleon2020,");
  });

  it("says clearly when the file cannot be read", () => {
    const missing = cli(["cite", join(tmp(), "nope.txt")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^diplograph: cannot read .*nope\.txt: no such file\n$/);
    const folder = cli(["cite", tmp()]);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toMatch(/is a folder, not a file/);
  });
});
