"""News dumps (graph/dumps.py): JSON Lines, CSV and Parquet files give one dated document per record.

The records are written here in the shapes of real exports (a news crawl's JSON Lines, a GDELT-style CSV
with compact timestamps, a Parquet table); every test reads them through the same path a build does.
"""

from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from graph.build import build
from graph.documents import read_documents
from graph.extract import extract

RECORDS = [
    {"title": "Kenya to take deportees", "maintext": "NAIROBI — Kenya agreed on Tuesday to receive deportees from "
     "the United States, the foreign ministry said.", "date_publish": "2025-02-05 10:00:00",
     "url": "https://example.org/kenya", "source_domain": "example.org", "language": "en"},
    {"title": "Brazil protests", "maintext": "Brazil condemned the United States over the treatment of deported "
     "migrants, the foreign ministry said.", "date_publish": "2025-02-10T08:00:00Z", "language": "en"},
]


def triples(results) -> set[tuple[str, str, str, str, str]]:
    return {(e.source.rsplit("/", 1)[-1], e.date, e.actor_country, e.relation, e.target_country)
            for r in results for e in r.events}


@pytest.fixture
def jsonl(tmp_path):
    path = tmp_path / "crawl.jsonl"
    lines = [json.dumps(r) for r in RECORDS]
    lines += ['{"title": "broken", "maintext": 42}', "not json at all",
              json.dumps({"title": "fr", "maintext": "Le Brésil a condamné les États-Unis.", "language": "fr"}),
              json.dumps({"maintext": "Mexico accepted deportees from the United States.", "date_publish": "soon"}),
              ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_each_record_is_a_document_with_its_own_date(jsonl):
    assert triples(extract([jsonl])) == {
        ("crawl.jsonl#1", "2025-02-05", "KEN", "acceptsDeportees", "USA"),
        ("crawl.jsonl#2", "2025-02-10", "BRA", "accuses", "USA"),
    }
    first = next(read_documents([jsonl]))
    assert (first.title, first.url, first.publisher) == ("Kenya to take deportees", "https://example.org/kenya",
                                                        "example.org")


def test_bad_records_are_named_by_line_and_skipped(jsonl):
    skipped = {d.source.rsplit("/", 1)[-1]: d.skipped for d in read_documents([jsonl]) if d.skipped}
    assert skipped == {
        "crawl.jsonl#3": "line 3: the text is not a string (int)",
        "crawl.jsonl#4": "line 4: not JSON (Expecting value at column 1)",
        "crawl.jsonl#5": "line 5: language 'fr'; only English is read",
        "crawl.jsonl#6": "line 6: date 'soon' is not a date",
    }


def test_csv_with_gdelt_timestamps_and_named_columns(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text('story,pubDate,headline\n"Peru and Chile agreed to cooperate on border security, officials '
                    'said.",20250301T120000Z,Border talks\n', encoding="utf-8")
    found = triples(extract([path], columns={"text": "story", "date": "pubDate"}))
    assert ("export.csv#2", "2025-03-01", "PER", "agreesToCooperate", "CHL") in found


def test_parquet_dump(tmp_path):
    path = tmp_path / "month.parquet"
    pq.write_table(pa.Table.from_pylist(RECORDS), path)
    assert triples(extract([path])) == {
        ("month.parquet#2", "2025-02-05", "KEN", "acceptsDeportees", "USA"),
        ("month.parquet#3", "2025-02-10", "BRA", "accuses", "USA"),
    }


def test_a_csv_that_is_no_news_dump_is_reported_once(tmp_path):
    path = tmp_path / "gold_events.csv"
    path.write_text("doc,actor,relation,target\na,USA,visits,MEX\nb,MEX,visits,USA\n", encoding="utf-8")
    documents = list(read_documents([path]))
    assert len(documents) == 1 and documents[0].skipped.startswith("is not a news dump: no text field")


def test_columns_naming_a_missing_field_is_a_clear_message(jsonl):
    documents = list(read_documents([jsonl], columns={"text": "story"}))
    assert len(documents) == 1
    assert documents[0].skipped.startswith("has no field 'story' (given for text in --columns)")


def test_build_of_a_dump_keeps_each_record_a_source(jsonl, tmp_path, cli):
    run = cli("build", str(jsonl), "--out", str(tmp_path / "build"), "--no-views")
    assert run.status == 1  # four records could not be read; the others are built
    assert "read 2 of 6 documents" in run.stdout
    assert "skipped: " + str(jsonl) + "#4: line 4: not JSON" in run.stderr
    result = build([jsonl], out=tmp_path / "again", views=False)
    assert result.events == 2 and result.documents == 6


def test_cli_columns_option_is_checked(cli, jsonl, tmp_path):
    run = cli("extract", str(jsonl), "--columns", "txt=story")
    assert run.status == 2 and "give FIELD=NAME pairs" in run.stderr


def test_each_record_keeps_its_url_in_the_graph(jsonl, tmp_path):
    from graph.store import open_store

    build([jsonl], out=tmp_path / "b", views=False)
    store = open_store(tmp_path / "b")
    query = "SELECT ?u WHERE { ?s a sg:SourceDocument ; <https://schema.org/url> ?u }"
    urls = {row[0].value for row in store.query(query, prefixes={"sg": "https://w3id.org/stancegraph/ontology#"})}
    assert urls == {"https://example.org/kenya"}


def test_tables_beside_articles_in_a_folder_are_passed_over(tmp_path, cli):
    """tests/data/heldout holds its gold files beside the articles: building the folder reads the articles
    and exits 0; the same table named on the command line is still reported."""
    folder = tmp_path / "set"
    folder.mkdir()
    (folder / "a.txt").write_text("Kenya agreed to receive deportees from the United States.\n", encoding="utf-8")
    (folder / "gold_events.csv").write_text("doc,actor,relation,target\na,KEN,acceptsDeportees,USA\n",
                                            encoding="utf-8")
    run = cli("build", str(folder), "--out", str(tmp_path / "build"), "--no-views")
    assert run.status == 0 and run.stdout.startswith("read 1 of 1 documents") and "skipped" not in run.stderr
    named = cli("extract", str(folder / "gold_events.csv"))
    assert named.status == 1 and "is not a news dump" in named.stderr
