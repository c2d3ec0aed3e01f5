"""Where each node sits and how each edge bends: every country has a fixed place, whatever else the graph holds.

A country's slot comes from its ISO code alone (a golden-angle spiral in the order of the codes), so it keeps
its place when articles are added; the focus sits at the centre, and at actor level each person,
organisation or programme sits around its country. Edges between two other countries that would cross the
focus are bent around it.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from functools import cache

from graph.render.assets import style

_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


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
