// Typed errors with a package prefix: callers match on the class, users read the message.

/** Base class of every error Diplograph raises for a user's mistake. The CLI prints these without a stack. */
export class DiplographError extends Error {
  override name = "DiplographError";
  constructor(message: string) {
    super(`diplograph: ${message}`);
  }
}

/** One problem found in a dataset, located as precisely as the file format allows. */
export interface DatasetIssue {
  file: string;
  line?: number;
  column?: number;
  /** Path to the field inside the record, e.g. `actors[3].aliases[0].lang`, or a CSV column name. */
  field?: string;
  message: string;
}

export function formatIssue(i: DatasetIssue): string {
  const where = [i.file, i.line !== undefined ? `line ${i.line}` : undefined, i.field ? `field ${i.field}` : undefined]
    .filter(Boolean)
    .join(", ");
  return `${where}: ${i.message}`;
}

/** A dataset failed validation; nothing was written. */
export class DatasetError extends DiplographError {
  override name = "DatasetError";
  constructor(readonly issues: DatasetIssue[]) {
    const shown = issues.slice(0, 50).map(formatIssue);
    const more = issues.length > 50 ? [`… and ${issues.length - 50} more`] : [];
    super(`import failed with ${issues.length} error${issues.length === 1 ? "" : "s"}; nothing was written\n  ${[...shown, ...more].join("\n  ")}`);
  }
}

/** A reference (id, alias or ISO code) that names no record, or more than one. */
export class NotFoundError extends DiplographError {
  override name = "NotFoundError";
}

export class AmbiguousReferenceError extends DiplographError {
  override name = "AmbiguousReferenceError";
  constructor(
    readonly ref: string,
    readonly candidates: string[],
  ) {
    super(`"${ref}" names more than one actor: ${candidates.join(", ")}; use an id`);
  }
}

/** Bad input to a command or function (an unknown status, a malformed filter). */
export class InputError extends DiplographError {
  override name = "InputError";
}

/** A document that cannot be read (missing, unsupported, undecodable, empty): the message names the file; nothing was stored. */
export class DocumentError extends InputError {
  override name = "DocumentError";
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly line?: number,
  ) {
    super(`${file}${line !== undefined ? `, line ${line}` : ""}: ${reason}`);
  }
}
