// Types of the neighbourhood-assembly designer: neighbours, the membership index, criteria, candidates and the result.
import type { ActorKind, DateValue, RelationRole } from "@diplograph/model";

/** An ISO 3166-1 alpha-3 code, upper case (`IRN`). */
export type Iso3 = string;

// ---------------------------------------------------------------- neighbours

/** How two coastal states are maritime neighbours, as the maritime table records it. */
export type MaritimeBasis =
  /** Both are coastal states of a sea whose table entry makes every coastal state a neighbour of every other (the Caspian). */
  | "co-littoral"
  /** A delimitation agreement between them (signed; the note says whether it is in force). */
  | "boundary-agreement"
  /** A judgment or award of a court or tribunal delimiting their boundary. */
  | "adjudication"
  /** Their coasts meet where their land boundary reaches the sea; no delimitation instrument is recorded. */
  | "adjacent-coasts"
  /** Their coasts face each other across the sea; no delimitation instrument is recorded. */
  | "opposite-coasts";

/** One reason two states are maritime neighbours: the sea and the instrument or reference the table cites. */
export interface MaritimeLink {
  sea: string;
  seaName: string;
  basis: MaritimeBasis;
  source: string;
  note?: string;
}

export interface LandNeighbour {
  country: Iso3;
  name: string;
}

export interface MaritimeNeighbour {
  country: Iso3;
  name: string;
  /** Every sea across which the two are neighbours (Iran and Oman: the Persian Gulf and the Sea of Oman). */
  links: MaritimeLink[];
}

/** A country's land and maritime neighbours. */
export interface Neighbourhood {
  country: Iso3;
  land: LandNeighbour[];
  maritime: MaritimeNeighbour[];
}

/** What the proximity criterion needs to know of the world: a reference point and the neighbours of each country. */
export interface Geography {
  /** Latitude and longitude of a country's reference point (world-countries `latlng`), or undefined if unknown. */
  point(country: Iso3): readonly [number, number] | undefined;
  /** Land and maritime neighbours of a country. */
  neighbours(country: Iso3): ReadonlySet<Iso3>;
}

// ---------------------------------------------------------------- memberships

/** A body states (or their parts) belong to: an intergovernmental organisation, a parliamentary assembly, a forum. */
export interface Body {
  id: string;
  name: string;
  kind: ActorKind;
}

/** A claim behind a membership: the source and the passage. */
export interface ClaimRef {
  id: string;
  source: string;
  quote?: string;
  start?: number;
  end?: number;
  status: string;
}

/** One state's membership of one body, held by the state itself or by one of its parts (`via`: its parliament …). */
export interface StateMembership {
  state: Iso3;
  body: string;
  role?: RelationRole;
  start?: DateValue;
  end?: DateValue;
  /** The part of the state that holds the membership (its parliament in the IPU), when not the state itself. */
  via?: string;
  relation: string;
  /** How many claims assert the relation. */
  claimCount: number;
  /** The claims themselves, where the adapter fetched them (memberships of the country and its neighbours). */
  claims?: ClaimRef[];
}

/** Which bodies each state belongs to. */
export interface MembershipIndex {
  bodies: Body[];
  memberships: StateMembership[];
}

// ---------------------------------------------------------------- criteria

/** The scored criteria; each entry names the consideration of the proposal it stands for. */
export const CRITERIA = {
  coverage: {
    label: "Coverage",
    consideration: "neighbourhood-assembly.bridging",
    defaultWeight: 0.4,
    measures: "share of the country's land and maritime neighbours among the members",
  },
  proximity: {
    label: "Proximity",
    consideration: "neighbourhood-assembly.proximity",
    defaultWeight: 0.3,
    measures:
      "mean of a distance score (scale / (scale + mean great-circle km between members' reference points)) and an adjacency score (mean over member pairs: 1 neighbours, 0.5 neighbours of a common neighbour, 0 otherwise)",
  },
  cohesion: {
    label: "Cohesion",
    consideration: "neighbourhood-assembly.proximity",
    defaultWeight: 0.3,
    measures: "mean pairwise Jaccard similarity of the members' sets of other bodies (the candidate body itself left out)",
  },
} as const;

export type CriterionId = keyof typeof CRITERIA;
export const CRITERION_IDS = Object.keys(CRITERIA) as CriterionId[];
export type Weights = Record<CriterionId, number>;
export const DEFAULT_WEIGHTS: Weights = { coverage: 0.4, proximity: 0.3, cohesion: 0.3 };
/** Distance at which the distance score is one half. */
export const DEFAULT_DISTANCE_SCALE_KM = 1000;

/**
 * The considerations seed 001 lists for the proposal, with the concept ids of the seed dataset, the passage that
 * states each one, and the criteria that measure it (none: shown, not scored).
 */
export const CONSIDERATIONS: ReadonlyArray<{ id: string; label: string; passage: string; criteria: CriterionId[]; note?: string }> = [
  {
    id: "neighbourhood-assembly.continued-engagement",
    label: "Continued engagement",
    passage: "Continued engagement: The Islamic Parliament of Iran should remain actively involved in existing inter-parliamentary mechanisms",
    criteria: [],
    note: "Shown as the list of existing bodies the country already shares with its neighbours.",
  },
  {
    id: "neighbourhood-assembly.bridging",
    label: "Bridging through existing platforms",
    passage:
      "Bridging through existing platforms: The Islamic Parliament of Iran can utilize existing inter-parliamentary frameworks to bring together its neighbors under a new inter-parliamentary assembly that would ultimately include all of them.",
    criteria: ["coverage"],
  },
  {
    id: "neighbourhood-assembly.proximity",
    label: "Efficiency through proximity",
    passage:
      "Efficiency through proximity: The greater the proximity and coherence among regional mechanisms—including inter-parliamentary mechanisms—the more effective and efficient they are likely to be.",
    criteria: ["proximity", "cohesion"],
  },
  {
    id: "neighbourhood-assembly.delegated-authority",
    label: "Delegated authority",
    passage:
      "Delegated authority: The effectiveness and efficiency of any regional parliamentary mechanism depend on the extent of power and authority delegated to it.",
    criteria: [],
    note: "Not scored: the database records no measure of the authority delegated to a body.",
  },
  {
    id: "neighbourhood-assembly.institutional-evolution",
    label: "Institutional evolution",
    passage: "it could assume an expansive character and gradually evolve into an intergovernmental organization",
    criteria: [],
    note: "Not scored; depends on delegated authority, and benefits from proximity and coherence (measured above).",
  },
];

/** A consideration with the passage of the source that states it, as shown beside the criteria. */
export interface ConsiderationEvidence {
  id: string;
  label: string;
  criteria: CriterionId[];
  note?: string;
  quotes: Array<{ source: string; quote: string; start?: number; end?: number; claim?: string }>;
}

// ---------------------------------------------------------------- result

export interface CountryRef {
  country: Iso3;
  name: string;
}

export interface MembershipOut {
  country: Iso3;
  name: string;
  role?: RelationRole;
  start?: DateValue;
  end?: DateValue;
  via?: string;
  relation: string;
  claims: ClaimRef[];
}

/** A body the country or its neighbours belong to, and which neighbours it already brings together. */
export interface ExistingBody {
  body: Body;
  /** The country's own membership(s); empty when the country is not recorded as a member. */
  country: MembershipOut[];
  neighbours: MembershipOut[];
  coverage: { count: number; total: number; share: number };
}

export interface CriterionScore {
  criterion: CriterionId;
  label: string;
  value: number;
  /** The weight as configured, and its share of the sum of weights (what the value is multiplied by). */
  weight: number;
  normalisedWeight: number;
  contribution: number;
  detail: Record<string, number | string | null>;
}

export type CandidateKind = "existing-body" | "neighbour-body" | "new-assembly" | "land-neighbours" | "sea";

export interface Candidate {
  rank: number;
  kind: CandidateKind;
  id: string;
  label: string;
  /** For existing-body and neighbour-body candidates: the body. */
  body?: Body;
  countryIsMember: boolean;
  /** The states of the composition, the country included. */
  members: Iso3[];
  neighboursIncluded: Iso3[];
  criteria: CriterionScore[];
  total: number;
}

export interface CriterionSpec {
  criterion: CriterionId;
  label: string;
  weight: number;
  measures: string;
  consideration: string;
}

export interface NeighbourhoodDesign {
  country: CountryRef;
  asOf?: string;
  land: Array<LandNeighbour & { distanceKm: number | null }>;
  maritime: Array<MaritimeNeighbour & { distanceKm: number | null }>;
  /** Every neighbour, land or maritime, once. */
  neighbours: CountryRef[];
  existingBodies: ExistingBody[];
  /** Bodies the country belongs to that no neighbour is recorded in. */
  otherBodies: Array<{ body: Body; country: MembershipOut[] }>;
  candidates: Candidate[];
  criteria: CriterionSpec[];
  considerations: ConsiderationEvidence[];
  weights: Weights;
  distanceScaleKm: number;
  notes: string[];
}

export interface DesignOptions {
  weights?: Partial<Weights>;
  /** Only memberships that may hold on this day (YYYY, YYYY-MM or YYYY-MM-DD). */
  asOf?: string;
  /** At most this many candidates (all by default). */
  limit?: number;
  distanceScaleKm?: number;
  /** Also propose bodies of two or more neighbours that the country is not recorded in (default true). */
  neighbourBodies?: boolean;
}
