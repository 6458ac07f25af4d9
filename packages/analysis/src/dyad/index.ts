// Dyad profile: everything between two actors over time, by track and layer — the bodies they share, the
// agreements both are party to, the events both take part in and the direct links between them or their parts
// (parliaments, party organs) — each item with the claims behind it.
import { InputError, RELATION_KINDS } from "@diplograph/model";
import type { Layer, ParticipantRole, RelationKind, RelationRole, Track } from "@diplograph/model";
import { eventSpan, evidence, withParts, yearOf, type Evidence, type Interval, type NetworkData } from "../network/data.js";
import { select, type ViewFilter } from "../network/filter.js";
import { overlap, type SharedBody } from "../overlap/index.js";
import { actorRef, type ActorRef } from "../network/refs.js";

export interface DyadOptions extends ViewFilter {
  /** Include the links, events and memberships of each actor's parts (default true). */
  parts?: boolean;
}

export interface DyadLink {
  relation: string;
  kind: RelationKind;
  label: string;
  role?: RelationRole;
  from: ActorRef;
  to: ActorRef;
  /** The part of each side that holds the link, when it is not the actor itself. */
  viaA?: string;
  viaB?: string;
  span: Interval;
  dated: boolean;
  track?: Track;
  layers: readonly Layer[];
  evidence: Evidence[];
}

export interface DyadAgreement {
  agreement: ActorRef;
  /** Each side's `treaty-party` relation: when it signed and ratified. */
  parties: Record<"a" | "b", { relation: string; party: string; signed?: string; ratified?: string; evidence: Evidence[] }[]>;
  track?: Track;
  layers: readonly Layer[];
}

export interface DyadEvent {
  event: string;
  type: string;
  title: string;
  date: string;
  span: Interval;
  place?: string;
  roles: Record<"a" | "b", { actor: string; role: ParticipantRole }[]>;
  track?: Track;
  layers: readonly Layer[];
  outcome?: string;
  evidence: Evidence[];
}

export interface DyadProfile {
  a: ActorRef;
  b: ActorRef;
  window?: Interval;
  links: DyadLink[];
  sharedBodies: SharedBody[];
  agreements: DyadAgreement[];
  events: DyadEvent[];
  /** Items per track and per layer (links, shared bodies, agreements and events together). */
  byTrack: Record<string, number>;
  byLayer: Record<string, number>;
  /** Items per year they begin in (undated items are not in the timeline), by track. */
  timeline: { year: number; byTrack: Record<string, number>; items: number }[];
}

function dateText(d: { start: string; end?: string } | undefined): string | undefined {
  return d === undefined ? undefined : d.end ? `${d.start}/${d.end}` : d.start;
}

export function dyadProfile(data: NetworkData, a: string, b: string, options: DyadOptions = {}): DyadProfile {
  if (a === b) throw new InputError("a dyad needs two different actors");
  const sel = select(data, options);
  const parts = options.parts ?? true;
  const sideA = parts ? withParts(data, a) : new Set([a]);
  const sideB = parts ? withParts(data, b) : new Set([b]);
  const via = (side: Set<string>, root: string, id: string) => (side.has(id) && id !== root ? id : undefined);

  const links: DyadLink[] = [];
  const partyTo = new Map<string, { a: DyadAgreement["parties"]["a"]; b: DyadAgreement["parties"]["b"]; track?: Track; layers: Set<Layer> }>();
  for (const r of data.relations) {
    const held = sel.relation(r);
    if (!held) continue;
    if (r.kind === "treaty-party") {
      const side = sideA.has(r.from) ? "a" : sideB.has(r.from) ? "b" : undefined;
      if (!side) continue;
      let entry = partyTo.get(r.to);
      if (!entry) partyTo.set(r.to, (entry = { a: [], b: [], layers: new Set() }));
      const p: DyadAgreement["parties"]["a"][number] = { relation: r.id, party: r.from, evidence: evidence(data, "relation", r.id) };
      const signed = dateText(r.signed);
      const ratified = dateText(r.ratified);
      if (signed) p.signed = signed;
      if (ratified) p.ratified = ratified;
      entry[side].push(p);
      if (r.track && !entry.track) entry.track = r.track;
      for (const l of r.layers) entry.layers.add(l);
      continue;
    }
    if (r.kind === "part-of") continue;
    const ab = sideA.has(r.from) && sideB.has(r.to);
    const ba = sideB.has(r.from) && sideA.has(r.to);
    if (!ab && !ba) continue;
    const link: DyadLink = {
      relation: r.id,
      kind: r.kind,
      label: RELATION_KINDS.map[r.kind].label,
      from: actorRef(data, r.from),
      to: actorRef(data, r.to),
      span: held.span,
      dated: held.dated,
      layers: r.layers,
      evidence: evidence(data, "relation", r.id),
    };
    const va = via(sideA, a, ab ? r.from : r.to);
    const vb = via(sideB, b, ab ? r.to : r.from);
    if (va) link.viaA = va;
    if (vb) link.viaB = vb;
    if (r.role) link.role = r.role;
    if (r.track) link.track = r.track;
    links.push(link);
  }

  const agreements: DyadAgreement[] = [];
  for (const [id, entry] of partyTo) {
    if (!entry.a.length || !entry.b.length) continue;
    const ag: DyadAgreement = { agreement: actorRef(data, id), parties: { a: entry.a, b: entry.b }, layers: [...entry.layers] };
    if (entry.track) ag.track = entry.track;
    agreements.push(ag);
  }

  const events: DyadEvent[] = [];
  for (const e of data.events) {
    if (!sel.event(e)) continue;
    const ra = e.participants.filter((p) => sideA.has(p.actor));
    const rb = e.participants.filter((p) => sideB.has(p.actor));
    if (!ra.length || !rb.length) continue;
    const de: DyadEvent = {
      event: e.id,
      type: e.type,
      title: e.title,
      date: dateText(e.date)!,
      span: eventSpan(e),
      roles: { a: ra.map((p) => ({ actor: p.actor, role: p.role })), b: rb.map((p) => ({ actor: p.actor, role: p.role })) },
      layers: e.layers,
      evidence: evidence(data, "event", e.id),
    };
    if (e.place) de.place = e.place;
    if (e.track) de.track = e.track;
    if (e.outcome) de.outcome = e.outcome;
    events.push(de);
  }
  events.sort((x, y) => (x.span.from! < y.span.from! ? -1 : x.span.from! > y.span.from! ? 1 : x.event < y.event ? -1 : 1));

  const sharedBodies = overlap(data, [a, b], { ...options, lift: parts }).shared;

  // Tally every item by track, layer and the year it begins.
  const byTrack: Record<string, number> = {};
  const byLayer: Record<string, number> = {};
  const years = new Map<number, Record<string, number>>();
  const tally = (track: Track | undefined, layers: Iterable<Layer>, from: string | undefined) => {
    const t = track ?? "unassigned";
    byTrack[t] = (byTrack[t] ?? 0) + 1;
    for (const l of layers) byLayer[l] = (byLayer[l] ?? 0) + 1;
    if (from === undefined) return;
    const y = yearOf(from);
    const row = years.get(y) ?? {};
    row[t] = (row[t] ?? 0) + 1;
    years.set(y, row);
  };
  for (const l of links) tally(l.track, l.layers, l.span.from);
  for (const s of sharedBodies) {
    const ms = Object.values(s.memberships).flat();
    tally(ms[0]?.track, new Set(ms.flatMap((m) => m.layers)), s.shared?.from);
  }
  for (const g of agreements) {
    const dates = [...g.parties.a, ...g.parties.b].map((p) => p.signed ?? p.ratified).filter((d): d is string => d !== undefined);
    tally(g.track, g.layers, dates.length === [...g.parties.a, ...g.parties.b].length ? dates.sort().at(-1)!.slice(0, 4) : undefined);
  }
  for (const e of events) tally(e.track, e.layers, e.span.from);

  const profile: DyadProfile = {
    a: actorRef(data, a),
    b: actorRef(data, b),
    links,
    sharedBodies,
    agreements,
    events,
    byTrack,
    byLayer,
    timeline: [...years]
      .sort(([x], [y]) => x - y)
      .map(([year, row]) => ({ year, byTrack: row, items: Object.values(row).reduce((s, n) => s + n, 0) })),
  };
  if (sel.window) profile.window = sel.window;
  return profile;
}
