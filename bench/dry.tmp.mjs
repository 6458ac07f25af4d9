import { importDataset } from "@diplograph/ingest";
import { Store } from "@diplograph/store";
import { rmSync } from "node:fs";
rmSync("/tmp/dry.db", { force: true });
const store = await Store.open("/tmp/dry.db");
const t = performance.now();
const s = await importDataset(store, process.argv[2], { dryRun: true });
console.log("dry run", ((performance.now() - t) / 1000).toFixed(2), "s", s.records);
await store.close();
