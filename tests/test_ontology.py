"""The ontology files and graph/ontology.py: parsing, documentation of every term, the relation table,
CAMEO/PLOVER alignment and the ISO 3166 -> Wikidata table.

Expected values below are written by hand from the shared model (relation names, polarity signs,
symmetric relations) and from public references (CAMEO 1.1b3 codebook, PLOVER manual 0.8, Wikidata).
"""

from __future__ import annotations

import csv
import re

import pycountry
import pyoxigraph as ox
import pytest
import rdflib
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from graph import ontology
from graph.ontology import CAMEO, PLOVER, SG

SGNS = rdflib.Namespace(SG)

POLARITY = {
    "acceptsDeportees": 1,
    "refusesDeportees": -1,
    "allowsMilitaryDeportationFlights": 1,
    "refusesMilitaryDeportationFlights": -1,
    "threatenedExpulsion": -1,
    "threatenedSanctions": -1,
    "threatened": -1,
    "demands": -1,
    "rejects": -1,
    "accuses": -1,
    "reducesCooperation": -1,
    "visits": 1,
    "meetsWith": 1,
    "agreesToCooperate": 1,
    "shiftsTowardCooperation": 1,
    "releasesDetainees": 1,
    "exertsInfluenceOn": 0,
    "launchedProgram": 0,
}
SYMMETRIC = {"meetsWith", "agreesToCooperate"}
# PLOVER manual draft 0.8 event types.
PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "DEMAND", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip
# Latin America and the Caribbean (the 33 CELAC member states).
LATIN_AMERICA = (
    "ARG ATG BHS BRB BLZ BOL BRA CHL COL CRI CUB DMA DOM ECU SLV GRD GTM GUY HTI HND JAM MEX NIC PAN PRY PER "
    "KNA LCA VCT SUR TTO URY VEN"
).split()
G20 = "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA".split()
# Checked by hand against Wikidata. DNK and NLD are the countries (Q35, Q55) whose ISO 3166 codes exclude
# Greenland, the Faroes, Aruba, Curaçao and Sint Maarten, not the kingdoms (Q756617, Q29999).
KNOWN_QIDS = {
    "USA": "Q30", "MEX": "Q96", "GTM": "Q774", "HND": "Q783", "PAN": "Q804", "SLV": "Q792", "CRI": "Q800",
    "DOM": "Q786", "COL": "Q739", "VEN": "Q717", "CHN": "Q148", "BRA": "Q155", "ARG": "Q414", "CAN": "Q16",
    "GBR": "Q145", "DEU": "Q183", "FRA": "Q142", "RUS": "Q159", "IND": "Q668", "JPN": "Q17", "CUB": "Q241",
    "NIC": "Q811", "ECU": "Q736", "PER": "Q419", "GRL": "Q223", "DNK": "Q35", "NLD": "Q55",
}  # fmt: skip


@pytest.fixture(scope="module")
def graph() -> rdflib.Graph:
    return ontology.ontology_graph()


@pytest.mark.parametrize("path", ontology.ontology_files() + [ontology.shapes_file()], ids=lambda p: p.name)
def test_every_ontology_file_parses_with_rdflib_and_oxigraph(path):
    with_rdflib = rdflib.Graph().parse(path, format="turtle")
    with_oxigraph = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    assert len(with_rdflib) == len(with_oxigraph) > 0


def test_ontology_files_exclude_the_shapes():
    names = [p.name for p in ontology.ontology_files()]
    assert "stancegraph.ttl" in names
    assert "shapes.ttl" not in names
    assert ontology.ontology_dir() == ontology.shapes_file().parent


def test_ontology_header_has_title_description_version_and_license(graph):
    header = rdflib.URIRef(ontology.ONTOLOGY_IRI)
    assert (header, RDF.type, OWL.Ontology) in graph
    for predicate in (DCTERMS.title, DCTERMS.description, OWL.versionInfo, DCTERMS.license):
        assert graph.value(header, predicate) is not None, predicate


def _sg_terms(graph: rdflib.Graph) -> set[rdflib.URIRef]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual, SGNS.StanceRelation)
    return {s for kind in kinds for s in graph.subjects(RDF.type, kind) if str(s).startswith(SG)}


def test_every_sg_term_has_a_label_and_a_definition(graph):
    terms = _sg_terms(graph)
    assert len(terms) > 40
    missing = sorted(
        str(t) for t in terms if graph.value(t, RDFS.label) is None or graph.value(t, SKOS.definition) is None
    )
    assert missing == []


def test_every_sg_iri_used_in_the_ontology_is_declared(graph):
    used = {n for triple in graph for n in triple if isinstance(n, rdflib.URIRef) and str(n).startswith(SG)}
    declared = {s for s in graph.subjects(RDF.type, None) if isinstance(s, rdflib.URIRef)}
    assert sorted(str(n) for n in used - declared) == []


@pytest.mark.parametrize(
    ("name", "superclasses"),
    [
        ("Country", ["Actor", "https://schema.org/Country"]),
        ("Person", ["Actor", "http://xmlns.com/foaf/0.1/Person", "https://schema.org/Person"]),
        ("Organization", ["Actor", "https://schema.org/Organization"]),
        ("Policy", [str(SKOS.Concept)]),
        ("Program", ["Policy"]),
        ("StanceEvent", ["http://www.w3.org/ns/prov#Entity"]),
        ("Mention", ["http://www.w3.org/ns/prov#Entity"]),
        ("SourceDocument", ["http://www.w3.org/ns/prov#Entity", "https://schema.org/NewsArticle"]),
    ],
)
def test_class_hierarchy_follows_the_model(graph, name, superclasses):
    parents = set(graph.objects(SGNS[name], RDFS.subClassOf))
    for parent in superclasses:
        assert rdflib.URIRef(parent if ":" in parent else SG + parent) in parents


def test_modes_are_the_four_individuals(graph):
    modes = {str(m)[len(SG) :] for m in graph.subjects(RDF.type, SGNS.Mode)}
    assert modes == {"asserted", "planned", "conditional", "reported"}


def test_relations_returns_the_eighteen_relations():
    table = ontology.relations()
    assert sorted(table) == sorted(POLARITY)
    assert all(r.iri == SG + name and r.name == name for name, r in table.items())


@pytest.mark.parametrize("name", sorted(POLARITY))
def test_relation_polarity_weight_and_alignment(graph, name):
    rel = ontology.relation(name)
    assert rel.polarity == POLARITY[name]
    assert -10 <= rel.weight <= 10
    assert (rel.weight > 0) - (rel.weight < 0) == rel.polarity, "weight sign must match polarity"
    assert rel.label and rel.definition
    assert re.fullmatch(r"\d{3,4}", rel.cameo)
    cameo = rdflib.URIRef(CAMEO + rel.cameo)
    assert graph.value(cameo, SKOS.notation) == rdflib.Literal(rel.cameo)
    assert graph.value(cameo, SKOS.prefLabel) is not None
    assert (cameo, SKOS.inScheme, SGNS.CameoScheme) in graph
    assert rel.plover in PLOVER_TYPES
    assert (rdflib.URIRef(PLOVER + rel.plover), SKOS.inScheme, SGNS.PloverScheme) in graph


@pytest.mark.parametrize("name", sorted(POLARITY))
def test_relation_is_an_object_property_and_a_concept(graph, name):
    iri = SGNS[name]
    for kind in (OWL.ObjectProperty, SGNS.StanceRelation, SKOS.Concept):
        assert (iri, RDF.type, kind) in graph
    assert (iri, SKOS.inScheme, SGNS.RelationScheme) in graph
    assert ((iri, RDF.type, OWL.SymmetricProperty) in graph) == (name in SYMMETRIC)
    assert ontology.relation(name).symmetric == (name in SYMMETRIC)


@pytest.mark.parametrize(
    ("name", "cameo", "plover"),
    [
        ("acceptsDeportees", "0832", "CONCEDE"),
        ("threatenedSanctions", "1312", "THREATEN"),
        ("visits", "042", "CONSULT"),
        ("releasesDetainees", "0841", "RETREAT"),
        ("reducesCooperation", "160", "SANCTION"),
    ],
)
def test_relation_alignment_spot_checks(name, cameo, plover):
    rel = ontology.relation(name)
    assert (rel.cameo, rel.plover) == (cameo, plover)


@pytest.mark.parametrize(
    ("code", "label"),
    [
        ("0832", "Accede to demands for change in policy"),
        ("1312", "Threaten with sanctions, boycott, embargo"),
        ("042", "Make a visit"),
        ("0841", "Return, release person(s)"),
        ("1212", "Reject military cooperation"),
    ],
)
def test_cameo_labels_follow_the_codebook(graph, code, label):
    assert str(graph.value(rdflib.URIRef(CAMEO + code), SKOS.prefLabel)) == label


def test_relation_accepts_full_iris_and_rejects_unknown_names():
    assert ontology.relation(SG + "visits").name == "visits"
    with pytest.raises(KeyError, match="unknown stance relation 'likes'"):
        ontology.relation("likes")


def test_prefixes_cover_the_model_namespaces():
    expected = {
        "sg": "https://w3id.org/stancegraph/ontology#",
        "country": "https://w3id.org/stancegraph/id/country/",
        "person": "https://w3id.org/stancegraph/id/person/",
        "org": "https://w3id.org/stancegraph/id/org/",
        "policy": "https://w3id.org/stancegraph/id/policy/",
        "event": "https://w3id.org/stancegraph/id/event/",
        "mention": "https://w3id.org/stancegraph/id/mention/",
        "source": "https://w3id.org/stancegraph/id/source/",
        "wd": "http://www.wikidata.org/entity/",
        "cameo": "https://w3id.org/stancegraph/cameo/",
        "plover": "https://w3id.org/stancegraph/plover/",
    }
    assert {k: ontology.PREFIXES[k] for k in expected} == expected


@pytest.mark.parametrize(
    ("iri", "short"),
    [
        ("https://w3id.org/stancegraph/ontology#acceptsDeportees", "sg:acceptsDeportees"),
        ("https://w3id.org/stancegraph/id/country/USA", "country:USA"),
        ("http://example.org/x", "<http://example.org/x>"),
    ],
)
def test_shorten(iri, short):
    assert ontology.shorten(iri) == short


def test_wikidata_table_lists_every_iso_country_once():
    with ontology.WIKIDATA_CSV.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == ["iso3", "wikidata"]
        rows = list(reader)
    codes = [row["iso3"] for row in rows]
    assert len(codes) == len(set(codes))
    # Every ISO 3166 country, plus user-assigned codes the knowledge base adds (Kosovo, XKX).
    assert set(codes) == {c.alpha_3 for c in pycountry.countries} | {"XKX"}
    qids = [row["wikidata"] for row in rows if row["wikidata"]]
    assert len(qids) == len(set(qids)), "two countries share a QID"
    assert all(re.fullmatch(r"Q[1-9]\d*", q) for q in qids)


@pytest.mark.parametrize("iso3", sorted(set(LATIN_AMERICA) | set(G20)))
def test_latin_america_and_g20_have_a_wikidata_id(iso3):
    assert ontology.wikidata_ids().get(iso3, "").startswith("Q")


@pytest.mark.parametrize(("iso3", "qid"), sorted(KNOWN_QIDS.items()))
def test_known_wikidata_ids(iso3, qid):
    assert ontology.wikidata_ids()[iso3] == qid


def test_wikidata_iri():
    assert ontology.wikidata_iri("usa") == "http://www.wikidata.org/entity/Q30"
    assert ontology.wikidata_iri("XXX") is None
