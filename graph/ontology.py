"""The stancegraph ontology as Python values: namespaces, the relation table and the ontology graph.

Takes the Turtle files in ``ontology/`` (every ``*.ttl`` except the SHACL shapes) and gives the other
stages what they need from them: the namespace strings used to mint IRIs, the prefix table used by
serializers and SPARQL, the eighteen stance relations with their polarity, weight and CAMEO/PLOVER
alignment, and the ISO 3166 to Wikidata table in ``graph/data/countries_wikidata.csv``.

The ontology is the single source of these facts: code reads them from the Turtle, never repeats them.
Everything is parsed once per process and cached.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

if TYPE_CHECKING:  # rdflib is only imported when a caller asks for the rdflib graph.
    import rdflib

SG = "https://w3id.org/stancegraph/ontology#"
COUNTRY = "https://w3id.org/stancegraph/id/country/"
PERSON = "https://w3id.org/stancegraph/id/person/"
ORG = "https://w3id.org/stancegraph/id/org/"
POLICY = "https://w3id.org/stancegraph/id/policy/"
EVENT = "https://w3id.org/stancegraph/id/event/"
MENTION = "https://w3id.org/stancegraph/id/mention/"
SOURCE = "https://w3id.org/stancegraph/id/source/"
CORRECTION = "https://w3id.org/stancegraph/id/correction/"
AGENT = "https://w3id.org/stancegraph/id/agent/"
WD = "http://www.wikidata.org/entity/"
CAMEO = "https://w3id.org/stancegraph/cameo/"
PLOVER = "https://w3id.org/stancegraph/plover/"

PROV = "http://www.w3.org/ns/prov#"
DCTERMS = "http://purl.org/dc/terms/"
SCHEMA = "https://schema.org/"
FOAF = "http://xmlns.com/foaf/0.1/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
OWL = "http://www.w3.org/2002/07/owl#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"

ONTOLOGY_IRI = "https://w3id.org/stancegraph/ontology"

#: Prefix -> namespace, in the order serializers should print them.
PREFIXES: dict[str, str] = {
    "sg": SG,
    "country": COUNTRY,
    "person": PERSON,
    "org": ORG,
    "policy": POLICY,
    "event": EVENT,
    "mention": MENTION,
    "source": SOURCE,
    "correction": CORRECTION,
    "agent": AGENT,
    "wd": WD,
    "cameo": CAMEO,
    "plover": PLOVER,
    "prov": PROV,
    "dcterms": DCTERMS,
    "schema": SCHEMA,
    "foaf": FOAF,
    "skos": SKOS,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
}

SHAPES_FILE = "shapes.ttl"
WIKIDATA_CSV = Path(__file__).parent / "data" / "countries_wikidata.csv"

_TYPE = ox.NamedNode(RDF + "type")
_LABEL = ox.NamedNode(RDFS + "label")
_DEFINITION = ox.NamedNode(SKOS + "definition")
_NOTATION = ox.NamedNode(SKOS + "notation")
_CLOSE_MATCH = ox.NamedNode(SKOS + "closeMatch")
_SYMMETRIC = ox.NamedNode(OWL + "SymmetricProperty")
_STANCE_RELATION = ox.NamedNode(SG + "StanceRelation")
_POLARITY = ox.NamedNode(SG + "polarity")
_WEIGHT = ox.NamedNode(SG + "weight")


class OntologyError(RuntimeError):
    """The ontology files are missing, unreadable or lack a fact the code relies on."""


@dataclass(frozen=True)
class Relation:
    """One stance relation as declared in the ontology.

    ``name`` is the local name (``acceptsDeportees``), ``iri`` the full IRI, ``polarity`` -1/0/1,
    ``weight`` the -10..+10 conflict-cooperation score, ``cameo`` and ``plover`` the notations of the
    closest CAMEO code and PLOVER event type (``"0832"``, ``"CONCEDE"``).
    """

    name: str
    iri: str
    label: str
    definition: str
    polarity: int
    weight: float
    symmetric: bool
    cameo: str
    plover: str


def ontology_dir() -> Path:
    """The folder holding the ontology Turtle files.

    An installed wheel carries it as ``graph/ontology``; in the source tree it is ``<repo>/ontology``.
    """
    here = Path(__file__).resolve().parent
    for candidate in (here / "ontology", here.parent / "ontology"):
        if (candidate / "stancegraph.ttl").is_file():
            return candidate
    raise OntologyError(
        f"ontology folder not found: looked for stancegraph.ttl in {here / 'ontology'} and "
        f"{here.parent / 'ontology'}; reinstall stancegraph or run from the source tree"
    )


def ontology_files() -> list[Path]:
    """Every Turtle file of the ontology (``ontology/*.ttl`` except the SHACL shapes), sorted by name."""
    return sorted(p for p in ontology_dir().glob("*.ttl") if p.name != SHAPES_FILE)


def shapes_file() -> Path:
    """The SHACL shapes file that ``graph.validate`` checks graphs against."""
    return ontology_dir() / SHAPES_FILE


@cache
def _triples() -> tuple[ox.Triple, ...]:
    """All ontology triples, parsed with Oxigraph (fast, and needs no rdflib import)."""
    triples: list[ox.Triple] = []
    for path in ontology_files():
        try:
            triples.extend(q.triple for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
        except SyntaxError as exc:
            raise OntologyError(f"{path}: line {exc.lineno}: {exc.msg}") from exc
        except OSError as exc:
            raise OntologyError(f"{path}: cannot read: {exc}") from exc
    return tuple(triples)


@cache
def ontology_store() -> ox.Store:
    """The ontology in an in-memory Oxigraph store (default graph); treat it as read-only."""
    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in _triples())
    return store


@cache
def ontology_graph() -> rdflib.Graph:
    """The ontology as an rdflib graph with the project prefixes bound; treat it as read-only.

    pySHACL, pyLODE and the notebooks work on rdflib graphs. Callers that add triples must copy it first.
    """
    import rdflib

    graph = rdflib.Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    for path in ontology_files():
        graph.parse(path, format="turtle")
    return graph


def _one_value(store: ox.Store, subject: ox.NamedNode, predicate: ox.NamedNode, what: str) -> ox.Literal:
    """The single value of ``predicate`` on ``subject``; several or none is an ontology error."""
    values = {q.object for q in store.quads_for_pattern(subject, predicate, None)}
    if len(values) != 1:
        found = ", ".join(sorted(str(v) for v in values)) or "none"
        raise OntologyError(f"relation {subject.value} needs exactly one {what}, found {found}")
    value = values.pop()
    if not isinstance(value, ox.Literal):
        raise OntologyError(f"relation {subject.value}: {what} must be a literal, found {value}")
    return value


def _alignment(store: ox.Store, relation: ox.NamedNode, namespace: str) -> str:
    """Notation of the one skos:closeMatch target of ``relation`` inside ``namespace``."""
    targets = sorted(
        q.object.value
        for q in store.quads_for_pattern(relation, _CLOSE_MATCH, None)
        if isinstance(q.object, ox.NamedNode) and q.object.value.startswith(namespace)
    )
    if len(targets) != 1:
        raise OntologyError(f"relation {relation.value} needs exactly one skos:closeMatch in {namespace}")
    notations = [q.object.value for q in store.quads_for_pattern(ox.NamedNode(targets[0]), _NOTATION, None)]
    return notations[0] if notations else targets[0][len(namespace) :]


@cache
def _relations() -> tuple[Relation, ...]:
    store = ontology_store()
    found = []
    for quad in store.quads_for_pattern(None, _TYPE, _STANCE_RELATION):
        subject = quad.subject
        if not isinstance(subject, ox.NamedNode) or not subject.value.startswith(SG):
            continue
        polarity = _one_value(store, subject, _POLARITY, "sg:polarity")
        weight = _one_value(store, subject, _WEIGHT, "sg:weight")
        found.append(
            Relation(
                name=subject.value[len(SG) :],
                iri=subject.value,
                label=_one_value(store, subject, _LABEL, "rdfs:label").value,
                definition=_one_value(store, subject, _DEFINITION, "skos:definition").value,
                polarity=int(polarity.value),
                weight=float(weight.value),
                symmetric=any(True for _ in store.quads_for_pattern(subject, _TYPE, _SYMMETRIC)),
                cameo=_alignment(store, subject, CAMEO),
                plover=_alignment(store, subject, PLOVER),
            )
        )
    return tuple(sorted(found, key=lambda r: r.name))


def relations() -> dict[str, Relation]:
    """The stance relations keyed by local name, e.g. ``relations()["acceptsDeportees"].weight``.

    Returns a new dict each call (the records themselves are frozen), sorted by name.
    """
    return {r.name: r for r in _relations()}


def relation(name: str) -> Relation:
    """The stance relation called ``name`` (local name or full IRI); a clear KeyError otherwise."""
    local = name[len(SG) :] if name.startswith(SG) else name
    table = relations()
    if local not in table:
        raise KeyError(f"unknown stance relation {name!r}; known: {', '.join(table)}")
    return table[local]


@cache
def _wikidata_ids() -> tuple[tuple[str, str], ...]:
    try:
        with WIKIDATA_CSV.open(newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as exc:
        raise OntologyError(f"{WIKIDATA_CSV}: cannot read: {exc}") from exc
    pairs = []
    for number, row in enumerate(rows, start=2):
        iso3, qid = (row.get("iso3") or "").strip(), (row.get("wikidata") or "").strip()
        if qid and not (qid.startswith("Q") and qid[1:].isdigit()):
            raise OntologyError(f"{WIKIDATA_CSV}: line {number}: {qid!r} is not a Wikidata QID")
        if iso3 and qid:
            pairs.append((iso3, qid))
    return tuple(pairs)


def wikidata_ids() -> dict[str, str]:
    """ISO 3166-1 alpha-3 code -> Wikidata QID (``"USA" -> "Q30"``); countries without a QID are left out."""
    return dict(_wikidata_ids())


def wikidata_iri(iso3: str) -> str | None:
    """The Wikidata entity IRI of a country, or None when the table has no QID for it."""
    qid = wikidata_ids().get(iso3.upper())
    return WD + qid if qid else None


def shorten(iri: str, prefixes: dict[str, str] | None = None) -> str:
    """``https://w3id.org/stancegraph/ontology#actor`` -> ``sg:actor``; unknown namespaces stay ``<iri>``.

    The longest matching namespace wins, so nested namespaces shorten to the most specific prefix.
    """
    table = prefixes or PREFIXES
    matches = [(len(namespace), prefix) for prefix, namespace in table.items() if iri.startswith(namespace)]
    if not matches:
        return f"<{iri}>"
    _, prefix = max(matches)
    return f"{prefix}:{iri[len(table[prefix]) :]}"
