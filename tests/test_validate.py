"""SHACL validation (graph/validate.py, ontology/shapes.ttl, `stancegraph validate`).

Each fixture in tests/data/validate/ is a small hand-written graph; the failing ones differ from
minimal.ttl in one place, and the expected violation is written here by hand.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from graph.cli import main
from graph.ontology import SG, shapes_file
from graph.validate import GraphFileError, read_graph, validate

DATA = Path(__file__).parent / "data" / "validate"
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
SGNS = rdflib.Namespace(SG)


@pytest.mark.parametrize("name", ["valid.ttl", "minimal.ttl"])
def test_hand_written_graph_conforms(name):
    result = validate(DATA / name)
    assert result.conforms
    assert result.violations == []
    assert result.report().startswith(f"{DATA / name}: conforms")


@pytest.mark.parametrize(
    ("name", "shape", "focus", "path", "component"),
    [
        ("missing_actor.ttl", "sgsh:StanceEvent-actor", "event:c0ffee0000000001", "sg:actor", "MinCount"),
        ("bad_confidence.ttl", "sgsh:StanceEvent-confidence", "event:c0ffee0000000001", "sg:confidence",
         "MaxInclusive"),
        ("start_after_end.ttl", "sgsh:Mention-start", "mention:c0ffee0000000002", "sg:start", "LessThan"),
        ("unknown_status.ttl", "sgsh:SourceDocument-status", "source:c0ffee0000000003", "sg:status", "In"),
        ("skipped_without_note.ttl", "sgsh:SkippedSourceDocumentShape", "source:c0ffee0000000003", "", "Or"),
    ],
)  # fmt: skip
def test_each_defect_gives_exactly_its_violation(name, shape, focus, path, component):
    result = validate(DATA / name)
    assert not result.conforms
    assert [(v.shape, v.focus, v.path, v.component) for v in result.violations] == [
        (shape, focus, path, component)
    ]
    assert result.violations[0].severity == "Violation"
    assert result.violations[0].message


def test_violation_values_are_shown_with_their_datatype():
    (violation,) = validate(DATA / "bad_confidence.ttl").violations
    assert violation.value == '"1.7"^^xsd:decimal'
    (violation,) = validate(DATA / "unknown_status.ttl").violations
    assert violation.value == '"pending"'


def test_polarity_that_contradicts_the_relation_is_reported():
    result = validate(DATA / "wrong_polarity.ttl")
    assert not result.conforms
    # sh:equals reports each value found on one side only: the event's 1 and the relation's -1.
    assert {v.shape for v in result.violations} == {"sgsh:StanceEvent-relationPolarity"}
    assert {v.value for v in result.violations} == {'"1"^^xsd:integer', '"-1"^^xsd:integer'}


def test_relation_checks_need_the_ontology():
    result = validate(DATA / "minimal.ttl", ontology=False)
    assert "sgsh:StanceEvent-relation" in {v.shape for v in result.violations}


def test_report_groups_violations_by_shape_with_a_summary(tmp_path):
    graph = read_graph(DATA / "minimal.ttl")
    event = rdflib.URIRef("https://w3id.org/stancegraph/id/event/c0ffee0000000001")
    source = rdflib.URIRef("https://w3id.org/stancegraph/id/source/c0ffee0000000003")
    graph.set((event, SGNS.confidence, rdflib.Literal("1.5", datatype=rdflib.XSD.decimal)))
    graph.set((event, SGNS.weight, rdflib.Literal("-12.0", datatype=rdflib.XSD.decimal)))
    graph.set((source, SGNS.status, rdflib.Literal("pend\ning en Bogotá")))
    report = validate(graph).report().splitlines()
    assert report[0] == "graph: 3 violations of 3 shapes (32 triples checked)"
    assert "sgsh:StanceEvent-confidence (1)" in report
    assert "sgsh:StanceEvent-weight (1)" in report
    assert "sgsh:SourceDocument-status (1)" in report
    violation_lines = [line for line in report if line.startswith("  ")]
    assert len(violation_lines) == 3
    # A newline inside a value is escaped, so every violation stays on one line; accents stay readable.
    assert any('"pend\\ning en Bogotá"' in line for line in violation_lines)
    assert report[-1] == (
        "3 violations: sgsh:SourceDocument-status 1, sgsh:StanceEvent-confidence 1, sgsh:StanceEvent-weight 1"
    )


def test_an_rdflib_graph_is_left_unchanged():
    graph = read_graph(DATA / "minimal.ttl")
    before = set(graph)
    assert validate(graph).conforms
    assert set(graph) == before


def test_a_build_folder_is_validated_through_its_graph_ttl(tmp_path):
    shutil.copy(DATA / "valid.ttl", tmp_path / "graph.ttl")
    result = validate(tmp_path)
    assert result.conforms
    assert result.source == str(tmp_path / "graph.ttl")


def test_a_folder_without_graph_ttl_is_a_clear_error(tmp_path):
    with pytest.raises(GraphFileError, match="no graph.ttl in this folder"):
        validate(tmp_path)


@pytest.mark.parametrize(
    ("suffix", "rdf_format"), [(".nt", ox.RdfFormat.N_TRIPLES), (".jsonld", ox.RdfFormat.JSON_LD)]
)
def test_other_rdf_formats_are_read(tmp_path, suffix, rdf_format):
    quads = list(ox.parse(path=str(DATA / "bad_confidence.ttl"), format=ox.RdfFormat.TURTLE))
    converted = tmp_path / f"graph{suffix}"
    ox.serialize([q.triple for q in quads], output=str(converted), format=rdf_format)
    result = validate(converted)
    assert [(v.shape, v.value) for v in result.violations] == [
        ("sgsh:StanceEvent-confidence", '"1.7"^^xsd:decimal')
    ]


def test_corrupt_turtle_names_the_file_and_the_line():
    # corrupt.ttl line 6 lacks the closing quote after "United States.
    with pytest.raises(GraphFileError) as caught:
        validate(DATA / "corrupt.ttl")
    error = caught.value
    assert error.path == DATA / "corrupt.ttl"
    assert error.line == 6
    assert error.column is not None
    assert str(error).startswith(f"{DATA / 'corrupt.ttl'}: line 6, column ")


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(GraphFileError, match="file not found"):
        validate(tmp_path / "nothing.ttl")


def test_unknown_suffix_is_a_clear_error(tmp_path):
    odd = tmp_path / "graph.csv"
    odd.write_text("a,b\n", encoding="utf-8")
    with pytest.raises(GraphFileError, match="unknown RDF file type '.csv'"):
        validate(odd)


def test_every_property_shape_has_a_target_and_a_message():
    shapes = rdflib.Graph().parse(shapes_file())
    property_shapes = list(shapes.subjects(rdflib.RDF.type, SH.PropertyShape))
    assert len(property_shapes) > 30
    for shape in property_shapes:
        # A target on each property shape lets pySHACL check all focus nodes in one pass.
        assert shapes.value(shape, SH.targetClass) is not None, shape
        assert shapes.value(shape, SH.message) is not None, shape


@pytest.mark.parametrize(("name", "code"), [("valid.ttl", 0), ("bad_confidence.ttl", 1), ("corrupt.ttl", 2)])
def test_cli_exit_codes(capsys, name, code):
    assert main(["validate", str(DATA / name)]) == code
    out, err = capsys.readouterr()
    if code == 2:
        assert out == ""
        assert f"{DATA / name}: line 6" in err
    else:
        assert out.startswith(str(DATA / name))


def test_cli_missing_file_exits_2(capsys, tmp_path):
    assert main(["validate", str(tmp_path / "absent.ttl")]) == 2
    assert "absent.ttl: file not found" in capsys.readouterr().err


def test_cli_runs_as_a_process_and_has_help():
    run = subprocess.run(
        [sys.executable, "-m", "graph", "validate", str(DATA / "missing_actor.ttl")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1
    assert "sgsh:StanceEvent-actor (1)" in run.stdout
    helped = subprocess.run(
        [sys.executable, "-m", "graph", "validate", "--help"], capture_output=True, text=True, check=False
    )
    assert helped.returncode == 0
    text = " ".join(helped.stdout.split())
    assert "default: build/graph.ttl" in text and "Exit codes: 0 the graph conforms" in text


def test_named_graphs_of_a_dataset_are_validated_together():
    dataset = rdflib.Dataset()
    named = dataset.graph(rdflib.URIRef("urn:example:events"))
    named += read_graph(DATA / "bad_confidence.ttl")
    result = validate(dataset)
    assert [v.shape for v in result.violations] == ["sgsh:StanceEvent-confidence"]
