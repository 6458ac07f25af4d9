// The canonical records: actors, relations, events, agreements, concepts, sources and the claims that assert them.
import { z } from "zod";
import { DateValue, dayBounds, formatDate } from "./dates.js";
import { isIso3 } from "./countries.js";
import {
  ActorKind,
  AgreementKind,
  ClaimStatus,
  EventType,
  Layer,
  ParticipantRole,
  RELATION_KINDS,
  RelationKind,
  RelationRole,
  SourceType,
  TargetType,
  Track,
} from "./vocab.js";

/** Record ids: lower case, stable, readable (`ipu`, `irn-parliament`). Upper case is left to ISO codes. */
export const Id = z
  .string()
  .min(1)
  .max(160)
  .regex(/^[a-z0-9][a-z0-9._:-]*$/, "ids are lower case letters, digits and . _ : - (starting with a letter or digit)");
export type Id = z.infer<typeof Id>;

/**
 * A name or title: trimmed, not empty, and free of control characters and lone surrogates, which would break exports
 * (XML forbids them) and searches.
 */
export const Name = z
  .string()
  .trim()
  .min(1)
  .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), "contains a control character")
  .refine((s) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s), "contains a lone surrogate (broken UTF-16)");

export const Iso3 = z.string().refine(isIso3, "expected an ISO 3166-1 alpha-3 country code such as IRN");

/** BCP 47 language tag, in practice ISO 639-1 codes: en, fa, ru, ar … */
export const Lang = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "expected a language code such as en, fa, ru, ar");

export const AliasKind = z.enum(["official", "short", "acronym", "transliteration", "source-term", "former", "other"]);

export const Alias = z.strictObject({
  name: Name,
  lang: Lang,
  kind: AliasKind.optional(),
});
export type Alias = z.infer<typeof Alias>;

export const ExternalIds = z.strictObject({
  wikidata: z.string().regex(/^Q\d+$/, "expected a Wikidata QID such as Q794").optional(),
  partyfacts: z.number().int().positive().optional(),
  parlgov: z.number().int().positive().optional(),
  cameo: z.string().regex(/^[A-Z0-9]{3,15}$/, "expected a CAMEO actor code such as IRN or IRNLEG").optional(),
});
export type ExternalIds = z.infer<typeof ExternalIds>;

export const Actor = z.strictObject({
  id: Id,
  kind: ActorKind,
  name: Name,
  aliases: z.array(Alias).default([]),
  country: Iso3.optional(),
  externalIds: ExternalIds.default({}),
  description: z.string().optional(),
});
export type Actor = z.infer<typeof Actor>;

const Attributes = z.record(z.string(), z.unknown()).default({});

/** Rules across a relation's fields: roles that fit the kind, treaty dates on treaty relations, ends after starts. */
export function relationRuleIssues(r: {
  kind: RelationKind;
  role?: RelationRole | undefined;
  signed?: DateValue | undefined;
  ratified?: DateValue | undefined;
  start?: DateValue | undefined;
  end?: DateValue | undefined;
}): Array<{ path: string[]; message: string }> {
  const out: Array<{ path: string[]; message: string }> = [];
  const spec = RELATION_KINDS.map[r.kind];
  if (r.role !== undefined && !(spec.roles as readonly string[]).includes(r.role)) {
    out.push({
      path: ["role"],
      message: spec.roles.length ? `role "${r.role}" does not fit kind ${r.kind}; expected one of ${spec.roles.join(", ")}` : `kind ${r.kind} takes no role`,
    });
  }
  if ((r.signed || r.ratified) && r.kind !== "treaty-party") {
    out.push({ path: [r.signed ? "signed" : "ratified"], message: "signed and ratified dates belong to treaty-party relations" });
  }
  if (r.start && r.end && dayBounds(r.end).to < dayBounds(r.start).from) out.push({ path: ["end"], message: "the relation ends before it starts" });
  return out;
}

/** A relation's fields, without the rules across them (the dataset format extends these). */
export const RelationFields = z.strictObject({
    id: Id,
    kind: RelationKind,
    from: Id,
    /** An actor id, or an agreement id for `treaty-party`. */
    to: Id,
    role: RelationRole.optional(),
    start: DateValue.optional(),
    end: DateValue.optional(),
    signed: DateValue.optional(),
    ratified: DateValue.optional(),
    track: Track.optional(),
    layers: z.array(Layer).default([]),
    attributes: Attributes,
  note: z.string().optional(),
});

export const Relation = RelationFields.superRefine((r, ctx) => {
  for (const issue of relationRuleIssues(r)) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
});
export type Relation = z.infer<typeof Relation>;

export const Participant = z.strictObject({
  actor: Id,
  role: ParticipantRole.default("participant"),
});
export type Participant = z.infer<typeof Participant>;

export const Event = z.strictObject({
  id: Id,
  type: EventType,
  /** CAMEO event code; defaults to the code of the type where one fits. */
  cameo: z.string().regex(/^\d{2,4}$/, "expected a CAMEO event code such as 043").optional(),
  title: Name,
  date: DateValue,
  place: z.string().optional(),
  placeCountry: Iso3.optional(),
  participants: z.array(Participant).default([]),
  track: Track.optional(),
  layers: z.array(Layer).default([]),
  outcome: z.string().optional(),
  /** The agreement the event concerns (signed, ratified, acceded to). */
  agreement: Id.optional(),
  attributes: Attributes,
  /** A curator's caveat about the event (how a date was derived, an identification made). */
  note: z.string().optional(),
});
export type Event = z.infer<typeof Event>;

export const Agreement = z.strictObject({
  id: Id,
  kind: AgreementKind,
  name: Name,
  aliases: z.array(Alias).default([]),
  signed: DateValue.optional(),
  signedPlace: z.string().optional(),
  /** When a resolution, model law or set of rules was adopted (they are adopted, not signed). */
  adopted: DateValue.optional(),
  inForce: DateValue.optional(),
  /** The body that adopted it (a model law's assembly, a resolution's council). */
  adoptedBy: Id.optional(),
  topics: z.array(z.string()).default([]),
  description: z.string().optional(),
});
export type Agreement = z.infer<typeof Agreement>;

/** A concept of an analytical framework (a method, principle, stage, capacity …), kept as reference data. */
export const Concept = z.strictObject({
  id: Id,
  framework: Id,
  kind: z.string().regex(/^[a-z][a-z-]*$/, "expected a lower-case kind such as method, principle, stage"),
  label: Name,
  aliases: z.array(Alias).default([]),
  order: z.number().int().optional(),
  parent: Id.optional(),
  description: z.string().optional(),
});
export type Concept = z.infer<typeof Concept>;

export const Source = z.strictObject({
  id: Id,
  type: SourceType,
  title: Name,
  authors: z.array(z.string()).default([]),
  published: DateValue.optional(),
  language: Lang,
  languages: z.array(Lang).default([]),
  venue: z.string().optional(),
  doi: z.string().regex(/^10\.\d{4,9}\/\S+$/, "expected a DOI such as 10.22059/jices.2026.401499.1101").optional(),
  url: z.string().url().optional(),
  /** Path of the document text, relative to the dataset folder. */
  file: z.string().optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  note: z.string().optional(),
});
export type Source = z.infer<typeof Source>;

/** Where in the source the claim is made: a character span with its exact quote, or a page. */
export const Locator = z
  .strictObject({
    start: z.number().int().nonnegative().optional(),
    end: z.number().int().nonnegative().optional(),
    quote: z.string().min(1).optional(),
    page: z.string().optional(),
  })
  .refine((l) => l.quote !== undefined || l.page !== undefined, "a locator needs a quote or a page")
  .refine((l) => (l.start === undefined) === (l.end === undefined) && (l.start === undefined || l.start < l.end!), {
    message: "a span needs both start and end, with start before end",
  });
export type Locator = z.infer<typeof Locator>;

export const Approximation = z.enum(["exact", "about", "more-than", "at-least", "less-than", "at-most"]);
export type Approximation = z.infer<typeof Approximation>;

/** The value a claim asserts for a property. Record claims (no property) carry no value. */
export const ClaimValue = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("date"), date: DateValue }),
  z.strictObject({ type: z.literal("text"), text: z.string().min(1), lang: Lang.optional() }),
  /** A figure, often an aggregate ("relations with 220 parties"): never expanded into invented members. */
  z.strictObject({
    type: z.literal("quantity"),
    amount: z.number(),
    approximation: Approximation.default("exact"),
    unit: z.string().optional(),
  }),
  z.strictObject({ type: z.literal("actor"), actor: Id }),
]);
export type ClaimValue = z.infer<typeof ClaimValue>;

export const ClaimTarget = z.strictObject({ type: TargetType, id: Id });
export type ClaimTarget = z.infer<typeof ClaimTarget>;

export const Claim = z.strictObject({
  id: Id,
  target: ClaimTarget,
  /** The attribute asserted (`founded`, `members`, `seat` …); absent when the claim asserts the record itself. */
  property: z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/, "expected a kebab-case property such as founded").optional(),
  value: ClaimValue.optional(),
  /** Qualifiers narrow the property: `{ role: "full" }` for a count of full members. */
  qualifiers: z.record(z.string(), z.string()).default({}),
  source: Id,
  locator: Locator,
  status: ClaimStatus,
  confidence: z.number().min(0).max(1),
  author: z.string().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
  reviewedBy: z.string().optional(),
  reviewedAt: z.string().optional(),
  note: z.string().optional(),
});
export type Claim = z.infer<typeof Claim>;

/** Properties with a fixed value type; other kebab-case properties are accepted with any value type. */
export const PROPERTIES: Record<string, { valueType: ClaimValue["type"]; label: string }> = {
  founded: { valueType: "date", label: "Founded" },
  dissolved: { valueType: "date", label: "Dissolved" },
  "entered-into-force": { valueType: "date", label: "Entered into force" },
  seat: { valueType: "text", label: "Seat" },
  members: { valueType: "quantity", label: "Members" },
  predecessor: { valueType: "actor", label: "Predecessor" },
  successor: { valueType: "actor", label: "Successor" },
};

/**
 * A claim value as people read it: `2025-01-17 (28 Dey 1403)`, `Geneva`, `about 220 parties`. With `grouped`,
 * figures get thousands separators (`1,500`).
 */
export function formatClaimValue(v: ClaimValue | undefined, grouped = false): string {
  if (!v) return "";
  switch (v.type) {
    case "date":
      return formatDate(v.date);
    case "text":
      return v.text;
    case "actor":
      return v.actor;
    case "quantity": {
      const approx = { exact: "", about: "about ", "more-than": "more than ", "at-least": "at least ", "less-than": "less than ", "at-most": "at most " }[v.approximation];
      const unit = v.unit ? (v.unit === "%" ? "%" : ` ${v.unit}`) : "";
      return `${approx}${grouped ? v.amount.toLocaleString("en-US") : v.amount}${unit}`;
    }
  }
}
