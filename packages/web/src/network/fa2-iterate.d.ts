// graphology-layout-forceatlas2's single iteration over its matrices (the function its own worker runs; no types shipped).
declare module "graphology-layout-forceatlas2/iterate.js" {
  import type { ForceAtlas2Settings } from "graphology-layout-forceatlas2";
  export default function iterate(settings: ForceAtlas2Settings, nodes: Float32Array, edges: Float32Array): { converged?: boolean } | undefined;
}
