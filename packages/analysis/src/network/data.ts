// The records an analysis reads, indexed once: actors, agreements, relations, events, and the claims behind each.
import { earliestDay, latestDay } from "@diplograph/model";
import type { Actor, Agreement, Claim, DateValue, Event, Relation, Snapshot, Source, TargetType } from "@diplograph/model";

/** Inclusive day bounds (`YYYY-MM-DD`); a missing bound is open (unknown or still holding). */
export interface Interval {
  from?: string;
  to?: string;
}

/** A claim as evidence: enough to show the passage and find it in its document. */
export interface Evidence {
  claim: string;
  source: string;
  sourceTitle?: string;
  status: Claim["status"];
  property?: string;
  quote?: string;
  start?: number;
  end?: number;
  page?: string;
}

export interface NetworkData {
  actors: ReadonlyMap<string, Actor>;
  agreements: ReadonlyMap<string, Agreement>;
  /** Relations and events some claim still supports (records whose every claim was rejected are left out). */
  relations: readonly Relation[];
  events: readonly Event[];
  /** Claims not rejected, by target (`actor:irn`, `relation:rel-…`). */
  claims: ReadonlyMap<string, readonly Claim[]>;
  sources: ReadonlyMap<string, Source>;
  /** Each part's whole (a parliament → its state, a chamber → its parliament), from `part-of` relations. */
  wholeOf: ReadonlyMap<string, string>;
  /** When each actor existed, from its `founded` and `dissolved` claims (widest span where claims disagree). */
  lifespans: ReadonlyMap<string, Interval>;
}

export function targetKey(type: TargetType, id: string): string {
  return `${type}:${id}`;
}

/**
 * Index a snapshot for analysis. Rejected claims are dropped, and with them the relations and events that no
 * remaining claim supports: a reviewer's rejection must change what the analyses count.
 */
export function networkData(snapshot: Snapshot): NetworkData {
  const claims = new Map<string, Claim[]>();
  const rejected = new Set<string>();
  for (const c of snapshot.claims) {
    const key = targetKey(c.target.type, c.target.id);
    if (c.status === "rejected") {
      rejected.add(key);
      continue;
    }
    const list = claims.get(key);
    if (list) list.push(c);
    else claims.set(key, [c]);
  }
  const supported = (type: TargetType, id: string) => claims.has(targetKey(type, id)) || !rejected.has(targetKey(type, id));
  const relations = snapshot.relations.filter((r) => supported("relation", r.id));
  const events = snapshot.events.filter((e) => supported("event", e.id));

  const wholeOf = new Map<string, string>();
  for (const r of relations) if (r.kind === "part-of" && !wholeOf.has(r.from)) wholeOf.set(r.from, r.to);

  const lifespans = new Map<string, Interval>();
  for (const a of snapshot.actors) {
    const span = lifespan(claims.get(targetKey("actor", a.id)) ?? []);
    if (span.from || span.to) lifespans.set(a.id, span);
  }
  return {
    actors: new Map(snapshot.actors.map((a) => [a.id, a])),
    agreements: new Map(snapshot.agreements.map((a) => [a.id, a])),
    relations,
    events,
    claims,
    sources: new Map(snapshot.sources.map(({ text: _text, ...s }) => [s.id, s])),
    wholeOf,
    lifespans,
  };
}

function lifespan(claims: readonly Claim[]): Interval {
  const out: Interval = {};
  for (const c of claims) {
    if (c.value?.type !== "date") continue;
    const d = c.value.date;
    if (c.property === "founded") {
      const day = earliestDay(d.start);
      if (out.from === undefined || day < out.from) out.from = day;
    }
    if (c.property === "dissolved") {
      const day = latestDay(d.end ?? d.start);
      if (out.to === undefined || day > out.to) out.to = day;
    }
  }
  return out;
}

/** The top-level whole of an actor (a chamber → its parliament → its state); the actor itself when it is no part. */
export function rootOf(data: NetworkData, id: string): string {
  let cur = id;
  const seen = new Set<string>([cur]);
  for (let next = data.wholeOf.get(cur); next !== undefined && !seen.has(next); next = data.wholeOf.get(cur)) {
    seen.add(next);
    cur = next;
  }
  return cur;
}

/** The actor and all its parts, directly or through other parts. */
export function withParts(data: NetworkData, id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [part, whole] of data.wholeOf) {
      if (out.has(whole) && !out.has(part)) {
        out.add(part);
        grew = true;
      }
    }
  }
  return out;
}

/** The claims behind a record, as evidence. */
export function evidence(data: NetworkData, type: TargetType, id: string): Evidence[] {
  return (data.claims.get(targetKey(type, id)) ?? []).map((c) => {
    const e: Evidence = { claim: c.id, source: c.source, status: c.status };
    const title = data.sources.get(c.source)?.title;
    if (title !== undefined) e.sourceTitle = title;
    if (c.property !== undefined) e.property = c.property;
    if (c.locator?.quote !== undefined) e.quote = c.locator.quote;
    if (c.locator?.start !== undefined) e.start = c.locator.start;
    if (c.locator?.end !== undefined) e.end = c.locator.end;
    if (c.locator?.page !== undefined) e.page = c.locator.page;
    return e;
  });
}

// ---- time ----

/** Day bounds of a span between two dates; undefined ends stay open. */
export function spanOf(from: DateValue | undefined, to: DateValue | undefined): Interval {
  const out: Interval = {};
  if (from) out.from = earliestDay(from.start);
  if (to) out.to = latestDay(to.end ?? to.start);
  return out;
}

/** When a relation holds: its start (a treaty party's signature or ratification failing that) to its end. */
export function relationSpan(r: Relation): Interval {
  return spanOf(r.start ?? r.signed ?? r.ratified, r.end);
}

/** When an event happens. */
export function eventSpan(e: Event): Interval {
  return spanOf(e.date, e.date);
}

export function intersect(a: Interval, b: Interval): Interval | undefined {
  const from = a.from === undefined ? b.from : b.from === undefined ? a.from : a.from > b.from ? a.from : b.from;
  const to = a.to === undefined ? b.to : b.to === undefined ? a.to : a.to < b.to ? a.to : b.to;
  if (from !== undefined && to !== undefined && from > to) return undefined;
  const out: Interval = {};
  if (from !== undefined) out.from = from;
  if (to !== undefined) out.to = to;
  return out;
}

export function overlaps(a: Interval, b: Interval): boolean {
  return intersect(a, b) !== undefined;
}

/** Whether a span is known at all: an undated relation may hold at any time, and analyses mark it so. */
export function isDated(i: Interval): boolean {
  return i.from !== undefined || i.to !== undefined;
}

/** The year a day falls in. */
export function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}
