// Small named snapshots for the export tests, built through the model's schemas so they are valid records.
import { Actor, Agreement, Claim, Concept, Event, RELATION_KINDS, Relation, Source, parseDate } from "@diplograph/model";
import type { RelationKind, Snapshot } from "@diplograph/model";

const stamp = { createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z" };

const source = Source.parse({ id: "test-source", type: "report", title: "A test report", language: "en" });

/**
 * Three states, one assembly, one treaty signed on 28 Dey 1403, two framework concepts; a directed membership, symmetric diplomatic
 * relations and a treaty party; the 2018 Tehran summit with three participants; five claims, one of them rejected.
 * Listed out of id order on purpose.
 */
export function tehran(): Snapshot {
  return {
    sources: [source],
    actors: [
      Actor.parse({ id: "tur", kind: "state", name: "Türkiye", country: "TUR" }),
      Actor.parse({
        id: "irn",
        kind: "state",
        name: "Iran",
        country: "IRN",
        aliases: [
          { name: "Islamic Republic of Iran", lang: "en", kind: "official" },
          { name: "ایران", lang: "fa", kind: "official" },
        ],
        externalIds: { wikidata: "Q794", cameo: "IRN" },
      }),
      Actor.parse({ id: "rus", kind: "state", name: "Russia", country: "RUS" }),
      Actor.parse({
        id: "apa",
        kind: "parliamentary-assembly",
        name: "Asian Parliamentary Assembly",
        aliases: [{ name: "APA", lang: "en", kind: "acronym" }],
      }),
    ],
    agreements: [
      Agreement.parse({
        id: "irn-rus-treaty",
        kind: "treaty",
        name: "Treaty on Comprehensive Strategic Partnership between Iran and Russia",
        signed: parseDate("28 Dey 1403"),
        signedPlace: "Moscow",
      }),
    ],
    concepts: [
      Concept.parse({ id: "party-diplomacy.media-cooperation", framework: "party-diplomacy", kind: "method", label: "Media cooperation", order: 2 }),
      Concept.parse({ id: "party-diplomacy", framework: "party-diplomacy", kind: "framework", label: "Party diplomacy" }),
    ],
    relations: [
      Relation.parse({
        id: "rel-irn-treaty",
        kind: "treaty-party",
        from: "irn",
        to: "irn-rus-treaty",
        role: "signatory",
        signed: parseDate("28 Dey 1403"),
        track: "official",
      }),
      Relation.parse({
        id: "rel-irn-apa",
        kind: "member-of",
        from: "irn",
        to: "apa",
        role: "founding",
        start: parseDate("2006"),
        track: "parliamentary",
        layers: ["political"],
      }),
      Relation.parse({
        id: "rel-irn-rus",
        kind: "diplomatic-relations",
        from: "irn",
        to: "rus",
        role: "embassy",
        start: parseDate("1991-12"),
        track: "official",
        layers: ["political", "economic"],
      }),
    ],
    events: [
      Event.parse({
        id: "ev-tehran-summit-2018",
        type: "summit",
        title: "Tehran summit of the Astana format",
        date: parseDate("2018-09-07"),
        place: "Tehran",
        placeCountry: "IRN",
        participants: [
          { actor: "irn", role: "host" },
          { actor: "rus" },
          { actor: "tur", role: "participant" },
        ],
        track: "official",
        layers: ["political", "military-security"],
      }),
    ],
    claims: [
      Claim.parse({
        id: "c-apa-founded",
        target: { type: "actor", id: "apa" },
        property: "founded",
        value: { type: "date", date: parseDate("2006") },
        source: "test-source",
        locator: { quote: "became the Asian Parliamentary Assembly in 2006", start: 10, end: 57 },
        status: "accepted",
        confidence: 0.9,
        author: "tester",
        ...stamp,
      }),
      Claim.parse({
        id: "c-apa-members",
        target: { type: "actor", id: "apa" },
        property: "members",
        value: { type: "quantity", amount: 42, approximation: "about" },
        qualifiers: { role: "full" },
        source: "test-source",
        locator: { page: "12" },
        status: "proposed",
        confidence: 0.7,
        author: "tester",
        note: "counts \"full\" members, not observers",
        ...stamp,
      }),
      Claim.parse({
        id: "c-rel-irn-apa",
        target: { type: "relation", id: "rel-irn-apa" },
        source: "test-source",
        locator: { quote: "Iran, a founding member of the APA," },
        status: "accepted",
        confidence: 0.9,
        author: "tester",
        ...stamp,
      }),
      Claim.parse({
        id: "c-rel-irn-apa-rejected",
        target: { type: "relation", id: "rel-irn-apa" },
        source: "test-source",
        locator: { page: "3" },
        status: "rejected",
        confidence: 0.2,
        author: "tester",
        ...stamp,
      }),
      Claim.parse({
        id: "c-treaty-in-force",
        target: { type: "agreement", id: "irn-rus-treaty" },
        property: "entered-into-force",
        value: { type: "date", date: parseDate("10 Mehr 1404") },
        source: "test-source",
        locator: { quote: "entered into force on 10 Mehr 1404" },
        status: "accepted",
        confidence: 0.95,
        author: "tester",
        ...stamp,
      }),
      Claim.parse({
        id: "c-summit",
        target: { type: "event", id: "ev-tehran-summit-2018" },
        source: "test-source",
        locator: { quote: "the leaders of Iran, Russia and Turkey met in Tehran" },
        status: "proposed",
        confidence: 0.8,
        author: "tester",
        ...stamp,
      }),
    ],
  };
}

/**
 * One relation of every kind, between actors and agreements whose names need escaping (ampersands, quotes,
 * angle brackets, Persian with a zero-width non-joiner, a C0 control and a lone surrogate); spans open at either
 * end, partial and Solar Hijri dates; two relations between one pair; events dated by a range, a Solar Hijri
 * month and a year.
 */
export function everyKind(): Snapshot {
  const actors = [
    Actor.parse({
      id: "oic",
      kind: "intergovernmental-organization",
      name: `Organisation of Islamic Cooperation & "friends" <OIC>`,
      aliases: [{ name: "سازمان همکاری اسلامی", lang: "fa", kind: "official" }],
    }),
    Actor.parse({
      id: "ipu",
      kind: "parliamentary-assembly",
      name: "Inter-Parliamentary Union",
      aliases: [{ name: "اتحادیه بین‌المجالس", lang: "fa" }],
      description: "Founded in 1889;\ttab\nand newline",
    }),
    Actor.parse({ id: "irn", kind: "state", name: "Iran", country: "IRN", aliases: [{ name: "ایران", lang: "fa" }] }),
    // Names the model refuses at import (a C0 control, a lone surrogate), built without parsing: the writers still
    // strip such characters as a second line of defence.
    { id: "irq", kind: "state", name: "Iraq\u0001 (control)", country: "IRQ", aliases: [], externalIds: {} } satisfies Actor,
    { id: "afg", kind: "state", name: "Afghanistan \uD800lone", country: "AFG", aliases: [], externalIds: {} } satisfies Actor,
    Actor.parse({ id: "irn-parliament", kind: "parliament", name: "Islamic Consultative Assembly", country: "IRN" }),
    Actor.parse({ id: "irn-party-a", kind: "party", name: "Party A 'quoted'", country: "IRN" }),
    Actor.parse({ id: "lbn-movement", kind: "movement", name: "Movement B", country: "LBN" }),
  ];
  const agreements = [
    Agreement.parse({ id: "model-law-1", kind: "model-law", name: "Model law on A & B", signed: parseDate("2024-02") }),
    Agreement.parse({ id: "charter", kind: "charter", name: "Charter <C>" }),
  ];
  // Per kind: the far end and the span, written as a dataset would (open at either end, partial, Solar Hijri).
  const table: Record<RelationKind, { from?: string; to: string; start?: string; end?: string }> = {
    "member-of": { to: "oic", start: "1994" },
    "part-of": { from: "irn-parliament", to: "irn", end: "2024-02" },
    "friendship-group": { from: "irn-parliament", to: "ipu", start: "2010", end: "Dey 1403" },
    "party-relation": { from: "irn-party-a", to: "lbn-movement" },
    "treaty-party": { to: "charter" },
    ratifies: { from: "irn-parliament", to: "model-law-1", start: "2024-05-01" },
    neighbour: { to: "irq", start: "1992 to 1995" },
    supports: { to: "lbn-movement", start: "1982", end: "2024-12-31" },
    mediates: { to: "afg", start: "2021-08" },
    "diplomatic-relations": { to: "afg", start: "1920", end: "1921" },
  };
  const relations = RELATION_KINDS.keys.map((kind) => {
    const row = table[kind];
    return Relation.parse({
      id: `rel-${kind}`,
      kind,
      from: row.from ?? "irn",
      to: row.to,
      role: RELATION_KINDS.map[kind].roles[0],
      start: row.start === undefined ? undefined : parseDate(row.start),
      end: row.end === undefined ? undefined : parseDate(row.end),
      signed: kind === "treaty-party" ? parseDate("1403-10-28 SH") : undefined,
      layers: ["legal"],
      note: `note for ${kind}, with "quotes"`,
    });
  });
  // A second relation between a pair that already has one: it must stay a separate edge.
  relations.push(
    Relation.parse({ id: "rel-irn-irq-supports", kind: "supports", from: "irn", to: "irq", start: parseDate("2014"), end: parseDate("2017") }),
  );
  const events = [
    Event.parse({
      id: "ev-nam-2012",
      type: "summit",
      title: "16th NAM summit & ministerial meetings",
      date: parseDate("2012-08-16/2012-08-31"),
      participants: [{ actor: "irn", role: "host" }, { actor: "irq" }, { actor: "afg" }, { actor: "oic", role: "guest" }],
    }),
    Event.parse({
      id: "ev-dey-1403",
      type: "meeting",
      title: "Meeting in Dey 1403",
      date: parseDate("Dey 1403"),
      participants: [{ actor: "irn-parliament", role: "host" }, { actor: "ipu" }, { actor: "irn-parliament", role: "organiser" }],
    }),
    Event.parse({ id: "ev-1997", type: "statement", title: "A statement", date: parseDate("1997"), participants: [{ actor: "irn", role: "sender" }] }),
  ];
  return { sources: [source], actors, agreements, concepts: [], relations, events, claims: [] };
}
