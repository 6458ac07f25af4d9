// An actor's profile: the record, its facts with the claims stating each, record claims, relations and events.
import type { ClaimWithSource as Claim } from "@diplograph/store";
import type { Store } from "@diplograph/store";
import type { Actor, Relation } from "@diplograph/model";

/** `(role: full)`: the label of a fact's qualifiers, so two figures of one property stay apart. */
function qualifierKey(q: Record<string, string>): string {
  const parts = Object.entries(q).map(([k, v]) => `${k}: ${v}`);
  return parts.length ? ` (${parts.join(", ")})` : "";
}

/** What `diplograph actors show` prints and `GET /api/actors/:ref` returns; relations and events up to `limit` each. */
export async function actorProfile(store: Store, ref: string, limit = 10_000) {
  const { actor, claims, relations, events } = await store.actorRecords(ref, limit);
  return { ...profileOf(actor, claims, relations), events };
}

/**
 * `JSON.stringify(await actorProfile(store, ref, limit))`, byte for byte, with the events written from their rows
 * rather than built and serialised (store.actorRecords(…, "json")): an actor page's events were half its time.
 */
export async function actorProfileJson(store: Store, ref: string, limit = 10_000): Promise<string> {
  const { actor, claims, relations, events } = await store.actorRecords(ref, limit, "json");
  const head = JSON.stringify({ ...profileOf(actor, claims, relations), events: [] });
  // `events` is the last key: its empty list closes the text.
  return `${head.slice(0, -3)}[${events.join(",")}]}`;
}

function profileOf(actor: Actor, claims: Claim[], relations: Relation[]) {
  const facts = new Map<string, Claim[]>();
  const record: Claim[] = [];
  for (const c of claims) {
    if (!c.property) record.push(c);
    else {
      const key = c.property + qualifierKey(c.qualifiers);
      const list = facts.get(key);
      if (list) list.push(c);
      else facts.set(key, [c]);
    }
  }
  return {
    actor,
    facts: [...facts.entries()].map(([key, cs]) => ({ property: cs[0]!.property!, qualifiers: cs[0]!.qualifiers, label: key, claims: cs })),
    claims: record,
    relations,
  };
}
