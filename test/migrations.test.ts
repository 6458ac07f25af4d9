// Migrations that rewrite stored data, on every backend: a database written by the previous schema version comes out
// with the same records.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDataset } from "@diplograph/ingest";
import { Store } from "@diplograph/store";
import { sql } from "kysely";
import { backends, seedDir } from "./helpers.js";

for (const backend of backends) {
  describe.skipIf(!backend.available)(`migration 0006 (participants on events) on ${backend.name}`, () => {
    let url: string;
    let drop: () => Promise<void>;

    beforeAll(async () => {
      const fresh = await backend.fresh();
      url = fresh.url;
      drop = fresh.drop;
    });
    afterAll(async () => drop?.());

    it("copies every event's participants, in order, onto the event, and indexes actors with their events", async () => {
      let store = await Store.open(url);
      await importDataset(store, seedDir);
      const before = await store.listEvents({ limit: 500 });
      expect(before.length).toBeGreaterThan(20);
      expect(before.some((h) => h.event.participants.length >= 3)).toBe(true);
      // Back to the schema of 0005: no participants column, the by-actor index on the actor alone.
      const db = store.db;
      // The stored JSON of 0008 is made from the participants column: on SQLite it goes first.
      if (backend.name === "sqlite") await sql`alter table events drop column json`.execute(db);
      await sql`alter table events drop column participants`.execute(db);
      await sql`drop index event_participants_actor`.execute(db);
      await sql`create index event_participants_actor on event_participants (actor_id)`.execute(db);
      await sql`delete from kysely_migration where name = '0006_event_participants_on_events'`.execute(db);
      // Migrations after it go back too (they run again, in order).
      await sql`delete from kysely_migration where name = '0007_sqlite_names_version'`.execute(db);
      await sql`delete from kysely_migration where name = '0008_sqlite_event_json'`.execute(db);
      if (backend.name === "sqlite") {
        for (const t of ["insert", "delete", "update", "actor"]) await sql.raw(`drop trigger names_version_${t}`).execute(db);
        await sql`drop table names_version`.execute(db);
      }
      await store.close();

      store = await Store.open(url);
      try {
        const after = await store.listEvents({ limit: 500 });
        expect(after).toEqual(before);
        const byActor = await store.listEvents({ actor: "IRN", limit: 500 });
        expect(byActor.length).toBeGreaterThan(0);
        expect(byActor.every((h) => h.event.participants.length > 0)).toBe(true);
        const cols = backend.name === "sqlite"
          ? (await sql<{ name: string }>`select name from pragma_index_info('event_participants_actor')`.execute(store.db)).rows.map((r) => r.name)
          : (await sql<{ def: string }>`select indexdef as def from pg_indexes where indexname = 'event_participants_actor'`.execute(store.db)).rows.map((r) => r.def);
        expect(cols.join(" ")).toMatch(/actor_id.*event_id/);
        // 0008 rebuilt the populated events table (SQLite): an actor page's stored texts are its records'.
        const records = await store.actorRecords("irn", 10_000);
        expect(records.events.length).toBeGreaterThan(0);
        expect((await store.actorRecords("irn", 10_000, "json")).events).toEqual(records.events.map((e) => JSON.stringify(e)));
      } finally {
        await store.close();
      }
    });
  });
}
