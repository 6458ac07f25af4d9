// Option types, their defaults, result types and the typed error of the network metrics.
import { DiplographError } from "@diplograph/model";

/** A metric's value for every node, keyed by node key (graphology's convention). */
export type NodeValues = Record<string, number>;

/** Bad input to a metric: an unknown node, a weight a metric cannot use, a pivot that is not a node. */
export class MetricError extends DiplographError {
  override name = "MetricError";
}

/** Options shared by every metric that can read edge weights. */
export interface WeightOptions {
  /**
   * Name of the edge attribute holding the weight, or `null` for an unweighted graph. An edge without the attribute
   * weighs 1. Shortest-path metrics read the weight as a length (cost); PageRank, eigenvector, degree and Louvain read
   * it as a strength.
   */
  weight?: string | null;
}

export type DegreeMode = "all" | "in" | "out";

export interface DegreeOptions extends WeightOptions {
  /** Which edges count in a directed graph; in an undirected graph all three are the same. */
  mode?: DegreeMode;
}

export interface BetweennessOptions extends WeightOptions {
  /**
   * NetworkX's `normalized` (its default too): divide by (n-1)(n-2), the number of ordered pairs not including the
   * node, in directed and undirected graphs alike. Unnormalized undirected values count each unordered pair once
   * (the sum over ordered pairs halved). Endpoints are never counted (NetworkX `endpoints=False`).
   */
  normalized?: boolean;
}

export interface ClosenessOptions extends WeightOptions {
  /**
   * Wasserman–Faust scaling for graphs that are not (strongly) connected, NetworkX's `wf_improved`: the closeness
   * of a node reaching r-1 others is multiplied by (r-1)/(n-1).
   */
  wfImproved?: boolean;
}

export interface PageRankOptions extends WeightOptions {
  /** Damping factor: the probability of following an edge rather than teleporting. */
  alpha?: number;
  /**
   * Teleport distribution by node key (nodes not listed get 0); it is normalised to sum 1. Dangling nodes (no
   * outgoing weight) also jump along it, as in NetworkX and igraph. `null`: uniform.
   */
  personalization?: Readonly<Record<string, number>> | null;
  /** Stop when the L1 norm of the change between two iterations is below n × this (NetworkX's criterion). */
  tolerance?: number;
  /** Give up (throw {@link MetricError}) after this many iterations. */
  maxIterations?: number;
}

export interface EigenvectorOptions extends WeightOptions {
  /** Stop when the L1 norm of the change between two iterations is below n × this (NetworkX's criterion). */
  tolerance?: number;
  /** Give up (throw {@link MetricError}) after this many iterations. */
  maxIterations?: number;
}

export interface LouvainOptions extends WeightOptions {
  /** Modularity resolution γ: above 1 favours smaller communities, below 1 larger ones. */
  resolution?: number;
  /**
   * Seed of the PRNG that shuffles the node order of each local-moving level; `null` visits nodes in graph order.
   * The same graph, options and seed always give the same partition.
   */
  seed?: number | null;
  /** A level whose modularity gain is below this ends the algorithm (NetworkX's `threshold`). */
  threshold?: number;
}

export interface ModularityOptions extends WeightOptions {
  resolution?: number;
}

export type EgoDirection = "out" | "in" | "both";

export interface EgoOptions {
  /** How many hops from the ego; 0 is the ego alone. */
  depth?: number;
  /** In a directed graph, follow outgoing edges, incoming edges, or both. Ignored in undirected graphs. */
  direction?: EgoDirection;
}

export interface PathOptions extends WeightOptions {
  /** In a directed graph, `true` also walks edges backwards. */
  undirected?: boolean;
}

export interface AllPathsOptions extends PathOptions {
  /** Refuse (throw {@link MetricError}) when there are more shortest paths than this. */
  limit?: number;
}

/** Defaults of every metric's options, in one place. */
export const DEFAULTS = {
  degree: { weight: null, mode: "all" },
  betweenness: { weight: null, normalized: true },
  closeness: { weight: null, wfImproved: true },
  pagerank: { weight: null, alpha: 0.85, personalization: null, tolerance: 1e-15, maxIterations: 1000 },
  eigenvector: { weight: null, tolerance: 1e-15, maxIterations: 1000 },
  louvain: { weight: null, resolution: 1, seed: 42, threshold: 1e-7 },
  modularity: { weight: null, resolution: 1 },
  ego: { depth: 1, direction: "out" },
  path: { weight: null, undirected: false },
  allPaths: { weight: null, undirected: false, limit: 10_000 },
} as const satisfies {
  degree: Required<DegreeOptions>;
  betweenness: Required<BetweennessOptions>;
  closeness: Required<ClosenessOptions>;
  pagerank: Required<PageRankOptions>;
  eigenvector: Required<EigenvectorOptions>;
  louvain: Required<LouvainOptions>;
  modularity: Required<ModularityOptions>;
  ego: Required<EgoOptions>;
  path: Required<PathOptions>;
  allPaths: Required<AllPathsOptions>;
};

/** Fill in defaults; `undefined` in the given options means "use the default". */
export function withDefaults<T extends object>(defaults: T, options: Partial<T> | undefined): T {
  const out = { ...defaults };
  if (options) for (const [k, v] of Object.entries(options)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

export interface LouvainResult {
  /** Community index (0, 1, …, in order of first appearance in the graph's node order) by node key. */
  communities: Record<string, number>;
  count: number;
  /** Modularity of the partition on the input graph, at the given resolution. */
  modularity: number;
}

/** Gould–Fernandez brokerage counts of one node. */
export interface BrokerageRoles {
  /** A→A→A: broker and both alters in one group. */
  coordinator: number;
  /** A→B→A: the alters share a group the broker is not in (also called consultant). */
  itinerant: number;
  /** A→B→B: the broker lets an outsider into its own group. */
  gatekeeper: number;
  /** B→B→A: the broker carries its own group's contact outside. */
  representative: number;
  /** A→B→C: three groups. */
  liaison: number;
  total: number;
}
