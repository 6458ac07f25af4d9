import { Actor, Agreement, Claim, Concept, DateValue, Event, Relation, Source } from "@diplograph/model";
import type { Snapshot } from "@diplograph/model";
import { describe, expect, it } from "vitest";
import { tehran } from "./fixtures.js";
import { toJson, toJsonDocument } from "./json.js";
import type { JsonClaim } from "./types.js";

describe("toJson", () => {
  const snapshot = tehran();
  const text = toJson(snapshot);
  const doc = JSON.parse(text) as ReturnType<typeof toJsonDocument>;

  it("writes one dataset document with every record kind", () => {
    expect(Object.keys(doc)).toEqual(["format", "version", "sources", "actors", "agreements", "concepts", "relations", "events", "claims"]);
    expect(doc.format).toBe("diplograph-dataset");
    expect(doc.version).toBe(1);
    expect(text.endsWith("}\n")).toBe(true);
  });

  it.each([
    ["actors", ["apa", "irn", "rus", "tur"]],
    ["concepts", ["party-diplomacy", "party-diplomacy.media-cooperation"]],
    ["relations", ["rel-irn-apa", "rel-irn-rus", "rel-irn-treaty"]],
    ["claims", ["c-apa-founded", "c-apa-members", "c-rel-irn-apa", "c-rel-irn-apa-rejected", "c-summit", "c-treaty-in-force"]],
  ] as const)("orders %s by id", (kind, ids) => {
    expect(doc[kind].map((r) => r.id)).toEqual(ids);
  });

  it("is the same text whatever the order of the records", () => {
    const reversed: Snapshot = {
      sources: [...snapshot.sources].reverse(),
      actors: [...snapshot.actors].reverse(),
      agreements: [...snapshot.agreements].reverse(),
      concepts: [...snapshot.concepts].reverse(),
      relations: [...snapshot.relations].reverse(),
      events: [...snapshot.events].reverse(),
      claims: [...snapshot.claims].reverse(),
    };
    expect(toJson(reversed)).toBe(text);
  });

  it("keeps a Solar Hijri date whole: Gregorian value, precision, calendar and original", () => {
    const signed = { start: "2025-01-17", precision: "day", calendar: "solar-hijri", original: "28 Dey 1403" };
    expect(doc.agreements[0]!.signed).toStrictEqual(signed);
    expect(DateValue.parse(doc.agreements[0]!.signed)).toStrictEqual(snapshot.agreements[0]!.signed);
    expect(doc.claims.find((c) => c.id === "c-treaty-in-force")!.value).toStrictEqual({
      type: "date",
      date: { start: "2025-10-02", precision: "day", calendar: "solar-hijri", original: "10 Mehr 1404" },
    });
  });

  it("writes claims in the standalone form, with their target", () => {
    expect(doc.claims.find((c) => c.id === "c-apa-members")).toStrictEqual({
      id: "c-apa-members",
      target: { type: "actor", id: "apa" },
      property: "members",
      value: { type: "quantity", amount: 42, approximation: "about" },
      qualifiers: { role: "full" },
      source: "test-source",
      page: "12",
      status: "proposed",
      confidence: 0.7,
      author: "tester",
      note: `counts "full" members, not observers`,
    } satisfies JsonClaim);
    expect(doc.claims.find((c) => c.id === "c-apa-founded")).toMatchObject({ quote: "became the Asian Parliamentary Assembly in 2006", start: 10, end: 57 });
  });

  it("carries a source's document text where the snapshot has it", () => {
    const withText = { ...snapshot, sources: [{ ...snapshot.sources[0]!, text: "The whole document." }] };
    expect(toJsonDocument(withText).sources[0]!.text).toBe("The whole document.");
    expect(doc.sources[0]).not.toHaveProperty("text");
  });

  it("calls an actor's external ids `ids`, as the dataset format does", () => {
    expect(doc.actors.find((a) => a.id === "irn")!.ids).toStrictEqual({ wikidata: "Q794", cameo: "IRN" });
    expect(doc.actors.find((a) => a.id === "irn")).not.toHaveProperty("externalIds");
  });

  describe("reads back into the same records through the model's schemas", () => {
    it.each([
      ["sources", Source, snapshot.sources],
      ["agreements", Agreement, snapshot.agreements],
      ["concepts", Concept, snapshot.concepts],
      ["relations", Relation, snapshot.relations],
      ["events", Event, snapshot.events],
    ] as const)("%s", (kind, schema, records) => {
      for (const json of doc[kind]) {
        expect(schema.parse(json)).toStrictEqual(records.find((r) => r.id === json.id));
      }
    });

    it("actors", () => {
      for (const { ids, ...rest } of doc.actors) {
        expect(Actor.parse({ ...rest, externalIds: ids })).toStrictEqual(snapshot.actors.find((a) => a.id === rest.id));
      }
    });

    it("claims, which keep everything but their timestamps and reviewer", () => {
      for (const { quote, start, end, page, ...rest } of doc.claims) {
        const original = snapshot.claims.find((c) => c.id === rest.id)!;
        const locator = Object.fromEntries(Object.entries({ quote, start, end, page }).filter(([, v]) => v !== undefined));
        const stamps = { createdAt: original.createdAt, updatedAt: original.updatedAt };
        expect(Claim.parse({ ...rest, locator, ...stamps })).toStrictEqual(original);
      }
    });
  });
});
