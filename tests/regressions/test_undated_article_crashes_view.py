"""Regression: a build that mixes dated and undated articles crashed while writing the view.

pandas 3 stores text as its ``str`` dtype, where a missing value is NaN; the undated event's date reached
the view's JSON as NaN and ``json.dumps(..., allow_nan=False)`` raised. An event with no known date has no
date: empty in CSV, no ``sg:date`` triple, None in the events table, "undated" in tables and the view.
"""

from __future__ import annotations

import csv
import json
import re

import pyoxigraph as ox

import graph
from graph.build import build
from graph.ontology import SG

DATED = """Title: Mexico takes deportees
Date: 2025-02-03

MEXICO CITY — Mexico agreed on Monday to accept deportees from the United States, the foreign ministry said.
"""
#: No header, no dateline, no date anywhere: the common case of a pasted news excerpt.
UNDATED = "Brazil condemned the United States over the treatment of deported migrants, the foreign ministry said.\n"


def test_build_with_an_undated_article_writes_the_view(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "dated.txt").write_text(DATED, encoding="utf-8")
    (corpus / "undated.txt").write_text(UNDATED, encoding="utf-8")
    result = build([corpus], out=tmp_path / "build")
    assert result.ok

    rows = list(csv.DictReader((tmp_path / "build" / "events.csv").open(encoding="utf-8")))
    dates = {row["source"].rsplit("/", 1)[-1]: row["date"] for row in rows}
    assert dates == {"dated.txt": "2025-02-03", "undated.txt": ""}

    store = graph.open_store(tmp_path / "build")
    events = graph.load_events(store)
    undated = events[events["actor_country"] == "BRA"].iloc[0]
    assert undated["date"] is None
    assert undated["description"].startswith("undated BRA accuses")

    page = (tmp_path / "build" / "graph.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="sg-data">(.*?)</script>', page, re.S)[1])
    edge_dates = sorted(edge["date"] for edge in data["edges"])
    assert edge_dates == ["", "2025-02-03"]
    assert not list(store.quads_for_pattern(ox.NamedNode(undated["event"]), ox.NamedNode(SG + "date"), None))


def test_stance_changes_puts_undated_events_last_like_the_stance_table(tmp_path):
    """A dated refusal, then an undated acceptance: both tools read a change toward cooperation."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "refusal.txt").write_text(
        "Date: 2025-01-26\n\nBOGOTA — Colombia refused to accept deportees from the United States on Sunday.\n",
        encoding="utf-8")
    (corpus / "undated.txt").write_text(
        "Colombia agreed to accept deportees from the United States, the foreign ministry said.\n", encoding="utf-8")
    assert build([corpus], out=tmp_path / "build").ok
    store = graph.open_store(tmp_path / "build")
    changes = graph.query_df("stance-changes", graph=store, params={"focus": "USA"})
    row = changes[changes["country"].str.endswith("/COL")].iloc[0]
    assert (row["fromLabel"], row["date"]) == ("resistant", None)  # the undated acceptance changed it, last
    events = graph.load_events(store)
    ours = graph.stance_changes(events, focus="USA").set_index("country")
    assert (ours.at["COL", "from_label"], ours.at["COL", "to_label"]) == (row["fromLabel"], row["toLabel"])
    assert ours.at["COL", "date"] is None
    table = graph.stances(events, focus="USA").set_index("country")
    assert table.at["COL", "trend"] == "improving"
