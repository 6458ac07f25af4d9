// References lists: finding and splitting them, and parsing entries of several styles into records.
import { describe, expect, it } from "vitest";
import { findReferencesSection, parseReference, parseReferences } from "./references.js";
import { readYear } from "./utils.js";

describe("parseReference: styles other than the seeds'", () => {
  const table: Array<[string, string, Record<string, unknown>]> = [
    [
      "APA book",
      "Nye, J. S. (2004). Soft power: The means to success in world politics. New York: PublicAffairs.",
      { id: "nye2004", type: "book", authors: [{ family: "Nye", given: "J. S." }], title: "Soft power: The means to success in world politics", place: "New York", publisher: "PublicAffairs" },
    ],
    [
      "APA, two authors, publisher with a comma",
      "Keohane, R. O., & Nye, J. S. (1977). Power and interdependence: World politics in transition. Boston: Little, Brown.",
      { id: "keohane1977", type: "book", authors: [{ family: "Keohane", given: "R. O." }, { family: "Nye", given: "J. S." }], place: "Boston", publisher: "Little, Brown" },
    ],
    [
      "APA article, et al., year suffix",
      "Sadeghi, M., Rahimi, A., et al. (2015a). Iran's neighbourhood policy. Iranian Review of Foreign Affairs, 6(2), 45–70.",
      { id: "sadeghi2015a", type: "article-journal", etAl: true, containerTitle: "Iranian Review of Foreign Affairs", volume: "6", issue: "2", pages: "45–70" },
    ],
    [
      "Chicago author-date, given-first second author, doi.org URL",
      'Nye, Joseph S., and Robert O. Keohane. 1971. "Transnational Relations and World Politics: An Introduction." International Organization 25 (3): 329–49. https://doi.org/10.1017/S0020818300026187.',
      {
        id: "nye1971",
        type: "article-journal",
        authors: [{ family: "Nye", given: "Joseph S." }, { family: "Keohane", given: "Robert O." }],
        title: "Transnational Relations and World Politics: An Introduction",
        containerTitle: "International Organization",
        volume: "25",
        issue: "3",
        pages: "329–49",
        doi: "10.1017/S0020818300026187",
      },
    ],
    [
      "Chicago notes-bibliography, year after the issue",
      'Putnam, Robert D. "Diplomacy and Domestic Politics: The Logic of Two-Level Games." International Organization 42, no. 3 (1988): 427–60.',
      { id: "putnam1988", type: "article-journal", title: "Diplomacy and Domestic Politics: The Logic of Two-Level Games", containerTitle: "International Organization", volume: "42", issue: "3", pages: "427–60" },
    ],
    [
      "IEEE, numbered, given-first initials",
      '[1] J. S. Nye and R. O. Keohane, "Transnational relations and world politics," Int. Organ., vol. 25, no. 3, pp. 329–349, 1971.',
      { id: "nye1971", label: "1", authors: [{ family: "Nye", given: "J. S." }, { family: "Keohane", given: "R. O." }], title: "Transnational relations and world politics", volume: "25", issue: "3", pages: "329–349" },
    ],
    [
      "Persian script, Solar Hijri in Persian digits",
      "دهخدا، علی‌اکبر (۱۳۷۷). لغت‌نامه. تهران: دانشگاه تهران.",
      { type: "book", authors: [{ family: "دهخدا", given: "علی‌اکبر" }], title: "لغت‌نامه", place: "تهران", publisher: "دانشگاه تهران", language: "fa" },
    ],
    [
      "Persian script article, two authors joined by و",
      "دهقانی فیروزآبادی، سید جلال و قاسمی، فرهاد (۱۳۸۹). «دیپلماسی پارلمانی». فصلنامه سیاست خارجی، ۲۴(۳)، ۵۵–۸۰.",
      {
        type: "article-journal",
        authors: [{ family: "دهقانی فیروزآبادی", given: "سید جلال" }, { family: "قاسمی", given: "فرهاد" }],
        title: "دیپلماسی پارلمانی",
        containerTitle: "فصلنامه سیاست خارجی",
        volume: "24",
        issue: "3",
        pages: "55–80",
      },
    ],
    [
      "corporate author, report",
      "World Bank. (2020). World development report 2020: Trading for development in the age of global value chains. Washington, DC: World Bank. https://doi.org/10.1596/978-1-4648-1457-0",
      { id: "worldbank2020", authors: [{ literal: "World Bank" }], publisher: "World Bank", doi: "10.1596/978-1-4648-1457-0" },
    ],
    [
      "thesis",
      "Smith, A. (2019). Parliamentary diplomacy in the Caucasus (Doctoral dissertation, University of Oxford). Retrieved from https://ora.ox.ac.uk/objects/uuid:1234",
      { type: "thesis", title: "Parliamentary diplomacy in the Caucasus", publisher: "University of Oxford", url: "https://ora.ox.ac.uk/objects/uuid:1234" },
    ],
    [
      "webpage of a body",
      "Inter-Parliamentary Union. (2023, March 3). Annual report 2022. https://www.ipu.org/resources/annual-report-2022",
      { authors: [{ literal: "Inter-Parliamentary Union" }], title: "Annual report 2022", url: "https://www.ipu.org/resources/annual-report-2022" },
    ],
    [
      "chapter with editors",
      "Stavridis, S. (2017). Parliamentary diplomacy. In S. Stavridis & D. Jančić (Eds.), Parliamentary diplomacy in European and global governance (pp. 35–60). Leiden: Brill.",
      { type: "chapter", editors: [{ family: "Stavridis", given: "S." }, { family: "Jančić", given: "D." }], containerTitle: "Parliamentary diplomacy in European and global governance", pages: "35–60", place: "Leiden", publisher: "Brill" },
    ],
    [
      "no year",
      "Holy Quran",
      { id: "holyqurannd", authors: [], title: "Holy Quran", warnings: ["no year"] },
    ],
  ];
  it.each(table)("%s", (_name, entry, expected) => {
    expect(parseReference(entry)).toMatchObject(expected);
  });

  it("keeps the Solar Hijri year and its Gregorian span, marked ambiguous only without evidence", () => {
    expect(parseReference("دهخدا، علی‌اکبر (۱۳۷۷). لغت‌نامه. تهران: دانشگاه تهران.").year).toEqual({
      original: "۱۳۷۷",
      value: 1377,
      calendar: "solar-hijri",
      yearAmbiguous: false,
      gregorianYears: [1998, 1999],
      gregorian: { start: "1998-03-21", end: "1999-03-20" },
    });
    const muqaddimah = parseReference("Ibn Khaldun (1377). The Muqaddimah. Translated by F. Rosenthal. Princeton: Princeton University Press, 1958.");
    expect(muqaddimah.year).toMatchObject({ calendar: "solar-hijri", yearAmbiguous: true });
    expect(muqaddimah.warnings[0]).toMatch(/read as Solar Hijri/);
    expect(muqaddimah.translators).toEqual([{ family: "Rosenthal", given: "F." }]);
    expect(parseReference("Smith, J. (1380 SH). Title. Qom: X.").year).toMatchObject({ value: 1380, calendar: "solar-hijri", yearAmbiguous: false });
  });
});

describe("readYear", () => {
  const table: Array<[string, object | undefined]> = [
    ["2005", { value: 2005, calendar: "gregorian", yearAmbiguous: false, gregorianYears: [2005] }],
    ["2005b", { value: 2005, suffix: "b", calendar: "gregorian" }],
    ["1398", { value: 1398, calendar: "solar-hijri", yearAmbiguous: true, gregorianYears: [2019, 2020] }],
    ["۱۴۰۳", { value: 1403, calendar: "solar-hijri", yearAmbiguous: false, gregorianYears: [2024, 2025] }],
    ["1450", { value: 1450, calendar: "gregorian", yearAmbiguous: true }],
    ["0999", undefined],
    ["12345", undefined],
  ];
  it.each(table)("%s", (raw, expected) => {
    if (expected === undefined) expect(readYear(raw)).toBeUndefined();
    else expect(readYear(raw)).toMatchObject(expected);
  });
});

describe("findReferencesSection", () => {
  it("joins entries wrapped over several lines with hanging indents (a PDF text layer)", () => {
    const text = [
      "Body text cites (Nye, 2004).",
      "",
      "Bibliography",
      "Keohane, R. O. (1984). After hegemony: Cooperation and discord in the world",
      "    political economy. Princeton: Princeton University Press.",
      "Nye, J. S. (2004). Soft power: The means to success in world politics. New",
      "    York: PublicAffairs.",
      "12",
      "Putnam, R. D. (1988). Diplomacy and domestic politics: The logic of two-level",
      "    games. International Organization, 42(3), 427–460.",
      "",
      "Appendix",
      "Table 1 (2005) is not a reference.",
    ].join("\n");
    const s = findReferencesSection(text)!;
    expect(s.heading).toBe("Bibliography");
    expect(s.entries).toHaveLength(3);
    expect(s.entries.map((e) => text.slice(e.start, e.end))).toEqual(s.entries.map((e) => e.text));
    const refs = parseReferences(s);
    expect(refs.map((r) => r.title)).toEqual([
      "After hegemony: Cooperation and discord in the world political economy",
      "Soft power: The means to success in world politics",
      "Diplomacy and domestic politics: The logic of two-level games",
    ]);
    expect(refs[1]).toMatchObject({ place: "New York", publisher: "PublicAffairs" });
    expect(s.end).toBe(text.indexOf("427–460.") + "427–460.".length);
  });

  it("splits numbered lists whose wrapped lines start with capitals, under a Persian heading", () => {
    const text = [
      "متن مقاله",
      "",
      "فهرست منابع",
      "1. Nye, J. S. (2004). Soft power: The means to success in world politics.",
      "New York: PublicAffairs.",
      "2. دهخدا، علی‌اکبر (۱۳۷۷). لغت‌نامه. تهران: دانشگاه تهران.",
    ].join("\n");
    const s = findReferencesSection(text)!;
    expect(s.heading).toBe("فهرست منابع");
    expect(s.entries.map((e) => e.label)).toEqual(["1", "2"]);
    expect(s.entries[0]!.text).toBe("Nye, J. S. (2004). Soft power: The means to success in world politics.\nNew York: PublicAffairs.");
    const refs = parseReferences(s);
    expect(refs.map((r) => r.id)).toEqual(["nye2004", "dhkhda1377"]);
    expect(refs[0]!.publisher).toBe("PublicAffairs");
  });

  it("takes one line per entry in a dense list, and gives duplicate keys a number", () => {
    const text = "References\nNye, J. S. (2004). Soft power. New York: PublicAffairs.\nNye, J. S. (2004). Power in the global information age. London: Routledge.\n";
    const refs = parseReferences(findReferencesSection(text)!);
    expect(refs.map((r) => r.id)).toEqual(["nye2004", "nye2004-2"]);
  });

  it("finds nothing without a heading and entries", () => {
    expect(findReferencesSection("No references here.\n\nSources\nsay that the talks went well.")).toBeUndefined();
  });
});
