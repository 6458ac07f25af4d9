// The framework file format (Zod schemas, the single source; types are inferred) and the scorecard a run returns.
import { z } from "zod";
import {
  ActorKind,
  AgreementKind,
  ClaimStatus,
  EventType,
  Id,
  Layer,
  ParticipantRole,
  RelationKind,
  RelationRole,
  Track,
  type ClaimValue,
  type TargetType,
} from "@diplograph/model";

/** `x` or `[x, y]`: a filter field matches any of the listed values. */
const oneOrMany = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined || Array.isArray(v) ? v : [v]), z.array(item).min(1));

/** A window bound: YYYY, YYYY-MM or YYYY-MM-DD (YAML reads a bare year as a number; both are accepted). */
export const WindowDate = z.preprocess(
  (v) => (typeof v === "number" ? String(v) : v),
  z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "expected a date YYYY, YYYY-MM or YYYY-MM-DD"),
);

export const Window = z
  .strictObject({ from: WindowDate.optional(), to: WindowDate.optional() })
  .refine((w) => !w.from || !w.to || w.from.padEnd(10, "-") <= w.to.padEnd(10, "~"), "the window ends before it starts");
export type Window = z.infer<typeof Window>;

/** Filters on the far end of a relation, or on the other participants of an event. */
const counterpartFilters = {
  /** Kind of the counterpart actor (an agreement has no actor kind and never matches). */
  counterpartKind: oneOrMany(ActorKind).optional(),
  /** Particular counterparts, by id. */
  counterpart: oneOrMany(Id).optional(),
  /** true: the counterpart's country differs from the subject's; false: the same. Unknown countries match neither. */
  foreign: z.boolean().optional(),
};

export const RelationSelector = z.strictObject({
  kind: oneOrMany(RelationKind).optional(),
  role: oneOrMany(RelationRole).optional(),
  track: oneOrMany(Track).optional(),
  layer: oneOrMany(Layer).optional(),
  /** out: the subject (or a part) is the relation's `from`; in: its `to`. Default: either. */
  direction: z.enum(["out", "in", "any"]).default("any"),
  ...counterpartFilters,
});
export type RelationSelector = z.infer<typeof RelationSelector>;

export const EventSelector = z.strictObject({
  type: oneOrMany(EventType).optional(),
  /** The role the subject (or a part) plays among the participants. */
  role: oneOrMany(ParticipantRole).optional(),
  track: oneOrMany(Track).optional(),
  layer: oneOrMany(Layer).optional(),
  /** true: the event's place country differs from the subject's country. */
  abroad: z.boolean().optional(),
  ...counterpartFilters,
});
export type EventSelector = z.infer<typeof EventSelector>;

/** How an agreement is linked to the subject. */
export const AgreementLink = z.enum(["treaty-party", "ratifies", "adopted-by", "event"]);
export type AgreementLink = z.infer<typeof AgreementLink>;

export const AgreementSelector = z.strictObject({
  kind: oneOrMany(AgreementKind).optional(),
  /** Default: any link. */
  link: oneOrMany(AgreementLink).optional(),
  /** The treaty-party role (signatory, party, observer). */
  role: oneOrMany(RelationRole).optional(),
});
export type AgreementSelector = z.infer<typeof AgreementSelector>;

/** Claims on the subject (and its parts) asserting a property: the aggregate figures a source gives as totals. */
export const ClaimSelector = z.strictObject({
  property: oneOrMany(z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/, "expected a kebab-case property such as party-relations")),
  /** Every qualifier listed must match. */
  qualifiers: z.record(z.string(), z.string()).optional(),
});
export type ClaimSelector = z.infer<typeof ClaimSelector>;

export const SELECTOR_KINDS = ["relations", "events", "agreements", "claims"] as const;
export type SelectorKind = (typeof SELECTOR_KINDS)[number];

/** `relations:` with nothing after it means every relation: an empty filter. */
const emptyFilters = (v: unknown) =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x === null ? {} : x])) : v;

/** One selector names exactly one kind of record: `{ relations: { … } }`. */
const SelectorObject = z
  .strictObject(
    {
      relations: RelationSelector.optional(),
      events: EventSelector.optional(),
      agreements: AgreementSelector.optional(),
      claims: ClaimSelector.optional(),
    },
    {
      error: (iss) =>
        iss.code === "unrecognized_keys" ? `unknown selector kind ${iss.keys.map((k) => `"${k}"`).join(", ")}; expected one of ${SELECTOR_KINDS.join(", ")}` : undefined,
    },
  )
  .refine((s) => SELECTOR_KINDS.filter((k) => s[k] !== undefined).length === 1, `a selector names exactly one of ${SELECTOR_KINDS.join(", ")}`);
export const Selector = z.preprocess(emptyFilters, SelectorObject);
export type Selector = z.infer<typeof SelectorObject>;

/** One selector, or a list whose matches are pooled (a record matched twice counts once). */
const Selection = z.preprocess((v) => (v === undefined || Array.isArray(v) ? v : [v]), z.array(Selector).min(1));

/**
 * The measures, one type map: what each computes, and which of the indicator's fields it needs. Adding a measure is
 * one entry here and one function in evaluate.ts (the compiler asks for it).
 */
export const MEASURES = {
  count: { label: "number of matching records", needs: [] },
  presence: { label: "1 if any record matches, else 0", needs: [] },
  distinct: { label: "number of distinct values (`of`) among the matching records", needs: ["of"] },
  ratio: { label: "matching records (`select`) divided by the records of `over`", needs: ["over"] },
  figure: { label: "the largest quantity among matching claims (aggregate figures)", needs: [] },
} as const satisfies Record<string, { label: string; needs: readonly string[] }>;
export type Measure = keyof typeof MEASURES;
export const Measure = z.enum(Object.keys(MEASURES) as [Measure, ...Measure[]]);

/** What `distinct` counts. */
export const DISTINCT_KEYS = {
  counterpart: "the counterpart actors (an agreement counts as itself)",
  "counterpart-country": "the countries of the counterparts",
  "counterpart-kind": "the actor kinds of the counterparts",
  type: "relation kinds, event types, agreement kinds or claim properties",
  track: "tracks",
  layer: "layers",
  year: "years of the records' dates",
  source: "sources of the records' claims",
} as const;
export type DistinctKey = keyof typeof DISTINCT_KEYS;
export const DistinctKey = z.enum(Object.keys(DISTINCT_KEYS) as [DistinctKey, ...DistinctKey[]]);

/** How a value becomes a score in 0..1. */
export const ScoreRule = z
  .strictObject({
    /** The value at which the score reaches 1. */
    saturate: z.number().positive().optional(),
    /** linear: value / saturate; log: log(1 + value) / log(1 + saturate), for counts spanning orders of magnitude. */
    curve: z.enum(["linear", "log"]).optional(),
    /** Steps: the score of the highest step whose `at` the value reaches; 0 below the first. */
    thresholds: z
      .array(z.strictObject({ at: z.number().positive(), score: z.number().min(0).max(1) }))
      .min(1)
      .optional(),
  })
  .refine((s) => (s.saturate === undefined) !== (s.thresholds === undefined), "give either saturate or thresholds")
  .refine((s) => s.curve === undefined || s.saturate !== undefined, "curve goes with saturate");
export type ScoreRule = z.infer<typeof ScoreRule>;

const Weight = z.number().min(0).default(1);

export const Indicator = z
  .strictObject({
    id: Id,
    label: z.string().min(1),
    /** A sub-item of the dimension's concept that this indicator operationalises. */
    concept: Id.optional(),
    description: z.string().optional(),
    measure: Measure,
    select: Selection,
    /** distinct: what to count. */
    of: DistinctKey.optional(),
    /** distinct: count only these values (e.g. four of the six layers). */
    only: z.array(z.string().min(1)).min(1).optional(),
    /** ratio: the denominator. */
    over: Selection.optional(),
    /**
     * count, distinct: claims on the subject giving the same quantity as a total ("relations with 220 parties"); the
     * value is then the larger of the records' count and the largest such figure, never their sum.
     */
    figure: ClaimSelector.optional(),
    score: ScoreRule.optional(),
    weight: Weight,
    /** Narrows the run's window for this indicator. */
    window: Window.optional(),
    /** Include the records of the subject's parts (overrides the framework's `parts`). */
    parts: z.boolean().optional(),
  })
  .superRefine((ind, ctx) => {
    const needs = MEASURES[ind.measure].needs as readonly string[];
    for (const field of ["of", "over"] as const) {
      if (needs.includes(field) && ind[field] === undefined) ctx.addIssue({ code: "custom", path: [field], message: `measure ${ind.measure} needs ${field}` });
      if (!needs.includes(field) && ind[field] !== undefined) ctx.addIssue({ code: "custom", path: [field], message: `${field} belongs to measure ${field === "of" ? "distinct" : "ratio"}, not ${ind.measure}` });
    }
    if (ind.only && ind.measure !== "distinct") ctx.addIssue({ code: "custom", path: ["only"], message: "only belongs to measure distinct" });
    if (ind.figure && ind.measure !== "count" && ind.measure !== "distinct") ctx.addIssue({ code: "custom", path: ["figure"], message: "figure belongs to measures count and distinct" });
    if (ind.measure === "figure") {
      ind.select.forEach((s, i) => {
        if (!s.claims) ctx.addIssue({ code: "custom", path: ["select", i], message: "measure figure selects claims: { claims: { property: … } }" });
      });
    }
  });
export type Indicator = z.infer<typeof Indicator>;

export const Dimension = z
  .strictObject({
    id: Id,
    /** The Concept record (data/seed/concepts) this dimension operationalises; its label and quotes come with the score. */
    concept: Id,
    /** Defaults to the concept's label. */
    label: z.string().min(1).optional(),
    description: z.string().optional(),
    weight: Weight,
    indicators: z.array(Indicator).min(1),
  })
  .superRefine((d, ctx) => duplicates(d.indicators, "indicators", ctx));
export type Dimension = z.infer<typeof Dimension>;

export const Framework = z
  .strictObject({
    id: Id,
    title: z.string().min(1),
    description: z.string().optional(),
    /** The source (document id) the framework comes from. */
    source: Id.optional(),
    /** Actor kinds the framework applies to. */
    subjects: z.array(ActorKind).min(1),
    /** Count the records of the subject's parts too (a state's parliament, a party's organs). Default true. */
    parts: z.boolean().default(true),
    /** Default window, narrowed further by a run's --from/--to. */
    window: Window.optional(),
    /** Claims with these statuses count (rejected claims never do). */
    statuses: z.array(ClaimStatus.exclude(["rejected"])).min(1).default(["accepted", "proposed"]),
    dimensions: z.array(Dimension).min(1),
  })
  .superRefine((f, ctx) => duplicates(f.dimensions, "dimensions", ctx));
export type Framework = z.infer<typeof Framework>;

function duplicates(list: Array<{ id: string }>, field: string, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  list.forEach((item, i) => {
    if (seen.has(item.id)) ctx.addIssue({ code: "custom", path: [field, i, "id"], message: `duplicate id "${item.id}"` });
    seen.add(item.id);
  });
}

/** A framework as loaded: where it came from, and how to locate any of its fields in that file. */
export interface LoadedFramework extends Framework {
  file: string;
  /** Line of a field path inside the file (1 when unknown). */
  lineOf(path: ReadonlyArray<PropertyKey>): number;
}

// ---- the scorecard ----

/** A claim behind a piece of evidence: the passage of the source that asserts it. */
export interface EvidenceClaim {
  id: string;
  source: string;
  quote?: string;
  locator: { start?: number; end?: number; page?: string };
  status: string;
  confidence: number;
  property?: string;
  value?: ClaimValue;
  qualifiers?: Record<string, string>;
}

/** One record an indicator counted. */
export interface ScoreEvidence {
  type: TargetType | "claim";
  id: string;
  /** One line a reader can check: what the record says. */
  description: string;
  /** The subject's part the record belongs to, when not the subject itself. */
  via?: string;
  /** Whether the record has a date (undated records may hold in any window and are counted). */
  dated: boolean;
  claims: EvidenceClaim[];
}

export interface ConceptRef {
  id: string;
  label: string;
  kind?: string;
  /** The source's own words for the concept. */
  quotes: EvidenceClaim[];
  /** False when the database has no such concept (label and quotes are then missing). */
  found: boolean;
}

export interface IndicatorResult {
  id: string;
  label: string;
  measure: Measure;
  concept?: ConceptRef;
  value: number;
  score: number;
  weight: number;
  window: Window;
  /** ratio: the two counts. */
  numerator?: number;
  denominator?: number;
  /** count, distinct with `figure`: the largest reported figure, and the value from records alone. */
  figure?: number;
  recorded?: number;
  /** True when nothing in the data supports the indicator: score 0 and an empty evidence list. */
  noEvidence: boolean;
  evidence: ScoreEvidence[];
}

export interface DimensionResult {
  id: string;
  label: string;
  concept: ConceptRef;
  weight: number;
  score: number;
  noEvidence: boolean;
  indicators: IndicatorResult[];
}

export interface Scorecard {
  framework: { id: string; title: string; source?: string; file: string };
  subject: { id: string; name: string; kind: string; country?: string; parts: Array<{ id: string; name: string; kind: string }> };
  window: Window;
  /** Weighted mean of the dimension scores, 0..1. */
  score: number;
  dimensions: DimensionResult[];
}
