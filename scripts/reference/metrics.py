#!/usr/bin/python3
# Reference values for the metrics tests: NetworkX 2.8 (and igraph 0.10) on seeded graphs, written as a JSON fixture.
# Run: /usr/bin/python3 scripts/reference/metrics.py  (writes packages/analysis/src/metrics/fixtures/networkx-reference.json)
import json
import os
import random

import igraph as ig
import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "packages", "analysis", "src", "metrics", "fixtures", "networkx-reference.json")
TOL = 1e-15  # same per-node tolerance as the TypeScript defaults


class FixedPivots(random.Random):
    """A seed object whose sample() returns the given pivots, so betweenness_centrality(k=...) uses them."""

    def __init__(self, pivots):
        super().__init__(0)
        self.pivots = pivots

    def sample(self, population, k):
        assert k == len(self.pivots)
        return list(self.pivots)


def values(G, d):
    return [d[v] for v in G.nodes()]


def weighted_copy(G, seed):
    rng = random.Random(seed)
    H = G.copy()
    for u, v in H.edges():
        H[u][v]["weight"] = rng.randint(1, 5)
    return H


def to_igraph(G, weight=None):
    nodes = list(G.nodes())
    index = {v: i for i, v in enumerate(nodes)}
    g = ig.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in G.edges()], directed=G.is_directed())
    if weight:
        g.es["weight"] = [d.get(weight, 1) for _, _, d in G.edges(data=True)]
    return g


def metrics(G, weight, pivots):
    """Everything the TypeScript tests compare, for one graph (G carries integer weights under `weight`)."""
    directed = G.is_directed()
    out = {
        "directed": directed,
        "nodes": [str(v) for v in G.nodes()],
        "edges": [[str(u), str(v), d[weight]] for u, v, d in G.edges(data=True)],
        "betweenness": values(G, nx.betweenness_centrality(G)),
        "betweennessRaw": values(G, nx.betweenness_centrality(G, normalized=False)),
        "betweennessWeighted": values(G, nx.betweenness_centrality(G, weight=weight)),
        "closeness": values(G, nx.closeness_centrality(G)),
        "closenessWeighted": values(G, nx.closeness_centrality(G, distance=weight)),
        "closenessNoWf": values(G, nx.closeness_centrality(G, wf_improved=False)),
        "pagerank": values(G, nx.pagerank(G, tol=1e-12, weight=None)),
        "pagerankWeighted": values(G, nx.pagerank(G, tol=1e-12, weight=weight)),
        "coreNumber": values(G, nx.core_number(G)),
    }
    first = list(G.nodes())[:5]
    personalization = {v: i + 1 for i, v in enumerate(first)}
    out["personalization"] = {str(v): p for v, p in personalization.items()}
    out["pagerankPersonalized"] = values(G, nx.pagerank(G, tol=1e-12, weight=None, personalization=personalization))
    out["eigenvector"] = values(G, nx.eigenvector_centrality(G, max_iter=100000, tol=TOL, weight=None))
    out["eigenvectorWeighted"] = values(G, nx.eigenvector_centrality(G, max_iter=100000, tol=TOL, weight=weight))
    out["pivots"] = [str(v) for v in pivots]
    out["betweennessSampled"] = values(G, nx.betweenness_centrality(G, k=len(pivots), seed=FixedPivots(pivots)))
    out["betweennessSampledRaw"] = values(
        G, nx.betweenness_centrality(G, k=len(pivots), normalized=False, seed=FixedPivots(pivots))
    )
    g = to_igraph(G, weight)
    out["igraph"] = {
        "betweennessRaw": g.betweenness(directed=directed),
        "betweennessWeightedRaw": g.betweenness(directed=directed, weights="weight"),
        "pagerank": g.pagerank(directed=directed),
    }
    if not directed:
        for w, key in ((None, "louvain"), (weight, "louvainWeighted")):
            parts = nx.community.louvain_communities(G, weight=w, seed=1)
            ml = g.community_multilevel(weights="weight" if w else None)
            out[key] = {
                "networkx": nx.community.modularity(G, parts, weight=w),
                "igraph": g.modularity(ml.membership, weights="weight" if w else None),
            }
    return out


def main():
    random.seed(0)  # python-igraph draws from Python's `random`: this pins community_multilevel's node order
    und = weighted_copy(nx.gnm_random_graph(300, 1200, seed=2024), seed=1)
    dire = weighted_copy(nx.gnm_random_graph(300, 1200, seed=2025, directed=True), seed=2)
    karate = nx.karate_club_graph()  # carries Zachary's interaction counts as "weight"
    pivots = list(range(0, 300, 10))
    fixture = {
        "generator": "scripts/reference/metrics.py",
        "networkx": nx.__version__,
        "igraph": ig.__version__,
        "graphs": {
            "gnm300": metrics(und, "weight", pivots),
            "gnm300Directed": metrics(dire, "weight", pivots),
            "karate": metrics(karate, "weight", list(range(0, 34, 3))),
        },
    }
    with open(OUT, "w") as f:
        json.dump(fixture, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {os.path.relpath(OUT)}")


if __name__ == "__main__":
    main()
