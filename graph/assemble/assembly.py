"""The parts of one build written into its files one after the other, each made or copied from the previous build.

An article's part is copied when the previous build read the same article; an event node's part when its
fingerprint (its IRI, review status and mentions) is one the previous build wrote; otherwise the node is
written segment by segment, so a mention joining an event of hundreds copies the others' bytes. The parts
that were not reused are kept as N-Triples for the store (graph/incremental.py).
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from graph.assemble.files import _COLUMNS, _OFFSETS, GRAPH_FILES, TABLE_FILES, _body, _File, _rows
from graph.assemble.state import _GRAPH_OFFSETS, STATE, PreviousBuild, Stat, _write_state
from graph.cache import document_key
from graph.extract import DocumentResult
from graph.rdf import EventNode, GraphParts
from graph.records import Event


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
