"""The assembly stage: a build's graph files and tables made of parts, and the parts reused by the next build.

A build's outputs are made of parts that each depend on little (graph/rdf.py `GraphParts`):

- per article: its `sg:SourceDocument` triples and its rows of events.csv and entities.csv;
- per event node: the event, its mentions, provenance and review status, in segments (the event with its
  first mention, then each further mention: `GraphParts.segments`), so that a node a new report joined
  copies the mentions it kept;
- the rest (people, organisations, countries, shortcut triples, corrections), which needs every article.

`write_outputs` writes events.csv, entities.csv, graph.nt, graph.ttl and graph.jsonld as those parts one
after the other, and records in the generation's `.state/` folder where each part sits in each file, with
the extraction results of every article (Arrow IPC: documents without their text, events, entities) and how
each input file looked on disk (size, times, inode). The next build into the same folder then:

- takes an article whose file is unchanged on disk (`reusable`) from the state, neither reading nor
  extracting it;
- copies each part it has already written (same article, same event node) from the previous build's files,
  in the kernel (`os.copy_file_range`), instead of making and serialising its triples again;
- makes only the new parts and the rest, and knows exactly which triples came and went for the store
  (graph/incremental.py).

The files are the same bytes as a build from scratch of the same inputs writes, in the same order: the
articles in input order, the event nodes in the order of `graph.rdf.merge_events`, then the rest. The state
is reused only when it was written by the same version of the code and data (`graph_version`) and the
previous files have the sizes it recorded; otherwise every part is made afresh.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import hashlib
import itertools
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.ipc as ipc

from graph import cache as extraction
from graph import rdf
from graph.cache import document_key
from graph.extract import DocumentResult, entities_csv, events_csv
from graph.extract.run import EXTRACTION_FAILED
from graph.ontology import PREFIXES, ontology_dir
from graph.rdf import EventNode, GraphParts
from graph.records import Document, Entity, Event

STATE = ".state"
#: The files made of parts, each with what comes before the first part, between two parts and after the last.
GRAPH_FILES = ("graph.nt", "graph.ttl", "graph.jsonld")
TABLE_FILES = ("events.csv", "entities.csv")
_FORMATS = {"graph.nt": "nt", "graph.ttl": "turtle", "graph.jsonld": "jsonld"}
#: Modules whose code decides the graph made from extraction results (with the extractor's version).
_GRAPH_MODULES = ("assemble.py", "rdf.py", "ontology.py", "corrections.py", "records.py")
_STAT = ("size", "mtime_ns", "ctime_ns", "inode")
_OFFSETS = tuple(f"{name}:{what}" for name in (*GRAPH_FILES, *TABLE_FILES) for what in ("offset", "length"))
#: Each file's offset and length columns (named once: a rebuild places a part a few hundred thousand times).
_COLUMNS = {name: (f"{name}:offset", f"{name}:length") for name in (*GRAPH_FILES, *TABLE_FILES)}


def graph_version() -> str:
    """A hash of the extractor's version, the code that makes the graph and the ontology: parts written by
    another version are never reused."""
    return hashlib.sha256((extraction.extractor_version() + _graph_code()).encode()).hexdigest()[:16]


@cache
def _graph_code() -> str:
    """A hash of the code that makes the graph from extraction results, and of the ontology."""
    digest = hashlib.sha256()
    here = Path(__file__).parent
    for path in [here / name for name in _GRAPH_MODULES] + sorted(ontology_dir().glob("*.ttl")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _header(name: str) -> bytes:
    """What a file starts with: the CSV header, Turtle's prefixes, JSON-LD's opening bracket."""
    if name == "graph.ttl":
        return "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in PREFIXES.items()).encode()
    if name == "graph.jsonld":
        return b"["
    if name == "events.csv":
        return events_csv(()).encode()
    if name == "entities.csv":
        return entities_csv(()).encode()
    return b""


_SEPARATOR = {"graph.jsonld": b","}
_FOOTER = {"graph.jsonld": b"]\n"}


def _body(name: str, triples: Sequence) -> bytes:
    """One part of a graph file: its triples serialised without the file's header and footer."""
    data = rdf.serialize(triples, _FORMATS[name]) if triples else b""
    if name == "graph.ttl":
        start = 0
        while data.startswith(b"@prefix ", start):
            start = data.index(b"\n", start) + 1
        return data[start:]
    if name == "graph.jsonld":
        data = data.strip()
        return data[1:-1] if data.startswith(b"[") else data
    return data


def _rows(name: str, result: DocumentResult) -> bytes:
    """An article's rows of events.csv or entities.csv, without the header."""
    if name == "events.csv":
        text, empty = events_csv(result.events), events_csv(())
    else:
        text, empty = entities_csv(result.entities), entities_csv(())
    return text[len(empty):].encode("utf-8")


# ------------------------------------------------------------------------------------------------- writing
def _write(handle, data: bytes) -> None:
    """Write bytes to an output file (the one place the assembled outputs are written)."""
    handle.write(data)


def _copy(source, target, offset: int, length: int) -> None:
    """Copy `length` bytes at `offset` of `source` to the end of `target`, in the kernel where it can."""
    target.flush()
    done = 0
    try:
        while done < length:
            copied = os.copy_file_range(source.fileno(), target.fileno(), length - done, offset + done)
            if copied == 0:
                raise OSError(f"{source.name}: shorter than the build state says")
            done += copied
    except OSError as error:
        if done or getattr(error, "errno", None) not in (18, 22, 38, 95):  # EXDEV, EINVAL, ENOSYS, EOPNOTSUPP
            raise
        _write(target, os.pread(source.fileno(), length, offset))


class _File:
    """One output file written as parts: new bytes, or ranges of the previous build's file, adjacent ranges
    copied in one go."""

    def __init__(self, path: Path, previous: Path | None) -> None:
        self.name = path.name
        self.handle = path.open("wb")
        self.source = previous.open("rb") if previous is not None and previous.is_file() else None
        self.separator = _SEPARATOR.get(self.name, b"")
        self.step = len(self.separator)
        self.position = self.items = 0
        self.run: tuple[int, int] | None = None
        self._emit(_header(self.name))

    def _emit(self, data: bytes) -> None:
        if data:
            _write(self.handle, data)
            self.position += len(data)

    def _flush(self) -> None:
        if self.run is not None:
            start, end = self.run
            self.run = None
            _copy(self.source, self.handle, start, end - start)

    def add(self, data: bytes) -> tuple[int, int]:
        """Write a new part; its (offset, length) in this file."""
        if not data:
            return self.position, 0
        self._flush()
        if self.items:
            self._emit(self.separator)
        at = self.position
        self._emit(data)
        self.items += 1
        return at, len(data)

    def reuse(self, offset: int, length: int) -> tuple[int, int]:
        """Copy a part of the previous file; its (offset, length) in this file."""
        if not length:
            return self.position, 0
        run = self.run
        if run is not None and offset == run[1] + self.step:  # the next part of the previous file: one copy
            self.run = (run[0], offset + length)
            self.position += self.step
        else:
            self._flush()
            if self.items:
                self._emit(self.separator)
            self.run = (offset, offset + length)
        at = self.position
        self.position += length
        self.items += 1
        return at, length

    def close(self) -> int:
        """Finish the file; its size."""
        self._flush()
        self._emit(_FOOTER.get(self.name, b""))
        self.handle.close()
        if self.source is not None:
            self.source.close()
        return self.position

    def read(self, offset: int, length: int) -> bytes:
        """Bytes of the previous file (the parts that left the graph, for the store)."""
        return os.pread(self.source.fileno(), length, offset) if length else b""


# ----------------------------------------------------------------------------------------------- the state
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


# ------------------------------------------------------------------------------------------------ assembly
def fingerprint(node: EventNode, sha_of: Mapping[str, str], identity: Mapping[int, str]) -> str:
    """What an event node's triples are made from: its IRI, review status and the corrections that decided it,
    and its mentions, each named by `identity` (`id(event)` -> its article's cache key and its place among the
    article's events: the same key gives the same events) or else by every field of it."""
    digest = hashlib.sha256(repr((node.iri.value, node.status, node.corrections,
                                  [o.value for o in node.revision_of])).encode())
    iris = node.mention_iris  # only a curated event has any: hashing each mention (every field) costs more
    for mention in node.group.mentions:
        iri = iris.get(mention) if iris else None
        name = identity.get(id(mention)) or repr((mention, sha_of.get(mention.source)))
        digest.update(f"{name}\0{iri.value if iri else ''}\0".encode())
    return digest.hexdigest()[:32]


def segment_print(node: EventNode, mention: Event, sha_of: Mapping[str, str], identity: Mapping[int, str]) -> str:
    """What the segment of one mention of an event node is made from (`GraphParts.mention`): the event's IRI
    and review status, and the mention, named as in `fingerprint`."""
    name = identity.get(id(mention)) or repr((mention, sha_of.get(mention.source)))
    return hashlib.sha256(repr((node.iri.value, node.status, name)).encode()).hexdigest()[:32]


@dataclass
class Assembled:
    """What `write_outputs` wrote, and what the store needs to follow it."""

    triples: int = 0
    reused_documents: int = 0
    reused_nodes: int = 0
    reused_segments: int = 0  #: mentions' segments copied into event nodes this build made
    removed: list[bytes] = field(default_factory=list)  #: N-Triples of the parts that left the graph
    added: list[bytes] = field(default_factory=list)  #: N-Triples of the parts made by this build
    incremental: bool = False  #: parts of the previous build were reused
    fresh_nodes: set[str] = field(default_factory=set)  #: IRIs of the event nodes made by this build
    fresh_sources: set[str] = field(default_factory=set)  #: keys (`sha_of`) of the articles made by this build


def write_outputs(folder: Path, parts: GraphParts, previous: PreviousBuild | None,
                  stats: Mapping[str, Stat], *, events_text: str | None = None) -> Assembled:
    """Write events.csv, entities.csv and the graph files into `folder` (a generation not yet published), and
    the state the next build reuses. `events_text`: events.csv as a whole (the curated events, when
    corrections apply), instead of each article's rows."""
    results = parts.results
    keys = [document_key(r.document) for r in results]
    if len(set(parts.sha_of.values())) < len(results):  # two inputs are one IRI: no parts to tell apart
        previous = None
    names = (*GRAPH_FILES, *TABLE_FILES) if events_text is None else (*GRAPH_FILES, "entities.csv")
    files = {name: _File(folder / name, previous.folder / name if previous is not None else None)
             for name in names}
    assembly = _Assembly(parts, previous, files)
    assembly.identity = {id(event): f"{key}:{index}" for result, key in zip(results, keys, strict=True)
                         for index, event in enumerate(result.events)}
    try:
        for result, key in zip(results, keys, strict=True):
            assembly.document(result, key)
        prints = [assembly.node(node) for node in parts.nodes]
        rest_at = assembly.rest()
    finally:
        sizes = {name: handle.close() for name, handle in files.items()}
    if events_text is not None:
        (folder / "events.csv").write_text(events_text, encoding="utf-8")
        sizes["events.csv"] = (folder / "events.csv").stat().st_size
    done = assembly.done
    _write_state(folder / STATE, results, keys, stats, assembly.doc_offsets, prints, assembly.node_offsets,
                 rest_at, sizes, assembly.counts, done.triples, files, assembly.reused_from, previous,
                 assembly.segments)
    return done


class _Assembly:
    """The parts of one build written into its files one after the other, each made or copied."""

    def __init__(self, parts: GraphParts, previous: PreviousBuild | None, files: dict[str, _File]) -> None:
        self.parts, self.previous, self.files = parts, previous, files
        self.done = Assembled(incremental=previous is not None)
        self.doc_offsets: dict[str, list[int]] = {n: [] for n in _OFFSETS}
        self.node_offsets: dict[str, list[int]] = {n: [] for n in _GRAPH_OFFSETS}
        #: the columns of segments.arrow, and each node's number of segments (`_SEGMENTS_SCHEMA`)
        self.segments: dict[str, list] = {"fingerprint": [], "triples": [], "count": [],
                                          **{n: [] for n in _GRAPH_OFFSETS}}
        self.used_segments: set[int] = set()
        self.counts: dict[str, list[int]] = {"documents": [], "nodes": []}  # triples (graph.nt lines) per part
        self.used_docs: set[int] = set()
        self.used_nodes: set[int] = set()
        self.reused_from: list[int | None] = []  #: each article's row in the previous state, if it was there
        self.identity: dict[int, str] = {}  #: id(event) -> its article's cache key and place (`fingerprint`)

    def _place(self, offsets: dict[str, list[int]], name: str, at: tuple[int, int]) -> None:
        start, length = _COLUMNS[name]
        offsets[start].append(at[0])
        offsets[length].append(at[1])

    def _made(self, offsets: dict[str, list[int]], triples: list, kind: str) -> None:
        """Write a part made now into every graph file; keep its N-Triples for the store."""
        for name in GRAPH_FILES:
            body = _body(name, triples)
            self._place(offsets, name, self.files[name].add(body))
            if name == "graph.nt" and self.previous is not None:
                self.done.added.append(body)
        self.counts[kind].append(len(triples))
        self.done.triples += len(triples)

    def _copied(self, offsets: dict[str, list[int]], before: dict[str, list[int]], index: int, kind: str,
                names: Iterable[str]) -> None:
        """Copy a part of the previous build into every file."""
        for name in names:
            start, length = _COLUMNS[name]
            self._place(offsets, name, self.files[name].reuse(before[start][index], before[length][index]))
        count = self.previous.meta["triples"][kind][index]
        self.counts[kind].append(count)
        self.done.triples += count

    def document(self, result: DocumentResult, key: str) -> None:
        """An article's part of the graph files and its rows of the tables (copied only from a table the
        previous build made of parts: its events.csv is whole when corrections applied)."""
        previous = self.previous
        index = previous.row_of.get((result.document.source, key)) if previous is not None else None
        self.reused_from.append(index)
        if index is not None:
            self.used_docs.add(index)
            self.done.reused_documents += 1
            self._copied(self.doc_offsets, previous.doc_offsets, index, "documents", GRAPH_FILES)
        else:
            self._made(self.doc_offsets, self.parts.source(result), "documents")
            self.done.fresh_sources.add(self.parts.sha_of[result.document.source])
        for name in TABLE_FILES:
            if name not in self.files:
                at = (0, 0)
            elif index is not None and name in previous.meta["parts"]:
                at = self.files[name].reuse(previous.doc_offsets[f"{name}:offset"][index],
                                            previous.doc_offsets[f"{name}:length"][index])
            else:
                at = self.files[name].add(_rows(name, result))
            self._place(self.doc_offsets, name, at)

    def node(self, node: EventNode) -> str:
        """An event node's part of the graph files; its fingerprint."""
        print_ = fingerprint(node, self.parts.sha_of, self.identity)
        index = self.previous.node_of.get(print_) if self.previous is not None else None
        if index is not None and index not in self.used_nodes:
            self.used_nodes.add(index)
            self.done.reused_nodes += 1
            self._copied(self.node_offsets, self.previous.node_offsets, index, "nodes", GRAPH_FILES)
            self._carried(index)
        else:
            self._segmented(node)
            self.done.fresh_nodes.add(node.iri.value)
        return print_

    def _carried(self, index: int) -> None:
        """The segments of a node copied whole: the previous build's, moved with the node."""
        previous, segments = self.previous, self.segments
        start, count = previous.segment_start[index], previous.segment_count[index]
        segments["count"].append(count)
        segments["fingerprint"].extend(previous.segment_prints[start:start + count])
        segments["triples"].extend(previous.segment_triples[start:start + count])
        for name in GRAPH_FILES:
            shift = self.node_offsets[f"{name}:offset"][-1] - previous.node_offsets[f"{name}:offset"][index]
            before = previous.segment_offsets[f"{name}:offset"][start:start + count]
            segments[f"{name}:offset"].extend(offset + shift for offset in before)
            segments[f"{name}:length"].extend(previous.segment_offsets[f"{name}:length"][start:start + count])

    def _segmented(self, node: EventNode) -> None:
        """A node this build did not find whole in the previous one, written segment by segment
        (`GraphParts.segments`): the first made, each mention's copied when the previous build wrote it for the
        same event, else made. A mention joining an event of hundreds leaves the others' bytes as they were."""
        parts, previous, segments = self.parts, self.previous, self.segments
        mentions = parts.segments(node)
        pieces: list[tuple[str, Callable[[], list]]] = [("", lambda: parts.node(node))] if mentions is None else (
            [("", lambda: parts.head(node))]
            + [(segment_print(node, m, parts.sha_of, self.identity), functools.partial(parts.mention, node, m))
               for m in mentions])
        total = 0
        for print_, make in pieces:
            index = previous.segment_of.get(print_) if print_ and previous is not None else None
            if index is not None and index not in self.used_segments:
                self.used_segments.add(index)
                self.done.reused_segments += 1
                for name in GRAPH_FILES:
                    start, length = _COLUMNS[name]
                    self._place(segments, name, self.files[name].reuse(previous.segment_offsets[start][index],
                                                                       previous.segment_offsets[length][index]))
                count = previous.segment_triples[index]
            else:
                triples = make()
                for name in GRAPH_FILES:
                    body = _body(name, triples)
                    self._place(segments, name, self.files[name].add(body))
                    if name == "graph.nt" and previous is not None:
                        self.done.added.append(body)
                count = len(triples)
            segments["fingerprint"].append(print_)
            segments["triples"].append(count)
            total += count
        segments["count"].append(len(pieces))
        for name in GRAPH_FILES:  # the node: from its first segment to the end of its last
            first = segments[f"{name}:offset"][-len(pieces)]
            end = segments[f"{name}:offset"][-1] + segments[f"{name}:length"][-1]
            self._place(self.node_offsets, name, (first, end - first))
        self.counts["nodes"].append(total)
        self.done.triples += total

    def rest(self) -> dict[str, tuple[int, int]]:
        """The part that needs every article, made each time; where it sits in each graph file."""
        triples = self.parts.rest()
        at = {}
        for name in GRAPH_FILES:
            body = _body(name, triples)
            at[name] = self.files[name].add(body)
            if name == "graph.nt" and self.previous is not None:
                self.done.added.append(body)
        self.done.triples += len(triples)
        if self.previous is not None:
            self.done.removed = _removed(self.previous, self.files["graph.nt"], self.used_docs, self.used_nodes,
                                         self.used_segments)
        return at


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


def _removed(previous: PreviousBuild, nt: _File, used_docs: set[int], used_nodes: set[int],
             used_segments: set[int]) -> list[bytes]:
    """The N-Triples of the previous build's parts this build did not reuse (its rest always): the
    articles' and nodes' parts not copied, less the segments of those nodes that were."""
    gone = []
    for offsets, used in ((previous.doc_offsets, used_docs), (previous.node_offsets, used_nodes)):
        for index, (offset, length) in enumerate(zip(offsets["graph.nt:offset"], offsets["graph.nt:length"],
                                                     strict=True)):
            if index in used or not length:
                continue
            segments = range(0)  # an article's part is one piece; a node's, its segments
            if offsets is previous.node_offsets:
                start = previous.segment_start[index]
                segments = range(start, start + previous.segment_count[index])
            if used_segments.isdisjoint(segments):
                gone.append(nt.read(offset, length))
            else:
                gone.extend(nt.read(previous.segment_offsets["graph.nt:offset"][segment],
                                    previous.segment_offsets["graph.nt:length"][segment])
                            for segment in segments if segment not in used_segments)
    offset, length = previous.meta["rest"]["graph.nt"]
    gone.append(nt.read(offset, length))
    return gone


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



# --------------------------------------------------------------------------------------------------- views
def event_rows(store, parts: GraphParts, done: Assembled, previous: PreviousBuild | None) -> dict[str, dict]:
    """`graph.analyze.event_rows` of the new store, read from it only for the events whose parts this build
    made or whose articles it made (a document's path is part of the row); the others are the previous
    build's rows, since their triples are the same bytes."""
    from graph.analyze import event_rows as read_rows

    before = previous.event_rows() if previous is not None else None
    if before is None:
        return read_rows(store)
    current = [node.iri.value for node in parts.nodes]
    changed = set(done.fresh_nodes)
    for node in parts.nodes:
        if any(parts.sha_of.get(m.source) in done.fresh_sources for m in node.group.mentions):
            changed.add(node.iri.value)
    only = {iri for iri in current if iri in changed or iri not in before}
    fresh = read_rows(store, only=only, sources=source_table(parts, only))
    rows = {iri: fresh[iri] if iri in fresh else before[iri] for iri in current if iri in fresh or iri in before}
    return dict(sorted(rows.items()))


def source_table(parts: GraphParts, events: set[str]) -> dict[str, tuple[str | None, tuple[str, ...]]] | None:
    """The documents of `events` as `graph.analyze.event_rows` reads them from the store (event IRI -> the path
    of the evidence's document, every document path sorted), made from the parts instead: read from the store
    they take seconds when the events a rebuild changed have hundreds of mentions each (the store is asked for
    every mention and document). The graph says the same as the parts: an extracted event is derived from the
    documents of its mentions, a document's `sg:path` is its source, and the evidence's documents are those of
    the mentions whose sentence is the event's. None (read the store) when the graph may say more than one
    node's part: with corrections (a curated event's mentions are written by other nodes), two nodes of one
    IRI, two inputs of one identity, or two mentions of one IRI with different sentences. A build from scratch
    reads the store, so the rebuild's equality with it (tests/test_incremental.py) checks this too."""
    if parts.curation is not None or len(set(parts.sha_of.values())) < len(parts.results):
        return None
    iris = [node.iri.value for node in parts.nodes]
    if len(set(iris)) < len(iris):
        return None
    sentence_of: dict[tuple, str] = {}  # what `graph.rdf.mention_iri` hashes -> the mention's sentence
    for node in parts.nodes:
        for mention in node.group.mentions:
            key = (parts.sha_of[mention.source], mention.start, mention.end, mention.relation, mention.target,
                   mention.actor)
            if sentence_of.setdefault(key, mention.evidence) != mention.evidence:
                return None
    table = {}
    for node, iri in zip(parts.nodes, iris, strict=True):
        if iri in events:
            evidence = node.group.first.evidence
            every = tuple(sorted({mention.source for mention in node.group.mentions}))
            primary = [mention.source for mention in node.group.mentions if mention.evidence == evidence]
            table[iri] = (min(primary) if primary else every[0], every)
    return table


def save_event_rows(folder: Path, rows: dict[str, dict]) -> None:
    """Keep the event rows of this build (in its state) for the next build's `event_rows`."""
    names = list(next(iter(rows.values()), {}))
    columns = {name: [row[name] for row in rows.values()] for name in names}  # faster than a dict per row
    if "sources" in columns:
        columns["sources"] = [list(sources) for sources in columns["sources"]]
    table = pa.Table.from_pydict(columns)
    save_table(table, folder / STATE / "event_rows.arrow")


# ------------------------------------------------------------------------------------------ from the shards
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
