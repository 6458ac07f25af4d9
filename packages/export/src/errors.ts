// Typed errors of the export package: data that a format cannot represent faithfully.
import { DiplographError } from "@diplograph/model";

/** The snapshot cannot be written in the requested form (a dangling reference, a value the format cannot hold). */
export class ExportError extends DiplographError {
  override name = "ExportError";
  constructor(message: string) {
    super(`export: ${message}`);
  }
}
