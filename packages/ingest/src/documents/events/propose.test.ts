// The event proposer on sentences written for the purpose, with the actor mentions given by hand (the linker has its
// own tests): type, date, participants and roles, and the rules that keep other events' dates and actors out.
import { describe, expect, it } from "vitest";
import type { ActorKind } from "@diplograph/model";
import { eventExtractor, loadPlaces, PlaceFinder, proposeEvents, sentences } from "./index.js";
import { createPipeline, extractPassages } from "../extract/index.js";
import { splitPassages } from "../passages/index.js";
import type { ActorMention, LinkedActor } from "./types.js";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";

const ACTORS: Record<string, LinkedActor> = {
  Iran: { id: "irn", name: "Iran", kind: "state", country: "IRN" },
  Iranian: { id: "irn", name: "Iran", kind: "state", country: "IRN" },
  ایران: { id: "irn", name: "Iran", kind: "state", country: "IRN" },
  Russia: { id: "rus", name: "Russia", kind: "state", country: "RUS" },
  روسیه: { id: "rus", name: "Russia", kind: "state", country: "RUS" },
  Oman: { id: "omn", name: "Oman", kind: "state", country: "OMN" },
  Azerbaijan: { id: "aze", name: "Azerbaijan", kind: "state", country: "AZE" },
  Armenia: { id: "arm", name: "Armenia", kind: "state", country: "ARM" },
  "Shanghai Cooperation Organisation": { id: "sco", name: "Shanghai Cooperation Organisation", kind: "intergovernmental-organization" },
  "سازمان همکاری شانگهای": { id: "sco", name: "Shanghai Cooperation Organisation", kind: "intergovernmental-organization" },
  "State Duma": { id: "rus-duma", name: "State Duma", kind: "parliament", country: "RUS" },
  "Ali Larijani": { id: "ali-larijani", name: "Ali Larijani", kind: "person", country: "IRN" },
};
const STATES: Record<string, LinkedActor> = { IRN: ACTORS.Iran!, RUS: ACTORS.Russia!, KAZ: { id: "kaz", name: "Kazakhstan", kind: "state" as ActorKind, country: "KAZ" } };

/** Mentions of the names above, found literally (a stand-in for the linker, whose behaviour is tested elsewhere). */
function mentions(text: string, extra: ActorMention[] = []): ActorMention[] {
  const out: ActorMention[] = [...extra];
  const names = Object.keys(ACTORS).sort((a, b) => b.length - a.length);
  const taken = new Set<number>();
  for (const n of names) {
    for (let i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + n.length)) {
      if (taken.has(i)) continue;
      for (let k = i; k < i + n.length; k++) taken.add(k);
      out.push({ start: i, end: i + n.length, text: n, actor: ACTORS[n]! });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const propose = (text: string, extra: ActorMention[] = []) => proposeEvents({ text, mentions: mentions(text, extra) }, { countryActor: (c) => STATES[c] });
const roles = (p: ReturnType<typeof propose>[number]) => Object.fromEntries(p.participants.map((x) => [x.actor.id, x.role]));

describe("proposeEvents", () => {
  it("proposes a dated summit with its venue body, the host of its city and a delegation head", () => {
    const text = "The summit of the Shanghai Cooperation Organisation was held in Astana on 4 July 2024, and an Iranian delegation headed by Ali Larijani attended.";
    const [p, ...rest] = propose(text);
    expect(rest).toEqual([]);
    expect(p!.type).toBe("summit");
    expect(p!.date).toMatchObject({ start: "2024-07-04", precision: "day" });
    expect(p!.place).toMatchObject({ name: "Astana", country: "KAZ" });
    expect(roles(p!)).toEqual({ sco: "venue", kaz: "host", irn: "delegation", "ali-larijani": "delegation-head" });
    expect(text.slice(p!.sentence.start, p!.sentence.end)).toBe(text);
    expect(p!.title).toBe("Summit or conference of heads: Shanghai Cooperation Organisation, Iran, Ali Larijani and others (Astana)");
  });

  it("keeps the date and actors of a scene-setting phrase out of the event", () => {
    const [p] = propose("After the talks of Azerbaijan and Armenia in March 1992, the State Duma ratified the treaty with Iran.");
    expect(p!.type).toBe("ratification");
    expect(p!.date).toBeUndefined();
    expect(p!.participants.map((x) => x.actor.id).sort()).toEqual(["irn", "rus-duma"]);
    expect(roles(p!)["rus-duma"]).toBe("ratifier");
  });

  it("names the mediator and the parties of a mediation, with a month-precision date", () => {
    const [p] = propose("In January 1992, Iran's mediation between Azerbaijan and Armenia led to a ceasefire.");
    expect(p!.type).toBe("mediation");
    expect(p!.date).toMatchObject({ start: "1992-01", precision: "month" });
    expect(roles(p!)).toEqual({ irn: "mediator", aze: "party", arm: "party" });
  });

  it("reads a founding stated by a participle, the body founded as its subject", () => {
    const [p] = propose("Established in 2001 in Shanghai, the Shanghai Cooperation Organisation counts Iran among its members.");
    expect(p!.type).toBe("founding");
    expect(p!.date).toMatchObject({ start: "2001", precision: "year" });
    expect(roles(p!).sco).toBe("subject");
  });

  it("proposes nothing for an event only wished for, possible, or named in general", () => {
    expect(propose("Iran could join the Shanghai Cooperation Organisation in 2030.")).toEqual([]);
    expect(propose("Pursuing the establishment of an assembly of Iran and Russia would help both.")).toEqual([]);
    expect(propose("Cooperation of Iran and Russia includes the ratification of agreements.")).toEqual([]);
  });

  it("reads a reaction to an event as a statement of whoever reacts", () => {
    const [p] = propose("Oman welcomed the talks of Iran and Russia on 3 May 2024.");
    expect(p!.type).toBe("statement");
    expect(p!.trigger.text).toBe("welcomed");
    expect(roles(p!).omn).toBe("sender");
  });

  it("proposes nothing for a denied event or a sentence without an event", () => {
    expect(propose("Iran was unable to join the Shanghai Cooperation Organisation before 2021.")).toEqual([]);
    expect(propose("Iran and Russia are neighbours across the Caspian Sea.")).toEqual([]);
  });

  it("reads signatories, accession and a range date", () => {
    const [signed] = propose("The agreement was signed by Iran and Oman in Muscat on 10 March 2015.");
    expect(signed!.type).toBe("agreement-signed");
    // Oman signs in its own capital: a signatory first (the place is kept on the event).
    expect(roles(signed!)).toEqual({ irn: "signatory", omn: "signatory" });
    expect(signed!.place?.country).toBe("OMN");
    const [joined] = propose("Iran joined the Shanghai Cooperation Organisation as a full member from 16th to 31st August 2023.");
    expect(joined!.type).toBe("accession");
    expect(roles(joined!)).toEqual({ irn: "subject", sco: "venue" });
    expect(joined!.date).toMatchObject({ start: "2023-08-16", end: "2023-08-31" });
  });

  it("reads Persian: a Solar Hijri date, the host city and the body", () => {
    const text = "اجلاس سران سازمان همکاری شانگهای در تهران در ۶ آبان ۱۴۰۴ برگزار شد و روسیه در آن شرکت کرد.";
    const [p] = propose(text);
    expect(p!.type).toBe("summit");
    expect(p!.date).toMatchObject({ start: "2025-10-28", calendar: "solar-hijri" });
    expect(p!.place?.country).toBe("IRN");
    expect(roles(p!)).toEqual({ sco: "venue", irn: "host", rus: "participant" });
  });

  it("reads a Persian accession in the active voice, dated by a Solar Hijri year", () => {
    const [p] = propose("سازمان همکاری شانگهای در سال ۱۴۰۲ عضویت ایران را پذیرفت.");
    expect(p!.type).toBe("accession");
    expect(p!.date).toMatchObject({ start: "2023-03-21", end: "2024-03-19", precision: "year", calendar: "solar-hijri" });
    expect(roles(p!)).toEqual({ sco: "venue", irn: "subject" });
  });

  it("passes ambiguous mentions to the reviewer instead of choosing", () => {
    const text = "The delegation of Iran visited Georgia on 3 May 2019.";
    const g = text.indexOf("Georgia");
    const [p] = propose(text, [
      { start: g, end: g + 7, text: "Georgia", candidates: [{ id: "geo", name: "Georgia", kind: "state", country: "GEO" }, { id: "us-ga", name: "Georgia (U.S. state)", kind: "other" }] },
    ]);
    expect(p!.type).toBe("visit");
    expect(p!.participants.map((x) => x.actor.id)).toEqual(["irn"]);
    expect(p!.unresolved).toEqual([{ start: g, end: g + 7, text: "Georgia", candidates: expect.arrayContaining([expect.objectContaining({ id: "geo" })]) }]);
  });

  it("does not propose the same event twice when the next sentence refers back to it", () => {
    const out = propose("The summit of the Shanghai Cooperation Organisation was held in Astana in 2024. The summit was opened by a speech of Ali Larijani.");
    expect(out.map((p) => p.type)).toEqual(["summit"]);
  });
});

describe("sentences", () => {
  it("keeps a sentence broken across a page break whole, and offsets exact", () => {
    const text = "The summit was inaugurated with the impor-\n\ntant speech of the host. Imam Khomeini (RA). asked for unity. Next one.";
    const s = sentences(text, "en");
    expect(s.map((x) => x.text)).toEqual(["The summit was inaugurated with the impor-\n\ntant speech of the host.", "Imam Khomeini (RA). asked for unity.", "Next one."]);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
  });
});

describe("places table", () => {
  it("finds whole names only, the longest first", () => {
    const finder = new PlaceFinder(loadPlaces());
    expect(finder.find("held in New Delhi and Tehran, not in Tehranis").map((p) => p.name)).toEqual(["New Delhi", "Tehran"]);
    expect(finder.find("در تهران و مسکو").map((p) => p.country)).toEqual(["IRN", "RUS"]);
  });

  it("reports a bad entry with file, line and field", () => {
    const file = join(tmpdir(), `places-${process.pid}.yaml`);
    writeFileSync(file, "- { name: Tehran, country: IRN }\n- { name: Moscow, country: russia }\n");
    expect(() => loadPlaces(file)).toThrow(new RegExp(`${file.replace(/[.]/g, "\\.")}:2: place 2, field country: expected an ISO 3166-1 alpha-3 code`));
  });
});

describe("eventExtractor", () => {
  it("proposes events from the body of a document, none from its references list", async () => {
    const text = [
      "Iran and Oman signed a border agreement in Muscat on 10 March 2015.",
      "",
      "References",
      "",
      "Smith, J. (2010). How Iran and Oman signed agreements in 2009. Journal of Gulf Studies, 3(2), 1–20.",
      "",
      "Jones, K. (2012). Iran met Russia in 2011: a history. London: Routledge.",
      "",
    ].join("\n");
    const doc = { file: "t.md", format: "markdown" as const, text, metadata: {} };
    const linker = { find: (t: string) => mentions(t).map((m) => ({ ...m, candidates: [m.actor!], via: "name" as const, resolution: "unique" as const, confidence: 1 })) };
    const out = await extractPassages(doc, splitPassages(text), createPipeline({ linker, events: eventExtractor({ countryActor: (c) => STATES[c] }) }));
    const events = out.flatMap((p) => p.events);
    expect(events.map((e) => [e.event.type, e.event.date?.start])).toEqual([["agreement-signed", "2015-03-10"]]);
    expect(text.slice(events[0]!.evidence!.start, events[0]!.evidence!.end)).toBe("Iran and Oman signed a border agreement in Muscat on 10 March 2015.");
  });
});
