// A long import shows progress on stderr (rows done, rate, time) and still prints its summary, as text and as JSON.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- the benchmark's generator is plain JavaScript
import { generate } from "../bench/import/generate.mjs";
import { cli, seedDir, sha256File, tmp } from "./helpers.js";

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

describe("failed bulk import", () => {
  it("rolls back 60,000 rows (indexes deferred, chunks already written) and leaves the file byte-for-byte unchanged", async () => {
    const dir = join(tmp(), "bulk");
    await (generate as (d: string, o: object) => Promise<unknown>)(dir, { relations: 30_000, events: 30_000, actors: 1_000 });
    // Break one of the last relation rows: by then every earlier chunk has been written inside the transaction.
    const file = join(dir, "relations", "relations.csv");
    const lines = readFileSync(file, "utf8").split("\n");
    lines[29_990] = lines[29_990]!.replace(/,(official|parliamentary|party|movement|public-cultural|economic|military-security),/, ",no-such-track,");
    writeFileSync(file, lines.join("\n"));
    const db = join(tmp(), "bulk.db");
    expect(cli(["--db", db, "import", seedDir]).code).toBe(0);
    const before = sha256File(db);
    const r = cli(["--db", db, "import", "--quiet", dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/relations\.csv, line 29991, field track: expected one of/);
    expect(sha256File(db)).toBe(before);
    expect(existsSync(`${db}-wal`)).toBe(false);
  });
});
