"""The analysis stage (graph/analyze/): events from SPARQL, stance scores, roll-up, metrics, exports.

Fixtures are hand-written graphs under tests/data/analysis/; every expected number below is worked out
by hand from those files and ontology/scoring.ttl (own acts x1.0, received acts x0.5, score =
sum / (sum of absolute values + 2.0), label thresholds +-0.2, trend threshold 0.5).
"""

from __future__ import annotations

import csv
import doctest
import io
import math
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pandas as pd
import pyoxigraph as ox
import pytest

import graph.analyze as analyze
import graph.analyze.events  # noqa: F401  (the step modules whose doctests run)
import graph.analyze.networks  # noqa: F401
import graph.analyze.periods  # noqa: F401
from graph.analyze import (
    UnknownFocusError,
    actor_graph,
    centrality,
    check_focus,
    communities,
    country_graph,
    load_events,
    load_scoring,
    signed_graph,
    stances,
    structural_balance,
    summary,
    time_order,
    write_analysis,
)
from graph.store import open_store

REPO = Path(__file__).resolve().parents[1]
ANALYSIS = REPO / "tests" / "data" / "analysis"
EVENT = "https://w3id.org/stancegraph/id/event/"
PERSON = "https://w3id.org/stancegraph/id/person/"
COUNTRY = "https://w3id.org/stancegraph/id/country/"
HOSTILE_EVIDENCE = (
    "Mulino said \"no\" & 'never' </script><script>window.__pwned=1</script> "
    '<img src=x onerror="window.__pwned=1"> \u2028end.'
)


def store(name: str) -> ox.Store:
    return open_store(ANALYSIS / f"{name}.ttl")


@pytest.fixture(scope="module")
def events():
    """The events of tests/data/analysis/stances.ttl."""
    return load_events(store("stances"))


@pytest.fixture(scope="module")
def table(events):
    """Stances toward the USA, countries without events with the USA included."""
    return stances(events, focus="USA", include_all=True).set_index("country")


def event(events, suffix: str) -> dict:
    (row,) = events[events["event"] == EVENT + suffix.rjust(16, "0")].to_dict("records")
    return row


# ------------------------------------------------------------------------------------------------ events
def test_one_row_per_event_sorted_by_iri(events):
    assert len(events) == 17
    assert list(events["event"]) == sorted(events["event"])
    assert list(events.columns) == analyze.EVENT_COLUMNS


def test_event_row_carries_labels_types_countries_and_the_signed_weight(events):
    row = event(events, "4")
    assert row["actor"] == PERSON + "claudia-sheinbaum"
    assert (row["actor_label"], row["actor_type"], row["actor_country"]) == (
        "Claudia Sheinbaum",
        "person",
        "MEX",
    )
    assert (row["relation"], row["target_country"], row["target_type"]) == (
        "refusesDeportees",
        "USA",
        "country",
    )
    assert (row["date"], row["sequence"], row["mode"]) == ("2025-01-20", 4, "asserted")
    assert (row["polarity"], row["relation_weight"], row["confidence"], row["weight"]) == (
        -1,
        -5.0,
        1.0,
        -5.0,
    )
    assert row["description"] == "2025-01-20 Claudia Sheinbaum (MEX) refusesDeportees -> USA"
    # weight = relation weight x confidence: -7.0 x 0.8
    assert event(events, "8")["weight"] == pytest.approx(-5.6)


def test_polarity_and_weight_come_from_the_relation_when_the_event_lacks_them(events):
    row = event(events, "7")  # meetsWith, defined in the fixture with weight 2.0; confidence 0.5
    assert (row["polarity"], row["relation_weight"], row["weight"], row["symmetric"]) == (1, 2.0, 1.0, True)


def test_relation_weights_fall_back_on_the_ontology_file(tmp_path):
    (tmp_path / "g.ttl").write_text(
        "@prefix sg: <https://w3id.org/stancegraph/ontology#> .\n"
        "<https://w3id.org/stancegraph/id/event/00000000000000ff> a sg:StanceEvent ;\n"
        "  sg:actor <https://w3id.org/stancegraph/id/country/GTM> ; sg:relation sg:acceptsDeportees ;\n"
        "  sg:target <https://w3id.org/stancegraph/id/country/USA> .\n",
        encoding="utf-8",
    )
    ontology = ox.Store()
    ontology.load(path=str(REPO / "ontology" / "stancegraph.ttl"), format=ox.RdfFormat.TURTLE)
    (expected,) = ontology.query(
        "SELECT ?w WHERE { <https://w3id.org/stancegraph/ontology#acceptsDeportees> "
        "<https://w3id.org/stancegraph/ontology#weight> ?w }"
    )
    (row,) = load_events(open_store(tmp_path / "g.ttl")).to_dict("records")
    assert row["relation_weight"] == float(expected["w"].value)
    assert row["confidence"] == 1.0 and row["polarity"] == 1
    # no sg:actorCountry on the event: a country actor is its own country
    assert (row["actor_country"], row["target_country"]) == ("GTM", "USA")


def test_source_is_the_document_of_the_evidence_sentence(events):
    row = event(events, "5")
    assert row["source"] == "briefs/b.txt"  # the mention whose sentence is the evidence
    assert row["sources"] == ("briefs/a.txt", "briefs/b.txt")
    assert event(events, "1")["source"] == "briefs/a.txt"


def test_a_programme_target_has_no_target_country_but_keeps_its_home(events):
    row = event(events, "a")
    assert (row["target_type"], row["target_label"]) == ("program", "Brother, Come Home")
    assert pd.isna(row["target_country"])
    assert row["target_home"] == "HND"


def test_evidence_is_kept_verbatim(events):
    assert event(events, "f")["evidence"] == HOSTILE_EVIDENCE


def test_time_order_is_date_then_document_then_sequence(events):
    order = time_order(events)
    ranked = list(events.loc[order.sort_values().index, "event"].str[-2:])
    # 2024-12-28 first; on 2025-01-26 both events come from briefs/b.txt (sequence 2 then 3);
    # on 2025-01-30 briefs/a.txt (sequences 8..12) precedes briefs/b.txt (event 05).
    assert ranked[:6] == ["08", "04", "0b", "0c", "01", "02"]
    assert ranked[6:12] == ["09", "0a", "0d", "0e", "0f", "05"]
    assert ranked[-1] == "07"


# ----------------------------------------------------------------------------------------------- stances
# country: (score, own_score, received_score, label, trend, n_events), worked out by hand; the score counts
# the country's own acts only, what the USA did to it is the received score
EXPECTED = {
    # own +5 (accepts, conf 1) +3 (6 x 0.5): 8 / (8 + 2); received 0.5 x 2 (visit); all own acts positive
    "GTM": (0.8, 8.0, 1.0, "cooperative", "stable", 3),
    # own +6 (flights): 6 / (6 + 2); received 0.5 x -6 (threat) before the latest own act: coerced
    "COL": (0.75, 6.0, -3.0, "coerced", "improving", 2),
    # -5 (refuses), +5 (accepts), -3 (-6 x 0.5), +1 (meeting, symmetric: own, 2 x 0.5): -2 / (14 + 2);
    # refused then accepted deportees: a reversal, so improving
    "MEX": (-0.125, -2.0, 0.0, "mixed", "improving", 4),
    # -5.6 (-7 x 0.8), +2 (4 x 0.5): -3.6 / (7.6 + 2) = -0.375 <= -0.2; shiftsTowardCooperation: improving
    "HND": (-0.375, -3.6, 0.0, "resistant", "improving", 2),
    # no own act; received 0.5 x -2.7 (-3 x 0.9): pressured, not resistant; one signed event: no trend
    "CHN": (0.0, 0.0, -1.35, "pressured", "", 1),
    # -4 / (4 + 2)
    "PAN": (-0.6667, -4.0, 0.0, "resistant", "", 1),
    # only a neutral act (weight 0) with the USA
    "SLV": (0.0, 0.0, 0.0, "unknown", "", 1),
    # no act with the USA at all (listed because include_all=True)
    "CRI": (0.0, 0.0, 0.0, "unknown", "", 0),
}


@pytest.mark.parametrize("country", sorted(EXPECTED))
def test_stance_scores_labels_and_trends_match_the_hand_computation(table, country):
    score, own, received, label, trend, n_events = EXPECTED[country]
    row = table.loc[country]
    assert row["score"] == pytest.approx(score, abs=1e-4)
    assert row["own_score"] == pytest.approx(own)
    assert row["received_score"] == pytest.approx(received)
    assert (row["label"], row["trend"], row["n_events"]) == (label, trend, n_events)
    assert row["focus"] == "USA"


def test_rows_sorted_by_score_with_pressured_and_unknown_last(events):
    result = stances(events, focus="USA")
    assert list(result["country"]) == ["GTM", "COL", "MEX", "HND", "PAN", "CHN", "SLV"]
    assert "CRI" not in set(result["country"])  # no event with the focus, not asked for
    assert list(result.columns) == analyze.STANCE_COLUMNS


def test_every_label_comes_with_its_events_and_evidence_in_time_order(table):
    row = table.loc["MEX"]
    assert row["events"] == (
        "2025-01-20 Claudia Sheinbaum (MEX) refusesDeportees -> USA",
        "2025-01-30 MEX acceptsDeportees -> USA",
        "2025-01-31 MEX refusesMilitaryDeportationFlights -> USA",
        "2025-02-03 Marco Rubio (USA) meetsWith -> Claudia Sheinbaum (MEX)",
    )
    assert row["evidence"][0] == "At first the president ruled out taking back other nationals."
    assert row["event_iris"] == tuple(EVENT + n.rjust(16, "0") for n in ("4", "5", "6", "7"))
    assert table.loc["PAN", "evidence"] == (HOSTILE_EVIDENCE,)


def test_events_between_other_countries_do_not_count(table):
    # CHN exertsInfluenceOn PAN and CRI meetsWith PAN are not acts with the USA
    assert table.loc["PAN", "n_events"] == 1
    assert table.loc["CHN", "n_events"] == 1


def test_a_threat_after_the_cooperation_is_not_coercion(events):
    later = events.copy()
    later.loc[later["event"] == EVENT + "b".rjust(16, "0"), "sequence"] = 9  # threat now after the flights
    row = stances(later, focus="USA").set_index("country").loc["COL"]
    # same score 6 / 8 >= 0.2, but the threat came last: cooperative, and the mean sign fell (+1 -> -1)
    assert (row["label"], row["trend"]) == ("cooperative", "worsening")


def test_focus_can_be_any_country(events):
    result = stances(events, focus="mex").set_index("country")
    # the USA's acts toward Mexico seen from Mexico: the US meeting is symmetric (own act of the USA)
    assert set(result.index) == {"USA"}
    assert result.loc["USA", "focus"] == "MEX"
    # the USA's own acts toward MEX: only the meeting (+1): 1 / (1 + 2); Mexico's acts toward the USA
    # are what the USA received (x0.5): -2.5 + 2.5 - 1.5
    assert result.loc["USA", "score"] == pytest.approx(1 / 3, abs=1e-4)
    assert result.loc["USA", "received_score"] == pytest.approx(-1.5)


def test_unknown_focus_is_a_clear_error(events):
    assert check_focus(" mex ") == "MEX"
    with pytest.raises(UnknownFocusError, match="'XXX'.*ISO 3166-1 alpha-3"):
        stances(events, focus="XXX")
    with pytest.raises(UnknownFocusError):
        check_focus("United States")


def test_scoring_rule_is_data(tmp_path, events):
    rule_file = tmp_path / "rule.ttl"
    rule_file.write_text(
        "@prefix sg: <https://w3id.org/stancegraph/ontology#> .\n"
        "@prefix ex: <https://example.org/> .\n"
        "ex:ownOnly a sg:ScoringRule ; sg:ownActFactor 1.0 ; sg:receivedActFactor 0.0 ;\n"
        "  sg:evidencePrior 0.0 ;\n"
        "  sg:cooperativeThreshold 0.5 ; sg:resistantThreshold -0.5 ; sg:trendThreshold 0.5 .\n",
        encoding="utf-8",
    )
    rule = load_scoring("https://example.org/ownOnly", source=rule_file)
    assert (rule.own_act_factor, rule.received_act_factor, rule.coercion_relations) == (1.0, 0.0, frozenset())
    result = stances(events, focus="USA", rule=rule).set_index("country")
    # received acts no longer count, no prior: GTM 8 / 8; no coercion relation: COL cooperative
    assert result.loc["GTM", "score"] == pytest.approx(1.0)
    assert result.loc["COL", "label"] == "cooperative"
    assert result.loc["CHN", "label"] == "unknown"


def test_default_rule_matches_scoring_ttl():
    rule = load_scoring()
    assert (rule.own_act_factor, rule.received_act_factor, rule.evidence_prior) == (1.0, 0.5, 2.0)
    assert "threatenedSanctions" in rule.coercion_relations
    assert ("refusesDeportees", "acceptsDeportees") in rule.reversal_pairs


def test_incomplete_scoring_rule_names_what_is_missing(tmp_path):
    rule_file = tmp_path / "rule.ttl"
    rule_file.write_text(
        "@prefix sg: <https://w3id.org/stancegraph/ontology#> .\n"
        "<https://example.org/r> a sg:ScoringRule ; sg:ownActFactor 1.0 .\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="sg:receivedActFactor"):
        load_scoring("https://example.org/r", source=rule_file)


def test_every_scoring_property_is_documented():
    ttl = ox.Store()
    ttl.load(path=str(REPO / "ontology" / "scoring.ttl"), format=ox.RdfFormat.TURTLE)
    undocumented = list(
        ttl.query(
            "PREFIX sg: <https://w3id.org/stancegraph/ontology#> "
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
            "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
            "SELECT ?p WHERE { sg:defaultScoring ?p ?o . FILTER (STRSTARTS(STR(?p), STR(sg:)))"
            " FILTER NOT EXISTS { ?p rdfs:label ?l ; skos:definition ?d } }"
        )
    )
    assert undocumented == []


# --------------------------------------------------------------------------------------------- graphs
def test_actor_graph_has_one_edge_per_event_with_the_signed_weight():
    G = actor_graph(load_events(store("rollup")))
    assert (G.number_of_nodes(), G.number_of_edges()) == (5, 5)
    luc, anna = PERSON + "luc-martin", PERSON + "anna-weber"
    assert G.number_of_edges(luc, anna) == 1 and G.number_of_edges(anna, luc) == 1
    assert G.nodes[luc] == {"label": "Luc Martin", "type": "person", "country": "FRA"}
    (threat,) = G.get_edge_data(anna, COUNTRY + "ITA").values()
    assert (threat["relation"], threat["weight"]) == ("threatened", -2.0)  # -4.0 x 0.5
    assert list(G.nodes) == sorted(G.nodes)


def test_people_roll_up_to_their_country():
    C = country_graph(load_events(store("rollup")))
    assert sorted(C.nodes) == ["DEU", "ESP", "FRA", "ITA", "PRT"]
    assert sorted((u, v) for u, v in C.edges()) == [
        ("DEU", "FRA"),
        ("DEU", "ITA"),
        ("FRA", "DEU"),
        ("FRA", "ESP"),
        ("PRT", "ESP"),
    ]
    (meeting,) = C.get_edge_data("FRA", "DEU").values()
    assert (meeting["actor"], meeting["target"]) == (PERSON + "luc-martin", PERSON + "anna-weber")
    S = signed_graph(C)
    # two meetings: 2.0 x 1.0 and 2.0 x 0.5
    assert S["DEU"]["FRA"] == {"weight": 3.0, "sign": 1, "n_events": 2, "relations": ["meetsWith"]}
    assert (S["DEU"]["ITA"]["weight"], S["DEU"]["ITA"]["sign"]) == (-2.0, -1)


def test_country_graph_leaves_out_programmes(events):
    C = country_graph(events)
    assert C.number_of_edges() == 16  # 17 events, one toward a programme
    assert "HND" in C and not any("policy" in str(n) for n in C)
    assert C.nodes["MEX"]["label"] == "Mexico"


def test_graphs_repeat_exactly(events):
    first, second = actor_graph(events), actor_graph(events.sample(frac=1, random_state=3))
    assert list(first.edges(keys=True, data=True)) == list(second.edges(keys=True, data=True))


# -------------------------------------------------------------------------------------------- metrics
def test_centrality_finds_the_broker_on_the_path():
    # actor level: PRT - ESP - Luc Martin - Anna Weber - ITA (5 nodes; normalised by (n-1)(n-2)/2 = 6)
    result = centrality(actor_graph(load_events(store("rollup")))).set_index("node")
    luc, anna = PERSON + "luc-martin", PERSON + "anna-weber"
    assert result.index[0] == luc
    assert result.loc[luc, "betweenness"] == pytest.approx(4 / 6)  # 2 x 2 pairs pass through the middle
    assert result.loc[COUNTRY + "ESP", "betweenness"] == pytest.approx(3 / 6)
    assert result.loc[anna, "betweenness"] == pytest.approx(3 / 6)
    assert result.loc[COUNTRY + "PRT", "betweenness"] == 0
    assert result.loc[luc, "degree"] == pytest.approx(2 / 4)
    assert result.loc[COUNTRY + "ITA", "degree"] == pytest.approx(1 / 4)
    assert result.loc[luc, "events"] == 3  # the visit and both meetings


def test_communities_split_the_two_triangles_with_a_fixed_seed():
    C = country_graph(load_events(store("communities")))
    result = communities(C, seed=42)
    groups = {tuple(sorted(g["node"])) for _, g in result.groupby("community")}
    assert groups == {("ARG", "BRA", "CHL"), ("FIN", "NOR", "SWE")}
    assert result.set_index("node").loc["ARG", "community"] == 0  # equal sizes: smallest member first
    assert result.equals(communities(C, seed=42))


def test_structural_balance_lists_triads_and_finds_the_unbalanced_one():
    result = structural_balance(country_graph(load_events(store("balance"))))
    assert result.to_dict("records") == [
        {
            "a": "DEU",
            "b": "ESP",
            "c": "FRA",
            "sign_ab": -1,
            "sign_ac": 1,
            "sign_bc": -1,
            "signs": "+--",
            "balanced": True,
        },
        {
            "a": "DEU",
            "b": "FRA",
            "c": "ITA",
            "sign_ab": 1,
            "sign_ac": 1,
            "sign_bc": -1,
            "signs": "++-",
            "balanced": False,
        },
    ]


def test_summary_of_the_balance_graph():
    values = dict(summary(country_graph(load_events(store("balance")))).values.tolist())
    assert values["nodes"] == 5 and values["events"] == 8
    assert values["pairs"] == 7  # ESP-ITA counts as a pair, but its acts cancel out
    assert (values["positive pairs"], values["negative pairs"]) == (3, 3)
    assert values["density"] == pytest.approx(0.7)
    assert (values["triads"], values["balanced triads"], values["balance ratio"]) == (2, 1, 0.5)


def test_summary_modularity_of_two_triangles():
    values = dict(summary(country_graph(load_events(store("communities")))).values.tolist())
    # m = 7 edges, each community: 3 internal edges, degree sum 7: 2 x (3/7 - (7/14)^2)
    assert values["modularity"] == pytest.approx(2 * (3 / 7 - 0.25), abs=1e-6)
    assert values["communities"] == 2


def test_docstring_examples_run():
    """Each step's module: doctest looks only at what a module defines, not at what its package re-exports."""
    modules = (analyze.events, analyze.networks, analyze.periods)
    results = [doctest.testmod(module) for module in modules]
    assert sum(r.attempted for r in results) >= 3 and sum(r.failed for r in results) == 0


# -------------------------------------------------------------------------------------------- exports
def test_write_analysis_writes_csv_gexf_graphml(tmp_path):
    paths = write_analysis(store("stances"), tmp_path / "out", focus="USA")
    assert set(paths) == {"stances", "changes", "gexf", "graphml"}
    changes = list(csv.DictReader(io.StringIO(paths["changes"].read_text(encoding="utf-8"))))
    assert [(r["country"], r["date"], r["from_label"], r["to_label"]) for r in changes] == [
        ("COL", "2025-01-26", "pressured", "coerced"), ("MEX", "2025-01-30", "resistant", "mixed"),
        ("MEX", "2025-01-31", "mixed", "resistant"), ("MEX", "2025-02-03", "resistant", "mixed")]
    assert not list((tmp_path / "out").glob(".*"))  # no temporary files left behind
    rows = list(csv.DictReader(io.StringIO(paths["stances"].read_text(encoding="utf-8"))))
    assert [r["country"] for r in rows] == ["GTM", "COL", "MEX", "HND", "PAN", "CHN", "SLV"]
    assert rows[2]["label"] == "mixed" and rows[2]["events"].count("\n") == 3
    assert rows[4]["evidence"] == HOSTILE_EVIDENCE
    for reader in (nx.read_gexf, nx.read_graphml):
        G = reader(paths["gexf" if reader is nx.read_gexf else "graphml"])
        assert (G.number_of_nodes(), G.number_of_edges()) == (16, 17)
        assert G.nodes[COUNTRY + "MEX"]["stance"] == "mixed"
        assert G.nodes[PERSON + "claudia-sheinbaum"]["stance"] == "mixed"
        assert G.nodes[COUNTRY + "USA"]["stance"] == "focus"
        evidence = [d["evidence"] for _, _, d in G.edges(data=True) if d["relation"] == "rejects"]
        assert evidence == [HOSTILE_EVIDENCE]
    ET.parse(paths["graphml"])  # well-formed XML despite the markup in the evidence


def test_exports_hold_only_scalars(events):
    table = stances(events, focus="USA")
    G = analyze.exportable(analyze.analysis_graph(events, table))
    values = [v for _, d in G.nodes(data=True) for v in d.values()]
    values += [v for _, _, d in G.edges(data=True) for v in d.values()]
    assert all(isinstance(v, str | int | float | bool) for v in values)
    assert not any(isinstance(v, float) and math.isnan(v) for v in values)


# --------------------------------------------------------------------------------------------------- CLI
def test_cli_stances_prints_the_table_with_evidence(cli):
    run = cli("stances", "--graph", str(ANALYSIS / "stances.ttl"))
    assert run.status == 0, run.stderr
    assert "GTM" in run.stdout and "coerced" in run.stdout
    assert "At first the president ruled out taking back other nationals." in run.stdout
    assert "\u2028" not in run.stdout  # control characters of article text are not printed raw


def test_cli_unknown_focus_or_missing_graph_exits_2(cli, tmp_path):
    run = cli("stances", "--focus", "XYZ", "--graph", str(ANALYSIS / "stances.ttl"))
    assert run.status == 2 and "XYZ" in run.stderr and "alpha-3" in run.stderr
    run = cli("analyze", "--graph", str(tmp_path / "nothing"))
    assert run.status == 2 and "nothing" in run.stderr
    run = cli(
        "render",
        "--focus",
        "QQQ",
        "--graph",
        str(ANALYSIS / "stances.ttl"),
        "--out",
        str(tmp_path / "v.html"),
    )
    assert run.status == 2 and not (tmp_path / "v.html").exists()


def test_cli_analyze_prints_metrics_and_writes_exports(cli, tmp_path):
    run = cli("analyze", "--graph", str(ANALYSIS / "balance.ttl"), "--out", str(tmp_path), "--focus", "DEU")
    assert run.status == 0, run.stderr
    assert "1 of 2 country triads balanced" in run.stdout
    assert "Brokers" in run.stdout and "Communities" in run.stdout
    assert {p.name for p in tmp_path.iterdir()} == {"stances.csv", "stance_changes.csv", "graph.gexf", "graph.graphml"}


def test_cli_render_writes_the_page(cli, tmp_path):
    run = cli(
        "render",
        "--graph",
        str(ANALYSIS / "stances.ttl"),
        "--level",
        "actor",
        "--out",
        str(tmp_path / "view.html"),
    )
    assert run.status == 0, run.stderr
    assert (tmp_path / "view.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


# ------------------------------------------------------------------------------------ seed (acceptance)
@pytest.fixture(scope="module")
def seed_table(seed_build):
    return stances(load_events(seed_build.store), focus="USA").set_index("country")


def test_seed_guatemala_above_mexico_above_honduras(seed_table):
    score = seed_table["score"]
    assert score["GTM"] > score["MEX"] > score["HND"]


def test_seed_colombia_own_acts_toward_the_usa_are_positive(seed_table):
    assert seed_table.loc["COL", "own_score"] > 0


def test_seed_usa_china_relation_is_negative(seed_build, seed_table):
    # the seed reports what the USA says of China, nothing China does: pressured, not resistant
    assert seed_table.loc["CHN", "received_score"] < 0
    assert seed_table.loc["CHN", "label"] == "pressured"
    S = signed_graph(country_graph(load_events(seed_build.store)))
    assert S["USA"]["CHN"]["sign"] == -1


def test_seed_every_label_comes_with_its_evidence(seed_table):
    for country, row in seed_table.iterrows():
        assert len(row["events"]) == len(row["evidence"]) == row["n_events"] > 0, country
        if row["label"] != "unknown":
            assert all(sentence.strip() for sentence in row["evidence"]), country


def test_corpus_stances_come_with_evidence(corpus_build):
    table = stances(load_events(corpus_build.store), focus="USA")
    assert len(table) >= 5
    assert set(table["label"]) <= set(analyze.STANCE_LABELS)
    assert all(len(row.events) == len(row.evidence) == row.n_events for row in table.itertuples())


def test_the_relation_table_holds_the_stores_relations_not_its_events():
    """A property with a polarity is a relation even untyped; an event, which has a polarity too, is not (the
    table is read for every build's view: it must not list the graph's events)."""
    data = ox.Store()
    data.load(b"""@prefix sg: <https://w3id.org/stancegraph/ontology#> .
        @prefix ex: <https://example.org/> .
        sg:praises sg:polarity 1 ; sg:weight 4.0 .
        ex:e1 a sg:StanceEvent ; sg:polarity -1 ; sg:relation sg:praises .""", format=ox.RdfFormat.TURTLE)
    assert analyze._relations(data) == {"praises": (1, 4.0, False)}
