"""Incremental rebuilds (graph/incremental.py): a rebuild after articles were added, changed and removed gives
the outputs of a build from scratch of the same inputs, while reusing the previous build's store and results.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

import graph.documents
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


def kept_count(out: Path) -> dict:
    import json

    return json.loads(((out / ".current").resolve() / ".state" / "store.json").read_text(encoding="utf-8"))


def test_the_update_follows_the_kept_count_of_the_previous_store(corpus, tmp_path, always_incremental):
    """A build keeps how many triples its store holds; the next one updates the store from it (no count of
    the whole store) and keeps the new count, which is the store's."""
    out = tmp_path / "build"
    build([corpus], out=out, views=False)
    assert kept_count(out)["triples"] == len(ox.Store.read_only(str(out / "store")))
    previous = (out / ".current").resolve()
    change_corpus(corpus)
    build([corpus], out=out, views=False)
    assert inodes((out / ".current").resolve() / "store") & inodes(previous / "store")  # updated
    assert kept_count(out)["triples"] == len(ox.Store.read_only(str(out / "store"))) == len(
        file_triples(out / "graph.nt"))


def test_a_kept_count_that_is_not_the_stores_makes_a_fresh_load(corpus, tmp_path, always_incremental):
    """A kept count that does not match its store (its files as listed) is caught by the update's check: the
    store is loaded afresh, never left short of the graph."""
    import json

    out = tmp_path / "build"
    build([corpus], out=out, views=False)
    previous = (out / ".current").resolve()
    kept = kept_count(out)
    (previous / ".state" / "store.json").write_text(json.dumps({**kept, "triples": kept["triples"] + 1}),
                                                    encoding="utf-8")
    change_corpus(corpus)
    build([corpus], out=out, views=False)
    assert not inodes((out / ".current").resolve() / "store") & inodes(previous / "store")
    assert store_triples(out / "store") == file_triples(out / "graph.nt")


# ------------------------------------------------------------------------ the rebuild equals a build from scratch
ASSEMBLED = ("events.csv", "entities.csv", "graph.nt", "graph.ttl", "graph.jsonld")
VIEWS = ("stances.csv", "stance_changes.csv", "graph.html", "graph.graphml")


def article(day: int, *sentences: str, dateline: str = "WASHINGTON") -> str:
    return f"{dateline}, Feb. {day}, 2025 — " + "\n\n".join(sentences) + "\n"


RUBIO_MEXICO = "Secretary of State Marco Rubio said Mexico agreed to accept deportees from the United States."
MEXICO_AGAIN = "Mexico agreed to accept deportees from the United States, Marco Rubio said on Tuesday."
CHILE = "Chile condemned Argentina over the border incident."


def assert_same_as_from_scratch(inputs: list[Path], out: Path, scratch: Path, names=ASSEMBLED + VIEWS) -> None:
    """The rebuild in `out` wrote the same bytes as a build of the same inputs into an empty folder, and its
    store holds the same triples."""
    build(inputs, out=scratch)
    for name in names:
        assert (out / name).read_bytes() == (scratch / name).read_bytes(), name
    assert store_triples(out / "store") == store_triples(scratch / "store") == file_triples(out / "graph.nt")
    lines = (out / "graph.nt").read_bytes().splitlines()
    assert len(lines) == len(set(lines))  # no triple written twice


def test_a_rebuild_of_the_corpus_equals_a_build_from_scratch(corpus, tmp_path, always_incremental):
    out = tmp_path / "build"
    build([corpus], out=out)
    change_corpus(corpus)  # one changed, one removed, one added; the corpus has corrections.csv
    second = build([corpus], out=out)
    assert (second.cache.new, second.cache.changed, second.cache.removed) == (1, 1, 1)
    assert_same_as_from_scratch([corpus], out, tmp_path / "scratch")


@pytest.mark.parametrize("step", ["remove the shared person's other article", "join an event of another article",
                                  "split an event in two", "change only the title", "touch without change"])
def test_cross_document_changes_rebuild_as_from_scratch(tmp_path, always_incremental, step):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(article(3, RUBIO_MEXICO, CHILE), encoding="utf-8")
    (folder / "b.txt").write_text(article(4, MEXICO_AGAIN, dateline="MEXICO CITY"), encoding="utf-8")
    (folder / "c.txt").write_text(article(20, CHILE), encoding="utf-8")
    out = tmp_path / "build"
    build([folder], out=out)
    if step == "remove the shared person's other article":  # Marco Rubio stays, derived from b.txt only
        (folder / "a.txt").unlink()
    elif step == "join an event of another article":  # Feb 18 and Feb 20 Chile mentions become one event
        (folder / "d.txt").write_text(article(18, CHILE), encoding="utf-8")
    elif step == "split an event in two":  # without b.txt's Feb 4 mention, nothing changes Feb 3's event...
        (folder / "b.txt").write_text(article(12, MEXICO_AGAIN), encoding="utf-8")  # ...it moves to Feb 12
    elif step == "change only the title":
        (folder / "c.txt").write_text("Title: Border row\n\n" + article(20, CHILE), encoding="utf-8")
    else:
        (folder / "c.txt").write_text((folder / "c.txt").read_text(encoding="utf-8"), encoding="utf-8")
    second = build([folder], out=out)
    assert second.triples == len((out / "graph.nt").read_bytes().splitlines())
    assert_same_as_from_scratch([folder], out, tmp_path / "scratch")
    (folder / "e.txt").write_text(article(5, MEXICO_AGAIN, CHILE), encoding="utf-8")  # a third build reads the
    build([folder], out=out)  # results the second one carried over from the first
    assert_same_as_from_scratch([folder], out, tmp_path / "scratch-again")


def test_unchanged_files_are_not_read_again(corpus, tmp_path, monkeypatch):
    out = tmp_path / "build"
    build([corpus], out=out, views=False)
    read: list[str] = []
    real = graph.documents.read_document

    def reading(path, **kwargs):
        read.append(Path(path).name)
        return real(path, **kwargs)

    monkeypatch.setattr(graph.documents, "read_document", reading)
    change_corpus(corpus)
    build([corpus], out=out, views=False)
    assert sorted(read) == sorted([sorted(corpus.glob("*.txt"))[1].name, "20_new.txt"])


def test_graph_files_are_well_formed_when_assembled_from_parts(corpus, tmp_path):
    import json

    out = tmp_path / "build"
    build([corpus], out=out, views=False)
    change_corpus(corpus)
    build([corpus], out=out, views=False)
    expected = file_triples(out / "graph.nt")
    for name, fmt in (("graph.ttl", ox.RdfFormat.TURTLE), ("graph.jsonld", ox.RdfFormat.JSON_LD)):
        store = ox.Store()
        store.bulk_load(path=str(out / name), format=fmt)
        assert triples_of(store) == expected, name
    assert isinstance(json.loads((out / "graph.jsonld").read_text(encoding="utf-8")), list)


def test_a_killed_rebuild_leaves_the_previous_build_and_its_state(corpus, tmp_path, always_incremental, monkeypatch):
    out = tmp_path / "build"
    build([corpus], out=out, views=False)
    previous = (out / ".current").resolve()
    before = {p.relative_to(previous): p.read_bytes() for p in previous.rglob("*") if p.is_file()}
    change_corpus(corpus)
    real = graph.incremental.update_from_previous

    def interrupted(*args, **kwargs):
        real(*args, **kwargs)
        raise KeyboardInterrupt  # Ctrl-C once the new store is made, before it is published

    monkeypatch.setattr(graph.incremental, "update_from_previous", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build([corpus], out=out, views=False)
    monkeypatch.undo()
    assert (out / ".current").resolve() == previous
    assert {p.relative_to(previous): p.read_bytes() for p in previous.rglob("*") if p.is_file()} == before
    build([corpus], out=out, views=False)
    assert_same_as_from_scratch([corpus], out, tmp_path / "scratch", names=ASSEMBLED)


def test_corrections_removed_then_added_again_rebuild_as_from_scratch(corpus, tmp_path, always_incremental):
    """With corrections events.csv lists the curated events as a whole; without them, each article's rows."""
    out = tmp_path / "build"
    corrections = (corpus / "corrections.csv").read_bytes()
    build([corpus], out=out)
    (corpus / "corrections.csv").unlink()
    build([corpus], out=out)
    assert_same_as_from_scratch([corpus], out, tmp_path / "without")
    (corpus / "corrections.csv").write_bytes(corrections)
    build([corpus], out=out)
    assert_same_as_from_scratch([corpus], out, tmp_path / "with")


# ------------------------------------------------------------------------ what a rebuild takes from the parts
def parts_and_store(inputs: list[Path], out: Path):
    """The graph's parts of `inputs` (without corrections) and the store a build of them writes."""
    from graph.build import run_extraction
    from graph.rdf import graph_parts
    from graph.store import open_store

    build(inputs, out=out, views=False)
    results = run_extraction(inputs)
    return results, graph_parts(results), open_store(out)


def test_the_documents_of_events_made_from_the_parts_are_those_the_store_says(corpus, tmp_path):
    """A rebuild takes the documents of the events it changed from the graph's parts
    (graph.assemble.source_table) instead of the store: the same table as the store's, for every event."""
    from graph.analyze import _source_table
    from graph.assemble import source_table
    from graph.build import curate
    from graph.rdf import graph_parts

    corrections = tmp_path / "corrections.csv"
    shutil.move(corpus / "corrections.csv", corrections)
    results, parts, store = parts_and_store([corpus], tmp_path / "build")
    events = {node.iri.value for node in parts.nodes}
    assert source_table(parts, events) == _source_table(store)
    assert source_table(parts, set()) == {}
    # with corrections the graph holds what no single part says: the store is read instead
    assert source_table(graph_parts(results, curate([corrections], results)), events) is None

    # one event reported twice in other words: its evidence's document is the first report, z.txt
    news = tmp_path / "news"
    news.mkdir()
    (news / "z.txt").write_text(article(3, RUBIO_MEXICO, CHILE), encoding="utf-8")
    (news / "b.txt").write_text(article(4, MEXICO_AGAIN, dateline="MEXICO CITY"), encoding="utf-8")
    _, parts, store = parts_and_store([news], tmp_path / "news-build")
    table = source_table(parts, {node.iri.value for node in parts.nodes})
    assert table == _source_table(store)
    assert (str(news / "z.txt"), (str(news / "b.txt"), str(news / "z.txt"))) in table.values()


def test_records_read_back_from_the_state_equal_those_made_by_their_class():
    import dataclasses

    from graph.assemble import _made_records
    from graph.records import Entity, Event

    event = Event("a.txt", "2025-02-03", "MEX", "country", "MEX", "acceptsDeportees", "USA", "country", "USA", 0.9,
                  "asserted", "immigration", "Mexico agreed.", 0, 14, trigger="agreed", event_date="2025-02-02")
    entity = Entity("a.txt", "Marco Rubio", "person", "USA", "secretary of state")
    for record in (event, entity):
        names = [f.name for f in dataclasses.fields(record)]
        [made] = _made_records(type(record), names, [[getattr(record, name)] for name in names])
        assert type(made) is type(record) and made == record and hash(made) == hash(record)
        assert repr(made) == repr(record)
    with pytest.raises(dataclasses.FrozenInstanceError):
        [made_event] = _made_records(Event, [f.name for f in dataclasses.fields(Event)],
                                     [[value] for value in dataclasses.astuple(event)])
        made_event.date = "2025-02-04"


def test_an_event_node_serialised_in_segments_is_the_whole_node(corpus, tmp_path):
    """Each of an event node's segments serialised alone, joined as the graph files join parts, gives the bytes
    of the whole node's part in every format: a rebuild may copy some segments and make the others."""
    from graph.assemble import _SEPARATOR, GRAPH_FILES, _body

    news = tmp_path / "news"
    news.mkdir()
    (news / "z.txt").write_text(article(3, RUBIO_MEXICO, CHILE), encoding="utf-8")
    (news / "b.txt").write_text(article(4, MEXICO_AGAIN, dateline="MEXICO CITY"), encoding="utf-8")
    _, parts, _ = parts_and_store([corpus, news], tmp_path / "build")
    cut = 0
    for node in parts.nodes:
        mentions = parts.segments(node)
        if mentions is None:
            continue
        segments = [parts.head(node)] + [parts.mention(node, mention) for mention in mentions]
        assert [t for segment in segments for t in segment] == parts.node(node)
        for name in GRAPH_FILES:
            joined = _SEPARATOR.get(name, b"").join(_body(name, segment) for segment in segments)
            assert joined == _body(name, parts.node(node)), name
        cut += len(segments) > 1
    assert cut


@pytest.mark.parametrize("step", ["a new report joins an event", "a later report of an event is removed"])
def test_a_rebuild_copies_the_segments_of_the_mentions_an_event_kept(tmp_path, always_incremental, step):
    """When a mention joins or leaves an event of several, the rebuild makes the event node's first segment and
    copies the segments of the mentions it kept; the files are those of a build from scratch."""
    from graph.assemble import PreviousBuild, write_outputs
    from graph.build import run_extraction
    from graph.publish import current_generation
    from graph.rdf import graph_parts

    folder = tmp_path / "news"
    folder.mkdir()
    for day, name in ((3, "a.txt"), (4, "b.txt"), (5, "c.txt")):
        (folder / name).write_text(article(day, MEXICO_AGAIN, CHILE), encoding="utf-8")
    out = tmp_path / "build"
    build([folder], out=out)
    if step == "a new report joins an event":
        (folder / "d.txt").write_text(article(6, MEXICO_AGAIN, CHILE), encoding="utf-8")
    else:  # the event keeps its first report, hence its IRI
        (folder / "b.txt").unlink()
    previous = PreviousBuild.load(current_generation(out))
    generation = tmp_path / "generation"
    generation.mkdir()
    done = write_outputs(generation, graph_parts(run_extraction([folder])), previous, {})
    assert done.reused_segments >= 2 and done.fresh_nodes
    build([folder], out=tmp_path / "scratch")
    for name in ASSEMBLED:
        assert (generation / name).read_bytes() == (tmp_path / "scratch" / name).read_bytes(), name
    before = (out / ".current").resolve()
    build([folder], out=out)
    # the store followed the change: made from the previous one (its files shared), not loaded afresh
    assert inodes((out / ".current").resolve() / "store") & inodes(before / "store")
    assert_same_as_from_scratch([folder], out, tmp_path / "scratch-again")


# ------------------------------------------------------------------------ the communities of the previous build
def kept_communities(out: Path) -> Path:
    return (out / ".current").resolve() / ".state" / "communities.json"


def communities_in(graphml: Path) -> dict[str, int]:
    import networkx as nx

    return {node: data["community"] for node, data in nx.read_graphml(graphml).nodes(data=True)}


def spoil_kept_communities(out: Path) -> dict[str, int]:
    """Give every node of the kept communities one of its own (not what the graph has) and return that."""
    import json

    path = kept_communities(out)
    kept = json.loads(path.read_text(encoding="utf-8"))
    assert len({index for _, index in kept["communities"]}) < len(kept["communities"])  # some are shared
    spoiled = {node: index for index, (node, _) in enumerate(kept["communities"])}
    path.write_text(json.dumps({**kept, "communities": list(spoiled.items())}), encoding="utf-8")
    return spoiled


@pytest.mark.parametrize("step", ["a new pair of actors", "the same pairs"])
def test_communities_are_reused_only_while_the_same_actors_deal_with_each_other(tmp_path, step):
    """A rebuild takes the previous build's communities when its projection (who deals with whom) is the same:
    the previous ones, spoiled here, then show in graph.graphml; a new pair of actors computes them again."""
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(article(3, RUBIO_MEXICO, CHILE), encoding="utf-8")
    (folder / "b.txt").write_text(article(4, MEXICO_AGAIN, dateline="MEXICO CITY"), encoding="utf-8")
    out = tmp_path / "build"
    build([folder], out=out)
    spoiled = spoil_kept_communities(out)
    if step == "a new pair of actors":
        (folder / "c.txt").write_text(article(9, "Peru expelled the Venezuelan ambassador."), encoding="utf-8")
        build([folder], out=out)
        assert_same_as_from_scratch([folder], out, tmp_path / "scratch")
        assert communities_in(out / "graph.graphml") != spoiled
    else:  # another report of a pair already there, days later: a new event, no new pair
        (folder / "c.txt").write_text(article(20, MEXICO_AGAIN), encoding="utf-8")
        second = build([folder], out=out)
        assert second.cache.new == 1
        assert communities_in(out / "graph.graphml") == spoiled
    assert kept_communities(out).is_file()  # kept again for the next build
