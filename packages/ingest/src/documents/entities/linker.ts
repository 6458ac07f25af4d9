// The entity linker: stored actors and the gazetteer compiled once into a word trie, then every name in a text
// found in one pass, longest first, with ambiguity settled by the passage's and document's context or left open.
import type { Actor, ActorKind } from "@diplograph/model";
import type { Store } from "@diplograph/store";
import { DEFAULT_PARTYFACTS_CSV, loadGazetteer } from "./gazetteer.js";
import { loadPartyFacts } from "./partyfacts.js";
import { normaliseForMatching } from "../language/normalise.js";
import { ARABIC_SCRIPT_WORD, GAP, tokenise, type Gap, type Tokens } from "./tokens.js";
import { CaseRule, ContextRule, EntryType, Trie, alnum, compileName, type Entry, type Node } from "./trie.js";
import type { ActorRef, EntityMention, FindEntitiesOptions, Gazetteer, GazetteerAlias, GazetteerEntity, LinkContext, ParliamentRole, Resolution, Via } from "./types.js";

/** What the linker is built from. */
export interface LinkerSources {
  /** Actors as stored: they win over the gazetteer's entries for the same actor. */
  actors?: readonly Actor[];
  gazetteer?: Gazetteer;
  /** Parties (loadPartyFacts), below curated names: a Party Facts name that a stored or gazetteer name also is, is left out. */
  parties?: readonly GazetteerEntity[];
}

export interface StandardLinkerOptions {
  /** A gazetteer, the folder to read one from, or false for none. Default: the repository's data/reference/gazetteer. */
  gazetteer?: Gazetteer | string | false;
  /** The Party Facts core parties CSV, or false for none. Default: data/reference/parties/partyfacts-core-parties.csv. */
  partyFacts?: string | false;
  /** Parties read already (`loadPartyFacts`), used instead of reading `partyFacts`. */
  parties?: readonly GazetteerEntity[];
}

/** What a passage names unambiguously, and how often (by actor id, and by country for national actors). */
interface PassageContext {
  countries: Set<string>;
  actors: Set<string>;
  counts: Map<string, number>;
}

interface Entity {
  ref: ActorRef;
  role?: ParliamentRole;
  territory: boolean;
}

/** A span the trie matched, before overlaps are settled. */
interface Hit {
  ti: number;
  tj: number;
  entries: Entry[];
  /** Matched through a Persian suffix (ایرانی, آلمانی). */
  suffix: boolean;
}

/** A mention being resolved. */
interface Draft {
  ti: number;
  tj: number;
  entries: Entry[];
  suffix: boolean;
  generic?: ParliamentRole;
  stop: boolean;
  entity?: number;
  resolution: Resolution;
  via: Via;
  confidence: number;
  inner?: Draft[];
  /** Left out of the result (merged into a composite, or a common word). */
  dropped?: boolean;
  /** A word of the passage makes the name a candidate only (Georgia near "Atlanta"). */
  unless?: boolean;
}

const VIA: Record<string, Via> = {
  official: "name",
  short: "short-form",
  acronym: "acronym",
  former: "former",
  "source-term": "source-term",
  demonym: "demonym",
  transliteration: "alias",
  other: "alias",
};

/** Persian endings after a name: adjective ی/یی/ایی, ezafe after a vowel, plural of people یان/ییان. Longest first. */
const FA_SUFFIXES = ["ییان", "ایی", "یان", "یی", "ای", "ی"];
/** Acronyms that are also English words: not taken inside all-capital headlines. */
const WORD_ACRONYMS = new Set(["us", "who", "it", "pace", "pam", "alba", "can", "aim", "act"]);
/** Capitalised words that may precede a country without making it a person's name. */
const FUNCTION_WORDS = new Set(
  "the a an in on at of and or to from for with by as both between including like against than unlike into over under about after before during since until while when where whereas although though that this these those which whose its their his her our visiting".split(" "),
);
/** Words after which a common-word country name (Persian مالی) is a country. */
const COUNTRY_WORDS = new Set(["کشور", "کشورهای", "جمهوری", "دولت", "country", "countries", "republic", "state", "states"]);
const LIST_WORDS = new Set(["and", "or", "و", "یا"]);

export class Linker {
  private readonly entities: Entity[] = [];
  private readonly trie = new Trie();
  private readonly byId = new Map<string, number>();
  private readonly parliaments = new Map<string, number>();
  private readonly stateByCountry = new Map<string, number>();

  private constructor() {}

  /**
   * Compile a linker. Stored actors come first; a gazetteer or Party Facts entry for an actor already stored (the
   * same ISO country for states, the same Party Facts or Wikidata id, or an identical normalised name of a
   * compatible kind) adds its names to the stored actor and links to the stored id; others keep their own ids
   * (states `irn`, parties `partyfacts-<n>`, organisations a slug).
   */
  static build(sources: LinkerSources): Linker {
    const l = new Linker();
    l.compile(sources);
    return l;
  }

  /** A linker over `actors` (none by default), the repository's gazetteer and the Party Facts parties. */
  static standard(actors: readonly Actor[] = [], options: StandardLinkerOptions = {}): Linker {
    const g = options.gazetteer;
    const gazetteer = g === false ? undefined : typeof g === "object" ? g : loadGazetteer(g);
    const parties = options.parties ?? (options.partyFacts === false ? [] : loadPartyFacts(options.partyFacts ?? DEFAULT_PARTYFACTS_CSV));
    return Linker.build({ actors, parties, ...(gazetteer ? { gazetteer } : {}) });
  }

  /** A linker over every actor in `store` (read through its public API), the gazetteer and Party Facts. */
  static async fromStore(store: Store, options: StandardLinkerOptions = {}): Promise<Linker> {
    const ids = [...(await store.ids("actors"))].sort();
    const found = await store.getActors(ids);
    return Linker.standard(
      ids.flatMap((id) => found.get(id) ?? []),
      options,
    );
  }

  /** Number of actors the linker can link to. */
  get size(): number {
    return this.entities.length;
  }

  /** An actor the linker knows, by the id it reports. */
  actor(id: string): ActorRef | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.entities[i]!.ref;
  }

  /** The state of a country (ISO 3166-1 alpha-3), as the linker reports it: the stored one, else the gazetteer's. */
  country(iso3: string): ActorRef | undefined {
    const i = this.stateByCountry.get(iso3.toUpperCase());
    return i === undefined ? undefined : this.entities[i]!.ref;
  }

  // ------------------------------------------------------------------------------------------------ building

  private compile({ actors = [], gazetteer, parties = [] }: LinkerSources): void {
    const stored = new StoredIndex();
    for (const a of actors) {
      const i = this.addEntity({ id: a.id, name: a.name, kind: a.kind, ...(a.country ? { country: a.country } : {}) });
      stored.add(a, i);
      this.addName(i, a.name, { name: a.name, lang: "und", kind: "official" }, 1, "name");
      for (const al of a.aliases) this.addName(i, al.name, { name: al.name, lang: al.lang, ...(al.kind ? { kind: al.kind } : {}) }, 1);
    }
    const merge = (g: GazetteerEntity, tier: number) => {
      let i = stored.match(g);
      if (i === undefined) {
        const id = this.byId.has(g.id) ? `gazetteer:${g.id}` : g.id;
        i = this.addEntity({ id, name: g.name, kind: g.kind, ...(g.country ? { country: g.country } : {}) });
      }
      const e = this.entities[i]!;
      if (g.role && !e.role) e.role = g.role;
      if (g.territory) e.territory = true;
      // A Party Facts entry's names carry their own conditions (loadPartyFacts); its canonical name is one of them.
      if (g.source !== "partyfacts") this.addName(i, g.name, { name: g.name, lang: "und", kind: "official" }, tier, "name");
      for (const a of g.aliases) this.addName(i, a.name, a, tier);
    };
    for (const g of gazetteer?.entities ?? []) merge(g, 1);
    for (const g of parties) merge(g, 3);
    for (let i = 0; i < this.entities.length; i++) {
      const { ref, role } = this.entities[i]!;
      if (ref.kind === "state" && ref.country && !this.stateByCountry.has(ref.country)) this.stateByCountry.set(ref.country, i);
      if (ref.kind === "parliament" && ref.country && role) {
        const k = `${ref.country}|${role}`;
        if (!this.parliaments.has(k)) this.parliaments.set(k, i);
      }
    }
    // A stored parliament the gazetteer did not place is its country's legislature when it is the only one.
    const storedParl = new Map<string, number[]>();
    this.entities.forEach((e, i) => {
      if (e.ref.kind === "parliament" && e.ref.country && !e.role) storedParl.set(e.ref.country, [...(storedParl.get(e.ref.country) ?? []), i]);
    });
    for (const [c, list] of storedParl) if (list.length === 1 && !this.parliaments.has(`${c}|legislature`)) this.parliaments.set(`${c}|legislature`, list[0]!);
    // Every state has a legislature to link "the Malawian parliament" to: the gazetteer's, else a generated one.
    for (const [country, i] of [...this.stateByCountry]) {
      const state = this.entities[i]!;
      if (this.parliaments.has(`${country}|legislature`) || state.territory) continue;
      const id = `${country.toLowerCase()}-parliament`;
      const existing = this.byId.get(id);
      const p = existing !== undefined && this.entities[existing]!.ref.kind === "parliament" ? existing : this.addEntity({ id: existing === undefined ? id : `gazetteer:${id}`, name: `Parliament of ${state.ref.name}`, kind: "parliament", country });
      this.parliaments.set(`${country}|legislature`, p);
    }
    for (const s of gazetteer?.stops ?? []) this.addSpecial(s.name, { type: EntryType.Stop });
    for (const c of gazetteer?.cues ?? []) this.addSpecial(c.name, { type: EntryType.Cue, country: c.country });
    for (const g of gazetteer?.generic ?? []) this.addSpecial(g.name, { type: EntryType.Generic, role: g.role });
    this.trie.prune();
  }

  private addEntity(ref: ActorRef): number {
    const i = this.entities.length;
    this.entities.push({ ref, territory: false });
    if (!this.byId.has(ref.id)) this.byId.set(ref.id, i);
    return i;
  }

  private addName(entity: number, name: string, a: GazetteerAlias, tier: number, via?: Via): void {
    const c = compileName(name, a.kind);
    if (!c) return;
    const kind = a.kind ?? "other";
    const e = this.entities[entity]!;
    const demonym = kind === "demonym";
    let confidence = a.confidence ?? (demonym ? 0.9 : kind === "short" || kind === "acronym" ? 0.9 : 0.95);
    if (e.territory) confidence *= 0.85;
    const entry: Entry = {
      type: EntryType.Entity,
      entity,
      via: via ?? VIA[kind] ?? "alias",
      confidence,
      caseRule: !c.latin ? CaseRule.None : c.acronym ? CaseRule.Exact : c.capitals ? CaseRule.Capitals : CaseRule.None,
      capitals: c.capitals,
      exact: c.exact,
      dot: c.dot,
      context: a.context === "required" ? ContextRule.Required : a.context === "list" ? ContextRule.List : a.context === "passage" ? ContextRule.Passage : ContextRule.None,
      person: a.person ?? false,
      prefix: a.prefix ?? false,
      noResolve: a.noResolve ?? false,
      quiet: a.quiet ?? false,
      tier,
      ...(a.with ? { with: a.with } : {}),
      ...(a.unless ? { unless: a.unless.map((w) => normaliseForMatching(w).text) } : {}),
      ...(a.notBefore ? { notBefore: new Set(a.notBefore.map((w) => normaliseForMatching(w).text)) } : {}),
    };
    this.trie.add(c.words, c.gaps, entry);
    // "People's" is also written "Peoples": the same name without the apostrophe.
    if (c.words.some((w, k) => w === "s" && c.gaps[k] === GAP.APOS)) {
      const words: string[] = [];
      const gaps: Gap[] = [];
      c.words.forEach((w, k) => {
        if (w === "s" && c.gaps[k] === GAP.APOS && words.length) words[words.length - 1] += "s";
        else {
          words.push(w);
          gaps.push(c.gaps[k]!);
        }
      });
      this.trie.add(words, gaps, { ...entry });
    }
  }

  private addSpecial(name: string, partial: Pick<Entry, "type"> & Partial<Entry>): void {
    const c = compileName(name);
    if (!c) return;
    this.trie.add(c.words, c.gaps, {
      entity: -1,
      via: "name",
      confidence: 1,
      caseRule: c.latin && c.capitals ? CaseRule.Capitals : CaseRule.None,
      capitals: c.capitals,
      exact: c.exact,
      dot: false,
      context: ContextRule.None,
      person: false,
      prefix: false,
      noResolve: false,
      quiet: false,
      tier: 1,
      ...partial,
    });
  }

  // ------------------------------------------------------------------------------------------------ finding

  /**
   * The actors named in `text`, in text order, never overlapping: the longest name wins over names inside it
   * ("Islamic Republic of Iran" is one mention), each with offsets into the original text. `actor` is set when the
   * words denote one actor or context settled it; otherwise `candidates` lists the choices.
   */
  find(text: string, options: FindEntitiesOptions = {}): EntityMention[] {
    const toks = tokenise(normaliseForMatching(text));
    const drafts = this.draft(toks);
    this.bindCountries(toks, drafts);
    const ctx = this.passageContext(toks, drafts, undefined);
    this.resolve(toks, drafts, ctx, options.context);
    return this.emit(toks, drafts, options);
  }

  /**
   * Every passage of one document: names the passage leaves ambiguous are resolved first by the passage, then by
   * what the whole document names unambiguously (its countries and actors).
   */
  findInDocument(passages: readonly string[], options: FindEntitiesOptions = {}): EntityMention[][] {
    const context = this.documentContext(passages, options.context);
    return passages.map((p) => this.find(p, { ...options, context }));
  }

  /** The countries and actors `passages` name unambiguously (and their capitals), for use as `context`. */
  documentContext(passages: readonly string[], extra?: LinkContext): { countries: Set<string>; actors: Set<string> } {
    const countries = new Set<string>(extra?.countries ?? []);
    const actors = new Set<string>(extra?.actors ?? []);
    for (const p of passages) {
      const toks = tokenise(normaliseForMatching(p));
      const drafts = this.draft(toks);
      this.bindCountries(toks, drafts);
      const ctx = this.passageContext(toks, drafts, undefined);
      for (const c of ctx.countries) countries.add(c);
      for (const a of ctx.actors) actors.add(a);
    }
    return { countries, actors };
  }

  /** Walk the trie from every word: the longest valid name at each start, then overlaps settled longest first. */
  private draft(toks: Tokens): Draft[] {
    const hits: Hit[] = [];
    const { n, word, gap } = toks;
    const root = this.trie.root;
    const found: Hit[] = [];
    let tokenSet: Set<string> | undefined;
    const tokensOf = () => (tokenSet ??= new Set(word));
    for (let i = 0; i < n; i++) {
      found.length = 0;
      let at: Node = root;
      for (let j = i; j < n && at.next; j++) {
        const g = j === i ? GAP.START : gap[j]!;
        if (g === GAP.BREAK) break;
        const w = word[j]!;
        if (ARABIC_SCRIPT_WORD(w)) {
          for (const s of FA_SUFFIXES) {
            if (w.length - s.length >= 2 && w.endsWith(s)) {
              // Only countries take these endings as names do (ایرانی); «پارلمانی» is "parliamentary", not a parliament.
              const stem = Trie.step(at, g, w.slice(0, -s.length))?.entries?.filter((e) => e.type === EntryType.Entity && this.isState(e.entity));
              if (stem?.length) found.push({ ti: i, tj: j + 1, entries: stem, suffix: true });
            }
          }
        }
        // A name written with a full stop ("St. Lucia") also matches the text without it.
        const node = Trie.step(at, g, w) ?? (g === GAP.SPACE ? Trie.step(at, GAP.DOT, w) : undefined);
        if (!node) break;
        if (node.entries) found.push({ ti: i, tj: j + 1, entries: node.entries, suffix: false });
        at = node;
      }
      // Longest first: the first span whose names survive the checks; cues (context only) wherever they end.
      let named = false;
      for (let k = found.length - 1; k >= 0; k--) {
        const h = found[k]!;
        const cues = h.entries.filter((e) => e.type === EntryType.Cue);
        if (cues.length) hits.push({ ...h, entries: cues });
        if (named) continue;
        const ok = h.entries.filter((e) => e.type !== EntryType.Cue && this.accept(toks, h, e));
        if (ok.length) {
          hits.push({ ...h, entries: ok });
          named = true;
        }
      }
    }
    const drafts = this.settle(hits);
    for (const d of drafts) if (this.candidates(d).some((e) => e.unless?.some((w) => tokensOf().has(w)))) d.unless = true;
    return drafts;
  }

  /** Case, hyphen-prefix, person-name, following-word and headline checks of one entry at one span. */
  private accept(toks: Tokens, h: Hit, e: Entry): boolean {
    if (e.caseRule === CaseRule.Exact) {
      if (alnum(this.original(toks, h.ti, h.tj)) !== e.exact) return false;
      if (WORD_ACRONYMS.has(e.exact.toLowerCase()) && this.inCapitals(toks, h.ti, h.tj)) return false;
    } else if (e.caseRule === CaseRule.Capitals) {
      for (let k = 0; k < h.tj - h.ti && k < 31; k++) if (e.capitals & (1 << k) && !this.capitalised(toks, h.ti + k)) return false;
    }
    if (e.prefix && !(h.tj < toks.n && toks.hyphen[h.tj])) return false;
    if (e.notBefore && h.tj < toks.n && toks.gap[h.tj] === GAP.SPACE && e.notBefore.has(toks.word[h.tj]!)) return false;
    if (e.person && this.personName(toks, h.ti, h.tj)) return false;
    return true;
  }

  private original(toks: Tokens, ti: number, tj: number): string {
    const { m } = toks;
    return m.original.slice(m.starts[toks.start[ti]!]!, m.ends[toks.end[tj - 1]! - 1]!);
  }

  private capitalised(toks: Tokens, t: number): boolean {
    const ch = toks.m.original[toks.m.starts[toks.start[t]!]!]!;
    return ch !== ch.toLowerCase();
  }

  /** Whether the words around a span (two on each side, at least two in all) are written in capitals: a headline. */
  private inCapitals(toks: Tokens, ti: number, tj: number): boolean {
    const around = [ti - 2, ti - 1, tj, tj + 1].filter((t) => t >= 0 && t < toks.n);
    return (
      around.length >= 2 &&
      around.every((t) => {
        const w = this.original(toks, t, t + 1);
        return w === w.toUpperCase() && w !== w.toLowerCase();
      })
    );
  }

  /** "Michael Jordan", "Chad Smith": a capitalised name word right before or after. */
  private personName(toks: Tokens, ti: number, tj: number): boolean {
    const name = (t: number) => {
      if (!this.capitalised(toks, t)) return false;
      const w = toks.word[t]!;
      return !FUNCTION_WORDS.has(w) && !/(?:ing|ed)$/u.test(w) && w.length > 1;
    };
    if (ti > 0 && toks.gap[ti] === GAP.SPACE && !toks.hyphen[ti] && name(ti - 1)) return true;
    // An initial before it ("J. Holland"), or a year after it as in a citation ("Holland, 2010", "England (1999)").
    if (ti > 0 && toks.gap[ti] === GAP.DOT && toks.word[ti - 1]!.length === 1 && this.capitalised(toks, ti - 1)) return true;
    const after = toks.m.original.slice(toks.m.ends[toks.end[tj - 1]! - 1]!, toks.m.ends[toks.end[tj - 1]! - 1]! + 12);
    if (/^(?:,\s*|\s*\(\s*)\d{4}\b|^\s+et\s+al\b/u.test(after)) return true;
    if (tj < toks.n && toks.gap[tj] === GAP.SPACE && !toks.hyphen[tj] && name(tj) && !this.startsName(toks, tj)) return true;
    return false;
  }

  /** Whether a known name starts at word t ("Jordan Iran …" in a list without commas). */
  private startsName(toks: Tokens, t: number): boolean {
    return Trie.step(this.trie.root, GAP.START, toks.word[t]!)?.entries?.some((e) => e.type === EntryType.Entity) ?? false;
  }

  /** Overlapping hits: the longest (in words) wins, then the earlier; cues never hold a span. */
  private settle(hits: Hit[]): Draft[] {
    const order = [...hits].sort((a, b) => b.tj - b.ti - (a.tj - a.ti) || a.ti - b.ti);
    const taken = new Uint8Array(hits.length ? Math.max(...hits.map((h) => h.tj)) : 0);
    const out: Draft[] = [];
    for (const h of order) {
      const consuming = h.entries.filter((e) => e.type !== EntryType.Cue);
      if (consuming.length === 0) {
        out.push(this.toDraft(h, h.entries));
        continue;
      }
      let free = true;
      for (let t = h.ti; t < h.tj && free; t++) if (taken[t]) free = false;
      if (!free) continue;
      for (let t = h.ti; t < h.tj; t++) taken[t] = 1;
      out.push(this.toDraft(h, consuming));
    }
    return out.sort((a, b) => a.ti - b.ti);
  }

  private toDraft(h: Hit, entries: Entry[]): Draft {
    const stop = entries.some((e) => e.type === EntryType.Stop);
    const generic = entries.find((e) => e.type === EntryType.Generic)?.role;
    const ents = stop ? [] : entries.filter((e) => e.type === EntryType.Entity || e.type === EntryType.Cue);
    const best = ents.find((e) => e.type === EntryType.Entity);
    const d: Draft = { ti: h.ti, tj: h.tj, entries: ents, suffix: h.suffix, stop, resolution: "ambiguous", via: best?.via ?? "name", confidence: best?.confidence ?? 0 };
    if (generic) d.generic = generic;
    return d;
  }

  /** Entity entries of a draft, one per actor. */
  private candidates(d: Draft): Entry[] {
    return d.entries.filter((e) => e.type === EntryType.Entity);
  }

  private isState(i: number): boolean {
    return this.entities[i]!.ref.kind === "state";
  }

  /** A draft that names one state without conditions. */
  private plainState(d: Draft | undefined): number | undefined {
    if (!d || d.stop || d.dropped) return undefined;
    const c = this.candidates(d);
    return c.length === 1 && c[0]!.context === ContextRule.None && !c[0]!.noResolve && this.isState(c[0]!.entity) && this.entities[c[0]!.entity]!.ref.country
      ? c[0]!.entity
      : undefined;
  }

  /** The words between two drafts. */
  private between(toks: Tokens, from: number, to: number): string[] {
    return toks.word.slice(from, to);
  }

  /**
   * Parliament words made specific by a country beside them: "the Turkish parliament", "Iran's Majlis", "parliament
   * of Kenya", «مجلس ترکیه», "Pakistan's National Assembly". The two become one mention of that country's
   * legislature (or chamber), with the country as `inner`.
   */
  private bindCountries(toks: Tokens, drafts: Draft[]): void {
    for (let k = 0; k < drafts.length; k++) {
      const d = drafts[k]!;
      if (d.stop || d.dropped) continue;
      const cands = this.candidates(d);
      const parl = cands.filter((e) => this.entities[e.entity]!.ref.kind === "parliament");
      const open = cands.length > 1 || cands.some((e) => e.context !== ContextRule.None);
      if (!d.generic && !(parl.length && open)) continue;
      let country: string | undefined;
      let other: Draft | undefined;
      let otherEntity: number | undefined;
      const prev = this.neighbour(drafts, k, -1);
      const next = this.neighbour(drafts, k, 1);
      const ps = this.plainState(prev);
      if (prev && ps !== undefined) {
        const mid = this.between(toks, prev.tj, d.ti);
        const adjacent = mid.length === 0 ? toks.gap[d.ti] === GAP.SPACE : mid.length === 1 && mid[0] === "s" && toks.gap[prev.tj] === GAP.APOS;
        if (adjacent) {
          country = this.entities[ps]!.ref.country;
          other = prev;
          otherEntity = ps;
        }
      }
      const ns = this.plainState(next);
      if (!country && next && ns !== undefined) {
        const mid = this.between(toks, d.tj, next.ti).filter((w) => w !== "the");
        const persian = ARABIC_SCRIPT_WORD(toks.word[d.ti]!);
        if ((mid.length === 1 && mid[0] === "of") || (persian && mid.length === 0 && toks.gap[next.ti] === GAP.SPACE)) {
          country = this.entities[ns]!.ref.country;
          other = next;
          otherEntity = ns;
        }
      }
      let entity: number | undefined;
      if (country) {
        if (d.generic) entity = this.parliaments.get(`${country}|${d.generic}`);
        if (entity === undefined) {
          const match = parl.filter((e) => this.entities[e.entity]!.ref.country === country);
          if (match.length === 1) entity = match[0]!.entity;
        }
      }
      if (entity !== undefined && other) {
        other.dropped = true;
        const named = this.candidates(other).find((e) => e.entity === otherEntity)!;
        d.inner = [{ ...other, dropped: false, entity: otherEntity!, resolution: "unique", via: named.via, confidence: named.confidence }];
        d.ti = Math.min(d.ti, other.ti);
        d.tj = Math.max(d.tj, other.tj);
        d.entity = entity;
        d.resolution = "adjacent";
        const own = cands.find((e) => e.entity === entity);
        d.via = own ? own.via : "composite";
        d.confidence = own ? own.confidence : 0.85;
        d.entries = [...parl.filter((e) => e.entity === entity), ...(own ? [] : [this.syntheticEntry(entity)])];
      } else if (d.generic && !cands.length) d.dropped = true;
    }
  }

  private syntheticEntry(entity: number): Entry {
    return { type: EntryType.Entity, entity, via: "composite", confidence: 0.85, caseRule: CaseRule.None, capitals: 0, exact: "", dot: false, context: ContextRule.None, person: false, prefix: false, noResolve: false, quiet: false, tier: 1 };
  }

  /** The nearest draft before (dir -1) or after (dir 1) that is a mention or stop (cues left out). */
  private neighbour(drafts: Draft[], k: number, dir: -1 | 1): Draft | undefined {
    for (let j = k + dir; j >= 0 && j < drafts.length; j += dir) {
      const d = drafts[j]!;
      if (d.dropped) continue;
      if (!d.stop && this.candidates(d).length === 0) continue;
      return d;
    }
    return undefined;
  }

  /** The countries and actors the passage names unambiguously, its cues, and the caller's context. */
  private passageContext(toks: Tokens, drafts: Draft[], extra: LinkContext | undefined): PassageContext {
    const countries = new Set<string>(extra?.countries ?? []);
    const actors = new Set<string>(extra?.actors ?? []);
    const counts = new Map<string, number>();
    const count = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
    for (const d of drafts) {
      if (d.dropped || d.stop) continue;
      for (const e of d.entries) if (e.type === EntryType.Cue && e.country) countries.add(e.country);
      const c = d.entity !== undefined ? [d.entity] : this.unconditional(d);
      if (c.length !== 1) continue;
      const ref = this.entities[c[0]!]!.ref;
      actors.add(ref.id);
      count(ref.id);
      if (ref.country) {
        countries.add(ref.country);
        count(ref.country);
      }
      for (const inner of d.inner ?? []) for (const i of this.unconditional(inner)) if (this.entities[i]!.ref.country) countries.add(this.entities[i]!.ref.country!);
    }
    return { countries, actors, counts };
  }

  /** The actor a draft names with no condition attached, if exactly one. */
  private unconditional(d: Draft): number[] {
    const c = this.candidates(d);
    return c.length === 1 && c[0]!.context === ContextRule.None && !c[0]!.noResolve && !d.unless ? [c[0]!.entity] : [];
  }

  /** Settle each draft: one actor, one by context, a common word dropped, or candidates for the reviewer. */
  private resolve(toks: Tokens, drafts: Draft[], ctx: PassageContext, doc: LinkContext | undefined): void {
    const docCountries = new Set(doc?.countries ?? []);
    const docActors = new Set(doc?.actors ?? []);
    for (let k = 0; k < drafts.length; k++) {
      const d = drafts[k]!;
      if (d.dropped || d.stop || d.entity !== undefined) continue;
      const cands = this.candidates(d);
      if (cands.length === 0) {
        d.dropped = true;
        continue;
      }
      // Common words that are also countries' names (Persian مالی "financial") wait for the list pass below.
      if (cands.every((e) => e.context === ContextRule.List)) continue;
      if (this.unconditional(d).length) {
        this.settleTo(d, cands[0]!, "unique", 1);
        continue;
      }
      if (d.unless || cands.some((e) => e.noResolve)) continue;
      // The passage first; the document only where the passage says nothing, and never for a party's short name.
      const within = (countries: Set<string>, actors: Set<string>) =>
        cands.filter((e) => {
          const ref = this.entities[e.entity]!.ref;
          return actors.has(ref.id) || (ref.country !== undefined && countries.has(ref.country)) || (e.with?.some((id) => actors.has(id)) ?? false);
        });
      let inContext = within(ctx.countries, ctx.actors);
      if (inContext.length === 0) inContext = within(docCountries, docActors).filter((e) => e.context !== ContextRule.Passage);
      const distinct = [...new Set(inContext.map((e) => e.entity))];
      const dominant = this.dominant(distinct, ctx.counts);
      if (distinct.length === 1) this.settleTo(d, inContext[0]!, "context", 0.9);
      // Several in context: the one the passage names at least three times as often as any other.
      else if (dominant !== undefined) this.settleTo(d, inContext.find((e) => e.entity === dominant)!, "context", 0.8);
      else if (cands.every((e) => e.quiet)) d.dropped = true;
      // A state that needs context also has it in a list of states ("ترکیه، پاکستان و آذربایجان").
      else if (distinct.length === 0 && cands.length === 1 && this.isState(cands[0]!.entity) && this.inList(toks, drafts, k)) this.settleTo(d, cands[0]!, "context", 0.85);
    }
    // A country only in a list of states or after a word such as "country"; a list may chain ("غنا، مالی و بنین").
    const listed = drafts.filter((d) => !d.dropped && !d.stop && d.entity === undefined && this.candidates(d).length && this.candidates(d).every((e) => e.context === ContextRule.List));
    for (let changed = true; changed; ) {
      changed = false;
      for (const d of listed) {
        if (d.entity === undefined && this.inList(toks, drafts, drafts.indexOf(d))) {
          this.settleTo(d, this.candidates(d)[0]!, "context", 0.85);
          changed = true;
        }
      }
    }
    for (const d of listed) if (d.entity === undefined) d.dropped = true;
  }

  /** Among candidates the passage names, the one named at least three times as often as each other, if any. */
  private dominant(entities: number[], counts: Map<string, number>): number | undefined {
    if (entities.length < 2) return undefined;
    const n = (i: number) => counts.get(this.entities[i]!.ref.id) ?? counts.get(this.entities[i]!.ref.country ?? "") ?? 0;
    const ranked = [...entities].sort((a, b) => n(b) - n(a));
    return n(ranked[0]!) >= 2 && n(ranked[0]!) >= 3 * n(ranked[1]!) ? ranked[0] : undefined;
  }

  /** Whether draft k stands in a list of states ("غنا، مالی و نیجر") or after a word such as کشور. */
  private inList(toks: Tokens, drafts: Draft[], k: number): boolean {
    const d = drafts[k]!;
    if (d.ti > 0 && COUNTRY_WORDS.has(toks.word[d.ti - 1]!)) return true;
    const state = (x: Draft | undefined) =>
      !!x && !x.stop && (x.entity !== undefined ? this.isState(x.entity) : this.candidates(x).some((e) => this.isState(e.entity) && e.context !== ContextRule.List));
    const joined = (a: number, b: number) => {
      const mid = this.between(toks, a, b);
      return (mid.length === 0 && toks.gap[b] === GAP.COMMA) || (mid.length === 1 && LIST_WORDS.has(mid[0]!));
    };
    const prev = this.neighbour(drafts, k, -1);
    const next = this.neighbour(drafts, k, 1);
    return (state(prev) && joined(prev!.tj, d.ti)) || (state(next) && joined(d.tj, next!.ti));
  }

  private settleTo(d: Draft, e: Entry, resolution: Resolution, factor: number): void {
    d.entity = e.entity;
    d.resolution = resolution;
    d.via = e.via;
    d.confidence = e.confidence * factor;
  }

  // ------------------------------------------------------------------------------------------------ output

  private emit(toks: Tokens, drafts: Draft[], options: FindEntitiesOptions): EntityMention[] {
    const min = options.minConfidence ?? 0.5;
    const kinds = options.kinds ? new Set<ActorKind>(options.kinds) : undefined;
    const out: EntityMention[] = [];
    for (const d of drafts) {
      if (d.dropped || d.stop) continue;
      let cands = [...new Set(this.candidates(d).map((e) => e.entity))];
      if (d.entity !== undefined && !cands.includes(d.entity)) cands = [d.entity];
      if (kinds) cands = cands.filter((i) => kinds.has(this.entities[i]!.ref.kind));
      if (cands.length === 0 || (d.entity !== undefined && !cands.includes(d.entity))) continue;
      let confidence = d.entity !== undefined ? d.confidence : Math.max(...this.candidates(d).map((e) => e.confidence)) * 0.8;
      if (d.suffix) confidence *= 0.95;
      if (confidence < min) continue;
      const mention = this.mention(toks, d, cands, confidence);
      if (d.entity !== undefined) {
        const inner = d.inner ?? this.innerCountry(toks, d);
        if (inner.length) mention.inner = inner.map((x) => this.mention(toks, x, [x.entity ?? this.candidates(x)[0]!.entity], x.confidence));
      }
      out.push(mention);
    }
    return out;
  }

  private mention(toks: Tokens, d: Draft, cands: number[], confidence: number): EntityMention {
    const { m } = toks;
    const start = m.starts[toks.start[d.ti]!]!;
    let end = m.ends[toks.end[d.tj - 1]! - 1]!;
    if (m.original[end] === "." && d.entries.some((e) => e.dot && (d.entity === undefined || e.entity === d.entity))) end++;
    const text = m.original.slice(start, end);
    const refs = cands.map((i) => this.entities[i]!.ref);
    const out: EntityMention = {
      start,
      end,
      text,
      candidates: refs,
      via: d.entity !== undefined && d.resolution !== "adjacent" && this.isState(d.entity) && d.suffix ? "demonym" : d.via,
      resolution: d.entity !== undefined ? d.resolution : "ambiguous",
      confidence: Math.round(confidence * 1000) / 1000,
    };
    if (d.entity !== undefined) out.actor = this.entities[d.entity]!.ref;
    return out;
  }

  /**
   * Countries named inside a longer name: a national actor's own country, in any form ("China" in "Communist Party
   * of China", "Turkish" in "Turkish Grand National Assembly"), and for an actor of no country, countries named
   * outright, not through a demonym ("Iran" and "US" in "Iran-US Claims Tribunal", but not "American" in
   * "Organization of American States"). Longest first, never overlapping.
   */
  private innerCountry(toks: Tokens, d: Draft): Draft[] {
    const ref = this.entities[d.entity!]!.ref;
    if (ref.kind === "state" || d.tj - d.ti < 2) return [];
    const own = ref.country === undefined ? undefined : this.stateByCountry.get(ref.country);
    if (ref.country !== undefined && own === undefined) return [];
    const fits = (e: Entry, suffix: boolean) =>
      e.type === EntryType.Entity &&
      (own !== undefined ? e.entity === own : this.isState(e.entity) && !suffix && e.context === ContextRule.None && e.via !== "demonym" && !e.noResolve);
    const out: Draft[] = [];
    for (let i = d.ti; i < d.tj; i++) {
      let best: Draft | undefined;
      let at: Node | undefined = this.trie.root;
      for (let j = i; j < d.tj && at; j++) {
        const g = j === i ? GAP.START : toks.gap[j]!;
        const w = toks.word[j]!;
        const node: Node | undefined = Trie.step(at, g, w);
        const from: Node = at;
        const stems = ARABIC_SCRIPT_WORD(w) ? FA_SUFFIXES.filter((s) => w.endsWith(s)).map((s) => Trie.step(from, g, w.slice(0, -s.length))) : [];
        for (const n of [node, ...stems]) {
          const states = n?.entries?.filter((x) => x.type === EntryType.Entity && this.isState(x.entity)) ?? [];
          const e = states.length === 1 && fits(states[0]!, n !== node) ? states[0]! : undefined;
          if (e) best = { ti: i, tj: j + 1, entries: [e], suffix: n !== node, stop: false, entity: e.entity, resolution: "unique", via: e.via, confidence: e.confidence };
        }
        at = node;
      }
      if (best) {
        out.push(best);
        i = best.tj - 1;
      }
    }
    return out;
  }
}

/** The countries a list of mentions names: the states linked, and the countries named inside longer names (`inner`). */
export function mentionedCountries(mentions: readonly EntityMention[]): string[] {
  const out = new Set<string>();
  for (const m of mentions) {
    if (m.actor?.kind === "state") out.add(m.actor.id);
    for (const i of m.inner ?? []) if (i.actor?.kind === "state") out.add(i.actor.id);
  }
  return [...out];
}

/** Stored actors by the keys a gazetteer entry can match them on. */
class StoredIndex {
  private readonly state = new Map<string, number>();
  private readonly partyfacts = new Map<number, number>();
  private readonly wikidata = new Map<string, number>();
  private readonly names = new Map<string, Array<{ i: number; kind: ActorKind; country?: string }>>();

  add(a: Actor, i: number): void {
    if (a.kind === "state" && a.country && !this.state.has(a.country)) this.state.set(a.country, i);
    if (a.externalIds.partyfacts) this.partyfacts.set(a.externalIds.partyfacts, i);
    if (a.externalIds.wikidata) this.wikidata.set(a.externalIds.wikidata, i);
    for (const n of [a.name, ...a.aliases.filter((x) => x.kind !== "acronym" && x.kind !== "short").map((x) => x.name)]) {
      const k = normaliseForMatching(n).text.trim();
      const list = this.names.get(k) ?? [];
      if (!list.some((x) => x.i === i)) list.push({ i, kind: a.kind, ...(a.country ? { country: a.country } : {}) });
      this.names.set(k, list);
    }
  }

  /** The stored actor a gazetteer entry stands for, if any. */
  match(g: GazetteerEntity): number | undefined {
    if (g.kind === "state" && g.country) return this.state.get(g.country);
    if (g.partyfacts && this.partyfacts.has(g.partyfacts)) return this.partyfacts.get(g.partyfacts);
    if (g.wikidata && this.wikidata.has(g.wikidata)) return this.wikidata.get(g.wikidata);
    const found = new Set<number>();
    for (const n of [g.name, ...g.aliases.filter((a) => a.kind !== "acronym" && a.kind !== "short" && a.kind !== "demonym" && !a.context).map((a) => a.name)]) {
      for (const s of this.names.get(normaliseForMatching(n).text.trim()) ?? []) {
        if (s.kind === "person" || (s.kind === "state") !== (g.kind === "state")) continue;
        if ((s.kind === "parliament" || g.kind === "parliament") && s.country !== g.country) continue;
        found.add(s.i);
      }
    }
    return found.size === 1 ? [...found][0] : undefined;
  }
}
