// /api/export (the whole database as JSON, CSV, GEXF or GraphML), /api/import (a dataset by upload), /api/stats, /api/vocabularies.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, normalize, relative, sep } from "node:path";
import { z } from "zod";
import { strToU8, unzipSync, zipSync } from "fflate";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { projectGraph, toCsvTables, toGexf, toGraphml, toJson } from "@diplograph/export";
import { importDataset } from "@diplograph/ingest";
import { ACTOR_KINDS, AGREEMENT_KINDS, CLAIM_STATUSES, DatasetError, EVENT_TYPES, LAYERS, PARTICIPANT_ROLES, RELATION_KINDS, SOURCE_TYPES, TRACKS } from "@diplograph/model";
import type { ApiContext } from "../context.js";
import { Flag } from "../schemas.js";
import { sendFile } from "./analyses.js";

/** Largest upload accepted by /api/import. */
export const IMPORT_LIMIT = 512 * 1024 * 1024;

const CSV_TABLES = ["actors.csv", "relations.csv", "events.csv", "claims.csv"] as const;

const ImportSummary = z.object({
  dataset: z.string(),
  files: z.number().int(),
  records: z.record(z.string(), z.number().int()),
  dryRun: z.boolean(),
  result: z
    .object({ inserted: z.record(z.string(), z.number()), updated: z.record(z.string(), z.number()), unchanged: z.record(z.string(), z.number()), wrote: z.boolean() })
    .nullable(),
});

/** Unpack a zip into `dir`, refusing entries that would land outside it. Returns the dataset folder inside. */
function unzipTo(buf: Buffer, dir: string): string {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
  } catch (e) {
    throw new DatasetError([{ file: "upload.zip", message: `not a readable zip file (${(e as Error).message})` }]);
  }
  let manifest: string | undefined;
  for (const [name, data] of Object.entries(files)) {
    if (name.endsWith("/")) continue;
    const target = normalize(join(dir, name));
    if (!target.startsWith(dir + sep)) throw new DatasetError([{ file: name, message: "a zip entry points outside the dataset folder" }]);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, data);
    if (/(^|\/)dataset\.ya?ml$/.test(name) && (manifest === undefined || name.length < manifest.length)) manifest = name;
  }
  // A zip of a folder holds the folder: the dataset is where its dataset.yaml is.
  return manifest ? dirname(join(dir, manifest)) : dir;
}

export function dataRoutes(ctx: ApiContext): FastifyPluginAsyncZod {
  const { store } = ctx;
  return async (app) => {
    app.get(
      "/export",
      {
        schema: {
          tags: ["exports"],
          summary: "Export the whole database",
          description:
            "json: the re-importable dataset document; csv: every table in a zip, or one table with `table`; gexf (1.3) and graphml: the projected graph (`events=false` leaves out edges between event participants).",
          querystring: z.object({
            format: z.enum(["json", "csv", "gexf", "graphml"]),
            table: z.enum(CSV_TABLES).optional().describe("csv: just this table"),
            events: Flag.describe("gexf/graphml: edges between event participants (default true)"),
          }),
        },
      },
      async (req, reply) => {
        const q = req.query;
        const snapshot = await store.snapshot();
        if (q.format === "json") return sendFile(reply, "diplograph.json", "application/json; charset=utf-8", toJson(snapshot));
        if (q.format === "csv") {
          const tables = toCsvTables(snapshot) as unknown as Record<string, string | undefined>;
          if (q.table) return sendFile(reply, q.table, "text/csv; charset=utf-8", tables[q.table] ?? "");
          const entries = Object.entries(tables).filter((e): e is [string, string] => e[1] !== undefined);
          return sendFile(reply, "diplograph-csv.zip", "application/zip", zipSync(Object.fromEntries(entries.map(([k, v]) => [k, strToU8(v)]))));
        }
        const graph = projectGraph(snapshot, { events: q.events !== false });
        return q.format === "gexf" ? sendFile(reply, "diplograph.gexf", "application/gexf+xml", toGexf(graph)) : sendFile(reply, "diplograph.graphml", "application/graphml+xml", toGraphml(graph));
      },
    );

    app.post(
      "/import",
      {
        bodyLimit: IMPORT_LIMIT,
        schema: {
          tags: ["exports"],
          summary: "Import a dataset by upload",
          description:
            "The body is a JSON dataset document (as `GET /api/export?format=json` or `diplograph export --format json` writes it; Content-Type application/json) or a zip of a dataset folder (application/zip). Everything is validated first; if anything is wrong nothing is written and the answer is 400 with every issue (file, line, field). `dryRun=true` validates only.",
          querystring: z.object({ dryRun: Flag }),
          consumes: ["application/json", "application/zip"],
          response: { 200: ImportSummary },
        },
      },
      async (req) => {
        const body = req.body as Buffer;
        if (!Buffer.isBuffer(body) || body.length === 0) throw new DatasetError([{ file: "upload", message: "the request has no body; send a JSON dataset document or a zip of a dataset folder" }]);
        const dir = mkdtempSync(join(tmpdir(), "diplograph-upload-"));
        try {
          let path: string;
          if (req.headers["content-type"]?.startsWith("application/zip")) path = unzipTo(body, dir);
          else writeFileSync((path = join(dir, "upload.json")), body);
          const summary = await importDataset(store, path, { dryRun: Boolean(req.query.dryRun), display: (p) => relative(dir, p) || "upload" });
          if (!req.query.dryRun && summary.result?.wrote) ctx.changed();
          return { dataset: summary.dataset, files: summary.files, records: summary.records, dryRun: Boolean(req.query.dryRun), result: summary.result };
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    );

    app.get(
      "/stats",
      {
        schema: {
          tags: ["meta"],
          summary: "What the database holds",
          response: {
            200: z.object({
              actors: z.number(),
              agreements: z.number(),
              concepts: z.number(),
              relations: z.number(),
              events: z.number(),
              sources: z.number(),
              claims: z.number(),
              actorsByKind: z.record(z.string(), z.number()),
              relationsByKind: z.record(z.string(), z.number()),
              eventsByType: z.record(z.string(), z.number()),
              claimsByStatus: z.record(z.string(), z.number()),
              conceptsByFramework: z.record(z.string(), z.number()),
              eventSpan: z.object({ from: z.string(), to: z.string() }).nullable(),
            }),
          },
        },
      },
      async () => store.stats(),
    );

    const vocab = (v: { map: Record<string, { label: string }> }) => Object.entries(v.map).map(([id, spec]) => ({ ...spec, id }));
    app.get(
      "/vocabularies",
      { schema: { tags: ["meta"], summary: "The controlled vocabularies (actor kinds, tracks, layers, relation kinds, event types …) with labels", response: { 200: z.record(z.string(), z.array(z.object({ id: z.string(), label: z.string() }).catchall(z.unknown()))) } } },
      async () => ({
        actorKinds: vocab(ACTOR_KINDS),
        tracks: vocab(TRACKS),
        layers: vocab(LAYERS),
        relationKinds: vocab(RELATION_KINDS),
        eventTypes: vocab(EVENT_TYPES),
        participantRoles: vocab(PARTICIPANT_ROLES),
        agreementKinds: vocab(AGREEMENT_KINDS),
        sourceTypes: vocab(SOURCE_TYPES),
        claimStatuses: vocab(CLAIM_STATUSES),
      }),
    );
  };
}
