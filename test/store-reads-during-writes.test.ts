// Reads from outside a write session in progress on the same connection, whether they skip Kysely's connection lock
// (the server's hot queries, packages/store/src/prepared.ts) or go through Kysely (connect.ts, GatedSqliteDialect),
// wait for it to end: they never see rows that are not committed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDataset } from "@diplograph/ingest";
import { Store } from "@diplograph/store";
import { join } from "node:path";
import { smallDataset, tmp, writeDataset } from "./helpers.js";

describe("hot reads during a write session (SQLite)", () => {
  let store: Store;

  beforeAll(async () => {
    store = await Store.open(join(tmp(), "reads.db"));
    await importDataset(store, writeDataset(tmp(), smallDataset()));
  });
  afterAll(async () => store?.close());

  // The reads start from outside the session (as another request would): a callback registered before it began.
  const outside = () => {
    let go!: () => void;
    const started = new Promise<void>((r) => (go = r));
    return { go, started };
  };

  it("waits for a session that is rolled back and does not see its rows", async () => {
    const { go, started } = outside();
    // The hot reads (prepared statements) and reads through Kysely (a list of records, the counts).
    const before = await store.stats();
    const reads = started.then(() => Promise.all([store.findActors({ q: "zorblax" }), store.actorRecords("alpha", 10), store.getActors(["zorblax"]), store.stats()]));
    const session = store.writeSession({}, async (w) => {
      await w.write({ actors: [{ id: "zorblax", kind: "forum", name: "Zorblax Forum", aliases: [], externalIds: {} } as never] });
      // The actor is written, not committed: the reads start now.
      go();
      await new Promise((r) => setTimeout(r, 20));
      // Inside the session, its own reads see what it wrote.
      expect((await store.findActors({ q: "zorblax" })).total).toBe(1);
      throw new Error("roll back");
    });
    await expect(session).rejects.toThrow("roll back");
    const [found, alpha, byId, stats] = await reads;
    expect(found.total).toBe(0);
    expect(alpha.actor.id).toBe("alpha");
    expect(byId.size).toBe(0);
    expect(stats.actors).toBe(before.actors);
    expect((await store.findActors({ q: "zorblax" })).total).toBe(0);
  });

  it("sees a session's rows once it is committed", async () => {
    const { go, started } = outside();
    const reads = started.then(() => store.findActors({ q: "quuxwell" }));
    await store.writeSession({}, async (w) => {
      await w.write({ actors: [{ id: "quuxwell", kind: "forum", name: "Quuxwell Forum", aliases: [], externalIds: {} } as never] });
      go();
      await new Promise((r) => setTimeout(r, 20));
    });
    expect((await reads).items.map((h) => h.actor.id)).toEqual(["quuxwell"]);
  });
});
