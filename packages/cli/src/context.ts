// What every command gets: the open store, the output mode, and a way to print.
import { Store } from "@diplograph/store";

export interface GlobalOptions {
  db?: string;
  json?: boolean;
}

export async function withStore<T>(opts: GlobalOptions, fn: (store: Store) => Promise<T>, mustExist = true): Promise<T> {
  const store = await Store.open(opts.db, { mustExist });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function print(text: string): void {
  process.stdout.write(`${text}\n`);
}
