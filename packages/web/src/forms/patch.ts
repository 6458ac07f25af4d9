// What an edit form sends: only the fields that changed, as a PATCH; a PUT of the whole record only when a field was
// cleared (a PATCH cannot remove a field), built on the stored record so fields the form does not show are kept.

/** Deep equality of JSON values, ignoring key order. */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => same(x, (b as unknown[])[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export type Write = { method: "PATCH"; record: Record<string, unknown>; changed: string[] } | { method: "PUT"; record: Record<string, unknown>; changed: string[] };

/**
 * The write for an edit: `before` and `after` are the form's record before and after editing, `stored` the record
 * as the API gave it. PATCH with the changed fields (none: the evidence alone, for the record as it stands), or PUT
 * when a field the record had is gone, with the stored record's other fields kept.
 */
export function editWrite(before: Record<string, unknown>, after: Record<string, unknown>, stored: Record<string, unknown> = before): Write {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changed = [...keys].filter((k) => !same(before[k], after[k])).sort();
  const removed = changed.filter((k) => after[k] === undefined);
  if (removed.length === 0) return { method: "PATCH", record: Object.fromEntries(changed.map((k) => [k, after[k]])), changed };
  const record: Record<string, unknown> = { ...stored, ...after };
  for (const k of removed) delete record[k];
  return { method: "PUT", record, changed };
}
