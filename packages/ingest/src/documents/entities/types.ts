// Types of the entity linker: the gazetteer's entries, the linked mentions it returns, and the options.
import type { ActorKind } from "@diplograph/model";

/** How a mention was recognised. */
export type Via =
  /** The actor's canonical or official name. */
  | "name"
  /** Another full name, a transliteration or a name in another language. */
  | "alias"
  /** An acronym, matched case-sensitively. */
  | "acronym"
  /** A short form ("America", «عربستان», "the Duma"). */
  | "short-form"
  /** A former name ("Burma", "Baghdad Pact"). */
  | "former"
  /** A source's own term ("Zionist regime"), kept as an alias, not adopted. */
  | "source-term"
  /** A demonym or adjective ("Iranian", «ایرانی», "Sino-"). */
  | "demonym"
  /** A generic word made specific by the country beside it ("the Turkish parliament", «مجلس ترکیه»). */
  | "composite";

/** How the linker settled on the actor, or why it did not. */
export type Resolution =
  /** The name denotes one actor. */
  | "unique"
  /** Several actors (or a context-dependent one): the other mentions of the passage or document decided. */
  | "context"
  /** A country named beside it decided ("Pakistan's National Assembly"). */
  | "adjacent"
  /** Left to the reviewer: `candidates` lists the choices. */
  | "ambiguous";

/** An actor as a mention refers to it. */
export interface ActorRef {
  id: string;
  name: string;
  kind: ActorKind;
  /** ISO 3166-1 alpha-3 of a state, or of a national actor's country. */
  country?: string;
}

/** A name of an actor found in a text. */
export interface EntityMention {
  /** JavaScript string index of the mention's first character in the original text. */
  start: number;
  /** Index just past it: `text === input.slice(start, end)`. */
  end: number;
  text: string;
  /** Set only when the mention denotes one actor, or context resolved it. */
  actor?: ActorRef;
  /** Every actor the words can denote here (one when unambiguous); the reviewer's choices when `actor` is absent. */
  candidates: ActorRef[];
  via: Via;
  resolution: Resolution;
  /** 0–1: how sure the linker is that the words name `actor` (or, without one, an actor among `candidates`). */
  confidence: number;
  /**
   * Countries named inside the mention: a national actor's own country ("China" in "Communist Party of China",
   * "Turkish" in "the Turkish parliament"), and for an actor of no country the countries it names outright ("Iran"
   * and "US" in "Iran-US Claims Tribunal"; not "American" in "Organization of American States").
   */
  inner?: EntityMention[];
}

/** Countries and actors known to be the subject of the surrounding document (or given by the caller). */
export interface LinkContext {
  /** ISO 3166-1 alpha-3 codes. */
  countries?: Iterable<string>;
  /** Actor ids (as the linker reports them). */
  actors?: Iterable<string>;
}

export interface FindEntitiesOptions {
  /** What the rest of the document names, to resolve ambiguous names the passage alone leaves open. */
  context?: LinkContext;
  /** Mentions below this confidence are dropped. Default 0.5. */
  minConfidence?: number;
  /** Only actors of these kinds (candidates of other kinds are dropped first). */
  kinds?: readonly ActorKind[];
}

/** What an alias requires of its surroundings before it links. */
export type AliasContext =
  /** Links only when its actor (or the actor's country, or one of `with`) is in context; otherwise a candidate. */
  | "required"
  /** A common word too: links only in a list of countries or after a word such as "country"; otherwise dropped. */
  | "list"
  /** As required, but only the passage's own mentions count (a party's short name: "AKP" with Turkey named). */
  | "passage";

/** A name in the gazetteer, with the conditions it links under. */
export interface GazetteerAlias {
  name: string;
  lang: string;
  /** official | short | acronym | former | source-term | transliteration | demonym | other. */
  kind?: string;
  confidence?: number;
  context?: AliasContext;
  /** Actor ids whose mention also counts as context (`context: required`). */
  with?: string[];
  /** Also a given or family name: not linked between capitalised words ("Michael Jordan"). */
  person?: boolean;
  /** Words that, anywhere in the passage, turn the name into a candidate only (Georgia near "Atlanta"). */
  unless?: string[];
  /** Words that, right after the name, mean it is not the name (مصر before است: "insistent"). */
  notBefore?: string[];
  /** Only as the first part of a hyphenated compound ("Sino-Russian"). */
  prefix?: boolean;
  /** Never resolved by context ("Arab"): always a list of candidates. */
  noResolve?: boolean;
  /** Left out, rather than offered as a candidate, when context does not settle it (Party Facts' generic names). */
  quiet?: boolean;
}

/** Role of a parliament entry: the whole legislature (or a unicameral one), or one chamber. */
export type ParliamentRole = "legislature" | "lower" | "upper";

export interface GazetteerEntity {
  id: string;
  kind: ActorKind;
  name: string;
  country?: string;
  partyfacts?: number;
  wikidata?: string;
  role?: ParliamentRole;
  /** A dependent territory or other area that is not a state. */
  territory?: boolean;
  aliases: GazetteerAlias[];
  /** Which data it comes from: the gazetteer files or Party Facts. */
  source: "gazetteer" | "partyfacts";
}

/** The maintained gazetteer, as read from data/reference/gazetteer. */
export interface Gazetteer {
  entities: GazetteerEntity[];
  /** Phrases holding a country name that do not name it ("Latin America", «آمریکای لاتین»). */
  stops: Array<{ name: string; lang: string }>;
  /** Words that show a country is the subject (capitals): context only, never mentions. */
  cues: Array<{ name: string; country: string }>;
  /** Generic words for a parliament or chamber, made specific by a country beside them. */
  generic: Array<{ name: string; lang: string; role: ParliamentRole }>;
}
