// Reading the maintained gazetteer (data/reference/gazetteer/*.yaml) into plain data, with every problem located.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { ACTOR_KINDS, DatasetError, type ActorKind, type DatasetIssue } from "@diplograph/model";
import type { AliasContext, Gazetteer, GazetteerAlias, GazetteerEntity, ParliamentRole } from "./types.js";

/** The repository's gazetteer, found relative to this file (the same depth from src/ and dist/). */
export const DEFAULT_GAZETTEER_DIR = fileURLToPath(new URL("../../../../../data/reference/gazetteer/", import.meta.url));

/** The Party Facts core parties table vendored with its licence (data/reference/parties/, MIT). */
export const DEFAULT_PARTYFACTS_CSV = fileURLToPath(new URL("../../../../../data/reference/parties/partyfacts-core-parties.csv", import.meta.url));

/** Hand-written Persian names of Iranian parties, by Party Facts id. */
export const DEFAULT_PARTIES_FA = join(DEFAULT_GAZETTEER_DIR, "parties-fa.yaml");

const FILES = ["countries.yaml", "country-names.yaml", "organisations.yaml", "parliaments.yaml"] as const;
const ROLES: readonly ParliamentRole[] = ["legislature", "lower", "upper"];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Collects problems with their file and field path, and reads typed values out of parsed YAML. */
export class Reader {
  readonly issues: DatasetIssue[] = [];
  constructor(readonly file: string) {}

  fail(field: string, message: string): undefined {
    this.issues.push({ file: this.file, field, message });
    return undefined;
  }

  str(o: Obj, key: string, field: string, required = true): string | undefined {
    const v = o[key];
    if (v === undefined || v === null) return required ? this.fail(`${field}.${key}`, "missing") : undefined;
    if (typeof v === "number") return String(v);
    if (typeof v !== "string" || !v.trim()) return this.fail(`${field}.${key}`, "expected a non-empty string");
    return v.trim();
  }

  strings(v: unknown, field: string): string[] | undefined {
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || v.some((x) => typeof x !== "string" && typeof x !== "number")) return this.fail(field, "expected a list of strings");
    return v.map(String);
  }

  alias(v: unknown, field: string): GazetteerAlias | undefined {
    if (!isObj(v)) return this.fail(field, "expected { name, lang, … }");
    const name = this.str(v, "name", field);
    const lang = this.str(v, "lang", field);
    if (!name || !lang) return undefined;
    const a: GazetteerAlias = { name, lang };
    const kind = this.str(v, "kind", field, false);
    if (kind) a.kind = kind;
    if (v.confidence !== undefined) {
      if (typeof v.confidence !== "number" || v.confidence <= 0 || v.confidence > 1) this.fail(`${field}.confidence`, "expected a number in (0, 1]");
      else a.confidence = v.confidence;
    }
    if (v.context !== undefined) {
      if (v.context !== "required" && v.context !== "list" && v.context !== "passage") this.fail(`${field}.context`, "expected required, list or passage");
      else a.context = v.context as AliasContext;
    }
    const withIds = this.strings(v.with, `${field}.with`);
    if (withIds) a.with = withIds;
    const unless = this.strings(v.unless, `${field}.unless`);
    if (unless) a.unless = unless;
    const notBefore = this.strings(v.notBefore, `${field}.notBefore`);
    if (notBefore) a.notBefore = notBefore;
    if (v.person === true) a.person = true;
    if (v.prefix === true) a.prefix = true;
    if (v.resolve === "never") a.noResolve = true;
    return a;
  }

  aliases(v: unknown, field: string): GazetteerAlias[] {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) return this.fail(field, "expected a list of aliases") ?? [];
    return v.map((x, i) => this.alias(x, `${field}[${i}]`)).filter((a): a is GazetteerAlias => !!a);
  }

  kind(o: Obj, field: string): ActorKind | undefined {
    const k = this.str(o, "kind", field);
    if (k === undefined) return undefined;
    if (!ACTOR_KINDS.has(k)) return this.fail(`${field}.kind`, `unknown actor kind ${k}`);
    return k;
  }

  entity(v: unknown, field: string): GazetteerEntity | undefined {
    if (!isObj(v)) return this.fail(field, "expected an entity");
    const id = this.str(v, "id", field);
    const name = this.str(v, "name", field);
    const kind = this.kind(v, field);
    if (!id || !name || !kind) return undefined;
    if (!/^[a-z0-9][a-z0-9._:-]*$/.test(id)) this.fail(`${field}.id`, "ids are lower case letters, digits and . _ : -");
    const e: GazetteerEntity = { id, kind, name, aliases: this.aliases(v.aliases, `${field}.aliases`), source: "gazetteer" };
    const country = this.str(v, "country", field, false);
    if (country) {
      if (!/^[A-Z]{3}$/.test(country)) this.fail(`${field}.country`, "expected an ISO 3166-1 alpha-3 code");
      e.country = country;
    }
    if (typeof v.partyfacts === "number") e.partyfacts = v.partyfacts;
    const wikidata = this.str(v, "wikidata", field, false);
    if (wikidata) e.wikidata = wikidata;
    if (v.role !== undefined) {
      if (!ROLES.includes(v.role as ParliamentRole)) this.fail(`${field}.role`, "expected legislature, lower or upper");
      else e.role = v.role as ParliamentRole;
    }
    if (v.territory === true) e.territory = true;
    return e;
  }
}

/** Parse one gazetteer file: YAML with `version: 1`. */
export function readYamlFile(path: string, reader: Reader): Obj {
  let doc: unknown;
  try {
    doc = parse(readFileSync(path, "utf8"));
  } catch (err) {
    reader.fail("", `not valid YAML: ${(err as Error).message}`);
    return {};
  }
  if (!isObj(doc)) return reader.fail("", "expected a mapping at the top") ?? {};
  if (doc.version !== 1) reader.fail("version", "expected version: 1");
  return doc;
}

/**
 * The gazetteer in `dir` (default: the repository's data/reference/gazetteer): countries, country names
 * (short forms, demonyms, ambiguous names, historical states, stop phrases, cues), organisations and parliaments.
 * Throws a DatasetError listing every problem.
 */
export function loadGazetteer(dir: string = DEFAULT_GAZETTEER_DIR): Gazetteer {
  const issues: DatasetIssue[] = [];
  const g: Gazetteer = { entities: [], stops: [], cues: [], generic: [] };
  const byCountry = new Map<string, GazetteerEntity>();
  const read = (file: string, body: (doc: Obj, r: Reader) => void) => {
    const path = join(dir, file);
    const r = new Reader(path);
    if (!existsSync(path)) r.fail("", "file not found");
    else body(readYamlFile(path, r), r);
    issues.push(...r.issues);
  };
  const entities = (doc: Obj, r: Reader, key = "entities") => {
    const list = doc[key];
    if (!Array.isArray(list)) return r.fail(key, "expected a list");
    list.forEach((v, i) => {
      const e = r.entity(v, `${key}[${i}]`);
      if (!e) return;
      g.entities.push(e);
      if (e.kind === "state" && e.country) byCountry.set(e.country, e);
    });
  };
  read(FILES[0], (doc, r) => entities(doc, r));
  read(FILES[1], (doc, r) => readCountryNames(doc, r, g, byCountry));
  read(FILES[2], (doc, r) => entities(doc, r));
  read(FILES[3], (doc, r) => {
    entities(doc, r);
    const generic = Array.isArray(doc.generic) ? doc.generic : [];
    generic.forEach((v, i) => {
      const a = r.alias(v, `generic[${i}]`);
      const role = isObj(v) ? v.role : undefined;
      if (a && ROLES.includes(role as ParliamentRole)) g.generic.push({ name: a.name, lang: a.lang, role: role as ParliamentRole });
      else if (a) r.fail(`generic[${i}].role`, "expected legislature, lower or upper");
    });
  });
  const seen = new Set<string>();
  for (const e of g.entities) {
    if (seen.has(e.id)) issues.push({ file: dir, field: e.id, message: `duplicate gazetteer id ${e.id}` });
    seen.add(e.id);
  }
  if (issues.length) throw new DatasetError(issues);
  return g;
}

/** country-names.yaml: aliases and demonyms added to the ISO countries, ambiguous names, historical states, stops, cues. */
function readCountryNames(doc: Obj, r: Reader, g: Gazetteer, byCountry: Map<string, GazetteerEntity>): void {
  const state = (code: string, field: string) => byCountry.get(code) ?? r.fail(field, `unknown country ${code}`);
  if (isObj(doc.names)) {
    for (const [code, list] of Object.entries(doc.names)) {
      const e = state(code, `names.${code}`);
      if (e) e.aliases.push(...r.aliases(list, `names.${code}`));
    }
  }
  if (isObj(doc.demonyms)) {
    for (const [code, byLang] of Object.entries(doc.demonyms)) {
      const e = state(code, `demonyms.${code}`);
      if (!e || !isObj(byLang)) continue;
      for (const [lang, names] of Object.entries(byLang)) {
        for (const name of r.strings(names, `demonyms.${code}.${lang}`) ?? []) e.aliases.push({ name, lang, kind: "demonym" });
      }
    }
  }
  const list = (key: string): unknown[] => (Array.isArray(doc[key]) ? (doc[key] as unknown[]) : []);
  list("ambiguous").forEach((v, i) => {
    const field = `ambiguous[${i}]`;
    const a = r.alias(v, field);
    const codes = isObj(v) ? r.strings(v.countries, `${field}.countries`) : undefined;
    if (!a || !codes?.length) return r.fail(field, "expected { name, lang, countries: [...] }");
    const kind = a.kind ?? "demonym";
    // One country: the word is that country's only in context; several: candidates, resolved by context.
    const base: GazetteerAlias = { ...a, kind, ...(codes.length === 1 ? { context: "required" as const } : {}) };
    for (const code of codes) state(code, `${field}.countries`)?.aliases.push({ ...base });
  });
  list("historical").forEach((v, i) => {
    const e = r.entity(isObj(v) ? { kind: "state", ...v } : v, `historical[${i}]`);
    if (e) g.entities.push(e);
  });
  list("stop").forEach((v, i) => {
    const a = r.alias(v, `stop[${i}]`);
    if (a) g.stops.push({ name: a.name, lang: a.lang });
  });
  if (isObj(doc.cues)) {
    for (const [code, names] of Object.entries(doc.cues)) {
      if (!state(code, `cues.${code}`)) continue;
      for (const name of r.strings(names, `cues.${code}`) ?? []) g.cues.push({ name, country: code });
    }
  }
}
