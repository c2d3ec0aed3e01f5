"""`stancegraph evaluate --corrections FILE`: extraction scored against people's decisions (graph/evaluate.py,
score_reviewed), and `--examples FILE`, the reviewed events as training examples (training_examples)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import graph
from graph.cli import main
from graph.corrections import COLUMNS, append_row
from graph.review import article_text

REPO = Path(__file__).resolve().parents[1]
REVIEWED = REPO / "tests" / "data" / "corrections" / "reviewed.csv"


def _run(capsys, *args: str) -> tuple[int, list[str], str]:
    code = main(["evaluate", *map(str, args)])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def test_the_reviewed_decisions_give_the_precision_and_the_counts_per_relation(capsys):
    code, out, err = _run(capsys, REPO / "corpus", "--corrections", REVIEWED)
    assert code == 0 and err == ""
    assert out[0] == ("13 articles; 8 extracted events reviewed: precision P=0.57 (accepted 4, rejected 3), "
                      "fixed 1; 0 missed events added")
    table = {line.split()[0]: line.split()[1:] for line in out[2:]}
    assert out[1].split() == ["relation", "accepted", "rejected", "fixed", "added", "precision"]
    assert table == {"acceptsDeportees": ["4", "0", "0", "0", "1.00"], "accuses": ["0", "1", "0", "0", "0.00"],
                     "exertsInfluenceOn": ["0", "1", "0", "0", "0.00"], "rejects": ["0", "0", "1", "0"],
                     "threatened": ["0", "1", "0", "0", "0.00"]}


@pytest.fixture
def decided(tmp_path):
    """A corpus copy whose corrections.csv holds one decision of each kind, as the review page writes them
    (events by IRI for accept and the relation fix), and an event added from a span of an article."""
    folder = tmp_path / "corpus"
    shutil.copytree(REPO / "corpus", folder)
    (folder / "corrections.csv").unlink()
    article = folder / "04_mexico_deportees_tariff_pause.txt"
    span = next(line for line in article_text(str(article)).splitlines() if len(line) > 80).split(". ")[0]
    rows = [
        {"action": "accept", "source": "10_guatemala_more_flights.txt", "actor": "GTM", "relation": "acceptsDeportees",
         "target": "USA"},
        {"action": "reject", "source": "12_venezuela_grenell_maduro.txt", "actor": "Richard Grenell",
         "relation": "acceptsDeportees", "target": "VEN"},
        {"action": "relation", "source": "04_mexico_deportees_tariff_pause.txt", "actor": "MEX",
         "relation": "rejects", "target": "USA", "value": "acceptsDeportees"},
        {"action": "add", "source": article.name, "actor": "MEX", "relation": "agreesToCooperate", "target": "USA",
         "evidence": span},
    ]
    for row in rows:
        cells = dict.fromkeys(COLUMNS, "") | row | {"curator": "Ana", "date": "2025-03-04"}
        append_row(folder / "corrections.csv", cells)
    return folder, span


def test_accepted_rejected_fixed_and_added_events_become_training_examples(decided, tmp_path, capsys):
    folder, span = decided
    out_file = tmp_path / "out" / "examples.jsonl"
    code, out, _ = _run(capsys, "--corrections", folder / "corrections.csv", "--examples", out_file)
    assert code == 0
    assert out[0] == ("13 articles; 3 extracted events reviewed: precision P=0.50 (accepted 1, rejected 1), "
                      "fixed 1; 1 missed event added")
    assert ["agreesToCooperate", "0", "0", "0", "1"] in [line.split() for line in out]
    assert out[-1] == f"{len(out_file.read_text().splitlines())} training examples -> {out_file}"
    examples = [json.loads(line) for line in out_file.read_text(encoding="utf-8").splitlines()]
    assert all(list(e)[:7] == ["sentence", "actor", "actor_country", "relation", "target", "target_country", "label"]
               for e in examples)
    kinds = {(e["decision"], e["actor_country"], e["relation"], e["target_country"], e["label"]) for e in examples}
    assert kinds == {
        ("accepted", "GTM", "acceptsDeportees", "USA", 1),
        ("rejected", "USA", "acceptsDeportees", "VEN", 0),
        ("fixed", "MEX", "rejects", "USA", 0),  # what the extractor said
        ("fixed", "MEX", "acceptsDeportees", "USA", 1),  # what the curator made of it
        ("added", "MEX", "agreesToCooperate", "USA", 1),
    }
    added = next(e for e in examples if e["decision"] == "added")
    assert added["sentence"] == span and added["curator"] == "Ana" and added["date"] == "2025-03-04"
    for example in examples:  # every example's sentence is the span of its article it names
        assert article_text(example["source"])[example["start"]:example["end"]] == example["sentence"]


def test_an_event_decided_by_its_iri_is_counted_once(decided, capsys):
    """The review page names events by IRI: an accept of the same event by IRI adds no second count."""
    folder, _ = decided
    main(["build", str(folder), "--out", str(folder.parent / "build"), "--no-views"])
    capsys.readouterr()
    frame = graph.load_events(graph.open_store(folder.parent / "build"))
    guatemala = frame[(frame["actor_country"] == "GTM") & (frame["relation"] == "acceptsDeportees")]
    key = guatemala["event"].iloc[0].rsplit("/", 1)[1]
    append_row(folder / "corrections.csv", dict.fromkeys(COLUMNS, "") | {
        "action": "accept", "event": f"event:{key}", "curator": "Ana", "date": "2025-03-05"})
    code, out, _ = _run(capsys, "--corrections", folder / "corrections.csv")
    assert code == 0 and "(accepted 1, rejected 1)" in out[0]


def test_usage_errors_and_bad_rows(tmp_path, capsys):
    code, _, err = _run(capsys, REPO / "corpus", "--examples", tmp_path / "x.jsonl")
    assert code == 2 and "--examples needs --corrections FILE" in err
    code, _, err = _run(capsys)
    assert code == 2 and "give a folder of articles with gold files, or --corrections FILE" in err
    code, _, err = _run(capsys, REPO / "corpus", "--corrections", REPO / "tests/data/corrections/typos.csv",
                        "--examples", tmp_path)
    assert code == 2 and "is a folder" in err
    code, out, err = _run(capsys, REPO / "corpus", "--corrections", REPO / "tests/data/corrections/typos.csv")
    assert code == 1 and "error: " in err and "no curator" in err
    assert "(accepted 0, rejected 1)" in out[0]
