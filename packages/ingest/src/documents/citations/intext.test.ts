// In-text citations: what is found (with offsets, names, years and locators) and what is not a citation.
import { describe, expect, it } from "vitest";
import { findInTextCitations } from "./intext.js";
import { parseReference } from "./references.js";

const pick = (text: string) =>
  findInTextCitations(text).map((c) => ({ text: c.text, kind: c.kind, authors: c.authors, etAl: c.etAl, year: c.year.original, calendar: c.year.calendar, locator: c.locator, prefix: c.prefix }));

describe("findInTextCitations", () => {
  const table: Array<[string, string, object[]]> = [
    ["APA page with colon", "Power is relational (Nye, 2005: 110).", [{ text: "Nye, 2005: 110", kind: "parenthetical", authors: ["Nye"], year: "2005", calendar: "gregorian", locator: "110" }]],
    ["Harvard with p.", "Power is relational (Nye 2005, p. 110).", [{ text: "Nye 2005, p. 110", authors: ["Nye"], locator: "p. 110" }]],
    ["two authors with and", "as shown (Kohkan and Gorji, 2016: 121).", [{ text: "Kohkan and Gorji, 2016: 121", authors: ["Kohkan", "Gorji"], locator: "121" }]],
    ["line break inside", "parties (Shamsi and\nNabi, 2012: 114)", [{ text: "Shamsi and\nNabi, 2012: 114", authors: ["Shamsi", "Nabi"] }]],
    ["Solar Hijri year", "in the dictionary (Dehkhoda, 1377: 21302).", [{ authors: ["Dehkhoda"], year: "1377", calendar: "solar-hijri", locator: "21302" }]],
    [
      "several in one parenthesis, et al., suffix, prefix",
      "(see Nye, 2004; Keohane et al., 1998b, pp. 3–5; Smith & Jones 2010)",
      [
        { text: "Nye, 2004", authors: ["Nye"], prefix: "see" },
        { text: "Keohane et al., 1998b, pp. 3–5", authors: ["Keohane"], etAl: true, year: "1998b", locator: "pp. 3–5" },
        { text: "Smith & Jones 2010", authors: ["Smith", "Jones"] },
      ],
    ],
    ["comma-separated authors", "(Amiri, Kiani, 1398:11-19)", [{ authors: ["Amiri", "Kiani"], year: "1398", locator: "11-19" }]],
    ["multi-word and particle names", "(García Pérez de León & Dumont, 2020: 332)", [{ authors: ["García Pérez de León", "Dumont"] }]],
    ["narrative", "Nye (2005) argues that", [{ text: "Nye (2005)", kind: "narrative", authors: ["Nye"], year: "2005" }]],
    ["narrative, two authors after a clause", "In Iran, Mansourian and Akbari (2020) show", [{ text: "Mansourian and Akbari (2020)", authors: ["Mansourian", "Akbari"] }]],
    ["narrative, three authors with serial comma", "Smith, Jones, and Brown (2010) disagree.", [{ authors: ["Smith", "Jones", "Brown"] }]],
    [
      "narrative with two years",
      "Nye et al. (2005a, 2005b) add",
      [
        { kind: "narrative", etAl: true, year: "2005a" },
        { kind: "narrative", etAl: true, year: "2005b" },
      ],
    ],
    ["narrative with a locator", "According to Nye (2005, p. 12), power", [{ text: "Nye (2005, p. 12)", locator: "p. 12" }]],
    ["Persian", "به گفته دهخدا (دهخدا، ۱۳۷۷: ۲۱۳۰۲) چنین است.", [{ text: "دهخدا، ۱۳۷۷: ۲۱۳۰۲", authors: ["دهخدا"], year: "۱۳۷۷", calendar: "solar-hijri", locator: "۲۱۳۰۲" }]],
    ["Persian, two authors", "(دهقانی فیروزآبادی و قاسمی، ۱۳۸۹)", [{ authors: ["دهقانی فیروزآبادی", "قاسمی"], year: "۱۳۸۹" }]],
    ["page and year swapped", "(Qasemi, Rokabadi, 30: 1396)", [{ authors: ["Qasemi", "Rokabadi"], year: "1396", locator: "30" }]],
  ];
  it.each(table)("%s", (_name, text, expected) => {
    const found = pick(text);
    expect(found).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(found[i]).toMatchObject(e));
  });

  const notCitations: Array<[string, string]> = [
    ["a bare year", "the war ended (2006) after"],
    ["an acronym", "the Asian Parliamentary Assembly (APA) met"],
    ["a Solar Hijri date", "signed in Moscow on January 17, 2025 (28 Dey 1403)"],
    ["a year range", "the war in Bosnia (1991–1995) ended"],
    ["a place and a month", "the BRICS Parliamentary Assembly (Brazil, June 2025)"],
    ["a dated statement", "(statements of the Supreme Leader of the Revolution, 02/26/2014)"],
    ["a noun phrase", "the Treaty of Lisbon (2007) changed"],
    ["a country", "sanctions on Iran (2018) were"],
    ["initials before a year", "Cite this article: Khademi, Gh. & Majidi, M. (2025)."],
    ["a page alone", "state diplomacy (p. 1351)."],
    ["no date", "(Nye, n.d.)"],
  ];
  it.each(notCitations)("not a citation: %s", (_name, text) => {
    expect(pick(text)).toEqual([]);
  });

  it("gives offsets into the original text and its parenthesis", () => {
    const text = "Power (Nye, 2005: 110; Keohane, 1984) and Nye (2011).";
    const cs = findInTextCitations(text);
    expect(cs.map((c) => [c.start, c.end, text.slice(c.start, c.end), text.slice(c.group.start, c.group.end)])).toEqual([
      [7, 21, "Nye, 2005: 110", "(Nye, 2005: 110; Keohane, 1984)"],
      [23, 36, "Keohane, 1984", "(Nye, 2005: 110; Keohane, 1984)"],
      [42, 52, "Nye (2011)", "Nye (2011)"],
    ]);
  });

  it("skips the references list, and finds Persian narrative citations by the list's names", () => {
    const entry = "دهخدا، علی‌اکبر (۱۳۷۷). لغت‌نامه. تهران: دانشگاه تهران.";
    const text = `چنان که دهخدا (۱۳۷۷) می‌گوید.\n\nمنابع\n${entry}`;
    const at = text.indexOf(entry);
    const ref = parseReference({ start: at, end: at + entry.length, text: entry });
    const cs = findInTextCitations(text, [ref]);
    expect(cs.map((c) => [c.text, c.kind, c.authors])).toEqual([["دهخدا (۱۳۷۷)", "narrative", ["دهخدا"]]]);
  });
});
