// The store on every backend (SQLite always, PostgreSQL when configured, as in CI): the same tests, the same answers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AmbiguousReferenceError, DatasetError, Event, NotFoundError, earliestDay } from "@diplograph/model";
import { importDataset } from "@diplograph/ingest";
import { toJson } from "@diplograph/export";
import { Store } from "@diplograph/store";
import { EVENT_JSON_SQL } from "../packages/store/src/rows.js";
import { sql } from "kysely";
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { backends, seedDir, smallDataset, tmp, writeDataset } from "./helpers.js";

for (const backend of backends) {
  describe.skipIf(!backend.available)(`store on ${backend.name}`, () => {
    let store: Store;
    let drop: () => Promise<void>;

    beforeAll(async () => {
      const fresh = await backend.fresh();
      drop = fresh.drop;
      store = await Store.open(fresh.url);
      const summary = await importDataset(store, seedDir);
      expect(summary.result?.wrote).toBe(true);
    });

    afterAll(async () => {
      await store?.close();
      await drop?.();
    });

    it("addresses actors by id, ISO code and any alias in any script", async () => {
      expect(await store.resolveActor("irn")).toBe("irn");
      expect(await store.resolveActor("IRN")).toBe("irn");
      expect(await store.resolveActor("RUS")).toBe("rus");
      expect(await store.resolveActor("Majlis")).toBe("irn-parliament");
      expect(await store.resolveActor("مجلس شورای اسلامی")).toBe("irn-parliament");
      // Arabic yeh (ي) and a zero-width non-joiner fold to the Persian forms.
      expect(await store.resolveActor("مجلس شوراي اسلامي")).toBe("irn-parliament");
      expect(await store.resolveActor("Islamic Consultative Assembly")).toBe("irn-parliament");
      expect(await store.resolveActor("inter-parliamentary union")).toBe("ipu");
      await expect(store.resolveActor("Atlantis")).rejects.toBeInstanceOf(NotFoundError);
    });

    it("searches names by substring in Persian and English, best match first", async () => {
      const fa = await store.searchActors({ q: "مجلس" });
      expect(fa[0]?.actor.id).toBe("irn-parliament");
      const en = await store.searchActors({ q: "parliamentary assembly" });
      const ids = en.map((h) => h.actor.id);
      expect(ids).toContain("apa");
      expect(ids).toContain("csto-pa");
      const states = await store.searchActors({ kind: "state", country: "IRN" });
      expect(states.map((h) => h.actor.id)).toEqual(["irn"]);
    });

    it("pages a search consistently: pages join into the whole ranking, every page with the same total", async () => {
      for (const q of ["par", "assembly", "parliamentary assembly of the", "islamic", "ip", "مجلس", "union"]) {
        const all = await store.findActors({ q, limit: 500 });
        expect(all.total, q).toBe(all.items.length);
        const paged: string[] = [];
        for (let offset = 0; offset < all.total + 3; offset += 3) {
          const page = await store.findActors({ q, limit: 3, offset });
          expect(page.total, `${q} at ${offset}`).toBe(all.total);
          paged.push(...page.items.map((h) => `${h.actor.id} ${h.matched}`));
        }
        expect(paged, q).toEqual(all.items.map((h) => `${h.actor.id} ${h.matched}`));
        // The same matches as a filtered search (another query plan) that keeps every actor.
        const kinds = [...new Set(all.items.map((h) => h.actor.kind))];
        const filtered = (await Promise.all(kinds.map((kind) => store.findActors({ q, kind, limit: 500 })))).flatMap((p) => p.items.map((h) => h.actor.id));
        expect(filtered.sort(), q).toEqual(all.items.map((h) => h.actor.id).sort());
      }
    });

    it("lists a state's memberships including those of its parts, marked with via", async () => {
      const hits = await store.listRelations({ actor: "IRN", kind: "member-of" });
      const byTarget = new Map(hits.map((h) => [h.relation.to, h]));
      expect(byTarget.get("ipu")?.via).toBe("irn-parliament");
      expect(byTarget.get("apa")?.relation.role).toBe("founding");
      expect(byTarget.get("apa")?.relation.start?.start).toBe("2006");
      expect(byTarget.get("eaeu")?.relation.role).toBe("observer");
      expect(byTarget.get("eaeu")?.via).toBeUndefined();
      const direct = await store.listRelations({ actor: "IRN", kind: "member-of", withParts: false });
      expect(direct.some((h) => h.relation.to === "ipu")).toBe(false);
      expect(direct.length).toBeLessThan(hits.length);
      for (const h of hits) expect(h.claims).toBeGreaterThan(0);
    });

    it("filters relations by date range, track and layer", async () => {
      const friendship = await store.listRelations({ kind: "friendship-group" });
      expect(friendship).toHaveLength(1);
      expect(friendship[0]!.relation.start?.start).toBe("1994");
      // A relation that starts in 1994 may hold in 2000 but not in 1990.
      expect(await store.listRelations({ kind: "friendship-group", from: "1990", to: "1990" })).toHaveLength(0);
      expect(await store.listRelations({ kind: "friendship-group", from: "2000", to: "2000-06" })).toHaveLength(1);
      const parl = await store.listRelations({ track: "parliamentary", limit: 1000 });
      expect(parl.length).toBeGreaterThan(0);
      expect(parl.every((h) => h.relation.track === "parliamentary")).toBe(true);
    });

    it("migrates through every schema version in order", async () => {
      const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(store.db);
      expect(rows.rows.map((r) => r.name)).toEqual(["0001_initial", "0002_event_notes_agreement_adoption", "0003_actor_name_trigrams", "0004_sqlite_droppable_keys", "0005_document_versions", "0006_event_participants_on_events", "0007_sqlite_names_version", "0008_sqlite_event_json"]);
    });

    it("stores adoption dates of resolutions and rules apart from signatures", async () => {
      const resolution = await store.getAgreement("csto-pa-establishing-resolution-2006");
      expect(resolution.adopted?.start).toBe("2006-11-16");
      expect(resolution.signed).toBeUndefined();
      const irgc = await store.getActor("IRGC");
      expect(irgc.kind).toBe("armed-force");
    });

    it("keeps the Solar Hijri original of the treaty's signing date", async () => {
      const treaty = await store.getAgreement("irn-rus-comprehensive-strategic-partnership-treaty");
      expect(treaty.signed).toMatchObject({ start: "2025-01-17", precision: "day", calendar: "solar-hijri", original: "28 Dey 1403" });
    });

    it("lists events by participant and date range", async () => {
      const all = await store.listEvents({ limit: 1000 });
      expect(all.length).toBeGreaterThan(20);
      const days = all.map((h) => earliestDay(h.event.date.start));
      expect([...days].sort()).toEqual(days);
      const oic = all.find((h) => h.event.date.start === "1997-12-07" && h.event.type === "summit");
      expect(oic?.event.participants.some((p) => p.actor === "irn" && p.role === "host")).toBe(true);
      const nineties = await store.listEvents({ from: "1990", to: "1999", limit: 1000 });
      expect(nineties.length).toBeGreaterThan(0);
      expect(nineties.every((h) => h.event.date.start >= "1990" && h.event.date.start <= "1999-12-31")).toBe(true);
      const iran = await store.listEvents({ actor: "IRN", limit: 1000 });
      expect(iran.some((h) => h.event.id === oic?.event.id)).toBe(true);
    });

    it("stores aggregate figures as claims, never as invented members", async () => {
      const claims = await store.listClaims({ targetType: "actor", targetId: await store.resolveActor("Islamic Coalition Party"), limit: 100 });
      const parties = claims.find((c) => c.value?.type === "quantity" && c.value.amount === 220);
      expect(parties?.locator.quote).toMatch(/220 parties/);
      const rel = await store.listRelations({ actor: "Islamic Coalition Party", kind: "party-relation" });
      expect(rel.length).toBeLessThan(220);
    });

    it("reviews claims, refuses unknown ids without changing anything, and keeps reviews across re-imports", async () => {
      const [first, second] = await store.listClaims({ targetType: "actor", targetId: "ipu", limit: 2 });
      await expect(store.setClaimStatus([first!.id, "c-does-not-exist"], "rejected", "tester")).rejects.toBeInstanceOf(NotFoundError);
      expect((await store.listClaims({ targetType: "actor", targetId: "ipu", limit: 2 }))[0]!.status).toBe(first!.status);
      const updated = await store.setClaimStatus([first!.id, second!.id], "rejected", "tester");
      expect(updated.map((c) => c.status)).toEqual(["rejected", "rejected"]);
      expect(updated[0]!.reviewedBy).toBe("tester");
      const again = await importDataset(store, seedDir);
      expect(again.result?.wrote).toBe(false);
      const after = await store.listClaims({ status: "rejected", limit: 100 });
      expect(after.map((c) => c.id).sort()).toEqual([first!.id, second!.id].sort());
      await store.setClaimStatus([first!.id, second!.id], "accepted", "tester");
    });

    it("re-imports unchanged data without writing", async () => {
      const before = await store.stats();
      const r = await importDataset(store, seedDir);
      expect(r.result?.wrote).toBe(false);
      expect(Object.values(r.result!.unchanged).reduce((a, b) => a + b, 0)).toBe(before.actors + before.relations + before.events + before.claims + before.agreements + before.concepts + before.sources);
      expect(await store.stats()).toEqual(before);
    });


    it("sees a change of one participant's role on re-import, and only that event changes", async () => {
      const fresh = await backend.fresh();
      const small = await Store.open(fresh.url);
      try {
        const dir = writeDataset(tmp(), smallDataset());
        await importDataset(small, dir);
        const files = smallDataset();
        writeDataset(dir, { "events/events.yaml": files["events/events.yaml"]!.replace('che]', '"che:guest"]') });
        const r = await importDataset(small, dir);
        expect(r.result?.updated.events).toBe(1);
        expect(r.result?.unchanged.relations).toBe(2);
        const [hit] = await small.listEvents({ actor: "che" });
        expect(hit?.event.participants.find((p) => p.actor === "che")?.role).toBe("guest");
        expect((await importDataset(small, dir)).result?.wrote).toBe(false);
      } finally {
        await small.close();
        await fresh.drop();
      }
    });
    it("leaves stored data unchanged when an import fails", async () => {
      const before = await store.snapshot();
      const dir = writeDataset(tmp(), { ...smallDataset(), "relations/bad.yaml": "- kind: member-of\n  from: irn\n  to: no-such-body\n" });
      await expect(importDataset(store, dir)).rejects.toBeInstanceOf(DatasetError);
      expect(await store.snapshot()).toEqual(before);
    });

    it("round-trips through the JSON export into a fresh database", async () => {
      const snap = await store.snapshot();
      const file = join(tmp(), "export.json");
      writeFileSync(file, toJson(snap));
      const fresh = await backend.fresh();
      const copy = await Store.open(fresh.url);
      try {
        const r = await importDataset(copy, file);
        expect(r.result?.wrote).toBe(true);
        const back = await copy.snapshot();
        const strip = (s: typeof snap) => ({ ...s, claims: s.claims.map(({ createdAt, updatedAt, reviewedAt, reviewedBy, ...c }) => c), sources: s.sources });
        expect(strip(back)).toEqual(strip(snap));
      } finally {
        await copy.close();
        await fresh.drop();
      }
    });

    it("writes an actor's events as JSON exactly as JSON.stringify writes the records", async () => {
      // Every seed actor's events, then events made to be awkward: escapes and scripts in every string, attribute keys
      // that JavaScript orders first (integer-like), a CAMEO code of the type's own (left out) and another one, no
      // optional field at all, and every optional field. In a database of its own, out of the other tests' answers.
      const fresh = await backend.fresh();
      const store = await Store.open(fresh.url);
      try {
        await importDataset(store, seedDir);
        const agreement = (await store.listAgreements())[0]!.id;
        const awkward = [
          { id: "json-1", type: "summit", cameo: "043", title: 'A "quoted" \\ title\nwith a line, مجلس, 😀, \u2028', date: { start: "1999-03-04", precision: "day", calendar: "gregorian" }, participants: [{ actor: "irn", role: "host" }, { actor: "rus" }], layers: [] },
          { id: "json-2", type: "congress", cameo: "0311", title: "Congress", date: { start: "1380", precision: "year", calendar: "solar-hijri" }, place: 'Tehran "centre"', placeCountry: "IRN", participants: [{ actor: "rus", role: "host" }], track: "party", layers: ["political", "economic"], outcome: "Adopted\ta text", agreement, attributes: { b: 1, "10": "x", "2": [null, true, 1.5], nested: { q: '"\\' } }, note: "Note \u0007 \b\f\n\r\t \u001f \u007f \u2028 \u00e9 😀 \\ \"x\"" },
          { id: "json-3", type: "visit", title: "Visit", date: { start: "2001-05", precision: "month", calendar: "gregorian", approximate: true }, participants: [{ actor: "irn", role: "guest" }] },
          // One actor in two roles: the event is still listed once.
          { id: "json-4", type: "meeting", title: "Twice", date: { start: "2001-05-02", precision: "day", calendar: "gregorian" }, participants: [{ actor: "irn", role: "host" }, { actor: "rus" }, { actor: "irn", role: "participant" }] },
        ].map((e) => Event.parse(e));
        await store.writeSession({}, (w) => w.write({ events: awkward }));
        const actors = [...new Set([...(await store.listEvents({ limit: 10_000 })).flatMap((h) => h.event.participants.map((p) => p.actor)), "irn", "rus"])];
        let events = 0;
        for (const id of actors) {
          const records = await store.actorRecords(id, 10_000);
          const json = await store.actorRecords(id, 10_000, "json");
          expect(json.events, id).toEqual(records.events.map((e) => JSON.stringify(e)));
          events += json.events.length;
        }
        expect(events).toBeGreaterThan(awkward.length);
        // Every page size, so that the twin rows of json-4 fall inside, at and beyond the limit's cut.
        const all = (await store.actorRecords("irn", 10_000)).events;
        expect(all.filter((e) => e.id === "json-4")).toHaveLength(1);
        for (let limit = 0; limit <= all.length + 1; limit++) {
          const want = (await store.actorRecords("irn", limit)).events.map((e) => JSON.stringify(e));
          expect(want).toEqual(all.slice(0, limit).map((e) => JSON.stringify(e)));
          expect((await store.actorRecords("irn", limit, "json")).events, `limit ${limit}`).toEqual(want);
        }
        // json-2 sets every field an event has: a field added to the record and not to the JSON writers fails here.
        const full = (await store.actorRecords("rus", 10_000, "json")).events.map((x) => JSON.parse(x)).find((e) => e.id === "json-2");
        expect(Object.keys(full).sort()).toEqual(Object.keys(Event.shape).sort());
        const irn = await store.actorRecords("irn", 10_000, "json");
        expect(irn.events.map((x) => JSON.parse(x).id)).toEqual(expect.arrayContaining(["json-1", "json-3"]));
        // An event written again: its text follows (SQLite recomputes the stored column with the row).
        await store.writeSession({}, (w) => w.write({ events: [{ ...awkward[2]!, title: "Visit, \"renamed\"", participants: [{ actor: "irn", role: "host" }] }] }));
        const again = (await store.actorRecords("irn", 10_000, "json")).events.find((x) => JSON.parse(x).id === "json-3")!;
        expect(again).toBe(JSON.stringify(await store.getEvent("json-3")));
        expect(JSON.parse(again).title).toBe('Visit, "renamed"');
        expect(store.eventJsonStored()).toBe(backend.name === "sqlite");
        if (backend.name === "sqlite") {
          // The text stored with each row (migration 0008) is the one the query would write (the fallback for a table
          // whose stored expression is another release's): both paths, every event.
          const check = (await sql<{ same: number; n: number }>`select sum(json is ${sql.raw(EVENT_JSON_SQL)}) as same, count(*) as n from events`.execute(store.db)).rows[0]!;
          expect(check.n).toBeGreaterThan(awkward.length);
          expect(check.same).toBe(check.n);
          // Without the stored text (a table of another release), the query writes it: the same answers.
          const want = (await store.actorRecords("irn", 10_000)).events.map((e) => JSON.stringify(e));
          await sql`alter table events drop column json`.execute(store.db);
          const other = await Store.open(fresh.url);
          try {
            expect(other.eventJsonStored()).toBe(false);
            expect((await other.actorRecords("irn", 10_000, "json")).events).toEqual(want);
          } finally {
            await other.close();
          }
        }
      } finally {
        await store.close();
        await fresh.drop();
      }
    });
  });

  describe.skipIf(!backend.available)(`ambiguous references on ${backend.name}`, () => {
    it("refuses an alias that names two actors and lists them", async () => {
      const fresh = await backend.fresh();
      const store = await Store.open(fresh.url);
      try {
        const files = smallDataset();
        files["actors/more.yaml"] = "- id: beta-one\n  kind: forum\n  name: Beta Forum\n  aliases: [Beta]\n- id: beta-two\n  kind: party\n  name: Beta Party\n  aliases: [Beta]\n";
        await importDataset(store, writeDataset(tmp(), files));
        await expect(store.resolveActor("Beta")).rejects.toBeInstanceOf(AmbiguousReferenceError);
        await expect(store.resolveActor("Beta")).rejects.toThrow(/beta-one, beta-two/);
        const bad = { ...files, "relations/bad.yaml": "- kind: supports\n  from: Beta\n  to: irn\n" };
        await expect(importDataset(store, writeDataset(tmp(), bad))).rejects.toThrow(/"Beta" names more than one actor: beta-one, beta-two/);
      } finally {
        await store.close();
        await fresh.drop();
      }
    });
  });
}
