import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { splitPassages } from "../passages/index.js";
import { detectLanguage, guessLanguage } from "./index.js";

const SEEDS = new URL("../../../../../../shared/seeds/", import.meta.url);
const seed = (name: string) => readFileSync(new URL(name, SEEDS), "utf8");

describe("detectLanguage", () => {
  it.each([
    ["The Islamic Republic of Iran entered the regional and global equations as a third force.", "en"],
    ["دیپلماسی نهضتی در سیاست خارجی جمهوری اسلامی ایران نقش مهمی ایفا نموده است.", "fa"],
    ["وقد أكدت الحكومة في بيانها على أن هذه الخطوة تأتي في إطار التعاون بين البلدين.", "ar"],
    ["Межпарламентская ассамблея государств — участников Содружества Независимых Государств была создана в 1992 году.", "ru"],
    ["Верховна Рада України ухвалила закон про міжнародні договори.", "uk"],
    ["La politique étrangère de la France est définie par le président et le gouvernement.", "fr"],
    ["Die Außenpolitik der Bundesrepublik wird von der Regierung und dem Parlament bestimmt.", "de"],
    ["La política exterior de los países de la región se basa en el diálogo.", "es"],
    ["Η Βουλή των Ελλήνων ενέκρινε τη συμφωνία.", "el"],
    // Too little or too mixed to say.
    ["12", "und"],
    ["Introduction", "und"],
    ["Research Background", "und"],
    ["Iran ایران Россия", "und"],
  ])("%s → %s", (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it("tells Persian from Arabic by the letters only one of them writes, without any stop word", () => {
    expect(detectLanguage("پژوهشگاه گفتگو چشم‌انداز")).toBe("fa");
    expect(detectLanguage("مدرسة الحكمة الكبيرة")).toBe("ar");
  });

  it("gives a confidence between 0 and 1, and 0 for und", () => {
    const g = guessLanguage("The parliament of Iran and the parliament of Russia have signed it.");
    expect(g.language).toBe("en");
    expect(g.confidence).toBeGreaterThan(0.5);
    expect(g.confidence).toBeLessThanOrEqual(1);
    expect(guessLanguage("—")).toEqual({ language: "und", confidence: 0 });
  });
});

describe("languages of the seed passages", () => {
  it("seed 003: the Persian abstract is fa, the English title and abstract en", () => {
    const text = seed("003_9b2c7ee10cd64283.txt");
    const ps = splitPassages(text);
    expect(ps.map((p) => p.language)).toEqual(["fa", "en", "en"]);
  });

  it("seed 004: every passage is English", () => {
    const ps = splitPassages(seed("004_40f7615d4fa621a5.part1.txt"));
    expect(new Set(ps.map((p) => p.language))).toEqual(new Set(["en"]));
  });

  it("seeds 000–002: no paragraph of body text is detected as anything but English", () => {
    for (const name of ["000_2d425690e4073c18.txt", "001_a9b394bd303c974a.txt", "002_5081e67a68f62e66.txt"]) {
      const text = seed(name);
      const long = splitPassages(text).filter((p) => p.kind === "paragraph" && p.end - p.start > 300);
      expect(long.length).toBeGreaterThan(5);
      for (const p of long) expect([name, p.start, p.language]).toEqual([name, p.start, "en"]);
    }
  });

  it("generated mixed text: each passage gets its own language", () => {
    const fa = seed("003_9b2c7ee10cd64283.txt").split("\n")[0]!.slice(0, 400);
    const en = "The Asian Parliamentary Assembly was established in 2006 as the successor of the Association of Asian Parliaments for Peace.";
    const ru = "Парламентская ассамблея Организации Договора о коллективной безопасности была учреждена в 2006 году.";
    const text = [en, fa, ru, en, fa].join("\n\n");
    expect(splitPassages(text).map((p) => p.language)).toEqual(["en", "fa", "ru", "en", "fa"]);
  });
});
