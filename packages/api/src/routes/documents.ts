// /api/documents: ingest a document by upload (the raw file as the body), list documents, their versions and the
// passages of a version.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ingestDocuments } from "@diplograph/ingest";
import { Id, NotFoundError, SourceType } from "@diplograph/model";
import type { ApiContext } from "../context.js";
import { RequestError } from "../errors.js";
import { Flag, PassageSpan } from "../schemas.js";

/** Largest document accepted by POST /api/documents. */
export const DOCUMENT_LIMIT = 256 * 1024 * 1024;

const IngestedFile = z.object({
  file: z.string(),
  documentId: z.string(),
  version: z.number().int(),
  sourceId: z.string(),
  status: z.enum(["new", "new-version", "unchanged"]),
  format: z.string(),
  sha256: z.string(),
  title: z.string(),
  authors: z.array(z.string()),
  published: z.string().optional(),
  language: z.string(),
  languages: z.array(z.string()),
  doi: z.string().optional(),
  passages: z.number().int(),
  dates: z.number().int(),
  mentions: z.number().int(),
  events: z.number().int(),
  undated: z.number().int().describe("events stated without a date, proposed as stated-event claims on an actor"),
  actors: z.number().int().describe("actors proposed with the events (participants the store did not hold)"),
  claims: z.number().int(),
  warnings: z.array(z.string()),
});

const DocumentVersion = z.object({
  documentId: z.string(),
  version: z.number().int(),
  sourceId: z.string(),
  supersedes: z.string().optional(),
  title: z.string(),
  format: z.string(),
  language: z.string(),
  sha256: z.string(),
  ingestedAt: z.string(),
  passages: z.number().int(),
});

const PassageBody = PassageSpan.extend({ text: z.string() });

const documentParams = z.object({ id: Id });

export function documentRoutes(ctx: ApiContext): FastifyPluginAsyncZod {
  const { store } = ctx;
  return async (app) => {
    app.post(
      "/documents",
      {
        bodyLimit: DOCUMENT_LIMIT,
        schema: {
          tags: ["sources"],
          summary: "Ingest a document by upload",
          description:
            "The body is the file itself (text, Markdown, HTML, PDF or DOCX; any Content-Type), `filename` names it (its extension tells the format when the content does not). As `diplograph ingest`: the document is stored with its metadata and passages, and the extraction pipeline's proposals become claims for review; an identical file is a no-op, a changed one the document's next version. A file that cannot be read is a 400 naming it, and nothing is stored.",
          querystring: z.object({
            filename: z.string().min(1).describe("the file's name, e.g. report.pdf"),
            id: Id.optional().describe("the document's id across versions (default: from the file name)"),
            title: z.string().min(1).optional(),
            author: z.union([z.string(), z.array(z.string())]).optional().describe("an author; repeat for several"),
            date: z.string().optional().describe("publication date, partial ISO or Solar Hijri"),
            language: z.string().optional(),
            doi: z.string().optional(),
            type: SourceType.optional(),
            dryRun: Flag,
          }),
          response: { 200: z.object({ files: z.array(IngestedFile), dryRun: z.boolean(), passages: z.number().int(), wrote: z.boolean() }) },
        },
      },
      async (req) => {
        const body = req.body as Buffer | undefined;
        if (!Buffer.isBuffer(body) || body.length === 0) throw new RequestError([{ path: "body", message: "the request has no body; send the document's bytes" }]);
        const q = req.query;
        const name = basename(q.filename);
        const dir = mkdtempSync(join(tmpdir(), "diplograph-document-"));
        try {
          const path = join(dir, name);
          writeFileSync(path, body);
          const authors = q.author === undefined ? undefined : Array.isArray(q.author) ? q.author : [q.author];
          const summary = await ingestDocuments(store, [path], {
            display: () => name,
            dryRun: Boolean(q.dryRun),
            ...(q.id !== undefined ? { id: q.id } : {}),
            ...(q.title !== undefined ? { title: q.title } : {}),
            ...(authors ? { authors } : {}),
            ...(q.date !== undefined ? { date: q.date } : {}),
            ...(q.language !== undefined ? { language: q.language } : {}),
            ...(q.doi !== undefined ? { doi: q.doi } : {}),
            ...(q.type !== undefined ? { type: q.type } : {}),
          });
          if (summary.wrote) ctx.changed();
          return { files: summary.files, dryRun: summary.dryRun, passages: summary.passages, wrote: summary.wrote };
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    );

    app.get(
      "/documents",
      {
        schema: {
          tags: ["sources"],
          summary: "List ingested documents",
          response: { 200: z.object({ items: z.array(z.object({ documentId: z.string(), versions: z.number().int(), latest: z.string(), title: z.string() })) }) },
        },
      },
      async () => ({ items: await store.listDocuments() }),
    );

    app.get(
      "/documents/:id/versions",
      {
        schema: { tags: ["sources"], summary: "The versions of a document, oldest first", params: documentParams, response: { 200: z.object({ items: z.array(DocumentVersion) }) } },
      },
      async (req) => {
        const items = await store.documentVersions(req.params.id);
        if (items.length === 0) throw new NotFoundError(`no document "${req.params.id}"`);
        return { items };
      },
    );

    app.get(
      "/documents/:id/passages",
      {
        schema: {
          tags: ["sources"],
          summary: "The passages of a version of a document (default: the latest), with their text",
          params: documentParams,
          querystring: z.object({ version: z.coerce.number().int().min(1).optional() }),
          response: { 200: z.object({ documentId: z.string(), version: z.number().int(), sourceId: z.string(), items: z.array(PassageBody) }) },
        },
      },
      async (req) => {
        const versions = await store.documentVersions(req.params.id);
        if (versions.length === 0) throw new NotFoundError(`no document "${req.params.id}"`);
        const v = req.query.version === undefined ? versions[versions.length - 1]! : versions.find((x) => x.version === req.query.version);
        if (!v) throw new NotFoundError(`document "${req.params.id}" has no version ${req.query.version}; it has ${versions.map((x) => x.version).join(", ")}`);
        const text = (await store.getSource(v.sourceId)).text ?? "";
        const items = (await store.passages(v.sourceId)).map((p) => ({ ...p, text: text.slice(p.start, p.end) }));
        return { documentId: v.documentId, version: v.version, sourceId: v.sourceId, items };
      },
    );
  };
}
