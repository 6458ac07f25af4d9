// Co-membership overlap of a set of actors: the bodies they share, since when and in what role, with the claims
// behind each membership, and the pairwise count and Jaccard matrices.
import { InputError } from "@diplograph/model";
import { evidence, intersect, type Evidence, type Interval, type NetworkData } from "../network/data.js";
import { select, type ViewFilter } from "../network/filter.js";
import { membershipIndex, memberships, type Membership } from "../network/memberships.js";
import { actorRef, type ActorRef } from "../network/refs.js";

export interface OverlapOptions extends ViewFilter {
  /** Count the memberships of each actor's parts (its parliament in the IPU) as its own, marked `via` (default true). */
  lift?: boolean;
}

export interface HeldMembership extends Membership {
  evidence: Evidence[];
}

export interface SharedBody {
  body: ActorRef;
  /** When every actor of the set may belong at once; undefined ends are unknown or open. Absent when undated. */
  shared?: Interval;
  /** False when some membership has no dates in the sources, so the sharing cannot be dated. */
  dated: boolean;
  /** Each actor's memberships of the body (several when it belongs directly and through a part). */
  memberships: Record<string, HeldMembership[]>;
}

export interface OverlapResult {
  actors: ActorRef[];
  window?: Interval;
  /** Bodies every actor of the set belongs to, by name. */
  shared: SharedBody[];
  /** For each actor, the bodies it belongs to that not every other actor does. */
  only: Record<string, ActorRef[]>;
  /** Pairwise shared-body counts (the diagonal holds each actor's body count) and Jaccard indices, in `actors` order. */
  matrix: { counts: number[][]; jaccard: number[][] };
}

export function overlap(data: NetworkData, actorIds: readonly string[], options: OverlapOptions = {}): OverlapResult {
  if (actorIds.length < 2) throw new InputError("overlap needs at least two actors");
  const dup = actorIds.find((id, i) => actorIds.indexOf(id) !== i);
  if (dup) throw new InputError(`actor "${dup}" is given twice`);
  const sel = select(data, options);
  const all = memberships(data, { ...sel, actor: () => true }, { lift: options.lift ?? true });
  const index = membershipIndex(all);
  const bodiesOf = actorIds.map((id) => index.get(id) ?? new Map<string, Membership[]>());

  const sharedIds = [...bodiesOf[0]!.keys()].filter((b) => bodiesOf.every((m) => m.has(b)));
  const shared: SharedBody[] = sharedIds.map((b) => {
    const held: Record<string, HeldMembership[]> = {};
    let span: Interval | undefined = sel.window ? { ...sel.window } : {};
    let dated = true;
    actorIds.forEach((id, i) => {
      const ms = bodiesOf[i]!.get(b)!;
      held[id] = ms.map((m) => ({ ...m, evidence: evidence(data, "relation", m.relation) }));
      if (!ms.some((m) => m.dated)) dated = false;
      // The actor belongs from its earliest membership of the body to its latest end.
      const hull = hullOf(ms.map((m) => m.span));
      span = span && intersect(span, hull);
    });
    const out: SharedBody = { body: actorRef(data, b), dated, memberships: held };
    if (dated && span) out.shared = span;
    return out;
  });
  shared.sort((x, y) => x.body.name.localeCompare(y.body.name, "en"));

  const only: Record<string, ActorRef[]> = {};
  actorIds.forEach((id, i) => {
    only[id] = [...bodiesOf[i]!.keys()]
      .filter((b) => !sharedIds.includes(b))
      .map((b) => actorRef(data, b))
      .sort((x, y) => x.name.localeCompare(y.name, "en"));
  });

  const n = actorIds.length;
  const counts = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const jaccard = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const a = bodiesOf[i]!;
      const b = bodiesOf[j]!;
      let both = 0;
      for (const k of a.keys()) if (b.has(k)) both++;
      const union = a.size + b.size - both;
      counts[i]![j] = both;
      jaccard[i]![j] = union === 0 ? 0 : both / union;
    }
  }
  const result: OverlapResult = { actors: actorIds.map((id) => actorRef(data, id)), shared, only, matrix: { counts, jaccard } };
  if (sel.window) result.window = sel.window;
  return result;
}

/** The smallest interval covering all of them; an open end anywhere leaves that end open. */
function hullOf(spans: readonly Interval[]): Interval {
  const out: Interval = {};
  if (spans.every((s) => s.from !== undefined)) out.from = spans.map((s) => s.from!).sort()[0]!;
  if (spans.every((s) => s.to !== undefined)) out.to = spans.map((s) => s.to!).sort().at(-1)!;
  return out;
}
