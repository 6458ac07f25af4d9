// /api/analyses/… and /api/frameworks: the analyses of @diplograph/analysis over HTTP, each the JSON twin of a CLI command.
import { z } from "zod";
import { zipSync, strToU8 } from "fflate";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  CRITERION_IDS,
  METRIC_NAMES,
  VIEW_KINDS,
  activity,
  checkFilter,
  computeMetrics,
  designNeighbourhood,
  dyadProfile,
  findFramework,
  layerStructure,
  loadFrameworks,
  multiplexView,
  overlap,
  parseWindow,
  scoreActor,
  view,
  viewGraph,
  type CriterionId,
  type LoadedFramework,
  type ViewFilter,
  type Weights,
} from "@diplograph/analysis";
import { toGexf, toGraphml, toNodeEdgeCsv } from "@diplograph/export";
import { ActorKind, Id, Layer, Track } from "@diplograph/model";
import type { ApiContext } from "../context.js";
import { AnalysisResult, Flag, Page, Paging, listParam, pageOf, sortParam } from "../schemas.js";

const PartialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "expected YYYY, YYYY-MM or YYYY-MM-DD");
const Ref = z.string().min(1).describe("actor: id, alias or ISO 3166-1 alpha-3 code");

/** The filter every view and analysis takes (docs/analysis.md, "Filters"). */
const filterQuery = {
  at: PartialDate.optional().describe("as of this date"),
  from: PartialDate.optional().describe("what may hold on or after this date"),
  to: PartialDate.optional().describe("what may hold on or before this date"),
  track: listParam(Track).describe("only these tracks (comma-separated)"),
  layer: listParam(Layer).describe("only these layers of action (comma-separated)"),
  datedOnly: Flag.describe("with a date or window, leave out relations the sources give no dates for"),
};
const kindQuery = { kind: listParam(ActorKind).describe("only actors of these kinds (comma-separated)") };

function viewFilter(q: { at?: string | undefined; from?: string | undefined; to?: string | undefined; track?: Track[] | undefined; layer?: Layer[] | undefined; kind?: ActorKind[] | undefined; datedOnly?: boolean | undefined }): ViewFilter {
  const f: ViewFilter = {};
  if (q.at) f.at = q.at;
  if (q.from) f.from = q.from;
  if (q.to) f.to = q.to;
  if (q.track?.length) f.tracks = q.track;
  if (q.layer?.length) f.layers = q.layer;
  if (q.kind?.length) f.kinds = q.kind;
  if (q.datedOnly) f.datedOnly = true;
  checkFilter(f);
  return f;
}

const Weight = z
  .string()
  .optional()
  .describe(`criterion weights, e.g. coverage=0.5,cohesion=0.2 (criteria: ${CRITERION_IDS.join(", ")})`)
  .transform((s, ctx) => {
    const out: Partial<Weights> = {};
    for (const part of (s ?? "").split(",").map((p) => p.trim()).filter(Boolean)) {
      const m = /^([a-z]+)\s*[=:]\s*(\d+(?:\.\d+)?)$/.exec(part);
      if (!m || !(CRITERION_IDS as string[]).includes(m[1]!)) ctx.addIssue({ code: "custom", message: `"${part}" is not criterion=weight with a criterion of ${CRITERION_IDS.join(", ")}` });
      else out[m[1] as CriterionId] = Number(m[2]);
    }
    return out;
  });

/** A framework without its file locator. */
function frameworkJson(f: LoadedFramework) {
  const { lineOf: _lineOf, ...rest } = f;
  return rest;
}

const NetworkJson = z.object({
  view: z.enum(VIEW_KINDS),
  filter: AnalysisResult,
  nodes: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), values: z.record(z.string(), z.number()) })),
  edges: z.array(z.object({ key: z.string(), source: z.string(), target: z.string() }).catchall(z.unknown())),
});

export function analysisRoutes(ctx: ApiContext): FastifyPluginAsyncZod {
  const { store } = ctx;
  const resolve = async (refs: string[]) => {
    const ids: string[] = [];
    for (const r of refs) ids.push(await store.resolveActor(r));
    return ids;
  };
  const frameworks = () => loadFrameworks({ paths: ctx.frameworkPaths });

  return async (app) => {
    app.get(
      "/analyses/overlap",
      {
        schema: {
          tags: ["analyses"],
          summary: "Co-membership overlap of two or more actors",
          querystring: z.object({ actors: listParam(Ref).pipe(z.array(z.string()).min(2, "give two or more actors")).describe("two or more actors, comma-separated"), ...filterQuery, direct: Flag }),
          response: { 200: AnalysisResult },
        },
      },
      async (req) => {
        const f = viewFilter(req.query);
        const ids = await resolve(req.query.actors);
        return overlap(await ctx.networkData(), ids, { ...f, lift: !req.query.direct }) as unknown as Record<string, unknown>;
      },
    );

    app.get(
      "/analyses/dyad",
      {
        schema: { tags: ["analyses"], summary: "Everything between two actors", querystring: z.object({ a: Ref, b: Ref, ...filterQuery, direct: Flag }), response: { 200: AnalysisResult } },
      },
      async (req) => {
        const f = viewFilter(req.query);
        const [a, b] = await resolve([req.query.a, req.query.b]);
        return dyadProfile(await ctx.networkData(), a!, b!, { ...f, parts: !req.query.direct }) as unknown as Record<string, unknown>;
      },
    );

    app.get(
      "/analyses/multiplex",
      {
        schema: {
          tags: ["analyses"],
          summary: "Layers and tracks an actor (or a dyad) is active on, per period",
          querystring: z.object({ actor: Ref, other: Ref.optional(), ...filterQuery, period: z.coerce.number().int().min(1).max(100).optional().describe("period length in years (default 1)"), direct: Flag }),
          response: { 200: AnalysisResult },
        },
      },
      async (req) => {
        const q = req.query;
        const f = viewFilter(q);
        const ids = await resolve(q.other ? [q.actor, q.other] : [q.actor]);
        return activity(await ctx.networkData(), ids, { ...f, parts: !q.direct, ...(q.period ? { period: q.period } : {}) }) as unknown as Record<string, unknown>;
      },
    );

    app.get(
      "/analyses/layers",
      {
        schema: {
          tags: ["analyses"],
          summary: "Layer overlap and participation coefficients",
          querystring: z.object({ ...filterQuery, ...kindQuery, by: z.enum(["layer", "track"]).default("layer"), lift: Flag }),
          response: { 200: AnalysisResult },
        },
      },
      async (req) => {
        const f = viewFilter(req.query);
        return layerStructure(multiplexView(await ctx.networkData(), { ...f, layerBy: req.query.by, lift: !!req.query.lift })) as unknown as Record<string, unknown>;
      },
    );

    app.get(
      "/analyses/network",
      {
        schema: {
          tags: ["analyses"],
          summary: "A graph view with node metrics",
          description: "format=json (default): nodes (sorted by the first metric) and edges. gexf, graphml: the view as a file (GEXF with time spans); csv: nodes.csv and edges.csv in a zip.",
          querystring: z.object({
            view: z.enum(VIEW_KINDS).default("comembership"),
            ...filterQuery,
            ...kindQuery,
            lift: Flag.describe("attribute the memberships and events of parts to the whole (default for comembership)"),
            by: z.enum(["layer", "track"]).optional().describe("multiplex: one layer per layer of action or per track"),
            metrics: listParam(z.enum(METRIC_NAMES as [string, ...string[]])).describe(`node metrics: ${METRIC_NAMES.join(", ")} (default degree,strength)`),
            format: z.enum(["json", "gexf", "graphml", "csv"]).default("json"),
          }),
          response: { 200: NetworkJson.describe("format=json; other formats are files") },
        },
      },
      async (req, reply) => {
        const q = req.query;
        const data = await ctx.networkData();
        const f = viewFilter(q);
        const g = view(data, q.view, { ...f, ...(q.lift !== undefined ? { lift: q.lift } : {}), ...(q.by ? { layerBy: q.by } : {}) });
        const names: string[] = q.metrics?.length ? q.metrics : ["degree", "strength"];
        const metrics = computeMetrics(g, names);
        if (q.format !== "json") {
          const graph = viewGraph(data, g, { metrics });
          const base = `diplograph-${q.view}`;
          if (q.format === "csv") return sendFile(reply, `${base}.zip`, "application/zip", zipSync(Object.fromEntries(Object.entries(toNodeEdgeCsv(graph)).map(([k, v]) => [k, strToU8(v)]))));
          return q.format === "gexf" ? sendFile(reply, `${base}.gexf`, "application/gexf+xml", toGexf(graph)) : sendFile(reply, `${base}.graphml`, "application/graphml+xml", toGraphml(graph));
        }
        const nodes = g.nodes().map((id) => ({ id, name: data.actors.get(id)?.name ?? id, kind: data.actors.get(id)?.kind ?? "", values: Object.fromEntries(names.map((m) => [m, metrics[m]!.get(id) ?? 0])) }));
        const first = names[0]!;
        nodes.sort((a, b) => b.values[first]! - a.values[first]! || (a.id < b.id ? -1 : 1));
        const edges = (g as unknown as { mapEdges: <T>(fn: (k: string, a: object, s: string, t: string) => T) => T[] }).mapEdges((key, attrs, source, target) => ({ ...attrs, key, source, target }));
        return { view: q.view, filter: f as Record<string, unknown>, nodes, edges };
      },
    );

    app.get(
      "/analyses/neighbourhood/:country",
      {
        schema: {
          tags: ["analyses"],
          summary: "Neighbourhood-assembly designer",
          description: "Land and maritime neighbours of a country, the bodies that already bring them together, and ranked candidate memberships.",
          params: z.object({ country: z.string().min(1).describe("ISO 3166-1 alpha-3 code, or the id or a name of a state") }),
          querystring: z.object({
            asOf: PartialDate.optional().describe("only memberships that may hold on this date"),
            weights: Weight,
            limit: z.coerce.number().int().min(1).max(10_000).optional().describe("at most this many candidates"),
            distanceScale: z.coerce.number().positive().max(100_000).optional().describe("km at which the distance score is one half (default 1000)"),
          }),
          response: { 200: AnalysisResult },
        },
      },
      async (req) => {
        const q = req.query;
        return (await designNeighbourhood(store, req.params.country, { asOf: q.asOf, weights: q.weights, limit: q.limit, distanceScaleKm: q.distanceScale })) as unknown as Record<string, unknown>;
      },
    );

    app.get(
      "/frameworks",
      {
        schema: {
          tags: ["scorecards"],
          summary: "Frameworks available for scorecards",
          querystring: z.object({ ...Paging, sort: sortParam(["id", "title"]) }),
          response: { 200: Page(AnalysisResult) },
        },
      },
      async (req) => pageOf(frameworks().map(frameworkJson) as unknown as Array<Record<string, unknown>>, req.query, (f, k) => f[k]),
    );

    app.get(
      "/frameworks/:id",
      { schema: { tags: ["scorecards"], summary: "One framework: dimensions and indicators", params: z.object({ id: Id }), response: { 200: AnalysisResult } } },
      async (req) => frameworkJson(findFramework(frameworks(), req.params.id)) as unknown as Record<string, unknown>,
    );

    app.get(
      "/frameworks/:id/scorecards/:actor",
      {
        schema: {
          tags: ["scorecards"],
          summary: "Score an actor against a framework, with the evidence",
          params: z.object({ id: Id, actor: Ref }),
          querystring: z.object({ from: PartialDate.optional(), to: PartialDate.optional() }),
          response: { 200: AnalysisResult },
        },
      },
      async (req) => {
        const framework = findFramework(frameworks(), req.params.id);
        return (await scoreActor(store, framework, req.params.actor, { window: parseWindow(req.query.from, req.query.to) })) as unknown as Record<string, unknown>;
      },
    );
  };
}

/** A download: the body with its type and a file name. */
export function sendFile(reply: import("fastify").FastifyReply, name: string, type: string, body: string | Uint8Array) {
  return reply
    .type(type)
    .header("content-disposition", `attachment; filename="${name}"`)
    .send(typeof body === "string" ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength));
}
