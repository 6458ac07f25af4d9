// Bad input end to end: each broken dataset exits non-zero naming file, line and field, and leaves the database
// byte-for-byte as it was.
import { cpSync, existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, sha256File, smallDataset, tmp, writeDataset } from "./helpers.js";

let db: string;
let good: string;

beforeAll(() => {
  good = writeDataset(tmp(), smallDataset());
  db = join(tmp(), "errors.db");
  const r = cli(["--db", db, "import", good]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
});

/** A copy of the good dataset with some files replaced or added. */
function broken(files: Record<string, string>): string {
  const dir = tmp();
  cpSync(good, dir, { recursive: true });
  for (const [rel, content] of Object.entries(files)) writeDataset(dir, { [rel]: content });
  return dir;
}

const cases: Array<{ name: string; files: Record<string, string>; file: string; line: number; field?: string; message: RegExp }> = [
  {
    name: "malformed JSON",
    files: { "actors/more.json": '[\n  { "id": "x", "kind": "state",,\n    "name": "X" }\n]\n' },
    file: "actors/more.json",
    line: 2,
    message: /malformed JSON/,
  },
  {
    name: "malformed CSV (unterminated quote)",
    files: { "relations/more.csv": 'id,kind,from,to\nr9,member-of,irn,alpha\nr10,member-of,"che,alpha\n' },
    file: "relations/more.csv",
    line: 3,
    message: /malformed CSV/,
  },
  {
    name: "CSV row with a missing field",
    files: { "relations/more.csv": "id,kind,from,to\nr9,member-of,irn,alpha\nr10,member-of,che\n" },
    file: "relations/more.csv",
    line: 3,
    message: /row has 3 fields, the header has 4/,
  },
  {
    name: "bad date in YAML",
    files: { "relations/more.yaml": "- id: r9\n  kind: member-of\n  from: che\n  to: alpha\n  start: 2025-02-30\n" },
    file: "relations/more.yaml",
    line: 5,
    field: "start",
    message: /not a calendar date/,
  },
  {
    name: "bad date in CSV",
    files: { "relations/more.csv": "id,kind,from,to,start\nr9,member-of,irn,alpha,1990\n\nr10,member-of,che,alpha,31 Esfand 1403\n" },
    file: "relations/more.csv",
    line: 4,
    field: "start",
    message: /Solar Hijri/,
  },
  {
    name: "unknown actor reference",
    files: { "relations/more.yaml": "- id: r9\n  kind: member-of\n  from: che\n  to: nowhere-assembly\n" },
    file: "relations/more.yaml",
    line: 4,
    field: "to",
    message: /unknown actor "nowhere-assembly"/,
  },
  {
    name: "duplicate id across files",
    files: { "actors/more.yaml": "- id: zzz\n  kind: other\n  name: Zed\n- id: alpha\n  kind: forum\n  name: Another Alpha\n" },
    file: "actors/more.yaml",
    line: 4,
    field: "id",
    message: /duplicate actor id "alpha" \(first defined in .*bodies\.yaml, line 1\)/,
  },
  {
    name: "unknown field (a typo)",
    files: { "actors/more.yaml": "- id: zzz\n  kind: other\n  name: Zed\n  contry: IRN\n" },
    file: "actors/more.yaml",
    line: 1,
    message: /unknown field "contry"/,
  },
  {
    name: "quote not in the document",
    files: { "actors/more.yaml": "- id: zzz\n  kind: other\n  name: Zed\n  claims:\n    - source: doc\n      quote: a sentence the document never says\n" },
    file: "actors/more.yaml",
    line: 6,
    field: "claims[0].quote",
    message: /quote not found in source doc/,
  },
  {
    name: "control character in a name",
    files: { "actors/more.json": '[{ "id": "zzz", "kind": "other", "name": "Ze\\u0007d" }]' },
    file: "actors/more.json",
    line: 1,
    field: "name",
    message: /contains a control character/,
  },
  {
    name: "role that does not fit the relation kind",
    files: { "relations/more.yaml": "- id: r9\n  kind: member-of\n  from: che\n  to: alpha\n  role: maritime\n" },
    file: "relations/more.yaml",
    line: 5,
    field: "role",
    message: /role "maritime" does not fit kind member-of/,
  },
];

describe("diplograph import with bad input", () => {
  it.each(cases)("$name", ({ files, file, line, field, message }) => {
    const before = sha256File(db);
    const r = cli(["--db", db, "import", broken(files)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/nothing was written/);
    expect(r.stderr).toMatch(message);
    const where = new RegExp(`${file.replace(/[.]/g, "\\.")}, line ${line}${field ? `, field ${field.replace(/[[\].]/g, "\\$&")}` : ""}:`);
    expect(r.stderr).toMatch(where);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(sha256File(db)).toBe(before);
    expect(existsSync(`${db}-wal`)).toBe(false);
  });

  it("reports every problem of a dataset at once", () => {
    const before = sha256File(db);
    const r = cli(["--db", db, "import", broken({ ...cases[3]!.files, ...cases[6]!.files })]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/import failed with 2 errors/);
    expect(sha256File(db)).toBe(before);
  });

  it("creates no database when the first import fails", () => {
    const fresh = join(tmp(), "never.db");
    const r = cli(["--db", fresh, "import", broken(cases[5]!.files)]);
    expect(r.code).toBe(1);
    expect(existsSync(fresh)).toBe(false);
  });

  it("names a missing dataset folder and a missing manifest", () => {
    const r1 = cli(["--db", db, "import", "/nonexistent/dataset"]);
    expect(r1.code).toBe(1);
    expect(r1.stderr).toMatch(/\/nonexistent\/dataset: no such file or folder/);
    const dir = tmp();
    writeFileSync(join(dir, "actors.yaml"), "[]\n");
    const r2 = cli(["--db", db, "import", dir]);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(/dataset\.yaml: missing manifest/);
  });

  it("re-importing the same data leaves the file byte-for-byte unchanged", () => {
    const before = sha256File(db);
    const r = cli(["--db", db, "import", good]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Nothing changed/);
    expect(sha256File(db)).toBe(before);
  });

  it("rejects bad options with a message, not a stack", () => {
    const r = cli(["--db", db, "claims", "--status", "maybe"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--status: expected one of proposed, accepted, rejected/);
    const r2 = cli(["--db", db, "relations", "--from", "last year"]);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(/"last year" is not a date/);
    const r3 = cli(["--db", db, "actors", "show", "nobody at all"]);
    expect(r3.code).toBe(1);
    expect(r3.stderr).toMatch(/no actor "nobody at all"/);
  });
});
