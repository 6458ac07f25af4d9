// Request and response schemas of the API, built from the model's Zod schemas (never redefining a record).
import { z } from "zod";
import { ActorKind, Actor, Claim, ClaimStatus, Event, Id, Layer, Relation, RelationFields, Track, type ClaimTarget } from "@diplograph/model";
import { SORTS, type SortKey, type SortableList } from "@diplograph/store";

export const MAX_LIMIT = 500;
export const DEFAULT_LIMIT = 50;

/** `limit` and `offset` of every list. */
export const Paging = {
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT).describe(`page size (1 to ${MAX_LIMIT})`),
  offset: z.coerce.number().int().min(0).default(0).describe("items to skip"),
};

/** `sort=-date,title`: whitelisted fields, `-` for descending. */
export function sortParam(fields: readonly string[]) {
  return z
    .string()
    .optional()
    .describe(`comma-separated fields, "-" before a field for descending; fields: ${fields.join(", ")}`)
    .transform((s, ctx): SortKey[] => {
      if (!s) return [];
      const keys: SortKey[] = [];
      for (const part of s.split(",").map((p) => p.trim()).filter(Boolean)) {
        const desc = part.startsWith("-");
        const field = desc ? part.slice(1) : part;
        if (!fields.includes(field)) ctx.addIssue({ code: "custom", message: `cannot sort by "${field}"; sortable: ${fields.join(", ")}` });
        keys.push({ field, desc });
      }
      return keys;
    });
}

export const storeSort = (list: SortableList) => sortParam(Object.keys(SORTS[list]));

/** A boolean query flag: `true`/`false` (also 1/0, yes/no). */
export const Flag = z.stringbool().optional();

/** A comma-separated (or repeated) query list of one vocabulary. */
export function listParam<T extends z.ZodType<unknown, string>>(item: T) {
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? undefined : (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean)))
    .pipe(z.array(item).optional());
}

/** The envelope of every list. */
export function Page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });
}

export function page<T>(items: T[], total: number, q: { limit: number; offset: number }) {
  return { items, total, limit: q.limit, offset: q.offset };
}

/** Sort and page a list held in memory (the small tables and derived lists). */
export function pageOf<T>(all: T[], q: { limit: number; offset: number; sort?: SortKey[] }, key: (item: T, field: string) => unknown) {
  const sorted = [...all];
  if (q.sort?.length) {
    sorted.sort((a, b) => {
      for (const k of q.sort!) {
        const x = key(a, k.field);
        const y = key(b, k.field);
        if (x === y) continue;
        if (x === undefined || x === null) return 1;
        if (y === undefined || y === null) return -1;
        const c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
        if (c) return k.desc ? -c : c;
      }
      return 0;
    });
  }
  return page(sorted.slice(q.offset, q.offset + q.limit), all.length, q);
}

// ---- records with what the store adds ----

export const ActorHit = z.object({ actor: Actor, matched: z.string().optional().describe("the name or alias that matched the query") });
export const RelationHit = z.object({
  relation: Relation,
  via: Id.optional().describe("the part of the actor asked for that the relation belongs to"),
  claims: z.number().int(),
});
export const EventHit = z.object({ event: Event, via: Id.optional(), claims: z.number().int() });
export const ClaimWithSource = Claim.extend({ sourceTitle: z.string() });
/** A passage of a document version: its span of the text, its kind (heading, paragraph, item …) and label. */
export const PassageSpan = z.object({
  ord: z.number().int(),
  start: z.number().int(),
  end: z.number().int(),
  kind: z.string(),
  label: z.string().optional(),
  language: z.string(),
});

/** A claim in a list: with its source's title and, where the record is stored, what a person reads for its target. */
export const ListedClaim = ClaimWithSource.extend({
  targetLabel: z.string().optional().describe("the target's name (an event: title and date; a relation: from, kind, to)"),
  targetLabelFa: z.string().optional().describe("an actor target's Persian name, where it has one"),
});

/** Results of the analyses: documented in docs/analysis.md; their shapes are the analysis package's TypeScript types. */
export const AnalysisResult = z.record(z.string(), z.unknown());

// ---- writes ----

/**
 * The evidence an edit carries: the source and the passage that states the record as written. It becomes a
 * proposed claim on the record, its quote checked against the source's text like the importer checks quotes.
 */
export const Evidence = z
  .strictObject({
    source: Id,
    quote: z.string().min(1).optional().describe("the exact passage (whitespace-insensitive); located in the source's text"),
    start: z.number().int().nonnegative().optional().describe("where the quote starts, when it occurs more than once"),
    page: z.string().optional(),
    confidence: z.number().min(0).max(1).default(0.8),
    author: z.string().min(1).optional().describe("default: the X-Diplograph-User header, else \"api\""),
    note: z.string().optional(),
  })
  .refine((e) => e.quote !== undefined || e.page !== undefined, { message: "evidence needs a quote or a page", path: ["quote"] })
  .meta({ id: "Evidence" });
export type Evidence = z.infer<typeof Evidence>;

/** Every field optional and without its default, so a PATCH changes only what it names. */
export function patchOf<S extends z.ZodRawShape>(shape: S) {
  const fields: Record<string, z.ZodType> = {};
  for (const [k, v] of Object.entries(shape)) fields[k] = (v instanceof z.ZodDefault ? (v.unwrap() as z.ZodType) : (v as z.ZodType)).optional();
  return z.strictObject(fields) as z.ZodType<{ [K in keyof S]?: z.output<S[K]> }>;
}

export const ActorPatch = patchOf(Actor.shape);
export const RelationPatch = patchOf(RelationFields.shape);
export const EventPatch = patchOf(Event.shape);

export const WriteResultBody = <T extends z.ZodType>(record: T) => z.object({ record, claim: Claim });

export const ReviewBody = z.strictObject({
  status: ClaimStatus.exclude(["proposed"]).describe("accepted or rejected"),
  by: z.string().min(1).optional().describe("the reviewer; default the X-Diplograph-User header, else \"api\""),
});

export const TargetParam = z
  .string()
  .regex(/^(actor|relation|event|agreement|concept):.+$/, "expected TYPE:ID, e.g. actor:ipu")
  .transform((s) => {
    const i = s.indexOf(":");
    return { type: s.slice(0, i), id: s.slice(i + 1) } as ClaimTarget;
  });

export { ActorKind, Layer, Track };
