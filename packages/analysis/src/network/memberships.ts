// Memberships as analyses see them: who belongs to which body, when, in what role, and through which of its parts.
import type { Layer, RelationRole, Track } from "@diplograph/model";
import { rootOf, type Interval, type NetworkData } from "./data.js";
import { select, type Selection, type ViewFilter } from "./filter.js";

export interface Membership {
  /** The member as seen by the analysis: with `lift`, the top-level whole (the state for its parliament). */
  member: string;
  /** The part that holds the membership, when it is not the member itself (the parliament in the IPU). */
  via?: string;
  body: string;
  role?: RelationRole;
  relation: string;
  /** When the membership holds, cut by the lifespans of member and body; open ends unknown. */
  span: Interval;
  /** False when the sources give the membership no dates at all. */
  dated: boolean;
  track?: Track;
  layers: readonly Layer[];
}

export interface MembershipOptions {
  /** Count the memberships of an actor's parts as the actor's own, marked `via` (default true). */
  lift?: boolean;
}

/** Every `member-of` relation the filter keeps, lifted to top-level members unless `lift` is false. */
export function memberships(data: NetworkData, filter: ViewFilter | Selection = {}, options: MembershipOptions = {}): Membership[] {
  const sel = "relation" in filter ? filter : select(data, filter);
  const lift = options.lift ?? true;
  const out: Membership[] = [];
  for (const r of data.relations) {
    if (r.kind !== "member-of") continue;
    const held = sel.relation(r);
    if (!held) continue;
    const member = lift ? rootOf(data, r.from) : r.from;
    if (!sel.actor(member)) continue;
    const m: Membership = { member, body: r.to, relation: r.id, span: held.span, dated: held.dated, layers: r.layers };
    if (member !== r.from) m.via = r.from;
    if (r.role !== undefined) m.role = r.role;
    if (r.track !== undefined) m.track = r.track;
    out.push(m);
  }
  return out;
}

/** Memberships grouped by member, then by body. */
export function membershipIndex(list: readonly Membership[]): Map<string, Map<string, Membership[]>> {
  const index = new Map<string, Map<string, Membership[]>>();
  for (const m of list) {
    let bodies = index.get(m.member);
    if (!bodies) index.set(m.member, (bodies = new Map()));
    const held = bodies.get(m.body);
    if (held) held.push(m);
    else bodies.set(m.body, [m]);
  }
  return index;
}
