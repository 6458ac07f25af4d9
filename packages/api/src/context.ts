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

const MAX_AGE_MS = 30_000;

export function createContext(store: Store, frameworkPaths: string[] = []): ApiContext {
  let data: Promise<NetworkData> | undefined;
  let loadedAt = 0;
  return {
    store,
    frameworkPaths,
    networkData() {
      // Writes by other processes (a CLI import) are seen within MAX_AGE_MS.
      if (Date.now() - loadedAt > MAX_AGE_MS) data = undefined;
      if (!data) loadedAt = Date.now();
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
