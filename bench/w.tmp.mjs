import { importDataset } from "@diplograph/ingest";
import { Store } from "@diplograph/store";
const store = await Store.open("/tmp/w.db");
let t = performance.now(); let first;
const s = await importDataset(store, process.argv[2], { onProgress: (p) => { if (p === "write" && !first) { first = performance.now(); console.error("validate+plan", (first - t).toFixed(0), "ms"); } } });
console.error("total", (performance.now() - t).toFixed(0), "ms");
await store.close();
