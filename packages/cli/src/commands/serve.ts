// `diplograph serve`: one process serving the HTTP API and the web application, on the embedded database by default,
// with the seed dataset loaded on first start.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { serve } from "@diplograph/api";
import { importDataset } from "@diplograph/ingest";
import { InputError } from "@diplograph/model";
import { Store, describeLocation } from "@diplograph/store";
import { print, type GlobalOptions } from "../context.js";

/** The seed dataset and the web build, found from this file (packages/cli/dist/commands/) so any working directory works. */
export const SEED_DIR = fileURLToPath(new URL("../../../../data/seed/", import.meta.url));
export const WEB_ROOT = fileURLToPath(new URL("../../../web/dist/", import.meta.url));

export interface ServeOptions extends GlobalOptions {
  port?: number;
  host?: string;
  seed?: boolean;
  web?: string;
}

export async function serveCommand(opts: ServeOptions): Promise<void> {
  const port = opts.port ?? (process.env.DIPLOGRAPH_PORT ? Number(process.env.DIPLOGRAPH_PORT) : 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InputError(`port "${port}" is not a TCP port (0 to 65535)`);
  const store = await Store.open(opts.db);
  try {
    if (opts.seed !== false && (await store.stats()).actors === 0 && existsSync(SEED_DIR)) {
      const started = Date.now();
      const s = await importDataset(store, SEED_DIR);
      const n = Object.values(s.records).reduce((a, b) => a + b, 0);
      print(`First start: imported the seed dataset (${n} records) into ${describeLocation(store.location)} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    }
    const webRoot = opts.web ?? WEB_ROOT;
    const { app, url } = await serve({ store, host: opts.host ?? "127.0.0.1", port, webRoot, logger: { level: "warn" } });
    print(`Diplograph is serving ${describeLocation(store.location)} on ${url}`);
    print(`  API documentation: ${url}/api/docs`);
    print(existsSync(`${webRoot}/index.html`) ? `  web application: ${url}/` : `  (no web application build in ${webRoot}; ${url}/ links to the API)`);
    const stop = async () => {
      await app.close();
      await store.close();
      process.exit(0);
    };
    process.once("SIGINT", () => void stop());
    process.once("SIGTERM", () => void stop());
  } catch (e) {
    await store.close();
    throw e;
  }
}
