"""Event reification: an event node's triples (relation, actors, target, dates, confidence, mode), its
mentions with their evidence, what it says about countries, policies and programmes, and its provenance.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from graph.ontology import PROV, relations
from graph.rdf.curation import ACTIVE, EXTRACTOR, EventNode, _datetime, curator_iri
from graph.rdf.merging import mention_iri
from graph.rdf.terms import (
    DERIVED,
    TYPE,
    _date,
    _dec,
    _int,
    _lit,
    _n,
    actor_iri,
    country_iri,
    policy_iri,
    sg,
    source_iri,
)
from graph.records import Event


def _event_triples(add, node: EventNode, sha_of: dict[str, str]) -> None:
    """The triples of one event node: its properties, mentions, provenance and review status. A curated
    event's mentions that are extracted mentions as they were are written by their extracted event (the same
    IRI and triples), so that no triple is in two nodes' parts."""
    _event_head(add, node, sha_of)
    for mention in node.group.mentions:
        _mention_triples(add, node, mention, sha_of)


def _event_head(add, node: EventNode, sha_of: dict[str, str]) -> None:
    """The triples of an event node about the event itself: its properties, documents and provenance."""
    summary = EventSummary()
    for mention in node.group.mentions:
        summary.add(mention)
    event_properties(add, node, summary)
    for source in dict.fromkeys(sha_of[m.source] for m in node.group.mentions):
        add(ox.Triple(node.iri, DERIVED, source_iri(source)))
    _provenance_triples(add, node)


def event_properties(add, node: EventNode, summary: EventSummary) -> None:
    """An event node's properties: those of its first mention, and what `summary` says of all of them."""
    iri, first = node.iri, node.group.first
    relation = relations()[first.relation]
    actor = actor_iri(first.actor, first.actor_type, first.actor_country)
    target = actor_iri(first.target, first.target_type, first.target_country)
    add(ox.Triple(iri, TYPE, sg("StanceEvent")))
    add(ox.Triple(iri, sg("actor"), actor))
    add(ox.Triple(iri, sg("actorCountry"), country_iri(first.actor_country)))
    add(ox.Triple(iri, sg("relation"), _n(relation.iri)))
    add(ox.Triple(iri, sg("target"), target))
    if first.target_country:
        add(ox.Triple(iri, sg("targetCountry"), country_iri(first.target_country)))
    add(ox.Triple(iri, sg("context"), policy_iri(first.context)))
    if summary.date:
        add(ox.Triple(iri, sg("date"), _date(summary.date)))
    if summary.event_date:  # when the act happened, as its sentences say; sg:date stays the date it was reported
        add(ox.Triple(iri, sg("eventDate"), _date(summary.event_date)))
    add(ox.Triple(iri, sg("mode"), sg(first.mode)))
    add(ox.Triple(iri, sg("confidence"), _dec(summary.confidence)))
    add(ox.Triple(iri, sg("polarity"), _int(relation.polarity)))
    add(ox.Triple(iri, sg("weight"), _dec(relation.weight)))
    add(ox.Triple(iri, sg("mentionCount"), _int(summary.count)))
    add(ox.Triple(iri, sg("sequence"), _int(first.sequence)))
    add(ox.Triple(iri, sg("evidence"), _lit(first.evidence)))


@dataclass
class EventSummary:
    """What an event node's own triples say of all its mentions: the earliest report date, the earliest day one
    of them happened (its event date, else its report date; "" when no sentence gives a time), the highest
    confidence and the number of mentions. Kept up to date mention by mention, it lets a merge write an event
    of thousands of mentions without holding them (graph/merge.py)."""

    date: str = ""
    event_date: str = ""
    confidence: float = float("-inf")
    count: int = 0
    _earliest: str = field(default="", repr=False)  #: the earliest of each mention's event date, else report date
    _dated: bool = field(default=False, repr=False)  #: whether any mention's sentence gave a time

    def add(self, mention: Event) -> None:
        """Count one more mention."""
        self.count_one(mention.date, mention.event_date, mention.confidence)

    def count_one(self, day: str, event_date: str, confidence: float) -> None:
        """Count one more mention, from its report date, event date and confidence.

        A mention whose sentence gives no time happened, as far as anyone can tell, by the day it was reported:
        that day competes for the event's earliest date too. Otherwise an event first reported on the 26th
        (no time in its sentence) and told again with "on Tuesday" (the 28th) would show the 28th beside the
        26th's sentence, its first mention's evidence. `event_date` stays "" when no sentence gives a time."""
        if day and (not self.date or day < self.date):
            self.date = day
        when = event_date or day
        if event_date:
            self._dated = True
        if when and (not self._earliest or when < self._earliest):
            self._earliest = when
        self.event_date = self._earliest if self._dated else ""
        self.confidence = max(self.confidence, confidence)
        self.count += 1


def event_own_triples(node: EventNode, summary: EventSummary) -> list[ox.Triple]:
    """An event node's own triples but its documents: properties and provenance. For a merge that writes the
    mentions as it reads them (graph/merge.py), with `mention_triples` and `prov:wasDerivedFrom` triples for
    the documents; together the triples of `GraphParts.node`."""
    triples: list[ox.Triple] = []
    event_properties(triples.append, node, summary)
    _provenance_triples(triples.append, node)
    return triples


def mention_triples(node: EventNode, mention: Event, sha_of: dict[str, str]) -> list[ox.Triple]:
    """The triples of one of an event node's mentions: the link from the event and the mention's own."""
    triples: list[ox.Triple] = []
    _mention_triples(triples.append, node, mention, sha_of)
    return triples


def _mention_triples(add, node: EventNode, mention: Event, sha_of: dict[str, str]) -> None:
    """The triples of one mention of an event node: the link from the event and the mention's own."""
    iri = node.iri
    m_node = node.mention_iris.get(mention) or mention_iri(mention, sha_of)
    add(ox.Triple(iri, sg("hasMention"), m_node))
    if node.status != "Curated" or m_node != mention_iri(mention, sha_of):  # else an extracted mention as it
        _mention_own_triples(add, m_node, mention, sha_of)  # was: its extracted event writes it


def _mention_own_triples(add, m_node: ox.NamedNode, mention: Event, sha_of: dict[str, str]) -> None:
    """What a mention node says of itself: its sentence, place, document, trigger, mode, confidence, dates."""
    add(ox.Triple(m_node, TYPE, sg("Mention")))
    add(ox.Triple(m_node, sg("evidence"), _lit(mention.evidence)))
    add(ox.Triple(m_node, sg("start"), _int(mention.start)))
    add(ox.Triple(m_node, sg("end"), _int(mention.end)))
    add(ox.Triple(m_node, sg("source"), source_iri(sha_of[mention.source])))
    add(ox.Triple(m_node, sg("trigger"), _lit(mention.trigger)))
    add(ox.Triple(m_node, sg("mode"), sg(mention.mode)))
    add(ox.Triple(m_node, sg("confidence"), _dec(mention.confidence)))
    if mention.date:
        add(ox.Triple(m_node, sg("date"), _date(mention.date)))
    if mention.event_date:
        add(ox.Triple(m_node, sg("eventDate"), _date(mention.event_date)))


def _event_effects(add, node: EventNode, countries: set[str], policies: set[str], programs: dict[str, str]) -> None:
    """What an event node adds to the rest of the graph: its countries, policy context and programme, and
    the shortcut triples (actor relation target) when it belongs to the curated graph."""
    first = node.group.first
    if first.target_country:
        countries.add(first.target_country)
    countries.add(first.actor_country)
    policies.add(first.context)
    if node.status not in ACTIVE:
        return
    actor = actor_iri(first.actor, first.actor_type, first.actor_country)
    target = actor_iri(first.target, first.target_type, first.target_country)
    predicate = _n(relations()[first.relation].iri)
    add(ox.Triple(actor, predicate, target))
    if first.target_country and (first.actor_type != "country" or first.target_type != "country"):
        add(ox.Triple(country_iri(first.actor_country), predicate, country_iri(first.target_country)))
    if first.target_type == "program":
        programs.setdefault(first.target, first.actor_country)


def _provenance_triples(add, node: EventNode) -> None:
    """Who an event is attributed to, its review status and the corrections that decided it (PROV-O).

    Extracted events are attributed to the extractor and carry no time: the graph must not change from
    build to build. A curated event is attributed to its curators, generated by their corrections at the
    latest correction's date and a revision of the extracted events it replaces; a rejected or superseded
    event was invalidated by its corrections."""
    iri = node.iri
    add(ox.Triple(iri, sg("reviewStatus"), sg(node.status)))
    latest = max((c.date for c in node.corrections), default="")
    if node.status == "Curated":
        for curator in sorted({c.curator for c in node.corrections}):
            add(ox.Triple(iri, _n(PROV + "wasAttributedTo"), curator_iri(curator)))
        add(ox.Triple(iri, _n(PROV + "generatedAtTime"), _datetime(latest)))
        for row in node.corrections:
            add(ox.Triple(iri, _n(PROV + "wasGeneratedBy"), _n(row.iri)))
        for original in node.revision_of:
            add(ox.Triple(iri, _n(PROV + "wasRevisionOf"), original))
        return
    add(ox.Triple(iri, _n(PROV + "wasAttributedTo"), EXTRACTOR))
    for row in node.corrections:
        add(ox.Triple(iri, sg("decidedBy"), _n(row.iri)))
        if node.status in ("Rejected", "Superseded"):
            add(ox.Triple(iri, _n(PROV + "wasInvalidatedBy"), _n(row.iri)))
    if node.status in ("Rejected", "Superseded"):
        add(ox.Triple(iri, _n(PROV + "invalidatedAtTime"), _datetime(latest)))
