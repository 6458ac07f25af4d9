// Zod schemas of the dataset format (docs/dataset-format.md): what a dataset file may say, before references resolve.
import { z } from "zod";
import {
  Actor,
  Agreement,
  AliasKind,
  Calendar,
  ClaimStatus,
  Concept,
  DateParseError,
  DateValue,
  Event,
  ExternalIds,
  Id,
  Lang,
  Name,
  ParticipantRole,
  RelationFields,
  Source,
  TargetType,
  parseDate,
} from "@diplograph/model";

/** A date as a dataset writes it (see the table in docs/dataset-format.md), read into a DateValue. */
export const DateInput = z
  .union([
    z.string(),
    z.number().int(),
    z.strictObject({ date: z.union([z.string(), z.number().int()]), calendar: Calendar }),
    DateValue,
  ])
  .transform((v, ctx): DateValue => {
    try {
      if (typeof v === "number") return parseDate(String(v));
      if (typeof v === "string") return parseDate(v);
      if ("date" in v) return parseDate(String(v.date), v.calendar);
      return v;
    } catch (e) {
      if (e instanceof DateParseError) {
        ctx.addIssue({ code: "custom", message: e.message });
        return z.NEVER;
      }
      throw e;
    }
  });

/** A reference to an actor: id, ISO3 code of a state, or a unique alias. */
export const Ref = z.string().trim().min(1, "empty reference");

export const AliasInput = z.union([
  Name.transform((name) => ({ name, lang: "en" })),
  z.strictObject({ name: Name, lang: Lang, kind: AliasKind.optional() }),
]);

const Scalar = z.union([z.string(), z.number(), z.boolean()]);

export const ClaimInput = z.strictObject({
  id: Id.optional(),
  source: Id,
  quote: z.string().min(1).optional(),
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
  page: z.union([z.string(), z.number()]).transform(String).optional(),
  property: z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/, "expected a kebab-case property such as founded").optional(),
  value: z.unknown().optional(),
  qualifiers: z.record(z.string(), Scalar.transform(String)).optional(),
  asserts: z.record(z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/, "expected a kebab-case property"), z.unknown()).optional(),
  status: ClaimStatus.optional(),
  confidence: z.number().min(0).max(1).optional(),
  author: z.string().min(1).optional(),
  note: z.string().optional(),
});
export type ClaimInput = z.infer<typeof ClaimInput>;

export const StandaloneClaimInput = ClaimInput.extend({ target: z.strictObject({ type: TargetType, id: Ref }) });
export type StandaloneClaimInput = z.infer<typeof StandaloneClaimInput>;

const Claims = z.array(ClaimInput).default([]);

export const SourceInput = Source.omit({ published: true, sha256: true }).extend({
  published: DateInput.optional(),
  /** The document text inline (JSON exports carry it); used instead of reading `file`. */
  text: z.string().optional(),
  /** Checked against the text when given. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "expected a lower-case hex SHA-256").optional(),
});
export type SourceInput = z.infer<typeof SourceInput>;

export const ActorInput = Actor.omit({ aliases: true, externalIds: true }).extend({
  aliases: z.array(AliasInput).default([]),
  ids: ExternalIds.default({}),
  /** The canonical (exported) name of `ids`. */
  externalIds: ExternalIds.optional(),
  claims: Claims,
});
export type ActorInput = z.infer<typeof ActorInput>;

export const AgreementInput = Agreement.omit({ aliases: true, signed: true, adopted: true, inForce: true, adoptedBy: true }).extend({
  aliases: z.array(AliasInput).default([]),
  signed: DateInput.optional(),
  adopted: DateInput.optional(),
  inForce: DateInput.optional(),
  adoptedBy: Ref.optional(),
  claims: Claims,
});
export type AgreementInput = z.infer<typeof AgreementInput>;

export const ConceptInput = Concept.omit({ aliases: true }).extend({
  aliases: z.array(AliasInput).default([]),
  claims: Claims,
});
export type ConceptInput = z.infer<typeof ConceptInput>;

export const RelationInput = RelationFields.omit({ id: true, from: true, to: true, start: true, end: true, signed: true, ratified: true }).extend({
  id: Id.optional(),
  from: Ref,
  to: Ref,
  start: DateInput.optional(),
  end: DateInput.optional(),
  signed: DateInput.optional(),
  ratified: DateInput.optional(),
  claims: Claims,
});
export type RelationInput = z.infer<typeof RelationInput>;

export const ParticipantInput = z.union([
  z.string().transform((s, ctx) => {
    const i = s.lastIndexOf(":");
    const role = i > 0 ? s.slice(i + 1).trim() : "participant";
    const parsed = ParticipantRole.safeParse(role);
    if (i > 0 && !parsed.success) {
      // "ref:role" with an unknown role; a reference may itself contain ':' only if no role follows
      ctx.addIssue({ code: "custom", message: `unknown participant role "${role}"; expected one of ${ParticipantRole.options.join(", ")}` });
      return z.NEVER;
    }
    return { actor: (i > 0 ? s.slice(0, i) : s).trim(), role: parsed.success ? parsed.data : ("participant" as const) };
  }),
  z.strictObject({ actor: Ref, role: ParticipantRole.default("participant") }),
]);

export const EventInput = Event.omit({ id: true, date: true, participants: true, cameo: true }).extend({
  id: Id.optional(),
  date: DateInput,
  participants: z.array(ParticipantInput).default([]),
  cameo: z
    .union([z.string(), z.number().int()])
    .transform(String)
    .pipe(z.string().regex(/^\d{2,4}$/, "expected a CAMEO event code such as 043"))
    .optional(),
  claims: Claims,
});
export type EventInput = z.infer<typeof EventInput>;

export const Manifest = z.strictObject({
  name: Id,
  title: z.string().optional(),
  version: z.union([z.string(), z.number()]).optional(),
  description: z.string().optional(),
  defaults: z
    .strictObject({
      status: ClaimStatus.default("proposed"),
      confidence: z.number().min(0).max(1).default(0.8),
      author: z.string().min(1).optional(),
    })
    .default({ status: "proposed", confidence: 0.8 }),
});
export type Manifest = z.infer<typeof Manifest>;

/** The record types a dataset holds, in the order they are resolved. */
export const RECORD_TYPES = ["sources", "actors", "agreements", "concepts", "relations", "events", "claims"] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export const INPUT_SCHEMAS = {
  sources: SourceInput,
  actors: ActorInput,
  agreements: AgreementInput,
  concepts: ConceptInput,
  relations: RelationInput,
  events: EventInput,
  claims: StandaloneClaimInput,
} as const;
