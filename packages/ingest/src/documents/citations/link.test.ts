// Linking citations to records: names folded and transliterated, years across calendars, ambiguity kept.
import { describe, expect, it } from "vitest";
import { findInTextCitations } from "./intext.js";
import { linkCitations, matchName } from "./link.js";
import { parseReference } from "./references.js";
import { nameSkeleton } from "./utils.js";

const refs = [
  "Nye, J. S. (2004). Soft power. New York: PublicAffairs.",
  "Nye, J. S. (2011). The future of power. New York: PublicAffairs.",
  "Dehkhodā, A. A. (1377). Loghatnameh. Tehran: Tehran University Press.",
  "Ghasemi, F. (2014). Power dynamics. Journal of Defense Policy, 24(93), 9–49.",
  "Ghasemi, F., & Lotfian, Z. (2012). Strategic networks. Iranian Journal of International Politics, 1(2), 1–20.",
  "Smith, A. (2010a). First paper. Journal A, 1(1), 1–2.",
  "Smith, A. (2010b). Second paper. Journal B, 1(1), 1–2.",
  "Brown, B., & Green, G. (2015). One. Journal C, 1(1), 1–2.",
  "Brown, B. (2015). Two. Journal D, 1(1), 1–2.",
  "Keohane, R. O. (1984). After hegemony. Princeton: Princeton University Press.",
  "Keohane, R. (1984). After hegemony (reprint). Princeton: Princeton University Press.",
  "دهخدا، علی‌اکبر (۱۳۷۷). لغت‌نامه. تهران: دانشگاه تهران.",
].map((e) => parseReference(e));
refs.forEach((r, i) => (r.id = `r${i}`));

const link = (text: string) => linkCitations(findInTextCitations(text), refs).map((l) => ({ status: l.status, reference: l.reference, match: l.match, candidates: l.candidates }));

describe("linkCitations", () => {
  const table: Array<[string, string, object]> = [
    ["same name and year", "(Nye, 2004: 5)", { status: "linked", reference: "r0", match: { name: "exact", year: "same" } }],
    ["year picks among one author's works", "Nye (2011)", { status: "linked", reference: "r1" }],
    ["diacritics folded", "(Dehkhoda, 1377: 21302)", { status: "linked", reference: "r2", match: { name: "exact", year: "same" } }],
    ["Solar Hijri year cited, Gregorian listed", "(Nye, 1383)", { status: "linked", reference: "r0", match: { name: "exact", year: "converted" } }],
    ["Gregorian year cited, Solar Hijri listed", "(Dehkhoda, 1998)", { status: "linked", reference: "r2", match: { year: "converted" } }],
    ["transliteration variant", "(Qasemi, 2014: 35)", { status: "linked", reference: "r3", match: { name: "variant", year: "same" } }],
    ["two cited authors rule out a single-author work", "(Ghasemi and Lotfian, 2012)", { status: "linked", reference: "r4" }],
    ["suffix tells works apart", "(Smith, 2010b)", { status: "linked", reference: "r6" }],
    ["no suffix: both kept", "(Smith, 2010)", { status: "ambiguous", candidates: ["r5", "r6"] }],
    ["author count tells works apart", "(Brown, 2015)", { status: "linked", reference: "r8" }],
    ["second author tells works apart", "(Brown and Green, 2015)", { status: "linked", reference: "r7" }],
    ["equal candidates stay ambiguous", "(Keohane, 1984)", { status: "ambiguous", candidates: ["r9", "r10"] }],
    ["Persian script", "(دهخدا، ۱۳۷۷)", { status: "linked", reference: "r11" }],
    ["unknown author", "(Waltz, 1979)", { status: "unlinked", candidates: [] }],
  ];
  it.each(table)("%s", (_name, text, expected) => {
    expect(link(text)[0]).toMatchObject(expected);
  });

  it("suggests near misses for an unlinked citation without linking it", () => {
    const [l] = linkCitations(findInTextCitations("(Nye, 2005)"), refs);
    expect(l!.status).toBe("unlinked");
    expect(l!.near).toEqual([{ reference: "r0", reason: "same first author, year 2004 for cited 2005" }]);
  });
});

describe("name matching", () => {
  const table: Array<[string, string, string | undefined]> = [
    ["Dehkhoda", "Dehkhodā", "exact"],
    ["Hajimineh", "Haji Mineh", "exact"],
    ["Haji Yousefi", "Haji-Yousefi", "exact"],
    ["Qasemi", "Ghasemi", "variant"],
    ["Aladpoosh", "Alad Posh", "variant"],
    ["Alekseev", "Alexeev", "variant"],
    ["Siyadi", "Sayadi", "variant"],
    ["Elasco", "Elasco Puffleau", "partial"],
    ["علي", "علی", "exact"],
    ["Nye", "Keohane", undefined],
    ["Pérez", "García Pérez de León", undefined],
  ];
  it.each(table)("%s ~ %s", (a, b, expected) => {
    expect(matchName(a, b)).toBe(expected);
  });
  it("skeletons fold digraphs and vowels", () => {
    expect(nameSkeleton("Firouzabadi")).toBe(nameSkeleton("Firozabadi"));
    expect(nameSkeleton("Kayani")).toBe(nameSkeleton("Kiani"));
  });
});
