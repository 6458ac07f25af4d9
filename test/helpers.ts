// Shared test helpers: paths, running the real CLI, fresh databases on each backend, small generated datasets.
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const sharedDir = resolve(repoRoot, "../shared");
export const seedDir = join(repoRoot, "data/seed");
const cliMain = join(repoRoot, "packages/cli/dist/main.js");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the built `diplograph` binary, as a user would. */
export function cli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, [cliMain, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, ...options.env },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tmp(prefix = "dg-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function sha256File(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/** Write a dataset folder from a map of relative paths to contents. */
export function writeDataset(dir: string, files: Record<string, string>): string {
  for (const [rel, content] of Object.entries(files)) {
    const full = join(dir, rel);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return dir;
}

export const PG_URL = process.env.DIPLOGRAPH_TEST_PG_URL;

/** A new, empty PostgreSQL database on the test server; returns its URL and a function that drops it. */
export async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!PG_URL) throw new Error("DIPLOGRAPH_TEST_PG_URL is not set");
  const name = `dg_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      // Stores are closed before this runs, but their connections may still be closing: forcing the drop then
      // kills a connection mid-close, whose client reports it as an unhandled error. Wait for them to go first.
      for (let i = 0; i < 100; i++) {
        const { rows } = await c.query<{ n: string }>("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1", [name]);
        if (Number(rows[0]!.n) === 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface Backend {
  name: "sqlite" | "postgres";
  /** False when no PostgreSQL test server is configured: its tests are reported as skipped (CI always sets one). */
  available: boolean;
  /** A fresh, empty database location and its clean-up. */
  fresh(): Promise<{ url: string; drop: () => Promise<void> }>;
}

/** The backends every store test runs on: SQLite always, PostgreSQL when a test server is configured (CI always). */
export const backends: Backend[] = [
  { name: "sqlite", available: true, fresh: async () => ({ url: join(tmp(), "test.db"), drop: async () => undefined }) },
  { name: "postgres", available: Boolean(PG_URL), fresh: freshPostgres },
];

/** A small, valid dataset with one document, generated here so each test can break one thing in a copy of it. */
export function smallDataset(): Record<string, string> {
  return {
    "dataset.yaml": "name: small\ndefaults:\n  status: accepted\n  confidence: 0.9\n  author: tests\n",
    "documents/doc.txt":
      "The Alpha Assembly was founded in 1990 in Bern.\nIt has 12 full members and\n3 associate members.\nAlpha and Beta signed the Gamma Treaty on 28 Dey 1403.\n",
    "sources.yaml": "- id: doc\n  type: report\n  title: A test document\n  language: en\n  file: documents/doc.txt\n",
    "actors/states.yaml": [
      "- id: irn",
      "  kind: state",
      "  name: Iran",
      "  country: IRN",
      "  aliases: [{ name: ایران, lang: fa }]",
      "- id: che",
      "  kind: state",
      "  name: Switzerland",
      "  country: CHE",
      "",
    ].join("\n"),
    "actors/bodies.yaml": [
      "- id: alpha",
      "  kind: parliamentary-assembly",
      "  name: Alpha Assembly",
      "  aliases: [AA]",
      "  claims:",
      "    - source: doc",
      "      quote: founded in 1990 in Bern",
      "      asserts: { founded: 1990, seat: Bern }",
      "    - source: doc",
      "      quote: 12 full members",
      "      property: members",
      "      value: 12",
      "      qualifiers: { role: full }",
      "",
    ].join("\n"),
    "agreements.yaml": "- id: gamma\n  kind: treaty\n  name: Gamma Treaty\n  signed: 28 Dey 1403\n  claims:\n    - source: doc\n      quote: signed the Gamma Treaty on 28 Dey 1403\n",
    "relations/relations.csv": "id,kind,from,to,role,start,end,track,layers,source,quote\nr1,member-of,IRN,alpha,full,1995,,parliamentary,political;legal,doc,It has 12 full members\nr2,treaty-party,irn,gamma,signatory,,,official,,doc,signed the Gamma Treaty\n",
    "events/events.yaml": "- id: e1\n  type: agreement-signed\n  title: Gamma Treaty signed\n  date: 28 Dey 1403\n  participants: [\"irn:signatory\", che]\n  agreement: gamma\n  claims:\n    - source: doc\n      quote: Alpha and Beta signed the Gamma Treaty\n",
  };
}
