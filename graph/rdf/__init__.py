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

One module per step: `terms` (the vocabulary's IRIs, minted IRIs, literals, serialisation), `merging`
(mentions of one fact merged into one event), `curation` (event nodes and their review status, the
corrections' triples), `events` (event reification: an event node, its mentions and provenance), `rest`
(people, organisations, programmes, policies, countries and shortcut triples) and `parts` (the graph in parts
a build can reuse, and all of it as `to_triples`).
"""

from __future__ import annotations

from graph.ontology import SG as SG
from graph.rdf.curation import ACTIVE, EXTRACTOR, RAW, EventNode, curator_iri, event_keys, event_nodes
from graph.rdf.events import EventSummary, event_own_triples, event_properties, mention_triples
from graph.rdf.merging import MERGE_WINDOW_DAYS, event_iri, mention_iri, merge_events
from graph.rdf.parts import GraphParts, graph_parts, source_triples, to_triples
from graph.rdf.rest import EntityVotes, entity_source_triples, rest_triples
from graph.rdf.terms import (
    ALT_LABEL,
    DATE,
    DEFINITION,
    DERIVED,
    LABEL,
    PUBLISHER,
    SAME_AS,
    TITLE,
    TYPE,
    actor_iri,
    country_iri,
    policy_iri,
    serialize,
    sg,
    source_iri,
    source_key,
)

__all__ = [
    "ACTIVE", "ALT_LABEL", "DATE", "DEFINITION", "DERIVED", "EXTRACTOR", "LABEL", "MERGE_WINDOW_DAYS",
    "PUBLISHER", "RAW", "SAME_AS", "TITLE", "TYPE", "EntityVotes", "EventNode", "EventSummary", "GraphParts",
    "actor_iri", "country_iri", "curator_iri", "entity_source_triples", "event_iri", "event_keys", "event_nodes",
    "event_own_triples", "event_properties", "graph_parts", "mention_iri", "mention_triples", "merge_events",
    "policy_iri", "rest_triples", "serialize", "sg", "source_iri", "source_key", "source_triples", "to_triples",
]  # fmt: skip
