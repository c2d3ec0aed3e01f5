"""Community detection always ends.

networkx's Louvain, which `communities` used, loops for ever on some small graphs: rounding lets a node move
back and forth between two communities with a gain just above zero. The graph below (events between seven
actors, one of them with itself) made it spin with seed 0, and a property test of the exports hung on a
generated table like it. The alarm turns a hang into a failure instead of a stuck test run.
"""

from __future__ import annotations

import signal

import networkx as nx

from graph.analyze import communities, summary

EDGES = [("h", "f", 0.5), ("h", "g", -1.0), ("h", "b", 0.0), ("e", "d", 0.5), ("e", "h", 0.5), ("e", "a", 0.0),
         ("e", "g", -1.0), ("e", "e", -0.5), ("d", "e", 1.0), ("g", "b", 1.0), ("g", "f", 0.0), ("a", "g", -1.0)]


def _graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for source, target, weight in EDGES:
        G.add_edge(source, target, weight=weight, relation="accuses")
    return G


def _stuck(*_args) -> None:
    raise AssertionError("community detection did not end")


def test_communities_of_a_graph_that_made_louvain_spin_end() -> None:
    previous = signal.signal(signal.SIGALRM, _stuck)
    signal.alarm(30)
    try:
        found = communities(_graph(), seed=0)
        overview = dict(summary(_graph(), seed=0).values.tolist())
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert sorted(found["node"]) == sorted({node for edge in EDGES for node in edge[:2]})
    assert overview["communities"] == found["community"].nunique()
