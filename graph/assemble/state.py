"""The state a build leaves in its generation's `.state/` folder, and the previous build read back from it.

The state holds the extraction results of every article (Arrow IPC: documents without their text, events,
entities), how each input file looked on disk, and where each part sits in each file. It is reused only
when the same version of the code and data wrote it (`graph_version`) and the files have the sizes it
recorded, so an article whose file is unchanged is neither read nor extracted again.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import hashlib
import itertools
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.ipc as ipc

from graph import cache as extraction
from graph.assemble.files import _OFFSETS, GRAPH_FILES
from graph.extract import DocumentResult
from graph.extract.run import EXTRACTION_FAILED
from graph.ontology import ontology_dir
from graph.records import Document, Entity, Event

STATE = ".state"
#: Modules of the package (a file, or a subpackage and all its files) whose code decides the graph made from
#: extraction results (with the extractor's version).
_GRAPH_MODULES = ("assemble", "rdf", "ontology", "corrections", "records")
_STAT = ("size", "mtime_ns", "ctime_ns", "inode")


def graph_version() -> str:
    """A hash of the extractor's version, the code that makes the graph and the ontology: parts written by
    another version are never reused."""
    return hashlib.sha256((extraction.extractor_version() + _graph_code()).encode()).hexdigest()[:16]


@cache
def _graph_code() -> str:
    """A hash of the code that makes the graph from extraction results, and of the ontology."""
    digest = hashlib.sha256()
    package = Path(__file__).parent.parent
    for path in _module_files(package):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    for path in sorted(ontology_dir().glob("*.ttl")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _module_files(package: Path) -> list[Path]:
    """The source files of `_GRAPH_MODULES`: a module's file, or every file of a subpackage (a step moved into a
    module of its own still changes the hash)."""
    files = []
    for name in _GRAPH_MODULES:
        folder = package / name
        files.extend(sorted(folder.glob("*.py")) if folder.is_dir() else [package / f"{name}.py"])
    return files


@dataclass
class Stat:
    """How an input file looked on disk: unchanged size, times and inode mean unchanged content."""

    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int

    @classmethod
    def of(cls, path: Path) -> Stat | None:
        try:
            info = path.stat()
        except OSError:
            return None
        return cls(info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


_DOCUMENT_FIELDS = [f.name for f in dataclasses.fields(Document) if f.name != "text"]
_DOCUMENTS_SCHEMA = pa.schema(
    [pa.field("cache_key", pa.string())]
    + [pa.field(n, pa.list_(pa.string()) if n == "warnings" else pa.int64() if n == "body_start" else pa.string())
       for n in _DOCUMENT_FIELDS]
    + [pa.field(n, pa.int64()) for n in (*_STAT, *_OFFSETS)])
_GRAPH_OFFSETS = _OFFSETS[: 2 * len(GRAPH_FILES)]
_NODES_SCHEMA = pa.schema([pa.field("fingerprint", pa.string()), pa.field("segments", pa.int64())]
                          + [pa.field(n, pa.int64()) for n in _GRAPH_OFFSETS])
#: The segments of the event nodes' parts (`GraphParts.segments`), node after node: each segment's fingerprint
#: ("" for a segment never reused alone), its triples and where it sits in each graph file.
_SEGMENTS_SCHEMA = pa.schema([pa.field("fingerprint", pa.string()), pa.field("triples", pa.int64())]
                             + [pa.field(n, pa.int64()) for n in _GRAPH_OFFSETS])


def _record_schema(record: type) -> pa.Schema:
    kinds = {"str": pa.string(), "int": pa.int64(), "float": pa.float64()}
    return pa.schema([pa.field("doc", pa.int32())]
                     + [pa.field(f.name, kinds[str(f.type)]) for f in dataclasses.fields(record)])


_EVENTS_SCHEMA, _ENTITIES_SCHEMA = _record_schema(Event), _record_schema(Entity)


def _made_records(record: type, names: list[str], columns: list[list]) -> list:
    """The records whose field values (`names`, in order) are `columns`. A frozen dataclass (`Event`) sets each
    field through `object.__setattr__` in its `__init__`, which takes a second for the hundred thousand events
    of a rebuild; its fields are set at once here instead (the same record: equal, same hash, same fields in
    order). Other records (slotted, not frozen) are made by their class."""
    rows = zip(*columns, strict=True)
    if not record.__dataclass_params__.frozen or hasattr(record, "__slots__"):
        return list(itertools.starmap(record, rows))
    new = object.__new__

    def make(values: tuple) -> object:
        made = new(record)
        made.__dict__.update(zip(names, values, strict=True))
        return made

    return list(map(make, rows))


def save_table(table: pa.Table, path: Path) -> None:
    """Write a table of the state as an Arrow IPC file, LZ4-compressed: read back at several times the speed
    of Parquet (whose decoding took half a second of a rebuild of 20,000 articles), at a similar size."""
    options = ipc.IpcWriteOptions(compression="lz4", use_threads=False)  # threads cost more than they save here
    with ipc.new_file(path, table.schema, options=options) as writer:
        writer.write_table(table)


def load_table(path: Path) -> pa.Table:
    """A table of the state written by `save_table`."""
    with ipc.open_file(path, options=ipc.IpcReadOptions(use_threads=False)) as reader:
        return reader.read_all()


@contextlib.contextmanager
def paused_collection() -> Iterator[None]:
    """No cyclic garbage collection inside: the records read back from the state hold no cycles, and while
    hundreds of thousands of them are made the collector would otherwise walk the growing heap again and
    again (half a second of a rebuild of 20,000 articles)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class PreviousBuild:
    """The state of the previous build into the same folder, when it can be reused."""

    def __init__(self, folder: Path, meta: dict, documents: pa.Table, nodes: pa.Table, segments: pa.Table) -> None:
        self.folder = folder
        self.meta = meta
        self.documents = documents
        self.row_of: dict[tuple[str, str], int] = {
            (source, key): index for index, (source, key) in enumerate(zip(
                documents.column("source").to_pylist(), documents.column("cache_key").to_pylist(), strict=True))}
        self.by_source: dict[str, int] = {source: index for (source, _), index in self.row_of.items()}
        self.node_of: dict[str, int] = {fp: i for i, fp in enumerate(nodes.column("fingerprint").to_pylist())}
        self.doc_offsets = {n: documents.column(n).to_pylist() for n in _OFFSETS}
        self.node_offsets = {n: nodes.column(n).to_pylist() for n in _GRAPH_OFFSETS}
        self.segment_count: list[int] = nodes.column("segments").to_pylist()  #: each node's segments
        self.segment_start: list[int] = list(itertools.accumulate(self.segment_count, initial=0))[:-1]
        self.segment_prints: list[str] = segments.column("fingerprint").to_pylist()
        self.segment_of: dict[str, int] = {fp: i for i, fp in enumerate(self.segment_prints) if fp}
        self.segment_triples: list[int] = segments.column("triples").to_pylist()
        self.segment_offsets = {n: segments.column(n).to_pylist() for n in _GRAPH_OFFSETS}
        self._rows: list[dict] | None = None
        self._tables: dict[str, pa.Table] = {}
        self._events: list[list[Event]] | None = None
        self._entities: list[list[Entity]] | None = None

    @classmethod
    def load(cls, folder: Path | None) -> PreviousBuild | None:
        """The state of the generation `folder`, or None when there is none, it was written by another version
        or the files it describes are not as it says."""
        if folder is None:
            return None
        try:
            meta = json.loads((folder / STATE / "meta.json").read_text(encoding="utf-8"))
            if meta.get("version") != graph_version():
                return None
            for name, size in meta["sizes"].items():
                if (folder / name).stat().st_size != size:
                    return None
            documents = load_table(folder / STATE / "documents.arrow")
            nodes = load_table(folder / STATE / "nodes.arrow")
            segments = load_table(folder / STATE / "segments.arrow")
        except (OSError, ValueError, KeyError, pa.ArrowException):
            return None
        return cls(folder, meta, documents, nodes, segments)

    def _records(self) -> None:
        """Read the events and entities of every article of the previous build (once), column by column
        (a dict per row would take seconds at a hundred thousand events)."""
        count = self.documents.num_rows
        with paused_collection():
            self._events, self._entities = [[] for _ in range(count)], [[] for _ in range(count)]
            for kind, record, target in (("events", Event, self._events), ("entities", Entity, self._entities)):
                table = self.table(kind)
                names = [f.name for f in dataclasses.fields(record)]
                records = _made_records(record, names, [table.column(name).to_pylist() for name in names])
                for doc, made in zip(table.column("doc").to_pylist(), records, strict=True):
                    target[doc].append(made)

    def table(self, kind: str) -> pa.Table:
        """The previous build's events or entities table (read once)."""
        if kind not in self._tables:
            self._tables[kind] = load_table(self.folder / STATE / f"{kind}.arrow")
        return self._tables[kind]

    def event_rows(self) -> dict[str, dict] | None:
        """The previous build's `graph.analyze.event_rows`, or None when it made no views."""
        try:
            table = load_table(self.folder / STATE / "event_rows.arrow")
        except (OSError, pa.ArrowException):
            return None
        names, columns = table.column_names, table.to_pydict().values()  # column by column: faster than rows
        rows = (dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True))
        return {row["event"]: {**row, "sources": tuple(row["sources"] or ())} for row in rows}

    def reusable(self, path: Path, key: str, stat: Stat | None) -> DocumentResult | None:
        """The previous result of the input file `path` (found as `key`) when the file is unchanged on disk."""
        index = self.by_source.get(str(path))
        if index is None or stat is None:
            return None
        if self._rows is None:
            self._rows = self.documents.select([*_DOCUMENT_FIELDS, *_STAT]).to_pylist()
        row = self._rows[index]
        if row["key"] != key or any(row[name] != getattr(stat, name) for name in _STAT):
            return None
        if row["skipped"].startswith(EXTRACTION_FAILED):
            return None  # extracted again: the fault that made extraction raise may be mended by now
        if self._events is None:
            self._records()
        document = Document(text="", **{**{n: row[n] for n in _DOCUMENT_FIELDS}, "warnings": tuple(row["warnings"])})
        return DocumentResult(document, list(self._events[index]), list(self._entities[index]))


def read_inputs(inputs: Sequence, previous: PreviousBuild | None, stats: dict[str, Stat], *,
                columns: Mapping[str, str] | None = None, feeds: Iterable[str] = (),
                fetcher=None) -> Iterator[Document | DocumentResult]:
    """The documents of `inputs` as `graph.documents.read_documents` reads them, except that an article file
    unchanged since the previous build comes back as its previous `DocumentResult` without being read.
    `stats` receives how each article file looked before it was read (for the next build)."""
    from graph.documents import is_dump, iter_inputs_with_keys, read_documents, read_listed
    from graph.fetch import is_url

    feeds = list(feeds)
    if feeds or any(is_url(i) or str(i) == "-" for i in inputs):
        yield from read_documents(inputs, columns=columns, feeds=feeds, fetcher=fetcher)
        return
    for path, key, in_folder in iter_inputs_with_keys(inputs):
        if is_dump(path):
            yield from read_listed([(path, key, in_folder)], columns=columns)
            continue
        stat = Stat.of(path)
        if stat is not None:
            stats[str(path)] = stat
        reused = previous.reusable(path, key, stat) if previous is not None else None
        if reused is not None:
            yield reused
        else:
            yield from read_listed([(path, key, in_folder)], columns=columns)


def _records_table(kind: str, schema: pa.Schema, results: Sequence[DocumentResult],
                   reused_from: list[int | None], previous: PreviousBuild | None) -> pa.Table:
    """The events or entities of every article as a table: the rows of the articles the previous build had
    taken from its table (renumbered), the others made column by column (`dataclasses.asdict` per record
    would take seconds)."""
    fresh = [(i, record) for i, r in enumerate(results) if reused_from[i] is None for record in getattr(r, kind)]
    columns = {"doc": [i for i, _ in fresh]}
    for name in schema.names[1:]:
        columns[name] = [getattr(record, name) for _, record in fresh]
    made = pa.Table.from_pydict(columns, schema=schema)
    if previous is None or all(index is None for index in reused_from):
        return made
    before = previous.table(kind)
    renumber = np.full(previous.documents.num_rows, -1, dtype=np.int32)
    for index, row in enumerate(reused_from):
        if row is not None:
            renumber[row] = index
    doc = renumber[before.column("doc").to_numpy()]
    keep = doc >= 0
    kept = before if keep.all() else before.filter(pa.array(keep))  # filtering copies every column: only if needed
    kept = kept.set_column(0, "doc", pa.array(doc[keep], type=pa.int32()))
    return pa.concat_tables([kept if kept.schema.equals(schema) else kept.cast(schema), made])


def _write_state(state: Path, results: Sequence[DocumentResult], keys: list[str], stats: Mapping[str, Stat],
                 doc_offsets: dict, prints: list[str], node_offsets: dict, rest_at: dict, sizes: dict,
                 counts: dict[str, list[int]], triples: int, parts: Iterable[str], reused_from: list[int | None],
                 previous: PreviousBuild | None, segments: dict[str, list]) -> None:
    """Write what the next build reuses: the articles' results and where every part sits in every file."""
    state.mkdir()
    documents: dict[str, list] = {"cache_key": keys}
    for name in _DOCUMENT_FIELDS:
        documents[name] = [getattr(r.document, name) for r in results]
    documents["warnings"] = [list(w) for w in documents["warnings"]]
    for name in _STAT:
        documents[name] = [getattr(stats.get(r.document.source), name, None) for r in results]
    documents.update(doc_offsets)
    save_table(pa.Table.from_pydict(documents, schema=_DOCUMENTS_SCHEMA), state / "documents.arrow")
    save_table(pa.Table.from_pydict({"fingerprint": prints, "segments": segments["count"], **node_offsets},
                                    schema=_NODES_SCHEMA), state / "nodes.arrow")
    save_table(pa.Table.from_pydict({n: segments[n] for n in _SEGMENTS_SCHEMA.names}, schema=_SEGMENTS_SCHEMA),
               state / "segments.arrow")
    for kind, schema in (("events", _EVENTS_SCHEMA), ("entities", _ENTITIES_SCHEMA)):
        save_table(_records_table(kind, schema, results, reused_from, previous), state / f"{kind}.arrow")
    meta = {"version": graph_version(), "sizes": sizes, "parts": sorted(parts),
            "rest": {n: list(rest_at[n]) for n in GRAPH_FILES}, "triples": counts, "total": triples}
    (state / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
