"""The part of the graph that needs every article: shortcut triples, people with role and tenure (the majority
of the votes), organisations, programmes, policy contexts, countries (ISO 3166, Wikidata `owl:sameAs`) and the
corrections; counted from the entities so a merge shard by shard holds only the counts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

import pyoxigraph as ox

from graph.actors import knowledge_base, official_name, read_data, slug
from graph.corrections import Curation, fold
from graph.extract import DocumentResult, contexts
from graph.ontology import ORG, PERSON, POLICY, wikidata_iri
from graph.rdf.curation import ACTIVE, EventNode, _correction_triples
from graph.rdf.events import _event_effects
from graph.rdf.terms import (
    ALT_LABEL,
    DEFINITION,
    DERIVED,
    LABEL,
    SAME_AS,
    TYPE,
    _date,
    _lit,
    _n,
    country_iri,
    policy_iri,
    sg,
    source_iri,
)


@cache
def _country_alt_labels() -> dict[str, tuple[str, ...]]:
    labels: dict[str, list[str]] = {}
    for row in read_data("country_aliases.csv"):
        if row["iso3"] and row["kind"] in ("name", "capital"):
            labels.setdefault(row["iso3"], []).append(row["alias"])
    return {k: tuple(v) for k, v in labels.items()}


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


def _majority(votes: Counter) -> str:
    ranked = sorted(((-count, value) for value, count in votes.items() if value), key=lambda item: item)
    return ranked[0][1] if ranked else ""


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
