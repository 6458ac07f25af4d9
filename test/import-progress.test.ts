// A long import shows progress on stderr (rows done, rate, time) and still prints its summary, as text and as JSON.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- the benchmark's generator is plain JavaScript
import { generate } from "../bench/import/generate.mjs";
import { cli, tmp } from "./helpers.js";

describe("import progress", () => {
  it("reports rows done, rate and time on a 25,000-row import", async () => {
    const dir = join(tmp(), "data");
    await (generate as (d: string, o: object) => Promise<unknown>)(dir, { relations: 12_500, events: 12_500, actors: 1_000 });
    const db = join(tmp(), "progress.db");
    const r = cli(["--db", db, "import", dir]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.trim().split("\n");
    expect(lines.at(-1)).toMatch(/^import: [\d,]+\/[\d,]+ rows, [\d,]+ rows\/s, done in \d+\.\d s$/);
    expect(r.stdout).toMatch(/relations\s+12500\s+12500\s+0\s+0/);
    const json = cli(["--db", join(tmp(), "p2.db"), "--json", "import", "--quiet", dir]);
    expect(json.stderr).toBe("");
    expect(JSON.parse(json.stdout)).toMatchObject({ records: { relations: 12_500, events: 12_500, claims: 25_000 }, result: { wrote: true } });
  });
});
