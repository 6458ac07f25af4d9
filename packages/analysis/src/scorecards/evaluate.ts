// Scoring one actor against one framework: a pure function of the framework and the records about the actor.
import {
  InputError,
  RELATION_KINDS,
  dayBounds,
  formatClaimValue,
  formatDate,
  type Actor,
  type Agreement,
  type Claim,
  type ClaimValue,
  type Concept,
  type DateValue,
  type Event,
  type Relation,
} from "@diplograph/model";
import type {
  AgreementSelector,
  ClaimSelector,
  ConceptRef,
  DimensionResult,
  DistinctKey,
  EventSelector,
  ScoreEvidence,
  EvidenceClaim,
  Framework,
  Indicator,
  IndicatorResult,
  Measure,
  RelationSelector,
  ScoreRule,
  Scorecard,
  Selector,
  Window,
} from "./types.js";

/** Everything the evaluator may count for one subject; the store adapter (store.ts) gathers it. */
export interface SubjectData {
  subject: Actor;
  /** The subject's parts, directly or through other parts (a state's parliament and its chambers, a party's organs). */
  parts: ReadonlyMap<string, Actor>;
  /** Other actors the records name (counterparts, participants). */
  actors: ReadonlyMap<string, Actor>;
  /** Relations with the subject or a part at one end. */
  relations: readonly Relation[];
  /** Events with the subject or a part among the participants. */
  events: readonly Event[];
  /** Agreements linked to the subject or a part (treaty-party, ratifies, adopted by, an event's agreement). */
  agreements: readonly Agreement[];
  /** Claims by target, keyed `type:id` (`relation:rel-1`, `actor:irn`). */
  claims: ReadonlyMap<string, readonly Claim[]>;
  /** The concepts the framework names, with their claims (the source's own words). */
  concepts: ReadonlyMap<string, { concept: Concept; claims: readonly Claim[] }>;
}

export interface EvaluateOptions {
  /** The run's window (`--from`/`--to`), intersected with the framework's and each indicator's. */
  window?: Window;
}

const NO_LOWER = "0000-01-01";
const NO_UPPER = "9999-12-31";

function boundFrom(d: string | undefined): string {
  if (!d) return NO_LOWER;
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}

function boundTo(d: string | undefined): string {
  if (!d) return NO_UPPER;
  if (d.length === 4) return `${d}-12-31`;
  if (d.length === 7) {
    const [y, m] = d.split("-").map(Number) as [number, number];
    return `${d}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}`;
  }
  return d;
}

/** The intersection of windows: the latest start and the earliest end. */
export function intersectWindows(...windows: Array<Window | undefined>): Window {
  let from: string | undefined;
  let to: string | undefined;
  for (const w of windows) {
    if (w?.from && (!from || boundFrom(w.from) > boundFrom(from))) from = w.from;
    if (w?.to && (!to || boundTo(w.to) < boundTo(to))) to = w.to;
  }
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** Whether a record spanning [lo, hi] (either open) may hold on some day of the window. */
function inWindow(w: Window, lo: string | undefined, hi: string | undefined): boolean {
  const from = boundFrom(w.from);
  const to = boundTo(w.to);
  // Intersected windows can be empty (an indicator's own window outside the run's): nothing holds in them.
  if (from > to) return false;
  return (lo ?? NO_LOWER) <= to && (hi ?? NO_UPPER) >= from;
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Which claims count: those with an allowed status. A record counts if it has such a claim, or no claims at all. */
class ClaimView {
  constructor(
    private readonly data: SubjectData,
    private readonly statuses: readonly string[],
  ) {}

  of(type: string, id: string): Claim[] {
    return (this.data.claims.get(`${type}:${id}`) ?? []).filter((c) => this.statuses.includes(c.status));
  }

  /** False when every claim on the record has a status that does not count (rejected, or proposed when excluded). */
  counts(type: string, id: string): boolean {
    const all = this.data.claims.get(`${type}:${id}`) ?? [];
    return all.length === 0 || all.some((c) => this.statuses.includes(c.status));
  }
}

export function evidenceClaim(c: Claim): EvidenceClaim {
  return {
    id: c.id,
    source: c.source,
    ...(c.locator.quote !== undefined ? { quote: c.locator.quote } : {}),
    locator: {
      ...(c.locator.start !== undefined ? { start: c.locator.start, end: c.locator.end } : {}),
      ...(c.locator.page !== undefined ? { page: c.locator.page } : {}),
    },
    status: c.status,
    confidence: c.confidence,
    ...(c.property !== undefined ? { property: c.property } : {}),
    ...(c.value !== undefined ? { value: c.value } : {}),
    ...(Object.keys(c.qualifiers).length ? { qualifiers: c.qualifiers } : {}),
  };
}

/** A claim value as the evidence lines read it (the model's wording, without thousands separators). */
export const describeValue = (v: ClaimValue | undefined): string => formatClaimValue(v);

/** A record an indicator's selector matched, with what `distinct` may count on it. */
interface Match {
  key: string;
  evidence: ScoreEvidence;
  counterparts: string[];
  type: string;
  tracks: string[];
  layers: string[];
  years: string[];
  /** The figure a claim gives (quantity claims only). */
  amount?: number;
}

const yearOf = (d: DateValue | undefined): string[] => (d ? [d.start.slice(0, 4)] : []);

/** The context of one indicator's run: the subject's scope, the window, the claims that count. */
class Scope {
  readonly ids: Set<string>;
  constructor(
    readonly data: SubjectData,
    readonly claims: ClaimView,
    readonly window: Window,
    withParts: boolean,
  ) {
    this.ids = new Set([data.subject.id, ...(withParts ? data.parts.keys() : [])]);
  }

  actor(id: string): Actor | undefined {
    return id === this.data.subject.id ? this.data.subject : (this.data.parts.get(id) ?? this.data.actors.get(id));
  }

  name(id: string): string {
    return this.actor(id)?.name ?? this.data.agreements.find((a) => a.id === id)?.name ?? id;
  }

  via(id: string): { via?: string } {
    return id === this.data.subject.id ? {} : { via: id };
  }

  /** Whether a counterpart passes the selector's counterpart filters. */
  counterpartOk(sel: { counterpartKind?: string[]; counterpart?: string[]; foreign?: boolean }, id: string): boolean {
    const a = this.actor(id);
    if (sel.counterpart && !sel.counterpart.includes(id)) return false;
    if (sel.counterpartKind && (!a || !sel.counterpartKind.includes(a.kind))) return false;
    if (sel.foreign !== undefined) {
      const home = this.data.subject.country;
      if (!home || !a?.country || (a.country !== home) !== sel.foreign) return false;
    }
    return true;
  }

  hasCounterpartFilter(sel: { counterpartKind?: string[]; counterpart?: string[]; foreign?: boolean }): boolean {
    return sel.counterpartKind !== undefined || sel.counterpart !== undefined || sel.foreign !== undefined;
  }
}

const anyOf = <T>(list: readonly T[] | undefined, values: readonly T[]): boolean => !list || values.some((v) => list.includes(v));
const oneOf = <T>(list: readonly T[] | undefined, value: T | undefined): boolean => !list || (value !== undefined && list.includes(value));

function selectRelations(s: Scope, sel: RelationSelector): Match[] {
  const out: Match[] = [];
  const subject = s.data.subject.id;
  for (const r of s.data.relations) {
    const toActor = RELATION_KINDS.map[r.kind].target === "actor";
    const fromIn = s.ids.has(r.from);
    const toIn = toActor && s.ids.has(r.to);
    if (!fromIn && !toIn) continue;
    // The anchor is the subject's end; inside the subject (a part-of between its parts) the part is the counterpart.
    const out_ = fromIn && (!toIn || r.from === subject) && r.to !== subject;
    const [anchor, counterpart] = out_ ? [r.from, r.to] : [r.to, r.from];
    if (sel.direction !== "any" && sel.direction !== (out_ ? "out" : "in")) continue;
    if (!oneOf(sel.kind, r.kind) || !oneOf(sel.role, r.role) || !oneOf(sel.track, r.track) || !anyOf(sel.layer, r.layers)) continue;
    if (!s.counterpartOk(sel, counterpart)) continue;
    const start = r.start ?? r.signed ?? r.ratified;
    if (!inWindow(s.window, start && dayBounds(start).from, r.end && dayBounds(r.end).to)) continue;
    if (!s.claims.counts("relation", r.id)) continue;
    const spec = RELATION_KINDS.map[r.kind];
    const dates = start ? `, from ${formatDate(start)}${r.end ? ` to ${formatDate(r.end)}` : ""}` : r.end ? `, until ${formatDate(r.end)}` : " (undated)";
    out.push({
      key: `relation:${r.id}`,
      evidence: {
        type: "relation",
        id: r.id,
        description: `${r.kind}${r.role ? ` (${r.role})` : ""}: ${s.name(r.from)} ${spec.symmetric ? "—" : "→"} ${s.name(r.to)}${dates}`,
        ...s.via(anchor),
        dated: Boolean(start || r.end),
        claims: s.claims.of("relation", r.id).map(evidenceClaim),
      },
      counterparts: [counterpart],
      type: r.kind,
      tracks: r.track ? [r.track] : [],
      layers: r.layers,
      years: yearOf(start),
    });
  }
  return out;
}

function selectEvents(s: Scope, sel: EventSelector): Match[] {
  const out: Match[] = [];
  const subject = s.data.subject.id;
  const home = s.data.subject.country;
  for (const e of s.data.events) {
    const mine = e.participants.filter((p) => s.ids.has(p.actor) && oneOf(sel.role, p.role));
    if (mine.length === 0) continue;
    if (!oneOf(sel.type, e.type) || !oneOf(sel.track, e.track) || !anyOf(sel.layer, e.layers)) continue;
    if (sel.abroad !== undefined && (!home || !e.placeCountry || (e.placeCountry !== home) !== sel.abroad)) continue;
    const others = [...new Set(e.participants.filter((p) => !s.ids.has(p.actor)).map((p) => p.actor))];
    const counterparts = others.filter((id) => s.counterpartOk(sel, id));
    if (s.hasCounterpartFilter(sel) && counterparts.length === 0) continue;
    const b = dayBounds(e.date);
    if (!inWindow(s.window, b.from, b.to)) continue;
    if (!s.claims.counts("event", e.id)) continue;
    const anchor = mine.some((p) => p.actor === subject) ? subject : mine[0]!.actor;
    out.push({
      key: `event:${e.id}`,
      evidence: {
        type: "event",
        id: e.id,
        description: `${formatDate(e.date)} ${e.type}: ${e.title} (${mine.map((p) => `${s.name(p.actor)} as ${p.role}`).join(", ")})`,
        ...s.via(anchor),
        dated: true,
        claims: s.claims.of("event", e.id).map(evidenceClaim),
      },
      counterparts,
      type: e.type,
      tracks: e.track ? [e.track] : [],
      layers: e.layers,
      years: yearOf(e.date),
    });
  }
  return out;
}

function selectAgreements(s: Scope, sel: AgreementSelector): Match[] {
  const out: Match[] = [];
  for (const a of s.data.agreements) {
    if (!oneOf(sel.kind, a.kind) || !s.claims.counts("agreement", a.id)) continue;
    // Every way the subject is linked to the agreement that passes the filters.
    const links: Array<{ link: string; via: string; claims: Claim[]; date?: DateValue }> = [];
    for (const r of s.data.relations) {
      if (r.to !== a.id || !s.ids.has(r.from) || (r.kind !== "treaty-party" && r.kind !== "ratifies")) continue;
      if (!oneOf(sel.link, r.kind) || (sel.role && !oneOf(sel.role, r.role)) || !s.claims.counts("relation", r.id)) continue;
      links.push({ link: r.role ? `${r.kind} (${r.role})` : r.kind, via: r.from, claims: s.claims.of("relation", r.id), date: r.ratified ?? r.signed ?? r.start });
    }
    if (!sel.role) {
      if (a.adoptedBy && s.ids.has(a.adoptedBy) && oneOf(sel.link, "adopted-by")) links.push({ link: "adopted-by", via: a.adoptedBy, claims: [] });
      for (const e of s.data.events) {
        const p = e.participants.find((x) => s.ids.has(x.actor));
        if (e.agreement !== a.id || !p || !oneOf(sel.link, "event") || !s.claims.counts("event", e.id)) continue;
        links.push({ link: `event ${e.id}`, via: p.actor, claims: s.claims.of("event", e.id), date: e.date });
      }
    }
    if (links.length === 0) continue;
    const date = a.signed ?? a.adopted ?? a.inForce ?? links.find((l) => l.date)?.date;
    const b = date && dayBounds(date);
    if (!inWindow(s.window, b?.from, b?.to)) continue;
    const direct = links.find((l) => l.via === s.data.subject.id);
    const claims = new Map<string, Claim>();
    for (const c of [...links.flatMap((l) => l.claims), ...s.claims.of("agreement", a.id)]) claims.set(c.id, c);
    out.push({
      key: `agreement:${a.id}`,
      evidence: {
        type: "agreement",
        id: a.id,
        description: `${a.kind}: ${a.name}${date ? `, ${formatDate(date)}` : " (undated)"} [${links.map((l) => l.link).join("; ")}]`,
        ...s.via(direct ? direct.via : links[0]!.via),
        dated: Boolean(date),
        claims: [...claims.values()].map(evidenceClaim),
      },
      counterparts: [a.id],
      type: a.kind,
      tracks: [],
      layers: [],
      years: yearOf(date),
    });
  }
  return out;
}

function selectClaims(s: Scope, sel: ClaimSelector): Match[] {
  const out: Match[] = [];
  for (const id of s.ids) {
    for (const c of s.claims.of("actor", id)) {
      if (!c.property || !sel.property.includes(c.property)) continue;
      if (sel.qualifiers && !Object.entries(sel.qualifiers).every(([k, v]) => c.qualifiers[k] === v)) continue;
      const q = Object.entries(c.qualifiers);
      out.push({
        key: `claim:${c.id}`,
        evidence: {
          type: "claim",
          id: c.id,
          description: `${c.property}${q.length ? ` (${q.map(([k, v]) => `${k}: ${v}`).join(", ")})` : ""} = ${describeValue(c.value)}, reported for ${s.name(id)}`,
          ...s.via(id),
          dated: false,
          claims: [evidenceClaim(c)],
        },
        counterparts: [],
        type: c.property,
        tracks: [],
        layers: [],
        years: [],
        ...(c.value?.type === "quantity" ? { amount: c.value.amount } : {}),
      });
    }
  }
  return out;
}

/** The records a selection matches, pooled: a record matched by two selectors counts once. */
function select(s: Scope, selection: readonly Selector[]): Match[] {
  const pooled = new Map<string, Match>();
  for (const sel of selection) {
    const found = sel.relations
      ? selectRelations(s, sel.relations)
      : sel.events
        ? selectEvents(s, sel.events)
        : sel.agreements
          ? selectAgreements(s, sel.agreements)
          : selectClaims(s, sel.claims!);
    for (const m of found) {
      const prev = pooled.get(m.key);
      if (prev) prev.counterparts = [...new Set([...prev.counterparts, ...m.counterparts])];
      else pooled.set(m.key, m);
    }
  }
  return [...pooled.values()];
}

function keysOf(s: Scope, m: Match, of: DistinctKey): string[] {
  switch (of) {
    case "counterpart":
      return m.counterparts;
    case "counterpart-country":
      return m.counterparts.flatMap((id) => s.actor(id)?.country ?? []);
    case "counterpart-kind":
      return m.counterparts.flatMap((id) => s.actor(id)?.kind ?? []);
    case "type":
      return [m.type];
    case "track":
      return m.tracks;
    case "layer":
      return m.layers;
    case "year":
      return m.years;
    case "source":
      return m.evidence.claims.map((c) => c.source);
  }
}

interface Measured {
  value: number;
  evidence: Match[];
  extra?: Partial<Pick<IndicatorResult, "numerator" | "denominator" | "figure" | "recorded">>;
}

/** The largest figure among the claims a `figure` selector finds, with those claims. */
function figureOf(s: Scope, sel: ClaimSelector | undefined): { figure?: number; claims: Match[] } {
  if (!sel) return { claims: [] };
  const claims = selectClaims(s, sel).filter((m) => m.amount !== undefined);
  return claims.length ? { figure: Math.max(...claims.map((m) => m.amount!)), claims } : { claims };
}

/** With a figure, the value is the larger of what the records show and what a source reports as a total. */
function withFigure(s: Scope, ind: Indicator, recorded: number, evidence: Match[]): Measured {
  const { figure, claims } = figureOf(s, ind.figure);
  if (figure === undefined) return { value: recorded, evidence, ...(ind.figure ? { extra: { recorded } } : {}) };
  return { value: Math.max(recorded, figure), evidence: [...evidence, ...claims], extra: { recorded, figure } };
}

/** One function per measure: the compiler lists every measure of MEASURES that lacks one. */
const MEASURE_FNS: Record<Measure, (s: Scope, ind: Indicator) => Measured> = {
  count: (s, ind) => {
    const matches = select(s, ind.select);
    return withFigure(s, ind, matches.length, matches);
  },
  presence: (s, ind) => {
    const matches = select(s, ind.select);
    return { value: matches.length ? 1 : 0, evidence: matches };
  },
  distinct: (s, ind) => {
    const keys = new Set<string>();
    const contributing: Match[] = [];
    for (const m of select(s, ind.select)) {
      const ks = keysOf(s, m, ind.of!).filter((k) => !ind.only || ind.only.includes(k));
      if (ks.length === 0) continue;
      ks.forEach((k) => keys.add(k));
      contributing.push(m);
    }
    return withFigure(s, ind, keys.size, contributing);
  },
  ratio: (s, ind) => {
    const num = select(s, ind.select);
    const den = select(s, ind.over!);
    return { value: den.length ? round(num.length / den.length) : 0, evidence: den.length ? num : [], extra: { numerator: num.length, denominator: den.length } };
  },
  figure: (s, ind) => {
    const claims = select(s, ind.select).filter((m) => m.amount !== undefined);
    return { value: claims.length ? Math.max(...claims.map((m) => m.amount!)) : 0, evidence: claims };
  },
};

/** A value as a score in 0..1; without a rule, presence and ratio are their own score and any count of 1 or more is 1. */
export function scoreValue(value: number, rule: ScoreRule | undefined): number {
  if (value <= 0) return 0;
  if (!rule) return Math.min(1, value);
  if (rule.thresholds) return Math.max(0, ...rule.thresholds.filter((t) => value >= t.at).map((t) => t.score));
  const n = rule.saturate!;
  const raw = rule.curve === "log" ? Math.log1p(value) / Math.log1p(n) : value / n;
  return round(Math.min(1, raw));
}

function weightedMean(items: Array<{ score: number; weight: number }>): number {
  const total = items.reduce((a, i) => a + i.weight, 0);
  return total > 0 ? round(items.reduce((a, i) => a + i.score * i.weight, 0) / total) : 0;
}

function conceptRef(data: SubjectData, id: string, statuses: readonly string[]): ConceptRef {
  const c = data.concepts.get(id);
  if (!c) return { id, label: id, quotes: [], found: false };
  return {
    id,
    label: c.concept.label,
    kind: c.concept.kind,
    quotes: c.claims.filter((x) => statuses.includes(x.status)).map(evidenceClaim),
    found: true,
  };
}

/** A framework applies to the actor kinds it lists; anything else is the user's mistake. */
export function checkSubject(framework: Pick<Framework, "id" | "subjects">, actor: Actor): void {
  if (!framework.subjects.includes(actor.kind)) {
    throw new InputError(`framework ${framework.id} applies to ${framework.subjects.join(", ")}; ${actor.id} (${actor.name}) is a ${actor.kind}`);
  }
}

/**
 * Score the subject of `data` against a framework. Every indicator lists the records it counted, each with the claims
 * (source, quote, locator) that assert it; an indicator nothing supports scores 0 with an empty evidence list.
 */
export function evaluateFramework(framework: Framework & { file?: string }, data: SubjectData, options: EvaluateOptions = {}): Scorecard {
  const subject = data.subject;
  checkSubject(framework, subject);
  const runWindow = intersectWindows(framework.window, options.window);
  const claims = new ClaimView(data, framework.statuses);
  const dimensions: DimensionResult[] = framework.dimensions.map((d) => {
    const concept = conceptRef(data, d.concept, framework.statuses);
    const indicators: IndicatorResult[] = d.indicators.map((ind) => {
      const window = intersectWindows(runWindow, ind.window);
      const scope = new Scope(data, claims, window, ind.parts ?? framework.parts);
      const m = MEASURE_FNS[ind.measure](scope, ind);
      const noEvidence = m.evidence.length === 0;
      return {
        id: ind.id,
        label: ind.label,
        measure: ind.measure,
        ...(ind.concept ? { concept: conceptRef(data, ind.concept, framework.statuses) } : {}),
        value: noEvidence ? 0 : m.value,
        score: noEvidence ? 0 : scoreValue(m.value, ind.score),
        weight: ind.weight,
        window,
        ...m.extra,
        noEvidence,
        evidence: m.evidence.map((x) => x.evidence),
      };
    });
    return {
      id: d.id,
      label: d.label ?? concept.label,
      concept,
      weight: d.weight,
      score: weightedMean(indicators),
      noEvidence: indicators.every((i) => i.noEvidence),
      indicators,
    };
  });
  const parts = [...data.parts.values()].map((p) => ({ id: p.id, name: p.name, kind: p.kind }));
  return {
    framework: { id: framework.id, title: framework.title, ...(framework.source ? { source: framework.source } : {}), file: framework.file ?? "" },
    subject: { id: subject.id, name: subject.name, kind: subject.kind, ...(subject.country ? { country: subject.country } : {}), parts },
    window: runWindow,
    score: weightedMean(dimensions),
    dimensions,
  };
}
