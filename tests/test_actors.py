"""The mention stage (graph/actors/): people named as news writes them, placed in the right country."""

from __future__ import annotations

import os

import pytest

from graph.actors import find_actors
from graph.documents import document_from_bytes
from graph.extract import extract_document


def people(text: str) -> dict[str, str]:
    """Person name (as `extract --entities` lists it) -> country."""
    entities = extract_document(document_from_bytes("a.txt", text.encode("utf-8"))).entities
    return {e.row()["name"]: e.country for e in entities if e.type == "person"}


@pytest.mark.parametrize(("text", "name"), [
    ("U.S. Ambassador MaryKay Carlson said the boats were in Philippine waters.", "MaryKay Carlson"),
    ("Irish Foreign Minister Helen McAllister said Dublin would not send troops.", "Helen McAllister"),
    ("Italian senator Carla DiMaio said Rome wanted answers.", "Carla DiMaio"),
    ("Prime Minister Pedro Sanchez wrote to King Mohammed VI of Morocco on Friday.", "Mohammed VI"),
    ("Saudi National Security Adviser Mosaad bin Mohammed al-Aiban hosted the talks.",
     "Mosaad bin Mohammed al-Aiban"),
    ("UAE President Sheikh Mohamed bin Zayed Al Nahyan met the delegation on Thursday.",
     "Sheikh Mohamed bin Zayed Al Nahyan"),
    ("Uruguay's Interior Minister Santiago Ferreyra told reporters the border talks had gone well.",
     "Santiago Ferreyra"),
])
def test_names_are_read_whole(text, name):
    assert name in people(text)


def test_a_given_name_written_short_does_not_cut_the_sentence() -> None:
    found = people("Department of Foreign Affairs spokesperson Ma. Lourdes Bautista on Monday said Manila had lodged "
                   "a protest with the Chinese embassy. Philippine officials said it was the fifth this year.")
    assert found.get("Ma. Lourdes Bautista") == "PHL", found  # 'Ma.' opens the name, the sentence goes on


def test_a_former_official_whose_arrest_a_country_condemns_is_of_the_other_side() -> None:
    found = people("Peru announced it was recalling its ambassador from Bolivia. Peru firmly condemns the attack on "
                   "its consulate and the unlawful detention of former Prime Minister Carlos Rivas Mendoza.")
    assert found.get("Carlos Rivas Mendoza") == "BOL", found  # held by the side Peru condemns, not Peru's own


def test_a_us_only_title_with_portfolios_listed_by_commas_introduces_an_american() -> None:
    found = people("Hanoi hit back after Under Secretary of State for Arms Control, Nonproliferation and Disarmament, "
                   "Laura Kent, criticized Vietnam's export rules.")
    assert found.get("Laura Kent") == "USA", found  # the name follows the portfolios; only the US has the title


def test_an_embassy_s_second_in_command_is_of_the_embassy_s_country() -> None:
    found = people("Moscow ordered out Canadian Embassy second-in-command Laura Finch on Friday.")
    assert found.get("Laura Finch") == "CAN", found


def test_titles_of_honour_are_not_part_of_the_name():
    assert people("Britain's Prime Minister Sir Keir Starmer said the scheme was dead.") == {"Keir Starmer": "GBR"}


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Malaysian Foreign Minister Tan Sri Amir Yusof said Kuala Lumpur would send aid.", "Amir Yusof", "MYS"),
    ("PUTRAJAYA: Prime Minister Datuk Seri Razak Hamid received a courtesy call from Japan's Foreign Minister "
     "Kenji Sato.", "Razak Hamid", "MYS"),
    ("Kuwait's Emir His Highness Sheikh Nawaf Al Sabah received the Jordanian foreign minister.",
     "Sheikh Nawaf Al Sabah", "KWT"),
    ("Qatar's Minister of State H E Sultan bin Nasser Al Kuwari met the Omani envoy.",
     "Sultan bin Nasser Al Kuwari", "QAT"),
])
def test_honours_and_styles_are_not_part_of_the_name(text, name, country):
    assert people(text).get(name) == country


def test_a_countrys_full_style_before_a_name_gives_the_persons_country():
    text = "At the invitation of Thailand, President of the Socialist Republic of Vietnam Luong Cuong arrived."
    assert people(text).get("Luong Cuong") == "VNM"


def test_a_base_named_after_a_country_is_no_person():
    assert people("Two frigates berthed at Vietnam's Cam Ranh Base, which a Russian firm once ran.") == {}


def test_a_rulers_title_given_as_a_name_is_no_office():
    assert "Al Marri" not in people("DOHA: The Emir appointed Sultan Al Marri as the new ambassador to Muscat.")


def test_the_agency_spelling_of_a_known_leader_is_that_leader():
    # 'Zelenskiy', as agencies spell it, is the known Ukrainian president
    assert people("Fico told reporters he had asked Zelenskiy to reopen the pipeline before winter.").get(
        "Volodymyr Zelensky") == "UKR"


def test_a_person_keeps_the_spelling_of_the_text():
    assert "Abdel Fattah al-Sisi" in people("Egyptian President Abdel Fattah al-Sisi said Cairo would not accept it.")


@pytest.mark.parametrize(("text", "name"), [
    # the Arabic article transliterated the other way from the known spelling, and no title to introduce him
    ("Ankara on Monday welcomed Abdel Fattah al-Sisi for a day of talks on trade.", "Abdel Fattah al-Sisi"),
    # a known alternative spelling of the surname, written in full
    ("Speaking by video, President Volodymyr Zelenskyy asked the senators for more jets.", "Volodymyr Zelenskyy"),
])
def test_a_known_person_written_another_way_keeps_the_text_s_spelling(text, name):
    assert name in people(text), people(text)


def test_a_country_stated_anywhere_beats_the_country_of_the_sentence():
    text = ("Sri Lanka's Dissanayake secures refinery deal on Beijing trip\n\n"
            "President Anura Kumara Dissanayake returned from a four-day state visit to China on Friday with a deal "
            "for a refinery.\n")
    assert people(text)["Anura Kumara Dissanayake"] == "LKA"


def test_he_after_a_coordinated_speech_verb_is_the_sentence_subject() -> None:
    """'the president offered Rubio closer cooperation and said he would not renew': 'he' is the president."""
    from graph.actors import find_actors

    text = ("Panamanian President José Raúl Mulino met Secretary of State Marco Rubio on Sunday. Mulino offered "
            "Rubio closer cooperation and said he would not renew the agreement with China.")
    he = next(m for m in find_actors(text).mentions if m.text == "he")
    assert he.key == "José Raúl Mulino"


def test_the_other_side_of_a_table_is_not_the_home_country() -> None:
    text = ("MANILA, July 8 — Foreign Minister Aiko Tanabe signed the accord with Philippine Defense Secretary "
            "Ramon Dizon on Monday. Japan will send patrol boats to the Philippines under the accord.\n\n"
            "The Japanese ministers were in Manila for a meeting with Foreign Secretary Carlo Reyes.\n")
    found = people(text)
    assert found["Aiko Tanabe"] == "JPN"  # signed with the home side: the other side's minister
    assert found["Ramon Dizon"] == "PHL"
    assert found["Carlo Reyes"] == "PHL"  # met by the Japanese: not one of them


def test_aides_and_advisers_are_introduced_by_their_office() -> None:
    found = people("Rubio sat across from Foreign Minister Sergei Lavrov and Kremlin foreign policy aide Yuri "
                   "Ushakov for four hours. Later, White House aide Jake Sullivan said the talks were useful.")
    assert found["Yuri Ushakov"] == "RUS"  # 'Kremlin foreign policy aide': the owner before two modifiers
    assert found["Jake Sullivan"] == "USA"


def test_office_holders_news_names_without_their_country_are_known() -> None:
    found = people("RABAT - King Mohammed VI received the French foreign minister. Later, Joseph R. Biden spoke "
                   "with Bashar al-Assad's successor, and Khalifa Haftar met Abdulhamid Dbeibah in Tripoli.")
    assert found["Mohammed VI"] == "MAR"
    assert found["Joseph R. Biden"] == "USA"  # the knowledge base's Joe Biden
    assert found["Khalifa Haftar"] == "LBY" and found["Abdulhamid Dbeibah"] == "LBY"


def test_gulf_yemeni_and_caribbean_office_holders_named_without_their_country_are_known() -> None:
    found = people("MUSCAT - The envoy met President Abdrabbuh Mansur Hadi in Riyadh. Later, Sheikh Khalid bin Ahmed "
                   "al-Khalifa spoke to reporters, and Prime Minister Kamla Persad-Bissessar answered Caracas.")
    assert found == {"Abdrabbuh Mansur Hadi": "YEM", "Khalid bin Ahmed al-Khalifa": "BHR",
                     "Kamla Persad-Bissessar": "TTO"}, found


def test_long_gulf_names_are_read_whole() -> None:
    found = people("Bahrain's Foreign Minister, Shaikh Khalid bin Ahmed bin Mohammed Al Khalifa, met his Omani "
                   "counterpart.")
    assert [name for name in found if name.endswith("Al Khalifa")], found  # six parts, not cut at 'Al'



def test_an_office_holder_named_with_another_is_on_the_same_side() -> None:
    found = people("Washington wants a port deal, Blinken said in Lima on Monday. In talks with Boluarte and Foreign "
                   "Minister Elmer Salcedo, Blinken pressed for a port agreement.")
    assert found["Elmer Salcedo"] == "PER"  # 'Boluarte and Foreign Minister ...': one side, not the speaker's


def test_a_language_is_not_a_country() -> None:
    text = ("Panama will leave the programme, Mulino told reporters in Spanish on Sunday. A Spanish-language "
            "daily said Madrid had not been consulted.")
    mentioned = {m.country for m in find_actors(text).mentions if m.text.startswith("Spanish")}
    assert mentioned == set()
    assert {m.country for m in find_actors("The Spanish government protested.").mentions} == {"ESP"}


def test_a_gang_named_after_its_country_is_not_a_person() -> None:
    found = people("Ecuador will jail members of Venezuela's Tren de Aragua gang and Colombia's Clan del Golfo "
                   "cartel, Ecuador's Gabriela Sommerfeld said.")
    assert "Tren de Aragua" not in found and "Clan del Golfo" not in found
    assert found["Gabriela Sommerfeld"] == "ECU"


def test_a_known_leader_written_with_a_middle_name_is_known() -> None:
    found = people("ABUJA - The bloc, chaired by President Bola Ahmed Tinubu, warned Niamey on Sunday.")
    assert found["Bola Ahmed Tinubu"] == "NGA"  # Bola Tinubu of the knowledge base, not the country near him


def test_a_known_leader_whose_name_ends_in_jr_is_known_with_a_middle_name() -> None:
    found = people("BEIJING - A Chinese spokeswoman said President Ferdinand Romualdez Marcos should study the "
                   "history of the strait.")
    assert found == {"Ferdinand Marcos Jr.": "PHL"}, found


def test_a_minister_on_a_visit_to_a_country_is_not_of_the_country_visited() -> None:
    found = people("Kenya and Ethiopia signed the power deal on Monday during energy minister Abdi Hassan's visit "
                   "to Nairobi.")
    assert found == {"Abdi Hassan": "ETH"}, found


def test_a_subject_listing_both_sides_places_a_speaker_on_neither() -> None:
    found = people("Ethiopia secures Kenyan power supply\n\nKenya and Ethiopia signed the power deal on Monday during "
                   "energy minister Abdi Hassan's visit to Nairobi, deputy finance secretary Lydia Gebre told "
                   "reporters in Addis Ababa on Tuesday.")
    assert found["Lydia Gebre"] == "ETH", found


def test_a_person_said_to_be_on_a_visit_to_a_country_is_not_of_it() -> None:
    found = people("Kenya, Ethiopia hold joint drill\n\nArmy Chief General Peter Mwangi today watched the "
                   "Kenya-Ethiopia joint exercise 'Amani' near Moyale, Ethiopia.\n\nGeneral Mwangi is on a "
                   "three-day visit to Ethiopia. Ethiopian officers briefed him on the drill in Ethiopia.")
    assert found["Peter Mwangi"] == "KEN", found


def test_a_person_whose_relative_clause_says_they_are_visiting_a_country_is_not_of_it() -> None:
    found = people("Lestrade presses sugar case in Washington\n\nWASHINGTON, DC:\n\nPrime Minister Omar Lestrade, "
                   "who is on an official visit to Washington, on Monday held high-level talks with US National "
                   "Security Advisor Jake Sullivan on matters ranging from sugar to storms.\n\nSullivan thanked "
                   "Lestrade for backing the relief mission and for Barbados's work in the region.")
    assert found["Omar Lestrade"] == "BRB", found


def test_an_office_of_a_body_of_states_named_by_its_organ_alone_gives_no_country() -> None:
    found = people("SADC weighs troops for Mozambique\n\nThe southern African bloc says dialogue comes first.\n\n"
                   "Commission President, Tendai Moyo, said troops remained an option.")
    assert found["Tendai Moyo"] == "", found


def test_a_person_who_wanted_to_visit_a_country_is_not_of_it() -> None:
    found = people("Georgia expels Armenian envoy\n\nGeorgian police said that Syunik governor Davit Arakelyan had "
                   "wanted to visit Georgia to rally support for an opposition candidate.")
    assert found["Davit Arakelyan"] != "GEO", found


def test_an_office_after_a_possessive_is_no_person() -> None:
    found = people("Pakistan summoned India's High Commissioner, Rohan Mehta, on Monday.")
    assert found == {"Rohan Mehta": "IND"}, found
    # a stand-in for the office holder is the office still ('Acting', 'Interim')
    found = people("Sri Lanka summoned Malaysia's Acting High Commissioner on Monday over the fishing arrests.")
    assert found == {}, found


def test_leaders_of_new_zealand_lithuania_niger_and_turkey_named_without_their_country_are_known() -> None:
    found = people("Chris Hipkins and Anthony Albanese spoke by phone on Tuesday about the pact.")
    assert found == {"Chris Hipkins": "NZL", "Anthony Albanese": "AUS"}, found
    found = people("President Gitanas Nauseda said on Monday that the group had crossed into the country from Belarus.")
    assert found == {"Gitanas Nauseda": "LTU"}, found


def test_a_known_name_written_without_its_accents_is_known() -> None:
    found = people("Washington barred Chadians from entering the country. Deby told reporters on Friday that his "
                   "government would answer in kind.")
    assert found == {"Mahamat Idriss Déby": "TCD"}, found


def test_a_rank_between_office_and_name_is_not_a_name() -> None:
    found = people("DHAKA - Home Affairs Adviser Lt Gen (retd.) Rafiqul Karim and Foreign Secretary Md. Nasir Ahmed "
                   "met the envoy.")
    assert "Lt Gen" not in found and found.get("Rafiqul Karim") == "BGD", found
    assert found.get("Md. Nasir Ahmed") == "BGD", found  # 'Md.' is part of the name, not a sentence end


def test_officers_of_international_bodies_get_no_country_from_the_context() -> None:
    found = people("TUNIS - European Commission President Ursula von der Leyen and Dutch Prime Minister Mark Rutte "
                   "met President Kais Saied. Later, EU envoy Miroslav Lajcak flew in from Pristina.")
    assert found.get("Ursula von der Leyen", "") == ""  # the knowledge base's, not Tunisia's
    assert found.get("Miroslav Lajcak", "") == ""  # introduced as the EU's
    assert found["Mark Rutte"] == "NLD"  # the text names his country (before he led NATO)
    assert found["Kais Saied"] == "TUN"


def test_an_ambassador_in_a_report_from_where_they_serve_is_the_other_sides() -> None:
    found = people("OTTAWA - Canada expelled six diplomats on Monday, saying New Delhi had refused to waive their "
                   "immunity.\n\nThe six, including High Commissioner Ravi Menon, were declared persona non grata.")
    assert found["Ravi Menon"] == "IND"


def test_a_common_misspelling_of_a_leaders_name_is_the_leader() -> None:
    found = people("Guyana's President Irfaan Ali met President Nicholas Maduro in Kingstown on Thursday.")
    assert found == {"Nicholas Maduro": "VEN", "Irfaan Ali": "GUY"}


def test_he_after_his_own_also_said_is_the_same_man() -> None:
    text = ("Trump vowed to end all aid to Colombia while berating Gustavo Petro as a drug leader.\n\nHe also said he "
            "would announce new tariffs.")
    pronouns = [m for m in find_actors(text).mentions if m.text in ("He", "he")]
    assert [m.key for m in pronouns] == ["Donald Trump", "Donald Trump"]


def test_an_envoy_named_after_the_post_is_a_person_of_the_sending_country() -> None:
    assert people("Armenia summoned the Georgian Ambassador to Yerevan Davit Kapanadze on Friday.") == {
        "Davit Kapanadze": "GEO"}
    assert people("Kazakh Ambassador to Kyrgyzstan Erlan Nurov was called in on Tuesday.") == {
        "Erlan Nurov": "KAZ"}
    found = people("BISHKEK, May 3. Ambassador to Kyrgyzstan Erlan Nurov was summoned on Monday over Astana's "
                   "border closure.")
    assert found.get("Erlan Nurov") != "KGZ", found


def test_a_korean_envoy_with_neither_north_nor_south_is_of_south_korea() -> None:
    found = people("Beijing called in Korean Ambassador to China Park Min-ho on Friday over the remarks.")
    assert found == {"Park Min-ho": "KOR"}, found


def test_an_envoy_named_after_the_capital_of_the_post_is_of_the_sending_country() -> None:
    assert people("Belarus summoned the Latvian ambassador in Minsk Ieva Kalnina on Tuesday.") == {
        "Ieva Kalnina": "LVA"}


def test_a_high_commissioner_for_the_country_of_the_post_is_of_the_sending_country() -> None:
    found = people("The Australian High Commissioner for India, Philip Green, said the visa rules were unchanged.")
    assert found == {"Philip Green": "AUS"}, found


def test_a_spokesperson_of_the_state_department_written_in_lower_case_is_american() -> None:
    found = people("The talks ended on Tuesday. State department spokesperson Ellen Marsh said the offer stood.")
    assert found == {"Ellen Marsh": "USA"}, found


def test_known_officials_written_in_full_or_by_a_spokesman_title_keep_their_country() -> None:
    assert people("Colombia's minister met in Washington with members of the U.S. Treasury Department, Secretary of "
                  "State Michael Pompeo, security adviser John Bolton and others.").get("Michael Pompeo") == "USA"
    assert people("Foreign Ministry spokesman Geng Shuang spoke while Indian troops stayed near the border.").get(
        "Geng Shuang") == "CHN"


def test_several_portfolios_of_one_office_before_the_name_are_the_title() -> None:
    assert people("Winston Peters met Tonga's Minister of Foreign Affairs, Trade and Tourism Fekitamoeloa Utoikamanu "
                  "in Nuku'alofa.").get("Fekitamoeloa Utoikamanu") == "TON"


def test_fm_before_a_country_and_an_apposed_name_is_the_foreign_minister() -> None:
    assert people("The FM of the Bolivarian Republic of Venezuela, Ramon Aguilar, dismissed what Peru said.") \
        == {"Ramon Aguilar": "VEN"}


def test_he_opening_a_sentence_skips_a_person_named_after_a_preposition() -> None:
    text = ("Hours after Ortega's speech, San José withdrew its envoy and Chaves condemned the remarks.\n\nHe then "
            "asked Managua to apologise publicly.")
    pronouns = [m for m in find_actors(text).mentions if m.text == "He"]
    assert [m.key for m in pronouns] == ["Rodrigo Chaves"], pronouns


def test_an_apposition_of_a_country_places_the_person() -> None:
    assert people("Prime Minister Ali Lamine Zeine, head of Niger's transitional government, said Cotonou was "
                  "lying.") == {"Ali Lamine Zeine": "NER"}


def test_the_one_who_receives_a_visitor_is_of_the_place_visited() -> None:
    found = people("Malawian President Peter Banda arrived in Lusaka on Sunday for a two-day visit. He was met at the "
                   "airport by Vice-President Grace Mwila.")
    assert found.get("Grace Mwila") == "ZMB", found


def test_the_host_met_during_a_visit_is_of_the_place_visited() -> None:
    found = people("Latvian President Ivars Ozols visited Botswana on Monday, where he held talks with President "
                   "Kabelo Sechele.")
    assert found.get("Kabelo Sechele") == "BWA", found


def test_the_official_a_resident_envoy_calls_on_is_of_the_place() -> None:
    found = people("US Charge d'Affaires Natalie Baker called on Federal Minister for Commerce Jam Kamal Khan in "
                   "Islamabad.")
    assert found.get("Jam Kamal Khan") == "PAK", found


def test_an_envoy_of_a_leader_serves_the_leader_s_country() -> None:
    found = people("Aliyev met in Baku with Tom Reyes, an envoy of President Donald Trump.")
    assert found.get("Tom Reyes") == "USA", found


@pytest.mark.parametrize("text", [
    # no article before the office, the leader named with a title
    "Japan's top diplomat hosted Kim Dae-ho, personal envoy of President Lee Jae-myung, on Friday.",
    # the leader's office written out with the country's formal name
    "Japan's top diplomat hosted Kim Dae-ho, chief aide of President of the Republic of Korea Lee "
    "Jae-myung, on Friday.",
])
def test_an_envoy_of_a_leader_without_an_article_serves_the_leader_s_country(text) -> None:
    assert people(text).get("Kim Dae-ho") == "KOR", people(text)


@pytest.mark.parametrize("text", [
    # the sentence is set in the host's capital: the apposition still names whom the envoy serves
    "In Tokyo the Japanese premier received Park Ji-hoon, envoy of President Lee Jae-myung, on Monday.",
    # the leader named earlier in full, then by surname alone in the apposition
    "South Korean President Lee Jae-myung sent an envoy to Japan. In Tokyo the Japanese premier received Park "
    "Ji-hoon, envoy of President Lee, on Monday.",
])
def test_an_envoy_s_apposition_outranks_the_place_the_sentence_is_set_in(text) -> None:
    assert people(text).get("Park Ji-hoon") == "KOR", people(text)


def test_an_aide_named_by_a_leader_s_possessive_serves_the_leader_s_country() -> None:
    found = people("Minsk shut its borders with Warsaw and Vilnius on Thursday.\n\nBelarus's leader has accused his "
                   "Polish counterpart, Andrzej Duda, of winning by fraud, the state agency BelTA said on Thursday. "
                   "\"Duda stole the vote,\" the agency quoted Alexander Lukashenko as saying.\n\nMarek Zielinski, "
                   "President Duda's aide, called the claims absurd.")
    assert found.get("Marek Zielinski") == "POL", found


def test_a_list_after_a_preposition_does_not_place_a_person() -> None:
    found = people("The junta authorised forces of Guinea and Mali to intervene on its soil, senior junta official "
                   "Amadou Sidibe said in Niamey.")
    assert found.get("Amadou Sidibe") != "MLI", found


def test_a_spokesperson_of_the_mea_is_indian() -> None:
    found = people("\"Washington's new levies are unfair,\" MEA spokesperson Arun Mehta told reporters after the "
                   "United States raised tariffs.")
    assert found.get("Arun Mehta") == "IND", found


def test_people_listed_as_members_of_a_group_belong_to_its_country() -> None:
    found = people("Sri Lanka's foreign minister Ranil Perera flew to Male, where he held talks with Maldivian "
                   "officials, including Vice President Ahmed Latheef and Defence Minister Ibrahim Nasim.")
    assert found.get("Ahmed Latheef") == "MDV" and found.get("Ibrahim Nasim") == "MDV", found


def test_a_forum_named_before_an_apposition_is_no_person() -> None:
    found = people("Beijing firmly opposes the remarks made by the Philippine defence chief at the Raisina Dialogue, "
                   "a Chinese foreign ministry spokesperson said on Saturday.")
    assert "Raisina Dialogue" not in found, found


def test_he_after_a_persons_announcement_that_is_that_person() -> None:
    text = "Trump threatened tariffs after Petro's announcement that he had sent back two military deportation flights."
    pronouns = [m for m in find_actors(text).mentions if m.text == "he"]
    assert [m.key for m in pronouns] == ["Gustavo Petro"], pronouns


def test_he_after_a_person_named_with_with_is_that_person() -> None:
    text = ("Two Canadians held in Venezuela flew home with Richard Grenell, President Donald Trump's envoy, after "
            "he met Nicolás Maduro in Caracas.")
    pronouns = [m for m in find_actors(text).mentions if m.text == "he"]
    assert [m.key for m in pronouns] == ["Richard Grenell"], pronouns


def test_the_self_governing_pacific_nation_is_the_cook_islands() -> None:
    mentions = find_actors("New Zealand paused its funding to the Cook Islands, saying the self-governing Pacific "
                           "nation had not consulted it.").mentions
    assert [m.country for m in mentions if m.text == "the self-governing Pacific nation"] == ["COK"]


@pytest.mark.parametrize(("text", "body", "country"), [
    # a bare body under a dateline is the dateline country's, even after another country named in passing
    ("ISLAMABAD: In its first reply to New Delhi's steps, the National Security Committee shut the airspace.",
     "the National Security Committee", "PAK"),
    # named again after it was named with its country: that country's, not the dateline's
    ("SEOUL (Yonhap) - Japan's trade ministry tightened checks. The ministry said more would follow.",
     "The ministry", "JPN"),
    # right after a person's verb: the person's own ministry, not the last country named as a subject
    ("Turkey halted all trade with Israel. Israeli Foreign Minister Dan Meron said he had asked the foreign "
     "ministry to find other suppliers.", "the foreign ministry", "ISR"),
    # without a dateline or an owner: the last country named as a subject
    ("Kenya recalled its envoy from Kinshasa on Monday. The cabinet also suspended a trade accord.",
     "The cabinet", "KEN"),
    # an international agency's head desk the story never names again files news about anywhere
    ("LONDON (Reuters) - Russia said it was expelling two Estonian diplomats. The Foreign Ministry said it had "
     "summoned the Estonian envoy.", "The Foreign Ministry", "RUS"),
    # ... but a desk abroad is where the story is about
    ("ANKARA (Reuters) - The cabinet voted to suspend all trade with Israel.", "The cabinet", "TUR"),
])
def test_a_national_body_named_without_its_country(text: str, body: str, country: str) -> None:
    assert [m.country for m in find_actors(text).mentions if m.text == body] == [country]


@pytest.mark.parametrize(("text", "name", "country"), [
    ("The Danish envoy in Lima, Karsten Holm Vestergaard, was asked to explain the remarks.",
     "Karsten Holm Vestergaard", "DNK"),
    ("Norway's ambassador to Kenya, Ingrid Solvang Berg, handed over the note.", "Ingrid Solvang Berg", "NOR"),
    ("The head of Uruguay's consulate, Martina Ferreyra Silva, was turned away at the gate.",
     "Martina Ferreyra Silva", "URY"),
    ("Chile's minister of mining at the time, Tomas Ugarte Rojas, signed the accord.", "Tomas Ugarte Rojas", "CHL"),
    ("Canadian special envoy on Arctic shipping, Paul Devereaux Lund, arrived on Monday.", "Paul Devereaux Lund",
     "CAN"),
    # a foreign minister abbreviated, the country in its long form
    ("The FM of the Bolivarian Republic of Venezuela, Jorge Arreaza, rejected the remarks.", "Jorge Arreaza", "VEN"),
    # a name an editor adds in brackets after the title
    ('"We expect the Saudi foreign minister [Saud al-Faisal] to show restraint," he said.', "Saud al-Faisal", "SAU"),
])
def test_a_title_completed_before_the_comma_introduces_the_name(text, name, country) -> None:
    assert people(text).get(name) == country, people(text)


@pytest.mark.parametrize(("text", "name", "country"), [
    # the ministry a title is held at, with no comma before the name
    ('Minister of State at the Qatari Ministry of Foreign Affairs Khalid Al-Mansouri said: "Qatar helped both '
     'sides reach the deal."', "Khalid Al-Mansouri", "QAT"),
    # an air force's pilot is of the air force's country, not of the country that holds him
    ("Prime Minister Imran Khan said Pakistan will free captured IAF pilot Wing Commander Rohan Mehta on Friday.",
     "Rohan Mehta", "IND"),
])
def test_the_body_or_force_before_a_rank_places_its_holder(text, name, country) -> None:
    assert people(text).get(name) == country, people(text)
@pytest.mark.parametrize(("text", "names"), [
    ("The foreign ministers of Bolivia and Paraguay, Celinda Sosa Lunda and Ruben Ramirez Lezcano, met in Asuncion.",
     {"Celinda Sosa Lunda": "BOL", "Ruben Ramirez Lezcano": "PRY"}),
    ("The presidents of Ghana and Togo, Nana Akufo-Addo and Faure Gnassingbe respectively signed the accord.",
     {"Nana Akufo-Addo": "GHA", "Faure Gnassingbe": "TGO"}),
])
def test_names_apposed_to_the_office_holders_of_two_parties_follow_their_order(text, names) -> None:
    found = people(text)
    assert {name: found.get(name) for name in names} == names, found


def test_an_apostrophe_inside_a_name_keeps_the_whole_name() -> None:
    found = people("\"We have not agreed to it,\" said Samoan Prime Minister Fiame Naomi Mata'afa. Samoa's leader "
                   "Fiame Naomi Mata'afa's cabinet met later.")
    assert found.get("Fiame Naomi Mata'afa") == "WSM" and "Fiame Naomi Mata" not in found, found


def test_a_form_of_address_between_title_and_name_is_skipped() -> None:
    found = people("KAMPALA — The Minister for Trade, Hon. Grace Nakato Mirembe, says Uganda will accept the plan.")
    assert found.get("Grace Nakato Mirembe") == "UGA", found


def test_a_form_of_address_in_lower_case_is_skipped() -> None:
    found = people("Prime Minister Lena Horvat this morning received a call from the Prime Minister of Tonga, "
                   "honourable Sione Taufa Latu.")
    assert found.get("Sione Taufa Latu") == "TON", found


def test_an_office_holder_joined_by_a_run_of_titles_is_on_the_same_side() -> None:
    found = people("Arriving in Manama, Israeli Foreign Minister Yair Lapid met King Hamad bin Isa Al Khalifa and "
                   "Crown Prince and Prime Minister Faisal bin Hamad Al Khalifa on Monday.")
    assert found.get("Faisal bin Hamad Al Khalifa") == "BHR", found


def test_a_hyphenated_title_is_read_in_headline_case() -> None:
    found = people("NAIROBI — He was greeted by the Inspector-General of Police, Mr Peter Wambua Mutiso, at the base.")
    assert found.get("Peter Wambua Mutiso") == "KEN", found


def test_the_last_word_of_a_portfolio_is_not_a_first_name() -> None:
    found = people("The meeting was attended by Minister of Foreign Affairs Ilkay Dogan Sarac, Minister of Foreign "
                   "Affairs of Peru, and their deputies.")
    assert "Affairs Ilkay Dogan Sarac" not in found and "Ilkay Dogan Sarac" in found, found


def test_a_portfolio_of_asylum_is_no_part_of_the_name() -> None:
    found = people("Minister for Border Security and Asylum Angela Eagle said the flight had left on time.")
    assert "Angela Eagle" in found and "Asylum Angela Eagle" not in found, found


def test_verbs_of_a_title_case_headline_are_no_part_of_a_name() -> None:
    found = people("Ghana Summons Togolese Envoy, Demands Faure Gnassingbe Retract Remarks\n\nThe ministry spoke.\n")
    assert "Faure Gnassingbe" in found and not any("Demands" in name or "Remarks" in name for name in found), found
    found = people("Chile's Boric Aims to Deepen Peru Ties at Border Summit\n\nThe ministry spoke.\n")
    assert "Boric Aims" not in found, found


def test_a_countrys_council_or_headquarters_is_no_person() -> None:
    found = people("Lebanon's Transitional Advisory Council met as Jordan's Coordination Headquarters for Relief said "
                   "it was ready.")
    assert found == {}, found


def test_a_country_inside_a_quotation_does_not_place_its_speaker() -> None:
    found = people("HANOI — \"The Chinese vessels rammed our boat without warning,\" fisheries official Tran Van Long "
                   "told reporters on Monday.")
    assert found.get("Tran Van Long") == "VNM", found


def test_a_country_that_is_the_object_of_a_verb_does_not_place_the_next_sentences_official() -> None:
    found = people("ROME — The government accused Egypt of hiding evidence on Monday. Deputy Minister Carlo "
                   "Bianchi Ferri said the talks had failed.")
    assert found.get("Carlo Bianchi Ferri") == "ITA", found


def test_a_dateline_city_named_after_its_country_places_the_report() -> None:
    found = people("PORT SUDAN - Army spokesman Nabil Osman Karrar said on Friday that the convoy had been attacked.")
    assert found.get("Nabil Osman Karrar") == "SDN", found


def test_an_agency_credit_between_slashes_closes_a_dateline() -> None:
    found = people("DHAKA, MAR 3 /UNB/ – Foreign Minister, Hasan Mahmud, who is attending a summit in Kampala, Uganda, "
                   "received a call from the Foreign Minister of India, Subrahmanyam Jaishankar, today.")
    assert found.get("Hasan Mahmud") == "BGD", found


def test_an_agency_dateline_with_a_date_and_no_dash_places_the_report() -> None:
    text = ("Male, Jan 14 (PTI) The Maldives has asked India to pull out its soldiers. India has 80 soldiers there, "
            "and India said talks would go on.\n\nAt a briefing, Ahmed Rasheed Nasir, spokesman at the President's "
            "Office, said the president had set a date for India.")
    found = people(text)
    assert found.get("Ahmed Rasheed Nasir") == "MDV", found


def test_a_headline_opening_with_a_country_places_unplaced_people_on_its_side() -> None:
    text = ("Bhutan tells Nepal to close its border posts\n\nThe order covers the posts Nepal runs along the river. "
            "Nepal has kept the posts since the floods, and Nepal says they serve trade with Nepal's south.\n\n"
            "The decision was taken at a cabinet meeting chaired by Prime Minister Dorji Wangmo Tenzing.")
    found = people(text)
    assert found.get("Dorji Wangmo Tenzing") == "BTN", found


def test_an_officer_at_a_countrys_embassy_is_of_that_country() -> None:
    found = people("The Foreign Ministry expelled Omar Haddad Karim, the charge d'affaires at the Libyan embassy in "
                   "Rome, on Monday.")
    assert found.get("Omar Haddad Karim") == "LBY", found


def test_a_role_after_the_field_it_heads_keeps_its_owner() -> None:
    text = ("Lebanese militia commander Karim Haddad Nassar met Brazilian business leaders in Sao Paulo, and "
            "Mariana Lopes Duarte, Brazil's human rights commissioner, said she would visit Beirut.")
    found = people(text)
    assert found.get("Karim Haddad Nassar") == "LBN" and found.get("Mariana Lopes Duarte") == "BRA", found
    offices = [m for m in find_actors(text).mentions if m.via == "role"]
    assert offices == [], offices  # business leaders hold no office of the state


def test_a_counterpart_of_a_country_holds_the_same_office_for_it() -> None:
    text = ("Turkish Foreign Minister Selim Kaya Aydin flew to Oslo on Tuesday. He held talks there with his Norwegian "
            "counterpart Ingvild Moe Sandvik and later with her Icelandic counterpart, Bjorn Olafur Thorsson.")
    persons = find_actors(text).persons
    found = {name: (p.country, p.role) for name, p in persons.items()}
    assert found.get("Ingvild Moe Sandvik") == ("NOR", "Foreign Minister"), found
    assert found.get("Bjorn Olafur Thorsson", ("",))[0] == "ISL", found


def test_an_initial_without_a_stop_opens_a_name() -> None:
    found = people("Indian Home Minister R Venkatesh Iyer said the flights would resume.")
    assert found.get("R Venkatesh Iyer") == "IND", found


def test_office_holders_joined_by_and_are_of_the_same_country() -> None:
    found = people("KIGALI — The visiting president held talks with the head of Chad's ruling council, Ali Mahamat "
                   "Bichara, and Prime Minister Idriss Saleh Abakar on Monday.")
    assert found.get("Ali Mahamat Bichara") == "TCD" and found.get("Idriss Saleh Abakar") == "TCD", found


def test_a_former_leader_named_without_a_country_is_known() -> None:
    found = people("After the strike, Caretaker Prime Minister Adel Abdul-Mahdi phoned Washington to ask for talks, "
                   "recalling how Barack Obama had withdrawn troops years earlier.")
    assert found.get("Adel Abdul-Mahdi") == "IRQ" and found.get("Barack Obama") == "USA", found


def test_a_counterpart_takes_the_office_the_text_gives_not_the_one_held_now() -> None:
    text = ("Then Defence Minister Sergei Shoigu flew to Tashkent in 2019. Talks between Shoigu and his Uzbek "
            "counterpart Bakhodir Kurbanov Akhmedov centred on training.")
    persons = find_actors(text).persons
    assert persons["Bakhodir Kurbanov Akhmedov"].role == "Defence Minister", persons


def test_a_list_after_a_preposition_in_the_previous_sentence_places_nobody() -> None:
    found = people("BRASILIA — The plan was backed by Japan and Canada at the meeting. Vice Minister Paulo Souza "
                   "Ramos will lead the talks.")
    assert found.get("Paulo Souza Ramos") == "BRA", found


def test_a_surname_after_a_countrys_title_is_the_known_office_holder() -> None:
    assert people("Colombian President Duque told reporters the border would reopen.") == {"Iván Duque": "COL"}
    text = "Philippine President Marcos flew to Hanoi on Monday. Later Marcos met fishermen."
    keys = [m.key for m in find_actors(text).mentions if m.type == "person"]
    assert keys == ["Ferdinand Marcos Jr.", "Ferdinand Marcos Jr."], keys


def test_a_known_minister_keeps_their_country_in_a_report_about_another() -> None:
    found = people("TEHRAN — Iran rejected the new measures. \"They will not change our course,\" the ministry "
                   "said.\n\nTreasury Secretary Janet Yellen said the banks had helped the regime.")
    assert found.get("Janet Yellen") == "USA", found


def test_the_arabic_article_may_be_written_either_way() -> None:
    text = "Sudanese army chief Abdel Fattah el-Burhan met the envoy. Burhan said Khartoum would act."
    keys = {m.key for m in find_actors(text).mentions if m.type == "person"}
    assert keys == {"Abdel Fattah al-Burhan"}, keys


def test_a_spokesman_of_an_armed_movement_acts_for_no_state() -> None:
    found = people("WASHINGTON — The Treasury sanctioned Jean Pierre Mukiza, an M23 spokesman, on Thursday, and said "
                   "RSF commander Osman Ali Dagalo had directed the attacks.")
    assert found == {"Jean Pierre Mukiza": "", "Osman Ali Dagalo": ""}, found


def test_a_field_word_between_an_armed_movement_and_its_role_keeps_the_role_stateless() -> None:
    found = people("DOHA — Qatar hosted the talks. Houthi military spokesman Yahya Saree said the group would hold "
                   "its fire.")
    assert found.get("Yahya Saree") == "", found


def test_an_apposition_states_the_country_a_rank_before_the_name_left_open() -> None:
    found = people("KAMPALA — Five soldiers were killed, Brigadier General Samuel Okiror Ojok, spokesperson for the "
                   "Kenyan army, said on Friday.")
    assert found.get("Samuel Okiror Ojok") == "KEN", found


def test_a_rank_is_not_part_of_the_name() -> None:
    found = people("\"Talks go on,\" said Colonel Ana Ruiz Pena, the Peruvian army's deputy spokesperson.")
    assert found == {"Ana Ruiz Pena": "PER"}, found


def test_a_title_joined_by_and_before_its_complement_still_introduces_the_name() -> None:
    found = people("The incoming Minister of Trade and Tourism of Ecuador, Rosa Elena Paredes, met the delegation.")
    assert found.get("Rosa Elena Paredes") == "ECU", found


def test_a_title_before_the_name_is_not_part_of_it() -> None:
    persons = find_actors("Chile's Foreign Minister, Senator Tomas Ibarra Vidal, flew to Lima.").persons
    assert list(persons) == ["Tomas Ibarra Vidal"], persons


def test_the_place_of_a_posting_is_not_the_envoys_country() -> None:
    found = people("Chile's head of mission in Bolivia Ambassador Jorge Munoz Tapia met the minister on Monday.")
    assert found.get("Jorge Munoz Tapia") == "CHL", found


def test_a_portfolio_between_owner_and_title_keeps_the_owner() -> None:
    found = people("ACCRA — The minister held talks with Malian Mines and Industrial Development Minister Oumar "
                   "Traore Diallo on Monday.")
    assert found.get("Oumar Traore Diallo") == "MLI", found


def test_the_country_after_a_portfolio_owns_the_office() -> None:
    found = people("NAIROBI — The envoy met Fatima Bello Sani, the Permanent Secretary of Foreign Affairs of Niger, "
                   "on Tuesday.")
    assert found.get("Fatima Bello Sani") == "NER", found


def test_a_form_of_address_is_not_part_of_the_name() -> None:
    persons = find_actors("Your Excellency Tomas Ibarra Vidal, Foreign Minister of Chile, we welcome you.").persons
    assert list(persons) == ["Tomas Ibarra Vidal"], persons


def test_a_known_foreign_minister_named_by_title_alone_keeps_their_country() -> None:
    found = people("ANKARA — The talks in Ankara were attended by Foreign Minister Espen Barth Eide and several "
                   "Turkish officials.")
    assert found.get("Espen Barth Eide") == "NOR", found


def test_the_one_ordered_to_leave_is_of_the_other_side() -> None:
    found = people("OSLO — Norway expelled a Russian attache on Tuesday. Justice Minister Mia Solberg Kvam said the "
                   "step was needed. Colonel Ivan Sergeyevich Petrov had been ordered to leave the country, she said.")
    assert found.get("Mia Solberg Kvam") == "NOR" and found.get("Ivan Sergeyevich Petrov") == "RUS", found


def test_a_private_national_or_prisoner_acts_for_no_state() -> None:
    found = people("BERLIN — Minsk pardoned a German national, Rico Kriegel Hahn, who had been sentenced to death, "
                   "and Berlin freed eight Russians, most notably Vadim Krasov Orlov, who was serving a life term.")
    assert found == {"Rico Kriegel Hahn": "", "Vadim Krasov Orlov": ""}, found


def test_a_writer_named_in_a_report_acts_for_no_state_but_a_gendarme_does() -> None:
    found = people("PARIS — Paris is pressing for the release of the novelist Karim Benali Haddad, who was jailed in "
                   "March. France also wants Luc Marchand Petit, a gendarme who was arrested at the border, freed.")
    assert found.get("Karim Benali Haddad") == "" and found.get("Luc Marchand Petit") == "FRA", found


def test_the_one_a_state_frees_or_expels_is_not_of_that_state() -> None:
    freed = people("STOCKHOLM — In return Sweden freed Reza Hosseini Tabar, who had served a life term. Iran had "
                   "let two Swedes go a day earlier.")
    expelled = people("OSLO — Norway expelled Ambassador Ivan Sergeyev Orlov on Friday, and Moscow promised to "
                      "respond.")
    assert freed.get("Reza Hosseini Tabar") == "IRN" and expelled.get("Ivan Sergeyev Orlov") == "RUS", (freed, expelled)


def test_initials_run_together_open_a_name() -> None:
    assert people("Indian Defence Minister A.K. Menon arrived in Canberra on Monday.").get("A.K. Menon") == "IND"


def test_a_hall_or_a_peninsula_is_no_person() -> None:
    names = set(people("Xi told reporters at Beijing's Great Hall of the People that the Korean Peninsula must be "
                       "free of nuclear weapons."))
    assert not names & {"Great Hall", "Korean Peninsula"}, names


def test_a_family_name_first_stands_for_the_person_named_in_full() -> None:
    text = "Chinese Premier Wen Quanli met German Chancellor Olaf Scholz. Wen and Scholz signed a trade pact."
    assert [m.key for m in find_actors(text).mentions if m.text == "Wen"] == ["Wen Quanli"]


def test_a_known_name_with_an_initial_is_known_without_its_full_stop() -> None:
    found = people("External affairs minister S Jaishankar has reviewed bilateral relations with his Russian "
                   "counterpart this week.")
    assert found == {"S Jaishankar": "IND"}, found


def test_an_apposition_naming_a_countrys_department_places_the_person() -> None:
    found = people('Eswatini said the men would be sent home. "They are dangerous," said Dana Pruitt, Deputy '
                   "Secretary at the U.S. Department of Homeland Security.")
    assert found.get("Dana Pruitt") == "USA", found


@pytest.mark.parametrize("text", [
    "Hong Kong's Hang Seng index slid 0.6% while Seoul's Kospi was flat.",
    "Ecuador's president, speaking to Al Jazeera, said President Ruiz of Peru had broken his word.",
])
def test_market_indices_and_news_outlets_are_no_people(text: str) -> None:
    assert not {"Hang Seng", "Kospi", "Al Jazeera"} & set(people(text)), people(text)


def test_a_country_after_the_name_places_the_person_over_an_earlier_country() -> None:
    found = people("Minister Ana Souto of Portugal met Foreign Minister Ivo Rask of Estonia in Lisbon.")
    assert found.get("Ana Souto") == "PRT" and found.get("Ivo Rask") == "EST", found


def test_words_of_a_title_case_headline_are_no_name() -> None:
    headline = "Lithuanian Foreign Ministry Summons Polish Ambassador To Deliver Protest"
    assert people(headline) == {}, people(headline)


@pytest.mark.parametrize(("text", "name", "country"), [
    ("US envoy Mark Dalton met President Raul Ortiz in Havana on Friday.", "Raul Ortiz", "CUB"),
    ("Sri Lankan President Ruwan Perera, who is on an official visit to Nepal, held talks with Prime Minister "
     "Bishnu Adhikari.", "Bishnu Adhikari", "NPL"),
])
def test_the_other_side_of_a_meeting_is_of_the_place_of_the_meeting(text: str, name: str, country: str) -> None:
    assert people(text).get(name) == country, people(text)


def test_a_member_of_congress_named_with_a_us_party_is_american() -> None:
    found = people("Republican Senator Tom Cotton has drafted a sanctions package against Iran.")
    assert found.get("Tom Cotton") == "USA", found


def test_a_known_surname_inside_a_longer_name_is_not_that_person() -> None:
    found = people('"We released 700 fishermen last year," said Karim Rasool Baig, a welfare officer in Karachi.')
    assert "Ebrahim Rasool" not in found, found


def test_an_amir_named_under_a_gulf_dateline_is_of_the_dateline_country() -> None:
    # 'Amir' is the Gulf agencies' spelling of Emir; the ruler named after it and 'Sheikh' keeps the name as written
    found = people("MANAMA, May 4 (BNA) -- His Highness the Amir Sheikh Faris bin Jaber Al-Dosari received "
                   "the Ambassador of Jordan on Monday.")
    assert found.get("Sheikh Faris bin Jaber Al-Dosari") == "BHR"


def test_a_carmaker_that_says_something_is_no_person() -> None:
    found = people("Kia Motor said on Thursday its quarterly profit fell 12% as costs for cars shipped to Europe rose.")
    assert "Kia Motor" not in found


def test_officials_listed_after_a_government_owned_group_are_of_that_government() -> None:
    found = people("A delegation led by Turkmen Interior Minister Murat Amanov arrived in Tashkent on Monday. The "
                   "delegation held meetings with the Uzbek government's senior leadership including Deputy Prime "
                   "Minister Jamshid Kuchkarov and Defence Minister Bakhodir Kurbanov.")
    assert found.get("Jamshid Kuchkarov") == "UZB" and found.get("Bakhodir Kurbanov") == "UZB"


@pytest.mark.parametrize(("text", "name"), [
    ("President William Ruto swore in ministers on Monday. Also sworn in was Amos Kirui of Taita Taveta County, the "
     "Cabinet Secretary for Energy.", "Taita Taveta County"),
    ("Others include the Minister of Sports, Kofi Boateng, from the Volta Region, Ama Owusu, Minister of Aviation, "
     "and Efua Sarpong, the Minister of Works.", "Volta Region"),
])
def test_a_place_or_portfolio_ending_a_name_shaped_span_is_no_person(text: str, name: str) -> None:
    assert name not in people(text)


def test_a_minister_of_state_after_an_honorific_is_read() -> None:
    found = people("HE Minister of State Khalid Al Mansouri of Qatar met today with British Minister of State "
                   "Helen Marsh.")
    assert found.get("Khalid Al Mansouri") == "QAT" and found.get("Helen Marsh") == "GBR"


@pytest.mark.parametrize(("text", "name"), [
    ("Kuwait Amir Sends Letter To UK PM\n\nThe letter was delivered on Monday.", "Sends Letter To"),
    ("Ahmed Attaf, Minister of Foreign Affairs, National Community Abroad and African Affairs, received the "
     "ambassador of Mali.", "Community Abroad"),
])
def test_headline_verbs_and_portfolios_are_no_people(text: str, name: str) -> None:
    assert name not in people(text)


@pytest.mark.parametrize(("text", "name"), [
    ("North Korea fired a missile. South Korean analyst Cheong Seong-chang said Pyongyang wanted talks.",
     "Cheong Seong-chang"),
    ("North Korea fired a missile. Park Won-gon, a professor of North Korean studies at Ewha Womans University, "
     "said Pyongyang wanted talks. Korea's Park Won-gon told reporters the launch was a signal.", "Park Won-gon"),
    ("Iran warned Israel. Ali Vaez, Iran project director at the International Crisis Group, said Tehran would "
     "retaliate.", "Ali Vaez"),
    ("Russia expelled the envoys. Moscow-based analyst Tatiana Stanovaya said the Kremlin was angry.",
     "Tatiana Stanovaya"),
])
def test_analysts_and_academics_act_for_no_state(text: str, name: str) -> None:
    assert people(text).get(name) == ""


def test_a_title_of_state_keeps_a_professor_its_holder() -> None:
    assert people("Kenya protested. Deputy President Prof. Kithure Kindiki said Nairobi would respond.") \
        == {"Kithure Kindiki": "KEN"}


def test_a_country_short_form_before_a_title_owns_it() -> None:
    assert people("PNG Defence Minister Billy Joseph said the pact with Australia would be signed next week.") \
        == {"Billy Joseph": "PNG"}


@pytest.mark.parametrize("text", [
    "The defence ministry shared the map as a PNG file with Australia's embassy.",
    "Canberra declared two Russian envoys PNG on Friday.",
    "A PNG declaration on a foreign diplomat bars him from Australia.",
])
def test_a_short_form_read_as_an_abbreviation_names_no_country(text: str) -> None:
    assert "PNG" not in {m.country for m in find_actors(text).mentions}


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Emir Sheikh Tamim bin Hamad Al Thani received the Turkish president in Doha on Sunday.",
     "Sheikh Tamim bin Hamad Al Thani", "QAT"),
    ("Sheikh Mohammed bin Abdulrahman bin Jassim Al Thani met the Egyptian envoy on Monday.",
     "Sheikh Mohammed bin Abdulrahman bin Jassim Al Thani", "QAT"),
    ("Prince Faisal bin Farhan Al Saud met the Turkish envoy in Riyadh.", "Prince Faisal bin Farhan Al Saud", "SAU"),
    ("Sheikh Abdullah bin Zayed Al Nahyan said the UAE would send aid.", "Sheikh Abdullah bin Zayed Al Nahyan",
     "ARE"),
])
def test_a_gulf_name_with_title_and_family_name_is_the_known_person(text: str, name: str, country: str) -> None:
    assert people(text).get(name) == country


@pytest.mark.parametrize(("text", "name", "wrong"), [
    ("Trump's letter to Prime Minister Marek Halas demanded that Slovakia stop buying Russian gas.", "Marek Halas",
     "USA"),
    ("Putin sent a letter to President Omar Diallo last week. Diallo accused France of arming the rebels.",
     "Omar Diallo", "RUS"),
    ("Biden handed a message to President Ahmed Fathy at the summit, urging Egypt to open the crossing.",
     "Ahmed Fathy", "USA"),
])
def test_the_one_a_letter_is_sent_to_is_not_of_the_senders_side(text: str, name: str, wrong: str) -> None:
    assert people(text).get(name, "?") not in (wrong, "?")


def test_our_envoy_in_a_quotation_is_of_the_speakers_side_not_of_the_posting() -> None:
    found = people("\"We have decided to recall our Ambassador to Tel Aviv, Kemal Aydin, for consultations,\" the "
                   "ministry said after Turkey condemned Israel.")
    assert found == {"Kemal Aydin": "TUR"}


def test_a_person_opening_a_sentence_credited_to_a_body_speaks_for_its_country() -> None:
    found = people("Seoul summoned Kenji Mori, Japan's ambassador to South Korea, on Monday.\n\n"
                   "Vice Foreign Minister Park Min-jae voiced deep regret over the remarks made in Osaka by Japan, "
                   "the South Korean foreign ministry said.")
    assert found["Park Min-jae"] == "KOR"
    found = people("Tokyo summons Beijing's envoy over jets\n\nChina's navy said on Sunday that the Japanese jets "
                   "approached the Chinese navy's drills and endangered Chinese crews.\n\n"
                   "Vice Foreign Minister Kenta Ishida summoned Ambassador Zhou Lin on Sunday.\n\n"
                   "Ishida \"firmly urged the Government of China to stop such flights,\" the Japanese foreign "
                   "ministry said.")
    assert found["Kenta Ishida"] == "JPN"
    assert found["Zhou Lin"] == "CHN"  # (the one summoned is of the other side)
    found = people("Japan hosted the summit.\n\nDeputy Minister Liu Fang conveyed Beijing's firm opposition to the "
                   "statement issued by Japan.")
    assert found["Liu Fang"] == "CHN"


def test_a_managing_director_of_an_international_body_is_of_no_state() -> None:
    found = people("LUSAKA - Zambia's lenders agreed to ease its debt, in a step praised by International Monetary "
                   "Fund managing director Kristalina Georgieva.")
    assert found.get("Kristalina Georgieva", "") == ""


def test_an_apposition_title_with_for_places_the_person_at_the_body() -> None:
    found = people("Washington and London warned Astana on Monday, according to Anna Cole, Assistant Secretary at "
                   "the U.S. Department of Commerce, and Peter Hale, Director for Exports at the U.K. Foreign Office.")
    assert found["Peter Hale"] == "GBR"


def test_a_bare_ministry_spokesman_is_of_the_ministry_named_before() -> None:
    found = people("BEIJING - China halted imports of Lithuanian pork on Friday.\n\nTaiwan's Foreign Ministry "
                   "condemned the move as bullying.\n\n\"We stand with Vilnius,\" ministry spokesman Lin Wei-ting "
                   "told reporters.")
    assert found["Lin Wei-ting"] == "TWN"


def test_an_official_announcing_tariffs_on_a_countrys_goods_is_not_of_it() -> None:
    found = people("Ecuador sets tariffs on Colombia\n\nEcuador's President Daniel Noboa announced a 30% levy on "
                   "imports from Colombia.\n\nColombian President Gustavo Petro rejected the charge.\n\n"
                   "Trade Minister Ana Ruiz announced retaliatory tariffs on 20 Ecuadorean products.")
    assert found["Ana Ruiz"] == "COL"


@pytest.mark.parametrize(("text", "name", "country"), [
    # a known person written family name first keeps the order the document writes
    ("Nepal's foreign minister held talks in Kathmandu with the visiting Foreign Minister of Japan, Kamikawa Yoko. "
     "Kamikawa later left for Delhi.", "Kamikawa Yoko", "JPN"),
    ("Indian Defence Minister Rajnath Singh met Motegi Toshimitsu in New Delhi on Monday.", "Motegi Toshimitsu", "JPN"),
    # named by the family name alone: the entity is named as written
    ('"We are deeply disappointed," French Trade Minister Sophie Primas said of the pledge made by President Xi '
     "during his visit to Paris.", "Xi", "CHN"),
    # a hyphenated given name ends in the known surname in another case: the whole written name, not the lone word
    # a known spelling of the whole name whose surname differs in its letters: the name as written
    ("President Volodymyr Zelenskyy spoke to Irish lawmakers by video link on Wednesday.", "Volodymyr Zelenskyy",
     "UKR"),
    ("North Korean leader Kim Jong-un will travel to Russia this month. Kim will meet President Vladimir Putin in "
     "Vladivostok.", "Kim Jong-un", "PRK"),
    # a given name transliterated otherwise than the known one, the surname the same: the known person, as written
    ("The bloc again demanded that the junta free the detained president Muhammed Bazoum. Bazoum has been held "
     "since July.", "Muhammed Bazoum", "NER"),
    ("Iranian Foreign Ministry spokesman Esmail Baghaei told a weekly briefing that Tehran would answer the "
     "board. Baghaei did not say how.", "Esmail Baghaei", "IRN"),
    # the given name written in full where the knowledge base has its short form ('Pam Bondi')
    ("Mexico sent 26 more cartel suspects north on Tuesday, Mexico's security cabinet said. Attorney General "
     "Pamela Bondi told reporters they would stand trial. Mexico called the transfer lawful.", "Pamela Bondi", "USA"),
    # two spellings of the same full name: the one whose surname the document writes most often
    ("Ukrainian President Volodymyr Zelenskyy thanked Athens for the package. Volodymyr Zelensky later said the "
     "sanctions must bite. Zelensky added that Kyiv would name more firms. Zelensky spoke by phone.",
     "Volodymyr Zelensky", "UKR"),
])
def test_names_are_listed_as_the_document_writes_them(text, name, country):
    found = people(text)
    others = [other for other in found if other != name and set(other.split()) & set(name.split())]
    assert found.get(name) == country and not others, found  # one person, once


@pytest.mark.parametrize(("text", "expected"), [
    ("Indian Defence Minister Rajnath Singh and External Affairs Minister S. Jaishankar received their Japanese "
     "counterparts Aso Keiko and Mori Hiroshi in New Delhi.", {"Aso Keiko": "JPN", "Mori Hiroshi": "JPN"}),
    ("Venezuelan Foreign Minister Jorge Arreaza dismissed the remarks of his Colombian counterpart, Carlos Holmes "
     "Trujillo, who is on a trip to the United States.", {"Carlos Holmes Trujillo": "COL"}),
])
def test_counterparts_of_a_country_are_of_that_country(text, expected):
    found = people(text)
    assert {name: found.get(name) for name in expected} == expected, found


def test_two_parties_before_a_plural_office_give_each_holder_in_turn() -> None:
    found = people("Chilean and Peruvian presidents Ana Soto Ruiz and Luis Vega Paredes met in Lima on Monday to "
                   "discuss a gas pipeline.")
    assert found.get("Ana Soto Ruiz") == "CHL" and found.get("Luis Vega Paredes") == "PER", found


@pytest.mark.parametrize(("text", "name"), [
    ("Minsk let 52 prisoners go on Thursday. Among those released were protest leader Olga Marchenko, lawyer Pavel "
     "Zhuk and a Nobel laureate.", "Olga Marchenko"),
    ("KABUL - The Taliban government released an American citizen on Sunday. The detainee, identified as Amir "
     "Haddadi, was handed to a US envoy in Doha.", "Haddadi"),
    ("Iran freed two Frenchmen on Friday. Louis Garnier, who also holds Belgian nationality, and Marc Delorme were "
     "freed from a prison in Tabriz, the French embassy said.", "Louis Garnier"),
])
def test_a_freed_prisoner_acts_for_no_state(text, name):
    found = people(text)
    assert not any(n.endswith(name) and country for n, country in found.items()), found


def test_one_freed_in_a_swap_for_what_he_did_in_office_stays_a_state_man() -> None:
    found = people("Tehran released two Swedes on Saturday. In return Sweden freed Reza Tavakoli, who was convicted in "
                   "2021 of murder for his post in an Iranian prison in 1988. Tavakoli was flown to Tehran.")
    assert found.get("Reza Tavakoli"), found


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Russia protests to Hungary over a march\n\nRussia lodged a protest with Hungary on Tuesday over a march in "
     "Budapest. Hungarian officials said they had warned Ambassador Pavel Sorokin that the march could turn "
     "violent.", "Pavel Sorokin", "RUS"),
    ("Chile recalls envoy from Peru\n\nChile recalled its envoy from Peru on Friday. In a statement, Chile's Foreign "
     "Ministry called Foreign Minister Luis Arce Mora's words about the border dispute false.",
     "Luis Arce Mora", "PER"),
])
def test_an_office_holder_a_country_acts_on_is_of_the_other_side(text, name, country):
    assert people(text).get(name) == country, people(text)


def test_the_country_accused_in_a_claim_is_not_the_claimant_spokesman_s() -> None:
    found = people("Bolivia says Peru arms rebels\n\nBolivia has accused Peru of arming rebels near the border.\n\n"
                   "The accusation that Peru is arming the rebels in Bolivia came on Monday from government "
                   "spokesman Raul Tello Vega.")
    assert found.get("Raul Tello Vega") == "BOL", found


def test_an_envoy_for_a_country_is_not_that_country_s() -> None:
    found = people("Colombia's foreign ministry held talks in Washington with Secretary of State Mike Pompeo and "
                   "Tom Baxter Reed, special representative for Venezuela.")
    assert found.get("Tom Baxter Reed") != "VEN", found


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Singapore's minister also met Argentine Minister of Foreign Affairs and Worship Jorge Ruiz Paz in Vientiane.",
     "Jorge Ruiz Paz", "ARG"),
    ("The visiting minister held talks with Minister for Foreign Affairs, International Cooperation and Communities "
     "Maria Odete Cabral of Guinea-Bissau.", "Maria Odete Cabral", "GNB"),
    ("President Paul Kagame and First Lady Jeanne Uwase Kagame welcomed the Beninese delegation in Kigali.",
     "Jeanne Uwase Kagame", "RWA"),
])
def test_a_long_foreign_minister_title_and_first_ladies_introduce_people(text, name, country):
    assert people(text).get(name) == country, people(text)


@pytest.mark.parametrize(("text", "name"), [
    ("Nepal and Japan held talks\n\nForeign Minister Ram Thapa of Nepal and Japan's Foreign Minister Aiko Mori held "
     "talks on Sunday.\n\nIn the talks held at Foreign Minister Thapa's office in Singha Durbar, the two foreign "
     "ministers discussed trade.", "Singha Durbar"),
    ("Indonesia signed the deal, the head of Indonesia's Investment Coordinating Board said on Friday.",
     "Coordinating Board"),
])
def test_palaces_and_boards_are_not_people(text, name):
    assert not any(n.endswith(name) for n in people(text)), people(text)


def test_a_known_foreign_minister_named_by_his_surname_is_placed() -> None:
    found = people("FM Qureshi meets Wang Yi\n\nForeign Minister Shah Mehmood Qureshi met his Chinese counterpart "
                   "Wang Yi in Beijing on Friday.")
    assert found.get("Shah Mehmood Qureshi") == "PAK", found


@pytest.mark.parametrize(("text", "name", "country"), [
    # a country the official's own sentence acts on (a verb's object) is not theirs, though the document is mostly
    # about it
    ("Chipmaker faces curbs on sales to China\n\nA chipmaker will face curbs on sales to China from June.\n\n"
     "On Monday trade minister Anna Vermeer set out the rules, which were agreed with the United States to stop "
     "China from building weapons.\n\nThe Netherlands and Japan agreed to the limits. China protested again.",
     "Anna Vermeer", "NLD"),
    # a leader's administration the sentence names as a subject places the minister; the one it helps does not
    ("Peru puts a levy on Bolivian goods\n\nPeru will charge a 20% levy on goods from Bolivia.\n\nEnergy Minister "
     "Carlos Rojas halted gas sales after saying that the Arce administration had helped the Boluarte government "
     "through a drought.\n\nBolivia said the levy broke trade rules.", "Carlos Rojas", "BOL"),
    # what a minister's quotation thanks or blames, on to its end, is the other side
    ("Deportees flown to Nigeria and Ghana\n\nA charter flight took 40 people to Nigeria and Ghana on Friday.\n\n"
     "Minister for Borders Jane Hollis said: \"The flight shows our partnerships work. We thank the governments of "
     "Ghana and Nigeria for their help.\"\n\nBritain has run such flights since May.", "Jane Hollis", "GBR"),
    # a sentence wrapped over lines goes on to its full stop
    ("US flies deportees home on a military plane\n\nThe United States flew 90 deportees to Amritsar on a military "
     "plane on Wednesday, its third such flight this month.\n\nPunjab's Labour Minister Harjit Sandhu said the "
     "state\ngovernment was deeply unhappy with the way the deportees had been handled on the long flight and "
     "wanted the Centre to take the matter up with\nWashington.\n\nIndia said it would check who was returned.\n",
     "Harjit Sandhu", "IND"),
])
def test_a_country_an_official_s_sentence_acts_on_is_not_theirs(text, name, country):
    assert people(text).get(name) == country, people(text)



def test_a_department_s_short_name_in_title_case_places_its_spokesperson() -> None:
    found = people("US orders South African envoy out\n\nThe United States told South Africa's envoy to leave within "
                   "three days, the Department of International Relations and Cooperation (Dirco) said.\n\n"
                   "Dirco spokesperson Thabo Nkosi said the department had received the note.")
    assert found["Thabo Nkosi"] == "ZAF", found


def test_an_office_a_relative_clause_gives_after_the_name_places_the_person() -> None:
    found = people("Brazil backs mediation\n\nTalks should be chaired by Ralph Gonsalves, who is also the prime "
                   "minister of Saint Vincent and the Grenadines, Brazil's leader suggested.")
    assert found.get("Ralph Gonsalves") == "VCT", found


def test_he_after_an_office_holder_s_clause_about_a_named_person_is_the_office_holder() -> None:
    text = ("Brazil urges talks\n\nBrazil's president proposed on Sunday that Guyana's leader, Irfaan Ali, meet "
            "his neighbour in person. He offered to host the meeting.")
    he = next(m for m in find_actors(text).mentions if m.text == "He")
    assert he.country == "BRA", he


def test_a_minister_of_two_joined_portfolios_in_apposition_is_introduced() -> None:
    found = people("Ravi Menon, India's ports and shipping minister, signed the lease in Tehran on Monday.")
    assert found.get("Ravi Menon") == "IND", found


def test_a_name_opening_the_sentence_after_an_office_s_statement_is_that_office_holder() -> None:
    found = people("Warsaw may shut its border\n\nPoland could shut its eastern border within days, the Polish "
                   "interior minister said on Tuesday.\n\nTomasz Nowak gave the warning after meeting his Baltic "
                   "colleagues.")
    assert found.get("Tomasz Nowak") == "POL", found


def test_a_leader_named_inside_the_government_phrase_is_still_a_person() -> None:
    found = people("Vilnius says the regime of Alexander Lukashenko profits from smuggling across the border.")
    assert found.get("Alexander Lukashenko") == "BLR", found


def test_a_country_that_is_a_verb_s_object_does_not_place_the_announcing_minister() -> None:
    found = people("Sudan cuts ties with the UAE\n\nSudan's government cut relations with the Emirates on Tuesday.\n\n"
                   "Later that day it labelled the UAE a hostile state and shut its mission there, as announced by "
                   "Defence Minister Omar Hassan on television.")
    assert found.get("Omar Hassan") == "SDN", found


def test_the_office_holder_a_foreign_leader_telephoned_is_the_other_side() -> None:
    found = people("Berlin seeks Pakistan at the talks\n\nGerman Chancellor Anna Weber telephoned Prime Minister "
                   "Imran Qureshi on Sunday to persuade Pakistan to send a delegation.\n\nPakistan has boycotted "
                   "the meeting.")
    assert found.get("Imran Qureshi") == "PAK", found


def test_a_director_general_in_apposition_is_introduced() -> None:
    found = people("\"Stop meddling,\" Wang Lei, China's director-general of Asian affairs, told the envoy on Friday.")
    assert found.get("Wang Lei") == "CHN", found


def test_a_defence_attache_is_an_office() -> None:
    found = people("Burkina Faso on Monday ordered out French defence attache Marc Olivier, citing subversion.")
    assert found.get("Marc Olivier") == "FRA", found


def test_a_minister_for_a_region_before_the_name_is_the_title() -> None:
    found = people("Australian Minister for the Pacific Tom Walsh said Canberra had raised its concerns.")
    assert found.get("Tom Walsh") == "AUS", found


def test_a_known_leader_before_led_is_a_person_of_the_text() -> None:
    found = people("The Assimi Goita-led transitional authorities said Mali would choose its own partners.")
    assert "MLI" in {found.get("Assimi Goita"), found.get("Assimi Goïta")}, found


def test_the_former_maldivian_president_is_known_by_his_surname() -> None:
    found = people("The new president has said that Solih's government gave Delhi too much say over the islands.")
    assert found.get("Ibrahim Mohamed Solih") == "MDV", found


def test_a_second_ranking_diplomat_in_apposition_is_introduced() -> None:
    found = people("London told Ivan Petrov, Russia's second-ranking diplomat in Britain, to leave within a week.")
    assert found.get("Ivan Petrov") == "RUS", found


def test_an_office_holder_a_leader_telephoned_is_of_the_other_side() -> None:
    found = people("Kenyan President William Ruto telephoned Prime Minister Abebe Tadesse Woldemariam on Sunday to "
                   "press for a reopening of the Moyale crossing into Ethiopia.")
    assert found["Abebe Tadesse Woldemariam"] == "ETH"


def test_the_arabic_article_folds_one_way_whatever_its_case_or_joint() -> None:
    # the fold compares a written name with the knowledge base's: 'al Sisi', 'Al-Sisi' and 'el-Sisi' are one name
    # (a second pattern of the same name in knowledge.py, for capitalised variants, had shadowed this one)
    from graph.actors.name_spellings import _fold_name
    known = _fold_name("Abdel Fattah el-Sisi")
    assert _fold_name("Abdel Fattah al Sisi") == _fold_name("Abdel Fattah Al-Sisi") == known
    assert _fold_name("Mohamed bin Zayed Al Nahyan") == _fold_name("Mohamed bin Zayed al-Nahyan")


def test_a_known_leader_written_without_a_first_given_name_is_known() -> None:
    found = people("NAIROBI - President Tayyip Erdogan sent a motion on the navy to the Turkish parliament.")
    assert found.get("Tayyip Erdogan") == "TUR", found  # the knowledge base's Erdoğan, not the dateline's Kenya


def test_a_reporter_named_by_an_outlet_s_possessive_acts_for_no_state() -> None:
    found = people("BOGOTA - Colombia freed the men on Monday. Speaking from Cali, Al Jazeera's Marta Quintero said "
                   "the deal had been long in the making.")
    assert found.get("Marta Quintero", "") == "", found


def test_a_civil_society_representative_acts_for_no_state() -> None:
    found = people("GOMA - \"We denounce the silence of the world,\" Jean Bosco Mutara, a civil society representative "
                   "at the march, told reporters.")
    assert found.get("Jean Bosco Mutara", "") == "", found


def test_a_church_head_gets_no_country_from_the_dateline() -> None:
    found = people("LIMA (AP) - Peru recalled its ambassador from Managua on Friday. President Daniel Ortega had "
                   "earlier brushed aside an appeal by Pope Francis to free the jailed bishops in Nicaragua.")
    assert found.get("Francis", "") == ""  # the Holy See's, not Peru's
    assert found["Daniel Ortega"] == "NIC"


def test_a_short_country_name_as_an_envoys_post_before_the_name_is_the_country() -> None:
    found = people("Chinese Ambassador to Korea Xing Haiming hosted opposition leader Lee Jae-myung at his residence "
                   "on Thursday.")
    assert found["Xing Haiming"] == "CHN"  # 'Korea' glued to his name is still the post, not part of a name


def test_a_header_title_is_the_one_of_the_name_above_it_not_below() -> None:
    found = people("Press conference - Suva\n\nTranscript\nThe Hon Anthony Albanese MP\nPrime Minister of Australia\n"
                   "The Hon Manase Tuilagi OBE\nPrime Minister of Tuvalu\n\nWe are glad to sign this treaty today, "
                   "after many months of careful talks between our two governments and peoples.\n\nIt will bring our "
                   "islands closer to Australia in trade, in security and in the way our families travel and work.")
    assert found["Manase Tuilagi"] == "TUV"  # not Australia's, whose title ends the line above his name


def test_a_title_on_the_line_above_a_speaker_label_introduces_the_speaker() -> None:
    found = people("Statement\n\nMinister of Foreign Affairs of Tuvalu\nTalia Mauga: We thank our partners for the "
                   "support they have shown our islands this year.")
    assert found["Talia Mauga"] == "TUV"


def test_a_speaker_label_in_capitals_introduces_the_speaker() -> None:
    found = people("Transcript\n\nTALIA MAUGA, MINISTER OF FOREIGN AFFAIRS OF TUVALU: We thank our partners for the "
                   "support they have shown our islands this year.")
    assert found["Talia Mauga"] == "TUV"  # listed under the name as a name is written, not in capitals


def test_a_chief_executive_is_one_office_not_a_chief_named_executive() -> None:
    persons = find_actors("Macau Chief Executive Sam Hou Fai told lawmakers the casino rules would not change.").persons
    assert persons["Sam Hou Fai"].role == "Chief Executive", persons  # not 'Executive Sam Hou Fai', a 'Chief'


def test_a_family_name_in_capitals_after_a_form_of_address_introduces_an_official() -> None:
    found = people("Economic dialogue\n\nOn 3 May, Mr. MORITA Kenji, Minister of Land and Transport of Japan, held a "
                   "meeting with Ms. HAN Ji-won, Vice Minister of Trade of the Republic of Korea, in Osaka.")
    assert found["MORITA Kenji"] == "JPN"  # the office's country, read past its portfolio's 'of'
    assert found["HAN Ji-won"] == "KOR"


def test_a_leader_named_in_full_only_before_his_administration_is_listed_by_that_name() -> None:
    found = people("MANILA - Since the clashes at sea began, President Ferdinand Marcos Jr.'s administration has "
                   "sought new defence partners. On Monday, Marcos said the country would keep its claims.")
    assert "Ferdinand Marcos Jr." in found and "Marcos" not in found  # the full name the text gives, not 'Marcos'


def test_the_host_a_visitor_meets_in_a_sentence_after_the_visit_is_of_the_place_visited() -> None:
    found = people("US President Joe Biden paid a State visit to Vietnam at the weekend. He met with President Vo Van "
                   "Thuong and attended a dinner given by Thuong.")
    assert found["Vo Van Thuong"] == "VNM"  # 'He' is the visitor of the sentence before, Thuong his host


def test_the_first_of_two_named_between_talks_is_across_from_the_second() -> None:
    found = people("US visit opens a new stage\n\nThe talks between Communist Party General Secretary Nguyen Phu Trong "
                   "and the US President Joseph Biden.\n\nThe upgrade of Vietnam-US ties during the visit to Vietnam "
                   "opens a new stage.")
    assert found["Nguyen Phu Trong"] == "VNM"  # not the American side he faces in the talks


def test_a_titles_short_form_in_brackets_before_the_name_keeps_the_introduction() -> None:
    found = people("The American delegation held talks with senior Niger officials, including Prime Minister (PM) "
                   "Ali Mahaman Lamine Zeine, in Niamey.")
    assert found["Ali Mahaman Lamine Zeine"] == "NER"  # one of the officials of the group named before him


def test_a_short_form_with_a_style_is_the_person_named_in_full_before() -> None:
    found = people("RIYADH — The Saudi foreign ministry welcomed the truce in Gaza and praised the mediators.\n\n"
                   "Earlier, Sheikh Mohammed bin Abdulrahman, the Qatari Prime Minister and Minister of Foreign "
                   "Affairs, said the mediators had succeeded.\n\nAt a news conference in Doha, Sheikh Mohammed said "
                   "the first phase would last six weeks.")
    assert "Sheikh Mohammed" not in found, found  # the words it is written with here are the longer name's
    assert found.get("Sheikh Mohammed bin Abdulrahman") == "QAT", found


def test_a_name_opening_a_sentence_is_read_whole_under_every_hash_seed():
    """The pattern of a person's name tries the full name before its first or last word, whatever order a set of
    the three forms has in this process: reading only 'Wang' of 'Wang Yi' in some runs and the whole name in
    others would make the body credited with the sentence depend on the hash seed."""
    import subprocess
    import sys
    probe = ("from graph.actors.credited import _name_pattern\n"
             "m = _name_pattern('Ana Maria Lopez').search('Ana Maria Lopez told reporters')\n"
             "print(m.group())")
    seen = {subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout.strip() for seed in range(12)}
    assert seen == {"Ana Maria Lopez"}
def test_trie_pattern_tries_the_longest_branch_first() -> None:
    """The trie regex (built bottom-up in one walk) orders each node's branches by the longest word below them,
    then by character, makes a word's end optional where a longer word goes on, and puts `after_first` right
    after the first character only."""
    import re

    from graph.actors import trie_pattern

    assert trie_pattern(["ab", "abc", "b", "bd", "a."], {".": "X"}, "Z") == "(?:(?:aZ(?:b(?:c)?|X)|bZ(?:d)?))"
    assert trie_pattern([]) == "(?:)"
    words = ["Niger", "Nigeria", "Nigerian", "Nigerians", "Nicaragua"]
    assert re.fullmatch(trie_pattern(words), "Nigerians") and re.match(trie_pattern(words), "Nigerian").end() == 8


def test_a_speaker_label_in_capitals_introduces_the_person_with_the_country_of_the_office() -> None:
    """The label ends with a colon: a text without one holds no label and is not scanned for it."""
    text = "Remarks at the opening session\nMARIA KELANI, FOREIGN MINISTER OF TUVALU: We thank our partners.\n"
    assert people(text) == {"Maria Kelani": "TUV"}
    assert people(text.replace(": We", " - We")) == {}


def test_two_country_names_joined_by_a_hyphen_before_a_noun_of_the_pair_are_both_parties() -> None:
    """A name glued to a hyphen is found by no other scan; the tail of a longer name gives way to the whole."""
    text = "The Vietnam-South Korea dispute over fishing rights dragged on for a second month."
    assert [(m.text, m.country) for m in find_actors(text).mentions] == [("Vietnam", "VNM"), ("South Korea", "KOR")]
    assert [m.text for m in find_actors("The Russia-Ukraine war dragged on.").mentions] == []


def test_an_office_named_alone_under_a_readout_s_issuing_body_is_that_body_s_state() -> None:
    """No holder of the office is named: the government body on a header line of its own issued the readout."""
    text = ("Readout of the Secretary's call with Foreign Minister Lamola\n\nOffice of the Spokesperson, "
            "U.S. Department of State\n\nThe Secretary pressed Pretoria to close the consulate in Cape Town.")
    secretary = next(m for m in find_actors(text).mentions if m.text == "The Secretary")
    assert secretary.country == "USA"


def test_headline_and_title_words_are_no_names():
    # 'Phone' after a title in a title-case headline and 'Deputy' opening a second office are no people
    text = ("Omani Sultan Receives Phone Call from Qatar\n\nMuscat, 3 May 2023: Sayyid Badr bin Hamad Albusaidi, "
            "Omani Foreign Minister, Deputy Chair of the Council, received a phone call from Qatar's prime minister.")
    assert people(text) == {"Sayyid Badr bin Hamad Albusaidi": "OMN"}


@pytest.mark.parametrize("text", [
    "ISHIBA Shigeru, Prime Minister of Japan", "Mr. YOON Suk Yeol met him", "H.E. Mr. CHO Tae-yul spoke",
    "x-ISHIBA Shigeru", "l'ISHIBA Shigeru", "O’ISHIBA Shigeru", "aISHIBA Shigeru", "(ISHIBA Shigeru)",
    "\nISHIBA Shigeru", "2ISHIBA Shigeru", "_ISHIBA Shigeru", "NATO Secretary", "A B", "AB Cd Ef Gh",
])
def test_the_capitals_family_name_scan_opens_with_its_first_capital(text: str) -> None:
    """The scan of family names in capitals checks the character before the name after the name's first capital
    (so the regex engine skips to capitals): it finds what the look-behind written first finds."""
    import re

    from graph.actors.transcript_intros import _CAPS_FAMILY_FIRST

    opening = _CAPS_FAMILY_FIRST.pattern.replace(r"[A-Z](?<![\w'’-].)[A-Z]+", "[A-Z]{2,}", 1)
    first = re.compile(r"(?<![\w'’-])" + opening)
    assert first.pattern != _CAPS_FAMILY_FIRST.pattern
    for at in range(len(text)):
        assert [m.span() for m in _CAPS_FAMILY_FIRST.finditer(text, at)] == [m.span() for m in first.finditer(text, at)]


@pytest.mark.parametrize(("text", "name", "wrong"), [
    # a photo caption's credit after the name ('Photo: File') is no part of it
    ("Beijing answers Washington\n\nForeign Ministry spokesman Guo Jiakun Photo: File\n\nChinese Foreign Ministry "
     "spokesman Guo Jiakun announced the measures on Monday.", "Guo Jiakun", "Guo Jiakun Photo"),
    # a title-case headline's verb of travel after a surname is no part of the name
    ("President Mahama Flies to Abuja for Talks\n\nGhana's President John Mahama left Accra on Tuesday for talks "
     "with Nigerian officials.", "John Mahama", "Mahama Flies"),
])
def test_caption_and_headline_words_are_not_part_of_a_name(text, name, wrong):
    found = people(text)
    assert name in found and wrong not in found, found


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Nepal protested to Abdul Karim, Bangladesh's Acting High Commissioner, on Monday.", "Abdul Karim", "BGD"),
    ("Moscow said it would expel John Carter, second secretary of the political section of the British Embassy in "
     "Moscow, for spying.", "John Carter", "GBR"),
    ('Ottawa accused Delhi of the killing. "The ties are badly hurt," says Ravi Menon, a former adviser to India\'s '
     "National Security Council.", "Ravi Menon", "IND"),
])
def test_an_apposition_naming_the_office_s_country_places_the_person(text, name, country) -> None:
    assert people(text).get(name) == country  # the apposition states whose office it is, over the sentence's side


@pytest.mark.parametrize(("text", "name", "country"), [
    ("ACCRA, Ghana - Mali's junta has expelled France's ambassador. The spokesman said Monday that Ambassador "
     "Jean Roux was asked to leave.", "Jean Roux", "FRA"),
    ("Moscow ordered 12 Russian diplomats out, said a spokesperson for the U.S. mission. "
     '"We acted," spokesperson Mary Poole said.', "Mary Poole", "USA"),
])
def test_a_bare_title_is_the_office_told_of_before_with_its_country(text, name, country) -> None:
    assert people(text).get(name) == country  # not the dateline's country nor the one the sentence acts on


def test_an_office_each_side_holds_is_not_read_from_the_other_side_s_title() -> None:
    found = people("Peru's foreign minister met Bolivia's. Foreign Minister Luis Paz said Lima wanted answers, and "
                   "Peru expelled Chile's ambassador, Ana Lopez, after Chile sent home its own ambassador, Rui Costa.")
    assert found.get("Rui Costa") != "CHL", found  # 'its own ambassador, X' is not the ambassador told of before


def test_a_country_s_office_set_off_before_the_name_places_its_holder() -> None:
    found = people("Peru signed deals with Chile and Bolivia, as Chile's top diplomat, Ana Soto, watched.")
    assert found.get("Ana Soto") == "CHL", found  # the possessive office names her side, not the sentence's subject


def test_an_apposition_ending_before_the_verb_still_names_the_office_s_country() -> None:
    found = people("Bloc ministers meet on Myanmar\n\n"
                   "Ministers of the bloc met on the crisis in Myanmar on Thursday.\n\n"
                   "Sok Vanna, Senior Minister for Foreign Affairs and Regional Cooperation of Cambodia "
                   "opened the session before the summit.\n\n"
                   "The talks weighed aid to Myanmar and an end to the fighting in Myanmar.")
    assert found.get("Sok Vanna") == "KHM", found  # not the country the story is about


def test_a_clause_naming_a_side_places_the_office_holder_after_it() -> None:
    found = people("Talks open in Geneva on Monday. Washington will send Secretary John Ray. On the Russian side, "
                   "Presidential Adviser Ivan Petrov will lead the delegation.")
    assert found.get("Ivan Petrov") == "RUS", found  # the side named, not the country of the sentence before


def test_the_head_of_a_national_agency_is_of_its_country() -> None:
    found = people("FBI Director Mark Dalton told lawmakers that Russia had stolen more data than any other state.")
    assert found.get("Mark Dalton") == "USA", found  # the agency's country, not the country his words are about
def test_a_person_named_in_full_owns_a_surname_the_knowledge_base_gives_someone_else() -> None:
    found = people("Leaders stay away from the summit\n\n"
                   "The boycott shows a split in the region, said Martha Bárcena, a former Mexican ambassador in "
                   "Washington. Ms. Bárcena said the absent leaders were sending a message.")
    assert "Alicia Bárcena" not in found and found.get("Martha Bárcena") == "MEX", found
def test_our_office_set_off_before_a_titled_name_in_a_quote_from_a_bare_body_is_the_speakers() -> None:
    found = people("Chilean Foreign Ministry recalls envoy\n\n"
                   "The Chilean Foreign Ministry said on Monday that Santiago was recalling its envoy from Peru.\n\n"
                   "The ministry said in a statement: \"After the raids carried out by Peru on our consulate, it was "
                   "decided to call back our envoy in Lima, Ambassador Pablo Reyes Olmos, to Santiago.\"")
    assert found.get("Pablo Reyes Olmos") == "CHL", found  # 'our envoy': the side the quotation speaks for


def test_a_country_name_before_a_title_naming_its_body_with_of_owns_the_title() -> None:
    found = people("Peru and Chile sign border pact\n\n"
                   "Peru will send police officers to Chile under the pact. It was signed on Friday by the Chile "
                   "Secretary-General of the Council of Ministers Jorge Vidal Rojas.")
    assert found.get("Jorge Vidal Rojas") == "CHL", found  # the country named as an adjective, not the one before


def test_an_office_of_the_embassy_named_bare_is_of_the_embassy_told_before() -> None:
    found = people("Peru expels two Chilean diplomats\n\n"
                   "Lima handed a note to the Chilean Embassy on Monday. The ministry said in a statement that Peru "
                   "objected to the acts of the First Secretary of the Chilean Embassy, Rosa Lagos, and the Second "
                   "Secretary of the Embassy, Tomas Vera Ortiz.")
    assert found.get("Tomas Vera Ortiz") == "CHL", found  # the embassy named bare is the one told of before


def test_a_spokesperson_of_a_presidents_house_is_of_that_presidents_country() -> None:
    found = people("President Ruto heads to Washington\n\n"
                   "President William Ruto left the country for Washington in the United States on Tuesday.\n\n"
                   "State House Spokesperson Amina Wanjiru said Ruto was invited by the United States to attend "
                   "the signing of a peace deal.")
    assert found.get("Amina Wanjiru") == "KEN", found  # the house is the president's, not the country he visits


def test_a_text_calling_one_half_of_a_divided_land_the_north_is_told_from_the_other_half() -> None:
    found = people("Missile launch draws a firm response\n\n"
                   "North Korea launched a missile on Sunday, its third this month. North Korea has fired dozens of "
                   "missiles since January.\n\n"
                   "National Security Adviser Park Min-ho chaired an emergency meeting after the North fired the "
                   "missile toward the sea, and warned that South Korea would respond firmly.")
    assert found.get("Park Min-ho") == "KOR", found  # 'the North' is what the South calls the other half


def test_the_head_of_a_body_named_earlier_with_its_country_is_of_that_country() -> None:
    found = people("Drills near the border draw a protest\n\n"
                   "The National Security Council (NSC) of Chile met on Monday over drills held by Peru near the "
                   "border. The NSC then sat under National Security Adviser Rosa Lagos to weigh the drills. "
                   "Peru said the drills were routine, and Peru will hold more in May. Peru invited observers "
                   "from Bolivia.")
    assert found.get("Rosa Lagos") == "CHL", found  # the council's country, not the one the report names most


def test_a_body_whose_name_goes_on_after_of_is_no_person_after_a_possessive() -> None:
    found = people("Peru tested a rocket on Monday. Chile's Joint Chiefs of Staff said the rocket fell into the sea.")
    assert "Joint Chiefs" not in found, found  # 'Joint Chiefs of Staff' is a body, not a man named Joint Chiefs


def test_a_name_before_a_noun_of_a_region_after_a_possessive_is_no_person() -> None:
    found = people("The crossing in Peru's Madre Dios region was closed after clashes, officials said.")
    assert "Madre Dios" not in found, found  # a region of the country, not a person of it


def test_a_body_whose_name_goes_on_after_and_is_no_person_after_a_possessive() -> None:
    found = people("Rains slowed the work in Nepal. Norway's Mountain Search and Rescue Team will help dig out "
                   "survivors.")
    assert "Mountain Search" not in found, found  # 'Mountain Search and Rescue Team' is a body, not a person


@pytest.mark.parametrize(("text", "short", "name"), [
    ("Malaysian Prime Minister Anwar Ibrahim arrived in Hanoi on Tuesday for a two-day visit. Anwar later sat down "
     "with his Vietnamese counterpart to discuss fishing disputes.", "Anwar", "Anwar Ibrahim"),
    ("Indonesian Trade Minister Budiarto Wiranegara landed in Canberra on Monday. Budiarto told reporters the talks "
     "would cover beef quotas.", "Budiarto", "Budiarto Wiranegara"),
])
def test_malay_and_indonesian_people_are_named_again_by_the_first_word(text, short, name) -> None:
    """Malay and Indonesian names carry no family name: news names the person again by the first word."""
    assert any(m.text == short and m.key == name for m in find_actors(text).mentions)


@pytest.mark.parametrize(("text", "name"), [
    ("Kyiv asked Brussels to curb Russian oil. Commission figures such as trade chief Valdis Dombrovskis and climate "
     "chief Frans Timmermans agreed that every option stayed open.", "Valdis Dombrovskis"),
    ("Kyiv asked Brussels to curb Russian oil. Commission figures such as trade chief Valdis Dombrovskis and climate "
     "chief Frans Timmermans agreed that every option stayed open.", "Frans Timmermans"),
    ("Congo withdrew its envoy from Nairobi. UN mission head Bintou Keita told the Security Council that rebels held "
     "two more towns.", "Bintou Keita"),
])
def test_officials_of_international_bodies_are_of_no_country(text, name) -> None:
    """Commissioners of the EU and heads of UN missions act for the body, not for a state named near them."""
    assert people(text).get(name, "") == ""


def test_the_house_speaker_title_is_an_office_not_part_of_the_name() -> None:
    """'House of Representatives Speaker X': the whole phrase is the office; the name starts after it."""
    text = ("Beijing protested on Monday against a trip to Taipei planned by U.S. House of Representatives Speaker "
            "Dana Whitfield.")
    assert people(text).get("Dana Whitfield") == "USA"


@pytest.mark.parametrize(("text", "word"), [
    ("Kabul wired its first payment to the New York Fed, the central bank governor said on Monday.", "Fed"),
    ("Cairo hosted the talks. None of the Middle Eastern states that trade with Tehran joined the boycott, "
     "officials said.", "Eastern"),
    ("Group of Seven leaders rebuked China on Monday. The final text, which ended a two-day gathering in the "
     "Bavarian Alps, came before the leaders flew on.", "Alps"),
    ("Under the Vienna Convention on Diplomatic Relations, Beijing may expel the envoy, the Chinese spokesman said.",
     "Relations"),
])
def test_places_regions_and_bodies_are_no_people(text, word) -> None:
    """A mountain range, a region's adjective, a central bank's nickname or a treaty's subject is no person."""
    assert not [name for name in people(text) if word in name.split()]


def test_a_known_arabic_name_spelled_otherwise_keeps_the_text_s_spelling() -> None:
    """'Mohammed bin Zayed' is the known 'Mohamed bin Zayed': his country, under the spelling the report uses."""
    found = people("MOSCOW — President Sheikh Mohammed bin Zayed Al Nahyan brokered the swap with Washington, "
                   "Russian officials said.")
    assert found.get("Sheikh Mohammed bin Zayed Al Nahyan") == "ARE", found


@pytest.mark.parametrize(("text", "name"), [
    ("Ottawa said New Delhi was behind the shooting of Sikh leader Gurmeet Singh Brar in Surrey, Canada.",
     "Gurmeet Singh Brar"),
    ("BAMAKO — Mali cut ties with Kyiv after rebels killed mercenary group chief Pavel Ignatov and group commander "
     "Oleg Sidorenko near the border.", "Oleg Sidorenko"),
])
def test_the_head_of_a_group_outside_any_state_is_of_no_country(text, name) -> None:
    """A community's or an armed group's leader speaks for no country: neither the dateline's nor where they lived."""
    assert people(text).get(name, "") == ""


def test_a_spokesman_for_an_international_body_in_apposition_is_of_no_country() -> None:
    """'X, a spokesman for the Arab League': the body's officer speaks for no member state, not the host's."""
    found = people("CAIRO — Syria may rejoin the bloc, said Hossam Farid, a spokesman for the Arab League's chief, "
                   "after the ministers met behind closed doors.")
    assert found.get("Hossam Farid", "") == "", found


def test_a_regional_governor_is_of_the_country_of_the_region() -> None:
    """'Donetsk Governor X': Donetsk is a region of Ukraine, whatever the dateline of a round-up says."""
    found = people("WASHINGTON — Missiles hit a market in the east, killing six, according to Donetsk Governor "
                   "Ivan Petrenko, as Washington weighed new aid.")
    assert found.get("Ivan Petrenko") == "UKR", found


def test_a_leader_of_a_militia_named_after_the_role_is_of_no_country() -> None:
    """'X, a leader of the Janjaweed militia': an armed group's man, not the state where the group fought."""
    found = people("THE HAGUE — Judges found Musa Abakar, a leader of the notorious Janjaweed militia, guilty of "
                   "crimes in Sudan's Darfur region.")
    assert found.get("Musa Abakar", "") == "", found


def test_a_country_heading_places_the_officials_of_its_section() -> None:
    """A round-up told country by country: 'Spain' heading a section makes its unnamed-country minister Spain's."""
    found = people("How foreign governments got their people out of Yemen\n\nGermany\n\nBerlin flew 200 people out "
                   "of Aden on Sunday.\n\nSpain\n\nDefence Minister Lucia Orbegozo said the last Spaniards had left "
                   "Yemen for Oman by ship.\n")
    assert found.get("Lucia Orbegozo") == "ESP", found
