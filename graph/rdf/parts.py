"""The graph of a corpus in parts: each input document by itself, each event node, and the rest; made one by one
so a build can store and reuse them (graph/assemble/), and all of them together as `to_triples`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from graph.corrections import Curation
from graph.extract import DocumentResult
from graph.ontology import SCHEMA, XSD
from graph.rdf.curation import EventNode, _sha_of, event_nodes
from graph.rdf.events import _event_head, _event_triples, _mention_triples
from graph.rdf.rest import _rest_triples
from graph.rdf.terms import DATE, PUBLISHER, TITLE, TYPE, _date, _int, _lit, _n, sg, source_iri, source_key
from graph.records import Event


def source_triples(results: Sequence[DocumentResult]) -> list[ox.Triple]:
    """The triples of each input document by itself (`sg:SourceDocument`: path, hash, status, event count):
    what one shard of a sharded build (graph/shards.py) can write without seeing the other documents."""
    triples: list[ox.Triple] = []
    for result in results:
        _source_triples(triples.append, result, len(result.events))
    return list(dict.fromkeys(triples))


def to_triples(results: Sequence[DocumentResult], curation: Curation | None = None, *,
               sources: bool = True) -> list[ox.Triple]:
    """All triples for a corpus' extraction results, in a deterministic order.

    With a `curation` (graph/corrections/), the graph holds both the raw extraction and the curated one:
    each event says whether it is as extracted, accepted, rejected, superseded by a curated revision or
    made by a person (`sg:reviewStatus`), who it is attributed to (the extractor or the curators) and which
    corrections decided it. Shortcut triples are written for the events of the curated graph only.
    `sources=False` leaves out the triples of `source_triples` (a sharded build writes those per shard).
    The same triples as `graph_parts` gives in its three parts.
    """
    parts = graph_parts(results, curation)
    triples: list[ox.Triple] = []
    if sources:
        for result in results:
            triples.extend(parts.source(result))
    for node in parts.nodes:
        triples.extend(parts.node(node))
    triples.extend(parts.rest())
    return list(dict.fromkeys(triples))


@dataclass
class GraphParts:
    """The graph of a corpus in parts that can be made, stored and reused one by one (graph/assemble/):

    - `source(result)`: the triples of one input document by itself (`source_triples`);
    - `node(node)` for each of `nodes`: one event node with its mentions, provenance and review status;
    - `rest()`: what needs every article: shortcut triples, people, organisations, programmes, policies,
      countries, corrections.

    No triple is in two parts (each part has its own subjects; a mention an unchanged curated event shares
    with its extracted event is written with the extracted one), except when two inputs have the same
    content at the same place (`sha_of` not one-to-one), where the callers deduplicate.
    """

    results: Sequence[DocumentResult]
    curation: Curation | None
    sha_of: dict[str, str]
    nodes: list[EventNode]

    def source(self, result: DocumentResult) -> list[ox.Triple]:
        """The triples of one input document (`sg:SourceDocument`)."""
        triples: list[ox.Triple] = []
        _source_triples(triples.append, result, len(result.events))
        return list(dict.fromkeys(triples))

    def node(self, node: EventNode) -> list[ox.Triple]:
        """The triples of one event node and of its mentions."""
        triples: list[ox.Triple] = []
        _event_triples(triples.append, node, self.sha_of)
        return list(dict.fromkeys(triples))

    def segments(self, node: EventNode) -> list[Event] | None:
        """The mentions at which a node's part is cut into segments that a rebuild can reuse one by one (a
        new mention changes the event's own triples, not the other mentions'): the first segment is `head`,
        then one `mention` segment for each of these. Serialised one by one and joined, the segments are the
        bytes of the whole part: each one's subjects end where the next one's begin. None when the part is
        one segment: a curated event (some of its mentions are written by other nodes) or two mentions of
        one IRI (the part writes their triples once)."""
        mentions = node.group.mentions
        if node.status == "Curated" or node.mention_iris:
            return None
        keys = {(self.sha_of.get(m.source, m.source), m.start, m.end, m.relation, m.target, m.actor)
                for m in mentions}  # what `mention_iri` hashes
        return mentions[1:] if len(keys) == len(mentions) else None

    def head(self, node: EventNode) -> list[ox.Triple]:
        """The first segment of a node's part (see `segments`): the event's own triples and its first
        mention's."""
        triples: list[ox.Triple] = []
        _event_head(triples.append, node, self.sha_of)
        _mention_triples(triples.append, node, node.group.first, self.sha_of)
        return list(dict.fromkeys(triples))

    def mention(self, node: EventNode, mention: Event) -> list[ox.Triple]:
        """The segment of one of a node's mentions after the first (see `segments`)."""
        triples: list[ox.Triple] = []
        _mention_triples(triples.append, node, mention, self.sha_of)
        return list(dict.fromkeys(triples))

    def rest(self) -> list[ox.Triple]:
        """The triples that need every article (see the class)."""
        return _rest_triples(self.results, self.curation, self.sha_of, self.nodes)


def graph_parts(results: Sequence[DocumentResult], curation: Curation | None = None) -> GraphParts:
    """The graph of `results` in parts (`GraphParts`): events merged across reports and curated here, each
    part's triples made when asked for."""
    sha_of = _sha_of(results)
    events = [event for result in results for event in result.events]
    return GraphParts(results, curation, sha_of, event_nodes(events, curation, sha_of))


def _source_triples(add, result: DocumentResult, event_count: int) -> None:
    document = result.document
    node = source_iri(source_key(document.sha256, document.key or document.source))
    add(ox.Triple(node, TYPE, sg("SourceDocument")))
    add(ox.Triple(node, sg("path"), _lit(document.source)))
    add(ox.Triple(node, sg("contentHash"), _lit(document.sha256)))
    if document.title:
        add(ox.Triple(node, TITLE, _lit(document.title)))
    if document.date:
        add(ox.Triple(node, DATE, _date(document.date)))
    if document.publisher:
        add(ox.Triple(node, PUBLISHER, _lit(document.publisher)))
    if document.url:  # as a typed literal: a URL from a dump or a page is data, not an IRI to mint
        add(ox.Triple(node, _n(SCHEMA + "url"), ox.Literal(document.url, datatype=_n(XSD + "anyURI"))))
    if document.retrieved:
        add(ox.Triple(node, sg("retrievedAt"), ox.Literal(document.retrieved, datatype=_n(XSD + "dateTime"))))
    add(ox.Triple(node, sg("eventCount"), _int(event_count)))
    if document.skipped:
        status, note = "skipped", document.skipped
    elif event_count:
        status, note = "extracted", "; ".join(document.warnings)
    else:
        status, note = "no-events", _no_event_reason(result)
    add(ox.Triple(node, sg("status"), _lit(status)))
    if note:
        add(ox.Triple(node, sg("note"), _lit(note)))


def _no_event_reason(result: DocumentResult) -> str:
    """Why a readable document yielded no events, in words a user can act on."""
    countries = {e.country for e in result.entities if e.type == "country"}
    if not countries:
        return "no country, leader or government is named"
    if len(countries) == 1:
        return "only one country is named, so no relation between countries is stated"
    return "no stance wording (accept, refuse, threaten, visit, agree...) links the countries named"
