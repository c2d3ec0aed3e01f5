"""Incremental store updates: a rebuild's Oxigraph store made from the previous build's store and the change.

Bulk-loading a graph of a million triples into a fresh store takes longer than anything else a rebuild with a
few new articles does (12 s of a 70 s rebuild of 20,000 articles on the bench machine). A rebuild's graph
mostly equals the previous one, so the new store starts as a checkpoint of the previous build's store
(RocksDB hard-links its immutable files: no copy, and the previous store is never written to); the triples
that left the graph are removed and the new ones added.

What changed is known from the parts of the graph (graph/assemble/): the parts of the previous build that
this one did not reuse left, the parts it made are new. The update is used only when it is sure to give the
same store as a fresh load:

- the previous generation has a store, made by the build that wrote the reused parts;
- no changed line has a blank node (a blank node's label means nothing across two files);
- the change is smaller than half the graph (otherwise a fresh load is as quick);
- after the update the store holds exactly as many triples as the new graph.

Counting a store's triples walks all of it (a third of a second at a million triples), so a build records
how many triples its store holds with a listing of the store's files (`StoreCount`, in its state); the next
build takes that count when the files are as listed (a store opened read-only leaves them so; any write
does not) and follows the update, asking the store only whether each removed triple was there and each
added one was not. Otherwise it counts the updated store.

Otherwise the caller bulk-loads the new graph into a fresh store. Small graphs (under `MIN_TRIPLES`) are
always loaded afresh: there a bulk load takes no longer than the update.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

#: Graphs with fewer triples are bulk-loaded afresh: loading them takes no longer than the update.
MIN_TRIPLES = 200_000


@dataclass
class StoreCount:
    """How many triples a store held, and its files then (name, size, modification time)."""

    triples: int
    files: list[list]

    @classmethod
    def of(cls, store: Path, triples: int) -> StoreCount:
        return cls(triples, store_files(store))

    @classmethod
    def read(cls, path: Path) -> StoreCount | None:
        """The count kept in `path` (JSON), or None."""
        try:
            kept = json.loads(path.read_text(encoding="utf-8"))
            return cls(int(kept["triples"]), kept["files"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def write(self, path: Path) -> None:
        path.write_text(json.dumps({"triples": self.triples, "files": self.files}), encoding="utf-8")

    def holds(self, store: Path) -> int | None:
        """The count, when the store's files are still those it was taken with."""
        return self.triples if store_files(store) == self.files else None


def count_triples(store: Path) -> int:
    """How many triples the store at `store` holds (it is closed again before this returns)."""
    opened = ox.Store.read_only(str(store))
    count = len(opened)
    del opened
    gc.collect()
    return count


def store_files(store: Path) -> list[list]:
    """The files of a store folder: name, size and modification time of each, sorted."""
    return sorted([entry.name, entry.stat().st_size, entry.stat().st_mtime_ns] for entry in os.scandir(store)
                  if entry.is_file())


@dataclass
class Change:
    """How a build's graph differs from the previous build's: N-Triples of the parts that left and of the
    parts that came, the size of the new graph, and the count of the previous store when known."""

    removed: list[bytes]
    added: list[bytes]
    triples: int
    previous: StoreCount | None = None


def _lines(parts: Iterable[bytes]) -> set[bytes]:
    """The distinct non-empty lines of N-Triples parts."""
    lines: set[bytes] = set()
    for part in parts:
        lines.update(part.split(b"\n"))
    lines.discard(b"")
    return lines


def _has_blank_node(lines: set[bytes]) -> bool:
    """True when a line may hold a blank node (`_:` anywhere: a literal containing it is a false alarm, which
    only costs a fresh load)."""
    return any(b"_:" in line for line in lines)


def update_from_previous(previous_store: Path, change: Change, target: Path) -> bool:
    """Make the new store at `target` (which must not exist) from `previous_store` and `change`. False, with
    nothing left at `target`, when the conditions in the module's description do not hold and the caller
    should load afresh."""
    if change.triples < MIN_TRIPLES or not (previous_store / "CURRENT").is_file():
        return False
    old, new = _lines(change.removed), _lines(change.added)
    removed, added = old - new, new - old
    del old, new
    if len(removed) + len(added) > change.triples // 2 or _has_blank_node(removed) or _has_blank_node(added):
        return False
    before = change.previous.holds(previous_store) if change.previous is not None else None
    try:
        ox.Store.read_only(str(previous_store)).backup(str(target))
        store = ox.Store(str(target))
        gone = set(ox.parse(b"\n".join(removed), format=ox.RdfFormat.N_TRIPLES))
        came = set(ox.parse(b"\n".join(added), format=ox.RdfFormat.N_TRIPLES))
        if before is not None:  # the count followed through the update, instead of counting the store
            before -= sum(quad in store for quad in gone)
        for quad in gone:
            store.remove(quad)
        if before is not None:
            before += sum(quad not in store for quad in came)
        store.extend(came)
        complete = (before if before is not None else len(store)) == change.triples
        store.flush()
        del store  # closes RocksDB before the folder is renamed or removed
        gc.collect()
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
    if not complete:  # the previous store was not the graph its parts say: load afresh
        shutil.rmtree(target, ignore_errors=True)
    return complete
