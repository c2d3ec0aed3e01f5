"""The view as a pyvis network, for notebook users who style it further; its tooltips are plain text, never HTML."""

from __future__ import annotations

import re

import pandas as pd

from graph.render.assets import style
from graph.render.view import view_data


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
