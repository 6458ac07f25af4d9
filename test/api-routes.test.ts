// The HTTP API route by route (app.inject on the seed dataset): answers, bad input (400 with the field path), unknown
// ids (404), and a fuzz of malformed requests that must never produce a 500. On SQLite always, on PostgreSQL when set.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance, InjectOptions } from "fastify";
import { strToU8, unzipSync, zipSync } from "fflate";
import { ActorProfile, actorProfile, buildServer } from "@diplograph/api";
import { importDataset } from "@diplograph/ingest";
import { Store } from "@diplograph/store";
import { backends, seedDir, smallDataset } from "./helpers.js";

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

for (const backend of backends) {
  describe.skipIf(!backend.available)(`HTTP API on ${backend.name}`, () => {
    let app: FastifyInstance;
    let store: Store;
    let drop: () => Promise<void>;

    const call = async (opts: InjectOptions | string) => {
      const r = await app.inject(typeof opts === "string" ? { method: "GET", url: opts } : opts);
      let body: Json;
      try {
        body = r.json();
      } catch {
        body = r.body;
      }
      return { status: r.statusCode, body, headers: r.headers, raw: r.rawPayload };
    };
    const get = async (url: string) => {
      const r = await call(url);
      if (r.status !== 200) throw new Error(`${url}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    };
    /** A 400 naming `path` among its issues. */
    const expect400 = async (opts: InjectOptions | string, path?: string) => {
      const r = await call(opts);
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(r.body.error).toBeTypeOf("string");
      if (path) expect(r.body.issues?.map((i: { path?: string }) => i.path), JSON.stringify(r.body)).toContain(path);
      return r.body;
    };
    const expect404 = async (opts: InjectOptions | string) => {
      const r = await call(opts);
      expect(r.status, JSON.stringify(r.body)).toBe(404);
      expect(r.body.error).toBe("not-found");
    };

    /** A passage that occurs exactly once in a source's text. */
    let quote: string;

    beforeAll(async () => {
      const fresh = await backend.fresh();
      drop = fresh.drop;
      store = await Store.open(fresh.url);
      await importDataset(store, seedDir);
      app = await buildServer({ store, validateResponses: true });
      const text: string = (await get("/api/sources/seed-001?claimsLimit=0")).text;
      for (let i = 500; ; i += 37) {
        const q = text.slice(i, i + 60);
        if (!/\s{2}/.test(q) && text.indexOf(q) === text.lastIndexOf(q)) {
          quote = q.trim();
          break;
        }
      }
    });

    afterAll(async () => {
      await app?.close();
      await store?.close();
      await drop?.();
    });

    describe("actors", () => {
      it("finds the Majlis by its Persian name and by its English name", async () => {
        const fa = await get(`/api/actors?q=${encodeURIComponent("مجلس")}`);
        expect(fa.items[0].actor.id).toBe("irn-parliament");
        const en = await get("/api/actors?q=Islamic%20Consultative%20Assembly");
        expect(en.items[0].actor.id).toBe("irn-parliament");
        expect(en.items[0].matched).toBe("Islamic Consultative Assembly");
      });

      it("pages, sorts and counts facets", async () => {
        const all = await get("/api/actors?limit=500");
        expect(all.total).toBe(all.items.length);
        const p1 = await get("/api/actors?limit=10&offset=0&sort=-name");
        const p2 = await get("/api/actors?limit=10&offset=10&sort=-name");
        expect(p1).toMatchObject({ limit: 10, offset: 0, total: all.total });
        const names = [...p1.items, ...p2.items].map((h: Json) => h.actor.name);
        expect(names).toEqual([...names].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
        const states = await get("/api/actors?kind=state&facets=kind,country,track&limit=1");
        expect(states.facets.kind).toEqual({ state: states.total });
        expect(Object.values(states.facets.country as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(states.total);
        expect(Object.keys(states.facets.track)).toContain("official");
        const parl = await get("/api/actors?q=parliament&track=parliamentary&limit=500");
        expect(parl.items.length).toBeGreaterThan(0);
        const short = await get("/api/actors?q=ip");
        expect(short.items.map((h: Json) => h.actor.id)).toContain("ipu");
      });

      it("rejects bad list parameters with the field path", async () => {
        await expect400("/api/actors?limit=0", "querystring.limit");
        await expect400("/api/actors?limit=501", "querystring.limit");
        await expect400("/api/actors?offset=-1", "querystring.offset");
        await expect400("/api/actors?kind=planet", "querystring.kind");
        await expect400("/api/actors?sort=colour", "querystring.sort");
        await expect400("/api/actors?facets=mood", "querystring.facets.0");
        await expect400("/api/actors?country=Iran", "querystring.country");
      });

      it("shows a profile by id, alias or ISO code; 404 for an unknown one, 400 for an ambiguous one", async () => {
        const p = await get("/api/actors/IRN");
        expect(p.actor.id).toBe("irn");
        expect(p.relations.length).toBeGreaterThan(0);
        const ipu = await get(`/api/actors/${encodeURIComponent("Inter-Parliamentary Union")}`);
        expect(ipu.facts.length).toBeGreaterThan(0);
        expect(ipu.facts[0].claims[0].locator.quote).toBeTypeOf("string");
        await expect404("/api/actors/atlantis");
      });

      it("writes every actor page as the profile, byte for byte, and valid against its schema", async () => {
        const actors = (await get("/api/actors?limit=500")).items.map((h: Json) => h.actor.id as string);
        expect(actors.length).toBeGreaterThan(50);
        let events = 0;
        for (const id of actors) {
          for (const limit of [1000, 2]) {
            const r = await app.inject({ method: "GET", url: `/api/actors/${encodeURIComponent(id)}?limit=${limit}` });
            expect(r.statusCode).toBe(200);
            expect(r.headers["content-type"]).toBe("application/json; charset=utf-8");
            const profile = await actorProfile(store, id, limit);
            expect(r.payload, id).toBe(JSON.stringify(profile));
            ActorProfile.parse(JSON.parse(r.payload));
            if (limit === 1000) events += profile.events.length;
          }
        }
        expect(events).toBeGreaterThan(20);
      });

      it("writes every search answer as the page object would serialise, byte for byte, also from the names in memory", async () => {
        const queries = ["", "q=parliament", "q=ip", "q=مجلس", "q=assembly&limit=3&offset=2", "q=union&facets=kind,country,track", "kind=state&sort=-name&limit=7", "q=zzzz-none"];
        const answer = async (qs: string) => {
          const r = await app.inject({ method: "GET", url: `/api/actors?${qs}` });
          expect(r.statusCode, qs).toBe(200);
          expect(r.headers["content-type"]).toBe("application/json; charset=utf-8");
          return r.payload;
        };
        const expected = async (qs: string) => {
          const u = new URLSearchParams(qs);
          const q = { limit: Number(u.get("limit") ?? 50), offset: Number(u.get("offset") ?? 0) };
          const facets = u.get("facets")?.split(",") as Parameters<Store["findActors"]>[1];
          const sort = u.get("sort") ? [{ field: u.get("sort")!.replace(/^-/, ""), desc: u.get("sort")!.startsWith("-") }] : undefined;
          const r = await store.findActors({ q: u.get("q") ?? undefined, kind: (u.get("kind") ?? undefined) as never, limit: q.limit, offset: q.offset, sort: sort as never }, facets ?? []);
          return JSON.stringify({ items: r.items, total: r.total, limit: q.limit, offset: q.offset, facets: r.facets });
        };
        for (const qs of queries) expect(await answer(qs), qs).toBe(await expected(qs));
        expect(JSON.parse(await answer("q=parliament")).items.length).toBeGreaterThan(0);
        // A server keeps the names in memory (SQLite): the hits' records are kept frozen and their text written once.
        store.keepNamesInMemory();
        if (await store.namesInMemory()) {
          for (const qs of queries) for (let i = 0; i < 2; i++) expect(await answer(qs), qs).toBe(await expected(qs));
          // An edited actor's kept text must not outlive its record.
          const before = JSON.parse(await answer("q=inter-parliamentary%20union")).items[0].actor;
          expect(before.id).toBe("ipu");
          const patched = await call({ method: "PATCH", url: "/api/actors/ipu", payload: { actor: { aliases: [...before.aliases, { name: "Kept Text Check", lang: "en" }] }, evidence: { source: "seed-001", quote } } });
          expect(patched.status, JSON.stringify(patched.body)).toBe(200);
          const after = JSON.parse(await answer("q=inter-parliamentary%20union")).items[0].actor;
          expect(after.aliases.map((a: Json) => a.name)).toContain("Kept Text Check");
          expect(await answer("q=inter-parliamentary%20union")).toBe(await expected("q=inter-parliamentary%20union"));
        }
      });

      it("creates, edits and deletes an actor, each edit with its evidence as a proposed claim", async () => {
        const evidence = { source: "seed-001", quote };
        const created = await call({ method: "POST", url: "/api/actors", payload: { actor: { id: "test-forum", kind: "forum", name: "Test Forum" }, evidence }, headers: { "x-diplograph-user": "tester" } });
        expect(created.status, JSON.stringify(created.body)).toBe(201);
        expect(created.body.claim).toMatchObject({ target: { type: "actor", id: "test-forum" }, status: "proposed", author: "tester", source: "seed-001" });
        expect(created.body.claim.locator.start).toBeTypeOf("number");
        expect((await get("/api/actors?q=test%20forum")).items[0].actor.id).toBe("test-forum");

        const patched = await call({ method: "PATCH", url: "/api/actors/test-forum", payload: { actor: { aliases: [{ name: "Forum d'essai", lang: "fr" }] }, evidence } });
        expect(patched.status, JSON.stringify(patched.body)).toBe(200);
        expect(patched.body.record).toMatchObject({ name: "Test Forum", aliases: [{ name: "Forum d'essai", lang: "fr" }] });
        expect((await get("/api/actors?q=essai")).items[0].actor.id).toBe("test-forum");

        const put = await call({ method: "PUT", url: "/api/actors/test-forum", payload: { actor: { id: "test-forum", kind: "forum", name: "Test Forum Renamed" }, evidence } });
        expect(put.status).toBe(200);
        expect((await get("/api/actors/test-forum")).actor.name).toBe("Test Forum Renamed");
        expect((await get("/api/claims?target=actor:test-forum")).total).toBe(3);

        expect((await call({ method: "DELETE", url: "/api/actors/test-forum" })).status).toBe(204);
        await expect404("/api/actors/test-forum");
        await expect404("/api/claims?target=actor:test-forum");
        await expect404(`/api/claims/${created.body.claim.id}`);
      });

      it("refuses bad writes with the field path", async () => {
        const evidence = { source: "seed-001", quote };
        await expect400({ method: "POST", url: "/api/actors", payload: { actor: { id: "Bad Id", kind: "forum", name: "x" }, evidence } }, "body.actor.id");
        await expect400({ method: "POST", url: "/api/actors", payload: { actor: { id: "x1", kind: "planet", name: "x" }, evidence } }, "body.actor.kind");
        await expect400({ method: "POST", url: "/api/actors", payload: { actor: { id: "x1", kind: "forum", name: "x" } } }, "body.evidence");
        await expect400({ method: "POST", url: "/api/actors", payload: { actor: { id: "x1", kind: "forum", name: "x" }, evidence: { source: "seed-001" } } }, "body.evidence.quote");
        await expect400({ method: "POST", url: "/api/actors", payload: { actor: { id: "x1", kind: "forum", name: "x" }, evidence: { source: "nowhere", quote } } }, "body.evidence.source");
        await expect400({ method: "POST", url: "/api/actors", payload: { actor: { id: "x1", kind: "forum", name: "x" }, evidence: { source: "seed-001", quote: "words the document never says" } } }, "body.evidence.quote");
        await expect400({ method: "POST", url: "/api/actors", payload: { actor: { id: "irn", kind: "state", name: "Iran", country: "IRN" }, evidence } }, "body.actor.id");
        await expect400({ method: "PATCH", url: "/api/actors/irn", payload: { actor: { country: "XXX" }, evidence } }, "body.actor.country");
        await expect400({ method: "PUT", url: "/api/actors/irn", payload: { actor: { id: "rus", kind: "state", name: "Iran", country: "IRN" }, evidence } }, "body.actor.id");
        await expect404({ method: "PATCH", url: "/api/actors/atlantis", payload: { actor: { name: "Atlantis" }, evidence } });
        await expect404({ method: "PUT", url: "/api/actors/atlantis", payload: { actor: { id: "atlantis", kind: "state", name: "Atlantis", country: "IRN" }, evidence } });
        await expect404({ method: "DELETE", url: "/api/actors/atlantis" });
        const del = await expect400({ method: "DELETE", url: "/api/actors/irn" });
        expect(del.message).toMatch(/still referenced/);
        await expect400({ method: "POST", url: "/api/actors", payload: "{not json", headers: { "content-type": "application/json" } });
      });
    });

    describe("relations and events", () => {
      it("lists with the CLI's filters, pages and sorts", async () => {
        const r = await get("/api/relations?actor=IRN&kind=member-of&limit=500");
        expect(r.total).toBe(r.items.length);
        expect(r.items.find((h: Json) => h.relation.to === "ipu")?.via).toBe("irn-parliament");
        const direct = await get("/api/relations?actor=IRN&kind=member-of&direct=true&limit=500");
        expect(direct.total).toBeLessThan(r.total);
        const sorted = await get("/api/relations?sort=-start&limit=5");
        const starts = sorted.items.map((h: Json) => h.relation.start?.start ?? h.relation.signed?.start).filter(Boolean);
        expect(starts).toEqual([...starts].sort().reverse());
        const e = await get("/api/events?actor=IRN&from=1990&to=1999&sort=-date");
        for (const h of e.items) expect(h.event.date.start >= "1990" && h.event.date.start < "2000").toBe(true);
        const t = await get("/api/events?type=summit&limit=1");
        expect(t.total).toBeGreaterThanOrEqual(t.items.length);
      });

      it("rejects bad filters and unknown actors", async () => {
        await expect400("/api/relations?kind=hugs", "querystring.kind");
        await expect400("/api/relations?from=yesterday", "querystring.from");
        await expect400("/api/relations?layer=astral", "querystring.layer");
        await expect400("/api/events?type=party", "querystring.type");
        await expect400("/api/events?direct=perhaps", "querystring.direct");
        await expect404("/api/relations?actor=atlantis");
        await expect404("/api/events?actor=atlantis");
      });

      it("gets one relation and one event with their claims; 404 for unknown ids", async () => {
        const rid = (await get("/api/relations?limit=1")).items[0].relation.id;
        const r = await get(`/api/relations/${rid}`);
        expect(r.relation.id).toBe(rid);
        expect(r.claims.length).toBeGreaterThan(0);
        const eid = (await get("/api/events?limit=1")).items[0].event.id;
        expect((await get(`/api/events/${eid}`)).event.id).toBe(eid);
        await expect404("/api/relations/no-such-relation");
        await expect404("/api/events/no-such-event");
      });

      it("creates and updates relations and events with evidence; checks references", async () => {
        const evidence = { source: "seed-001", quote };
        const rel = { id: "rel-test-1", kind: "member-of", from: "irn", to: "ipu", role: "observer" };
        const c = await call({ method: "POST", url: "/api/relations", payload: { relation: rel, evidence } });
        expect(c.status, JSON.stringify(c.body)).toBe(201);
        const p = await call({ method: "PATCH", url: "/api/relations/rel-test-1", payload: { relation: { role: "full", start: { start: "1990", precision: "year", calendar: "gregorian" } }, evidence } });
        expect(p.status, JSON.stringify(p.body)).toBe(200);
        expect((await get("/api/relations/rel-test-1")).relation).toMatchObject({ role: "full", start: { start: "1990" } });
        const put = await call({ method: "PUT", url: "/api/relations/rel-test-1", payload: { relation: { ...rel, role: "associate" }, evidence } });
        expect(put.status).toBe(200);
        await expect400({ method: "PATCH", url: "/api/relations/rel-test-1", payload: { relation: { role: "signatory" }, evidence } }, "body.relation.role");
        await expect400({ method: "POST", url: "/api/relations", payload: { relation: { ...rel, id: "rel-test-2", to: "atlantis" }, evidence } }, "body.relation.to");
        await expect400({ method: "POST", url: "/api/relations", payload: { relation: { ...rel, id: "rel-test-2", role: "signatory" }, evidence } }, "body.relation.role");
        await expect404({ method: "PATCH", url: "/api/relations/nope", payload: { relation: { role: "full" }, evidence } });

        const ev = { id: "ev-test-1", type: "meeting", title: "Test meeting", date: { start: "2024-05-01", precision: "day", calendar: "gregorian" }, participants: [{ actor: "irn", role: "host" }, { actor: "rus" }] };
        const ce = await call({ method: "POST", url: "/api/events", payload: { event: ev, evidence } });
        expect(ce.status, JSON.stringify(ce.body)).toBe(201);
        expect(ce.body.record.participants[1].role).toBe("participant");
        const pe = await call({ method: "PATCH", url: "/api/events/ev-test-1", payload: { event: { place: "Tehran" }, evidence } });
        expect(pe.status).toBe(200);
        expect((await get("/api/events/ev-test-1")).event.place).toBe("Tehran");
        expect((await call({ method: "PUT", url: "/api/events/ev-test-1", payload: { event: { ...ev, title: "Renamed" }, evidence } })).status).toBe(200);
        await expect400({ method: "POST", url: "/api/events", payload: { event: { ...ev, id: "ev-test-2", participants: [{ actor: "atlantis" }] }, evidence } }, "body.event.participants.0.actor");
        await expect400({ method: "POST", url: "/api/events", payload: { event: { ...ev, id: "ev-test-2", date: "May 2024" }, evidence } }, "body.event.date");
        await expect404({ method: "PUT", url: "/api/events/nope", payload: { event: { ...ev, id: "nope" }, evidence } });
        // Referenced now: the actor cannot go.
        await expect400({ method: "DELETE", url: "/api/actors/rus" });
      });
    });

    describe("agreements, concepts, sources", () => {
      it("lists and gets them; 404 for unknown ids", async () => {
        const a = await get("/api/agreements?sort=-signed&limit=3");
        expect(a.total).toBeGreaterThan(0);
        const one = await get(`/api/agreements/${a.items[0].id}`);
        expect(one.agreement.id).toBe(a.items[0].id);
        expect(Array.isArray(one.parties)).toBe(true);
        await expect404("/api/agreements/nope");
        const c = await get("/api/concepts?framework=movement-diplomacy&sort=order");
        expect(c.items.length).toBeGreaterThan(0);
        const s = await get("/api/sources?sort=title");
        expect(s.total).toBe(5);
        const doc = await get("/api/sources/seed-001?claimsLimit=5");
        expect(doc.text.length).toBeGreaterThan(1000);
        expect(doc.claims).toHaveLength(5);
        expect(doc.claimsTotal).toBeGreaterThan(5);
        // a seed source, not an ingested document: no document part
        expect(doc.document).toBeUndefined();
        for (const cl of doc.claims) if (cl.locator.start !== undefined) expect(doc.text.slice(cl.locator.start, cl.locator.end)).toBe(cl.locator.quote);
        await expect404("/api/sources/nope");
        await expect400("/api/agreements?sort=colour", "querystring.sort");
        await expect400("/api/sources?type=novel", "querystring.type");
        await expect400("/api/concepts?framework=Bad Framework", "querystring.framework");
      });
    });

    describe("claims", () => {
      it("lists the review queue with filters, gets, reviews singly and in batches", async () => {
        const proposed = await get("/api/claims?status=proposed&limit=3&sort=-confidence");
        expect(proposed.total).toBeGreaterThan(0);
        const [c1, c2, c3] = proposed.items;
        expect((await get(`/api/claims/${c1.id}`)).id).toBe(c1.id);
        const one = await call({ method: "POST", url: `/api/claims/${c1.id}/review`, payload: { status: "accepted", by: "reviewer-a" } });
        expect(one.status).toBe(200);
        expect(one.body).toMatchObject({ status: "accepted", reviewedBy: "reviewer-a" });
        const batch = await call({ method: "POST", url: "/api/claims/review", payload: { ids: [c2.id, c3.id], status: "rejected" }, headers: { "x-diplograph-user": "reviewer-b" } });
        expect(batch.status).toBe(200);
        expect(batch.body.items.map((c: Json) => c.reviewedBy)).toEqual(["reviewer-b", "reviewer-b"]);
        const bySource = await get("/api/claims?source=seed-000&limit=1");
        expect(bySource.items[0].source).toBe("seed-000");
        await expect404(`/api/claims/nope`);
        await expect404({ method: "POST", url: "/api/claims/nope/review", payload: { status: "accepted" } });
        await expect404({ method: "POST", url: "/api/claims/review", payload: { ids: [c1.id, "nope"], status: "accepted" } });
        await expect400({ method: "POST", url: `/api/claims/${c1.id}/review`, payload: { status: "proposed" } }, "body.status");
        await expect400({ method: "POST", url: "/api/claims/review", payload: { ids: [], status: "accepted" } }, "body.ids");
        await expect400("/api/claims?status=maybe", "querystring.status");
        await expect400("/api/claims?target=ipu", "querystring.target");
        await expect404("/api/claims?target=actor:atlantis");
      });

      it("labels each listed claim's target as a person reads it", async () => {
        const all = (await get("/api/claims?limit=500")).items as Json[];
        const of = (type: string) => all.find((c) => c.target.type === type);
        for (const type of ["actor", "event", "relation"]) expect(of(type), type).toBeDefined();
        const actor = await get(`/api/actors/${of("actor").target.id}?limit=0`);
        expect(of("actor").targetLabel).toBe(actor.actor.name);
        const { event } = await get(`/api/events/${of("event").target.id}`);
        expect(of("event").targetLabel).toBe(`${event.title} (${event.date.start})`);
        const { relation } = await get(`/api/relations/${of("relation").target.id}`);
        const from = await get(`/api/actors/${relation.from}?limit=0`);
        expect(of("relation").targetLabel.startsWith(`${from.actor.name} `)).toBe(true);
        expect(all.every((c) => typeof c.targetLabel === "string" && c.targetLabel.length > 0)).toBe(true);
        // An actor target's Persian name: its official Persian alias, else its first Persian one; none without one.
        let persian = 0;
        for (const c of all.filter((x) => x.target.type === "actor")) {
          const aliases = (await get(`/api/actors/${c.target.id}?limit=0`)).actor.aliases as Json[];
          const fa = aliases.find((x) => x.lang === "fa" && x.kind === "official") ?? aliases.find((x) => x.lang === "fa");
          expect(c.targetLabelFa, c.target.id).toBe(fa?.name);
          if (fa) persian++;
        }
        expect(persian).toBeGreaterThan(0);
        expect(all.filter((c) => c.target.type !== "actor").every((c) => c.targetLabelFa === undefined)).toBe(true);
      });

      it("answers the claims on many records in one call (the actor page), 400 for a bad target, 404 naming unknown ones", async () => {
        const rels = (await get("/api/relations?actor=irn-parliament&limit=20")).items.filter((h: Json) => h.claims > 0);
        const events = (await get("/api/events?actor=IRN&limit=5")).items.filter((h: Json) => h.claims > 0);
        expect(rels.length).toBeGreaterThan(1);
        const targets = [...rels.map((h: Json) => `relation:${h.relation.id}`), ...events.map((h: Json) => `event:${h.event.id}`), "actor:Majlis"];
        const r = await call({ method: "POST", url: "/api/claims/query", payload: { targets } });
        expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
        const items: Json[] = r.body.items;
        // as many claims per record as the lists count, each with its source's title
        for (const h of rels) expect(items.filter((c) => c.target.type === "relation" && c.target.id === h.relation.id)).toHaveLength(h.claims);
        for (const h of events) expect(items.filter((c) => c.target.type === "event" && c.target.id === h.event.id)).toHaveLength(h.claims);
        const own = (await get("/api/claims?target=actor:irn-parliament&limit=500")).total;
        expect(items.filter((c) => c.target.type === "actor" && c.target.id === "irn-parliament")).toHaveLength(own); // the alias resolved
        expect(items.every((c) => typeof c.sourceTitle === "string" && c.locator)).toBe(true);
        const accepted = await call({ method: "POST", url: "/api/claims/query", payload: { targets, status: "accepted" } });
        expect(accepted.body.items.every((c: Json) => c.status === "accepted")).toBe(true);
        await expect400({ method: "POST", url: "/api/claims/query", payload: { targets: ["ipu"] } }, "body.targets.0");
        await expect400({ method: "POST", url: "/api/claims/query", payload: { targets: [] } }, "body.targets");
        await expect400({ method: "POST", url: "/api/claims/query", payload: { targets: ["relation:x"], extra: 1 } });
        const missing = await call({ method: "POST", url: "/api/claims/query", payload: { targets: [targets[0], "relation:nope", "event:nada"] } });
        expect(missing.status).toBe(404);
        expect(missing.body.message).toContain('relation "nope"');
        expect(missing.body.message).toContain('event "nada"');
        await expect404({ method: "POST", url: "/api/claims/query", payload: { targets: ["actor:atlantis"] } });
      });

      it("adds a claim and edits a proposed one's passage and value", async () => {
        const add = await call({ method: "POST", url: "/api/claims", payload: { target: { type: "actor", id: "ipu" }, property: "members", value: { type: "quantity", amount: 180 }, source: "seed-001", quote } });
        expect(add.status, JSON.stringify(add.body)).toBe(201);
        expect(add.body).toMatchObject({ status: "proposed", property: "members", value: { amount: 180, approximation: "exact" } });
        const edit = await call({ method: "PATCH", url: `/api/claims/${add.body.id}`, payload: { value: { type: "quantity", amount: 181, approximation: "about" } } });
        expect(edit.status, JSON.stringify(edit.body)).toBe(200);
        expect(edit.body.value).toMatchObject({ amount: 181, approximation: "about" });
        await expect400({ method: "PATCH", url: `/api/claims/${add.body.id}`, payload: { quote: "not in the text at all, surely" } }, "body.quote");
        await expect400({ method: "PATCH", url: `/api/claims/${add.body.id}`, payload: {} });
        await expect404({ method: "PATCH", url: "/api/claims/nope", payload: { note: "x" } });
        await call({ method: "POST", url: `/api/claims/${add.body.id}/review`, payload: { status: "accepted" } });
        const locked = await expect400({ method: "PATCH", url: `/api/claims/${add.body.id}`, payload: { note: "x" } });
        expect(locked.message).toMatch(/only proposed claims/);
        await expect400({ method: "POST", url: "/api/claims", payload: { target: { type: "actor", id: "atlantis" }, source: "seed-001", quote } }, "body.target.id");
        await expect400({ method: "POST", url: "/api/claims", payload: { target: { type: "planet", id: "ipu" }, source: "seed-001", quote } }, "body.target.type");
        await expect400({ method: "POST", url: "/api/claims", payload: { target: { type: "actor", id: "ipu" }, property: "members", source: "seed-001", quote } }, "body.value");
        await expect400({ method: "POST", url: "/api/claims", payload: { target: { type: "actor", id: "ipu" }, property: "members", value: { type: "quantity", amount: "many" }, source: "seed-001", quote } }, "body.value.amount");
      });
    });

    describe("analyses and scorecards", () => {
      it("overlap, dyad, multiplex, layers", async () => {
        const o = await get("/api/analyses/overlap?actors=IRN,RUS&at=2020");
        expect(o.shared.length).toBeGreaterThan(0);
        const d = await get("/api/analyses/dyad?a=IRN&b=RUS&track=parliamentary");
        expect(d.a.id).toBe("irn");
        const m = await get("/api/analyses/multiplex?actor=IRN&other=RUS&period=5");
        expect(m.periodYears).toBe(5);
        const l = await get("/api/analyses/layers?by=track");
        expect(l.layers.length).toBeGreaterThan(0);
        await expect400("/api/analyses/overlap?actors=IRN", "querystring.actors");
        await expect400("/api/analyses/overlap?actors=IRN,RUS&at=2020&from=2010");
        await expect400("/api/analyses/dyad?a=IRN", "querystring.b");
        await expect400("/api/analyses/multiplex?actor=IRN&period=0", "querystring.period");
        await expect400("/api/analyses/layers?by=colour", "querystring.by");
        await expect404("/api/analyses/dyad?a=IRN&b=atlantis");
      });

      it("network views as JSON and as files", async () => {
        const n = await get("/api/analyses/network?view=comembership&metrics=degree");
        expect(n.nodes.length).toBeGreaterThan(0);
        expect(n.nodes[0].values.degree).toBeGreaterThanOrEqual(n.nodes.at(-1).values.degree);
        expect(n.edges[0]).toHaveProperty("source");
        const gexf = await call("/api/analyses/network?view=interaction&format=gexf");
        expect(gexf.headers["content-type"]).toMatch(/gexf/);
        expect(String(gexf.body)).toContain("<gexf");
        const gml = await call("/api/analyses/network?view=affiliation&format=graphml");
        expect(String(gml.body)).toContain("<graphml");
        const csv = await call("/api/analyses/network?format=csv");
        expect(Object.keys(unzipSync(new Uint8Array(csv.raw)))).toEqual(["nodes.csv", "edges.csv"]);
        await expect400("/api/analyses/network?view=galaxy", "querystring.view");
        await expect400("/api/analyses/network?metrics=charisma", "querystring.metrics.0");
        await expect400("/api/analyses/network?kind=planet", "querystring.kind.0");
      });

      it("neighbourhood designer", async () => {
        const n = await get("/api/analyses/neighbourhood/IRN?limit=3&weights=coverage=0.6");
        expect(n.country.country).toBe("IRN");
        expect(n.candidates.length).toBeLessThanOrEqual(3);
        await expect400("/api/analyses/neighbourhood/IRN?weights=charm=1", "querystring.weights");
        await expect400("/api/analyses/neighbourhood/irn-parliament");
        await expect400("/api/analyses/neighbourhood/IRN?asOf=soon", "querystring.asOf");
      });

      it("frameworks and scorecards", async () => {
        const f = await get("/api/frameworks?sort=-id");
        expect(f.total).toBeGreaterThan(0);
        const id = f.items.find((x: Json) => (x.subjects as string[]).includes("state")).id;
        expect((await get(`/api/frameworks/${id}`)).id).toBe(id);
        const sc = await get(`/api/frameworks/${id}/scorecards/IRN?from=2000`);
        expect(sc.score).toBeGreaterThanOrEqual(0);
        expect(sc.dimensions.length).toBeGreaterThan(0);
        await expect404("/api/frameworks/nope");
        await expect404(`/api/frameworks/nope/scorecards/IRN`);
        await expect404(`/api/frameworks/${id}/scorecards/atlantis`);
        await expect400(`/api/frameworks/${id}/scorecards/IRN?from=later`, "querystring.from");
      });
    });

    describe("exports, import, stats", () => {
      it("exports the database in every format", async () => {
        const json = await call("/api/export?format=json");
        expect(json.body.actors.length).toBeGreaterThan(0);
        const zip = unzipSync(new Uint8Array((await call("/api/export?format=csv")).raw));
        expect(Object.keys(zip).sort()).toEqual(["actors.csv", "claims.csv", "events.csv", "relations.csv"]);
        expect(String((await call("/api/export?format=csv&table=relations.csv")).body)).toMatch(/^id,kind,from,to/);
        expect(String((await call("/api/export?format=gexf&events=false")).body)).toContain("<gexf");
        expect(String((await call("/api/export?format=graphml")).body)).toContain("<graphml");
        await expect400("/api/export?format=pdf", "querystring.format");
        await expect400("/api/export", "querystring.format");
        await expect400("/api/export?format=csv&table=people.csv", "querystring.table");
      });

      it("imports an uploaded JSON dataset document and a zipped dataset folder, with dry runs", async () => {
        const doc = (await call("/api/export?format=json")).raw;
        const dry = await call({ method: "POST", url: "/api/import?dryRun=true", payload: doc, headers: { "content-type": "application/json" } });
        expect(dry.status, JSON.stringify(dry.body)).toBe(200);
        expect(dry.body).toMatchObject({ dryRun: true, result: null });
        const again = await call({ method: "POST", url: "/api/import", payload: doc, headers: { "content-type": "application/json" } });
        expect(again.status, JSON.stringify(again.body)).toBe(200);
        // Nothing new; claims reviewed since the export differ from it only by their review, which is kept.
        expect(Object.values(again.body.result.inserted).every((n) => n === 0), JSON.stringify(again.body.result)).toBe(true);

        const files = Object.fromEntries(Object.entries(smallDataset()).map(([k, v]) => [`small/${k}`, strToU8(v)]));
        const zipped = Buffer.from(zipSync(files));
        const r = await call({ method: "POST", url: "/api/import", payload: zipped, headers: { "content-type": "application/zip" } });
        expect(r.status, JSON.stringify(r.body)).toBe(200);
        expect(r.body.dataset).toBe("small");
        expect(r.body.result.inserted.actors).toBeGreaterThan(0);
        expect((await get("/api/actors/alpha")).actor.name).toBe("Alpha Assembly");
      });

      it("answers a broken dataset with 400 and every issue located", async () => {
        const broken = { ...smallDataset(), "actors/bodies.yaml": "- id: beta\n  kind: planet\n  name: Beta\n" };
        const zipped = Buffer.from(zipSync(Object.fromEntries(Object.entries(broken).map(([k, v]) => [k, strToU8(v)]))));
        const before = (await get("/api/stats")).actors;
        const r = await expect400({ method: "POST", url: "/api/import", payload: zipped, headers: { "content-type": "application/zip" } });
        expect(r.error).toBe("dataset");
        expect(r.issues[0]).toMatchObject({ file: "actors/bodies.yaml", line: 2 });
        expect(r.issues[0].field).toMatch(/kind/);
        expect((await get("/api/stats")).actors).toBe(before);
        await expect400({ method: "POST", url: "/api/import", payload: "{\"actors\": 3}", headers: { "content-type": "application/json" } });
        await expect400({ method: "POST", url: "/api/import", payload: Buffer.from("not a zip"), headers: { "content-type": "application/zip" } });
        await expect400({ method: "POST", url: "/api/import", payload: "", headers: { "content-type": "application/json" } });
        const wrongType = await call({ method: "POST", url: "/api/import", payload: "x", headers: { "content-type": "text/plain" } });
        expect(wrongType.status).toBe(400);
      });

      it("stats, vocabularies, health", async () => {
        const s = await get("/api/stats");
        expect(s.actors).toBeGreaterThan(90);
        const v = await get("/api/vocabularies");
        expect(v.tracks.map((t: Json) => t.id)).toContain("parliamentary");
        expect((await get("/api/health")).ok).toBe(true);
      });
    });

    describe("documentation and fallbacks", () => {
      it("serves an OpenAPI 3.1 document naming every route, and its rendering without external URLs", async () => {
        const doc = await get("/api/openapi.json");
        expect(doc.openapi).toBe("3.1.0");
        const routes = app.printRoutes({ commonPrefix: false });
        const paths = Object.keys(doc.paths);
        for (const p of ["/api/actors", "/api/actors/{ref}", "/api/relations/{id}", "/api/claims/review", "/api/claims/query", "/api/import", "/api/analyses/network", "/api/frameworks/{id}/scorecards/{actor}"]) expect(paths).toContain(p);
        expect(routes).toContain("openapi.json");
        // Record schemas are the model's, as named components.
        expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(["Actor", "Claim", "Error"]));
        const html = await call("/api/docs/");
        expect(html.status).toBe(200);
        const external = String(html.body).match(/(?:src|href)\s*=\s*["']https?:\/\/[^"']+/g);
        expect(external).toBeNull();
        const init = await call("/api/docs/static/swagger-initializer.js");
        // Only string literals are fetched; a URL in a comment is not.
        expect(String(init.body)).not.toMatch(/["'`]https?:\/\//);
      });

      it("answers unknown API paths with JSON 404s and other paths with the web page", async () => {
        await expect404("/api/nothing-here");
        await expect404({ method: "DELETE", url: "/api/relations/x" });
        const page = await call("/graph/irn");
        expect(page.status).toBe(200);
        expect(page.headers["content-type"]).toMatch(/text\/html/);
      });
    });

    describe("fuzz: malformed requests never produce a 500", () => {
      const junk = ["", "%00", "%ff%fe", "-1", "1e309", "NaN", "[]", "{}", "' or 1=1 --", "%25%25", "a".repeat(600), "\u202e", "%F0%9F%92%A9", "__proto__", "..%2F..%2Fetc%2Fpasswd"];
      const getRoutes = [
        "/api/actors?q=$",
        "/api/actors?limit=$",
        "/api/actors?sort=$",
        "/api/actors?facets=$",
        "/api/actors/$",
        "/api/relations?actor=$",
        "/api/relations?from=$",
        "/api/relations/$",
        "/api/events?to=$&type=$",
        "/api/events/$",
        "/api/agreements/$",
        "/api/agreements?offset=$",
        "/api/concepts?framework=$",
        "/api/sources/$",
        "/api/sources/seed-001?claimsLimit=$",
        "/api/claims?target=$",
        "/api/claims/$",
        "/api/analyses/overlap?actors=$,$",
        "/api/analyses/dyad?a=$&b=IRN",
        "/api/analyses/multiplex?actor=$&period=$",
        "/api/analyses/layers?at=$",
        "/api/analyses/network?view=$&metrics=$",
        "/api/analyses/neighbourhood/$?weights=$",
        "/api/frameworks/$",
        "/api/frameworks/$/scorecards/$",
        "/api/export?format=$",
      ];
      it("on GET routes", async () => {
        for (const route of getRoutes) {
          for (const j of junk) {
            const r = await call(route.replaceAll("$", j));
            expect(r.status, `${route} with ${JSON.stringify(j)}: ${JSON.stringify(r.body).slice(0, 300)}`).toBeLessThan(500);
          }
        }
      });
      it("on writes", async () => {
        const bodies: unknown[] = [{ actor: { id: "x9", kind: "forum", name: "a", description: "\u0000" }, evidence: { source: "seed-001", page: "1" } }, null, 3, "x", [], {}, { actor: null }, { actor: [] }, { actor: { id: 5 } }, { evidence: { source: "seed-001", quote: "" } }, { ids: "x" }, { status: 7 }, { __proto__: { admin: true } }];
        const writes = [
          ["POST", "/api/actors"],
          ["PUT", "/api/actors/irn"],
          ["PATCH", "/api/actors/irn"],
          ["POST", "/api/relations"],
          ["PATCH", "/api/relations/x"],
          ["POST", "/api/events"],
          ["PUT", "/api/events/x"],
          ["POST", "/api/claims"],
          ["PATCH", "/api/claims/x"],
          ["POST", "/api/claims/x/review"],
          ["POST", "/api/claims/review"],
          ["POST", "/api/claims/query"],
          ["POST", "/api/import"],
        ] as const;
        for (const [method, url] of writes) {
          for (const b of bodies) {
            const r = await call({ method, url, payload: JSON.stringify(b), headers: { "content-type": "application/json" } });
            expect(r.status, `${method} ${url} with ${JSON.stringify(b)}: ${JSON.stringify(r.body).slice(0, 300)}`).toBeGreaterThanOrEqual(400);
            expect(r.status, `${method} ${url} with ${JSON.stringify(b)}: ${JSON.stringify(r.body).slice(0, 300)}`).toBeLessThan(500);
          }
        }
      });
    });
  });
}
