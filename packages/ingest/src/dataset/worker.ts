// The worker thread of an import (pipeline.ts): reads the chunks of large CSV tables, validates and builds their
// records with a copy of the importer's RecordBuilder, turns them into database rows, and posts them in order.
import { parentPort, workerData } from "node:worker_threads";
import type { Event, Relation } from "@diplograph/model";
import { claimRow, eventRow, packRows, participantRows, relationRow, type PackedRows } from "@diplograph/store";
import { RecordBuilder } from "./builder.js";
import { AHEAD, type ChunkMessage, type WorkerData, type WorkerMessage } from "./pipeline.js";
import { rowTable } from "./read.js";

const port = parentPort!;
const data = workerData as WorkerData;

let credits = AHEAD;
let wakeCredit: (() => void) | undefined;
let textRequests = 0;
const textReplies = new Map<number, (texts: Map<string, string | null>) => void>();

port.on("message", (m: { kind: "ack" } | { kind: "texts"; id: number; texts: Array<[string, string | null]> }) => {
  if (m.kind === "ack") {
    credits++;
    wakeCredit?.();
  } else {
    textReplies.get(m.id)?.(new Map(m.texts));
    textReplies.delete(m.id);
  }
});

const post = (m: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

const fetchTexts = (ids: string[]) =>
  new Promise<Map<string, string | null>>((resolve) => {
    const id = ++textRequests;
    textReplies.set(id, resolve);
    post({ kind: "texts", id, ids });
  });

async function main(): Promise<void> {
  const builder = RecordBuilder.fromSnapshot(data.builder, fetchTexts);
  let clean = true;
  const time = { reading: 0, building: 0, packing: 0, waiting: 0 };
  let t = performance.now();
  const lap = (k: keyof typeof time) => {
    const now = performance.now();
    time[k] += now - t;
    t = now;
  };
  for (const parts of data.tables) {
    const table = rowTable(parts);
    for (const rows of table.chunks((issue) => builder.issues.push(issue))) {
      lap("reading");
      const { records, claims } = await builder.tableChunk(table, rows);
      lap("building");
      if (builder.issues.length) clean = false;
      const msg: ChunkMessage = { kind: "chunk", type: table.type, size: rows.length, records: records.length, claims: claims.length, issues: builder.issues.splice(0) };
      const transfer: ArrayBuffer[] = [];
      if (data.write && clean) {
        const main =
          table.type === "relations"
            ? packRows("relations", (records as Relation[]).map(relationRow))
            : packRows("events", (records as Event[]).map(eventRow));
        const out: Array<{ main: PackedRows; children?: PackedRows }> = [{ main }];
        if (table.type === "events") out[0]!.children = packRows("event_participants", (records as Event[]).flatMap(participantRows));
        out.push({ main: packRows("claims", claims.map(claimRow)) });
        for (const p of out) for (const q of [p.main, p.children]) if (q) transfer.push(q.idx.buffer as ArrayBuffer);
        msg.rows = out;
      }
      lap("packing");
      while (credits === 0) await new Promise<void>((r) => (wakeCredit = r));
      credits--;
      post(msg, transfer);
      lap("waiting");
    }
  }
  // Problems of CSV syntax found after the last chunk (none, in practice) go with a last, empty chunk.
  if (builder.issues.length) post({ kind: "chunk", type: data.tables.at(-1)!.type, size: 0, records: 0, claims: 0, issues: builder.issues.splice(0) });
  post({
    kind: "done",
    time,
    ids: data.needIds ? { relations: [...builder.streamed.relations], events: [...builder.streamed.events], claims: [...builder.claimIds] } : undefined,
  });
}

main().then(
  () => port.close(),
  (e: unknown) => post({ kind: "failed", error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
);
