"""Stance over time: event dates in the order of events, the panel by week or month, the change points, the
`stancegraph stances --by` command and the `stance-changes` named query, which must give the change points
of `graph.stance_changes` row for row.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import graph
from graph import analyze, store
from graph.analyze import stance_changes, stance_panel, stances, time_order

REPO = Path(__file__).resolve().parents[1]
ANALYSIS = REPO / "tests" / "data" / "analysis"
EVENT = "https://w3id.org/stancegraph/id/event/"


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    """The events of tests/data/analysis/stances.ttl (hand-made: MEX refuses, accepts, refuses, meets)."""
    return graph.load_events(graph.open_store(ANALYSIS / "stances.ttl"))


def _iri(suffix: str) -> str:
    return EVENT + suffix.rjust(16, "0")


# ------------------------------------------------------------------------------------------ time order
def test_time_order_reads_the_event_date_before_the_report_date(events):
    """A report of 2025-02-03 that dates its act 2024-12-20 puts the act first; no event date, the report's."""
    moved = events.copy()
    latest = moved["date"].max()
    row = moved.index[moved["date"] == latest][0]
    moved.loc[row, "event_date"] = "2024-12-20"
    order = time_order(moved)
    assert order[row] == 0
    assert time_order(events)[row] != 0
    assert analyze.event_times(moved)[row] == "2024-12-20"
    assert analyze.describe(moved.loc[row]).startswith("2024-12-20 ")


def test_an_event_date_can_change_a_label(events):
    """Colombia: a US threat, then Colombia allows the flights: coerced. Dated after the flights by its
    sentence, the threat no longer precedes the compliance and Colombia is simply cooperative."""
    assert stances(events, focus="USA").set_index("country").at["COL", "label"] == "coerced"
    moved = events.copy()
    threat = moved.index[(moved["actor_country"] == "USA") & (moved["target_country"] == "COL")
                         & (moved["relation"] == "threatenedSanctions")][0]
    moved.loc[threat, "event_date"] = "2025-02-10"
    assert stances(moved, focus="USA").set_index("country").at["COL", "label"] == "cooperative"


# ------------------------------------------------------------------------------------------ change points
def test_change_points_are_where_the_label_of_the_events_so_far_changes(events):
    changes = stance_changes(events, focus="USA")
    assert list(changes.columns) == analyze.CHANGE_COLUMNS
    rows = [(r.country, r.date, r.from_label, r.to_label) for r in changes.itertuples()]
    assert rows == [
        ("COL", "2025-01-26", "pressured", "coerced"),  # threatened, then allowed the flights
        ("MEX", "2025-01-30", "resistant", "mixed"),  # refused deportees, then accepted them
        ("MEX", "2025-01-31", "mixed", "resistant"),  # refused the military flights
        ("MEX", "2025-02-03", "resistant", "mixed"),  # met Rubio
    ]
    # each change point agrees with the stance table of the events up to it
    for row in changes.itertuples():
        upto = events[time_order(events) <= time_order(events)[events["event"] == row.event].iloc[0]]
        assert stances(upto, focus="USA").set_index("country").at[row.country, "label"] == row.to_label
    # the last label of every country is its label in the stance table
    table = stances(events, focus="USA").set_index("country")
    for country, group in changes.groupby("country"):
        assert group["to_label"].iloc[-1] == table.at[country, "label"]


def test_a_country_with_one_event_has_no_change_point(events):
    changes = stance_changes(events, focus="USA")
    assert not set(changes["country"]) & {"CHN", "PAN", "SLV"}  # one event each with the USA
    assert stance_changes(events.iloc[0:0], focus="USA").empty


# ------------------------------------------------------------------------------------------ panel
def test_panel_by_week_gives_each_period_its_own_score_and_the_running_one(events):
    panel = stance_panel(events, focus="USA", by="week")
    assert list(panel.columns) == analyze.PANEL_COLUMNS
    mexico = panel[panel["country"] == "MEX"]
    assert list(mexico["period"]) == ["2025-W04", "2025-W05", "2025-W06"]
    assert list(mexico["start"]) == ["2025-01-20", "2025-01-27", "2025-02-03"]
    assert list(mexico["events"]) == [1, 2, 1]
    # week 5 alone: accepted deportees (+5), refused the military flights (-3): 2 / (8 + 2)
    assert mexico["score"].iloc[1] == pytest.approx(0.2)
    assert list(mexico["label"]) == ["resistant", "cooperative", "cooperative"]
    # running: every event up to the end of the week; the last one is the stance table's score and label
    table = stances(events, focus="USA").set_index("country")
    last = panel.groupby("country").tail(1).set_index("country")
    for country in table.index:
        assert last.at[country, "running_score"] == table.at[country, "score"]
        assert last.at[country, "running_label"] == table.at[country, "label"]
    # Honduras' December act falls in ISO week 52 of 2024
    assert panel[panel["country"] == "HND"]["period"].iloc[0] == "2024-W52"


def test_panel_by_month_and_each_period_scored_like_stances_on_its_events(events):
    panel = stance_panel(events, focus="USA", by="month")
    assert set(panel["period"]) == {"2024-12", "2025-01", "2025-02"}
    when = analyze.event_times(events)
    for row in panel.itertuples():
        inside = events[when.str[:7] == row.period]
        alone = stances(inside, focus="USA").set_index("country")
        assert (row.score, row.label) == (alone.at[row.country, "score"], alone.at[row.country, "label"])
    assert panel.groupby("country")["events"].sum().to_dict() == stances(events, focus="USA").set_index(
        "country")["n_events"].to_dict()


def test_undated_events_make_a_last_period(events):
    undated = events.copy()
    undated["date"] = undated["date"].where(undated["actor_country"] != "MEX", None)
    undated["event_date"] = None
    panel = stance_panel(undated, focus="USA", by="week")
    mexico = panel[panel["country"] == "MEX"]
    assert list(mexico["period"])[-1] == "undated" and mexico["start"].iloc[-1] is None


def test_panel_refuses_an_unknown_period(events):
    with pytest.raises(ValueError, match="'year'.*week, month"):
        stance_panel(events, focus="USA", by="year")


# ------------------------------------------------------------------------------------------ command line
def test_cli_stances_by_week_prints_the_panel_and_the_change_points(cli):
    run = cli("stances", "--graph", str(ANALYSIS / "stances.ttl"), "--by", "week")
    assert run.status == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("stance toward USA by ISO week")
    assert lines[1].split() == ["country", "period", "label", "score", "events", "running_score", "running_label"]
    assert "MEX 2025-W05 cooperative 0.2000 2 -0.2000 resistant" in [" ".join(line.split()) for line in lines]
    assert "  COL pressured -> coerced: 2025-01-26 COL allowsMilitaryDeportationFlights -> USA" in lines


@pytest.mark.parametrize("period", ["year", "weekly", ""])
def test_cli_stances_by_an_unknown_period_is_one_line_and_exit_2(cli, period):
    run = cli("stances", "--graph", str(ANALYSIS / "stances.ttl"), "--by", period)
    assert run.status == 2 and run.stdout == ""
    assert run.stderr.count("\n") == 1 and "week, month" in run.stderr


def test_cli_help_explains_by(cli):
    run = cli("stances", "--help")
    assert run.status == 0 and "--by PERIOD" in run.stdout and "2025-W06" in run.stdout


# ------------------------------------------------------------------------------------------ named query
def _query_changes(graph_store, focus: str) -> list[tuple]:
    result = store.query("stance-changes", graph=graph_store, params={"focus": focus})
    return [(row["country"].value.rsplit("/", 1)[-1], row["event"].value, row["fromLabel"].value,
             row["toLabel"].value, row["date"].value if row["date"] is not None else None,
             float(row["scoreAfter"].value)) for row in result]


def _python_changes(events: pd.DataFrame, focus: str) -> list[tuple]:
    return [(r.country, r.event, r.from_label, r.to_label, r.date, r.score_after)
            for r in stance_changes(events, focus=focus).itertuples()]


def _assert_query_agrees(graph_store) -> int:
    """For every country as the focus: the query's change points are those of `stance_changes`."""
    events = graph.load_events(graph_store)
    focuses = sorted(set(events["actor_country"].dropna()) | set(events["target_country"].dropna()))
    total = 0
    for focus in focuses:
        ours, theirs = _python_changes(events, focus), _query_changes(graph_store, focus)
        assert [row[:5] for row in theirs] == [row[:5] for row in ours], focus
        assert [row[5] for row in theirs] == pytest.approx([row[5] for row in ours], abs=1e-4), focus
        total += len(ours)
    return total


def test_query_agrees_with_stance_changes_on_hand_made_events():
    assert _assert_query_agrees(graph.open_store(ANALYSIS / "stances.ttl")) == 6  # 4 toward the USA, 2 toward others


def test_query_agrees_with_stance_changes_on_the_bundled_corpus(corpus_build):
    assert _assert_query_agrees(corpus_build.store) >= 10
    colombia = [row for row in _query_changes(corpus_build.store, "USA") if row[0] == "COL"]
    # Colombia refused the military flights, then gave in on the same Sunday: from resistant to coerced
    assert colombia[0][2] == "resistant" and colombia[-1][3] == "coerced"
    assert {row[4] for row in colombia} == {"2025-01-26"}


def test_query_agrees_with_stance_changes_on_messy_news(messy_news_build):
    assert messy_news_build.status == 0, messy_news_build.stderr
    assert _assert_query_agrees(graph.open_store(messy_news_build.out)) > 0


def test_build_writes_the_change_points_beside_the_stances(messy_news_build):
    written = pd.read_csv(messy_news_build.out / "stance_changes.csv", dtype=str, keep_default_na=False)
    events = graph.load_events(graph.open_store(messy_news_build.out))
    expected = stance_changes(events, focus="USA")
    assert list(written.columns) == analyze.CHANGE_COLUMNS
    assert list(written["event"]) == list(expected["event"])
    assert list(written["to_label"]) == list(expected["to_label"])


ZERO_SUM = """
@prefix sg: <https://w3id.org/stancegraph/ontology#> .
@prefix country: <https://w3id.org/stancegraph/id/country/> .
@prefix event: <https://w3id.org/stancegraph/id/event/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
event:e1 a sg:StanceEvent ; sg:actor country:ECU ; sg:actorCountry country:ECU ; sg:relation sg:accuses ;
    sg:target country:USA ; sg:targetCountry country:USA ; sg:weight -2.00 ; sg:confidence 0.125 ;
    sg:date "2025-01-10"^^xsd:date ; sg:sequence 1 ; sg:evidence "Ecuador accused the United States." .
event:e2 a sg:StanceEvent ; sg:actor country:ECU ; sg:actorCountry country:ECU ; sg:relation sg:meetsWith ;
    sg:target country:USA ; sg:targetCountry country:USA ; sg:weight 2.00 ; sg:confidence 0.125 ;
    sg:date "2025-01-20"^^xsd:date ; sg:eventDate "2025-01-12"^^xsd:date ; sg:sequence 1 ;
    sg:evidence "Ecuador met the United States." .
"""


def test_a_score_of_exactly_zero_has_a_label_in_sparql_too():
    """Acts of -0.25 and +0.25 sum to 0 over 0.5 + 2.0: Oxigraph 0.5 cannot divide a decimal 0 by 2.5, so
    the queries test the sum first; both tools see Ecuador turn from resistant to mixed on 12 January."""
    import pyoxigraph as ox

    zero = ox.Store()
    zero.load(ZERO_SUM.encode("utf-8"), format=ox.RdfFormat.TURTLE)
    events = graph.load_events(zero)
    assert [(r.country, r.date, r.from_label, r.to_label, r.score_after)
            for r in stance_changes(events, focus="USA").itertuples()] == [
        ("ECU", "2025-01-12", "resistant", "mixed", 0.0)]  # fmt: skip
    assert _assert_query_agrees(zero) == 2  # and the USA toward Ecuador: pressured, then a meeting
    (row,) = store.query("stance-toward", graph=zero, params={"focus": "USA"})
    assert (row["label"].value, float(row["score"].value)) == ("mixed", 0.0)


def test_query_agrees_with_stance_changes_on_a_generated_graph(tmp_path):
    """The graph `make bench` generates (skewed like news, decimals of every kind), at 60,000 triples."""
    import pyoxigraph as ox

    from bench.sparql_bench import generate

    generate(tmp_path / "generated.nt", triples=60_000, seed=3)
    generated = ox.Store()
    generated.bulk_load(path=str(tmp_path / "generated.nt"), format=ox.RdfFormat.N_TRIPLES)
    events = graph.load_events(generated)
    for focus in ("USA", "MEX", "CHN"):
        ours, theirs = _python_changes(events, focus), _query_changes(generated, focus)
        assert [row[:5] for row in theirs] == [row[:5] for row in ours] and len(ours) > 10, focus
