// Parties for the linker from the Party Facts core parties table (partyfactsdata, MIT; Döring & Regel 2019), with
// the conditions each of their names links under, plus hand-written Persian names (parties-fa.yaml).
import { existsSync, readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { DatasetError } from "@diplograph/model";
import { DEFAULT_PARTIES_FA, DEFAULT_PARTYFACTS_CSV, Reader, readYamlFile } from "./gazetteer.js";
import { alnum } from "./trie.js";
import type { GazetteerAlias, GazetteerEntity } from "./types.js";

export interface PartyFactsOptions {
  /** Extra Persian names by Party Facts id (default: data/reference/gazetteer/parties-fa.yaml; false: none). */
  persianNames?: string | false;
}

type Row = Record<string, string>;

/** Languages Party Facts names in `name_other` ("Persian: …", "Arabic: …") and their codes. */
const LANGS: Record<string, string> = {
  persian: "fa", farsi: "fa", dari: "fa", arabic: "ar", russian: "ru", pashto: "ps", urdu: "ur", kurdish: "ku", turkish: "tr",
  hebrew: "he", ukrainian: "uk", belarusian: "be", kazakh: "kk", kyrgyz: "ky", tajik: "tg", azerbaijani: "az", armenian: "hy",
  georgian: "ka", french: "fr", german: "de", spanish: "es", chinese: "zh", japanese: "ja", greek: "el", serbian: "sr",
  bulgarian: "bg", macedonian: "mk", mongolian: "mn", hindi: "hi", bengali: "bn", tamil: "ta", thai: "th", burmese: "my",
};

/** Words that make a name a party's name rather than a phrase ("party", "front", «حزب» …). */
const HEADS = new Set(
  ("party parti partei partido partito partiya partija partia pártja puolue strana stranka front frente fronte movement mouvement " +
    "movimiento movimento union unión unione alliance alianza league liga congress bloc blok coalition federation organisation " +
    "organization rally hizb hezb hizbi hezbe حزب جبهه ائتلاف جنبش نهضت جمعیت جامعه مجمع سازمان اتحاد الحزب حركة جبهة " +
    "партия союз фронт блок движение").split(" "),
);

/**
 * Words too common in party names to tell one party from another: a name made only of these and head words
 * ("National Front", "Islamic Coalition Party", "United Front") links only with the party's country in context.
 */
const GENERIC = new Set(
  ("the of and for a in de la le del des du el al e y i national people's peoples people popular democratic democracy social socialist " +
    "liberal conservative republican progressive patriotic islamic christian muslim united union new reform renewal labour labor " +
    "workers green greens communist independent independents justice development freedom free unity solidarity citizens civic " +
    "centre center radical revolutionary revolution left right alternative change hope future modern our my public affairs " +
    "constitutional federal nationalist agrarian peasants farmers action movement front alliance coalition list bloc " +
    "جبهه ملی مردم اسلامی اتحاد حزب").split(" "),
);

/** Single words that name parties somewhere but are ordinary English words: never linked as a party. */
const COMMON_WORDS = new Set(
  ("forum unity development spring for most modern military muslim hope change future progress reform renewal freedom justice " +
    "solidarity alliance union front movement congress party list bloc coalition independent independents greens labour labor " +
    "democrats republicans liberals conservatives socialists communists nationalists patriots citizens people democracy order " +
    "law life home homeland fatherland motherland nation national new united together forward yes now action power voice " +
    "dawn light rebirth revival renaissance resistance struggle victory peace direction path way bridge center centre left " +
    "right alternative initiative platform agreement accord pact union").split(" "),
);

const ARABIC_SCRIPT = /[\u0600-\u06ff]/u;
const LATIN = /[A-Za-z\u00c0-\u024f]/u;

/** The names in one Party Facts field: " / " separates alternatives, `Language:` prefixes them, `;` and lines split. */
function names(field: string, defaultLang: string): Array<{ name: string; lang: string }> {
  const out: Array<{ name: string; lang: string }> = [];
  for (const part of field.split(/\s*(?:\n|;| \/ |\/(?=[^\s]))\s*/u)) {
    let text = part.replace(/[\u200e\u200f\u202a-\u202e]/gu, "").replace(/[,;.]+$/u, "").trim();
    let lang = defaultLang;
    const prefix = /^([A-Za-z][A-Za-z ]{1,30}):\s*/u.exec(text);
    if (prefix) {
      lang = LANGS[prefix[1]!.trim().split(" ")[0]!.toLowerCase()] ?? "und";
      text = text.slice(prefix[0].length).trim();
    }
    if (!text) continue;
    // "جبهه‌ی ملی ایران Jebhe Melli Irân": the script name and its transliteration, apart.
    if (ARABIC_SCRIPT.test(text) && LATIN.test(text)) {
      for (const m of text.matchAll(/[\u0600-\u06ff\u200c][\u0600-\u06ff\u200c\s]*[\u0600-\u06ff]/gu)) out.push({ name: m[0].trim(), lang });
      const latin = text.replace(/[\u0600-\u06ff\u200c]+/gu, " ").replace(/\s+/gu, " ").trim();
      if (latin.split(" ").length >= 2) out.push({ name: latin, lang: `${lang}-Latn` });
      continue;
    }
    out.push({ name: text, lang });
  }
  return out;
}

const words = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}']+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));

/**
 * The alias of one full name. A name of two words or more with a head word ("party", «حزب» …) and a word of its own
 * ("Communist Party of China", «حزب اعتماد ملی») links freely (or, shared by several parties, gives candidates); a
 * name of generic words only ("National Front") links only with its country in context and is otherwise left out;
 * a single word links only with its country named in the passage, and never when it is an ordinary English word.
 */
function fullName(name: string, lang: string, kind?: string): GazetteerAlias | undefined {
  const w = words(name);
  const base = { name, lang, ...(kind ? { kind } : {}), confidence: 0.85 };
  if (w.length === 1) return COMMON_WORDS.has(w[0]!) || w[0]!.length < 4 ? undefined : { ...base, context: "passage", quiet: true };
  const own = w.some((x) => !HEADS.has(x) && !GENERIC.has(x));
  const head = w.some((x) => HEADS.has(x)) || (ARABIC_SCRIPT.test(name) && w.length >= 3);
  return own && head ? base : { ...base, context: "required", quiet: true };
}

/**
 * A short name: an acronym of three letters or more (case-sensitive) or a one-word name, linked only when the passage
 * itself names the party's country ("AKP" beside "Turkey"); two-letter acronyms ("RA", "PP") are left out.
 */
function shortName(name: string): GazetteerAlias | undefined {
  if (name.length < 2 || /^(?:ally|tech|etc|indep|unknown|other|none)$/iu.test(name)) return undefined;
  const upper = (name.match(/\p{Lu}/gu) ?? []).length;
  if (upper >= 2 && alnum(name).length >= 3 && /^[\p{L}\p{N}&+.\-']+$/u.test(name)) return { name, lang: "und", kind: "acronym", confidence: 0.8, context: "passage", quiet: true };
  if (/^\p{Lu}\p{Ll}{3,}$/u.test(name) && !COMMON_WORDS.has(name.toLowerCase())) return { name, lang: "und", kind: "short", confidence: 0.75, context: "passage", quiet: true };
  return undefined;
}

/**
 * The parties of the Party Facts core table at `csvPath` (default: the copy in data/reference/parties), as
 * gazetteer entities `partyfacts-<id>` (technical rows such as "independent" left out). Full names in `name`,
 * `name_english` and `name_other` (native scripts, Persian included) link freely when they are clearly party names
 * (two words or more, one of them "party", "front", «حزب», «جبهه» …); other names and every `name_short` link only
 * with the party's country in context, the short names case-sensitively.
 */
export function loadPartyFacts(csvPath: string = DEFAULT_PARTYFACTS_CSV, options: PartyFactsOptions = {}): GazetteerEntity[] {
  const rows = parse(readFileSync(csvPath, "utf8"), { columns: true, skip_empty_lines: true, relax_column_count: true }) as Row[];
  const out = new Map<number, GazetteerEntity>();
  for (const row of rows) {
    const id = Number(row.partyfacts_id);
    if (!Number.isInteger(id) || id <= 0 || row.technical?.trim()) continue;
    const english = names(row.name_english ?? "", "en");
    const native = names(row.name ?? "", "und");
    const name = english[0]?.name ?? native[0]?.name;
    if (!name) continue;
    const aliases: GazetteerAlias[] = [];
    for (const n of [...english, ...native, ...names(row.name_other ?? "", "und")]) {
      const a = fullName(n.name, n.lang);
      if (a) aliases.push(a);
    }
    for (const s of (row.name_short ?? "").split("/")) {
      const a = shortName(s.trim());
      if (a) aliases.push(a);
    }
    const e: GazetteerEntity = { id: `partyfacts-${id}`, kind: "party", name, partyfacts: id, aliases, source: "partyfacts" };
    if (/^[A-Z]{3}$/.test(row.country ?? "")) e.country = row.country;
    out.set(id, e);
  }
  const fa = options.persianNames ?? DEFAULT_PARTIES_FA;
  if (fa !== false && existsSync(fa)) addPersianNames(fa, out);
  return [...out.values()];
}

function addPersianNames(path: string, parties: Map<number, GazetteerEntity>): void {
  const r = new Reader(path);
  const doc = readYamlFile(path, r);
  const list = Array.isArray(doc.parties) ? doc.parties : [];
  list.forEach((v: unknown, i: number) => {
    const o = typeof v === "object" && v !== null ? (v as Record<string, unknown>) : {};
    const e = typeof o.partyfacts === "number" ? parties.get(o.partyfacts) : undefined;
    if (!e) return r.fail(`parties[${i}].partyfacts`, "not a Party Facts id in the table");
    for (const a of r.aliases(o.aliases, `parties[${i}].aliases`)) {
      const alias = fullName(a.name, a.lang, a.kind);
      if (alias) e.aliases.push(alias);
    }
  });
  if (r.issues.length) throw new DatasetError(r.issues);
}
