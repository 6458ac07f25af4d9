// The event proposer as a step of the extraction pipeline: it reads the dates and linked mentions the earlier steps
// found in a passage and returns each event the passage states as a proposal for `diplograph ingest` to write.
import { findReferencesSection } from "../citations/references.js";
import type { EventProposal, Extractor, ProposedEvent } from "../extract/types.js";
import { proposeEvents, type ProposeEventsOptions } from "./propose.js";
import type { ActorMention, EventFinding } from "./types.js";

/** The pipeline step: one proposal per event a sentence of the passage states. */
export function eventExtractor(options: ProposeEventsOptions = {}): Extractor {
  const references = new WeakMap<object, { start: number; end: number } | null>();
  return (passage, { found, document }) => {
    // A references list cites works; the events its titles name are not stated by the document.
    let refs = references.get(document);
    if (refs === undefined) {
      const section = findReferencesSection(document.text);
      references.set(document, (refs = section ? { start: section.start, end: section.end } : null));
    }
    if (refs && passage.start >= refs.start && passage.end <= refs.end) return {};
    const by = passage.start;
    const mentions = found.mentions.map((m): ActorMention => {
      const out: ActorMention = { start: m.start - by, end: m.end - by, text: m.text, candidates: m.candidates };
      if (m.actor) out.actor = m.actor;
      return out;
    });
    const dates = found.dates.map((d) => ({ ...d, start: d.start - by, end: d.end - by }));
    const language = passage.language === "fa" || passage.language === "en" ? passage.language : undefined;
    const findings = proposeEvents({ text: passage.text, mentions, dates, ...(language ? { language } : {}) }, options);
    return { events: findings.map((f) => toProposal(f, by)) };
  };
}

/** A finding as the record ingest writes, offsets moved from the passage into the document. */
export function toProposal(f: EventFinding, by: number): EventProposal {
  const event: ProposedEvent = { type: f.type, title: f.title, participants: f.participants.map((p) => ({ actor: p.actor.id, role: p.role })) };
  if (f.date) event.date = f.date;
  if (f.place) {
    event.place = f.place.name;
    event.placeCountry = f.place.country;
  }
  const notes = [`read from "${f.trigger.text}"`, f.dateText ? `dated by "${f.dateText.text}"` : "the passage states no date"];
  if (f.unresolved.length) notes.push(`left to the reviewer: ${f.unresolved.map((u) => `"${u.text}" (${u.candidates.map((c) => c.id).join(" or ")})`).join(", ")}`);
  return {
    event,
    evidence: { start: f.sentence.start + by, end: f.sentence.end + by },
    confidence: f.confidence,
    note: `${f.title}${f.date ? "" : " (no date stated)"}. Proposed by diplograph ingest: ${notes.join("; ")}.`,
    actors: f.participants.map((p) => ({ ...p.actor, mention: { start: p.mention.start + by, end: p.mention.end + by } })),
  };
}
