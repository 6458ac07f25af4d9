// ForceAtlas2 on the flat matrices of graphology-layout-forceatlas2 (10 floats a node, 3 an edge), the part that runs
// in the layout's web worker: iterate for a time budget, then hand the positions back.
import type { ForceAtlas2Settings } from "graphology-layout-forceatlas2";

/** Floats per node (x, y, dx, dy, old dx, old dy, mass, convergence, size, fixed) and per edge (source, target, weight). */
export const PPN = 10;
export const PPE = 3;

export type Iterate = (settings: ForceAtlas2Settings, nodes: Float32Array, edges: Float32Array) => unknown;

/** Messages to the worker: the matrices once, then run, pause (answered with the final positions) and want (the next positions). */
export type ToWorker =
  | { type: "init"; nodes: ArrayBuffer; edges: ArrayBuffer; settings: ForceAtlas2Settings }
  | { type: "run" }
  | { type: "pause" }
  | { type: "want" };
/** The worker's answer: x, y of every node in matrix order, how many iterations so far, and whether it still runs. */
export interface FromWorker {
  type: "positions";
  xy: ArrayBuffer;
  iterations: number;
  running: boolean;
}

/** Iterations until `budgetMs` have passed (always at least one); returns how many ran. */
export function iterateFor(iterate: Iterate, settings: ForceAtlas2Settings, nodes: Float32Array, edges: Float32Array, budgetMs: number, now: () => number = () => performance.now()): number {
  const start = now();
  let n = 0;
  do {
    iterate(settings, nodes, edges);
    n++;
  } while (now() - start < budgetMs);
  return n;
}

/** The x, y pairs of a node matrix (a copy, small enough to hand over every frame: 8 bytes a node). */
export function positionsOf(nodes: Float32Array): Float32Array<ArrayBuffer> {
  const n = nodes.length / PPN;
  const xy = new Float32Array(n * 2);
  for (let i = 0, j = 0; j < n * 2; i += PPN, j += 2) {
    xy[j] = nodes[i]!;
    xy[j + 1] = nodes[i + 1]!;
  }
  return xy;
}
