// Language of a passage: the script of its letters first, then Persian against Arabic (and Urdu) by the letters and
// words only one of them uses, Russian against other Cyrillic languages by theirs, and Latin-script languages by
// scores of their commonest words. "und" when the evidence is too thin or split. Pure and fast: one pass per text.

/** A guess with how sure it is: the share of the winning evidence (0–1). */
export interface LanguageGuess {
  /** ISO 639-1 code, or "und" (undetermined). */
  language: string;
  confidence: number;
}

export interface DetectOptions {
  /** Fewer letters than this give "und". Default 3. */
  minLetters?: number;
}

type Script = "latin" | "arabic" | "cyrillic" | "greek" | "hebrew" | "armenian" | "georgian" | "devanagari" | "thai" | "hangul" | "kana" | "han";

/** Languages told by their script alone. */
const SCRIPT_LANGUAGE: Partial<Record<Script, string>> = { greek: "el", hebrew: "he", armenian: "hy", georgian: "ka", devanagari: "hi", thai: "th", hangul: "ko", kana: "ja", han: "zh" };

function scriptOf(c: number): Script | undefined {
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? "latin" : undefined;
  if (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) return "latin";
  if (c >= 0x1e00 && c <= 0x1eff) return "latin";
  if (c >= 0x370 && c <= 0x3ff) return "greek";
  if (c >= 0x400 && c <= 0x52f) return "cyrillic";
  if (c >= 0x531 && c <= 0x58f) return "armenian";
  if (c >= 0x5d0 && c <= 0x5ff) return "hebrew";
  if ((c >= 0x620 && c <= 0x64a) || (c >= 0x66e && c <= 0x6d3) || (c >= 0x6fa && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc)) return "arabic";
  if (c >= 0x900 && c <= 0x97f) return "devanagari";
  if (c >= 0xe00 && c <= 0xe7f) return "thai";
  if (c >= 0x10a0 && c <= 0x10ff) return "georgian";
  if (c >= 0x3040 && c <= 0x30ff) return "kana";
  if (c >= 0x4e00 && c <= 0x9fff) return "han";
  if (c >= 0xac00 && c <= 0xd7af) return "hangul";
  return undefined;
}

/** Letters only Persian writes (پ چ ژ گ, keheh ک, Farsi yeh ی) and only Arabic writes (ة, Arabic yeh ي, kaf ك, ى, أ إ ؤ). */
const PERSIAN_LETTERS = new Set([0x67e, 0x686, 0x698, 0x6af, 0x6a9, 0x6cc]);
const ARABIC_LETTERS = new Set([0x629, 0x64a, 0x643, 0x649, 0x623, 0x625, 0x624]);
const URDU_LETTERS = new Set([0x6d2, 0x679, 0x688, 0x691, 0x6ba, 0x6be]);

const words = (s: string) => new Set(s.split(" "));
const PERSIAN_WORDS = words("و در به از که این را با است برای آن یک تا بر می هم شده شود کرد های ها اند نیز خود ایران باید");
const ARABIC_WORDS = words("في من على إلى التي الذي أن هذا هذه عن مع كان قد لا ما هو هي بين ذلك كل عند");

/** The commonest function words of Latin-script languages: distinct enough that two or three hits decide. */
const LATIN_WORDS: Record<string, Set<string>> = {
  en: words("the of and to in is that for with as was on by are this be from at which it have has an were their its been not also or"),
  fr: words("le la les des et est une du dans que pour pas sur au qui par avec sont ce cette aux ont été"),
  de: words("der die und das ist nicht zu den von mit sich des auf für im dem ein eine auch wird sind"),
  es: words("el la los las del que en por con una para es se su al lo como más pero sus fue"),
  it: words("il di che la della per non una sono con del le gli alla dei nel è anche"),
  pt: words("o a os que de do da em para com uma não por mais dos das ao se foi são"),
  nl: words("de het een van en is dat op te zijn met voor niet aan er ook door"),
  tr: words("ve bir bu da de ile için olarak olan gibi daha çok en ise ama sonra"),
};
const LATIN = Object.entries(LATIN_WORDS);

/** Cyrillic letters that only some languages use: Ukrainian і ї є ґ, Serbian and Macedonian ђ ћ џ љ њ ј ѓ ќ ѕ, Russian ы э ё. */
const UKRAINIAN = new Set([0x456, 0x457, 0x454, 0x491]);
const SERBIAN = new Set([0x452, 0x45b, 0x45f, 0x459, 0x45a, 0x458, 0x453, 0x45c, 0x455]);
const RUSSIAN = new Set([0x44b, 0x44d, 0x451]);

/** Upper-case Cyrillic to lower case: Ѐ–Џ (+0x50), А–Я (+0x20), Ґ. */
function foldCyrillic(c: number): number {
  if (c >= 0x400 && c <= 0x40f) return c + 0x50;
  if (c >= 0x410 && c <= 0x42f) return c + 0x20;
  return c === 0x490 ? 0x491 : c;
}

const WORD = /[\p{L}\p{M}\u200c]+/gu;

/** The language of `text` with its confidence; "und" with 0 when unsure. */
export function guessLanguage(text: string, options: DetectOptions = {}): LanguageGuess {
  const counts = new Map<Script, number>();
  let letters = 0;
  let fa = 0;
  let ar = 0;
  let ur = 0;
  let uk = 0;
  let sr = 0;
  let ru = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const s = scriptOf(c);
    if (!s) continue;
    letters++;
    counts.set(s, (counts.get(s) ?? 0) + 1);
    if (s === "arabic") {
      if (PERSIAN_LETTERS.has(c)) fa++;
      else if (ARABIC_LETTERS.has(c)) ar++;
      else if (URDU_LETTERS.has(c)) ur++;
    } else if (s === "cyrillic") {
      const l = foldCyrillic(c);
      if (UKRAINIAN.has(l)) uk++;
      else if (SERBIAN.has(l)) sr++;
      else if (RUSSIAN.has(l)) ru++;
    }
  }
  const und: LanguageGuess = { language: "und", confidence: 0 };
  if (letters < (options.minLetters ?? 3)) return und;
  let top: Script | undefined;
  let topN = 0;
  for (const [s, n] of counts) if (n > topN) (top = s), (topN = n);
  const share = topN / letters;
  // Mixed scripts with no clear majority (a Persian sentence quoting an English title) stay undetermined.
  if (!top || share < 0.6) return und;

  if (top === "arabic") {
    const tokens = text.match(WORD) ?? [];
    let faWords = 0;
    let arWords = 0;
    let article = 0;
    for (const t of tokens) {
      if (PERSIAN_WORDS.has(t)) faWords++;
      if (ARABIC_WORDS.has(t)) arWords++;
      if (t.length > 3 && t.startsWith("ال")) article++;
    }
    const faScore = fa + 3 * faWords;
    const arScore = ar + 3 * arWords + article;
    if (ur > 0 && ur * 2 >= fa) return { language: "ur", confidence: share * 0.8 };
    if (faScore === 0 && arScore === 0) return und;
    const best = Math.max(faScore, arScore);
    const confidence = share * (best / (faScore + arScore));
    if (confidence < 0.55) return und;
    return { language: faScore >= arScore ? "fa" : "ar", confidence };
  }
  if (top === "cyrillic") {
    if (uk > 0 && uk >= ru) return { language: "uk", confidence: share * 0.9 };
    if (sr > 0 && sr >= ru) return { language: "sr", confidence: share * 0.9 };
    return { language: "ru", confidence: share * (ru > 0 ? 0.95 : 0.75) };
  }
  if (top === "latin") {
    const tokens = (text.toLowerCase().match(WORD) ?? []) as string[];
    const scores = LATIN.map(([lang, set]) => {
      let n = 0;
      for (const t of tokens) if (set.has(t)) n++;
      return [lang, n] as const;
    }).sort((a, b) => b[1] - a[1]);
    const [first, second] = scores;
    const [lang, n] = first!;
    const runnerUp = second?.[1] ?? 0;
    // Two hits and half as many again as the runner-up (French and Italian share "la", "le"); a heading of three
    // words with one "of" is no evidence of English.
    if (n >= 2 && n >= runnerUp * 1.5) {
      return { language: lang, confidence: share * (n / (n + runnerUp)) * (n >= 3 ? 1 : 0.8) };
    }
    return und;
  }
  const lang = SCRIPT_LANGUAGE[top];
  return lang ? { language: lang, confidence: share } : und;
}

/** The language of `text` (ISO 639-1), or "und" when unsure. */
export function detectLanguage(text: string, options?: DetectOptions): string {
  return guessLanguage(text, options).language;
}
