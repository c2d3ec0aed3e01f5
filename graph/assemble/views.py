"""The event rows of the views (`graph.analyze.event_rows`), read from the store only for what a build changed.

The rows of the events whose parts and articles a rebuild copied are the previous build's, kept in its
state; the others are read from the store, with their documents taken from the parts when that says the
same as the store and is faster.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from graph.assemble.assembly import Assembled
from graph.assemble.state import STATE, PreviousBuild, save_table
from graph.rdf import GraphParts


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
