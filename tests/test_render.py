"""The view stage (graph/render/): what goes into graph.html, checked without a browser.

Counts refer to tests/data/analysis/stances.ttl (17 events; 9 countries; at actor level also 5 people, 1
organisation and 1 programme; 16 events join two countries, in 14 country pairs and polarities).
tests/test_browser.py opens the same pages in Chromium.
"""

from __future__ import annotations

import base64
import doctest
import hashlib
import json
import logging
import math
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import graph.render as render
from graph.analyze import load_events, stances
from graph.render import (
    alias_table,
    country_slot,
    curve_via,
    embed_json,
    event_dates,
    page,
    render_html,
    stable_layout,
    stance_series,
    style,
    to_pyvis,
    view_data,
    write_html,
)
from graph.store import open_store

REPO = Path(__file__).resolve().parents[1]
STANCES = REPO / "tests" / "data" / "analysis" / "stances.ttl"
HOSTILE = "</script><script>window.__pwned=1</script>"


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return load_events(open_store(STANCES))


@pytest.fixture(scope="module")
def country_view(events) -> dict:
    return view_data(events, focus="USA", level="country")


@pytest.fixture(scope="module")
def actor_view(events) -> dict:
    return view_data(events, focus="USA", level="actor")


@pytest.fixture(scope="module")
def html(events) -> str:
    return render.render_events(events, focus="USA", level="country")


def by_label(view: dict) -> dict[str, dict]:
    return {node["label"]: node for node in view["nodes"]}


# ------------------------------------------------------------------------------------------- embedding
@pytest.mark.parametrize(
    "text",
    [HOSTILE, "<!-- a comment", "a & b > c", "line\u2028separator\u2029paragraph", "quote \" and ' too"],
)
def test_embedded_json_cannot_leave_its_script_element(text):
    embedded = embed_json({"evidence": text})
    assert not set("<>&\u2028\u2029") & set(embedded)
    assert json.loads(embedded) == {"evidence": text}


def test_docstring_examples_run():
    """Each step's module (doctest looks only at what a module defines, not at what its package re-exports)."""
    results = [doctest.testmod(module) for module in (render.assets, render.layout, render.timeline, render.view)]
    assert sum(r.attempted for r in results) >= 2 and sum(r.failed for r in results) == 0


# ------------------------------------------------------------------------------------------------ page
def scripts(document: str) -> list[tuple[str, str]]:
    """(attributes, body) of every <script> element."""
    return re.findall(r"<script([^>]*)>(.*?)</script>", document, flags=re.S)


def test_page_has_exactly_the_data_block_and_two_scripts(html):
    found = scripts(html)
    assert [attributes.strip() for attributes, _ in found] == ['type="application/json" id="sg-data"', "", ""]
    data = json.loads(found[0][1])
    assert any(event["evidence"].startswith('Mulino said "no"') for event in data["events"])
    assert HOSTILE not in html  # the hostile evidence never appears raw


def test_page_needs_no_network(html):
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "<link" not in html and "@import" not in html


def test_content_security_policy_allows_only_the_pages_own_scripts(html):
    (policy,) = re.findall(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert "default-src 'none'" in policy and "img-src 'none'" in policy
    allowed = set(re.findall(r"'sha256-([^']+)'", policy))
    inline = [body for attributes, body in scripts(html) if "application/json" not in attributes]
    digests = {base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() for body in inline}
    assert allowed == digests and len(allowed) == 2
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]


def test_title_is_escaped_text():
    document = page({"focusLabel": "<b>X</b>", "nodes": [], "edges": []})
    assert "<title>stancegraph: who cooperates with &lt;b&gt;X&lt;/b&gt;</title>" in document


def test_rendering_repeats_byte_for_byte(events, html):
    assert render.render_events(events, focus="USA", level="country") == html


def test_write_html_writes_the_page_atomically(tmp_path):
    out = write_html(open_store(STANCES), tmp_path / "view" / "graph.html", focus="USA", level="actor")
    assert out == tmp_path / "view" / "graph.html"
    assert out.read_text(encoding="utf-8") == render_html(open_store(STANCES), focus="USA", level="actor")
    assert [p.name for p in out.parent.iterdir()] == ["graph.html"]


# ------------------------------------------------------------------------------------------ view data
def test_country_level_counts(country_view):
    # every country joined by an event; 16 events have two different countries (one targets a programme)
    assert len(country_view["nodes"]) == 9 and len(country_view["events"]) == 16
    assert {n["type"] for n in country_view["nodes"]} == {"country"}
    assert len(country_view["edges"]) == 14 and sum(e["count"] for e in country_view["edges"]) == 16


def test_actor_level_counts(actor_view):
    # 9 countries, 5 people, 1 organisation, 1 programme; every event, in 16 pairs and polarities
    assert len(actor_view["nodes"]) == 16 and len(actor_view["events"]) == 17
    kinds = [n["type"] for n in actor_view["nodes"]]
    assert (kinds.count("person"), kinds.count("organization"), kinds.count("program")) == (5, 1, 1)
    assert len(actor_view["edges"]) == 16


def test_nodes_carry_the_stance_of_their_country(country_view, actor_view):
    stance = {label: node["stance"] for label, node in by_label(country_view).items()}
    assert stance == {
        "United States": "focus",
        "Guatemala": "cooperative",
        "Colombia": "coerced",
        "Mexico": "mixed",
        "Honduras": "resistant",
        "China": "pressured",
        "Panama": "resistant",
        "El Salvador": "unknown",
        "Costa Rica": "unknown",
    }
    people = by_label(actor_view)
    assert people["Claudia Sheinbaum"]["stance"] == "mixed" and people["Claudia Sheinbaum"]["country"] == "MEX"
    assert people["Marco Rubio"]["stance"] == "focus"


# ---------------------------------------------------------------------------------------- aggregation
def edges_by_label(view: dict) -> dict[tuple[str, str, int], dict]:
    label = {n["id"]: n["label"] for n in view["nodes"]}
    return {(label[e["from"]], label[e["to"]], e["polarity"]): e for e in view["edges"]}


def test_one_edge_per_ordered_country_pair_and_polarity(country_view):
    edges = edges_by_label(country_view)
    assert len(edges) == len(country_view["edges"])  # the keys are unique
    hostile = edges[("Mexico", "United States", -1)]
    assert hostile["count"] == 2 and hostile["relations"] == [["refusesDeportees", 1],
                                                              ["refusesMilitaryDeportationFlights", 1]]
    assert hostile["net"] == pytest.approx(-8.0) and hostile["date"] == "2025-01-31" and hostile["directed"]
    cooperative = edges[("Mexico", "United States", 1)]
    assert cooperative["count"] == 1 and cooperative["relations"] == [["acceptsDeportees", 1]]
    # the other direction is an edge of its own; a symmetric relation draws no arrow
    assert edges[("United States", "Mexico", 1)]["directed"] is False
    assert edges[("Guatemala", "United States", 1)]["count"] == 2
    assert edges[("Guatemala", "United States", 1)]["width"] > edges[("Panama", "United States", -1)]["width"]


def test_every_event_belongs_to_exactly_one_edge(country_view, actor_view):
    for view in (country_view, actor_view):
        listed = sorted(i for edge in view["edges"] for i in edge["events"])
        assert listed == [event["id"] for event in view["events"]] == list(range(len(view["events"])))
        for edge in view["edges"]:
            for i in edge["events"]:
                event = view["events"][i]
                assert (event["edge"], event["from"], event["to"], event["polarity"]) == (
                    edge["id"], edge["from"], edge["to"], edge["polarity"])


def test_events_keep_the_facts_for_the_side_panel(country_view):
    nodes = {n["id"]: n["label"] for n in country_view["nodes"]}
    (event,) = [e for e in country_view["events"]
                if e["relation"] == "acceptsDeportees" and nodes[e["from"]] == "Mexico"]
    assert nodes[event["to"]] == "United States"
    assert event["evidence"] == "Mexico later said it had received thousands of returnees."
    assert (event["source"], event["sources"]) == ("briefs/b.txt", ["briefs/a.txt", "briefs/b.txt"])
    assert (event["date"], event["confidence"], event["polarity"], event["directed"], event["mode"]) == (
        "2025-01-30", 1.0, 1, True, "asserted")
    assert (event["actor"], event["actorCountry"], event["target"], event["targetCountry"]) == (
        "Mexico", "MEX", "United States", "USA")
    assert event["event"].endswith("0000000000000005")


def test_parallel_edges_are_bent_apart(country_view):
    edges = edges_by_label(country_view)
    curves = [edges[("Mexico", "United States", p)]["curve"] for p in (-1, 1)]
    assert curves[0] != curves[1] and all(c[0] in ("curvedCW", "curvedCCW") for c in curves)


def test_legend_counts_countries_by_stance(country_view):
    counts = {item["label"]: item["count"] for item in country_view["legend"]["stances"]}
    assert counts == {"focus": 1, "cooperative": 1, "coerced": 1, "mixed": 1, "resistant": 2, "pressured": 1,
                      "unknown": 2}
    assert [item["polarity"] for item in country_view["legend"]["polarities"]] == [1, 0, -1]


def test_filter_choices(country_view):
    assert country_view["relations"] == sorted(set(country_view["relations"]))
    assert "launchedProgram" not in country_view["relations"]  # only at actor level
    assert [c["code"] for c in country_view["countries"]][:3] == ["CHN", "COL", "CRI"]
    assert country_view["modes"] == ["asserted", "conditional", "planned", "reported"]
    assert country_view["dates"][0] == "2024-12-28" and country_view["dates"][-1] == "2025-02-03"
    assert country_view["dates"] == sorted(set(country_view["dates"]))


def test_unknown_level_or_focus_is_refused(events):
    with pytest.raises(ValueError, match="level"):
        view_data(events, level="planet")
    with pytest.raises(ValueError, match="QQQ"):
        view_data(events, focus="QQQ")


# ------------------------------------------------------------------------------------------- layout
def position(view: dict, label: str) -> tuple[float, float]:
    node = by_label(view)[label]
    return node["x"], node["y"]


def test_focus_is_fixed_at_the_centre(country_view):
    focus = by_label(country_view)["United States"]
    assert (focus["x"], focus["y"], focus["fixed"]) == (0.0, 0.0, True)
    assert sum(node["fixed"] for node in country_view["nodes"]) == 1


def test_a_country_sits_where_its_code_puts_it(country_view, actor_view):
    spacing = style()["layout"]["slot_spacing"]
    for node in country_view["nodes"]:
        if node["country"] != "USA":
            x, y = country_slot(node["country"])
            assert (node["x"], node["y"]) == (round(spacing * x, 1), round(spacing * y, 1))
            assert position(actor_view, node["label"]) == (node["x"], node["y"])  # same place at both levels


def test_positions_do_not_depend_on_the_other_events(events, country_view):
    """Half the events, or the events in another order: every country drawn stays where it was."""
    for subset in (events.iloc[: len(events) // 2], events.iloc[::-1], events[events["actor_country"] != "MEX"]):
        view = view_data(subset, focus="USA")
        for node in view["nodes"]:
            assert position(view, node["label"]) == position(country_view, node["label"])


def test_another_focus_moves_only_the_focus(events, country_view):
    china = view_data(events, focus="CHN")
    assert position(china, "China") == (0.0, 0.0)
    spacing = style()["layout"]["slot_spacing"]
    assert position(china, "United States") == tuple(round(spacing * v, 1) for v in country_slot("USA"))
    for label in ("Mexico", "Panama", "Colombia"):
        assert position(china, label) == position(country_view, label)


def test_slots_are_apart_and_leave_the_centre_free():
    import pycountry

    spacing = style()["layout"]["slot_spacing"]
    slots = [country_slot(c.alpha_3) for c in pycountry.countries] + [country_slot("XKX")]
    assert len(set(slots)) == len(slots)
    closest = min(math.dist(a, b) for i, a in enumerate(slots) for b in slots[i + 1:])
    assert spacing * closest > 2 * style()["sizes"]["country_max"]  # no two country nodes can touch
    assert spacing * min(math.hypot(*s) for s in slots) > 3 * style()["sizes"]["focus"]


def test_people_sit_by_their_country(actor_view):
    nodes = by_label(actor_view)

    def gap(a: str, b: str) -> float:
        return math.hypot(nodes[a]["x"] - nodes[b]["x"], nodes[a]["y"] - nodes[b]["y"])

    assert gap("Claudia Sheinbaum", "Mexico") < gap("Claudia Sheinbaum", "United States")
    assert gap("Brother, Come Home", "Honduras") < gap("Brother, Come Home", "Mexico")
    assert gap("Marco Rubio", "United States") < gap("Marco Rubio", "Guatemala")


def test_layout_is_deterministic_and_keeps_members_apart():
    nodes = {"USA": {"type": "country", "country": "USA", "label": "United States"},
             "MEX": {"type": "country", "country": "MEX", "label": "Mexico"}}
    nodes |= {f"p{i}": {"type": "person", "country": "MEX", "label": f"P {i:02d}"} for i in range(30)}
    nodes["loose"] = {"type": "person", "country": "", "label": "Nobody"}
    first = stable_layout(nodes, focus="USA", level="actor")
    assert first == stable_layout(dict(reversed(nodes.items())), focus="USA", level="actor")
    assert first["USA"] == (0.0, 0.0)
    assert len(set(first.values())) == len(first)  # nobody on top of anybody
    mexico = [first[f"p{i}"] for i in range(30)]
    assert min(math.dist(a, b) for i, a in enumerate(mexico) for b in mexico[i + 1:]) > 10


def test_edges_are_bent_around_the_focus():
    """Countries on opposite sides of the focus: their edge goes round it, not across it."""
    from graph.render import _closest_approach, route_edges

    positions = {0: (0.0, 0.0), 1: (-500.0, 10.0), 2: (500.0, -10.0), 3: (300.0, 400.0)}
    edges = [{"from": 1, "to": 2}, {"from": 2, "to": 1}, {"from": 1, "to": 0}, {"from": 3, "to": 2}]
    route_edges(edges, positions, focus_id=0, clearance=70.0)
    for edge in edges:
        start, end = positions[edge["from"]], positions[edge["to"]]
        if 0 not in (edge["from"], edge["to"]):
            via = curve_via(start, end, *edge["curve"])
            assert _closest_approach(start, via, end, (0.0, 0.0)) >= 70.0
    straight = [{"from": 1, "to": 2}]
    route_edges(straight, positions, focus_id=0, clearance=70.0, curved=False)
    assert straight[0]["curve"] is not None  # even a large graph bends an edge that would cross the focus
    far = [{"from": 3, "to": 2}]
    route_edges(far, positions, focus_id=0, clearance=70.0, curved=False)
    assert far[0]["curve"] is None


def test_no_edge_of_the_corpus_view_crosses_the_focus(country_view):
    from graph.render import _closest_approach

    nodes = {n["id"]: n for n in country_view["nodes"]}
    focus = by_label(country_view)["United States"]
    clearance = focus["size"] + style()["layout"]["focus_margin"]
    for edge in country_view["edges"]:
        if focus["id"] in (edge["from"], edge["to"]):
            continue
        start = (nodes[edge["from"]]["x"], nodes[edge["from"]]["y"])
        end = (nodes[edge["to"]]["x"], nodes[edge["to"]]["y"])
        middle = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
        via = curve_via(start, end, *edge["curve"]) if edge["curve"] else middle
        assert _closest_approach(start, via, end, (0.0, 0.0)) >= clearance


def test_large_graphs_draw_straight_edges(events, monkeypatch):
    look = json.loads(json.dumps(style()))
    look["large_graph"] = {"nodes": 5, "edges": 5}
    monkeypatch.setattr(render.view, "style", lambda: look)  # where view_data looks it up
    view = view_data(events, focus="USA", level="country")
    assert view["large"] is True
    focus = by_label(view)["United States"]["id"]
    # straight, but for an edge between two other countries that would cross the focus
    assert all(edge["curve"] is None for edge in view["edges"] if focus in (edge["from"], edge["to"]))


# ----------------------------------------------------------------------------------- dates and aliases
def test_the_event_date_is_preferred_to_the_article_date(events):
    assert event_dates(events)[:3] == ["2025-01-28", "2025-01-28", "2025-02-01"]
    resolved = events.assign(event_date=["2025-01-25", None, ""] + [float("nan")] * (len(events) - 3))
    assert event_dates(resolved)[:4] == ["2025-01-25", "2025-01-28", "2025-02-01", events["date"][3]]
    view = view_data(resolved, focus="USA")
    (moved,) = [e for e in view["events"] if e["event"] == events["event"][0]]
    assert (moved["date"], moved["reported"]) == ("2025-01-25", "2025-01-28")
    assert "2025-01-25" in view["dates"]


def test_undated_events_are_kept_as_undated(events):
    undated = events.assign(date=[None] * 4 + list(events["date"][4:]))
    view = view_data(undated, focus="USA")
    assert sum(e["date"] == "" for e in view["events"]) == 4
    assert "" not in view["dates"]
    mexico = view["series"]["MEX"]
    assert mexico["undated"] == 1 and mexico["undatedSum"] == -5.0


def test_alias_table_finds_capitals_demonyms_and_codes():
    table = alias_table(["USA", "CHN", "MEX", "COL"])
    assert set(table) == {"USA", "CHN", "MEX", "COL"}
    assert {"washington", "american", "usa", "us", "united states"} <= set(table["USA"])
    assert {"beijing", "chinese", "cn"} <= set(table["CHN"])
    assert {"mexican", "mexico city", "mexico", "mx"} <= set(table["MEX"])
    assert "bogota" in table["COL"]  # accents folded: typing 'Bogota' finds 'Bogotá'
    assert all(name == name.casefold() for names in table.values() for name in names)


def test_the_page_embeds_aliases_of_the_countries_present_only(country_view):
    assert set(country_view["aliases"]) == {c["code"] for c in country_view["countries"]}
    assert "washington" in country_view["aliases"]["USA"] and "FRA" not in country_view["aliases"]


# ----------------------------------------------------------------------------------- stance over time
def test_stance_series_is_the_running_sum_of_own_acts(events):
    series = stance_series(events, focus="USA")
    assert [p[:3] for p in series["MEX"]["points"]] == [
        ["2025-01-20", -5.0, -5.0], ["2025-01-30", 0.0, 5.0], ["2025-01-31", -3.0, -3.0], ["2025-02-03", -2.0, 1.0]]
    assert set(series) == {"COL", "GTM", "HND", "MEX", "PAN"}  # countries with own acts toward the focus
    own = dict(zip(stances(events, focus="USA")["country"], stances(events, focus="USA")["own_score"], strict=True))
    for code, entry in series.items():
        assert entry["final"] == pytest.approx(own[code])


# ------------------------------------------------------------------------------------ focus, pyvis
def test_a_focus_without_events_says_so(events, tmp_path, caplog):
    view = view_data(events, focus="FRA")
    assert view["focusEvents"] == 0 and view["focusLabel"] == "France"
    assert view_data(events, focus="USA")["focusEvents"] == 14
    with caplog.at_level(logging.WARNING, logger="graph.render"):
        write_html(open_store(STANCES), tmp_path / "france.html", focus="FRA")
    assert [r.getMessage() for r in caplog.records] == [
        "warning: no event involves France (FRA) in this graph; the view draws 9 other countries with no "
        "stance toward it"]


def test_render_command_warns_on_a_focus_without_events(tmp_path):
    def render(focus: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "graph", "render", "--graph", str(STANCES), "--focus", focus,
             "--out", str(tmp_path / f"{focus}.html")],
            capture_output=True, text=True, check=False, cwd=REPO)

    france, usa = render("FRA"), render("USA")
    assert (france.returncode, usa.returncode) == (0, 0)
    assert france.stderr.splitlines() == [
        "warning: no event involves France (FRA) in this graph; the view draws 9 other countries with no "
        "stance toward it"]
    assert usa.stderr == ""
    assert (tmp_path / "FRA.html").is_file()


def test_to_pyvis_gives_a_network_with_plain_text_titles(events):
    from pyvis.network import Network

    hostile = events.copy()
    hostile.loc[hostile["relation"] == "rejects", "evidence"] = '<a href="javascript:alert(1)">x</a> ' + HOSTILE
    hostile.loc[hostile["actor_label"] == "José Raúl Mulino", "actor_label"] = '<b onclick="x()">href</b>'
    net = to_pyvis(hostile, focus="USA", level="actor")
    assert isinstance(net, Network)
    view = view_data(hostile, focus="USA", level="actor")
    assert (len(net.nodes), len(net.edges)) == (len(view["nodes"]), len(view["edges"]))
    titles = [item["title"] for item in net.nodes + net.edges]
    assert all(isinstance(title, str) for title in titles)
    assert any(HOSTILE in title for title in titles)  # the text itself, not an escaped or HTML version
    assert not any("<br" in title or "&lt;" in title for title in titles)
    # pyvis turns its tooltips into innerHTML once a node title says 'href': none does
    assert not any("href" in node["title"] for node in net.nodes)
    document = net.generate_html()
    assert "popup.innerHTML" not in document and HOSTILE not in document
    positions = {node["id"]: (node["x"], node["y"]) for node in net.nodes}
    assert positions == {node["id"]: (node["x"], node["y"]) for node in view["nodes"]}


def test_to_pyvis_is_exported():
    import graph

    assert graph.to_pyvis is to_pyvis and "to_pyvis" in graph.__all__


def test_readme_defines_each_label_in_the_legend_words():
    """The README's stance section gives every label of the view's legend in the legend's own words."""
    from conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## How stance is scored"):]
    rows = dict(re.findall(r"^\s*\| (\w+) \| ([^|]+?) \|$", section[section.index("| label | legend |"):], re.M)[1:])
    wanted = {k: v for k, v in render.style()["stance_descriptions"].items() if k != "focus"}
    assert rows == wanted
