"""The terms of the graph: the vocabulary's IRIs, literals, the IRIs minted for countries, actors, documents
and policies, and serialisation with the project's prefixes.

IRIs are minted from controlled identifiers only (ISO codes, normalised names, content hashes), never from
raw article text, so building the same input twice gives the same graph.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import pyoxigraph as ox

from graph.actors import slug
from graph.ontology import COUNTRY, DCTERMS, ORG, OWL, PERSON, POLICY, PROV, RDF, RDFS, SG, SKOS, SOURCE, XSD


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


def serialize(triples: Sequence[ox.Triple], fmt: str) -> bytes:
    """Turtle, N-Triples or JSON-LD bytes for the triples, with the project's prefixes."""
    from graph.ontology import PREFIXES

    formats = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD}
    kwargs = {"prefixes": PREFIXES} if fmt in ("turtle", "jsonld") else {}
    return ox.serialize(triples, format=formats[fmt], **kwargs)
