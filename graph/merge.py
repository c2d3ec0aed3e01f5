"""The cross-document stage of a sharded build, read shard by shard: `merged.nt` without the corpus in memory.

Events of different keys (actor country, relation, target) never merge (`graph.rdf.merge_events`), and within
a key the merge depends on the dates alone: sorted by date, mentions are one event while consecutive dates
are at most `MERGE_WINDOW_DAYS` apart, and an undated mention joins its key's first event. So the merge needs
the dates of each key (a few days per key, however many mentions), not the mentions, and `merged_by_key`
writes the triples of `graph.rdf.GraphParts` (event nodes and the rest) in passes over the shards, one shard
in memory at a time:

1. the documents (`summarise`): each article's source key, and whether sources and keys are all distinct
   (when two articles share one, the graph names them once and the whole merge of `graph.shards` is used);
2. the events' keys and dates, and the entities' votes (`graph.rdf.EntityVotes`: counts per name); the
   documents each person and organisation comes from are written as they come;
3. a few columns of the events: which event node each mention belongs to (its key and the run of dates it
   falls in), where each node's first mention is, and its `graph.rdf.EventSummary` (earliest dates, highest
   confidence, count);
4. the first mentions: each node's IRI and own triples;
5. the events again: each mention's triples under its node's IRI, and the node's documents;

then the rest (shortcut triples, people, organisations, programmes, countries) from the votes and the nodes.
What stays in memory grows with the event nodes (about a kilobyte each), keys and names, not with the
mentions or entities. The triples are those of the whole merge (the same set; a triple two mentions share
may be written once more or less), in another order.
"""

from __future__ import annotations

import bisect
import itertools
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pyoxigraph as ox

from graph import rdf
from graph.actors import slug
from graph.rdf import (
    DERIVED,
    MERGE_WINDOW_DAYS,
    EntityVotes,
    EventNode,
    EventSummary,
    entity_source_triples,
    event_iri,
    event_own_triples,
    mention_triples,
    rest_triples,
    source_iri,
    source_key,
)
from graph.records import Entity, Event, MergedEvent

Key = tuple[str, str, str]
#: The fields of a document a merge reads (its text never).
_DOCUMENT_COLUMNS = ["source", "sha256", "key", "skipped", "warnings"]
_DATE_COLUMNS = ["actor_country", "relation", "target_country", "target", "date"]


def merge_key(event) -> Key:
    """What an event must share with another to be the same fact (as `graph.rdf.merge_events` groups)."""
    return event.actor_country, event.relation, event.target_country or slug(event.target)


@dataclass
class ShardSummary:
    """What a build reports of a shard folder, read from the documents' tables alone."""

    documents: int = 0
    events: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  #: (source, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)  #: (source, what was repaired)
    distinct: bool = True  #: every article has a source and a source key of its own


def summarise(folder: Path, shards: list[str]) -> ShardSummary:
    """Count the articles and events of the shards, list the skipped articles and warnings, and tell whether
    sources and source keys are distinct (kept as 64-bit hashes, 16 bytes an article: a collision only sends
    the build to the whole merge)."""
    summary = ShardSummary()
    hashes: list[np.ndarray] = []
    for shard in shards:
        rows = _table(folder / "documents" / f"{shard}.parquet", _DOCUMENT_COLUMNS).to_pylist()
        summary.documents += len(rows)
        summary.events += pq.read_metadata(folder / "events" / f"{shard}.parquet").num_rows
        for row in rows:
            if row["skipped"]:
                summary.skipped.append((row["source"], row["skipped"]))
            summary.warnings.extend((row["source"], warning) for warning in row["warnings"] or ())
        hashes.append(np.array([hash(row["source"]) for row in rows], dtype=np.int64))
        hashes.append(np.array([hash(("key", _source_key(row))) for row in rows], dtype=np.int64))
    every = np.concatenate(hashes) if hashes else np.zeros(0, dtype=np.int64)
    summary.distinct = len(np.unique(every)) == len(every)
    return summary


def _table(path: Path, columns: list[str] | None = None) -> pa.Table:
    """One shard's table, read in this thread: a shard is small, and Arrow's reader threads each leave memory
    of their own behind, which made the merge's peak vary by tens of MB from run to run."""
    return pq.read_table(path, columns=columns, use_threads=False)


def _source_key(row: dict) -> str:
    """An article's source key (`graph.rdf.source_key`) from its row of the documents' table."""
    return source_key(row["sha256"], row["key"] or row["source"])


def _sources(folder: Path, shard: str) -> list[str]:
    """The source keys of a shard's articles, by their row."""
    rows = _table(folder / "documents" / f"{shard}.parquet", _DOCUMENT_COLUMNS[:3]).to_pylist()
    return [_source_key(row) for row in rows]


def _records(folder: Path, kind: str, shard: str, record: type,
             columns: list[str] | None = None) -> Iterator[tuple[int, object]]:
    """(the article's row, the record) for each event or entity of one shard, in input order."""
    for row in _table(folder / kind / f"{shard}.parquet", columns).to_pylist():
        doc = row.pop("doc", 0)
        yield doc, (record(**row) if columns is None else _Row(row))


class _Row:
    """Some columns of an event, as attributes (the keys and dates pass reads no more)."""

    __slots__ = ("actor_country", "relation", "target_country", "target", "date")

    def __init__(self, row: dict) -> None:
        for name in self.__slots__:
            setattr(self, name, row[name])


# ------------------------------------------------------------------------------------------ event nodes
class _Runs:
    """The event nodes of each key: the first date of each run of dates no more than the window apart."""

    def __init__(self, dates: dict[Key, set[str]], window: int = MERGE_WINDOW_DAYS) -> None:
        self.starts: dict[Key, list[str]] = {}
        gap = timedelta(days=window)
        for key, days in dates.items():
            ordered = sorted(days)
            starts = ordered[:1]
            for before, after in itertools.pairwise(ordered):
                if date.fromisoformat(after) - date.fromisoformat(before) > gap:
                    starts.append(after)
            self.starts[key] = starts

    def node(self, event) -> tuple[Key, int]:
        """The event node of a mention: its key and the run its date falls in (undated: the first)."""
        key = merge_key(event)
        return key, self.run(key, event.date)

    def run(self, key: Key, day: str) -> int:
        """The run of a key a date falls in (undated: the first)."""
        return bisect.bisect_right(self.starts[key], day) - 1 if day else 0


@dataclass
class _Node:
    """What a merge keeps of one event node: where its first mention stands in the order of `merge_events`
    and where it is (shard, row), the summary of its mentions, and once the first mentions are read, the node
    as the rest of the graph reads it (`_Effect`)."""

    order: tuple
    shard: int
    row: int
    summary: EventSummary = field(default_factory=EventSummary)
    node: EventNode | None = None


#: The columns of the events the nodes' pass reads for every mention (the first mentions are read whole).
_NODE_COLUMNS = ["actor_country", "relation", "target_country", "target", "date", "source", "start", "event_date",
                 "confidence"]


def _nodes(folder: Path, shards: list[str], runs: _Runs) -> list[tuple[tuple[Key, int], _Node]]:
    """The event nodes of the shards, each with where it is (its key and run), in the order of `merge_events`
    (by first mention; equal first mentions of two keys in the order the keys first appear). Each shard's
    mentions are read as a few columns, and what is kept of a node is small: a corpus has many of them."""
    nodes: dict[tuple[Key, int], _Node] = {}
    key_first: dict[Key, tuple] = {}
    index = 0
    for number, shard in enumerate(shards):
        table = _table(folder / "events" / f"{shard}.parquet", _NODE_COLUMNS)
        for row, (actor, relation, country, target, day, source, start, happened, confidence) in enumerate(
                zip(*(table.column(name).to_pylist() for name in _NODE_COLUMNS), strict=True)):
            key = (actor, relation, country or slug(target))
            where, order = (key, runs.run(key, day)), (day or "9999", source, start, relation, target, index)
            index += 1
            node = nodes.get(where)
            if node is None:
                node = nodes[where] = _Node(order, number, row)
            elif order < node.order:
                node.order, node.shard, node.row = order, number, row
            node.summary.count_one(day, happened, confidence)
            if key not in key_first or order < key_first[key]:
                key_first[key] = order
    ranked = sorted(nodes.items(), key=lambda item: (item[1].order[:5], key_first[item[0][0]], item[0][1]))
    for _, node in ranked:
        node.order = ()  # ranked: no longer needed
    return ranked


class _Effect:
    """An event node as the rest of the graph reads it (`graph.rdf.rest_triples`: its status and its first
    mention's actor, target, relation and context), without the rest of the mention."""

    __slots__ = ("actor", "actor_type", "actor_country", "relation", "target", "target_type", "target_country",
                 "context", "status", "group", "first")

    def __init__(self, first: Event) -> None:
        for name in self.__slots__[:8]:
            setattr(self, name, sys.intern(getattr(first, name)))
        self.status = "Extracted"
        self.group = self.first = self


def _heads(folder: Path, shards: list[str], nodes: list[tuple[tuple[Key, int], _Node]], handle) -> None:
    """Read each node's first mention, make its IRI and write its own triples; keep the node as `_Effect`."""
    by_shard: dict[int, list[_Node]] = {}
    for _, node in nodes:
        by_shard.setdefault(node.shard, []).append(node)
    for number, shard in enumerate(shards):
        mine = by_shard.pop(number, [])
        sources = _sources(folder, shard)
        rows = _table(folder / "events" / f"{shard}.parquet").take(
            pa.array([node.row for node in mine], type=pa.int64())).to_pylist()
        for node, record in zip(mine, rows, strict=True):
            source = sources[record.pop("doc")]
            first = Event(**record)
            group = MergedEvent([first])
            made = EventNode(group, event_iri(group, {first.source: source}))
            handle.write(rdf.serialize(event_own_triples(made, node.summary), "nt"))
            node.node = EventNode(_Effect(first), made.iri)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------------------ writing
def merged_by_key(folder: Path, shards: list[str], handle) -> None:
    """Write the triples of the cross-document stage of the shards (see the module) to `handle`."""
    runs, votes = _dates_and_votes(folder, shards, handle)
    nodes = _nodes(folder, shards, runs)
    _heads(folder, shards, nodes, handle)
    _mentions(folder, shards, runs, {where: node.node for where, node in nodes}, handle)
    handle.write(rdf.serialize(rest_triples(votes, None, [node.node for _, node in nodes]), "nt"))


def _dates_and_votes(folder: Path, shards: list[str], handle) -> tuple[_Runs, EntityVotes]:
    """The first pass: the dates of each key, and the entities' votes; writes the documents of each person and
    organisation, one article at a time."""
    dates: dict[Key, set[str]] = {}
    votes = EntityVotes(sources=False)
    for shard in shards:
        for _, event in _records(folder, "events", shard, Event, _DATE_COLUMNS):
            days = dates.setdefault(merge_key(event), set())
            if event.date:
                days.add(event.date)
        sources = _sources(folder, shard)
        for doc, rows in itertools.groupby(_records(folder, "entities", shard, Entity), key=lambda row: row[0]):
            entities = [entity for _, entity in rows]
            votes.add(entities, sources[doc])
            handle.write(rdf.serialize(entity_source_triples(entities, sources[doc]), "nt"))
    return _Runs(dates), votes


def _mentions(folder: Path, shards: list[str], runs: _Runs, node_of: dict[tuple[Key, int], EventNode],
              handle) -> None:
    """The last pass: each mention's triples under its event node, and the node's documents, written one
    article at a time (a triple two mentions of one article share is written once)."""
    for shard in shards:
        sources = _sources(folder, shard)
        for doc, rows in itertools.groupby(_records(folder, "events", shard, Event), key=lambda row: row[0]):
            triples = []
            for _, event in rows:
                node = node_of[runs.node(event)]
                triples.extend(mention_triples(node, event, {event.source: sources[doc]}))
                triples.append(ox.Triple(node.iri, DERIVED, source_iri(sources[doc])))
            handle.write(rdf.serialize(list(dict.fromkeys(triples)), "nt"))
