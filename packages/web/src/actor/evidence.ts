// What the actor page shows the evidence of: its relations, events and the agreements it is party to, each with the
// claims behind it, fetched in one call (POST /api/claims/query) rather than one request per record.
import type { ClaimWithSource, Event, Relation } from "../api/types.js";

/** Relation kinds whose `to` is an agreement. */
export const AGREEMENT_KINDS = new Set(["treaty-party", "ratifies"]);

/** A record's key as the claims API names targets. */
export const targetKey = (type: string, id: string) => `${type}:${id}`;

/** The agreements an actor is party to (treaty-party, ratifies) or adopted, each once, in first-seen order. */
export function agreementIds(actorId: string, relations: readonly Relation[], adopted: ReadonlyArray<{ id: string; adoptedBy?: string | undefined }> = []): string[] {
  const ids = new Set<string>();
  for (const r of relations) if (AGREEMENT_KINDS.has(r.kind) && r.from === actorId) ids.add(r.to);
  for (const a of adopted) if (a.adoptedBy === actorId) ids.add(a.id);
  return [...ids];
}

/** Every record the page lists, as TYPE:ID targets. */
export function evidenceTargets(relations: readonly Relation[], events: readonly Event[], agreements: readonly string[]): string[] {
  return [...relations.map((r) => targetKey("relation", r.id)), ...events.map((e) => targetKey("event", e.id)), ...agreements.map((a) => targetKey("agreement", a))];
}

/** Claims grouped by their target's TYPE:ID, each group in the order given. */
export function byTarget(claims: readonly ClaimWithSource[]): Map<string, ClaimWithSource[]> {
  const m = new Map<string, ClaimWithSource[]>();
  for (const c of claims) {
    const k = targetKey(c.target.type, c.target.id);
    (m.get(k) ?? m.set(k, []).get(k)!).push(c);
  }
  return m;
}

/** Split a list in chunks of at most `n` (the query takes up to 5,000 targets). */
export function chunks<T>(list: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += n) out.push(list.slice(i, i + n));
  return out;
}
