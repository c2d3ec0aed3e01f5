"""Extraction results on disk, in shards: what lets a build outgrow one process's memory and one machine.

A sharded run cuts the articles into partitions (a few hundred articles read one after the other, or a group
of files or one news dump on a Dask cluster: graph/distributed.py), extracts each partition and writes its
results into a shard folder:

    DIR/documents/<id>.parquet    one row per article (its record, text included, for corrections' `add`)
    DIR/events/<id>.parquet       one row per event mention (every field of `graph.records.Event`)
    DIR/entities/<id>.parquet     one row per named actor (every field of `graph.records.Entity`)
    DIR/triples/<id>.nt           the articles' own triples (sg:SourceDocument), N-Triples
    DIR/triples/merged.nt         the triples that need every article (events merged across reports, people,
                                  organisations, countries), written by `merge_shards` from the events and
                                  entities alone
    DIR/manifest.json             the shards of the last run, in input order

`<id>` is a hash of the partition's content (each article's cache key: path, content hash, metadata and the
extractor's version), so a partition extracted twice, a retried task or a rerun, overwrites its shard instead
of adding a second one, and each file is written under a temporary name and renamed into place. The manifest
says which shards make up the run; shards of earlier runs that it does not list are removed.

The union of every `triples/*.nt` is the graph of the in-memory build (the same triples), so any triple store
can bulk-load the folder: `load_shards` into an Oxigraph store here, `oxigraph load` or another store's
loader elsewhere (docs/scaling.md).
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from graph.cache import document_key, extractor_version
from graph.records import Document, Entity, Event

MANIFEST = "manifest.json"
MERGED = "merged.nt"
#: Articles per partition of a local sharded run: what is held in memory at once, text included.
PARTITION_SIZE = 500
_KINDS = ("documents", "events", "entities")
_ARROW = {str: pa.string(), int: pa.int64(), float: pa.float64(), "str": pa.string(), "int": pa.int64(),
          "float": pa.float64(), "tuple[str, ...]": pa.list_(pa.string())}


def _schema(record: type, extra: Sequence[tuple[str, pa.DataType]] = ()) -> pa.Schema:
    fields = [pa.field(name, kind) for name, kind in extra]
    fields += [pa.field(f.name, _ARROW[f.type]) for f in dataclasses.fields(record)]
    return pa.schema(fields)


#: Events and entities carry `doc`, the row of their article in the partition's documents table.
SCHEMAS = {"documents": _schema(Document), "events": _schema(Event, [("doc", pa.int32())]),
           "entities": _schema(Entity, [("doc", pa.int32())])}


@dataclass
class Shard:
    """One partition written to disk."""

    id: str
    documents: int = 0
    events: int = 0
    entities: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  #: (source, reason) of unreadable articles
    failed: list[tuple[str, str]] = field(default_factory=list)  #: (source, error) of articles extraction failed on
    index: int = 0  #: the partition's place in the input


def partition_id(documents: Sequence[Document]) -> str:
    """The shard name of a partition: a hash of its articles' cache keys (content and extractor version)."""
    digest = hashlib.sha256(extractor_version().encode())
    for document in documents:
        digest.update(document_key(document).encode() + b"\0")
    return digest.hexdigest()[:24]


def _atomic_write(path: Path, write) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(temporary)
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()


def write_shard(folder: str | Path, results: Sequence, *, failed: Sequence[tuple[str, str]] = ()) -> Shard:
    """Write one partition's `DocumentResult`s as a shard of `folder`; the same partition gives the same
    files under the same names. `failed`: articles whose extraction raised (reported, not written)."""
    from graph.rdf import serialize, source_triples

    folder = Path(folder)
    documents = [r.document for r in results]
    shard = Shard(partition_id(documents), len(documents), failed=list(failed))
    rows: dict[str, list[dict]] = {kind: [] for kind in _KINDS}
    for index, result in enumerate(results):
        record = dataclasses.asdict(result.document)
        record["warnings"] = list(record["warnings"])
        rows["documents"].append(record)
        if result.document.skipped:
            shard.skipped.append((result.document.source, result.document.skipped))
        rows["events"].extend({"doc": index, **dataclasses.asdict(e)} for e in result.events)
        rows["entities"].extend({"doc": index, **dataclasses.asdict(e)} for e in result.entities)
    shard.events, shard.entities = len(rows["events"]), len(rows["entities"])
    for kind in _KINDS:
        table = pa.Table.from_pylist(rows[kind], schema=SCHEMAS[kind])
        _atomic_write(folder / kind / f"{shard.id}.parquet",
                      lambda path, table=table: pq.write_table(table, path, compression="zstd"))
    data = serialize(source_triples(results), "nt")
    _atomic_write(folder / "triples" / f"{shard.id}.nt", lambda path: path.write_bytes(data))
    return shard


def write_manifest(folder: str | Path, shards: Sequence[Shard]) -> None:
    """Name the shards of this run, in input order, and remove the files of shards it does not list."""
    folder = Path(folder)
    ids = list(dict.fromkeys(s.id for s in shards))
    payload = {"extractor": extractor_version(), "shards": ids,
               "documents": sum(s.documents for s in shards), "events": sum(s.events for s in shards),
               "failed": [list(f) for s in shards for f in s.failed]}
    _atomic_write(folder / MANIFEST, lambda path: path.write_text(json.dumps(payload, indent=1), encoding="utf-8"))
    keep = set(ids)
    for kind, suffix in (*((k, ".parquet") for k in _KINDS), ("triples", ".nt")):
        for path in (folder / kind).glob(f"*{suffix}"):
            if path.name != MERGED and path.name[: -len(suffix)] not in keep:
                with contextlib.suppress(OSError):
                    path.unlink()
        for path in (folder / kind).glob(".*.tmp"):  # left by a worker killed while writing
            with contextlib.suppress(OSError):
                path.unlink()
    with contextlib.suppress(OSError):
        (folder / "triples" / MERGED).unlink()  # made from the shards of another run


def shard_ids(folder: str | Path) -> list[str]:
    """The shards of the last run into `folder`, in input order."""
    path = Path(folder) / MANIFEST
    try:
        return list(json.loads(path.read_text(encoding="utf-8"))["shards"])
    except FileNotFoundError:
        raise FileNotFoundError(f"{folder}: no {MANIFEST}; not a shard folder, or its run did not finish") from None


def read_shard(folder: str | Path, shard: str, *, text: bool = True) -> list:
    """The `DocumentResult`s of one shard, in input order; `text=False` leaves each document's text empty
    (the graph needs none of it: only corrections that add an event look into an article)."""
    from graph.extract import DocumentResult

    folder = Path(folder)
    columns = None if text else [f.name for f in dataclasses.fields(Document) if f.name != "text"]
    documents = pq.read_table(folder / "documents" / f"{shard}.parquet", columns=columns).to_pylist()
    results = []
    for row in documents:
        row["warnings"] = tuple(row["warnings"] or ())
        results.append(DocumentResult(Document(**{"text": "", **row}), [], []))
    for kind, record, attribute in (("events", Event, "events"), ("entities", Entity, "entities")):
        for row in pq.read_table(folder / kind / f"{shard}.parquet").to_pylist():
            getattr(results[row.pop("doc")], attribute).append(record(**row))
    return results


def read_results(folder: str | Path, *, text: bool = False) -> list:
    """Every `DocumentResult` of the last run into `folder`, in input order (see `read_shard`)."""
    return [result for shard in shard_ids(folder) for result in read_shard(folder, shard, text=text)]


def merge_shards(folder: str | Path, curation=None, results: Sequence | None = None) -> Path:
    """Write `triples/merged.nt`: the triples that need every article (merged events, people, organisations,
    countries, corrections), made from the shards' events and entities (`results` when already read). They
    are written part by part (each event node, then the rest: `graph.rdf.GraphParts`), so they are never all
    in memory at once. Without `results` or a `curation`, the shards are read one at a time, several times
    (graph/merge.py), and neither the events nor the entities are ever all in memory."""
    from graph.merge import summarise

    folder = Path(folder)
    if results is None and curation is None:
        shards = shard_ids(folder)
        if summarise(folder, shards).distinct:
            path = folder / "triples" / MERGED
            _atomic_write(path, lambda temporary: _merge_by_key(temporary, folder, shards))
            return path
    return _merge_whole(folder, curation, read_results(folder) if results is None else results)


def _merge_by_key(path: Path, folder: Path, shards: list[str]) -> None:
    """Write the merged triples of `shards` into `path`, reading one shard at a time (graph/merge.py)."""
    from graph.merge import merged_by_key

    with path.open("wb") as handle:
        merged_by_key(folder, shards, handle)


def _merge_whole(folder: Path, curation, results: Sequence) -> Path:
    """`merge_shards` with every extraction result in memory: corrections need them all, and so does a corpus
    where two articles share a source or a source key (the graph names them once)."""
    from graph.rdf import graph_parts, serialize, to_triples

    parts = graph_parts(results, curation)

    def write(path: Path) -> None:
        with path.open("wb") as handle:
            if len(set(parts.sha_of.values())) < len(results):  # two inputs are one IRI: parts may overlap
                handle.write(serialize(to_triples(results, curation, sources=False), "nt"))
                return
            for node in parts.nodes:
                handle.write(serialize(parts.node(node), "nt"))
            handle.write(serialize(parts.rest(), "nt"))

    path = folder / "triples" / MERGED
    _atomic_write(path, write)
    return path


def triple_files(folder: str | Path) -> list[Path]:
    """The N-Triples files that together make the graph: each shard's, then `merged.nt`."""
    folder = Path(folder)
    files = [folder / "triples" / f"{shard}.nt" for shard in shard_ids(folder)]
    merged = folder / "triples" / MERGED
    if not merged.is_file():
        raise FileNotFoundError(f"{merged}: missing; run merge_shards (or a build with --shards) first")
    return [*files, merged]


def load_shards(folder: str | Path, store_dir: str | Path) -> None:
    """Bulk-load the graph of a shard folder into a fresh on-disk Oxigraph store (pyoxigraph's bulk loader,
    one N-Triples file after the other), swapped in once complete like `graph.store.persist_store`."""
    import pyoxigraph as ox

    from graph.outputs import atomic_path
    from graph.store import _is_store_dir, bulk_load_file

    files, store_dir = triple_files(folder), Path(store_dir)
    if store_dir.exists() and not _is_store_dir(store_dir) and (store_dir.is_file() or any(store_dir.iterdir())):
        raise ValueError(f"{store_dir}: exists and is not an Oxigraph store; refusing to replace it")
    with atomic_path(store_dir) as tmp:
        store = ox.Store(str(tmp))
        for path in files:
            bulk_load_file(store, path, ox.RdfFormat.N_TRIPLES)
        store.flush()
        del store  # closes RocksDB before the folder is renamed
        gc.collect()


def partitions(documents: Iterable[Document], size: int = PARTITION_SIZE) -> Iterator[list[Document]]:
    """Consecutive groups of `size` documents."""
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _extract_safely(document: Document):
    """(result, "") or (None, the error): one article that makes extraction raise is reported, not fatal."""
    from graph.extract import extract_document

    try:
        return extract_document(document), ""
    except Exception as error:  # noqa: BLE001 - one bad article must not lose its partition
        return None, f"{type(error).__name__}: {error}"


def extract_partition(documents: Sequence[Document], folder: str | Path, *, cache=None, pool=None) -> Shard:
    """Extract one partition (results from `cache` when it has them; over the processes of `pool`, a
    `concurrent.futures` executor, when given) and write its shard. An article whose extraction raises is
    reported in `Shard.failed` and kept as a skipped document ("extraction failed: ..."), with no events."""
    from graph.extract import DocumentResult

    cached = [cache.get(d) if cache is not None else None for d in documents]
    todo = [d for d, r in zip(documents, cached, strict=True) if r is None]
    fresh = iter(pool.map(_extract_safely, todo, chunksize=8) if pool is not None else map(_extract_safely, todo))
    results, failed = [], []
    for document, result in zip(documents, cached, strict=True):
        if result is None:
            result, error = next(fresh)
            if result is None:
                failed.append((document.source, error))
                results.append(DocumentResult(replace(document, text="", skipped=f"extraction failed: {error}"),
                                              [], []))
                continue
            if cache is not None:
                cache.put(result)
        results.append(result)
    return write_shard(folder, results, failed=failed)


def extract_to_shards(documents: Iterable[Document], folder: str | Path, *, cache=None, jobs: int = 1,
                      size: int = PARTITION_SIZE) -> list[Shard]:
    """Extract documents partition by partition into the shard folder `folder` and write its manifest; only
    one partition's articles are in memory at a time. `jobs` > 1 extracts over processes (0 = all cores)."""
    from concurrent.futures import ProcessPoolExecutor

    jobs = jobs or os.cpu_count() or 1
    with contextlib.ExitStack() as stack:
        pool = stack.enter_context(ProcessPoolExecutor(max_workers=jobs)) if jobs > 1 else None
        shards = [extract_partition(batch, folder, cache=cache, pool=pool) for batch in partitions(documents, size)]
    write_manifest(folder, shards)
    return shards
