// The HTTP server: the API under /api (Zod-validated, documented as OpenAPI 3.1 at /api/openapi.json and /api/docs)
// and the web application's static build, in one fastify instance.
import { existsSync, readFileSync } from "node:fs";
import type { Socket } from "node:net";
import { join, resolve } from "node:path";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import { z } from "zod";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { Actor, Agreement, Alias, Claim, ClaimValue, Concept, DateValue, Event, Locator, Relation, Source } from "@diplograph/model";
import type { Store } from "@diplograph/store";
import { createContext } from "./context.js";
import { ErrorBody, RequestError, registerErrorHandler } from "./errors.js";
import { actorRoutes } from "./routes/actors.js";
import { analysisRoutes } from "./routes/analyses.js";
import { claimRoutes } from "./routes/claims.js";
import { dataRoutes, IMPORT_LIMIT } from "./routes/data.js";
import { documentRoutes, DOCUMENT_LIMIT } from "./routes/documents.js";
import { recordRoutes } from "./routes/records.js";

export const API_VERSION = "0.1.0";

export interface ServerOptions {
  store: Store;
  /** The web application's static build (index.html and assets); without it `/` is a page linking to the API docs. */
  webRoot?: string;
  /** Check every response against its schema (tests); off in production, where the store's records are already valid. */
  validateResponses?: boolean;
  /** fastify's logger option (default: off). */
  logger?: FastifyServerOptions["logger"];
  /** Framework files or folders for scorecards, beside the shipped ones. */
  frameworkPaths?: string[];
}

// The model's records appear in the OpenAPI document once, as named components.
for (const [id, schema] of Object.entries({ Actor, Relation, Event, Agreement, Concept, Source, Claim, ClaimValue, Locator, DateValue, Alias })) {
  if (!z.globalRegistry.has(schema)) z.globalRegistry.add(schema, { id });
}

/** Responses are serialised with JSON.stringify unless `validateResponses` asks for the schema check. */
const plainSerializer = () => (data: unknown) => JSON.stringify(data);

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // Query lists may be repeated (`track=a&track=b`) as well as comma-separated.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(options.validateResponses ? serializerCompiler : plainSerializer);
  registerErrorHandler(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Diplograph API",
        version: API_VERSION,
        description:
          "Actors, relations, events, agreements and the claims behind every fact, their review, analyses, exports and imports. Errors: 400 with the field path of every problem, 404 for unknown ids. Lists take limit (default 50, max 500), offset and sort (`-field` for descending) and return { items, total, limit, offset }. See docs/api.md.",
      },
      tags: ["actors", "relations", "events", "agreements", "concepts", "sources", "claims", "analyses", "scorecards", "exports", "meta"].map((name) => ({ name })),
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: "/api/docs",
    uiConfig: { validatorUrl: null, deepLinking: true },
    staticCSP: true,
  });

  // Every API route answers errors with the one error body; documented once here rather than on each route.
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/") || route.url.startsWith("/api/docs") || !route.schema) return;
    route.schema.response = { ...((route.schema.response as object) ?? {}), 400: ErrorBody, 404: ErrorBody };
  });

  // PostgreSQL cannot store or compare text with NUL characters; SQLite would keep them. Either way they are no
  // one's real input: refuse them up front, with the path, rather than as a database error.
  app.addHook("preValidation", async (req) => {
    for (const [part, value] of [["querystring", req.query], ["params", req.params], ["body", req.body]] as const) {
      const at = nulPath(value);
      if (at !== undefined) throw new RequestError([{ path: [part, ...at].join("."), message: "contains a NUL character" }]);
    }
  });

  const ctx = createContext(options.store, options.frameworkPaths);
  await app.register(
    async (api) => {
      await api.register(actorRoutes(ctx));
      await api.register(recordRoutes(ctx));
      await api.register(claimRoutes(ctx));
      await api.register(analysisRoutes(ctx));
      await api.register(async (data) => {
        // Uploads arrive as raw bytes (a JSON document or a zip) for the importer to read as files.
        data.removeContentTypeParser("application/json");
        data.addContentTypeParser(["application/json", "application/zip", "application/octet-stream"], { parseAs: "buffer", bodyLimit: IMPORT_LIMIT }, (_req, body, done) => done(null, body));
        await data.register(dataRoutes(ctx));
      });
      await api.register(async (docs) => {
        // A document arrives as its own bytes, whatever its Content-Type (text, HTML, PDF, DOCX …).
        docs.removeAllContentTypeParsers();
        docs.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: DOCUMENT_LIMIT }, (_req, body, done) => done(null, body));
        await docs.register(documentRoutes(ctx));
      });
      api.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
      api.get("/health", { schema: { tags: ["meta"], summary: "Liveness", response: { 200: z.object({ ok: z.literal(true), version: z.string() }) } } }, async () => ({ ok: true as const, version: API_VERSION }));
    },
    { prefix: "/api" },
  );

  const webRoot = options.webRoot && existsSync(join(options.webRoot, "index.html")) ? resolve(options.webRoot) : undefined;
  if (webRoot) await app.register(fastifyStatic, { root: webRoot, wildcard: false, decorateReply: false, index: ["index.html"] });
  const indexHtml = webRoot ? readFileSync(join(webRoot, "index.html"), "utf8") : LANDING;
  if (!webRoot) app.get("/", { schema: { hide: true } }, async (_req, reply) => reply.type("text/html; charset=utf-8").send(LANDING));

  app.setNotFoundHandler((req, reply) => {
    if (req.url === "/api" || req.url.startsWith("/api/") || req.method !== "GET") {
      return reply.status(404).type("application/json; charset=utf-8").send(JSON.stringify({ error: "not-found", message: `no route ${req.method} ${req.url.split("?")[0]}` }));
    }
    // The web application routes on the client: every other page is its index.html.
    return reply.type("text/html; charset=utf-8").send(indexHtml);
  });
  return app;
}

/** The path to the first string holding a NUL character, if any. */
function nulPath(v: unknown, path: string[] = []): string[] | undefined {
  if (typeof v === "string") return v.includes("\u0000") ? path : undefined;
  if (v === null || typeof v !== "object" || Buffer.isBuffer(v)) return undefined;
  for (const [k, x] of Object.entries(v)) {
    if (k.includes("\u0000")) return [...path, k];
    const found = nulPath(x, [...path, k]);
    if (found) return found;
  }
  return undefined;
}

const LANDING = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Diplograph</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40em;margin:4em auto;padding:0 1em}code{background:#f3f3f3;padding:0 .2em}</style></head>
<body><h1>Diplograph</h1>
<p>The web application is not built in this installation. The HTTP API is running:</p>
<ul><li><a href="/api/docs">API documentation</a> (OpenAPI 3.1: <a href="/api/openapi.json"><code>/api/openapi.json</code></a>)</li>
<li><a href="/api/actors?q=parliament">Search actors</a>, <a href="/api/stats">what the database holds</a></li></ul>
</body></html>
`;

export interface ServeOptions extends ServerOptions {
  host?: string;
  port?: number;
}

/** Start listening; resolves to the running server and its URL. A running server keeps the names in memory for search. */
export async function serve(options: ServeOptions): Promise<{ app: FastifyInstance; url: string }> {
  const app = await buildServer(options);
  options.store.keepNamesInMemory();
  const host = options.host ?? "127.0.0.1";
  await app.listen({ host, port: options.port ?? 8080 });
  const addr = app.server.address();
  const port = typeof addr === "object" && addr ? addr.port : options.port;
  return { app, url: `http://${host.includes(":") ? `[${host}]` : host}:${port}` };
}

/**
 * Serve connections accepted elsewhere (a primary process that hands each one to the worker with the fewest, see the
 * CLI's `serve --workers`): the server is built and ready, keeps the names in memory for search, and `accept` gives it
 * one connection (a socket not yet read from).
 */
export async function serveConnections(options: ServerOptions): Promise<{ app: FastifyInstance; accept: (socket: Socket) => void }> {
  const app = await buildServer(options);
  options.store.keepNamesInMemory();
  await app.ready();
  // What `listen` would start: node:http's sweep of connections past their headers or request timeout.
  app.server.emit("listening");
  return {
    app,
    accept: (socket) => {
      // As node:http's own listener would take it: no Nagle delay, and a half-closed connection may still be answered.
      socket.setNoDelay(true);
      socket.allowHalfOpen = true;
      app.server.emit("connection", socket);
      socket.resume();
    },
  };
}
