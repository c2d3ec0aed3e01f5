"""Memory that must not grow with the corpus: N-Triples are bulk-loaded into Oxigraph one piece of whole lines
at a time (graph.store.bulk_load_file), a shards-only build merges events across reports shard by shard
(graph/merge.py), and a build with a store through shards writes its tables, graph files and store from the
shards the same way. Each load or build runs in a fresh process and reports its peak resident memory (getrusage);
the bounds are generous, no time is measured.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox

REPO = Path(__file__).resolve().parents[1]
LOAD = """
import resource, sys
from pathlib import Path
import graph.store.persist as store
store.BULK_LOAD_BYTES = int(sys.argv[3])
store.persist_store(Path(sys.argv[1]), Path(sys.argv[2]))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""
EVIDENCE = ("Mexico agreed to accept deportees from the United States, the foreign ministry said in a statement "
            "published on Monday, after talks in Washington")


def graph_file(path: Path, mentions: int) -> Path:
    """A graph shaped like a build's: mentions with their evidence, offsets and source (4 triples each)."""
    sg = "https://w3id.org/stancegraph/ontology#"
    with path.open("w", encoding="utf-8") as handle:
        for i in range(mentions):
            node = f"<https://w3id.org/stancegraph/id/mention/{i:016x}>"
            handle.write(f'{node} <{sg}evidence> "{EVIDENCE} ({i})" .\n'
                         f'{node} <{sg}start> "{i % 5000}"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
                         f'{node} <{sg}source> <https://w3id.org/stancegraph/id/source/{i // 40:016x}> .\n'
                         f'{node} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{sg}Mention> .\n')
    return path


def peak_mb(tmp_path: Path, mentions: int, piece: int) -> int:
    """Peak resident memory (MB) of a process that loads a graph of `mentions` mentions into a store."""
    source = graph_file(tmp_path / f"graph-{mentions}.nt", mentions)
    store = tmp_path / f"store-{mentions}-{piece}"
    run = subprocess.run([sys.executable, "-c", LOAD, str(source), str(store), str(piece)], cwd=REPO,
                         capture_output=True, text=True, check=True)
    assert len(ox.Store.read_only(str(store))) == 4 * mentions
    return int(run.stdout.split()[-1])


def test_loading_a_graph_holds_one_piece_of_it_whatever_its_size(tmp_path):
    piece = 4 * 2**20
    small, large = peak_mb(tmp_path, 50_000, piece), peak_mb(tmp_path, 200_000, piece)  # 11 and 45 MB of N-Triples
    assert large < small + 40, (small, large)


BUILD = """
import resource, sys
from graph.build import build
build([sys.argv[1]], shards=sys.argv[2], store=False)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def build_peak_mb(tmp_path: Path, megabytes: float) -> int:
    """Peak resident memory (MB) of a process that builds a generated corpus of `megabytes` into shards only."""
    from bench.extract_bench import generate

    corpus = tmp_path / f"corpus-{megabytes}"
    generate(int(megabytes * 1e6), folder=corpus)
    run = subprocess.run([sys.executable, "-c", BUILD, str(corpus), str(tmp_path / f"shards-{megabytes}")], cwd=REPO,
                         capture_output=True, text=True, check=True)
    assert (tmp_path / f"shards-{megabytes}" / "triples" / "merged.nt").stat().st_size > 1e6
    return int(run.stdout.split()[-1])


def test_a_shards_only_build_holds_little_more_for_five_times_the_corpus(tmp_path):
    """2 and 10 MB of generated news (some 770 and 3,900 articles, 3,300 and 16,000 event mentions): the merge
    reads the shards one at a time and keeps counts, not mentions, so the build's peak grows by less than 40 MB
    (measured 209 to 215 MB, then 213 to 238 MB; what grows is the event nodes, keys and names, which the
    larger corpus has more of). Reading every extraction result back, it grew by 60 to 80 MB (213 to 225 MB,
    then 281 to 291 MB)."""
    small, large = build_peak_mb(tmp_path, 2), build_peak_mb(tmp_path, 10)
    assert large < small + 40, (small, large)


STORE_BUILD = """
import resource, sys
import graph.store.persist as store
store.BULK_LOAD_BYTES = 4 * 2**20
from graph.build import build
build([sys.argv[1]], out=sys.argv[2], shards=sys.argv[3], views=False)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def store_build_peak_mb(tmp_path: Path, megabytes: float) -> int:
    """Peak resident memory (MB) of a process that builds a generated corpus of `megabytes` through shards into
    a build folder: graph files, tables, store and views."""
    from bench.extract_bench import generate

    corpus, out = tmp_path / f"corpus-{megabytes}", tmp_path / f"out-{megabytes}"
    generate(int(megabytes * 1e6), folder=corpus)
    shards = tmp_path / f"shards-{megabytes}"
    run = subprocess.run([sys.executable, "-c", STORE_BUILD, str(corpus), str(out), str(shards)], cwd=REPO,
                         capture_output=True, text=True, check=True)
    assert (out / "graph.nt").stat().st_size > 1e6 and (out / "store").is_dir()
    return int(run.stdout.split()[-1])


def test_a_build_with_a_store_through_shards_holds_little_more_for_five_times_the_corpus(tmp_path):
    """The same corpora built through shards into a build folder with a store (no views: they read one row per
    event node from the store, and grow with the event nodes): merged key by key, the tables and graph files
    written shard by shard, the store loaded from graph.nt. The store is loaded in pieces of 4 MB of
    N-Triples here, so that both graphs (14 and 55 MB) load in several pieces: with the default piece (32 MB)
    the smaller graph loads in one smaller piece, and the peak would follow the piece, not the corpus.
    Measured 240 to 245, 239 to 267 and 253 to 253 MB; holding every article's results for the tables, graph
    files and state (the build before), 250 to 370 and 252 to 366 MB, and the test fails."""
    small, large = store_build_peak_mb(tmp_path, 2), store_build_peak_mb(tmp_path, 10)
    assert large < small + 50, (small, large)
