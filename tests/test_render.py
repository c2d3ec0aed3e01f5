"""The view stage (graph/render.py): what goes into graph.html, checked without a browser.

Counts and positions refer to tests/data/analysis/stances.ttl (17 events; 9 countries; at actor level
also 5 people, 1 organisation and 1 programme). tests/test_browser.py opens the same pages in Chromium.
"""

from __future__ import annotations

import base64
import doctest
import hashlib
import json
import math
import re
from pathlib import Path

import pandas as pd
import pytest

import graph.render as render
from graph.analyze import load_events
from graph.render import embed_json, page, radial_layout, render_html, view_data, write_html
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
    assert doctest.testmod(render).failed == 0


# ------------------------------------------------------------------------------------------------ page
def scripts(document: str) -> list[tuple[str, str]]:
    """(attributes, body) of every <script> element."""
    return re.findall(r"<script([^>]*)>(.*?)</script>", document, flags=re.S)


def test_page_has_exactly_the_data_block_and_two_scripts(html):
    found = scripts(html)
    assert [attributes.strip() for attributes, _ in found] == ['type="application/json" id="sg-data"', "", ""]
    data = json.loads(found[0][1])
    assert any(edge["evidence"].startswith('Mulino said "no"') for edge in data["edges"])
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
    assert len(country_view["nodes"]) == 9 and len(country_view["edges"]) == 16
    assert {n["type"] for n in country_view["nodes"]} == {"country"}


def test_actor_level_counts(actor_view):
    # 9 countries, 5 people, 1 organisation, 1 programme; one edge per event
    assert len(actor_view["nodes"]) == 16 and len(actor_view["edges"]) == 17
    kinds = [n["type"] for n in actor_view["nodes"]]
    assert (kinds.count("person"), kinds.count("organization"), kinds.count("program")) == (5, 1, 1)


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


def test_focus_is_fixed_at_the_centre(country_view):
    focus = by_label(country_view)["United States"]
    assert (focus["x"], focus["y"], focus["fixed"]) == (0.0, 0.0, True)
    assert sum(node["fixed"] for node in country_view["nodes"]) == 1


def test_distance_from_the_focus_follows_the_stance(country_view):
    nodes = by_label(country_view)

    def distance(label: str) -> float:
        return math.hypot(nodes[label]["x"], nodes[label]["y"])

    # rings: cooperative < coerced < mixed < resistant < pressured < unknown
    assert distance("Guatemala") < distance("Colombia") < distance("Mexico") < distance("Panama")
    assert distance("Panama") == pytest.approx(distance("Honduras"), abs=0.5)  # same ring
    assert distance("Panama") < distance("China") < distance("Costa Rica")


def test_people_sit_around_their_country(actor_view):
    nodes = by_label(actor_view)

    def gap(a: str, b: str) -> float:
        return math.hypot(nodes[a]["x"] - nodes[b]["x"], nodes[a]["y"] - nodes[b]["y"])

    assert gap("Claudia Sheinbaum", "Mexico") < gap("Claudia Sheinbaum", "United States")
    assert gap("Brother, Come Home", "Honduras") < gap("Brother, Come Home", "Mexico")
    assert gap("Marco Rubio", "United States") < gap("Marco Rubio", "Guatemala")


def test_edges_keep_the_facts_for_the_tooltip(country_view):
    nodes = {n["id"]: n["label"] for n in country_view["nodes"]}
    (edge,) = [e for e in country_view["edges"] if e["relation"] == "acceptsDeportees" and nodes[e["from"]] == "Mexico"]
    assert nodes[edge["to"]] == "United States"
    assert edge["evidence"] == "Mexico later said it had received thousands of returnees."
    assert (edge["source"], edge["sources"]) == ("briefs/b.txt", ["briefs/a.txt", "briefs/b.txt"])
    assert (edge["date"], edge["confidence"], edge["polarity"], edge["directed"]) == (
        "2025-01-30",
        1.0,
        1,
        True,
    )
    assert edge["event"].endswith("0000000000000005")
    meeting = [e for e in country_view["edges"] if e["relation"] == "meetsWith"]
    assert meeting and not any(e["directed"] for e in meeting)  # symmetric relations have no arrow


def test_parallel_edges_are_curved_apart(country_view):
    nodes = {n["id"]: n["label"] for n in country_view["nodes"]}
    mexico = [e for e in country_view["edges"] if nodes[e["from"]] == "Mexico" and nodes[e["to"]] == "United States"]
    assert sorted(e["roundness"] for e in mexico) == [0.08, 0.22, 0.36]


def test_legend_counts_countries_by_stance(country_view):
    counts = {item["label"]: item["count"] for item in country_view["legend"]["stances"]}
    assert counts == {"focus": 1, "cooperative": 1, "coerced": 1, "mixed": 1, "resistant": 2, "pressured": 1,
                      "unknown": 2}
    assert [item["polarity"] for item in country_view["legend"]["polarities"]] == [1, 0, -1]


def test_filter_choices(country_view):
    assert country_view["relations"] == sorted(set(country_view["relations"]))
    assert "launchedProgram" not in country_view["relations"]  # only at actor level
    assert [c["code"] for c in country_view["countries"]][:3] == ["CHN", "COL", "CRI"]


def test_unknown_level_or_focus_is_refused(events):
    with pytest.raises(ValueError, match="level"):
        view_data(events, level="planet")
    with pytest.raises(ValueError, match="QQQ"):
        view_data(events, focus="QQQ")


def test_layout_is_deterministic_and_spreads_members():
    anchors = {"USA": ("focus", 0.0), "MEX": ("mixed", -0.1), "GTM": ("cooperative", 0.8)}
    members = {"MEX": [f"m{i}" for i in range(30)], "USA": ["u1"], None: ["loose"]}
    first = radial_layout(anchors, members, focus="USA")
    assert first == radial_layout(anchors, members, focus="USA")
    assert first["USA"] == (0.0, 0.0)
    assert len(set(first.values())) == len(first)  # nobody on top of anybody
    mexico = [first[f"m{i}"] for i in range(30)]
    assert min(math.dist(a, b) for i, a in enumerate(mexico) for b in mexico[i + 1 :]) > 10


def test_large_graphs_draw_straight_edges_without_curves(events):
    many = pd.concat([events] * 100, ignore_index=True)
    many["event"] = [f"{iri}-{i}" for i, iri in enumerate(many["event"])]
    view = view_data(many, focus="USA", level="country")
    assert view["large"] is True and len(view["edges"]) == 1600
    assert not any("roundness" in edge for edge in view["edges"])
