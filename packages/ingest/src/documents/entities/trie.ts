// The compiled name index: a trie over normalised word sequences whose nodes hold what a name ending there denotes
// (an actor, a stop phrase, a generic word for parliament, a context cue) and the conditions it links under.
import { normaliseForMatching } from "../language/normalise.js";
import type { ParliamentRole, Via } from "./types.js";
import { GAP, tokenise, type Gap } from "./tokens.js";

export const EntryType = { Entity: 0, Stop: 1, Generic: 2, Cue: 3 } as const;
export type EntryType = (typeof EntryType)[keyof typeof EntryType];

/** Case rule of a Latin name: none, the capitalised words as capitalised, or (acronyms) letter for letter. */
export const CaseRule = { None: 0, Capitals: 1, Exact: 2 } as const;
export type CaseRule = (typeof CaseRule)[keyof typeof CaseRule];

export const ContextRule = { None: 0, Required: 1, List: 2, Passage: 3 } as const;
export type ContextRule = (typeof ContextRule)[keyof typeof ContextRule];

export interface Entry {
  type: EntryType;
  /** Index of the entity (EntryType.Entity). */
  entity: number;
  via: Via;
  confidence: number;
  caseRule: CaseRule;
  /** Bit i: word i of the name is capitalised (CaseRule.Capitals). */
  capitals: number;
  /** Letters and digits of the name as written (CaseRule.Exact). */
  exact: string;
  /** The name ends with a full stop ("U.S."): a full stop after the words belongs to the mention. */
  dot: boolean;
  context: ContextRule;
  with?: string[];
  person: boolean;
  prefix: boolean;
  noResolve: boolean;
  quiet: boolean;
  unless?: string[];
  notBefore?: ReadonlySet<string>;
  /** Generic parliament word: the role it names. */
  role?: ParliamentRole;
  /** Cue: the country it points to. */
  country?: string;
  /** 1: curated (stored actors, gazetteer); 3: Party Facts. A node's curated entries hide its Party Facts ones. */
  tier: number;
}

/** A trie node: the names ending here, and the next words by the kind of separator before them. */
export interface Node {
  next?: Array<Map<string, Node> | undefined>;
  entries?: Entry[];
}

/** A name compiled for the trie: its words, the separator before each, and what its case rules need. */
export interface CompiledName {
  words: string[];
  gaps: Gap[];
  capitals: number;
  exact: string;
  latin: boolean;
  acronym: boolean;
  dot: boolean;
}

const LATIN_LETTER = /[A-Za-z\u00c0-\u024f]/u;
const ACRONYM = /^(?=(?:[^\p{Lu}]*\p{Lu}){2})[\p{Lu}\p{N}.&+\- ]+$/u;

/** Compile a name: its words (with separators) and which of them are capitalised. */
export function compileName(name: string, kind?: string): CompiledName | undefined {
  const m = normaliseForMatching(name);
  const toks = tokenise(m);
  if (toks.n === 0 || toks.n > 30) return undefined;
  const words: string[] = [];
  const gaps: Gap[] = [];
  let capitals = 0;
  for (let i = 0; i < toks.n; i++) {
    const g = toks.gap[i]! as Gap;
    if (g === GAP.BREAK) return undefined;
    words.push(toks.word[i]!);
    gaps.push(g);
    const ch = name[m.starts[toks.start[i]!]!]!;
    if (ch !== ch.toLowerCase()) capitals |= 1 << i;
  }
  const latin = LATIN_LETTER.test(name);
  return { words, gaps, capitals, exact: alnum(name), latin, acronym: latin && (kind === "acronym" || ACRONYM.test(name)), dot: /\.$/u.test(name.trim()) };
}

/** Letters and digits only. */
export function alnum(s: string): string {
  return s.replace(/[^\p{L}\p{N}]/gu, "");
}

export class Trie {
  /** The node before any word: its next words (gap START) are the first words of names. */
  readonly root: Node = { next: [new Map()] };

  add(words: readonly string[], gaps: readonly Gap[], entry: Entry): void {
    let node = this.root;
    for (let i = 0; i < words.length; i++) {
      const g = i === 0 ? GAP.START : gaps[i]!;
      const next = (node.next ??= []);
      const map = (next[g] ??= new Map());
      let child = map.get(words[i]!);
      if (!child) {
        child = {};
        map.set(words[i]!, child);
      }
      node = child;
    }
    if (node === this.root) return;
    const list = (node.entries ??= []);
    const same = list.find((e) => e.type === entry.type && e.entity === entry.entity && e.role === entry.role && e.country === entry.country);
    if (!same) {
      list.push(entry);
      return;
    }
    // The same actor named twice (a stored alias and the gazetteer's): keep the stricter conditions.
    same.context = Math.max(same.context, entry.context) as ContextRule;
    same.caseRule = Math.max(same.caseRule, entry.caseRule) as CaseRule;
    same.confidence = Math.max(same.confidence, entry.confidence);
    same.person ||= entry.person;
    same.prefix &&= entry.prefix;
    same.noResolve ||= entry.noResolve;
    same.quiet &&= entry.quiet;
    if (entry.with) same.with = [...(same.with ?? []), ...entry.with];
    if (entry.unless) same.unless = [...(same.unless ?? []), ...entry.unless];
    if (entry.notBefore) same.notBefore = new Set([...(same.notBefore ?? []), ...entry.notBefore]);
    same.tier = Math.min(same.tier, entry.tier);
  }

  /** The node after `node` for word `w` with separator `g` before it. */
  static step(node: Node, g: number, w: string): Node | undefined {
    return node.next?.[g]?.get(w);
  }

  /** Drop Party Facts entries where a curated name ends at the same node. */
  prune(): void {
    const visit = (node: Node) => {
      if (node.entries?.some((e) => e.type === EntryType.Entity && e.tier === 1)) {
        node.entries = node.entries.filter((e) => e.type !== EntryType.Entity || e.tier === 1);
      }
      for (const map of node.next ?? []) for (const child of map?.values() ?? []) visit(child);
    };
    visit(this.root);
  }
}
