// /api/claims: the review queue, one claim, review decisions (single and batch), new claims and edits of proposed ones.
import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { Claim, ClaimStatus, ClaimTarget, ClaimValue, Id, InputError, NotFoundError } from "@diplograph/model";
import { userOf, type ApiContext } from "../context.js";
import { RequestError } from "../errors.js";
import { locate, makeClaim } from "../provenance.js";
import { ClaimWithSource, ListedClaim, Page, Paging, ReviewBody, TargetParam, page, storeSort } from "../schemas.js";

const idParams = z.object({ id: Id });

const NewClaim = Claim.pick({ target: true, property: true, value: true, qualifiers: true, source: true, confidence: true, note: true })
  .extend({
    confidence: Claim.shape.confidence.default(0.8),
    quote: z.string().min(1).optional(),
    start: z.number().int().nonnegative().optional(),
    page: z.string().optional(),
    author: z.string().min(1).optional(),
  })
  .refine((c) => c.quote !== undefined || c.page !== undefined, { message: "a claim needs a quote or a page", path: ["quote"] })
  .refine((c) => (c.property === undefined) === (c.value === undefined), { message: "a property needs a value, and a value a property", path: ["value"] });

const ClaimEdit = z
  .strictObject({
    quote: z.string().min(1).optional(),
    start: z.number().int().nonnegative().optional(),
    page: z.string().optional(),
    value: ClaimValue.optional(),
    note: z.string().optional(),
  })
  .refine((e) => Object.keys(e).length > 0, "nothing to change");

export function claimRoutes(ctx: ApiContext): FastifyPluginAsyncZod {
  const { store } = ctx;

  const review = async (ids: string[], status: "accepted" | "rejected", by: string) => {
    const updated = await store.setClaimStatus(ids, status, by);
    ctx.changed();
    return updated;
  };

  return async (app) => {
    app.get(
      "/claims",
      {
        schema: {
          tags: ["claims"],
          summary: "List claims (the review queue)",
          description: "Each claim with its source's title and `targetLabel`, what a person reads for its target (an actor's name, an event's title and date, a relation as from, kind, to); an actor target's Persian name, where it has one, in `targetLabelFa`.",
          querystring: z.object({
            status: ClaimStatus.optional(),
            target: TargetParam.optional().describe("TYPE:ID, e.g. actor:ipu (an actor may be named by alias or ISO code)"),
            source: Id.optional(),
            ...Paging,
            sort: storeSort("claims"),
          }),
          response: { 200: Page(ListedClaim) },
        },
      },
      async (req) => {
        const q = req.query;
        let targetId = q.target?.id;
        if (q.target?.type === "actor" && targetId) targetId = await store.resolveActor(targetId);
        const f = { status: q.status, targetType: q.target?.type, targetId, source: q.source };
        const claims = await store.listClaims({ ...f, limit: q.limit, offset: q.offset, sort: q.sort });
        const labels = await store.targetLabels(claims.map((c) => c.target));
        const fa = await store.persianNames(claims.filter((c) => c.target.type === "actor").map((c) => c.target.id));
        const items = claims.map((c) => {
          const targetLabel = labels.get(`${c.target.type}:${c.target.id}`);
          const targetLabelFa = c.target.type === "actor" ? fa.get(c.target.id) : undefined;
          return { ...c, ...(targetLabel === undefined ? {} : { targetLabel }), ...(targetLabelFa === undefined ? {} : { targetLabelFa }) };
        });
        return page(items, await store.countClaims(f), q);
      },
    );

    app.post(
      "/claims/query",
      {
        schema: {
          tags: ["claims"],
          summary: "The claims on many records at once",
          description:
            "Every claim on any of the given records (TYPE:ID, as the list's target filter; an actor may be named by alias or ISO code), with its source's title, ordered by target, property and passage: one call for a page listing many records. Every target must exist (404 naming the missing ones).",
          body: z.strictObject({
            targets: z.array(TargetParam).min(1).max(5000).describe("TYPE:ID of each record, e.g. relation:r-irn-apa"),
            status: ClaimStatus.optional(),
          }),
          response: { 200: z.object({ items: z.array(ClaimWithSource) }) },
        },
      },
      async (req) => {
        const targets: ClaimTarget[] = [];
        for (const t of req.body.targets) targets.push(t.type === "actor" ? { type: "actor", id: await store.resolveActor(t.id) } : t);
        const missing = await store.missingTargets(targets);
        if (missing.length) throw new NotFoundError(`no ${missing.slice(0, 20).map((m) => `${m.type} "${m.id}"`).join(", ")}${missing.length > 20 ? ` and ${missing.length - 20} more` : ""}`);
        return { items: await store.claimsForTargets(targets, { status: req.body.status }) };
      },
    );

    app.get("/claims/:id", { schema: { tags: ["claims"], summary: "One claim", params: idParams, response: { 200: ClaimWithSource } } }, async (req) => store.getClaim(req.params.id));

    app.post(
      "/claims/:id/review",
      { schema: { tags: ["claims"], summary: "Accept or reject a claim", params: idParams, body: ReviewBody, response: { 200: Claim } } },
      async (req) => (await review([req.params.id], req.body.status, req.body.by ?? userOf(req)))[0]!,
    );

    app.post(
      "/claims/review",
      {
        schema: {
          tags: ["claims"],
          summary: "Accept or reject many claims",
          description: "Every id must exist, or nothing changes (404 naming the missing ones).",
          body: ReviewBody.extend({ ids: z.array(Id).min(1).max(10_000) }),
          response: { 200: z.object({ items: z.array(Claim) }) },
        },
      },
      async (req) => ({ items: await review([...new Set(req.body.ids)], req.body.status, req.body.by ?? userOf(req)) }),
    );

    app.post(
      "/claims",
      {
        schema: {
          tags: ["claims"],
          summary: "Add a claim to a record",
          description: "A proposed claim: a source's statement of a record or of one property of it, its quote located in the source's text.",
          body: NewClaim,
          response: { 201: Claim },
        },
      },
      async (req, reply) => {
        const b = req.body;
        const target = b.target as ClaimTarget;
        if (!(await store.exists(target.type, target.id))) throw new RequestError([{ path: "body.target.id", message: `unknown ${target.type} "${target.id}"` }]);
        if (b.value?.type === "actor" && !(await store.exists("actor", b.value.actor))) throw new RequestError([{ path: "body.value.actor", message: `unknown actor "${b.value.actor}"` }]);
        const claim = await makeClaim(store, target, b, userOf(req), "body");
        await store.writeSession({}, (w) => w.write({ claims: [claim] }));
        ctx.changed();
        return reply.status(201).send(claim);
      },
    );

    app.patch(
      "/claims/:id",
      {
        schema: {
          tags: ["claims"],
          summary: "Edit a proposed claim's passage or value",
          description: "Only proposed claims can be edited (a reviewed one is accepted or rejected as it stood); a new quote is located in the source's text.",
          params: idParams,
          body: ClaimEdit,
          response: { 200: Claim },
        },
      },
      async (req) => {
        const { sourceTitle: _t, ...claim } = await store.getClaim(req.params.id);
        if (claim.status !== "proposed") throw new InputError(`claim "${claim.id}" is ${claim.status}; only proposed claims can be edited`);
        const e = req.body;
        const next: Claim = { ...claim, updatedAt: new Date().toISOString() };
        if (e.quote !== undefined || e.page !== undefined) {
          next.locator = await locate(store, claim.source, { quote: e.quote ?? (e.page === undefined ? claim.locator.quote : undefined), start: e.start, page: e.page ?? claim.locator.page }, "body");
        }
        if (e.value !== undefined) {
          if (!claim.property) throw new RequestError([{ path: "body.value", message: "this claim asserts a record, not a property; it takes no value" }]);
          if (e.value.type === "actor" && !(await store.exists("actor", e.value.actor))) throw new RequestError([{ path: "body.value.actor", message: `unknown actor "${e.value.actor}"` }]);
          next.value = e.value;
        }
        if (e.note !== undefined) next.note = e.note;
        const parsed = Claim.safeParse(next);
        if (!parsed.success) throw new RequestError(parsed.error.issues.map((i) => ({ path: ["body", ...i.path.map(String)].join("."), message: i.message })));
        await store.writeSession({}, (w) => w.write({ claims: [parsed.data] }));
        ctx.changed();
        return parsed.data;
      },
    );
  };
}
