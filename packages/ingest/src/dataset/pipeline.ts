// The rows of large CSV tables, parsed, validated and turned into database rows on a worker thread (worker.ts) while
// this thread writes them: on two cores the two halves of an import run at once. The worker builds with a copy of
// the importer's RecordBuilder, so records, ids and problems (file, line, field, message) are the same as in one
// thread; chunks arrive in order, and the worker runs at most a few chunks ahead of the writer.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { DatasetIssue } from "@diplograph/model";
import type { PackedRows } from "@diplograph/store";
import type { RecordBuilder } from "./builder.js";
import type { RowTable } from "./read.js";

/** From this many rows of large tables on, a worker thread pays for its start (a tenth of a second). */
export const WORKER_ROWS = 20_000;

/** The worker's script: only in the built package (tests run the sources, and then build in one thread). */
const WORKER_FILE = fileURLToPath(new URL("./worker.js", import.meta.url));

/**
 * Whether to build on a worker thread: for large tables, when the built worker is there. `DIPLOGRAPH_IMPORT_WORKER`
 * set to 0 or 1 turns it off or on whatever the size (for tests and measurements).
 */
export function workerWanted(rows: number): boolean {
  const env = process.env.DIPLOGRAPH_IMPORT_WORKER;
  if (env === "0" || !WORKER_FILE.endsWith(".js") || !existsSync(WORKER_FILE)) return false;
  return env === "1" || rows >= WORKER_ROWS;
}

/** What the worker posts for each chunk. */
export interface ChunkMessage {
  kind: "chunk";
  type: "relations" | "events";
  /** Rows of the chunk (blank lines included), records built and claims made. */
  size: number;
  records: number;
  claims: number;
  /** Problems found in the chunk, in the order found. */
  issues: DatasetIssue[];
  /** The chunk's rows (records with their children, then claims), while nothing is wrong. */
  rows?: Array<{ main: PackedRows; children?: PackedRows }>;
}

export type WorkerMessage =
  | ChunkMessage
  | { kind: "texts"; id: number; ids: string[] }
  | { kind: "done"; ids?: { relations: string[]; events: string[]; claims: string[] }; time: Record<string, number> }
  | { kind: "failed"; error: string };

export interface WorkerData {
  tables: ReturnType<RowTable["parts"]>[];
  builder: ReturnType<RecordBuilder["snapshot"]>;
  /** Build database rows (false: validate only, as when something is already wrong or on a dry run). */
  write: boolean;
  /** Send back the ids made, for standalone claims that may point at them. */
  needIds: boolean;
}

/** Chunks the worker may run ahead of the writer. */
const AHEAD = 3;

/** One worker thread and the messages it has posted. */
class Thread {
  readonly worker: Worker;
  readonly queue: WorkerMessage[] = [];
  failure: Error | undefined;
  exited = false;
  private wake: (() => void) | undefined;

  constructor(data: WorkerData, fetchTexts: (ids: string[]) => Promise<Map<string, string | null>>) {
    // A larger young generation: the worker makes many short-lived objects per row.
    this.worker = new Worker(WORKER_FILE, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
    this.worker.on("message", (m: WorkerMessage) => {
      if (m.kind === "texts") {
        // A claim cites a source stored earlier: its text is read here, where the database is.
        fetchTexts(m.ids).then(
          (texts) => this.worker.postMessage({ kind: "texts", id: m.id, texts: [...texts] }),
          (e: unknown) => this.fail(e instanceof Error ? e : new Error(String(e))),
        );
        return;
      }
      this.queue.push(m);
      this.wake?.();
    });
    this.worker.on("error", (e) => this.fail(e));
    this.worker.on("exit", () => {
      this.exited = true;
      this.wake?.();
    });
  }

  private fail(e: Error): void {
    this.failure = e;
    this.wake?.();
  }

  /** The next message, in the order posted. */
  async next(): Promise<WorkerMessage> {
    while (this.queue.length === 0 && !this.failure && !this.exited) await new Promise<void>((r) => (this.wake = r));
    if (this.failure) throw this.failure;
    const m = this.queue.shift();
    if (!m) throw new Error("the import's worker thread stopped before it finished");
    if (m.kind === "failed") throw new Error(`the import's worker thread failed: ${m.error}`);
    return m;
  }
}

/**
 * Build the tables on worker threads: one for the relation tables and one for the event tables (ids are unique per
 * type, so each worker checks its own), taking their chunks in turn, a relations chunk then an events chunk, so that
 * the order of writes (and of problems) does not depend on which thread is faster.
 */
export async function tablesInWorker(
  tables: RowTable[],
  builder: RecordBuilder,
  options: {
    write: boolean;
    needIds: boolean;
    fetchTexts: (ids: string[]) => Promise<Map<string, string | null>>;
    onChunk: (chunk: ChunkMessage) => Promise<void>;
  },
): Promise<{ ids?: { relations: string[]; events: string[]; claims: string[] }; writing: number; waiting: number; worker: Record<string, number> }> {
  const snapshot = builder.snapshot();
  const groups = (["relations", "events"] as const).map((type) => tables.filter((t) => t.type === type)).filter((g) => g.length > 0);
  const threads = groups.map((g) => new Thread({ tables: g.map((t) => t.parts()), builder: snapshot, write: options.write, needIds: options.needIds }, options.fetchTexts));
  const ids = { relations: [] as string[], events: [] as string[], claims: [] as string[] };
  const time: Record<string, number> = {};
  let writing = 0;
  let waiting = 0;
  try {
    let active = threads.slice();
    while (active.length) {
      for (const t of active.slice()) {
        const t0 = performance.now();
        const m = await t.next();
        waiting += performance.now() - t0;
        if (m.kind === "done") {
          if (m.ids) for (const k of ["relations", "events", "claims"] as const) for (const id of m.ids[k]) ids[k].push(id);
          for (const [k, v] of Object.entries(m.time)) time[k] = (time[k] ?? 0) + v;
          active = active.filter((x) => x !== t);
          continue;
        }
        if (m.kind !== "chunk") continue;
        const t1 = performance.now();
        await options.onChunk(m);
        writing += performance.now() - t1;
        t.worker.postMessage({ kind: "ack" });
      }
    }
    return { ids: options.needIds ? ids : undefined, writing, waiting, worker: time };
  } finally {
    for (const t of threads) if (!t.exited) await t.worker.terminate();
  }
}

export { AHEAD };
