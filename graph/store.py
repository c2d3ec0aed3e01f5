"""The store stage: the built graph in Oxigraph (on disk under build/store/), opened for SPARQL."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox


def open_store(graph: Path | str | ox.Store = "build") -> ox.Store:
    """Open a graph for querying.

    `graph` is a build folder (uses its `store/`, else its `graph.ttl`), an Oxigraph store folder,
    an RDF file (Turtle, N-Triples, JSON-LD... loaded into memory), or an already open Store.
    """
    if isinstance(graph, ox.Store):
        return graph
    path = Path(graph)
    if path.is_dir():
        if (path / "store").is_dir():
            return ox.Store.read_only(str(path / "store"))
        if (path / "graph.ttl").is_file():
            path = path / "graph.ttl"
        else:
            return ox.Store.read_only(str(path))
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such graph; run `stancegraph build` first or pass --graph")
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.from_extension(path.suffix.lstrip(".")))
    return store
