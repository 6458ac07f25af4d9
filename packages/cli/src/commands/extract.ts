// `diplograph extract FILE`: what the extraction pipeline finds in each passage, as JSON Lines or a table.
import { existsSync } from "node:fs";
import { analyseDocument, defaultPipeline, extractLine, unresolvedMentions, type AnalysedDocument } from "@diplograph/ingest";
import { Store, parseLocation } from "@diplograph/store";
import { print, type GlobalOptions } from "../context.js";
import { table } from "../format.js";

/** The pipeline reads the database when there is one (entity linking needs the stored actors); it never creates one. */
async function withOptionalStore<T>(opts: GlobalOptions, fn: (store: Store | undefined) => Promise<T>): Promise<T> {
  const loc = parseLocation(opts.db);
  if (loc.kind === "sqlite" && (loc.path === ":memory:" || !existsSync(loc.path))) return fn(undefined);
  const store = await Store.open(opts.db, { mustExist: true });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export async function extractCommand(file: string, opts: GlobalOptions): Promise<void> {
  const a: AnalysedDocument = await withOptionalStore(opts, async (store) => analyseDocument(file, await defaultPipeline(store)));
  if (opts.json) {
    let out = "";
    for (const p of a.extracted) {
      const line = extractLine(p);
      if (line) out += `${JSON.stringify(line)}\n`;
    }
    process.stdout.write(out);
    return;
  }
  const rows: Array<Array<string | number>> = [];
  for (const [i, p] of a.extracted.entries()) {
    const line = extractLine(p);
    if (!line) continue;
    const what = [
      ...line.dates.map((d) => `date ${d.value} “${d.text}”`),
      ...line.mentions.map((m) => `${m.actor.id} “${m.text}”`),
      ...unresolvedMentions(p).map((m) => `? “${m.text}”: ${m.candidates.map((c) => c.id).join(" or ")}`),
      ...line.events.map((e) => `event ${e.type} ${e.date ?? "(no date stated)"} [${e.participants.join(", ")}]`),
    ];
    for (const [k, w] of what.entries()) rows.push(k === 0 ? [i + 1, `${p.kind}${p.label ? ` ${p.label}` : ""}`, p.language, `${p.start}–${p.end}`, w] : ["", "", "", "", w]);
  }
  const yielding = a.extracted.filter((p) => extractLine(p)).length;
  print(`${file}: ${a.doc.format}, ${a.passages.length} passages, ${yielding} with findings`);
  if (rows.length) print(table(["passage", "kind", "lang", "characters", "found"], rows));
}
