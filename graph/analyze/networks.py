"""Network views and metrics: actor and country graphs, the signed projection, centrality, communities.

Graphs are built from events sorted by IRI and every random step takes an explicit seed, so the same
store gives the same numbers every time; metrics are written like networkx, ``f(G, *, weight=None,
seed=None)`` returning DataFrames.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx
import pandas as pd

from graph.analyze.events import country_labels, missing_as_none
from graph.ontology import COUNTRY

# ---------------------------------------------------------------------------------------------------------
# Graphs


def _edge_attributes(row: dict) -> dict:
    """Scalar edge attributes shared by the actor and the country graph."""
    return {
        "event": row["event"],
        "relation": row["relation"],
        "weight": float(row["weight"]),
        "relation_weight": float(row["relation_weight"]),
        "polarity": int(row["polarity"]),
        "confidence": float(row["confidence"]),
        "date": row["date"],
        "event_date": row.get("event_date"),
        "sequence": int(row["sequence"]),
        "context": row["context"],
        "mode": row["mode"],
        "mention_count": int(row["mention_count"]),
        "evidence": row["evidence"],
        "source": row["source"],
        "description": row["description"],
    }


def actor_graph(events: pd.DataFrame) -> nx.MultiDiGraph:
    """Directed multigraph of actors: one node per actor or target IRI, one edge per event.

    Nodes carry ``label``, ``type`` and ``country`` (ISO3 or None); edges are keyed by event IRI and
    carry the signed ``weight`` (relation weight x confidence) plus relation, date, evidence, source.
    Nodes and edges are added in sorted order so that every algorithm sees them in the same order.
    """
    events = missing_as_none(events)
    graph = nx.MultiDiGraph(level="actor")
    rows = sorted(events.to_dict("records"), key=lambda r: (r["actor"], r["target"], r["event"]))
    nodes = {}
    for row in rows:
        for kind in ("actor", "target"):
            nodes[row[kind]] = {
                "label": row[f"{kind}_label"],
                "type": row[f"{kind}_type"],
                "country": row[f"{kind}_country"],
            }
    for node in sorted(nodes):
        graph.add_node(node, **nodes[node])
    for row in rows:
        graph.add_edge(row["actor"], row["target"], key=row["event"], **_edge_attributes(row))
    return graph


def country_graph(events: pd.DataFrame) -> nx.MultiDiGraph:
    """Directed multigraph of countries: every event rolled up to (actor country, target country).

    People and organisations count for their country (``sg:actorCountry`` / ``sg:targetCountry``);
    events toward a programme or policy, and events inside one country, have no country-level edge.
    Nodes are ISO3 codes with ``label`` and ``type="country"``; edges keep the event IRI as key and the
    original ``actor``/``target`` IRIs next to the signed ``weight``.
    """
    events = missing_as_none(events)
    graph = nx.MultiDiGraph(level="country")
    labels = country_labels(events)
    for code in sorted(labels):
        graph.add_node(code, label=labels[code], type="country", iri=COUNTRY + code)
    rows = [
        r
        for r in events.to_dict("records")
        if isinstance(r["actor_country"], str)
        and isinstance(r["target_country"], str)
        and r["actor_country"] != r["target_country"]
    ]
    for row in sorted(rows, key=lambda r: (r["actor_country"], r["target_country"], r["event"])):
        graph.add_edge(
            row["actor_country"],
            row["target_country"],
            key=row["event"],
            actor=row["actor"],
            actor_label=row["actor_label"],
            target=row["target"],
            target_label=row["target_label"],
            **_edge_attributes(row),
        )
    return graph


def signed_graph(G: nx.Graph, *, weight: str = "weight") -> nx.Graph:
    """Collapse a (multi, directed) graph to an undirected signed graph, one edge per pair of nodes.

    Edge attributes: ``weight`` (sum of the signed weights both ways), ``sign`` (+1, -1, or 0 when they
    cancel out or are all neutral), ``n_events`` and the sorted ``relations``. Self-loops are dropped.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("MEX", "USA", weight=-5.0, relation="refusesDeportees")
    0
    >>> G.add_edge("USA", "MEX", weight=2.0, relation="visits")
    0
    >>> H = signed_graph(G)
    >>> H["MEX"]["USA"]["weight"], H["MEX"]["USA"]["sign"], H["MEX"]["USA"]["n_events"]
    (-3.0, -1, 2)
    """
    H = nx.Graph(**G.graph)
    for node in sorted(G.nodes, key=str):
        H.add_node(node, **G.nodes[node])
    edges = G.edges(data=True, keys=True) if G.is_multigraph() else ((u, v, None, d) for u, v, d in G.edges(data=True))
    pairs: dict[tuple, dict] = {}
    for u, v, _key, data in edges:
        if u == v:
            continue
        pair = (u, v) if str(u) <= str(v) else (v, u)
        entry = pairs.setdefault(pair, {"weight": 0.0, "n_events": 0, "relations": set()})
        entry["weight"] += float(data.get(weight, 0.0) or 0.0)
        entry["n_events"] += 1
        if data.get("relation"):
            entry["relations"].add(data["relation"])
    for u, v in sorted(pairs, key=lambda p: (str(p[0]), str(p[1]))):
        entry = pairs[(u, v)]
        total = round(entry["weight"], 9)
        H.add_edge(
            u,
            v,
            weight=total,
            sign=(total > 0) - (total < 0),
            n_events=entry["n_events"],
            relations=sorted(entry["relations"]),
        )
    return H


# ---------------------------------------------------------------------------------------------------------
# Metrics


def _simple(G: nx.Graph) -> nx.Graph:
    """The undirected simple projection metrics run on (signed weights summed, events counted)."""
    if G.is_multigraph() or G.is_directed():
        return signed_graph(G)
    return G


def centrality(
    G: nx.Graph, *, weight: str | None = None, k: int | None = None, seed: int | None = None
) -> pd.DataFrame:
    """Degree and betweenness centrality of every node: who has many partners, who brokers between them.

    Runs on the undirected simple projection (:func:`signed_graph`): brokerage is about being on the
    paths between others whatever the direction of the acts. `weight` names an edge attribute used
    as a *distance* for betweenness (it must be positive, e.g. ``"n_events"`` would make frequent ties
    longer, so the default None, every tie length 1, is usually what you want). `k` samples that many
    source nodes with `seed` for large graphs.

    Returns columns node, label, type, country, events (edges in `G`, both directions), degree
    (degree centrality), betweenness; sorted by betweenness, then degree, then node.

    Examples
    --------
    >>> G = nx.path_graph(["a", "b", "c"])
    >>> centrality(G)[["node", "betweenness"]].values.tolist()
    [['b', 1.0], ['a', 0.0], ['c', 0.0]]
    """
    H = _simple(G)
    degree = nx.degree_centrality(H) if len(H) > 1 else dict.fromkeys(H, 0.0)
    between = nx.betweenness_centrality(H, k=k, seed=seed, weight=weight, normalized=True)
    rows = []
    for node in H.nodes:
        data = G.nodes[node] if node in G else {}
        rows.append(
            {
                "node": node,
                "label": data.get("label", str(node)),
                "type": data.get("type", ""),
                "country": data.get("country") or (node if data.get("type") == "country" else None),
                "events": G.degree(node),
                "degree": round(degree[node], 6),
                "betweenness": round(between[node], 6),
            }
        )
    table = pd.DataFrame(rows, columns=["node", "label", "type", "country", "events", "degree", "betweenness"])
    table = table.sort_values(["betweenness", "degree", "node"], ascending=[False, False, True], kind="stable")
    return table.reset_index(drop=True)


def communities(
    G: nx.Graph, *, weight: str | None = None, resolution: float = 1.0, seed: int | None = 0
) -> pd.DataFrame:
    """Modularity communities of the undirected projection: groups of actors that deal mostly with each other.

    Signs are ignored (a conflict is an interaction too); `weight` may name a non-negative edge
    attribute of the projection such as ``"n_events"``; None gives every tie weight 1. The method is
    Clauset-Newman-Moore greedy modularity, which is deterministic and always ends: networkx's Louvain
    was used before and can loop for ever on some small graphs (rounding lets a node move back and forth
    between two communities with a gain just above zero; found on a 7-node graph of generated events).
    `seed` is kept so that callers that pass one still work; the result does not depend on it.

    Returns columns node, label, community, size; community 0 is the largest (ties: smallest member).
    """
    H = _simple(G)
    if H.number_of_edges():
        found = nx.community.greedy_modularity_communities(H, weight=weight, resolution=resolution)
    else:
        found = [{node} for node in H.nodes]
    ordered = sorted((sorted(c, key=str) for c in found), key=lambda c: (-len(c), str(c[0])))
    rows = []
    for index, members in enumerate(ordered):
        for node in members:
            rows.append(
                {
                    "node": node,
                    "label": G.nodes[node].get("label", str(node)) if node in G else str(node),
                    "community": index,
                    "size": len(members),
                }
            )
    return pd.DataFrame(rows, columns=["node", "label", "community", "size"])


def structural_balance(G: nx.Graph) -> pd.DataFrame:
    """Every triad (triangle) of the signed graph and whether it is balanced.

    Structural balance (Heider; Cartwright and Harary): a triangle is balanced when the product of its
    three signs is positive - "the friend of my friend is my friend", "the enemy of my enemy is my
    friend". ``+ + -`` (two partners of a country at odds) and ``- - -`` are unbalanced and tend to
    change. Signs come from :func:`signed_graph` (net signed weight of each pair); pairs whose acts
    cancel out or are neutral are not ties.

    Returns columns a, b, c (sorted), sign_ab, sign_ac, sign_bc, signs (e.g. ``"++-"``, sorted), balanced.

    Examples
    --------
    >>> H = nx.Graph()
    >>> H.add_edge("A", "B", sign=1); H.add_edge("B", "C", sign=1); H.add_edge("A", "C", sign=-1)
    >>> structural_balance(H)[["a", "b", "c", "signs", "balanced"]].values.tolist()
    [['A', 'B', 'C', '++-', False]]
    """
    H = signed_graph(G) if (G.is_multigraph() or G.is_directed()) else G
    sign = {}
    adjacency: dict = defaultdict(set)
    for u, v, data in H.edges(data=True):
        s = data.get("sign")
        if s is None:
            w = data.get("weight", 0) or 0
            s = (w > 0) - (w < 0)
        if s and u != v:
            sign[frozenset((u, v))] = int(s)
            adjacency[u].add(v)
            adjacency[v].add(u)
    rows = []
    nodes = sorted(adjacency, key=str)
    for a in nodes:
        for b in sorted((n for n in adjacency[a] if str(n) > str(a)), key=str):
            for c in sorted((n for n in adjacency[a] & adjacency[b] if str(n) > str(b)), key=str):
                ab, ac, bc = sign[frozenset((a, b))], sign[frozenset((a, c))], sign[frozenset((b, c))]
                rows.append(
                    {
                        "a": a,
                        "b": b,
                        "c": c,
                        "sign_ab": ab,
                        "sign_ac": ac,
                        "sign_bc": bc,
                        "signs": "".join(sorted("+" if s > 0 else "-" for s in (ab, ac, bc))),
                        "balanced": ab * ac * bc > 0,
                    }
                )
    return pd.DataFrame(rows, columns=["a", "b", "c", "sign_ab", "sign_ac", "sign_bc", "signs", "balanced"])


def summary(G: nx.Graph, *, weight: str | None = None, seed: int | None = 0) -> pd.DataFrame:
    """Headline numbers of a graph as a two-column table (metric, value).

    Nodes, events (edges of `G`), interacting pairs, positive and negative pairs, density and connected
    components of the projection, number and modularity of the greedy modularity communities, triads,
    balanced triads and the balance ratio (share of balanced triads; empty when there are none).
    """
    H = _simple(G)
    parts = communities(G, weight=weight, seed=seed)
    groups = [set(group["node"]) for _, group in parts.groupby("community")] if len(parts) else []
    modularity = nx.community.modularity(H, groups, weight=weight) if H.number_of_edges() and groups else 0.0
    triads = structural_balance(H)
    signs = [d.get("sign", 0) for _, _, d in H.edges(data=True)]
    balanced = int(triads["balanced"].sum()) if len(triads) else 0
    rows = [
        ("nodes", G.number_of_nodes()),
        ("events", G.number_of_edges()),
        ("pairs", H.number_of_edges()),
        ("positive pairs", sum(1 for s in signs if s > 0)),
        ("negative pairs", sum(1 for s in signs if s < 0)),
        ("density", round(nx.density(H), 6) if len(H) > 1 else 0.0),
        ("components", nx.number_connected_components(H) if len(H) else 0),
        ("communities", len(groups)),
        ("modularity", round(modularity, 6)),
        ("triads", len(triads)),
        ("balanced triads", balanced),
        ("balance ratio", round(balanced / len(triads), 6) if len(triads) else None),
    ]
    return pd.DataFrame(rows, columns=["metric", "value"], dtype=object)
