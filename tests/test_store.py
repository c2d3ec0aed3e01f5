"""Opening, persisting and converting the graph (graph/store/persist.py)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from graph import store

MINI = Path(__file__).parent / "data" / "store" / "mini.ttl"
MINI_TRIPLES = 534  # statements in mini.ttl, counted by hand per block and checked by a second parser below
SG = "https://w3id.org/stancegraph/ontology#"


def count(graph: ox.Store) -> int:
    return len(list(graph.quads_for_pattern(None, None, None, None)))


@pytest.fixture
def mini_nt(tmp_path) -> Path:
    """mini.ttl as N-Triples, the format the build hands to persist_store."""
    path = tmp_path / "graph.nt"
    triples = [q.triple for q in ox.parse(path=str(MINI), format=ox.RdfFormat.TURTLE)]
    ox.serialize(triples, str(path), ox.RdfFormat.N_TRIPLES)
    return path


def test_fixture_size_agrees_with_rdflib():
    assert len(rdflib.Graph().parse(MINI, format="turtle")) == MINI_TRIPLES


def test_persist_store_bulk_loads_ntriples_into_the_default_graph(tmp_path, mini_nt):
    target = tmp_path / "build" / "store"
    store.persist_store(mini_nt, target)
    opened = store.open_store(target)
    assert count(opened) == MINI_TRIPLES
    assert list(opened.named_graphs()) == []
    assert store.query("ASK { country:GTM sg:acceptsDeportees country:USA }", graph=opened).boolean


def test_persist_store_accepts_turtle(tmp_path):
    store.persist_store(MINI, tmp_path / "store")
    assert count(store.open_store(tmp_path / "store")) == MINI_TRIPLES


def test_persist_store_swaps_a_previous_store(tmp_path, mini_nt):
    target = tmp_path / "store"
    small = tmp_path / "small.nt"
    small.write_text(f"<{SG}a> <{SG}b> <{SG}c> .\n", encoding="utf-8")
    store.persist_store(small, target)
    reader = store.open_store(target)
    store.persist_store(mini_nt, target)
    assert count(store.open_store(target)) == MINI_TRIPLES
    assert count(reader) == 1  # a reader opened before the swap keeps its snapshot
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.nt", "small.nt", "store"]


def test_failed_load_keeps_the_previous_store(tmp_path, mini_nt):
    target = tmp_path / "store"
    store.persist_store(mini_nt, target)
    broken = tmp_path / "broken.nt"
    broken.write_text(f"<{SG}a> <{SG}b> .\n", encoding="utf-8")
    with pytest.raises(SyntaxError):
        store.persist_store(broken, target)
    assert count(store.open_store(target)) == MINI_TRIPLES
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.nt", "graph.nt", "store"]


def test_persist_store_refuses_to_replace_a_folder_that_is_not_a_store(tmp_path, mini_nt):
    precious = tmp_path / "notes"
    precious.mkdir()
    (precious / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ValueError, match="not an Oxigraph store"):
        store.persist_store(mini_nt, precious)
    assert (precious / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_persist_store_missing_input(tmp_path):
    with pytest.raises(FileNotFoundError, match="nothing.nt"):
        store.persist_store(tmp_path / "nothing.nt", tmp_path / "store")


def test_open_store_prefers_the_build_store_then_the_graph_files(tmp_path, mini_nt):
    build = tmp_path / "build"
    build.mkdir()
    (build / "graph.ttl").write_text(f"<{SG}a> <{SG}b> <{SG}c> .\n", encoding="utf-8")
    assert count(store.open_store(build)) == 1
    store.persist_store(mini_nt, build / "store")
    assert count(store.open_store(build)) == MINI_TRIPLES
    assert count(store.open_store(str(build / "store"))) == MINI_TRIPLES


def test_open_store_reads_rdf_files_and_passes_stores_through(mini_nt):
    assert count(store.open_store(MINI)) == MINI_TRIPLES
    assert count(store.open_store(mini_nt)) == MINI_TRIPLES
    already = ox.Store()
    assert store.open_store(already) is already


@pytest.mark.parametrize("name", ["nothing", "empty-dir"])
def test_open_store_missing_graph(tmp_path, name):
    (tmp_path / "empty-dir").mkdir()
    with pytest.raises(store.GraphNotFoundError, match="stancegraph build"):
        store.open_store(tmp_path / name)


def test_open_store_unknown_extension(tmp_path):
    path = tmp_path / "graph.txt"
    path.write_text("hello", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown RDF file extension"):
        store.open_store(path)


def test_on_disk_store_is_opened_read_only(tmp_path, mini_nt):
    store.persist_store(mini_nt, tmp_path / "store")
    opened = store.open_store(tmp_path / "store")
    with pytest.raises((OSError, RuntimeError), match="read-write|read-only"):
        opened.add(ox.Quad(ox.NamedNode(SG + "a"), ox.NamedNode(SG + "b"), ox.NamedNode(SG + "c")))
        opened.flush()
    assert count(store.open_store(tmp_path / "store")) == MINI_TRIPLES


def test_to_rdflib_view_sees_the_default_graph(tmp_path, mini_nt):
    store.persist_store(mini_nt, tmp_path / "store")
    view = store.to_rdflib(tmp_path / "store")
    assert len(view) == MINI_TRIPLES
    country = rdflib.Namespace("https://w3id.org/stancegraph/id/country/")
    assert (country.MEX, rdflib.URIRef(SG + "acceptsDeportees"), country.USA) in view
    labels = {str(row[0]) for row in view.query("SELECT ?l WHERE { ?c a sg:Country ; rdfs:label ?l }")}
    assert {"Mexico", "Panama", "United States"} <= labels
    assert dict(view.namespaces())["country"] == rdflib.URIRef(str(country))


def test_to_rdflib_copy_is_an_independent_writable_graph():
    copy = store.to_rdflib(MINI, copy=True)
    assert isinstance(copy.store, rdflib.plugins.stores.memory.Memory)
    assert len(copy) == MINI_TRIPLES
    copy.add((rdflib.URIRef(SG + "a"), rdflib.URIRef(SG + "b"), rdflib.Literal("c")))
    assert len(copy) == MINI_TRIPLES + 1
    assert (None, None, rdflib.Literal("Mexico")) in copy
