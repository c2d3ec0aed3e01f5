"""Incremental store updates: a rebuild's Oxigraph store made from the previous build's store and the change.

Bulk-loading a graph of a million triples into a fresh store takes longer than anything else a rebuild with a
few new articles does (12 s of a 70 s rebuild of 20,000 articles on the bench machine). A rebuild's graph
mostly equals the previous one, so the new store starts as a checkpoint of the previous build's store
(RocksDB hard-links its immutable files: no copy, and the previous store is never written to); the triples
that left the graph are removed and the new ones added.

What changed is known from the parts of the graph (graph/assemble.py): the parts of the previous build that
this one did not reuse left, the parts it made are new. The update is used only when it is sure to give the
same store as a fresh load:

- the previous generation has a store, made by the build that wrote the reused parts;
- no changed line has a blank node (a blank node's label means nothing across two files);
- the change is smaller than half the graph (otherwise a fresh load is as quick);
- after the update the store holds exactly as many triples as the new graph.

Otherwise the caller bulk-loads the new graph into a fresh store. Small graphs (under `MIN_TRIPLES`) are
always loaded afresh: there a bulk load takes no longer than the update.
"""

from __future__ import annotations

import gc
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

#: Graphs with fewer triples are bulk-loaded afresh: loading them takes no longer than the update.
MIN_TRIPLES = 200_000


@dataclass
class Change:
    """How a build's graph differs from the previous build's: N-Triples of the parts that left and of the
    parts that came, and the size of the new graph."""

    removed: list[bytes]
    added: list[bytes]
    triples: int


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
    try:
        ox.Store.read_only(str(previous_store)).backup(str(target))
        store = ox.Store(str(target))
        for quad in ox.parse(b"\n".join(removed), format=ox.RdfFormat.N_TRIPLES):
            store.remove(quad)
        store.extend(ox.parse(b"\n".join(added), format=ox.RdfFormat.N_TRIPLES))
        complete = len(store) == change.triples
        store.flush()
        del store  # closes RocksDB before the folder is renamed or removed
        gc.collect()
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
    if not complete:  # the previous store was not the graph its parts say: load afresh
        shutil.rmtree(target, ignore_errors=True)
    return complete
