"""The whole pipeline (graph/build.py): bad input loses nothing, builds repeat exactly, an interrupted
build leaves the previous outputs, and the seed article and the bundled corpus give the expected graph.

Expensive builds are shared through the session fixtures of conftest.py (`messy_build`, `corpus_build`,
`seed_build`); tests that change a build folder make their own in `tmp_path`.
"""

from __future__ import annotations

import csv
import importlib
import io
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

import graph.build
import graph.publish
import graph.rdf
import graph.store
from graph.build import build
from graph.publish import INTERNAL_NAMES, BuildFolderError
from graph.validate import validate

OUTPUT_FILES = ("entities.csv", "events.csv", "graph.jsonld", "graph.nt", "graph.ttl")


def load_nt(path: Path) -> rdflib.Graph:
    return rdflib.Graph().parse(path, format="nt")


def events_rows(out: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((out / "events.csv").read_text(encoding="utf-8"))))


def hidden_entries(folder: Path) -> list[str]:
    """Temporary or moved-away entries left in a build folder: hidden names other than the publishing
    machinery's own, and generations other than the current one and the one before it."""
    left = sorted(p.name for p in folder.iterdir() if p.name.startswith(".") and p.name not in INTERNAL_NAMES)
    generations = folder / ".generations"
    if generations.is_dir() and len(list(generations.iterdir())) > 2:
        left.append(f".generations ({len(list(generations.iterdir()))} generations)")
    return left


def store_size(out: Path) -> int:
    opened = graph.store.open_store(out / "store")
    try:
        return len(opened)
    finally:
        del opened


# ---------------------------------------------------------------------------------- bad input, nothing lost
def test_messy_corpus_exits_1_and_names_every_skipped_file(messy_build, messy_corpus, messy_skipped):
    assert messy_build.status == 1
    skipped_lines = sorted(line for line in messy_build.stderr.splitlines() if line.startswith("skipped: "))
    expected = sorted(f"skipped: {messy_corpus / name}: {reason}" for name, reason in messy_skipped.items())
    assert [line.split("; convert")[0] for line in skipped_lines] == expected
    assert all(line.endswith("; convert it to text or HTML first")
               for line in skipped_lines if "binary" in line)
    # 10 article files: 5 fixtures, empty, 2 binary, the large one and one in a subfolder.
    assert "read 7 of 10 documents" in messy_build.stdout


def test_messy_corpus_reports_what_was_repaired(messy_build, messy_corpus):
    notes = [line for line in messy_build.stderr.splitlines() if line.startswith("note: ")]
    assert f"note: {messy_corpus / 'panama_page.html'}: HTML stripped to text" in notes
    assert any(line.startswith(f"note: {messy_corpus / 'bogota_cp1252.txt'}: decoded as ") for line in notes)
    assert len(notes) == 2


def test_messy_corpus_decodes_windows_1252_correctly(messy_build, messy_corpus):
    assert f"note: {messy_corpus / 'bogota_cp1252.txt'}: decoded as cp1252" in messy_build.stderr.splitlines()
    (row,) = [r for r in events_rows(messy_build.out) if r["source"].endswith("bogota_cp1252.txt")]
    assert row["evidence"].startswith("BOGOTÁ — Colombia will accept deportation flights")


def test_messy_corpus_skipped_files_are_source_documents_in_the_graph(messy_build, messy_corpus,
                                                                      messy_skipped):
    store = load_nt(messy_build.out / "graph.nt")
    sg = rdflib.Namespace("https://w3id.org/stancegraph/ontology#")
    by_path = {str(store.value(s, sg.path)): s for s in store.subjects(rdflib.RDF.type, sg.SourceDocument)}
    for name, reason in messy_skipped.items():
        node = by_path[str(messy_corpus / name)]
        assert str(store.value(node, sg.status)) == "skipped"
        assert str(store.value(node, sg.note)).startswith(reason)
        assert int(store.value(node, sg.eventCount)) == 0
        assert len(str(store.value(node, sg.contentHash))) == 64
    assert sorted(Path(p).relative_to(messy_corpus).as_posix() for p in by_path) == [
        "big.txt", "bogota_cp1252.txt", "empty.txt", "export.txt", "guatemala_flights.txt",
        "more/costa_rica.txt", "no_dateline.txt", "panama_page.html", "photo.txt", "washington_dateline.txt"]
    statuses = {Path(p).name: str(store.value(s, sg.status)) for p, s in by_path.items()}
    assert statuses["no_dateline.txt"] == "no-events"
    assert {statuses[n] for n in ("big.txt", "bogota_cp1252.txt", "guatemala_flights.txt", "costa_rica.txt",
                                  "panama_page.html", "washington_dateline.txt")} == {"extracted"}


def test_messy_corpus_events_of_readable_documents_are_all_there(messy_build):
    facts = {(Path(r["source"]).name, r["actor_country"], r["relation"], r["target_country"])
             for r in events_rows(messy_build.out)}
    assert {
        ("guatemala_flights.txt", "GTM", "acceptsDeportees", "USA"),
        ("bogota_cp1252.txt", "COL", "acceptsDeportees", "USA"),
        ("panama_page.html", "PAN", "reducesCooperation", "CHN"),
        ("washington_dateline.txt", "PAN", "reducesCooperation", "CHN"),
        ("big.txt", "HND", "acceptsDeportees", "USA"),
        ("costa_rica.txt", "CRI", "acceptsDeportees", "USA"),
    } <= facts


def test_messy_corpus_events_are_in_the_graph(messy_build):
    store = ox.Store()
    store.bulk_load(path=str(messy_build.out / "graph.nt"), format=ox.RdfFormat.N_TRIPLES)
    sg = "https://w3id.org/stancegraph/ontology#"
    country = "https://w3id.org/stancegraph/id/country/"
    query = f"""SELECT ?path WHERE {{
        ?e <{sg}actorCountry> <{country}%s> ; <{sg}relation> <{sg}%s> ; <{sg}targetCountry> <{country}%s> ;
           <{sg}hasMention>/<{sg}source>/<{sg}path> ?path }}"""
    for actor, relation, target, name in [("GTM", "acceptsDeportees", "USA", "guatemala_flights.txt"),
                                          ("HND", "acceptsDeportees", "USA", "big.txt"),
                                          ("CRI", "acceptsDeportees", "USA", "costa_rica.txt"),
                                          ("COL", "acceptsDeportees", "USA", "bogota_cp1252.txt")]:
        paths = {Path(row[0].value).name for row in store.query(query % (actor, relation, target))}
        assert name in paths, (actor, relation, target)
    assert store.query(f"ASK {{ <{country}PAN> <{sg}reducesCooperation> <{country}CHN> }}")


def test_messy_corpus_reads_nothing_from_readme_hidden_files_or_page_scripts(messy_build):
    rows = events_rows(messy_build.out)
    sources = {Path(r["source"]).name for r in rows}
    assert "README.md" not in sources and "old.txt" not in sources
    actors = {r["actor_country"] for r in rows}
    # README: MEX refuses; hidden file: CUB accuses; page script/nav/aside: MEX, VEN, HND threats, CUB, NIC.
    assert not actors & {"MEX", "CUB", "NIC", "VEN"}
    assert not any(r["relation"] == "refusesDeportees" for r in rows)
    html_rows = [r for r in rows if r["source"].endswith("panama_page.html")]
    assert html_rows and all("<" not in r["evidence"] and "&" not in r["evidence"] for r in html_rows)


def test_messy_corpus_large_file_offsets_point_at_the_last_sentence(messy_build, messy_corpus,
                                                                     big_article_event):
    text = (messy_corpus / "big.txt").read_text(encoding="utf-8")
    (row,) = [r for r in events_rows(messy_build.out) if r["source"].endswith("big.txt")]
    start, end = int(row["start"]), int(row["end"])
    assert start > 3_000_000
    assert text[start:end] == big_article_event == row["evidence"]
    assert row["date"] == "2025-02-07"


def test_messy_corpus_graph_conforms(messy_build):
    result = validate(messy_build.out / "graph.ttl")
    assert result.conforms, result.report()


def test_clean_corpus_exits_0(cli, inputs_dir, tmp_path):
    run = cli("build", str(inputs_dir), "--out", str(tmp_path / "b"), "--no-views")
    assert run.status == 0, run.stderr
    assert "skipped:" not in run.stderr
    assert run.stdout.startswith("read 5 of 5 documents, ")


def test_missing_input_next_to_good_ones_is_skipped_and_named(cli, inputs_dir, tmp_path):
    missing = tmp_path / "2025-02" / "lost.txt"
    out = tmp_path / "b"
    run = cli("build", str(inputs_dir / "guatemala_flights.txt"), str(missing), "--out", str(out),
              "--no-views")
    assert run.status == 1
    assert f"skipped: {missing}: no such file; check the path" in run.stderr.splitlines()
    rows = events_rows(out)
    assert [(r["actor_country"], r["relation"], r["target_country"]) for r in rows] == [
        ("GTM", "acceptsDeportees", "USA"), ("GTM", "meetsWith", "USA"), ("USA", "visits", "GTM")]
    graph = load_nt(out / "graph.nt")
    assert (None, rdflib.URIRef("https://w3id.org/stancegraph/ontology#path"), rdflib.Literal(str(missing))) \
        in graph


def test_build_result_lists_skipped_and_repaired_inputs(tmp_path, inputs_dir, png_bytes):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.html").write_bytes((inputs_dir / "panama_page.html").read_bytes())
    (folder / "b.txt").write_bytes(png_bytes)
    result = build([folder], out=tmp_path / "out", views=False)
    assert not result.ok
    assert result.documents == 2
    assert result.skipped == [(str(folder / "b.txt"),
                               "binary file (a PNG image); convert it to text or HTML first")]
    assert result.warnings == [(str(folder / "a.html"), "HTML stripped to text")]
    assert result.events == len(events_rows(tmp_path / "out"))
    assert sorted(result.outputs) == ["entities.csv", "events.csv", "graph.jsonld", "graph.nt", "graph.ttl",
                                      "store"]


# ----------------------------------------------------------------------------------------- idempotence
def test_building_twice_into_two_folders_gives_identical_outputs(corpus_build, corpus_dir, tmp_path):
    again = build([str(corpus_dir)], out=tmp_path / "again", views=False)
    for name in OUTPUT_FILES:
        assert (corpus_build.out / name).read_bytes() == (tmp_path / "again" / name).read_bytes(), name
    first, second = load_nt(corpus_build.out / "graph.nt"), load_nt(tmp_path / "again" / "graph.nt")
    assert len(first) == len(second) == corpus_build.result.triples == again.triples
    assert isomorphic(first, second)
    assert store_size(tmp_path / "again") == again.triples


def test_building_twice_into_the_same_folder_duplicates_nothing(inputs_dir, tmp_path):
    out = tmp_path / "build"
    first = build([inputs_dir], out=out, views=False)
    before = {name: (out / name).read_bytes() for name in OUTPUT_FILES}
    size = store_size(out)
    listing = sorted(p.name for p in out.iterdir())
    second = build([inputs_dir], out=out, views=False)
    assert second.triples == first.triples == size
    assert store_size(out) == size
    assert len(load_nt(out / "graph.nt")) == size
    assert {name: (out / name).read_bytes() for name in OUTPUT_FILES} == before
    assert sorted(p.name for p in out.iterdir()) == listing
    assert hidden_entries(out) == []


def test_parallel_extraction_gives_the_same_graph(corpus_build, corpus_dir, tmp_path):
    build([str(corpus_dir)], out=tmp_path / "jobs2", views=False, jobs=2)
    for name in ("graph.ttl", "events.csv", "entities.csv"):
        assert (tmp_path / "jobs2" / name).read_bytes() == (corpus_build.out / name).read_bytes(), name


# --------------------------------------------------------------------------------------- atomic outputs
@pytest.fixture
def previous_build(tmp_path, inputs_dir):
    """A finished build of one article, its output bytes and store size, for interruption tests."""
    out = tmp_path / "build"
    build([inputs_dir / "guatemala_flights.txt"], out=out, views=False)
    return out, {name: (out / name).read_bytes() for name in OUTPUT_FILES}, store_size(out)


def test_interrupted_publish_keeps_the_previous_build(previous_build, inputs_dir, monkeypatch):
    out, before, size = previous_build

    def interrupt_switch(out: Path, generation: Path) -> None:
        # Ctrl-C once the new generation is complete, right before it becomes the current one.
        raise KeyboardInterrupt

    monkeypatch.setattr(graph.publish, "_switch", interrupt_switch)
    with pytest.raises(KeyboardInterrupt):
        build([inputs_dir], out=out, views=False)
    monkeypatch.undo()
    assert store_size(out) == size
    assert {name: (out / name).read_bytes() for name in OUTPUT_FILES} == before
    assert hidden_entries(out) == []


@pytest.mark.parametrize("stage", ["serialize-jsonld", "persist_store"])
def test_interrupted_build_keeps_all_previous_outputs(previous_build, inputs_dir, monkeypatch, stage):
    out, before, size = previous_build
    # Patch the function where it is defined and where build.py may have imported it.
    if stage == "persist_store":
        def fail(*args, **kwargs):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(graph.store, "persist_store", fail)
        monkeypatch.setattr(graph.build, "persist_store", fail, raising=False)
    else:
        real = graph.rdf.serialize

        def fail_jsonld(triples, fmt):
            if fmt == "jsonld":
                raise OSError(28, "No space left on device")
            return real(triples, fmt)

        monkeypatch.setattr(graph.rdf, "serialize", fail_jsonld)
        monkeypatch.setattr(graph.build, "serialize", fail_jsonld, raising=False)
    with pytest.raises(OSError):
        build([inputs_dir / "washington_dateline.txt"], out=out, views=False)
    monkeypatch.undo()
    assert hidden_entries(out) == []
    assert store_size(out) == size
    assert {name: (out / name).read_bytes() for name in OUTPUT_FILES} == before


# ---------------------------------------------------------------------------------- seed and corpus
SEED_COUNTRIES = ("USA", "MEX", "GTM", "HND", "PAN", "COL", "VEN", "CHN", "CRI", "SLV", "DOM")
SEED_PEOPLE = {
    "marco-rubio": ("Marco Rubio", "USA"),
    "claudia-sheinbaum": ("Claudia Sheinbaum", "MEX"),
    "jose-raul-mulino": ("José Raúl Mulino", "PAN"),
    "nicolas-maduro": ("Nicolás Maduro", "VEN"),
    "donald-trump": ("Donald Trump", "USA"),
    "richard-grenell": ("Richard Grenell", "USA"),
    "mauricio-claver-carone": ("Mauricio Claver-Carone", "USA"),
}


def test_seed_graph_conforms(seed_build):
    result = validate(seed_build.out / "graph.ttl")
    assert result.conforms, result.report()
    assert seed_build.result.ok and seed_build.result.events > 0


@pytest.mark.parametrize("iso3", SEED_COUNTRIES)
def test_seed_countries_are_in_the_graph(seed_build, iso3):
    assert seed_build.ask(f'country:{iso3} a sg:Country ; sg:iso3 "{iso3}" ; rdfs:label ?label')


@pytest.mark.parametrize("slug", sorted(SEED_PEOPLE))
def test_seed_people_are_linked_to_their_country(seed_build, slug):
    name, iso3 = SEED_PEOPLE[slug]
    assert seed_build.select(f"SELECT ?name ?country WHERE {{ person:{slug} a sg:Person ; rdfs:label ?name ; "
                             "sg:country ?country }") == [(name, f"https://w3id.org/stancegraph/id/country/{iso3}")]


def test_seed_events_involve_only_known_countries(seed_build):
    rows = seed_build.select("SELECT DISTINCT ?c WHERE { ?e a sg:StanceEvent ; "
                             "sg:actorCountry|sg:targetCountry ?c }")
    assert rows
    assert {iri.rsplit("/", 1)[1] for (iri,) in rows} <= set(SEED_COUNTRIES)


@pytest.mark.parametrize(
    "fact",
    [
        "country:GTM sg:acceptsDeportees country:USA",  # took deportees on military planes
        "country:MEX sg:refusesMilitaryDeportationFlights country:USA",  # refused US military flights
        "country:HND sg:threatenedExpulsion country:USA",  # threatened to expel US troops
        "country:COL sg:allowsMilitaryDeportationFlights country:USA",  # let the flights land
        "country:USA sg:threatenedSanctions country:COL",  # the threatened trade war
        "person:marco-rubio sg:visits country:PAN",  # first stop of the trip
        "person:richard-grenell sg:visits country:VEN",  # Grenell's visit to Caracas
        "person:jose-raul-mulino sg:rejects country:USA",  # no negotiation over the canal
    ],
)
def test_seed_contains_the_stances_it_reports(seed_build, fact):
    assert seed_build.ask(fact)


def test_seed_cli_build_repeats_the_library_build(seed_build, cli, tmp_path):
    seeds = Path(seed_build.select("SELECT ?p WHERE { ?s sg:path ?p }")[0][0]).parent
    run = cli("build", str(seeds), "--out", str(tmp_path / "seed"), "--no-views")
    assert run.status == 0, run.stderr
    for name in OUTPUT_FILES:
        assert (tmp_path / "seed" / name).read_bytes() == (seed_build.out / name).read_bytes(), name


def test_corpus_cli_build_exits_0_and_repeats_the_library_build(corpus_build, corpus_dir, cli, tmp_path):
    run = cli("build", str(corpus_dir), "--out", str(tmp_path / "c"), "--no-views")
    assert run.status == 0, run.stderr
    assert run.stderr == ""
    assert (tmp_path / "c" / "graph.ttl").read_bytes() == (corpus_build.out / "graph.ttl").read_bytes()
    assert "README.md" not in (tmp_path / "c" / "graph.ttl").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "fact",
    [
        "country:GTM sg:acceptsDeportees country:USA",  # 10: Guatemala takes more flights
        "country:COL sg:acceptsDeportees country:USA",  # 03: Colombian flights land
        "country:USA sg:threatenedSanctions country:COL",  # 02: tariff order against Colombia
        "country:PAN sg:reducesCooperation country:CHN",  # 07: Panama leaves the Belt and Road
        "country:SLV sg:acceptsDeportees country:USA",  # 08: Bukele's offer
        "country:VEN sg:acceptsDeportees country:USA",  # 13: return flights to Venezuela
    ],
)
def test_corpus_contains_the_main_stances(corpus_build, fact):
    assert corpus_build.ask(fact)


def test_full_build_with_views_writes_analysis_and_html(tmp_path, inputs_dir):
    analyze, render = importlib.import_module("graph.analyze"), importlib.import_module("graph.render")
    if not (hasattr(analyze, "write_analysis") and hasattr(render, "write_html")):
        pytest.skip("graph.analyze.write_analysis or graph.render.write_html is not available yet")
    result = build([inputs_dir], out=tmp_path / "full")
    for name in ("stances.csv", "graph.gexf", "graph.graphml", "graph.html", *OUTPUT_FILES):
        path = tmp_path / "full" / name
        assert path.is_file() and path.stat().st_size > 0, name
    assert result.outputs["graph.html"] == tmp_path / "full" / "graph.html"
    page = (tmp_path / "full" / "graph.html").read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<!doctype html")
    assert hidden_entries(tmp_path / "full") == []


# ------------------------------------------------------------------------------------ nothing is lost
@pytest.mark.parametrize("inputs", ["empty folder", "only unreadable files"])
def test_a_build_that_reads_nothing_changes_nothing(previous_build, tmp_path, png_bytes, cli, inputs):
    out, before, size = previous_build
    folder = tmp_path / "in"
    folder.mkdir()
    if inputs == "only unreadable files":
        (folder / "scan.txt").write_bytes(png_bytes)
    run = cli("build", str(folder), "--out", str(out))
    assert run.status == (2 if inputs == "empty folder" else 1)
    assert f"{out} is unchanged" in run.stderr and "Traceback" not in run.stderr
    assert {name: (out / name).read_bytes() for name in OUTPUT_FILES} == before
    assert store_size(out) == size


def test_an_unknown_focus_is_refused_before_any_work(previous_build, inputs_dir, cli, monkeypatch):
    out, before, _ = previous_build

    def no_extraction(*args, **kwargs):
        raise AssertionError("extraction ran")

    monkeypatch.setattr(graph.build, "run_extraction", no_extraction)
    run = cli("build", str(inputs_dir), "--out", str(out), "--focus", "XYZ")
    assert run.status == 2 and "unknown focus country 'XYZ'" in run.stderr
    assert {name: (out / name).read_bytes() for name in OUTPUT_FILES} == before


def test_out_that_is_a_file_is_a_clear_error(inputs_dir, tmp_path, cli):
    target = tmp_path / "README.md"
    target.write_text("notes\n", encoding="utf-8")
    run = cli("build", str(inputs_dir), "--out", str(target))
    assert run.status == 2 and f"--out {target} is a file" in run.stderr
    assert target.read_text(encoding="utf-8") == "notes\n"


def test_a_folder_stancegraph_did_not_write_is_never_replaced(inputs_dir, tmp_path, cli):
    out = tmp_path / "mine"
    (out / "store").mkdir(parents=True)
    (out / "store" / "precious.txt").write_text("x\n", encoding="utf-8")
    run = cli("build", str(inputs_dir), "--out", str(out))
    assert run.status == 2 and "was not written by stancegraph" in run.stderr
    assert (out / "store" / "precious.txt").read_text(encoding="utf-8") == "x\n"


def test_other_files_in_the_output_folder_are_left_alone(inputs_dir, tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep\n", encoding="utf-8")
    build([inputs_dir], out=out, views=False)
    build([inputs_dir], out=out, views=False)
    assert (out / "notes.txt").read_text(encoding="utf-8") == "keep\n"


def test_a_build_of_the_earlier_layout_is_taken_over(inputs_dir, tmp_path):
    """Plain files and a store in place, as earlier versions wrote them, become a generation of their own."""
    out = tmp_path / "build"
    build([inputs_dir / "guatemala_flights.txt"], out=out, views=False)
    current = out / ".current"
    for name in OUTPUT_FILES + ("store",):
        (out / name).unlink()
        (current / name).rename(out / name)
    for name in (".current", ".generations", ".stancegraph"):
        graph.publish._remove(out / name)
    (out / ".staging-abc123").mkdir()  # what an interrupted build of that layout left behind
    result = build([inputs_dir], out=out, views=False)
    assert result.ok and store_size(out) == result.triples
    assert all((out / name).is_symlink() for name in OUTPUT_FILES)
    build([inputs_dir], out=out, views=False)
    assert hidden_entries(out) == []


def test_stale_generations_of_killed_builds_are_removed(previous_build, inputs_dir):
    out, _, _ = previous_build
    stale = graph.publish.new_generation(out)  # a build killed while writing
    (stale / "graph.nt").write_text("partial", encoding="utf-8")
    build([inputs_dir], out=out, views=False)
    assert not stale.exists()
    assert hidden_entries(out) == []


def test_a_second_build_waits_for_the_first_or_refuses(inputs_dir, tmp_path):
    out = tmp_path / "build"
    with graph.publish.locked(out):
        with pytest.raises(BuildFolderError, match="another build into"):
            build([inputs_dir], out=out, views=False, wait=False)
    assert build([inputs_dir], out=out, views=False, wait=False).ok


def test_a_killed_build_leaves_the_previous_one_published(previous_build, inputs_dir, tmp_path):
    """A build process killed (SIGKILL) after writing its generation but before publishing it."""
    import signal
    import subprocess
    import sys
    import textwrap

    out, before, size = previous_build
    script = textwrap.dedent(f"""
        import os, signal
        import graph.publish
        def die(out, generation):
            os.kill(os.getpid(), signal.SIGKILL)
        graph.publish._switch = die
        from graph.build import build
        build([{str(inputs_dir)!r}], out={str(out)!r}, views=False)
    """)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert run.returncode == -signal.SIGKILL
    assert {name: (out / name).read_bytes() for name in OUTPUT_FILES} == before
    assert store_size(out) == size
    assert build([inputs_dir], out=out, views=False).ok
    assert hidden_entries(out) == []


def test_a_country_outside_iso_3166_is_a_valid_focus(inputs_dir, tmp_path):
    """Kosovo (XKX) is in the project's country table though not in ISO 3166: the early check accepts it."""
    assert build([inputs_dir], out=tmp_path / "build", views=False, focus="XKX").ok


def test_an_output_name_without_a_build_beside_it_is_someone_elses(inputs_dir, tmp_path, cli):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "events.csv").write_text("my own table\n", encoding="utf-8")
    run = cli("build", str(inputs_dir), "--out", str(out))
    assert run.status == 2 and f"{out / 'events.csv'} was not written by stancegraph" in run.stderr
    assert (out / "events.csv").read_text(encoding="utf-8") == "my own table\n"


def test_a_build_hands_what_it_kept_back_to_the_garbage_collector(tmp_path):
    """A build keeps the articles' results out of the collector's sight while it runs (gc.freeze); after it,
    and after a build that found nothing to build, everything is collectable again."""
    import gc

    from graph.build import NothingToBuild

    from conftest import CORPUS

    frozen, enabled = gc.get_freeze_count(), gc.isenabled()
    build([CORPUS], out=tmp_path / "build", views=False)
    assert (gc.get_freeze_count(), gc.isenabled()) == (frozen, enabled)
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "a.txt").write_bytes(b"\x00\x01")
    with pytest.raises(NothingToBuild):
        build([empty], out=tmp_path / "nothing", views=False)
    assert (gc.get_freeze_count(), gc.isenabled()) == (frozen, enabled)
