// Public API of the neighbourhood-assembly designer, and its adapter to the store: the membership index (states and
// their parts in bodies), the considerations' passages, then the pure design.
import { AmbiguousReferenceError, InputError, NotFoundError, isoDayBound, type ActorKind, type Actor } from "@diplograph/model";
import type { Store } from "@diplograph/store";
import { evidence, type NetworkData } from "../network/data.js";
import { loadNetworkData } from "../network/load.js";
import { memberships } from "../network/memberships.js";
import { designAssembly, neighbourhoodOf, worldGeography } from "./designer.js";
import { isKnownCountry, worldCountryName } from "./land.js";
import { loadMaritimeTable, type MaritimeTable } from "./maritime.js";
import { CONSIDERATIONS, type ClaimRef, type ConsiderationEvidence, type DesignOptions, type Iso3, type StateMembership, type MembershipIndex, type NeighbourhoodDesign } from "./types.js";

export * from "./types.js";
export {
  adjacency,
  cohesionOf,
  designAssembly,
  holdsOn,
  jaccard,
  neighbourhoodOf,
  proximityOf,
  resolveWeights,
  worldGeography,
  type DesignInput,
} from "./designer.js";
export { allCountryCodes, greatCircleKm, isKnownCountry, LAND_SOURCE, landNeighbours, referencePoint, worldCountryName } from "./land.js";
export {
  DEFAULT_MARITIME_TABLE,
  loadMaritimeTable,
  MaritimeTableSchema,
  maritimeLinks,
  maritimeNeighbours,
  parseMaritimeTable,
  ReferenceDataError,
  seasOf,
  type MaritimeTable,
  type SeaEntry,
} from "./maritime.js";

/** Actor kinds counted as bodies a state can belong to. */
export const DEFAULT_BODY_KINDS: readonly ActorKind[] = ["intergovernmental-organization", "parliamentary-assembly", "forum"];

/** Where the considerations' passages are looked for when the database holds no concepts for them. */
export const DEFAULT_CONSIDERATION_SOURCE = "seed-001";

export interface StoreDesignOptions extends DesignOptions {
  /** A path to a maritime table, or the table itself; the repository's table by default. */
  maritimeTable?: string | MaritimeTable;
  bodyKinds?: readonly ActorKind[];
  considerationSource?: string;
}

/** The ISO code of the country a reference names: a state actor (id, alias, ISO code) or any code world-countries knows. */
export async function resolveCountry(store: Store, ref: string): Promise<{ code: Iso3; actor?: Actor }> {
  const ids = await store.findActorIds(ref);
  if (ids.length > 1) throw new AmbiguousReferenceError(ref, ids);
  if (ids.length === 1) {
    const actor = (await store.getActors(ids))!.get(ids[0]!)!;
    if (actor.kind !== "state" || !actor.country) throw new InputError(`"${ref}" names ${actor.name} (${actor.kind}), not a state; give a country`);
    return { code: actor.country, actor };
  }
  const code = ref.trim().toUpperCase();
  if (/^[A-Z]{3}$/.test(code) && isKnownCountry(code)) return { code };
  throw new NotFoundError(`no country "${ref}"; give an ISO 3166-1 alpha-3 code (IRN), or the id or a name of a state in the database`);
}

/**
 * Which bodies each state of the database belongs to, itself or through its parts (its parliament in the IPU is
 * marked `via`). `withClaims` lists the states whose memberships carry their claims (the others carry a count).
 */
export async function membershipIndexFromStore(
  store: Store,
  options: { asOf?: string; bodyKinds?: readonly ActorKind[]; withClaims?: ReadonlySet<Iso3> } = {},
): Promise<{ index: MembershipIndex; names: Record<Iso3, string> }> {
  return membershipIndexFromData(await loadNetworkData(store), options);
}

/**
 * The membership index from records already loaded: the memberships every analysis sees (`memberships`, lifted to
 * states, cut by the bodies' lifespans, without those whose every claim was rejected).
 */
export function membershipIndexFromData(
  data: NetworkData,
  options: { asOf?: string; bodyKinds?: readonly ActorKind[]; withClaims?: ReadonlySet<Iso3> } = {},
): { index: MembershipIndex; names: Record<Iso3, string> } {
  if (options.asOf !== undefined && isoDayBound(options.asOf, "from") === undefined) {
    throw new InputError(`as-of "${options.asOf}" is not a date; use YYYY, YYYY-MM or YYYY-MM-DD (Gregorian)`);
  }
  const kinds = new Set(options.bodyKinds ?? DEFAULT_BODY_KINDS);
  const names: Record<Iso3, string> = {};
  const states = [...data.actors.values()].filter((a) => a.kind === "state" && a.country).sort((a, b) => a.name.localeCompare(b.name, "en"));
  for (const s of states) names[s.country!] ??= s.name;
  const relations = new Map(data.relations.map((r) => [r.id, r]));
  const out: StateMembership[] = [];
  for (const m of memberships(data, options.asOf ? { at: options.asOf } : {}, { lift: true })) {
    const state = data.actors.get(m.member);
    const body = data.actors.get(m.body);
    if (state?.kind !== "state" || !state.country || !body || !kinds.has(body.kind)) continue;
    const r = relations.get(m.relation)!;
    const held = evidence(data, "relation", m.relation);
    const sm: StateMembership = {
      state: state.country,
      body: m.body,
      ...(m.role ? { role: m.role } : {}),
      ...(r.start ? { start: r.start } : {}),
      ...(r.end ? { end: r.end } : {}),
      ...(m.via ? { via: m.via } : {}),
      relation: m.relation,
      claimCount: held.length,
    };
    if (options.withClaims?.has(state.country)) {
      sm.claims = held.map(
        (c): ClaimRef => ({
          id: c.claim,
          source: c.source,
          ...(c.quote ? { quote: c.quote } : {}),
          ...(c.start !== undefined ? { start: c.start, end: c.end! } : {}),
          status: c.status,
        }),
      );
    }
    out.push(sm);
  }
  const bodyIds = [...new Set(out.map((m) => m.body))].sort((a, b) => a.localeCompare(b));
  const bodies = bodyIds.map((id) => {
    const a = data.actors.get(id)!;
    return { id: a.id, name: a.name, kind: a.kind };
  });
  return { index: { bodies, memberships: out }, names };
}

/**
 * The considerations of the proposal with the passages that state them: the claims of the matching concepts
 * (`neighbourhood-assembly.*` in the seed dataset), or else the built-in passage found in the source's text.
 */
export async function considerationsFromStore(store: Store, fallbackSource = DEFAULT_CONSIDERATION_SOURCE): Promise<ConsiderationEvidence[]> {
  let text: string | undefined | null = null;
  const sourceText = async () => {
    if (text === null) text = await store.getSource(fallbackSource).then((s) => s.text, () => undefined);
    return text;
  };
  const out: ConsiderationEvidence[] = [];
  for (const c of CONSIDERATIONS) {
    const claims = await store.listClaims({ targetType: "concept", targetId: c.id, limit: 100 });
    let quotes: ConsiderationEvidence["quotes"] = claims
      .filter((k) => k.locator.quote)
      .map((k) => ({
        source: k.source,
        quote: k.locator.quote!,
        ...(k.locator.start !== undefined ? { start: k.locator.start, end: k.locator.end! } : {}),
        claim: k.id,
      }))
      .sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity));
    if (quotes.length === 0) {
      const t = await sourceText();
      const at = t ? t.indexOf(c.passage) : -1;
      if (at >= 0) quotes = [{ source: fallbackSource, quote: c.passage, start: at, end: at + c.passage.length }];
    }
    out.push({ id: c.id, label: c.label, criteria: [...c.criteria], ...(c.note ? { note: c.note } : {}), quotes });
  }
  return out;
}

/** The neighbourhood-assembly design for a country named by `ref` (ISO code, state id or alias), from the store. */
export async function designNeighbourhood(store: Store, ref: string, options: StoreDesignOptions = {}): Promise<NeighbourhoodDesign> {
  const { code, actor } = await resolveCountry(store, ref);
  const table = typeof options.maritimeTable === "object" ? options.maritimeTable : loadMaritimeTable(options.maritimeTable);
  const neighbourhood = neighbourhoodOf(code, table);
  const shown = new Set<Iso3>([code, ...neighbourhood.land.map((n) => n.country), ...neighbourhood.maritime.map((n) => n.country)]);
  const { index, names } = await membershipIndexFromStore(store, { asOf: options.asOf, bodyKinds: options.bodyKinds, withClaims: shown });
  if (actor) names[code] = actor.name;
  names[code] ??= worldCountryName(code) ?? code;
  const considerations = await considerationsFromStore(store, options.considerationSource);
  return designAssembly({ neighbourhood, index, geography: worldGeography(table), names, considerations }, options);
}
