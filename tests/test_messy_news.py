"""End to end on untidy news (tests/data/messy): every command that reads a build works on it.

The articles come in the shapes real corpora have (no date anywhere, a date only in a "Published" line,
wire slugs, bylines, captions, headlines only, bullet lists, hard-wrapped lines, one very long round-up,
non-stance items, supranational bodies, countries with long official names). The build must exit 0 and
write a view; undated articles give undated events; every subcommand that reads a build, every named
query and every format work on it. The notebooks and the browser run on the same build in
tests/test_notebooks.py and tests/test_browser.py.
"""

from __future__ import annotations

import csv
import json

import pandas as pd
import pytest

import graph
from graph.store import named_queries

from conftest import MESSY_MANIFEST, MESSY_NEWS


@pytest.fixture(scope="module")
def manifest() -> dict[str, dict[str, str]]:
    with MESSY_MANIFEST.open(encoding="utf-8", newline="") as handle:
        return {row["file"]: row for row in csv.DictReader(handle)}


@pytest.fixture(scope="module")
def events_csv(messy_news_build) -> pd.DataFrame:
    frame = pd.read_csv(messy_news_build.out / "events.csv", dtype=str, keep_default_na=False)
    frame["file"] = frame["source"].str.rsplit("/", n=1).str[-1]
    return frame


def test_manifest_lists_every_article(manifest):
    assert sorted(manifest) == sorted(p.name for p in MESSY_NEWS.glob("*.txt"))
    assert sum(1 for row in manifest.values() if not row["date"]) >= 10


def test_build_exits_0_and_writes_every_output(messy_news_build, manifest):
    assert messy_news_build.status == 0, messy_news_build.stderr
    assert f"read {len(manifest)} of {len(manifest)} documents" in messy_news_build.stdout
    for name in ("events.csv", "entities.csv", "graph.ttl", "graph.nt", "graph.jsonld", "stances.csv",
                 "graph.gexf", "graph.graphml", "graph.html"):
        assert (messy_news_build.out / name).stat().st_size > 0, name


def test_events_carry_the_date_a_reader_would_give(events_csv, manifest):
    """Undated articles give undated events (an empty cell), dated ones the article's date."""
    dates = {file: set(group["date"]) for file, group in events_csv.groupby("file")}
    assert dates == {file: {manifest[file]["date"]} for file in dates}
    assert any(not manifest[file]["date"] for file in dates)  # some undated articles do give events


def test_undated_events_have_no_date_anywhere(messy_news_build):
    store = graph.open_store(messy_news_build.out)
    events = graph.load_events(store)
    undated = events[events["date"].isna()]
    assert len(undated) and all(value is None for value in undated["date"])
    assert all(text.startswith("undated ") for text in undated["description"])
    table = graph.stances(events, focus="USA")
    assert all("nan" not in " ".join(items) for items in table["events"])


def test_countries_are_named_as_news_names_them(messy_news_build):
    labels = set(pd.read_csv(messy_news_build.out / "stances.csv")["country_label"])
    entities = pd.read_csv(messy_news_build.out / "entities.csv", dtype=str, keep_default_na=False)
    names = set(entities.loc[entities["type"] == "country", "name"]) | labels
    assert {"Russia", "DR Congo"} & names
    assert not {"Russian Federation", "Congo, The Democratic Republic of the"} & names


@pytest.mark.parametrize("args", [
    ["stances"], ["stances", "--all"], ["stances", "--brief", "--focus", "CHN"], ["analyze"],
], ids=" ".join)
def test_reading_commands_exit_0(cli, messy_news_build, args, tmp_path):
    extra = ["--out", str(tmp_path)] if args[0] == "analyze" else []
    run = cli(*args, "--graph", str(messy_news_build.out), *extra)
    assert run.status == 0, run.stderr
    assert run.stdout.strip() and "nan" not in run.stdout.split()


@pytest.mark.parametrize("level", ["country", "actor"])
@pytest.mark.parametrize("focus", ["USA", "RUS", "FRA"])
def test_render_every_level_and_focus(cli, messy_news_build, tmp_path, level, focus):
    out = tmp_path / "view.html"
    run = cli("render", "--graph", str(messy_news_build.out), "--focus", focus, "--level", level, "--out", str(out))
    assert run.status == 0, run.stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("name", sorted(named_queries()))
@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_every_named_query(cli, messy_news_build, name, fmt):
    run = cli("query", name, "--graph", str(messy_news_build.out), "--format", fmt)
    assert run.status == 0, run.stderr
    if fmt == "json":
        json.loads(run.stdout)


def test_graph_validates(cli, messy_news_build):
    run = cli("validate", str(messy_news_build.out / "graph.ttl"))
    assert run.status == 0, run.stdout + run.stderr
    assert "conforms" in run.stdout
