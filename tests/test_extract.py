"""Tests for graph/extract/: hand-written cases per relation and behaviour, the seed and the dev set.

The cases in tests/data/relations/cases.csv were written by hand, one behaviour each (every relation,
negation, attribution, coreference, unseen leaders, modes, paraphrase, texts with no stance). The seed article
is scored with the project's scorer when ../shared is present (events and people F1 at least 0.95). The
accuracy of every other set is checked against the README in tests/test_accuracy.py.
"""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path

import pytest

from graph.documents import document_from_bytes
from graph.extract import entities_csv, events_csv, extract, extract_document

DATA = Path(__file__).parent / "data"
CASES = list(csv.DictReader(open(DATA / "relations" / "cases.csv", encoding="utf-8")))
SYMMETRIC = {"meetsWith", "agreesToCooperate"}

#: Cases the extractor still gets wrong, with why; each is a strict xfail so a fix shows up.
KNOWN_MISSES: dict[str, str] = {}


def extract_text(text: str, name: str = "case.txt"):
    return extract_document(document_from_bytes(name, text.encode("utf-8"))).events


@pytest.mark.parametrize("case", [
    pytest.param(c, id=c["id"], marks=[pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[c["id"]])]
                 if c["id"] in KNOWN_MISSES else [])
    for c in CASES])
def test_relation_case(case: dict[str, str]) -> None:
    events = extract_text(case["text"])
    triples = {(e.actor_country, e.relation, e.target_country): e for e in events}
    if case["relation"] == "NONE":
        assert not events, f"expected no event, got {sorted(triples)}"
        return
    wanted = (case["actor"], case["relation"], case["target"])
    found = triples.get(wanted)
    if found is None and case["relation"] in SYMMETRIC:
        found = triples.get((case["target"], case["relation"], case["actor"]))
    if case["relation"] == "launchedProgram":
        found = next((e for e in events if e.relation == "launchedProgram" and e.actor_country == case["actor"]),
                     None)
    assert found is not None, f"expected {wanted}, got {sorted(triples)}"
    if case["mode"]:
        assert found.mode == case["mode"]


def test_negation_flips_instead_of_losing_the_not() -> None:
    refused = extract_text("Mexico would not accept migrants of other nationalities from the United States.")
    accepted = extract_text("Mexico accepted migrants of other nationalities from the United States.")
    assert [(e.actor_country, e.relation, e.target_country) for e in refused] == [("MEX", "refusesDeportees", "USA")]
    assert [(e.actor_country, e.relation, e.target_country) for e in accepted] == [("MEX", "acceptsDeportees", "USA")]


def test_speaker_is_not_the_actor() -> None:
    events = extract_text("Rubio said Ecuador agreed to take back its nationals deported from the United States.")
    assert ("ECU", "acceptsDeportees", "USA") in {(e.actor_country, e.relation, e.target_country) for e in events}
    assert all(e.actor_country != "USA" for e in events)


def test_unseen_leader_is_a_person_of_their_country() -> None:
    text = "Peru's foreign minister, Elmer Schialer, called on Venezuela to release the detained aides."
    result = extract_document(document_from_bytes("peru.txt", text.encode()))
    people = {(e.name, e.country) for e in result.entities if e.type == "person"}
    assert ("Elmer Schialer", "PER") in people
    assert [(e.actor, e.actor_type, e.actor_country, e.relation, e.target_country) for e in result.events] == [
        ("Elmer Schialer", "person", "PER", "demands", "VEN")]


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Mike Torres, the commissioner of the Royal Canadian Mounted Police, told reporters that Indian agents had "
     "targeted activists.", "Mike Torres", "CAN"),
    ("In Asunción, the foreign ministry issued a statement. Vice Minister of Foreign Affairs Rosa Benítez Ayala "
     "said the government would not accept military flights.", "Rosa Benítez Ayala", "PRY"),
    ("Ghana's Samuel Okudzeto Ablakwa and Togo's Robert Dussey signed the border protocol.",
     "Robert Dussey", "TGO"),
    ("The embassy said Moldova's acting high commissioner, Ion Rusu, had been summoned.", "Ion Rusu", "MDA"),
    ("Armenian shelling broke the truce, said Rauf Mammadov, a senior aide to Azerbaijani President Ilham Aliyev.",
     "Rauf Mammadov", "AZE"),
    # an 'and' inside the second minister's office does not hand her the first minister's country
    ("Kenyan Trade Minister Amos Wekesa and Tanzanian Industry and Commerce Minister Halima Mwinyi signed the "
     "customs accord in Arusha.", "Halima Mwinyi", "TZA"),
])
def test_unseen_people_get_the_country_their_introduction_gives(text: str, name: str, country: str) -> None:
    result = extract_document(document_from_bytes("people.txt", text.encode()))
    assert (name, country) in {(e.name, e.country) for e in result.entities if e.type == "person"}


def test_photo_credit_is_not_a_person() -> None:
    text = ("Guatemala accepted more deportation flights from the United States.\n"
            "Jane Whitcomb/Reuters\n")
    result = extract_document(document_from_bytes("credit.txt", text.encode()))
    assert not [e for e in result.entities if e.type == "person"]


def test_evidence_offsets_point_into_the_source() -> None:
    text = "Header line\n\nLater on, Guatemala accepted 200 migrants from the United States. Nothing else."
    (event,) = extract_text(text)
    assert text[event.start:event.end] == event.evidence
    assert event.evidence.startswith("Later on, Guatemala accepted")


def test_text_without_stance_gives_no_events() -> None:
    text = ("Brazil and Argentina drew 1-1 in Buenos Aires on Tuesday. The striker scored a penalty in the "
            "second half, and the coach praised the fans who travelled from Brazil for the qualifier.")
    assert extract_text(text) == []


def test_csv_contract_columns() -> None:
    results = list(extract([DATA / "devset" / "001_uk_rwanda_scheme_scrapped.txt"]))
    header = events_csv([e for r in results for e in r.events]).splitlines()[0].split(",")
    assert header[:15] == ["source", "date", "actor", "actor_type", "actor_country", "relation", "target",
                           "target_type", "target_country", "confidence", "mode", "context", "evidence",
                           "start", "end"]
    assert entities_csv([]).splitlines()[0] == "source,name,type,country,role"


# ---------------------------------------------------------------------------------------------- scoring
SHARED = Path(__file__).resolve().parents[2] / "shared"


def _scorer():
    path = SHARED / "eval" / "score.py"
    if not path.is_file():
        pytest.skip(f"the scorer is not here ({path}); it ships with the shared evaluation material")
    spec = importlib.util.spec_from_file_location("stancegraph_score", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _score(tmp_path: Path, inputs: Path, gold_events: Path, gold_people: Path):
    score = _scorer()
    results = list(extract([inputs]))
    events_file, entities_file = tmp_path / "events.csv", tmp_path / "entities.csv"
    events_file.write_text(events_csv(e for r in results for e in r.events), encoding="utf-8")
    entities_file.write_text(entities_csv(e for r in results for e in r.entities), encoding="utf-8")
    _, _, events_f1 = score.score_events(str(events_file), str(gold_events), False)
    _, _, people_f1 = score.score_people(str(entities_file), str(gold_people), False)
    return events_f1, people_f1


def test_seed_article_scores(tmp_path: Path) -> None:
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"the seed article is not here ({seeds}); it is not part of a user's clone")
    events_f1, people_f1 = _score(tmp_path, seeds, SHARED / "gold" / "seed_events.csv",
                                  SHARED / "gold" / "seed_people.csv")
    assert events_f1 >= 0.95
    assert people_f1 >= 0.95


def _evaluate(tmp_path: Path, folder: Path):
    from graph.evaluate import score_events, score_people

    results = list(extract(sorted(folder.glob("*.txt"))))
    events_file, entities_file = tmp_path / "events.csv", tmp_path / "entities.csv"
    events_file.write_text(events_csv(e for r in results for e in r.events), encoding="utf-8")
    entities_file.write_text(entities_csv(e for r in results for e in r.entities), encoding="utf-8")
    return (score_events(events_file, folder / "gold_events.csv"),
            score_people(entities_file, folder / "gold_people.csv"))


def test_evaluator_agrees_with_the_reference_scorer(tmp_path: Path) -> None:
    """graph.evaluate implements the same rule as the shared reference scorer: same numbers on the dev set."""
    score = _scorer()
    devset = DATA / "devset"
    ours_events, ours_people = _evaluate(tmp_path, devset)
    p, r, f1 = score.score_events(str(tmp_path / "events.csv"), str(devset / "gold_events.csv"), False)
    assert (round(p, 4), round(r, 4), round(f1, 4)) == (round(ours_events.precision, 4),
                                                      round(ours_events.recall, 4), round(ours_events.f1, 4))
    _, _, people_f1 = score.score_people(str(tmp_path / "entities.csv"), str(devset / "gold_people.csv"), False)
    assert round(people_f1, 4) == round(ours_people.f1, 4)


def test_cases_file_is_well_formed() -> None:
    """Every case has exactly the file's columns (an unquoted comma in a note would shift them)."""
    assert all(None not in case and all(case[column] is not None for column in case) for case in CASES)
    assert len({case["id"] for case in CASES}) == len(CASES)


def test_a_target_is_not_taken_from_the_actors_own_list() -> None:
    events = extract_text("Venezuelan troops seized a Guyanese oil platform on Sunday. Peru and Bolivia called the "
                          "seizure a flagrant violation of sovereignty, and Chile announced that it was recalling its "
                          "ambassador from Caracas.")
    triples = {(e.actor_country, e.relation, e.target_country) for e in events}
    assert not {("PER", "accuses", "BOL"), ("BOL", "accuses", "PER")} & triples
    assert ("CHL", "reducesCooperation", "VEN") in triples


def test_a_right_target_stops_at_a_new_clause() -> None:
    events = extract_text("Ugandan police raided the Kenyan embassy in Kampala on Friday. Kenya condemned the raid, "
                          "and Tanzania announced new border checks.")
    triples = {(e.actor_country, e.relation, e.target_country) for e in events}
    assert ("KEN", "accuses", "TZA") not in triples
    assert ("KEN", "accuses", "UGA") in triples  # no party named after it: the document's other side


def test_a_meeting_after_the_dateline_leader_travelled_is_no_visit_to_the_dateline() -> None:
    events = extract_text("JAKARTA — Indonesian President Prabowo Subianto flew to Tokyo on Friday. The two leaders "
                          "signed agreements on energy and mining.")
    triples = {(e.actor_country, e.relation, e.target_country) for e in events}
    assert ("IDN", "visits", "JPN") in triples
    assert ("JPN", "visits", "IDN") not in triples


def test_a_guest_met_at_home_is_the_envoy_a_leader_sent_not_the_leader() -> None:
    events = extract_text("HAVANA — Cuban President Miguel Diaz-Canel met Macron envoy Anne Morel on Tuesday, the "
                          "first talks since the row over the consulate.")
    visits = {(e.actor, e.target_country) for e in events if e.relation == "visits"}
    assert visits == {("Anne Morel", "CUB")}


def _triples(text: str) -> set[tuple[str, str, str]]:
    return {(e.actor_country, e.relation, e.target_country) for e in extract_text(text)}


def test_a_relative_clause_does_not_borrow_the_main_subject() -> None:
    triples = _triples("Spain deported 40 Moroccans to a homeland that currently refuses them.")
    assert not any(actor == "ESP" and relation == "refusesDeportees" for actor, relation, _ in triples)


def test_a_participle_after_a_noun_is_no_demand() -> None:
    triples = _triples("Canada criticised tariffs ordered by Washington.")
    assert ("CAN", "accuses", "USA") in triples
    assert ("USA", "demands", "CAN") not in triples


def test_a_mediator_is_no_target_of_the_parties_agreement() -> None:
    triples = _triples("Bahrain and Qatar agreed to restore diplomatic ties in a deal mediated by Saudi Arabia.")
    assert {("BHR", "agreesToCooperate", "QAT"), ("QAT", "agreesToCooperate", "BHR")} <= triples
    assert not any(target == "SAU" and actor in ("BHR", "QAT") for actor, _, target in triples)


def test_a_party_inside_a_quotation_is_not_the_subject_of_the_verb_outside_it() -> None:
    triples = _triples('"Washington\'s arms sales to Taiwan violate our sovereignty," a Chinese foreign ministry '
                       'spokesperson said, urging Washington to halt them.')
    assert ("CHN", "demands", "USA") in triples
    assert not any(actor == "USA" for actor, _, _ in triples)


def test_a_known_surname_is_not_lent_when_two_people_share_it() -> None:
    triples = _triples("Pedro Sánchez met Mexican Foreign Minister Rosa Sanchez in Madrid. Later Sanchez flew to "
                       "Rabat.")
    assert ("ESP", "meetsWith", "MEX") in triples or ("MEX", "meetsWith", "ESP") in triples
    assert not any(target == "MAR" for _, _, target in triples)


def test_lifting_sanctions_is_not_imposing_them() -> None:
    triples = _triples("The president said he would order the removal of sanctions imposed on Belarus.")
    assert not any(relation == "threatenedSanctions" for _, relation, _ in triples)


def test_refusing_to_respond_is_no_threat() -> None:
    triples = _triples("Britain sent more weapons to Ukraine. A Kremlin spokesman said Moscow would not respond to "
                       "ultimatums.")
    assert not any(actor == "RUS" and relation == "threatened" for actor, relation, _ in triples)


def test_the_place_of_a_topic_is_no_visit() -> None:
    triples = _triples("Turkish President Recep Tayyip Erdogan met Hungarian Prime Minister Viktor Orban in "
                       "Budapest, and the two discussed the war in Ukraine.")
    assert ("TUR", "visits", "HUN") in triples
    assert not any(relation == "visits" and target == "UKR" for _, relation, target in triples)


def test_the_noun_accusations_names_no_accuser() -> None:
    triples = _triples('Minsk expelled the Lithuanian consul. The Lithuanian minister called the move outrageous and '
                       'said Vilnius would not admit the incoming Belarusian consul, calling the accusations against '
                       'Consul Jonas Petraitis "ridiculous".')
    assert ("LTU", "accuses", "BLR") in triples
    assert not any(actor == "BLR" and relation == "accuses" for actor, relation, _ in triples)
    # a consul is no deportee: refusing to admit one is no refusal of deportees
    assert not any(relation == "refusesDeportees" for _, relation, _ in triples)


def test_the_object_of_allowing_receives_not_the_subject() -> None:
    triples = _triples("Washington signed deportation agreements with Paraguay and Eswatini, allowing these countries "
                       "to receive migrants deported from the US.")
    assert ("USA", "acceptsDeportees", "PRY") not in triples
    assert ("PRY", "acceptsDeportees", "USA") in triples


def test_aimed_at_a_country_is_no_visit() -> None:
    triples = _triples("President Donald Trump announced new duties aimed at Canada and Mexico.")
    assert ("USA", "threatenedSanctions", "CAN") in triples
    assert not any(relation == "visits" for _, relation, _ in triples)


def test_a_relative_clause_on_a_modified_noun_has_no_party_antecedent() -> None:
    triples = _triples("Canada answered Washington's tariffs. Ottawa will tax U.S. steel products that do not comply "
                       "with the new rules.")
    assert not any(relation == "rejects" for _, relation, _ in triples)


def test_announcing_a_release_is_not_releasing() -> None:
    triples = _triples("The White House announced the release of two American teachers from Venezuela on Sunday.")
    assert ("USA", "releasesDetainees", "VEN") not in triples


def test_the_summoned_envoy_does_not_protest() -> None:
    # 'presented a protest' after a coordinated verb, and 'to protest' after the object of 'summoned', are the
    # summoning government's acts, not the envoy's
    for text in ("The Vietnamese government summoned China's ambassador Monday and presented a strongly worded "
                 "diplomatic protest over the Chinese coast guard's use of water cannons in a weekend confrontation "
                 "with Vietnamese boats.",
                 "Vietnam summoned a Chinese envoy in Hanoi to protest Beijing's use of a water cannon that damaged a "
                 "Vietnamese boat."):
        triples = _triples(text)
        assert ("VNM", "accuses", "CHN") in triples
        assert ("CHN", "accuses", "VNM") not in triples


def test_a_person_killed_in_a_place_was_not_visiting_it() -> None:
    triples = _triples("A drone strike killed Iran's Revolutionary Guard commander Qassem Soleimani in Baghdad.")
    assert not any(relation == "visits" for _, relation, _ in triples)


def test_a_courtesy_call_is_no_demand() -> None:
    triples = _triples("The Japanese foreign minister will pay a courtesy call on Sri Lanka's president on Friday.")
    assert not any(relation == "demands" for _, relation, _ in triples)


def test_welcoming_a_decision_is_no_meeting() -> None:
    triples = _triples("Israeli Prime Minister Benjamin Netanyahu welcomed Egypt's willingness to advance a hostage "
                       "deal.")
    assert not any(relation in ("meetsWith", "visits") for _, relation, _ in triples)


def test_the_end_of_a_meeting_is_a_time_not_a_break() -> None:
    triples = _triples("At the end of the talks, Kenyan President William Ruto said Nairobi would keep "
                       "working on the deal with the United States.")
    assert not any(relation == "reducesCooperation" for _, relation, _ in triples)


def test_concluding_a_visit_is_no_agreement() -> None:
    triples = _triples("The Indian prime minister concluded his state visit to Japan on Sunday.")
    assert ("IND", "visits", "JPN") in triples
    assert not any(relation == "agreesToCooperate" for _, relation, _ in triples)


def test_where_migrants_come_from_is_no_partner() -> None:
    for text in ("Noboa noted that an expanded agreement could allow the deportation of migrants from Cuba "
                 "and Haiti.", "Panama signed a broader agreement covering migrants from Cuba and Haiti."):
        triples = _triples(text)
        assert not any(relation == "agreesToCooperate" and target in ("CUB", "HTI")
                       for _, relation, target in triples), text


def test_the_one_blamed_in_a_relative_clause_is_whom() -> None:
    triples = _triples("The senator, whom Milei blamed for the dispute with Brazil, declined to comment.")
    assert ("ARG", "accuses", "BRA") not in triples


def test_a_passive_without_its_agent_names_the_party_acted_on() -> None:
    for text in ("Hungary has been accused of holding the bloc hostage over its refusal to back an oil embargo "
                 "against Russia.", "Mexico was threatened with tariffs over migration from the United States.",
                 "Iran was urged to release the detained Britons."):
        triples = _triples(text)
        assert not any(actor in ("HUN", "MEX", "IRN") and relation in ("accuses", "threatenedSanctions", "demands")
                       for actor, relation, _ in triples), (text, triples)
    assert ("USA", "threatenedSanctions", "COL") in _triples("Colombia has been hit with tariffs by the United States.")


def test_an_object_that_names_no_party_implies_no_other_side() -> None:
    triples = _triples("The Solomon Islands signed a security pact with China. Chinese foreign ministry spokesman "
                       "Wang Wenbin accused some countries of deliberately exaggerating tensions.")
    assert ("CHN", "accuses", "SLB") not in triples


def test_a_pair_acts_together_not_on_itself() -> None:
    triples = _triples("Macron held talks with Mirziyoyev in Tashkent, and the two sides agreed on financing for "
                       "infrastructure from French development banks.")
    assert ("UZB", "exertsInfluenceOn", "FRA") not in triples and ("FRA", "exertsInfluenceOn", "UZB") not in triples
    assert ("FRA", "meetsWith", "UZB") in triples


def test_an_opening_phrase_is_no_list_with_the_subject() -> None:
    triples = _triples("Before a scheduled call with Canadian Prime Minister Justin Trudeau, Trump accused Canada of "
                       "unfair trade practices. Mexico avoided the tariffs.")
    assert ("USA", "accuses", "CAN") in triples
    assert not any(actor == "CAN" and relation == "accuses" for actor, relation, _ in triples)


def test_troops_sent_without_a_deal_are_no_cooperation() -> None:
    assert not any(relation == "agreesToCooperate" for _, relation, _ in
                   _triples("Venezuela sent troops to its border with Guyana."))


def test_a_bare_agreement_needs_named_parties_not_the_two_sides() -> None:
    triples = _triples("Rubio met Lavrov in the Saudi capital on Tuesday. Saudi officials hosted the session. "
                       "The two sides agreed on three steps.")
    assert ("USA", "agreesToCooperate", "SAU") not in triples and ("SAU", "agreesToCooperate", "USA") not in triples


def test_a_demonym_before_a_thing_is_no_deportee() -> None:
    triples = _triples("After the deportation flights, a statement said Pakistan rejects the Indian announcement to "
                       "hold the treaty in abeyance.")
    assert ("PAK", "refusesDeportees", "IND") not in triples


def test_people_taken_in_are_no_guests() -> None:
    triples = _triples("In a related development, Panama's government said that three migrants it received from the "
                       "U.S. had applied for asylum.")
    assert not any(relation in ("meetsWith", "visits") for _, relation, _ in triples)


def test_diplomats_posted_abroad_are_not_visiting() -> None:
    triples = _triples("Vandenberg said Burundian diplomats in the Netherlands will be declared \"persona non grata\".")
    assert ("BDI", "visits", "NLD") not in triples


def test_officials_of_a_named_body_are_not_the_subject() -> None:
    triples = _triples("On Wednesday, Nepal downgraded relations with Bhutan, expelled diplomats and officials "
                       "from the Bhutan Trade Office in Kathmandu, cancelled all visas granted to Bhutan nationals "
                       "and shut the border.")
    assert ("NPL", "threatenedSanctions", "BTN") in triples
    assert not any(actor == "BTN" for actor, _, _ in triples)


def test_a_union_as_the_object_implies_no_other_side() -> None:
    triples = _triples("Poland would supply a logistics hub for Ukraine. Kremlin spokesman Dmitry Peskov criticised "
                       "EU deadlines for a ceasefire as unacceptable ultimatums.")
    assert not any(actor == "RUS" and relation == "accuses" and target != "" for actor, relation, target in triples)


def test_a_far_if_belongs_to_another_clause() -> None:
    events = extract_text("Ukrainian Foreign Minister Andrii Sybiha met U.S. Secretary of State Marco Rubio in "
                          "Antalya to lock in Western backing and to warn Russia of costs if it spurns the truce.")
    meeting = next(e for e in events if e.relation == "meetsWith")
    assert meeting.mode == "asserted"


def test_a_call_is_no_visit() -> None:
    triples = _triples("The meeting will take place on Thursday in Kingston and was announced after conversations "
                       "between Ruto and the Ugandan president, Yoweri Museveni.")
    assert ("KEN", "meetsWith", "UGA") in triples or ("UGA", "meetsWith", "KEN") in triples
    assert not any(relation == "visits" for _, relation, _ in triples)


def test_a_meeting_to_come_is_planned_and_no_visit_yet() -> None:
    events = extract_text("Chilean President Gabriel Boric said negotiations between Chile and Peru would resume in "
                          "Lima.")
    meetings = [e for e in events if e.relation == "meetsWith"]
    assert meetings and all(e.mode == "planned" for e in meetings)
    assert not any(e.relation == "visits" and e.mode == "asserted" for e in events)


def test_any_failure_in_an_act_is_not_the_act() -> None:
    triples = _triples("Kenya's interior minister said he would not tolerate any failure in the acceptance of "
                       "returnees from Germany.")
    assert not any(relation == "acceptsDeportees" for _, relation, _ in triples)


def test_what_an_agreement_was_for_is_not_negated_with_it() -> None:
    # the negation is of 'renew'; 'to join' says what the agreement was, not a refusal of its own
    assert _triples("Peru's president said his government would not renew the agreement to join China's Belt "
                    "and Road Initiative.") == {("PER", "reducesCooperation", "CHN")}


def test_the_belt_and_road_is_chinas() -> None:
    assert _triples("Ecuador will not renew its 2018 memorandum of understanding on the Belt and Road Initiative, "
                    "the foreign ministry said.") == {("ECU", "reducesCooperation", "CHN")}


def test_a_topic_in_a_place_is_no_visit() -> None:
    # 'the situation in Haiti', 'a peacekeeping force in Haiti': what was discussed, not where anyone went
    found = _triples("Abinader discussed the security situation in Haiti and the deployment of a peacekeeping force "
                     "in Haiti with Blinken.")
    assert ("DOM", "visits", "HTI") not in found and ("USA", "visits", "HTI") not in found

def test_a_party_after_a_second_verb_is_not_the_place_visited() -> None:
    # 'and agreed to curb Russia's stake': Russia is what the host agreed on, not where the visitor went
    found = _triples("Chile welcomed a visit by Marco Rubio and agreed to curb Russia's stake in its ports.")
    assert ("USA", "visits", "RUS") not in found and ("USA", "visits", "CHL") in found

def test_a_negated_passive_tells_a_fact_and_refuses_nothing() -> None:
    # 'was not handed over': what did not happen to the canal; 'will not hand over' is a refusal
    assert _triples("Washington's envoy stressed that the canal was given to Panama, adding that it was not "
                    "handed over to China.") == set()
    assert ("VEN", "rejects", "GUY") in _triples("Venezuela will not hand over the Essequibo to Guyana.")

def test_reacting_to_a_release_is_not_releasing() -> None:
    # the one who welcomes a release told as a noun freed nobody; the one thanked for it did
    assert _triples("Ottawa voiced its gratitude for the release of two Chinese fishermen.") == set()
    assert ("SLV", "releasesDetainees", "VEN") in _triples("Rubio thanked Bukele for the release of the "
                                                           "Venezuelan prisoners.")

def test_what_the_punished_are_tied_to_is_the_reason_not_the_target() -> None:
    assert _triples("Washington barred entry to several West African officials over their links with the Cuban "
                    "government.") == set()






def test_a_place_in_another_clause_is_not_where_a_meeting_was() -> None:
    text = ("Abinader met Biden on Thursday, which came as a team from the Organization of American States arrived "
            "in Port-au-Prince.")
    found = _triples(text)
    assert ("DOM", "meetsWith", "USA") in found or ("USA", "meetsWith", "DOM") in found
    assert not {t for t in found if t[1] == "visits" and t[2] == "HTI"}, found


def test_what_a_party_worries_about_is_not_its_own_act() -> None:
    found = _triples("Peru's president raised concerns about US aid cuts on Monday.")
    assert ("PER", "accuses", "USA") in found
    assert not {t for t in found if t[0] == "PER" and t[1] == "threatenedSanctions"}, found
    found = _triples("Peru's president voiced concern over possible cuts in aid programmes by the United States "
                     "that could hurt Bolivia.")
    assert not {t for t in found if t[0] == "PER" and t[1] == "threatenedSanctions"}, found


def test_should_before_its_subject_is_a_condition() -> None:
    # 'should he not accept': the consequences of a refusal that has not happened
    found = _triples("Trump sent Grenell to Caracas to warn Maduro of the price he would pay should he not accept "
                     "the return of Venezuelans deported from the United States.")
    assert ("VEN", "refusesDeportees", "USA") not in found, found


def test_migrants_sent_back_are_not_released_captives() -> None:
    found = _triples("Washington pressed Caracas to accept the return of Venezuelans deported from the United States.")
    assert ("USA", "releasesDetainees", "VEN") not in found, found


def test_an_unnamed_party_accused_of_something_is_the_accused() -> None:
    found = _triples("The Nicaraguan government regularly accuses the opposition of plotting coups, something the "
                     "United States has denied.")
    assert ("NIC", "accuses", "USA") not in found, found


def test_a_party_that_follows_suit_does_the_same_to_the_same_target() -> None:
    found = _triples("Beijing banned all imports of Japanese seafood in August. Moscow later followed suit.")
    assert ("CHN", "threatenedSanctions", "JPN") in found and ("RUS", "threatenedSanctions", "JPN") in found
    found = _triples("Washington froze the assets of two Rwandan ministers. Kinshasa welcomed the step and urged "
                     "its partners to follow suit.")
    assert ("COD", "threatenedSanctions", "RWA") not in found, found  # asked of others, not done


def test_a_description_as_irresponsible_is_an_accusation() -> None:
    assert ("CHN", "accuses", "JPN") in _triples(
        "China has described Japan's plan to pump the treated water into the ocean as a selfish and irresponsible act.")


def test_should_after_an_evaluation_is_no_demand() -> None:
    found = _triples("Lima's foreign minister said it was unacceptable that Chile should decide the matter alone.")
    assert ("PER", "accuses", "CHL") in found and ("PER", "demands", "CHL") not in found, found


def test_a_high_commissioner_in_the_capital_is_posted_there() -> None:
    found = _triples("Bangladesh summoned India's high commissioner in Dhaka to protest the fencing.")
    assert ("BGD", "accuses", "IND") in found and ("IND", "visits", "BGD") not in found, found


def test_each_other_is_the_pair_whoever_else_is_named() -> None:
    found = _triples("Turkey and Israel patched up relations in 2016, yet two years on both countries expelled each "
                     "other's ambassadors in a row over Israel's killing of Palestinians.")
    assert ("TUR", "threatenedExpulsion", "ISR") in found and ("ISR", "threatenedExpulsion", "TUR") in found
    assert not {t for t in found if t[2] == "PSE"}, found


def test_a_diplomatic_mission_acts_for_its_country() -> None:
    found = _triples("The Canadian mission to the Philippines condemned the Chinese intervention as dangerous.")
    assert ("CAN", "accuses", "CHN") in found and ("CAN", "visits", "PHL") not in found, found
    found = _triples("The British and Australian embassies condemned China's dangerous actions.")
    assert {("GBR", "accuses", "CHN"), ("AUS", "accuses", "CHN")} <= found, found


def test_the_party_of_a_relative_clause_after_a_noun_made_it() -> None:
    found = _triples("Budapest kept its ban in place despite the complaint that Kyiv filed with the WTO.")
    assert ("UKR", "accuses", "HUN") in found and ("HUN", "accuses", "UKR") not in found, found


def test_a_complaint_over_a_decision_by_several_governments_accuses_each() -> None:
    found = _triples("Kyiv has filed a complaint with the WTO over the decision by the Romanian, Bulgarian and "
                     "Slovakian governments to keep their import bans.")
    assert {("UKR", "accuses", "ROU"), ("UKR", "accuses", "BGR"), ("UKR", "accuses", "SVK")} <= found, found


def test_a_list_of_tariff_rates_names_every_target() -> None:
    found = _triples("In March, Washington imposed tariffs of 10% on China and 25% on Canada and Mexico.")
    assert {("USA", "threatenedSanctions", c) for c in ("CHN", "CAN", "MEX")} <= found, found


def test_the_junta_is_the_country_named_with_one() -> None:
    found = _triples("Mali's military junta has requested that France's ambassador leave the country within 48 hours. "
                     "The junta has also authorized troops from neighbouring Niger to come to its defence.")
    assert ("MLI", "agreesToCooperate", "NER") in found or ("NER", "agreesToCooperate", "MLI") in found, found
    assert ("FRA", "agreesToCooperate", "NER") not in found, found


def test_an_opening_clause_with_its_own_subject_is_not_the_main_subjects_act() -> None:
    found = _triples("While other countries in the region have raised concerns about Washington's deportation plans, "
                     "Colombia has said little.")
    assert ("COL", "accuses", "USA") not in found, found


def test_people_going_home_are_no_demand() -> None:
    found = _triples("Guatemala will take the deportees of other nationalities as they seek to return to their "
                     "homelands, Arevalo said after meeting Rubio.")
    assert not {t for t in found if t[1] == "demands"}, found


def test_a_bloc_led_by_a_country_stands_for_it() -> None:
    found = _triples("Armenia suspends participation in Russian-led Collective Security Treaty Organisation")
    assert ("ARM", "reducesCooperation", "RUS") in found, found


def test_a_country_leading_a_mission_does_not_travel_with_it() -> None:
    found = _triples("Abinader asked Washington to keep supporting the Kenyan-led multinational mission that is trying "
                     "to help the Haitian police.")
    assert ("KEN", "visits", "HTI") not in found, found


def test_a_country_owning_what_follows_is_not_a_place_visited() -> None:
    found = _triples("The report said Trump had pressed for a stronger American military role in Mexico's fight "
                     "against the cartels.")
    assert ("USA", "visits", "MEX") not in found, found


def test_traffic_heading_somewhere_is_no_visit() -> None:
    found = _triples("Algeria shut its skies to every aircraft coming from or heading to Mali.")
    assert ("DZA", "visits", "MLI") not in found, found


def test_a_headline_phrase_after_a_title_is_no_person() -> None:
    text = "Mali, Niger, Burkina Faso Recall Envoys Over Drone Incident\n\nThe three recalled their ambassadors."
    entities = extract_document(document_from_bytes("h.txt", text.encode())).entities
    assert not [e for e in entities if e.type == "person"], entities


def test_tariffs_announced_as_halted_are_not_imposed() -> None:
    found = _triples("Ottawa and Washington announced Monday that the tariffs would be halted for now to give the "
                     "two sides more time.")
    assert not {t for t in found if t[1] == "threatenedSanctions"}, found


def test_the_two_countries_are_the_pair_the_report_is_about() -> None:
    text = ("Ecuador will apply a 27% tariff on Mexican goods, Noboa said. Ecuador says Mexico abuses the trade "
            "terms, and Mexico calls the tariff an insult. The announcement comes after Washington paused its "
            "threat of tariffs on Mexico following a call with Canada. Last year, the two countries broke off "
            "diplomatic relations after a raid on an embassy in Quito.")
    found = _triples(text)
    assert ("ECU", "reducesCooperation", "MEX") in found or ("MEX", "reducesCooperation", "ECU") in found, found
    assert not {t for t in found if t[1] == "reducesCooperation" and "USA" in (t[0], t[2])}, found


def test_a_demonym_before_a_visit_names_the_visitor() -> None:
    found = _triples("VILNIUS - Belarus let 14 prisoners go on Saturday, hours after US envoy Keith Kellogg saw "
                     "President Alexander Lukashenko in Minsk, in the highest-level American visit to the country in "
                     "years.")
    assert ("BLR", "visits", "USA") not in found and ("USA", "visits", "BLR") in found, found


def test_unnamed_authorities_allowed_to_act_are_nobody_named() -> None:
    found = _triples("Berlin classified Georgia as a safe country of origin, a step that allows authorities to "
                     "reject such claims faster.")
    assert ("GEO", "rejects", "DEU") not in found, found


def test_a_law_in_a_country_is_no_visit() -> None:
    found = _triples("Scholz used the meeting with Kobakhidze to raise concern about a draft law in Georgia.")
    assert ("DEU", "visits", "GEO") not in found, found


def test_he_after_his_own_speech_verb_is_the_speaker() -> None:
    found = _triples("Biden met Ecuador's president Daniel Noboa in Quito on Monday, a day after he announced he "
                     "would lift the sanctions on Ecuador.")
    assert ("ECU", "shiftsTowardCooperation", "USA") not in found, found


def test_he_in_a_where_clause_is_the_main_subject() -> None:
    found = _triples("Biden later flew to Doha, where Qatar's emir, Sheikh Tamim bin Hamad Al Thani, signed a deal. "
                     "His final stop is Abu Dhabi, where he is due to meet UAE President Sheikh Mohamed bin Zayed "
                     "Al Nahyan on Thursday.")
    assert ("QAT", "meetsWith", "ARE") not in found and ("ARE", "meetsWith", "QAT") not in found, found


def test_a_bare_verb_after_and_is_still_what_was_urged() -> None:
    found = _triples("Biden urged Damascus to sign up to the accords and normalise relations with Israel.")
    assert ("USA", "shiftsTowardCooperation", "ISR") not in found, found
    found = _triples("Niamey demanded the departure of French forces and tore up its military accords with Paris.")
    assert {t for t in found if t[0] == "NER" and t[2] == "FRA" and t[1] != "demands"}, found


def test_what_a_party_is_accused_of_is_no_act_of_the_accuser() -> None:
    found = _triples("Cairo, for its part, accuses Addis Ababa of endangering its water security by filling and "
                     "operating the dam without an agreement.")
    assert found == {("EGY", "accuses", "ETH")}, found
    found = _triples("Kinshasa, which accuses Kigali of arming the rebels, broke off diplomatic relations with Rwanda.")
    assert ("COD", "reducesCooperation", "RWA") in found, found  # the charge ends at the comma


def test_a_treaty_is_nobody_and_courts_are_no_government() -> None:
    text = ("Row over the treaty\n\nPresident Masoud Pezeshkian said Iran had no intention of leaving the Nuclear "
            "Non-Proliferation Treaty, although some lawmakers have called for withdrawal.\n\nSeoul has called the "
            "measures retaliation for South Korean court rulings ordering Japanese companies to pay.")
    result = extract_document(document_from_bytes("t.txt", text.encode()))
    assert [e.name for e in result.entities if e.type == "person"] == ["Masoud Pezeshkian"]
    assert ("KOR", "demands", "JPN") not in {(e.actor_country, e.relation, e.target_country) for e in result.events}


def test_an_international_body_as_object_leaves_no_country_target() -> None:
    found = _triples("Tehran suspended cooperation with the IAEA after Israeli and US strikes on its nuclear sites.")
    assert not {t for t in found if t[1] == "reducesCooperation"}, found


def test_a_countrys_agency_acts_for_it() -> None:
    found = _triples("Paris and Tashkent agreed to step up cooperation in mining, and French development agency AFD "
                     "pledged new financing for infrastructure projects.")
    assert ("UZB", "exertsInfluenceOn", "FRA") not in found, found


def test_a_negation_stays_in_its_own_clause() -> None:
    found = _triples("Wellington said the island government failed to consult it before signing a series of "
                     "agreements with China.")
    assert ("NZL", "rejects", "CHN") not in found, found


def test_a_korean_leader_is_named_again_by_family_name() -> None:
    found = _triples("South Korean President Lee Jae-myung arrived in Tokyo on Saturday. Lee met Ishiba at the "
                     "premier's residence for two hours.")
    assert ("KOR", "meetsWith", "JPN") in found or ("JPN", "meetsWith", "KOR") in found, found


def test_a_summit_readout_keeps_its_pairs_apart() -> None:
    text = ("Tokyo and Seoul draw closer\n\nJapanese Prime Minister Shigeru Ishiba and South Korean President Lee "
            "Jae Myung agreed on Saturday to closer security ties ahead of Lee's planned summit with US President "
            "Donald Trump on Monday. They also pledged closer coordination against North Korea's missile threats. "
            "Lee invited Ishiba to visit South Korea.")
    found = _triples(text)
    assert ("JPN", "agreesToCooperate", "KOR") in found or ("KOR", "agreesToCooperate", "JPN") in found, found
    assert ("KOR", "meetsWith", "USA") in found or ("USA", "meetsWith", "KOR") in found, found  # Lee's summit
    assert ("JPN", "meetsWith", "USA") not in found and ("USA", "meetsWith", "JPN") not in found, found
    assert not {t for t in found if "PRK" in (t[0], t[2])}, found  # coordination against the North
    assert ("JPN", "visits", "KOR") not in found, found  # invited, not yet gone


def test_a_visit_ahead_of_a_summit_is_not_the_summit_partners() -> None:
    found = _triples("South Korea's Lee makes Japan first foreign visit ahead of Trump summit")
    assert ("USA", "visits", "JPN") not in found and ("USA", "visits", "KOR") not in found, found


def test_the_dateline_does_not_host_a_visit_to_a_named_place() -> None:
    found = _triples("SEOUL - Putin signed a defence pact with Kim Jong Un in Pyongyang on Wednesday.\n\n"
                     "Putin later flew to Vietnam to begin a state visit.")
    assert ("RUS", "visits", "KOR") not in found and ("RUS", "visits", "VNM") in found, found


def test_visits_by_ships_are_no_official_visits() -> None:
    found = _triples("New Delhi has objected to visits by Chinese research vessels to Sri Lankan ports.")
    assert ("CHN", "visits", "LKA") not in found, found


def test_a_postponed_visit_is_no_visit() -> None:
    found = _triples("Trump on Tuesday postponed a planned visit to Denmark after Danish officials said Greenland "
                     "was not for sale.")
    assert ("USA", "visits", "DNK") not in found, found


def test_calling_a_meeting_of_others_is_no_meeting() -> None:
    from graph.extract.lexicon import triggers
    from graph.extract.senses import _not_this_sense

    meeting = next(t for t in triggers() if t.relation == "meetsWith")
    text = "Castro and Sheinbaum also called a meeting of foreign ministers."
    start = text.index("meeting")
    assert _not_this_sense(text, start, start + 7, start + 7, meeting)
    held = "Castro and Sheinbaum held a meeting in Mexico City."
    start = held.index("meeting")
    assert not _not_this_sense(held, start, start + 7, start + 7, meeting)


def test_delegations_of_two_countries_meet_in_a_third_capital() -> None:
    found = _triples("Iranian and United States delegations held talks in Oman's capital, Muscat, on Saturday.")
    assert ("IRN", "meetsWith", "USA") in found or ("USA", "meetsWith", "IRN") in found, found
    assert {("IRN", "visits", "OMN"), ("USA", "visits", "OMN")} <= found, found


def test_a_topic_of_discussion_is_no_act() -> None:
    found = _triples("Iran's envoy met Oman's foreign minister, with discussions focused on Tehran's nuclear programme "
                     "and the potential easing of US sanctions.")
    assert not {t for t in found if t[1] == "shiftsTowardCooperation"}, found


def test_speaking_face_to_face_is_meeting() -> None:
    found = _triples("The heads of the two delegations, Araghchi and Witkoff, briefly spoke face-to-face after the "
                     "formal talks.")
    assert ("IRN", "meetsWith", "USA") in found or ("USA", "meetsWith", "IRN") in found, found


def test_planted_is_not_planned() -> None:
    events = extract_text("Bangkok said the mines were newly planted and accused Phnom Penh of breaking the Ottawa "
                          "Convention.")
    assert [(e.actor_country, e.relation, e.target_country, e.mode) for e in events] == [
        ("THA", "accuses", "KHM", "asserted")]


def test_brussels_is_belgium_in_a_report_on_belgium() -> None:
    found = _triples("Before Kigali cut ties with Brussels, Kagame vowed that his country would stand up to Belgium.")
    assert ("RWA", "reducesCooperation", "BEL") in found, found


def test_a_second_participle_after_an_accusation_is_the_accusers_act() -> None:
    found = _triples("Petro hit back, accusing Washington of mistreating migrants and announcing a retaliatory 25% "
                     "increase in Colombian tariffs on U.S. goods.")
    assert ("COL", "threatenedSanctions", "USA") in found, found


def test_trigger_regexes_compile_when_first_needed() -> None:
    """A fresh process compiles no trigger regex when the lexicon is read, and only the few a text's sentences
    reach (every word need met) when it is extracted; the events are those of a process that compiled more."""
    import subprocess

    text = "Mexico agreed to accept migrants deported from the United States, the foreign ministry said."
    script = (
        "from graph.documents import document_from_bytes\n"
        "from graph.extract import extract_document, triggers\n"
        "lexicon = triggers()\n"
        "print(sum('regex' in vars(t) or 'require' in vars(t) for t in lexicon))\n"
        f"events = extract_document(document_from_bytes('case.txt', {text!r}.encode())).events\n"
        "print(sum('regex' in vars(t) for t in lexicon), len(lexicon))\n"
        "print(sorted((e.actor_country, e.relation, e.target_country, e.trigger) for e in events))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                         cwd=Path(__file__).parent.parent)
    assert run.returncode == 0, run.stderr
    before, after, lexicon = run.stdout.splitlines()[:3]
    compiled, total = map(int, after.split())
    assert before == "0" and 0 < compiled < total // 4, run.stdout
    here = sorted((e.actor_country, e.relation, e.target_country, e.trigger) for e in extract_text(text))
    assert lexicon == str(here) and here, (lexicon, here)


def test_should_before_its_subject_makes_no_demand() -> None:
    from graph.extract.lexicon import triggers
    from graph.extract.senses import _not_this_sense

    should = next(t for t in triggers() if t.relation == "demands" and t.pattern.startswith("should|must"))
    inverted = "Honduras could expel the U.S. military should President-elect Donald Trump carry out deportations."
    at = inverted.index("should")
    assert _not_this_sense(inverted, at, at + 6, at + 6, should)
    plain = "Rubio said Panama should curb Chinese influence."
    at = plain.index("should")
    assert not _not_this_sense(plain, at, at + 6, at + 6, should)


def test_latin_american_is_no_american() -> None:
    found = _triples("Caracas blamed the five Latin American governments for meddling in its vote count.")
    assert not any("USA" in (actor, target) for actor, _, target in found), found


def test_these_countries_stand_for_the_list_named_before() -> None:
    text = ("Managua said on Friday it would recall its envoys from Chile, Colombia and Brazil. It accused "
            "these governments of interference in its affairs and asked these countries to withdraw their "
            "own diplomats.")
    found = _triples(text)
    for country in ("CHL", "COL", "BRA"):
        assert ("NIC", "accuses", country) in found, found
        # asking them to withdraw their diplomats: a call for the diplomats to go
        assert ("NIC", "threatenedExpulsion", country) in found, found
    assert not any(actor in ("CHL", "COL", "BRA") for actor, _, _ in found), found


def test_the_number_of_a_group_picks_its_list() -> None:
    text = ("Peru and Ecuador signed a border pact. Later Caracas broke with Argentina, Chile and Uruguay, "
            "calling the three countries puppets of Washington.")
    found = _triples(text)
    assert {("VEN", "accuses", c) for c in ("ARG", "CHL", "URY")} <= found, found
    assert not any(actor == "VEN" and target in ("PER", "ECU") for actor, _, target in found), found


def test_a_charge_told_as_a_noun_ends_at_the_next_past_verb() -> None:
    found = _triples("Algiers accused Paris of interference and urged Madrid to stay neutral.")
    assert ("DZA", "demands", "ESP") in found, found
    told_with_verbs = _triples("Algiers accused Paris of arming rebels and urging Madrid to stay neutral.")
    assert ("DZA", "demands", "ESP") not in told_with_verbs, told_with_verbs


def test_it_after_a_list_of_objects_is_the_subject() -> None:
    found = _triples("Managua withdrew its envoys from Chile, Colombia and Brazil. It then accused Washington of "
                     "plotting a coup.")
    assert ("NIC", "accuses", "USA") in found, found


def test_accredited_in_a_country_is_no_visit() -> None:
    found = _triples("Ecuadorian Foreign Minister Ana Lucía Cruz has issued instructions for the diplomatic staff "
                     "accredited in Colombia to come home.")
    assert not any(relation == "visits" for _, relation, _ in found), found


def test_what_it_called_is_said_by_it() -> None:
    found = _triples("Georgia's foreign ministry summoned the Russian ambassador on Monday to protest what it called "
                     "Moscow's \"provocative manoeuvres\", a new low between the two countries.")
    assert ("GEO", "accuses", "RUS") in found, found
    assert ("RUS", "accuses", "GEO") not in found, found


def test_what_a_party_is_demanded_to_do_with_a_bare_verb_is_not_its_act() -> None:
    found = _triples("Hanoi has demanded Vientiane withdraw its ambassador at once, officials said.")
    assert ("VNM", "demands", "LAO") in found, found
    assert not any(actor == "LAO" for actor, _, _ in found), found


def test_the_trio_stands_for_the_three_countries_named_before() -> None:
    found = _triples("Mali, Niger and Chad signed a defence pact in January. In March, after a row with Morocco over "
                     "a seized aircraft, the trio announced the recall of their ambassadors from Rabat.")
    assert {(c, "reducesCooperation", "MAR") for c in ("MLI", "NER", "TCD")} <= found, found


def test_the_two_countries_named_only_as_objects_are_the_documents_pair() -> None:
    text = ("Bamako listed steps against Algiers, among them calling in the Algerian ambassador in Bamako.\n\n"
            "The two countries had already recalled their envoys once, in 2023.")
    found = _triples(text)
    assert ("DZA", "reducesCooperation", "MLI") in found and ("MLI", "reducesCooperation", "DZA") in found, found


def test_the_two_countries_after_a_listed_pair_in_the_same_sentence() -> None:
    found = _triples("Niger's rulers let troops of Guinea and Mali operate on its soil, a spokesman said after hosting "
                     "a defence delegation from both countries in Niamey.")
    assert ("GIN", "visits", "NER") in found and ("MLI", "visits", "NER") in found, found


def test_agents_instructed_to_act_are_not_the_person_named_before() -> None:
    found = _triples("Mali's junta declared the Swedish ambassador persona non grata on Monday. The residence "
                     "permits of Swedish ambassador to Bamako Karl Olsson and his family have been withdrawn and "
                     "police are instructed to expel the envoy, the junta said.")
    assert ("MLI", "threatenedExpulsion", "SWE") in found, found
    assert not any(actor == "SWE" for actor, _, _ in found), found


def test_a_place_where_someone_is_charged_is_no_visit() -> None:
    found = _triples("Niger's army chief, indicted in France over arms smuggling, held talks with Malian officers in "
                     "Bamako.")
    assert ("NER", "visits", "FRA") not in found, found


def test_the_pakistani_taliban_are_not_afghanistan() -> None:
    found = _triples("Islamabad blames the returnees for raids carried out in collaboration with the Tehreek-e "
                     "Taliban Pakistan (TTP).")
    assert not any("AFG" in (actor, target) for actor, _, target in found), found


def test_the_places_of_a_dateline_are_no_parties() -> None:
    found = _triples("QUITO/BOGOTA, Colombia (Reuters) - Ecuador closed its border crossings to Colombian trucks and "
                     "later rejected Colombia's recent decision.")
    assert ("ECU", "rejects", "COL") in found, found
    assert ("COL", "rejects", "ECU") not in found, found


def test_a_listed_pair_has_no_partner_inside_a_topic() -> None:
    found = _triples("Foreign Minister Penny Wong and Japanese Foreign Minister Takeshi Iwaya agreed to deepen "
                     "cooperation on ending the war and on a reconstruction plan for Gaza.")
    assert not any(target == "PSE" for _, _, target in found), found
    assert ("AUS", "agreesToCooperate", "JPN") in found or ("JPN", "agreesToCooperate", "AUS") in found, found


def test_own_envoys_told_to_leave_a_country_are_expelled_by_it() -> None:
    found = _triples("Latvia protested on Friday. It said its consul must leave Belarus by May 2.")
    assert ("BLR", "threatenedExpulsion", "LVA") in found, found
    assert ("LVA", "threatenedExpulsion", "BLR") not in found, found


def test_heading_a_countrys_mission_somewhere_is_no_visit() -> None:
    found = _triples("Minsk called in Lithuania's chargé d'affaires, who runs the Baltic republic's mission in Minsk, "
                     "over the expulsion of a Belarusian consul.")
    assert ("LTU", "visits", "BLR") not in found, found


def test_the_one_told_that_is_no_doer_of_what_it_is_told() -> None:
    found = _triples("Minsk hit back, informing Vilnius that the Lithuanian ambassador to Belarus had to go home.")
    assert ("BLR", "threatenedExpulsion", "LTU") in found, found
    assert ("LTU", "threatenedExpulsion", "BLR") not in found, found


def test_a_participle_after_by_has_its_own_clauses_subject() -> None:
    found = _triples("Chinese officials courted Ruto for years, and he has reciprocated by strengthening ties with "
                     "Beijing.")
    assert ("KEN", "agreesToCooperate", "CHN") in found, found
    assert not any(actor == "CHN" for actor, _, _ in found), found


def test_accusing_a_rival_at_home_accuses_nobody_in_the_charge() -> None:
    found = _triples("Mr Trump hit back in the debate by accusing Mr Biden of being soft on China.")
    assert not any(relation == "accuses" for _, relation, _ in found), found


def test_people_accused_of_a_crime_are_accused_by_nobody_here() -> None:
    found = _triples("Baku rejected Moscow's version of how two men accused of smuggling in Azerbaijan had died.")
    assert ("AZE", "rejects", "RUS") in found, found
    assert ("RUS", "accuses", "AZE") not in found, found


def test_a_deputy_chief_of_mission_is_a_named_envoy() -> None:
    text = "Manila called in China's deputy chief of mission Wu Lihua on Thursday over the water cannon attack."
    result = extract_document(document_from_bytes("mission.txt", text.encode()))
    assert {(e.name, e.country) for e in result.entities if e.type == "person"} == {("Wu Lihua", "CHN")}


def test_a_list_closed_by_and_ends_before_the_next_comma() -> None:
    found = _triples("An accord has now been reached for a truce between Thailand and Cambodia, Malaysia's prime "
                     "minister said.")
    assert ("THA", "agreesToCooperate", "KHM") in found, found
    assert not any(actor == "MYS" for actor, _, _ in found), found


def test_both_nations_are_the_countries_named_not_a_person_since() -> None:
    found = _triples("Ethiopia and Eritrea agreed to a truce on Sunday. Blinken said he had held discussions with "
                     "senior officials from both nations.")
    assert ("USA", "meetsWith", "ETH") in found and ("USA", "meetsWith", "ERI") in found, found


def test_the_two_countries_opening_a_sentence_are_the_two_of_the_sentence_before() -> None:
    text = ("Palau said it would cut its ties with Taiwan. Taipei said it was sad to lose an ally of forty years.\n\n"
            "China's foreign ministry said it was ready to build relations with Palau. The two countries signed a "
            "joint communique in Beijing later that month.")
    found = _triples(text)
    assert ("PLW", "agreesToCooperate", "CHN") in found or ("CHN", "agreesToCooperate", "PLW") in found, found
    assert not any(relation == "agreesToCooperate" and "TWN" in (actor, target)
                   for actor, relation, target in found), found


def test_insisting_on_what_happened_is_no_demand_and_the_party_set_aside_does_not_act() -> None:
    found = _triples("Lukashenko insisted that Vilnius, not Minsk, had broken off the border talks.")
    assert ("BLR", "demands", "LTU") not in found, found
    assert not any(actor == "BLR" and relation == "reducesCooperation" for actor, relation, _ in found), found


def test_the_government_after_a_speaking_minister_is_his() -> None:
    found = _triples("Washington wants more flights. Foreign Minister Juan Ramón de la Fuente stated the federal "
                     "government would not receive migrants of other nationalities.")
    assert ("MEX", "refusesDeportees", "USA") in found, found


def test_should_be_held_accountable_is_no_demand() -> None:
    found = _triples("London announced new sanctions on Minsk, saying Belarus should be held accountable for the "
                     "detentions.")
    assert ("GBR", "demands", "BLR") not in found, found
    assert ("GBR", "threatenedSanctions", "BLR") in found, found


def test_a_speaker_judging_anothers_act_told_as_a_noun_does_not_do_it() -> None:
    found = _triples("Seoul said it would end the intelligence pact with Tokyo. Japanese Foreign Minister Takeshi "
                     "Iwaya said the termination of the pact was deeply regrettable.")
    assert ("JPN", "reducesCooperation", "KOR") not in found, found
    assert ("KOR", "reducesCooperation", "JPN") in found, found


def test_hosting_a_base_is_no_meeting() -> None:
    found = _triples("Vanuatu signed a policing pact with China in May. Prime Minister Charlot Salwai said there was "
                     "no intention to host a Chinese base.")
    assert not any(relation == "meetsWith" for _, relation, _ in found), found


def test_an_unnamed_ministry_spokesperson_speaks_for_the_dateline_country() -> None:
    text = ("HANOI (AFP) - A Chinese survey ship entered disputed waters on Monday.\n\n\"China's so-called "
            "survey seriously violates international law,\" a foreign ministry spokesperson said.")
    assert _triples(text) == {("VNM", "accuses", "CHN")}


def test_a_party_after_said_and_a_comma_is_no_speaker() -> None:
    text = ("SEOUL (Yonhap) - North Korea fired two missiles on Sunday.\n\n\"The launch is a grave provocation,\" "
            "the foreign ministry spokesman said, urging Pyongyang to return to talks.")
    found = _triples(text)
    assert ("KOR", "accuses", "PRK") in found, found
    assert not any(actor == "PRK" and relation == "accuses" for actor, relation, _ in found), found


def test_an_envoy_arriving_at_the_ministry_that_summoned_him_is_no_visit() -> None:
    text = ("MOSCOW (TASS) - Armenia's ambassador, summoned over the remarks, arrived at the ministry's building "
            "on Tuesday afternoon.")
    events = extract_text(text)
    assert [e.relation for e in events if e.relation == "visits"] == [], events


def test_an_unnamed_group_does_not_take_the_last_sentences_agent() -> None:
    text = ("Tariff threats by Donald Trump are seen as the reason Central American countries agreed to receive "
            "deportation flights.\n\nSeveral Central American countries have accepted deportation flights. Last "
            "week, about 200 deportees arrived in Honduras, officials said.")
    events = extract_text(text)
    assert not [e for e in events if e.actor_country == "USA" and e.relation == "acceptsDeportees"], events


def test_its_after_a_comma_is_the_clause_subjects() -> None:
    text = ("Algeria suspended its treaty with Spain on Wednesday, escalating its protest against Madrid's stance on "
            "Western Sahara.")
    protests = {(e.actor_country, e.target_country) for e in extract_text(text) if e.relation == "accuses"}
    assert ("ESP", "MAR") not in protests and ("DZA", "ESP") in protests, protests


def test_a_guest_named_after_visiting_is_the_visitor() -> None:
    events = extract_text("Indian Prime Minister Narendra Modi met visiting Australian Foreign Minister Penny Wong "
                          "on Monday.")
    visits = {(e.actor_country, e.target_country) for e in events if e.relation == "visits"}
    assert visits == {("AUS", "IND")}, visits


def test_discussing_a_third_country_is_no_meeting_with_it() -> None:
    events = extract_text("The US envoy met Chinese officials to discuss efforts to curb North Korea's missile tests.")
    assert "PRK" not in {e.target_country for e in events if e.relation == "meetsWith"}, events


def test_visiting_a_country_is_still_a_visit() -> None:
    events = extract_text("Rubio was visiting Panama to press its government on the canal.")
    assert ("USA", "visits", "PAN") in {(e.actor_country, e.relation, e.target_country) for e in events}, events


def test_items_of_a_list_of_measures_act_for_the_party_of_its_heading() -> None:
    text = ("Title: Vilnius answers Minsk\n\nVILNIUS - Lithuania on Friday answered the border incidents with a "
            "package of steps against Belarus.\n\nThe steps announced by the government:\n\n"
            "- Two Belarusian diplomats are declared persona non grata.\n"
            "- All visas issued to Belarusian officials stand cancelled.\n"
            "- Freight trade with Belarus, including goods in transit to third countries, is suspended.\n")
    triples = {(e.actor_country, e.relation, e.target_country) for e in extract_text(text)}
    assert {("LTU", "threatenedExpulsion", "BLR"), ("LTU", "threatenedSanctions", "BLR")} <= triples, triples


def test_an_order_to_people_in_a_list_is_no_demand_of_the_heading() -> None:
    text = ("Measures announced by Lithuania:\n\n- Belarusian nationals must leave within 48 hours.\n")
    assert not [e for e in extract_text(text) if e.relation == "demands"]


def test_the_postponement_of_a_visit_is_no_visit() -> None:
    events = extract_text("Kishida explained the postponement of his visit to Seoul, the Japanese foreign ministry "
                          "said.")
    assert not [e for e in events if e.relation == "visits"], events


def test_a_call_on_the_international_community_names_no_party() -> None:
    events = extract_text("In a call with his French counterpart, Wang Yi called for the international community to "
                          "resist any hegemonic act.")
    assert {(e.relation, e.target_country) for e in events} == {("meetsWith", "FRA")}, events


def test_repeated_before_a_noun_names_no_speaker() -> None:
    text = ("Ghana's foreign ministry summoned the charge d'affaires of the Togolese embassy in Accra and informed him "
            "of its displeasure at his repeated violations of diplomatic norms.")
    triples = {(e.actor_country, e.relation, e.target_country) for e in extract_text(text)}
    assert triples == {("GHA", "accuses", "TGO")}, triples


def test_a_party_counted_after_a_preposition_is_no_subject() -> None:
    events = extract_text("The United States will impose visa restrictions on about 500 Russian officials, as well as "
                          "blocking sanctions against private military companies, the White House said.")
    assert {e.actor_country for e in events} == {"USA"}, events


def test_visits_agreed_as_a_practice_are_no_trip() -> None:
    events = extract_text("Thai Prime Minister Paetongtarn Shinawatra held talks with Malaysian Prime Minister Anwar "
                          "Ibrahim. The two leaders agreed to revive regular visits to each other's countries.")
    assert not [e for e in events if e.relation == "visits"], events


def test_an_order_to_leave_is_the_expulsion_not_a_demand() -> None:
    events = extract_text("Ghana told two Togolese diplomats to leave within 72 hours.")
    assert {(e.actor_country, e.relation, e.target_country) for e in events} == {("GHA", "threatenedExpulsion", "TGO")}


@pytest.mark.parametrize("text", [
    "President Daniel Omondi of Kenya flew home on Friday, ending his three-day state visit to Ghana.",
    "The leaders of Peru and Chile met in Lima on Tuesday to talk about trade and cooperation on ending Bolivia's "
    "missile programme.",
])
def test_ending_a_visit_or_a_programme_is_no_cut_in_relations(text: str) -> None:
    assert all(e.relation != "reducesCooperation" for e in extract_text(text)), extract_text(text)


def test_a_sign_of_soured_relations_is_no_signing() -> None:
    events = extract_text("Tirana recalled its envoy from Belgrade, the latest sign of how badly relations have "
                          "deteriorated between the two countries.")
    assert all(e.relation != "agreesToCooperate" for e in events), events


def test_a_party_that_has_not_retaliated_takes_no_measure() -> None:
    events = extract_text("Austria expelled two Hungarian diplomats on Monday. Budapest has not reciprocated.")
    assert all(e.actor_country != "HUN" for e in events), events


def test_in_protest_is_the_protest_of_the_one_who_summoned() -> None:
    events = extract_text("The Uruguayan foreign ministry summoned the Paraguayan ambassador to Uruguay in protest "
                          "against the treatment of Uruguayan lorry drivers at the border.")
    assert {(e.actor_country, e.relation, e.target_country) for e in events} == {("URY", "accuses", "PRY")}


@pytest.mark.parametrize("text", [
    "As delegations from Laos and Mongolia attended the opening ceremony in Seoul, observers counted the guests.",
    "Delegates of Laos and Mongolia stayed in Seoul, where the hosts showed them a new port.",  # 'hosts': a noun
])
def test_delegations_in_one_room_are_no_meeting_of_their_countries(text: str) -> None:
    events = extract_text(text)
    assert all(e.relation != "meetsWith" for e in events), events


def test_a_country_named_later_in_a_press_conference_is_no_partner_of_it() -> None:
    events = extract_text("Belize's prime minister held a joint press conference where he said the whole region "
                          "relies on Venezuela for its fuel.")
    assert all(e.relation != "meetsWith" for e in events), events


@pytest.mark.parametrize("text", [
    "Premier Tan Wei said he supported dialogue between Ghana and Togo.",
    "Brazil called for direct talks between Chile and Argentina.",
])
def test_talks_wished_for_are_no_meeting(text: str) -> None:
    assert all(e.relation != "meetsWith" for e in extract_text(text)), extract_text(text)


@pytest.mark.parametrize("text", ["Senegal, backed by Mali, has rejected the plan put forward by Morocco.",
                                  "Senegal, backed by Mali, has rejected the plan."])
def test_an_ally_beside_the_subject_is_no_target(text: str) -> None:
    assert all(e.target_country != "MLI" for e in extract_text(text)), extract_text(text)


def test_a_list_after_comma_and_with_its_own_verb_is_a_new_subject() -> None:
    events = extract_text("Meanwhile, Turkey cut ties with Israel, and Bolivia, Belize and Colombia recalled their "
                          "ambassadors.")
    assert {(e.actor_country, e.relation, e.target_country) for e in events} == {
        (actor, "reducesCooperation", "ISR") for actor in ("TUR", "BOL", "BLZ", "COL")}


@pytest.mark.parametrize("text", [
    "Malawi's Ambassador to Zambia has arrived at the Zambian Foreign Ministry, where he was asked to explain the "
    "arrests.",
    "Ecuador's envoy in Lima handed over a list naming a diplomat of the Ecuadorian mission in the country.",
])
def test_a_diplomat_posted_to_a_country_does_not_visit_it(text: str) -> None:
    assert all(e.relation != "visits" for e in extract_text(text)), extract_text(text)


def test_speaking_to_a_news_outlet_is_no_meeting_with_a_country_named_later() -> None:
    events = extract_text("Ecuador's president, speaking to Al Jazeera, said President Ruiz of Peru had broken "
                          "his word.")
    assert all(e.relation != "meetsWith" for e in events), events


def test_a_headline_joins_its_verbs_with_a_bare_comma_and_a_reason_is_no_target() -> None:
    events = extract_text("Qatar and Bahrain recall envoys from Israel, cut economic ties over Gaza offensive")
    assert {(e.actor_country, e.target_country) for e in events} == {("QAT", "ISR"), ("BHR", "ISR")}


def test_a_possessive_owns_the_noun_after_it_not_a_noun_after_of() -> None:
    events = extract_text("Ghana's foreign ministry condemned Togo's refusal of calls for a ceasefire.")
    assert all(not (e.actor_country == "TGO" and e.relation == "demands") for e in events), events


def test_home_nations_left_unnamed_do_not_act() -> None:
    events = extract_text("Rome sent six migrants to Tirana last week. Italian officials said that the home nations "
                          "of these migrants were unwilling to accept them.")
    assert all(e.relation != "refusesDeportees" for e in events), events


def test_a_list_backing_a_thing_does_not_back_each_other() -> None:
    events = extract_text("Ministers from Chile, Peru, Ecuador and Bolivia joined together to express their backing "
                          "for a humanitarian truce that they had drafted.")
    assert all(e.relation != "agreesToCooperate" for e in events), events


def test_a_reported_clause_whose_subject_is_a_thing_names_no_party() -> None:
    events = extract_text("In a joint statement, Canada, along with Norway and Japan, said the renewed fighting "
                          "undermines peace efforts.")
    assert events == [], events


def test_a_country_after_in_is_where_a_warning_is_about_not_whom() -> None:
    events = extract_text("Mexico also warned against the use of force in Venezuela.")
    assert all(e.relation != "threatened" for e in events), events


def test_who_secures_a_release_does_not_release() -> None:
    events = extract_text("Washington secured the release of 12 Nicaraguan political prisoners who were flown to "
                          "Guatemala.")
    assert all(e.relation != "releasesDetainees" or e.actor_country != "USA" for e in events), events


def test_what_an_accusation_claims_names_the_accused_not_the_accuser() -> None:
    events = extract_text("Ties between Oslo and Moscow soured amid accusations that Russia spied on Norwegian "
                          "lawmakers in 2023.")
    assert all(e.actor_country != "RUS" for e in events), events


def test_the_foreign_office_is_the_ministry_of_the_country_reporting() -> None:
    text = ('FO briefing\n\nISLAMABAD: "We reject these baseless claims by Kabul," said Foreign Office '
            'Spokesperson Ahmed Karim.\n')
    result = extract_document(document_from_bytes("fo.txt", text.encode("utf-8")))
    people = {e.name: e.country for e in result.entities if e.type == "person"}
    assert people == {"Ahmed Karim": "PAK"}, people
    assert all("GBR" not in (e.actor_country, e.target_country) for e in result.events), result.events


def test_by_after_the_object_of_an_active_verb_names_the_objects_maker() -> None:
    events = extract_text('"We reject these baseless claims by Kabul," the Pakistani foreign ministry said.')
    assert all(e.actor_country != "AFG" for e in events), events


@pytest.mark.parametrize("text", [
    "Qatar strongly condemned the suicide attack on a police station in Nigeria's Maiduguri, its foreign ministry "
    "said.",
    "Bahrain's foreign ministry also denounced the bombing in the Kenyan capital.",
])
def test_condemning_an_attack_in_a_country_blames_no_country(text: str) -> None:
    assert extract_text("Headline\n\n" + text) == [], extract_text("Headline\n\n" + text)


def test_the_return_of_refugees_to_their_homeland_is_not_taken_in_by_the_sender() -> None:
    events = extract_text("Islamabad and Tehran are drawing up a plan for the return of Afghan refugees to their "
                          "homeland.")
    assert all(e.relation != "acceptsDeportees" for e in events), events


def test_a_visit_to_a_place_at_home_is_not_hosted_by_the_dateline() -> None:
    events = extract_text("Headline\n\nSEOUL, May 3 (Yonhap) -- The ministry protested Japanese Education "
                          "Minister Kenji Maruyama's visit to a war shrine in Tokyo.")
    assert all(e.relation != "visits" for e in events), events


def test_a_retaliation_the_sentence_already_states_is_one_event() -> None:
    events = extract_text("Lima raised tariffs on Chilean wine. Hours later Santiago hit back, ordering its trade "
                          "minister to raise duties on Peruvian imports by 25 per cent.")
    triples = [(e.actor_country, e.relation, e.target_country) for e in events if e.sequence == 1]
    assert len(triples) == len(set(triples)), triples


def test_a_measure_noun_after_and_is_a_coordinated_noun_not_a_verb() -> None:
    events = extract_text("Headline\n\nPresident Ana Ruiz of Peru has reversed her decision to reject deportation "
                          "flights from the United States after President Donald Trump threatened to impose tariffs "
                          "and sanctions on the country.")
    assert ("PER", "threatenedSanctions", "USA") not in {(e.actor_country, e.relation, e.target_country)
                                                          for e in events}, events


def test_a_party_inside_the_charge_is_not_the_accused() -> None:
    events = extract_text("Headline\n\nLatvia's parliament on Monday approved new sanctions against Russia, "
                          "accusing the country of sending drones to Estonia.")
    assert ("LVA", "accuses", "EST") not in {(e.actor_country, e.relation, e.target_country) for e in events}


#: Wording that names parties without any of them doing the act it seems to tell: what another party is pushed
#: into, alleged, asked, feared or wished; an unnamed subject; a relative clause's subject; a noun after 'and'.
NO_SUCH_ACT = [
    ("The Secretary of State reiterated the United States' rejection of any forced displacement of Palestinians.",
     ("USA", "rejects", "PSE")),
    ("Talks on a trade agreement between Canada and India have been on hold since then.",
     ("CAN", "agreesToCooperate", "IND")),
    ("Bolivian President Luis Arce announced he was recalling his top diplomat in Lima.", ("BOL", "visits", "PER")),
    ("The deal allows Chinese police to be deployed at the request of Honiara.", ("SLB", "demands", "CHN")),
    ("Six Canadians who had been detained in Nicaragua were freed by the government of President Daniel Ortega.",
     ("CAN", "releasesDetainees", "NIC")),
    ("Brazil and Paraguay signed a deal on the free passage of Brazilian barges through Paraguayan waters.",
     ("PRY", "releasesDetainees", "BRA")),
    # 'rejected' as an adjective is no refusal (the deportations to Georgia are its acceptance, planned)
    ("Faeser said the accord would speed up deportations of rejected asylum seekers to Georgia.",
     ("GEO", "refusesDeportees", "DEU")),
    ("Faeser said the accord would speed up deportations of rejected asylum seekers to Georgia.",
     ("DEU", "refusesDeportees", "GEO")),
    ("Store asked for a pause in hostilities between the warring parties in Sudan.", ("NOR", "visits", "SDN")),
    ("Norway denied a report regarding an alleged visit of Norway's army chief to Chile.", ("NOR", "visits", "CHL")),
    ("Norway condemned the storming of its embassy in Khartoum by gunmen.", ("NOR", "accuses", "SDN")),
    ("Bolivia refutes allegations by Chile of supporting the rebels.", ("CHL", "rejects", "BOL")),
    ("Xi Jinping and Aleksandar Vucic upgraded their ironclad partnership. Macron hosted Xi in Paris.",
     ("CHN", "agreesToCooperate", "FRA")),
    ("Senegal's president said French troops would have to leave his country too.", ("SEN", "demands", "FRA")),
    ("Macron demanded the immediate release of two French nationals still held in Iran.",
     ("IRN", "releasesDetainees", "FRA")),
    ("Iran has released a French citizen, President Emmanuel Macron said on Thursday, demanding the release of two "
     "other French nationals held in Iran.", ("IRN", "demands", "FRA")),
    # a nationality describing a person is no party 'it' can point back to
    ("Juba's foreign ministry had initially said the deportee was a Congolese national and that it would not "
     "accept him.", ("COD", "refusesDeportees", "SSD")),
    ("Accra expressed concern over the recent decision of the United States Government to reduce the validity of "
     "visas issued to Ghanaian citizens.", ("GHA", "threatenedSanctions", "USA")),
    ("Hanoi said that the interference by Laos was unacceptable.", ("LAO", "accuses", "VNM")),
    ("LONDON (Reuters) - Russia said it was expelling two Estonian diplomats. The Foreign Ministry said it had "
     "summoned the Estonian envoy.", ("GBR", "accuses", "EST")),
    ("Ghana recalled its envoy in response to Togo's recognition of Kosovo.", ("GHA", "agreesToCooperate", "XKX")),
    ("Riyadh recalled its ambassador in protest at Qatar's interference in its affairs.", ("QAT", "accuses", "SAU")),
    ("Iran cautioned Iraq against cutting ties.", ("IRQ", "reducesCooperation", "IRN")),
    ("Moscow warned Oslo against expelling its diplomats.", ("RUS", "threatenedExpulsion", "NOR")),
    ("Mogadishu denounced the memorandum between Ethiopia and Somaliland as aggression.",
     ("SOM", "reducesCooperation", "ETH")),
    ("Mexico scrapped its duties on Brazilian steel on Friday.", ("MEX", "threatenedSanctions", "BRA")),
    ("Canada eased sanctions on Belarus in April.", ("CAN", "threatenedSanctions", "BLR")),
    ("Nepal and Bhutan held talks on Monday. Chile's president criticised the court's verdict as unfair.",
     ("CHL", "accuses", "NPL")),
    ("Eritrea and Egypt repeatedly violated the arms embargo on Somalia, UN experts said.",
     ("ERI", "threatenedSanctions", "SOM")),
    ("Huawei said in response that the German investigation is discriminatory.", ("CHN", "accuses", "DEU")),
    ("Kenya's foreign minister said Ethiopian troops should leave Somalia.", ("KEN", "threatenedExpulsion", "ETH")),
    ("Hanoi reiterated its call for peace talks between Laos and Cambodia.", ("LAO", "meetsWith", "KHM")),
    ("Kenya accused Uganda of provoking trouble on the lake.", ("UGA", "accuses", "KEN")),
    ("Ghana urged Togo to withdraw its troops from Burkina Faso.", ("GHA", "threatenedExpulsion", "TGO")),
    ("Kenya thanked Norway and Switzerland for helping negotiate the agreement.", ("NOR", "agreesToCooperate", "CHE")),
    ("Togo wasn't ready to sign the treaty with Ghana.", ("TGO", "agreesToCooperate", "GHA")),
    ("Mahama invited Senegalese President Bassirou Faye for a state visit to Ghana.", ("SEN", "visits", "GHA")),
    ("Officials in Bangkok blamed nobody yet for the blast near the Cambodian border.", ("THA", "accuses", "KHM")),
    ("Petro showed a video of migrants deported to Brazil in chains.", ("BRA", "acceptsDeportees", "COL")),
    ("A US contractor and a Venezuelan airline flew 90 migrants from Guantanamo Bay to Honduras and on to Caracas.",
     ("HND", "acceptsDeportees", "VEN")),
    ("Forty Tunisians who had been deported were sent back to Italy last month.", ("ITA", "acceptsDeportees", "TUN")),
    ("Lithuania threatened to cut diplomatic ties with Belarus over the balloons.",
     ("LTU", "reducesCooperation", "BLR")),
    ("Taiwanese troops fired warning shots toward Chinese boats in response.", ("TWN", "demands", "CHN")),
    ("US officers have warned that Chinese management of the port gives Beijing leverage over Peru.",
     ("USA", "demands", "CHN")),
    ("The chartered plane carrying 60 Peruvians deported from Chile landed in Tacna after a stop on the way to Lima.",
     ("CHL", "acceptsDeportees", "PER")),
    ("Germany said the suspect, a Tunisian, had been due to be deported to Italy last year.",
     ("ITA", "acceptsDeportees", "DEU")),
    ("Brazil imposed sanctions on a dozen countries. They were mostly in Africa, officials in Kenya and Ghana said.",
     ("BRA", "threatenedSanctions", "KEN")),
    ("Brazil hosted the regional talks on Monday. Caracas accused seven Latin American governments of meddling in its "
     "vote.", ("VEN", "accuses", "BRA")),
    ("Peru suspended the entry into force of its trade pact with Chile.", ("PER", "threatenedSanctions", "CHL")),
    ("Belize cut ties with Israel on Monday. Belize condemned the deaths of Palestinian civilians in Israel's strikes.",
     ("BLZ", "accuses", "PSE")),
    ("Benin and Niger had previously agreed to a similar arrangement when the Italian foreign minister, Marco Bellini, "
     "visited on a recent tour.", ("BEN", "agreesToCooperate", "NER")),
    ("Lima summoned the Bolivian ambassador to lodge a protest over the arrest of two Peruvian citizens.",
     ("BOL", "accuses", "PER")),
    ("Chancellor Olaf Scholz and President Cyril Ramaphosa discussed a ceasefire and the release of all hostages.",
     ("DEU", "releasesDetainees", "ZAF")),
    ("Fidan stressed that Turkey will never allow any attack on civilians in Iraq.", ("TUR", "rejects", "IRQ")),
    ("Wang said China and Vietnam should seize the opportunity to deepen ties.", ("CHN", "demands", "VNM")),
    ("Under the pact, every migrant who arrives illegally in Ireland will be sent back to Belgium in short order.",
     ("IRL", "acceptsDeportees", "BEL")),
    ("Norwegian officials have argued that Swedish goods face virtually zero tariffs in Norway.",
     ("NOR", "threatenedSanctions", "SWE")),
    ("Bogota's foreign ministry declined to comment on private negotiations with Quito.", ("COL", "rejects", "ECU")),
    # who boycotts or skips a meeting is not there; a private trip; hostages held in a place; a clause with its own
    # subject
    ("Lammy also boycotted a G20 foreign ministers' meeting hosted in Johannesburg.", ("GBR", "visits", "ZAF")),
    ("Lammy stayed away from the G20 foreign ministers' meeting in Pretoria last month.", ("GBR", "meetsWith", "ZAF")),
    ("The Ethiopian runner said she would visit her family in Nairobi before the championships.",
     ("ETH", "visits", "KEN")),
    ("Oman has hosted talks between the United States and Iran and negotiated the release of sailors held in Yemen.",
     ("IRN", "visits", "YEM")),
    ("The council cut ties with the UAE after drone strikes on Port Sudan that the army blamed on militias supplied "
     "by Abu Dhabi.", ("ARE", "accuses", "SDN")),
    ("Beijing could move its drills closer to Taiwan, moving them closer to the island's coast.",
     ("CHN", "shiftsTowardCooperation", "TWN")),
    ("Trump invoked a wartime law to deport 200 Salvadorans, despite a court ruling that sought to block the "
     "deportation.", ("USA", "refusesDeportees", "SLV")),
    # one's own ambassador summoned home is recalled, not the host summoned for a protest
    ("Sudan summoned its ambassador to Chad for consultation on Sunday.", ("SDN", "accuses", "TCD")),
    # the first party named is the first verb's object, not the subject of the coordinated verb
    ("The three Andean countries lambasted Russia's strikes on Ukraine and condemned the deaths of Ukrainian "
     "civilians.", ("RUS", "accuses", "UKR")),
    # a country that names talks is no partner; partners left unnamed are no guess; support for a thing
    ("Ankara has praised Cairo's mediation and role as negotiator in Gaza truce talks.",
     ("EGY", "agreesToCooperate", "PSE")),
    ("Seoul has sought to strengthen defence ties with other nations due to its concerns about China's behaviour.",
     ("KOR", "agreesToCooperate", "CHN")),
    ("Brazil's president promised to support the farm sector and work to ensure that Brazilian beef no longer sold to "
     "the US is bought by other countries.", ("BRA", "agreesToCooperate", "USA")),
    ("Khartoum cuts ties with Abu Dhabi, citing support for the militia", ("SDN", "threatenedSanctions", "ARE")),
    # fighter jets sent to a country and a war stopped in one are no trips there
    ("Turkish Defence Minister Yasar Guler said an agreement had been finalised to provide fighter jets to Indonesia.",
     ("TUR", "visits", "IDN")),
    ("The exchange, brokered by Qatar, saw 14 Dutch sailors released from Venezuelan custody.",
     ("QAT", "releasesDetainees", "VEN")),
    # a swap among several states is no release by each to every other, and a noun's object is never before it
    ("The swap took place in Oman on Friday and involved the release of prisoners by Iran, Italy, Spain, Norway and "
     "Finland.", ("ITA", "releasesDetainees", "ESP")),
    ("The swap took place in Oman on Friday and involved the release of prisoners by Iran, Italy, Spain, Norway and "
     "Finland.", ("IRN", "releasesDetainees", "OMN")),
    # the party whose sovereignty is breached is the victim, not the accused
    ("Kenya, Uganda and Rwanda on Monday criticised the Ethiopian raid, calling it a breach of Somalia's sovereignty.",
     ("KEN", "accuses", "SOM")),
    # a country naming a push or talks is no place anyone is in
    ("Ugandan envoy Ruth Nankabirwa set for meeting with Ruto in Somalia peace push", ("KEN", "visits", "SOM")),
    ("Ugandan envoy Ruth Nankabirwa set for meeting with Ruto in Somalia peace push", ("UGA", "visits", "SOM")),
    # the teller's own help, told: nothing is asked of the one told
    ("Japan's prime minister told President Prabowo Subianto on Monday that Tokyo would help fund Indonesia's ports.",
     ("JPN", "demands", "IDN")),
    # what an addressee is urged to insist on is not yet its demand
    ("Baltic leaders urged Albanese to insist that Xi agree to a trade truce.", ("AUS", "demands", "CHN")),
    # hoped for, guessed at, unreal or pressed for: no act
    ("Manila hopes Tokyo will impose export controls on Beijing.", ("JPN", "threatenedSanctions", "CHN")),
    ("The scrapped plan under which Tirana would have received migrants deported from Denmark drew protests.",
     ("ALB", "acceptsDeportees", "DNK")),
    ("Ecuador was under heavy pressure to receive migrants deported from Spain.",
     ("ECU", "acceptsDeportees", "ESP")),
    ("Many are speculating that Nauru would end its cooperation with Taiwan.", ("NRU", "reducesCooperation", "TWN")),
    ("The ministers of Chad and Niger praised efforts aimed at reaching a ceasefire in Sudan.",
     ("TCD", "agreesToCooperate", "NER")),
    # 'acceptable' is no acceptance of anyone
    ("Rabat has received nine deportees from Spain. \"We agreed with (Madrid) that the men were acceptable because "
     "all our fellow North African nationals need no visa,\" the minister said.", ("ESP", "acceptsDeportees", "MAR")),
    # countermeasures that the sentence names as sanctions are no second, generic threat
    ("The ministry said Beijing was \"taking firm countermeasures\" by imposing sanctions on six Japanese drone "
     "makers.",
     ("CHN", "threatened", "JPN")),
    # the noun 'control' after a transfer is nobody's act of controlling
    ("Opened by Britain in 1869, control of the canal was handed to Egypt in 1956.",
     ("GBR", "exertsInfluenceOn", "EGY")),
    ("London voiced concern about Chinese control at the canal's ports.", ("GBR", "exertsInfluenceOn", "CHN")),
    # a front line is no influence over a country
    ("A group of 90 Russian soldiers were repatriated from the territory controlled by Kyiv, the defence ministry in "
     "Moscow said.", ("UKR", "exertsInfluenceOn", "RUS")),
    # resuming deportation flights is taking people back, no thaw
    ("Havana will resume repatriation flights from the United States next month.",
     ("CUB", "shiftsTowardCooperation", "USA")),
    # a tariff paused is no tariff threatened
    ("Ottawa managed to pause a 25% tariff on Canadian goods for thirty days.", ("CAN", "threatenedSanctions", "USA")),
    # the spokeswoman who reports the protest is not whom it is against
    ("Manila summoned Beijing's deputy chief of mission and lodged a diplomatic protest, spokeswoman Ana Cruz said.",
     ("CHN", "accuses", "PHL")),
    ("The remarks may have undermined efforts to push Seoul into imposing tougher export controls on Pyongyang.",
     ("KOR", "threatenedSanctions", "PRK")),
    ("During the visit, Iraq reiterated its neutrality, refuting Turkish allegations of interference.",
     ("IRQ", "accuses", "TUR")),
    ("Lavrov thanked his hosts before visiting the Chinese Embassy in Moscow to sign a book of condolence.",
     ("RUS", "visits", "CHN")),
    ("The letter carried an official invitation from the Emir of Qatar to the Jordanian King to visit Doha.",
     ("JOR", "visits", "QAT")),
    ("South Korea lodged a complaint over Tokyo's sending of a vice minister to an event in Shimane pressing "
     "Japan's claim to the islets.", ("KOR", "demands", "JPN")),
    ("Pedro Sanchez and Ulf Kristersson criticised Erdogan's delaying tactics while insisting that Washington "
     "must send more air defence systems to Kyiv.", ("TUR", "demands", "USA")),
    ("Both Laos and Cambodia have rejected Western calls to condemn Tehran's nuclear programme.",
     ("LAO", "rejects", "IRN")),
    ("Ousted Malian president Ahmed Toure, toppled by weeks of street protests, arrived in Senegal on June 2.",
     ("MLI", "visits", "SEN")),
    ("Panama has taken in 90 migrants since April, most of them Cubans, accused of belonging to criminal gangs.",
     ("PAN", "accuses", "CUB")),
    ("During the meeting, Bukele thanked the Guatemalan leader for letting Washington use a jail in Guatemala.",
     ("SLV", "visits", "GTM")),
    ("Armenia frees 12 prisoners after French envoy visit", ("ARM", "releasesDetainees", "FRA")),
    ("Polish officials have discouraged its citizens from travelling to Belarus, citing safety risks.",
     ("POL", "visits", "BLR")),
    ("Estonian Foreign Minister Kaja Tamm warned last week that Belarus could attack Lithuania.",
     ("EST", "threatened", "BLR")),
    ("Hungary has vowed to veto new penalties, despite warnings that buying sanctioned Russian gas was risky.",
     ("HUN", "threatenedSanctions", "RUS")),
    ("Greek Prime Minister Nikos Dimas said he was always open to meeting Turkish President Ali Kaya.",
     ("GRC", "meetsWith", "TUR")),
    ("Bolivia turned away two US military planes on Monday, the latest case of a South American country blocking "
     "US military deportation flights.", ("USA", "refusesMilitaryDeportationFlights", "BOL")),
    ("Slovenia summoned Serbia's envoy, saying Serbian drones violated its airspace on Monday.",
     ("SRB", "accuses", "SVN")),
    ("China set up a new district in 2014, aiming to consolidate control over reefs in the area, including the "
     "Paracel Islands, which Vietnam claims.", ("CHN", "exertsInfluenceOn", "VNM")),
    ("The Thai army bulldozed a border post near the disputed strip claimed by Cambodia.",
     ("THA", "accuses", "KHM")),
    ("Ghana's president welcomed the Nigerian leader's offer to mediate.", ("GHA", "meetsWith", "NGA")),
    ("Argentina's leader pledged to buy more Brazilian beef.", ("ARG", "threatened", "BRA")),
    ("Economists warn that Washington may slap tariffs on Thai rice.", ("USA", "threatenedSanctions", "THA")),
    ("Some fear Belarus could expel more Lithuanian diplomats.", ("BLR", "threatenedExpulsion", "LTU")),
    ("Rumours spread on social media that Chile had asked Bolivia to close the border.", ("CHL", "demands", "BOL")),
    ("A false claim circulated online that Norway had expelled Iran's ambassador.",
     ("NOR", "threatenedExpulsion", "IRN")),
    ("Posts falsely claimed that Kenya had recalled its envoy from Somalia.", ("KEN", "reducesCooperation", "SOM")),
    ("Officials in Oslo said Sweden had been thanked for accepting the Danish deportees when Denmark refused to take "
     "them.", ("SWE", "acceptsDeportees", "DNK")),
    ("Austria accepted the Serbian deportees.", ("AUT", "acceptsDeportees", "SRB")),
    ("The demands included Minsk ending its support for the militias and downgrading diplomatic ties with Iran.",
     ("BLR", "reducesCooperation", "IRN")),
    ("The conditions were that Oman cut ties with Iran.", ("OMN", "reducesCooperation", "IRN")),
    ("Wang Yi opened the meeting by criticizing Japan for its new defence budget.", ("CHN", "meetsWith", "JPN")),
    ("The president has threatened to deport thousands of Cuban migrants.", ("CUB", "acceptsDeportees", "USA")),
    ("Chad, the United Arab Emirates (UAE) and Egypt broke an arms embargo on Sudan and a drone was likely behind a "
     "strike on a market, according to UN experts monitoring implementation of sanctions on Sudan.",
     ("TCD", "agreesToCooperate", "ARE")),
    ("Chad, the United Arab Emirates (UAE) and Egypt broke an arms embargo on Sudan and a drone was likely behind a "
     "strike on a market, according to UN experts monitoring implementation of sanctions on Sudan.",
     ("EGY", "threatenedSanctions", "SDN")),
    ("Omar Haidari, the acting head of Afghanistan's embassy in Tehran, spoke to reporters on Monday.",
     ("AFG", "visits", "IRN")),
    ("Senior Kenyan and Ugandan officials were due to meet in Kigali for negotiations on a border security "
     "agreement.", ("KEN", "agreesToCooperate", "UGA")),
    ("An Egyptian source denied reports that Cairo and Ankara are preparing to sign a defence agreement.",
     ("EGY", "agreesToCooperate", "TUR")),
    ("The truce, mediated by Qatar, Egypt and the United States, was welcomed by the UN.",
     ("QAT", "agreesToCooperate", "EGY")),
    ("He added that Peruvian leaders are eager to visit Bolivia at the earliest opportunity.",
     ("PER", "visits", "BOL")),
    ("During his meeting with Kenyan Foreign Minister Musalia Mudavadi, Dr Jaishankar underlined the country's "
     "commitment to the Global South.", ("KEN", "agreesToCooperate", "IND")),
    ("Under the deal, which followed a meeting in Madrid between Spanish Prime Minister Pedro Sanchez and Moroccan "
     "Prime Minister Aziz Akhannouch, Spain will fund two centres in Morocco.", ("ESP", "visits", "MAR")),
    ("Peru recalled its envoy from Ecuador after Ecuadorian President Noboa voiced his support for the strikers and "
     "condemned Peru's border patrols.", ("ECU", "agreesToCooperate", "PER")),
    ("Kenya and Somalia accuse Eritrea of arming the militias. A recent truce brokered by Ugandan President Yoweri "
     "Museveni has not held.", ("UGA", "agreesToCooperate", "KEN")),
    ("Malawi closed the border with Zambia. In Zambia, President Hakainde Hichilema has scheduled to chair a meeting "
     "of the National Security Council today to discuss a response.", ("ZMB", "meetsWith", "MWI")),
    ("Beijing has accused a Japanese lawmaker of interference and barred him from entering China and Hong Kong.",
     ("CHN", "threatenedSanctions", "HKG")),
    ("Last week, about 200 deportees arrived in Mexico and more than 80 arrived in Guatemala, the two countries "
     "said.", ("MEX", "acceptsDeportees", "GTM")),
    ("The Serbian minister said Serbia and Croatia must settle the border question together.",
     ("SRB", "demands", "HRV")),
    ("Officials in Madrid confirmed that the deportation flight, carrying 50 migrants, had arrived in Nouadhibou via a "
     "connection in Morocco.", ("MAR", "acceptsDeportees", "ESP")),
    # 'sanctioned' as approved, or describing goods under sanctions, is no measure
    ("Rwanda sent troops to a UN-sanctioned force in Somalia.", ("RWA", "threatenedSanctions", "SOM")),
    ("Pakistan kept importing sanctioned Iranian fuel.", ("PAK", "threatenedSanctions", "IRN")),
    ("Ghana's parliament officially sanctioned the deployment of police to Liberia.",
     ("GHA", "threatenedSanctions", "LBR")),
    # objections lifted are no complaint
    ("Cyprus lifted its objections to Serbia joining the bloc.", ("CYP", "accuses", "SRB")),
    # a violent act 'in' a country: the country is its site, no place visited, no party backed or blamed
    ("The Malian president hailed the offensive in Burkina Faso.", ("MLI", "visits", "BFA")),
    ("Senegal's foreign minister voiced support for the offensive in Mali.", ("SEN", "agreesToCooperate", "MLI")),
    ("Senegal's foreign minister voiced support for the offensive in Mali.", ("SEN", "visits", "MLI")),
    ("Ghana's president condemned the coup in Gabon.", ("GHA", "accuses", "GAB")),
    ("Ghana's president condemned the coup in Gabon.", ("GHA", "visits", "GAB")),
    ("Jordan has condemned the bombing in Mosul, Iraq, which killed several people.", ("JOR", "accuses", "IRQ")),
    # the party named in a charge against no state suffers the act or is part of the charge
    ("Nigeria condemned Boko Haram for firing rockets into Cameroon.", ("NGA", "accuses", "CMR")),
    ("Morocco vetoed a resolution condemning the Moroccan occupation of Mauritania.", ("MAR", "accuses", "MRT")),
    # the public's feeling is no grievance of the state it lives in
    ("Senegal heads to the polls amid public discontent over fuel costs, with the result shaping its balancing act "
     "between France and Russia.", ("SEN", "accuses", "FRA")),
    # 'takeovers in' takes nobody in; 'them' after 'calling' are the charges just named, not migrants
    ("The bloc, which opposes deportations, suspended Mali, Guinea and Burkina Faso over military takeovers in the "
     "three countries.", ("MLI", "acceptsDeportees", "GIN")),
    ("Azerbaijan deported 20 migrants to Turkey. Ankara has rebuffed the charges, calling them baseless.",
     ("TUR", "refusesDeportees", "AZE")),
    # 'cut a deal' makes one
    ("Uruguay and Paraguay are racing to cut a deal on beef exports.", ("URY", "reducesCooperation", "PRY")),
    # a government sending its own staff away evacuates them: nobody expels them
    ("Canada told its embassy staff in Iran to leave the country.", ("CAN", "threatenedExpulsion", "IRN")),
    ("Paris ordered non-emergency government workers and their family members to leave Lebanon because of security "
     "risks.", ("LBN", "threatenedExpulsion", "FRA")),
    # greetings sent and a party's act welcomed are no meeting
    ("President Petro sent greetings to President Noboa.", ("COL", "meetsWith", "ECU")),
    ("Lammy welcomed the opening of the Ghanaian Consulate in Leeds.", ("GBR", "meetsWith", "GHA")),
    # 'over what they called ...' is said by the main clause's subject; a stance's topic is not who holds it
    ("Kenya is expelling the Ugandan envoy over what they called hostile remarks made by the Ugandan defence minister.",
     ("UGA", "accuses", "KEN")),
    ("Morocco summoned the envoys of France and Belgium over what it called their reckless stance on Algeria.",
     ("MAR", "accuses", "DZA")),
    # a party named in what the blamed one is blamed for is not accused
    ("Venezuela condemned Washington and blamed it for Israel's strikes on Gaza.", ("VEN", "accuses", "ISR")),
    # a messenger of another country's grievance holds none of its own
    ("The envoy of Niger undertook to convey Mali's concerns to his government.", ("NER", "accuses", "MLI")),
    # the purpose of a summoning is the summoner's, however long the list of envoys summoned
    ("Morocco summoned the envoys in Rabat representing Spain, Portugal, Italy and Greece to protest against what "
     "it described as meddling in its affairs.", ("ESP", "accuses", "MAR")),
    # acts that did not happen: one's own trip called off, a denied report, talks judged a way forward, what
    # assurances are sought against, a signing called off
    ("The Italian prime minister called off a planned trip to Tunisia.", ("ITA", "reducesCooperation", "TUN")),
    ("Chile has denied reports that it had agreed to take in migrants deported from the United States.",
     ("CHL", "acceptsDeportees", "USA")),
    ("Peru's president said direct talks with Bolivia's leader offer the best way out of the dispute.",
     ("PER", "meetsWith", "BOL")),
    ("El Salvador plans to negotiate with US President Trump, seeking assurances against receiving deportees of "
     "other nations.", ("USA", "acceptsDeportees", "SLV")),
    ("The two presidents called off the signing of a gas deal between Serbia and Hungary.",
     ("SRB", "agreesToCooperate", "HUN")),
    # goods handed over in a story of deportations are no deportees
    ("Turkey deported 40 people. Norway announced funding for weapons to be handed over to Georgia from Finland.",
     ("GEO", "acceptsDeportees", "FIN")),
    # a measure blocked, opposed or faced is no measure of the one who blocks, opposes or faces it
    ("Slovakia's premier threatened to block new EU sanctions against Belarus.", ("SVK", "threatenedSanctions", "BLR")),
    ("Malta will not support the renewal of EU sanctions against Eritrean officials.",
     ("MLT", "threatenedSanctions", "ERI")),
    ("The talks assured Greece it would not suffer losses from later steps, including an embargo on Libyan crude.",
     ("GRC", "threatenedSanctions", "LBY")),
    ("The deal assured Greece it would not face heavy losses from later steps, including an embargo on Libyan crude.",
     ("GRC", "threatenedSanctions", "LBY")),
    # talks that kept the parties apart, that show a gap, that are wished for, or held with a third party
    ("The foreign ministers of Kenya and Somalia were in Addis Ababa for a meeting of the dialogue on the restoration "
     "of ties. But they held only separate meetings with the AU mediator.", ("KEN", "meetsWith", "SOM")),
    ("The foreign ministers of Kenya and Somalia were in Addis Ababa for a meeting of the dialogue on the restoration "
     "of ties. But they held only separate meetings with the AU mediator.", ("KEN", "shiftsTowardCooperation", "ETH")),
    ("The collapsed talks exposed the rift between Niger and Benin.", ("NER", "meetsWith", "BEN")),
    ("The prime ministers of Spain and Portugal met NATO officials in Brussels.", ("ESP", "meetsWith", "PRT")),
    ("Ecuador's government has advocated for peace talks with Colombia.", ("ECU", "meetsWith", "COL")),
    # a diplomat ordered out does not expel the country he is posted to
    ("Sweden ordered Omar Haddad, the first secretary of the Syrian Embassy in Stockholm, to leave the country.",
     ("SYR", "threatenedExpulsion", "SWE")),
    # what the one who denounces a decision calls it is no charge by the party whose decision it is
    ("Hungary's foreign ministry denounced Romania's decision to shut the crossing as a hostile step.",
     ("ROU", "accuses", "HUN")),
    # what an attempt would force is not done; a plan that a that-clause's subject has is no programme launched
    ("Vucic dismissed the proposal as an attempt to force Serbia's recognition of Kosovo.",
     ("SRB", "agreesToCooperate", "XKX")),
    ("The minister called the talks an effort to extract Spain's recognition of Kosovo.",
     ("ESP", "agreesToCooperate", "XKX")),
    ("Slovak Prime Minister Robert Fico announced today that Slovakia has a plan to shut its border crossings with "
     "Ukraine for good.", ("SVK", "launchedProgram", "")),
    # blame named with its givers after 'from' is received by the party before it
    ("Orban's trip to Minsk drew sharp rebukes from fellow EU leaders.", ("HUN", "accuses", "BLR")),
    # those who broker or mediate a deal are go-betweens, neither its parties nor partners of each other
    ("The two defence ministers signed the accord brokered by Norway, Egypt and the Arab League in the presence of "
     "British Foreign Secretary David Lammy.", ("NOR", "agreesToCooperate", "EGY")),
    ("The foreign ministers of Ethiopia and Eritrea signed a framework mediated by Doha.",
     ("QAT", "agreesToCooperate", "ERI")),
    # backing a nation's rebels is no cooperation with that nation
    ("Somalia recalled its envoy. The minister said it was a response to Kenya's alleged support for Somali "
     "militants.", ("KEN", "agreesToCooperate", "SOM")),
    # a tie named after 'and' behind what is ended is ended too
    ("Bolivia said it had ended all trade deals and cooperation with Paraguay.", ("BOL", "agreesToCooperate", "PRY")),
    # the one who faces a charge is accused, not accusing
    ("Rwanda signed a deal with Congo. Rwanda has faced accusations of arming the militia, claims it denies.",
     ("RWA", "accuses", "COD")),
    # the owner of a thing described 'as hostile' is the one described
    ("Mongolia's note called the incursion a provocation, sharply denouncing Kazakhstan's moves as reckless.",
     ("KAZ", "accuses", "MNG")),
    # what a party does not comment on is no act of its own
    ("Laos declined to comment on the recall of the envoys but announced a ban on imports from Vietnam.",
     ("LAO", "reducesCooperation", "VNM")),
    # a region that broke away is the party, not the state it broke away from
    ("Worries grew after Uganda signed a disputed deal with the breakaway Moldovan region of Transnistria.",
     ("UGA", "agreesToCooperate", "MDA")),
    ("Concern grew after Egypt signed a port deal with Somalia's separatist region of Somaliland.",
     ("EGY", "agreesToCooperate", "SOM")),
    # a trip someone is urged to make is not made
    ("Ruto also urged Lula to attend the coming summit in Accra in June.", ("BRA", "visits", "GHA")),
    # meeting one's own forces abroad is a visit to the place, no meeting with its state
    ("Ruto will meet Kenyan police in Haiti on Friday.", ("KEN", "meetsWith", "HTI")),
    # what an armed group signs at a rally a state hosts is no act of that state
    ("Somalia's foreign ministry announced the recall of its envoy on Monday, condemning Kenya's hosting of a rally "
     "where the militia and its allies signed what they called the Somalia Unity Charter.",
     ("KEN", "agreesToCooperate", "SOM")),
    # 'it' in a relative clause on a party's case is that party
    ("The tribunal dismissed Guyana's complaint against Suriname, in which it accused the neighbour of seizing a "
     "rig.", ("SUR", "accuses", "GUY")),
    # a country named between an owner and a noun is the topic of the thing owned, no party to the protest
    ("Ankara summoned the Dutch ambassador in its latest protest over Prime Minister Schoof's Armenia remarks.",
     ("NLD", "accuses", "ARM")),
    # works released are no captives; a military offensive is no insult
    ("Tehran delayed the release of French movies and music.", ("IRN", "releasesDetainees", "FRA")),
    ("Speaking in Minsk, Kazakhstan's president called the offensive against Kyrgyzstan a just cause.",
     ("KAZ", "accuses", "KGZ")),
    # a meeting called of one's own council, or only intended or thought of, is no meeting with another state
    ("Prime Minister Pedro Sanchez convened a national security council meeting to address Morocco's provocations.",
     ("ESP", "meetsWith", "MAR")),
    ("She said Argentine President Javier Milei has conveyed his intention to personally meet with Santiago Pena as "
     "soon as possible.", ("ARG", "meetsWith", "PRY")),
    ("Colombia's foreign minister dismissed the idea of Gustavo Petro meeting with Ecuadorian President Daniel Noboa.",
     ("COL", "meetsWith", "ECU")),
    # the owner of what is condemned 'as reckless' judges nobody
    ("Philippine President Ferdinand Marcos condemned Beijing's manoeuvres as reckless and dangerous.",
     ("CHN", "accuses", "PHL")),
    # a party named in a description of the one before it ('China, Tonga's biggest creditor') is no partner
    ("Fiji has moved closer to China, Tonga's biggest external creditor.", ("FJI", "shiftsTowardCooperation", "TON")),
    # 'its ... and its accusations' stand for one party; a party owning a description of the subject is no subject
    ("Beijing punished Lithuania over its ties with Taiwan and its accusations that China was behind a hacking "
     "attack.", ("TWN", "accuses", "CHN")),
    ("France, Armenia's closest European partner, condemned the strikes carried out by Azerbaijan.",
     ("ARM", "accuses", "AZE")),
    # a party in a clause of its own after 'after' is no target; craft that change course change no policy; calls
    # owned by a party are that party's
    ("Moscow said Finland made baseless accusations after two jets flying to Estonia changed course.",
     ("FIN", "accuses", "EST")),
    ("Moscow said Finland made baseless accusations after two jets flying to Estonia changed course.",
     ("FIN", "shiftsTowardCooperation", "RUS")),
    ("Belarus suspended grain deliveries after it imposed trade sanctions in response to Lithuania's calls for an "
     "investigation.", ("BLR", "demands", "LTU")),
    # what the teller says it will do itself asks nothing of the one told
    ("India told Pakistan on Sunday that it would suspend all imports from the country.", ("IND", "demands", "PAK")),
    # the ones threatened with halted deals halt nothing
    ("Rubio said Washington had threatened Peru and Chile with suspended trade deals unless they ended the dispute.",
     ("PER", "reducesCooperation", "CHL")),
    # what a year is ended with is kept, not ended
    ("Vienna and Prague ended the year with an uneasy truce.", ("AUT", "reducesCooperation", "CZE")),
    # a negation reaches past a hyphenated adjective; no hurry is no refusal; a refusal only guessed at, or an act
    # asked about in a question, is none
    ("Kenyan President William Ruto has not yet held a full-scale meeting with Nigerian President Bola Tinubu.",
     ("KEN", "meetsWith", "NGA")),
    ("Seoul is not in a hurry to negotiate with Tokyo.", ("KOR", "rejects", "JPN")),
    ("Canberra may dismiss Jakarta's threats of retaliation.", ("AUS", "rejects", "IDN")),
    ("Could Berlin seek a bargain so broad, perhaps through the lifting of sanctions on Belarus, that it would weaken "
     "Minsk's ties with Moscow?", ("DEU", "shiftsTowardCooperation", "BLR")),
    # parties listed as one subject, with a clause break before the trigger, act on the main verb's object, not on
    # each other; support cut to armed groups is no measure against a state
    ("Ghana and Togo tried to isolate the putschists, freezing cooperation programmes in several sectors.",
     ("GHA", "reducesCooperation", "TGO")),
    ("Uganda and Rwanda signed a truce at the White House. The deal obliges Uganda and Rwanda to stop fighting and "
     "halt support for rebel militias.", ("UGA", "threatenedSanctions", "USA")),
    # onlookers who open a clause of their own (', while others, including ...') are no parties of the deal
    ("Emmanuel Macron, who hosted the signing ceremony, hailed the accord as historic, while others, including the AU, "
     "Kenya and India, also praised it.", ("FRA", "agreesToCooperate", "KEN")),
    # guests received or met in a row by a host of no known country do not meet each other
    ("On Friday, Okafor also received Vietnamese Vice President Vo Thi Anh Xuan, Lao Deputy Foreign Minister "
     "Phoxay Khaykhamphithoune and Cambodian Senator Hun Many at the palace.", ("VNM", "meetsWith", "LAO")),
    ("In a radio address, Okafor said it was a great pleasure meeting Chinese Vice President Han Zheng, Thai Deputy "
     "Prime Minister Anutin Charnvirakul and Japanese Foreign Minister Yoko Kamikawa.", ("CHN", "meetsWith", "THA")),
    # a measure's ground that is a third party's conduct charges no target of the measure
    ("Riga expelled the Belarusian envoy over Russia's aggression against Ukraine.", ("LVA", "accuses", "BLR")),
    # a rejection in a clause after 'that' with no proposal before it rejects nobody named
    ("Lisbon said that Luanda rejected it.", ("AGO", "rejects", "PRT")),
    # the object of an opening concessive clause is not listed with the main clause's 'it'
    ("Although Oslo has criticised Minsk, it has moved closer to Washington.",
     ("BLR", "shiftsTowardCooperation", "USA")),
    # 'the island nation' is no state that is not an island ('Sweden')
    ("Sweden's foreign minister visited Malta. The island nation then recalled its envoy from Minsk.",
     ("SWE", "reducesCooperation", "BLR")),
    # opposing a measure on a party rejects whoever takes the measure, not the party it is on
    ("Bratislava opposes fresh EU sanctions on Tehran.", ("SVK", "rejects", "IRN")),
    ("Serbia opposes new sanctions on Belarus.", ("SRB", "rejects", "BLR")),
    # 'They' after a list of ministers is the list, not the party the list condemned
    ("The foreign ministers of Spain, Portugal and Italy condemned in the strongest terms Russia's strikes on the "
     "capital of Moldova. They underscored their commitment to Moldova's sovereignty.",
     ("RUS", "agreesToCooperate", "MDA")),
    # a hostile act reported by a state is charged by the reporter, not done by the doer to the reporter
    ("Lusaka said the patrol boat was sunk in a deliberate hostile act by the Malawian navy.",
     ("MWI", "accuses", "ZMB")),
    ("Bamako said the helicopter was shot down by Algerian forces.", ("DZA", "threatened", "MLI")),
    ("Baku said the armed group behind the blasts was funded by Tehran.", ("IRN", "exertsInfluenceOn", "AZE")),
    # onlookers' judgements are no party's charge
    ("Analysts said that Bolivia's move was a deliberate provocation against Chile.", ("BOL", "accuses", "CHL")),
    # a joint statement's parties aim at no one the report is about unless their sentence names it
    ("Foreign ministers from Ghana, Togo and Benin joined the talks in Abuja. The ministers firmly condemned grave "
     "breaches of the African Union charter.", ("GHA", "accuses", "NGA")),
    # a people named with no count is a mission's staff or a nation, not deportees
    ("Portuguese Prime Minister Luis Montenegro told reporters that the decision to expel the Russians rested on "
     "clear evidence.", ("RUS", "acceptsDeportees", "PRT")),
    ("Rabat said that expelling Algerians from the border towns would be an injustice.",
     ("DZA", "acceptsDeportees", "MAR")),
    # 'PNG' in diplomatic copy is persona non grata
    ("A PNG declaration on a foreign diplomat prohibits that person from entering Canada.",
     ("PNG", "threatenedSanctions", "CAN")),
    # an anniversary remembers an act, it tells none
    ("Ghana and Cuba are marking the 60th anniversary of the establishment of diplomatic relations, the ministry "
     "said.", ("GHA", "agreesToCooperate", "CUB")),
    # appeals, positions or initiatives rejected are someone's only when their owner is named with them
    ("Turkey recalled its envoy, citing Israel's rejection of appeals for a ceasefire.", ("ISR", "rejects", "TUR")),
    # 'During his meeting with X, Y said': the meeting is the main clause's subject's, not the last person's before
    ("Indian Foreign Minister Subrahmanyam Jaishankar was in Jakarta on Friday. During his meeting with Japanese "
     "Foreign Minister Takeshi Iwaya, Prabowo Subianto said Indonesia and Japan would deepen ties.",
     ("IND", "meetsWith", "JPN")),
    # the callers of 'called on the M23 to stop' do not meet each other: the one called on is named, and no state
    ("In a joint statement, Canada, along with the envoys of Belgium and Norway, on Friday condemned the rebel "
     "advance and called on the M23 to cease hostilities.", ("CAN", "meetsWith", "BEL")),
    # the duties of an office are no levies
    ("Algeria recalled its envoy from Mali, and its new ambassador to Niger would delay taking up his duties.",
     ("MLI", "shiftsTowardCooperation", "DZA")),
    # pressure on a party to cut ties cuts none: the party asked is to act, the one pressing does not
    ("Washington's pressure on Panama to cut ties grew.", ("USA", "reducesCooperation", "PAN")),
    # a party under pressure to accept deportees has not accepted them
    ("Nigeria has come under heavy pressure from Washington to accept the deportees.",
     ("NGA", "acceptsDeportees", "USA")),
    # a place in an opening of concession or setting is where others react, not the venue of a meeting
    ("Despite grumblings in Beijing, the Kenyan president held talks with Japan's prime minister.",
     ("KEN", "visits", "CHN")),
    # a country where a condemned act happens is no doer of it, and none is guessed
    ("Kenya condemned the rebel advance in eastern Congo on Saturday.", ("KEN", "accuses", "COD")),
    # an object that names no one ('blamed nobody') makes no charge
    ("Thai officials blamed nobody yet for the blast near the Cambodian border.", ("THA", "accuses", "KHM")),
    # the one a letter or a message is sent to is not of the sender's side: his acts are not the sender's
    ("In a letter to President Ahmed Fathy, Biden urged Egypt to open the crossing. Fathy refused and accused "
     "Israel of blocking aid.", ("USA", "accuses", "ISR")),
    ("Putin sent a letter to President Omar Diallo last week. Diallo accused France of arming the rebels.",
     ("RUS", "accuses", "FRA")),
    # a title before a known Gulf ruler's name does not leave him to the country of the guest he receives
    ("Emir Sheikh Tamim bin Hamad Al Thani received the Turkish president in Doha and urged Israel to halt the "
     "strikes.", ("TUR", "demands", "ISR")),
    # the partner of a pact is the one left: a headline's actor that is the partner leaves nothing
    ("Kremlin regrets exit from a pact with Russia\n\nArmenia's lawmakers voted to leave the accord on Tuesday, a "
     "step Moscow called unfriendly.", ("RUS", "reducesCooperation", "ARM")),
    # a party that withdrew its own troops expels no one; the order to leave is told in its own clause
    ("Britain withdrew its troops from Oman after the sultanate ordered them to leave.",
     ("GBR", "threatenedExpulsion", "OMN")),
    # troops owned by 'its' are not the people of the place they leave
    ("Uganda withdrew its troops from South Sudan under pressure from Kenya.", ("KEN", "demands", "SSD")),
    # ending the presence of troops in a third country is no expulsion by the one who wants it
    ("Moscow wants to end the presence of Turkish forces in Syria.", ("RUS", "threatenedExpulsion", "TUR")),
    # asked not to withdraw its troops: the opposite of an expulsion (a demand all the same)
    ("Washington urged Seoul not to withdraw its troops from the border too soon.",
     ("USA", "threatenedExpulsion", "KOR")),
    # a decision taken back is no act: the refusal it was about no longer stands
    ("Honduras reversed its decision to reject deportation flights from the United States.",
     ("HND", "refusesDeportees", "USA")),
    ("Peru backtracked on its plan to expel the Bolivian ambassador.", ("PER", "threatenedExpulsion", "BOL")),
    # a clause on the actor set off by commas names no target of its act
    ("Kenya, whose nationals make up most deportees flown to Tanzania, criticised the plan.",
     ("KEN", "accuses", "TZA")),
    # backing a leader out of office is no cooperation with his state
    ("France reiterated its support for the ousted Nigerien president Mohamed Bazoum.",
     ("FRA", "agreesToCooperate", "NER")),
    ("France voiced support for Niger's deposed president Mohamed Bazoum.", ("FRA", "agreesToCooperate", "NER")),
    # the partner of a deal shown as the country people seek asylum in sends them, it does not take them
    ("Uganda has entered an agreement with the US to take in migrants who may not get asylum in the US.",
     ("USA", "acceptsDeportees", "UGA")),
    # 'the country' in a speaker's words is not the speaker's own country
    ("U.S. Secretary of State Marco Rubio said the decision to cut visas for Ghanaians came because the country's "
     "government had refused to take back its citizens deported from the United States.",
     ("USA", "refusesDeportees", "GHA")),
    # the receiver of a note is not the one who demands what it demands
    ("Lima handed the Chilean envoy a note demanding an apology.", ("CHL", "demands", "PER")),
    # the party after 'warned that' is what is said, not who says it
    ("Pyongyang's supreme military decision-making body lashed out on Friday at the planned joint US-Japanese naval "
     "manoeuvres off the coast and warned that Tokyo will face harsh consequences.", ("JPN", "threatened", "PRK")),
    # lifting export controls on a party's goods is easing, not influence over it
    ("Bolivia and Peru agreed to lift export controls on Chilean copper.", ("BOL", "exertsInfluenceOn", "CHL")),
    # a noun trigger with a passive predicate of its own: what precedes the agreement is no party to it
    ("The recent agreement was preceded by visits by Qatari officials to Washington and Tehran.",
     ("QAT", "agreesToCooperate", "USA")),
    # the owner of frozen funds does not lift the ban on them
    ("Ali Bagheri, Iran's negotiator, said Iranians jailed in the United States would walk free, on top of "
     "lifting the ban on Tehran's frozen funds.", ("IRN", "shiftsTowardCooperation", "USA")),
    # going to one's home country is no visit to the host of the dateline
    ("ISLAMABAD (Reuters) - Pakistan will not let Iran's ambassador, who was visiting his home country, come back, a "
     "spokeswoman said.", ("IRN", "visits", "PAK")),
    # a party inside a relative clause after the trigger's object is the object of that clause's verbs
    ("Canberra is seeking to deepen its alliance in Southeast Asia that saw Albanese attend a regional summit, visit "
     "the Philippines and upgrade ties with Vietnam.", ("AUS", "agreesToCooperate", "PHL")),
    # a pact told in a clause of a critic names only its own parties; a go-between is no party of what it brokers
    ("Sweden has sounded the alarm about the security agreement between Iran and Niger, arguing the pact was "
     "negotiated in secret.", ("SWE", "agreesToCooperate", "IRN")),
    ("Norway welcomed the signing of Niger's defence pact with Iran.", ("NOR", "accuses", "NER")),
    ("Armenia and Azerbaijan began a prisoner swap through the mediation of Georgia.",
     ("ARM", "releasesDetainees", "GEO")),
    ("Oman facilitated dialogue between the US and Iran.", ("USA", "meetsWith", "IRN")),
    # a judgement of what another should choose to do asks nothing of it
    ("Chile said it was deeply unfortunate that Peru should choose to raise duties on its wine.",
     ("CHL", "demands", "PER")),
    # news received ('confirmation has been received that') is no guest received
    ("According to the Moldovan premier, confirmation has been received that Romania will send envoys in the coming "
     "weeks.", ("MDA", "meetsWith", "ROU")),
    # parties that give way to a third party's pressure agree with it, not with each other
    ("Both Belgium and Denmark agreed to limit their exports after coming under pressure from Washington.",
     ("BEL", "agreesToCooperate", "DNK")),
    # a recipient stopping aid sanctions nobody; a suspension told as a noun is no offer of aid
    ("Mali suspends Swedish aid.", ("MLI", "threatenedSanctions", "SWE")),
    ("Mali has announced the suspension of Swedish development aid programmes in the country.",
     ("MLI", "agreesToCooperate", "SWE")),
    # control sought in talks is no control held
    ("Turkey is in advanced talks with Sudan to run a port on the Red Sea.", ("TUR", "exertsInfluenceOn", "SDN")),
    # sanctions a party expects against its own country are a forecast, not its demand
    ("The Georgian premier said he expects Britain to follow Washington and impose its own sanctions against the "
     "Georgian bank.", ("GEO", "demands", "GBR")),
    # a country named only as where the speaker stood is not whom a vague threat is aimed at
    ("MOSCOW: The Russian foreign minister said on Friday that Moscow would respond to the expulsion of its envoys "
     "from European states.\n\nHe was talking to reporters at a conference in the Uzbek capital.",
     ("RUS", "threatened", "UZB")),
    # the venue of a body's gathering is no party met
    ("Kenya's foreign minister spoke at an African Union meeting in Malabo on Wednesday.", ("KEN", "meetsWith", "GNQ")),
    # the ground armed groups hold is not who is asked to stop backing them
    ("The British foreign secretary said backing for militias in Mali has to stop.", ("GBR", "demands", "MLI")),
    # one of no stated country is not of the countries he visits or whose people he meets
    ("Foreign Minister Ahmed Karimov met with his Chinese counterpart Wang Yi in Beijing. He later travelled to Tehran "
     "for talks with Iranian officials.", ("CHN", "meetsWith", "IRN")),
    ("Foreign Ministry spokesman Amir Rezaei on Sunday dismissed the allegations made by Saudi Foreign Minister "
     "Faisal bin Farhan against Iran as baseless.", ("SAU", "rejects", "IRN")),
    # going on to another act is no journey
    ("President Erdogan went on to accuse Athens of arming the islands.", ("TUR", "visits", "GRC")),
    # the one a protest is delivered to does not make it
    ("The Canadian ambassador was notified of a strong protest by the Russian Foreign Ministry.",
     ("CAN", "accuses", "RUS")),
    # 'her' in an opening 'During her visit,' is the main clause's subject, not the host named before
    ("Japan's foreign minister arrived in Kathmandu on Sunday for talks with Deputy Prime Minister Narayan Shrestha. "
     "During her visit, the Japanese minister also called on Prime Minister Dahal.", ("NPL", "visits", "JPN")),
    ("Oman facilitated indirect talks between Washington and Tehran on the prisoner exchange.",
     ("OMN", "agreesToCooperate", "USA")),
    # a deal cited as broken was agreed before; a mention of a party is charged to who made it, not to the party
    ("Pyongyang said the exercises breached the accord between North Korea and the United States.",
     ("PRK", "agreesToCooperate", "USA")),
    ("China lodged a protest over references to Taiwan in the G7 communique.", ("CHN", "accuses", "TWN")),
    # suspending a country's media outlets is no sanction on that country
    ("Bamako has since expelled French soldiers and suspended several French media outlets.",
     ("MLI", "threatenedSanctions", "FRA")),
    # a refusal asked of someone is not made; the office holder after a country's name is the one asked
    ("Australian minister Zed Seselja flew in on Monday. Seselja took time off the campaign last week to visit "
     "Suva and to ask Fiji's prime minister Sitiveni Rabuka \"respectfully\" to consider not signing the pact "
     "with China.", ("FJI", "rejects", "CHN")),
    ("Australia asked Fiji's prime minister Sitiveni Rabuka to reconsider the pact.",
     ("FJI", "reducesCooperation", "AUS")),
    # military rulers no country was said to have are not the country their clause accuses
    ("France recalled its envoy from Niger. The military government accused Paris of meddling.",
     ("FRA", "accuses", "NER")),
    # an expulsion the subject protests is not its own act, whether or not its doer is named
    ("Bolivia criticised the expulsion of its ambassador from Peru.", ("BOL", "threatenedExpulsion", "PER")),
    ("Peru condemned the expulsion of Ecuador's ambassador.", ("PER", "threatenedExpulsion", "ECU")),
    # planes kept from landing were not let in
    ("Two US military planes with migrants were blocked from landing in Brazil.",
     ("BRA", "allowsMilitaryDeportationFlights", "USA")),
    # a party named in an opening participle phrase is what the subject faced, not the subject
    ("Guinea ends its defence pact with Spain.\n\n'Faced with Spain's hostile attitude,' the junta 'decided to scrap "
     "the cooperation agreements'", ("ESP", "reducesCooperation", "GIN")),
    # 'was told that': a passive of saying; the words after 'that' are what was said, no verdict of the one told
    ("The British side was told that any hostile act against Iran would be answered, the ministry said.",
     ("GBR", "accuses", "IRN")),
    # a charge judged by the one it was made against is answered, not made again
    ("Ottawa accused Delhi of meddling, a charge India's foreign minister said was absurd.", ("IND", "accuses", "CAN")),
    # a gallery caption with its own credit on the line tells of a photo, not of the report's events
    ("1 of 3 | Peruvian President Dina Boluarte arrives in Brasilia on March 2. Photo by Ana Ruiz/EPA\nLIMA, March 4 "
     "(Reuters) - Peru said on Monday it would reopen its border with Bolivia.", ("PER", "visits", "BRA")),
    # a firm licensed to operate somewhere puts no official there
    ("The row ended after Trump decided to revoke the licence of US energy firm Exxon to operate in Guyana.",
     ("USA", "visits", "GUY")),
    # a party whose envoy or people suffer an act condemned is its victim, not the accused
    ("Peru condemned the expulsion of Ecuador's ambassador.", ("PER", "accuses", "ECU")),
    ("Peru condemned the detention of Chilean fishermen.", ("PER", "accuses", "CHL")),
    # a participle after the people it describes names no accuser
    ("Ukraine sacked two commanders blamed for Russia's advance in the east.", ("UKR", "accuses", "RUS")),
    # a measure owned by a union of states is not the act of the party that backed it
    ("France, which backed the EU's tariff increase on Chinese cars, expects Beijing to retaliate.",
     ("FRA", "threatenedSanctions", "CHN")),
    # a passive leave order told in the first person befalls the speaker's side: the speaker expels nobody
    ("MINSK: The Belarusian foreign minister on Monday promised to answer the expulsion of its envoys from the "
     "Baltic states.\n\n\"When a diplomat or two are asked to leave the country while we are quietly offered "
     "apologies, we are sure that this follows heavy pressure, which has become the chief instrument of Warsaw "
     "abroad,\" he said.", ("BLR", "threatenedExpulsion", "POL")),
    # a minister meeting his Chilean counterpart, arrived after trips to Peru and Bolivia, is of none of them
    ("Minister Ardiles meets Chilean counterpart\n\nForeign Minister Tomas Ardiles met his Chilean counterpart Rosa "
     "Vidal in Santiago today.\n\nHe arrived there after visits to Peru and Bolivia.", ("CHL", "visits", "PER")),
    ("Foreign Minister Tomas Ardiles met his Chilean counterpart in Santiago on Monday.\n\nArdiles reached Santiago "
     "after visits to Peru and Bolivia, and he will next travel to Argentina.", ("ARG", "visits", "PER")),
    # a survey of all aspects of ties is the agenda of talks; a topic in its list is no agreement
    ("Uzbekistan and Kazakhstan will review all aspects of bilateral relations, including trade, gas supply, rail "
     "links and the facilitation of transit cargo.", ("UZB", "reducesCooperation", "KAZ")),
    ("Uzbekistan and Kazakhstan will review all aspects of bilateral relations, including trade, gas supply, rail "
     "links and the facilitation of transit cargo.", ("UZB", "agreesToCooperate", "KAZ")),
    # in a match report players are no states: a grand slam is no charge
    ("Spain's Marta Ruiz won her third grand slam title after beating American Ana Costa in the Wimbledon singles "
     "final, hitting 12 aces and taking both tie-breaks.", ("ESP", "accuses", "USA")),
    # people returned to a country are carried there; a team a state dispatches is not the state travelling
    ("Italy's interior minister said the men were expected to be returned to Albania within days.",
     ("ITA", "visits", "ALB")),
    ("A medical team dispatched by Japan's government arrived in Nepal on Friday.", ("JPN", "visits", "NPL")),
    # a place right after a verb of meeting is where they meet, not whom they meet
    ("Brazil's foreign minister will meet in Durban on Friday, his office said.", ("BRA", "meetsWith", "ZAF")),
    # a tour of a region visits no country of the document by itself
    ("Chinese premier's tour of Africa\n\nChinese ministers signed 16 deals with their Ethiopian counterparts on "
     "Monday.", ("CHN", "visits", "ETH")),
    # a visit to a named site is no visit to the other side of the document
    ("South Korea's president cancelled his trip, angered by visits by Japan's prime minister to the Yasukuni "
     "shrine.", ("JPN", "visits", "KOR")),
    # the West accused is no country named in the content of the charge
    ("The Kremlin accused the West of stoking fears with claims that Russia was about to attack its neighbour "
     "Ukraine.", ("RUS", "accuses", "UKR")),
    # a group of states named as the other side, which no list resolves, is no cue to guess the document's other side
    ("Beijing criticises ministers' statement\n\nChinese Foreign Ministry spokesman Lin Wei commented on the "
     "statement issued after the meeting of the Group of Seven foreign ministers in Italy. He also accused the Seven "
     "countries of meddling in China's internal affairs.", ("CHN", "accuses", "ITA")),
    # a country's allies or partners act, unnamed; the country only says whose they are
    ("US allies imposed sanctions on Belarus after the election.", ("USA", "threatenedSanctions", "BLR")),
    ("Moscow's partners condemned the air strikes on Syria.", ("RUS", "accuses", "SYR")),
    # 'without' names what is missing: talks that ended without a deal end no deal
    ("The talks in Doha between Qatar and Iran ended without a deal on Friday.", ("IRN", "reducesCooperation", "QAT")),
    # a war crime condemned whose doer the sentence names no party for: nobody is guessed as its doer
    ("Cairo condemned a raid carried out by gunmen on a clinic in the Libyan town of Derna. \"We condemn this war "
     "crime,\" the ministry said.", ("EGY", "accuses", "LBY")),
    # a group of states one takes from, unnamed, is the other side: no guess of the document's main country
    ("Cambodia refuses to take back its deportees. The United States accepts the return of its own citizens from "
     "foreign governments.", ("USA", "acceptsDeportees", "KHM")),
    # the steps others took repeat the act, not the reason given with it
    ("Moldova expelled two Russian diplomats, saying they had interfered in its affairs. Bulgaria took similar steps.",
     ("BGR", "accuses", "RUS")),
    # the ground named after a second party's measure is that party's, not the first's
    ("Hungary expelled two Czech diplomats after Prague expelled two Hungarian diplomats for espionage.",
     ("HUN", "accuses", "CZE")),
    # a participle set off by a comma, with its agent after it, is not done by the parties named before it
    ("Oman said it was relieved by the release of detainees held outside Yemen and Saudi Arabia, facilitated with "
     "the help of Kuwait.", ("YEM", "agreesToCooperate", "SAU")),
    # flights resumed to carry deportees or repatriate nationals are migration, no thaw
    ("The United States has resumed flights deporting illegal migrants to Mexico after two years.",
     ("USA", "shiftsTowardCooperation", "MEX")),
    ("Havana agreed to resume flights to repatriate its migrants from the United States.",
     ("CUB", "shiftsTowardCooperation", "USA")),
    # a headline's abbreviated country is a party of the joint condemnation, not its target
    ("Nigeria, S.Africa slam violence\n\nThe two presidents met in Pretoria on Thursday.", ("NGA", "accuses", "ZAF")),
    # a participle of growth before a demonym: the named country's influence, no act of the subject
    ("India and Japan agreed to deepen defence ties amid growing Chinese influence in the region.",
     ("IND", "exertsInfluenceOn", "CHN")),
    # a dateline is no visit's place when the sentence names the parts of another country visited
    ("ADDIS ABABA, May 3 (Xinhua) -- Visiting Somali President Hassan Sheikh Mohamud held talks with Eritrean "
     "President Isaias Afwerki. The Somali president also visited farms in the western regions of Eritrea.",
     ("SOM", "visits", "ETH")),
    # a truce not kept, told by the other side, is a charge against the breaker, no rejection by it
    ("\"Armenia did not comply with the ceasefire,\" Azerbaijani aide Rauf Mammadov told reporters in Baku.",
     ("ARM", "rejects", "AZE")),
    # 'the alleged attack' is an adjective: the one who looks into it alleges nothing
    ("Poland investigated the alleged Russian attack on the depot.", ("POL", "accuses", "RUS")),
    # what a punished person did is their offence, no state's charge against the place it names
    ("Moscow sentenced the activist to eight years for publicly condemning the invasion of Ukraine.",
     ("RUS", "accuses", "UKR")),
    ("Two critics were freed: Pavel, convicted of insulting the Russian army, and Boris, imprisoned for criticizing "
     "the war in Ukraine.", ("RUS", "accuses", "UKR")),
    # approaches refused: what they asked for is not done
    ("Mali's foreign minister said Bamako had refused several approaches by the Spanish government to accept "
     "migrants from third countries.", ("MLI", "acceptsDeportees", "ESP")),
    # a paper handed over to an envoy is no deportee taken in
    ("Peru announced the expulsion of an employee of the Chilean embassy. The Chilean ambassador in Lima, Ana Soto, "
     "was summoned by the Peruvian Foreign Ministry to hand over to him the note declaring a diplomat of the Chilean "
     "mission persona non grata.",
     ("CHL", "acceptsDeportees", "PER")),
    # a product's origin glued to 'made' is no stance: the buyer does not come under the maker's sway
    ("Myanmar's army flew Chinese-made drones over the border town.", ("CHN", "exertsInfluenceOn", "MMR")),
    # a pair of countries glued by a hyphen names both parties of talks, no holder of what follows
    ("Officials prepared the US-China talks at a port in Malaysia.", ("CHN", "exertsInfluenceOn", "MYS")),
    # a resolution's content told by a participle is the resolution's, not the act of those who vote on it
    ("Chad has abstained from votes on UN resolutions condemning the invasion and demanding that Russian forces "
     "leave Ukraine.", ("TCD", "accuses", "RUS")),
    ("Chad has abstained from votes on UN resolutions condemning the invasion and demanding that Russian forces "
     "leave Ukraine.", ("TCD", "demands", "RUS")),
    ("Serbia voted against a motion denouncing the annexation of Ukrainian territory by Russia.",
     ("SRB", "accuses", "RUS")),
    # the receiver of a note does not say what the note says
    ("Georgia informed Russian Ambassador Ivan Petrov of its decision. The ministry said the ambassador was handed a "
     "note demanding that Georgia cancel the vote.", ("RUS", "demands", "GEO")),
    ("Georgia informed Russian Ambassador Ivan Petrov of its decision. The ministry said that the ambassador was "
     "given a note in which the embassy employee was declared an undesirable person on the territory of the "
     "Republic of Georgia and must leave the country.", ("RUS", "threatenedExpulsion", "GEO")),
    # the possessor of 'neighbour' is not the neighbour named after it
    ("Togo's neighbour Benin said in May the government had agreed to take in nationals deported from the United "
     "States.", ("TGO", "acceptsDeportees", "USA")),
    # sway held over a whole region is over no one country named nearby
    ("Japan has expanded its courtship of Pacific island nations, alarming Western powers such as Australia and New "
     "Zealand that have long held sway over the region.", ("AUS", "exertsInfluenceOn", "JPN")),
    # a party kept from an act by something else did not do it
    ("The border row has kept Kenya and Uganda from signing a trade agreement.", ("KEN", "agreesToCooperate", "UGA")),
    # the measures answered 'in retaliation for' are the other party's, not the retaliating one's
    ("Russia cut ties with Japan in retaliation for the sanctions Tokyo has imposed.",
     ("RUS", "threatenedSanctions", "JPN")),
    # the parties a harm is done to are not the ones charged with it
    ("France condemned the aggression against Ukraine.", ("FRA", "accuses", "UKR")),
    ("Norway called the naval exercise unacceptable pressure on Iceland and Norway.", ("NOR", "accuses", "ISL")),
    # what a state is given a deadline to do is demanded of it, not done
    ("In March, Prime Minister Giorgia Meloni of Italy gave Tunis a deadline of three to five weeks to take back a "
     "list of Tunisians Italy wanted to deport.", ("TUN", "acceptsDeportees", "ITA")),
    # a note handed over to an envoy is a paper, not a captive freed
    ("Lesotho hands over protest note to South African envoy", ("LSO", "releasesDetainees", "ZAF")),
    ("Chile hands over protest letter to Bolivian envoy", ("CHL", "releasesDetainees", "BOL")),
    # the party before a passive 'was declared persona non grata' is the one declared, not the one declaring
    ("Nicaragua ordered the expulsion of the U.S. ambassador, John Carter. Ambassador John Carter, a veteran "
     "diplomat who has served three years in Managua, Nicaragua's capital, was declared persona non grata and will "
     "have to leave the country.", ("USA", "threatenedExpulsion", "NIC")),
    # an act the subject refrains from is not done
    ("Vietnam fiercely accused the Chinese government on Monday of raising tensions at sea, while refraining from "
     "criticizing the Philippines.", ("CHN", "accuses", "PHL")),
    # a dateline host meeting a country's body, not its leader, has no guest who travelled
    ("NIAMEY (Reuters) - Niger's government held talks with Russia's state nuclear agency on mining this week.",
     ("RUS", "visits", "NER")),
    # a dateline host who travelled to the guest's capital was the visitor there
    ("PARIS (Reuters) - Barrot flew to Algiers, where he held talks with President Abdelmadjid Tebboune.",
     ("DZA", "visits", "FRA")),
    # the official who witnessed a signing, named with his title, is no party to the deal
    ("The foreign ministers of Kenya and Uganda signed a border treaty on Monday, witnessed by Secretary of State "
     "Marco Rubio.", ("KEN", "agreesToCooperate", "USA")),
    # 'he' after ', and' may be the person met: a met leader is no object of a measure
    ("Rubio met Venezuelan President Nicolas Maduro on Friday, and he accused Washington of piracy.",
     ("USA", "accuses", "VEN")),
    # the one asked to accept deportees, who turned the request down, accepts none
    ("Nigeria firmly turned down a request from Washington to accept Venezuelan deportees.",
     ("USA", "acceptsDeportees", "NGA")),
    # a hyphenated pair of demonyms names the makers of a plan, not the parties the plan names after it
    ("Kenya turned down a Somali-Ethiopian plan for a panel of the US and the UN to oversee the vote.",
     ("KEN", "rejects", "USA")),
    # 'US allies' are other states bound to the US: the US is not the one worried
    ("Greek and Cypriot leaders met in Athens. The two United States allies, long at odds over their past, seek a "
     "common front, driven by shared concerns about an assertive Turkey.",
     ("USA", "accuses", "TUR")),
    # a 'he' standing for a private person the text places nowhere acts for no state, not for the clause's subject
    ("Belarusian authorities have released Lithuanian citizen Tomas Vaitkus, held since 2023, and he has returned "
     "to Lithuania.", ("BLR", "visits", "LTU")),
    # a readiness kept ('remained willing to restore relations') is no change of course
    ("Bolivia cut ties with Peru in March. La Paz said on Friday that it remained willing to restore relations "
     "with Lima when conditions allow.", ("BOL", "shiftsTowardCooperation", "PER")),
    # acts told as repeated over years are the history behind the news, not acts it reports
    ("Poland and Belarus have expelled each other's diplomats several times since the 2021 border crisis.",
     ("BLR", "threatenedExpulsion", "POL")),
    # where a deal was made ('a ceasefire agreed at a summit in X') does not place the leaders who stand by it there
    ("A statement from Yerevan and Baku said Prime Minister Nikol Pashinyan and President Ilham Aliyev stood by a "
     "ceasefire agreed at a regional summit in Kazakhstan last year.", ("ARM", "visits", "KAZ")),
    # a place in an earlier reported clause ('said A ..., and that B would meet') is not where B's meeting is held
    ("The joint statement said the leaders of Ghana and Togo backed a pact they made at a summit in Nigeria last "
     "year, and that they would meet in Lome next month.", ("GHA", "visits", "NGA")),
    # a side named against another in a reported clause ('insisted that Baku, not Yerevan, had refused') is the
    # speaker's charge, not an act of that side
    ("Armenian Prime Minister Nikol Pashinyan said on Monday that the plan deserved study, but he insisted that "
     "Baku, not Yerevan, had refused to negotiate.", ("AZE", "rejects", "ARM")),
    # 'his' after a deportee identified by name is that private person, not the official named before
    ("Guatemala reverses on deportee\n\nUS Secretary of State Marco Rubio revoked the visas on Friday.\n\nGuatemala's "
     "foreign ministry had said the deportee, identified as Pedro Lopez Ruiz, was a Honduran national and that it "
     "would not accept him. On Monday the ministry said it would facilitate his arrival in Guatemala City.",
     ("USA", "visits", "GTM")),
    # 'pledging to take necessary steps' about one's own search threatens no one; 'to take' needs a place taken
    ("Pyongyang said it had tried to recover the body of the South Korean official, pledging to continue to take "
     "necessary steps in that regard.", ("PRK", "threatened", "KOR")),
    # a visit to a place that is no country, or over a region, is no visit to the country the text is about
    ("The Emirates recalled its ambassador to Tehran after a visit by Iranian President Mahmoud Ahmadinejad to a "
     "disputed island.", ("IRN", "visits", "ARE")),
    ("Samoa's leader spoke on Friday. A ten-day South Pacific tour by China's foreign minister drew notice to a "
     "neglected region.", ("CHN", "visits", "WSM")),
    # an unnamed envoy of a country whose ambassador the text names is that ambassador, who lives there
    ("KATHMANDU: Nepal handed a note to the ambassador of India, Vinay Mohan Kwatra. Foreign Minister Pradeep "
     "Gyawali gave the note to the Indian envoy in a meeting at the Foreign Ministry.", ("IND", "visits", "NPL")),
    # the people hosted are no partner of the deal
    ("Guatemala's president agreed to host the Nicaraguans while they apply for entry to the United States.",
     ("GTM", "agreesToCooperate", "NIC")),
    # a ground whose doer is named after it with 'by' charges that doer, not the party the measure is taken against
    ("Norway froze the accounts of two Syrian traders over the alleged interference by Iranian agents in the vote.",
     ("NOR", "accuses", "SYR")),
    # calling home troops sent to a third country, or pulling them back behind a line, expels no one
    ("Tokyo demanded the withdrawal of North Korean soldiers sent to Russia.", ("JPN", "threatenedExpulsion", "PRK")),
    ("Hanoi urged Phnom Penh to withdraw its border troops to the Cambodian side of the frontier.",
     ("VNM", "threatenedExpulsion", "KHM")),
    # an -ing word after a possessive opens a noun phrase the possessor owns: the clause's subject does not act
    ("Australian diplomats worry about Beijing's expanding influence over Vanuatu.",
     ("AUS", "exertsInfluenceOn", "VUT")),
    # parties thanked together for their part did it with the thanker, not with each other
    ("The Irish minister said: \"We thank the governments of Senegal and Gambia for facilitating this return "
     "flight.\"", ("SEN", "agreesToCooperate", "GMB")),
    # sanctions aimed at the actor's own side are another's: no later party of the sentence is their target
    ("Russia condemned new sanctions against Russian banks and an arms sale to Ukraine.",
     ("RUS", "threatenedSanctions", "UKR")),
    # 'its' is no person's: the envoy named before it does not own the accusation, the sentence's subject does
    ("Beijing will soon summon the Canadian ambassador to China, Mary Clark, over its accusation that Canadian "
     "agents had joined a Philippine spy operation.", ("CAN", "accuses", "PHL")),
    # partners who 'face' a third party in a clause of their own are not its partners
    ("Hanoi and New Delhi are deepening defence ties as they face pressure from China.",
     ("VNM", "agreesToCooperate", "CHN")),
    # a release others voice support for is asked for, not made
    ("Caribbean leaders voiced support for the release of Guyanese fishermen seized by Venezuela's navy.",
     ("VEN", "releasesDetainees", "GUY")),
    # a claim of a neutral fact charges nobody
    ("Chile claims Peru has the oldest university of the continent.", ("CHL", "accuses", "PER")),
    # 'claims' after a preposition is the noun: nobody speaks, so nobody charges the party in it
    ("Chile and Peru are embroiled in a spat over claims the Peruvian opposition colluded with a Chilean party.",
     ("PER", "accuses", "CHL")),
    # a case thrown out is no expulsion of the officials it concerns ('throw out' is on the WordNet stoplist)
    ("Argentina threw out the case against Iran's officials.", ("ARG", "threatenedExpulsion", "IRN")),
    # a pact of an earlier year told as background is not news of the report
    ("Fishing quotas in the shared waters have applied since a 2016 agreement between Chile and Peru.",
     ("CHL", "agreesToCooperate", "PER")),
    ("Fiji and Tonga signed a fisheries accord last year.", ("FJI", "agreesToCooperate", "TON")),
    # a declaration signed by a whole bloc is no pact of each signer with each other
    ("The closing declaration on the river dispute was signed by Brazil, Uruguay, Paraguay, Argentina and Bolivia.",
     ("BRA", "agreesToCooperate", "URY")),
    # the head of a consular section posted in a capital lives there: no visit of his country
    ("Elena Ruiz, head of the Chilean consular section in Lima, told reporters the office would stay open.",
     ("CHL", "visits", "PER")),
    # a party told of another's concern is the one told: it demands nothing of the party whose concern it was
    ("The prime minister of Fiji had been told of Australia's unease over the port talks.", ("FJI", "demands", "AUS")),
    # a pact welcomed ('welcome it') is no guest received: no meeting
    ("China hit back on Tuesday at critics of its new policing pact with Vanuatu, calling their worries misplaced.\n\n"
     "Beijing said the cooperation harmed no one. Spokesperson Mao Ning asked why \"some countries are uneasy\" about "
     "the pact \"when the government and the people of Vanuatu warmly welcome it?\"", ("VUT", "meetsWith", "CHN")),
    # a government's own staff leaving without an order: it expels nobody, least of all the country they leave
    ("Peru is cutting ties with Bolivia, Foreign Minister Ana Ruiz said. She added that Peru's diplomatic personnel "
     "in Bolivia would leave the country at once.", ("PER", "threatenedExpulsion", "BOL")),
    # 'any moves that would undermine': an act of no one named, not of the partner on the call
    ("According to a statement from Anthony Albanese's office in Canberra, Luxon and Albanese spoke by phone on "
     "Monday and noted their \"common worries about any moves that would undermine the stability of the Pacific\".",
     ("NZL", "accuses", "AUS")),
    # the party aid is given against, after words of kind ('against any kind of Russian pressure'), is no partner
    ("Latvia has the support of Washington, which in May vowed to aid it against any kind of Russian pressure.",
     ("USA", "agreesToCooperate", "RUS")),
    # the ones charged are an unnamed group ('those worried about'): the partner named after them is not charged
    ("China lashed out at those worried about its cooperation with Tonga.", ("CHN", "accuses", "TON")),
    # a taking-in named as what a party owes ('its obligations with regard to the acceptance of') is not done
    ("Officials said Guatemala was breaching its obligations with regard to the acceptance of migrants sent back by "
     "the United States.", ("GTM", "acceptsDeportees", "USA")),
    # relations resumed 'between them' are between the act's own subjects, never with a party of a later sentence
    ("The three governments — Rwanda, Burundi and Kenya — issued a joint communique on Monday that the two Great "
     "Lakes nations had agreed \"to restore diplomatic relations between them and to open embassies again within "
     "sixty days.\"\n\nRwanda and Burundi also thanked Kenya for hosting the talks, and Angola for hosting "
     "earlier rounds.", ("RWA", "shiftsTowardCooperation", "AGO")),
    # a quotation closing after the comma of a verb series leaves the subject of the series acting in the next verb
    ("On Tuesday, Khartoum called the UAE an \"enemy state,\" severed diplomatic ties, and closed its embassy in Abu "
     "Dhabi.", ("ARE", "reducesCooperation", "SDN")),
    # a partner left open ('with any country') is no party: the one named in the next clause is not it
    ("Niger's rulers say they are free to sign defence pacts with any country, adding that French troops left Niger "
     "in 2023.", ("NER", "agreesToCooperate", "FRA")),
    # a 'he' opening the sentence after one whose subject is a private person named is that person, not the speaker
    ("President Emmanuel Macron hailed the return of Paul Girard, a French engineer. \"Paul Girard is free at last. "
     "He will be home on Friday after a long ordeal in Iran,\" Macron wrote.", ("FRA", "visits", "IRN")),
    # the second of two places after 'in' is no subject of the verb after it: the clause's subject is
    ("Officials said the transfer of frozen assets held in Qatar and Oman began after a prisoner swap deal with "
     "Washington, Iran's foreign ministry said.", ("OMN", "releasesDetainees", "USA")),
    # an influence whose reach is a region or the world sways no one country: the document's country is not guessed
    ("Beijing has been working to expand its Pacific sway, Tongan ministers said.",
     ("CHN", "exertsInfluenceOn", "TON")),
    ("Samoa's cabinet voiced unease at China's growing influence in the region, a Samoan minister said.",
     ("CHN", "exertsInfluenceOn", "WSM")),
    # the party after a visit is no host when it is the subject of a clause of its own ('as X raises its ...') or
    # sits in a relative clause with its own verb ('a tour by Y that showcased ...')
    ("SANTIAGO, Chile — The deal was sealed during a visit by the Peruvian president, seen as a lift for trade as "
     "Argentina raises its tariffs.", ("PER", "visits", "ARG")),
    ("The state visit in Lima capped a regional tour by Yoon that showcased Seoul's growing ambitions during a tense "
     "season in Washington.", ("KOR", "visits", "USA")),
    # asking another to work together with one proposes cooperation: no demand, and no courtesy call
    ("Nepal's leader called on the Indian prime minister to work together to build stronger ties.",
     ("NPL", "demands", "IND")),
    # parties that agree on a measure against a third party form a common front, no pact with each other
    ("Austria and Slovenia said they had agreed to jointly ban grain shipments coming from Serbia.",
     ("AUT", "agreesToCooperate", "SVN")),
    # a deal left unsigned or not reached is no refusal of it
    ("The Thai premier flew home from Phnom Penh without signing the border deal with Cambodia.",
     ("THA", "rejects", "KHM")),
    # the country an attack was made on is not the one a demand for the hostages' release is put to
    ("Canada's premier again called for the freeing of every hostage still held by militants since the deadly attack "
     "on Kenya by al-Shabaab last year.", ("CAN", "demands", "KEN")),
    # a party named in the speaker's reasons after ', arguing that' is not the one the condemnation is aimed at
    ("Hungary banned Serbian wheat on Monday. Belgrade's farm ministry condemned the decision as reckless, arguing "
     "that growers were already hurting given Russia's war.", ("SRB", "accuses", "RUS")),
    # a go-between's help told by its nationality ('via Omani mediation') names no party of the deal
    ("Egypt and Jordan agreed on a prisoner swap via Omani mediation.", ("EGY", "releasesDetainees", "OMN")),
    # deported people's own country did not take them in when the place they were sent to is named
    ("Panama deported at least 240 Colombians from the Darien Gap to Costa Rica last week.",
     ("COL", "acceptsDeportees", "PAN")),
    # soldiers a state moves pay no visit where they pass or arrive
    ("British troops traveling from Amman to Baghdad were escorted by Jordanian forces.", ("GBR", "visits", "IRQ")),
    # a leader named as the one removed is not there ('the removal of President X ... in Chad')
    ("Officials said the removal of President Mohamed Bazoum sparked protests in Chad.", ("NER", "visits", "TCD")),
    # a taking-in only thought of ('the possibility of accepting') is not done
    ("Ruto raised with Trump the possibility of accepting deported nationals from other countries.",
     ("KEN", "acceptsDeportees", "USA")),
    # a participle right after a verb of sending is an adjective of the people sent ('deport rejected asylum-seekers')
    ("Italy plans to deport rejected asylum-seekers from its centres in Albania.", ("ITA", "refusesDeportees", "ALB")),
    # a claim told with who made it and when before its 'that' is only claimed, and one denied is not a fact
    ("Washington denied the claim made on Sunday by Iran's foreign minister that Tehran had freed two Americans.",
     ("IRN", "releasesDetainees", "USA")),
    ("Claims made by Russian officials that Moscow had released three Estonians are false, Tallinn said.",
     ("RUS", "releasesDetainees", "EST")),
    # a treaty denounced 'with immediate effect' is ended in law, no charge
    ("Niger said it had decided to \"denounce with immediate effect\" the defence agreement signed with France.",
     ("NER", "accuses", "FRA")),
    ("Mali's government denounced, with immediate effect, the 2014 defence treaty with France.",
     ("MLI", "accuses", "FRA")),
    # the helper's part in a release is no release of its own
    ("Egypt praised Algeria's role in the release of Egyptian fishermen.", ("DZA", "releasesDetainees", "EGY")),
    # a tie not renewed is ended, not a demand rejected
    ("Panama’s leader said flatly that his country won’t renew its Silk Road pact with Beijing.",
     ("PAN", "rejects", "CHN")),
    # an agreement only tried for in the past was not made
    ("Kenyan Prime Minister Musalia Mudavadi attempted to negotiate a renewal of the agreement with the United "
     "States.", ("KEN", "agreesToCooperate", "USA")),
    # deals sought with unnamed countries to take deportees: nobody named takes them in
    ("DAKAR, Senegal — U.S. border tsar Tom Homan said the administration hopes to forge deals with 'many "
     "countries' to accept deported migrants.", ("USA", "acceptsDeportees", "SEN")),
    # 'concerning' is a preposition ('about'), no concern voiced
    ("Chile hosted the forum, and a presentation was made concerning Peru's new mining code.",
     ("CHL", "accuses", "PER")),
    # the statement rejected is the object of the verb: the participle after it is the rejecter's, not the owner's
    ("Ghana's foreign ministry rejected Togo's latest statement, calling it baseless.", ("TGO", "accuses", "GHA")),
    ("US prosecutors had accused Saab of bribing officials in Caracas to win state contracts. He has denied the "
     "charges.\n\n\"Venezuela rejoices at the homecoming of our diplomat Alex Saab, who was held unjustly,\" the "
     "government said.", ("VEN", "rejects", "USA")),
    ("New Zealand has paused millions in aid to the Cook Islands over its deals with China. Beijing, which said last "
     "month that the pacts were aimed at no third party such as New Zealand, defended its strategic partnership "
     "with the country of 15 islands.", ("CHN", "agreesToCooperate", "NZL")),
    ("Singapore and the Philippines signed a defence cooperation pact in Manila on Monday. Singapore will send troops "
     "for joint training under the accord. Japan and Australia have signed similar deals with Manila, and Japan is "
     "talking about another. The pact was years in the making. Officials said more drills were planned for next "
     "year. In a speech to Congress, Marcos said the Philippines would not back down in its maritime disputes.",
     ("PHL", "rejects", "SGP")),
    # a named possessive after 'that' owns the noun: the reporting subject neither backs nor is backed
    ("Khartoum reaffirmed that Nairobi's support for the rebel movement endangered the whole region.",
     ("SDN", "agreesToCooperate", "KEN")),
    # 'no' before a trigger's noun: no act is told ('tolerates no meddling', 'concluded no accord')
    ("The Chinese envoy said the Taiwan question permits no interference by outsiders.", ("CHN", "accuses", "TWN")),
    ("Ghana and Togo signed no agreement on the border during the visit.", ("GHA", "agreesToCooperate", "TGO")),
    # a place set off as part of a country is not its government: the country is no party to the deal
    ("Kenya signed a deal with Puntland, a semi-autonomous state of Somalia, on port access.",
     ("KEN", "agreesToCooperate", "SOM")),
    ("The UAE inked a port agreement with Somaliland, the self-declared republic of northern Somalia.",
     ("ARE", "agreesToCooperate", "SOM")),
    # the one accused is named (a private person, a group): the report's other side is not guessed instead
    ("Norway expelled an Iranian diplomat on Monday. Tehran accused Farahani of smuggling weapons into the "
     "country.", ("IRN", "accuses", "NOR")),
    ("Norway expelled an Iranian diplomat on Monday. Tehran accused the group of smuggling weapons into the "
     "country.", ("IRN", "accuses", "NOR")),
    # denying charges aimed at oneself is a defence of one's own: the report's other side is not its target
    ("Slovakia criticised Hungary over the pipeline deal. Prime Minister Viktor Orban defended the move on "
     "Monday. He denies the allegations against him.", ("HUN", "rejects", "SVK")),
    # the act condemned names its doer after 'by': the party it was aimed at is its victim, not the one blamed
    ("Tehran on Sunday condemned the deadly attack by the occupying regime against Lebanon.",
     ("IRN", "accuses", "LBN")),
    # a past try is no act done: talks someone tried to host were not held, a visit only attempted was not made
    ("Last spring Turkey tried to host direct talks between Armenia and Azerbaijan in Istanbul.",
     ("ARM", "meetsWith", "AZE")),
    ("The Estonian president attempted to visit Ukraine in March.", ("EST", "visits", "UKR")),
    # acts listed as what a protest is about are the other side's, and no threat of the protester's
    ("“Vietnam protested the harassment, boarding, ramming and blocking, risky moves, use of water cannons, and "
     "other hostile conduct of the China Coast Guard,” the ministry said.", ("VNM", "threatened", "CHN")),
    # the owner of a proposal that 'must' be acted on is not the one asked to act on it
    ("Ghana's minister said that Togo's proposal must be studied with care.", ("GHA", "demands", "TGO")),
    # a restoration of relations that a third party backs is wished for, not a move by the two sides
    ("Norway reiterated its support for the restoration of relations between Eritrea and Djibouti on Monday.",
     ("ERI", "shiftsTowardCooperation", "DJI")),
    # backing for something between two others supports neither of them
    ("Japan reaffirmed its backing for a dialogue between Ethiopia and Somalia over port access.",
     ("JPN", "agreesToCooperate", "ETH")),
    # efforts or attempts to normalise or to talk are tries, not a move made or talks held
    ("The minister said outside pressure had wrecked the efforts to normalise relations between Serbia and Kosovo.",
     ("SRB", "shiftsTowardCooperation", "XKX")),
    ("Attempts to revive talks between Kyrgyzstan and Tajikistan on the border went nowhere last year.",
     ("KGZ", "meetsWith", "TJK")),
    # a leader's conduct in a country does not put the leader there
    ("Canada's parliament condemned Putin's actions in Georgia in a vote this week.", ("RUS", "visits", "GEO")),
    # a question about how a state will respond is no threat to respond
    ("Belgrade was asked how Serbia will respond to the new demands from Brussels and Pristina.",
     ("SRB", "threatened", "XKX")),
    # a purpose after the envoys recalled from a country is the recalling side's, not that country's
    ("Hungarian Foreign Minister Anna Kovacs said she has ordered the return of diplomatic representatives "
     "from Poland to rethink the ties between the two states.", ("POL", "reducesCooperation", "HUN")),
    # migrants expelled over a border are not taken back by their country
    ("Costa Rica said it expelled a group of 60 Nicaraguans, among them children, who were caught near the river.",
     ("NIC", "acceptsDeportees", "CRI")),
    # a dateline whose country has two words is where the report was filed, not the subject of a later '-ing' verb
    ("SAN SALVADOR, El Salvador (AP) — Honduras's government on Monday condemned a Salvadoran plan to send back "
     "migrants, calling it cruel, and urged its neighbour to drop it.", ("SLV", "accuses", "HND")),
    # people deported and charged with something are charged as people, not their state
    ("Ottawa deported 30 Haitians to the Dominican Republic last week, accusing them of overstaying their visas.",
     ("CAN", "accuses", "HTI")),
    # a measure named and labelled by a speaker ('called the removal of X "a ..."') is another party's act
    ("China lifted its duties on Chilean wine on Friday. Chilean Trade Minister Ana Soto called the removal of the "
     "tariffs \"a splendid result\" for growers.", ("CHL", "shiftsTowardCooperation", "CHN")),
    # parties listed as one subject or agent act together, not on each other
    ("A string of new projects, many backed by Chinese and Canadian companies, were approved.",
     ("CHN", "exertsInfluenceOn", "CAN")),
    # what a signed pact is about is no second act besides the signing
    ("Honduras and China signed a joint communique on restoring diplomatic ties in Beijing.",
     ("HND", "shiftsTowardCooperation", "CHN")),
    # an ocean named after a country is no country
    ("The port deal extends Moscow's naval reach into the Indian Ocean.", ("RUS", "exertsInfluenceOn", "IND")),
    # a participle hanging on people who act for no state is their act, not the act of the clause's subject
    ("Britain froze the assets of smuggling gang leaders working with Iran.", ("GBR", "agreesToCooperate", "IRN")),
    ("Warsaw detained a woman who confessed to cooperating with Russian intelligence.",
     ("POL", "agreesToCooperate", "RUS")),
    # a measure named by another country's adjective is that country's, not the act of the party that weighs it
    ("Tehran said it considered the British sanctions unlawful.", ("IRN", "threatenedSanctions", "GBR")),
    # partners left unnamed after 'with', and a 'them' that stands for an unnamed group, leave no target to guess
    ("Moscow is weighing scaling back diplomatic relations with Western countries over their role in the war in "
     "Ukraine.", ("RUS", "reducesCooperation", "UKR")),
    ("Beijing voiced anger at Western nations on Tuesday, accusing them of fuelling the conflict in Ukraine.",
     ("CHN", "accuses", "UKR")),
    # a visit aboard another country's warships is no visit to that country
    ("On Sunday, Vietnam's defence minister visited the Indian navy warships docked at Cam Ranh.",
     ("VNM", "visits", "IND")),
    # a tour named by a region's adjective is to that region, not to a country named elsewhere in the sentence
    ("Beijing cut duties on wine made in Italy, an announcement made while Premier Li Qiang is on his European tour.",
     ("CHN", "visits", "ITA")),
    # a review of the ties two parties share, told of their talks, is the agenda of the talks, not a rethink
    ("Indonesian President Prabowo and Egypt's Sisi held talks in Cairo, reviewing the strong ties between the two "
     "countries.", ("IDN", "reducesCooperation", "EGY")),
    # a delay a measure caused is no easing of that measure
    ("Kazakhstan and China signed a rail deal after long delays due to border restrictions imposed by Russia.",
     ("KAZ", "shiftsTowardCooperation", "RUS")),
    # the party whose lead is followed is a model, not the target of the measure
    ("Japan imposed export controls on chip tools, following Washington's lead.",
     ("JPN", "threatenedSanctions", "USA")),
    # 'them' for a measure that no country named owns leaves no target to guess
    ("Kyiv praised its partners on Monday. Minsk denounced the European Union's fresh sanctions on Belarusian banks, "
     "calling them unlawful.", ("BLR", "accuses", "UKR")),
    # talks under the host's dateline were held abroad when the text tells of the host's trip to the guest's country
    ("MOSCOW – President Vladimir Putin held three hours of talks with Crown Prince Mohammed bin Salman on "
     "Wednesday. Little was said about why Putin made the trip to Riyadh.", ("SAU", "visits", "RUS")),
    # a firm based in a country is no party for its state: cutting ties with it says nothing of the state
    ("Lima cut its ties with a Shanghai-based company after the audit.", ("PER", "reducesCooperation", "CHN")),
    # criticising a firm charges no state
    ("Beijing criticised CK Hutchison for selling its ports to an American fund.", ("CHN", "accuses", "HKG")),
    # what an act is aimed at ('against its migrants') is not who is taken in or turned away
    ("Guatemala said the United States did not take any action against its migrants.",
     ("USA", "refusesDeportees", "GTM")),
    # charging prisoners names no state; the other side is not guessed
    ("Havana accused the prisoners of spying; US officials say the charges are false.", ("CUB", "accuses", "USA")),
    # a compatriot criticised by name is the one charged; no other state is guessed
    ("Lula criticized Bolsonaro for spreading claims of persecution, stressing that his son had lobbied for "
     "tariffs in the U.S.", ("BRA", "accuses", "USA")),
    # saying what a meeting was not ('not a negotiation') refuses nothing
    ("Lima and Santiago held talks on Monday. Peru's envoy said afterwards that the meeting with Chile's minister "
     "was \"not a negotiation\" over the border.", ("PER", "rejects", "CHL")),
    # what a state gets 'in return for' its act is no one it frees
    ("San Salvador handed over the Venezuelans in return for a few political prisoners plus ten American citizens, "
     "Bukele said.", ("SLV", "releasesDetainees", "USA")),
    # past a comma, people with a verb of their own are no object of the verb before ('took office')
    ("Panama received a deportation flight last week. Since Trump took office in late January, deported migrants "
     "have also been flown to Colombia and Brazil.", ("USA", "acceptsDeportees", "PAN")),
    # the one whose visit an act followed only dates it: the visitor is no party to the act
    ("Peru cancelled its mining accord following a visit from Chinese Foreign Minister Wang Yi.",
     ("PER", "reducesCooperation", "CHN")),
    # a demand of one's own said to be beyond negotiation is insisted on, no refusal of the other side
    ("Seoul said its demand that Tokyo apologise is non-negotiable.", ("KOR", "rejects", "JPN")),
    # the second party after 'between' is its object, not the subject of the verb that follows the pair
    ("Relations between Kenya and Somalia plummeted following the signing of a security deal with Uganda.",
     ("SOM", "agreesToCooperate", "UGA")),
    # 'it' closing a quotation is the speaker of the quotation before, not a party the next paragraph names
    ("Ghana recalled its ambassador to Togo on Monday over a border dispute.\n\n\"Lome has ignored every one of "
     "our protests,\" Ghana's foreign ministry said in a statement.\n\n\"This step, which no earlier Togolese "
     "government ever took, was taken with great disdain and disregard,\" it added.\n\nThe move came hours after "
     "Benin said that its troops would stay at the border post.", ("BEN", "accuses", "TGO")),
    # a day after the one told ('on Tuesday') is no topic the addressee is pressed on
    ("Lula told Xi on Tuesday that \"China is a true friend\" of the Brazilian people.", ("BRA", "demands", "CHN")),
    # an envoy recalled to discuss ties with a country talks with their own government, not with that country
    ("Italy recalled ambassador Marco Rossi to Rome to discuss ties with Egypt.", ("ITA", "meetsWith", "EGY")),
    # a deal one wants said to be beyond negotiation is insisted on, no refusal either
    ("Peru and Chile quarrelled over migrants. Lima said an accord on the return of these migrants was "
     "\"non-negotiable.\"", ("PER", "rejects", "CHL")),
    # criticism said to be international is everyone's: rejecting it names no other side
    ("Bolivia expelled hundreds of Peruvian traders. President Arce rejected international criticism of the "
     "expulsions.", ("BOL", "rejects", "PER")),
    # an armed group a relative clause calls a danger is the one charged, not the state the sentence names before
    ("Ethiopia and Eritrea signed an accord that commits Asmara to disarm an Ethiopian rebel militia that Addis "
     "Ababa regards as a menace.", ("ETH", "accuses", "ERI")),
    # a stance against a kind of regime names its other side as a group: the document's other side is no guess
    ("Blinken held talks with Lula in Brasilia. Blinken is known for his firm stance against authoritarian regimes in "
     "the hemisphere such as Nicaragua.", ("USA", "rejects", "BRA")),
    # a release a third party is still mediating has not been made
    ("Norway was mediating the release of Britons held in Iran.", ("IRN", "releasesDetainees", "GBR")),
    # what a move 'could see' happen is an outcome guessed at, no act of the mover
    ("Mali scrapped its security accord with Russia, a decision that might see Russian troops leave the country "
     "within months.",
     ("MLI", "threatenedExpulsion", "RUS")),
    # the country a self-declared region lies in is where it is, no partner of a deal with the region
    ("Kenya signed a trade pact with Jubaland, a self-declared state in southern Somalia.",
     ("KEN", "agreesToCooperate", "SOM")),
    # a nationality before 'state of' a breakaway region says whence it broke away
    ("Ethiopia signed a deal with the self-declared Somali state of Somaliland.", ("ETH", "agreesToCooperate", "SOM")),
    # a plan said not to exist: nothing done, nothing refused
    ("Warsaw has no plans to call its envoy home from Budapest, a government spokeswoman said on Monday.",
     ("POL", "reducesCooperation", "HUN")),
    ("Rome's foreign minister said there was 'no question' of Italy breaking off ties with Tunisia.",
     ("ITA", "reducesCooperation", "TUN")),
    ("Kenya's trade minister said he had no intention of signing a new pact with Tanzania this year.",
     ("KEN", "agreesToCooperate", "TZA")),
    # 'review' as a noun: the pact studied, not left
    ("Chilean and Peruvian officials met in Lima to start the review of their fisheries accord.",
     ("CHL", "reducesCooperation", "PER")),
    # trimming a measure eases it, it imposes nothing
    ("Ottawa trimmed its duties on Mexican steel after the talks.", ("CAN", "threatenedSanctions", "MEX")),
    # an onlooker's guess at what a state could do is no stance of the state
    ("Economists at a Tokyo brokerage said Beijing could curb rare-earth shipments to Seoul if the chip row deepens.",
     ("CHN", "threatenedSanctions", "KOR")),
    # 'ended with' tells how talks closed, no tie ended
    ("Talks between Oman's and Jordan's ministers ended with the signing of four cooperation accords.",
     ("JOR", "reducesCooperation", "OMN")),
    # a refusal to let a flight land governs the flight named after 'let', however long its name
    ("Mali refused to let an Air France charter carrying 50 Malians removed by France land in Bamako.",
     ("MLI", "acceptsDeportees", "FRA")),
    # 'the freed Britons': a participle after an article describes people freed before; the carrier frees nobody
    ("An Omani government jet carrying the freed Britons touched down in Muscat on Sunday.",
     ("OMN", "releasesDetainees", "GBR")),
    # people named after 'regarding' are a topic: what was received is the letter, not them
    ("Kenya's embassy said it had received no letter from Oman regarding deported Kenyan workers.",
     ("KEN", "acceptsDeportees", "OMN")),
    # a flight's landing read up to 'were received by' covers the receiving: no visit by the sender
    ("Two flights with Salvadorans removed by US immigration authorities landed in San Salvador on Monday and were "
     "received by Salvadoran officials.", ("USA", "visits", "SLV")),
    # a request granted tells the cooperation it won, no demand pressed on the one who grants it
    ("Norway responded positively to a request from Poland for more winter fuel deliveries.",
     ("POL", "demands", "NOR")),
    # what a paper printed is no state's claim: rejecting it rejects no state
    ("Japan never threatened to end its fishery talks with South Korea, a foreign ministry spokesman said, "
     "rejecting an account in the Korean press.", ("JPN", "rejects", "KOR")),
    ("Officials in Vienna said Austria had never blocked Romania's entry to Schengen, dismissing claims from "
     "Bucharest newspapers.", ("AUT", "rejects", "ROU")),
    # a demand the same sentence says was never made is none
    ("Commentators in Oslo said Denmark could ask Norway to share the costs of the new cable, though Copenhagen "
     "has made no such request.", ("DNK", "demands", "NOR")),
    # 'avoided', 'no plans to' govern the verb after them as 'not' does
    ("Hungary and Slovakia disagree on the pipeline route, but their premiers avoided criticising each other in "
     "Bratislava.", ("HUN", "accuses", "SVK")),
    ("Namibia has no plans to ask Germany for more reparations, its president said.", ("NAM", "demands", "DEU")),
    # a report one declines to comment on is only reported
    ("Ghana's foreign ministry declined to comment on reports that Togo had asked for the return of two border "
     "villages.", ("TGO", "demands", "GHA")),
    # 'dismissed as "absurd" a demand': the label is the dismissal's own, no charge besides the rejection
    ("Beijing dismissed as \"absurd\" a Japanese demand that it remove the buoys near the islands.",
     ("CHN", "accuses", "JPN")),
    # 'slammed the door on' shuts something out; it slams no one
    ("Budapest slammed the door on asylum seekers sent back from Austria.", ("HUN", "accuses", "AUT")),
    # a label put on rumours charges no state
    ("Slovakia is not mulling any suspension of power exports to Ukraine, the economy minister clarified, calling "
     "rumours of a halt 'baseless'.", ("SVK", "accuses", "UKR")),
    # a trip asked about ('whether') or supposed ('if') is not told to have happened
    ("Tokyo would not say whether Prime Minister Fumio Kishida planned to attend the forum in Seoul.",
     ("JPN", "visits", "KOR")),
    # five or more listed parties who meet hold a summit, not talks of each pair
    ("Foreign ministers of Chile, Argentina, Uruguay, Paraguay and Bolivia met in Asuncion on Friday to discuss "
     "river transport.", ("CHL", "meetsWith", "ARG")),
    # an act one has 'no plans to' do is not done
    ("Argentine President Javier Milei said he had no plans to meet Brazilian President Lula this month.",
     ("ARG", "meetsWith", "BRA")),
    # cooperation named as what parties discussed is a topic, not agreed
    ("Thailand and Laos discussed expanding railway cooperation at a meeting in Vientiane on Monday.",
     ("THA", "agreesToCooperate", "LAO")),
    # 'no' before an official names nobody who is in the place
    ("No Ghanaian minister was in Abuja for the signing ceremony, the foreign ministry said.",
     ("GHA", "visits", "NGA")),
    # a negated meeting in a city puts no one there
    ("Serbian and Albanian negotiators did not meet in Vienna last week as announced.",
     ("SRB", "visits", "AUT")),
    # a release said to open the door to dialogue makes talks possible, it holds none
    ('The freeing of the prisoners "opens the door to more dialogue between Canada and Cuba on questions of '
     'concern," the Canadian foreign minister said.', ("CAN", "meetsWith", "CUB")),
    # military instructors sent by their state pay no visit where they land
    ("Chinese military instructors and equipment arrived in Mali on Wednesday.", ("CHN", "visits", "MLI")),
    # support for a country's own rebels, named by a possessive, backs the rebels, not the country
    ("The minister said the closure was a reply to Rwanda's alleged support for Burundi's FNL rebels.",
     ("RWA", "agreesToCooperate", "BDI")),
    # an offer of a body of states turned down: the body is the other side, no country is guessed
    ("The Tunisian president rejects an EU financial aid offer for curbing migration.\n\nNorth African countries "
     "such as Tunisia, Algeria and Libya have seen many departures.", ("TUN", "rejects", "DZA")),
    # distancing oneself from words spoken by a group disowns the words, it cuts no tie with the group's country
    ("Uganda distanced itself from statements made by a Congolese rebel platform at a hotel in Kampala.",
     ("UGA", "reducesCooperation", "COD")),
    # firms a man controls in a country put no official there
    ("The Treasury said Rwanda's minister James Kabarebe was central to the support. The measures also hit a rebel "
     "spokesman and two businesses he runs in the United Kingdom.", ("RWA", "visits", "GBR")),
    # insisting that named parties remained members tells a fact, it asks nothing of them
    ("However, in a communique issued by the West African commission in Accra on Sunday evening, the body said it had "
     "been working with the three countries, while insisting that Guinea, Togo, and Benin remained important members "
     "of the Community.", ("GHA", "demands", "TGO")),
    # a release that talks are held to reach is only sought, by whoever holds them
    ("Turkey and Oman are holding talks on a deal to free four Danish sailors seized off the coast of Yemen.",
     ("TUR", "releasesDetainees", "DNK")),
    # whoever reports a release did not make it
    ("Kuwait reported the release of six Indian workers on Sunday.", ("KWT", "releasesDetainees", "IND")),
    # the go-betweens named as the agent of 'brokered by' do not meet each other there
    ("Sudan and Chad resumed negotiations brokered by Kenya and Ethiopia last month.", ("KEN", "meetsWith", "ETH")),
    # a named armed group as the subject of the release: no state frees anyone, not the one who confirms it
    ("Jordan confirmed that the Houthis are to release twelve Egyptian detainees.",
     ("JOR", "releasesDetainees", "EGY")),
    # an announcer after 'by' owns the decision 'of its ... to' completes, not the one who welcomes it
    ("Jordan welcomed the announcement by the Palestinian movement of its agreement to free a Thai hostage.",
     ("JOR", "releasesDetainees", "THA")),
    # an announcement welcomed is a thing, no people taken in
    ("Kuwait and Oman welcomed the announcement by the Palestinian Islamic movement Hamas of its decision to free "
     "a Thai hostage it had held since 2023.\n\nThey saw it as a step toward a return to talks.",
     ("KWT", "acceptsDeportees", "THA")),
    # a swap two sides are only close to agreeing frees no one yet
    ("Oman's foreign minister said Iran and Britain were close to an agreement for swapping prisoners.",
     ("IRN", "releasesDetainees", "GBR")),
    # a count of unnamed states as the subject of what is said: the speaker's country does not act
    ("Erdogan said several countries are moving toward restoring ties with Armenia.",
     ("TUR", "shiftsTowardCooperation", "ARM")),
    # a court's ruling rejected sets the rejecter against the court, not against the state that brought the case
    ("Manila took the dispute to arbitration in 2013. A tribunal in The Hague later voided China's claims to the "
     "reef. China has rejected the decision ever since.", ("CHN", "rejects", "PHL")),
    # what reports tell that a speaker leaves unanswered or denies is not asserted: a day or the report's
    # owner may stand between, and a summons only reported is no protest either
    ("A Chilean embassy spokesman in Lima declined to comment on Tuesday on reports that a navy ship had fired "
     "water cannon at a Peruvian fishing boat.", ("CHL", "threatened", "PER")),
    ("Officials at the Farnesina declined to comment on Slovenian press reports that an Italian team had quietly "
     "travelled to Ljubljana in May.", ("ITA", "visits", "SVN")),
    ("Peru's foreign ministry said it had 'no information' on reports that Bolivia had summoned the Peruvian "
     "ambassador.", ("BOL", "accuses", "PER")),
    ("Namibia's trade ministry denied a regional newspaper report that it had signed a fishing pact with Angola.",
     ("NAM", "agreesToCooperate", "AGO")),
    # a passive wording of holding says who holds the thing named before it: a plane, no asset in the country
    ("Part of a group of 40 detainees, the men were flown out of Nepal on a chartered plane operated by a Chinese "
     "carrier.", ("CHN", "exertsInfluenceOn", "NPL")),
    # a gathering on whose margins two ministers meet is the venue: its place is no partner
    ("Qatar's energy minister met his Algerian counterpart on the sidelines of a gas exporters' meeting in Vienna.",
     ("QAT", "meetsWith", "AUT")),
    # a release a truce's phase is said to hold is done by the truce's parties, not by the one who describes it
    ("Egypt's foreign minister said the first phase of the truce will include the release of 20 Israeli captives.",
     ("EGY", "releasesDetainees", "ISR")),
    # a thing received from a place, told before the verb, is no guest met
    ("Chilean Foreign Minister Alberto van Klaveren said Tuesday the photos received from the Peruvian town were "
     "alarming.", ("CHL", "meetsWith", "PER")),
    # a pair told what it should do by one of its own members asks nothing of the other
    ("Chile and Peru held talks in Lima on Monday. \"Both sides should now settle the fishing dispute,\" Chilean "
     "Foreign Minister Alberto van Klaveren told reporters.", ("CHL", "demands", "PER")),
    # the owner named after a first participle is its object, not the subject of the second one
    ("The General Assembly adopted a text in March condemning Israel's strikes on Lebanon and demanding its "
     "withdrawal.", ("ISR", "demands", "LBN")),
    # a meeting at a summit the report places abroad is no visit to the dateline's country
    ("NAIROBI — Leaders of the region will gather for a security summit in Ethiopia next week. Kenyan President "
     "William Ruto is expected to meet with Ugandan President Yoweri Museveni at the security summit on Friday.",
     ("UGA", "visits", "KEN")),
    # a suggestion no one named made, denied, has no state as its other side
    ("Beijing criticised Canberra's defence spending. On Friday, the Australian defence minister denied a "
     "suggestion that his government had neglected the region.", ("AUS", "rejects", "CHN")),
    # the consequences of a party's own acts, warned of, are a charge against it, no threat
    ("Jordan warned of the grave consequences of Israel's repeated raids on the camp.",
     ("JOR", "threatened", "ISR")),
    # talks that other talks are about are not held there
    ("The Omani envoy flew to Tehran for talks regarding the stalled negotiations between Iran and Britain.",
     ("IRN", "meetsWith", "GBR")),
    # things that were left for someone make no trip
    ("The US spokesman John Kirby spoke. Kirby said the vehicles had been abandoned at the airport in Afghanistan, "
     "and they were left for the Taliban to use as it pleased.", ("USA", "visits", "AFG")),
    # a refusal taken back right before it ('a U-turn on its refusal') no longer stands
    ("Ghana made a U-turn on its refusal to take back deportees from the United States.",
     ("GHA", "refusesDeportees", "USA")),
    # a meeting, swap or deal the rest of the sentence says is not set is neither done nor planned
    ("Ghana and Togo's trade ministers could meet at the ECOWAS summit next month, local media said, though nothing "
     "has been scheduled.", ("GHA", "meetsWith", "TGO")),
    ('Poland\'s foreign ministry said talk of a prisoner exchange with Belarus was "premature".',
     ("POL", "releasesDetainees", "BLR")),
    ("Rwanda said it was in talks with Washington to take in deportees from the United States, but that no agreement "
     "had been finalised.", ("RWA", "acceptsDeportees", "USA")),
    # what lawmakers urge their own government to do is asked of it, not done (an order to it would be done)
    ("Opposition lawmakers urged the Czech government to expel more Russian diplomats.",
     ("CZE", "threatenedExpulsion", "RUS")),
    # a deal one hopes to sign is an aim, not a deal
    ("Spain's interior minister said she hoped to sign new return deals with Mali and Senegal by the summer.",
     ("ESP", "agreesToCooperate", "MLI")),
    # people expelled on a military plane are no military personnel expelled
    ("Peru expelled 90 foreigners, mostly Bolivians and Ecuadorians, on a military plane in 2022.",
     ("PER", "threatenedExpulsion", "BOL")),
    # what a party could do 'in theory' is a guess, not an act
    ("A retired diplomat told me Ghana could, in theory, demand compensation from Togo over the pipeline.",
     ("GHA", "demands", "TGO")),
    # a head of state's private trip is no state visit
    ("Belgium's King Philippe made a private trip to Kinshasa last week, the palace said.", ("BEL", "visits", "COD")),
    # a possible visit is only thought of, neither made nor planned
    ("Officials in Hanoi have said nothing about a possible visit by the Chinese premier.", ("CHN", "visits", "VNM")),
    # the go-between of a deal is no side of the ties the two parties restore
    ("Ghana and Togo revealed they would normalize ties in a deal brokered by Nigeria.",
     ("GHA", "shiftsTowardCooperation", "NGA")),
    # a launch told just before and condemned is the launcher's, not the act of the country the report is about
    ("South Korea's president travelled to Tokyo on Monday to see the Japanese premier, and the two agreed to "
     "expand trade. Hours earlier, North Korea fired a ballistic missile toward the sea. Japan's chief cabinet "
     "secretary condemned the latest launch as a dangerous provocation.",
     ("JPN", "accuses", "KOR")),
    # troops of two nations joined by 'and' are no deportees taken in
    ("France has some 2,000 soldiers in the Sahel, most of them near the border of Mali. Niger's leader agreed "
     "to the plan and accepted the stationing of French and European soldiers on its soil.",
     ("NER", "acceptsDeportees", "FRA")),
    # what follows 'amid' is the setting of a remark, not the one it is made to
    ("President Emmanuel Macron said French soldiers would return home from Mali within months. \"We cannot stay "
     "engaged alongside authorities whose aims we do not share,\" he said. He spoke out amid souring ties to the "
     "Malian junta.", ("FRA", "meetsWith", "MLI")),
    # accusations that are the subject of an 'as' clause are others' charges, not the charges of the one denying
    ("Protesters in Kinshasa burned flags of Rwanda. Congo's government says Rwandan troops back the rebels in "
     "Goma. President Kagame has again denied sending troops, but the evidence keeps mounting as accusations "
     "continue to grow.", ("RWA", "accuses", "COD")),
    # a party inside a relative clause on the rebels a deal is made with is no partner to the deal
    ("In 2009 Congo signed a peace agreement with the rebels who wanted to drive out the militias that had fled "
     "Rwanda.", ("COD", "agreesToCooperate", "RWA")),
    # a deal told as signed in the passive was signed by the signer the sentence before named, not by its subjects
    ("Japan, Canada and Britain have voiced worries about maritime security in the region, after China signed a "
     "defence pact with Vanuatu. The deal was signed on Tuesday in Port Vila.", ("JPN", "agreesToCooperate", "CAN")),
    # the mediator of a swap counted before 'between' frees no one
    ("Qatar's foreign ministry said its mediation produced an exchange of 120 captives between Armenia and Azerbaijan.",
     ("QAT", "releasesDetainees", "ARM")),
    # who condemns an act is no party to it
    ("Washington condemned Moscow for walking away from the fisheries agreement.",
     ("RUS", "reducesCooperation", "USA")),
    # a nationality word qualifying a named site says where, it is no party met
    ("Estonia's defence minister said several allies would pledge air defence systems to Ukraine at the meeting at "
     "the American Ramstein Air Base.", ("EST", "meetsWith", "USA")),
    # the party in a plural noun before 'they' + verb is what 'they' act on, not who acts
    ("Latvia moves to expel 12 Belarusian diplomats they accuse of espionage", ("BLR", "accuses", "LVA")),
    # an outcome wished on a party is nothing asked of it
    ('"Moscow must lose this war," the Lithuanian president said.', ("LTU", "demands", "RUS")),
    # 'not' governs the verb whose object is to act, not the act after 'to'
    ("Spain will not invite Georgia to join the bloc.", ("GEO", "rejects", "ESP")),
    # unnamed states a pronoun's clause labels are the ones charged: no party is guessed
    ('Norway stopped its shipments. The Kremlin wants the countries it calls "hostile" to settle their gas bills in '
     'roubles.', ("RUS", "accuses", "NOR")),
    # a meeting placed elsewhere right after its verb is no visit to the dateline's country
    ("YEREVAN — The call came days after Azerbaijan's President Ilham Aliyev and Armenia's Prime Minister Nikol "
     "Pashinyan met in Brussels for talks chaired by an EU official.", ("AZE", "visits", "ARM")),
    # a protest made by the one who summons is not the summoned envoy's (a verb of delivering a protest: 'make')
    ("The foreign ministry in Minsk summoned the envoy of Lithuania to make a firm protest about what it termed "
     "baseless charges against the Belarusian consul in Vilnius.", ("LTU", "accuses", "BLR")),
    # 'its' body calling the reason of a protest is the protester's, not the summoned envoy's country
    ('Morocco summoned the Spanish ambassador on Friday to protest what its foreign ministry called "hostile '
     'statements" about the kingdom\'s borders.', ("ESP", "accuses", "MAR")),
    # an act spoken of as 'any' such decision under a negation is not told to exist
    ("Iraq's trade minister said he was not aware of any Kuwaiti decision to resume imports of Iraqi dates.",
     ("KWT", "shiftsTowardCooperation", "IRQ")),
    # a statement ending in a question mark asks whether it holds
    ("Turkey frees Greek soldiers after five-month detention?", ("TUR", "releasesDetainees", "GRC")),
    # a call to end fighting is made to those who fight, not to the country the report is about
    ("Armenia recalled its envoy from Baku on Monday. Georgia also urged an immediate end to hostilities.",
     ("GEO", "demands", "ARM")),
    # a party told by nearness after a charge names where the thing blamed is, not whom
    ("Norway's fisheries minister blamed the poor cod season on warmer currents near Iceland and the Faroe Islands.",
     ("NOR", "accuses", "ISL")),
    # people of a nationality who hold no office are no state met
    ("Chile's foreign minister met Peruvian 'Gen Z' protesters on Monday.", ("CHL", "meetsWith", "PER")),
    # an act its clause says a court struck down or quashed did not take effect
    ("Denmark's plan to send rejected asylum seekers to Rwanda was quashed by the high court.",
     ("RWA", "acceptsDeportees", "DNK")),
    # an act named as the question spoken of is a topic, done by no one
    ("Baghdad said the American envoy never brought up the question of troop withdrawals in their talks.",
     ("USA", "reducesCooperation", "IRQ")),
    # an act told as one side's claim that the other side denies in the same sentence is not told as done
    ("Baku said Yerevan had agreed to hand over six Azerbaijani detainees, but Armenia's foreign ministry denied it.",
     ("ARM", "releasesDetainees", "AZE")),
    # a peninsula two states share is a region, not the southern state
    ("Japan condemned the missile test, calling it a threat to peace on the Korean Peninsula.",
     ("JPN", "accuses", "KOR")),
    # the state a charge is aimed at, named right after its verb, is not the one making it
    ("Shortly after North Korea fired a rocket, the committee condemned North Korea's launch as a reckless act that "
     "alarms Japan.", ("PRK", "accuses", "JPN")),
    # a condemned act whose doer goes unnamed charges no one: not the one the call or the condolences went to
    ("Hakan Fidan voiced Türkiye's condemnation of the bombing in a phone call to Lavrov on Saturday.",
     ("TUR", "accuses", "RUS")),
    ("Kazakhstan's senate speaker condemned the \"cowardly terrorist attack\" on shoppers and sent condolences to "
     "Russia and its people.", ("KAZ", "accuses", "RUS")),
    # the subject of a clause of time after a meeting, with a verb of its own, is no one met
    ("The Japanese cabinet met hours after Pyongyang launched a rocket over Hokkaido.", ("JPN", "meetsWith", "PRK")),
    # a state named after a refusal only as where things happened is no side to it, nor a guess for one
    ("The ministry said India rejects the account spread by militants about recent clashes in Nepal.",
     ("IND", "rejects", "NPL")),
    # an act only supposed ('any bid by X to threaten') is no act of X
    ("Seoul promised tough steps against any bid by North Korea to threaten Japan.", ("PRK", "threatened", "JPN")),
    # a subject saying none of a group acts denies the act of each party it lists, however far the list runs
    ("None of the African states that host Chinese-built ports — Kenya, Djibouti and Tanzania among them — have cut "
     "their ties with Beijing.", ("KEN", "reducesCooperation", "CHN")),
    # in a roundup, a charge told in an item of its own is not aimed at the country another item is about
    ("Ukraine's president met Canada's prime minister in Ottawa on Sunday. Canada pledged more air defence systems "
     "to Ukraine, and Ukraine thanked Canada.\n\nSpain's farm ministry blamed a late frost for the worst olive "
     "harvest in a decade.", ("ESP", "accuses", "CAN")),
    # the press spoken with is no party met, wherever the speaking was
    ("The Turkish foreign minister, speaking with journalists in Nairobi on Friday, said the ceasefire was holding.",
     ("TUR", "meetsWith", "KEN")),
    # a gathering's capitalised name after 'at the' is where a verb places the parties, no meeting of them of its own
    ("The Japanese envoy said on Monday she has no plans to meet Iranian Foreign Minister Abbas Araghchi and Syrian "
     "Foreign Minister Asaad al-Shaibani at the Asia Cooperation Dialogue Meeting in Bangkok.",
     ("IRN", "meetsWith", "SYR")),
    # 'hostile' starts like 'host' but hosts no one: no meeting
    ("Moscow's envoy said the American authorities had taken a hostile action against the Russian embassy in "
     "Washington.", ("USA", "meetsWith", "RUS")),
    # a country's name that starts like a verb of naming ('Namibia', 'nam*') calls nothing a threat
    ("Britain threatened Congo with visa curbs over migrant returns. Zambia and Namibia, which faced the same "
     "threat, agreed to comply.", ("NAM", "accuses", "GBR")),
    # a stem of a wording ('quit*') does not match the name of a place it spells the start of ('Quito')
    ("Peru's foreign minister arrived in Quito, the agreement on fisheries in hand, and met his Ecuadorian "
     "counterpart.", ("PER", "reducesCooperation", "ECU")),
    # two parties agreeing to an act toward a third side (taking people back) make no pact with each other
    ("Senegal and Gambia agreed to take back citizens who had overstayed their visas in Spain.",
     ("SEN", "agreesToCooperate", "GMB")),
    # a resolution with no drafter named is a body's text: opposing it rejects no state of the report
    ("Brazil filed a complaint against Argentina at the court in The Hague. Chile and Peru opposed the resolution.",
     ("CHL", "rejects", "BRA")),
    # staying out of a vote answers no drafter the sentence leaves unnamed
    ("Amendments proposed by Belarus were heavily defeated. Azerbaijan, Turkmenistan and Venezuela did not take "
     "part in the vote.", ("AZE", "rejects", "BLR")),
    # what a court or a state is asked to do is done by nobody yet, nor by the party its wording names
    ("Cuba urged the UN's top court to halt Spanish military aid to Morocco.", ("ESP", "threatenedSanctions", "MAR")),
    ("Norway asked Turkey to press Iran to halt its hostile activities.", ("TUR", "accuses", "IRN")),
    # a capital named after its description ('in the Nigerian capital Abuja') is where, not who acts
    ("Talks in the Nigerian capital Abuja opened a month after the bloc imposed sanctions on Niger.",
     ("NGA", "threatenedSanctions", "NER")),
    # a trigger's gap does not run into a phrase of manner opened by ', with' ('troops, with strong support')
    ("The assembly voted on Friday for an end to the shelling of Georgia and a withdrawal of every Russian "
     "unit, with firm support from most member states.", ("RUS", "threatenedSanctions", "GEO")),
    # the edge of a gathering ('on the sidelines of', 'on the margins of') names its venue: being there to
    # attend it is no visit to the country that hosts it
    ("Algeria's energy minister met his Nigerian counterpart on the sidelines of an OPEC+ gathering in Vienna, a "
     "statement from his ministry said.", ("DZA", "visits", "AUT")),
    ("The Czech president promised support for Kyiv's request after a chat with the Ukrainian leader on the margins "
     "of the summit in Moldova.", ("UKR", "visits", "MDA")),
    ("The decision followed the premier's meetings with the Brazilian officials on the sidelines of the COP29 "
     "climate summit in Baku.", ("BRA", "visits", "AZE")),
    # people named as the object of a negated verb ('has no plans to meet') are put at no place by it
    ("The Canadian minister has no plans to meet Sergei Lavrov and Wang Yi at the G20 talks in Johannesburg, her "
     "office said.", ("CHN", "visits", "ZAF")),
    # a country named as the modifier of deeds ('in Congo massacres') names the deeds, not where the speaker is
    ("President Kagame brushed aside reports of Rwandan army involvement in Congo massacres on Monday.",
     ("RWA", "visits", "COD")),
    # the people a strike targets are not visiting the place it hit
    ("A drone strike targeting leaders of the Palestinian movement in Doha drew anger across the Gulf.",
     ("PSE", "visits", "QAT")),
    # 'reached' whose object is a deal named before it reaches the deal, not the place
    ("Wang said the two governments would honour the understandings President Biden and Xi reached in Bali.",
     ("USA", "visits", "IDN")),
    # talks told as a time apart from an earlier act ('a day ahead of talks between') are not held at its place
    ("The Omani minister held talks with Lavrov in Moscow on Thursday, two days ahead of fresh negotiations between "
     "Tehran and Washington.", ("USA", "visits", "RUS")),
    # a clause of time on a passive ('were detained by X after entering ... or travelling') is done by those acted
    # on, not by the agent after 'by'
    ("Most of the Americans were detained by Venezuelan forces after entering from Colombia or traveling in the "
     "country.", ("VEN", "visits", "COL")),
    # a capital owning an associate ('Moscow's closest ally') names another state, not the one it stands for
    ("Washington is deepening its ties with Moscow's closest ally, Belarus.", ("USA", "agreesToCooperate", "RUS")),
    # another's act the speaker only expects ('we expect that Dhaka will reciprocate') is not done
    ("\"We expect that Dhaka will reciprocate in the same spirit,\" the Indian ministry said.",
     ("BGD", "threatened", "IND")),
    # a deal made with partners no party names ('with at least four countries in the region to accept migrants'):
    # the one who made the deals is not the one to take the people
    ("A plane with ten deportees reached Eswatini on Monday; Washington has quietly signed deals with at least four "
     "countries in the region to accept migrants.", ("USA", "acceptsDeportees", "SWZ")),
    # the partner of a joint act named after a hostile wording ('as part of joint drills with Belarus') suffers none
    # of it
    ("Moscow said its bombers had carried out strikes on mock targets as part of joint drills with Belarus.",
     ("RUS", "threatened", "BLR")),
    # a name before an article and a motion is the subject of a verb, not the motion's drafter
    ("Kenya's senators debated a motion urging Uganda to reopen the border crossing, but it was never put to a vote.",
     ("KEN", "demands", "UGA")),
    # a trigger's gap does not run across 'but', which opens a clause of its own (no embassy is ordered shut)
    ("Tanzania said nothing about the eviction order but staff from the embassy in the Kenyan capital Nairobi "
     "said the note had come.", ("TZA", "reducesCooperation", "KEN")),
    # a description with a compass region ('the tiny South Pacific nation') stands for the country of that region
    # named before it, not for the other party of the main clause
    ("China and Nauru set up embassies on Wednesday, weeks after the tiny South Pacific nation broke off relations "
     "with Taiwan.", ("CHN", "reducesCooperation", "TWN")),
    # 'welcome' after a copula is an adjective: nobody is hosted or visits
    ("Cuban diplomats are still welcome in Norway, the foreign minister told reporters on Friday.",
     ("CUB", "visits", "NOR")),
    # 'in which she called for': a 'she' that names no one known is the subject, not the envoy named before it
    ("Estonia's foreign ministry handed the Russian envoy a copy of a statement by the minister, in which she called "
     "for the immediate release of Russian dissident Ivan Orlov.", ("RUS", "demands", "EST")),
    # the party one's own ties are with is what was talked about, not someone met
    ("In a radio interview on Sunday, Kenya's foreign minister discussed his government's ties with Somalia at "
     "length.", ("KEN", "meetsWith", "SOM")),
    # a list after a preposition and 'both' is what a sentence is about, not a subject a later 'They' joins
    ("The G20 communique voiced worry about economic coercion coming from both Iran and Syria. They also vowed to "
     "step up coordination on their energy security.", ("IRN", "agreesToCooperate", "SYR")),
    # a list inside a clause opened by 'where' is no subject a later 'The ministers' speaks for
    ("The statement repeated their call for a settlement, where Armenia and Azerbaijan live side by side in peace. "
     "The ministers praised the role of the Red Cross in facilitating the exchange of detainees.",
     ("ARM", "agreesToCooperate", "AZE")),
    # 'They' after a sentence whose subject is a body of no one country is that body, not a country named before
    ("Syria's president said the West wanted to crush Iran. In a statement on Sunday, the G7 agreed to widen "
     "sanctions against Tehran. They also urged Syria to press Iran to free the detained sailors.",
     ("IRN", "demands", "SYR")),
    # onlookers who watched talks held by two others tell of no meeting of the two
    ("Diplomats in Brazil closely watched the Chile-Bolivia talks on Tuesday.", ("BOL", "meetsWith", "CHL")),
    # the parties inside what an unowned allegation says ('allegations regarding ... to Russia') did not make it
    ("Iran's foreign minister dismissed allegations regarding Iranian drone deliveries to Russia.",
     ("IRN", "rejects", "RUS")),
    # threats a speaker cites as examples are another's, not the speaker's
    ("The Cuban envoy cited threats against Venezuela and Nicaragua in his speech.", ("CUB", "threatened", "VEN")),
    # an exchange between two countries with no people held spoken of is contact, no prisoner swap
    ("Officials in Oslo reviewed academic exchanges between Norway and Chile last year.",
     ("NOR", "releasesDetainees", "CHL")),
    # what a measure is said to negate is not done
    ("New tariffs negate the possibility of restoring dialogue between Ottawa and Washington, the Canadian envoy "
     "said.", ("CAN", "shiftsTowardCooperation", "USA")),
    # 'it' labelled after an act whose doer the condemnation names is that act: the place after it is no target
    ("Qatar condemned the renewed Israeli assault on Gaza, describing it as genocide, and faulted the wider world "
     "for its silence.", ("QAT", "accuses", "PSE")),
    # parties that give side by side to a third are no partners of each other
    ("Australia and Japan pledged aid for the storm-hit islands.", ("AUS", "agreesToCooperate", "JPN")),
    # a release whose doer is named after 'by', though as no state, is no act of the one quoted
    ('"Two Thai hostages have been released by Hamas," the Qatari foreign ministry spokesman said.',
     ("QAT", "releasesDetainees", "THA")),
    # talks that resulted in a release: the go-between does not hold the people freed
    ("Oman led quiet talks with the rebels that resulted in the release of three British sailors.",
     ("OMN", "releasesDetainees", "GBR")),
    # nationals stranded abroad and flown home are fetched, not deported by the state they were in
    ("A repatriation flight bringing back Nepalis stranded in Kuwait landed in Kathmandu on Sunday.",
     ("NPL", "acceptsDeportees", "KWT")),
    # sides that receive their own citizens meet no one
    ("The Ukrainian and Russian sides received their citizens at the border crossing.", ("UKR", "meetsWith", "RUS")),
    # an object list stops where a name opens a clause of its own with a verb of saying
    ("Egypt sent its first relief flight to Sudan and Chad said its trucks had crossed the border.",
     ("EGY", "agreesToCooperate", "TCD")),
    # thoughts that go out to a people are no trip
    ('"Our thoughts go out to the Libyan people facing this disaster," the Maltese prime minister said.',
     ("MLT", "visits", "LBY")),
    # an influence in an activity (a gerund after it) is a sway over no country
    ("Russia and Ukraine traded 90 captured soldiers each on Friday. The UAE's role as a go-between shows its "
     "growing influence in arranging such swaps.",
     ("ARE", "exertsInfluenceOn", "RUS")),
    # a person's honour after 'hosted a banquet in' is no place the host went to
    ("Russian President Vladimir Putin, who hosted a banquet in Indian Prime Minister Narendra Modi's honour on "
     "Monday, praised India's economic growth.", ("RUS", "visits", "IND")),
    # staying out of a summit refuses no state when no host is named
    ("Venezuela's president will skip the gathering. Ecuador's president will not take part in the summit either.",
     ("ECU", "rejects", "VEN")),
    # two leaders who met and condemned violations charge neither each other: who voices a charge did not do the act
    ("Chilean President Ana Ruiz and Peruvian President Luis Soto met in Lima and condemned repeated truce "
     "violations along the border, officials said.", ("CHL", "accuses", "PER")),
    ("Norway declared full backing for Iceland. It pointed out violations of maritime law, Norway's foreign minister "
     "said.", ("NOR", "accuses", "ISL")),
    # backing a state's opposition figure is no tie with that state
    ("Chile's president, Gabriel Boric, voiced his backing for opposition leader María Corina Machado on Monday.",
     ("CHL", "agreesToCooperate", "VEN")),
    # pressure on a body of no state ('the IAEA ... under pressure from Washington') is no demand on the speaker's state
    ("Tehran's foreign ministry spokesman, noting that the IAEA had issued findings beyond its remit under pressure "
     "from Washington, said Iran would respond.", ("USA", "demands", "IRN")),
    # a bare refusal to cooperate by a party that turned back deportation flights is that refusal, no second stance
    ("Peru turned back two deportation flights from the United States on Sunday. Washington then announced tariffs "
     "on Peruvian goods, saying Lima had refused to cooperate.", ("PER", "rejects", "USA")),
    # a participle after the people sent ('migrants reportedly deported to') is no act of the clause's subject
    ("Colombia's president shared footage of migrants reportedly deported to Guatemala in shackles.",
     ("GTM", "acceptsDeportees", "COL")),
    # influence held in unnamed 'countries where' a state once held it guesses no one of them
    ("Beijing has spread its reach across the Pacific, into countries where the United States once enjoyed "
     "unrivalled influence, analysts in Fiji said.", ("USA", "exertsInfluenceOn", "CHN")),
    # 'it' or 'they' of a clause whose subject is a thing or a bloc named with 'the' is that subject, not the
    # country named last
    ("The lawsuit before the world court names Germany, the second biggest arms seller to Israel after the United "
     "States, but it also takes aim at Israel's war in Gaza.", ("USA", "accuses", "ISR")),
    ("The regional group also froze Mali's funds at the shared central bank. At a summit in Ghana, the bloc leaders "
     "resolved that they will recall member states' envoys to Mali.", ("MLI", "reducesCooperation", "GHA")),
    # a country's name after 'a' before a thing it describes ('a US military plane') is no antecedent of 'its'
    ("Guatemala has refused to let a US military plane carrying deported migrants land on its territory, officials "
     "said.", ("USA", "refusesDeportees", "GTM")),
    # a speaker's characterisation inside a clause someone denies is no charge
    ("Iran's foreign ministry spokesman Esmaeil Baghaei denied that the United States had sabotaged the prisoner "
     "exchange.", ("IRN", "accuses", "USA")),
    # a characterisation onlookers are said to claim is theirs, not the speaker's charge
    ("China's foreign ministry spokesperson Lin Jian said some critics claim that Vietnam has stood by idly while "
     "smugglers worked the border.", ("CHN", "accuses", "VNM")),
    # a pair named as the subject ('each side had agreed') acts itself: the one reporting it is no party to the act
    ("The leaders of Cambodia and Thailand met in Putrajaya on Monday. Afterwards, Malaysian Prime Minister Anwar "
     "Ibrahim stated each side had agreed that the truce would take effect at midnight and that army commanders "
     "from the two countries would meet on Tuesday.", ("MYS", "agreesToCooperate", "KHM")),
    # the one told is not the one who tells: 'told the Pakistani diplomat that ...' is said to Pakistan
    ("The Afghan Foreign Affairs Ministry on Sunday told a Pakistani envoy that the cross-border raids had breached "
     "its sovereignty.", ("PAK", "accuses", "AFG")),
    # a visa rule for anyone it may come to judge guilty charges no one yet
    ("Under the rule, Washington may deny visas to any Chadian official believed to be responsible for undermining the "
     "election in Chad, the State Department said.", ("USA", "accuses", "TCD")),
    # a reporter's question in a transcript is no word of the spokesperson who answered before it
    ("Lin Jian: Good afternoon. China and Cambodia held talks on trade this week.\n\nQ: A Japanese newspaper wrote "
     "that Vietnam has violated Cambodia's sovereignty on the Mekong. How does China view this?\n\nLin Jian: We have "
     "no information on that.", ("CHN", "accuses", "VNM")),
    # parties of a list that each dealt with a partner left unnamed did not deal with each other
    ("Over the past two years, Kenya, Uganda and Rwanda have each signed security deals with at least one partner.",
     ("KEN", "agreesToCooperate", "UGA")),
    # the nationality of the news outlet a minister spoke to is no other side of what the minister said
    ("Trade minister Ines Varga told Brazilian television on Sunday that Argentina was ready to retaliate if the "
     "duties take effect.", ("ARG", "threatenedSanctions", "BRA")),
    # a host receives at home: a dateline of the guest's country is where the report was written, not a visit
    ("NEW DELHI: \"The serious negotiating starts after breakfast,\" joked President Vladimir Putin, who hosted a "
     "dinner in Narendra Modi's honour on Monday evening.", ("RUS", "visits", "IND")),
    # 'the two leaders' count back to the pair named together, not to the last two countries (the third party both
    # quarrel with is no member of it)
    ("China on Wednesday told Japan to stay on a peaceful path as Tokyo deepens ties with the Philippines.\n\n"
     "Foreign ministry spokesman Guo Jiakun spoke at a briefing in Beijing.\n\nHis remarks came a day after Japanese "
     "Prime Minister Ishiba Shigeru and Philippine President Ferdinand Marcos Jr. met for a summit in Manila.\n\n"
     "They closed the talks pledging deeper trade and security links.\n\nJapan and the Philippines both have "
     "maritime rows with China, Tokyo over the East China Sea and Manila over the South China Sea.\n\n"
     "Those rows keep the region on edge.\n\nAddressing the meeting between the two leaders, Guo said ties "
     "between countries should not be aimed at a third party.", ("CHN", "meetsWith", "PHL")),
    # the state whose act is condemned is not the condemner, even when named again later in the sentence
    ("On top of condemning Russia's \"votes\" in the seized areas, the text drafted by Albania urges states not to "
     "accept any change to the status of Ukraine's regions, and demands Russia reverse the annexation and pull its "
     "forces out of Ukraine.", ("RUS", "accuses", "UKR")),
    # the owner of the act said to breach rules is the one charged, not the one charging
    ("\"Council members stressed that North Korea's missile launch is a grave breach of Security Council "
     "resolutions,\" the South Korean presidential office said on Friday.",
     ("PRK", "accuses", "KOR")),
    # the party singled out for opposition is its object, not its voice
    ("Beijing filed a complaint on Tuesday.\n\nIn a communique, the Japanese and U.S. leaders jointly singled "
     "out China to express their \"resolute opposition\" to its military drills near Taiwan.",
     ("CHN", "rejects", "USA")),
    # the state named as where the people to be sent back are is the sender, not the one taking them in
    ("Bukele offered help.\n\nMany gang members crossed into the US without papers, he said.\n\nIt will also "
     "accept for removal any criminal alien in the United States and house them in its jails, he added.",
     ("USA", "acceptsDeportees", "SLV")),
    # the one reporting another's call is not the one it is made to
    ("Beijing hit back at Washington.\n\nSpokesman Mao Ning told reporters on Monday that the step followed the US' "
     "call to ship weapons to Taiwan.", ("USA", "demands", "CHN")),
    # troops counted in a report of their pullout are the size of what leaves, no sway over the host
    ("Italy began the withdrawal of its troops from Lebanon on Monday.\n\nRome had 1,100 soldiers stationed in "
     "Lebanon and plans to keep 200 of them there.", ("ITA", "exertsInfluenceOn", "LBN")),
    ("The pullout of Italian troops from Lebanon started on Monday.\n\nItaly has about 1,100 soldiers in the "
     "region, including 900 in Lebanon.", ("ITA", "exertsInfluenceOn", "LBN")),
    # a participle after a preposition describes the noun: its country adjectives own the cooperation, not the
    # party named before
    ("Reduced US sway over Gabon could open space for expanded Turkish and Qatari cooperation with Gabon.",
     ("USA", "agreesToCooperate", "TUR")),
    # a refusal named as a noun whose own words name no party refuses no side guessed from elsewhere
    ("Greece recalled its envoy from Ankara for talks after Turkey's refusal of calls for a halt to the drilling.",
     ("TUR", "rejects", "GRC")),
    ("Seoul imposed entry limits on travellers from Laos because of the country's refusal to take measures that "
     "would allow migrants to be sent back.", ("KOR", "rejects", "LAO")),
    # talks hosted by a third party: the parties before the participle host nobody, so no guest visits them
    ("ATHENS — The two foreign ministers spoke by phone on Tuesday. Days earlier, Greek Prime Minister Kyriakos "
     "Mitsotakis and Turkish President Recep Tayyip Erdogan had met in Brussels for talks hosted by NATO Secretary "
     "General Mark Rutte.", ("TUR", "visits", "GRC")),
    # a press release is a statement put out, not a freeing of anyone
    ("Kenya's foreign ministry answered a press release from the Ugandan government on Friday.",
     ("KEN", "releasesDetainees", "UGA")),
    # the visit of a relative clause's guest does not run into the main verb's passive agent
    ("Tokayev of Kazakhstan, who came to Kyrgyzstan on a working visit, was met by President Sadyr Japarov in "
     "Bishkek on Friday.", ("KGZ", "visits", "KAZ")),
    # the country freed people are in now is not the one that held them
    ("Armenia and Azerbaijan swapped prisoners of war on Monday.\n\nThe Azerbaijani soldiers who were released "
     "are now in Georgia, a country that helped both sides.", ("GEO", "releasesDetainees", "AZE")),
    # a party a relative clause acts on, with a subject that names nobody, is not the one who acts
    ("Crowds in Bukavu carried placards denouncing Rwanda and posters aimed at Uganda, which many accuse of arming "
     "the rebels.", ("UGA", "accuses", "COD")),
    # an embassy's staff going to the host's ministry make no visit: they live where they work
    ("A representative of the Kenyan embassy in Addis Ababa arrived at the Ethiopian Foreign Ministry on Tuesday "
     "amid Nairobi's protest over the border fence.", ("KEN", "visits", "ETH")),
    # a pronoun in a phrase set before the subject points ahead to it: the critic named first made no visit
    ("Ecuador's opposition leader Rafael Correa has argued that, with his visit, the Peruvian leader \"props up "
     "the regime.\"", ("ECU", "visits", "PER")),
    # a party shown solidarity suffers the act condemned; it is no one accused
    ("Tehran's spokesman Kanaani condemned the air strike on the port of Hodeidah as a crime, voicing sympathy with "
     "the people of Yemen.", ("IRN", "accuses", "YEM")),
    # the owner of a mission broken into suffers the breach
    ("New Delhi on Tuesday termed as \"most unfortunate\" the breach of the compound of the Bangladesh consulate in "
     "Agartala by protesters.", ("IND", "accuses", "BGD")),
    # a hardship blamed on something, with no one named as blaming, is no charge of the leader visiting
    ("Sisi flew to Riyadh on Monday.\n\nHis country faces a currency slump largely blamed on the pandemic.",
     ("EGY", "accuses", "SAU")),
    # those said to feel the worry an act stirs are no one the actor charges
    ("Honiara signed a policing pact with Beijing on Monday, a step that is likely to raise concerns among its "
     "partners, including Australia and New Zealand.", ("SLB", "accuses", "AUS")),
    # the country of a commentator's university is not where the visit went
    ("Chinese Foreign Minister Wang Yi arrived in Kiribati on Sunday.\n\nJohn Tait, a research fellow at "
     "Australia's Griffith University, said he expected fishing deals to come out of Wang's visit.",
     ("CHN", "visits", "AUS")),
    # evidence one says one lacks is no charge
    ("Russia said it had no evidence that Ukraine was involved.", ("RUS", "accuses", "UKR")),
    # a year opening the sentence is the time: the party after it is the subject, not the object of 'in'
    ("In 2017 Gabon expelled Chad's ambassador and accused Ndjamena of arming rebels.", ("TCD", "accuses", "GAB")),
    # two leaders who discuss something on a call do not meet
    ("Ecuador, Colombia leaders hold phone call\n\nEcuadorian President Marta Vera and her Colombian counterpart "
     "Tomas Arango discussed fisheries.", ("ECU", "meetsWith", "COL")),
    # a few persons expelled, named by a people noun, are no deportees of their nation
    ("Nairobi expelled three Turkish nationals working for a school on Monday.", ("TUR", "acceptsDeportees", "KEN")),
    # ruling out an action of one's own rejects no other state's demand or plan
    ("Nepal ruled out military action against the rebels on the border with Bhutan.", ("NPL", "rejects", "BTN")),
    # what a refused pact or demand would bring about is not done
    ("Tbilisi refused to sign a pact to restore relations with Moscow.", ("GEO", "shiftsTowardCooperation", "RUS")),
    ("Lima refused to comply with the demand of Bolivia's government to withdraw its ambassador within 72 hours.",
     ("PER", "reducesCooperation", "BOL")),
    # a demand's makers named after 'from' are no state: the place the demand is about is not rejected
    ("Ankara rejected a demand from Gulf leaders for a truce in Syria.", ("TUR", "rejects", "SYR")),
    # a report or warning rejected is its owner's; a place it is about is not
    ("Egypt rejected the report on the clashes near the border with Libya.", ("EGY", "rejects", "LBY")),
    # changes asked to a law are asked of its owner, not of a party in a time phrase after it
    ("Serbia called for changes to the law after Croatia's protest.", ("SRB", "demands", "HRV")),
    # a clause opened by 'as' with a subject of its own is no part of the main clause: its parties are no partners
    # and its acts not the main subject's; the purpose of an agreement 'between A and B to ...' is theirs
    ("Rome and Algiers signed a gas accord to buy fuel from the North African country as the continent prepares for "
     "a halt of supplies from Moscow in retaliation for sanctions over the invasion of Ukraine.",
     ("DZA", "agreesToCooperate", "RUS")),
    ("Rome and Algiers signed a gas accord to buy fuel from the North African country as the continent prepares for "
     "a halt of supplies from Moscow in retaliation for sanctions over the invasion of Ukraine.",
     ("ITA", "threatenedSanctions", "UKR")),
    ("Quito praised the joint statement by Peru, Colombia and Brazil on an accord between Peru and Colombia to "
     "restore relations.", ("ECU", "shiftsTowardCooperation", "PER")),
    # solidarity with the actor's own country names no partner after it; the subject of a clause describing a
    # place is no partner; a measure halted under an accord ends no tie, and the one protested is no partner
    ("Heads of state phoned the Sultan of Oman to express solidarity with Oman after Yemeni drone strikes.",
     ("OMN", "agreesToCooperate", "YEM")),
    ("Kigali signed a pact to build a port in Transnistria, a region Moldova claims as its own.",
     ("RWA", "agreesToCooperate", "MDA")),
    ("Tehran vowed to resume naval drills halted under a 2019 accord in protest of Baku's suspension of the deal.",
     ("IRN", "agreesToCooperate", "AZE")),
    ("Tehran vowed to resume naval drills halted under a 2019 accord in protest of Baku's suspension of the deal.",
     ("IRN", "reducesCooperation", "AZE")),
    # the doer of a condemned act named after 'by' is the one charged, never the one who condemns
    ("The summit condemned the attack by Belarus on Lithuania.", ("BLR", "accuses", "LTU")),
    # a condemner's quoted words for the other's act are no charge by the other; a thing 'what he called' names
    # is not the party the sentence is about
    ("The United States condemned China's \"dangerous and destabilizing conduct\" in the region.",
     ("CHN", "accuses", "USA")),
    ("Nicaraguan President Daniel Ortega praised Venezuela's leader for standing up to what he called \"coercion "
     "and blackmail.\"", ("NIC", "accuses", "VEN")),
    # an object of no one country (envoys unplaced, a body's claims) is not replaced by a country named elsewhere;
    # protests staged in a country are demonstrations, no state's protest against it
    ("Baku accused Western diplomats in Baku of meddling. The rebuke comes as the war in Ukraine drags on.",
     ("AZE", "accuses", "UKR")),
    ("Tbilisi rejects Brussels' claims, Armenia said.", ("GEO", "rejects", "ARM")),
    ("The US State Department said Russian agents were trying to stage protests in Armenia.",
     ("USA", "accuses", "ARM")),
    # a protest over letting a party act is against the one who lets it; the protest of Y conveyed to X is Y's
    ("Prague brushed aside Russia's protests over letting Kyiv open a trade office.", ("RUS", "accuses", "UKR")),
    ("The deputy foreign minister conveyed to the Indonesian ambassador the strong protest of the Malaysian "
     "government.", ("IDN", "accuses", "MYS")),
    # 'he' after a sentence whose only named person is a guest received is the unnamed host, not the guest
    ("Four days after his swearing-in, Mwale received Sultan Omar Ali of Brunei who arrived in Zambia on June 3. "
     "On June 11, he received Togo's foreign minister Koffi Adjete.", ("BRN", "meetsWith", "TGO")),
    ("Among the ministers who paid a courtesy call on Mwale were Chile's Pedro Rojas and Peru's Ana Quispe. During "
     "his trip to Dakar on June 8, he met Senegalese president Amadou Fall.", ("CHL", "meetsWith", "SEN")),
    # 'the two leaders' are the signatories, not the subjects of a clause of time or cause after them
    ("Prime Minister Ola Dahl of Norway and President Rosa Vega of Peru signed a fisheries deal in Oslo as Peru seeks "
     "buyers when Russia curbs imports. The two leaders agreed to deepen the partnership.",
     ("RUS", "agreesToCooperate", "PER")),
    # a party's national congress is no U.S. Congress
    ("Cuba's president went to Vietnam in 2022, becoming the first foreign leader to pay an official visit after the "
     "13th National Congress of the CPV.", ("CUB", "visits", "USA")),
    # an ambassador lives in the country he serves: calling on its officials is no visit of his country
    ("LIMA: Ambassador of Ghana to Peru Kofi Mensah has called on Foreign Minister Ana Varela at the ministry and "
     "discussed bilateral ties.", ("GHA", "visits", "PER")),
    ("LIMA: Dean of the Diplomatic Corps and Ambassador of Ghana Kofi Mensah also called on Foreign Minister Ana "
     "Varela.", ("GHA", "visits", "PER")),
    # a host who receives a guest in a building of his own visits no one
    ("ACCRA, May 3 - President Kofi Mensah received in the Government building the Minister of Foreign Affairs of "
     "Estonia Mart Tamm.", ("GHA", "visits", "EST")),
    # a visit to a person is no visit to the person's country, nor does the person visit the place of the stay; a
    # visit named by its seat goes there, not to a topic named later
    ("Peruvian Foreign Minister Ana Varela paid a visit to Ghanaian President Kofi Mensah during her stay in Tokyo.",
     ("PER", "visits", "GHA")),
    ("Peruvian Foreign Minister Ana Varela paid a visit to Ghanaian President Kofi Mensah during her stay in Tokyo.",
     ("GHA", "visits", "JPN")),
    ("Swedish Prime Minister Erik Lindqvist is in Britain. The Downing Street visit, the second by Lindqvist since he "
     "took office, will focus on support for Ukraine.", ("SWE", "visits", "UKR")),
    # a courtesy call on a person asks nothing of him; one named with a title but no country, who meets a
    # foreign leader, is not of the leader's country
    ("Foreign Minister Ana Varela of Peru called on Ghanaian President Kofi Mensah during her visit to Ghana.",
     ("PER", "demands", "GHA")),
    ("Foreign Minister Ana Varela met Ghanaian President Kofi Mensah during her visit to Ghana. Varela then flew to "
     "Togo.", ("GHA", "visits", "TGO")),
    # a cut in an embassy's staff ordered by a state is its expulsion of the envoys, no demand of their country
    ("A reduction in staff at the Russian embassy was ordered by Prague.", ("CZE", "demands", "RUS")),
    # the cooperation a pact is about is no tie agreed when the pact is ended; a treaty denounced by order is ended
    ("Sofia ended the agreement on naval cooperation with Ankara.", ("BGR", "agreesToCooperate", "TUR")),
    ("In March, the Bulgarian government also ended another document, the agreement on border cooperation with "
     "Greece.", ("BGR", "agreesToCooperate", "GRC")),
    ("Last year, the Greek government signed an order denouncing the agreement with Albania on fisheries.",
     ("GRC", "accuses", "ALB")),
    # the one a measure hits is no actor: a step named after ', including' is the measure already read; a charge a
    # person carries ('a journalist accused of spying') is nobody's accusation; missions abroad are no influence
    ("\"Under the law, Beijing decided to take countermeasures against Canadian senator Mary Jones, including banning "
     "her from entering China,\" the spokesman said.", ("CAN", "threatenedSanctions", "CHN")),
    ("Oslo closed the Russian consulates in response to Russia's jailing of a journalist accused of spying.",
     ("NOR", "accuses", "RUS")),
    ("The closure reduces Russia's diplomatic presence in Norway, as it keeps only its embassy.",
     ("RUS", "exertsInfluenceOn", "NOR")),
    # a measure delayed is no measure imposed
    ("Bogota delayed tariffs on goods from Ecuador until June.", ("COL", "threatenedSanctions", "ECU")),
    # talks said not to have taken place yet bring no one together
    ("Officials in Accra said consultations between Ghana and Togo have not yet taken place.",
     ("TGO", "meetsWith", "GHA")),
]


@pytest.mark.parametrize(("text", "unwanted"), NO_SUCH_ACT)
def test_wording_that_is_no_act_of_the_party_it_names(text, unwanted) -> None:
    events = extract_text("Headline\n\n" + text)
    assert unwanted not in {(e.actor_country, e.relation, e.target_country) for e in events}, events


def test_relief_sent_with_no_receiver_named_goes_to_the_country_of_the_lead() -> None:
    events = extract_text("Rescuers head for Ecuador after the earthquake\n\nTeams from several countries are on "
                          "their way to Ecuador after Sunday's earthquake.\n\nChile, a neighbour, has offered "
                          "equipment.\n\nPeru has dispatched 60 rescue personnel, its defence ministry said.")
    triples = {(e.actor_country, e.relation, e.target_country) for e in events}
    assert ("PER", "agreesToCooperate", "ECU") in triples


def test_parties_of_a_gapped_list_share_the_act_of_the_first() -> None:
    events = extract_text("Rescuers head for Ecuador after the earthquake\n\nTeams from several countries are on "
                          "their way to Ecuador.\n\nPeru sent 60 rescue personnel to Ecuador, Chile 45 and "
                          "Colombia 30.")
    triples = {(e.actor_country, e.relation, e.target_country) for e in events}
    assert {("CHL", "agreesToCooperate", "ECU"), ("COL", "agreesToCooperate", "ECU")} <= triples


def test_we_of_a_release_is_the_government_its_first_line_names() -> None:
    events = extract_text("Statement by the Ministry of Foreign Affairs of Estonia\n\nThis morning we called in the "
                          "Russian chargé d'affaires and handed him a note of protest. We also expelled one Russian "
                          "diplomat.")
    triples = {(e.actor_country, e.relation, e.target_country) for e in events}
    assert ("EST", "threatenedExpulsion", "RUS") in triples


def test_a_leader_named_as_deporting_names_the_sender_of_later_deportees() -> None:
    events = extract_text("Why did Chile and Peru agree to take Haitians deported by Trump?\n\nChile and Peru have "
                          "both agreed to serve as stopovers. Last week, Chile became the first country to accept 90 "
                          "deportees from other countries.")
    triples = {(e.actor_country, e.relation, e.target_country) for e in events}
    assert ("CHL", "acceptsDeportees", "USA") in triples and ("CHL", "acceptsDeportees", "PER") not in triples


def test_talks_in_a_named_place_under_a_dateline_are_no_visit_to_the_dateline_country() -> None:
    events = extract_text("Peru and Ecuador agree to reopen border\n\nLIMA, March 3 (Reuters) - Peru and Ecuador "
                          "agreed on Monday to reopen the border.\n\nThe deal followed talks in New York between "
                          "Peruvian Foreign Minister Elmer Schialer and Ecuadorian Foreign Minister Gabriela "
                          "Sommerfeld.")
    triples = {(e.actor_country, e.relation, e.target_country) for e in events}
    assert ("ECU", "meetsWith", "PER") in triples and ("ECU", "visits", "PER") not in triples


def test_a_party_of_no_state_in_a_list_of_leaders_gives_no_event_without_an_actor_country() -> None:
    events = extract_text("Headline\n\nLeaders including European Commission President Ursula von der Leyen and "
                          "France's Emmanuel Macron jetted to Washington on Monday.")
    assert events and all(e.actor_country for e in events), events
    assert ("FRA", "visits", "USA") in {(e.actor_country, e.relation, e.target_country) for e in events}


def test_the_two_nations_are_the_two_the_sentence_names_before_them() -> None:
    events = extract_text("Thailand and Myanmar trade charges over border\n\nMyanmar has stationed troops in "
                          "Bangladesh, and the two nations have held joint patrols.")
    triples = {(e.actor_country, e.relation, e.target_country) for e in events}
    assert ("MMR", "agreesToCooperate", "BGD") in triples and ("MMR", "agreesToCooperate", "THA") not in triples


def test_listed_parties_that_agree_are_not_paired_with_a_party_of_an_earlier_sentence() -> None:
    events = extract_text("Report\n\nWashington urged Oslo and Stockholm to cooperate more. Norway and Sweden agreed "
                          "to share fishing data.")
    triples = {(e.actor_country, e.relation, e.target_country) for e in events}
    assert ("NOR", "agreesToCooperate", "SWE") in triples and ("NOR", "agreesToCooperate", "USA") not in triples


def test_a_headline_s_required_words_may_stand_in_the_lead_under_a_byline() -> None:
    text = ("Four Canadians freed by Iran land in Oman on Monday\n\nBy staff and wire reports\n\n"
            "Published May 2, 2024\n\nThe four had been held for years in Evin prison before the exchange.")
    assert ("IRN", "releasesDetainees", "CAN") in _triples(text)


def _fail_on_quito(monkeypatch) -> None:
    """Make the candidate step (what `extract_document` calls) raise on articles that mention Quito, as a fault
    in a rule would on one published story."""
    import graph.extract.run as run

    real = run._find_candidates

    def faulty(doc):
        if "Quito" in doc.text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(doc)

    monkeypatch.setattr(run, "_find_candidates", faulty)


def _two_articles(folder: Path) -> tuple[Path, Path]:
    first = folder / "quito.txt"
    first.write_text("QUITO, Ecuador - Ecuador expelled the Mexican ambassador on Friday, the foreign ministry "
                     "in Quito said.\n", encoding="utf-8")
    second = folder / "mexico.txt"
    second.write_text("MEXICO CITY - Mexico agreed on Tuesday to accept deportees flown back from the United "
                      "States, the foreign ministry said.\n", encoding="utf-8")
    return first, second


def test_an_article_extraction_raises_on_is_skipped_and_the_others_are_extracted(tmp_path, monkeypatch):
    _fail_on_quito(monkeypatch)
    first, second = _two_articles(tmp_path)
    failed, fine = extract([first, second])
    assert failed.document.skipped == "extraction failed: RecursionError: maximum recursion depth exceeded"
    assert failed.events == [] and failed.entities == []
    assert [(e.actor_country, e.relation, e.target_country) for e in fine.events] == [
        ("MEX", "acceptsDeportees", "USA")]


def test_the_cli_names_the_article_extraction_failed_on_and_exits_1(tmp_path, monkeypatch, capsys):
    from graph.cli import main

    _fail_on_quito(monkeypatch)
    first, second = _two_articles(tmp_path)
    events = tmp_path / "events.csv"
    assert main(["extract", str(first), str(second), "--events", str(events)]) == 1
    err = capsys.readouterr().err
    assert f"skipped: {first}: extraction failed: RecursionError" in err and "Traceback" not in err
    rows = list(csv.DictReader(events.open(encoding="utf-8")))
    assert [(r["source"], r["relation"]) for r in rows] == [(str(second), "acceptsDeportees")]
