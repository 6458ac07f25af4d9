// Controlled vocabularies: one type map per kind, so adding a kind is one entry and the compiler finds the rest.
import { z } from "zod";

/** Build a Zod enum and its key list from a type map whose keys are the kinds. */
function vocabulary<const M extends Record<string, { label: string }>>(map: M) {
  const keys = Object.keys(map) as [keyof M & string, ...(keyof M & string)[]];
  const has = (k: string): k is keyof M & string => Object.hasOwn(map, k);
  return { map, keys, schema: z.enum(keys), has };
}

export const ACTOR_KINDS = vocabulary({
  state: { label: "State" },
  government: { label: "Government" },
  ministry: { label: "Ministry or government agency" },
  parliament: { label: "National parliament or chamber" },
  "parliamentary-body": { label: "Parliamentary body (committee, friendship group, delegation)" },
  party: { label: "Political party" },
  "party-organ": { label: "Party organ (department, wing, bureau)" },
  "intergovernmental-organization": { label: "Intergovernmental organisation" },
  "parliamentary-assembly": { label: "Inter-parliamentary assembly or union" },
  forum: { label: "Forum or conference series" },
  "armed-force": { label: "Armed or security force (a state's military, guard corps or their branches)" },
  movement: { label: "Movement or non-state group" },
  person: { label: "Person" },
  other: { label: "Other" },
});
export const ActorKind = ACTOR_KINDS.schema;
export type ActorKind = z.infer<typeof ActorKind>;

/** Channels an action runs through (multi-track diplomacy). */
export const TRACKS = vocabulary({
  official: { label: "Official (state, government)" },
  parliamentary: { label: "Parliamentary" },
  party: { label: "Party" },
  movement: { label: "Movement" },
  "public-cultural": { label: "Public and cultural (media, religion, education)" },
  economic: { label: "Economic (commerce, trade, development)" },
  "military-security": { label: "Military and security" },
});
export const Track = TRACKS.schema;
export type Track = z.infer<typeof Track>;

/** Layers of action, for multiplex analysis. */
export const LAYERS = vocabulary({
  political: { label: "Political" },
  economic: { label: "Economic" },
  "cultural-social": { label: "Cultural and social" },
  "military-security": { label: "Military and security" },
  "informational-media": { label: "Informational and media" },
  legal: { label: "Legal" },
});
export const Layer = LAYERS.schema;
export type Layer = z.infer<typeof Layer>;

/**
 * Relation kinds. `target` says what the far end may be; `roles` the roles the kind accepts (first is the default
 * where one is required); `symmetric` kinds are undirected when projected onto a graph.
 */
export const RELATION_KINDS = vocabulary({
  "member-of": {
    label: "Member of",
    target: "actor",
    roles: ["full", "associate", "observer", "guest", "founding"],
    symmetric: false,
  },
  "part-of": { label: "Part of", target: "actor", roles: [], symmetric: false },
  "friendship-group": { label: "Parliamentary friendship group", target: "actor", roles: [], symmetric: true },
  "party-relation": { label: "Party-to-party relation", target: "actor", roles: [], symmetric: true },
  "treaty-party": {
    label: "Party to an agreement",
    target: "agreement",
    roles: ["signatory", "party", "observer"],
    symmetric: false,
  },
  ratifies: { label: "Ratified or approved by a parliament", target: "agreement", roles: [], symmetric: false },
  neighbour: { label: "Neighbour", target: "actor", roles: ["land", "maritime"], symmetric: true },
  supports: { label: "Supports", target: "actor", roles: [], symmetric: false },
  mediates: { label: "Mediates between or in", target: "actor", roles: [], symmetric: false },
  "diplomatic-relations": {
    label: "Diplomatic relations",
    target: "actor",
    roles: ["embassy", "mission", "none"],
    symmetric: true,
  },
} as const);
export const RelationKind = RELATION_KINDS.schema;
export type RelationKind = z.infer<typeof RelationKind>;

/** Every role any relation kind accepts; the kind-specific check lives in the relation schema. */
export const RelationRole = z.enum([
  "full",
  "associate",
  "observer",
  "guest",
  "founding",
  "signatory",
  "party",
  "land",
  "maritime",
  "embassy",
  "mission",
  "none",
]);
export type RelationRole = z.infer<typeof RelationRole>;

/**
 * Event types, each with the CAMEO event code that fits it (null where none does: CAMEO has no code for a
 * ratification or a model law). An event may override the code.
 */
export const EVENT_TYPES = vocabulary({
  summit: { label: "Summit or conference of heads", cameo: "043" },
  meeting: { label: "Meeting", cameo: "040" },
  visit: { label: "Visit", cameo: "042" },
  delegation: { label: "Delegation", cameo: "042" },
  congress: { label: "Party congress", cameo: null },
  invitation: { label: "Invitation", cameo: "036" },
  message: { label: "Message", cameo: "010" },
  "agreement-signed": { label: "Agreement signed", cameo: "057" },
  ratification: { label: "Ratification", cameo: null },
  accession: { label: "Accession or admission to membership", cameo: null },
  resolution: { label: "Resolution adopted", cameo: null },
  "model-law": { label: "Model law adopted", cameo: null },
  statement: { label: "Statement", cameo: "010" },
  mediation: { label: "Mediation", cameo: "045" },
  negotiation: { label: "Negotiation", cameo: "046" },
  ruling: { label: "Ruling or verdict", cameo: null },
  "diplomatic-recognition": { label: "Diplomatic relations established", cameo: "054" },
  "relations-reduced": { label: "Diplomatic relations reduced or broken", cameo: "161" },
  sanction: { label: "Embargo, boycott or sanction", cameo: "163" },
  aid: { label: "Aid or support provided", cameo: "070" },
  founding: { label: "Body founded or transformed", cameo: null },
  other: { label: "Other", cameo: null },
} as const);
export const EventType = EVENT_TYPES.schema;
export type EventType = z.infer<typeof EventType>;

export const PARTICIPANT_ROLES = vocabulary({
  host: { label: "Host" },
  guest: { label: "Guest" },
  participant: { label: "Participant" },
  organiser: { label: "Organiser" },
  mediator: { label: "Mediator" },
  party: { label: "Party (to a dispute or negotiation)" },
  signatory: { label: "Signatory" },
  ratifier: { label: "Ratifying body" },
  "delegation-head": { label: "Head of delegation" },
  delegation: { label: "Delegation" },
  sender: { label: "Sender" },
  recipient: { label: "Recipient" },
  subject: { label: "Subject (the event concerns it)" },
  target: { label: "Target" },
  venue: { label: "Venue body" },
});
export const ParticipantRole = PARTICIPANT_ROLES.schema;
export type ParticipantRole = z.infer<typeof ParticipantRole>;

export const AGREEMENT_KINDS = vocabulary({
  treaty: { label: "Treaty" },
  agreement: { label: "Agreement" },
  convention: { label: "Convention" },
  mou: { label: "Memorandum of understanding" },
  "model-law": { label: "Model law" },
  resolution: { label: "Resolution" },
  recommendation: { label: "Recommendation" },
  declaration: { label: "Declaration" },
  charter: { label: "Charter or statute" },
  other: { label: "Other" },
});
export const AgreementKind = AGREEMENT_KINDS.schema;
export type AgreementKind = z.infer<typeof AgreementKind>;

export const SOURCE_TYPES = vocabulary({
  "journal-article": { label: "Journal article" },
  "news-article": { label: "News article" },
  report: { label: "Report" },
  book: { label: "Book" },
  "official-document": { label: "Official document" },
  dataset: { label: "Dataset" },
  website: { label: "Website" },
  other: { label: "Other" },
});
export const SourceType = SOURCE_TYPES.schema;
export type SourceType = z.infer<typeof SourceType>;

export const CLAIM_STATUSES = vocabulary({
  proposed: { label: "Proposed (awaiting review)" },
  accepted: { label: "Accepted" },
  rejected: { label: "Rejected" },
});
export const ClaimStatus = CLAIM_STATUSES.schema;
export type ClaimStatus = z.infer<typeof ClaimStatus>;

/** Records a claim can be about. */
export const TARGET_TYPES = vocabulary({
  actor: { label: "Actor" },
  relation: { label: "Relation" },
  event: { label: "Event" },
  agreement: { label: "Agreement" },
  concept: { label: "Framework concept" },
});
export const TargetType = TARGET_TYPES.schema;
export type TargetType = z.infer<typeof TargetType>;
