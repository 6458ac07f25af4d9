// How results name an actor or agreement: enough to show it and link to it, in either language.
import { persianAlias, type ActorKind } from "@diplograph/model";
import type { NetworkData } from "./data.js";

export interface ActorRef {
  id: string;
  name: string;
  kind: ActorKind | "agreement";
  country?: string;
  /** The Persian name, where the actor has one. */
  nameFa?: string;
}

export function actorRef(data: NetworkData, id: string): ActorRef {
  const a = data.actors.get(id);
  if (a) {
    const ref: ActorRef = { id, name: a.name, kind: a.kind };
    if (a.country !== undefined) ref.country = a.country;
    const fa = persianAlias(a.aliases);
    if (fa) ref.nameFa = fa;
    return ref;
  }
  const g = data.agreements.get(id);
  if (g) return { id, name: g.name, kind: "agreement" };
  return { id, name: id, kind: "other" };
}
