// What every route module gets: the store, the request's user, and the cache of analysis data.
import type { FastifyRequest } from "fastify";
import { loadNetworkData, type NetworkData } from "@diplograph/analysis";
import type { Store } from "@diplograph/store";

export interface ApiContext {
  store: Store;
  /** The records analyses run on, loaded once and reloaded after a write through the API. */
  networkData(): Promise<NetworkData>;
  /** Forget cached analysis data (after a write). */
  changed(): void;
  /** Extra framework files or folders for scorecards, beside the shipped ones. */
  frameworkPaths: string[];
}

/** PostgreSQL: how long analysis data may be kept while other processes may write (SQLite tells when they do). */
const MAX_AGE_MS = 30_000;

export function createContext(store: Store, frameworkPaths: string[] = []): ApiContext {
  let data: Promise<NetworkData> | undefined;
  let loadedAt = 0;
  let version: number | undefined;
  return {
    store,
    frameworkPaths,
    networkData() {
      // Writes by other processes (another server worker, a CLI import): on SQLite as soon as they are committed,
      // on PostgreSQL within MAX_AGE_MS.
      const now = store.dataVersion();
      if (now !== undefined ? now !== version : Date.now() - loadedAt > MAX_AGE_MS) data = undefined;
      if (!data) {
        loadedAt = Date.now();
        version = now;
      }
      data ??= loadNetworkData(store).catch((e: unknown) => {
        data = undefined;
        throw e;
      });
      return data;
    },
    changed() {
      data = undefined;
    },
  };
}

/** Who makes a change: the X-Diplograph-User header, else "api". */
export function userOf(req: FastifyRequest): string {
  const h = req.headers["x-diplograph-user"];
  const v = (Array.isArray(h) ? h[0] : h)?.trim();
  return v || "api";
}
