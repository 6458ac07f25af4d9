// The linker on the seed documents, against the seed dataset's actors as stored (imported into a temporary SQLite
// file): the Persian abstract of seed 003 read by hand, and a hand-labelled gold set of English and Persian
// passages scored for precision and recall.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Store } from "@diplograph/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDataset } from "../../dataset/import.js";
import { Linker, mentionedCountries, type EntityMention } from "./index.js";

const SEEDS = new URL("../../../../../../shared/seeds/", import.meta.url);
const SEED_DATASET = fileURLToPath(new URL("../../../../../data/seed/", import.meta.url));
const seedText = (name: string) => readFileSync(new URL(name, SEEDS), "utf8");

// first and last words) and Persian passages written for the test, with the countries and organisations each names.
// Labelled by reading the text: a country counts when the passage names it (name, short form, demonym, a source term
// such as "Zionist regime"), not when it names only a city (Tehran, Moscow) or a region ("post-Soviet");
// organisations are named actors of every kind but states, persons and governments, parliaments included. Ids are
// the seed dataset's where it has the actor, the gazetteer's otherwise.

interface GoldPassage {
  /** Seed file, or undefined for a passage written for the test. */
  seed?: string;
  /** The passage, from these words … */
  from: string;
  /** … to these (inclusive); for a written passage, `from` is the whole text. */
  to?: string;
  countries: string[];
  orgs: string[];
}

const S000 = "000_2d425690e4073c18.txt";
const S001 = "001_a9b394bd303c974a.txt";
const S002 = "002_5081e67a68f62e66.txt";
const S003 = "003_9b2c7ee10cd64283.txt";
const S004 = "004_40f7615d4fa621a5.part1.txt";

const GOLD: GoldPassage[] = [
  // ------------------------------------------------------------------ seed 000: party diplomacy (English, OCR)
  { seed: S000, from: "In this article, we seek", to: "in Iran's foreign policy?", countries: ["irn"], orgs: [] },
  {
    seed: S000,
    from: "Published reportsindicate",
    to: "on trips to Iran.",
    countries: ["irn"],
    orgs: ["irn-islamic-coalition-party", "irn-islamic-iran-participation-front", "irn-national-trust-party", "irn-house-of-parties"],
  },
  { seed: S000, from: "China, as one of the largest", to: "with parties around the world.", countries: ["chn"], orgs: ["chn-communist-party"] },
  { seed: S000, from: "or Turkey, after the Justice", to: "regional foreign policy", countries: ["tur"], orgs: ["tur-justice-and-development-party"] },
  {
    seed: S000,
    from: "foreign relations of a small number of parties",
    to: "most of all the Islamic Coalition Party.",
    countries: [],
    orgs: ["irn-islamic-iran-participation-front", "irn-national-trust-party", "irn-workers-house", "irn-islamic-coalition-party"],
  },
  { seed: S000, from: "During the 11th government", to: "during this period.", countries: ["chn", "sau"], orgs: ["irn-national-trust-party"] },
  {
    seed: S000,
    from: "The\nsending of special messages",
    to: "National Trust Party\nCongress",
    countries: ["syr", "irq"],
    orgs: ["syr-baath-party", "irq-patriotic-union-of-kurdistan", "irn-national-trust-party"],
  },
  { seed: S000, from: "In recent years, it has had foreign relations", to: "around the world.", countries: [], orgs: [] },
  { seed: S000, from: "By accepting the premise", to: "it can be said that", countries: ["irn"], orgs: [] },

  // ------------------------------------------------------------------ seed 001: parliamentary diplomacy, Iran and Russia
  { seed: S001, from: "Multilateral Parliamentary Diplomacy between", to: "Development Prospects", countries: ["irn", "rus"], orgs: [] },
  { seed: S001, from: "1. Corresponding Author", to: "Tehran, Iran.", countries: ["irn"], orgs: [] },
  { seed: S001, from: "In this regard, the Islamic Republic of Iran and the Russian Federation are among", to: "parliamentary assemblies.", countries: ["irn", "rus"], orgs: [] },
  { seed: S001, from: "Since the formation of the English Parliament", to: "continuously evolved.", countries: [], orgs: [] },
  { seed: S001, from: "Similarly, Hajimineh and Abedi", to: "an established and growing component of", countries: ["irn"], orgs: [] },
  { seed: S001, from: "These include the absence of clear legislation", to: "Islamic Consultative Assembly (p. 123).", countries: [], orgs: ["irn-parliament"] },
  { seed: S001, from: "In line with these perspectives", to: "complement to state diplomacy (p. 1351).", countries: ["irn"], orgs: ["irn-parliament"] },
  { seed: S001, from: "Aziz (2021) further notes", to: "geopolitical conflicts.", countries: ["rus"], orgs: [] },
  { seed: S001, from: "Similarly, Prokhorenko (2020)", to: "post-Soviet space.", countries: ["rus"], orgs: [] },
  { seed: S001, from: "Despite the skepticism among some Iranian scholars", to: "are undeniable.", countries: ["irn", "rus"], orgs: [] },
  {
    seed: S001,
    from: "For instance, both parliaments have approved",
    to: "Moldova, and Cuba.",
    countries: ["irn", "blr", "kaz", "rus", "kgz", "arm", "uzb", "mda", "cub"],
    orgs: ["eaeu"],
  },
  { seed: S001, from: "The Parliamentary Friendship Group between", to: "visits between senior officials.", countries: ["irn", "rus"], orgs: ["irn-parliament", "rus-state-duma"] },
  { seed: S001, from: "Established in 1889 and headquartered in Geneva", to: "10 associate members.", countries: [], orgs: ["ipu"] },
  { seed: S001, from: "cooperates with UN bodies", to: "significantly in recent years.", countries: ["irn", "rus"], orgs: ["un", "ipu"] },
  { seed: S001, from: "The Asian Parliamentary Assembly (APA)", to: "sustainable development.", countries: [], orgs: ["apa", "aapp"] },
  { seed: S001, from: "Given that Iran was among its founding members", to: "eastern parliamentary orientation.", countries: ["irn", "rus"], orgs: ["apa", "ipa-cis", "cis"] },
  {
    seed: S001,
    from: "The first session was held in Moscow",
    to: "Ethiopia, and Indonesia.",
    countries: ["rus", "bra", "ind", "chn", "zaf", "irn", "are", "egy", "eth", "idn"],
    orgs: ["brics"],
  },
  { seed: S001, from: "The 11th BRICS Parliamentary Assembly", to: "shared national interests", countries: ["bra", "irn", "rus"], orgs: ["brics-pa"] },
  { seed: S001, from: "This forum was created as a step", to: "foreign parliaments.", countries: ["rus"], orgs: ["rus-federal-assembly"] },
  { seed: S001, from: "The most prominent example of regional cooperation", to: "(IPA CIS).", countries: [], orgs: ["cis", "ipa-cis"] },
  {
    seed: S001,
    from: "The current members of the Inter-Parliamentary Assembly of the CIS",
    to: "events as a guest.",
    countries: ["aze", "arm", "blr", "kaz", "kgz", "rus", "tjk", "uzb", "tkm"],
    orgs: ["ipa-cis"],
  },
  {
    seed: S001,
    from: "The Parliamentary Assembly of the Collective Security Treaty Organization (CSTO PA) was established",
    to: "Russia, and Tajikistan.",
    countries: ["arm", "blr", "kaz", "kgz", "rus", "tjk"],
    orgs: ["csto-pa", "cis", "csto"],
  },
  { seed: S001, from: "Following an amendment to the CSTO Charter", to: "except Kazakhstan.", countries: ["kaz"], orgs: ["csto", "csto-pa"] },
  { seed: S001, from: "Such an assessment can be particularly instructive", to: "parliamentary mechanisms.", countries: ["irn"], orgs: ["irn-parliament"] },
  {
    seed: S001,
    from: "As a preliminary step, meetings may be organized",
    to: "Collective Security Treaty Organization.",
    countries: [],
    orgs: ["ipu", "apa", "ipa-cis", "csto-pa"],
  },

  // ------------------------------------------------------------------ seed 002: smart diplomacy
  { seed: S002, from: "During the years of commanding", to: "\"smart diplomacy.\"", countries: [], orgs: ["irgc-qods-force"] },
  { seed: S002, from: "The policy of exporting the revolution", to: "following the Islamic revolution.", countries: ["irq", "syr", "irn"], orgs: [] },
  { seed: S002, from: "In other words, nowadays, due to the support", to: "region of West Asia", countries: ["usa"], orgs: [] },
  { seed: S002, from: "The dissolution of the Soviet Union was", to: "North of Iran (Nasiri, 1386).", countries: ["soviet-union", "irn"], orgs: [] },
  { seed: S002, from: "1. Propagation of Iranophobia", to: "the United States or NATO;", countries: ["usa"], orgs: ["nato"] },
  { seed: S002, from: "- 2- Cooperation, interaction and mutual consultation", to: "Türkiye and Saudi Arabia.", countries: ["irn", "tur", "sau"], orgs: [] },
  { seed: S002, from: "6- The existence of fragile states", to: "(Afghanistan, Pakistan, etc.", countries: ["irn", "afg", "pak"], orgs: [] },
  { seed: S002, from: "finds examples in his support", to: "Iraq, and Yemen.", countries: ["pse", "lbn", "syr", "irq", "yem"], orgs: [] },
  {
    seed: S002,
    from: "Despite repeated pronouncements from the United Nations Security Council",
    to: "in Palestine and Lebanon.",
    countries: ["isr", "usa", "pse", "lbn"],
    orgs: ["unsc"],
  },
  { seed: S002, from: "It turned the policy of establishing good relations", to: "with the West and Israel.", countries: ["usa", "isr"], orgs: [] },
  { seed: S002, from: "The Islamic Republic of Iran's serious confrontation", to: "(ISIL) is a continuation", countries: ["irn", "irq"], orgs: ["isis"] },
  { seed: S002, from: "It is certain that Martyr Soleimani", to: "the Zionist regime and the United States.", countries: ["isr", "usa"], orgs: ["irgc-qods-force"] },
  { seed: S002, from: "One of the most pivotal achievements", to: "military force within Syria.", countries: ["syr"], orgs: [] },

  // ------------------------------------------------------------------ seed 003: movement diplomacy (Persian and English abstracts)
  { seed: S003, from: "دیپلماسی نهضتی در سیاست خارجی جمهوری", to: "ایفا نموده است.", countries: ["irn"], orgs: [] },
  { seed: S003, from: "چنین نقشی در بستر قانون اساسی", to: "در سراسر جهان است؛", countries: [], orgs: ["irgc-qods-force"] },
  { seed: S003, from: "با این وجود به نظر می رسد", to: "طراحی و تدوین نشده است.", countries: ["irn"], orgs: [] },
  { seed: S003, from: "روش پژوهش به لحاظ نوع تحقیق", to: "روش کیفی است.", countries: [], orgs: [] },
  { seed: S003, from: "نتیجه نهایی تحقیق این است", to: "مدیریت و اجرا می گردد.", countries: ["irn"], orgs: ["axis-of-resistance"] },
  { seed: S003, from: "Diplomacy of Movements and the Foreign Policy", to: "Forthcoming Problems", countries: ["irn"], orgs: [] },
  { seed: S003, from: "Notifying such a role in the Iranian constitution", to: "all around the world.", countries: ["irn"], orgs: ["irgc-qods-force"] },
  { seed: S003, from: "However, after four decades", to: "scientific measures properly.", countries: ["irn"], orgs: [] },

  // ------------------------------------------------------------------ seed 004: achievements (items 1-20)
  { seed: S004, from: "By: Mohsen Pak Aein", to: "the Republic of Azerbaijan", countries: ["irn", "zmb", "uzb", "tha", "aze"], orgs: [] },
  { seed: S004, from: "1 - The Islamic Revolution of Iran", to: "victory of the Islamic Revolution.", countries: ["irn", "pse", "isr"], orgs: [] },
  { seed: S004, from: "2 - By Stopping the sale", to: "independence of this country.", countries: ["irn", "zaf", "nam"], orgs: ["swapo"] },
  { seed: S004, from: "3 - Stopping Iran's oil supplies", to: "Muslims in the Philippines.", countries: ["irn", "phl"], orgs: ["moro-liberation-movement"] },
  { seed: S004, from: "4 - Before the victory of the revolution", to: "in the Non-Aligned Movement.", countries: ["irn", "lka"], orgs: ["cento", "nam-movement"] },
  {
    seed: S004,
    from: "5 - Before the Soviet attack",
    to: "territorial integrity of its country.",
    countries: ["soviet-union", "afg", "irn"],
    orgs: ["afghan-mujahideen", "afg-united-front-of-the-islamic-revolution"],
  },
  { seed: S004, from: "7 - In the sixth meeting", to: "from Baghdad to New Delhi.", countries: ["irn"], orgs: ["nam-movement"] },
  { seed: S004, from: "8 - Before the victory", to: "twenty-six missions.", countries: ["irn", "zaf", "ago", "zwe", "moz", "tza", "nam", "zmb"], orgs: [] },
  {
    seed: S004,
    from: "13 Following the collapse of the Soviet Union",
    to: "of the member countries.",
    countries: ["soviet-union", "irn", "afg", "aze", "kaz", "tkm", "kgz", "uzb", "tjk"],
    orgs: ["eco"],
  },
  { seed: S004, from: "14 In January 1992", to: "former Soviet Union republics.", countries: ["irn", "aze", "arm", "soviet-union"], orgs: [] },
  { seed: S004, from: "16 Following the escalation", to: "peace was established in Tajikistan.", countries: ["tjk", "irn", "rus"], orgs: ["united-tajik-opposition"] },
  { seed: S004, from: "17 After the victory", to: "with regard to Lebanon.", countries: ["irn", "lbn", "isr"], orgs: ["hezbollah"] },
  { seed: S004, from: "18 Acceptance of the Resolution 598", to: "occupied by the Ba'athist army.", countries: ["irq", "irn"], orgs: ["unsc"] },
  { seed: S004, from: "19 The 8th Summit", to: "in the UN Security Council.", countries: ["irn"], orgs: ["unsc"] },
  { seed: S004, from: "20 Having a strategic view", to: "unity among Muslims.", countries: [], orgs: ["world-forum-for-proximity-of-islamic-schools-of-thought"] },

  // ------------------------------------------------------------------ Persian passages written for this test (news style)
  { from: "وزیر امور خارجه ایران در سفر به مسکو با همتای روسی خود درباره همکاری‌های دوجانبه و تحولات سوریه گفتگو کرد.", countries: ["irn", "rus", "syr"], orgs: [] },
  { from: "نشست سران سازمان همکاری شانگهای با حضور رؤسای جمهور چین، روسیه، هند و پاکستان در آستانه برگزار شد.", countries: ["chn", "rus", "ind", "pak"], orgs: ["sco"] },
  { from: "مجلس شورای اسلامی لایحه عضویت ایران در بریکس را تصویب کرد.", countries: ["irn"], orgs: ["irn-parliament", "brics"] },
  { from: "رئیس مجلس در دیدار با سفیر عراق بر گسترش روابط پارلمانی تأکید کرد.", countries: ["irq"], orgs: ["irn-parliament"] },
  { from: "آژانس بین‌المللی انرژی اتمی و اتحادیه اروپا از توافق میان تهران و واشنگتن استقبال کردند.", countries: [], orgs: ["iaea", "eu"] },
  { from: "ناتو و آمریکا در نشست بروکسل درباره اوکراین و افغانستان رایزنی کردند.", countries: ["usa", "ukr", "afg"], orgs: ["nato"] },
  { from: "جنبش انصارالله یمن و حزب‌الله لبنان از محور مقاومت حمایت کردند.", countries: ["yem", "lbn"], orgs: ["ansarallah", "hezbollah", "axis-of-resistance"] },
  { from: "کشورهای عضو اکو شامل ترکیه، پاکستان، افغانستان، آذربایجان و کشورهای آسیای مرکزی هستند.", countries: ["tur", "pak", "afg", "aze"], orgs: ["eco"] },
  { from: "حزب مؤتلفه اسلامی با ۲۲۰ حزب از ۵۲ کشور جهان رابطه دارد.", countries: [], orgs: ["irn-islamic-coalition-party"] },
  { from: "سازمان ملل متحد و شورای امنیت درباره برنامه هسته‌ای کره شمالی بیانیه صادر کردند.", countries: ["prk"], orgs: ["un", "unsc"] },
  { from: "مردم ایران و عراق در راهپیمایی اربعین شرکت کردند و کمک‌های مالی زیادی ارسال شد.", countries: ["irn", "irq"], orgs: [] },
  { from: "روابط ایران و عربستان سعودی پس از میانجیگری چین از سر گرفته شد.", countries: ["irn", "sau", "chn"], orgs: [] },
  { from: "هیئت پارلمانی ایران در نشست مجمع پارلمانی آسیایی و اتحادیه بین‌المجالس در ژنو شرکت کرد.", countries: ["irn"], orgs: ["apa", "ipu"] },
  { from: "دولت‌های اروپایی و کشورهای عربی حاشیه خلیج فارس درباره امنیت دریایی گفتگو کردند.", countries: [], orgs: [] },
];

/** The passage a gold entry denotes in its seed's text. */
function goldText(g: GoldPassage, seedText: string | undefined): string {
  if (!g.seed || !seedText) return g.from;
  const start = seedText.indexOf(g.from);
  if (start < 0) throw new Error(`gold: "${g.from}" not in ${g.seed}`);
  const end = seedText.indexOf(g.to ?? g.from, start);
  if (end < 0) throw new Error(`gold: "${g.to}" not after "${g.from}" in ${g.seed}`);
  return seedText.slice(start, end + (g.to ?? g.from).length);
}

/** Kinds scored as organisations: every named actor but states, persons and governments. */
const ORG_KINDS = new Set(["intergovernmental-organization", "parliamentary-assembly", "forum", "movement", "armed-force", "party", "parliament", "other", "ministry"]);

let dir: string;
let store: Store;
let linker: Linker;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "dg-entities-"));
  store = await Store.open(join(dir, "seed.sqlite"));
  await importDataset(store, SEED_DATASET, { display: (p) => p });
  linker = await Linker.fromStore(store);
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const show = (m: EntityMention) => `${m.text}=${m.actor?.id ?? `?${m.candidates.map((c) => c.id).join("|")}`}`;

describe("seed 003: the Persian abstract, against the seed actors", () => {
  it("links each actor the first paragraph names, and nothing else", () => {
    const text = seedText(S003);
    const abstract = text.slice(0, text.indexOf("\n"));
    const found = linker.findInDocument([abstract])[0]!;
    // Read by hand: the Islamic Republic of Iran (twice), the IRGC's Quds Force, "the Islamic Republic" system
    // (نظام جمهوری اسلامی, Iran by the document's context) and the axis of resistance (محور مقاومت).
    expect(found.map(show)).toEqual([
      "جمهوری اسلامی ایران=irn",
      "نیروی قدس سپاه پاسداران انقلاب اسلامی=irgc-qods-force",
      "جمهوری اسلامی=irn",
      "جمهوری اسلامی ایران=irn",
      "محور مقاومت=axis-of-resistance",
    ]);
    for (const m of found) expect(abstract.slice(m.start, m.end)).toBe(m.text);
    expect(found[1]!.resolution).toBe("unique");
    expect(found[2]!.resolution).toBe("context");
  });

  it("leaves «جمهوری اسلامی» alone a list of candidates when nothing names Iran", () => {
    const [m] = linker.find("این موضوع پس از چهار دهه از تشکیل نظام جمهوری اسلامی مطرح شد.");
    expect(m!.actor).toBeUndefined();
    expect(m!.candidates.map((c) => c.id).sort()).toEqual(["afg", "irn", "mrt", "pak"]);
  });
});

describe("stored actors win over the gazetteer", () => {
  it.each([
    ["The Islamic Consultative Assembly and the Majlis of Iran", "Islamic Consultative Assembly=irn-parliament"],
    ["the Non-Aligned Movement (NAM)", "Non-Aligned Movement=nam-movement"],
    ["the Quds Force", "Quds Force=irgc-qods-force"],
    ["حزب مؤتلفه اسلامی", "حزب مؤتلفه اسلامی=irn-islamic-coalition-party"],
    ["the Organisation of the Islamic Conference", "Organisation of the Islamic Conference=oic"],
    ["the Federation Council of Russia", "Federation Council of Russia=rus-federation-council"],
  ])("%s", (text, expected) => {
    expect(linker.find(text).map(show)[0]).toBe(expected);
  });

  it("links a Party Facts party to the stored actor with its Party Facts id", () => {
    expect(linker.actor("irn-islamic-coalition-party")).toMatchObject({ kind: "party", country: "IRN" });
    expect(linker.actor("partyfacts-7818")).toBeUndefined();
    expect(linker.find("حزب اعتماد ملی و ائتلاف آبادگران ایران اسلامی").map(show)).toEqual(["حزب اعتماد ملی=irn-national-trust-party", "ائتلاف آبادگران ایران اسلامی=partyfacts-6053"]);
  });
});

describe("gold set: countries and organisations per passage", () => {
  const texts = new Map<string, string>();
  const text = (g: GoldPassage) => {
    if (g.seed && !texts.has(g.seed)) texts.set(g.seed, seedText(g.seed));
    return goldText(g, g.seed ? texts.get(g.seed) : undefined);
  };

  it("has 60 passages or more, every one found in its seed", () => {
    expect(GOLD.length).toBeGreaterThanOrEqual(60);
    for (const g of GOLD) expect(text(g).length).toBeGreaterThan(10);
  });

  it("finds countries with recall ≥ 0.95 and precision ≥ 0.9, organisations with recall ≥ 0.85", () => {
    // Each seed is one document: its paragraphs give the context that resolves what a passage leaves open.
    const context = new Map<string, ReturnType<Linker["documentContext"]>>();
    const score = { countries: { tp: 0, fp: 0, fn: 0 }, orgs: { tp: 0, fp: 0, fn: 0 } };
    const misses: string[] = [];
    for (const g of GOLD) {
      if (g.seed && !context.has(g.seed)) context.set(g.seed, linker.documentContext(seedText(g.seed).split(/\n\s*\n/u)));
      const found = linker.find(text(g), g.seed ? { context: context.get(g.seed)! } : {});
      const got = {
        countries: new Set(mentionedCountries(found)),
        orgs: new Set(found.flatMap((m) => (m.actor && ORG_KINDS.has(m.actor.kind) ? [m.actor.id] : []))),
      };
      for (const cat of ["countries", "orgs"] as const) {
        const want = new Set(g[cat]);
        for (const id of got[cat]) if (want.has(id)) score[cat].tp++; else { score[cat].fp++; misses.push(`+${id} in "${g.from.slice(0, 40)}"`); }
        for (const id of want) if (!got[cat].has(id)) { score[cat].fn++; misses.push(`-${id} in "${g.from.slice(0, 40)}"`); }
      }
    }
    const pr = (s: { tp: number; fp: number; fn: number }) => ({ precision: s.tp / (s.tp + s.fp), recall: s.tp / (s.tp + s.fn) });
    const countries = pr(score.countries);
    const orgs = pr(score.orgs);
    console.log(`gold set (${GOLD.length} passages): countries P=${countries.precision.toFixed(3)} R=${countries.recall.toFixed(3)} (${score.countries.tp} found), organisations P=${orgs.precision.toFixed(3)} R=${orgs.recall.toFixed(3)} (${score.orgs.tp} found)\n  ${misses.join("\n  ")}`);
    expect(countries.recall).toBeGreaterThanOrEqual(0.95);
    expect(countries.precision).toBeGreaterThanOrEqual(0.9);
    expect(orgs.recall).toBeGreaterThanOrEqual(0.85);
    expect(orgs.precision).toBeGreaterThanOrEqual(0.85);
  });
});
