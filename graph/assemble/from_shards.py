"""The outputs of a build through shards, written one shard or one piece of N-Triples at a time.

The merge across reports made shard by shard (graph/merge.py) leaves the graph in files no process reads
whole; the tables and graph files are written from them piece by piece, so memory stays that of one piece.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from graph.assemble.files import GRAPH_FILES, TABLE_FILES, _body, _File
from graph.extract import entities_csv, events_csv
from graph.records import Entity, Event

#: Bytes of N-Triples (whole lines) turned into Turtle and JSON-LD at a time by `write_from_shards`.
PIECE_BYTES = 4 * 2**20


def write_from_shards(folder: Path, shards: Path) -> int:
    """Write events.csv, entities.csv and the graph files into `folder` from a shard folder whose `merged.nt`
    is written (graph/shards.py), one shard or one piece of N-Triples at a time; the number of triples
    (lines of graph.nt). A build through shards uses this when the merge across reports was made shard by
    shard (graph/merge.py): the tables are each shard's rows in input order, the same bytes as the parts of
    `write_outputs`; the graph files hold the triples of the shards' files (the same graph, in another order,
    a triple two mentions share possibly twice). No state is written: the results of every article would be
    needed to name the parts, so the next build into the folder is made afresh (its extraction comes from the
    cache)."""
    from graph.shards import shard_ids, triple_files

    files = {name: _File(folder / name, None) for name in (*GRAPH_FILES, *TABLE_FILES)}
    triples = 0
    try:
        for shard in shard_ids(shards):
            _shard_rows(shards, shard, files)
        for path in triple_files(shards):
            for piece in nt_pieces(path):
                triples += piece.count(b"\n")
                _graph_piece(piece, files)
    finally:
        for handle in files.values():
            handle.close()
    return triples


def _shard_rows(shards: Path, shard: str, files: dict[str, _File]) -> None:
    """A shard's rows of events.csv and entities.csv: its articles' rows one after the other."""
    import pyarrow.parquet as pq

    for name, kind, record, to_csv in (("events.csv", "events", Event, events_csv),
                                       ("entities.csv", "entities", Entity, entities_csv)):
        rows = pq.read_table(shards / kind / f"{shard}.parquet", use_threads=False).drop_columns(["doc"]).to_pylist()
        files[name].add(to_csv(record(**row) for row in rows)[len(to_csv(())):].encode("utf-8"))


def _graph_piece(piece: bytes, files: dict[str, _File]) -> None:
    """One piece of N-Triples, as it is into graph.nt and serialised into graph.ttl and graph.jsonld."""
    import pyoxigraph as ox

    files["graph.nt"].add(piece)
    triples = list(ox.parse(input=piece, format=ox.RdfFormat.N_TRIPLES))
    for name in ("graph.ttl", "graph.jsonld"):
        files[name].add(_body(name, triples))


def nt_pieces(path: Path, size: int = PIECE_BYTES) -> Iterator[bytes]:
    """The bytes of an N-Triples file in pieces of whole lines, about `size` each."""
    with path.open("rb") as handle:
        rest = b""
        while block := handle.read(size):
            block = rest + block
            end = block.rfind(b"\n") + 1
            if end:
                yield block[:end]
            rest = block[end:]
        if rest.strip():
            yield rest if rest.endswith(b"\n") else rest + b"\n"
