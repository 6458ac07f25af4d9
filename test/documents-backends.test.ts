// Document ingest on every backend: versions, the no-op re-ingest, passages, and proposals written for review.
import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DocumentError, NotFoundError } from "@diplograph/model";
import { createPipeline, importDataset, ingestDocuments, type Extractor, type MentionFinder } from "@diplograph/ingest";
import { Store } from "@diplograph/store";
import { backends, sharedDir, smallDataset, tmp, writeDataset } from "./helpers.js";

const seed004 = join(sharedDir, "seeds/004_40f7615d4fa621a5.part1.txt");
const seed003 = join(sharedDir, "seeds/003_9b2c7ee10cd64283.txt");

/** Stand-ins for the colleagues' parts: a linker that finds two stored actors, and events from item passages with a date. */
const linker: MentionFinder = {
  find(t) {
    const actors = { Iran: { id: "irn", name: "Iran", kind: "state" as const, country: "IRN" }, Switzerland: { id: "che", name: "Switzerland", kind: "state" as const, country: "CHE" } };
    return [...t.matchAll(/\b(Iran|Switzerland)\b/g)].map((m) => ({ start: m.index, end: m.index + m[1]!.length, text: m[1]!, actor: actors[m[1] as keyof typeof actors], candidates: [], via: "name" as const, resolution: "unique" as const, confidence: 1 }));
  },
};
const events: Extractor = (p, ctx) => {
  const date = ctx.found.dates.find((d) => d.kind === "point");
  if (p.kind !== "item" || !date || ctx.found.mentions.length === 0) return {};
  const participants = [...new Set(ctx.found.mentions.map((m) => m.actor!.id))].map((actor) => ({ actor, role: "participant" as const }));
  return { events: [{ event: { type: "other", title: `Item ${p.label}`, date: date.date, participants }, evidence: { start: p.start, end: p.end }, confidence: 0.5, note: "test proposal" }] };
};

for (const backend of backends) {
  describe.skipIf(!backend.available)(`document ingest on ${backend.name}`, () => {
    let store: Store;
    let drop: () => Promise<void>;
    const dir = tmp();
    const pipeline = createPipeline({ linker, events });

    beforeAll(async () => {
      const fresh = await backend.fresh();
      drop = fresh.drop;
      store = await Store.open(fresh.url);
      await importDataset(store, writeDataset(tmp(), smallDataset()));
    });

    afterAll(async () => {
      await store?.close();
      await drop?.();
    });

    it("stores a new document as version 1 with its passages and metadata", async () => {
      const s = await ingestDocuments(store, [seed004], { pipeline, display: () => "004.txt" });
      expect(s.wrote).toBe(true);
      const [f] = s.files;
      expect(f).toMatchObject({ documentId: "004", version: 1, sourceId: "004.v1", status: "new", format: "text", language: "en", passages: 24, dates: 11 });
      expect(f!.title).toBe("43 Achievements of Iran in the Area of Foreign Relations");
      expect(f!.authors).toEqual(["Mohsen Pak Aein"]);
      const versions = await store.documentVersions("004");
      expect(versions).toEqual([expect.objectContaining({ documentId: "004", version: 1, sourceId: "004.v1", format: "text", language: "en", passages: 24, sha256: f!.sha256 })]);
      const passages = await store.passages("004.v1");
      expect(passages.filter((p) => p.kind === "item").map((p) => p.label)).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
      const source = await store.getSource("004.v1");
      for (const p of passages) expect(source.text!.slice(p.start, p.end).trim()).toBe(source.text!.slice(p.start, p.end));
    });

    it("writes the pipeline's event proposals as proposed claims quoting the passage", async () => {
      const claims = await store.listClaims({ source: "004.v1", limit: 500 });
      expect(claims.length).toBeGreaterThan(0);
      const source = await store.getSource("004.v1");
      for (const c of claims) {
        expect(c).toMatchObject({ status: "proposed", author: "diplograph-ingest", target: { type: "event" }, note: "test proposal" });
        expect(source.text!.slice(c.locator.start!, c.locator.end!)).toBe(c.locator.quote);
        const e = await store.getEvent(c.target.id);
        expect(e.participants.map((x) => x.actor)).toContain("irn");
      }
    });

    it("re-ingesting the same file is a no-op", async () => {
      const before = await store.stats();
      const s = await ingestDocuments(store, [seed004], { pipeline, display: () => "004.txt" });
      expect(s.wrote).toBe(false);
      expect(s.files[0]).toMatchObject({ status: "unchanged", version: 1, sourceId: "004.v1" });
      expect(await store.stats()).toEqual(before);
    });

    it("a changed file is version 2; the claims of version 1 keep pointing at version 1", async () => {
      const changed = join(dir, "004.txt");
      copyFileSync(seed004, changed);
      writeFileSync(changed, "\n21 - In 2001 Iran hosted a conference in Switzerland.\n", { flag: "a" });
      const oldClaims = await store.listClaims({ source: "004.v1", limit: 500 });
      const s = await ingestDocuments(store, [changed], { pipeline });
      expect(s.files[0]).toMatchObject({ documentId: "004", version: 2, sourceId: "004.v2", status: "new-version" });
      const versions = await store.documentVersions("004");
      expect(versions.map((v) => [v.version, v.sourceId, v.supersedes])).toEqual([
        [1, "004.v1", undefined],
        [2, "004.v2", "004.v1"],
      ]);
      expect(versions[1]!.passages).toBe(25);
      expect(await store.listClaims({ source: "004.v1", limit: 500 })).toEqual(oldClaims);
      const newClaims = await store.listClaims({ source: "004.v2", limit: 500 });
      expect(newClaims.length).toBe(oldClaims.length + 1);
      // The old version's file again is still a no-op: that version is stored.
      expect((await ingestDocuments(store, [seed004], { pipeline, display: () => "004.txt" })).files[0]).toMatchObject({ status: "unchanged", version: 1 });
    });

    it("overrides from the command line win over the text; a Persian document gets its languages", async () => {
      const s = await ingestDocuments(store, [seed003], { id: "movement-diplomacy", title: "Movement Diplomacy", authors: ["A. Author", "B. Author"], date: "1402 SH", language: "fa", type: "journal-article" });
      expect(s.files[0]).toMatchObject({ sourceId: "movement-diplomacy.v1", title: "Movement Diplomacy", authors: ["A. Author", "B. Author"], language: "fa", languages: ["fa", "en"] });
      const src = await store.getSource("movement-diplomacy.v1");
      expect(src).toMatchObject({ type: "journal-article", language: "fa", languages: ["fa", "en"], published: { start: "2023-03-21", end: "2024-03-19", precision: "year", calendar: "solar-hijri" } });
      expect((await store.passages("movement-diplomacy.v1")).map((p) => p.language)).toEqual(["fa", "en", "en"]);
    });

    it("a dry run writes nothing; a bad file among good ones stops the run before anything is written", async () => {
      const before = await store.stats();
      const good = join(dir, "good.txt");
      writeFileSync(good, "A new document.\n\nIt was written in 2020.\n");
      const dry = await ingestDocuments(store, [good], { dryRun: true });
      expect(dry).toMatchObject({ dryRun: true, wrote: false, files: [{ status: "new", documentId: "good" }] });
      const bad = join(dir, "bad.txt");
      writeFileSync(bad, Buffer.from([0x61, 0xff, 0x62]));
      const e = await ingestDocuments(store, [good, bad]).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(DocumentError);
      expect((e as Error).message).toContain("bad.txt");
      expect(await store.stats()).toEqual(before);
      expect(await store.documentVersions("good")).toEqual([]);
    });

    it("unknown documents and sources", async () => {
      expect(await store.documentVersions("nothing")).toEqual([]);
      await expect(store.passages("nothing.v1")).rejects.toBeInstanceOf(NotFoundError);
      expect((await store.listDocuments()).map((d) => [d.documentId, d.versions, d.latest])).toEqual([
        ["004", 2, "004.v2"],
        ["movement-diplomacy", 1, "movement-diplomacy.v1"],
      ]);
    });
  });
}
