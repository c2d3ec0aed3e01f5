"""The page: the view data, vis-network and the page script filled into the HTML template, behind a
Content-Security-Policy that lets only those scripts run and forbids every request; written atomically.
"""

from __future__ import annotations

import base64
import hashlib
import html
import logging
import re
from pathlib import Path

import pandas as pd
import pyoxigraph as ox

from graph.analyze import load_events
from graph.outputs import atomic_write_text
from graph.render.assets import _template, embed_json, vis_network_js
from graph.render.view import focus_warning, view_data

_log = logging.getLogger("graph.render")


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
