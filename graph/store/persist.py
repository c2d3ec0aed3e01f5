"""Opening and persisting the store: the build's N-Triples in an on-disk Oxigraph store, opened read-only.

`persist_store` loads the graph into a fresh folder and swaps it in only once complete, so a reader never
sees half a store; `bulk_load_file` feeds the loader in pieces of whole lines to bound its memory.
`open_store` accepts a build folder, a store folder or an RDF file, so every command takes the same
`--graph`; `raw_view` gives the extraction before corrections and `to_rdflib` an rdflib view for code that
wants rdflib's API.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph import ontology
from graph.outputs import atomic_path

#: Prefixes of the shared model (from graph.ontology): usable in any query without declaring them, and
#: used to shorten IRIs in table output (country:USA).
PREFIXES = ontology.PREFIXES


class GraphNotFoundError(FileNotFoundError):
    """The graph to open does not exist (no build yet, wrong --graph)."""


# --------------------------------------------------------------------------------------------- stores


def _rdf_format(path: Path) -> ox.RdfFormat:
    """The RDF format of a file from its extension, with a clear error for anything else."""
    extension = path.suffix.lstrip(".").lower()
    # pyoxigraph maps .txt (text/plain) to N-Triples; a .txt here is far more likely an article.
    fmt = ox.RdfFormat.from_extension(extension) if extension not in ("", "txt") else None
    if fmt is None:
        raise ValueError(f"{path}: unknown RDF file extension; use .nt, .ttl, .nq, .trig, .jsonld or .rdf")
    return fmt


def _is_store_dir(path: Path) -> bool:
    """True for a folder holding an Oxigraph (RocksDB) store."""
    return (path / "CURRENT").is_file()


def _resolve_graph(graph: Path | str) -> Path:
    """The store folder or RDF file behind `graph` (a build folder, a store folder or an RDF file)."""
    path = Path(graph)
    if path.is_dir():
        if _is_store_dir(path / "store"):
            return path / "store"
        for name in ("graph.nt", "graph.ttl"):
            if (path / name).is_file():
                return path / name
        if _is_store_dir(path):
            return path
        raise GraphNotFoundError(
            f"{path}: neither a build folder (store/, graph.nt or graph.ttl) nor an Oxigraph store; "
            "run `stancegraph build` first or pass --graph"
        )
    if not path.is_file():
        raise GraphNotFoundError(f"{path}: no such graph; run `stancegraph build` first or pass --graph")
    return path


def open_store(graph: Path | str | ox.Store = "build") -> ox.Store:
    """Open a graph for querying.

    `graph` is a build folder (uses its `store/`, else its `graph.nt` or `graph.ttl`), an Oxigraph store
    folder (opened read-only, so a server or another reader may share it), an RDF file (Turtle,
    N-Triples, JSON-LD... loaded into memory), or an already open Store (returned as is).
    Raises GraphNotFoundError when there is nothing to open.
    """
    if isinstance(graph, ox.Store):
        return graph
    path = _resolve_graph(graph)
    if path.is_dir():
        return ox.Store.read_only(str(path))
    store = ox.Store()
    store.bulk_load(path=str(path), format=_rdf_format(path))
    return store


#: Events outside the curated graph: rejected by a person, or replaced by a person's revision (see
#: graph/corrections/). Every reader of events (graph.load_events, the named queries) leaves them out.
_INVALIDATED = "SELECT DISTINCT ?event WHERE { ?event <http://www.w3.org/ns/prov#wasInvalidatedBy> ?by }"

#: What `raw_view` removes: the events and mentions people made, and the marks of corrections on the others.
_RAW_UPDATE = """
PREFIX sg: <https://w3id.org/stancegraph/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
DELETE { ?m ?p ?o } WHERE {
  ?e sg:reviewStatus sg:Curated ; sg:hasMention ?m .
  FILTER NOT EXISTS { ?other sg:hasMention ?m FILTER NOT EXISTS { ?other sg:reviewStatus sg:Curated } }
  ?m ?p ?o };
DELETE { ?s ?p ?e } WHERE { ?e sg:reviewStatus sg:Curated . ?s ?p ?e };
DELETE { ?e ?p ?o } WHERE { ?e sg:reviewStatus sg:Curated ; ?p ?o };
DELETE { ?e prov:wasInvalidatedBy ?c } WHERE { ?e prov:wasInvalidatedBy ?c };
DELETE { ?e prov:invalidatedAtTime ?t } WHERE { ?e prov:invalidatedAtTime ?t }
"""


def invalidated_events(store: ox.Store) -> set[str]:
    """IRIs of the events a correction rejected or replaced (`prov:wasInvalidatedBy`): not part of the
    curated graph that stances, the view and the named queries read."""
    return {row["event"].value for row in store.query(_INVALIDATED)}


def raw_view(graph: Path | str | ox.Store = "build") -> ox.Store:
    """The graph as the extractor made it, in memory: the events people changed or added (review status
    sg:Curated) left out, and the rejected and replaced events back in. Everything that reads the curated
    graph reads this one the same way (`stancegraph stances --raw`, `query --raw`, ...). The shortcut triples
    (actor relation target) stay those of the curated graph."""
    source = open_store(graph)
    store = ox.Store()
    store.bulk_extend(source.quads_for_pattern(None, None, None, None))
    store.update(_RAW_UPDATE)
    return store


def persist_store(nt_file: Path, store_dir: Path, *, previous: Path | None = None, change=None) -> bool:
    """Bulk-load an N-Triples (or Turtle) file into a fresh on-disk Oxigraph store at `store_dir`.

    The store is built beside `store_dir` and swapped in only once complete, so readers never see a
    half-loaded store and a failed load leaves the previous one in place. Refuses to replace a folder
    that is not an Oxigraph store (a wrong path must not delete someone's files). `previous`, the previous
    build's store, and `change` (a `graph.incremental.Change`: how `nt_file` differs from that store's
    graph) let a large graph's store be made from that store instead (graph/incremental.py); the previous
    store is only read. True when the store was made from the previous one.
    """
    from graph.incremental import update_from_previous

    nt_file, store_dir = Path(nt_file), Path(store_dir)
    if not nt_file.is_file():
        raise FileNotFoundError(f"{nt_file}: no such RDF file to load into the store")
    fmt = _rdf_format(nt_file)
    if store_dir.exists() and not _is_store_dir(store_dir) and (store_dir.is_file() or any(store_dir.iterdir())):
        raise ValueError(f"{store_dir}: exists and is not an Oxigraph store; refusing to replace it")
    with atomic_path(store_dir) as tmp:
        if previous is not None and change is not None and update_from_previous(previous, change, tmp):
            return True
        store = ox.Store(str(tmp))
        bulk_load_file(store, nt_file, fmt)
        store.flush()
        del store  # closes RocksDB before the folder is renamed
        gc.collect()
    return False


#: Bytes of N-Triples per call of Oxigraph's bulk loader: loading a large file in one call holds it sorted in
#: memory (1.1 GB for 1.4 million triples on the bench machine), in pieces of this size it holds one piece
#: (280 MB) and is faster too (11 s instead of 30 s, the machine shared with other jobs).
BULK_LOAD_BYTES = 32 * 2**20


def bulk_load_file(store: ox.Store, path: Path, fmt: ox.RdfFormat) -> None:
    """Bulk-load an RDF file into `store`: N-Triples in pieces of whole lines (`BULK_LOAD_BYTES`), so memory
    stays bounded whatever the file's size; other formats, whose statements may span lines, whole."""
    if fmt != ox.RdfFormat.N_TRIPLES:
        store.bulk_load(path=str(path), format=fmt)
        return
    with open(path, "rb") as handle:
        rest = b""
        while block := handle.read(BULK_LOAD_BYTES):
            block = rest + block
            end = block.rfind(b"\n") + 1
            if end:
                store.bulk_load(input=block[:end], format=fmt)
            rest = block[end:]
        if rest.strip():
            store.bulk_load(input=rest, format=fmt)


def to_rdflib(graph: Path | str | ox.Store = "build", *, copy: bool = False) -> Any:
    """The graph as an `rdflib.Graph`, for code written against rdflib's API.

    By default the rdflib graph is a view over the Oxigraph store (oxrdflib, bound to the store's default
    graph where all stancegraph data lives), so nothing is copied and SPARQL runs in Oxigraph; an on-disk
    store opened read-only stays read-only. Plain strings then come back as
    ``Literal("x", datatype=XSD.string)``, equal in RDF 1.1 to ``Literal("x")``.
    With ``copy=True`` the triples are copied into rdflib's own in-memory store (slower, writable).
    """
    import rdflib
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    store = open_store(graph)
    if copy:
        result = rdflib.Graph()
        data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        result.parse(data=data.decode("utf-8"), format="nt")
    else:
        from oxrdflib import OxigraphStore

        result = rdflib.Graph(store=OxigraphStore(store=store), identifier=DATASET_DEFAULT_GRAPH_ID)
    for prefix, iri in PREFIXES.items():
        result.bind(prefix, iri, override=True)
    return result
