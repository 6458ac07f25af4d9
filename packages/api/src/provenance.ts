// Edits carry their evidence: a source and a passage, checked against the source's text, stored as a proposed claim.
import { randomBytes } from "node:crypto";
import { QuoteIndex } from "@diplograph/ingest";
import { Claim, type ClaimTarget, type ClaimValue, type Locator } from "@diplograph/model";
import type { Store } from "@diplograph/store";
import { RequestError } from "./errors.js";

export interface ClaimInputs {
  source: string;
  quote?: string | undefined;
  start?: number | undefined;
  page?: string | undefined;
  confidence: number;
  author?: string | undefined;
  note?: string | undefined;
  property?: string | undefined;
  value?: ClaimValue | undefined;
  qualifiers?: Record<string, string> | undefined;
}

/** A new claim id: readable prefix, random tail (claims made through the API have no dataset id to derive one from). */
export function newClaimId(target: ClaimTarget): string {
  return `${target.type}.${target.id}.api-${randomBytes(5).toString("hex")}`.slice(-160).replace(/^[^a-z0-9]+/, "");
}

/**
 * The locator of a passage: the quote found in the source's text (whitespace-insensitive, exact offsets back into the
 * original, the same search as the importer's), or a page. Problems are reported under `path` (`body.evidence`).
 */
export async function locate(store: Store, source: string, e: { quote?: string | undefined; start?: number | undefined; page?: string | undefined }, path: string): Promise<Locator> {
  const texts = await store.sourceTexts([source]);
  if (!texts.has(source)) throw new RequestError([{ path: `${path}.source`, message: `unknown source "${source}"` }]);
  const locator: Locator = {};
  if (e.page !== undefined) locator.page = e.page;
  if (e.quote !== undefined) {
    const text = texts.get(source);
    if (text === null || text === undefined) {
      // No document text to check against: the quote is kept as given, as the importer does.
      locator.quote = e.quote;
    } else {
      const found = new QuoteIndex(text).locate(e.quote, source, e.start);
      if ("error" in found) throw new RequestError([{ path: `${path}.quote`, message: found.error }]);
      Object.assign(locator, found);
    }
  }
  return locator;
}

/** A proposed claim on `target`, validated with the model's schema. */
export async function makeClaim(store: Store, target: ClaimTarget, e: ClaimInputs, author: string, path: string, id = newClaimId(target)): Promise<Claim> {
  const now = new Date().toISOString();
  const claim: Claim = {
    id,
    target,
    ...(e.property ? { property: e.property } : {}),
    ...(e.value ? { value: e.value } : {}),
    qualifiers: e.qualifiers ?? {},
    source: e.source,
    locator: await locate(store, e.source, e, path),
    status: "proposed",
    confidence: e.confidence,
    author: e.author ?? author,
    createdAt: now,
    updatedAt: now,
    ...(e.note ? { note: e.note } : {}),
  };
  const parsed = Claim.safeParse(claim);
  if (!parsed.success) throw new RequestError(parsed.error.issues.map((i) => ({ path: [path, ...i.path.map(String)].join("."), message: i.message })));
  return parsed.data;
}
