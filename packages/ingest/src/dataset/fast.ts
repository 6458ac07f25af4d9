// A fast path for validating the rows of large CSV tables of relations and events: the checks of the Zod schemas in
// format.ts, compiled by hand to plain code over the record objects read.ts builds from CSV rows. It only ever accepts:
// for a row it is unsure of (anything unusual, anything wrong) it answers undefined and the importer runs the Zod
// schema, which reports the problem with its usual message. format.test.ts checks that both agree on every row it
// accepts, so the fast path changes speed, never results.
import {
  CLAIM_STATUSES,
  EVENT_TYPES,
  LAYERS,
  PARTICIPANT_ROLES,
  RELATION_KINDS,
  RelationRole,
  TRACKS,
  isIso3,
  parseDate,
  type DateValue,
} from "@diplograph/model";
import type { ClaimInput, EventInput, RelationInput } from "./format.js";

const set = (keys: readonly string[]) => new Set<string>(keys);
const RELATION_KIND = set(RELATION_KINDS.keys);
const RELATION_ROLE = set(RelationRole.options);
const EVENT_TYPE = set(EVENT_TYPES.keys);
const TRACK = set(TRACKS.keys);
const LAYER = set(LAYERS.keys);
const ROLE = set(PARTICIPANT_ROLES.keys);
const STATUS = set(CLAIM_STATUSES.keys);

const ID = /^[a-z0-9][a-z0-9._:-]*$/;
const CAMEO = /^\d{2,4}$/;

const isId = (v: unknown): v is string => typeof v === "string" && v.length >= 1 && v.length <= 160 && ID.test(v);

/** A string as `Name` accepts it (trimmed, not empty); anything with control or surrogate characters is left to Zod. */
function isPlainName(v: unknown): v is string {
  if (typeof v !== "string" || v.length === 0) return false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 0x20 || c === 0x7f || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return v.trim().length === v.length; // already trimmed, as CSV cells are
}

/**
 * Dates repeat across the rows of a table: each distinct expression is parsed once, into a frozen value that the rows
 * share (and whose JSON the row builders then compute once). Errors are left to Zod.
 */
export class DateCache {
  private readonly map = new Map<string, DateValue>();
  get(s: string): DateValue | undefined {
    let d = this.map.get(s);
    if (d !== undefined) return d;
    try {
      d = Object.freeze(parseDate(s));
    } catch {
      return undefined;
    }
    if (this.map.size < 100_000) this.map.set(s, d);
    return d;
  }
}

/** An optional field: absent, or a valid value (undefined when invalid is signalled by `bad`). */
const BAD = Symbol("bad");
type Bad = typeof BAD;

function optDate(v: unknown, dates: DateCache): DateValue | undefined | Bad {
  if (v === undefined) return undefined;
  if (typeof v !== "string") return BAD;
  return dates.get(v) ?? BAD;
}

function optEnum(v: unknown, values: Set<string>): string | undefined | Bad {
  if (v === undefined) return undefined;
  return typeof v === "string" && values.has(v) ? v : BAD;
}

function optString(v: unknown): string | undefined | Bad {
  return v === undefined ? undefined : typeof v === "string" ? v : BAD;
}

function layers(v: unknown): string[] | Bad {
  if (v === undefined) return [];
  if (!Array.isArray(v)) return BAD;
  for (const l of v) if (typeof l !== "string" || !LAYER.has(l)) return BAD;
  return v as string[];
}

const CLAIM_KEYS = new Set(["source", "quote", "page", "start", "end", "status", "confidence", "author"]);

/** The claims of a CSV row (at most one, with the claim columns), as ClaimInput would read them. */
function claims(v: unknown): ClaimInput[] | Bad {
  if (v === undefined) return [];
  if (!Array.isArray(v)) return BAD;
  const out: ClaimInput[] = [];
  for (const c of v as unknown[]) {
    if (!c || typeof c !== "object" || Array.isArray(c)) return BAD;
    const r = c as Record<string, unknown>;
    for (const k in r) if (!CLAIM_KEYS.has(k)) return BAD;
    if (!isId(r.source)) return BAD;
    const claim: ClaimInput = { source: r.source };
    if (r.quote !== undefined) {
      if (typeof r.quote !== "string" || r.quote.length === 0) return BAD;
      claim.quote = r.quote;
    }
    if (r.page !== undefined) {
      if (typeof r.page === "string") claim.page = r.page;
      else if (typeof r.page === "number" && Number.isFinite(r.page)) claim.page = String(r.page);
      else return BAD;
    }
    for (const k of ["start", "end"] as const) {
      const n = r[k];
      if (n === undefined) continue;
      if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0) return BAD;
      claim[k] = n;
    }
    if (r.status !== undefined) {
      if (typeof r.status !== "string" || !STATUS.has(r.status)) return BAD;
      claim.status = r.status as ClaimInput["status"];
    }
    if (r.confidence !== undefined) {
      const n = r.confidence;
      if (typeof n !== "number" || !Number.isFinite(n) || n < 0 || n > 1) return BAD;
      claim.confidence = n;
    }
    if (r.author !== undefined) {
      if (typeof r.author !== "string" || r.author.length === 0) return BAD;
      claim.author = r.author;
    }
    out.push(claim);
  }
  return out;
}

const RELATION_KEYS = new Set(["id", "kind", "from", "to", "role", "start", "end", "signed", "ratified", "track", "note", "layers", "claims"]);

/** A relation row as RelationInput would read it, or undefined when the Zod schema has to decide. */
export function fastRelation(value: unknown, dates: DateCache): RelationInput | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  for (const k in v) if (!RELATION_KEYS.has(k)) return undefined;
  if (v.id !== undefined && !isId(v.id)) return undefined;
  if (typeof v.kind !== "string" || !RELATION_KIND.has(v.kind)) return undefined;
  if (!isRef(v.from) || !isRef(v.to)) return undefined;
  const role = optEnum(v.role, RELATION_ROLE);
  const track = optEnum(v.track, TRACK);
  const note = optString(v.note);
  const ls = layers(v.layers);
  const cs = claims(v.claims);
  if (role === BAD || track === BAD || note === BAD || ls === BAD || cs === BAD) return undefined;
  const start = optDate(v.start, dates);
  const end = optDate(v.end, dates);
  const signed = optDate(v.signed, dates);
  const ratified = optDate(v.ratified, dates);
  if (start === BAD || end === BAD || signed === BAD || ratified === BAD) return undefined;
  const r = { kind: v.kind, from: v.from, to: v.to, layers: ls, attributes: {}, claims: cs } as RelationInput;
  if (v.id !== undefined) r.id = v.id as string;
  if (role !== undefined) r.role = role as RelationInput["role"];
  if (start !== undefined) r.start = start;
  if (end !== undefined) r.end = end;
  if (signed !== undefined) r.signed = signed;
  if (ratified !== undefined) r.ratified = ratified;
  if (track !== undefined) r.track = track as RelationInput["track"];
  if (note !== undefined) r.note = note;
  return r;
}

/** A reference as `Ref` accepts it: a non-empty string without surrounding whitespace (CSV cells are trimmed). */
function isRef(v: unknown): v is string {
  return typeof v === "string" && v.length > 0 && v.trim().length === v.length;
}

const EVENT_KEYS = new Set(["id", "type", "title", "date", "place", "placeCountry", "participants", "track", "layers", "outcome", "agreement", "cameo", "note", "claims"]);

/** An event row as EventInput would read it, or undefined when the Zod schema has to decide. */
export function fastEvent(value: unknown, dates: DateCache): EventInput | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  for (const k in v) if (!EVENT_KEYS.has(k)) return undefined;
  if (v.id !== undefined && !isId(v.id)) return undefined;
  if (typeof v.type !== "string" || !EVENT_TYPE.has(v.type)) return undefined;
  if (!isPlainName(v.title)) return undefined;
  if (typeof v.date !== "string") return undefined;
  const date = dates.get(v.date);
  if (date === undefined) return undefined;
  const place = optString(v.place);
  const outcome = optString(v.outcome);
  const note = optString(v.note);
  const track = optEnum(v.track, TRACK);
  const ls = layers(v.layers);
  const cs = claims(v.claims);
  if (place === BAD || outcome === BAD || note === BAD || track === BAD || ls === BAD || cs === BAD) return undefined;
  if (v.placeCountry !== undefined && (typeof v.placeCountry !== "string" || !isIso3(v.placeCountry))) return undefined;
  if (v.agreement !== undefined && !isId(v.agreement)) return undefined;
  if (v.cameo !== undefined && (typeof v.cameo !== "string" || !CAMEO.test(v.cameo))) return undefined;
  const participants: EventInput["participants"] = [];
  if (v.participants !== undefined) {
    if (!Array.isArray(v.participants)) return undefined;
    for (const s of v.participants as unknown[]) {
      if (typeof s !== "string") return undefined;
      // As ParticipantInput reads a string: `ref`, or `ref:role` with a known role.
      const i = s.lastIndexOf(":");
      const role = i > 0 ? s.slice(i + 1).trim() : "participant";
      if (!ROLE.has(role)) return undefined;
      participants.push({ actor: (i > 0 ? s.slice(0, i) : s).trim(), role: role as EventInput["participants"][number]["role"] });
    }
  }
  const e = { type: v.type, title: v.title, date, participants, layers: ls, attributes: {}, claims: cs } as unknown as EventInput;
  if (v.id !== undefined) e.id = v.id as string;
  if (place !== undefined) e.place = place;
  if (v.placeCountry !== undefined) e.placeCountry = v.placeCountry as string;
  if (track !== undefined) e.track = track as EventInput["track"];
  if (outcome !== undefined) e.outcome = outcome;
  if (v.agreement !== undefined) e.agreement = v.agreement as string;
  if (v.cameo !== undefined) e.cameo = v.cameo as string;
  if (note !== undefined) e.note = note;
  return e;
}
