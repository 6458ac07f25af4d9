// `diplograph export`: the whole database as JSON (re-importable), CSV tables (re-importable), GEXF 1.3 or GraphML.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { projectGraph, toCsvTables, toGexf, toGraphml, toJson } from "@diplograph/export";
import { InputError } from "@diplograph/model";
import { print, printJson, withStore, type GlobalOptions } from "../context.js";

export const EXPORT_FORMATS = ["json", "csv", "gexf", "graphml"] as const;

export async function exportCommand(opts: GlobalOptions & { format: string; out?: string; events?: boolean }): Promise<void> {
  const format = opts.format as (typeof EXPORT_FORMATS)[number];
  if (!EXPORT_FORMATS.includes(format)) throw new InputError(`--format: expected one of ${EXPORT_FORMATS.join(", ")}`);
  if (format === "csv" && !opts.out) throw new InputError("--format csv writes several tables: give a folder with --out");
  await withStore(opts, async (store) => {
    const snapshot = await store.snapshot();
    const written: string[] = [];
    if (format === "csv") {
      mkdirSync(opts.out!, { recursive: true });
      for (const [name, text] of Object.entries(toCsvTables(snapshot))) {
        if (text === undefined) continue;
        writeFileSync(join(opts.out!, name), text);
        written.push(join(opts.out!, name));
      }
    } else {
      const text =
        format === "json"
          ? toJson(snapshot)
          : format === "gexf"
            ? toGexf(projectGraph(snapshot, { events: opts.events !== false }))
            : toGraphml(projectGraph(snapshot, { events: opts.events !== false }));
      if (!opts.out) {
        process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
        return;
      }
      writeFileSync(opts.out, text);
      written.push(opts.out);
    }
    if (opts.json) printJson({ format, files: written });
    else print(`Wrote ${written.join(", ")}`);
  });
}
