"""The view stage: stance events and stances -> one self-contained HTML page (``graph.html``).

The page inlines vis-network (the build the pyvis package ships, read from the installed pyvis) and its data,
so it opens from the file system with no network request at all; a Content-Security-Policy forbids any.
Article text reaches the page only inside a ``<script type="application/json">`` block with ``<``,
``>``, ``&``, U+2028 and U+2029 escaped, and the page's script shows it with ``textContent`` only,
so evidence such as ``</script><script>...`` stays text.

Positions are computed here, not by a physics simulation in the browser, and each country's comes from its
ISO code alone (:func:`country_slot`): a country keeps its place when articles are added, the focus sits at
the centre, and at actor level each person, organisation or programme sits around its country. Edges are
aggregated (one per ordered pair and polarity, listing its events) and bent around the focus. This is
deterministic, costs O(n) and lets the page open in seconds even with thousands of nodes.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import logging
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pandas as pd
import pyoxigraph as ox

from graph.analyze import (
    _acts_by_country,
    check_focus,
    country_labels,
    country_name,
    iso3,
    load_events,
    load_scoring,
    missing_as_none,
    stances,
)
from graph.ontology import COUNTRY
from graph.outputs import atomic_write_text

_TEMPLATES = Path(__file__).resolve().parent / "templates"
LEVELS = ("country", "actor")
_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
_log = logging.getLogger(__name__)


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
# Layout: every country has a fixed place, whatever else the graph holds


@cache
def _iso_order() -> dict[str, int]:
    """ISO 3166-1 alpha-3 codes in alphabetical order -> their rank: the slot of each country."""
    import pycountry

    return {code: index for index, code in enumerate(sorted(c.alpha_3 for c in pycountry.countries))}


def _stable_hash(text: str) -> int:
    """A hash that is the same in every process and on every machine (Python's hash() is salted)."""
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")


def country_slot(code: str) -> tuple[float, float]:
    """Where country `code` sits, in units of ``layout.slot_spacing``, from its code alone.

    Every ISO 3166 country has a fixed slot on a sunflower (Vogel) spiral: the n-th code in alphabetical
    order sits at angle n x the golden angle and radius sqrt(n + hole), so no two slots are close and the
    middle (``layout.hole_slots``) stays empty for the focus. A code outside ISO 3166 (XKX, Kosovo) takes
    a slot past the last one, chosen by a hash of the code. The slot depends on nothing else: adding
    articles, countries or people never moves a country, and a country is in the same place whatever the
    focus (only the focus itself moves, to the centre).

    >>> country_slot("USA") == country_slot("USA") and country_slot("USA") != country_slot("MEX")
    True
    """
    order = _iso_order()
    index = order.get(code)
    if index is None:
        index = len(order) + _stable_hash(code) % 61
    radius = math.sqrt(index + style()["layout"]["hole_slots"])
    angle = index * _GOLDEN_ANGLE - math.pi / 2
    return radius * math.cos(angle), radius * math.sin(angle)


def stable_layout(nodes: dict[str, dict], *, focus: str, level: str = "country") -> dict[str, tuple[float, float]]:
    """Positions of the nodes of a view: the focus at (0, 0), every other country at its :func:`country_slot`.

    Countries sit at the same place at both levels. At actor level the people, organisations and
    programmes of a country stand in a column above it (below its label when another country is much
    closer above than below), in order of type and name (a second column to
    the right, a third to the left... beyond ``layout.member_rows``), spaced in screen pixels at the zoom
    that fits the countries into a window of ``layout.window`` pixels, so that their labels do not run
    into each other: unlike the countries, they move when the countries drawn spread further.
    Nodes without a country go on an outer circle at an angle given by a hash of their IRI. `nodes` maps
    node keys to facts with ``type``, ``country`` and ``label`` (see :func:`view_data`).
    """
    spec = style()["layout"]
    spacing = spec["slot_spacing"]

    def place(code: str) -> tuple[float, float]:
        if code == focus:
            return 0.0, 0.0
        x, y = country_slot(code)
        return spacing * x, spacing * y

    positions: dict[str, tuple[float, float]] = {}
    members: dict[str | None, list[str]] = defaultdict(list)
    for key in sorted(nodes, key=lambda k: (nodes[k]["type"], nodes[k]["label"], k)):
        node = nodes[key]
        if node["type"] == "country":
            positions[key] = place(node["country"])
        else:
            members[node["country"] or None].append(key)
    if members:
        corners = [place(code) for code in {n["country"] for n in nodes.values() if n["country"]} | {focus}]
        width = max(x for x, _ in corners) - min(x for x, _ in corners)
        height = max(y for _, y in corners) - min(y for _, y in corners)
        window_w, window_h = spec["window"]
        unit = max(width / window_w, height / window_h, 1 / spec["max_zoom"])  # canvas units per screen pixel
        first, row_gap, column_gap = (unit * spec[name] for name in ("member_first", "member_row", "member_column"))
        rows = spec["member_rows"]
        for code, keys in members.items():
            if code is None:
                outer = spacing * math.sqrt(len(_iso_order()) + 61 + spec["hole_slots"]) + first
                for key in keys:
                    angle = (_stable_hash(key) % 3600) / 3600 * 2 * math.pi
                    positions[key] = (outer * math.cos(angle), outer * math.sin(angle))
                continue
            cx, cy = place(code)
            height = first + min(len(keys), rows) * row_gap
            # above the country, or below its label when another country is closer above than below
            clear = {
                direction: min((math.dist((cx, cy + direction * height / 2), point) for point in corners
                                if point != (cx, cy)), default=math.inf)
                for direction in (-1, 1)
            }
            direction = 1 if clear[1] > 1.5 * clear[-1] else -1
            start = first if direction == -1 else first + unit * spec["member_below"]
            for index, key in enumerate(keys):
                # one label per row in each column; columns right, left, right...
                column, row = divmod(index, rows)
                side = (column + 1) // 2 * (1 if column % 2 else -1)
                positions[key] = (cx + side * column_gap, cy + direction * (start + row * row_gap))
    return {key: (round(x, 1), round(y, 1)) for key, (x, y) in positions.items()}


def curve_via(start: tuple[float, float], end: tuple[float, float], kind: str, roundness: float) -> tuple[float, float]:
    """The control point vis-network uses for a ``curvedCW``/``curvedCCW`` edge (its quadratic Bezier)."""
    dx, dy = end[0] - start[0], start[1] - end[1]
    length = math.hypot(dx, dy)
    reach = 0.5 * roundness + 0.5
    turn = reach if kind == "curvedCW" else 0.5 * -roundness + 0.5
    angle = math.atan2(dy, dx) + turn * math.pi
    return start[0] + reach * length * math.sin(angle), start[1] + reach * length * math.cos(angle)


def _closest_approach(start, via, end, centre) -> float:
    """Smallest distance from `centre` to the quadratic Bezier start-via-end (sampled)."""
    best = math.inf
    for step in range(1, 40):
        t = step / 40
        a, b, c = (1 - t) ** 2, 2 * t * (1 - t), t * t
        x = a * start[0] + b * via[0] + c * end[0]
        y = a * start[1] + b * via[1] + c * end[1]
        best = min(best, math.hypot(x - centre[0], y - centre[1]))
    return best


def route_edges(edges: list[dict], positions: dict[int, tuple[float, float]], *, focus_id: int,
                clearance: float, curved: bool = True) -> None:
    """Give each edge a ``curve`` (vis-network smooth type and roundness, or None for a straight line).

    Edges between the same two nodes are bent apart (more for each further one); an edge that does not
    touch the focus but would pass within `clearance` of it is bent around it, to the side that needs
    the least bend, so nothing is drawn across the focus. With ``curved=False`` (large graphs) edges
    stay straight unless they must avoid the focus.
    """
    centre = positions[focus_id]
    pairs: dict[tuple[int, int], int] = defaultdict(int)
    for edge in edges:
        start, end = positions[edge["from"]], positions[edge["to"]]
        pair = (min(edge["from"], edge["to"]), max(edge["from"], edge["to"]))
        rank = pairs[pair]
        pairs[pair] += 1
        base = min(0.12 + 0.16 * rank, 0.9) if curved else 0.0
        first = ("curvedCW", base) if base else None
        ends_clear = (
            focus_id not in (edge["from"], edge["to"])
            and math.dist(start, centre) > clearance
            and math.dist(end, centre) > clearance
        )
        if not ends_clear or start == end:
            edge["curve"] = first
            continue
        candidates = [first] + [
            (kind, round(min(base + extra, 1.0), 2))
            for extra in (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)
            for kind in ("curvedCW", "curvedCCW")
        ]
        best, best_gap = first, -1.0
        for candidate in candidates:
            via = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2) if candidate is None else curve_via(
                start, end, *candidate)
            gap = _closest_approach(start, via, end, centre)
            if gap > best_gap:
                best, best_gap = candidate, gap
            if gap >= clearance:
                break
        edge["curve"] = list(best) if best else None
    for edge in edges:
        if isinstance(edge.get("curve"), tuple):
            edge["curve"] = list(edge["curve"])


# ---------------------------------------------------------------------------------------------------------
# Dates, aliases, stance over time


def _date_text(value: object) -> str:
    """An event date as ISO text ('2025-01-30'), or '' when there is none."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if hasattr(value, "isoformat"):
        try:
            return value.isoformat()[:10]
        except ValueError:  # NaT
            return ""
    text = str(value).strip()
    return "" if text.lower() in ("nan", "nat", "none") else text


def event_dates(events: pd.DataFrame) -> list[str]:
    """The date each event happened, as ISO text ('' when undated).

    The ``event_date`` column (the date resolved from the sentence) where the table has it and it is not
    empty for that event, else the ``date`` column (the article's date).
    """
    reported = [_date_text(v) for v in events["date"]] if "date" in events.columns else [""] * len(events)
    if "event_date" not in events.columns:
        return reported
    resolved = [_date_text(v) for v in events["event_date"]]
    return [own or fallback for own, fallback in zip(resolved, reported, strict=True)]


def fold(text: str) -> str:
    """Text for matching a typed name: accents dropped, case folded, spaces collapsed ('Bogotá' -> 'bogota')."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().split())


def alias_table(codes: Iterable[str], labels: dict[str, str] | None = None) -> dict[str, list[str]]:
    """Every way to type each country of `codes`: ISO3 and ISO2 codes, names, aliases, demonyms, capitals.

    Taken from the actor knowledge base (:func:`graph.actors.knowledge_base`, i.e. graph/data/
    country_aliases.csv and pycountry), folded with :func:`fold`, for the countries given only, so the
    page embeds what it can use: 'Washington', 'American' and 'U.S.' find the United States.
    """
    from graph.actors import knowledge_base

    kb = knowledge_base()
    labels = labels or {}
    table: dict[str, set[str]] = {}
    for code in codes:
        names = {code, kb.iso2.get(code, ""), country_name(code), labels.get(code, ""), kb.countries.get(code, "")}
        table[code] = {fold(name) for name in names if name}
    for surface, alias in kb.aliases.items():
        if alias.type == "country" and alias.key in table and alias.kind in ("name", "demonym", "capital"):
            table[alias.key].add(fold(surface))
    return {code: sorted(names) for code, names in sorted(table.items())}


def stance_series(events: pd.DataFrame, *, focus: str) -> dict[str, dict]:
    """Each country's stance over time toward `focus`: the running sum of its own acts' contributions.

    Own acts and contributions as in :func:`graph.analyze.stances` (an act of the country toward the
    focus, or a symmetric act between them; contribution = ``sg:ownActFactor`` x signed weight), in time
    order. Returns ``{code: {"points": [[date, running, contribution, event IRI], ...], "undated": n,
    "undatedSum": s, "final": f}}``: ``final`` (dated and undated acts) is the country's ``own_score``.
    """
    events = missing_as_none(events)
    if events.empty:
        return {}
    series = {}
    for country, acts in sorted(_acts_by_country(events, focus, load_scoring()).items()):
        own = [act for act in acts if act["own"]]  # in time order, undated last
        if not own:
            continue
        running, points, undated, undated_sum = 0.0, [], 0, 0.0
        for act in own:
            if not act["when"]:
                undated, undated_sum = undated + 1, undated_sum + act["contribution"]
                continue
            running += act["contribution"]
            points.append([act["when"], round(running, 4), round(act["contribution"], 4), act["event"]])
        series[country] = {"points": points, "undated": undated, "undatedSum": round(undated_sum, 4),
                           "final": round(running + undated_sum, 4)}
    return series


# ---------------------------------------------------------------------------------------------------------
# View model


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


# ---------------------------------------------------------------------------------------------------------
# pyvis, for notebook users


def _plain_title(text: str) -> str:
    """A tooltip that pyvis and vis-network show as text.

    vis-network puts a string title into the page with ``innerText``; pyvis, however, switches its whole
    page to an ``innerHTML`` popup as soon as one node title contains 'href'. That word is therefore
    broken by a zero-width space, and control characters other than line breaks are dropped.
    """
    clean = "".join(ch if ch.isprintable() or ch == "\n" else " " for ch in str(text))
    return re.sub("href", "hr\u200bef", clean, flags=re.IGNORECASE)


def to_pyvis(events: pd.DataFrame, *, focus: str = "USA", level: str = "country", height: str = "750px",
             width: str = "100%", max_events: int = 8):
    """The view as a :class:`pyvis.network.Network`, for notebook users who style it further.

    Same nodes, positions (physics off), colours and aggregated edges as :func:`view_data`; each node's
    and edge's ``title`` is plain text (stance, counts, the latest `max_events` events with their
    sentences), never HTML. vis-network is inlined (``cdn_resources="in_line"``), but the page pyvis
    writes still links its CSS from a CDN and has no Content-Security-Policy: for a page to share or to
    open offline, use :func:`write_html`.
    """
    from pyvis.network import Network

    data = view_data(events, focus=focus, level=level)
    look = style()
    net = Network(height=height, width=width, directed=True, cdn_resources="in_line",
                  heading="")
    net.toggle_physics(False)
    by_id = {event["id"]: event for event in data["events"]}
    for node in data["nodes"]:
        stance = "focus country" if node["stance"] == "focus" else node["stance"]
        if node["score"] is not None and node["stance"] != "focus":
            stance += f" (score {node['score']:+.3f})"
        lines = [f"{node['label']} ({node['type']}{', ' + node['country'] if node['country'] else ''})",
                 f"stance toward {data['focus']}: {stance}", f"{node['events']} events"]
        color = look["stance_colors"].get(node["stance"], look["stance_colors"]["unknown"])
        net.add_node(node["id"], label=node["label"], title=_plain_title("\n".join(lines)), x=node["x"], y=node["y"],
                     size=node["size"], color=color, shape=look["type_shapes"].get(node["type"], "dot"),
                     physics=False)
    labels = {node["id"]: node["label"] for node in data["nodes"]}
    for edge in data["edges"]:
        members = sorted((by_id[i] for i in edge["events"]), key=lambda e: (e["date"] == "", e["date"]), reverse=True)
        kind = look["polarity_labels"][str(edge["polarity"])]
        lines = [f"{labels[edge['from']]} -> {labels[edge['to']]}: {edge['count']} {kind}"
                 f"{'s' if edge['count'] != 1 else ''} (net {edge['net']:+.2f})"]
        for event in members[:max_events]:
            lines.append(f"{event['date'] or 'undated'} {event['relation']}: {event['evidence']}")
        if len(members) > max_events:
            lines.append(f"... and {len(members) - max_events} more")
        options = {"title": _plain_title("\n".join(lines)), "width": edge["width"],
                   "color": look["polarity_colors"][str(edge["polarity"])],
                   "arrows": "to" if edge["directed"] else ""}
        if edge.get("curve"):
            options["smooth"] = {"enabled": True, "type": edge["curve"][0], "roundness": edge["curve"][1]}
        else:
            options["smooth"] = False
        net.add_edge(edge["from"], edge["to"], **options)
    return net


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


def _warned(data: dict) -> dict:
    """Log :func:`focus_warning` (one line on stderr from the command line) and return the data."""
    warning = focus_warning(data)
    if warning:
        _log.warning(warning)
    return data


def render_html(store: ox.Store, *, focus: str = "USA", level: str = "country", title: str | None = None) -> str:
    """The self-contained HTML view of the store's stance events, centred on `focus`, as text."""
    return render_events(load_events(store), focus=focus, level=level, title=title)


def write_html(store: ox.Store, out_path: Path | str, *, focus: str = "USA", level: str = "country") -> Path:
    """Write the HTML view atomically to `out_path` and return the path.

    `level` is ``"country"`` (people and organisations rolled up to their country) or ``"actor"``
    (every person, organisation, programme and country as its own node).
    A focus that takes part in no event is drawn all the same; the page says so and a warning is logged
    (with no logging set up, as on the command line, one line on stderr).
    """
    return write_events_html(load_events(store), out_path, focus=focus, level=level)


def write_events_html(events: pd.DataFrame, out_path: Path | str, *, focus: str = "USA",
                      level: str = "country") -> Path:
    """:func:`write_html` for an events table (:func:`graph.analyze.load_events`), so a build that has read
    the events for its analysis does not read them from the store a second time."""
    data = _warned(view_data(events, focus=focus, level=level))
    return atomic_write_text(out_path, page(data))
