// Shared by the browser tests and bench/web: Debian's Chromium driven by playwright-core, and `diplograph serve` as a
// child process on a free port with a fresh seeded database.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);
const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Headless, no sandbox (CI runs as root), no GPU. WebGL still works: with --disable-gpu Chromium falls back to
 * SwiftShader (software GL), which sigma.js renders on; --enable-unsafe-swiftshader keeps that fallback allowed in
 * Chromium versions that otherwise refuse software WebGL.
 */
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--enable-unsafe-swiftshader"];

/** @returns {Promise<import("playwright-core").Browser>} */
export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** @typedef {{ url: string, child: import("node:child_process").ChildProcess, db: string, stop: () => Promise<void> }} Served */

/** `diplograph serve --port 0` on a database in a new temporary folder (seeded on first start, or `db` as given). */
/** @returns {Promise<Served>} */
export async function serve(db = join(mkdtempSync(join(tmpdir(), "dg-web-")), "seed.db"), extra = []) {
  const child = spawn(process.execPath, [join(root, "packages/cli/dist/main.js"), "--db", db, "serve", "--port", "0", ...extra], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const url = await new Promise((res, rej) => {
    child.stdout.on("data", (d) => {
      output += d;
      const m = /serving .* on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m) res(m[1]);
    });
    child.stderr.on("data", (d) => (output += d));
    child.on("exit", (code) => rej(new Error(`serve exited with ${code}: ${output}`)));
  });
  if (!/web application: /.test(output)) {
    await new Promise((r) => setTimeout(r, 200));
    if (!/web application: /.test(output)) throw new Error(`serve found no web build (run npm run build): ${output}`);
  }
  return {
    url,
    child,
    db,
    stop: () =>
      new Promise((r) => {
        if (child.exitCode !== null) return r();
        child.once("exit", () => r());
        child.kill("SIGTERM");
      }),
  };
}
