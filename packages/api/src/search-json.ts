// A search page's JSON text, written with each actor's text kept: the answer to `GET /api/actors` byte for byte.
import type { Actor } from "@diplograph/model";
import type { ActorHit, ActorPage } from "@diplograph/store";
import { page } from "./schemas.js";

/**
 * Each frozen actor record's JSON text. The records of search hits that the store keeps (store.ts, `hits`) are frozen
 * and shared by every answer until the database changes, so each is written once rather than on every search where it
 * appears (serialising the hits was a tenth of a search). A record no longer kept is dropped with its text.
 */
const actorTexts = new WeakMap<Actor, string>();

function actorJson(actor: Actor): string {
  let text = actorTexts.get(actor);
  if (text === undefined) {
    text = JSON.stringify(actor);
    // Only a frozen record cannot change under its text (the store freezes deeply).
    if (Object.isFrozen(actor)) actorTexts.set(actor, text);
  }
  return text;
}

function hitJson(hit: ActorHit): string {
  const keys = Object.keys(hit);
  if (keys.length === 2 && keys[0] === "actor" && keys[1] === "matched" && typeof hit.matched === "string")
    return `{"actor":${actorJson(hit.actor)},"matched":${JSON.stringify(hit.matched)}}`;
  if (keys.length === 1 && keys[0] === "actor") return `{"actor":${actorJson(hit.actor)}}`;
  return JSON.stringify(hit);
}

/** `JSON.stringify({ ...page(r.items, r.total, q), facets: r.facets })`, byte for byte. */
export function actorPageJson(r: ActorPage, q: { limit: number; offset: number }): string {
  const rest = JSON.stringify({ ...page([], r.total, q), facets: r.facets });
  // `items` is the first key: its empty list opens the text.
  return `{"items":[${r.items.map(hitJson).join(",")}]${rest.slice('{"items":[]'.length)}`;
}
