// The neighbourhood-assembly designer as pure functions: a country's neighbours, the bodies that already bring them
// together, and candidate compositions scored on coverage, proximity and cohesion.
import { dayBounds, InputError } from "@diplograph/model";
import { greatCircleKm, landNeighbourCodes, referencePoint, allCountryCodes, worldCountryName, landNeighbours } from "./land.js";
import { maritimeLinks, maritimeNeighbours, type MaritimeTable } from "./maritime.js";
import {
  CONSIDERATIONS,
  CRITERIA,
  CRITERION_IDS,
  DEFAULT_DISTANCE_SCALE_KM,
  DEFAULT_WEIGHTS,
  type Body,
  type Candidate,
  type CandidateKind,
  type ConsiderationEvidence,
  type CriterionScore,
  type DesignOptions,
  type ExistingBody,
  type Geography,
  type Iso3,
  type StateMembership,
  type MembershipIndex,
  type MembershipOut,
  type Neighbourhood,
  type NeighbourhoodDesign,
  type Weights,
} from "./types.js";

/** A country's land neighbours (world-countries) and maritime neighbours (the maritime table). */
export function neighbourhoodOf(country: Iso3, table: MaritimeTable): Neighbourhood {
  const code = country.toUpperCase();
  return { country: code, land: landNeighbours(code), maritime: maritimeNeighbours(table, code) };
}

/** The world as world-countries and the maritime table describe it: reference points, land and maritime neighbours. */
export function worldGeography(table: MaritimeTable): Geography {
  const adj = new Map<Iso3, Set<Iso3>>();
  const link = (a: Iso3, b: Iso3) => {
    if (!adj.has(a)) adj.set(a, new Set());
    adj.get(a)!.add(b);
  };
  for (const c of allCountryCodes()) for (const b of landNeighbourCodes(c)) link(c, b);
  for (const { states } of maritimeLinks(table).values()) {
    link(states[0], states[1]);
    link(states[1], states[0]);
  }
  const empty: ReadonlySet<Iso3> = new Set();
  return { point: referencePoint, neighbours: (c) => adj.get(c) ?? empty };
}

/** Everything the designer needs; no database. */
export interface DesignInput {
  neighbourhood: Neighbourhood;
  index: MembershipIndex;
  geography: Geography;
  /** Display names by ISO code (the database's canonical names); world-countries names fill the gaps. */
  names?: Record<Iso3, string>;
  /** The considerations with their passages; the built-in list without quotes when not given. */
  considerations?: ConsiderationEvidence[];
}

/** Check and complete the weights: each a finite number ≥ 0, not all zero. */
export function resolveWeights(partial: Partial<Weights> = {}): Weights {
  const w: Weights = { ...DEFAULT_WEIGHTS };
  for (const id of CRITERION_IDS) {
    const v = partial[id];
    if (v === undefined) continue;
    if (!Number.isFinite(v) || v < 0) throw new InputError(`the weight of ${id} must be a number ≥ 0, not ${v}`);
    w[id] = v;
  }
  if (CRITERION_IDS.every((id) => w[id] === 0)) throw new InputError("at least one weight must be above 0");
  return w;
}

/** Whether a membership may hold on some day of the period `asOf` names. */
export function holdsOn(m: Pick<StateMembership, "start" | "end">, asOf: string): boolean {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(asOf)) throw new InputError(`"${asOf}" is not a date; use YYYY, YYYY-MM or YYYY-MM-DD`);
  const day = dayBounds({ start: asOf, precision: "day", calendar: "gregorian" });
  if (m.start && dayBounds(m.start).from > day.to) return false;
  if (m.end && dayBounds(m.end).to < day.from) return false;
  return true;
}

const pairs = <T>(xs: readonly T[]): Array<[T, T]> => {
  const out: Array<[T, T]> = [];
  for (let i = 0; i < xs.length; i++) for (let j = i + 1; j < xs.length; j++) out.push([xs[i]!, xs[j]!]);
  return out;
};

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Jaccard similarity of two sets; 0 when both are empty (nothing recorded is no evidence of shared membership). */
export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/** 1 for neighbours, 0.5 for two countries with a common neighbour, 0 otherwise. */
export function adjacency(geo: Geography, a: Iso3, b: Iso3): number {
  const na = geo.neighbours(a);
  if (na.has(b)) return 1;
  const nb = geo.neighbours(b);
  for (const x of na) if (nb.has(x)) return 0.5;
  return 0;
}

/** Proximity of a set of states: the mean of the distance score and the adjacency score, with both shown. */
export function proximityOf(geo: Geography, members: readonly Iso3[], scaleKm: number): { value: number; detail: Record<string, number | null> } {
  const ps = pairs(members);
  if (ps.length === 0) return { value: 0, detail: { pairs: 0, meanDistanceKm: null, distanceScore: 0, adjacencyScore: 0 } };
  let km = 0;
  let measured = 0;
  let adj = 0;
  for (const [a, b] of ps) {
    adj += adjacency(geo, a, b);
    const pa = geo.point(a);
    const pb = geo.point(b);
    if (pa && pb) {
      km += greatCircleKm(pa, pb);
      measured++;
    }
  }
  const meanKm = measured ? km / measured : null;
  const distanceScore = meanKm === null ? 0 : scaleKm / (scaleKm + meanKm);
  const adjacencyScore = adj / ps.length;
  return {
    value: (distanceScore + adjacencyScore) / 2,
    detail: { pairs: ps.length, meanDistanceKm: meanKm === null ? null : round(meanKm, 1), distanceScore: round(distanceScore), adjacencyScore: round(adjacencyScore) },
  };
}

/** Cohesion of a set of states: the mean pairwise Jaccard similarity of their bodies, `exclude` left out. */
export function cohesionOf(bodiesOf: ReadonlyMap<Iso3, ReadonlySet<string>>, members: readonly Iso3[], exclude?: string): { value: number; detail: Record<string, number> } {
  const ps = pairs(members);
  if (ps.length === 0) return { value: 0, detail: { pairs: 0, withoutRecordedBodies: 0 } };
  const setOf = (c: Iso3): ReadonlySet<string> => {
    const s = bodiesOf.get(c) ?? new Set<string>();
    if (!exclude || !s.has(exclude)) return s;
    const copy = new Set(s);
    copy.delete(exclude);
    return copy;
  };
  let sum = 0;
  for (const [a, b] of ps) sum += jaccard(setOf(a), setOf(b));
  return { value: sum / ps.length, detail: { pairs: ps.length, withoutRecordedBodies: members.filter((m) => setOf(m).size === 0).length } };
}

/**
 * The design: neighbours, existing bodies and ranked candidates. Pure: the same input gives the same output.
 * Candidates are the bodies the country shares with at least one neighbour, bodies of two or more neighbours the
 * country is not recorded in, the new assembly of all neighbours, the land neighbours alone, and one group per sea.
 */
export function designAssembly(input: DesignInput, options: DesignOptions = {}): NeighbourhoodDesign {
  const weights = resolveWeights(options.weights);
  const scaleKm = options.distanceScaleKm ?? DEFAULT_DISTANCE_SCALE_KM;
  if (!(scaleKm > 0)) throw new InputError(`the distance scale must be a number of km above 0, not ${scaleKm}`);
  if (options.limit !== undefined && !(Number.isInteger(options.limit) && options.limit > 0)) throw new InputError("the limit must be a whole number above 0");
  const { neighbourhood: nb, geography: geo } = input;
  const country = nb.country;
  const name = (c: Iso3) => input.names?.[c] ?? worldCountryName(c) ?? c;

  const memberships = options.asOf ? input.index.memberships.filter((m) => holdsOn(m, options.asOf!)) : input.index.memberships;
  const bodies = new Map<string, Body>(input.index.bodies.map((b) => [b.id, b]));
  const bodiesOf = new Map<Iso3, Set<string>>();
  const byBody = new Map<string, StateMembership[]>();
  for (const m of memberships) {
    if (!bodies.has(m.body)) continue;
    if (!bodiesOf.has(m.state)) bodiesOf.set(m.state, new Set());
    bodiesOf.get(m.state)!.add(m.body);
    if (!byBody.has(m.body)) byBody.set(m.body, []);
    byBody.get(m.body)!.push(m);
  }

  const neighbourSet = new Set<Iso3>([...nb.land.map((n) => n.country), ...nb.maritime.map((n) => n.country)]);
  neighbourSet.delete(country);
  const neighbourCodes = [...neighbourSet].sort();
  const km = (c: Iso3): number | null => {
    const a = geo.point(country);
    const b = geo.point(c);
    return a && b ? round(greatCircleKm(a, b), 0) : null;
  };

  const out = (m: StateMembership): MembershipOut => ({
    country: m.state,
    name: name(m.state),
    ...(m.role ? { role: m.role } : {}),
    ...(m.start ? { start: m.start } : {}),
    ...(m.end ? { end: m.end } : {}),
    ...(m.via ? { via: m.via } : {}),
    relation: m.relation,
    claims: m.claims ?? [],
  });

  // ---- existing bodies: those the country is in, with the neighbours already in them
  const existingBodies: ExistingBody[] = [];
  const otherBodies: NeighbourhoodDesign["otherBodies"] = [];
  const neighbourOnly: Body[] = [];
  for (const [bodyId, ms] of byBody) {
    const body = bodies.get(bodyId)!;
    const own = ms.filter((m) => m.state === country).map(out);
    const theirs = ms.filter((m) => neighbourSet.has(m.state)).map(out);
    const count = new Set(theirs.map((t) => t.country)).size;
    if (own.length && count) existingBodies.push({ body, country: own, neighbours: theirs, coverage: { count, total: neighbourCodes.length, share: round(count / neighbourCodes.length) } });
    else if (own.length) otherBodies.push({ body, country: own });
    else if (count >= 2) neighbourOnly.push(body);
  }
  existingBodies.sort((a, b) => b.coverage.count - a.coverage.count || a.body.name.localeCompare(b.body.name));
  otherBodies.sort((a, b) => a.body.name.localeCompare(b.body.name));

  // ---- candidates
  const sumW = CRITERION_IDS.reduce((s, id) => s + weights[id], 0);
  const statesOf = (bodyId: string) => [...new Set((byBody.get(bodyId) ?? []).map((m) => m.state))];
  const drafts: Array<Omit<Candidate, "rank" | "criteria" | "total"> & { exclude?: string }> = [];
  const compose = (states: Iso3[]) => [...new Set([country, ...states])].sort();
  for (const e of existingBodies)
    drafts.push({ kind: "existing-body", id: e.body.id, label: e.body.name, body: e.body, countryIsMember: true, members: compose(statesOf(e.body.id)), neighboursIncluded: [], exclude: e.body.id });
  if (options.neighbourBodies !== false)
    for (const b of neighbourOnly)
      drafts.push({ kind: "neighbour-body", id: b.id, label: b.name, body: b, countryIsMember: false, members: compose(statesOf(b.id)), neighboursIncluded: [], exclude: b.id });
  if (neighbourCodes.length)
    drafts.push({ kind: "new-assembly", id: "new-assembly", label: "New assembly of all land and maritime neighbours", countryIsMember: true, members: compose(neighbourCodes), neighboursIncluded: [] });
  if (nb.land.length && nb.maritime.length)
    drafts.push({ kind: "land-neighbours", id: "land-neighbours", label: "Land neighbours only", countryIsMember: true, members: compose(nb.land.map((n) => n.country)), neighboursIncluded: [] });
  const seas = new Map<string, { name: string; states: Iso3[] }>();
  for (const n of nb.maritime)
    for (const l of n.links) {
      if (!seas.has(l.sea)) seas.set(l.sea, { name: l.seaName, states: [] });
      seas.get(l.sea)!.states.push(n.country);
    }
  for (const [id, s] of [...seas].sort((a, b) => a[0].localeCompare(b[0])))
    drafts.push({ kind: "sea", id: `sea:${id}`, label: `${s.name}: maritime neighbours`, countryIsMember: true, members: compose(s.states), neighboursIncluded: [] });

  const scored: Candidate[] = drafts.map(({ exclude, ...d }) => {
    const included = d.members.filter((m) => neighbourSet.has(m));
    const coverage = neighbourCodes.length ? included.length / neighbourCodes.length : 0;
    const prox = proximityOf(geo, d.members, scaleKm);
    const coh = cohesionOf(bodiesOf, d.members, exclude);
    const values: Record<keyof Weights, { value: number; detail: Record<string, number | string | null> }> = {
      coverage: { value: coverage, detail: { neighboursIncluded: included.length, neighbours: neighbourCodes.length } },
      proximity: prox,
      cohesion: coh,
    };
    const criteria: CriterionScore[] = CRITERION_IDS.map((id) => {
      const v = values[id];
      const nw = weights[id] / sumW;
      return { criterion: id, label: CRITERIA[id].label, value: round(v.value), weight: weights[id], normalisedWeight: round(nw), contribution: round(v.value * nw), detail: v.detail };
    });
    const total = round(CRITERION_IDS.reduce((s, id) => s + values[id].value * (weights[id] / sumW), 0));
    return { rank: 0, ...d, neighboursIncluded: included, criteria, total };
  });
  const coverageOf = (c: Candidate) => c.criteria.find((x) => x.criterion === "coverage")!.value;
  scored.sort((a, b) => b.total - a.total || coverageOf(b) - coverageOf(a) || a.label.localeCompare(b.label));
  scored.forEach((c, i) => (c.rank = i + 1));

  const considerations = input.considerations ?? CONSIDERATIONS.map((c) => ({ id: c.id, label: c.label, criteria: [...c.criteria], ...(c.note ? { note: c.note } : {}), quotes: [] }));
  const notes: string[] = [
    "Reference points are world-countries `latlng` (roughly the centre of each territory): distances involving large countries overstate how close their nearest parts are.",
    "Memberships are those the database records (the state's own and its parts', e.g. its parliament); a state with none recorded shares no body with anyone, which lowers cohesion.",
    "Delegated authority is shown with its passage but not scored: the database records no measure of the authority delegated to a body.",
  ];
  const unrecorded = neighbourCodes.filter((c) => !bodiesOf.has(c));
  if (unrecorded.length) notes.push(`No membership recorded for: ${unrecorded.join(", ")}.`);

  return {
    country: { country, name: name(country) },
    ...(options.asOf ? { asOf: options.asOf } : {}),
    land: nb.land.map((n) => ({ ...n, name: name(n.country), distanceKm: km(n.country) })),
    maritime: nb.maritime.map((n) => ({ ...n, name: name(n.country), distanceKm: km(n.country) })),
    neighbours: neighbourCodes.map((c) => ({ country: c, name: name(c) })),
    existingBodies,
    otherBodies,
    candidates: options.limit ? scored.slice(0, options.limit) : scored,
    criteria: CRITERION_IDS.map((id) => ({ criterion: id, label: CRITERIA[id].label, weight: weights[id], measures: CRITERIA[id].measures, consideration: CRITERIA[id].consideration })),
    considerations,
    weights,
    distanceScaleKm: scaleKm,
    notes,
  };
}
