import { RelationInput, EventInput } from "@diplograph/ingest";
import Papa from "papaparse";
import { readFileSync } from "node:fs";
for (const [f, S] of [["relations", RelationInput], ["events", EventInput]]) {
const text = readFileSync(`bench/import/out/dataset-200000/${f}/${f}.csv`, "utf8");
const rows = Papa.parse(text, { delimiter: "," }).data;
const header = rows[0];
const recs = [];
for (let r = 1; r < rows.length; r++) { const row = rows[r]; if (row.length < 2) continue; const o = {}; for (let c = 0; c < header.length; c++) if (row[c]) o[header[c]] = row[c]; if (o.layers) o.layers = o.layers.split(";"); if (o.participants) o.participants = o.participants.split(";"); o.claims = [{ source: o.source, page: o.page }]; delete o.source; delete o.page; recs.push(o); }
let t = performance.now();
let ok = 0;
for (const r of recs) if (S.safeParse(r).success) ok++;
console.log("zod", f, ok, ((performance.now() - t) * 1000 / recs.length).toFixed(2), "us/row");
}
