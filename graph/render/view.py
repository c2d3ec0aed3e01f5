"""The view model: the nodes, aggregated edges, events, legend and series the page draws, as plain data.

Events are drawn between their actors' countries (country level) or between the actors themselves (actor
level); the edges are aggregated, one per ordered pair and polarity listing its events, with a width that
grows with their count. The same data feeds the page and the pyvis network for notebooks.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable

import pandas as pd

from graph.analyze import check_focus, country_labels, country_name, iso3, missing_as_none, stances
from graph.ontology import COUNTRY
from graph.render.assets import style
from graph.render.layout import route_edges, stable_layout
from graph.render.timeline import _date_text, alias_table, event_dates, stance_series

LEVELS = ("country", "actor")


def view_data(events: pd.DataFrame, *, focus: str = "USA", level: str = "country") -> dict:
    """Everything the page shows, as JSON-ready data: nodes, events, aggregated edges, filters, style.

    One node per country (country level) or per actor, programme and country (actor level). Every event
    drawn at the level is in ``events`` with its facts (date, relation, mode, confidence, evidence,
    source); ``edges`` aggregates them, one edge per ordered pair of nodes and polarity, listing its
    events (at country level, events are rolled up to their countries; events toward a programme have no
    country-level edge). ``series`` is each country's stance over time (:func:`stance_series`),
    ``aliases`` what can be typed to find each country (:func:`alias_table`), ``focusEvents`` how many
    events involve the focus country (0: the page says so).
    """
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}: use one of {', '.join(LEVELS)}")
    events = missing_as_none(events)
    focus = check_focus(focus, events)
    look = style()
    table = stances(events, focus=focus) if len(events) else pd.DataFrame(columns=["country"])
    stance_of = {row["country"]: row for row in table.to_dict("records")}
    names = country_labels(events) if len(events) else {}
    if len(events):
        events = events.assign(_when=event_dates(events))
    rows, ends = _event_ends(events, level)
    nodes = _nodes(rows, ends, level=level, focus=focus, stance_of=stance_of, names=names)
    positions = stable_layout(nodes, focus=focus, level=level)

    degree: dict[str, int] = defaultdict(int)
    for source, target in ends:
        degree[source] += 1
        degree[target] += 1
    ids = {key: index for index, key in enumerate(sorted(nodes))}
    vis_nodes = [
        _vis_node(nodes[key], ids[key], *positions[key], focus=focus, degree=degree[key]) for key in sorted(nodes)
    ]
    ordered = sorted(zip(rows, ends, strict=True), key=lambda item: (item[0]["event"], item[0]["sequence"]))
    view_events = [_view_event(row, index, ids[source], ids[target]) for index, (row, (source, target))
                   in enumerate(ordered)]
    edges = aggregate_edges(view_events)
    large = len(nodes) > look["large_graph"]["nodes"] or len(edges) > look["large_graph"]["edges"]
    focus_key = focus if level == "country" else _country_iri(focus)
    focus_node = vis_nodes[ids[focus_key]]
    route_edges(edges, {n["id"]: (n["x"], n["y"]) for n in vis_nodes}, focus_id=focus_node["id"],
                clearance=focus_node["size"] + look["layout"]["focus_margin"], curved=not large)
    codes = sorted({n["country"] for n in nodes.values() if n["type"] == "country"})
    focus_events = sum(1 for e in view_events if focus in (e["actorCountry"], e["targetCountry"]))
    return {
        "focus": focus,
        "focusLabel": nodes[focus_key]["label"],
        "focusEvents": focus_events,
        "level": level,
        "large": large,
        "nodes": vis_nodes,
        "events": view_events,
        "edges": edges,
        "dates": sorted({e["date"] for e in view_events if e["date"]}),
        "relations": sorted({e["relation"] for e in view_events}),
        "modes": sorted({e["mode"] for e in view_events if e["mode"]}),
        "countries": [{"code": code, "label": names.get(code) or country_name(code)} for code in codes],
        "aliases": alias_table(codes, names),
        "series": stance_series(events, focus=focus) if len(events) else {},
        "legend": _legend(nodes.values()),
        "style": {
            "stanceColors": look["stance_colors"],
            "typeShapes": look["type_shapes"],
            "polarityColors": look["polarity_colors"],
            "polarityLabels": look["polarity_labels"],
            "fonts": look["fonts"],
            "readable": look["readable"],
            "edgeWidth": look["edge_width"],
            "edgeLabelsAtZoom": look["layout"]["edge_labels_at_zoom"],
            "maxZoom": look["layout"]["max_zoom"],
        },
    }


def edge_width(count: int) -> float:
    """Width of an aggregated edge of `count` events (style.json ``edge_width``); the page uses the same rule."""
    spec = style()["edge_width"]
    return round(min(spec["max"], spec["base"] + spec["per_event"] * (math.sqrt(max(count, 1)) - 1)), 2)


def aggregate_edges(view_events: list[dict]) -> list[dict]:
    """One edge per ordered pair of nodes and polarity, from the per-event records of :func:`view_data`.

    Each edge lists its events (ids into ``events``, which get the id of their edge back as ``edge``),
    counts them (``count``, and ``width`` by :func:`edge_width`), sums their signed weights (``net``),
    counts their relations (most frequent first), keeps the latest date and whether any is directed.
    """
    groups: dict[tuple[int, int, int], list[dict]] = defaultdict(list)
    for event in view_events:
        groups[(event["from"], event["to"], event["polarity"])].append(event)
    edges = []
    for index, key in enumerate(sorted(groups)):
        members = groups[key]
        relations = Counter(event["relation"] for event in members)
        for event in members:
            event["edge"] = index
        edges.append({
            "id": index,
            "from": key[0],
            "to": key[1],
            "polarity": key[2],
            "events": [event["id"] for event in members],
            "count": len(members),
            "width": edge_width(len(members)),
            "net": round(sum(event["weight"] for event in members), 4),
            "relations": [[name, n] for name, n in sorted(relations.items(), key=lambda r: (-r[1], r[0]))],
            "directed": any(event["directed"] for event in members),
            "date": max((event["date"] for event in members), default=""),
        })
    return edges


def _event_ends(events: pd.DataFrame, level: str) -> tuple[list[dict], list[tuple[str, str]]]:
    """The events drawn at `level` and the node keys each one joins (ISO3 codes or actor IRIs)."""
    rows = events.to_dict("records")
    if level == "actor":
        return rows, [(r["actor"], r["target"]) for r in rows]
    rows = [
        r
        for r in rows
        if isinstance(r["actor_country"], str)
        and isinstance(r["target_country"], str)
        and r["actor_country"] != r["target_country"]
    ]
    return rows, [(r["actor_country"], r["target_country"]) for r in rows]
def _nodes(
    rows: list[dict],
    ends: list[tuple[str, str]],
    *,
    level: str,
    focus: str,
    stance_of: dict[str, dict],
    names: dict[str, str],
) -> dict[str, dict]:
    """Node key -> facts (label, type, country, stance of the country, score, trend) for every node drawn.

    Country level: every country joined by an event, and the focus. Actor level: every actor and
    target, plus a node for every country one of them belongs to, so people sit around their country.
    """

    def stance(code: str) -> str:
        return "focus" if code == focus else (stance_of[code]["label"] if code in stance_of else "unknown")

    nodes: dict[str, dict] = {}
    codes = {focus}
    if level == "country":
        codes |= {code for pair in ends for code in pair}
    else:
        for row in rows:
            for kind in ("actor", "target"):
                home = row[f"{kind}_home"] if isinstance(row[f"{kind}_home"], str) else ""
                if home:
                    codes.add(home)
                if not iso3(row[kind]):
                    nodes[row[kind]] = {
                        "iri": row[kind],
                        "label": row[f"{kind}_label"],
                        "type": row[f"{kind}_type"],
                        "country": home,
                        "stance": stance(home) if home else "unknown",
                        "score": None,
                        "trend": "",
                    }
    for code in codes:
        row = stance_of.get(code)
        nodes[code if level == "country" else _country_iri(code)] = {
            "iri": _country_iri(code),
            "label": names.get(code) or country_name(code),
            "type": "country",
            "country": code,
            "stance": stance(code),
            "score": float(row["score"]) if row else None,
            "trend": (row["trend"] or "") if row else "",
        }
    return nodes


def _legend(nodes: Iterable[dict]) -> dict:
    """Legend entries: stance colours with counts of countries, the node shapes used, edge colours."""
    look = style()
    nodes = list(nodes)
    counts: dict[str, int] = defaultdict(int)
    for node in nodes:
        if node["type"] == "country":
            counts[node["stance"]] += 1
    return {
        "stances": [
            {
                "label": label,
                "color": look["stance_colors"][label],
                "count": counts[label],
                "description": look["stance_descriptions"][label],
            }
            for label in ("focus", *look["ring_order"])
        ],
        "types": [
            {"type": kind, "glyph": look["type_glyphs"].get(kind, look["type_glyphs"]["actor"])}
            for kind in sorted({n["type"] for n in nodes})
        ],
        "polarities": [
            {"polarity": int(p), "color": look["polarity_colors"][p], "label": look["polarity_labels"][p]}
            for p in ("1", "0", "-1")
        ],
    }


def _country_iri(code: str) -> str:
    return COUNTRY + code


def _vis_node(node: dict, node_id: int, x: float, y: float, *, focus: str, degree: int) -> dict:
    """A node for the page: position and size here; the page derives colour and shape from the style."""
    sizes = style()["sizes"]
    is_focus = node["type"] == "country" and node["country"] == focus
    if is_focus:
        size = sizes["focus"]
    elif node["type"] == "country":
        size = min(sizes["country_max"], sizes["country_min"] + 2.5 * math.sqrt(degree))
    else:
        size = sizes["member"]
    return {
        "id": node_id,
        "iri": node["iri"],
        "label": node["label"],
        "x": x,
        "y": y,
        "fixed": is_focus,
        "size": round(size, 1),
        "type": node["type"],
        "country": node["country"],
        "stance": node["stance"],
        "score": node["score"],
        "trend": node["trend"],
        "events": degree,
    }


def _view_event(row: dict, event_id: int, source: int, target: int) -> dict:
    """One event as the page lists it: who did what to whom, when, how sure, and the sentence and source."""
    reported = _date_text(row.get("date"))
    event = {
        "id": event_id,
        "event": row["event"],
        "from": source,
        "to": target,
        "relation": row["relation"],
        "polarity": int(row["polarity"]),
        "directed": not row["symmetric"],
        "actor": row["actor_label"] or "",
        "target": row["target_label"] or "",
        "actorCountry": row["actor_country"] or "",
        "targetCountry": row["target_country"] or "",
        "description": row["description"],
        "evidence": row["evidence"] or "",
        "source": row["source"] or "",
        "date": row["_when"],
        "confidence": float(row["confidence"]),
        "weight": float(row["weight"]),
        "mentions": int(row["mention_count"]),
        "mode": row["mode"] or "",
    }
    if reported and reported != row["_when"]:
        event["reported"] = reported
    sources = list(row["sources"]) if isinstance(row["sources"], tuple | list) else []
    if len(sources) > 1:
        event["sources"] = sources
    return event


def focus_warning(data: dict) -> str | None:
    """The warning for a view whose focus country takes part in no event, else None."""
    if data["focusEvents"]:
        return None
    others = sum(1 for node in data["nodes"] if node["type"] == "country") - 1
    return (f"warning: no event involves {data['focusLabel']} ({data['focus']}) in this graph; "
            f"the view draws {others} other countr{'y' if others == 1 else 'ies'} with no stance toward it")
