// A small named world for the analysis tests, built through the model's schemas, small enough to check by hand.
//
// States aaa, bbb, ccc; parliaments a-parl (part of aaa) and b-parl (part of bbb); bodies ipx (an assembly), orgy
// (an organisation) and forz (a forum founded 2000 and dissolved 2010, by claims); treaty t1.
//
//   m1  a-parl → ipx   founding, from 2006     parliamentary, political
//   m2  bbb    → ipx   from 2010               parliamentary, political
//   m3  aaa    → orgy  observer, undated       official, economic
//   m4  bbb    → orgy  full, 1995–2015         official, economic
//   m5  ccc    → orgy  from 2012               official, economic
//   m6  ccc    → forz  from 1990 (cut to the forum's 2000–2010)   no track, no layer
//   m7  aaa    → forz  from 2005               no track, no layer
//   m8  bbb    → forz  from 2001: its only claim is rejected, so analyses leave it out
//   fg  a-parl ↔ b-parl friendship group from 1994   parliamentary, political
//   tp-a, tp-b  aaa and bbb parties to t1 (signed 2025-01-17; bbb ratified 2025-04)   official, political + legal
//   e1  2018-09-07 summit (CAMEO 043, Goldstein 2.8): aaa host, bbb, ccc   official, political + military-security
//   e2  2019-03 meeting (040, 1.0): aaa, bbb   official, economic
//   e3  2019-05-01 visit (042, 1.9): a-parl, b-parl   parliamentary, political + cultural-social
import { Actor, Agreement, Claim, Event, Relation, Source, parseDate } from "@diplograph/model";
import type { Snapshot } from "@diplograph/model";
import { networkData, type NetworkData } from "./network/data.js";

const stamp = { createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z" };
const base = { source: "src", confidence: 0.9, author: "tester", ...stamp };

function claim(id: string, type: "actor" | "relation" | "event", target: string, status: "accepted" | "proposed" | "rejected" = "accepted", extra: object = {}) {
  return Claim.parse({ id, target: { type, id: target }, locator: { quote: `quote for ${target}`, start: 0, end: 10 + target.length }, status, ...base, ...extra });
}

export function triadSnapshot(): Snapshot {
  const rel = (id: string, fields: object) => Relation.parse({ id, ...fields });
  const relations = [
    rel("pa", { kind: "part-of", from: "a-parl", to: "aaa" }),
    rel("pb", { kind: "part-of", from: "b-parl", to: "bbb" }),
    rel("m1", { kind: "member-of", from: "a-parl", to: "ipx", role: "founding", start: parseDate("2006"), track: "parliamentary", layers: ["political"] }),
    rel("m2", { kind: "member-of", from: "bbb", to: "ipx", start: parseDate("2010"), track: "parliamentary", layers: ["political"] }),
    rel("m3", { kind: "member-of", from: "aaa", to: "orgy", role: "observer", track: "official", layers: ["economic"] }),
    rel("m4", { kind: "member-of", from: "bbb", to: "orgy", role: "full", start: parseDate("1995"), end: parseDate("2015"), track: "official", layers: ["economic"] }),
    rel("m5", { kind: "member-of", from: "ccc", to: "orgy", start: parseDate("2012"), track: "official", layers: ["economic"] }),
    rel("m6", { kind: "member-of", from: "ccc", to: "forz", start: parseDate("1990") }),
    rel("m7", { kind: "member-of", from: "aaa", to: "forz", start: parseDate("2005") }),
    rel("m8", { kind: "member-of", from: "bbb", to: "forz", start: parseDate("2001") }),
    rel("fg", { kind: "friendship-group", from: "a-parl", to: "b-parl", start: parseDate("1994"), track: "parliamentary", layers: ["political"] }),
    rel("tp-a", { kind: "treaty-party", from: "aaa", to: "t1", role: "signatory", signed: parseDate("2025-01-17"), track: "official", layers: ["political", "legal"] }),
    rel("tp-b", { kind: "treaty-party", from: "bbb", to: "t1", role: "signatory", signed: parseDate("2025-01-17"), ratified: parseDate("2025-04"), track: "official", layers: ["political", "legal"] }),
  ];
  const events = [
    Event.parse({ id: "e1", type: "summit", title: "Summit", date: parseDate("2018-09-07"), participants: [{ actor: "aaa", role: "host" }, { actor: "bbb", role: "participant" }, { actor: "ccc", role: "participant" }], track: "official", layers: ["political", "military-security"] }),
    Event.parse({ id: "e2", type: "meeting", title: "Meeting", date: parseDate("2019-03"), participants: [{ actor: "aaa", role: "participant" }, { actor: "bbb", role: "participant" }], track: "official", layers: ["economic"] }),
    Event.parse({ id: "e3", type: "visit", title: "Visit", date: parseDate("2019-05-01"), participants: [{ actor: "a-parl", role: "guest" }, { actor: "b-parl", role: "host" }], track: "parliamentary", layers: ["political", "cultural-social"] }),
  ];
  const actor = (id: string, kind: string, name: string, country?: string) => Actor.parse({ id, kind, name, ...(country ? { country } : {}) });
  return {
    sources: [Source.parse({ id: "src", type: "report", title: "Test report", language: "en" })],
    actors: [
      actor("aaa", "state", "Aland", "AFG"),
      actor("bbb", "state", "Bland", "BGD"),
      actor("ccc", "state", "Cland", "CAN"),
      actor("a-parl", "parliament", "Aland Parliament", "AFG"),
      actor("b-parl", "parliament", "Bland Parliament", "BGD"),
      actor("ipx", "parliamentary-assembly", "Interparliamentary X"),
      actor("orgy", "intergovernmental-organization", "Organisation Y"),
      actor("forz", "forum", "Forum Z"),
    ],
    agreements: [Agreement.parse({ id: "t1", kind: "treaty", name: "Treaty One", signed: parseDate("2025-01-17") })],
    concepts: [],
    relations,
    events,
    claims: [
      ...relations.map((r) => claim(`c-${r.id}`, "relation", r.id, r.id === "m8" ? "rejected" : "accepted")),
      claim("c-m1-proposed", "relation", "m1", "proposed"),
      ...events.map((e) => claim(`c-${e.id}`, "event", e.id)),
      claim("c-forz-founded", "actor", "forz", "accepted", { property: "founded", value: { type: "date", date: parseDate("2000") } }),
      claim("c-forz-dissolved", "actor", "forz", "accepted", { property: "dissolved", value: { type: "date", date: parseDate("2010") } }),
    ],
  };
}

export function triad(): NetworkData {
  return networkData(triadSnapshot());
}
