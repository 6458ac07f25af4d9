// /api/actors: search by any name in any script with facets, profiles, and edits that carry their evidence.
import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { Actor, ActorKind, Id, NotFoundError, Track } from "@diplograph/model";
import { userOf, type ApiContext } from "../context.js";
import { RequestError, zodIssues } from "../errors.js";
import { actorProfileJson } from "../profile.js";
import { actorPageJson } from "../search-json.js";
import { makeClaim } from "../provenance.js";
import { ActorHit, ActorPatch, ClaimWithSource, Evidence, EventHit, Page, Paging, RelationHit, WriteResultBody, listParam, storeSort } from "../schemas.js";

const FACETS = ["kind", "country", "track"] as const;

export const ActorProfile = z.object({
  actor: Actor,
  facts: z.array(z.object({ property: z.string(), qualifiers: z.record(z.string(), z.string()), label: z.string(), claims: z.array(ClaimWithSource) })),
  claims: z.array(ClaimWithSource).describe("claims about the actor as a whole"),
  relations: z.array(RelationHit.shape.relation),
  events: z.array(EventHit.shape.event),
});

const ActorWrite = WriteResultBody(Actor);
const refParams = z.object({ ref: z.string().min(1).describe("id, alias (any script) or ISO 3166-1 alpha-3 code") });
const idParams = z.object({ id: Id });

export function actorRoutes(ctx: ApiContext): FastifyPluginAsyncZod {
  const { store } = ctx;

  /** Write an actor with its evidence as one claim, in one transaction. */
  async function save(actor: Actor, evidence: Evidence, user: string) {
    const claim = await makeClaim(store, { type: "actor", id: actor.id }, evidence, user, "body.evidence");
    await store.writeSession({}, (w) => w.write({ actors: [actor], claims: [claim] }));
    ctx.changed();
    return { record: actor, claim };
  }

  return async (app) => {
    app.get(
      "/actors",
      {
        schema: {
          tags: ["actors"],
          summary: "List or search actors",
          description:
            "With `q`, actors any of whose names or aliases (in any script) contains the query, best match first (exact name, prefix, substring, shorter names). Facets count the matching actors by kind, country and track.",
          querystring: z.object({
            q: z.string().max(200).optional().describe("any name or alias, in any script"),
            kind: ActorKind.optional(),
            country: z.string().regex(/^[A-Za-z]{3}$/, "expected an ISO 3166-1 alpha-3 code such as IRN").optional(),
            track: Track.optional().describe("only actors with a relation or event on this track"),
            facets: listParam(z.enum(FACETS)).describe("facets to count: kind, country, track (comma-separated)"),
            ...Paging,
            sort: storeSort("actors"),
          }),
          response: { 200: Page(ActorHit).extend({ facets: z.record(z.string(), z.record(z.string(), z.number().int())) }) },
        },
      },
      // The JSON text comes written (actorPageJson: each kept actor's text written once), sent as it is; the type
      // provider expects the object, hence the cast. api-routes.test.ts compares it with the object's serialisation.
      async (req, reply) => {
        const q = req.query;
        const r = await store.findActors({ q: q.q, kind: q.kind, country: q.country, track: q.track, limit: q.limit, offset: q.offset, sort: q.sort }, q.facets ?? []);
        return reply.type("application/json; charset=utf-8").send(actorPageJson(r, q) as never);
      },
    );

    app.get(
      "/actors/:ref",
      {
        schema: {
          tags: ["actors"],
          summary: "An actor's profile",
          description: "The actor, its facts each with the claims (quotes) that state it, claims about the actor as a whole, and its own relations and events (up to `limit` each; the relations and events lists page through all).",
          params: refParams,
          querystring: z.object({ limit: z.coerce.number().int().min(0).max(10_000).default(1000).describe("relations and events shown, each") }),
          response: { 200: ActorProfile },
        },
      },
      // The JSON text comes written (actorProfileJson: the events from their rows), and fastify sends a string as it is;
      // the type provider expects the object, hence the cast. api-routes.test.ts holds the text to the schema.
      async (req, reply) => reply.type("application/json; charset=utf-8").send((await actorProfileJson(store, req.params.ref, req.query.limit)) as never),
    );

    app.post(
      "/actors",
      {
        schema: {
          tags: ["actors"],
          summary: "Create an actor",
          description: "The actor and the evidence for it; the evidence becomes a proposed claim on the actor.",
          body: z.strictObject({ actor: Actor, evidence: Evidence }),
          response: { 201: ActorWrite },
        },
      },
      async (req, reply) => {
        const { actor, evidence } = req.body;
        if (await store.exists("actor", actor.id)) throw new RequestError([{ path: "body.actor.id", message: `actor "${actor.id}" exists; use PUT or PATCH /api/actors/${actor.id}` }]);
        return reply.status(201).send(await save(actor, evidence, userOf(req)));
      },
    );

    app.put(
      "/actors/:id",
      {
        schema: {
          tags: ["actors"],
          summary: "Replace an actor",
          description: "The whole record (its id must be the path's), with the evidence for it as written.",
          params: idParams,
          body: z.strictObject({ actor: Actor, evidence: Evidence }),
          response: { 200: ActorWrite },
        },
      },
      async (req) => {
        const { actor, evidence } = req.body;
        if (actor.id !== req.params.id) throw new RequestError([{ path: "body.actor.id", message: `the body's id "${actor.id}" is not the path's "${req.params.id}"` }]);
        await store.getActors([req.params.id]).then((m) => {
          if (!m.has(req.params.id)) throw new NotFoundError(`no actor "${req.params.id}"`);
        });
        return save(actor, evidence, userOf(req));
      },
    );

    app.patch(
      "/actors/:id",
      {
        schema: {
          tags: ["actors"],
          summary: "Change some fields of an actor",
          description: "Fields given replace the stored ones (`aliases` is replaced as a whole); the evidence is for the record as it becomes.",
          params: idParams,
          body: z.strictObject({ actor: ActorPatch, evidence: Evidence }),
          response: { 200: ActorWrite },
        },
      },
      async (req) => {
        const current = (await store.getActors([req.params.id])).get(req.params.id);
        if (!current) throw new NotFoundError(`no actor "${req.params.id}"`);
        const merged = Actor.safeParse(dropUndefined({ ...current, ...req.body.actor }));
        if (!merged.success) throw new RequestError(zodIssues(merged.error, "body.actor"));
        if (merged.data.id !== current.id) throw new RequestError([{ path: "body.actor.id", message: "an actor's id cannot change" }]);
        return save(merged.data, req.body.evidence, userOf(req));
      },
    );

    app.delete(
      "/actors/:id",
      {
        schema: {
          tags: ["actors"],
          summary: "Delete an actor nothing refers to",
          description: "Deletes the actor and the claims about it; refused (400) while relations, events, agreements or claim values refer to it.",
          params: idParams,
          response: { 204: z.null().describe("deleted") },
        },
      },
      async (req, reply) => {
        await store.deleteActor(req.params.id);
        ctx.changed();
        return reply.status(204).send(null);
      },
    );
  };
}

export function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
