"""The triples stage: extracted events and entities -> RDF under the stancegraph ontology.

Takes the per-document extraction results and gives a list of pyoxigraph triples:

- one `sg:SourceDocument` per input, read or skipped, with its hash, date, event count and status, so a
  user can see what was read and what was not;
- one `sg:StanceEvent` per fact: mentions of the same actor country, relation and target within a few days
  merge into one event with several `sg:Mention`s, so repetition across reports does not inflate scores;
- the direct shortcut triple (`country:GTM sg:acceptsDeportees country:USA`) next to each event node;
- countries (ISO 3166, Wikidata `owl:sameAs`), people with role and tenure, organisations, programmes and
  policy contexts.

IRIs are minted from controlled identifiers only (ISO codes, normalised names, content hashes), never from
raw article text, so building the same input twice gives the same graph.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache

import pyoxigraph as ox

from graph.actors import knowledge_base, official_name, read_data, slug
from graph.corrections import Correction, Curation, fold
from graph.extract import DocumentResult, contexts
from graph.ontology import (
    AGENT,
    COUNTRY,
    DCTERMS,
    EVENT,
    MENTION,
    ORG,
    OWL,
    PERSON,
    POLICY,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SG,
    SKOS,
    SOURCE,
    XSD,
    relations,
    wikidata_iri,
)
from graph.records import Event, MergedEvent

#: Mentions of the same fact this many days apart or closer are one event.
MERGE_WINDOW_DAYS = 3


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


TYPE = _n(RDF + "type")
LABEL = _n(RDFS + "label")
ALT_LABEL = _n(SKOS + "altLabel")
DEFINITION = _n(SKOS + "definition")
SAME_AS = _n(OWL + "sameAs")
DERIVED = _n(PROV + "wasDerivedFrom")
TITLE = _n(DCTERMS + "title")
DATE = _n(DCTERMS + "date")
PUBLISHER = _n(DCTERMS + "publisher")


def sg(name: str) -> ox.NamedNode:
    """An ontology term."""
    return _n(SG + name)


def _lit(value: str) -> ox.Literal:
    return ox.Literal(value)


def _int(value: int) -> ox.Literal:
    return ox.Literal(str(int(value)), datatype=_n(XSD + "integer"))


def _dec(value: float) -> ox.Literal:
    return ox.Literal(f"{value:.2f}", datatype=_n(XSD + "decimal"))


def _date(value: str) -> ox.Literal:
    return ox.Literal(value, datatype=_n(XSD + "date"))


def _hash(*parts: object, length: int = 16) -> str:
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:length]


def country_iri(iso3: str) -> ox.NamedNode:
    return _n(COUNTRY + iso3)


def actor_iri(name: str, actor_type: str, country: str) -> ox.NamedNode:
    """The IRI of an actor from its type and controlled identifier."""
    if actor_type == "country":
        return country_iri(country)
    if actor_type == "person":
        return _n(PERSON + slug(name))
    if actor_type == "organization":
        return _n(ORG + slug(name))
    return _n(POLICY + slug(name))


def source_key(sha256: str, path: str) -> str:
    """Identity of one input: its content and its place within the input it was found in (`Document.key`),
    so that typing a folder's path another way gives the same graph."""
    return _hash(sha256, path)


def source_iri(key: str) -> ox.NamedNode:
    return _n(SOURCE + key)


def policy_iri(context: str) -> ox.NamedNode:
    return _n(POLICY + context)


# ---------------------------------------------------------------------------------------------- merging
def merge_events(events: Iterable[Event], *, window_days: int = MERGE_WINDOW_DAYS) -> list[MergedEvent]:
    """Group mentions of the same fact: same actor country, relation and target, dates within the window.

    Mentions without a date join the group of their key, if any. Groups come back in a stable order
    (earliest date, then source, then position), so IRIs and output repeat from build to build.
    """
    groups: dict[tuple[str, str, str], list[MergedEvent]] = {}
    ordered = sorted(events, key=lambda e: (e.date or "9999", e.source, e.start, e.relation, e.target))
    for event in ordered:
        key = (event.actor_country, event.relation, event.target_country or slug(event.target))
        bucket = groups.setdefault(key, [])
        home = None
        for group in bucket:
            last = group.mentions[-1].date
            if not event.date or not last or _days(last, event.date) <= window_days:
                home = group
                break
        if home is None:
            home = MergedEvent()
            bucket.append(home)
        home.mentions.append(event)
    merged = [group for bucket in groups.values() for group in bucket]
    merged.sort(key=lambda g: (g.first.date or "9999", g.first.source, g.first.start, g.first.relation,
                               g.first.target))
    return merged


def _days(a: str, b: str) -> int:
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


def event_iri(group: MergedEvent, sha_of: dict[str, str]) -> ox.NamedNode:
    first = group.first
    # The actor is part of the identity: one sentence can state the same act by two parties toward one target.
    return _n(EVENT + _hash(sha_of.get(first.source, first.source), first.start, first.end, first.relation,
                            first.target, first.actor))


def mention_iri(event: Event, sha_of: dict[str, str]) -> ox.NamedNode:
    return _n(MENTION + _hash(sha_of.get(event.source, event.source), event.start, event.end, event.relation,
                              event.target, event.actor))


# ---------------------------------------------------------------------------------------------- curation
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


# ---------------------------------------------------------------------------------------------- triples
@cache
def _country_alt_labels() -> dict[str, tuple[str, ...]]:
    labels: dict[str, list[str]] = {}
    for row in read_data("country_aliases.csv"):
        if row["iso3"] and row["kind"] in ("name", "capital"):
            labels.setdefault(row["iso3"], []).append(row["alias"])
    return {k: tuple(v) for k, v in labels.items()}


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

    With a `curation` (graph/corrections.py), the graph holds both the raw extraction and the curated one:
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


@dataclass
class EntityVotes:
    """What the people, organisations, programmes and countries of the graph need of the extracted entities:
    per person the votes for their country and role (the majority wins) and their spellings, per organisation
    and programme the country first seen, the countries named. Counts per name, not the entities: a merge that
    reads the entities shard by shard (graph/merge.py) holds these only. `sources=False` leaves out the
    documents of each person and organisation (that merge writes their `prov:wasDerivedFrom` triples shard by
    shard with `entity_source_triples`)."""

    sources: bool = True
    persons: dict[str, tuple[Counter, Counter, list[str]]] = field(default_factory=dict)
    spellings: dict[str, set[str]] = field(default_factory=dict)
    orgs: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    programs: dict[str, str] = field(default_factory=dict)
    countries: set[str] = field(default_factory=set)

    def add(self, entities: Iterable, src: str) -> None:
        """Count the entities of one document (`src`: its source key), in input order (the first country
        seen of an organisation or programme is its country)."""
        for entity in entities:
            if entity.type == "person":
                entry = self.persons.setdefault(entity.name, (Counter(), Counter(), []))
                if entity.written:
                    self.spellings.setdefault(entity.name, set()).add(entity.written)
                entry[0][entity.country] += 1
                entry[1][entity.role] += 1
                if self.sources and src not in entry[2]:
                    entry[2].append(src)
            elif entity.type == "organization":
                entry2 = self.orgs.setdefault(entity.name, (entity.country, []))
                if self.sources and src not in entry2[1]:
                    entry2[1].append(src)
            elif entity.type == "country" and entity.country:
                self.countries.add(entity.country)
            elif entity.type == "program":
                self.programs.setdefault(entity.name, entity.country)


def entity_source_triples(entities: Iterable, src: str) -> list[ox.Triple]:
    """The documents people and organisations are derived from, for the entities of one document: the
    `prov:wasDerivedFrom` triples `rest_triples` leaves out for `EntityVotes(sources=False)`."""
    triples = []
    for entity in entities:
        base = PERSON if entity.type == "person" else ORG if entity.type == "organization" else None
        if base is not None:
            triples.append(ox.Triple(_n(base + slug(entity.name)), DERIVED, source_iri(src)))
    return list(dict.fromkeys(triples))


def _rest_triples(results: Sequence[DocumentResult], curation: Curation | None, sha_of: dict[str, str],
                  nodes: list[EventNode]) -> list[ox.Triple]:
    """Shortcut triples, corrections, people, organisations, programmes, policies and countries."""
    votes = EntityVotes()
    for result in results:
        votes.add(result.entities, sha_of[result.document.source])
    return rest_triples(votes, curation, nodes)


def rest_triples(votes: EntityVotes, curation: Curation | None, nodes: Iterable[EventNode]) -> list[ox.Triple]:
    """The rest of the graph (see `GraphParts.rest`) from the entities' votes and the event nodes, in the
    order of `merge_events` (only each node's status and first mention are read). Changes `votes`."""
    triples: list[ox.Triple] = []
    add = triples.append
    countries = votes.countries
    policies: set[str] = set()
    persons, spellings, orgs, programs = votes.persons, votes.spellings, votes.orgs, votes.programs

    for node in nodes:
        _event_effects(add, node, countries, policies, programs)
        if node.status in ACTIVE:
            for side in ("actor", "target"):  # a person only a correction names still gets a node
                name, kind = getattr(node.group.first, side), getattr(node.group.first, f"{side}_type")
                if kind == "person" and name not in persons:
                    persons[name] = (Counter([getattr(node.group.first, f"{side}_country")]), Counter(), [])
    if curation is not None:
        _correction_triples(add, curation)

    people_fixed = {fold(k): v for k, v in curation.people.items()} if curation is not None else {}
    for name in sorted(persons):
        country_votes, role_votes, sources = persons[name]
        # Documents may disagree about a person; the most frequent reading wins, ties in sorted order, so
        # the graph does not depend on the order of the inputs.
        country = _majority(country_votes)
        role = _majority(role_votes)
        fixed = people_fixed.get(fold(name), {})
        country = fixed["country"][0] if "country" in fixed else country
        role = fixed["role"][0] if "role" in fixed else role
        period = fixed["role"][1].period if "role" in fixed else None  # a role held for a period (its tenure)
        _person_triples(add, name, country, role, sorted(sources), period=period)
        for written in sorted(spellings.get(name, ())):
            add(ox.Triple(_n(PERSON + slug(name)), ALT_LABEL, _lit(written)))
        if country:
            countries.add(country)
    for name in sorted(orgs):
        country, sources = orgs[name]
        sources = sorted(sources)
        node = _n(ORG + slug(name))
        add(ox.Triple(node, TYPE, sg("Organization")))
        add(ox.Triple(node, LABEL, _lit(name)))
        if country:
            add(ox.Triple(node, sg("country"), country_iri(country)))
            countries.add(country)
        for source in sources:
            add(ox.Triple(node, DERIVED, source_iri(source)))
    for name in sorted(programs):
        node = _n(POLICY + slug(name))
        add(ox.Triple(node, TYPE, sg("Program")))
        add(ox.Triple(node, LABEL, _lit(name)))
        if programs[name]:
            add(ox.Triple(node, sg("country"), country_iri(programs[name])))
    labels = {c.slug: c for c in contexts()}
    for context in sorted(policies):
        node = policy_iri(context)
        add(ox.Triple(node, TYPE, sg("Policy")))
        known = labels.get(context)
        add(ox.Triple(node, LABEL, _lit(known.label if known else context)))
        if known:
            add(ox.Triple(node, DEFINITION, _lit(known.definition)))
    kb = knowledge_base()
    alt = _country_alt_labels()
    for iso3 in sorted(countries):
        node = country_iri(iso3)
        add(ox.Triple(node, TYPE, sg("Country")))
        add(ox.Triple(node, LABEL, _lit(kb.country_name(iso3))))
        official = official_name(iso3)
        if official:
            add(ox.Triple(node, sg("officialName"), _lit(official)))
        add(ox.Triple(node, sg("iso3"), _lit(iso3)))
        if iso3 in kb.iso2:
            add(ox.Triple(node, sg("iso2"), _lit(kb.iso2[iso3])))
        for label in alt.get(iso3, ()):
            add(ox.Triple(node, ALT_LABEL, _lit(label)))
        wikidata = wikidata_iri(iso3)
        if wikidata:
            add(ox.Triple(node, SAME_AS, _n(wikidata)))
    return list(dict.fromkeys(triples))


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


def _majority(votes: Counter) -> str:
    ranked = sorted(((-count, value) for value, count in votes.items() if value), key=lambda item: item)
    return ranked[0][1] if ranked else ""


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


def _person_triples(add, name: str, country: str, role: str, sources: list[str],
                    period: tuple[str, str] | None = None) -> None:
    node = _n(PERSON + slug(name))
    add(ox.Triple(node, TYPE, sg("Person")))
    add(ox.Triple(node, LABEL, _lit(name)))
    if country:
        add(ox.Triple(node, sg("country"), country_iri(country)))
    if role:
        add(ox.Triple(node, sg("role"), _lit(role)))
    known = knowledge_base().people.get(name)
    start, end = period if period is not None else (known.start, known.end) if known is not None else ("", "")
    if start:
        add(ox.Triple(node, sg("roleStart"), _date(start)))
    if end:
        add(ox.Triple(node, sg("roleEnd"), _date(end)))
    for source in sources:
        add(ox.Triple(node, DERIVED, source_iri(source)))


# --------------------------------------------------------------------------------------------- serialise
def serialize(triples: Sequence[ox.Triple], fmt: str) -> bytes:
    """Turtle, N-Triples or JSON-LD bytes for the triples, with the project's prefixes."""
    from graph.ontology import PREFIXES

    formats = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD}
    kwargs = {"prefixes": PREFIXES} if fmt in ("turtle", "jsonld") else {}
    return ox.serialize(triples, format=formats[fmt], **kwargs)
