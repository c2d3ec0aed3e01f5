"""Sharded builds (graph/shards.py): extraction results on disk as Parquet and N-Triples, loaded back into
Oxigraph (pyoxigraph's bulk loader and the `oxigraph load` command) as the same graph as the in-memory build."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pyoxigraph as ox
import pytest

import graph.extract
import graph.rdf
from bench.extract_bench import generate
from graph.assemble import STATE
from graph.build import build
from graph.cli import main
from graph.documents import read_documents
from graph.publish import current_generation
from graph.rdf import graph_parts, to_triples
from graph.shards import (
    MANIFEST,
    _merge_whole,
    extract_to_shards,
    load_shards,
    merge_shards,
    read_results,
    shard_ids,
    triple_files,
    write_shard,
)

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
MESSY = REPO / "tests" / "data" / "messy"
OXIGRAPH = Path(sys.executable).parent / "oxigraph"


def _triples(store_dir: Path) -> set[ox.Triple]:
    store = ox.Store.read_only(str(store_dir))
    triples = {quad.triple for quad in store}
    assert all(not isinstance(term, ox.BlankNode) for t in triples for term in (t.subject, t.object))
    return triples  # no blank nodes: the graphs are isomorphic exactly when the sets are equal


@pytest.fixture(scope="module", params=[CORPUS, MESSY], ids=["corpus", "messy"])
def built(request, tmp_path_factory) -> tuple[Path, Path]:
    """(the corpus, the store of its in-memory build)."""
    out = tmp_path_factory.mktemp("memory")
    build([request.param], out=out, views=False)
    return request.param, out / "store"


def test_shards_load_into_the_same_graph_as_the_in_memory_build(built, tmp_path):
    corpus, reference = built
    result = build([corpus], out=tmp_path / "untouched", store=False, shards=tmp_path / "shards")
    assert not (tmp_path / "untouched").exists()
    assert result.outputs == {"shards": tmp_path / "shards"}
    load_shards(tmp_path / "shards", tmp_path / "store")
    assert _triples(tmp_path / "store") == _triples(reference)
    assert result.triples >= len(_triples(reference))


def test_the_oxigraph_bulk_loader_reads_the_shards(built, tmp_path):
    corpus, reference = built
    build([corpus], store=False, shards=tmp_path / "shards")
    files = [str(p) for p in triple_files(tmp_path / "shards")]
    run = subprocess.run([str(OXIGRAPH), "load", "--location", str(tmp_path / "store"), "--file", *files],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert _triples(tmp_path / "store") == _triples(reference)


def _same_outputs(out: Path, memory: Path) -> None:
    """The outputs of a build through shards are those of the in-memory build: the store holds the same
    triples, the tables are the same bytes, and each graph file is the same graph (a streamed build writes its
    triples in another order)."""
    assert _triples(out / "store") == _triples(memory / "store")
    for name in ("events.csv", "entities.csv"):
        assert (out / name).read_bytes() == (memory / name).read_bytes(), name
    graph = _nt(memory / "graph.nt")  # as written: the store keeps a number in its canonical form
    for name, rdf in (("graph.nt", ox.RdfFormat.N_TRIPLES), ("graph.ttl", ox.RdfFormat.TURTLE),
                      ("graph.jsonld", ox.RdfFormat.JSON_LD)):
        assert {quad.triple for quad in ox.parse(path=str(out / name), format=rdf)} == graph, name


def test_a_build_through_shards_writes_the_same_outputs(built, tmp_path):
    corpus, reference = built
    result = build([corpus], out=tmp_path / "out", views=False, shards=tmp_path / "shards")
    _same_outputs(tmp_path / "out", reference.parent)
    assert result.triples >= len(_triples(reference)) and result.events > 0


def test_a_streamed_build_draws_the_same_views_and_writes_no_state(tmp_path):
    """Without corrections a build through shards merges them key by key and reads the views from the store:
    the same analysis and page as the in-memory build; it leaves no state for the next build to reuse. (The
    bundled corpus's articles without its corrections file.)"""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in CORPUS.glob("*.txt"):
        (corpus / path.name).write_bytes(path.read_bytes())
    build([corpus], out=tmp_path / "memory")
    build([corpus], out=tmp_path / "out", shards=tmp_path / "shards")
    _same_outputs(tmp_path / "out", tmp_path / "memory")
    for name in ("stances.csv", "stance_changes.csv", "graph.html", "graph.gexf", "graph.graphml"):
        assert (tmp_path / "out" / name).read_bytes() == (tmp_path / "memory" / name).read_bytes(), name
    assert (current_generation(tmp_path / "memory") / STATE / "meta.json").is_file()
    assert not (current_generation(tmp_path / "out") / STATE).exists()
    assert (tmp_path / "shards" / "triples" / "merged.nt").is_file()


def test_builds_with_and_without_shards_follow_each_other_in_one_folder(tmp_path):
    """An in-memory build, then one through shards (its state not reused: none written), then an in-memory
    build again (afresh, its articles' results from the cache), all into one folder: each gives the outputs of
    a build from scratch."""
    reference = tmp_path / "reference"
    build([MESSY], out=reference, views=False)
    out = tmp_path / "out"
    build([MESSY], out=out, views=False)
    build([MESSY], out=out, views=False, shards=tmp_path / "shards")
    _same_outputs(out, reference)
    again = build([MESSY], out=out, views=False)
    assert again.cache.unchanged == again.documents  # nothing extracted again
    _same_outputs(out, reference)
    for name in ("graph.nt", "graph.ttl", "graph.jsonld"):
        assert (out / name).read_bytes() == (reference / name).read_bytes(), name
    assert (current_generation(out) / STATE / "meta.json").is_file()


def test_small_partitions_give_the_same_results(tmp_path):
    documents = list(read_documents([CORPUS]))
    whole = [graph.extract.extract_document(d) for d in documents]
    shards = extract_to_shards(iter(documents), tmp_path, size=4)
    assert len(shards) == len(shard_ids(tmp_path)) == -(-len(documents) // 4)
    back = read_results(tmp_path, text=True)
    assert [r.document for r in back] == [r.document for r in whole]
    assert [r.events for r in back] == [r.events for r in whole]
    assert [r.entities for r in back] == [r.entities for r in whole]
    events = pq.read_table(tmp_path / "events").num_rows
    assert events == sum(len(r.events) for r in whole)


def test_a_partition_written_twice_is_one_shard(tmp_path):
    documents = list(read_documents([CORPUS]))[:3]
    results = [graph.extract.extract_document(d) for d in documents]
    first = write_shard(tmp_path, results)
    second = write_shard(tmp_path, results)  # a retried task
    assert first.id == second.id
    assert sorted(p.name for p in (tmp_path / "events").iterdir()) == [f"{first.id}.parquet"]
    assert sorted(p.name for p in (tmp_path / "triples").iterdir()) == [f"{first.id}.nt"]


def test_a_rerun_replaces_the_shards_of_the_previous_run(tmp_path):
    documents = list(read_documents([CORPUS]))
    extract_to_shards(iter(documents), tmp_path, size=5)
    again = extract_to_shards(iter(documents[:4]), tmp_path, size=5)
    assert shard_ids(tmp_path) == [again[0].id]
    assert [p.stem for p in (tmp_path / "events").iterdir()] == [again[0].id]
    assert len(read_results(tmp_path)) == 4


def test_an_article_that_fails_is_reported_and_skipped(tmp_path, monkeypatch):
    real = graph.extract.extract_document

    def flaky(document):
        if document.source.endswith(".txt") and "01_" in document.source:
            raise RuntimeError("boom")
        return real(document)

    monkeypatch.setattr(graph.extract, "extract_document", flaky)
    result = build([CORPUS], store=False, shards=tmp_path / "shards")
    failed = [(s, why) for s, why in result.skipped if "extraction failed" in why]
    assert len(failed) == 1 and "RuntimeError: boom" in failed[0][1] and "01_" in failed[0][0]
    assert not result.ok
    back = {r.document.source: r for r in read_results(tmp_path / "shards")}
    assert len(back) == result.documents and back[failed[0][0]].document.skipped == failed[0][1]
    assert back[failed[0][0]].events == [] and result.events > 0


def test_cli_writes_shards_and_stops(tmp_path, capsys):
    assert main(["build", str(CORPUS), "--out", str(tmp_path / "out"), "--shards", str(tmp_path / "shards"),
                 "--no-store"]) == 0
    printed = capsys.readouterr().out
    assert "triples/*.nt" in printed and "oxigraph load" in printed
    assert (tmp_path / "shards" / MANIFEST).is_file() and not (tmp_path / "out").exists()
    assert main(["build", str(CORPUS), "--no-store"]) == 2
    assert "--no-store needs --shards" in capsys.readouterr().err


def _nt(path: Path) -> set[ox.Triple]:
    return {quad.triple for quad in ox.parse(path=str(path), format=ox.RdfFormat.N_TRIPLES)}


@pytest.mark.parametrize("corpus", [CORPUS, MESSY], ids=["corpus", "messy"])
def test_the_merge_read_shard_by_shard_equals_the_whole_merge(corpus, tmp_path):
    """Small partitions put mentions of one event in several shards (and undated ones, in the messy set); the
    shards' files together are the graph of the in-memory build."""
    extract_to_shards(read_documents([corpus]), tmp_path, size=3)
    assert len(shard_ids(tmp_path)) > 4
    streamed = _nt(merge_shards(tmp_path))
    results = read_results(tmp_path)
    assert streamed == _nt(_merge_whole(tmp_path, None, results))
    assert set().union(*(_nt(path) for path in triple_files(tmp_path))) == set(to_triples(results))
    nodes = graph_parts(results).nodes
    assert len(nodes) < sum(len(node.group.mentions) for node in nodes)  # some events did merge


def test_the_merge_by_key_on_a_generated_corpus(tmp_path):
    """Hundreds of mentions per key over four weeks of dates, in 12 shards: the same triples as the whole merge."""
    generate(400_000, folder=tmp_path / "corpus")
    extract_to_shards(read_documents([tmp_path / "corpus"]), tmp_path / "shards", size=13)
    streamed = _nt(merge_shards(tmp_path / "shards"))
    whole = _merge_whole(tmp_path / "shards", None, read_results(tmp_path / "shards"))
    assert streamed == _nt(whole)
    assert len(streamed) > 10_000


def test_one_article_given_twice_is_merged_whole(built, tmp_path):
    corpus, _ = built
    twice = build([corpus, corpus], out=tmp_path / "memory", views=False)
    result = build([corpus, corpus], store=False, shards=tmp_path / "shards")
    assert result.documents == twice.documents and result.events == twice.events
    load_shards(tmp_path / "shards", tmp_path / "store")
    assert _triples(tmp_path / "store") == _triples(tmp_path / "memory" / "store")
    build([corpus, corpus], out=tmp_path / "out", views=False, shards=tmp_path / "shards")  # merged whole
    _same_outputs(tmp_path / "out", tmp_path / "memory")


def test_a_write_failing_in_the_merge_by_key_leaves_the_previous_build(tmp_path, monkeypatch):
    """A disk that fills while the merge writes its N-Triples (graph/merge.py, through `graph.rdf.serialize`)
    stops the build with the error, and the previous build's outputs stay as they were. The merge once bound
    `serialize` at import, so a failure patched where the function lives never reached it."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in CORPUS.glob("*.txt"):
        (corpus / path.name).write_bytes(path.read_bytes())
    out = tmp_path / "out"
    build([corpus], out=out, views=False)
    before = {path.name: path.read_bytes() for path in out.iterdir() if path.is_file()}
    real = graph.rdf.serialize

    def fail_in_merge(triples, fmt):
        if sys._getframe(1).f_globals.get("__name__") == "graph.merge":
            raise OSError(28, "No space left on device")
        return real(triples, fmt)

    monkeypatch.setattr(graph.rdf, "serialize", fail_in_merge)
    with pytest.raises(OSError):
        build([corpus], out=out, views=False, shards=tmp_path / "shards")
    monkeypatch.undo()
    assert {path.name: path.read_bytes() for path in out.iterdir() if path.is_file()} == before
