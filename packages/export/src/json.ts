// Writes a whole snapshot as one JSON document in the record shapes of the dataset format, for re-import and archiving.
import type { Actor, Agreement, Claim, ClaimValue, Concept, DateValue, Event, Relation, Snapshot, Source } from "@diplograph/model";
import type {
  DatasetDocument,
  JsonActor,
  JsonAgreement,
  JsonClaim,
  JsonClaimValue,
  JsonConcept,
  JsonDate,
  JsonEvent,
  JsonRelation,
  JsonSource,
} from "./types.js";
import { byId, compact } from "./utils.js";

/**
 * The snapshot as a dataset document: every record kind in id order, claims in their standalone form (with a
 * `target`), dates as full date values so the calendar and the original expression survive, and each source's
 * document text where the snapshot has it, so that the quotes can be checked when the file is imported alone.
 * Fields are written in a fixed order, so the same snapshot always gives the same bytes.
 */
export function toJsonDocument(snapshot: Snapshot): DatasetDocument {
  return {
    format: "diplograph-dataset",
    version: 1,
    sources: byId(snapshot.sources).map(jsonSource),
    actors: byId(snapshot.actors).map(jsonActor),
    agreements: byId(snapshot.agreements).map(jsonAgreement),
    concepts: byId(snapshot.concepts).map(jsonConcept),
    relations: byId(snapshot.relations).map(jsonRelation),
    events: byId(snapshot.events).map(jsonEvent),
    claims: byId(snapshot.claims).map(jsonClaim),
  };
}

/** The dataset document as text: two-space indentation, a final newline. */
export function toJson(snapshot: Snapshot): string {
  return `${JSON.stringify(toJsonDocument(snapshot), null, 2)}\n`;
}

export function jsonDate(v: DateValue): JsonDate {
  return compact<JsonDate>({ start: v.start, end: v.end, precision: v.precision, calendar: v.calendar, original: v.original });
}

function optionalDate(v: DateValue | undefined): JsonDate | undefined {
  return v === undefined ? undefined : jsonDate(v);
}

// Typed structurally so that a snapshot's sources may or may not carry their document text.
function jsonSource(s: Source & { text?: string }): JsonSource {
  return compact<JsonSource>({
    id: s.id,
    type: s.type,
    title: s.title,
    authors: [...s.authors],
    published: optionalDate(s.published),
    language: s.language,
    languages: [...s.languages],
    venue: s.venue,
    doi: s.doi,
    url: s.url,
    file: s.file,
    sha256: s.sha256,
    note: s.note,
    text: s.text,
  });
}

function jsonActor(a: Actor): JsonActor {
  return compact<JsonActor>({
    id: a.id,
    kind: a.kind,
    name: a.name,
    aliases: a.aliases.map((x) => compact({ name: x.name, lang: x.lang, kind: x.kind })),
    country: a.country,
    ids: compact({
      wikidata: a.externalIds.wikidata,
      partyfacts: a.externalIds.partyfacts,
      parlgov: a.externalIds.parlgov,
      cameo: a.externalIds.cameo,
    }),
    description: a.description,
  });
}

function jsonAgreement(g: Agreement): JsonAgreement {
  return compact<JsonAgreement>({
    id: g.id,
    kind: g.kind,
    name: g.name,
    aliases: g.aliases.map((x) => compact({ name: x.name, lang: x.lang, kind: x.kind })),
    signed: optionalDate(g.signed),
    signedPlace: g.signedPlace,
    adopted: optionalDate(g.adopted),
    inForce: optionalDate(g.inForce),
    adoptedBy: g.adoptedBy,
    topics: [...g.topics],
    description: g.description,
  });
}

function jsonConcept(c: Concept): JsonConcept {
  return compact<JsonConcept>({
    id: c.id,
    framework: c.framework,
    kind: c.kind,
    label: c.label,
    aliases: c.aliases.map((x) => compact({ name: x.name, lang: x.lang, kind: x.kind })),
    order: c.order,
    parent: c.parent,
    description: c.description,
  });
}

function jsonRelation(r: Relation): JsonRelation {
  return compact<JsonRelation>({
    id: r.id,
    kind: r.kind,
    from: r.from,
    to: r.to,
    role: r.role,
    start: optionalDate(r.start),
    end: optionalDate(r.end),
    signed: optionalDate(r.signed),
    ratified: optionalDate(r.ratified),
    track: r.track,
    layers: [...r.layers],
    attributes: { ...r.attributes },
    note: r.note,
  });
}

function jsonEvent(e: Event): JsonEvent {
  return compact<JsonEvent>({
    id: e.id,
    type: e.type,
    cameo: e.cameo,
    title: e.title,
    date: jsonDate(e.date),
    place: e.place,
    placeCountry: e.placeCountry,
    participants: e.participants.map((p) => ({ actor: p.actor, role: p.role })),
    track: e.track,
    layers: [...e.layers],
    outcome: e.outcome,
    agreement: e.agreement,
    attributes: { ...e.attributes },
    note: e.note,
  });
}

function jsonClaim(c: Claim): JsonClaim {
  return compact<JsonClaim>({
    id: c.id,
    target: { type: c.target.type, id: c.target.id },
    property: c.property,
    value: c.value === undefined ? undefined : jsonClaimValue(c.value),
    qualifiers: { ...c.qualifiers },
    source: c.source,
    quote: c.locator.quote,
    start: c.locator.start,
    end: c.locator.end,
    page: c.locator.page,
    status: c.status,
    confidence: c.confidence,
    author: c.author,
    note: c.note,
  });
}

function jsonClaimValue(v: ClaimValue): JsonClaimValue {
  switch (v.type) {
    case "date":
      return { type: "date", date: jsonDate(v.date) };
    case "text":
      return compact({ type: "text" as const, text: v.text, lang: v.lang });
    case "quantity":
      return compact({ type: "quantity" as const, amount: v.amount, approximation: v.approximation, unit: v.unit });
    case "actor":
      return { type: "actor", actor: v.actor };
  }
}
