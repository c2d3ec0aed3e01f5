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

One module per step: `assets` (the templates, the look in style.json, vis-network, JSON safe in a script
element), `layout` (fixed places and bent edges), `timeline` (dates, names to type, stance over time),
`view` (the view model: nodes, edges, events, legend), `notebook` (the pyvis network) and `pages` (the page,
its Content-Security-Policy, and writing it).
"""

from __future__ import annotations

from graph.render.assets import embed_json, style, vis_network_js
from graph.render.layout import _closest_approach as _closest_approach
from graph.render.layout import country_slot, curve_via, route_edges, stable_layout
from graph.render.notebook import to_pyvis
from graph.render.pages import (
    CHROMIUM,
    CHROMIUM_ARGS,
    content_security_policy,
    page,
    render_events,
    render_html,
    write_events_html,
    write_html,
)
from graph.render.timeline import alias_table, event_dates, fold, stance_series
from graph.render.view import LEVELS, aggregate_edges, edge_width, focus_warning, view_data

__all__ = [
    "CHROMIUM", "CHROMIUM_ARGS", "LEVELS", "aggregate_edges", "alias_table", "content_security_policy",
    "country_slot", "curve_via", "edge_width", "embed_json", "event_dates", "focus_warning", "fold", "page",
    "render_events", "render_html", "route_edges", "stable_layout", "stance_series", "style", "to_pyvis",
    "view_data", "vis_network_js", "write_events_html", "write_html",
]  # fmt: skip
