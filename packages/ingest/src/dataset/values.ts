// Reading the value a claim asserts: dates, texts, figures ("more than 400", "over 70%") and actor references.
import { ClaimValue, PROPERTIES, type Approximation } from "@diplograph/model";
import { DateInput } from "./format.js";

const APPROXIMATIONS: Array<[RegExp, Approximation]> = [
  [/^(about|approximately|approx\.?|around|nearly|almost|some|roughly|~|c\.)$/i, "about"],
  [/^(over|more than|above|upwards of|in excess of)$/i, "more-than"],
  [/^(at least|no fewer than|no less than|minimum)$/i, "at-least"],
  [/^(less than|under|fewer than|below)$/i, "less-than"],
  [/^(at most|up to|no more than|maximum)$/i, "at-most"],
];

/** `166`, `about 700`, `more than 400 model laws`, `400+`, `over 70%` → a quantity; undefined when it is not one. */
export function parseQuantity(s: string): Extract<ClaimValue, { type: "quantity" }> | undefined {
  const m =
    /^\s*(about|approximately|approx\.?|around|nearly|almost|some|roughly|~|c\.|over|more than|above|upwards of|in excess of|at least|no fewer than|no less than|minimum|less than|under|fewer than|below|at most|up to|no more than|maximum)?\s*(\d[\d,]*(?:\.\d+)?)\s*(\+)?\s*(%|percent\b)?\s*(.*?)\s*$/i.exec(
      s,
    );
  if (!m) return undefined;
  const amount = Number(m[2]!.replace(/,/g, ""));
  if (!Number.isFinite(amount)) return undefined;
  let approximation: Approximation = "exact";
  if (m[1]) approximation = APPROXIMATIONS.find(([re]) => re.test(m[1]!.replace(/\s+/g, " ")))?.[1] ?? "exact";
  if (m[3]) approximation = "more-than";
  const unit = m[4] ? "%" : m[5] ? m[5] : undefined;
  return { type: "quantity", amount, approximation, ...(unit ? { unit } : {}) };
}

export type ValueResult = { value: ClaimValue } | { error: string; path?: PropertyKey[] };

/**
 * The value of a claim about `property`. Known properties fix the value type; otherwise a number or a figure-like
 * string is a quantity and other strings are text. A full `{ type: … }` object is always accepted.
 */
export function readClaimValue(property: string, raw: unknown, resolveActor: (ref: string) => string | { error: string }): ValueResult {
  if (raw && typeof raw === "object" && !Array.isArray(raw) && "type" in raw) {
    const r = raw as Record<string, unknown>;
    if (r.type === "date" && r.date !== undefined) {
      const d = DateInput.safeParse(r.date);
      if (!d.success) return { error: d.error.issues[0]!.message, path: ["date"] };
      return { value: { type: "date", date: d.data } };
    }
    if (r.type === "actor" && typeof r.actor === "string") {
      const id = resolveActor(r.actor);
      return typeof id === "string" ? { value: { type: "actor", actor: id } } : { error: id.error, path: ["actor"] };
    }
    const parsed = ClaimValue.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { error: issue.message, path: issue.path as PropertyKey[] };
    }
    return { value: parsed.data };
  }
  const expected = Object.hasOwn(PROPERTIES, property) ? PROPERTIES[property]!.valueType : undefined;
  switch (expected) {
    case "date": {
      const d = DateInput.safeParse(raw);
      return d.success ? { value: { type: "date", date: d.data } } : { error: `${property} takes a date: ${d.error.issues[0]!.message}` };
    }
    case "text":
      return typeof raw === "string" && raw.trim() ? { value: { type: "text", text: raw.trim() } } : { error: `${property} takes a text` };
    case "actor": {
      if (typeof raw !== "string") return { error: `${property} takes an actor reference` };
      const id = resolveActor(raw);
      return typeof id === "string" ? { value: { type: "actor", actor: id } } : { error: id.error };
    }
    case "quantity": {
      const q = typeof raw === "number" ? parseQuantity(String(raw)) : typeof raw === "string" ? parseQuantity(raw) : undefined;
      return q ? { value: q } : { error: `${property} takes a figure such as 166, "about 700" or "more than 400"` };
    }
    default: {
      if (typeof raw === "number") return { value: { type: "quantity", amount: raw, approximation: "exact" } };
      if (typeof raw === "string" && raw.trim()) {
        const q = /\d/.test(raw) && !/^\d{4}(-\d{2}){0,2}$/.test(raw.trim()) ? parseQuantity(raw) : undefined;
        return { value: q ?? { type: "text", text: raw.trim() } };
      }
      return { error: `cannot read ${JSON.stringify(raw)} as a value; write { type: …, … } (see docs/dataset-format.md)` };
    }
  }
}
