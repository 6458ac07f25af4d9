// End to end: `diplograph serve` as a user starts it (child process, free port, empty database seeded on first start),
// then the API, its OpenAPI document and its rendered documentation over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { repoRoot, tmp } from "./helpers.js";

describe("diplograph serve", () => {
  let child: ChildProcess;
  let url: string;
  let output = "";

  beforeAll(async () => {
    const db = join(tmp(), "serve.db");
    child = spawn(process.execPath, [join(repoRoot, "packages/cli/dist/main.js"), "--db", db, "serve", "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
    url = await new Promise<string>((resolve, reject) => {
      child.stdout!.on("data", (d) => {
        output += d;
        const m = /serving .* on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (m) resolve(m[1]!);
      });
      child.stderr!.on("data", (d) => (output += d));
      child.on("exit", (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
    });
  });

  afterAll(() => {
    child?.kill("SIGTERM");
  });

  it("imports the seed dataset on first start and says so", () => {
    expect(output).toMatch(/First start: imported the seed dataset/);
  });

  it("answers searches in Persian and English with the same actor", async () => {
    for (const q of ["مجلس", "Islamic Consultative Assembly"]) {
      const r = await fetch(`${url}/api/actors?q=${encodeURIComponent(q)}`);
      expect(r.status).toBe(200);
      const body = (await r.json()) as { items: Array<{ actor: { id: string } }>; total: number };
      expect(body.items[0]!.actor.id).toBe("irn-parliament");
    }
  });

  it("serves the OpenAPI document and its rendering, with every asset local", async () => {
    const doc = (await (await fetch(`${url}/api/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).length).toBeGreaterThan(20);
    const page = await fetch(`${url}/api/docs`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("swagger-ui");
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const a of assets) {
      expect(a).not.toMatch(/^https?:/);
      expect((await fetch(new URL(a, `${url}/api/docs/`))).status).toBe(200);
    }
  });

  it("answers a bad request with 400 and the field path, over HTTP", async () => {
    const r = await fetch(`${url}/api/actors?limit=9999`);
    expect(r.status).toBe(400);
    expect(((await r.json()) as { issues: Array<{ path: string }> }).issues[0]!.path).toBe("querystring.limit");
  });
});
