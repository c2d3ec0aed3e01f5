"""Records -> RDF (graph/rdf/): IRIs, merging mentions into events, the triples of events, shortcuts,
sources and actors, and SHACL conformance of what comes out.

The records here are written by hand (documents, events, entities) so each expectation is visible in the
test; the last tests check the same properties on the graph built from the bundled corpus.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

import pyoxigraph as ox
import pytest
import rdflib

from graph.extract import DocumentResult
from graph.ontology import EVENT, MENTION, ORG, PERSON, POLICY, PREFIXES, SG, SOURCE
from graph.rdf import (
    actor_iri,
    country_iri,
    event_iri,
    merge_events,
    policy_iri,
    serialize,
    source_iri,
    source_key,
    to_triples,
)
from graph.records import Document, Entity, Event
from graph.validate import validate

GTM_ACCEPTS = "Guatemala agreed to accept deportees from the United States."


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document(source: str, text: str, date: str = "", **kwargs) -> Document:
    return Document(source=source, text=text, sha256=sha(text), title=source.rsplit("/", 1)[-1], date=date,
                    **kwargs)


def event(doc: Document, date: str | None = None, *, actor=("Guatemala", "country", "GTM"),
          relation: str = "acceptsDeportees", target=("United States", "country", "USA"),
          evidence: str = GTM_ACCEPTS, start: int = 0, confidence: float = 0.85, mode: str = "asserted",
          context: str = "deportation", trigger: str = "accept deportees", sequence: int = 0) -> Event:
    return Event(source=doc.source, date=doc.date if date is None else date, actor=actor[0],
                 actor_type=actor[1], actor_country=actor[2], relation=relation, target=target[0],
                 target_type=target[1], target_country=target[2], confidence=confidence, mode=mode,
                 context=context, evidence=evidence, start=start, end=start + len(evidence), trigger=trigger,
                 sequence=sequence)


def store_of(triples) -> ox.Store:
    store = ox.Store()
    store.load(serialize(triples, "nt"), format=ox.RdfFormat.N_TRIPLES)
    return store


def prefixes() -> str:
    return "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())


def select(store: ox.Store, query: str) -> list[tuple]:
    return [tuple(term.value if term is not None else None for term in row)
            for row in store.query(prefixes() + query)]


def ask(store: ox.Store, where: str) -> bool:
    return bool(store.query(f"{prefixes()} ASK {{ {where} }}"))


def rdflib_graph(triples) -> rdflib.Graph:
    return rdflib.Graph().parse(data=serialize(triples, "turtle"), format="turtle")


@pytest.fixture
def two_reports():
    """Two outlets report Guatemala accepting deportees two days apart."""
    first = document("news/a.txt", GTM_ACCEPTS, "2025-02-03")
    second = document("news/b.txt", "GUATEMALA CITY — " + GTM_ACCEPTS, "2025-02-05")
    return [
        DocumentResult(first, [event(first, confidence=0.70)], []),
        DocumentResult(second, [event(second, start=17, mode="reported", confidence=0.85)], []),
    ]


# --------------------------------------------------------------------------------------------------- IRIs
def test_country_iri_is_iso3():
    assert country_iri("GTM") == ox.NamedNode("https://w3id.org/stancegraph/id/country/GTM")
    assert actor_iri("Guatemala", "country", "GTM") == country_iri("GTM")
    # The country name given does not matter: the ISO code is the identity.
    assert actor_iri("Republic of Guatemala", "country", "GTM") == country_iri("GTM")


@pytest.mark.parametrize(
    ("name", "actor_type", "country", "iri"),
    [
        ("Marco Rubio", "person", "USA", PERSON + "marco-rubio"),
        ("José Raúl Mulino", "person", "PAN", PERSON + "jose-raul-mulino"),
        ("Nicolás Maduro", "person", "VEN", PERSON + "nicolas-maduro"),
        ("Mauricio Claver-Carone", "person", "USA", PERSON + "mauricio-claver-carone"),
        ("  Claudia   Sheinbaum ", "person", "MEX", PERSON + "claudia-sheinbaum"),
        ("State Department", "organization", "USA", ORG + "state-department"),
        ("Immigration and Customs Enforcement", "organization", "USA",
         ORG + "immigration-and-customs-enforcement"),
        ("Brother, Come Home", "program", "HND", POLICY + "brother-come-home"),
    ],
)
def test_actor_iri_is_a_slug_of_the_normalised_name(name, actor_type, country, iri):
    assert actor_iri(name, actor_type, country).value == iri


@pytest.mark.parametrize(
    ("name", "slug"),
    [("Radosław Sikorski", "radoslaw-sikorski"), ("Lars Løkke Rasmussen", "lars-lokke-rasmussen"),
     ("Đorđe Vučić", "dorde-vucic"), ("Jürgen Strauß", "jurgen-strauss")],
)
def test_person_iri_transliterates_letters_without_decomposition(name, slug):
    assert actor_iri(name, "person", "POL").value == PERSON + slug


def test_source_and_policy_iris():
    digest = sha("any text")
    key = source_key(digest, "in/a.txt")
    assert source_iri(key).value == SOURCE + key
    assert key == hashlib.sha256(f"{digest}\x1fin/a.txt".encode()).hexdigest()[:16]
    assert source_key(digest, "in/copy.txt") != key  # a copied article is a second source
    assert policy_iri("deportation-flights").value == POLICY + "deportation-flights"


def test_event_and_mention_iris_are_short_hashes_and_repeat(two_reports):
    first = to_triples(two_reports)
    again = to_triples(two_reports)
    assert first == again
    subjects = {t.subject.value for t in first}
    events = sorted(s for s in subjects if s.startswith(EVENT))
    mentions = sorted(s for s in subjects if s.startswith(MENTION))
    assert len(events) == 1 and len(mentions) == 2
    for iri in events + mentions:
        assert re.fullmatch(r"[0-9a-f]{16}", iri.rsplit("/", 1)[1])


def test_event_iri_does_not_depend_on_input_order(two_reports):
    forward = {t.subject.value for t in to_triples(two_reports) if t.subject.value.startswith(EVENT)}
    backward = {t.subject.value for t in to_triples(two_reports[::-1]) if t.subject.value.startswith(EVENT)}
    assert forward == backward


def test_event_iri_changes_with_the_source_content(two_reports):
    sha_of = {r.document.source: r.document.sha256 for r in two_reports}
    (group,) = merge_events(e for r in two_reports for e in r.events)
    edited = {**sha_of, "news/a.txt": sha("edited text")}
    assert event_iri(group, sha_of) != event_iri(group, edited)


# ---------------------------------------------------------------------------------------------- merging
def test_same_fact_two_days_apart_from_two_documents_is_one_event(two_reports):
    (group,) = merge_events(e for r in two_reports for e in r.events)
    assert [(m.source, m.date) for m in group.mentions] == [("news/a.txt", "2025-02-03"),
                                                            ("news/b.txt", "2025-02-05")]


@pytest.mark.parametrize(("second_date", "groups"), [("2025-02-04", 1), ("2025-02-06", 1), ("2025-02-07", 2),
                                                     ("2025-02-13", 2), ("2025-01-31", 1), ("2025-01-24", 2)])
def test_merge_window_is_three_days(second_date, groups):
    a = document("a.txt", GTM_ACCEPTS, "2025-02-03")
    b = document("b.txt", GTM_ACCEPTS + " ", second_date)
    assert len(merge_events([event(a), event(b)])) == groups


def test_different_relation_target_or_actor_country_are_different_events():
    a = document("a.txt", GTM_ACCEPTS, "2025-02-03")
    events = [
        event(a),
        event(a, relation="refusesDeportees", start=100),
        event(a, target=("Mexico", "country", "MEX"), start=200),
        event(a, actor=("Honduras", "country", "HND"), start=300),
    ]
    assert len(merge_events(events)) == 4


def test_a_leader_and_the_country_merge_on_the_actor_country():
    a = document("a.txt", "x", "2025-01-26")
    b = document("b.txt", "y", "2025-01-27")
    events = [event(a, actor=("Gustavo Petro", "person", "COL")),
              event(b, actor=("Colombia", "country", "COL"))]
    (group,) = merge_events(events)
    assert [m.actor for m in group.mentions] == ["Gustavo Petro", "Colombia"]


def test_undated_mention_joins_the_dated_event_of_the_same_fact():
    a = document("a.txt", "x", "2025-02-03")
    b = document("b.txt", "y", "")
    (group,) = merge_events([event(b), event(a)])
    assert [m.source for m in group.mentions] == ["a.txt", "b.txt"]


def test_merge_order_is_stable_whatever_the_input_order():
    dates = (("c", "2025-02-20"), ("a", "2025-02-03"), ("b", "2025-02-05"))
    docs = [document(f"{n}.txt", n, d) for n, d in dates]
    events = [event(d) for d in docs] + [event(docs[0], relation="visits", start=50)]
    forward = [[(m.source, m.relation) for m in g.mentions] for g in merge_events(events)]
    backward = [[(m.source, m.relation) for m in g.mentions] for g in merge_events(events[::-1])]
    assert forward == backward == [[("a.txt", "acceptsDeportees"), ("b.txt", "acceptsDeportees")],
                                   [("c.txt", "acceptsDeportees")], [("c.txt", "visits")]]


# ---------------------------------------------------------------------------------------------- triples
def test_merged_event_has_two_mentions_and_mention_count_two(two_reports):
    store = store_of(to_triples(two_reports))
    rows = select(store, """
        SELECT ?date ?mode ?confidence ?count ?polarity ?weight ?evidence WHERE {
          ?e a sg:StanceEvent ; sg:actor country:GTM ; sg:actorCountry country:GTM ;
             sg:relation sg:acceptsDeportees ; sg:target country:USA ; sg:targetCountry country:USA ;
             sg:context policy:deportation ; sg:date ?date ; sg:mode ?mode ; sg:confidence ?confidence ;
             sg:mentionCount ?count ; sg:polarity ?polarity ; sg:weight ?weight ; sg:evidence ?evidence }""")
    # Oxigraph returns decimals in canonical form: the weight 5.00 reads back as "5".
    assert rows == [("2025-02-03", SG + "asserted", "0.85", "2", "1", "5", GTM_ACCEPTS)]
    mentions = select(store, """
        SELECT ?path ?start ?end ?mode ?date WHERE {
          ?e a sg:StanceEvent ; sg:hasMention ?m .
          ?m a sg:Mention ; sg:source ?s ; sg:start ?start ; sg:end ?end ; sg:mode ?mode ; sg:date ?date ;
             sg:evidence ?ev ; sg:trigger "accept deportees" .
          ?s sg:path ?path } ORDER BY ?path""")
    assert mentions == [("news/a.txt", "0", "60", SG + "asserted", "2025-02-03"),
                        ("news/b.txt", "17", "77", SG + "reported", "2025-02-05")]
    derived = select(store, "SELECT ?path WHERE { ?e prov:wasDerivedFrom ?s . ?s sg:path ?path } "
                            "ORDER BY ?path")
    assert derived == [("news/a.txt",), ("news/b.txt",)]


def test_ten_days_apart_stays_two_events():
    a = document("a.txt", GTM_ACCEPTS, "2025-02-03")
    b = document("b.txt", GTM_ACCEPTS + " ", "2025-02-13")
    store = store_of(to_triples([DocumentResult(a, [event(a)], []), DocumentResult(b, [event(b)], [])]))
    rows = select(store, "SELECT ?date ?count WHERE { ?e a sg:StanceEvent ; sg:date ?date ; "
                         "sg:mentionCount ?count } ORDER BY ?date")
    assert rows == [("2025-02-03", "1"), ("2025-02-13", "1")]


def test_shortcut_triple_between_countries(two_reports):
    store = store_of(to_triples(two_reports))
    assert ask(store, "country:GTM sg:acceptsDeportees country:USA")
    assert not ask(store, "country:USA sg:acceptsDeportees country:GTM")


def test_person_actor_gets_a_person_shortcut_and_a_country_shortcut():
    a = document("a.txt", "x", "2025-02-02")
    result = DocumentResult(a, [event(a, actor=("José Raúl Mulino", "person", "PAN"), relation="meetsWith",
                                      target=("Marco Rubio", "person", "USA"), context="diplomacy")],
                            [Entity("a.txt", "José Raúl Mulino", "person", "PAN", "President"),
                             Entity("a.txt", "Marco Rubio", "person", "USA", "Secretary of State")])
    store = store_of(to_triples([result]))
    assert ask(store, "person:jose-raul-mulino sg:meetsWith person:marco-rubio")
    assert ask(store, "country:PAN sg:meetsWith country:USA")
    assert ask(store, """?e sg:actor person:jose-raul-mulino ; sg:actorCountry country:PAN ;
                         sg:target person:marco-rubio ; sg:targetCountry country:USA""")
    assert ask(store, """person:jose-raul-mulino a sg:Person ; rdfs:label "José Raúl Mulino" ;
                         sg:country country:PAN ; sg:role "President" ; prov:wasDerivedFrom ?s .
                         ?s sg:path "a.txt" """)
    assert ask(store, 'person:marco-rubio a sg:Person ; sg:country country:USA ; '
                      'sg:role "Secretary of State"')
    assert ask(store, 'country:PAN a sg:Country ; rdfs:label "Panama" ; sg:iso3 "PAN" ; sg:iso2 "PA"')


def test_program_target_has_no_target_country_and_is_a_program():
    a = document("a.txt", "x", "2025-02-04")
    result = DocumentResult(a, [event(a, actor=("Honduras", "country", "HND"), relation="launchedProgram",
                                      target=("Brother, Come Home", "program", ""), context="programs")], [])
    store = store_of(to_triples([result]))
    assert ask(store, "?e sg:actor country:HND ; sg:target policy:brother-come-home")
    assert not ask(store, "?e a sg:StanceEvent ; sg:targetCountry ?c")
    assert ask(store, 'policy:brother-come-home a sg:Program ; rdfs:label "Brother, Come Home" ; '
                      "sg:country country:HND")
    assert ask(store, "country:HND sg:launchedProgram policy:brother-come-home")


def test_countries_carry_wikidata_and_labels(two_reports):
    store = store_of(to_triples(two_reports))
    assert ask(store, 'country:USA a sg:Country ; rdfs:label "United States" ; sg:iso3 "USA" ; '
                      'sg:iso2 "US" ; owl:sameAs wd:Q30')
    assert ask(store, "country:GTM owl:sameAs wd:Q774")


def test_every_source_is_recorded_with_hash_status_and_note():
    good = document("in/good.txt", GTM_ACCEPTS, "2025-02-03", publisher="Prensa",
                    warnings=("decoded as cp1252",))
    quiet = document("in/quiet.txt", "Costa Rica held elections.", "2025-02-04")
    empty = Document(source="in/empty.txt", text="", sha256=sha(""), skipped="empty file")
    results = [DocumentResult(good, [event(good)], []),
               DocumentResult(quiet, [], [Entity("in/quiet.txt", "Costa Rica", "country", "CRI")]),
               DocumentResult(empty, [], [])]
    store = store_of(to_triples(results))
    rows = select(store, """
        SELECT ?path ?hash ?status ?count ?note WHERE {
          ?s a sg:SourceDocument ; sg:path ?path ; sg:contentHash ?hash ; sg:status ?status ;
             sg:eventCount ?count . OPTIONAL { ?s sg:note ?note } } ORDER BY ?path""")
    assert rows == [
        ("in/empty.txt", sha(""), "skipped", "0", "empty file"),
        ("in/good.txt", sha(GTM_ACCEPTS), "extracted", "1", "decoded as cp1252"),
        ("in/quiet.txt", sha("Costa Rica held elections."), "no-events", "0",
         "only one country is named, so no relation between countries is stated"),
    ]
    assert ask(store, f'<{SOURCE}{source_key(sha(GTM_ACCEPTS), "in/good.txt")}> dcterms:date "2025-02-03"^^xsd:date ; '
                      'dcterms:title "good.txt" ; dcterms:publisher "Prensa"')


def test_hand_built_graph_conforms_to_the_shapes(two_reports):
    empty = Document(source="in/empty.txt", text="", sha256=sha(""), skipped="empty file")
    result = validate(rdflib_graph(to_triples([*two_reports, DocumentResult(empty, [], [])])))
    assert result.conforms, result.report()


def test_identical_inputs_at_two_paths_keep_the_graph_valid_and_counts_consistent():
    a = document("in/a.txt", GTM_ACCEPTS, "2025-02-03")
    copy = replace(a, source="in/copy-of-a.txt")
    empty = Document(source="in/empty.txt", text="", sha256=sha(""), skipped="empty file")
    missing = Document(source="in/missing.txt", text="", sha256=sha(""),
                       skipped="no such file; check the path")
    results = [DocumentResult(a, [event(a)], []), DocumentResult(copy, [event(copy)], []),
               DocumentResult(empty, [], []), DocumentResult(missing, [], [])]
    triples = to_triples(results)
    store = store_of(triples)
    counts = select(store, """SELECT ?count (COUNT(DISTINCT ?m) AS ?n) WHERE {
                                ?e sg:mentionCount ?count ; sg:hasMention ?m } GROUP BY ?e ?count""")
    assert all(count == n for count, n in counts)
    paths = select(store, "SELECT ?path (COUNT(?s) AS ?n) WHERE { ?s sg:path ?path } "
                          "GROUP BY ?path ORDER BY ?path")
    assert paths == [("in/a.txt", "1"), ("in/copy-of-a.txt", "1"), ("in/empty.txt", "1"),
                     ("in/missing.txt", "1")]
    assert ask(store, '?s sg:path "in/missing.txt" ; sg:note "no such file; check the path"')
    result = validate(rdflib_graph(triples))
    assert result.conforms, result.report()


def test_graph_does_not_depend_on_input_order_when_documents_disagree_about_a_person():
    a = document("a.txt", "x", "2025-01-26")
    b = document("b.txt", "y", "2025-01-31")
    results = [DocumentResult(a, [], [Entity("a.txt", "Karoline Leavitt", "person", "COL",
                                             "Press Secretary")]),
               DocumentResult(b, [], [Entity("b.txt", "Karoline Leavitt", "person", "USA",
                                             "White House Press Secretary")])]
    assert set(to_triples(results)) == set(to_triples(results[::-1]))


def test_graph_does_not_depend_on_input_order(two_reports):
    assert set(to_triples(two_reports)) == set(to_triples(two_reports[::-1]))


def test_no_blank_nodes_and_no_named_graphs(two_reports):
    for triple in to_triples(two_reports):
        assert not isinstance(triple.subject, ox.BlankNode)
        assert not isinstance(triple.object, ox.BlankNode)
    nt = serialize(to_triples(two_reports), "nt").decode()
    assert all(line.endswith(" .") for line in nt.splitlines())


# ---------------------------------------------------------------------------------- the corpus graph
def test_corpus_graph_conforms_to_the_shapes(corpus_build):
    result = validate(corpus_build.out / "graph.ttl")
    assert result.conforms, result.report()
    assert result.triples == corpus_build.result.triples


def test_corpus_every_input_is_a_source_document(corpus_build, corpus_dir):
    rows = corpus_build.select("""SELECT ?path ?hash ?status WHERE {
        ?s a sg:SourceDocument ; sg:path ?path ; sg:contentHash ?hash ; sg:status ?status } ORDER BY ?path""")
    files = sorted(corpus_dir.glob("*.txt"))
    assert [r[0] for r in rows] == [str(p) for p in files]
    for (_, digest, status), file in zip(rows, files, strict=True):
        assert digest == hashlib.sha256(file.read_bytes()).hexdigest()
        assert status in ("extracted", "no-events")


def test_corpus_mention_counts_match_mentions(corpus_build):
    rows = corpus_build.select("""SELECT ?e ?count (COUNT(DISTINCT ?m) AS ?n) WHERE {
        ?e a sg:StanceEvent ; sg:mentionCount ?count ; sg:hasMention ?m } GROUP BY ?e ?count""")
    assert rows
    assert [(e, c) for e, c, n in rows if c != n] == []


def test_corpus_every_event_has_a_shortcut_between_its_countries(corpus_build):
    """Every event of the curated graph; one that a correction rejected (corpus/corrections.csv) has none."""
    missing = corpus_build.select("""SELECT ?e WHERE {
        ?e a sg:StanceEvent ; sg:actorCountry ?a ; sg:relation ?r ; sg:targetCountry ?t .
        FILTER NOT EXISTS { ?e prov:wasInvalidatedBy [] }
        FILTER NOT EXISTS { ?a ?r ?t } }""")
    assert missing == []


def test_corpus_guatemala_accepts_deportees_from_the_united_states(corpus_build):
    assert corpus_build.ask("country:GTM sg:acceptsDeportees country:USA")
    assert corpus_build.ask("""?e sg:actorCountry country:GTM ; sg:relation sg:acceptsDeportees ;
                                  sg:targetCountry country:USA ; sg:hasMention ?m .
                               ?m sg:source ?s . ?s sg:path ?p .
                               FILTER(STRENDS(?p, "10_guatemala_more_flights.txt"))""")


def test_two_parties_acting_in_one_sentence_are_two_valid_events():
    text = "Mexico and Canada agreed to cooperate with the United States on border security."
    doc = document("in/two.txt", text, "2025-02-03")
    events = [event(doc, actor=(name, "country", iso), relation="agreesToCooperate", evidence=text)
              for name, iso in (("Mexico", "MEX"), ("Canada", "CAN"))]
    triples = to_triples([DocumentResult(doc, events, [])])
    store = store_of(triples)
    actors = select(store, "SELECT ?e ?a WHERE { ?e a sg:StanceEvent ; sg:actor ?a }")
    assert len({e for e, _ in actors}) == 2 and len(actors) == 2
    result = validate(rdflib_graph(triples))
    assert result.conforms, result.report()


@pytest.mark.parametrize(("iso3", "label", "official"), [
    ("RUS", "Russia", "Russian Federation"),
    ("COD", "DR Congo", "Congo, The Democratic Republic of the"),
    ("BOL", "Bolivia", "Plurinational State of Bolivia"),
    ("IRN", "Iran", "Islamic Republic of Iran"),
])
def test_countries_are_labelled_with_the_name_news_uses(iso3, label, official):
    a = document("a.txt", "x", "2025-02-04")
    result = DocumentResult(a, [event(a, actor=(label, "country", iso3), relation="accuses",
                                      target=("United States", "country", "USA"))], [])
    store = store_of(to_triples([result]))
    assert ask(store, f'country:{iso3} rdfs:label "{label}" ; sg:officialName "{official}"')
