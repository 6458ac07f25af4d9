#!/usr/bin/python3
# The peers' side of the analysis benchmark: python3-igraph on every graph, or NetworkX on the 5k graph, one process.
# Usage: peers.py igraph|networkx OUT_DIR   (writes OUT_DIR/results-<tool>.json)
import json
import os
import random
import sys
import time

tool, out = sys.argv[1], sys.argv[2]
repeats = int(os.environ.get("BENCH_REPEATS", "5"))
GRAPHS = [("gnm-5k", 5_000), ("gnm-10k", 10_000), ("gnm-100k", 100_000)]


def timed(fn, runs=1):
    """Wall-clock seconds of the fastest of `runs` runs; that run's CPU seconds are left in timed.cpu."""
    best, cpu, value = float("inf"), None, None
    for _ in range(runs):
        c0, t0 = time.process_time(), time.perf_counter()
        result = fn()
        wall = time.perf_counter() - t0
        if wall < best:
            best, cpu, value = wall, time.process_time() - c0, result
    timed.cpu = cpu
    return best, value


def load(name):
    with open(os.path.join(out, f"{name}.txt")) as f:
        n, _ = map(int, f.readline().split())
        edges = [tuple(map(int, line.split())) for line in f]
    with open(os.path.join(out, f"{name}.pivots.txt")) as f:
        pivots = [int(line) for line in f if line.strip()]
    return n, edges, pivots


def log(name, task, seconds):
    print(f"  {tool} {name} {task}: {seconds:.3f} s", file=sys.stderr, flush=True)


class FixedPivots(random.Random):
    """Makes betweenness_centrality(k=...) use the benchmark's pivots instead of drawing them."""

    def __init__(self, pivots):
        super().__init__(0)
        self.pivots = pivots

    def sample(self, population, k):
        return list(self.pivots)


results = {}
if tool == "igraph":
    import igraph as ig

    for name, n in GRAPHS:
        n, edges, pivots = load(name)
        build, g = timed(lambda: ig.Graph(n=n, edges=edges, directed=False))
        r = results[name] = {"build": build}
        log(name, "build", build)
        if n <= 10_000:
            t, v = timed(lambda: g.betweenness(directed=False))
            r["betweenness"] = {"seconds": t, "cpu": timed.cpu, "values": v}
            log(name, "betweenness", t)
        t, v = timed(lambda: g.pagerank(directed=False), repeats)
        r["pagerank"] = {"seconds": t, "cpu": timed.cpu, "values": v}
        log(name, "pagerank", t)
        if n == 100_000:
            t, v = timed(lambda: g.community_multilevel())
            r["louvain"] = {"seconds": t, "cpu": timed.cpu, "modularity": g.modularity(v.membership), "count": len(v)}
            log(name, "louvain", t)
else:
    import networkx as nx

    name, n = GRAPHS[0]
    n, edges, pivots = load(name)

    def build_graph():
        G = nx.Graph()
        G.add_nodes_from(range(n))
        G.add_edges_from(edges)
        return G

    build, G = timed(build_graph)
    r = results[name] = {"build": build}
    log(name, "build", build)
    t, v = timed(lambda: nx.pagerank(G, tol=1e-12), repeats)
    r["pagerank"] = {"seconds": t, "cpu": timed.cpu, "values": [v[i] for i in range(n)]}
    log(name, "pagerank", t)
    t, v = timed(lambda: nx.betweenness_centrality(G, k=len(pivots), normalized=False, seed=FixedPivots(pivots)))
    r["sampled"] = {"seconds": t, "cpu": timed.cpu, "values": [v[i] for i in range(n)]}
    log(name, "sampled betweenness", t)
    t, v = timed(lambda: nx.betweenness_centrality(G, normalized=False))
    r["betweenness"] = {"seconds": t, "cpu": timed.cpu, "values": [v[i] for i in range(n)]}
    log(name, "betweenness", t)

with open(os.path.join(out, f"results-{tool}.json"), "w") as f:
    json.dump(results, f)
