import { describe, expect, it } from "vitest";
import { MultiGraph } from "graphology";
import iterate from "graphology-layout-forceatlas2/iterate.js";
import { PPE, PPN, iterateFor, positionsOf, type FromWorker, type ToWorker } from "./fa2.js";
import {
  LIVE_EDGE_LIMIT,
  LayoutRunner,
  MAX_APPLY_MS,
  MIN_APPLY_MS,
  applyDelay,
  applyPositions,
  layoutMatrices,
  layoutSettings,
  liveEdges,
  liveGraph,
  renderPlan,
  type LayoutWorker,
} from "./layout.js";
import type { EdgeAttrs, NodeAttrs } from "./graph.js";

function ring(n: number, extra = 0): MultiGraph<NodeAttrs, EdgeAttrs> {
  const g = new MultiGraph<NodeAttrs, EdgeAttrs>();
  for (let i = 0; i < n; i++) g.addNode(`n${i}`, { label: `N${i}`, kind: "state", x: Math.cos(i), y: Math.sin(i), size: 3, color: "#000", community: 0, values: {} });
  const edge = (w: number): EdgeAttrs => ({ kind: "member", weight: w, size: 1, color: "#ccc", type: "line", curvature: 0, records: [] });
  for (let i = 0; i < n; i++) g.addEdgeWithKey(`e${i}`, `n${i}`, `n${(i + 1) % n}`, edge(1));
  for (let i = 0; i < extra; i++) g.addEdgeWithKey(`x${i}`, `n${i % n}`, `n${(i * 7 + 3) % n}`, edge(2));
  return g;
}

describe("layout matrices", () => {
  it("lay out nodes and edges as graphology-layout-forceatlas2 does: mass is 1 + weighted degree", () => {
    const g = ring(4, 1); // x0: n0 – n3, weight 2
    const m = layoutMatrices(g);
    expect(m.order).toEqual(["n0", "n1", "n2", "n3"]);
    expect(m.nodes.length).toBe(4 * PPN);
    expect(m.edges.length).toBe(5 * PPE);
    expect(m.nodes[0]).toBeCloseTo(Math.cos(0));
    expect(m.nodes[PPN + 1]).toBeCloseTo(Math.sin(1));
    expect(m.nodes[6]).toBe(1 + 1 + 1 + 2); // n0: e0, e3, x0
    expect(m.nodes[PPN + 6]).toBe(3); // n1: e0, e1
    expect(m.nodes[8]).toBe(3); // size
    expect([...m.edges.slice(12, 15)]).toEqual([0, 3 * PPN, 2]); // x0 by matrix offsets
  });

  it("iterate for a time budget in the worker and hand back x, y pairs", () => {
    const g = ring(30);
    const m = layoutMatrices(g);
    let clock = 0;
    const n = iterateFor(iterate, layoutSettings(g.order), m.nodes, m.edges, 5, () => (clock += 1));
    expect(n).toBe(5); // the clock advances 1 per look
    const xy = positionsOf(m.nodes);
    expect(xy.length).toBe(60);
    expect(xy[2]).toBe(m.nodes[PPN]);
    expect(xy[3]).toBe(m.nodes[PPN + 1]);
    expect(xy[0]).not.toBeCloseTo(Math.cos(0)); // the nodes moved
  });

  it("write positions into the attribute objects without graph events", () => {
    const g = ring(3);
    let events = 0;
    g.on("nodeAttributesUpdated", () => events++);
    g.on("eachNodeAttributesUpdated", () => events++);
    applyPositions(g, ["n0", "n1", "n2"], new Float32Array([1, 2, 3, 4, 5, 6]));
    expect(g.getNodeAttributes("n2")).toMatchObject({ x: 5, y: 6 });
    expect(events).toBe(0);
  });
});

describe("layout settings and drawing plan", () => {
  it("use Barnes–Hut from 500 nodes and graphology's inferred gravity", () => {
    expect(layoutSettings(100).barnesHutOptimize).toBe(false);
    expect(layoutSettings(10_000)).toMatchObject({ barnesHutOptimize: true, strongGravityMode: true, gravity: 0.05, scalingRatio: 10 });
    expect(layoutSettings(10_000).slowDown).toBeCloseTo(1 + Math.log(10_000));
  });
  it("draw big graphs with points, lines and a sample of edges while the layout runs", () => {
    expect(renderPlan(200, 300)).toEqual({ points: false, lines: false, liveEdges: undefined, hideEdgesOnMove: false });
    expect(renderPlan(9998, 60_845)).toEqual({ points: true, lines: true, liveEdges: LIVE_EDGE_LIMIT, hideEdgesOnMove: true });
    expect(renderPlan(3000, 1000).points).toBe(true);
  });
  it("throttle applies: at least MIN_APPLY_MS apart, else 1.5 × the last frame's cost, at most MAX_APPLY_MS", () => {
    expect(applyDelay(5)).toBe(MIN_APPLY_MS);
    expect(applyDelay(200)).toBe(300);
    expect(applyDelay(5000)).toBe(MAX_APPLY_MS);
  });
});

describe("live graph", () => {
  it("keeps every edge up to the limit, else an even sample of exactly the limit", () => {
    expect(liveEdges(ring(10), 20)).toHaveLength(10);
    const g = ring(100, 900);
    const keys = liveEdges(g, 100);
    expect(keys).toHaveLength(100);
    expect(keys.filter((k) => k.startsWith("e")).length).toBeGreaterThan(5); // spread over the whole edge list
    expect(keys.filter((k) => k.startsWith("x")).length).toBeGreaterThan(50);
  });
  it("shares the attribute objects, so positions written to the full graph move the live one", () => {
    const g = ring(50, 200);
    const live = liveGraph(g, 40);
    expect(live.order).toBe(50);
    expect(live.size).toBe(40);
    g.getNodeAttributes("n7").x = 42;
    expect(live.getNodeAttribute("n7", "x")).toBe(42);
    const e = live.edges()[0]!;
    expect(live.getEdgeAttributes(e)).toBe(g.getEdgeAttributes(e));
  });
});

/** A worker stand-in answering as fa2.worker.ts does, and a hand-driven clock, timers and frames. */
function harness() {
  const sent: ToWorker[] = [];
  let running = false;
  const worker: LayoutWorker = {
    postMessage: (m) => {
      sent.push(m);
      if (m.type === "run") running = true;
      if (m.type === "pause") {
        running = false;
        reply(false);
      }
    },
    onmessage: null,
    terminate: () => sent.push({ type: "pause" }),
  };
  const reply = (r = running) => {
    const msg: FromWorker = { type: "positions", xy: new Float32Array([r ? 1 : 9, 2]).buffer, iterations: 1, running: r };
    worker.onmessage!({ data: msg } as MessageEvent<FromWorker>);
  };
  let clock = 0;
  const timers: Array<{ at: number; f: () => void }> = [];
  const frames: Array<() => void> = [];
  const applied: Array<{ x: number; final: boolean; at: number }> = [];
  const runner = new LayoutRunner(
    { nodes: new Float32Array(PPN), edges: new Float32Array(0) },
    {
      createWorker: () => worker,
      settings: layoutSettings(1),
      apply: (xy, final) => {
        applied.push({ x: xy[0]!, final, at: clock });
        clock += 50; // the apply's own cost
      },
      frame: (f) => frames.push(f),
      later: (f, ms) => timers.push({ at: clock + ms, f }),
      now: () => clock,
    },
  );
  /** Advance the clock to `t`, running due timers, and the pending frames (once committed, `commitMs` later). */
  const advance = (t: number, commitMs = 100) => {
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const next = timers[0];
      if (next && next.at <= Math.max(t, clock)) {
        timers.shift();
        clock = Math.max(clock, next.at);
        next.f();
        continue;
      }
      if (frames.length) {
        clock += commitMs;
        frames.splice(0).forEach((f) => f());
        continue;
      }
      break;
    }
    clock = Math.max(clock, t);
  };
  return { runner, sent, reply, advance, applied, wants: () => sent.filter((m) => m.type === "want").length };
}

describe("LayoutRunner", () => {
  it("sends the matrices once, then pulls positions: one request outstanding, applies spaced by the frame cost", () => {
    const h = harness();
    h.runner.start();
    expect(h.sent.map((m) => m.type)).toEqual(["init", "run", "want"]);
    h.runner.start(); // already running: nothing more
    expect(h.wants()).toBe(1);
    h.reply();
    h.advance(0); // not yet due: the first apply waits MIN_APPLY_MS from the start
    expect(h.applied).toHaveLength(0);
    h.advance(MIN_APPLY_MS);
    expect(h.applied).toHaveLength(1);
    // the frame cost (50 ms apply + 100 ms until committed = 150) asks for the next positions right away …
    expect(h.wants()).toBe(2);
    h.reply();
    h.advance(h.applied[0]!.at + 200);
    expect(h.applied).toHaveLength(1); // … but applies them 1.5 × 150 = 225 ms after the last apply began
    h.advance(h.applied[0]!.at + 225);
    expect(h.applied).toHaveLength(2);
    expect(h.applied[1]!.at - h.applied[0]!.at).toBe(225);
    expect(h.applied.every((a) => !a.final)).toBe(true);
  });

  it("stops with the worker's final positions, dropping positions from before the stop", () => {
    const h = harness();
    h.runner.start();
    h.advance(MIN_APPLY_MS);
    h.reply(true); // answer to the pending want, arriving …
    h.runner.stop(); // … as the layout is stopped
    h.advance(5000);
    expect(h.runner.isRunning()).toBe(false);
    expect(h.applied).toEqual([{ x: 9, final: true, at: expect.any(Number) }]);
    // and runs again from there without a second init
    h.runner.start();
    expect(h.sent.filter((m) => m.type === "init")).toHaveLength(1);
    expect(h.sent.at(-1)).toEqual({ type: "want" });
  });

  it("does nothing once killed", () => {
    const h = harness();
    h.runner.start();
    h.runner.kill();
    h.reply();
    h.advance(5000);
    expect(h.applied).toHaveLength(0);
    h.runner.start();
    expect(h.sent.filter((m) => m.type === "run")).toHaveLength(1);
  });
});
