"""Property-based tests (Hypothesis): the analysis and view stages take any events table.

Real corpora give undated events, events whose actor has no known country, the same event twice, graphs
of one country or of none. Whatever the table, every stage must finish and write valid output: stance
scores within [-1, 1], GEXF and GraphML that networkx reads back, a page whose data is strict JSON.
"""

from __future__ import annotations

import json
import math
import re
import tempfile
from pathlib import Path

import networkx as nx
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.analyze import (
    EVENT_COLUMNS,
    STANCE_LABELS,
    actor_graph,
    centrality,
    communities,
    country_graph,
    describe,
    stances,
    structural_balance,
    summary,
    write_analysis_of,
)
from graph.ontology import COUNTRY, PERSON, relations
from graph.render import page, view_data

CODES = ("USA", "MEX", "COL", "RUS", "COD", "CHN")
RELATIONS = sorted(relations())
#: How a missing value arrives: None from the store, NaN from pandas (a CSV read back, pandas 3 text).
MISSING = st.sampled_from([None, math.nan])


@st.composite
def event_rows(draw, index: int) -> dict:
    relation = draw(st.sampled_from(RELATIONS))
    known = relations()[relation]
    row = {}
    for kind in ("actor", "target"):
        code = draw(st.sampled_from(CODES))
        if draw(st.booleans()):
            iri, label, kind_type = COUNTRY + code, code, "country"
        else:
            name = draw(st.sampled_from(["ana-diaz", "li-wei", "olu-ade"]))
            iri, label, kind_type = PERSON + name, name.replace("-", " ").title(), "person"
        country = draw(st.one_of(st.just(code), MISSING)) if kind_type == "person" else code
        row.update({kind: iri, f"{kind}_label": label, f"{kind}_type": kind_type, f"{kind}_country": country,
                    f"{kind}_home": country})
    confidence = draw(st.floats(0.0, 1.0))
    row.update({
        "event": f"https://w3id.org/stancegraph/id/event/{draw(st.integers(0, 6)) if draw(st.booleans()) else index}",
        "relation": relation,
        "context": draw(st.one_of(st.just("https://w3id.org/stancegraph/id/policy/tariffs"), MISSING)),
        "date": draw(st.one_of(st.dates(pd.Timestamp("2024-01-01").date(), pd.Timestamp("2025-12-31").date())
                               .map(lambda d: d.isoformat()), MISSING)),
        "mode": draw(st.one_of(st.sampled_from(["asserted", "planned", "conditional", "reported"]), MISSING)),
        "sequence": draw(st.integers(0, 5)),
        "confidence": confidence,
        "polarity": known.polarity,
        "relation_weight": known.weight,
        "weight": round(known.weight * confidence, 6),
        "mention_count": draw(st.integers(1, 3)),
        "symmetric": known.symmetric,
        "evidence": draw(st.text(max_size=40)),
        "source": draw(st.one_of(st.just("corpus/a.txt"), MISSING)),
        "sources": ("corpus/a.txt",),
    })
    row["description"] = describe(row)
    return row


@st.composite
def event_tables(draw) -> pd.DataFrame:
    rows = [draw(event_rows(i)) for i in range(draw(st.integers(0, 12)))]
    return pd.DataFrame(rows, columns=EVENT_COLUMNS)


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(event_tables(), st.sampled_from(CODES))
def test_stances_are_bounded_and_labelled(events, focus):
    table = stances(events, focus=focus)
    assert set(table["label"]) <= set(STANCE_LABELS)
    assert all(-1.0 <= score <= 1.0 for score in table["score"])
    assert focus not in set(table["country"])


@SETTINGS
@given(event_tables())
def test_network_metrics_never_raise(events):
    for G in (actor_graph(events), country_graph(events)):
        summary(G)
        centrality(G, seed=0)
        communities(G, seed=0)
    structural_balance(country_graph(events))


@SETTINGS
@given(event_tables(), st.sampled_from(CODES))
def test_exports_are_read_back(events, focus):
    with tempfile.TemporaryDirectory() as folder:
        paths = write_analysis_of(events, folder, focus=focus)
        expected = actor_graph(events)
        for read in (nx.read_gexf(paths["gexf"]), nx.read_graphml(paths["graphml"])):
            assert read.number_of_nodes() == expected.number_of_nodes()
            assert read.number_of_edges() == expected.number_of_edges()
        assert Path(paths["stances"]).read_text(encoding="utf-8").startswith("focus,country")


@SETTINGS
@given(event_tables(), st.sampled_from(CODES), st.sampled_from(["country", "actor"]))
def test_view_data_is_strict_json(events, focus, level):
    html = page(view_data(events, focus=focus, level=level))
    block = re.search(r'<script type="application/json" id="sg-data">(.*?)</script>', html, re.S)[1]
    data = json.loads(block, parse_constant=lambda name: (_ for _ in ()).throw(ValueError(name)))
    assert all(isinstance(edge["date"], str) for edge in data["edges"])
    assert data["focus"] == focus
