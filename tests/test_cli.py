"""The command line (graph/cli.py): every subcommand documents itself, `extract` keeps the CSV contract and
its offsets point into the source text, and exit codes follow the documented 0/1/2 rule."""

from __future__ import annotations

import argparse
import csv
import io
import subprocess
import sys

import pytest

from graph.cli import build_parser
from graph.documents import read_document

EVENT_HEADER = ("source,date,actor,actor_type,actor_country,relation,target,target_type,target_country,"
                "confidence,mode,context,evidence,start,end,trigger,url,publisher,title,event_date")
ENTITY_HEADER = "source,name,type,country,role"


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    (action,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(action.choices)


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


# ----------------------------------------------------------------------------------------- documentation
def test_the_pipeline_commands_are_registered():
    assert {"build", "extract", "validate", "query", "serve", "push"} <= set(subcommands())


@pytest.mark.parametrize("name", sorted(subcommands()))
def test_every_subcommand_has_help_with_a_description(cli, name):
    parser = subcommands()[name]
    assert parser.description and len(parser.description.split()) >= 5, f"{name} has no description"
    run = cli(name, "--help")
    assert run.status == 0
    assert run.stdout.startswith(f"usage: stancegraph {name}")
    # argparse rewraps the description; compare it word for word.
    assert " ".join(parser.description.split()) in " ".join(run.stdout.split())
    assert run.stderr == ""


@pytest.mark.parametrize("name", sorted(subcommands()))
def test_every_subcommand_is_listed_with_a_summary_in_the_main_help(cli, name):
    run = cli("--help")
    assert run.status == 0
    line = next((line for line in run.stdout.splitlines() if line.strip().startswith(name + " ")), "")
    assert len(line.split()) >= 3, f"{name} has no one-line help in `stancegraph --help`"


def test_python_dash_m_graph_help():
    proc = subprocess.run([sys.executable, "-m", "graph", "--help"], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("usage: stancegraph")
    for name in ("build", "extract", "validate"):
        assert f"    {name} " in proc.stdout


def test_no_subcommand_is_a_usage_error(cli):
    run = cli()
    assert run.status == 2
    assert "usage: stancegraph" in run.stderr


# --------------------------------------------------------------------------------------------- extract
def test_extract_writes_the_events_contract_to_stdout(cli, inputs_dir):
    run = cli("extract", str(inputs_dir / "guatemala_flights.txt"))
    assert run.status == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == EVENT_HEADER
    # the agreement, the meeting the president speaks of ('said after talks with Secretary of State Rubio'), and
    # Rubio's visit: talks with the host at home, under a GUATEMALA CITY dateline
    assert [(r["actor_country"], r["relation"], r["target_country"]) for r in rows(run.stdout)] == [
        ("GTM", "acceptsDeportees", "USA"), ("GTM", "meetsWith", "USA"), ("USA", "visits", "GTM")]
    row = rows(run.stdout)[0]
    assert row == {
        "source": str(inputs_dir / "guatemala_flights.txt"),
        "date": "2025-02-05",
        "actor": "Guatemala", "actor_type": "country", "actor_country": "GTM",
        "relation": "acceptsDeportees",
        "target": "United States", "target_type": "country", "target_country": "USA",
        "confidence": row["confidence"], "mode": "asserted", "context": "deportation-flights",
        "evidence": "GUATEMALA CITY — Guatemala agreed on Wednesday to accept more deportation flights from "
                    "the United States, President Bernardo Arévalo said after talks with Secretary of State "
                    "Marco Rubio at the presidential palace.",
        "start": "185", "end": "398", "trigger": row["trigger"],
        # the article's provenance, from its header (Title:, Source: publisher)
        "url": "", "publisher": "Central America Desk",
        "title": "Guatemala agrees to take more deportation flights from the United States",
        "event_date": "2025-02-05",  # 'agreed on Wednesday', reported on Wednesday 5 February
    }
    assert 0.5 <= float(row["confidence"]) <= 1.0 and len(row["confidence"].split(".")[1]) == 2
    assert "accept" in row["trigger"]


def test_extract_writes_events_and_entities_files(cli, inputs_dir, tmp_path):
    events, entities = tmp_path / "out" / "events.csv", tmp_path / "out" / "entities.csv"
    run = cli("extract", str(inputs_dir / "washington_dateline.txt"), "--events", str(events),
              "--entities", str(entities))
    assert run.status == 0, run.stderr
    assert run.stdout == ""
    assert events.read_text(encoding="utf-8").splitlines()[0] == EVENT_HEADER
    assert entities.read_text(encoding="utf-8").splitlines()[0] == ENTITY_HEADER
    people = {(r["name"], r["type"], r["country"]) for r in rows(entities.read_text(encoding="utf-8"))}
    assert {("José Raúl Mulino", "person", "PAN"), ("Marco Rubio", "person", "USA"),
            ("Panama", "country", "PAN"), ("China", "country", "CHN")} <= people
    facts = {(r["actor_country"], r["relation"], r["target_country"], r["date"])
             for r in rows(events.read_text(encoding="utf-8"))}
    assert ("PAN", "reducesCooperation", "CHN", "2025-02-03") in facts


def test_extract_writes_entities_to_standard_output_with_a_dash(cli, inputs_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a file named '-' would land here
    events = tmp_path / "events.csv"
    run = cli("extract", str(inputs_dir / "washington_dateline.txt"), "--events", str(events), "--entities", "-")
    assert run.status == 0, run.stderr
    assert run.stdout.splitlines()[0] == ENTITY_HEADER
    assert ("Marco Rubio", "person", "USA") in {(r["name"], r["type"], r["country"]) for r in rows(run.stdout)}
    assert not (tmp_path / "-").exists() and events.read_text(encoding="utf-8").startswith(EVENT_HEADER)


def test_extract_with_no_events_still_writes_the_headers(cli, inputs_dir, tmp_path):
    events = tmp_path / "events.csv"
    run = cli("extract", str(inputs_dir / "no_dateline.txt"), "--events", str(events))
    assert run.status == 0
    assert events.read_text(encoding="utf-8") == EVENT_HEADER + "\n"


def test_extract_reads_standard_input():
    article = ("Title: Piped\nDate: 2025-02-05\n\nGUATEMALA CITY — Guatemala agreed to accept deportees from "
               "the United States, officials said.\n")
    proc = subprocess.run([sys.executable, "-m", "graph", "extract", "-"], input=article.encode(),
                          capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr.decode()
    (row,) = rows(proc.stdout.decode("utf-8"))
    assert (row["source"], row["date"], row["actor_country"], row["relation"], row["target_country"]) == (
        "-", "2025-02-05", "GTM", "acceptsDeportees", "USA")
    assert article[int(row["start"]):int(row["end"])] == row["evidence"]


@pytest.mark.parametrize("name", ["guatemala_flights.txt", "washington_dateline.txt", "panama_page.html",
                                  "bogota_cp1252.txt"])
def test_extract_offsets_point_at_the_evidence(cli, inputs_dir, name):
    path = inputs_dir / name
    run = cli("extract", str(path))
    found = rows(run.stdout)
    assert found
    text = read_document(path).text
    for row in found:
        span = text[int(row["start"]):int(row["end"])]
        assert " ".join(span.split()) == row["evidence"]


def test_extract_offsets_index_the_text_as_python_reads_the_file(cli, tmp_path):
    # Windows line endings: offsets count one character per line break, as open(...).read() does.
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Title: T\r\nDate: 2025-02-05\r\n\r\nIntro line.\r\n\r\n"
                     b"Guatemala agreed to accept deportees from the United States, officials said.\r\n")
    (row,) = rows(cli("extract", str(path)).stdout)
    assert path.read_text(encoding="utf-8")[int(row["start"]):int(row["end"])] == row["evidence"]


def test_extract_offsets_on_the_corpus(cli, corpus_dir):
    run = cli("extract", str(corpus_dir))
    assert run.status == 0
    found = rows(run.stdout)
    assert len(found) > 20
    texts = {}
    for row in found:
        text = texts.setdefault(row["source"], read_document(row["source"]).text)
        assert " ".join(text[int(row["start"]):int(row["end"])].split()) == row["evidence"], row["source"]


# ------------------------------------------------------------------------------------------ exit codes
@pytest.mark.parametrize("command", ["build", "extract"])
def test_missing_input_is_a_usage_error_naming_the_path(cli, tmp_path, command):
    missing = tmp_path / "no-such-folder"
    out = tmp_path / "out"
    extra = ["--out", str(out)] if command == "build" else []
    run = cli(command, str(missing), *extra)
    assert run.status == 2
    assert run.stderr.strip() == f"error: no such input: {missing}"
    assert run.stdout == ""
    assert not out.exists()


def test_extract_skipped_input_exits_1_and_keeps_the_others(cli, inputs_dir, tmp_path, png_bytes):
    image = tmp_path / "scan.txt"
    image.write_bytes(png_bytes)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    run = cli("extract", str(image), str(inputs_dir / "guatemala_flights.txt"), str(empty))
    assert run.status == 1
    assert run.stderr.splitlines() == [
        f"skipped: {image}: binary file (a PNG image); convert it to text or HTML first",
        f"skipped: {empty}: empty file",
    ]
    assert [(r["actor_country"], r["relation"]) for r in rows(run.stdout)] == [("GTM", "acceptsDeportees"),
                                                                               ("GTM", "meetsWith"),
                                                                               ("USA", "visits")]


def test_build_of_a_clean_input_exits_0_and_says_where_it_wrote(cli, inputs_dir, tmp_path):
    out = tmp_path / "b"
    run = cli("build", str(inputs_dir / "guatemala_flights.txt"), "--out", str(out), "--no-views")
    assert run.status == 0
    assert run.stderr == ""
    assert run.stdout.startswith("read 1 of 1 documents, 3 event mentions, ")
    assert run.stdout.splitlines()[0].endswith(f"-> {out}/")
    assert run.stdout.splitlines()[1].startswith("articles: 1 new, 0 changed, 0 unchanged")


def test_version(cli):
    from importlib.metadata import version

    run = cli("--version")
    assert run.status == 0 and run.stdout.strip() == f"stancegraph {version('stancegraph')}"
