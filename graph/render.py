"""The view stage: stance events and stances -> one self-contained HTML page (``graph.html``).

The page inlines vis-network (the build the pyvis package ships, read from the installed pyvis) and its data,
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
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pandas as pd
import pyoxigraph as ox

from graph.analyze import (
    check_focus,
    country_labels,
    country_name,
    iso3,
    load_events,
    missing_as_none,
    stances,
)
from graph.ontology import COUNTRY
from graph.outputs import atomic_write_text

_TEMPLATES = Path(__file__).resolve().parent / "templates"
LEVELS = ("country", "actor")
_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


#: Where the view is opened headless (the browser test and the render benchmark): Debian's Chromium, with
#: the flags that keep it from reaching the network on its own.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@cache
def style() -> dict:
    """The look of the view (colours, shapes, spacing, large-graph limits) from templates/style.json."""
    return json.loads((_TEMPLATES / "style.json").read_text(encoding="utf-8"))


@cache
def _template(name: str) -> str:
    return (_TEMPLATES / name).read_text(encoding="utf-8")


@cache
def vis_network_js() -> str:
    """The vis-network library that pyvis ships (standalone build, Apache-2.0/MIT), to inline in the page.

    pyvis itself writes pages that load it from a CDN and that turn tooltips into raw HTML, and its
    `add_edge` is quadratic; stancegraph therefore uses pyvis for the library it packages and builds the
    page from its own template.
    """
    from importlib.resources import files

    lib = files("pyvis") / "templates" / "lib"
    builds = sorted((p for p in lib.iterdir() if p.name.startswith("vis-") and (p / "vis-network.min.js").is_file()),
                    key=lambda p: p.name)
    if not builds:
        raise FileNotFoundError("pyvis does not ship vis-network.min.js; reinstall pyvis (pip install pyvis)")
    return (builds[-1] / "vis-network.min.js").read_text(encoding="utf-8")


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
    """Everything the page shows, as JSON-ready data: nodes, edges, legend, filter choices, style.

    One node per country (country level) or per actor, programme and country (actor level); one edge
    per event (at country level, events rolled up to their countries; events toward a programme have no
    country-level edge). Nodes and edges get small integer ids (the page stays small with thousands of
    them) and keep their IRIs and the facts shown on hover: evidence, source, date, confidence.
    """
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}: use one of {', '.join(LEVELS)}")
    events = missing_as_none(events)
    focus = check_focus(focus, events)
    look = style()
    table = stances(events, focus=focus) if len(events) else pd.DataFrame(columns=["country"])
    stance_of = {row["country"]: row for row in table.to_dict("records")}
    names = country_labels(events) if len(events) else {}
    rows, ends = _event_ends(events, level)
    nodes = _nodes(rows, ends, level=level, focus=focus, stance_of=stance_of, names=names)

    anchors = {n["country"]: (n["stance"], n["score"] or 0.0) for n in nodes.values() if n["type"] == "country"}
    members: dict[str | None, list[str]] = defaultdict(list)
    for key in sorted(nodes, key=lambda k: (nodes[k]["type"], nodes[k]["label"], k)):
        if nodes[key]["type"] != "country":
            members[nodes[key]["country"] or None].append(key)
    positions = radial_layout(anchors, members, focus=focus)

    degree: dict[str, int] = defaultdict(int)
    for source, target in ends:
        degree[source] += 1
        degree[target] += 1
    ids = {key: index for index, key in enumerate(sorted(nodes))}
    vis_nodes = []
    for key in sorted(nodes):
        node = nodes[key]
        x, y = positions[node["country"] if node["type"] == "country" else key]
        vis_nodes.append(_vis_node(node, ids[key], x, y, focus=focus, degree=degree[key]))

    large = len(nodes) > look["large_graph"]["nodes"] or len(rows) > look["large_graph"]["edges"]
    parallel: dict[tuple[str, str], int] = defaultdict(int)
    vis_edges = []
    for index, (row, (source, target)) in enumerate(sorted(zip(rows, ends, strict=True), key=lambda i: i[0]["event"])):
        edge = _vis_edge(row, index, ids[source], ids[target])
        if not large:  # curve parallel edges apart; large graphs draw straight lines, much faster
            edge["roundness"] = round(0.08 + 0.14 * parallel[(source, target)], 2)
            parallel[(source, target)] += 1
        vis_edges.append(edge)

    return {
        "focus": focus,
        "focusLabel": nodes[focus if level == "country" else _country_iri(focus)]["label"],
        "level": level,
        "large": large,
        "nodes": vis_nodes,
        "edges": vis_edges,
        "relations": sorted({edge["relation"] for edge in vis_edges}),
        "countries": sorted(
            ({"code": n["country"], "label": n["label"]} for n in nodes.values() if n["type"] == "country"),
            key=lambda c: c["code"],
        ),
        "legend": _legend(nodes.values()),
        "style": {
            "stanceColors": look["stance_colors"],
            "typeShapes": look["type_shapes"],
            "polarityColors": look["polarity_colors"],
            "fonts": look["fonts"],
        },
    }


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


def _vis_edge(row: dict, edge_id: int, source: int, target: int) -> dict:
    """An edge for one event: relation, polarity (the page colours by it), and the facts for the tooltip."""
    edge = {
        "id": edge_id,
        "event": row["event"],
        "from": source,
        "to": target,
        "relation": row["relation"],
        "polarity": int(row["polarity"]),
        "directed": not row["symmetric"],
        "width": round(1 + min(4.0, abs(float(row["weight"])) / 2), 2),
        "description": row["description"],
        "evidence": row["evidence"],
        "source": row["source"] or "",
        "date": row["date"] or "",
        "confidence": float(row["confidence"]),
        "weight": float(row["weight"]),
        "mentions": int(row["mention_count"]),
        "mode": row["mode"] or "",
    }
    sources = list(row["sources"]) if isinstance(row["sources"], tuple | list) else []
    if len(sources) > 1:
        edge["sources"] = sources
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
    """Fill the HTML template with the view data, pyvis's vis-network and the page script.

    Substitution is a single pass over the template's ``@@NAME@@`` markers, so text inside the
    inserted data is never itself scanned for markers.
    """
    vis_js = vis_network_js()
    if "</script" in vis_js.lower():
        raise ValueError("vis-network contains '</script': it cannot be inlined safely")
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


def render_events(events: pd.DataFrame, *, focus: str = "USA", level: str = "country", title: str | None = None) -> str:
    """The HTML page for an events table (see :func:`graph.analyze.load_events`)."""
    return page(view_data(events, focus=focus, level=level), title=title)


def render_html(store: ox.Store, *, focus: str = "USA", level: str = "country", title: str | None = None) -> str:
    """The self-contained HTML view of the store's stance events, centred on `focus`, as text."""
    return render_events(load_events(store), focus=focus, level=level, title=title)


def write_html(store: ox.Store, out_path: Path | str, *, focus: str = "USA", level: str = "country") -> Path:
    """Write the HTML view atomically to `out_path` and return the path.

    `level` is ``"country"`` (people and organisations rolled up to their country) or ``"actor"``
    (every person, organisation, programme and country as its own node).
    """
    return atomic_write_text(out_path, render_html(store, focus=focus, level=level))
