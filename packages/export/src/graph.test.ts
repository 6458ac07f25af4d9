import { RELATION_KINDS } from "@diplograph/model";
import type { Snapshot } from "@diplograph/model";
import { describe, expect, it } from "vitest";
import { ExportError } from "./errors.js";
import { everyKind, tehran } from "./fixtures.js";
import { projectGraph } from "./graph.js";

describe("projectGraph on the Tehran snapshot", () => {
  const graph = projectGraph(tehran());

  it("has actors then agreements as nodes, each in id order", () => {
    expect(graph.nodes.map((n) => n.id)).toEqual(["apa", "irn", "rus", "tur", "irn-rus-treaty"]);
  });

  it.each([
    ["apa", { kind: "parliamentary-assembly", name: "Asian Parliamentary Assembly", start: "2006" }, { start: "2006-01-01" }],
    ["irn", { kind: "state", name: "Iran", country: "IRN", name_fa: "ایران" }, undefined],
    ["rus", { kind: "state", name: "Russia", country: "RUS" }, undefined],
    [
      "irn-rus-treaty",
      { kind: "agreement:treaty", name: "Treaty on Comprehensive Strategic Partnership between Iran and Russia", start: "2025-01-17" },
      { start: "2025-01-17" },
    ],
  ])("node %s", (id, attributes, time) => {
    const node = graph.nodes.find((n) => n.id === id)!;
    expect(node.attributes).toStrictEqual(attributes);
    expect(node.time).toStrictEqual(time);
  });

  it("has one edge per relation, then one per pair of event participants", () => {
    expect(graph.edges.length).toBe(6);
  });

  it.each([
    // id, source, target, directed, kind, role, claims, time
    ["rel-irn-apa", "irn", "apa", true, "member-of", "founding", 1, { start: "2006-01-01" }],
    ["rel-irn-rus", "irn", "rus", false, "diplomatic-relations", "embassy", 0, { start: "1991-12-01" }],
    ["rel-irn-treaty", "irn", "irn-rus-treaty", true, "treaty-party", "signatory", 0, { start: "2025-01-17" }],
    ["ev-tehran-summit-2018:P:irn:P:rus", "irn", "rus", false, "event:summit", "host;participant", 1, { start: "2018-09-07", end: "2018-09-07" }],
    ["ev-tehran-summit-2018:P:irn:P:tur", "irn", "tur", false, "event:summit", "host;participant", 1, { start: "2018-09-07", end: "2018-09-07" }],
    ["ev-tehran-summit-2018:P:rus:P:tur", "rus", "tur", false, "event:summit", "participant;participant", 1, { start: "2018-09-07", end: "2018-09-07" }],
  ] as const)("edge %s", (id, source, target, directed, kind, role, claims, time) => {
    const edge = graph.edges.find((e) => e.id === id)!;
    expect(edge).toMatchObject({ source, target, directed, attributes: { kind, role, claims } });
    expect(edge.time).toStrictEqual(time);
  });

  it("writes relation attributes as flat values: layers joined, dates as ISO partial dates", () => {
    expect(graph.edges.find((e) => e.id === "rel-irn-rus")!.attributes).toStrictEqual({
      kind: "diplomatic-relations",
      record: "rel-irn-rus",
      role: "embassy",
      track: "official",
      layers: "political;economic",
      start: "1991-12",
      claims: 0,
    });
    expect(graph.edges.find((e) => e.id === "rel-irn-treaty")!.attributes.signed).toBe("2025-01-17");
  });

  it("leaves event edges out when asked", () => {
    expect(projectGraph(tehran(), { events: false }).edges.map((e) => e.id)).toEqual(["rel-irn-apa", "rel-irn-rus", "rel-irn-treaty"]);
  });

  it("gives the same graph whatever the order of the records", () => {
    const s = tehran();
    const reversed: Snapshot = {
      ...s,
      actors: [...s.actors].reverse(),
      relations: [...s.relations].reverse(),
      claims: [...s.claims].reverse(),
    };
    expect(projectGraph(reversed)).toStrictEqual(graph);
  });
});

describe("projectGraph on every relation kind", () => {
  const graph = projectGraph(everyKind());

  it.each(RELATION_KINDS.keys.map((k) => [k, !RELATION_KINDS.map[k].symmetric] as const))("%s is directed: %s", (kind, directed) => {
    expect(graph.edges.find((e) => e.id === `rel-${kind}`)!.directed).toBe(directed);
  });

  it.each([
    // Open at the end, open at the start, a Solar Hijri month as the end, a range as the start, no dates at all,
    // and a treaty party dated by its signature.
    ["rel-member-of", { start: "1994-01-01" }],
    ["rel-part-of", { end: "2024-02-29" }],
    ["rel-friendship-group", { start: "2010-01-01", end: "2025-01-19" }],
    ["rel-neighbour", { start: "1992-01-01" }],
    ["rel-party-relation", undefined],
    ["rel-treaty-party", { start: "2025-01-17" }],
    ["ev-nam-2012:P:irn:P:irq", { start: "2012-08-16", end: "2012-08-31" }],
    ["ev-dey-1403:P:irn-parliament:P:ipu", { start: "2024-12-21", end: "2025-01-19" }],
  ])("%s holds over %j", (id, time) => {
    expect(graph.edges.find((e) => e.id === id)!.time).toStrictEqual(time);
  });

  it("keeps several relations between one pair as separate edges with their own ids", () => {
    const pair = graph.edges.filter((e) => [e.source, e.target].sort().join() === "irn,irq").map((e) => e.id);
    expect(pair).toEqual(["rel-irn-irq-supports", "rel-neighbour", "ev-nam-2012:P:irn:P:irq"]);
  });

  it("pairs distinct participants only: an actor listed twice keeps its first role, a lone participant makes no edge", () => {
    expect(graph.edges.filter((e) => e.attributes.record === "ev-dey-1403").map((e) => e.attributes.role)).toEqual(["host;participant"]);
    expect(graph.edges.filter((e) => e.attributes.record === "ev-1997")).toEqual([]);
    expect(graph.edges.filter((e) => e.attributes.record === "ev-nam-2012").length).toBe(6);
  });

  it("gives every edge a distinct id", () => {
    expect(new Set(graph.edges.map((e) => e.id)).size).toBe(graph.edges.length);
  });
});

describe("projectGraph refuses what a graph file cannot hold", () => {
  const base = tehran();
  it.each<[string, Snapshot, RegExp]>([
    [
      "a relation to a missing actor",
      { ...base, relations: [{ ...base.relations[1]!, to: "nowhere" }] },
      /relation rel-irn-apa: to "nowhere" is not an actor/,
    ],
    [
      "a treaty party pointing at an actor",
      { ...base, relations: [{ ...base.relations[0]!, to: "rus" }] },
      /relation rel-irn-treaty: to "rus" is not an agreement/,
    ],
    [
      "an event participant that is missing",
      { ...base, events: [{ ...base.events[0]!, participants: [{ actor: "xyz", role: "host" }] }] },
      /event ev-tehran-summit-2018: participant "xyz"/,
    ],
    [
      "an id that names an actor and an agreement",
      { ...base, agreements: [{ ...base.agreements[0]!, id: "irn" }], relations: [] },
      /id "irn" names both an actor and an agreement/,
    ],
  ])("%s", (_name, snapshot, message) => {
    expect(() => projectGraph(snapshot)).toThrow(ExportError);
    expect(() => projectGraph(snapshot)).toThrow(message);
  });

  it("does not check event participants when events are left out", () => {
    const s = { ...base, events: [{ ...base.events[0]!, participants: [{ actor: "xyz", role: "host" as const }] }] };
    expect(projectGraph(s, { events: false }).edges.length).toBe(3);
  });
});
