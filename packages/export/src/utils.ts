// Helpers shared by the exporters: date forms, stable ordering, claim lookup and XML escaping.
import { earliestDay, latestDay } from "@diplograph/model";
import type { Alias, Claim, DateValue, TargetType } from "@diplograph/model";
import type { TimeInterval } from "./types.js";

/** A date as an ISO partial date, or `start/end` for a range: the form CSV tables and graph attributes use. */
export function isoDate(v: DateValue | undefined): string | undefined {
  if (v === undefined) return undefined;
  return v.end === undefined ? v.start : `${v.start}/${v.end}`;
}

/**
 * A date as a CSV cell the importer reads back as the same Gregorian date: ISO, but with `AD` where the year
 * (1300–1499) could also be Solar Hijri, which the importer refuses to guess (a range then reads "A AD to B AD").
 */
export function csvDate(v: DateValue | undefined): string | undefined {
  if (v === undefined) return undefined;
  const ambiguous = (d: string) => {
    const y = Number(d.slice(0, 4));
    return y >= 1300 && y <= 1499;
  };
  if (!ambiguous(v.start) && (v.end === undefined || !ambiguous(v.end))) return isoDate(v);
  return v.end === undefined ? `${v.start} AD` : `${v.start} AD to ${v.end} AD`;
}

/**
 * Inclusive day bounds from the date an element begins and the date it ends; either may be missing (open).
 * Returns undefined when both are.
 */
export function interval(from: DateValue | undefined, to: DateValue | undefined): TimeInterval | undefined {
  if (from === undefined && to === undefined) return undefined;
  const t: TimeInterval = {};
  if (from !== undefined) t.start = earliestDay(from.start);
  if (to !== undefined) t.end = latestDay(to.end ?? to.start);
  return t;
}

/** Code-unit order, so output does not depend on the locale of the machine that writes it. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function byId<T extends { id: string }>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => compareIds(a.id, b.id));
}

/** Drop keys whose value is undefined, so exported structures hold only what is known. */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** The Persian alias of a record, preferring an official one. */
export function persianAlias(aliases: readonly Alias[]): string | undefined {
  const fa = aliases.filter((a) => a.lang === "fa" || a.lang.startsWith("fa-"));
  return (fa.find((a) => a.kind === "official") ?? fa[0])?.name;
}

/** Claims grouped by their target, keeping only those not rejected: what supports a record in a graph. */
export function claimsByTarget(claims: readonly Claim[]): Map<string, Claim[]> {
  const map = new Map<string, Claim[]>();
  for (const c of claims) {
    if (c.status === "rejected") continue;
    const key = targetKey(c.target.type, c.target.id);
    const list = map.get(key);
    if (list) list.push(c);
    else map.set(key, [c]);
  }
  return map;
}

export function targetKey(type: TargetType, id: string): string {
  return `${type}\u0000${id}`;
}

// Characters outside the XML 1.0 Char production (C0 controls other than tab, LF and CR; lone surrogates;
// U+FFFE and U+FFFF). With the `u` flag a lone surrogate is matched as its own code point.
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Remove characters that XML 1.0 cannot carry at all, even as character references. */
export function stripInvalidXml(s: string): string {
  return s.replace(INVALID_XML, "");
}

/**
 * Escape text for an XML attribute value or element content. Tab, LF and CR are written as character references
 * so that attribute-value normalisation and line-end handling do not turn them into spaces or LF.
 */
export function escapeXml(s: string): string {
  return stripInvalidXml(s).replace(/[&<>"'\t\n\r]/g, (c) => XML_ENTITIES[c]!);
}

const XML_ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};
