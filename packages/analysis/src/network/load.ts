// Reading the records an analysis needs from the store, once per command or request.
import type { Store } from "@diplograph/store";
import { networkData, type NetworkData } from "./data.js";

export async function loadNetworkData(store: Store): Promise<NetworkData> {
  return networkData(await store.snapshot());
}
