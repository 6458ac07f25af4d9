// `diplograph import PATH`: validate a dataset folder (or a JSON export) and merge it into the database.
import { existsSync, rmSync } from "node:fs";
import { importDataset } from "@diplograph/ingest";
import { parseLocation } from "@diplograph/store";
import { Progress, table } from "../format.js";
import { print, printJson, withStore, type GlobalOptions } from "../context.js";

export async function importCommand(path: string, opts: GlobalOptions & { dryRun?: boolean; quiet?: boolean }): Promise<void> {
  const loc = parseLocation(opts.db);
  const created = loc.kind === "sqlite" && loc.path !== ":memory:" && !existsSync(loc.path);
  const progress = new Progress(Boolean(opts.quiet));
  const started = Date.now();
  let summary;
  try {
    summary = await withStore(opts, (store) => importDataset(store, path, { onProgress: (phase, done, total) => progress.update(phase, done, total), dryRun: Boolean(opts.dryRun) }), false);
  } catch (e) {
    // A failed import into a database that did not exist leaves no empty database behind.
    if (created && loc.kind === "sqlite") for (const suffix of ["", "-wal", "-shm"]) rmSync(loc.path + suffix, { force: true });
    throw e;
  }
  const seconds = (Date.now() - started) / 1000;
  if (opts.json) {
    printJson({ ...summary, seconds });
    return;
  }
  const r = summary.result;
  const types = Object.keys(summary.records) as Array<keyof typeof summary.records>;
  print(`${opts.dryRun ? "Checked" : "Imported"} ${summary.path} (dataset ${summary.dataset}, ${summary.files} files) in ${seconds.toFixed(1)} s`);
  print(
    table(
      ["records", "in dataset", "inserted", "updated", "unchanged"],
      types.map((t) => [t, summary.records[t], r?.inserted[t] ?? "-", r?.updated[t] ?? "-", r?.unchanged[t] ?? "-"]),
    ),
  );
  if (r && !r.wrote) print("Nothing changed: the database already holds this data.");
}
