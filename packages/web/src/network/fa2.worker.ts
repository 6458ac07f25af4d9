// The ForceAtlas2 web worker: iterates continuously (yielding between batches so messages get through) and posts the
// positions only when the page asks for them, so the page decides how often it redraws and is never flooded.
import iterate from "graphology-layout-forceatlas2/iterate.js";
import type { ForceAtlas2Settings } from "graphology-layout-forceatlas2";
import { iterateFor, positionsOf, type FromWorker, type ToWorker } from "./fa2.js";

/** How long one batch of iterations may run before the worker looks at its messages. */
const BATCH_MS = 16;

let nodes: Float32Array | undefined;
let edges: Float32Array | undefined;
let settings: ForceAtlas2Settings = {};
let running = false;
let want = false;
let iterations = 0;
let scheduled = false;

// A MessageChannel yields to the event loop without setTimeout's 4 ms clamp.
const tick = new MessageChannel();
tick.port1.onmessage = () => {
  scheduled = false;
  if (!running || !nodes || !edges) return;
  iterations += iterateFor(iterate, settings, nodes, edges, BATCH_MS);
  if (want) send();
  schedule();
};
function schedule() {
  if (scheduled) return;
  scheduled = true;
  tick.port2.postMessage(null);
}
function send() {
  if (!nodes) return;
  want = false;
  const xy = positionsOf(nodes);
  const msg: FromWorker = { type: "positions", xy: xy.buffer, iterations, running };
  (self as unknown as Worker).postMessage(msg, [xy.buffer]);
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  switch (m.type) {
    case "init":
      nodes = new Float32Array(m.nodes);
      edges = new Float32Array(m.edges);
      settings = m.settings;
      iterations = 0;
      break;
    case "run":
      running = true;
      schedule();
      break;
    case "pause":
      running = false;
      send();
      break;
    case "want":
      want = true;
      if (!running) send();
      break;
  }
};
