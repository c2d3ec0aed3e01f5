"""GEXF and GraphML written as text (graph/exports.py): the bytes networkx's writers give, on the actor graph
of the bundled corpus and on graphs with awkward text and types; graphs outside the simple shape are written by
networkx itself."""

from __future__ import annotations

import io

import networkx as nx
import numpy as np
import pytest

from graph.analyze import analysis_graph, exportable, load_events, stances
from graph.exports import _Unsupported, gexf_text, graphml_text, write_gexf, write_graphml

AWKWARD = 'a&b<c>d"e\'f\tg\nh\ri é ✓ ]]> \u2028 -> USA'


def networkx_bytes(G: nx.Graph, writer) -> bytes:
    buffer = io.BytesIO()
    writer(G, buffer)
    return buffer.getvalue()


def awkward_graph() -> nx.MultiDiGraph:
    """Escapes in names, labels and values; booleans, infinities, an attribute whose type changes between
    edges, a node without attributes and an edge without any."""
    G = nx.MultiDiGraph(level="actor", focus="U&S")
    G.add_node("n<1>", label=AWKWARD, score=1.5, flag=True, community=3)
    G.add_node("n2", label="x")
    G.add_node("n3")
    G.add_edge("n<1>", "n2", key="k&1", weight=2.0, evidence=AWKWARD, n=1.0, b=False)
    G.add_edge("n2", "n2", key="k2", weight=-2.5, evidence="", n="", b=True)
    G.add_edge("n2", "n3", key="k3")
    G.add_edge("n3", "n2", key="k4", weight=float("inf"), x=float("nan"), y=float("-inf"))
    return G


def test_the_corpus_actor_graph_is_written_as_networkx_writes_it(corpus_build):
    events = load_events(corpus_build.store)
    G = exportable(analysis_graph(events, stances(events, focus="USA")))
    assert G.number_of_edges() > 40
    assert gexf_text(G).encode() == networkx_bytes(G, nx.write_gexf)
    assert graphml_text(G).encode() == networkx_bytes(G, nx.write_graphml)


@pytest.mark.parametrize("kind", [nx.MultiDiGraph, nx.DiGraph, nx.Graph, nx.MultiGraph])
def test_awkward_text_and_types_are_written_as_networkx_writes_them(kind):
    G = kind(awkward_graph())
    assert gexf_text(G).encode() == networkx_bytes(G, nx.write_gexf)
    assert graphml_text(G).encode() == networkx_bytes(G, nx.write_graphml)


def written_as_networkx_writes(G: nx.Graph, ours, theirs, path) -> None:
    """`ours` writes the bytes of networkx's `theirs`, or fails as it does."""
    try:
        expected = networkx_bytes(G, theirs)
    except Exception as error:  # noqa: BLE001 - whatever networkx raises, ours raises too
        with pytest.raises(type(error)):
            ours(G, path)
        return
    ours(G, path)
    assert path.read_bytes() == expected


@pytest.mark.parametrize("change", ["numpy value", "viz", "no edge", "quote in an identifier", "control character"])
def test_graphs_outside_the_simple_shape_are_left_to_networkx(tmp_path, change):
    G = awkward_graph()
    if change == "numpy value":
        G.nodes["n2"]["community"] = np.int64(3)
    elif change == "viz":
        G.nodes["n2"]["viz"] = {"size": 3}
    elif change == "no edge":
        G.remove_edges_from(list(G.edges(keys=True)))
    elif change == "quote in an identifier":
        G.add_edge("n2", 'say "no"', key="k5")
    else:
        G.nodes["n2"]["label"] = "bell\x07"
    with pytest.raises(_Unsupported):
        graphml_text(G)
    if change in ("numpy value", "viz", "no edge"):
        with pytest.raises(_Unsupported):
            gexf_text(G)
    written_as_networkx_writes(G, write_gexf, nx.write_gexf, tmp_path / "graph.gexf")
    written_as_networkx_writes(G, write_graphml, nx.write_graphml, tmp_path / "graph.graphml")
