"""Named SPARQL queries, parameters, safety checks and result formats (graph/store/: library, checks, results, run).

Expected rows on tests/data/store/mini.ttl are written by hand from that fixture; on the bundled corpus
and on the seed article they are facts read from the texts (skipped until `stancegraph build` exists).
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import shlex
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph import analyze, store
from graph.cli import main

DATA = Path(__file__).parent / "data" / "store"
MINI = DATA / "mini.ttl"
REPO = Path(__file__).resolve().parents[1]
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

# The test's own view of the namespaces, to write expected rows compactly.
NS = {
    "country:": "https://w3id.org/stancegraph/id/country/",
    "person:": "https://w3id.org/stancegraph/id/person/",
    "policy:": "https://w3id.org/stancegraph/id/policy/",
    "event:": "https://w3id.org/stancegraph/id/event/",
    "sg:": "https://w3id.org/stancegraph/ontology#",
}
REQUIRED = {
    "countries-accepting-deportees",
    "stance-toward",
    "threats",
    "timeline",
    "people-and-roles",
    "evidence",
    "stance-changes",
    "influence",
}


def compact(term: object) -> str | None:
    """country:USA for IRIs, the lexical form for literals, None when unbound."""
    if term is None:
        return None
    value = term.value
    for prefix, iri in NS.items():
        if isinstance(term, ox.NamedNode) and value.startswith(iri):
            return prefix + value[len(iri) :]
    return value


def rows(result: store.QueryResult, *columns: str) -> list[tuple[str | None, ...]]:
    """The chosen columns of every row, compacted."""
    return [tuple(compact(row[c]) for c in columns) for row in result]


@pytest.fixture(scope="module")
def mini() -> ox.Store:
    graph = ox.Store()
    graph.load(path=str(MINI), format=ox.RdfFormat.TURTLE)
    return graph


def size(graph: ox.Store) -> int:
    return len(list(graph.quads_for_pattern(None, None, None, None)))


# ------------------------------------------------------------------------------------------ library


def test_library_has_the_required_queries_with_headers():
    library = store.named_queries()
    assert REQUIRED <= set(library)
    for name, named in library.items():
        assert named.path is not None and named.path.suffix == ".rq"
        assert named.description, f"{name} has no '# answers:' line"
        assert named.example.startswith(f"stancegraph query {name}"), name
        assert all(p.kind in store.PARAM_KINDS for p in named.params)
    assert [(p.name, p.kind) for p in library["stance-toward"].params] == [("focus", "ISO3")]
    assert [(p.name, p.kind) for p in library["timeline"].params] == [("country", "ISO3")]
    assert [(p.name, p.kind) for p in library["evidence"].params] == [("relation", "RELATION")]


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_every_example_line_runs(name, capsys):
    argv = shlex.split(store.named_queries()[name].example)[1:] + ["--graph", str(MINI)]
    assert main(argv) == 0
    assert "row" in capsys.readouterr().out


# ------------------------------------------------------------------------- expected rows on mini.ttl


def test_countries_accepting_deportees(mini):
    result = store.query("countries-accepting-deportees", graph=mini)
    assert rows(result, "country", "from", "date", "mode", "mentions", "countryLabel") == [
        ("country:COL", "country:USA", None, "sg:asserted", "1", "Colombia"),
        ("country:GTM", "country:USA", "2025-02-01", "sg:asserted", "1", "Guatemala"),
        ("country:MEX", "country:USA", "2025-02-01", "sg:reported", "1", "Mexico"),
    ]


def test_stance_toward_focus(mini):
    result = store.query("stance-toward", graph=mini, params={"focus": "USA"})
    columns = ("country", "label", "score", "ownEvents", "ownNegative", "receivedEvents", "receivedNegative")
    # by hand from mini.ttl: score = own signed weights x confidence / (their absolute sum + 2)
    assert rows(result, *columns) == [
        ("country:GTM", "cooperative", "0.6923", "1", "0", "0", "0"),  # 4.5 / 6.5
        ("country:COL", "cooperative", "0.6364", "1", "0", "1", "1"),  # 3.5 / 5.5; threatened by the USA
        ("country:MEX", "cooperative", "0.3253", "3", "1", "0", "0"),  # (-3.2 + 3 + 4.25) / 12.45 >= 0.2
        ("country:HND", "resistant", "-0.3394", "2", "1", "0", "0"),  # (-6.3 + 2.6) / 10.9
        ("country:PAN", "resistant", "-0.5604", "1", "1", "2", "1"),  # -2.55 / 4.55
        ("country:CHN", "pressured", "0", "0", "0", "1", "1"),  # accused by the USA, no act of its own
    ]
    assert {r["focus"].value for r in result} == {NS["country:"] + "USA"}


def test_stance_toward_without_focus_covers_every_pair(mini):
    result = store.query("stance-toward", graph=mini)
    pairs = {(f, a) for f, a in rows(result, "focus", "country")}
    assert ("country:USA", "country:HND") in pairs and ("country:HND", "country:USA") in pairs
    assert ("country:CHN", "country:USA") in pairs and ("country:PAN", "country:CHN") in pairs


@pytest.mark.parametrize("graph_name", ["corpus", "analysis", "messy news"])
def test_stance_toward_agrees_with_stances_on_every_country(graph_name, corpus_build, messy_news_build):
    """The named query and `stancegraph stances` apply one rule: same countries, scores and labels (the
    query cannot order events in time, so a coerced country reads cooperative, mixed or resistant there)."""
    from graph.analyze import load_events, stances

    graph = {"corpus": store.open_store(corpus_build),
             "analysis": store.open_store(DATA.parent / "analysis" / "stances.ttl"),
             "messy news": store.open_store(messy_news_build.out)}[graph_name]
    for focus in ("USA", "CHN", "MEX"):
        table = stances(load_events(graph), focus=focus).set_index("country")
        queried = {compact(r["country"]).split(":")[1]: (r["label"].value, float(r["score"].value))
                   for r in store.query("stance-toward", graph=graph, params={"focus": focus})}
        assert set(queried) == set(table.index), focus
        for country, (label, score) in queried.items():
            assert score == pytest.approx(table.loc[country, "score"], abs=1e-4), (focus, country)
            expected = table.loc[country, "label"]
            assert label == expected or (expected == "coerced" and label != "unknown"), (focus, country)


def test_threats(mini):
    result = store.query("threats", graph=mini)
    columns = ("actorCountry", "actor", "relation", "target", "context", "date", "mode")
    assert rows(result, *columns) == [
        ("country:HND", "person:xiomara-castro", "sg:threatenedExpulsion", "country:USA",
         "policy:military-bases", "2025-01-27", "sg:conditional"),
        ("country:USA", "person:donald-trump", "sg:threatenedSanctions", "country:COL",
         "policy:tariffs", "2025-02-01", "sg:asserted"),
        ("country:USA", "country:USA", "sg:threatened", "country:PAN",
         "policy:panama-canal", "2025-02-01", "sg:reported"),
    ]  # fmt: skip
    assert all(row["evidence"].value for row in result)


def test_timeline_of_one_country_is_ordered_by_date_then_sequence(mini):
    result = store.query("timeline", graph=mini, params={"country": "MEX"})
    assert rows(result, "date", "sequence", "actorCountry", "relation", "targetCountry") == [
        ("2025-01-27", "1", "country:MEX", "sg:refusesDeportees", "country:USA"),
        ("2025-01-27", "2", "country:MEX", "sg:shiftsTowardCooperation", "country:USA"),
        ("2025-02-01", "3", "country:MEX", "sg:acceptsDeportees", "country:USA"),
    ]


def test_timeline_includes_targets_undated_last_and_program_targets(mini):
    usa = store.query("timeline", graph=mini, params={"country": "USA"})
    assert rows(usa, "date", "sequence", "relation") == [
        ("2025-01-27", "1", "sg:refusesDeportees"),
        ("2025-01-27", "2", "sg:shiftsTowardCooperation"),
        ("2025-01-27", "3", "sg:threatenedExpulsion"),
        ("2025-02-01", "1", "sg:visits"),
        ("2025-02-01", "2", "sg:acceptsDeportees"),
        ("2025-02-01", "3", "sg:acceptsDeportees"),
        ("2025-02-01", "4", "sg:threatenedSanctions"),
        ("2025-02-01", "6", "sg:accuses"),
        ("2025-02-01", "7", "sg:threatened"),
        ("2025-02-01", "8", "sg:rejects"),
        ("2025-02-01", "9", "sg:shiftsTowardCooperation"),
        (None, "1", "sg:acceptsDeportees"),
    ]
    honduras = store.query("timeline", graph=mini, params={"country": "HND"})
    assert rows(honduras, "sequence", "relation", "target", "targetCountry") == [
        ("3", "sg:threatenedExpulsion", "country:USA", "country:USA"),
        ("4", "sg:launchedProgram", "policy:brother-come-home", None),
        ("9", "sg:shiftsTowardCooperation", "country:USA", "country:USA"),
        ("10", "sg:exertsInfluenceOn", "country:HND", "country:HND"),
    ]


def test_people_and_roles(mini):
    columns = ("country", "person", "name", "role", "roleStart", "roleEnd", "events")
    everyone = store.query("people-and-roles", graph=mini)
    assert rows(everyone, *columns) == [
        ("country:HND", "person:xiomara-castro", "Xiomara Castro", "President", None, "2026-01-27", "1"),
        ("country:MEX", "person:claudia-sheinbaum", "Claudia Sheinbaum", "President", None, None, "1"),
        ("country:PAN", "person:jose-raul-mulino", "Jose Raul Mulino", "President", None, None, "1"),
        ("country:USA", "person:donald-trump", "Donald Trump", "President", None, None, "1"),
        ("country:USA", "person:marco-rubio", "Marco Rubio", "Secretary of State", "2025-01-21", None, "2"),
    ]
    usa = store.query("people-and-roles", graph=mini, params={"country": "USA"})
    assert [r[1] for r in rows(usa, *columns)] == ["person:donald-trump", "person:marco-rubio"]


def test_evidence_for_one_relation_lists_every_mention(mini):
    refusals = store.query("evidence", graph=mini, params={"relation": "refusesDeportees"})
    columns = ("actorCountry", "actor", "date", "mode", "trigger", "path", "start", "end")
    assert rows(refusals, *columns) == [
        ("country:MEX", "person:claudia-sheinbaum", "2025-01-27", "sg:asserted", "would not take in",
         "corpus/01_mexico_honduras.txt", "0", "73"),
        ("country:MEX", "person:claudia-sheinbaum", "2025-02-01", "sg:reported", "refused to take",
         "corpus/02_rubio_trip.txt", "410", "457"),
    ]  # fmt: skip
    accepts = store.query("evidence", graph=mini, params={"relation": "acceptsDeportees"})
    assert rows(accepts, "actorCountry", "date", "path", "start") == [
        ("country:GTM", "2025-02-01", "corpus/02_rubio_trip.txt", "42"),
        ("country:MEX", "2025-02-01", "corpus/02_rubio_trip.txt", "109"),
        ("country:COL", None, "corpus/03_undated_colombia.txt", "0"),
    ]


def test_stance_changes(mini):
    """Every event after which a country's label toward a focus changed, undated events last."""
    result = store.query("stance-changes", graph=mini)
    columns = ("focus", "country", "date", "fromLabel", "toLabel", "event")
    assert rows(result, *columns) == [
        ("country:PAN", "country:USA", "2025-02-01", "cooperative", "mixed", "event:e00000000000000a"),
        ("country:USA", "country:COL", None, "pressured", "coerced", "event:e00000000000000d"),
        ("country:USA", "country:MEX", "2025-01-27", "resistant", "mixed", "event:e000000000000003"),
        ("country:USA", "country:MEX", "2025-02-01", "mixed", "cooperative", "event:e000000000000006"),
        ("country:USA", "country:PAN", "2025-02-01", "unknown", "pressured", "event:e00000000000000a"),
        ("country:USA", "country:PAN", "2025-02-01", "pressured", "resistant", "event:e00000000000000b"),
    ]  # fmt: skip
    usa = store.query("stance-changes", graph=mini, params={"focus": "USA"})
    assert {compact(r["focus"]) for r in usa} == {"country:USA"} and len(usa) == 5


def test_influence_and_who_it_concerns(mini):
    result = store.query("influence", graph=mini)
    columns = ("influencer", "influenced", "context", "events", "firstDate", "concernedCount", "concerned")
    assert rows(result, *columns) == [
        ("country:CHN", "country:PAN", "policy:panama-canal", "1", "2025-02-01", "1", "USA"),
        ("country:GTM", "country:HND", "policy:tariffs", "1", "2025-02-01", None, None),
    ]
    assert [compact(r["influencedLabel"]) for r in result] == ["Panama", "Honduras"]


# -------------------------------------------------------------------------------------- parameters


@pytest.mark.parametrize(
    "value",
    ['USA" } UNION { ?s ?p ?o } #', "USA> } <x", "{", "#", "usa", "US", "USA ", "<https://evil/>", ""],
)
def test_country_injection_is_a_clear_error_and_changes_nothing(mini, value):
    before = size(mini)
    with pytest.raises(store.QueryError, match="ISO 3166-1 alpha-3"):
        store.query("stance-toward", graph=mini, params={"focus": value})
    assert size(mini) == before


@pytest.mark.parametrize(
    "value", ["acceptsDeportees } UNION { ?s ?p ?o", "acceptsDeportees>", "sg:nothing", "'x'", "#"]
)
def test_relation_must_be_a_known_relation_name(mini, value):
    with pytest.raises(store.QueryError, match="not a known relation"):
        store.query("evidence", graph=mini, params={"relation": value})


def test_relation_accepts_the_sg_prefix(mini):
    result = store.query("evidence", graph=mini, params={"relation": "sg:threatened"})
    assert rows(result, "actorCountry", "targetCountry") == [("country:USA", "country:PAN")]


def test_text_parameter_is_a_value_never_query_syntax(mini):
    text = "SELECT ?c ?label WHERE { ?c rdfs:label ?label }"
    assert rows(store.query(text, graph=mini, params={"label": "Mexico"}), "c") == [("country:MEX",)]
    before = size(mini)
    hostile = 'Mexico" } UNION { ?c ?p ?label } #'
    assert len(store.query(text, graph=mini, params={"label": hostile})) == 0
    assert size(mini) == before


def test_cli_injection_through_param_exits_1_without_rows(capsys):
    code = main(["query", "timeline", "--param", 'country=MEX" } #', "--graph", str(MINI)])
    captured = capsys.readouterr()
    assert code == 1
    assert "ISO 3166-1 alpha-3" in captured.err
    assert captured.out == ""


def test_unknown_and_misspelt_parameters_are_refused(mini):
    with pytest.raises(store.QueryError, match="has no parameter 'fokus'"):
        store.query("stance-toward", graph=mini, params={"fokus": "USA"})
    with pytest.raises(store.QueryError, match="takes no parameters"):
        store.query("threats", graph=mini, params={"focus": "USA"})
    with pytest.raises(store.QueryError, match="not a variable selected"):
        store.query("SELECT ?c WHERE { ?c a sg:Country }", graph=mini, params={"focus": "USA"})


def test_ad_hoc_query_may_declare_its_parameters():
    text = "# params: day=DATE\nSELECT ?e ?day WHERE { ?e a sg:StanceEvent ; sg:date ?day }"
    result = store.query(text, graph=MINI, params={"day": "2025-01-27"})
    assert {compact(r["e"]) for r in result} == {
        "event:e000000000000002", "event:e000000000000003", "event:e000000000000004", "event:e000000000000005"
    }  # fmt: skip
    with pytest.raises(store.QueryError, match="YYYY-MM-DD"):
        store.query(text, graph=MINI, params={"day": "2025-01-27T00:00"})


# ---------------------------------------------------------------------------------- safety checks


def test_syntax_error_gives_line_and_column(mini):
    text = "SELECT ?s\nWHERE {\n  ?s sg:label ?label\n  FILTER(\n}"
    with pytest.raises(store.QuerySyntaxError) as caught:
        store.query(text, graph=mini)
    assert (caught.value.line, caught.value.column) == (4, 3)
    assert "line 4, column 3 (near 'FILTER(')" in str(caught.value)


def test_unknown_prefix_is_named_with_its_position(mini):
    with pytest.raises(store.QuerySyntaxError, match=r"line 2, column 6 .*unknown prefix foo:") as caught:
        store.query("SELECT ?s WHERE {\n  ?s foo:bar ?o }", graph=mini)
    assert (caught.value.line, caught.value.column) == (2, 6)


def test_syntax_error_in_a_query_file_names_the_file(tmp_path, capsys):
    path = tmp_path / "broken.rq"
    path.write_text("# name: broken\nSELECT ?s WHERE {\n  ?s ?p\n}\n", encoding="utf-8")
    assert main(["query", str(path), "--graph", str(MINI)]) == 1
    err = capsys.readouterr().err
    assert "'broken'" in err and "line 3, column 3" in err


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "select * where { ?s ?p ?o . optional { service <https://query.wikidata.org/sparql> { ?s ?q ?r } } }",
        "PREFIX ex: <http://example.org/>\nSELECT * WHERE { SERVICE SILENT ex:sparql { ?s ?p ?o } }",
        "SELECT * WHERE { SERVICE ?endpoint { ?s ?p ?o } }",
        "SELECT * FROM <http://example.org/data.ttl> WHERE { ?s ?p ?o }",
        "SELECT * FROM NAMED <https://example.org/g> WHERE { GRAPH ?g { ?s ?p ?o } }",
        "ASK FROM <file:///etc/passwd> { ?s ?p ?o }",
        "SELECT * WHERE { ?s ?p ?o } LATERAL SERVICE <http://127.0.0.1:9/> {}",
    ],
)
def test_network_access_is_refused(mini, text):
    with pytest.raises(store.QueryError, match="refused unless allow_network"):
        store.query(text, graph=mini)


@pytest.mark.parametrize(
    "text",
    [
        'SELECT ?e WHERE { ?e sg:evidence "SERVICE <http://example.org/sparql> { ?s ?p ?o }" }',
        "SELECT ?e WHERE { ?e sg:evidence '''FROM <http://example.org/g>''' }",
        "# SERVICE <http://example.org/sparql> is not used here\nSELECT ?e WHERE { ?e sg:evidence ?service }",
        'SELECT ?from WHERE { ?from sg:iso3 "USA" }',
    ],
)
def test_strings_comments_and_variables_do_not_count_as_network(mini, text):
    store.query(text, graph=mini)


def test_allow_network_lets_a_dataset_clause_through(mini):
    text = "SELECT * FROM <http://example.org/elsewhere> WHERE { ?s ?p ?o }"
    assert len(store.query(text, graph=mini, allow_network=True)) == 0  # Oxigraph: a local named graph


@pytest.mark.parametrize(
    "text",
    [
        "INSERT DATA { country:USA sg:acceptsDeportees country:MEX }",
        "DELETE WHERE { ?s ?p ?o }",
        "PREFIX x: <http://x/>\nDROP ALL",
        "CLEAR DEFAULT",
        "LOAD <http://example.org/data.ttl>",
        "DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
    ],
)
def test_update_is_never_run(mini, text):
    before = size(mini)
    with pytest.raises(store.QueryError, match="UPDATE"):
        store.query(text, graph=mini)
    assert size(mini) == before


def test_cli_refusals_exit_1(capsys):
    assert main(["query", "DROP ALL", "--graph", str(MINI)]) == 1
    assert main(["query", "SELECT * WHERE { SERVICE <http://x/> {} }", "--graph", str(MINI)]) == 1
    assert "--allow-network" in capsys.readouterr().err


#: Every triple with every triple with every triple, sorted: runs for hours and takes all the memory.
RUNAWAY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?i ?e"


def test_a_runaway_query_is_stopped_at_its_time_limit(corpus_build, capsys):
    argv = ["query", RUNAWAY, "--graph", str(corpus_build), "--max-memory-mb", "20000"]
    assert main([*argv, "--timeout-s", "1"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == ("stancegraph query: the query was stopped after 1 s; narrow it (more specific "
                            "patterns, LIMIT) or give more time (CLI: --timeout-s)\n")


def test_a_runaway_query_is_stopped_at_its_memory_limit(corpus_build, capsys):
    argv = ["query", RUNAWAY, "--graph", str(corpus_build), "--timeout-s", "300"]
    assert main([*argv, "--max-memory-mb", "300"]) == 1
    assert "stopped: it needed more than 300 MB of memory" in capsys.readouterr().err


def test_the_limited_query_gives_what_the_library_gives(mini):
    for fmt in ("table", "csv", "json"):
        expected = store.query("stance-toward", graph=mini, params={"focus": "USA"}).to_text(fmt)
        assert store.query_text("stance-toward", fmt, graph=mini, params={"focus": "USA"}) == expected
    with pytest.raises(store.QueryError, match="SPARQL UPDATE"):
        store.query_text("DROP ALL", graph=mini)


# ----------------------------------------------------------------------------- query forms, inputs


def test_ask_construct_and_describe(mini):
    assert store.query("ASK { country:MEX sg:acceptsDeportees country:USA }", graph=mini).boolean is True
    assert store.query("ASK { country:USA sg:acceptsDeportees country:MEX }", graph=mini).boolean is False
    built = store.query("CONSTRUCT { ?a sg:acceptsDeportees ?b } WHERE { ?a sg:acceptsDeportees ?b }", graph=mini)
    assert built.kind == "graph"
    assert sorted(compact(t.subject) for t in built) == ["country:COL", "country:GTM", "country:MEX"]
    described = store.query("DESCRIBE country:PAN", graph=mini)
    assert any(compact(t.object) == "Panama" for t in described)


def test_query_from_a_file_and_unknown_names(tmp_path, mini):
    path = tmp_path / "mine.rq"
    path.write_text('SELECT ?c WHERE { ?c sg:iso3 "MEX" }\n', encoding="utf-8")
    assert rows(store.query(path, graph=mini), "c") == [("country:MEX",)]
    assert rows(store.query(str(path), graph=mini), "c") == [("country:MEX",)]
    with pytest.raises(store.QueryError, match="unknown query name 'timelines'.*timeline"):
        store.query("timelines", graph=mini)


def test_missing_graph_exits_2(tmp_path, capsys):
    assert main(["query", "threats", "--graph", str(tmp_path / "nothing")]) == 2
    assert "run `stancegraph build`" in capsys.readouterr().err
    with pytest.raises(store.GraphNotFoundError):
        store.query("threats", graph=tmp_path)


def test_bad_param_syntax_exits_2(capsys):
    assert main(["query", "timeline", "--param", "MEX", "--graph", str(MINI)]) == 2
    assert "KEY=VALUE" in capsys.readouterr().err


def test_list_prints_names_and_parameters(capsys):
    assert main(["query", "--list"]) == 0
    out = capsys.readouterr().out
    assert "stance-toward --param focus=ISO3" in out
    assert all(name in out for name in REQUIRED)


# ---------------------------------------------------------------------------------------- outputs


def test_table_is_aligned_with_prefixed_names(capsys):
    assert main(["query", "countries-accepting-deportees", "--graph", str(MINI)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:4] == ["country", "countryLabel", "from", "fromLabel"]
    assert lines[2].startswith("country:COL  Colombia")
    assert lines[3].index("country:USA") == lines[2].index("country:USA") == lines[0].index("from")
    assert lines[-1] == "(3 rows)"


def test_csv_json_tsv_are_the_w3c_result_formats(capsys):
    argv = ["query", "people-and-roles", "--param", "country=USA", "--graph", str(MINI)]
    assert main(argv + ["--format", "csv"]) == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["person"] for r in table] == [NS["person:"] + "donald-trump", NS["person:"] + "marco-rubio"]
    assert table[1]["roleStart"] == "2025-01-21" and table[1]["roleEnd"] == ""

    assert main(argv + ["--format", "json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["head"]["vars"][:3] == ["country", "countryLabel", "person"]
    rubio = answer["results"]["bindings"][1]
    assert rubio["roleStart"] == {
        "type": "literal", "value": "2025-01-21", "datatype": "http://www.w3.org/2001/XMLSchema#date"
    }  # fmt: skip
    assert rubio["name"] == {"type": "literal", "value": "Marco Rubio"}
    assert "roleEnd" not in rubio

    assert main(argv + ["--format", "tsv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("?country\t?countryLabel\t?person")
    assert f"<{NS['person:']}marco-rubio>" in lines[2]


def test_dataframe_columns_are_typed(mini):
    df = store.query_df("stance-toward", graph=mini, params={"focus": "USA"})
    assert str(df["ownEvents"].dtype) == "Int64"
    assert str(df["score"].dtype) == "float64"
    assert str(df["firstDate"].dtype).startswith("datetime64")
    assert df["country"].tolist()[0] == NS["country:"] + "GTM"
    assert df["countryLabel"].tolist() == ["Guatemala", "Colombia", "Mexico", "Honduras", "Panama", "China"]
    assert df["firstDate"].isna().tolist() == [False, True, False, False, False, False]  # COL: an undated act
    assert df["ownEvents"].sum() == 8
    ask = store.query_df("ASK { ?s a sg:Country }", graph=mini)
    assert ask["boolean"].tolist() == [True]


def test_empty_result_keeps_its_columns(mini):
    df = store.query_df("timeline", graph=mini, params={"country": "FRA"})
    assert len(df) == 0
    assert list(df.columns)[:3] == ["country", "date", "sequence"]


# ---------------------------------------------------------------------- corpus and seed (end to end)


def _build(inputs: Path, out: Path) -> Path:
    """Run `stancegraph build` and return the output folder (skip when the build stage is absent)."""
    if importlib.util.find_spec("graph.build") is None:
        pytest.skip("graph/build.py is not there yet: `stancegraph build` cannot run")
    main(["build", str(inputs), "--out", str(out)])
    if not ((out / "store").is_dir() or (out / "graph.ttl").is_file()):
        pytest.fail(f"stancegraph build {inputs} wrote no store/ nor graph.ttl into {out}")
    return out


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory) -> Path:
    return _build(REPO / "corpus", tmp_path_factory.mktemp("corpus-build"))


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory) -> Path:
    if not SEEDS.is_dir() or not any(SEEDS.glob("*.txt")):
        pytest.skip(f"no seed articles in {SEEDS}")
    return _build(SEEDS, tmp_path_factory.mktemp("seed-build"))


def _pairs(result: store.QueryResult, a: str, b: str) -> set[tuple[str | None, str | None]]:
    return {(compact(r[a]), compact(r[b])) for r in result}


def test_corpus_named_queries(corpus_build):
    graph = store.open_store(corpus_build)
    accepting = _pairs(store.query("countries-accepting-deportees", graph=graph), "country", "from")
    assert {("country:COL", "country:USA"), ("country:MEX", "country:USA"), ("country:SLV", "country:USA"),
            ("country:GTM", "country:USA")} <= accepting  # fmt: skip
    threats = {(compact(r["actorCountry"]), compact(r["relation"]), compact(r["targetCountry"]))
               for r in store.query("threats", graph=graph)}  # fmt: skip
    assert ("country:USA", "sg:threatenedSanctions", "country:COL") in threats
    assert ("country:USA", "sg:threatenedSanctions", "country:MEX") in threats
    changes = _pairs(store.query("stance-changes", graph=graph), "country", "focus")
    assert ("country:COL", "country:USA") in changes  # turned the flights back, then took them
    people = {(compact(r["person"]), compact(r["country"])) for r in store.query("people-and-roles", graph=graph)}
    expected_people = {
        ("person:marco-rubio", "country:USA"),
        ("person:gustavo-petro", "country:COL"),
        ("person:claudia-sheinbaum", "country:MEX"),
        ("person:nayib-bukele", "country:SLV"),
    }
    assert expected_people <= people
    mexico = {compact(r["relation"]) for r in store.query("timeline", graph=graph, params={"country": "MEX"})}
    assert {"sg:acceptsDeportees", "sg:refusesMilitaryDeportationFlights"} <= mexico
    usa_stances = store.query("stance-toward", graph=graph, params={"focus": "USA"})
    assert {"country:COL", "country:MEX", "country:SLV"} <= {compact(r["country"]) for r in usa_stances}
    evidence = store.query("evidence", graph=graph, params={"relation": "acceptsDeportees"})
    assert len(evidence) >= 4
    for row in evidence:
        assert (REPO / row["path"].value).is_file()
        assert row["evidence"].value.strip() and int(row["start"].value) < int(row["end"].value)


@pytest.mark.xfail(reason="extraction gap: stated in corpus/05 and corpus/06 but not extracted yet", strict=True)
def test_corpus_facts_the_extractor_still_misses(corpus_build):
    graph = store.open_store(corpus_build)
    threats = {(compact(r["actorCountry"]), compact(r["relation"]), compact(r["targetCountry"]))
               for r in store.query("threats", graph=graph)}  # fmt: skip
    assert ("country:HND", "sg:threatenedExpulsion", "country:USA") in threats
    assert ("country:HND", "country:USA") in _pairs(store.query("stance-changes", graph=graph), "country", "focus")
    influence = _pairs(store.query("influence", graph=graph), "influencer", "influenced")
    assert ("country:CHN", "country:PAN") in influence


def test_seed_named_queries(seed_build):
    graph = store.open_store(seed_build)
    accepting = _pairs(store.query("countries-accepting-deportees", graph=graph), "country", "from")
    assert {("country:GTM", "country:USA"), ("country:MEX", "country:USA")} <= accepting
    threats = {(compact(r["actorCountry"]), compact(r["relation"]), compact(r["targetCountry"]))
               for r in store.query("threats", graph=graph)}  # fmt: skip
    assert {("country:HND", "sg:threatenedExpulsion", "country:USA"),
            ("country:USA", "sg:threatenedSanctions", "country:COL")} <= threats  # fmt: skip
    changes = _pairs(store.query("stance-changes", graph=graph), "country", "focus")
    assert ("country:MEX", "country:USA") in changes  # took deportees, then refused the military flights
    # Honduras threatened, then softened: its trend improves, but its score stays below -0.2, so its label
    # (resistant) does not change and it has no change point
    assert ("country:HND", "country:USA") not in changes
    table = analyze.stances(analyze.load_events(graph), focus="USA").set_index("country")
    assert (table.at["HND", "label"], table.at["HND", "trend"]) == ("resistant", "improving")
    influence = _pairs(store.query("influence", graph=graph), "influencer", "influenced")
    assert ("country:CHN", "country:PAN") in influence
    people = store.query("people-and-roles", graph=graph)
    assert ("person:marco-rubio", "country:USA", "Secretary of State") in {
        (compact(r["person"]), compact(r["country"]), compact(r["role"])) for r in people
    }
    mexico = {compact(r["relation"]) for r in store.query("timeline", graph=graph, params={"country": "MEX"})}
    assert {"sg:refusesDeportees", "sg:acceptsDeportees", "sg:shiftsTowardCooperation"} <= mexico


def test_every_named_query_fits_in_a_get_request():
    """A client sending the query in the URL (SPARQLWrapper's default GET) meets Oxigraph's 8 kB limit on
    request headers; leave room for the endpoint's address and the other headers."""
    from urllib.parse import urlencode

    for named in store.named_queries().values():
        assert len(urlencode({"query": named.text})) < 7000, named.name
