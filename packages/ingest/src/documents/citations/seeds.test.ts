// Seeds 001 and 002: every references-list entry parsed, every in-text citation found and linked (issue "done when").
// The expectations were written from reading the seeds' lists and text; offsets are checked against the text itself.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analyseCitations } from "./index.js";

const seed = (name: string) => readFileSync(fileURLToPath(new URL(`../../../../../data/seed/documents/${name}.txt`, import.meta.url)), "utf8");

/** [first-author-first family names, year as written, title] for each entry, in list order. */
type RefRow = [string[], string | undefined, string];
/** [offset, citation text, reference id or null for unlinked]. */
type CiteRow = [number, string, string | null];

function check(text: string, refs: RefRow[], cites: CiteRow[]) {
  const a = analyseCitations(text);
  expect(a.references.map((r) => [r.authors.map((p) => p.family ?? p.literal), r.year?.original, r.title])).toEqual(refs);
  for (const r of a.references) expect(text.slice(r.start, r.end)).toBe(r.text);
  expect(a.links.map((l) => [l.citation.start, l.citation.text, l.reference ?? null])).toEqual(cites);
  for (const [at, t] of cites) expect(text.slice(at, at + t.length)).toBe(t);
  // Nothing is ever silently picked: every link is linked to one reference or reports itself.
  for (const l of a.links) expect(l.status === "linked" ? l.candidates.length === 0 && !!l.reference : !l.reference).toBe(true);
  return a;
}

describe("seed 001 (multilateral parliamentary diplomacy, APA with markdown)", () => {
  const text = seed("001_a9b394bd303c974a");
  const refs: RefRow[] = [
    [["Alexeev"], "2022", "Modern Russian parliament: Assessment of political significance according to the results of index analysis"],
    [["Antonova"], "2018", "The legal nature of model laws of the Interparliamentary Assembly of States-Members of the Commonwealth of Independent States"],
    [["Aziz"], "2021", "Parliamentary diplomacy in the system of parliamentary dimensions of international relations"],
    [["Benoit","Rozenberg"], "2020", "Political science approaches to legislatures"],
    [["Christiansen","Groen"], "2019", "Inter-parliamentary cooperation in the European Union: Towards institutionalization?"],
    [["Delavarpour Aghdam"], "2025", "Seventh Development Plan Law and capacities of parliamentary diplomacy"],
    [["Delavarpour Aghdam","Dehghani Firouzabadi"], "2016", "Shortcomings and solutions for strengthening the parliamentary diplomacy of the Islamic Republic of Iran"],
    [["Elasco Puffleau"], "2025", "Parliamentary diplomacy and personal data protection in the digital age: An unexplored opportunity for upholding human rights in the European Union and beyond?"],
    [["Eshonkulov"], "2023", "Inter-parliamentary relations in the modern international political process"],
    [["García Pérez de León","Dumont"], "2020", "Formal approaches to the study of parliaments"],
    [["Haji Mineh","Abedi"], "2021", "Parlomacy in Iran's foreign policy"],
    [["Hosseini","Shirzadi"], "2023", "The role of parliamentary diplomacy in strengthening the national security of the Islamic Republic of Iran"],
    [["Ilyicheva","Lesnikov"], "2025", "Parliamentary diplomacy in ensuring Russia's national interests"],
    [["Kaminska","Kovalov"], "2024", "Parliamentary diplomacy in the European and Asian regions: International legal framework and comparative analysis"],
    [["Mansourian","Akbari"], "2020", "The status and importance of parliamentary diplomacy in the Islamic Republic of Iran"],
    [["Mikhaliyova"], "2023", "Model law-making in the CIS as a legal tool for soft integration and a source of parliamentary diplomacy"],
    [["Nayimo"], "2025", "Parliamentary diplomacy in contemporary international relations"],
    [["Novikov","Bykov"], "2024", "Parliamentary diplomacy of Russia in Central Asia: Current situation and prospects"],
    [["Prokhorenko"], "2020", "Inter-parliamentary institutions in world politics"],
    [["Rasoulizadeh","Khoeini"], "2018", "The way of interaction of the Islamic Consultative Assembly with regional and international parliamentary assemblies"],
    [["Saidamirova"], "2021", "The essence and main tasks of the model legislation of the Inter-Parliamentary Assembly of the Commonwealth of Independent States"],
    [["Savelchev"], "2024", "Conceptualizing parliamentary diplomacy"],
    [["Semenov","Yarmoshevich"], "2024", "Parliamentary diplomacy of Russia on the BRICS platform in 2022–2024"],
    [["Serohin"], "2017", "Inter-parliamentary cooperation: Concept, indicators, principles"],
    [["Shah"], "2025", "Understanding the evolution of public policy and governance"],
    [["Voda"], "2022", "Russia's approach to preventive diplomacy in the Asia-Pacific: Possibilities of parliamentary diplomacy"],
  ];
  const cites: CiteRow[] = [
    [5779, "Mansourian and Akbari Talarpashti (2020)", "mansourian2020"],
    [6284, "Hajimineh and Abedi (2021)", "hajimineh2021"],
    [6730, "Hosseini and Shirzadi (2023)", "hosseini2023"],
    [7082, "Dehghani Firouzabadi and Delavarpour Aghdam (2016)", "delavarpouraghdam2016"],
    [7459, "Rasoulizadeh and Khoeini (2018)", "rasoulizadeh2018"],
    [7728, "Savelchev (2024)", "savelchev2024"],
    [7925, "Eshkunkov (2023)", null],
    [8108, "Aziz (2021)", "aziz2021"],
    [8504, "Serohin (2017)", "serohin2017"],
    [8919, "Prokhorenko (2020)", "prokhorenko2020"],
    [9121, "Alekseev (2022)", "alexeev2022"],
    [10024, "Christiansen, 2019: 31", "christiansen2019"],
    [10115, "García Pérez de León & Dumont, 2020: 332", "garciaperezdeleon2020"],
    [10649, "Christiansen, 2019: 31", "christiansen2019"],
    [11085, "Benoit & Rozenberg, 2020: 213", "benoit2020"],
    [11311, "Shah, 2025: 229", "shah2025"],
    [11744, "Elasco, 2025: 170", "elascopuffleau2025"],
    [19020, "Semenov & Yamoshevich, 2024: 128–136", "semenov2024"],
    [21273, "Voda, 2022: 218", "voda2022"],
    [22821, "Saidamirova, 2021: 177–178", "saidamirova2021"],
    [23635, "Antonova, 2018: 237", "antonova2018"],
    [23928, "Mikhaliyova, 2021: 56", null],
    [24472, "Novikov & Bykov, 2024: 155", "novikov2024"],
    [26041, "Novikov & Bykov, 2024: 156–157", "novikov2024"],
    [26583, "Nayimo, 2025: 436", "nayimo2025"],
    [26824, "Ilyicheva, 2025: 126", "ilyicheva2025"],
    [27327, "Savelchev, 2024: 113", "savelchev2024"],
    [27854, "Kaminska, 2022: 41", null],
    [28027, "Kaminska, 2024: 55", "kaminska2024"],
    [29680, "Delavarpour Aghdam, 2025: 14", "delavarpouraghdam2025"],
  ];
  it("parses all 26 entries and links 27 of 30 citations", () => {
    const a = check(text, refs, cites);
    expect(a.section?.heading).toBe("References");
    expect(a.links.filter((l) => l.status === "linked")).toHaveLength(27);
    expect(a.links.find((l) => l.citation.text === "Dehghani Firouzabadi and Delavarpour Aghdam (2016)")?.match).toEqual({ name: "author-order", year: "same" });
    expect(a.links.find((l) => l.citation.text === "Eshkunkov (2023)")?.near.map((n) => n.reference)).toEqual(["eshonkulov2023"]);
    expect(a.links.find((l) => l.citation.text === "Kaminska, 2022: 41")?.near.map((n) => n.reference)).toEqual(["kaminska2024"]);
  });
  it("reads DOIs from doi.org URLs, volumes, issues and pages, and the [in Persian] notes", () => {
    const a = analyseCitations(text);
    const byId = new Map(a.references.map((r) => [r.id, r]));
    expect(byId.get("alexeev2022")).toMatchObject({ type: "article-journal", doi: "10.18384/2224-0209-2022-2-210", containerTitle: "Russian Social and Humanitarian Journal", issue: "2", pages: "8–37" });
    expect(byId.get("delavarpouraghdam2016")).toMatchObject({ volume: "23", issue: "88", pages: "407–436", language: "fa", containerTitle: "Majlis and Rahbord" });
    expect(byId.get("benoit2020")).toMatchObject({ type: "chapter", place: "Cheltenham", publisher: "Edward Elgar Publishing", containerTitle: "Handbook of parliamentary studies: Interdisciplinary approaches to legislatures" });
    expect(byId.get("benoit2020")?.editors?.map((p) => p.family)).toEqual(["Benoit", "Rozenberg"]);
    expect(byId.get("prokhorenko2020")).toMatchObject({ type: "book", place: "Moscow", publisher: "Imemo Ran" });
    expect(byId.get("eshonkulov2023")?.url).toBe("https://ejird.journalspark.org/index.php/ejird/article/view/661");
  });
  it("does not take dates, the article's own citation line or page-only parentheses for citations", () => {
    const a = analyseCitations(text);
    const texts = a.citations.map((c) => c.text);
    for (const bad of ["28 Dey 1403", "Brazil, June 2025", "Majidi, M. (2025)", "p. 1351"]) expect(texts.some((t) => t.includes(bad))).toBe(false);
  });
});

describe("seed 002 (smart diplomacy, comma style, Solar Hijri years)", () => {
  const text = seed("002_5081e67a68f62e66");
  const refs: RefRow[] = [
    [[], undefined, "Holy Quran"],
    [[], undefined, "The Constitution of the Islamic Republic of Iran"],
    [[], undefined, "Statements of the supreme leader of the revolution"],
    [["Alad Posh","Tutun Chian"], "1372", "Diplomats and Diplomacy"],
    [["Alizadeh","Moradi"], "2013", "The role of the cultural authority of the Islamic Republic of Iran in confronting the cultural invasion from the perspective of Imam Khamenei (Madazleh Al-Ali)"],
    [["Amiri","Kayani"], "2018", "The Discourse of Martyr Qassem Soleimani's Resistance in Diplomacy and International Relations"],
    [["Asarian Nejad","Targhee"], "2007", "Dimensions of Security Environment"],
    [["Azami","Debiri"], "2009", "Analysis of political-security threat elements in Iran's national division system"],
    [["Barnett","Reynolds"], "2009", "Terrorism and the Press: An Uneasy Relationship"],
    [["Dehghani Firozabadi"], "2004", "Structural obstacles to the regional superiority of the Islamic Republic of Iran"],
    [["Dehkhoda"], "1377", "Dictionary of Dehkhoda"],
    [["Fazlinia"], "2008", "Shia ideology, Islamic revolution and Islamic awakening"],
    [["Gharayag Zandi"], "2012", "Principles and Basics of Foreign Policy of the Islamic Republic of Iran: A Survey of Texts"],
    [["Ghasemi"], "2014", "Power dynamics, strategic stalemate and the pattern of war in modern international politics"],
    [["Ghasemi","Lotfian Roknabadi"], "2012", "Impact of Iran's strategic overlapping network on the regional diplomacy of the Islamic Republic of Iran"],
    [["Ghasemi","Rokanabadi Asl"], "2017", "Intelligent Diplomacy and Regional Integration, Islamic World"],
    [["Haji Yousefi"], "2004", "Foreign policy of the Islamic Republic of Iran in the context of regional developments"],
    [["Haji Yousefi"], "1388", "Hilal Shiite; Opportunities and threats for the Islamic Republic of Iran, the Arabs and the United States"],
    [["Haji-Yousefi"], "2018", "Political Culture and Iran`s Foreign Policy: A Comparative Study of Iran`s Foreign Policy during Ahmadinejad and Rouhani"],
    [["Hashmati","Rezaei"], "2018", "The impact of identity insecurity on the spread of neo-terrorism in the Middle East with an emphasis on Iran and Saudi Arabia"],
    [["Khani","Mohammadi Sirat"], "2016", "The practical ratio of national interests and Islamic ideology in the foreign policy of the Islamic Republic of Iran"],
    [["Khomeini"], "1389", "Sahifah Noor"],
    [["Khorasani"], "2017", "The place and role of cultural power in foreign policy and its impact on the global development process"],
    [["Maalouf"], "2015", "Al-Manjad"],
    [["Mahmoudi Kia","Deshhiri"], "2018", "The ratio of pragmatism and ideology in Iran's foreign policy; A strategic or tactical approach"],
    [["Majidi"], "2018", "Personality, Identity and Management Characteristics of Martyr Haj Qasim Soleimani"],
    [["Mohammadi","Molana"], "2007", "Foreign Policy of the Islamic Republic of Iran in Ahmadinejad's Government"],
    [["Moin"], "1388", "Moin Culture"],
    [["Motaghi","Amini"], "2019", "Revolutionary diplomacy in the regional behavior model of Sardar Soleimani"],
    [["Motahari"], "1390", "Collection of Works"],
    [["Mousavinia"], "2013", "The Middle East and the Challenge of Bankrupt Governments from the Perspective of International Security"],
    [["Nakhai"], "1376", "Agreement and conflict between national interests and Islamic interests: a comparative study of the foreign policy of national and Islamic governments"],
    [["Nasr"], "1388", "Knowledge and spirituality"],
    [["Nossel"], "2004", "Smart Power"],
    [["Nye"], "2008", "Public diplomacy and soft power"],
    [["Nye"], "2005", "Soft Power: The Means to Success in World Politics"],
    [["Nye"], "2011", "The Future of Power"],
    [["Pishgahi Fard","Rahmani"], "2013", "Territorialization of Iran and America in the Middle East"],
    [["Ramezani"], "2008", "Analytical framework for examining the foreign policy of the Islamic Republic of Iran"],
    [["Salehnejad"], "2018", "The concept of intelligent power and its role in new politics"],
    [["Sayadi","Sanaei"], "2016", "Geopolitical factors affecting the change in Iran's foreign policy from the West to the East with an emphasis on Russia between 1991-2016"],
    [["Snyder"], "2014", "Contemporary security and strategy"],
    [["Vaezi"], "2007", "Iran's Security Approach in the Peripheral Environment"],
    [["Yazdi","Takbeiri"], "2013", "The effect of smart diplomacy on the political communication of the international system"],
  ];
  const cites: CiteRow[] = [
    [4045, "Heshmati and Rezaii, 1398: 12", null],
    [5629, "Aladpoosh and Tootoonchian, 1372:6", "aladposh1372"],
    [6187, "Dehkhoda, 1377: 21302", "dehkhoda1377"],
    [8926, "Qasemi, Roknabadi, 35: 1396", "ghasemi2017"],
    [9449, "Izadi, Takbiri, 1393: 41", null],
    [10467, "Qasemi, Lotfian, 1392: 119-120", null],
    [11182, "Qasemi, Rokabadi, 30: 1396", "ghasemi2017"],
    [11673, "Nasiri, 1386", null],
    [12510, "Asarian nejad and Targhi, 1387", null],
    [12780, "Karami and Alizade, 1391", null],
    [13707, "Snider, 1384:123", null],
    [14515, "Karami and Alizade, 1391", null],
    [15543, "Vaezi, 1387", null],
    [16415, "Azmi and Debiri, 2009", "azami2009"],
    [17660, "Ghasemi & Roknabadi, 2017: 35", "ghasemi2017"],
    [19214, "Barnett & Reynolds, 2009: 4", "barnett2009"],
    [20350, "Qassemi, 2014: 35", "ghasemi2014"],
    [22283, "Amiri, Kiani, 1398:11-19", null],
    [22927, "Motaghi, Amini, 2019: 91", "motaghi2019"],
    [23438, "Nasr, 2015: 298", null],
    [24719, "Khani and Mohammadi Sirat, 2016: 3", "khani2016"],
    [25569, "Khomeini, 1389: 146/15", "khomeini1389"],
    [25977, "Khomeini,\n\n1389: 20/331", "khomeini1389"],
    [26295, "Motahari, 2010: 65-86", null],
    [26740, "Ramazani, 2016: 58", null],
    [27166, "Haji Yousefi, 2014: 80", null],
    [29918, "Sprout and Sprout, 1960: 145-161", null],
    [30521, "Pishegahi Fard and Rahmani, 2010: 276", null],
    [31266, "Siyadi and Sanai, 2016: 6", "sayadi2016"],
    [31409, "Nye, 2005: 110", "nye2005"],
    [31768, "Haji Yousfi, 1388: 162", "hajiyousefi1388"],
    [32039, "Khorasani, 2007", null],
    [32339, "Nye, 2005: 10", "nye2005"],
    [32670, "Sane & Yia, 2002: 22", null],
    [33312, "Nossel, 2004", "nossel2004"],
    [33787, "Amiri & Kiani, 1398: 9", null],
    [34237, "Majidi, 1398: 8", null],
    [34410, "Motaqi, Amini, 1399: 20", null],
    [35185, "Motaghi & Amini, 1399: 7-9", null],
    [35915, "Motaghi & Amini, 2020: 24", null],
    [36790, "Gharaiaagh Zandi, 1392: 86", null],
    [37529, "Vaez, 1387", null],
    [38351, "Dehghani Firouzabadi, 1384: 51", null],
    [39243, "Nakhai, 1376: 109-112", "nakhai1376"],
    [40045, "Mohammadi and Molana, 1387: 21", null],
  ];
  it("parses all 44 entries and links 18 of 45 citations (the others cite years or names the list does not have)", () => {
    const a = check(text, refs, cites);
    expect(a.links.filter((l) => l.status === "linked")).toHaveLength(18);
    expect(a.links.filter((l) => l.status === "ambiguous")).toHaveLength(0);
  });
  it("marks Solar Hijri years, confirmed by a Tehran imprint or inferred from the range", () => {
    const a = analyseCitations(text);
    const byId = new Map(a.references.map((r) => [r.id, r]));
    expect(byId.get("dehkhoda1377")?.year).toMatchObject({ value: 1377, calendar: "solar-hijri", yearAmbiguous: false, gregorianYears: [1998, 1999] });
    expect(byId.get("hajiyousefi1388")?.year).toMatchObject({ calendar: "solar-hijri", yearAmbiguous: true });
    expect(byId.get("nye2005")?.authors).toEqual([{ family: "Nye", given: "Joseph S.", suffix: "Jr" }]);
    expect(byId.get("pishgahifard2013")?.authors).toEqual([
      { family: "Pishgahi Fard", given: "Zahra" },
      { family: "Rahmani", given: "Mohammad Ali" },
    ]);
    expect(byId.get("azami2009")?.authors.map((p) => [p.family, p.given])).toEqual([["Azami", "Hadi"], ["Debiri", "Ali Akbar"]]);
  });
  it("links across calendars and transliterations, and reads a swapped page and year", () => {
    const a = analyseCitations(text);
    const l = (t: string) => a.links.find((x) => x.citation.text === t)!;
    expect(l("Dehkhoda, 1377: 21302")).toMatchObject({ status: "linked", reference: "dehkhoda1377", match: { name: "exact", year: "same" } });
    expect(l("Dehkhoda, 1377: 21302").citation).toMatchObject({ locator: "21302", year: { calendar: "solar-hijri" } });
    expect(l("Aladpoosh and Tootoonchian, 1372:6").match).toEqual({ name: "variant", year: "same" });
    expect(l("Qasemi, Rokabadi, 30: 1396")).toMatchObject({ reference: "ghasemi2017", match: { name: "variant", year: "converted" } });
    expect(l("Qasemi, Rokabadi, 30: 1396").citation.locator).toBe("30");
    // Two authors cited: the single-author Ghasemi 2014 is not it, and 2012 is not 1392 SH.
    expect(l("Qasemi, Lotfian, 1392: 119-120")).toMatchObject({ status: "unlinked" });
    expect(l("Qasemi, Lotfian, 1392: 119-120").near.map((n) => n.reference)).toContain("ghasemi2012");
  });
});
