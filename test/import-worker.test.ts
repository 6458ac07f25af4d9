// The rows of large CSV tables are built on a worker thread (packages/ingest/src/dataset/pipeline.ts) when the built
// package is run: it must report exactly the problems the one-thread path reports (file, line, field, message, order)
// and write exactly the same records. The worker exists only in dist/, so these tests import the built packages.
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DatasetError } from "@diplograph/model";
// The built packages (`npm test` builds first), not the sources the other tests import.
import { importDataset } from "../packages/ingest/dist/index.js";
import { Store } from "../packages/store/dist/index.js";
import { smallDataset, tmp, writeDataset } from "./helpers.js";

type Import = (store: unknown, path: string) => Promise<{ records: Record<string, number> }>;
const importBuilt = importDataset as Import;
const StoreBuilt = Store as { open(path: string): Promise<{ close(): Promise<void>; snapshot(): Promise<Record<string, Array<Record<string, unknown>>>> }> };

const saved = process.env.DIPLOGRAPH_IMPORT_WORKER;
afterEach(() => {
  if (saved === undefined) delete process.env.DIPLOGRAPH_IMPORT_WORKER;
  else process.env.DIPLOGRAPH_IMPORT_WORKER = saved;
});

/** Import `dir` into a fresh copy of a database holding the small dataset, with or without the worker thread. */
async function run(dir: string, worker: boolean): Promise<{ error?: { name: string; issues: unknown[] }; snapshot?: unknown; records?: unknown }> {
  const db = join(tmp(), "w.db");
  const store = await StoreBuilt.open(db);
  try {
    process.env.DIPLOGRAPH_IMPORT_WORKER = "0";
    await importBuilt(store, writeDataset(tmp(), smallDataset()));
    process.env.DIPLOGRAPH_IMPORT_WORKER = worker ? "1" : "0";
    try {
      const summary = await importBuilt(store, dir);
      const snap = await store.snapshot();
      // Claim timestamps differ between runs; everything else must not.
      const claims = snap.claims!.map(({ createdAt, updatedAt, ...c }) => c);
      return { snapshot: { ...snap, claims }, records: summary.records };
    } catch (e) {
      const err = e as DatasetError & { issues: unknown[] };
      return { error: { name: err.name, issues: err.issues } };
    }
  } finally {
    await store.close();
  }
}

const REL_HEADER = "id,kind,from,to,role,start,end,track,layers,source,quote,page,quote_start";
const EV_HEADER = "id,type,title,date,participants,track,layers,agreement,source,quote,page";

/** A dataset of CSV tables (two files of relations) citing the stored source `doc` and one of its own. */
function tables(rows: { rel: string[]; rel2?: string[]; ev: string[]; claims?: string }): string {
  const files: Record<string, string> = {
    "dataset.yaml": "name: worker-test\ndefaults:\n  status: proposed\n",
    "sources.yaml": "- id: own\n  type: report\n  title: Own text\n  language: en\n  text: \"Beta met Alpha in Bern. Beta met Alpha again.\"\n",
    "relations/a.csv": [REL_HEADER, ...rows.rel].join("\n") + "\n",
    "events/events.csv": [EV_HEADER, ...rows.ev].join("\n") + "\n",
  };
  if (rows.rel2) files["relations/b.csv"] = [REL_HEADER, ...rows.rel2].join("\n") + "\n";
  if (rows.claims) files["claims/claims.yaml"] = rows.claims;
  return writeDataset(tmp(), files);
}

const good = () => ({
  rel: [
    "r10,member-of,irn,alpha,full,1995,,parliamentary,political;legal,doc,It has 12 full members,,",
    "r11,supports,che,irn,,2001-05,2003,official,,own,Beta met Alpha in Bern,,",
    "r12,neighbour,IRN,che,land,17 January 2025,,,,doc,,4,",
    ",party-relation,alpha,Switzerland,,,,,,,,7,",
  ],
  rel2: ["r13,treaty-party,che,gamma,party,,,,,doc,signed the Gamma Treaty,,"],
  ev: [
    'e10,summit,"Summit, in Bern",2020-05-05,irn:host;che;alpha:guest,official,political,,doc,12 full members,',
    "e11,meeting,Meeting,1403-10-28 SH,che:host;irn,,,,own,Beta met Alpha again,",
    ",statement,Statement,2021,IRN,,,,doc,,9",
  ],
  claims: "- target: { type: relation, id: r11 }\n  source: doc\n  quote: 3 associate members\n  property: members\n  value: 3\n",
});

describe("building large tables on a worker thread", () => {
  it("writes the same records as one thread", async () => {
    const dir = tables(good());
    const one = await run(dir, false);
    const two = await run(dir, true);
    expect(one.error).toBeUndefined();
    expect(two).toEqual(one);
    expect(one.records).toMatchObject({ relations: 5, events: 3, claims: 8 });
  });

  it("reports the same problems, with file, line and field, in the same order", async () => {
    const g = good();
    const dir = tables({
      rel: [
        ...g.rel,
        "r20,member-of,irn,nowhere,full,1995,,,,doc,,1,", // unknown actor
        "r21,member-of,irn,alpha,maritime,2025-02-30,,,,doc,,1,", // role and date
        "r22,member-of,irn,alpha,,1995,,no-track,,doc,,1,", // track
        "r10,supports,che,irn,,,,,,doc,,2,", // duplicate id
        "r23,supports,che,irn", // field count
        "r24,supports,che,irn,,,,,,doc,a sentence the document never says,,", // quote
        "r25,supports,che,irn,,,,,,own,Beta met Alpha,,", // quote twice
        "r26,supports,che,irn,,,,,,nosuch,,3,", // unknown source
        "r27,supports,che,irn,,,,,,own,Beta met Alpha,,5", // quote at the wrong start
      ],
      rel2: ['r30,supports,che,"irn', "r31,supports,che,irn,,,,,,doc,,1,"], // malformed CSV
      ev: [...g.ev, "e20,summit,Bad,someday,irn:boss;nobody,,,,doc,,1", "e21,summit,,2020,irn,,,gamma2,doc,,1", "e10,visit,Again,2020,irn,,,,doc,,1"],
      claims: g.claims + "- target: { type: event, id: e99 }\n  source: doc\n  page: 1\n",
    });
    const one = await run(dir, false);
    const two = await run(dir, true);
    expect(one.error?.name).toBe("DatasetError");
    expect(two).toEqual(one);
    expect(one.error!.issues.length).toBeGreaterThan(12);
    expect(one.error!.issues).toContainEqual(expect.objectContaining({ file: expect.stringMatching(/a\.csv$/), line: 6, field: "to" }));
    expect(one.error!.issues).toContainEqual(expect.objectContaining({ file: expect.stringMatching(/b\.csv$/), message: expect.stringMatching(/malformed CSV/) }));
  });
});
