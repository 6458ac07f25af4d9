// Zod schemas of the dataset format (docs/dataset-format.md): what a dataset file may say, before references resolve.
import { z } from "zod";
import {
  ActorKind,
  AgreementKind,
  AliasKind,
  Calendar,
  ClaimStatus,
  DateParseError,
  DateValue,
  EventType,
  ExternalIds,
  Id,
  Iso3,
  Lang,
  Layer,
  ParticipantRole,
  RelationKind,
  RelationRole,
  SourceType,
  TargetType,
  Track,
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
  z.string().trim().min(1).transform((name) => ({ name, lang: "en" })),
  z.strictObject({ name: z.string().trim().min(1), lang: Lang, kind: AliasKind.optional() }),
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
const Attributes = z.record(z.string(), z.unknown()).default({});

export const SourceInput = z.strictObject({
  id: Id,
  type: SourceType,
  title: z.string().trim().min(1),
  authors: z.array(z.string()).default([]),
  published: DateInput.optional(),
  language: Lang,
  languages: z.array(Lang).default([]),
  venue: z.string().optional(),
  doi: z.string().regex(/^10\.\d{4,9}\/\S+$/, "expected a DOI such as 10.22059/jices.2026.401499.1101").optional(),
  url: z.string().url().optional(),
  file: z.string().optional(),
  /** The document text inline (JSON exports carry it); used instead of reading `file`. */
  text: z.string().optional(),
  /** Checked against the file when given. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "expected a lower-case hex SHA-256").optional(),
  note: z.string().optional(),
});
export type SourceInput = z.infer<typeof SourceInput>;

export const ActorInput = z.strictObject({
  id: Id,
  kind: ActorKind,
  name: z.string().trim().min(1),
  aliases: z.array(AliasInput).default([]),
  country: Iso3.optional(),
  ids: ExternalIds.default({}),
  /** The canonical (exported) name of `ids`. */
  externalIds: ExternalIds.optional(),
  description: z.string().optional(),
  claims: Claims,
});
export type ActorInput = z.infer<typeof ActorInput>;

export const AgreementInput = z.strictObject({
  id: Id,
  kind: AgreementKind,
  name: z.string().trim().min(1),
  aliases: z.array(AliasInput).default([]),
  signed: DateInput.optional(),
  signedPlace: z.string().optional(),
  inForce: DateInput.optional(),
  adoptedBy: Ref.optional(),
  topics: z.array(z.string()).default([]),
  description: z.string().optional(),
  claims: Claims,
});
export type AgreementInput = z.infer<typeof AgreementInput>;

export const ConceptInput = z.strictObject({
  id: Id,
  framework: Id,
  kind: z.string().regex(/^[a-z][a-z-]*$/, "expected a lower-case kind such as method, principle, stage"),
  label: z.string().trim().min(1),
  aliases: z.array(AliasInput).default([]),
  order: z.number().int().optional(),
  parent: Id.optional(),
  description: z.string().optional(),
  claims: Claims,
});
export type ConceptInput = z.infer<typeof ConceptInput>;

export const RelationInput = z.strictObject({
  id: Id.optional(),
  kind: RelationKind,
  from: Ref,
  to: Ref,
  role: RelationRole.optional(),
  start: DateInput.optional(),
  end: DateInput.optional(),
  signed: DateInput.optional(),
  ratified: DateInput.optional(),
  track: Track.optional(),
  layers: z.array(Layer).default([]),
  attributes: Attributes,
  note: z.string().optional(),
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

export const EventInput = z.strictObject({
  id: Id.optional(),
  type: EventType,
  title: z.string().trim().min(1),
  date: DateInput,
  place: z.string().optional(),
  placeCountry: Iso3.optional(),
  participants: z.array(ParticipantInput).default([]),
  track: Track.optional(),
  layers: z.array(Layer).default([]),
  outcome: z.string().optional(),
  agreement: Id.optional(),
  cameo: z
    .union([z.string(), z.number().int()])
    .transform(String)
    .pipe(z.string().regex(/^\d{2,4}$/, "expected a CAMEO event code such as 043"))
    .optional(),
  attributes: Attributes,
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
