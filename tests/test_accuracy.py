"""The README's accuracy table is what the evaluator measures, and it is the floor.

Every row of the table in README.md ("Accuracy and known limits") that names a folder of tests/data is
extracted and scored with `graph.evaluate`; its six numbers must equal the README's (to two decimals).
So the README cannot drift from the code, and a drop of 0.01 in any figure fails. The frozen test
splits are scored like the others: scoring them is not tuning; studying their errors would be.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph.evaluate import score_events, score_people, write_sentence_set
from graph.extract import entities_csv, events_csv, extract

from conftest import REPO

ROW = re.compile(r"^\| \[(?P<name>[\w/]+)\]\((?P<readme>tests/data/[\w/]+)/README\.md\) \| [^|]+ \| "
                 r"(?P<events>[\d.]+ / [\d.]+ / [\d.]+) \| "
                 r"(?P<people>[\d.]+ / [\d.]+ / [\d.]+|no people annotated) \|$", re.M)


def reported() -> dict[str, tuple[Path, tuple[float, ...], tuple[float, ...]]]:
    """Set name -> (folder or sentence-level CSV, events P/R/F1, people P/R/F1 or () where the set annotates no
    people) as the README reports them."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Accuracy and known limits"):]
    rows = {}
    for match in ROW.finditer(section):
        folder = REPO / match["readme"]
        if match["name"].startswith("news/"):
            folder = folder / match["name"].split("/", 1)[1]
        if match["name"].startswith("sentences/"):
            folder = folder / (match["name"].split("/", 1)[1] + ".csv")
        people = () if match["people"] == "no people annotated" else tuple(map(float, match["people"].split(" / ")))
        rows[match["name"]] = (folder, tuple(map(float, match["events"].split(" / "))), people)
    return rows


def test_the_table_names_every_scored_set():
    assert sorted(reported()) == ["devset", "heldout", "news/dev", "news/test", "news/train", "sentences/dev",
                                  "sentences/test", "sentences/train", "testset"]


@pytest.mark.parametrize("name", sorted(reported()))
def test_reported_accuracy_is_measured(name, tmp_path):
    folder, events_reported, people_reported = reported()[name]
    if folder.suffix == ".csv":  # a sentence-level set: one article per row (graph.evaluate.write_sentence_set)
        (tmp_path / "articles").mkdir()
        write_sentence_set(folder, tmp_path / "articles")
        folder = tmp_path / "articles"
    results = list(extract(sorted(folder.glob("*.txt"))))
    (tmp_path / "events.csv").write_text(events_csv(e for r in results for e in r.events), encoding="utf-8")
    (tmp_path / "entities.csv").write_text(entities_csv(e for r in results for e in r.entities), encoding="utf-8")
    events = score_events(tmp_path / "events.csv", folder / "gold_events.csv")
    measured_events = tuple(round(v, 2) for v in (events.precision, events.recall, events.f1))
    measured_people: tuple[float, ...] = ()
    if people_reported:
        people = score_people(tmp_path / "entities.csv", folder / "gold_people.csv")
        measured_people = tuple(round(v, 2) for v in (people.precision, people.recall, people.f1))
        assert measured_people[2] >= people_reported[2] - 0.015, f"{name}: people F1 fell below the README's"
    assert measured_events[2] >= events_reported[2] - 0.015, f"{name}: events F1 fell below the README's"
    assert (measured_events, measured_people) == (events_reported, people_reported), \
        f"{name}: README reports {events_reported} {people_reported}; update it with the measured figures"
