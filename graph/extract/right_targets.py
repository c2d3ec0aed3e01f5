"""The parties right after a trigger (`_right_targets`): the rules 'right', 'adjacent' and 'near' of triggers.csv.

Walking the mentions after the trigger, it keeps the object and every party of a list after it ('condemned
Japan, the Philippines and Australia'), each rate's own parties ('10% on China and 25% on Canada and Mexico') and
each place of one journey; it passes over parties that are no object (a place, a topic, the agent after 'by', the
victim or the reason in a charge) and stops at a new clause or another verb's object. It is the most used target
rule and the longest, so it is its own step; the objects of demands, shared objects, charges and subjects are
read in `objects`, and the wordings that make a party no object (doer, victim, site, reason) are no_object.py's.
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors import word_classes
from graph.extract.attribution import _is_target
from graph.extract.candidates import _Candidate
from graph.extract.coordination import (
    _COMMA_AND,
    _LIST_GAP,
    _TITLE_GAP,
    _following_list,
    _list_continues,
    _phrase_repeated,
)
from graph.extract.document import _Doc
from graph.extract.lexicon import _TIME
from graph.extract.no_object import (
    _AGENT_THEN_VICTIM,
    _GERUND_CLAUSE,
    _POSED_BY,
    _RELATIVE_VERB,
    _VICTIM_AFTER,
    _act_of_before,
    _act_site,
    _act_suffered,
    _agent_floor,
    _agents_of,
    _coordinated_verb,
    _possessed_act,
    _reason_link_before,
    _unnamed_group,
    _victim_before,
)
from graph.extract.owners import _verb_after
from graph.records import Mention

#: an agent or a go-between named right before a party
#: (a title may stand between: 'witnessed by Secretary of State Marco Rubio')
_BY_BEFORE = re.compile(r"\b(?:by|(?:mediation|help|offices|auspices)\s+of)\s+(?:the\s+)?"
                        r"(?:(?:[A-Z][\w.'’-]*|of|for)\s+){0,4}$")


@cache
def _go_between_noun_after() -> re.Pattern[str]:
    """A go-between's help right after its nationality (words.csv GO_BETWEEN: 'Omani mediation', 'Qatari
    facilitation'): the country that helped two others agree is neither of them."""
    return re.compile(r"\s+(?:" + word_classes()["GO_BETWEEN"] + r")\b", re.I)


#: A go-between glued to its help ('a U.S.-brokered truce', words.csv GO_BETWEEN): no party to the deal
_GO_BETWEEN_HYPHEN = re.compile(r"-(?:" + word_classes()["GO_BETWEEN"] + r")\b", re.I)


#: 'against', perhaps with words of kind and quantity: 'against any kind of Chinese coercion'
_AGAINST_BEFORE = re.compile(r"\bagainst\s+(?:(?:the|any|all|an?|kind|kinds|form|forms|sort|type|types|of|further|"
                             r"possible)\s+){0,4}$")


@cache
def _new_clause() -> re.Pattern[str]:
    """Where a clause of its own opens after the trigger: a semicolon, a conjunction before a new subject, 'ahead
    of', a participle giving the speaker's reasons (words.csv REASONING_PARTICIPLES), a subordinate clause. The
    comma may sit inside a closing quotation ('a "racist mentality," and Chad responded': Chad answers, it is not
    what was denounced)."""
    return re.compile(r";|,[”\"’']?\s+(?:and|but|while|whereas|although)\s+"
                      r"(?:[A-Z]|the\s+[A-Z]|it\b|they\b|the\s+two\b"
                      # ', while others, including Japan, welcomed it': onlookers as the new clause's subject
                      r"|others\b|many\s+others\b)"
                      r"|\bahead\s+of\b"  # 'agreed to closer ties ahead of Lee's summit with Trump'
                      # 'deplored the decision, arguing that farmers suffer given Russia's invasion': the speaker's
                      # reasons, a clause of their own
                      r"|,\s+(?:" + word_classes()["REASONING_PARTICIPLES"] + r")\b"
                      # 'a deal to secure gas as Europe braces for a cutoff from Russia': a clause of its own
                      r"|\b(?:as|while|whereas|although)\s+(?:the\s+)?(?!(?:it|he|she|they|we|well|much|soon|far|long)\s)"
                      r"[A-Za-z][a-z-]+\s+[a-z]+(?:es|s|ed)\s+"
                      r"(?:for|to|a|an|the|up|with|over|on|its|their)\b"
                      # 'deepening defence ties as both face a more assertive China': the partners, as the subject of
                      # a clause of their own, face a third party
                      r"|\b(?:as|while|whereas)\s+(?:both|they)\s+(?:(?:now|also|increasingly)\s+)?[a-z]+\s+"
                      r"(?:a|an|the|growing|rising|mounting|more|pressure)\b")


#: 'as' opening a clause whose subject is the party, and the party's own verb after it: 'as China flexes its muscle'
_AS_SUBJECT_BEFORE = re.compile(r"(?<!such\s)(?<!well\s)\b(?:as|while|whereas)\s+(?:the\s+)?$")
_OWN_VERB_AFTER = re.compile(r"\s+(?:[a-z]+ly\s+)?[a-z]+(?:es|s|ed)\s+(?:its|their|the|a|an|up|for|to|with|over|on)\b")

#: A conjunction of time right before a party: 'after Pyongyang', 'once North Korea', 'before the US'
_TIME_CLAUSE_BEFORE = re.compile(r"\b(?:after|before|when|once|since|until)\s+(?:the\s+)?$", re.I)
#: A verb right after that party, its own: ' fired', ' had launched', ' quickly sent' (not ' and', "'s")
_VERB_AFTER_SUBJECT = re.compile(r"\s+(?:had\s+|has\s+|have\s+|was\s+|were\s+)?(?:[a-z]+ly\s+)?"
                                 r"(?!and\b|or\b|of\b|to\b|in\b|on\b|for\b|with\b)[a-z]{3,}\b")

#: Relations between partners: a country named as where people come from is none of them.
_PARTNERSHIPS = frozenset({"agreesToCooperate", "meetsWith"})
_ORIGIN_BEFORE = re.compile(r"\b(?:migrants?|nationals?|citizens?|deportees?|returnees?|refugees?|asylum[- ]seekers?|"
                            r"immigrants?|workers?|prisoners?|detainees?|people|travell?ers)\s+(?:from|of)\s+"
                            r"(?:the\s+)?$")


#: 'met separately in Antalya with': an adverb and a place between a verb and its 'with'.
_PLACE_BEFORE_WITH = re.compile(
    r"^\s*(?:\w+ly\s+)?(?:(?:over|by|on)\s+(?:the\s+)?(?:phone|telephone|video\s+link|videolink)\s+)?"
    rf"(?:(?i:{_TIME})\s+)?(?:(?:in|at|on)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){{1,3}})?(?=with\b)")


@cache
def _venue_before_guest() -> re.Pattern[str]:
    """Where and when a host receives, between the verb and the guest (a room or building of words.csv VENUE,
    perhaps 'of' an owner, then a time): 'received at the Amiri Diwan yesterday Peru's foreign minister',
    'received in the building of the Government the minister of X'."""
    return re.compile(r"\s*(?:at|in)\s+(?:the\s+|his\s+|her\s+)?(?P<place>(?:[A-Z][\w'’.-]*\s+){0,3}"
                      r"(?:(?i:" + word_classes()["VENUE"] + r")\s+)?"
                      r"(?:of\s+(?:(?:the|of)\s+|[A-Z][\w'’.-]*\s+){1,8}?(?=(?:the\s+)?[A-Z]))?"
                      r"(?:(?i:" + _TIME + r")\s+)?)")


#: A verb of receiving a guest, and a passive's auxiliary before it
_RECEIVING = re.compile(r"(?:receiv|welcom|host|greet)\w*", re.I)
_PASSIVE_AUXILIARY = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$", re.I)


def _venue_of_receiving(doc: _Doc, candidate: _Candidate, mention: Mention) -> re.Match[str] | None:
    """The venue and time an active verb of receiving names before the guest ('received at the palace yesterday
    Peru's foreign minister'), up to `mention`; None for a passive ('was received in Lima by')."""
    verb = _RECEIVING.match(doc.text, candidate.head_start)
    if verb is None or candidate.relation not in ("meetsWith", "visits") \
            or _PASSIVE_AUXILIARY.search(doc.text, max(0, candidate.head_start - 20), candidate.head_start):
        return None
    return _venue_before_guest().match(doc.text, verb.end(), mention.start)


#: The capitalised title right before a name ('Secretary of State ', 'Foreign Minister ').
_TITLE_BEFORE_NAME = re.compile(r"(?<=\s)(?:(?:[A-Z][\w.'’-]*|of|for|and|the)\s+)+$")


@cache
def _description_before_name() -> re.Pattern[str]:
    """Before a person's name, a description may run in lower case too ('met high-ranking Chinese military
    official Zhang Youxia'), as long as no word of it opens another clause: capitalised words and words.csv
    NAME_DESCRIPTION."""
    return re.compile(r"(?<=\s)(?:(?:[A-Z][\w.'’-]*|" + word_classes()["NAME_DESCRIPTION"] + r")\s+){1,6}$")


@cache
def _protested_before() -> re.Pattern[str]:
    """'in protest of', 'in response to' (words.csv ANSWERING_NOUNS) right before a party: the one whose act is
    answered."""
    return re.compile(r"\bin\s+(?:" + word_classes()["ANSWERING_NOUNS"] + r")\s+(?:of|at|to|against|over|"
                      r"for)\s+(?:the\s+)?$", re.I)


#: 'speaking to Al Jazeera, said President Ruiz of Peru': a verb of saying ends the slot right after the trigger
_SAID_IN_GAP = re.compile(r"\b(?:said|says|told|tells|added|stated)\b")


#: 'accusing X of sending', 'condemned X for firing': the charge has begun, a party after it is part of what X is
#: accused of
_CHARGE_OPENED = re.compile(r"\b(?:of|for)\s+(?:\w+ly\s+)?[a-z]+ing\b")


@cache
def _stance_topic() -> re.Pattern[str]:
    """A stance (words.csv STANCE_NOUNS) or a mention and its topic right before a party: 'their stance on', 'its
    position towards', 'over references to Taiwan' (what is said about a party is charged to whoever said it)."""
    return re.compile(r"\b(?:(?:" + word_classes()["STANCE_NOUNS"] + r")\s+(?:on|about|toward|towards|regarding|"
                      r"concerning)|references?\s+to|mentions?\s+of)\s+(?:the\s+)?$", re.I)


#: An object, then 'for' and the charge: 'blamed it for the ', 'criticised the minister for '
_BLAMED_FOR = re.compile(r"\s+(?:[\w.'’-]+\s+){1,4}?for\s+(?:the\s+|a\s+|an\s+)?")
#: A place's country set off after it: 'in Peshawar, Pakistan'
_PLACE_APPOSED = re.compile(r",\s+(?:the\s+)?")
#: 'over', 'amid' right before a party: the reason for a measure ('cut ties over Gaza offensive')
_REASON_BEFORE = re.compile(r"\b(?:over|amid)\s+(?:the\s+)?$")


#: Help given to a party: 'more military aid to', 'weapons for'; the party receives it
@cache
def _aid_form() -> re.Pattern[str]:
    """A form of aid (words.csv AID_FORMS) inside a measure's wording: the measure cuts that aid."""
    return re.compile(r"\b(?:" + word_classes()["AID_FORMS"] + r")\b", re.I)


#: A place right after the agent of a participle: ' in the ', ' inside '
_PLACE_AFTER_AGENT = re.compile(r"\s+(?:in|inside)\s+(?:the\s+)?")


@cache
def _aid_to_before() -> re.Pattern[str]:
    """Help given 'to' or 'for' right before a party (words.csv AID_GIVEN: 'weapons to the'): the party helped."""
    return re.compile(r"\b(?:" + word_classes()["AID_GIVEN"] + r")\s+(?:to|for)\s+(?:the\s+)?$", re.I)


_TIME_PREPOSITION = re.compile(r"\b(?:after|before|during|following|amid|ahead\s+of)\s+(?:the\s+|a\s+)?$", re.I)
#: 'in Sudan', 'inside Venezuela' after the object of a word: a place
_PLACE_IN_BEFORE = re.compile(r"\b(?:in|inside|across|within)\s+(?:the\s+)?(?:eastern\s+|western\s+|northern\s+|"
                              r"southern\s+|central\s+)?$")


def _part_after(text: str, end: int) -> str:
    """The description set off by a comma right after a place, up to its 'of' ('the breakaway region of '), or ''."""
    found = re.match(r",\s+((?:the|a|an)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s+of\s+)", text[end:end + 60])
    return found.group(1) if found else ""


@cache
def _part_apposed() -> re.Pattern[str]:
    """A name set off by a comma and described as part of a country, up to 'of' (words.csv PLACE_PARTS):
    'Somaliland, the breakaway region of ', 'Puntland, a semi-autonomous state of '."""
    return re.compile(r"\b[A-Z][\w'’-]*,\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}(?:" + word_classes()["PLACE_PARTS"]
                      + r")\s+of\s+(?:the\s+)?" + _QUARTER + "?$")


#: A quarter of a country before its name: 'northern ', 'south-eastern ', 'central '
_QUARTER = r"(?:(?:(?:north|south)-?)?(?:north|south|east|west)(?:ern)?\s+|central\s+)"


_WORDED_RELATIONS = frozenset({"accuses", "threatened", "rejects"})
_MEASURE_RELATIONS = frozenset({"reducesCooperation", "threatenedSanctions", "threatenedExpulsion"})


#: Between a meeting's word and whom it meets right after it: ' with the ', ' his '
_OWN_PEOPLE_GAP = re.compile(r"\s+(?:with\s+)?(?:(?:the|his|her|its|their)\s+)?")


@cache
def _own_forces() -> re.Pattern[str]:
    """A party named by its forces or staff ('Colombian police', 'Kenyan troops': words.csv ORDERED_OWN)."""
    return re.compile(r"\b(?:" + word_classes()["ORDERED_OWN"] + r")$", re.I)


#: Only a preposition of place between a verb of meeting and a country: 'meet in ', 'met at the '
_PLACE_ONLY_GAP = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?")


_CHARGES = frozenset({"accuses", "threatened", "demands", "rejects"})


#: Patterns of the checks below, compiled once (they run for every party after a trigger)
_BY_NEXT = re.compile(r"\s*by\b")
_SENTENCE_MARK = re.compile(r"[.;:!?]")
_IN_AT_BEFORE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$")
_WITH_NEXT = re.compile(r"\s+with\b")
_ARTICLE_GAP = re.compile(r"\s*(?:the\s+)?")
#: What may join the parties of a list of targets ('Chile, along with Peru and Bolivia')
_TARGET_LIST_GAP = re.compile(r"\s*(?:,|,?\s+and(?:\s+then)?|,?\s+as\s+well\s+as|,\s+(?:along|together)\s+with|&|"
                              r",?\s+or)?\s*(?:the\s+)?")


def _right_targets(doc: _Doc, candidate: _Candidate, mentions: list[Mention], actor: Mention, *,
                   adjacent: bool) -> list[Mention | str]:
    if candidate.relation in _CHARGES and _unnamed_group().match(doc.text, candidate.end):
        return []  # 'lashes out at those concerned about the two countries' pact': the ones charged are unnamed
    start = candidate.end if adjacent else candidate.head_end
    targets: list[Mention | str] = []
    previous_end = None
    previous: Mention | None = None
    agent_end = -1
    place_end = -1
    for mention in mentions:
        if mention.start < start:
            continue
        if agent_end >= 0 and _LIST_GAP.fullmatch(doc.text, agent_end, mention.start):
            agent_end = mention.end  # 'mediated by Qatar and Egypt': the whole list is the agent
            continue
        if agent_end >= 0 and _PLACE_AFTER_AGENT.fullmatch(doc.text, agent_end, mention.start):
            agent_end = mention.end  # 'violations committed by Israel in the Gaza Strip': where the agent acted
            continue
        if previous_end is None:
            gap = doc.text[start:mention.start]
            title = _TITLE_BEFORE_NAME if mention.type != "person" else _description_before_name()
            venue = _venue_of_receiving(doc, candidate, mention) if adjacent else None
            if venue and venue.group("place") and candidate.relation == "visits" \
                    and not _BY_NEXT.match(doc.text[venue.end():mention.start]):
                return []  # 'X received in the Government building the minister of Y': X is the host, not a visitor
            if venue:
                gap = doc.text[venue.end():mention.start]  # 'received at the palace yesterday X': the guest after it
            core = _PLACE_BEFORE_WITH.sub(" ", title.sub("", gap))
            if adjacent and candidate.relation in ("meetsWith", "visits") \
                    and _possessed_act().match(doc.text, mention.end):
                return []  # 'welcomed the Indian Prime Minister's pledge': a thing of the party welcomed, no meeting
            if (candidate.relation in _PARTNERSHIPS or candidate.relation == "visits") and _RELATIVE_VERB.search(gap):
                return targets  # 'deepen its alliance in Asia that saw Albanese visit the Philippines': the party is
                # in a relative clause of its own, the object of its verbs ('a tour by Xi that unsettled Washington')
            if (candidate.relation in _PARTNERSHIPS or candidate.relation == "visits") \
                    and _coordinated_verb().search(gap):
                return targets  # 'expressed his support for the rebels and condemned Chile's drill': another verb's
                # object ('following a visit from Rubio, and agrees to end China's deal': no visit to China)
            if adjacent and _GERUND_CLAUSE.search(gap):
                return []  # 'opened the meeting by criticizing the U.S.': the party is the object of another verb
            if adjacent and candidate.relation in ("meetsWith", "visits") \
                    and _act_of_before().fullmatch(doc.text, start, mention.start):
                return []  # 'welcomed the opening of the Kenyan consulate': the party's act is welcomed, no meeting
            if adjacent and candidate.relation == "demands" and _TIME_PREPOSITION.search(gap):
                return []  # 'called for changes to the law after Uganda's protest': the party is in a time phrase
            if adjacent and candidate.relation in _PARTNERSHIPS and _GROUP_THEN_MEMBERS.fullmatch(gap):
                pass  # 'met several diplomats on Monday, including Dutch Foreign Minister X': the members named
            elif adjacent and (len(core.split()) > 3 or _SENTENCE_MARK.search(gap) or _SAID_IN_GAP.search(gap)):
                return []  # (a title before the name does not count: 'met with Secretary of State Marco Rubio')
            if "," in gap and _SAYER_AFTER.match(doc.text, mention.end) and candidate.relation not in _PARTNERSHIPS:
                return targets  # '..., Baloch said': the one reporting, after the clause's end (the speaker may be
                # the other side of an agreement: 'Ruto "has agreed to the broadest agreement," Blinken said')
            if _IN_AT_BEFORE.search(gap) and _WITH_NEXT.match(doc.text, mention.end):
                continue  # 'met in Addis Ababa with ...': the place of the meeting, the partner comes after 'with'
            if adjacent and candidate.relation == "meetsWith" and _PLACE_ONLY_GAP.fullmatch(gap) \
                    and doc.text[candidate.head_start:candidate.end].lower() in ("meet", "meets", "met") \
                    and mention.type == "country" and mention.via in ("place", "capital", "name"):
                continue  # 'will meet in Goa on Thursday': where they meet, not whom (the visit is read from it)
            if candidate.relation in _PARTNERSHIPS and _TOPIC_ON.fullmatch(gap) \
                    and _WITH_AFTER.match(doc.text, mention.end):
                start = mention.end
                continue  # 'held talks on Somalia with Kenya's envoy': the topic, the partner comes after 'with'
            if _new_clause().search(doc.text, start, mention.end):
                return []  # 'called it a grave breach, and Nicaragua announced': a new clause, a new subject
            if _AS_SUBJECT_BEFORE.search(doc.text, max(start, mention.start - 12), mention.start) \
                    and _OWN_VERB_AFTER.match(doc.text, mention.end):
                return targets  # 'during a visit by the Japanese prime minister ... as China flexes its muscle': the
                # subject of a clause of its own, with its own verb
            if candidate.relation in _PARTNERSHIPS | {"visits"} and mention.via in ("name", "capital") \
                    and _TIME_CLAUSE_BEFORE.search(doc.text, max(start, mention.start - 12), mention.start) \
                    and _VERB_AFTER_SUBJECT.match(doc.text, mention.end):
                return targets  # 'chaired an emergency meeting shortly after Pyongyang fired a missile': the subject of
                # a clause of time, with its own verb, is no one met or visited
            if candidate.relation in _WORDED_RELATIONS and _SUBORDINATE_CLAUSE.search(doc.text, start, mention.start):
                return []  # 'made accusations after three planes headed to Iceland changed course': the party is
                # in a clause of its own, with its own subject and verb
            if _BY_BEFORE.search(doc.text, max(start, _agent_floor(doc, candidate), mention.start - 48),
                                 mention.start) and not (
                    candidate.relation in _MEASURE_RELATIONS
                    and _POSED_BY.search(doc.text, max(start, mention.start - 48), mention.start)):
                agent_end = mention.end
                continue  # 'a ceasefire mediated by Qatar': the agent of a participle is no target (but 'sanctions to
                # tackle the threat posed by the Iranian regime' are aimed at the one posing it)
            if mention.via == "demonym" and _go_between_noun_after().match(doc.text, mention.end) \
                    or _GO_BETWEEN_HYPHEN.match(doc.text, mention.end):
                agent_end = mention.end
                continue  # 'agree on a prisoner swap via Omani mediation': the helper is no party to the deal
            if mention.type == "country" and mention.via in ("name", "place", "capital") \
                    and _modifier_noun_after().match(doc.text, mention.end):
                continue  # 'a negotiator in Gaza truce talks': the country names the talks, it is no party
            if candidate.relation == "rejects" and _media_after().match(doc.text, mention.end):
                continue  # 'dismissing claims from Zagreb newspapers': the papers' claims, no state's
            if mention.type == "country" and mention.via in ("name", "capital") \
                    and _OWNER_BEFORE.search(doc.text, max(0, mention.start - 4), mention.start) \
                    and _NOUN_AFTER.match(doc.text, mention.end):
                continue  # "over Stubb's Estonia comments": a name between an owner and a noun names its topic
            if candidate.relation in _PARTNERSHIPS and _unnamed_partners().match(doc.text, candidate.end):
                return []  # 'to strengthen defence ties with other nations due to ... China': no partner named
            if candidate.relation == "agreesToCooperate" and _SUPPORT_END.search(doc.text, candidate.head_start,
                                                                               candidate.end) \
                    and len(doc.text[candidate.end:mention.start].split()) > 3 \
                    and not _agents_of().fullmatch(doc.text, candidate.end, mention.start):
                return []  # 'promised to support the business sector ... sold to the US': support for a thing
                # ('to support the military governments of Mali' supports the party itself)
            if candidate.relation == "accuses" and _victim_before().search(doc.text, max(start, mention.start - 30),
                                                                         mention.start):
                continue  # 'calling it a breach of Tunisia's sovereignty': the victim, not the accused
            if candidate.relation == "accuses" and _AGENT_THEN_VICTIM.search(gap):
                continue  # 'condemned the attack by the regime against the besieged Gaza Strip': the act's doer is
                # named after 'by', the party it was aimed at is its victim, not the one blamed
            if candidate.relation == "accuses" and _stance_topic().search(doc.text, max(start, mention.start - 40),
                                                                      mention.start):
                continue  # 'called their stance on Libya irresponsible': the topic of a stance, not who holds it
            if candidate.relation == "accuses" and _VICTIM_AFTER.match(doc.text, mention.end):
                continue  # "a gross violation of international law and Paraguay's territorial integrity": the victim
            if candidate.relation == "accuses" and _CHARGE_OPENED.search(doc.text, start, mention.start):
                return targets  # 'accusing the country of sending migrants to Poland': Poland is in the charge
            if candidate.relation == "accuses" and _BLAMED_FOR.fullmatch(doc.text, start, mention.start):
                return targets  # 'blamed it for the Kremlin's invasion': the party after 'for' is in the charge
            if candidate.relation in _MEASURE_RELATIONS and _reason_link_before().search(
                    doc.text, max(start, mention.start - 60), mention.start):
                return targets  # 'restrictions on Central American officials for their nexus to the Cuban regime':
                # the party the ones punished are tied to is the reason, not the target
            if candidate.relation in _MEASURE_RELATIONS and _REASON_BEFORE.search(
                    doc.text, max(start, mention.start - 8), mention.start):
                continue  # 'cut economic ties over Gaza offensive': the reason for a measure, not its target
            if candidate.relation == "threatenedSanctions" and _aid_to_before().search(
                    doc.text, max(candidate.end, mention.start - 24), mention.start) \
                    and not _aid_form().search(doc.text, candidate.head_start, candidate.end):
                continue  # 'warned of sanctions and more military aid to Kyiv if Moscow': who gets the aid is no target
                # (unless the measure is the aid's own cut: 'suspended all development aid and support to Niger')
            if candidate.relation in _WORDED_RELATIONS and mention.start - start > 12 \
                    and _PLACE_IN_BEFORE.search(doc.text, max(start, mention.start - 12), mention.start):
                place_end = mention.end
                continue  # 'condemned the advance of RSF forces in Sudan': where it happens, not who is blamed
            if candidate.relation in ("accuses", "agreesToCooperate") \
                    and _act_site().search(doc.text, max(start, mention.start - 40), mention.start):
                place_end = mention.end
                continue  # 'backed the offensive in Laos': the site of the act backed, not a party backed
            if place_end >= 0 and _PLACE_APPOSED.fullmatch(doc.text, place_end, mention.start):
                continue  # 'the bombing in Peshawar, Pakistan': the country of the place set aside is that place too
            if candidate.relation != "visits" and (
                    _part_apposed().search(gap)
                    or mention.via == "place" and _part_apposed().search(doc.text[mention.start:mention.end] + ", "
                                                                         + _part_after(doc.text, mention.end))):
                continue  # 'an agreement with Somaliland, the breakaway region of Somalia': a place told to be part
                # of a country is not its government, nor is the country it is part of a party to the act (a trip
                # to the place is one to the country)
            suffered = _act_suffered().search(doc.text, max(start, mention.start - 40), mention.start) \
                if candidate.relation == "demands" else None
            if suffered is not None and suffered.end() == mention.start:
                agent_end = mention.end
                continue  # 'called for the release of hostages taken in the attack against Israel by Hamas': the one
                # attacked is not the one asked
            if candidate.relation == "agreesToCooperate" and _AGAINST_BEFORE.search(
                    doc.text, max(start, mention.start - 30), mention.start):
                agent_end = mention.end
                continue  # 'pledged closer coordination against North Korea's threats': the adversary
            if candidate.relation in _PARTNERSHIPS and _protested_before().search(
                    doc.text, max(start, mention.start - 30), mention.start):
                agent_end = mention.end
                continue  # 'vowed to restore its drills in protest of Seoul's move': the one protested, no partner
            if candidate.relation in _PARTNERSHIPS and mention.country == actor.country \
                    and mention.type == "country" and mention.via in ("name", "capital") \
                    and actor.end <= candidate.head_start <= candidate.end <= mention.start \
                    and _ARTICLE_GAP.fullmatch(doc.text[candidate.end:mention.start]):
                return []  # 'express solidarity with Kuwait' said by Kuwait's emir: its own country is the object,
                # a party named after it is none ('... after Iraqi strikes')
            if candidate.relation in _PARTNERSHIPS and _ORIGIN_BEFORE.search(doc.text, max(start, mention.start - 40),
                                                                           mention.start):
                agent_end = mention.end
                continue  # 'a deal to deport migrants from Venezuela and Colombia': where people come from
            if candidate.relation == "meetsWith" and mention.country == actor.country \
                    and _OWN_PEOPLE_GAP.fullmatch(gap) and _own_forces().search(mention.text) \
                    and not _list_continues(doc, mention, mentions) \
                    and not doc.text[candidate.head_start:candidate.end].lower().endswith("between"):
                return []  # 'Petro to meet Colombian police in Haiti': his own people, the place is no partner
            if not _is_target(mention, actor):
                if adjacent or mention.country == actor.country:
                    continue
                continue
            targets.append(mention)
            previous, previous_end = mention, mention.end
            if not candidate.trigger.list and not _list_continues(doc, mention, mentions):
                return targets  # a list closed by 'and' is coordination for every relation ('condemned
                # Japan, the Philippines and Australia'); other triggers stop at their first target
        else:
            gap = doc.text[previous_end:mention.start]
            if previous is not None and mention.type == "person" and mention.country == previous.country \
                    and _TITLE_GAP.fullmatch(gap):
                # 'U.S. Secretary of State Marco Rubio and Polish Foreign Minister X': a country or a demonym
                # before an office names the person's country; the person is the list item
                if not any(isinstance(t, Mention) and t.country == mention.country for t in targets) \
                        and _is_target(mention, actor):
                    targets.append(mention)
                previous, previous_end = mention, mention.end
                continue
            if candidate.relation == "visits" and previous is not None and previous.type == "country" \
                    and (_TIMED_PLACE_GAP.fullmatch(gap)
                         or _SEMICOLON_GAP.fullmatch(gap) and len(targets) >= 2
                         and targets[-2].country == previous.country
                         and doc.text[targets[-2].end:previous.start].strip() == ","):
                # 'visited Quito in March and Bogota in April'; 'will travel to Quito, Ecuador; Bogota, Colombia':
                # each place of one journey
                if _is_target(mention, actor):
                    targets.append(mention)
                previous, previous_end = mention, mention.end
                continue
            if previous is not None and previous.type == "person" and mention.country == previous.country \
                    and _OF_COUNTRY_GAP.fullmatch(gap):
                previous_end = mention.end
                continue  # 'President Javier Milei of Argentina': the country of the person before
            # ('accused Chile, along with Peru and Bolivia, of ...': the parties set beside the first one too)
            if not _TARGET_LIST_GAP.fullmatch(gap) \
                    and not (candidate.relation == "threatenedSanctions" and _RATE_LIST_GAP.fullmatch(gap)) \
                    and not (targets and isinstance(targets[0], Mention)
                             and _phrase_repeated(doc, targets[0], previous_end, mention.start)) \
                    and not (candidate.relation in _PARTNERSHIPS and mention.type == "person"
                             and _TITLED_LIST_GAP.fullmatch(gap)):
                break
            if len(targets) == 1 and _COMMA_AND.fullmatch(gap) and _verb_after().match(
                    doc.text, _following_list(doc, mention, mentions)[-1].end):
                break  # 'cut ties with Israel, and Chile, Mexico and Colombia withdrew': a new clause's subject
            if gap.strip() == "," and _OWNED_DESCRIPTION.match(doc.text, mention.end):
                break  # 'moved closer to China, Tonga's biggest creditor': a description of the party before
            if _speech_after().match(doc.text, mention.end):
                break  # 'sent its relief flight to Sudan and Chad said its trucks had crossed': a new clause's sayer
            if _is_target(mention, actor):
                targets.append(mention)
            previous, previous_end = mention, mention.end
    return targets


#: A group met, then its members named: ' several diplomats on Monday, including ', ' leaders, among them '
_GROUP_THEN_MEMBERS = re.compile(r"\s+(?:[\w-]+\s+){0,7}[\w-]+,\s+(?:among\s+them|including|such\s+as)\s+(?:the\s+)?"
                                 r"(?:[A-Z][\w.'’-]*\s+){0,4}")
#: Between the places of one journey: ' in March and ', ' on Monday and '; '; ' or '; and ' between 'City, Country'
#: items
_TIMED_PLACE_GAP = re.compile(rf"\s+(?i:{_TIME})\s+and\s+(?:then\s+)?(?:the\s+)?")
_SEMICOLON_GAP = re.compile(r"\s*;\s*(?:and\s+)?(?:the\s+)?")
#: 'President A of Argentina': the country after a person's name is theirs
_OF_COUNTRY_GAP = re.compile(r"\s+of\s+(?:the\s+)?")
#: 'met President A of Argentina, President B of Chile, and Foreign Minister C': a title before each listed name
_TITLED_LIST_GAP = re.compile(r"\s*(?:,|,?\s+and|,?\s+as\s+well\s+as|&)\s*(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){1,4}")


@cache
def _speech_after() -> re.Pattern[str]:
    """A verb of saying right after a name, with no comma before it (words.csv SPEECH_PAST): 'and Russia said'."""
    return re.compile(r"\s+(?:also\s+)?(?:" + word_classes()["SPEECH_PAST"] + r")\b", re.I)


#: A verb of saying right after a party: the party reports, it is no object ('..., spokeswoman Ana Cruz said')
_SAYER_AFTER = re.compile(r"\s*,?\s+(?:said|says|told|tells|added|stated|wrote|announced)\b")


@cache
def _media_after() -> re.Pattern[str]:
    """A press noun right after a place or a nationality (words.csv MEDIA_SOURCES): 'Zagreb newspapers'."""
    return re.compile(r"\s+(?:" + word_classes()["MEDIA_SOURCES"] + r")\b", re.I)


#: A noun after a country name that makes the name its modifier: 'Gaza truce talks', 'the Ukraine war'
@cache
def _modifier_noun_after() -> re.Pattern[str]:
    """words.csv TOPIC_MODIFIED after the name."""
    return re.compile(r"\s+" + word_classes()["TOPIC_MODIFIED"] + r"(?![\w-])", re.I)


#: A possessive and a lower-case word after a name: "Tonga's biggest creditor" describes who comes before it
_OWNED_DESCRIPTION = re.compile(r"['’]s?\s+(?:[a-z][\w-]*\s+){0,3}?(?:[a-z][\w-]*)\b(?!\s+(?:and|or)\b)")
#: A subordinate clause with a subject of common nouns and a verb: 'after three planes headed to'
_SUBORDINATE_CLAUSE = re.compile(r"\b(?:after|because|when|since|while|as|before|until)\s+(?:the\s+|a\s+|an\s+|its\s+|"
                                 r"their\s+|\d+\s+|two\s+|three\s+|four\s+|five\s+|several\s+|some\s+)?"
                                 r"(?:[a-z][\w-]*\s+){1,2}(?:[a-z]+ed|[a-z]+ing|was|were|had|has|have)\s+")
#: An owner right before a name, and a common noun right after it: "Stubb's Estonia comments"
_OWNER_BEFORE = re.compile(r"\w['’]s\s+$")
_NOUN_AFTER = re.compile(r"\s+(?!(?:and|or|on|in|at|to|for|of|with|by|is|was|has|had)\b)[a-z][a-z-]+")


@cache
def _unnamed_partners() -> re.Pattern[str]:
    """Partners left unnamed right after a partnership word (words.csv PARTNER_MODIFIERS, PARTNER_NOUNS): 'with
    other nations', 'with like-minded partners'."""
    classes = word_classes()
    return re.compile(r"\s+with\s+(?:" + classes["PARTNER_MODIFIERS"] + r")\s+(?:[\w-]+\s+)?(?:"
                      + classes["PARTNER_NOUNS"] + r")\b", re.I)


_SUPPORT_END = re.compile(r"(?:support|help|assist|back)$", re.I)


#: A topic right after a meeting word: 'talks on', 'talks about'
_TOPIC_ON = re.compile(r"\s*(?:on|about|over|regarding|concerning)\s+(?:the\s+)?")
_WITH_AFTER = re.compile(r"\s+(?:\w+\s+){0,2}?with\b")


#: 'tariffs of 10% on China and 25% on Canada and Mexico': a list of rates, each on its own parties
_RATE_LIST_GAP = re.compile(r"\s*(?:,|,?\s+and|,?\s+while)\s+(?:a\s+)?\d+(?:\.\d+)?\s?(?:%|percent|per\s+cent)"
                            r"(?:\s+\w+){0,2}?\s+(?:on|for|against)\s+(?:the\s+)?")
