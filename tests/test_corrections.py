"""Corrections as data (graph/corrections/): every kind of row applied to the bundled corpus, the raw and
the curated graph told apart, problems reported by file and line, rebuilds that repeat, SHACL on the result.

Each test copies the corpus into its own folder (the bundled `corpus/corrections.csv` is replaced by the
test's file) and builds it there.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

import graph
from graph.build import build, run_extraction
from graph.cli import main
from graph.corrections import COLUMNS, HEADER_COMMENT, Correction, append_row, apply, check, load
from graph.ontology import EVENT, PROV, SG
from graph.rdf import event_keys
from graph.store import invalidated_events, raw_view

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"

GRENELL = "12_venezuela_grenell_maduro.txt"
MEXICO = "04_mexico_deportees_tariff_pause.txt"
#: A concession of Mexico the extractor misses (corpus/04): troops sent to the border against fentanyl.
MEXICO_SPAN = "Sheinbaum said Mexico would immediately send 10,000 members of the National Guard to the northern border"
REJECT_GRENELL = {"action": "reject", "source": GRENELL, "actor": "Richard Grenell", "relation": "acceptsDeportees",
                  "target": "VEN", "curator": "Ana Analyst", "date": "2025-03-01",
                  "note": "the flights bring Venezuelans home"}


def _corpus(tmp_path: Path, rows: list[dict[str, str]] | None = None, *, raw_text: str | None = None) -> Path:
    """A copy of the bundled corpus whose corrections.csv holds `rows` (or `raw_text`; none when both are None)."""
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    (folder / "corrections.csv").unlink(missing_ok=True)
    if raw_text is not None:
        (folder / "corrections.csv").write_text(raw_text, encoding="utf-8")
    for row in rows or ():
        append_row(folder / "corrections.csv", row)
    return folder


def _row(**cells: str) -> dict[str, str]:
    return {"curator": "Ana Analyst", "date": "2025-03-01"} | cells


def _events(store: ox.Store):
    return graph.load_events(store)


def _status(store: ox.Store) -> dict[str, str]:
    rows = store.query(f"SELECT ?e ?s WHERE {{ ?e <{SG}reviewStatus> ?s }}")
    return {row["e"].value: row["s"].value.removeprefix(SG) for row in rows}


def _has(frame, actor: str, relation: str, target_country: str) -> bool:
    return bool(((frame["actor_label"] == actor) & (frame["relation"] == relation)
                 & (frame["target_country"] == target_country)).any())


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The corpus copy and its extraction results, for tests of `apply` alone."""
    folder = _corpus(tmp_path_factory.mktemp("extracted"))
    return folder, run_extraction([folder])


# ------------------------------------------------------------------------------------------- each kind
def test_reject_by_source_actor_relation_target_keeps_the_event_as_rejected(tmp_path):
    folder = _corpus(tmp_path, [REJECT_GRENELL])
    result = build([folder], out=tmp_path / "build", views=False)
    assert result.ok and not result.curation.problems
    store = graph.open_store(tmp_path / "build")
    assert not _has(_events(store), "Richard Grenell", "acceptsDeportees", "VEN")  # curated graph
    assert _has(_events(raw_view(store)), "Richard Grenell", "acceptsDeportees", "VEN")  # raw extraction
    rejected = [e for e, s in _status(store).items() if s == "Rejected"]
    assert len(rejected) == 1
    ask = f"""ASK {{ <{rejected[0]}> <{SG}actor> <https://w3id.org/stancegraph/id/person/richard-grenell> ;
                   <{SG}relation> <{SG}acceptsDeportees> ; <{PROV}wasInvalidatedBy> ?c .
                   ?c <{SG}action> "reject" ; <{PROV}wasAssociatedWith> ?who .
                   ?who <http://www.w3.org/2000/01/rdf-schema#label> "Ana Analyst" }}"""
    assert store.query(ask)
    # the shortcut triple of a rejected event is gone; its evidence is still queryable
    assert not store.query(f"ASK {{ ?p <{SG}acceptsDeportees> <https://w3id.org/stancegraph/id/country/VEN> }}")
    # every other event is attributed to the extractor and has no correction
    statuses = _status(store)
    assert sorted(set(statuses.values())) == ["Extracted", "Rejected"]
    assert len(statuses) == len(_events(store)) + 1


def test_reject_by_iri(tmp_path, extracted):
    folder, results = extracted
    keys = event_keys(results)
    key = next(k for k, mentions in keys.items() if mentions[0].actor == "Cuba")
    rows = [Correction("c.csv", 2, "reject", event=f"event:{key}", curator="Ana", date="2025-03-01")]
    curation = apply(rows, results, base=folder, event_iris=keys)
    assert not curation.problems
    assert [e.actor for e in curation.rejected] == ["Cuba"]
    assert all(e.actor != "Cuba" for e in curation.events)
    build([_corpus(tmp_path, [_row(action="reject", event=EVENT + key)])], out=tmp_path / "b", views=False)
    assert _status(graph.open_store(tmp_path / "b"))[EVENT + key] == "Rejected"


@pytest.mark.parametrize(
    ("action", "value", "field", "expected"),
    [
        ("relation", "agreesToCooperate", "relation", "agreesToCooperate"),
        ("actor", "CHN", "actor_country", "CHN"),
        ("target", "Colombia", "target_country", "COL"),
        ("mode", "planned", "mode", "planned"),
        ("event_date", "2025-01-30", "event_date", "2025-01-30"),
    ],
)
def test_change_a_field_replaces_the_event_by_a_curated_revision(tmp_path, action, value, field, expected):
    change = _row(action=action, source=MEXICO, actor="MEX", relation="rejects", target="USA", value=value)
    folder = _corpus(tmp_path, [change])
    result = build([folder], out=tmp_path / "build", views=False)
    assert result.ok and not result.curation.problems, result.curation.problems
    store = graph.open_store(tmp_path / "build")
    events = _events(store)
    curated = events[events["event"].isin([e for e, s in _status(store).items() if s == "Curated"])]
    assert len(curated) == 1
    assert curated.iloc[0][field] == expected
    revision = list(store.query(f"SELECT ?old ?s WHERE {{ <{curated.iloc[0]['event']}> <{PROV}wasRevisionOf> ?old . "
                                f"?old <{SG}reviewStatus> ?s }}"))
    assert [row["s"].value for row in revision] == [SG + "Superseded"]
    old = revision[0]["old"].value
    assert old not in set(events["event"]) and old in invalidated_events(store)
    raw = _events(raw_view(store))
    assert old in set(raw["event"]) and curated.iloc[0]["event"] not in set(raw["event"])
    # the events.csv of the build lists the curated events
    assert (tmp_path / "build" / "events.csv").read_text(encoding="utf-8").count(",MEX,rejects,") == \
        (0 if action == "relation" or action == "actor" else 1)


def test_add_a_missed_event_with_its_span(tmp_path):
    add = _row(action="add", source=MEXICO, actor="MEX", relation="agreesToCooperate", target="USA",
               evidence=MEXICO_SPAN, note="the concession that paused the tariffs")
    folder = _corpus(tmp_path, [add])
    result = build([folder], out=tmp_path / "build", views=False)
    assert result.ok and not result.curation.problems
    store = graph.open_store(tmp_path / "build")
    events = _events(store)
    added = events[(events["actor_country"] == "MEX") & (events["relation"] == "agreesToCooperate")]
    assert len(added) == 1 and added.iloc[0]["evidence"] == MEXICO_SPAN
    assert added.iloc[0]["confidence"] == 1.0
    text = (folder / MEXICO).read_text(encoding="utf-8")
    offsets = store.query(f"SELECT ?s ?e WHERE {{ <{added.iloc[0]['event']}> <{SG}hasMention> ?m . "
                          f"?m <{SG}start> ?s ; <{SG}end> ?e }}")
    (row,) = list(offsets)
    assert text[int(row["s"].value):int(row["e"].value)] == MEXICO_SPAN
    when = '"2025-03-01T00:00:00"^^<http://www.w3.org/2001/XMLSchema#dateTime>'
    node = added.iloc[0]["event"]
    assert store.query(f"ASK {{ <{node}> <{PROV}wasAttributedTo> ?c ; <{PROV}generatedAtTime> {when} }}")
    assert not _has(_events(raw_view(store)), "Mexico", "agreesToCooperate", "USA")
    mexico = graph.stances(events, focus="USA").set_index("country").loc["MEX"]
    before = graph.stances(_events(raw_view(store)), focus="USA").set_index("country").loc["MEX"]
    assert mexico["score"] > before["score"]


def test_an_added_span_that_is_not_in_the_article_is_a_bad_row(tmp_path, capsys):
    add = _row(action="add", source=MEXICO, actor="MEX", relation="agreesToCooperate", target="USA",
               evidence="Mexico promised to build the wall itself.")
    folder = _corpus(tmp_path, [add, REJECT_GRENELL])
    code = main(["build", str(folder), "--out", str(tmp_path / "build"), "--no-views"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"error: {folder / 'corrections.csv'}:11: add: the evidence is not in {folder / MEXICO}" in err
    store = graph.open_store(tmp_path / "build")  # the build went on with the other row
    assert "Rejected" in _status(store).values()


def test_alias_merges_an_actor_into_another(tmp_path, extracted):
    folder, results = extracted
    rows = [Correction("c.csv", 2, "alias", actor="Hong Kong", value="CHN", curator="Ana", date="2025-03-01")]
    curation = apply(rows, results, base=folder)
    assert not curation.problems
    assert not [e for e in curation.events if e.actor == "Hong Kong"]
    moved = [e for e, (original, _) in curation.origin.items() if original and original.actor == "Hong Kong"]
    assert moved and all((e.actor, e.actor_type, e.actor_country) == ("China", "country", "CHN") for e in moved)


def test_a_persons_country_and_role(tmp_path):
    rows = [_row(action="country", actor="Lin Jian", value="HKG"), _row(action="role", actor="Lin Jian",
                                                                       value="Spokesperson")]
    folder = _corpus(tmp_path, rows)
    result = build([folder], out=tmp_path / "build", views=False)
    assert result.ok and not result.curation.problems
    store = graph.open_store(tmp_path / "build")
    person = "https://w3id.org/stancegraph/id/person/lin-jian"
    assert store.query(f"ASK {{ <{person}> <{SG}country> <https://w3id.org/stancegraph/id/country/HKG> ; "
                       f"<{SG}role> \"Spokesperson\" }}")
    events = _events(store)
    assert set(events[events["actor_label"] == "Lin Jian"]["actor_country"]) == {"HKG"}
    raw = _events(raw_view(store))
    assert set(raw[raw["actor_label"] == "Lin Jian"]["actor_country"]) == {"CHN"}


def test_a_persons_country_and_role_for_a_period(tmp_path):
    """A country row with start and end moves only the person's events dated within the period (the event
    date, else the report's); a role row with a period gives the person's tenure in the graph."""
    rows = [_row(action="country", actor="Marco Rubio", value="CAN", start="2025-02-05"),
            _row(action="country", actor="Marco Rubio", value="MEX", start="2024-01-01", end="2024-12-31"),
            _row(action="role", actor="Marco Rubio", value="Senator", end="2025-01-20"),
            _row(action="role", actor="Marco Rubio", value="Secretary of State", start="2025-01-21")]
    folder = _corpus(tmp_path, rows)
    result = build([folder], out=tmp_path / "build", views=False)
    assert result.ok
    assert [(p.kind, p.line, p.message.split(";")[0]) for p in result.curation.problems] == [
        ("unmatched", 12, "country: no event of Marco Rubio dated within 2024-01-01..2024-12-31 takes MEX from "
                          "this row")]  # the two countries' periods do not overlap: no contradiction
    store = graph.open_store(tmp_path / "build")
    events = _events(store)
    rubio = events[events["actor_label"] == "Marco Rubio"]
    day = rubio["event_date"].fillna(rubio["date"])
    assert set(rubio[day >= "2025-02-05"]["actor_country"]) == {"CAN"} and (day >= "2025-02-05").sum() >= 2
    assert set(rubio[day < "2025-02-05"]["actor_country"]) == {"USA"} and (day < "2025-02-05").sum() >= 5
    person = "https://w3id.org/stancegraph/id/person/marco-rubio"
    answer = list(store.query(f"SELECT ?role ?start ?end WHERE {{ <{person}> <{SG}role> ?role . "
                              f"OPTIONAL {{ <{person}> <{SG}roleStart> ?start }} "
                              f"OPTIONAL {{ <{person}> <{SG}roleEnd> ?end }} }}"))
    assert [(r["role"].value, r["start"].value, r["end"]) for r in answer] == [
        ("Secretary of State", "2025-01-21", None)]
    raw = _events(raw_view(store))
    assert set(raw[raw["actor_label"] == "Marco Rubio"]["actor_country"]) == {"USA"}


def test_periods_that_overlap_contradict_each_other_and_bad_periods_are_refused(tmp_path):
    rows = [_row(action="country", actor="Marco Rubio", value="CAN", start="2025-02-01", end="2025-02-10"),
            _row(action="country", actor="Marco Rubio", value="MEX", start="2025-02-06"),
            _row(action="role", actor="Marco Rubio", value="Senator for Florida", start="2011-01-03", end="2025-01-20")]
    folder = _corpus(tmp_path, rows)
    curation = build([folder], out=tmp_path / "build", views=False).curation
    assert [(p.kind, p.line) for p in curation.problems] == [("contradiction", 12)]
    assert "country of Marco Rubio is CAN (2025-02-01..2025-02-10) on line 11" in curation.problems[0].message
    store = graph.open_store(tmp_path / "build")
    person = "https://w3id.org/stancegraph/id/person/marco-rubio"
    tenure = list(store.query(f"SELECT ?start ?end WHERE {{ <{person}> <{SG}roleStart> ?start ; <{SG}roleEnd> ?end }}"))
    assert [(r["start"].value, r["end"].value) for r in tenure] == [("2011-01-03", "2025-01-20")]
    assert check(Correction("f", 2, **_row(action="reject", event="event:" + "0" * 16, start="2025-01-01"))) == \
        "reject: start and end are for country and role rows (the period they held)"
    backwards = Correction("f", 2, **_row(action="country", actor="X", value="CAN", start="2025-02-01",
                                          end="2025-01-01"))
    assert check(backwards) == "the period ends (2025-01-01) before it starts (2025-02-01)"
    assert check(Correction("f", 2, **_row(action="role", actor="X", value="y", end="2025-13-01"))).startswith(
        "end '2025-13-01': give the day as YYYY-MM-DD")


def test_rows_are_appended_in_the_columns_of_the_files_header(tmp_path):
    """A file written before the start and end columns existed keeps its header; its rows stay readable."""
    path = tmp_path / "corrections.csv"
    old = [c for c in COLUMNS if c not in ("start", "end")]
    path.write_text(",".join(old) + "\n", encoding="utf-8")
    append_row(path, REJECT_GRENELL)
    rows, problems = load(path)
    assert not problems and rows[0].note == REJECT_GRENELL["note"]
    with pytest.raises(ValueError, match="has no column start"):
        append_row(path, _row(action="role", actor="Marco Rubio", value="Senator", start="2019-01-01"))
    assert load(path)[0] == rows
    # a row without a period keeps the identity (and so the graph IRI) it had before the new columns
    cells = [REJECT_GRENELL.get(c, "") for c in old]
    assert rows[0].key == hashlib.sha256("\x1f".join(cells).encode("utf-8")).hexdigest()[:16]


# ------------------------------------------------------------------------------------------- problems
def test_a_row_that_matches_nothing_is_reported_by_line(tmp_path, capsys):
    gone = _row(action="reject", source="99_removed_article.txt", actor="MEX", relation="rejects", target="USA")
    folder = _corpus(tmp_path, [REJECT_GRENELL, gone])
    code = main(["build", str(folder), "--out", str(tmp_path / "build"), "--no-views"])
    captured = capsys.readouterr()
    assert code == 0
    assert f"warning: {folder / 'corrections.csv'}:12: reject: 99_removed_article.txt: MEX rejects USA matches no " \
           "event" in captured.err
    assert "1 row applied (1 reject), 1 unmatched, 0 contradictory, 0 bad" in captured.out


def test_contradictory_rows_are_reported(tmp_path, extracted):
    folder, results = extracted
    accept = Correction("c.csv", 2, "accept", source=GRENELL, actor="Richard Grenell", relation="acceptsDeportees",
                        target="VEN", curator="Ben", date="2025-03-01")
    reject = Correction("c.csv", 3, "reject", source=GRENELL, actor="Richard Grenell", relation="acceptsDeportees",
                        target="VEN", curator="Ana", date="2025-03-02")
    one = Correction("c.csv", 4, "relation", source=MEXICO, actor="MEX", relation="rejects", target="USA",
                     value="accuses", curator="Ana", date="2025-03-02")
    other = Correction("c.csv", 5, "relation", source=MEXICO, actor="MEX", relation="rejects", target="USA",
                       value="demands", curator="Ben", date="2025-03-02")
    curation = apply([accept, reject, one, other], results, base=folder)
    found = [(p.kind, p.line) for p in curation.problems]
    assert found == [("contradiction", 3), ("contradiction", 5)]
    assert "contradicts line 2 (accept)" in curation.problems[0].message
    assert [e.actor for e in curation.rejected] == ["Richard Grenell"]  # the later row wins
    assert [e.relation for e, (o, _) in curation.origin.items() if o is not None and o.actor == "Mexico"] == ["demands"]


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        ({"action": "delete"}, "unknown action 'delete'"),
        ({"curator": ""}, "no curator"),
        ({"date": "March 1"}, "date 'March 1': give the day of the correction as YYYY-MM-DD"),
        ({"relation": "likes"}, "unknown relation 'likes'"),
        ({"action": "mode", "value": "maybe"}, "mode 'maybe': give one of asserted, planned, conditional, reported"),
        ({"action": "relation", "value": ""}, "relation: give the new relation in `value`"),
        ({"source": ""}, "give the event's IRI, or its source, actor, relation and target (source empty)"),
        ({"event": "event:xyz"}, "event 'event:xyz': give an event IRI"),
    ],
)
def test_bad_rows_say_what_is_wrong(cells, message):
    row = Correction("c.csv", 2, **({k: v for k, v in REJECT_GRENELL.items()} | cells))
    assert message in check(row)


def test_bad_rows_are_reported_with_file_and_line_and_the_others_apply(tmp_path, capsys):
    text = ",".join(COLUMNS) + "\n" + HEADER_COMMENT + \
        "reject,,12_venezuela_grenell_maduro.txt,Richard Grenell,acceptsDeportees,VEN,,,Ana,2025-03-01,\n" + \
        "remove,,13_venezuela_return_flights_soto_cano.txt,CUB,threatened,VEN,,,Ana,2025-03-01,\n" + \
        "reject,,13_venezuela_return_flights_soto_cano.txt,CUB,threatened,VEN,,,,2025-03-01,\n"
    folder = _corpus(tmp_path, raw_text=text)
    rows, problems = load(folder / "corrections.csv")
    assert [r.line for r in rows] == [11]
    assert [str(p) for p in problems] == [
        f"error: {folder / 'corrections.csv'}:12: unknown action 'remove'; give one of reject, accept, relation, "
        "actor, target, mode, event_date, add, alias, country, role",
        f"error: {folder / 'corrections.csv'}:13: no curator: say who made the correction",
    ]
    code = main(["build", str(folder), "--out", str(tmp_path / "build"), "--no-views"])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.err.count("error: ") == 2 and "corrections.csv:12:" in captured.err
    assert "1 row applied (1 reject), 0 unmatched, 0 contradictory, 2 bad" in captured.out
    assert "Rejected" in _status(graph.open_store(tmp_path / "build")).values()


def test_a_file_without_header_or_with_unknown_columns_is_one_problem(tmp_path):
    path = tmp_path / "corrections.csv"
    path.write_text("what,ever\nreject,x\n", encoding="utf-8")
    rows, problems = load(path)
    assert rows == [] and len(problems) == 1 and problems[0].line == 1
    assert "header: missing action, source, actor, relation, target, curator, date" in problems[0].message


def test_corrections_option_names_the_file_and_a_missing_file_is_a_usage_error(tmp_path, capsys):
    folder = _corpus(tmp_path)
    elsewhere = tmp_path / "mine.csv"
    append_row(elsewhere, REJECT_GRENELL | {"source": str(folder / GRENELL)})
    assert main(["build", str(folder), "--out", str(tmp_path / "build"), "--no-views",
                 "--corrections", str(elsewhere)]) == 0
    assert "Rejected" in _status(graph.open_store(tmp_path / "build")).values()
    with pytest.raises(SystemExit) as exit_:
        main(["build", str(folder), "--corrections", str(tmp_path / "none.csv")])
    assert exit_.value.code == 2 and "none.csv: no such file" in capsys.readouterr().err


# ------------------------------------------------------------------------------------------- the graph
ALL_KINDS = [
    REJECT_GRENELL,
    _row(action="relation", source=MEXICO, actor="MEX", relation="rejects", target="USA", value="accuses"),
    _row(action="add", source=MEXICO, actor="MEX", relation="agreesToCooperate", target="USA", evidence=MEXICO_SPAN),
    _row(action="accept", source="08_el_salvador_bukele_offer.txt", actor="Nayib Bukele",
         relation="acceptsDeportees", target="USA"),
    _row(action="alias", actor="Hong Kong", value="CHN"),
    _row(action="country", actor="Lin Jian", value="CHN"),
    _row(action="role", actor="Lin Jian", value="Foreign Ministry spokesperson"),
]


def test_rebuilding_gives_the_same_graph(tmp_path):
    folder = _corpus(tmp_path, ALL_KINDS)
    build([folder], out=tmp_path / "one", views=False)
    build([folder], out=tmp_path / "two", views=False)
    first = (tmp_path / "one" / "graph.nt").read_bytes()
    assert first == (tmp_path / "two" / "graph.nt").read_bytes()
    statuses = set(_status(graph.open_store(tmp_path / "one")).values())
    assert statuses == {"Extracted", "Accepted", "Rejected", "Superseded", "Curated"}


def test_a_build_with_every_kind_of_correction_conforms_to_the_shapes(tmp_path, capsys):
    folder = _corpus(tmp_path, ALL_KINDS)
    build([folder], out=tmp_path / "build", views=False)
    assert main(["validate", str(tmp_path / "build")]) == 0
    assert "conforms" in capsys.readouterr().out


def test_the_shapes_catch_a_rejected_event_without_its_correction(tmp_path):
    folder = _corpus(tmp_path, [REJECT_GRENELL])
    build([folder], out=tmp_path / "build", views=False)
    text = (tmp_path / "build" / "graph.nt").read_text(encoding="utf-8")
    broken = "\n".join(line for line in text.splitlines() if "invalidatedAtTime" not in line) + "\n"
    (tmp_path / "broken.nt").write_text(broken, encoding="utf-8")
    result = graph.validate_graph(tmp_path / "broken.nt")
    assert not result.conforms
    assert {v.shape for v in result.violations} == {"sgsh:InvalidatedEventShape"}


def test_named_queries_read_the_curated_graph_and_raw_reads_the_extraction(tmp_path):
    folder = _corpus(tmp_path, [REJECT_GRENELL])
    build([folder], out=tmp_path / "build", views=False)
    out = tmp_path / "build"
    for name in graph.named_queries():
        params = {"relation": "acceptsDeportees"} if name == "evidence" else {}
        curated = graph.query(name, graph=out, params=params)
        raw = graph.query(name, graph=out, params=params, raw=True)
        invalid = invalidated_events(graph.open_store(out))
        cells = {term.value for row in curated.rows for term in row if isinstance(term, ox.NamedNode)}
        assert not cells & invalid, name
        if name in ("countries-accepting-deportees", "evidence", "timeline"):
            raw_cells = {term.value for row in raw.rows for term in row if isinstance(term, ox.NamedNode)}
            assert raw_cells & invalid, name
            assert len(raw) == len(curated) + (2 if name == "timeline" else 1), name


def test_raw_option_of_stances_and_query(tmp_path):
    folder = _corpus(tmp_path, [REJECT_GRENELL])
    build([folder], out=tmp_path / "build", views=False)
    command = [sys.executable, "-m", "graph"]
    args = ["--graph", str(tmp_path / "build"), "--focus", "USA", "--brief"]
    curated = subprocess.run([*command, "stances", *args], capture_output=True, text=True, check=True).stdout
    raw = subprocess.run([*command, "stances", *args, "--raw"], capture_output=True, text=True, check=True).stdout
    venezuela = [line.split() for text in (curated, raw) for line in text.splitlines() if " VEN " in line]
    curated_count, raw_count = int(venezuela[0][-1]), int(venezuela[1][-1])
    assert curated_count >= 1 and raw_count == curated_count + 1  # events: the rejected one counts in raw only
    query = [*command, "query", "countries-accepting-deportees", "--graph", str(tmp_path / "build"), "-f", "csv"]
    rows = subprocess.run(query, capture_output=True, text=True, check=True).stdout.splitlines()
    raw_rows = subprocess.run([*query, "--raw"], capture_output=True, text=True, check=True).stdout.splitlines()
    assert len(raw_rows) == len(rows) + 1


# ------------------------------------------------------------------------------------------- the file
def test_append_row_creates_the_file_with_its_header_and_keeps_earlier_rows(tmp_path):
    path = tmp_path / "corrections.csv"
    append_row(path, REJECT_GRENELL)
    append_row(path, _row(action="alias", actor="the Kremlin", value="RUS"))
    text = path.read_text(encoding="utf-8")
    assert text.startswith(",".join(COLUMNS) + "\n# Corrections")
    rows, problems = load(path)
    assert not problems and [r.action for r in rows] == ["reject", "alias"]
    assert [r.line for r in rows] == [11, 12]


def test_the_bundled_corpus_rejects_the_grenell_misreading(tmp_path):
    """corpus/corrections.csv as committed: it applies cleanly and takes the misreading out of the stances."""
    rows, problems = load(CORPUS / "corrections.csv")
    assert not problems and rows
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    result = build([folder], out=tmp_path / "build", views=False)
    assert result.ok and not result.curation.problems
    events = _events(graph.open_store(tmp_path / "build"))
    assert not _has(events, "Richard Grenell", "acceptsDeportees", "VEN")
