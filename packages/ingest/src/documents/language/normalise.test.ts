import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { normaliseForMatching, normaliseName, originalSpan } from "./normalise.js";

const SEEDS = new URL("../../../../../../shared/seeds/", import.meta.url);
const seed = (name: string) => readFileSync(new URL(name, SEEDS), "utf8");

describe("normaliseForMatching", () => {
  it.each([
    ["Türkiye", "turkiye"],
    ["Côte d’Ivoire", "cote d'ivoire"],
    ["İstanbul", "istanbul"],
    ["ﬁnance ＵＮ", "finance un"],
    ["Islamic  Republic\n\nof\tIran", "islamic republic of iran"],
    ["Iran–Russia — “ties”", 'iran-russia - "ties"'],
    ["Iran’s", "iran's"],
    ["Eʿtemād-e Mellī", "e'temad-e melli"],
    ["علي كريمي", "علی کریمی"],
    ["مسئله مؤتلفه", "مسیله موتلفه"],
    ["جامعة الدول العربية", "جامعه الدول العربیه"],
    ["آمریکا امریکا أمريكا", "امریکا امریکا امریکا"],
    ["جبههٔ ملی، خانهٔ احزاب؛ چرا؟", "جبهه ملی, خانه احزاب; چرا?"],
    ["پُشتیبانی تعیّن مأموریت", "پشتیبانی تعین ماموریت"],
    ["ایـــــران", "ایران"],
    ["۱۴۰۳/۱۰/۲۸ و ١٤٠٣", "1403/10/28 و 1403"],
    ["نهضت‌های", "نهضت های"],
    ["نهضت های", "نهضت های"],
    ["کره\u200dای\u200e", "کرهای"],
    ["\u00a0Iran\u00ad", "iran"],
  ])("%j → %j", (input, expected) => {
    expect(normaliseForMatching(input).text.trim()).toBe(expected);
  });

  it("folds ZWNJ and a space alike, so the joined and the spaced Persian spellings are the same words", () => {
    expect(normaliseName("نهضت‌های آزادی‌بخش")).toBe(normaliseName("نهضت های آزادی بخش"));
    expect(normaliseName("بین‌المللی")).toBe(normaliseName("بین المللی"));
  });

  it("maps a span of the normalised text to the original, marks dropped after a letter included", () => {
    const original = "سپاهِ پاسداران و ایـــران";
    const m = normaliseForMatching(original);
    const at = m.text.indexOf("سپاه");
    expect(original.slice(originalSpan(m, at, at + 4).start, originalSpan(m, at, at + 4).end)).toBe("سپاهِ");
    const iran = m.text.indexOf("ایران");
    const span = originalSpan(m, iran, iran + 5);
    expect(original.slice(span.start, span.end)).toBe("ایـــران");
    expect(originalSpan(m, 3, 3)).toEqual({ start: m.starts[3], end: m.starts[3] });
  });

  it("keeps starts and ends in step with the text", () => {
    const m = normaliseForMatching("Ａ\u0301b ﷲ x");
    expect(m.starts.length).toBe(m.text.length + 1);
    expect(m.ends.length).toBe(m.text.length);
    expect(m.starts[m.text.length]).toBe(m.original.length);
    for (let i = 1; i < m.text.length; i++) expect(m.starts[i]!).toBeGreaterThanOrEqual(m.starts[i - 1]!);
  });

  describe.each(["003_9b2c7ee10cd64283.txt", "001_a9b394bd303c974a.txt", "000_2d425690e4073c18.txt"])("round trip on seed %s", (file) => {
    const original = seed(file);
    const m = normaliseForMatching(original);

    it("every word of the normalised text comes from an original slice that normalises to it", () => {
      let checked = 0;
      for (const w of m.text.matchAll(/[\p{L}\p{N}]+/gu)) {
        const { start, end } = originalSpan(m, w.index, w.index + w[0].length);
        expect(normaliseName(original.slice(start, end))).toBe(w[0]);
        checked++;
      }
      expect(checked).toBeGreaterThan(500);
    });

    it("a normalised phrase maps back to the exact original phrase", () => {
      const phrases =
        file.startsWith("003")
          ? ["نیروی قدس سپاه پاسداران انقلاب اسلامی", "پُشتیبانی و حمایت از نهضت های آزادی بخش", "جمهوری اسلامی ایران"]
          : file.startsWith("001")
            ? ["Russian State Duma", "Inter-Parliamentary Assembly of the Commonwealth of Independent States", "Iran’s neighboring countries"]
            : ["Islamic Coalition Party", "women'’s organizations"];
      for (const p of phrases) {
        const at = original.indexOf(p);
        expect(at).toBeGreaterThanOrEqual(0);
        const n = normaliseName(p);
        const k = m.starts.findIndex((s) => s >= at);
        expect(m.text.startsWith(n, k)).toBe(true);
        const span = originalSpan(m, k, k + n.length);
        expect(original.slice(span.start, span.end)).toBe(p);
        expect(span.start).toBe(at);
      }
    });
  });
});
