// Event proposals from seed 004 (part 1), item by item, against values read off the text by hand: the type, the date
// the item gives (none where it gives none) and the participants it names, with their roles. The real pipeline runs:
// passages, dates, entity linking against the seed's actors and the gazetteer, events.
import { beforeAll, afterAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { analyseDocument, defaultPipeline, dateValueString, extractLine, importDataset, ingestDocuments, type AnalysedDocument } from "@diplograph/ingest";
import { Store } from "@diplograph/store";
import { writeFileSync } from "node:fs";
import { seedDir, sharedDir, tmp, writeDataset } from "./helpers.js";

const SEED_004 = join(sharedDir, "seeds/004_40f7615d4fa621a5.part1.txt");

interface Expected {
  type: string;
  date: string | null;
  /** Participants that must be there, with their role (null: any role). */
  participants: Record<string, string | null>;
}

/**
 * Seed 004, part 1, read by hand: for each numbered item that states an event, the event a reader takes from it.
 * Items 1, 3, 8, 11, 12, 15, 17 and 20 state no dated event (a policy, negotiations, relations expanded, missions
 * opened "gradually", an appointment): nothing dated may be proposed from them.
 */
const EXPECTED: Record<string, Expected> = {
  // "On March 21, 1991, Sam Nujoma arrived in Namibia from Europe by an Iranian plane and announced the independence"
  "2": { type: "visit", date: "1991-03-21", participants: { "sam-nujoma": "guest", nam: "host", irn: null } },
  // "after the victory of the Islamic Revolution in February 1979, the conference of ministers of non-aligned countries
  // held in the capital of Sri Lanka approved Iran's membership in the Non-Aligned Movement": February 1979 dates the
  // revolution, not the approval, whose date the item does not give.
  "4": { type: "accession", date: null, participants: { irn: "subject", "nam-movement": "venue", lka: "host" } },
  // "in 1980, at the invitation of Iran, the United Front of the Islamic Revolution of Afghanistan … was formed"
  "5": { type: "founding", date: "1980", participants: { "afg-united-front-of-the-islamic-revolution": "subject", irn: "organiser" } },
  // "On August 7, 1979, … Imam Khomeini (RA) asked the Muslims of the world to choose the last Friday … as "Quds Day""
  "6": { type: "statement", date: "1979-08-07", participants: { "ruhollah-khomeini": "sender" } },
  // "In the sixth meeting of the Non-Aligned Movement in Havana in 1979, Baghdad was selected as the location of the
  // seventh conference of the leaders of the movement."
  "7": { type: "summit", date: "1979", participants: { "nam-movement": "venue", cub: "host" } },
  // "At the 8th summit of the heads of the Non-Aligned Movement member states in Harare - the capital of Zimbabwe - in
  // September 1986, the presence of an Iranian delegation headed by Ayatollah Khamenei"
  "9": { type: "summit", date: "1986-09", participants: { "nam-movement": "venue", zwe: "host", irn: "delegation", "ali-khamenei": "delegation-head" } },
  // "the late Nelson Mandela acknowledged this fact in the course of his visit to Iran after the downfall of the
  // apartheid regime" (no date given)
  "10": { type: "visit", date: null, participants: { "nelson-mandela": "guest", irn: "host" } },
  // "the republics of Afghanistan, Azerbaijan, Kazakhstan, Turkmenistan, Kyrgyzstan, Uzbekistan, and Tajikistan joined
  // the Economic Cooperation Organization (ECO)" (no date given)
  "13": { type: "accession", date: null, participants: { eco: "venue", afg: "subject", aze: "subject", kaz: "subject", tkm: "subject", kgz: "subject", uzb: "subject", tjk: "subject" } },
  // "In January 1992, the Islamic Republic of Iran being its mediation in the Karabakh conflict"
  "14": { type: "mediation", date: "1992-01", participants: { irn: "mediator" } },
  // "the final peace agreement of Tajikistan … were signed by the president of Tajikistan and the leader of the Islamic
  // Movement of Tajikistan on June 27, 1997, in Moscow"
  "16": { type: "agreement-signed", date: "1997-06-27", participants: { tjk: "signatory", "united-tajik-opposition": "signatory", rus: "host" } },
  // "Acceptance of the Resolution 598 of the UN Security Council put an end to the war" (no date given)
  "18": { type: "resolution", date: null, participants: { unsc: null, irn: null } },
  // "The 8th Summit of the heads of Islamic states was held in Tehran … on the 7th of December 1997."
  "19": { type: "summit", date: "1997-12-07", participants: { irn: "host" } },
};
/** Dated events an item states besides its main one: item 7's second sentence (the venue moved on 17 September 1982). */
const ALSO_DATED: Record<string, string[]> = { "7": ["1982-09-17"] };

describe("event proposals from seed 004", () => {
  let store: Store;
  let doc: AnalysedDocument;
  const dir = tmp();

  beforeAll(async () => {
    store = await Store.open(join(dir, "seed.db"));
    await importDataset(store, seedDir);
    doc = await analyseDocument(SEED_004, await defaultPipeline(store));
  });
  afterAll(async () => store?.close());

  const items = () => new Map(doc.extracted.filter((p) => p.kind === "item").map((p) => [p.label!, p]));

  it("reads the twenty numbered items of part 1", () => {
    expect([...items().keys()]).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
  });

  for (const [label, want] of Object.entries(EXPECTED)) {
    it(`item ${label}: ${want.type}${want.date ? ` on ${want.date}` : " (no date stated)"}`, () => {
      const p = items().get(label)!;
      const events = p.events.map((e) => ({ type: e.event.type, date: e.event.date ? dateValueString(e.event.date) : null, roles: Object.fromEntries((e.event.participants ?? []).map((x) => [x.actor, x.role])) }));
      const match = events.find((e) => e.type === want.type && e.date === want.date);
      expect(match, JSON.stringify(events)).toBeDefined();
      for (const [actor, role] of Object.entries(want.participants)) {
        expect(match!.roles, `${actor} in item ${label}`).toHaveProperty([actor]);
        if (role) expect(match!.roles[actor], `role of ${actor} in item ${label}`).toBe(role);
      }
      // Every proposal quotes a sentence of its own item.
      for (const e of p.events) {
        expect(e.evidence!.start).toBeGreaterThanOrEqual(p.start);
        expect(e.evidence!.end).toBeLessThanOrEqual(p.end);
      }
    });
  }

  it("proposes no dated event that the items do not state", () => {
    for (const [label, p] of items()) {
      const dated = p.events.filter((e) => e.event.date).map((e) => dateValueString(e.event.date!));
      const allowed = [...(EXPECTED[label]?.date ? [EXPECTED[label]!.date!] : []), ...(ALSO_DATED[label] ?? [])];
      expect(dated.sort(), `item ${label}`).toEqual(allowed.sort());
    }
  });

  it("prints every proposal in extract's JSON Lines, offsets slicing the document", () => {
    const lines = doc.extracted.map(extractLine).filter((l) => l !== undefined);
    const item19 = lines.find((l) => l.start === items().get("19")!.start)!;
    expect(item19.events).toContainEqual({ type: "summit", date: "1997-12-07", participants: expect.arrayContaining(["irn"]) });
    for (const l of lines) for (const m of l.mentions) expect(doc.doc.text.slice(m.start, m.end)).toBe(m.text);
  });

  it("links actors stored after an earlier run of the pipeline (a long-running server sees new actors)", async () => {
    const file = join(dir, "note.txt");
    writeFileSync(file, "The Caspian Parliamentary Forum met in Tehran on 3 May 2024.\n");
    const before = (await analyseDocument(file, await defaultPipeline(store))).extracted.flatMap((p) => p.mentions).map((m) => m.actor?.id);
    expect(before).not.toContain("caspian-parliamentary-forum");
    await importDataset(
      store,
      writeDataset(tmp(), {
        "dataset.yaml": "name: forum\n",
        "sources.yaml": "- id: note\n  type: report\n  title: A note\n  language: en\n",
        "actors.yaml": "- id: caspian-parliamentary-forum\n  kind: forum\n  name: Caspian Parliamentary Forum\n  claims:\n    - source: note\n      page: '1'\n",
      }),
    );
    const after = await analyseDocument(file, await defaultPipeline(store));
    const [event] = after.extracted.flatMap((p) => p.events);
    expect(event?.event).toMatchObject({ type: "meeting", participants: expect.arrayContaining([{ actor: "caspian-parliamentary-forum", role: "venue" }, { actor: "irn", role: "host" }]) });
  });

  it("ingests the document and puts the dated proposals in the review queue, each quoting its sentence", async () => {
    const summary = await ingestDocuments(store, [SEED_004]);
    const file = summary.files[0]!;
    const datedMain = Object.values(EXPECTED).filter((e) => e.date).length;
    expect(file.events).toBeGreaterThanOrEqual(datedMain);
    const proposed = await store.listClaims({ status: "proposed", source: file.sourceId, limit: 1000 });
    // Events stated without a date wait in the queue as `stated-event` claims on their leading participant.
    const stated = proposed.filter((c) => c.property === "stated-event");
    expect(stated.length).toBe(file.undated);
    for (const [label, want] of Object.entries(EXPECTED).filter(([, e]) => !e.date)) {
      const p = items().get(label)!;
      const claim = stated.find((c) => c.locator.start! >= p.start && c.locator.end! <= p.end && c.qualifiers.type === want.type);
      expect(claim, `item ${label}`).toBeDefined();
      for (const actor of Object.keys(want.participants)) expect(claim!.qualifiers.participants, `item ${label}`).toMatch(new RegExp(`(^|;)${actor}(:|;|$)`));
    }
    const events = proposed.filter((c) => c.target.type === "event");
    const item13 = stated.find((c) => c.qualifiers.type === "accession" && c.qualifiers.participants!.includes("eco"));
    expect(item13?.target).toEqual({ type: "actor", id: item13!.qualifiers.participants!.split(";").find((x) => x.endsWith(":subject"))!.split(":")[0] });
    expect(events.length).toBe(file.events);
    const text = (await store.sourceTexts([file.sourceId])).get(file.sourceId)!;
    for (const c of events) expect(text.slice(c.locator.start!, c.locator.end!)).toBe(c.locator.quote);
    // The proposed summit of item 19 is stored beside the curated seed event of the same day, not merged into it.
    const proposedIds = new Set(events.map((c) => c.target.id));
    const sameDay = await store.listEvents({ actor: "irn", from: "1997-12-07", to: "1997-12-07" });
    const summit = sameDay.find((h) => proposedIds.has(h.event.id));
    expect(summit?.event).toMatchObject({ type: "summit", place: "Tehran", placeCountry: "IRN" });
    expect(sameDay.some((h) => h.event.id === "ev-004-19-oic-8th-summit-tehran")).toBe(true);
    // Ingesting the same file again proposes nothing more.
    const again = await ingestDocuments(store, [SEED_004]);
    expect(again.wrote).toBe(false);
  });
});
