"""The event nodes of the graph and their review: each merged event as extracted, accepted, rejected, superseded
by a curated revision or made by a person, and the triples of the corrections and curators that decided it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox

from graph.actors import slug
from graph.corrections import Correction, Curation
from graph.extract import DocumentResult
from graph.ontology import AGENT, EVENT, MENTION, PROV, RDFS, XSD
from graph.rdf.merging import event_iri, mention_iri, merge_events
from graph.rdf.terms import LABEL, TYPE, _hash, _lit, _n, sg, source_key
from graph.records import Event, MergedEvent

#: Review statuses (`sg:reviewStatus`) of the events of the curated graph: the one stances, the view and the
#: named queries read. Rejected and superseded events stay in the graph, outside it.
ACTIVE = ("Extracted", "Accepted", "Curated")
#: Statuses of the events of the raw extraction (the graph as the extractor made it).
RAW = ("Extracted", "Accepted", "Rejected", "Superseded")
#: The software agent extracted events are attributed to.
EXTRACTOR = _n(AGENT + "stancegraph-extractor")


@dataclass
class EventNode:
    """One event node of the graph: its mentions, IRI, review status and the corrections that decided it."""

    group: MergedEvent
    iri: ox.NamedNode
    status: str = "Extracted"
    corrections: tuple[Correction, ...] = ()
    revision_of: tuple[ox.NamedNode, ...] = ()  #: the extracted events a curated event replaces
    #: the IRIs of a curated event's mentions; any other mention's is `mention_iri` (made when written: a
    #: hash per mention, seconds at a hundred thousand mentions)
    mention_iris: dict[Event, ox.NamedNode] = field(default_factory=dict)


def event_keys(results: Sequence[DocumentResult]) -> dict[str, list[Event]]:
    """The key of each extracted event's IRI (`event:<key>`) -> its mentions, for corrections by IRI."""
    sha_of = _sha_of(results)
    events = [event for result in results for event in result.events]
    return {event_iri(group, sha_of).value.rsplit("/", 1)[1]: group.mentions for group in merge_events(events)}


def _sha_of(results: Sequence[DocumentResult]) -> dict[str, str]:
    return {r.document.source: source_key(r.document.sha256, r.document.key or r.document.source) for r in results}


def event_nodes(events: list[Event], curation: Curation | None, sha_of: dict[str, str]) -> list[EventNode]:
    """The event nodes of the graph: the extracted events (merged), each with its review status, then the
    curated events that replace or add to them. Without a curation every event is as extracted."""
    raw_groups = merge_events(events)
    if curation is None:
        return [EventNode(g, event_iri(g, sha_of)) for g in raw_groups]
    curated = {tuple(g.mentions): g for g in merge_events(curation.events)}
    made_from: dict[Event, list[Correction]] = {}  # extracted mention -> the rows that changed it
    for original, rows in curation.origin.values():
        if original is not None:
            made_from.setdefault(original, []).extend(rows)
    nodes: list[EventNode] = []
    event_of: dict[Event, ox.NamedNode] = {}
    kept: set[tuple[Event, ...]] = set()
    for group in raw_groups:
        iri = event_iri(group, sha_of)
        node = EventNode(group, iri)
        for mention in group.mentions:
            event_of[mention] = iri
        if tuple(group.mentions) in curated:
            kept.add(tuple(group.mentions))
            rows = [c for m in group.mentions for c in curation.accepted.get(m, ())]
            node.status, node.corrections = ("Accepted" if rows else "Extracted"), tuple(dict.fromkeys(rows))
        else:
            rows = [c for m in group.mentions for c in (*curation.rejected.get(m, ()), *made_from.get(m, ()))]
            rejected = all(m in curation.rejected for m in group.mentions)
            node.status, node.corrections = ("Rejected" if rejected else "Superseded"), tuple(dict.fromkeys(rows))
        nodes.append(node)
    for key, group in curated.items():
        if key in kept:
            continue
        mention_iris: dict[Event, ox.NamedNode] = {}
        rows: list[Correction] = []
        replaced: list[ox.NamedNode] = []
        for mention in group.mentions:
            original, made_by = curation.origin.get(mention, (mention, ()))
            rows.extend(made_by)
            if original is not None and original in event_of:
                replaced.append(event_of[original])
            if original is mention:
                mention_iris[mention] = mention_iri(mention, sha_of)
            else:  # a mention a person changed or added: an IRI of its own, from what it was and who changed it
                base = mention_iri(original, sha_of).value if original is not None else "added"
                mention_iris[mention] = _n(MENTION + _hash("curated", base, *(c.key for c in made_by)))
        iri = _n(EVENT + _hash("curated", *sorted(m.value for m in mention_iris.values())))
        nodes.append(EventNode(group, iri, "Curated", tuple(dict.fromkeys(rows)),
                               tuple(sorted(set(replaced), key=lambda n: n.value)), mention_iris))
    for node in nodes:  # an extracted event merged into a changed one: superseded by the rows that changed it
        if node.status == "Superseded" and not node.corrections:
            mine = set(node.group.mentions)
            rows = [c for other in nodes if other.status == "Curated" and mine & set(other.group.mentions)
                    for c in other.corrections]
            node.corrections = tuple(dict.fromkeys(rows))
    return nodes


def curator_iri(name: str) -> ox.NamedNode:
    """The IRI of a person who made corrections."""
    return _n(AGENT + slug(name))


def _datetime(day: str) -> ox.Literal:
    """A correction's day as the xsd:dateTime PROV wants (midnight, no clock involved)."""
    return ox.Literal(f"{day}T00:00:00", datatype=_n(XSD + "dateTime"))


def _correction_triples(add, curation: Curation) -> None:
    """The corrections that changed something, each a `sg:Correction` (a prov:Activity) of its curator,
    and the agents: the extractor and every curator."""
    add(ox.Triple(EXTRACTOR, TYPE, _n(PROV + "SoftwareAgent")))
    add(ox.Triple(EXTRACTOR, LABEL, _lit("stancegraph extractor")))
    curators: set[str] = set()
    for row in curation.applied():
        node = _n(row.iri)
        add(ox.Triple(node, TYPE, sg("Correction")))
        add(ox.Triple(node, sg("action"), _lit(row.action)))
        if row.value:
            add(ox.Triple(node, sg("value"), _lit(row.value)))
        add(ox.Triple(node, _n(PROV + "wasAssociatedWith"), curator_iri(row.curator)))
        add(ox.Triple(node, _n(PROV + "endedAtTime"), _datetime(row.date)))
        if row.note:
            add(ox.Triple(node, _n(RDFS + "comment"), _lit(row.note)))
        curators.add(row.curator)
    for name in sorted(curators):
        add(ox.Triple(curator_iri(name), TYPE, _n(PROV + "Person")))
        add(ox.Triple(curator_iri(name), LABEL, _lit(name)))
