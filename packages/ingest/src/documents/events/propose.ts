// Event proposals: a sentence that states an event (a summit held, an agreement signed or ratified, a membership
// approved, a mediation, a visit, a meeting, a verdict …) becomes a proposed event with its type, the date the
// sentence gives it, its participants with roles, and its venue; the sentence is the evidence. Rules, not guesses: a
// date or actor inside a scene-setting phrase ("after the victory of the revolution in February 1979,") belongs to
// another event; an ambiguous mention stays a choice for the reviewer.
import { EVENT_TYPES, type ActorKind, type EventType, type ParticipantRole } from "@diplograph/model";
import { dateValueString, findDates, type DateMention } from "../dates/index.js";
import { BACKGROUND, BACKGROUND_FA, ROLE_CUES, TRIGGERS } from "./lexicon.js";
import { defaultPlaceFinder, type PlaceFinder } from "./places.js";
import type { ActorMention, EventFinding, LinkedActor, PlaceMention, ProposedParticipant, ProposeEventsInput, TextSpan } from "./types.js";

export interface ProposeEventsOptions {
  /** The actor of a country (ISO alpha-3), for the host of an event held in one of its cities. */
  countryActor?: (iso3: string) => LinkedActor | undefined;
  places?: PlaceFinder;
}

/** Bodies whose meetings and summits these are: they take part as the venue. */
const BODY_KINDS = new Set<ActorKind>(["intergovernmental-organization", "parliamentary-assembly", "forum"]);
/** Other kinds of actor that are founded. */
const FOUNDED_KINDS = new Set<ActorKind>(["party", "movement", "parliamentary-body", "party-organ", "armed-force"]);

const NEGATION = /\b(?:not|never|unable to|failed to|refused to|did not|didn't|could not|couldn't|cannot|no longer)\s+(?:\w+\s+){0,2}$/iu;
const HYPOTHETICAL = /\b(?:could|should|would|may|might|can|will|shall|must|(?:aims?|seeks?|plans?|intends?|hopes?|wants?|wishes|proposed|agreed) to|pursu(?:e|es|ing)|possible|potential|prospective|future|planned)\s+(?:\w+\s+){0,3}$/iu;
const GENERIC = /\b(?:includ(?:e|es|ing)|such as|like|types? of|forms? of|kinds? of|areas? of|in terms of|mechanisms? (?:of|for)|capacit(?:y|ies) (?:of|for))\s+(?:\w+\s+){0,2}$/iu;
const REACTION = /(?:^|\s)(?:welcom|condemn|criticis|criticiz|prais|hail|denounc|applaud|reject|oppos|protest)\w*\s+(?:the\s+|this\s+|these\s+|its\s+|their\s+)?(?:\w+\s+){0,2}$/iu;
const ARABIC = /[\u0600-\u06ff]/gu;
const LATIN = /[A-Za-z]/gu;

/** The events stated in `input.text`, in text order: at most one per sentence. */
export function proposeEvents(input: ProposeEventsInput, options: ProposeEventsOptions = {}): EventFinding[] {
  const { text } = input;
  const persian = input.language ? input.language === "fa" : (text.match(ARABIC)?.length ?? 0) > (text.match(LATIN)?.length ?? 0);
  const dates = (input.dates ?? findDates(text)).filter((d) => d.kind !== "citation");
  const places = (options.places ?? defaultPlaceFinder()).find(text);
  const mentions = [...input.mentions].sort((a, b) => a.start - b.start);
  const out: EventFinding[] = [];
  // An event needs a participant: a linked actor, or the state of a named place.
  if (!mentions.some((m) => m.actor) && !(places.length && options.countryActor)) return out;
  for (const sentence of sentences(text, persian ? "fa" : "en")) {
    const inside = mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
    const named = places.filter((x) => x.start >= sentence.start && x.end <= sentence.end);
    if (!inside.some((m) => m.actor) && !(named.length && options.countryActor)) continue;
    const p = proposeInSentence(text, sentence, {
      mentions: inside,
      dates: dates.filter((d) => d.start >= sentence.start && d.start < sentence.end),
      places: named,
      countryActor: options.countryActor,
    });
    if (!p) continue;
    // "The summit was inaugurated with …" after a sentence that proposed the summit: the same event again.
    const prev = out.at(-1);
    if (prev && prev.type === p.type && !p.date && /^(?:the|this|that|these|این|آن)\s/iu.test(text.slice(Math.max(sentence.start, p.trigger.start - 5), p.trigger.start).trimStart() + " ")) continue;
    out.push(p);
  }
  return out;
}

interface SentenceParts {
  mentions: ActorMention[];
  dates: DateMention[];
  places: PlaceMention[];
  countryActor: ProposeEventsOptions["countryActor"];
}

function proposeInSentence(text: string, sentence: TextSpan, parts: SentenceParts): EventFinding | undefined {
  const background = backgroundRanges(text, sentence);
  const inBackground = (i: number) => background.some((r) => i >= r.start && i < r.end);
  const trigger = findTrigger(text, sentence, inBackground);
  if (!trigger) return undefined;
  const { type } = trigger;

  // The date: the one nearest the trigger outside scene-setting phrases; none rather than another event's.
  const date = parts.dates
    .filter((d) => !inBackground(d.start))
    .sort((a, b) => distance(a, trigger.span) - distance(b, trigger.span))[0];

  // The venue: a place named after "in"/"at" (or Persian "در"), outside scene-setting phrases.
  const place = parts.places.find((p) => !inBackground(p.start) && /(?:\b(?:in|at)\s+(?:the\s+)?|(?:^|[\s\u200c])در[\s\u200c]+)$/iu.test(text.slice(Math.max(sentence.start, p.start - 12), p.start)));

  const participants: ProposedParticipant[] = [];
  const unresolved: EventFinding["unresolved"] = [];
  const seen = new Map<string, ProposedParticipant>();
  const subject = subjectOf(parts.mentions, trigger.span, inBackground, text);
  for (const m of parts.mentions) {
    if (inBackground(m.start)) continue;
    const span = { start: m.start, end: m.end, text: m.text };
    if (!m.actor) {
      if (m.candidates?.length) unresolved.push({ ...span, candidates: [...m.candidates] });
      continue;
    }
    const role = roleOf(type, m, m === subject, trigger.span, text, sentence.start);
    const prev = seen.get(m.actor.id);
    if (prev) {
      if (prev.role === "participant" && role !== "participant") prev.role = role;
      continue;
    }
    const p = { actor: m.actor, role, mention: span };
    seen.set(m.actor.id, p);
    participants.push(p);
  }
  if (place && parts.countryActor) {
    const host = parts.countryActor(place.country);
    if (host) {
      const prev = seen.get(host.id);
      if (!prev) participants.push({ actor: host, role: "host", mention: { start: place.start, end: place.end, text: place.text } });
      else if (prev.role === "participant" || prev.role === "subject") prev.role = "host";
    }
  }
  if (participants.length === 0) return undefined;
  // "Established in 1889 and headquartered in Geneva, the Inter-Parliamentary Union …": the body founded is the first
  // body, party or movement the sentence names when none stands next to the trigger.
  if (type === "founding" && !participants.some((p) => p.role === "subject")) {
    const founded = participants.find((p) => BODY_KINDS.has(p.actor.kind) || FOUNDED_KINDS.has(p.actor.kind));
    if (founded && founded.role === "participant") founded.role = "subject";
  }

  const confidence = Math.min(0.95, 0.4 + (date ? 0.2 : 0) + (participants.length >= 2 ? 0.15 : 0) + (place ? 0.1 : 0) + (type === "statement" || type === "other" ? 0 : 0.1));
  const proposal: EventFinding = {
    type,
    participants,
    unresolved,
    trigger: trigger.span,
    sentence,
    title: titleOf(type, participants, place),
    confidence: Math.round(confidence * 100) / 100,
  };
  if (date) {
    proposal.date = date.date;
    proposal.precision = date.precision;
    proposal.dateText = { start: date.start, end: date.end, text: date.text };
  }
  if (place) proposal.place = place;
  return proposal;
}

/** The triggers compiled once with the global flag, so that every match in a sentence can be tried. */
const GLOBAL_TRIGGERS = TRIGGERS.map((t) => ({ type: t.type, re: new RegExp(t.pattern.source, t.pattern.flags.includes("g") ? t.pattern.flags : `${t.pattern.flags}g`) }));

/** The first trigger, in the lexicon's order of precedence, that lies outside scene-setting phrases. */
function findTrigger(text: string, sentence: TextSpan, inBackground: (i: number) => boolean): { type: EventType; span: TextSpan } | undefined {
  const body = sentence.text;
  for (const { type, re } of GLOBAL_TRIGGERS) {
    re.lastIndex = 0;
    for (let m = re.exec(body); m; m = re.exec(body)) {
      const start = sentence.start + m.index;
      if (inBackground(start)) continue;
      // "was unable to join", "did not sign": a denied event is not proposed; nor one only wished for or possible
      // ("could establish", "pursuing the establishment of"), nor a kind of event named in general ("includes the
      // ratification of agreements", "such as visits").
      const before = body.slice(Math.max(0, m.index - 40), m.index);
      if (NEGATION.test(before) || HYPOTHETICAL.test(before) || GENERIC.test(before)) continue;
      // "Qatar welcomed the talks": a reaction to an event is a statement by whoever reacts, not the event itself.
      const reaction = REACTION.exec(before);
      if (reaction) {
        const at = sentence.start + Math.max(0, m.index - 40) + reaction.index + reaction[0].search(/\S/u);
        const verb = /^\S+/u.exec(text.slice(at))![0];
        return { type: "statement", span: { start: at, end: at + verb.length, text: verb } };
      }
      return { type, span: { start, end: start + m[0].length, text: text.slice(start, start + m[0].length) } };
    }
  }
  return undefined;
}

/**
 * Scene-setting phrases of a sentence: a comma-delimited stretch that opens with "after", "following", "before",
 * "since", "having …" (or Persian "پس از", "به دنبال" …) up to the next comma.
 */
function backgroundRanges(text: string, sentence: TextSpan): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const body = sentence.text;
  const stops = /[,،;؛:]/gu;
  let from = 0;
  const segments: Array<[number, number]> = [];
  for (let m = stops.exec(body); m; m = stops.exec(body)) {
    segments.push([from, m.index]);
    from = m.index + 1;
  }
  segments.push([from, body.length]);
  for (const [a, b] of segments) {
    const seg = body.slice(a, b);
    // A list item's label ("12 - ", "۱۲.") and a leading conjunction do not hide the phrase's opening word.
    const lead = /^\s*(?:[(\[]?[\d۰-۹٠-٩]{1,3}[.)\]]?\s*(?:[-–—]\s*)?)?(?:(?:and|but|however|then|thus|so|و|اما|ولی)\s+)?/iu.exec(seg)![0].length;
    const rest = seg.slice(lead);
    const en = BACKGROUND.exec(rest);
    const fa = BACKGROUND_FA.exec(rest);
    const opens = (en && en.index === 0) || (fa && fa.index === 0) || /^having\s+\w+/iu.test(rest);
    if (opens) out.push({ start: sentence.start + a, end: sentence.start + b });
  }
  return out;
}

/** The actor that performs the trigger: the nearest linked mention before it in the same clause. */
function subjectOf(mentions: readonly ActorMention[], trigger: TextSpan, inBackground: (i: number) => boolean, text: string): ActorMention | undefined {
  let best: ActorMention | undefined;
  for (const m of mentions) {
    if (m.end > trigger.start || !m.actor || inBackground(m.start)) continue;
    // A clause boundary between them (a comma or semicolon) breaks the link, unless it closes an aside such as "(RA)".
    const between = text.slice(m.end, trigger.start);
    if (/[;؛]/u.test(between)) continue;
    best = m;
  }
  return best;
}

function roleOf(type: EventType, m: ActorMention, isSubject: boolean, trigger: TextSpan, text: string, sentenceStart: number): ParticipantRole {
  const before = text.slice(Math.max(sentenceStart, m.start - 60), m.start);
  const after = text.slice(m.end, m.end + 30);
  const kind = m.actor!.kind;
  for (const cue of ROLE_CUES) {
    if (!cue.before.test(before)) continue;
    if (cue.role === "host" && /invitation|دعوت/u.test(before.slice(-30))) return "organiser";
    if (cue.role === "host" && type !== "summit" && type !== "meeting" && type !== "congress" && type !== "visit" && type !== "accession" && type !== "agreement-signed") break;
    return cue.role;
  }
  if (/^\s*(?:delegation|هیئت|هیات)/iu.test(after) || /(?:delegation of|هیئت|هیات)[\s\u200c]+$/iu.test(before)) return "delegation";
  const mediationWord = /mediat|میانجی|وساطت/iu;
  switch (type) {
    case "summit":
    case "meeting":
    case "congress":
      return BODY_KINDS.has(kind) ? "venue" : "participant";
    case "accession":
      return BODY_KINDS.has(kind) ? "venue" : "subject";
    case "agreement-signed":
      return mediationWord.test(before.slice(-25)) ? "mediator" : "signatory";
    case "ratification":
      return kind === "parliament" || isSubject ? "ratifier" : "participant";
    case "mediation": {
      // "Iran's mediation", "the mediation of Iran", "Iran mediated": the mediator; the others are the parties.
      const adjacent = (m.end <= trigger.start && /^(?:['’]s)?\s*(?:\S+\s+){0,3}$/u.test(text.slice(m.end, trigger.start))) || isSubject;
      return adjacent ? "mediator" : "party";
    }
    case "negotiation":
      return "party";
    case "visit":
      return isSubject ? "guest" : "participant";
    case "statement":
    case "message":
      return isSubject ? "sender" : "participant";
    case "founding":
      // "the formation of Hezbollah", "the United Front …, consisting of eight groups, was formed": the body founded.
      return (m.start >= trigger.end && /^\s*(?:the\s+)?$/iu.test(text.slice(trigger.end, m.start))) ||
        (m.end <= trigger.start && /^\s*(?:,[^,]*,\s*)?$/u.test(text.slice(m.end, trigger.start)))
        ? "subject"
        : "participant";
    case "relations-reduced":
    case "diplomatic-recognition":
    case "sanction":
      return isSubject ? "participant" : "target";
    default:
      return "participant";
  }
}

function distance(d: { start: number; end: number }, t: TextSpan): number {
  return d.end <= t.start ? t.start - d.end : d.start >= t.end ? d.start - t.end : 0;
}

function titleOf(type: EventType, participants: readonly ProposedParticipant[], place: PlaceMention | undefined): string {
  const names = participants.slice(0, 3).map((p) => p.actor.name);
  const more = participants.length > 3 ? " and others" : "";
  return `${EVENT_TYPES.map[type].label}: ${names.join(", ")}${more}${place ? ` (${place.name})` : ""}`;
}

const segmenters = new Map<string, Intl.Segmenter>();

/**
 * The sentences of `text` with their offsets. Line breaks count as spaces (the same length, so offsets hold): a
 * sentence broken across lines or pages stays one sentence.
 */
export function sentences(text: string, lang: "en" | "fa"): TextSpan[] {
  let seg = segmenters.get(lang);
  if (!seg) segmenters.set(lang, (seg = new Intl.Segmenter(lang, { granularity: "sentence" })));
  const flat = text.replace(/[\r\n\f]/gu, " ");
  const out: TextSpan[] = [];
  let pending: { start: number; end: number } | undefined;
  for (const s of seg.segment(flat)) {
    const start = s.index;
    const end = s.index + s.segment.trimEnd().length;
    // "(RA)." or "U.S." can end a segment too early: a piece that starts lower-case continues the previous one.
    if (pending && /^\s*[a-z(]/u.test(s.segment)) {
      pending.end = end;
      continue;
    }
    if (pending && pending.end > pending.start) out.push(span(text, pending));
    pending = { start: start + (s.segment.length - s.segment.trimStart().length), end };
  }
  if (pending && pending.end > pending.start) out.push(span(text, pending));
  return out;
}

const span = (text: string, r: { start: number; end: number }): TextSpan => ({ start: r.start, end: r.end, text: text.slice(r.start, r.end) });

/** The wire form of `diplograph extract --json`: type, date (`YYYY[-MM[-DD]]` or `start/end`, null when unstated), participant ids. */
export interface EventFindingJson {
  type: EventType;
  date: string | null;
  participants: string[];
}

export function toEventFindingJson(p: EventFinding): EventFindingJson {
  return { type: p.type, date: p.date ? dateValueString(p.date) : null, participants: p.participants.map((x) => x.actor.id) };
}
