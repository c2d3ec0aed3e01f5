"""Scoring against gold files (graph/evaluate.py): the score per relation and the verdict of each event.

The whole score is checked against the shared scorer in tests/test_extract.py and against the README in
tests/test_accuracy.py; here the per-relation split and the per-row verdicts are checked on small hand-made
gold files, where the right answer can be counted by hand, and on a real extraction of tests/data/heldout.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from graph.evaluate import judge_events, relation_scores, relation_table, score_events

REPO = Path(__file__).resolve().parents[1]
HELDOUT = REPO / "tests" / "data" / "heldout"

GOLD = [
    # doc, actor, relation, target, required, note
    ("a", "USA", "meetsWith|visits", "PAN", "R", "the trip to Panama City"),
    ("a", "USA", "accuses", "CHN", "R", "the canal remark"),
    ("a", "PAN", "rejects", "USA", "O", "will not negotiate"),
    ("b", "COL", "accuses|rejects", "USA", "R", "the flights row"),
    ("c", "", "NONE", "", "R", "a market report"),
]
EVENTS = [
    # source, actor_country, relation, target_country, evidence
    ("in/a.txt", "USA", "visits", "PAN", "Rubio landed in Panama."),
    ("in/a.txt", "USA", "visits", "PAN", "He was in Panama again the next day."),
    ("in/a.txt", "PAN", "rejects", "USA", "Mulino would not negotiate."),
    ("in/a.txt", "USA", "threatened", "PAN", "Trump warned Panama."),
    ("in/b.txt", "COL", "demands", "USA", "Bogota asked for dignified flights."),
    ("in/c.txt", "", "accuses", "USA", "Traders blamed Washington."),
    ("in/d.txt", "MEX", "accuses", "USA", "Mexico said so."),
]


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    gold, events = tmp_path / "gold_events.csv", tmp_path / "events.csv"
    with gold.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["doc", "actor", "relation", "target", "required", "note"])
        writer.writerows(GOLD)
    with events.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["source", "actor_country", "relation", "target_country", "evidence"])
        writer.writerows(EVENTS)
    return events, gold


def counts(score) -> tuple[int, int, int, int]:
    return score.required, score.found, score.hits, score.false


def summed(scores) -> tuple[int, ...]:
    """The counts of several scores added up."""
    return tuple(sum(values) for values in zip(*(counts(score) for score in scores), strict=True))


def test_an_item_counts_under_the_relation_that_found_it(files):
    """The visit found 'meetsWith|visits': the item counts under visits, not under meetsWith."""
    per = relation_scores(*files)
    assert counts(per["visits"]) == (1, 1, 1, 0)
    assert "meetsWith" not in per


def test_an_item_nothing_found_counts_under_its_first_relation(files):
    """'accuses|rejects' found by nothing counts once, under accuses (first in alphabetical order)."""
    per = relation_scores(*files)
    assert counts(per["accuses"]) == (2, 0, 0, 0)
    assert per["accuses"].missed == ["a: USA accuses CHN", "b: COL accuses|rejects USA"]
    assert "rejects" in per and counts(per["rejects"]) == (0, 0, 0, 0)  # the optional match is neutral


def test_false_events_count_under_their_own_relation(files):
    per = relation_scores(*files)
    assert counts(per["threatened"]) == (0, 0, 0, 1) and per["threatened"].wrong == ["a: USA threatened PAN"]
    assert counts(per["demands"]) == (0, 0, 0, 1)


def test_the_relations_add_up_to_the_whole(files):
    whole = score_events(*files)
    per = relation_scores(*files)
    assert counts(whole) == (3, 1, 1, 2)
    assert summed(per.values()) == counts(whole)


def test_the_relations_add_up_to_the_whole_on_a_real_extraction(tmp_path: Path):
    from graph.extract import events_csv, extract

    events = tmp_path / "events.csv"
    events.write_text(events_csv(e for r in extract(sorted(HELDOUT.glob("*.txt"))) for e in r.events),
                      encoding="utf-8")
    whole = score_events(events, HELDOUT / "gold_events.csv")
    per = relation_scores(events, HELDOUT / "gold_events.csv")
    assert len(per) > 10
    assert summed(per.values()) == counts(whole)
    assert sorted(m for score in per.values() for m in score.missed) == sorted(whole.missed)
    assert sorted(w for score in per.values() for w in score.wrong) == sorted(whole.wrong)


def test_the_table_leaves_blank_what_has_nothing_to_divide_by(files):
    lines = relation_table(relation_scores(*files)).splitlines()
    assert lines[0].split() == ["relation", "required", "found", "hits", "false", "P", "R", "F1"]
    rows = {line.split()[0]: line.split()[1:] for line in lines[1:]}
    assert rows["visits"] == ["1", "1", "1", "0", "1.00", "1.00", "1.00"]
    assert rows["accuses"] == ["2", "0", "0", "0", "0.00"]  # no event: no precision, so no F1
    assert rows["threatened"] == ["0", "0", "0", "1", "0.00"]  # no required item: no recall, no F1


def test_each_event_row_gets_its_verdict_and_the_gold_note(files):
    judged = judge_events(*files)
    assert [(row["evidence"], row["verdict"], row["gold_note"]) for row in judged] == [
        ("Rubio landed in Panama.", "hit", "the trip to Panama City"),
        ("He was in Panama again the next day.", "hit", "the trip to Panama City"),
        ("Mulino would not negotiate.", "neutral", "will not negotiate"),
        ("Trump warned Panama.", "false", ""),
        ("Bogota asked for dignified flights.", "false", ""),
        ("Traders blamed Washington.", "unscored", ""),  # no actor country: the score does not read it
        ("Mexico said so.", "", ""),  # no gold for this document
    ]


def test_cli_prints_the_table_by_relation(capsys):
    from graph.cli import main

    assert main(["evaluate", str(HELDOUT), "--by-relation"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[2].split()[:3] == ["relation", "required", "found"]
    assert sum(int(line.split()[1]) for line in out[3:]) == int(out[0].split("/")[1].split(",")[0])


SENTENCES = "\n".join([
    "id,style,text,facts",
    's1,agency,"Ecuador agreed on Monday to take back 120 of its nationals deported by the United States.",'
    "ECU acceptsDeportees USA",
    's2,paper,"Coffee shipments from Kenya to Germany rose by a tenth in March.",NONE',
    's3,headline,"Ghana and Togo sign border patrol pact; Accra says Lome may join talks with Abuja",'
    "GHA agreesToCooperate TGO; ?GHA meetsWith NGA",
    ""])


def test_a_sentence_set_becomes_one_article_per_row_with_its_gold(tmp_path: Path):
    from graph.evaluate import write_sentence_set

    (tmp_path / "set.csv").write_text(SENTENCES, encoding="utf-8")
    folder = tmp_path / "articles"
    folder.mkdir()
    assert write_sentence_set(tmp_path / "set.csv", folder) == 3
    assert sorted(p.name for p in folder.glob("*.txt")) == ["s1.txt", "s2.txt", "s3.txt"]
    assert (folder / "s2.txt").read_text(encoding="utf-8").startswith("Coffee shipments")
    with open(folder / "gold_events.csv", newline="", encoding="utf-8") as handle:
        gold = [(r["doc"], r["actor"], r["relation"], r["target"], r["required"]) for r in csv.DictReader(handle)]
    assert gold == [("s1", "ECU", "acceptsDeportees", "USA", "R"), ("s2", "", "NONE", "", "R"),
                    ("s3", "GHA", "agreesToCooperate", "TGO", "R"), ("s3", "GHA", "meetsWith", "NGA", "O")]


def test_cli_scores_a_sentence_set_like_a_folder(tmp_path: Path, capsys):
    from graph.cli import main

    (tmp_path / "set.csv").write_text(SENTENCES, encoding="utf-8")
    assert main(["evaluate", str(tmp_path / "set.csv"), "-v"]) == 0
    out = capsys.readouterr().out
    # (the pact is a hit both ways round: agreesToCooperate is symmetric)
    assert out.startswith("3 articles; events P=1.00 R=1.00 F1=1.00 (required found 2/2, hits 3, false 0)")


@pytest.mark.parametrize("facts, says", [("PER accuses", "fact 'PER accuses' is not 'ACTOR relation TARGET'"),
                                          ("", "has no facts; write NONE")])
def test_a_bad_row_of_a_sentence_set_is_named_in_one_line(tmp_path: Path, capsys, facts, says):
    from graph.cli import main

    (tmp_path / "set.csv").write_text(f'id,text,facts\nx7,"Peru protested to Chile.",{facts}\n', encoding="utf-8")
    assert main(["evaluate", str(tmp_path / "set.csv")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "set.csv: row 'x7'" in err and says in err


def test_a_missing_sentence_set_is_named(tmp_path: Path, capsys):
    from graph.cli import main

    assert main(["evaluate", str(tmp_path / "nowhere.csv")]) == 2
    assert capsys.readouterr().err == f"error: {tmp_path / 'nowhere.csv'}: no such sentence-level set (a CSV file " \
                                      "with id,text,facts)\n"
