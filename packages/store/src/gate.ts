// A write session on SQLite runs on the raw connection (write.ts), outside Kysely's lock: while one is open, reads
// from elsewhere (another HTTP request) on the same connection would run inside its transaction and see rows it has
// not committed, or that it will roll back. The gate lets those reads wait for the session to end, while the
// session's own work (everything called from inside it, followed through promises by AsyncLocalStorage) goes on.
import { AsyncLocalStorage } from "node:async_hooks";

export class SessionGate {
  private readonly insideStore = new AsyncLocalStorage<true>();
  private open: Promise<void> | undefined;

  /** Whether a session is open and the caller is not part of it. */
  get closed(): boolean {
    return this.open !== undefined && !this.insideStore.getStore();
  }

  /** Whether the caller runs inside the open session. */
  get inside(): boolean {
    return this.open !== undefined && Boolean(this.insideStore.getStore());
  }

  /** Resolves once no session is open, or at once inside the open one. */
  async pass(): Promise<void> {
    while (this.closed) await this.open;
  }

  /** Run a session: one at a time (a second waits for the first), its calls inside it. */
  async session<T>(fn: () => Promise<T>): Promise<T> {
    if (this.insideStore.getStore()) return fn();
    while (this.open) await this.open;
    let end!: () => void;
    this.open = new Promise((r) => (end = r));
    try {
      return await this.insideStore.run(true, fn);
    } finally {
      this.open = undefined;
      end();
    }
  }
}
