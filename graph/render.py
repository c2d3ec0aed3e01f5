"""The view stage: stance events and stances -> one self-contained HTML page (``graph.html``).

The page inlines vis-network (vendored in graph/templates/vendor/, the build pyvis ships) and its data,
so it opens from the file system with no network request at all; a Content-Security-Policy forbids any.
Article text reaches the page only inside a ``<script type="application/json">`` block with ``<``,
``>``, ``&``, U+2028 and U+2029 escaped, and the page's script shows it with ``textContent`` only,
so evidence such as ``</script><script>...`` stays text.

Positions are computed here, not by a physics simulation in the browser: the focus sits at the centre,
other countries on rings by stance label (cooperative nearest, unknown farthest, best score first along
each ring), and at actor level each person, organisation or programme around its country. This is
deterministic, costs O(n) and lets the page open in seconds even with thousands of nodes.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re
from collections import defaultdict
from functools import cache
from pathlib import Path

import pandas as pd
import pyoxigraph as ox

from graph.analyze import (
    _iso3,
    check_focus,
    country_labels,
    load_events,
    stances,
)
from graph.outputs import atomic_write_text

_TEMPLATES = Path(__file__).resolve().parent / "templates"
LEVELS = ("country", "actor")
_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


@cache
def style() -> dict:
    """The look of the view (colours, shapes, spacing, large-graph limits) from templates/style.json."""
    return json.loads((_TEMPLATES / "style.json").read_text(encoding="utf-8"))


@cache
def _template(name: str) -> str:
    return (_TEMPLATES / name).read_text(encoding="utf-8")


def embed_json(data: object) -> str:
    """JSON that is safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\\u003c``, ``\\u003e``, ``\\u0026`` (so ``</script>`` or ``<!--`` in
    evidence cannot end or change the element), U+2028 and U+2029 become escapes (they end lines in
    older JavaScript parsers). The result still parses with ``JSON.parse`` to the same data.

    Examples
    --------
    >>> embed_json({"evidence": "</script>"})
    '{"evidence":"\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    for raw, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, escaped)
    return text


# ---------------------------------------------------------------------------------------------------------
# Layout


def radial_layout(
    anchors: dict[str, tuple[str, float]],
    members: dict[str | None, list[str]],
    *,
    focus: str,
) -> dict[str, tuple[float, float]]:
    """Deterministic positions: focus at (0, 0), anchors (countries) on rings, members around anchors.

    `anchors` maps each country to its (stance label, score); rings follow ``ring_order`` in
    style.json, and along a ring countries go by score, highest first, then code. `members` maps a
    country (or None for nodes without one) to the ids placed around it on a sunflower spiral, whose
    area grows with the number of members so nothing overlaps much. Ring radii grow with what they hold.
    """
    spec = style()["layout"]
    order = {label: index for index, label in enumerate(style()["ring_order"])}
    spread, base = spec["member_spread"], spec["member_base"]

    def cluster_radius(anchor: str | None) -> float:
        count = len(members.get(anchor, []))
        return base + spread * math.sqrt(count) if count else 0.0

    rings: dict[int, list[str]] = defaultdict(list)
    for anchor, (label, _score) in anchors.items():
        if anchor != focus:
            rings[order.get(label, len(order))].append(anchor)
    positions: dict[str, tuple[float, float]] = {focus: (0.0, 0.0)}
    radius, previous_extent, placed = 0.0, cluster_radius(focus), 0
    for ring_index in sorted(rings):
        ring = sorted(rings[ring_index], key=lambda a: (-anchors[a][1], a))
        widths = [2 * cluster_radius(a) + spec["anchor_gap"] for a in ring]
        extent = max(cluster_radius(a) for a in ring)
        step = spec["first_ring"] if radius == 0 else spec["ring_gap"]
        radius = max(radius + step + previous_extent + extent, sum(widths) / (2 * math.pi))
        # Each ring starts where the golden angle has brought the previous ones, so that rings holding
        # a single country do not all line up on one side of the focus.
        angle = -math.pi / 2 + placed * _GOLDEN_ANGLE
        total = sum(widths)
        for anchor, width in zip(ring, widths, strict=True):
            share = width / total * 2 * math.pi
            positions[anchor] = (radius * math.cos(angle), radius * math.sin(angle))
            angle += share
        previous_extent, placed = extent, placed + len(ring)
    loose = members.get(None, [])
    if loose:
        radius += spec["ring_gap"] + previous_extent
        step = 2 * math.pi / len(loose)
        for index, node in enumerate(loose):
            positions[node] = (radius * math.cos(index * step), radius * math.sin(index * step))
    for anchor, nodes in members.items():
        if anchor is None:
            continue
        cx, cy = positions.get(anchor, (0.0, 0.0))
        for index, node in enumerate(nodes):
            r = base + spread * math.sqrt(index + 0.5)
            theta = index * _GOLDEN_ANGLE
            positions[node] = (cx + r * math.cos(theta), cy + r * math.sin(theta))
    return {node: (round(x, 1), round(y, 1)) for node, (x, y) in positions.items()}


# ---------------------------------------------------------------------------------------------------------
# View model


def view_data(events: pd.DataFrame, *, focus: str = "USA", level: str = "country") -> dict:
    """Everything the page shows, as JSON-ready data: nodes, edges, legend, filter choices, options.

    One node per country (country level) or per actor, programme and country (actor level); one edge
    per event (at country level, events rolled up to their countries; events toward a programme have no
    country-level edge). Node and edge attributes are already styled for vis-network (colour, shape,
    position, size, label) and keep the facts shown on hover (evidence, source, date, confidence).
    """
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}: use one of {', '.join(LEVELS)}")
    focus = check_focus(focus, events)
    look = style()
    table = stances(events, focus=focus) if len(events) else pd.DataFrame(columns=["country"])
    stance_of = {row["country"]: row for row in table.to_dict("records")}
    names = country_labels(events) if len(events) else {}
    names.setdefault(focus, _country_name(focus))
    n_events: dict[str, int] = defaultdict(int)

    rows = events.to_dict("records")
    if level == "country":
        rows = [
            r
            for r in rows
            if isinstance(r["actor_country"], str)
            and isinstance(r["target_country"], str)
            and r["actor_country"] != r["target_country"]
        ]
        ends = [(r["actor_country"], r["target_country"]) for r in rows]
    else:
        ends = [(r["actor"], r["target"]) for r in rows]
    for source, target in ends:
        n_events[source] += 1
        n_events[target] += 1

    def country_node(code: str) -> dict:
        stance = stance_of.get(code)
        return {
            "id": code if level == "country" else _country_iri(code),
            "label": names.get(code) or _country_name(code),
            "type": "country",
            "country": code,
            "stance": "focus" if code == focus else (stance["label"] if stance else "unknown"),
            "score": float(stance["score"]) if stance else None,
            "trend": (stance["trend"] or "") if stance else "",
        }

    nodes: dict[str, dict] = {}
    codes = {focus} | {code for pair in ends for code in pair} if level == "country" else {focus}
    if level == "actor":
        for row in rows:
            for kind in ("actor", "target"):
                home = row[f"{kind}_home"] if isinstance(row[f"{kind}_home"], str) else ""
                if home:
                    codes.add(home)
                if _iso3(row[kind]):
                    continue
                nodes[row[kind]] = {
                    "id": row[kind],
                    "label": row[f"{kind}_label"],
                    "type": row[f"{kind}_type"],
                    "country": home,
                    "stance": "focus"
                    if home == focus
                    else (stance_of[home]["label"] if home in stance_of else "unknown"),
                    "score": None,
                    "trend": "",
                }
    for code in codes:
        node = country_node(code)
        nodes[node["id"]] = node

    anchors = {
        node["country"]: (node["stance"], node["score"] or 0.0)
        for node in nodes.values()
        if node["type"] == "country"
    }
    members: dict[str | None, list[str]] = defaultdict(list)
    for node_id in sorted(nodes, key=lambda n: (nodes[n]["type"], nodes[n]["label"], n)):
        if nodes[node_id]["type"] != "country":
            members[nodes[node_id]["country"] or None].append(node_id)
    positions = radial_layout(anchors, members, focus=focus)

    n_edges = len(rows)
    large = len(nodes) > look["large_graph"]["nodes"] or n_edges > look["large_graph"]["edges"]
    vis_nodes = []
    for node_id in sorted(nodes):
        node = nodes[node_id]
        x, y = positions[node["country"] if node["type"] == "country" else node_id]
        vis_nodes.append(_vis_node(node, x, y, focus=focus, degree=n_events.get(node_id, 0)))

    pair_index: dict[tuple[str, str], int] = defaultdict(int)
    vis_edges = []
    for row, (source, target) in sorted(zip(rows, ends, strict=True), key=lambda item: item[0]["event"]):
        index = pair_index[(source, target)]
        pair_index[(source, target)] += 1
        vis_edges.append(_vis_edge(row, source, target, index, large=large))

    relations = sorted({edge["relation"] for edge in vis_edges})
    countries = sorted(
        ({"code": n["country"], "label": n["label"]} for n in nodes.values() if n["type"] == "country"),
        key=lambda c: c["code"],
    )
    counts = defaultdict(int)
    for node in nodes.values():
        if node["type"] == "country":
            counts[node["stance"]] += 1
    legend = {
        "stances": [
            {
                "label": label,
                "color": look["stance_colors"][label],
                "count": counts.get(label, 0),
                "description": look["stance_descriptions"][label],
            }
            for label in ("focus", *look["ring_order"])
        ],
        "types": [
            {"type": kind, "glyph": look["type_glyphs"][kind]}
            for kind in sorted({n["type"] for n in nodes.values()})
        ],
        "polarities": [
            {"polarity": int(p), "color": look["polarity_colors"][p], "label": look["polarity_labels"][p]}
            for p in ("1", "0", "-1")
        ],
    }
    return {
        "focus": focus,
        "focusLabel": names.get(focus, focus),
        "level": level,
        "nodes": vis_nodes,
        "edges": vis_edges,
        "relations": relations,
        "countries": countries,
        "legend": legend,
        "large": large,
        "edgeFont": look["fonts"]["edge"],
    }


def _country_iri(code: str) -> str:
    return f"https://w3id.org/stancegraph/id/country/{code}"


def _country_name(code: str) -> str:
    import pycountry

    known = pycountry.countries.get(alpha_3=code)
    return known.name if known else code


def _vis_node(node: dict, x: float, y: float, *, focus: str, degree: int) -> dict:
    """A vis-network node: position, shape by type, colour by stance, size by activity."""
    look = style()
    sizes = look["sizes"]
    is_focus = node["type"] == "country" and node["country"] == focus
    color = look["stance_colors"].get(node["stance"], look["stance_colors"]["unknown"])
    if is_focus:
        size = sizes["focus"]
    elif node["type"] == "country":
        size = min(sizes["country_max"], sizes["country_min"] + 2.5 * math.sqrt(degree))
    else:
        size = sizes["member"]
    return {
        "id": node["id"],
        "label": node["label"],
        "x": x,
        "y": y,
        "fixed": is_focus,
        "shape": look["type_shapes"].get(node["type"], "dot"),
        "size": round(size, 1),
        "color": {
            "background": color,
            "border": "#202020" if is_focus else color,
            "highlight": {"background": color, "border": "#000000"},
            "hover": {"background": color, "border": "#000000"},
        },
        "borderWidth": 3 if is_focus else 1,
        "font": {
            "size": look["fonts"][
                "focus" if is_focus else "country" if node["type"] == "country" else "member"
            ]
        },
        "type": node["type"],
        "country": node["country"],
        "stance": node["stance"],
        "score": node["score"],
        "trend": node["trend"],
        "events": degree,
    }


def _vis_edge(row: dict, source: str, target: str, index: int, *, large: bool) -> dict:
    """A vis-network edge for one event: colour by polarity, label by relation, facts for the tooltip."""
    look = style()
    polarity = str(int(row["polarity"]))
    color = look["polarity_colors"].get(polarity, look["polarity_colors"]["0"])
    edge = {
        "id": row["event"],
        "from": source,
        "to": target,
        "relation": row["relation"],
        "polarity": int(row["polarity"]),
        "color": {"color": color, "highlight": color, "hover": color, "opacity": 0.85},
        "width": round(1 + min(4.0, abs(float(row["weight"])) / 2), 2),
        "arrows": "" if row["symmetric"] else "to",
        "description": row["description"],
        "evidence": row["evidence"],
        "source": row["source"] or "",
        "sources": list(row["sources"]) if isinstance(row["sources"], tuple | list) else [],
        "date": row["date"] or "",
        "confidence": float(row["confidence"]),
        "weight": float(row["weight"]),
        "mentions": int(row["mention_count"]),
        "mode": row["mode"] or "",
        "fromCountry": row["actor_country"] if isinstance(row["actor_country"], str) else "",
        "toCountry": row["target_country"] if isinstance(row["target_country"], str) else "",
    }
    if not large:
        edge["label"] = row["relation"]
        edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": round(0.08 + 0.14 * index, 2)}
    return edge


# ---------------------------------------------------------------------------------------------------------
# Page


def content_security_policy(scripts: list[str]) -> str:
    """A policy that lets only the page's own scripts run and forbids every request.

    Scripts are allowed by the SHA-256 of their exact text, so any other script or inline event
    handler (``onerror=...``) would be refused even if it somehow reached the DOM; ``default-src
    'none'`` blocks fetches, images, fonts and frames, so the page cannot reach the network.
    """
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"
        for script in scripts
    )
    return (
        f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )


def page(data: dict, *, title: str | None = None) -> str:
    """Fill the HTML template with the view data, the vendored vis-network and the page script.

    Substitution is a single pass over the template's ``@@NAME@@`` markers, so text inside the
    inserted data is never itself scanned for markers.
    """
    vis_js = _template("vendor/vis-network.min.js")
    if "</script" in vis_js.lower():
        raise ValueError("vendored vis-network contains '</script': it cannot be inlined safely")
    view_js = _template("view.js")
    title = title or f"stancegraph: who cooperates with {data['focusLabel']}"
    values = {
        "CSP": content_security_policy([vis_js, view_js]),
        "TITLE": html.escape(title),
        "DATA": embed_json(data),
        "VIS_JS": vis_js,
        "VIEW_JS": view_js,
        "VIEW_CSS": _template("view.css"),
    }
    return re.sub(r"@@([A-Z_]+)@@", lambda m: values[m.group(1)], _template("view.html"))


def render_events(
    events: pd.DataFrame, *, focus: str = "USA", level: str = "country", title: str | None = None
) -> str:
    """The HTML page for an events table (see :func:`graph.analyze.load_events`)."""
    return page(view_data(events, focus=focus, level=level), title=title)


def render_html(
    store: ox.Store, *, focus: str = "USA", level: str = "country", title: str | None = None
) -> str:
    """The self-contained HTML view of the store's stance events, centred on `focus`, as text."""
    return render_events(load_events(store), focus=focus, level=level, title=title)


def write_html(store: ox.Store, out_path: Path | str, *, focus: str = "USA", level: str = "country") -> Path:
    """Write the HTML view atomically to `out_path` and return the path.

    `level` is ``"country"`` (people and organisations rolled up to their country) or ``"actor"``
    (every person, organisation, programme and country as its own node).
    """
    return atomic_write_text(out_path, render_html(store, focus=focus, level=level))
