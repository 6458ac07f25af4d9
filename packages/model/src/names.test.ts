import { describe, expect, it } from "vitest";
import { normalizeName } from "./names.js";
import { countryName, isIso3 } from "./countries.js";

describe("normalizeName", () => {
  it.each([
    // Arabic yeh and kaf, as Persian typed on Arabic keyboards has them, fold to the Persian letters.
    ["مجلس شوراي اسلامي", "مجلس شورای اسلامی"],
    ["كميسيون", "کمیسیون"],
    // A zero-width non-joiner folds like a space.
    ["اتحادیه\u200cبین\u200cالمجالس", "اتحادیه بین المجالس"],
    // Persian and Arabic-Indic digits become ASCII digits.
    ["۱۴۰۳", "1403"],
    ["١٤٠٣", "1403"],
    // Arabic diacritics (harakat), tatweel and teh marbuta.
    ["مُقاوَمَة", "مقاومه"],
    ["مجـــلس", "مجلس"],
    // Latin: case, diacritics, punctuation and spacing.
    ["Inter-Parliamentary Union", "inter parliamentary union"],
    ["Türkiye", "turkiye"],
    ["  Ḥezb-e  Eʿtemād ", "hezb e eʿtemad"],
    ["U.N. Security Council", "u n security council"],
  ])("%s folds to %s", (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });
});

describe("countries", () => {
  it.each([
    ["IRN", "Iran", "ایران"],
    ["RUS", "Russia", "روسیه"],
  ])("%s is %s (%s)", (code, en, fa) => {
    expect(isIso3(code)).toBe(true);
    expect(countryName(code)).toBe(en);
    expect(countryName(code, "fa")).toBe(fa);
  });
  it.each(["irn", "XXX", "IR", "IRAN"])("%s is not an ISO 3166-1 alpha-3 code", (code) => {
    expect(isIso3(code)).toBe(false);
  });
});
