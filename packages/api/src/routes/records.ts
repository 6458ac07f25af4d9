// /api/relations, /api/events (lists with the CLI's filters, get, create, update), agreements, concepts and sources.
import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  Agreement,
  AgreementKind,
  Claim,
  Concept,
  Event,
  EventType,
  Id,
  Layer,
  NotFoundError,
  RELATION_KINDS,
  Relation,
  RelationKind,
  RelationRole,
  Source,
  SourceType,
  Track,
} from "@diplograph/model";
import type { Store } from "@diplograph/store";
import { userOf, type ApiContext } from "../context.js";
import { RequestError, zodIssues, type Issue } from "../errors.js";
import { makeClaim } from "../provenance.js";
import { ClaimWithSource, Evidence, PassageSpan, EventHit, EventPatch, Flag, Page, Paging, RelationHit, RelationPatch, WriteResultBody, page, pageOf, sortParam, storeSort } from "../schemas.js";
import { dropUndefined } from "./actors.js";

const PartialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "expected YYYY, YYYY-MM or YYYY-MM-DD");

/** The filters relations and events share, as the CLI's options. */
const graphFilters = {
  actor: z.string().min(1).optional().describe("id, alias or ISO code: relations of this actor and of its parts"),
  direct: Flag.describe("with actor: leave out the relations of the actor's parts"),
  track: Track.optional(),
  layer: Layer.optional(),
  from: PartialDate.optional().describe("only what may hold on or after this date"),
  to: PartialDate.optional().describe("only what may hold on or before this date"),
  ...Paging,
};

const idParams = z.object({ id: Id });

/** For a source that is a version of an ingested document: which, the document's versions, and its passages. */
const SourceDocumentPart = z.object({
  documentId: z.string(),
  version: z.number().int(),
  versions: z.array(z.object({ version: z.number().int(), sourceId: z.string(), ingestedAt: z.string() })),
  passages: z.array(PassageSpan),
});

/** Check that a relation's or event's references name stored records; every problem with its field path. */
async function checkRefs(store: Store, refs: Array<{ type: "actor" | "agreement"; id: string | undefined; path: string }>): Promise<void> {
  const issues: Issue[] = [];
  for (const r of refs) {
    if (r.id !== undefined && !(await store.exists(r.type, r.id))) issues.push({ path: r.path, message: `unknown ${r.type} "${r.id}"` });
  }
  if (issues.length) throw new RequestError(issues);
}

const relationRefs = (r: Relation) => [
  { type: "actor" as const, id: r.from, path: "body.relation.from" },
  { type: RELATION_KINDS.map[r.kind].target as "actor" | "agreement", id: r.to, path: "body.relation.to" },
];
const eventRefs = (e: Event) => [
  ...e.participants.map((p, i) => ({ type: "actor" as const, id: p.actor, path: `body.event.participants.${i}.actor` })),
  { type: "agreement" as const, id: e.agreement, path: "body.event.agreement" },
];

export function recordRoutes(ctx: ApiContext): FastifyPluginAsyncZod {
  const { store } = ctx;

  async function saveRelation(relation: Relation, evidence: Evidence, user: string) {
    await checkRefs(store, relationRefs(relation));
    const claim = await makeClaim(store, { type: "relation", id: relation.id }, evidence, user, "body.evidence");
    await store.writeSession({}, (w) => w.write({ relations: [relation], claims: [claim] }));
    ctx.changed();
    return { record: relation, claim };
  }

  async function saveEvent(event: Event, evidence: Evidence, user: string) {
    await checkRefs(store, eventRefs(event));
    const claim = await makeClaim(store, { type: "event", id: event.id }, evidence, user, "body.evidence");
    await store.writeSession({}, (w) => w.write({ events: [event], claims: [claim] }));
    ctx.changed();
    return { record: event, claim };
  }

  return async (app) => {
    // ---- relations ----
    app.get(
      "/relations",
      {
        schema: {
          tags: ["relations"],
          summary: "List relations",
          querystring: z.object({ ...graphFilters, kind: RelationKind.optional(), role: RelationRole.optional(), sort: storeSort("relations") }),
          response: { 200: Page(RelationHit) },
        },
      },
      async (req) => {
        const q = req.query;
        const f = { actor: q.actor, withParts: !q.direct, kind: q.kind, role: q.role, track: q.track, layer: q.layer, from: q.from, to: q.to };
        return page(await store.listRelations({ ...f, limit: q.limit, offset: q.offset, sort: q.sort }), await store.countRelations(f), q);
      },
    );
    app.get(
      "/relations/:id",
      {
        schema: {
          tags: ["relations"],
          summary: "A relation with the claims behind it",
          params: idParams,
          response: { 200: z.object({ relation: Relation, claims: z.array(ClaimWithSource) }) },
        },
      },
      async (req) => ({ relation: await store.getRelation(req.params.id), claims: await store.listClaims({ targetType: "relation", targetId: req.params.id, limit: 10_000 }) }),
    );
    app.post(
      "/relations",
      {
        schema: { tags: ["relations"], summary: "Create a relation (with its evidence)", body: z.strictObject({ relation: Relation, evidence: Evidence }), response: { 201: WriteResultBody(Relation) } },
      },
      async (req, reply) => {
        const { relation, evidence } = req.body;
        if (await store.exists("relation", relation.id)) throw new RequestError([{ path: "body.relation.id", message: `relation "${relation.id}" exists; use PUT or PATCH` }]);
        return reply.status(201).send(await saveRelation(relation, evidence, userOf(req)));
      },
    );
    app.put(
      "/relations/:id",
      {
        schema: { tags: ["relations"], summary: "Replace a relation", params: idParams, body: z.strictObject({ relation: Relation, evidence: Evidence }), response: { 200: WriteResultBody(Relation) } },
      },
      async (req) => {
        await store.getRelation(req.params.id);
        if (req.body.relation.id !== req.params.id) throw new RequestError([{ path: "body.relation.id", message: `the body's id is not the path's "${req.params.id}"` }]);
        return saveRelation(req.body.relation, req.body.evidence, userOf(req));
      },
    );
    app.patch(
      "/relations/:id",
      {
        schema: { tags: ["relations"], summary: "Change some fields of a relation", params: idParams, body: z.strictObject({ relation: RelationPatch, evidence: Evidence }), response: { 200: WriteResultBody(Relation) } },
      },
      async (req) => {
        const current = await store.getRelation(req.params.id);
        const merged = Relation.safeParse(dropUndefined({ ...current, ...req.body.relation }));
        if (!merged.success) throw new RequestError(zodIssues(merged.error, "body.relation"));
        if (merged.data.id !== current.id) throw new RequestError([{ path: "body.relation.id", message: "a relation's id cannot change" }]);
        return saveRelation(merged.data, req.body.evidence, userOf(req));
      },
    );

    // ---- events ----
    app.get(
      "/events",
      {
        schema: {
          tags: ["events"],
          summary: "List events",
          querystring: z.object({ ...graphFilters, type: EventType.optional(), sort: storeSort("events") }),
          response: { 200: Page(EventHit) },
        },
      },
      async (req) => {
        const q = req.query;
        const f = { actor: q.actor, withParts: !q.direct, type: q.type, track: q.track, layer: q.layer, from: q.from, to: q.to };
        return page(await store.listEvents({ ...f, limit: q.limit, offset: q.offset, sort: q.sort }), await store.countEvents(f), q);
      },
    );
    app.get(
      "/events/:id",
      {
        schema: { tags: ["events"], summary: "An event with the claims behind it", params: idParams, response: { 200: z.object({ event: Event, claims: z.array(ClaimWithSource) }) } },
      },
      async (req) => ({ event: await store.getEvent(req.params.id), claims: await store.listClaims({ targetType: "event", targetId: req.params.id, limit: 10_000 }) }),
    );
    app.post(
      "/events",
      { schema: { tags: ["events"], summary: "Create an event (with its evidence)", body: z.strictObject({ event: Event, evidence: Evidence }), response: { 201: WriteResultBody(Event) } } },
      async (req, reply) => {
        const { event, evidence } = req.body;
        if (await store.exists("event", event.id)) throw new RequestError([{ path: "body.event.id", message: `event "${event.id}" exists; use PUT or PATCH` }]);
        return reply.status(201).send(await saveEvent(event, evidence, userOf(req)));
      },
    );
    app.put(
      "/events/:id",
      { schema: { tags: ["events"], summary: "Replace an event", params: idParams, body: z.strictObject({ event: Event, evidence: Evidence }), response: { 200: WriteResultBody(Event) } } },
      async (req) => {
        await store.getEvent(req.params.id);
        if (req.body.event.id !== req.params.id) throw new RequestError([{ path: "body.event.id", message: `the body's id is not the path's "${req.params.id}"` }]);
        return saveEvent(req.body.event, req.body.evidence, userOf(req));
      },
    );
    app.patch(
      "/events/:id",
      {
        schema: { tags: ["events"], summary: "Change some fields of an event", params: idParams, body: z.strictObject({ event: EventPatch, evidence: Evidence }), response: { 200: WriteResultBody(Event) } },
      },
      async (req) => {
        const current = await store.getEvent(req.params.id);
        const merged = Event.safeParse(dropUndefined({ ...current, ...req.body.event }));
        if (!merged.success) throw new RequestError(zodIssues(merged.error, "body.event"));
        if (merged.data.id !== current.id) throw new RequestError([{ path: "body.event.id", message: "an event's id cannot change" }]);
        return saveEvent(merged.data, req.body.evidence, userOf(req));
      },
    );

    // ---- agreements, concepts, sources (small tables: sorted and paged in memory) ----
    const agreementSorts = ["name", "id", "kind", "signed"] as const;
    app.get(
      "/agreements",
      {
        schema: { tags: ["agreements"], summary: "List agreements", querystring: z.object({ kind: AgreementKind.optional(), ...Paging, sort: sortParam(agreementSorts) }), response: { 200: Page(Agreement) } },
      },
      async (req) => {
        const all = (await store.listAgreements()).filter((a) => !req.query.kind || a.kind === req.query.kind);
        return pageOf(all, req.query, (a, f) => (f === "signed" ? (a.signed ?? a.adopted)?.start : a[f as "name"]));
      },
    );
    app.get(
      "/agreements/:id",
      {
        schema: {
          tags: ["agreements"],
          summary: "An agreement, its parties and the claims behind it",
          params: idParams,
          response: { 200: z.object({ agreement: Agreement, parties: z.array(Relation), claims: z.array(ClaimWithSource) }) },
        },
      },
      async (req) => {
        const agreement = await store.getAgreement(req.params.id);
        const parties = await store.agreementRelations(agreement.id);
        return { agreement, parties, claims: await store.listClaims({ targetType: "agreement", targetId: agreement.id, limit: 10_000 }) };
      },
    );
    const conceptSorts = ["framework", "order", "id", "label", "kind"] as const;
    app.get(
      "/concepts",
      {
        schema: {
          tags: ["concepts"],
          summary: "List the concepts of analytical frameworks",
          querystring: z.object({ framework: Id.optional(), ...Paging, sort: sortParam(conceptSorts) }),
          response: { 200: Page(Concept) },
        },
      },
      async (req) => pageOf(await store.listConcepts(req.query.framework), req.query, (c, f) => c[f as "id"]),
    );
    const sourceSorts = ["id", "title", "type", "published", "language"] as const;
    app.get(
      "/sources",
      {
        schema: {
          tags: ["sources"],
          summary: "List sources (documents)",
          querystring: z.object({ type: SourceType.optional(), ...Paging, sort: sortParam(sourceSorts) }),
          response: { 200: Page(Source) },
        },
      },
      async (req) => {
        const all = (await store.listSources()).filter((s) => !req.query.type || s.type === req.query.type);
        return pageOf(all, req.query, (s, f) => (f === "published" ? s.published?.start : s[f as "id"]));
      },
    );
    app.get(
      "/sources/:id",
      {
        schema: {
          tags: ["sources"],
          summary: "A source with its text and every claim citing it (for the document viewer)",
          description:
            "Claims come in text order (by their span's start); `claimsLimit` caps them, `claimsTotal` counts them all. A source ingested as a version of a document also has `document`: the document's id, this version, every version, and this version's passages (spans of the text, in order).",
          params: idParams,
          querystring: z.object({ claimsLimit: z.coerce.number().int().min(0).max(100_000).default(10_000) }),
          response: {
            200: z.object({ source: Source, text: z.string().nullable(), claims: z.array(ClaimWithSource), claimsTotal: z.number().int(), document: SourceDocumentPart.optional() }),
          },
        },
      },
      async (req) => {
        const { text, ...source } = await store.getSource(req.params.id);
        const f = { source: source.id };
        const claims = await store.listClaims({ ...f, limit: req.query.claimsLimit, sort: [{ field: "start" }] });
        const doc = await store.documentOfSource(source.id);
        const document = doc && {
          ...doc,
          versions: (await store.documentVersions(doc.documentId)).map((v) => ({ version: v.version, sourceId: v.sourceId, ingestedAt: v.ingestedAt })),
          passages: await store.passages(source.id),
        };
        return { source, text: text ?? null, claims, claimsTotal: await store.countClaims(f), ...(document ? { document } : {}) };
      },
    );
  };
}

