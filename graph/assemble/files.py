"""The output files written as parts: each part made now or copied in the kernel from the previous build's file.

A graph file or table is a header, its parts one after the other (with a separator between two parts where
the format needs one: JSON-LD's comma) and a footer; a part is its triples or rows serialised without them,
so the same part is the same bytes wherever it sits and can be copied from one build's file to the next.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from graph import rdf
from graph.extract import DocumentResult, entities_csv, events_csv
from graph.ontology import PREFIXES

#: The files made of parts, each with what comes before the first part, between two parts and after the last.
GRAPH_FILES = ("graph.nt", "graph.ttl", "graph.jsonld")
TABLE_FILES = ("events.csv", "entities.csv")
_FORMATS = {"graph.nt": "nt", "graph.ttl": "turtle", "graph.jsonld": "jsonld"}
_OFFSETS = tuple(f"{name}:{what}" for name in (*GRAPH_FILES, *TABLE_FILES) for what in ("offset", "length"))
#: Each file's offset and length columns (named once: a rebuild places a part a few hundred thousand times).
_COLUMNS = {name: (f"{name}:offset", f"{name}:length") for name in (*GRAPH_FILES, *TABLE_FILES)}


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
