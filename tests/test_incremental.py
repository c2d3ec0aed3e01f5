"""Incremental rebuilds (graph/incremental.py): a rebuild after articles were added, changed and removed gives
the outputs of a build from scratch of the same inputs, while reusing the previous build's store and results.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

import graph.incremental
from graph.build import build

from conftest import CORPUS


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    return folder


@pytest.fixture
def always_incremental(monkeypatch):
    """Take the incremental store update for any graph size (by default only large graphs take it)."""
    monkeypatch.setattr(graph.incremental, "MIN_TRIPLES", 0)


def triples_of(store: ox.Store) -> set[str]:
    return {str(ox.Triple(q.subject, q.predicate, q.object)) for q in store.quads_for_pattern(None, None, None, None)}


def store_triples(folder: Path) -> set[str]:
    return triples_of(ox.Store.read_only(str(folder)))


def file_triples(path: Path) -> set[str]:
    """The triples of an N-Triples file as a store holds them (Oxigraph writes literals in canonical form:
    the file's 0.80 is the store's 0.8)."""
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.N_TRIPLES)
    return triples_of(store)


def change_corpus(corpus: Path) -> None:
    """One article changed, one removed, one added."""
    articles = sorted(corpus.glob("*.txt"))
    articles[1].write_text(articles[1].read_text(encoding="utf-8") + "\nPeru expelled the Venezuelan ambassador.\n",
                           encoding="utf-8")
    articles[-1].unlink()
    (corpus / "20_new.txt").write_text("Chile condemned Argentina over the border incident.\n", encoding="utf-8")


def inodes(store: Path) -> set[int]:
    return {path.stat().st_ino for path in store.iterdir() if path.suffix == ".sst"}


def test_the_store_is_updated_from_the_previous_one_and_equals_a_fresh_load(corpus, tmp_path, always_incremental):
    out = tmp_path / "build"
    build([corpus], out=out, views=False)
    previous = (out / ".current").resolve()
    before = store_triples(previous / "store")
    change_corpus(corpus)
    build([corpus], out=out, views=False)
    current = (out / ".current").resolve()
    assert current != previous
    # made from a checkpoint of the previous store: its files are shared, not copied
    assert inodes(current / "store") & inodes(previous / "store")
    assert store_triples(previous / "store") == before == file_triples(previous / "graph.nt")
    fresh = tmp_path / "fresh"
    build([corpus], out=fresh, views=False)
    assert store_triples(out / "store") == file_triples(out / "graph.nt") == store_triples(fresh / "store")
    assert store_triples(out / "store") != before


def test_a_store_that_is_not_its_graph_is_loaded_afresh(corpus, tmp_path, always_incremental):
    out = tmp_path / "build"
    build([corpus], out=out, views=False)
    previous = (out / ".current").resolve()
    # the previous store lost a triple its graph.nt has: the update would not give the new graph
    store = ox.Store(str(previous / "store"))
    store.remove(next(iter(store.quads_for_pattern(None, None, None, None))))
    store.flush()
    del store
    change_corpus(corpus)
    build([corpus], out=out, views=False)
    current = (out / ".current").resolve()
    assert not inodes(current / "store") & inodes(previous / "store")
    assert store_triples(out / "store") == file_triples(out / "graph.nt")
