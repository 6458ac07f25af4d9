// POST /api/documents and the document routes on every backend: upload, versions, passages, 400s and 404s.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance, InjectOptions } from "fastify";
import { buildServer } from "@diplograph/api";
import { Store } from "@diplograph/store";
import { makeDocx } from "../packages/ingest/src/documents/read/fixtures.js";
import { backends, sharedDir } from "./helpers.js";

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const seed004 = readFileSync(join(sharedDir, "seeds/004_40f7615d4fa621a5.part1.txt"));

for (const backend of backends) {
  describe.skipIf(!backend.available)(`document routes on ${backend.name}`, () => {
    let app: FastifyInstance;
    let store: Store;
    let drop: () => Promise<void>;
    const call = async (opts: InjectOptions | string) => {
      const r = await app.inject(typeof opts === "string" ? { method: "GET", url: opts } : opts);
      return { status: r.statusCode, body: r.json() as Json };
    };
    const upload = (url: string, payload: Buffer | Uint8Array | string, type = "text/plain") => call({ method: "POST", url, payload: Buffer.from(payload), headers: { "content-type": type } });

    beforeAll(async () => {
      const fresh = await backend.fresh();
      drop = fresh.drop;
      store = await Store.open(fresh.url);
      app = await buildServer({ store, validateResponses: true });
    });

    afterAll(async () => {
      await app?.close();
      await store?.close();
      await drop?.();
    });

    it("ingests an uploaded text file, and again is a no-op", async () => {
      const r = await upload("/api/documents?filename=achievements.txt", seed004);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body).toMatchObject({ wrote: true, files: [{ file: "achievements.txt", documentId: "achievements", version: 1, status: "new", passages: 24, authors: ["Mohsen Pak Aein"] }] });
      const again = await upload("/api/documents?filename=achievements.txt", seed004);
      expect(again.body).toMatchObject({ wrote: false, files: [{ status: "unchanged", version: 1 }] });
    });

    it("a changed upload is the next version; versions and passages by version", async () => {
      const changed = Buffer.concat([seed004, Buffer.from("\n21 - One more item.\n")]);
      const r = await upload("/api/documents?filename=achievements.txt", changed);
      expect(r.body.files[0]).toMatchObject({ version: 2, status: "new-version", sourceId: "achievements.v2" });
      const versions = await call("/api/documents/achievements/versions");
      expect(versions.status).toBe(200);
      expect(versions.body.items.map((v: Json) => [v.version, v.sourceId, v.supersedes ?? null, v.passages])).toEqual([
        [1, "achievements.v1", null, 24],
        [2, "achievements.v2", "achievements.v1", 25],
      ]);
      const latest = await call("/api/documents/achievements/passages");
      expect(latest.body).toMatchObject({ version: 2, sourceId: "achievements.v2" });
      expect(latest.body.items.at(-1)).toMatchObject({ kind: "item", label: "21", text: "21 - One more item." });
      // the document viewer's source read: the version, every version, this version's passages
      const source = await call("/api/sources/achievements.v1?claimsLimit=0");
      expect(source.status).toBe(200);
      expect(source.body.document).toMatchObject({ documentId: "achievements", version: 1, versions: [{ version: 1, sourceId: "achievements.v1" }, { version: 2, sourceId: "achievements.v2" }] });
      expect(source.body.document.passages).toHaveLength(24);
      const p0 = source.body.document.passages[0];
      expect(source.body.text.slice(p0.start, p0.end)).toBe("43 Achievements of Iran in the Area of Foreign Relations");
      expect(p0).toMatchObject({ ord: 0, kind: "heading" });
      const first = await call("/api/documents/achievements/passages?version=1");
      expect(first.body.items).toHaveLength(24);
      expect(first.body.items.filter((p: Json) => p.kind === "item").map((p: Json) => p.label)).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
      expect((await call("/api/documents")).body.items).toEqual([{ documentId: "achievements", versions: 2, latest: "achievements.v2", title: "43 Achievements of Iran in the Area of Foreign Relations" }]);
    });

    it("a DOCX upload with options, as a dry run", async () => {
      const r = await upload("/api/documents?filename=brief.docx&id=brief&title=A%20Brief&author=A.%20One&author=B.%20Two&dryRun=true", makeDocx(["Some text.", { text: "An item.", list: "number" }]), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body).toMatchObject({ dryRun: true, wrote: false, files: [{ documentId: "brief", format: "docx", title: "A Brief", authors: ["A. One", "B. Two"], passages: 2 }] });
      expect((await call("/api/documents/brief/versions")).status).toBe(404);
    });

    it.each<[string, string, Buffer | string, RegExp]>([
      ["no body", "/api/documents?filename=a.txt", "", /no body/],
      ["no filename", "/api/documents", "text", /filename/],
      ["an undecodable file", "/api/documents?filename=latin1.txt", Buffer.from([0x63, 0x61, 0x66, 0xe9]), /latin1\.txt, line 1: is not UTF-8 text/],
      ["an unsupported format", "/api/documents?filename=slides.pptx", "x", /slides\.pptx: has an unsupported format/],
      ["an invalid id", "/api/documents?filename=a.txt&id=Bad%20Id", "text", /id/],
      ["an unreadable date", "/api/documents?filename=a.txt&date=soon", "Text.", /--date .{1,2}soon/],
    ])("400 for %s, nothing stored", async (_name, url, payload, message) => {
      const before = (await call("/api/documents")).body.items;
      const r = await upload(url, payload);
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(JSON.stringify(r.body)).toMatch(message);
      expect((await call("/api/documents")).body.items).toEqual(before);
    });

    it("404 for an unknown document or version", async () => {
      for (const url of ["/api/documents/none/versions", "/api/documents/none/passages", "/api/documents/achievements/passages?version=9"]) {
        const r = await call(url);
        expect(r.status, url).toBe(404);
        expect(r.body.error).toBe("not-found");
      }
      expect((await call("/api/documents/achievements/passages?version=9")).body.message).toMatch(/has no version 9; it has 1, 2/);
    });
  });
}
