// Author lists of references: "Nye, J. S., & Keohane, R. O.", "Amiri, Soroush, Kayani, Javad", «دهخدا، علی‌اکبر».
import type { PersonName } from "./types.js";

const fold = (w: string) =>
  w
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[.’'`\u200c-]/g, "");

/**
 * Common given names and honorifics (Persian in Latin and Persian script, Arabic, English, Russian). They decide
 * the order of a name written without a comma ("Azami Hadi", "Mohammad Ali Rahmani"); a name not listed is still
 * read, with `orderUncertain` set.
 */
const GIVEN = new Set(
  `ali mohammad mohammed muhammad mohamad hassan hasan hossein hosein husain hussein reza alireza javad jawad hadi amir
  zahra fatemeh fatima maryam saleh akbar aliakbar farhad soroush davood davoud dawood mahmoud mahmood morteza mortaza
  hamid ruhollah rouhollah mojtaba mojtabi jalal mehdi mahdi ahmad ahmed abbas ebrahim ibrahim ismail esmaeil nasser
  naser majid saeed said saeid masoud massoud mostafa mustafa karim rahim hamed hamidreza mohammadreza mohsen mohsin
  manouchehr manuchehr nafiseh hamideh leila leyla sara sarah narges somayeh zeinab mina shirin parvin mansour mansur
  kazem kamal jamal jafar ja'far bahram dariush darius cyrus kourosh babak behrouz behzad bijan amin yousef yusuf
  yaser yasser hamza omid navid vahid majed ardeshir ardeshtir jahanbakhsh insha abdollah abdullah abdolrahim
  gholamreza gholam gholamali asghar mohammadali mohammadjavad seyed seyyed sayed sayyed seyyedeh seyedeh sayyid mir
  haj hajj sheikh shaykh mulla mullah
  john james robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark paul
  steven andrew kenneth george edward brian ronald kevin jason jeffrey ryan jacob gary nicholas eric stephen jonathan
  larry justin scott brandon benjamin samuel frank gregory raymond alexander patrick jack dennis jerry peter henry
  mary patricia jennifer linda elizabeth barbara susan jessica karen nancy lisa margaret betty sandra ashley
  dorothy kimberly emily donna michelle carol amanda melissa deborah stephanie rebecca laura sharon cynthia kathleen
  amy brooke anne anna helen ruth suzanne susanne craig louis luis alan allan martin hans jean pierre marie carlos
  juan jose maria francesco giovanni
  alexei alexey aleksei aleksandr alexander sergei sergey dmitry dmitri ivan igor vladimir nikolai andrei andrey
  mikhail yuri oleg pavel viktor boris natalia natalya olga tatiana tatyana irina elena svetlana lyudmila
  علی محمد حسن حسین رضا علیرضا جواد هادی امیر زهرا فاطمه مریم صالح اکبر علی‌اکبر فرهاد سروش داوود محمود مرتضی حمید
  روح‌الله مجتبی جلال مهدی احمد عباس ابراهیم اسماعیل ناصر مجید سعید مسعود مصطفی کریم رحیم حامد محسن منوچهر نفیسه
  سید سیده میر حاج شیخ`
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => fold(w)),
);

const ORG = /\b(?:university|universit[éa]|ministry|organi[sz]ation|union|bank|nations|council|institute|center|centre|agency|office|committee|parliament|assembly|government|department|press|association|foundation|commission|secretariat|bureau|company|corporation|group|forum|service|library|academy|society|court|program(?:me)?|fund|network|federation|league|authority|agency|staff)\b|سازمان|وزارت|مجلس|دانشگاه|مرکز|مؤسسه|موسسه|پژوهشگاه|دفتر|کمیسیون|اداره|بنیاد|انجمن|شورا|خبرگزاری/iu;

const INITIALS = /^(?:\p{Lu}\p{Ll}?\.?(?:-\p{Lu}\p{Ll}?\.?)?\s*)+$/u;
const SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/i;

const words = (s: string) => s.split(/\s+/).filter(Boolean);
const isInitials = (s: string) => INITIALS.test(s.trim()) && !/\p{Ll}{2}/u.test(s);
const isGivenWord = (w: string) => GIVEN.has(fold(w)) || isInitials(w);
/** A part that can only be given names: initials ("A. S.", "Gh."), or listed given names ("Mohammad Reza"). */
const isGivenLike = (s: string) => isInitials(s) || words(s).every(isGivenWord);

/** A single comma-free name: "Mohammad Ali Rahmani", "Azami Hadi", "J. S. Nye", "Nye JS", "World Bank". */
function singleName(s: string, position: number): PersonName {
  const w = words(s);
  if (ORG.test(s) || w.length > 4) return { literal: s };
  if (w.length === 1) return { family: s };
  // "Nye JS" (Vancouver): trailing capitals are initials.
  const last = w[w.length - 1]!;
  if (/^\p{Lu}{1,3}$/u.test(last) && w.length === 2) return { family: w[0]!, given: last };
  // "J. S. Nye", "Robert O. Keohane": an initial before the last word means given names first.
  if (w.slice(0, -1).some(isInitials) && !isInitials(last)) return { family: last, given: w.slice(0, -1).join(" ") };
  // Given names listed: they tell the order.
  const lead = w.findIndex((x) => !isGivenWord(x));
  if (lead > 0) return { family: w.slice(lead).join(" "), given: w.slice(0, lead).join(" ") };
  const firstGiven = w.findIndex((x, i) => i > 0 && isGivenWord(x));
  if (lead === 0 && firstGiven > 0) return { family: w.slice(0, firstGiven).join(" "), given: w.slice(firstGiven).join(" ") };
  // Unknown: a later author of a "Family, Given" list written without a comma is usually given-first (Chicago).
  return position === 0
    ? { family: w[0]!, given: w.slice(1).join(" "), orderUncertain: true }
    : { family: last, given: w.slice(0, -1).join(" "), orderUncertain: true };
}

export interface ParsedAuthors {
  authors: PersonName[];
  etAl: boolean;
  /** The list was marked "(Eds.)", «(ویراستار)». */
  editors: boolean;
}

/** Read an author list as printed in a reference. */
export function parseAuthors(segment: string): ParsedAuthors {
  let s = segment
    .replace(/،/g, ",")
    .replace(/\s+/g, " ")
    .trim();
  let editors = false;
  s = s.replace(/\s*\((?:eds?|editors?|ویراستار|ویراستاران|گردآورنده)\.?\)\s*\.?$/iu, () => {
    editors = true;
    return "";
  });
  let etAl = false;
  s = s.replace(/,?\s*(?:et al\.?|و\s+همکاران|and others)\s*$/iu, () => {
    etAl = true;
    return "";
  });
  s = s.replace(/^[\s,.;:]+|[\s,;:]+$/g, "").replace(/(\p{L}{2,})\.$/u, "$1");
  if (s === "") return { authors: [], etAl, editors };
  // A body as author: no comma and an organisation word, or a long comma-free name.
  if (!s.includes(",") && ORG.test(s) && !/\s(?:and|&|و)\s/i.test(s)) return { authors: [{ literal: s }], etAl, editors };

  const chunks = s
    .split(/\s*,?\s*(?:\band\b|&|\sو\s)\s*/iu)
    .map((c) => c.trim().replace(/^,|,$/g, "").trim())
    .filter(Boolean);
  const authors: PersonName[] = [];
  for (const chunk of chunks) {
    const parts = chunk
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean);
    // Suffixes ("Nye, Jr, Joseph S.") belong to the name before them.
    const suffixAt = parts.findIndex((p, i) => i > 0 && SUFFIX.test(p));
    let suffix: string | undefined;
    if (suffixAt > 0) suffix = parts.splice(suffixAt, 1)[0];
    for (const p of readParts(parts, authors.length)) {
      if (suffix && authors.length === 0 && p.family) {
        p.suffix = suffix.replace(/\.$/, "");
        suffix = undefined;
      }
      authors.push(p);
    }
  }
  return { authors, etAl, editors };
}

/** One chunk's comma-separated parts: "Family, Given[, Family, Given]" pairs, or whole names each. */
function readParts(parts: string[], position: number): PersonName[] {
  if (parts.length === 1) return [singleName(parts[0]!, position)];
  const allMultiword = parts.every((p) => words(p).length >= 2);
  const asPairs = (): PersonName[] => {
    const out: PersonName[] = [];
    for (let i = 0; i < parts.length; i += 2) {
      const family = parts[i]!;
      out.push(ORG.test(family) && words(family).length > 1 ? { literal: `${family}, ${parts[i + 1]}` } : { family, given: parts[i + 1]! });
    }
    return out;
  };
  const asWholes = () => parts.map((p, i) => singleName(p, position + i));
  if (parts.length % 2 === 0) {
    // Every second part given names ("Nye, J. S., Keohane, R. O."; "Amiri, Soroush, Kayani, Javad"): pairs.
    if (parts.every((p, i) => i % 2 === 0 || isGivenLike(p))) return asPairs();
    // Whole names each ("Azami Hadi, Debiri Ali Akbar"; "J. Smith, K. Jones") when each one's order is clear.
    const wholes = asWholes();
    if (allMultiword && wholes.every((w) => !w.orderUncertain && !w.literal)) return wholes;
    // Single words after family names are given names not in the list ("Rokanabadi Asl, Iran").
    if (parts.every((p, i) => i % 2 === 0 || words(p).length <= 3)) return asPairs();
    return wholes;
  }
  // "Family, Given" followed by whole names.
  if (isGivenLike(parts[1]!)) {
    const out: PersonName[] = [{ family: parts[0]!, given: parts[1]! }];
    for (const p of parts.slice(2)) out.push(singleName(p, position + out.length));
    return out;
  }
  return asWholes();
}

/** "A. S. Alexeev" → "Alexeev, A. S." style display, for messages. */
export function displayName(p: PersonName): string {
  if (p.literal) return p.literal;
  return [p.family, p.suffix, p.given].filter(Boolean).join(", ");
}
