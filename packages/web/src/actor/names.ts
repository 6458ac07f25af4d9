// Names of actors by id, for pages that show records holding only ids (relations, events): one list, loaded once.
import { useEffect, useState } from "react";
import { api } from "../api/client.js";
import type { Actor, Agreement } from "../api/types.js";

let cache: Promise<Map<string, Actor>> | undefined;

export function loadActors(): Promise<Map<string, Actor>> {
  cache ??= (async () => {
    const m = new Map<string, Actor>();
    for (let offset = 0; offset < 5000; offset += 500) {
      const page = await api.searchActors({ limit: 500, offset, sort: "id" });
      for (const h of page.items) m.set(h.actor.id, h.actor);
      if (offset + 500 >= page.total) break;
    }
    return m;
  })();
  return cache;
}

/** Forget the list after a write, so new names appear. */
export const invalidateActors = () => {
  cache = undefined;
};

export function useActors(): Map<string, Actor> {
  const [m, setM] = useState<Map<string, Actor>>(new Map());
  useEffect(() => {
    let live = true;
    void loadActors().then((x) => live && setM(x));
    return () => {
      live = false;
    };
  }, []);
  return m;
}

let agreementCache: Promise<Map<string, Agreement>> | undefined;

/** Every agreement by id (a small table), loaded once. */
export function loadAgreements(): Promise<Map<string, Agreement>> {
  agreementCache ??= (async () => {
    const m = new Map<string, Agreement>();
    for (let offset = 0; offset < 5000; offset += 500) {
      const page = await api.agreements({ limit: 500, offset, sort: "id" });
      for (const a of page.items) m.set(a.id, a);
      if (offset + 500 >= page.total) break;
    }
    return m;
  })();
  agreementCache.catch(() => (agreementCache = undefined));
  return agreementCache;
}
