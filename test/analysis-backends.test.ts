// The analyses read the same records on every backend: the seed dataset on SQLite and on PostgreSQL (when configured,
// as in CI) gives the same overlap, dyad profile, views, metrics, scorecard and neighbourhood design.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDataset } from "@diplograph/ingest";
import { Store } from "@diplograph/store";
import { coMembershipView, designNeighbourhood, dyadProfile, loadNetworkData, loadFrameworks, overlap, pagerank, scoreActor, type NetworkData } from "@diplograph/analysis";
import { backends, seedDir } from "./helpers.js";

interface Results {
  overlap: unknown;
  dyad: unknown;
  pagerank: Record<string, number>;
  scorecard: unknown;
  neighbourhood: unknown;
}

async function analyse(store: Store): Promise<Results> {
  const data: NetworkData = await loadNetworkData(store);
  const frameworks = loadFrameworks({ concepts: new Set((await store.listConcepts()).map((c) => c.id)) });
  const party = frameworks.find((f) => f.id === "party-diplomacy")!;
  return {
    overlap: overlap(data, ["irn", "rus"]),
    dyad: dyadProfile(data, "irn", "rus"),
    pagerank: pagerank(coMembershipView(data), { weight: "weight" }),
    scorecard: await scoreActor(store, party, "irn-islamic-coalition-party"),
    neighbourhood: await designNeighbourhood(store, "IRN"),
  };
}

const results = new Map<string, Results>();

for (const backend of backends) {
  describe.skipIf(!backend.available)(`analyses on ${backend.name}`, () => {
    let store: Store;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      const fresh = await backend.fresh();
      drop = fresh.drop;
      store = await Store.open(fresh.url);
      await importDataset(store, seedDir);
    });
    afterAll(async () => {
      await store?.close();
      await drop?.();
    });

    it("overlap, dyad, PageRank, scorecard and neighbourhood design agree with SQLite", async () => {
      const r = await analyse(store);
      expect((r.overlap as { shared: Array<{ body: { id: string } }> }).shared.map((s) => s.body.id)).toEqual(expect.arrayContaining(["ipu", "apa", "brics-pa"]));
      results.set(backend.name, r);
      const sqlite = results.get("sqlite");
      if (backend.name !== "sqlite" && sqlite) {
        expect(r.overlap).toEqual(sqlite.overlap);
        expect(r.dyad).toEqual(sqlite.dyad);
        for (const [k, v] of Object.entries(sqlite.pagerank)) expect(r.pagerank[k]).toBeCloseTo(v, 12);
        expect(r.scorecard).toEqual(sqlite.scorecard);
        expect(r.neighbourhood).toEqual(sqlite.neighbourhood);
      }
    });
  });
}
