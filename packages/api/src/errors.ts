// One error handler for the whole API: every user mistake becomes a 400 or 404 with the field path, never a 500.
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { z } from "zod";
import { AmbiguousReferenceError, DatasetError, DiplographError, InputError, NotFoundError } from "@diplograph/model";

/** One problem with a request: the field path (`body.actor.name`, `querystring.limit`) or a dataset file location. */
export const Issue = z.object({
  path: z.string().optional(),
  file: z.string().optional(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  field: z.string().optional(),
  message: z.string(),
});
export type Issue = z.infer<typeof Issue>;

export const ErrorBody = z
  .object({
    error: z.string().describe("validation | not-found | input | ambiguous | dataset | internal, or a fastify error code"),
    message: z.string(),
    issues: z.array(Issue).optional(),
    candidates: z.array(z.string()).optional().describe("for an ambiguous reference: the actors it may name"),
  })
  .meta({ id: "Error" });
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Bad input found by a handler (an unknown source, a quote not in the document): a 400 with field paths. */
export class RequestError extends InputError {
  override name = "RequestError";
  constructor(readonly issues: Issue[]) {
    super(issues.map((i) => `${i.path ? `${i.path}: ` : ""}${i.message}`).join("; "));
  }
}

/** A Zod failure on data assembled by a handler (a merged PATCH), reported under `prefix` (`body.actor`). */
export function zodIssues(error: z.ZodError, prefix: string): Issue[] {
  return error.issues.map((i) => ({ path: [prefix, ...i.path.map(String)].filter(Boolean).join("."), message: i.message }));
}

const strip = (m: string) => m.replace(/^diplograph: /, "");

/** The status and body an error is answered with. */
export function errorReply(e: unknown): { status: number; body: ErrorBody } {
  if (hasZodFastifySchemaValidationErrors(e)) {
    const where = (e as FastifyError).validationContext ?? "request";
    const issues = e.validation.map((v) => ({
      path: [where, ...v.instancePath.split("/").filter(Boolean)].join("."),
      message: v.message ?? "invalid",
    }));
    return { status: 400, body: { error: "validation", message: issues.map((i) => `${i.path}: ${i.message}`).join("; "), issues } };
  }
  if (e instanceof RequestError) return { status: 400, body: { error: "validation", message: strip(e.message), issues: e.issues } };
  if (e instanceof NotFoundError) return { status: 404, body: { error: "not-found", message: strip(e.message) } };
  if (e instanceof AmbiguousReferenceError) return { status: 400, body: { error: "ambiguous", message: strip(e.message), candidates: e.candidates } };
  if (e instanceof DatasetError) {
    return { status: 400, body: { error: "dataset", message: `the dataset has ${e.issues.length} problem${e.issues.length === 1 ? "" : "s"}; nothing was written`, issues: e.issues } };
  }
  if (e instanceof DiplographError) {
    const issues = (e as { issues?: unknown }).issues;
    return { status: 400, body: { error: "input", message: strip(e.message), ...(Array.isArray(issues) ? { issues: issues as Issue[] } : {}) } };
  }
  const fe = e as Partial<FastifyError>;
  // Fastify's own client errors: malformed JSON, an unsupported content type, a body too large …
  if (!isResponseSerializationError(e) && typeof fe.statusCode === "number" && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, body: { error: fe.code ?? "bad-request", message: fe.message ?? "bad request" } };
  }
  return { status: 500, body: { error: "internal", message: "internal error; the server log has the details" } };
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((e, req, reply) => {
    const { status, body } = errorReply(e);
    if (status >= 500) req.log.error({ err: e }, "internal error");
    void reply.status(status).type("application/json; charset=utf-8").send(JSON.stringify(body));
  });
}
