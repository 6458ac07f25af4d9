// The linker over the repository's gazetteer and Party Facts, without stored actors: tables of passages and what
// each names, checkable by reading them.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@diplograph/model";
import { Linker, loadGazetteer, loadPartyFacts, mentionedCountries, type EntityMention } from "./index.js";

let linker: Linker;
beforeAll(() => {
  linker = Linker.standard();
});

/** "text=id", or "text=?id|id" for a mention left to the reviewer. */
const show = (m: EntityMention) => `${m.text}=${m.actor?.id ?? `?${m.candidates.map((c) => c.id).sort().join("|")}`}`;
const find = (text: string) => linker.find(text).map(show);

describe("names, longest first", () => {
  it.each([
    ["The Islamic Republic of Iran and Russia", ["Islamic Republic of Iran=irn", "Russia=rus"]],
    ["Iran-Russia relations and the Iran–Iraq war", ["Iran=irn", "Russia=rus", "Iran=irn", "Iraq=irq"]],
    ["Iran's foreign policy and Russia’s", ["Iran=irn", "Russia=rus"]],
    ["Sino-Russian and Irano-Turkish ties", ["Sino=chn", "Russian=rus", "Irano=irn", "Turkish=tur"]],
    ["the Democratic Republic of the Congo and Guinea-Bissau", ["Democratic Republic of the Congo=cod", "Guinea-Bissau=gnb"]],
    ["Papua New Guinea, Equatorial Guinea and Guinea", ["Papua New Guinea=png", "Equatorial Guinea=gnq", "Guinea=gin"]],
    ["Türkiye, Turkiye and Turkey", ["Türkiye=tur", "Turkiye=tur", "Turkey=tur"]],
    ["Côte d’Ivoire and Ivory Coast", ["Côte d’Ivoire=civ", "Ivory Coast=civ"]],
    ["the U.S. and the UK", ["U.S.=usa", "UK=gbr"]],
    ["the Soviet Union, the USSR and Soviet troops", ["Soviet Union=soviet-union", "USSR=soviet-union", "Soviet=soviet-union"]],
    ["Burma, Persia and Zaire", ["Burma=mmr", "Persia=irn", "Zaire=cod"]],
    ["the Zionist regime", ["Zionist regime=isr"]],
    ["Iranian, Emirati and Saudi officials", ["Iranian=irn", "Emirati=are", "Saudi=sau"]],
  ])("%s", (text, expected) => {
    expect(find(text)).toEqual(expected);
  });

  it("reports offsets into the original text, with Persian joiners, harakat and kashida inside a name", () => {
    const text = "هیئتِ جمهوریِ اسلامیِ ایـــران در سازمان‌ملل";
    const found = linker.find(text);
    expect(found.map(show)).toEqual(["جمهوریِ اسلامیِ ایـــران=irn", "سازمان‌ملل=un"]);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});

describe("organisations: acronyms are case-sensitive whole words", () => {
  it.each([
    ["The UN and the EU met NATO.", ["UN=un", "EU=eu", "NATO=nato"]],
    ["unanimous, unesco, the Union and un", []],
    ["UNESCO and UN-Habitat", ["UNESCO=unesco", "UN-Habitat=un-habitat"]],
    ["the IPU, APA, PABSEC, IPA CIS, PACE and the OSCE PA", ["IPU=ipu", "APA=apa", "PABSEC=pabsec", "IPA CIS=ipa-cis", "PACE=pace", "OSCE PA=osce-pa"]],
    ["BRICS, the SCO, the EAEU and the CIS", ["BRICS=brics", "SCO=sco", "EAEU=eaeu", "CIS=cis"]],
    ["OPEC+ and OPEC; the G20 and the G-7; the D-8; P5+1", ["OPEC+=opec-plus", "OPEC=opec", "G20=g20", "G-7=g7", "D-8=d8", "P5+1=p5-plus-1"]],
    ["the Baghdad Pact, later CENTO", ["Baghdad Pact=cento", "CENTO=cento"]],
    ["the Collective Security Treaty Organisation and the Organisation for Security and Co-operation in Europe", ["Collective Security Treaty Organisation=csto", "Organisation for Security and Co-operation in Europe=osce"]],
    ["the United Nations Development Program and the Israel Defence Forces", ["United Nations Development Program=undp", "Israel Defence Forces=israel-defense-forces"]],
    ["let us see what the US does", ["US=usa"]],
    ["WHO SAYS THE US WILL ACT", []],
    ["the WHO and the World Health Organization", ["WHO=who", "World Health Organization=who"]],
    ["سازمان همکاری شانگهای، بریکس، اکو و ناتو", ["سازمان همکاری شانگهای=sco", "بریکس=brics", "اکو=eco", "ناتو=nato"]],
    ["آژانس بین‌المللی انرژی اتمی و شورای امنیت سازمان ملل", ["آژانس بین‌المللی انرژی اتمی=iaea", "شورای امنیت سازمان ملل=unsc"]],
  ])("%s", (text, expected) => {
    expect(find(text)).toEqual(expected);
  });
});

describe("precision guards", () => {
  it.each([
    ["turkey, china and the niger river; a guinea fowl", []],
    ["Michael Jordan and Chad Smith", []],
    ["as Holland (2010) and England, 1999 argue; J. Jordan et al. disagree", []],
    ["Jordan, Chad and Georgia signed", ["Jordan=jor", "Chad=tcd", "Georgia=geo"]],
    ["In May the states of the region met in Latin America", []],
    ["the Indian Ocean, the Gulf of Guinea, Lake Chad and the Niger Delta", []],
    ["the post-Soviet space", []],
    ["the South China Sea, the Gulf of Mexico, New England and the States Parties", []],
    ["او بر مواضع خود مصر است و کمک مالی کرد", []],
    ["غنا، مالی و نیجر و کشور بنین", ["غنا=gha", "مالی=mli", "نیجر=ner", "بنین=ben"]],
    ["آمریکای لاتین و آذربایجان شرقی و دریای عمان", []],
    ["هیئت پارلمانی ایران", ["ایران=irn"]],
  ])("%s", (text, expected) => {
    expect(find(text)).toEqual(expected);
  });
});

describe("ambiguity: candidates for the reviewer unless context decides", () => {
  it.each([
    ["Korean and Congolese troops", ["Korean=?kor|prk", "Congolese=?cod|cog"]],
    ["Korea, with Seoul's approval", ["Korea=kor"]],
    ["Sudanese refugees reached Sudan", ["Sudanese=sdn", "Sudan=sdn"]],
    ["Sudanese refugees", ["Sudanese=?sdn|ssd"]],
    ["Georgia's governor spoke in Atlanta", ["Georgia=?geo"]],
    ["the Dominican delegation", ["Dominican=?dma|dom"]],
    ["the Commonwealth summit", ["Commonwealth=?cis|commonwealth"]],
    ["the Commonwealth of Independent States (CIS) and the Commonwealth", ["Commonwealth of Independent States=cis", "CIS=cis", "Commonwealth=cis"]],
    ["the Duma voted", ["Duma=?rus-state-duma"]],
    ["in Moscow the Duma voted", ["Duma=rus-state-duma"]],
    ["Congress and the Senate", ["Congress=?arg-congress|bra-national-congress|mex-congress|phl-congress|usa-congress", "Senate=?aus-senate|can-senate|fra-senate|ita-senate|kaz-senate|pak-senate|usa-senate"]],
    ["the United States Congress; Congress voted", ["United States Congress=usa-congress", "Congress=usa-congress"]],
    ["مجلس این طرح را تصویب کرد", ["مجلس=?irn-parliament"]],
    ["مجلس ایران این طرح را تصویب کرد", ["مجلس ایران=irn-parliament"]],
    ["ایران و مجلس", ["ایران=irn", "مجلس=irn-parliament"]],
  ])("%s", (text, expected) => {
    expect(find(text)).toEqual(expected);
  });

  it("never resolves 'Arab' by context: a list of the Arab League's members", () => {
    const [m] = linker.find("Arab states and Syria");
    expect(m!.actor).toBeUndefined();
    expect(m!.candidates.length).toBe(22);
    expect(m!.resolution).toBe("ambiguous");
  });

  it("resolves 'National Assembly' by the country named beside it or in the passage", () => {
    expect(find("Pakistan's National Assembly")).toEqual(["Pakistan's National Assembly=pak-national-assembly"]);
    expect(find("the National Assembly of Kuwait")).toEqual(["National Assembly of Kuwait=kwt-national-assembly"]);
    expect(find("In Baku, the National Assembly met")).toEqual(["National Assembly=aze-milli-majlis"]);
    expect(linker.find("the National Assembly met")[0]!.candidates.length).toBeGreaterThan(10);
  });

  it("uses the document's context where the passage has none", () => {
    const [first, second] = linker.findInDocument(["The Islamic Republic of Iran and its neighbours.", "The Islamic Republic denied it; the Majlis met."]);
    expect(first!.map(show)).toEqual(["Islamic Republic of Iran=irn"]);
    expect(second!.map(show)).toEqual(["Islamic Republic=irn", "Majlis=irn-parliament"]);
    expect(second![0]!.resolution).toBe("context");
  });
});

describe("parliaments named through their country", () => {
  it.each([
    ["the Turkish parliament", ["Turkish parliament=tur-parliament"]],
    ["Iran's parliament", ["Iran's parliament=irn-parliament"]],
    ["the parliament of Kenya", ["parliament of Kenya=ken-parliament"]],
    ["the Iranian Majlis", ["Iranian Majlis=irn-parliament"]],
    ["Russia's upper house", ["Russia's upper house=rus-federation-council"]],
    ["مجلس ترکیه و پارلمان عراق", ["مجلس ترکیه=tur-parliament", "پارلمان عراق=irq-council-of-representatives"]],
    ["the parliament discussed it", []],
    ["the Knesset, the Bundestag, the State Duma and the National People's Congress", ["Knesset=isr-knesset", "Bundestag=deu-bundestag", "State Duma=rus-state-duma", "National People's Congress=chn-national-peoples-congress"]],
  ])("%s", (text, expected) => {
    expect(find(text)).toEqual(expected);
  });

  it("keeps the country as the mention's inner mention, so the passage still counts it", () => {
    const found = linker.find("The Turkish parliament and the Communist Party of China");
    expect(found.map((m) => m.inner?.map(show))).toEqual([["Turkish=tur"], ["China=chn"]]);
    expect(mentionedCountries(found).sort()).toEqual(["chn", "tur"]);
  });

  it("makes a legislature for a country the gazetteer has none for", () => {
    expect(linker.find("the Malawian parliament")[0]!.actor).toEqual({ id: "mwi-parliament", name: "Parliament of Malawi", kind: "parliament", country: "MWI" });
  });
});

describe("Persian endings and demonyms", () => {
  it.each([
    ["ایرانیان و ایرانی‌ها و عراقی‌ها", ["ایرانیان=irn", "ایرانی‌ها=irn", "عراقی‌ها=irq"]],
    ["مقامات آمریکایی و آلمانی", ["آمریکایی=usa", "آلمانی=deu"]],
    ["همتای ترکیه‌ای و روسی خود", ["ترکیه‌ای=tur", "روسی=rus"]],
    ["سفیر لیبیایی", ["لیبیایی=lby"]],
    ["نهضت‌های آزادی‌بخش", []],
  ])("%s", (text, expected) => {
    expect(find(text)).toEqual(expected);
  });

  it("marks a country read through a Persian ending as a demonym", () => {
    expect(linker.find("دولت عراقی")[0]).toMatchObject({ via: "demonym", actor: { id: "irq" } });
  });
});

describe("Party Facts parties", () => {
  it("reads names in every script, Persian included, and the hand-written Persian names", () => {
    const parties = loadPartyFacts();
    expect(parties.length).toBeGreaterThan(5000);
    const ncp = parties.find((p) => p.partyfacts === 7814)!;
    expect(ncp).toMatchObject({ id: "partyfacts-7814", kind: "party", country: "IRN", name: "National Trust Party" });
    expect(ncp.aliases.map((a) => a.name)).toContain("حزب اعتماد ملی");
    expect(parties.find((p) => p.partyfacts === 6875)!.aliases.map((a) => a.name)).toContain("جبهه مشارکت ایران اسلامی");
    expect(parties.some((p) => p.name === "independent" || p.name === "other")).toBe(false);
  });

  it.each([
    ["حزب اعتماد ملی و حزب توده ایران", ["حزب اعتماد ملی=partyfacts-7814", "حزب توده ایران=partyfacts-4740"]],
    ["جبهه مشارکت ایران اسلامی و جامعه روحانیت مبارز", ["جبهه مشارکت ایران اسلامی=partyfacts-6875", "جامعه روحانیت مبارز=partyfacts-5359"]],
    ["the Communist Party of Vietnam", ["Communist Party of Vietnam=partyfacts-4898"]],
    ["The AKP and the CHP in Turkey", ["AKP=partyfacts-306", "CHP=partyfacts-1060", "Turkey=tur"]],
    ["The AKP and the CHP", []],
    ["Unity, Development and the Forum", []],
  ])("%s", (text, expected) => {
    expect(find(text)).toEqual(expected);
  });
});

describe("stored actors", () => {
  const actor = (a: Partial<Actor> & Pick<Actor, "id" | "kind" | "name">): Actor => ({ aliases: [], externalIds: {}, ...a });
  const stored = [
    actor({ id: "iran", kind: "state", name: "Iran", country: "IRN" }),
    actor({ id: "united-nations", kind: "intergovernmental-organization", name: "United Nations", aliases: [{ name: "ملل متحد", lang: "fa" }] }),
    actor({ id: "ncp", kind: "party", name: "National Trust Party", country: "IRN", externalIds: { partyfacts: 7814 } }),
    actor({ id: "irn-majlis", kind: "parliament", name: "Islamic Consultative Assembly", country: "IRN", aliases: [{ name: "مجلس", lang: "fa", kind: "short" }] }),
    actor({ id: "kh", kind: "person", name: "Ruhollah Khomeini", aliases: [{ name: "Imam Khomeini", lang: "en" }] }),
  ];
  let l: Linker;
  beforeAll(() => {
    l = Linker.build({ actors: stored, gazetteer: loadGazetteer(), parties: loadPartyFacts() });
  });

  it("wins over the gazetteer's entry for the same actor, which adds its names", () => {
    expect(l.find("the Islamic Republic of Iran, the UN and حزب اعتماد ملی").map(show)).toEqual([
      "Islamic Republic of Iran=iran",
      "UN=united-nations",
      "حزب اعتماد ملی=ncp",
    ]);
    expect(l.actor("irn")).toBeUndefined();
    expect(l.actor("partyfacts-7814")).toBeUndefined();
    expect(l.find("Imam Khomeini").map(show)).toEqual(["Imam Khomeini=kh"]);
  });

  it("keeps the gazetteer's context rule on a name the store also gives (Persian «مجلس»)", () => {
    expect(l.find("مجلس تصویب کرد").map(show)).toEqual(["مجلس=?irn-majlis"]);
    expect(l.find("مجلس ایران تصویب کرد").map(show)).toEqual(["مجلس ایران=irn-majlis"]);
  });
});

describe("gazetteer", () => {
  const g = loadGazetteer();

  it("has every ISO country, historical states, 150 organisations and more, and parliaments", () => {
    const kinds = (k: string) => g.entities.filter((e) => e.kind === k).length;
    expect(g.entities.filter((e) => e.kind === "state" && e.country).length).toBe(250);
    expect(g.entities.some((e) => e.id === "soviet-union" && !e.country)).toBe(true);
    expect(g.entities.filter((e) => !["state", "parliament"].includes(e.kind)).length).toBeGreaterThanOrEqual(150);
    expect(kinds("parliament")).toBeGreaterThanOrEqual(80);
    expect(new Set(g.entities.map((e) => e.id)).size).toBe(g.entities.length);
  });

  it("gives an English demonym to every sovereign state", () => {
    const missing = g.entities
      .filter((e) => e.kind === "state" && e.country && !e.territory)
      .filter((e) => !e.aliases.some((a) => a.kind === "demonym" && a.lang === "en"))
      .map((e) => e.country);
    // Guinea and Dominica share theirs (ambiguous); the Holy See has none in use.
    expect(missing.sort()).toEqual(["DMA", "GIN", "VAT"].filter((c) => missing.includes(c)).sort());
    expect(missing.length).toBeLessThanOrEqual(3);
  });

  it("reports a malformed file with its file and field", () => {
    expect(() => loadGazetteer("/nonexistent")).toThrow(/countries\.yaml.*file not found/su);
  });
});
