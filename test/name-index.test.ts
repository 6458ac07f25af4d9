// Plain name searches answered from the names in memory (a running server, SQLite) give exactly what SQL gives, and
// never an answer older than the data: after a write, by this connection or another, SQL answers until a fresh copy
// has been read.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDataset } from "@diplograph/ingest";
import { Store } from "@diplograph/store";
import { join } from "node:path";
import { actorName, generate } from "../bench/api/generate.mjs";
import { rng } from "../bench/rng.mjs";
import { seedDir, smallDataset, tmp, writeDataset } from "./helpers.js";

/** Queries of every kind a user types: word prefixes, whole names, inner substrings, Persian, nothing found. */
function queries(names: string[]): string[] {
  const out = new Set<string>(["assembly", "parliament", "mmm", "union of", "مجلس", "حزب", "اسلامی", "zzzq", "iran", "ian", "the"]);
  for (const n of names) {
    const w = n.split(" ");
    out.add(w[0]!.slice(0, 4)).add(w[0]!.slice(0, 6)).add(n).add(n.slice(2, 7)).add(w.at(-1)!);
  }
  return [...out];
}

describe("names in memory", () => {
  const file = join(tmp(), "names.db");
  let memory: Store;
  let sqlOnly: Store;
  let generated: string[] = [];

  beforeAll(async () => {
    const dir = tmp();
    await generate(dir, { actors: 3000, events: 2000, relations: 500 });
    memory = await Store.open(file);
    await importDataset(memory, dir);
    await importDataset(memory, seedDir);
    generated = Array.from({ length: 150 }, (_, i) => actorName(i * 17).name).concat(Array.from({ length: 50 }, (_, i) => actorName(i * 31).fa));
    sqlOnly = await Store.open(file);
    memory.keepNamesInMemory();
    expect(await memory.namesInMemory()).toBe(true);
  }, 120_000);

  afterAll(async () => {
    await memory?.close();
    await sqlOnly?.close();
  });

  it("ranks, pages and counts exactly as SQL does", async () => {
    const qs = queries(generated);
    expect(qs.length).toBeGreaterThan(500);
    let compared = 0;
    for (const q of qs) {
      for (const [limit, offset] of [[20, 0], [5, 3], [500, 0]] as const) {
        const want = await sqlOnly.findActors({ q, limit, offset });
        expect(await memory.namesInMemory()).toBe(true);
        const got = await memory.findActors({ q, limit, offset });
        expect(got, `${q} ${limit} ${offset}`).toEqual(want);
        compared += want.items.length;
      }
    }
    expect(compared).toBeGreaterThan(5000);
  });

  /** `writer` adds an actor: `memory` finds it right away (in SQL, its copy being stale), then from a fresh copy. */
  async function addedAndFound(writer: Store, id: string): Promise<void> {
    expect(await memory.namesInMemory()).toBe(true);
    expect((await memory.findActors({ q: id })).total).toBe(0);
    const name = id[0]!.toUpperCase() + id.slice(1);
    await importDataset(writer, writeDataset(tmp(), { ...smallDataset(), "actors/extra.yaml": `- id: ${id}\n  kind: forum\n  name: ${name} Forum\n` }));
    expect((await memory.findActors({ q: id })).items.map((h) => h.actor.id)).toEqual([id]);
    expect(await memory.namesInMemory()).toBe(true);
    expect((await memory.findActors({ q: id })).items.map((h) => h.actor.id)).toEqual([id]);
  }

  it("answers from SQL after a write until the copy is read again, then from the new copy", async () => {
    await addedAndFound(memory, "zorblax");
  });

  it("keeps the copy through writes that change no names, and reads it again when a name changes", async () => {
    expect(await memory.namesInMemory()).toBe(true);
    const copy = () => (memory as unknown as { names: { index?: object } }).names.index;
    const before = copy();
    const [claim] = await memory.listClaims({ limit: 1 });
    await memory.setClaimStatus([claim!.id], "rejected", "tester");
    expect(await memory.namesInMemory()).toBe(true);
    expect(copy()).toBe(before);
    // A new name for an existing actor (a re-import with an alias added).
    await importDataset(memory, writeDataset(tmp(), { ...smallDataset(), "actors/extra.yaml": "- id: zorblax\n  kind: forum\n  name: Zorblax Forum\n  aliases: [Blorptown Circle]\n" }));
    expect(await memory.namesInMemory()).toBe(true);
    expect(copy()).not.toBe(before);
    expect((await memory.findActors({ q: "blorptown" })).items.map((h) => h.actor.id)).toEqual(["zorblax"]);
  });

  it("sees another connection's writes", async () => {
    await addedAndFound(sqlOnly, "quuxwell");
  });

  it("shows a hit's record as it is now after any write, by this connection or another, that changes no name", async () => {
    expect(await memory.namesInMemory()).toBe(true);
    const hit = async () => (await memory.findActors({ q: "zorblax" })).items[0]!.actor;
    expect((await hit()).description).toBeUndefined();
    expect(Object.isFrozen(await hit())).toBe(true);
    for (const [writer, description] of [
      [memory, "A forum, as this connection wrote it."],
      [sqlOnly, "A forum, as another connection wrote it."],
    ] as const) {
      await importDataset(writer, writeDataset(tmp(), { ...smallDataset(), "actors/extra.yaml": `- id: zorblax\n  kind: forum\n  name: Zorblax Forum\n  aliases: [Blorptown Circle]\n  description: ${description}\n` }));
      // From the names in memory (fresh again if the write touched names), with the record as it is now.
      expect(await memory.namesInMemory()).toBe(true);
      expect((await hit()).description).toBe(description);
      expect(await hit()).toEqual((await sqlOnly.findActors({ q: "zorblax" })).items[0]!.actor);
    }
  });

  it("stays with SQL when there are more names than it may keep", async () => {
    const small = await Store.open(file);
    try {
      small.keepNamesInMemory({ maxNames: 100 });
      expect(await small.namesInMemory()).toBe(false);
      expect(await small.findActors({ q: "assembly", limit: 7 })).toEqual(await sqlOnly.findActors({ q: "assembly", limit: 7 }));
    } finally {
      await small.close();
    }
  });
});

describe("selectSmallest (the page of a search, without sorting every match)", () => {
  it("puts the k smallest of distinct numbers first, for every k and many orders", async () => {
    const { selectSmallest } = await import("../packages/store/src/name-index.js");
    const random = rng(7);
    for (let trial = 0; trial < 300; trial++) {
      const n = 1 + Math.floor(random() * 200);
      const values = new Set<number>();
      while (values.size < n) values.add(Math.floor(random() * 1e6));
      // Random, ascending and descending orders (the worst cases of a naive pivot).
      const order = trial % 3;
      const list = [...values].sort((a, b) => (order === 0 ? 0 : order === 1 ? a - b : b - a));
      const k = 1 + Math.floor(random() * n);
      const a = Float64Array.from(list);
      selectSmallest(a, k);
      expect([...a.subarray(0, k)].sort((x, y) => x - y)).toEqual([...values].sort((x, y) => x - y).slice(0, k));
      expect([...a].sort((x, y) => x - y)).toEqual([...values].sort((x, y) => x - y));
    }
  });
});
