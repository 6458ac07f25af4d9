// The evaluator on a hand-made party whose every expected value can be counted by hand (see the table below).
import { describe, expect, it } from "vitest";
import { Actor, Agreement, Claim, Concept, Event, InputError, Relation, parseDate, type ClaimValue } from "@diplograph/model";
import { evaluateFramework, intersectWindows, scoreValue, type SubjectData } from "./evaluate.js";
import { Framework, Indicator, type Window } from "./types.js";

/*
 * The party `p` (IRN) with two organs: `p.intl` (IRN) and `p.london` (GBR). Other actors: parties `q` (TUR), `r` and
 * `s` (SYR), a union of parties `u` (no country), a movement `m` (no country).
 *
 *   r1  party-relation p — q          from 2010, open            claim accepted
 *   r2  party-relation r — p          2015 to 2016               claim proposed
 *   r3  party-relation p — s          undated                    claim rejected   → never counts
 *   r4  part-of p.intl → p                                       claim accepted
 *   r5  part-of p.london → p                                     claim accepted
 *   r6  party-relation p.london — s   from 2018                  claim accepted   (via p.london)
 *   r7  member-of p → u (full)        undated, layers political  no claim at all  → counts, with no claims
 *   r8  treaty-party p → a1 (signatory)                          claim accepted
 *   e1  2012 visit   p:delegation q:host        party track, in TUR, layers political
 *   e2  2019 congress p:organiser r:guest s:guest party track, in IRN, layers political, cultural-social
 *   e3  2016 message r:sender p.intl:recipient  party track, no place
 *   e4  2017 meeting m:participant p.london:participant  movement track, in GBR
 *   a1  mou signed 2017
 *   figures on p: party-relations 40 (src-a, accepted), 25 (src-b, accepted), 500 (rejected); party-relations-countries 12
 */

const actor = (id: string, kind: string, country?: string) => Actor.parse({ id, kind, name: `Actor ${id}`, ...(country ? { country } : {}) });
const rel = (id: string, kind: string, from: string, to: string, extra: Record<string, unknown> = {}) =>
  Relation.parse({ id, kind, from, to, ...extra, ...(extra.start ? { start: parseDate(String(extra.start)) } : {}), ...(extra.end ? { end: parseDate(String(extra.end)) } : {}) });
const ev = (id: string, type: string, date: string, participants: Array<[string, string]>, extra: Record<string, unknown> = {}) =>
  Event.parse({ id, type, title: `Event ${id}`, date: parseDate(date), participants: participants.map(([a, role]) => ({ actor: a, role })), ...extra });

let n = 0;
const claim = (type: Claim["target"]["type"], id: string, status: Claim["status"], extra: { property?: string; value?: ClaimValue; source?: string; quote?: string } = {}) =>
  Claim.parse({
    id: `c${++n}`,
    target: { type, id },
    source: extra.source ?? "src-a",
    locator: { quote: extra.quote ?? `the passage about ${id}`, start: 10 * n, end: 10 * n + 5 },
    status,
    confidence: 0.9,
    author: "tests",
    createdAt: "2026-01-01",
    updatedAt: "2026-01-01",
    ...(extra.property ? { property: extra.property, value: extra.value } : {}),
  });
const qty = (amount: number): ClaimValue => ({ type: "quantity", amount, approximation: "exact", unit: "parties" });

const subject = actor("p", "party", "IRN");
const parts = new Map([
  ["p.intl", actor("p.intl", "party-organ", "IRN")],
  ["p.london", actor("p.london", "party-organ", "GBR")],
]);
const others = new Map([
  ["q", actor("q", "party", "TUR")],
  ["r", actor("r", "party", "SYR")],
  ["s", actor("s", "party", "SYR")],
  ["u", actor("u", "other")],
  ["m", actor("m", "movement")],
]);
const relations = [
  rel("r1", "party-relation", "p", "q", { start: "2010", track: "party", layers: ["political"] }),
  rel("r2", "party-relation", "r", "p", { start: "2015", end: "2016", track: "party" }),
  rel("r3", "party-relation", "p", "s", { track: "party" }),
  rel("r4", "part-of", "p.intl", "p"),
  rel("r5", "part-of", "p.london", "p"),
  rel("r6", "party-relation", "p.london", "s", { start: "2018", track: "party" }),
  rel("r7", "member-of", "p", "u", { role: "full", layers: ["political"] }),
  rel("r8", "treaty-party", "p", "a1", { role: "signatory" }),
];
const events = [
  ev("e1", "visit", "2012", [["p", "delegation"], ["q", "host"]], { track: "party", placeCountry: "TUR", layers: ["political"] }),
  ev("e2", "congress", "2019", [["p", "organiser"], ["r", "guest"], ["s", "guest"]], { track: "party", placeCountry: "IRN", layers: ["political", "cultural-social"] }),
  ev("e3", "message", "2016", [["r", "sender"], ["p.intl", "recipient"]], { track: "party" }),
  ev("e4", "meeting", "2017", [["m", "participant"], ["p.london", "participant"]], { track: "movement", placeCountry: "GBR" }),
];
const agreements = [Agreement.parse({ id: "a1", kind: "mou", name: "Memorandum A1", signed: parseDate("2017") })];
const claimList = [
  claim("relation", "r1", "accepted"),
  claim("relation", "r2", "proposed"),
  claim("relation", "r3", "rejected"),
  claim("relation", "r4", "accepted"),
  claim("relation", "r5", "accepted"),
  claim("relation", "r6", "accepted"),
  claim("relation", "r8", "accepted"),
  claim("event", "e1", "accepted"),
  claim("event", "e2", "accepted"),
  claim("event", "e3", "accepted"),
  claim("event", "e4", "accepted"),
  claim("agreement", "a1", "accepted"),
  claim("actor", "p", "accepted", { property: "party-relations", value: qty(40), quote: "relations with 40 parties" }),
  claim("actor", "p", "accepted", { property: "party-relations", value: qty(25), source: "src-b" }),
  claim("actor", "p", "rejected", { property: "party-relations", value: qty(500) }),
  claim("actor", "p", "accepted", { property: "party-relations-countries", value: { type: "quantity", amount: 12, approximation: "exact", unit: "countries" } }),
  claim("concept", "pd.unions", "accepted", { quote: "5. Formation of unions" }),
];
const claims = new Map<string, Claim[]>();
for (const c of claimList) claims.set(`${c.target.type}:${c.target.id}`, [...(claims.get(`${c.target.type}:${c.target.id}`) ?? []), c]);

const data: SubjectData = {
  subject,
  parts,
  actors: others,
  relations,
  events,
  agreements,
  claims,
  concepts: new Map([
    ["pd.unions", { concept: Concept.parse({ id: "pd.unions", framework: "pd", kind: "method", label: "Unions and cooperation" }), claims: claims.get("concept:pd.unions")! }],
  ]),
};

/** A framework of one dimension holding the given indicators. */
function framework(indicators: unknown[], extra: Record<string, unknown> = {}) {
  return Framework.parse({ id: "pd", title: "Test", subjects: ["party"], dimensions: [{ id: "d", concept: "pd.unions", indicators }], ...extra });
}

function run(indicator: Record<string, unknown>, window?: Window, extra: Record<string, unknown> = {}) {
  const card = evaluateFramework(framework([{ id: "i", label: "i", ...indicator }], extra), data, window ? { window } : {});
  return card.dimensions[0]!.indicators[0]!;
}

const ids = (r: ReturnType<typeof run>) => r.evidence.map((e) => e.id).sort();

describe("evaluateFramework: measures on the hand-made party", () => {
  it.each([
    // name, indicator, window, expected value, expected evidence ids
    ["count: party relations (r3's only claim is rejected)", { measure: "count", select: { relations: { kind: "party-relation" } } }, undefined, 3, ["r1", "r2", "r6"]],
    ["count: without parts", { measure: "count", parts: false, select: { relations: { kind: "party-relation" } } }, undefined, 2, ["r1", "r2"]],
    ["count: window 2014-2016 (r1 open-ended, r2 2015-16)", { measure: "count", select: { relations: { kind: "party-relation" } } }, { from: "2014", to: "2016" }, 2, ["r1", "r2"]],
    ["count: window up to 2012", { measure: "count", select: { relations: { kind: "party-relation" } } }, { to: "2012" }, 1, ["r1"]],
    ["count: indicator window narrows the run's", { measure: "count", window: { from: "2017" }, select: { relations: { kind: "party-relation" } } }, { to: "2016" }, 0, []],
    ["count: direction out", { measure: "count", select: { relations: { kind: "party-relation", direction: "out" } } }, undefined, 2, ["r1", "r6"]],
    ["count: direction in", { measure: "count", select: { relations: { kind: "party-relation", direction: "in" } } }, undefined, 1, ["r2"]],
    ["count: organs abroad (part-of in, foreign)", { measure: "count", select: { relations: { kind: "part-of", direction: "in", counterpartKind: "party-organ", foreign: true } } }, undefined, 1, ["r5"]],
    ["count: a record without claims counts", { measure: "count", select: { relations: { kind: "member-of" } } }, undefined, 1, ["r7"]],
    ["count: pooled selectors count a record once", { measure: "count", select: [{ relations: { layer: "political" } }, { relations: { kind: "member-of" } }] }, undefined, 2, ["r1", "r7"]],
    ["count: events with a party among the other participants", { measure: "count", select: { events: { counterpartKind: "party" } } }, undefined, 3, ["e1", "e2", "e3"]],
    ["count: events by the subject's role", { measure: "count", select: { events: { role: "recipient" } } }, undefined, 1, ["e3"]],
    ["count: events abroad", { measure: "count", select: { events: { abroad: true } } }, undefined, 2, ["e1", "e4"]],
    ["count: agreements", { measure: "count", select: { agreements: { link: "treaty-party", role: "signatory" } } }, undefined, 1, ["a1"]],
    ["count: agreements outside the window", { measure: "count", select: { agreements: {} } }, { to: "2016" }, 0, []],
    ["presence: party relations", { measure: "presence", select: { relations: { kind: "party-relation" } } }, undefined, 1, ["r1", "r2", "r6"]],
    ["presence: nothing on the media layer", { measure: "presence", select: { events: { layer: "informational-media" } } }, undefined, 0, []],
    ["distinct: partner countries (TUR, SYR)", { measure: "distinct", of: "counterpart-country", select: { relations: { kind: "party-relation" } } }, undefined, 2, ["r1", "r2", "r6"]],
    ["distinct: event counterparts (q, r, s)", { measure: "distinct", of: "counterpart", select: { events: { counterpartKind: "party" } } }, undefined, 3, ["e1", "e2", "e3"]],
    ["distinct: layers, only two of them", { measure: "distinct", of: "layer", only: ["cultural-social", "economic"], select: { events: {} } }, undefined, 1, ["e2"]],
    ["distinct: years of events", { measure: "distinct", of: "year", select: { events: {} } }, undefined, 4, ["e1", "e2", "e3", "e4"]],
    ["ratio: party-track events abroad", { measure: "ratio", select: { events: { track: "party", abroad: true } }, over: { events: { track: "party" } } }, undefined, 0.333, ["e1"]],
    ["ratio: empty denominator", { measure: "ratio", select: { events: { track: "economic" } }, over: { events: { track: "economic" } } }, undefined, 0, []],
    ["figure: the largest accepted figure (500 is rejected)", { measure: "figure", select: { claims: { property: "party-relations" } } }, undefined, 40, ["c13", "c14"]],
    ["count with figure: the figure exceeds the records", { measure: "count", select: { relations: { kind: "party-relation" } }, figure: { property: "party-relations" } }, undefined, 40, ["c13", "c14", "r1", "r2", "r6"]],
    ["distinct with figure", { measure: "distinct", of: "counterpart-country", select: { relations: { kind: "party-relation" } }, figure: { property: "party-relations-countries" } }, undefined, 12, ["c16", "r1", "r2", "r6"]],
  ] as const)("%s", (_name, indicator, window, value, evidence) => {
    const r = run(indicator as Record<string, unknown>, window as Window | undefined);
    expect(r.value).toBe(value);
    expect(ids(r)).toEqual([...evidence].sort());
    expect(r.noEvidence).toBe(evidence.length === 0);
    if (evidence.length === 0) expect(r.score).toBe(0);
  });

  it("marks records of parts with via", () => {
    const r = run({ measure: "count", select: [{ relations: { kind: "party-relation" } }, { events: { track: "party" } }] });
    const via = Object.fromEntries(r.evidence.map((e) => [e.id, e.via]));
    expect(via).toEqual({ r1: undefined, r2: undefined, r6: "p.london", e1: undefined, e2: undefined, e3: "p.intl" });
  });

  it("carries each record's claims, with source, quote and locator; rejected claims never appear", () => {
    const r = run({ measure: "count", select: { relations: { kind: "party-relation" } }, figure: { property: "party-relations" } });
    const r1 = r.evidence.find((e) => e.id === "r1")!;
    expect(r1).toMatchObject({ type: "relation", dated: true, claims: [{ id: "c1", source: "src-a", quote: "the passage about r1", locator: { start: 10, end: 15 }, status: "accepted" }] });
    expect(r1.description).toBe("party-relation: Actor p — Actor q, from 2010");
    const figure = r.evidence.find((e) => e.id === "c13")!;
    expect(figure).toMatchObject({ type: "claim", dated: false, claims: [{ property: "party-relations", quote: "relations with 40 parties" }] });
    expect(figure.description).toBe("party-relations = 40 parties, reported for Actor p");
    expect(r.evidence.flatMap((e) => e.claims).some((c) => c.status === "rejected")).toBe(false);
    expect(r).toMatchObject({ recorded: 3, figure: 40 });
  });

  it("counts only accepted claims when the framework says so", () => {
    const r = run({ measure: "count", select: { relations: { kind: "party-relation" } } }, undefined, { statuses: ["accepted"] });
    expect(ids(r)).toEqual(["r1", "r6"]);
  });

  it("reports no evidence as score 0 with an empty evidence list, even with a threshold rule", () => {
    const r = run({ measure: "count", select: { relations: { kind: "supports" } }, score: { thresholds: [{ at: 1, score: 0.5 }] } });
    expect(r).toMatchObject({ value: 0, score: 0, noEvidence: true, evidence: [] });
  });
});

describe("scores and weights", () => {
  it.each([
    // value, rule, score
    [3, undefined, 1],
    [0.4, undefined, 0.4],
    [0, undefined, 0],
    [3, { saturate: 10 }, 0.3],
    [30, { saturate: 10 }, 1],
    [3, { saturate: 10, curve: "log" }, 0.578], // log 4 / log 11
    [4, { thresholds: [{ at: 1, score: 0.25 }, { at: 5, score: 0.75 }] }, 0.25],
    [5, { thresholds: [{ at: 1, score: 0.25 }, { at: 5, score: 0.75 }] }, 0.75],
    [0.5, { thresholds: [{ at: 1, score: 0.25 }] }, 0],
  ] as const)("value %s with %j scores %s", (value, rule, score) => {
    expect(scoreValue(value, rule as Parameters<typeof scoreValue>[1])).toBe(score);
  });

  it("combines indicators and dimensions by weighted mean", () => {
    const f = Framework.parse({
      id: "pd",
      title: "Test",
      subjects: ["party"],
      dimensions: [
        {
          id: "d1",
          concept: "pd.unions",
          weight: 3,
          indicators: [
            // 3 party relations, saturating at 6: 0.5, weight 1
            { id: "a", label: "a", measure: "count", select: { relations: { kind: "party-relation" } }, score: { saturate: 6 } },
            // presence: 1, weight 3
            { id: "b", label: "b", measure: "presence", weight: 3, select: { events: { type: "congress" } } },
          ],
        },
        // nothing on the economic track: 0
        { id: "d2", concept: "pd.other", indicators: [{ id: "c", label: "c", measure: "count", select: { events: { track: "economic" } } }] },
      ],
    });
    const card = evaluateFramework(f, data);
    expect(card.dimensions.map((d) => d.score)).toEqual([0.875, 0]); // (0.5·1 + 1·3) / 4
    expect(card.score).toBe(0.656); // (0.875·3 + 0·1) / 4 = 0.65625
    expect(card.dimensions[0]!.concept).toMatchObject({ id: "pd.unions", label: "Unions and cooperation", found: true, quotes: [{ quote: "5. Formation of unions" }] });
    expect(card.dimensions[1]!).toMatchObject({ label: "pd.other", noEvidence: true, concept: { found: false, quotes: [] } });
    expect(card.subject.parts.map((p) => p.id)).toEqual(["p.intl", "p.london"]);
  });

  it("refuses a subject of a kind the framework does not apply to", () => {
    const f = framework([{ id: "i", label: "i", measure: "presence", select: { events: {} } }], { subjects: ["state"] });
    expect(() => evaluateFramework(f, data)).toThrow(InputError);
    expect(() => evaluateFramework(f, data)).toThrow(/applies to state; p \(Actor p\) is a party/);
  });

  it("intersects windows", () => {
    expect(intersectWindows({ from: "2010", to: "2020" }, { from: "2015-06" }, undefined, { to: "2019-12-31" })).toEqual({ from: "2015-06", to: "2019-12-31" });
    expect(intersectWindows(undefined, {})).toEqual({});
  });

  it("validates indicators per measure", () => {
    expect(Indicator.safeParse({ id: "i", label: "i", measure: "distinct", select: { events: {} } }).success).toBe(false);
    expect(Indicator.safeParse({ id: "i", label: "i", measure: "ratio", select: { events: {} } }).success).toBe(false);
    expect(Indicator.safeParse({ id: "i", label: "i", measure: "count", of: "layer", select: { events: {} } }).success).toBe(false);
    expect(Indicator.safeParse({ id: "i", label: "i", measure: "figure", select: { events: {} } }).success).toBe(false);
  });
});
