// The graphology-style `.assign` form of a metric: compute, then write each node's value onto a node attribute.
import type { AnyGraph } from "./csr.js";

export interface AssignOptions {
  /** Node attribute to write; defaults to the metric's name. */
  attribute?: string;
}

export type WithAssign<O, R> = ((graph: AnyGraph, options?: O) => R) & {
  assign(graph: AnyGraph, options?: O & AssignOptions): void;
};

/** Give `metric` an `.assign` that writes `pick(result)[node]` onto each node as `attribute`. */
export function withAssign<O, R>(
  metric: (graph: AnyGraph, options?: O) => R,
  attribute: string,
  pick: (result: R) => Readonly<Record<string, unknown>>,
): WithAssign<O, R> {
  return Object.assign(metric, {
    assign(graph: AnyGraph, options?: O & AssignOptions): void {
      const values = pick(metric(graph, options));
      const name = options?.attribute ?? attribute;
      graph.updateEachNodeAttributes((node, attributes) => ({ ...attributes, [name]: values[node] }), {
        attributes: [name],
      });
    },
  });
}
