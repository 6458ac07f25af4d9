// The page's side of ForceAtlas2: the graph as the worker's matrices, positions written back without graph events,
// how often to redraw, and which edges stay drawn while a big graph is being laid out.
//
// Why not graphology-layout-forceatlas2/worker's supervisor: it writes every iteration's positions into the graph
// with updateEachNodeAttributes, and sigma answers that event by running the node reducers twice over every node and
// reprocessing every node and edge, once per iteration. At 10,000 nodes / 60,000 edges under software GL that kept
// the main thread busy for seconds at a time (0.3 frames/s). Here the worker iterates on its own and the page pulls
// positions at most every MIN_APPLY_MS (longer if a redraw was slow), writes them straight into the attribute
// objects, and asks sigma for a process-only refresh (no reducers); above LIVE_EDGE_LIMIT edges only a sample of the
// edges is drawn until the layout stops, since sigma reprocesses (and the GL redraws) every drawn edge whenever nodes
// move. See renderPlan for what software GL costs.
import { MultiGraph } from "graphology";
import type { ForceAtlas2Settings } from "graphology-layout-forceatlas2";
import { PPE, PPN, type FromWorker, type ToWorker } from "./fa2.js";
import type { EdgeAttrs, NodeAttrs } from "./graph.js";

type Graph = MultiGraph<NodeAttrs, EdgeAttrs>;

/** Above this many edges, only this many are drawn while the layout runs; the rest come back when it stops. */
export const LIVE_EDGE_LIMIT = 2_000;
/** Above this many nodes (or LIVE_EDGE_LIMIT edges), nodes are drawn as points and straight edges as 1 px lines. */
export const FAST_PROGRAM_NODES = 2_000;
/** Positions are applied at most this often … */
export const MIN_APPLY_MS = 100;
/** … and, after a slow frame, its cost after the last apply began (so the page stays at least half free), up to this. */
export const MAX_APPLY_MS = 1000;

/**
 * How a graph is drawn. Software GL (SwiftShader: headless Chromium, machines without a GPU) pays per instance for
 * sigma's instanced programs (circles, rectangles): 10,000 circles cost it 0.5–1 s a frame, as points 0.15–0.25 s;
 * 10,000 rectangle edges about 0.6 s, as lines about half. The compositor waits for that work on the main thread.
 * So big graphs use sigma's non-instanced programs (NodePointProgram, EdgeLineProgram), draw a sample of their edges
 * while the layout moves every node, and hide edges while the camera moves.
 */
export function renderPlan(order: number, size: number): { points: boolean; lines: boolean; liveEdges: number | undefined; hideEdgesOnMove: boolean } {
  const big = order > FAST_PROGRAM_NODES || size > LIVE_EDGE_LIMIT;
  return { points: big, lines: big, liveEdges: size > LIVE_EDGE_LIMIT ? LIVE_EDGE_LIMIT : undefined, hideEdgesOnMove: size > LIVE_EDGE_LIMIT };
}

/** ForceAtlas2's settings for a graph of `order` nodes: graphology's inferred ones, with Barnes–Hut from 500 nodes. */
export function layoutSettings(order: number): Required<ForceAtlas2Settings> {
  return {
    linLogMode: false,
    outboundAttractionDistribution: false,
    adjustSizes: false,
    edgeWeightInfluence: 1,
    // graphology's inferSettings: strong gravity keeps disconnected parts near, slowDown grows with the order
    scalingRatio: 10,
    strongGravityMode: true,
    gravity: 0.05,
    slowDown: 1 + Math.log(Math.max(1, order)),
    // Barnes–Hut: O(n log n) repulsion instead of O(n²); from 500 nodes it is the faster of the two
    barnesHutOptimize: order > 500,
    barnesHutTheta: order > 5000 ? 1 : 0.5,
  };
}

/** The graph as ForceAtlas2's matrices (as graphology-layout-forceatlas2 builds them), with the node order. */
export function layoutMatrices(g: Graph): { order: string[]; nodes: Float32Array; edges: Float32Array } {
  const order: string[] = [];
  const index = new Map<string, number>();
  const nodes = new Float32Array(g.order * PPN);
  g.forEachNode((n, a) => {
    const j = order.length * PPN;
    index.set(n, j);
    order.push(n);
    nodes[j] = a.x;
    nodes[j + 1] = a.y;
    nodes[j + 6] = 1; // mass: 1 + weighted degree
    nodes[j + 7] = 1; // convergence
    nodes[j + 8] = a.size || 1;
  });
  const edges = new Float32Array(g.size * PPE);
  let j = 0;
  g.forEachEdge((_e, a, s, t) => {
    const sj = index.get(s)!;
    const tj = index.get(t)!;
    const w = a.weight ?? 1;
    nodes[sj + 6] = nodes[sj + 6]! + w;
    nodes[tj + 6] = nodes[tj + 6]! + w;
    edges[j] = sj;
    edges[j + 1] = tj;
    edges[j + 2] = w;
    j += PPE;
  });
  return { order, nodes, edges };
}

/**
 * Writes x, y pairs into the nodes' attribute objects directly: no graph event, so sigma runs no reducer; the caller
 * refreshes sigma once (`refresh({ partialGraph: { nodes: [] }, skipIndexation: false })`: reprocess positions only).
 */
export function applyPositions(g: Graph, order: readonly string[], xy: Float32Array): void {
  for (let i = 0; i < order.length; i++) {
    const a = g.getNodeAttributes(order[i]!);
    a.x = xy[2 * i]!;
    a.y = xy[2 * i + 1]!;
  }
}

/** The least time from one apply to the next, after a frame that took `costMs` (apply, redraw, GL). */
export function applyDelay(costMs: number): number {
  return Math.min(MAX_APPLY_MS, Math.max(MIN_APPLY_MS, 1.5 * costMs));
}

/** The edges drawn while the layout runs: all up to `limit`, else every k-th edge (an even sample of the structure). */
export function liveEdges(g: Graph, limit = LIVE_EDGE_LIMIT): string[] {
  const keys: string[] = [];
  if (g.size <= limit) {
    g.forEachEdge((e) => void keys.push(e));
    return keys;
  }
  const stride = g.size / limit;
  let i = 0;
  let next = 0;
  g.forEachEdge((e) => {
    if (i++ >= next && keys.length < limit) {
      keys.push(e);
      next += stride;
    }
  });
  return keys;
}

/** The graph drawn while the layout runs: every node and a sample of the edges, sharing the attribute objects. */
export function liveGraph(g: Graph, limit = LIVE_EDGE_LIMIT): Graph {
  const live = new MultiGraph<NodeAttrs, EdgeAttrs>();
  g.forEachNode((n, a) => void live.addNode(n, a));
  for (const e of liveEdges(g, limit)) live.addEdgeWithKey(e, g.source(e), g.target(e), g.getEdgeAttributes(e));
  return live;
}

/** What the runner needs of a Worker (a fake in the tests). */
export interface LayoutWorker {
  postMessage(message: ToWorker, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
  terminate(): void;
}

export interface RunnerOptions {
  createWorker: () => LayoutWorker;
  settings: ForceAtlas2Settings;
  /** Apply positions (x, y per node in matrix order) and redraw; `final` when the layout has stopped. */
  apply: (xy: Float32Array, final: boolean) => void;
  /** Run on the next animation frame (requestAnimationFrame in the page). */
  frame?: (f: () => void) => unknown;
  /** Run after `ms` (setTimeout in the page). */
  later?: (f: () => void, ms: number) => unknown;
  now?: () => number;
}

/**
 * ForceAtlas2 in a worker, pulled by the page. Positions are asked for as soon as the last ones are drawn (so they are
 * ready in time) and applied no sooner than `applyDelay(cost)` after the last apply began, where the cost runs from
 * the apply until its frame is committed, which includes waiting for the GL to draw it. Only one request is ever
 * outstanding.
 */
export class LayoutRunner {
  private worker: LayoutWorker | undefined;
  private running = false;
  private asked = false;
  private killed = false;
  private nextAt = 0;
  /** Iterations the worker has run (from its last message). */
  iterations = 0;
  /** The last frames' costs, in ms. */
  costs: number[] = [];

  constructor(
    private readonly matrices: { nodes: Float32Array; edges: Float32Array },
    private readonly opts: RunnerOptions,
  ) {}

  isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.killed || this.running) return;
    if (!this.worker) {
      this.worker = this.opts.createWorker();
      this.worker.onmessage = (e) => this.receive(e.data);
      // The matrices are copied, not transferred: the page keeps them.
      const nodes = this.matrices.nodes.slice();
      const edges = this.matrices.edges.slice();
      this.worker.postMessage({ type: "init", nodes: nodes.buffer, edges: edges.buffer, settings: this.opts.settings }, [nodes.buffer, edges.buffer]);
    }
    this.running = true;
    this.worker.postMessage({ type: "run" });
    this.nextAt = this.now() + MIN_APPLY_MS;
    this.ask();
  }

  /** Stops iterating; the worker answers with the final positions, applied with `final`. */
  stop(): void {
    if (!this.running || !this.worker) return;
    this.running = false;
    this.asked = true;
    this.worker.postMessage({ type: "pause" });
  }

  kill(): void {
    this.killed = true;
    this.running = false;
    this.worker?.terminate();
    this.worker = undefined;
  }

  private now(): number {
    return (this.opts.now ?? (() => performance.now()))();
  }

  private ask(): void {
    if (!this.running || this.asked || !this.worker) return;
    this.asked = true;
    this.worker.postMessage({ type: "want" });
  }

  private receive(m: FromWorker): void {
    if (this.killed) return;
    this.asked = false;
    this.iterations = m.iterations;
    // Positions from before a stop: the pause's answer follows with the final ones.
    if (m.running && !this.running) return;
    // A pause's answer arriving after the user ran the layout again is not the end.
    const final = !m.running && !this.running;
    const frame = this.opts.frame ?? ((f) => requestAnimationFrame(f));
    const later = this.opts.later ?? ((f, d) => setTimeout(f, d));
    // Applied in a task of its own rather than in an animation frame: the frame that follows then waits for the GL
    // (the compositor reads the canvases back) in a separate, shorter task.
    const apply = () => {
      // killed, or stopped since: the pause's answer brings the final positions
      if (this.killed || (!final && !this.running)) return;
      const t = this.now();
      this.opts.apply(new Float32Array(m.xy), final);
      if (final) return;
      // A task queued from the next animation frame runs once that frame is committed, i.e. drawn by the GL:
      // the time until then is the cost to leave room for.
      frame(() =>
        later(() => {
          if (this.killed) return;
          const cost = this.now() - t;
          this.costs.push(cost);
          if (this.costs.length > 100) this.costs.shift();
          this.nextAt = t + applyDelay(cost);
          this.ask();
        }, 0),
      );
    };
    later(apply, final ? 0 : Math.max(0, this.nextAt - this.now()));
  }
}
