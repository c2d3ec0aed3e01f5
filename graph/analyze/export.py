"""Exports: ``stances.csv``, ``graph.gexf`` and ``graph.graphml`` for Gephi or Cytoscape.

Attributes are made exportable first (strings, integers, floats or booleans, without characters XML
forbids), so both formats load everywhere, and a rebuild reuses the previous build's communities when
its actors deal with each other as before (:class:`CommunityMemo`), since they cost the most.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pandas as pd
import pyoxigraph as ox

from graph.analyze.events import load_events
from graph.analyze.networks import _simple, actor_graph, communities
from graph.analyze.periods import stance_changes
from graph.analyze.scoring import stances
from graph.exports import write_gexf, write_graphml
from graph.outputs import atomic_path, atomic_write_text

# ---------------------------------------------------------------------------------------------------------
# Exports


#: Characters XML 1.0 cannot hold, even escaped: control characters other than tab and line breaks,
#: lone surrogates, U+FFFE and U+FFFF. Text pasted from PDFs and web pages carries some of them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _scalar(value: object) -> str | int | float | bool:
    """GEXF and GraphML hold scalars only: None -> '', sequences -> '; '-joined text, text XML can hold."""
    if value is None:
        return ""
    if isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else ""
    if isinstance(value, str):
        return _NOT_XML.sub("", value)
    if isinstance(value, Iterable):
        return _NOT_XML.sub("", "; ".join(str(item) for item in value))
    return _NOT_XML.sub("", str(value))


def exportable(G: nx.Graph) -> nx.Graph:
    """A copy of `G` whose node, edge and graph attributes are all scalars (strings, numbers, booleans).

    Attribute types stay consistent per key (missing text becomes '', not None), which GraphML needs.
    """
    H = G.__class__()
    H.graph.update({k: _scalar(v) for k, v in G.graph.items()})
    for node, data in G.nodes(data=True):
        H.add_node(node, **{k: _scalar(v) for k, v in data.items()})
    if G.is_multigraph():
        for u, v, key, data in G.edges(keys=True, data=True):
            H.add_edge(u, v, key=key, **{k: _scalar(v) for k, v in data.items()})
    else:
        for u, v, data in G.edges(data=True):
            H.add_edge(u, v, **{k: _scalar(v) for k, v in data.items()})
    return H


@dataclass(frozen=True)
class CommunityMemo:
    """Where a build finds the communities of the previous build's graph (`before`, None for none) and keeps
    its own (`after`). Modularity communities take a third of a second on the 9,000 events of 20,000 articles,
    and they depend only on which actors deal with each other (:func:`communities` ignores weights): a
    rebuild whose new articles made no new pair of actors reuses them."""

    before: Path | None
    after: Path


def _projection_key(H: nx.Graph) -> str:
    """What :func:`communities` computes from: the projection's nodes and edges in order (and the networkx
    version that computes)."""
    return hashlib.sha256(repr((nx.__version__, list(H.nodes), list(H.edges))).encode()).hexdigest()


def node_communities(G: nx.Graph, *, seed: int | None = 0, memo: CommunityMemo | None = None) -> dict:
    """node -> the index of its community in :func:`communities` (the previous build's when its projection
    was the same, with `memo`)."""
    if not len(G):
        return {}
    if memo is None:
        return _community_index(G, seed)
    H = _simple(G)  # what communities are computed on: made once for the key and the computation
    key = _projection_key(H)
    found = _remembered(memo.before, key, G) if memo.before is not None else None
    if found is None:
        found = _community_index(H, seed)
    memo.after.write_text(json.dumps({"key": key, "communities": list(found.items())}), encoding="utf-8")
    return found


def _community_index(G: nx.Graph, seed: int | None) -> dict:
    """node -> the index of its community in :func:`communities` of `G` (the same for `G` and its projection,
    which is what they are computed on)."""
    return {row["node"]: int(row["community"]) for row in communities(G, seed=seed).to_dict("records")}


def _remembered(path: Path, key: str, G: nx.Graph) -> dict | None:
    """The communities kept in `path` when they were computed for the projection `key` of a graph with the
    nodes of `G`, else None."""
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
        found = {node: int(index) for node, index in kept["communities"]} if kept.get("key") == key else None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return found if found is not None and found.keys() == set(G.nodes) else None


def analysis_graph(events: pd.DataFrame, table: pd.DataFrame, *, seed: int | None = 0,
                   memo: CommunityMemo | None = None) -> nx.MultiDiGraph:
    """The actor graph decorated for export: each node gets its country's stance and its community (`memo`:
    see :class:`CommunityMemo`)."""
    G = actor_graph(events)
    by_country = table.set_index("country") if len(table) else pd.DataFrame()
    focus = table["focus"].iloc[0] if len(table) else None
    parts = node_communities(G, seed=seed, memo=memo)
    for node, data in G.nodes(data=True):
        country = data.get("country")
        if country == focus:
            data["stance"], data["score"] = "focus", 0.0
        elif isinstance(country, str) and country in by_country.index:
            data["stance"], data["score"] = (
                by_country.at[country, "label"],
                float(by_country.at[country, "score"]),
            )
        else:
            data["stance"], data["score"] = "unknown", 0.0
        data["community"] = parts.get(node, -1)
    G.graph["focus"] = focus or ""
    return G


def stances_csv(table: pd.DataFrame) -> str:
    """The stance table as CSV text; the tuple columns hold one item per line of their cell."""
    flat = table.copy()
    for column in ("events", "evidence", "event_iris"):
        flat[column] = ["\n".join(items) for items in flat[column]]
    return flat.to_csv(index=False, lineterminator="\n")


def write_analysis(store: ox.Store, out_dir: Path | str, *, focus: str = "USA") -> dict[str, Path]:
    """Write ``stances.csv``, ``stance_changes.csv``, ``graph.gexf`` and ``graph.graphml`` into `out_dir`, each
    atomically.

    The GEXF and GraphML files hold the actor graph (people, organisations, countries, programmes) with
    each node's country, the stance of that country toward `focus` and its modularity community, and each
    event as an edge with its signed weight, relation, date, evidence and source, ready for Gephi or
    Cytoscape; ``stance_changes.csv`` holds the change points of :func:`stance_changes`. Returns
    ``{"stances": path, "changes": path, "gexf": path, "graphml": path}``.
    """
    return write_analysis_of(load_events(store), out_dir, focus=focus)


def write_analysis_of(events: pd.DataFrame, out_dir: Path | str, *, focus: str = "USA",
                      memo: CommunityMemo | None = None) -> dict[str, Path]:
    """:func:`write_analysis` for an events table (as :func:`load_events` gives it) instead of a store; `memo`
    (a build's) reuses the previous build's communities when they cannot have changed."""
    out = Path(out_dir)
    table = stances(events, focus=focus)
    G = exportable(analysis_graph(events, table, memo=memo))
    paths = {"stances": out / "stances.csv", "changes": out / "stance_changes.csv", "gexf": out / "graph.gexf",
             "graphml": out / "graph.graphml"}
    atomic_write_text(paths["stances"], stances_csv(table))
    changes = stance_changes(events, focus=focus)
    atomic_write_text(paths["changes"], changes.to_csv(index=False, lineterminator="\n"))
    with atomic_path(paths["gexf"]) as tmp:
        write_gexf(G, tmp)  # networkx's bytes, written as text (graph/exports.py)
    with atomic_path(paths["graphml"]) as tmp:
        write_graphml(G, tmp)
    return paths
