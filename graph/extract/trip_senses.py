"""Trips and meetings that are not made: why a visit or a meeting a trigger names did not happen.

`_not_a_trip_or_meeting` is the part of senses.py's `_not_this_sense` for `visits` and `meetsWith`. A trip only
invited, alleged or asked for ('Lee invited Ishiba to visit South Korea'), a private one ('visit her family'),
going home, traffic and people sent back ('flights bound for', 'to be returned to France'), what a state sends
('a rescue team dispatched by China's government arrived'), a standing mission ('runs the republic's mission in
Minsk'); a meeting called, convened or only wished for ('his intention to meet'), talks judged as a way out, and
forces hosted ('host a Chinese base') are no trip and no meeting.

`host_after_fronted_visit` finds whom a visit told as the time of the main clause went to, when that clause
follows it ('During a visit by Rubio, Guatemala agreed ...').
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors import word_classes
from graph.extract.lexicon import Trigger

_WORDS = word_classes()  #: the word classes of words.csv, which the phrase shapes below are built around


@cache
def _welcomed_thing() -> re.Pattern[str]:
    """What is welcomed when it is not a visitor: a party's decision, offer, role... (words.csv WELCOMED_THINGS)."""
    return re.compile(r"\s+(?:(?:the|a|an|this|that|its|their|his|her)\s+|(?:[A-Z][\w.-]*\s+){0,3}[\w.-]+['’]s?\s+)"
                      r"(?:\w+\s+)?(?:" + word_classes()["WELCOMED_THINGS"] + r")\b")


@cache
def _feelings_before() -> re.Pattern[str]:
    """Feelings said to travel, right before a verb of going (words.csv FEELINGS_SENT): 'our thoughts go out to'."""
    return re.compile(r"\b(?:" + word_classes()["FEELINGS_SENT"] + r")\s+(?:also\s+)?$", re.I)


@cache
def _received_people() -> re.Pattern[str]:
    """People taken in rather than guests met, right after a verb of welcome (words.csv RECEIVED_PEOPLE): 'received
    their citizens', 'welcomed the 23 freed hostages home'."""
    return re.compile(r"\s+(?:(?:the|its|their|his|her|our)\s+)?(?:[\w,-]+\s+){0,3}?(?:"
                      + word_classes()["RECEIVED_PEOPLE"] + r")\b", re.I)


#: 'welcome it', 'received this': a pronoun of a thing, not of a guest, after a verb of welcome
_THING_PRONOUN = re.compile(r"\s+(?:it|this)\b(?!\s+" + _WORDS["GUEST_NOUNS"] + r"\b)")


#: The edge of a gathering right before its name (words.csv GATHERING_EDGES): 'on the sidelines of an OPEC+ '
_AT_EDGE_OF = re.compile(r"\b(?:on|at|along)\s+the\s+(?:" + _WORDS["GATHERING_EDGES"] + r")\s+of\s+"
                         r"(?:(?:a|an|the|this|last|its|their)\s+)?(?:[\w+.'’-]+\s+){0,3}$", re.I)
_PLACE_AFTER = re.compile(r"\s+(?:in|at)\s+")
#: The preposition right before a place: 'in ', 'at the '
_PLACE_PREPOSITION = re.compile(r"\s(?:in|at)\s+(?:the\s+)?$", re.I)


def at_gathering_edge(text: str, place_start: int) -> bool:
    """Whether the place at `place_start` is the venue of a gathering whose edge the sentence names ('met his
    counterpart on the sidelines of an OPEC+ meeting in Vienna', 'talks on the margins of the summit in
    Lithuania'): those there attend the gathering, which makes no visit to the country that hosts it."""
    before = text[max(0, place_start - 120):place_start]
    preposition = _PLACE_PREPOSITION.search(before)
    return preposition is not None and _AT_EDGE_OF.search(before, 0, preposition.start() + 1) is not None
_CALLED_MEETING = re.compile(r"\b(?:" + _WORDS["CALLING_MEETING"] + "|" + _WORDS["CONVENING"] + r")\s+"
                             r"(?:an?\s+|the\s+)?(?:" + _WORDS["MEETING_URGENCY"] + r"\s+)?$", re.I)


#: 'convened a security council meeting': a meeting called of the convener's own body, whatever its name
_CONVENED_MEETING = re.compile(r"\b" + _WORDS["CONVENING"] + r"\s+(?:an?\s+|the\s+|its\s+|his\s+|her\s+)?"
                               r"(?:[\w-]+\s+){0,3}$", re.I)


#: A meeting only wished for or thought of: 'his intention to meet', 'the idea of Maduro meeting with'
_WISHED_MEETING = re.compile(r"\b" + _WORDS["MEETING_WISHES"] + r"\s+to\s+(?:[a-z]+ly\s+)?$"
                             r"|\b" + _WORDS["MEETING_NOTIONS"] + r"\s+(?:of|that)\s+"
                             r"(?:[\w.'’-]+\s+){0,5}$", re.I)


#: 'opens the door to further dialogue between': a meeting made possible, not held (words.csv WAY_OPENERS)
_WAY_OPENED = re.compile(r"\b(?:" + _WORDS["WAY_OPENERS"] + r")\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$", re.I)


#: 'talks with its neighbour's leader are the best way out': talks judged as a way, not held
_TALKS_AS_MEANS = re.compile(r"[^.;:!?]{0,60}?\b(?:represents?|are|is|remains?|would\s+be|will\s+be|offers?|"
                             r"provides?)\s+(?:the\s+|a\s+)?(?:best|only|right|surest|most\s+\w+|\w+est)\s+"
                             + _WORDS["WAYS_OUT"] + r"\b", re.I)


#: Talks told as what other talks are about, right before their noun: 'talks regarding the stalled', 'discussed
#: concerns about the'
_TALKS_AS_TOPIC = re.compile(r"\b(?:regarding|concerning|about)\s+(?:the\s+|a\s+|any\s+)?(?:[\w-]+\s+){0,3}$",
                             re.I)
#: A passive auxiliary right before the verb ('were left for'): what is left is no traveller
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|be|is|are)\s+(?:[a-z]+ly\s+)?$", re.I)
_ALLEGED = re.compile(r"\b" + _WORDS["ALLEGED_ADJECTIVES"] + r"\s+(?:[\w-]+\s+)?$", re.I)

_INVITED_TO = re.compile(r"\binvit\w*\s+(?:[\w'’.-]+\s+){0,10}(?:to|for|on)\s+(?:(?:an?|the|his|her|their|its)\s+)?"
                         r"(?:" + _WORDS["VISIT_KINDS"] + r"\s+)*$", re.I)


#: 'went on to accuse', 'goes on to say': a verb of going followed by 'on to' and a verb, the next act of a speech
_GO_ON_TO_ACT = re.compile(r"(?i:go|goes|went|going|gone)\s+on\s+to\s+(?!the\b|a\b|an\b|its\b|their\b)[a-z]+\b")

#: A visit to one's own people: 'visit her family', 'visiting his hometown'
_UNSURE_BEFORE = re.compile(r"\b(?:" + _WORDS["UNSURE_PLANS"] + r")\s+(?:[\w-]+\s+)?$", re.I)  #: 'a possible '
_PRIVATE_BEFORE = re.compile(r"\bprivate\s+$", re.I)  #: 'a private trip', 'his private visit'
_PRIVATE_VISIT = re.compile(r"\s+(?:her|his|their|my|our)\s+(?:own\s+)?" + _WORDS["PRIVATE_VISITED"] + r"\b", re.I)


#: One's own country as the place visited: 'visiting his home country', 'a trip to their homeland', 'visited home'
_HOME_VISITED = re.compile(r"\s+(?:to\s+)?(?:(?:his|her|their|its|the)\s+(?:own\s+)?" + _WORDS["HOME_COUNTRY"]
                           + r"|home(?!\s+(?:[A-Z]|" + _WORDS["HOME_OFFICES"] + r")))\b")


@cache
def _troops_moving() -> re.Pattern[str]:
    """Units of soldiers as the movers of the clause before a verb of moving (words.csv TROOP_UNITS): 'French
    troops traveling from Niamey to', 'the convoy of troops that were withdrawn from Niger arrived in'."""
    return re.compile(r"\b(?:" + word_classes()["TROOP_UNITS"] + r")\b[^.;:,!?\"“”]{0,110}$", re.I)


#: Verbs of moving that a unit of soldiers makes without any visit: arriving, travelling, passing through
_MOVING_VERB = re.compile(_WORDS["MOVING_STEMS"], re.I)


_VEHICLE_BEFORE = re.compile(r"\b" + _WORDS["TRAFFIC"] + r"\s+(?:or\s+|and\s+)?$", re.I)


#: A passive auxiliary right before a participle: 'to be returned to France', 'were flown to Kabul'
_CARRIED_BEFORE = re.compile(r"\b(?:be|been|being|was|were|is|are|get|got|gets)\s+(?:\w+ly\s+)?$", re.I)

@cache
def _sent_by() -> re.Pattern[str]:
    """A noun, then a participle of sending and its agent, right before a verb of travel: 'a rescue team dispatched
    by China's government '. The noun travels; the agent only sent it."""
    return re.compile(r"\b([a-z-]+)\s+" + _WORDS["SENDING_PARTICIPLES"] + r"\s+by\s+(?:the\s+)?[^.;,:]{0,40}$", re.I)

def _sent_by_before(text: str, start: int) -> bool:
    """Whether a verb of travel follows something a state sent ('a team dispatched by Japan arrived'), unless what
    it sent is its officials (words.csv TRAVELLERS: 'a delegation sent by Beijing arrived')."""
    match = _sent_by().search(text, max(0, start - 90), start)
    return match is not None and re.fullmatch(word_classes()["TRAVELLERS"], match.group(1).lower()) is None


#: 'host a Chinese base', 'hosts US troops': what is hosted is a force, not a guest
_HOSTED_FORCES = re.compile(r"\s+(?:a|an|any|the|foreign)?\s*(?:[\w-]+\s+)?" + _WORDS["HOSTED_FORCES"] + r"\b", re.I)


@cache
def _visited_vessel() -> re.Pattern[str]:
    """A ship as what is visited, after a country's adjective and names of its navy ('visited the Chinese People's
    Liberation Army (PLA) Navy warships'): words.csv VESSELS."""
    return re.compile(r"\s+(?:the|a|an|two|three|four|\d+)?\s*(?:[A-Z(][\w'’().-]*\s+){1,8}(?:[a-z-]+\s+)?(?:"
                      + word_classes()["VESSELS"] + r")\b")


#: What makes a mission a standing one (words.csv STANDING_MISSION_MARKS), written once for the two patterns below
_STANDING = r"(?:['’]s|\b" + _WORDS["STANDING_MISSION_MARKS"] + ")"
_STANDING_MISSION = re.compile(_STANDING + r"\s+mission\b", re.I)

#: "the country's mission", 'its diplomatic mission', 'the permanent mission': a standing mission, an embassy
_STANDING_MISSION_BEFORE = re.compile(_STANDING + r"\s+$", re.I)


#: A verb of receiving with 'from' right after it: what was received stands before the verb as its noun ('the
#: images received from the town', 'letters welcomed from abroad'), a thing got, no guest met
_RECEIVED_FROM = re.compile(r"\s+from\b", re.I)


@cache
def _deal_reached_before() -> re.Pattern[str]:
    """A deal noun (words.csv AGREEMENT) and the subject of a relative clause on it, right before 'reached': 'the
    understandings Biden and I reached in Bali' reaches a deal, not a place."""
    return re.compile(r"\b(?:" + _WORDS["AGREEMENT"] + r")\s+(?:that\s+|which\s+)?(?:[\w.'’-]+\s+){1,5}$", re.I)


#: A hosting verb ('hosted', 'hosts')
_HOSTING_WORD = re.compile(r"host\w*", re.I)
#: A gathering's noun right before a hosting participle (words.csv GATHERING_NOUNS): 'talks hosted by', 'a summit
#: hosted by'
_GATHERING_BEFORE = re.compile(r"\b(?:" + _WORDS["GATHERING_NOUNS"] + r")\s+$", re.I)


def hosted_talks(text: str, start: int) -> bool:
    """Whether the hosting verb at `start` is the participle of a gathering with its host after 'by' ('talks hosted
    by the Council's president'): the parties before it, who meet there, host nobody, so the dateline of one of
    their countries makes no guest of the other."""
    verb = _HOSTING_WORD.match(text, start)
    return verb is not None and text.startswith(" by ", verb.end()) \
        and _GATHERING_BEFORE.search(text, max(0, start - 20), start) is not None


def _not_a_trip_or_meeting(text: str, start: int, head_end: int, end: int, trigger: Trigger) -> bool:
    """Whether the visit or meeting a trigger names at `start` is not made: each check below names the wording."""
    if trigger.relation in ("meetsWith", "visits") and _welcomed_thing().match(text, head_end):
        return True  # 'welcomed Egypt's willingness to advance a deal' is no meeting
    if trigger.relation == "visits" and _feelings_before().search(text, max(0, start - 40), start):
        return True  # 'our thoughts go out to the Pakistani people': feelings sent, nobody goes anywhere
    if trigger.relation in ("meetsWith", "visits") and _received_people().match(text, head_end) \
            and text[start:head_end].lower().startswith(("welcom", "receiv", "greet")):
        return True  # 'the two sides received their citizens', 'welcomed the freed hostages': people, no guests
    if trigger.relation in ("meetsWith", "visits") and _THING_PRONOUN.match(text, head_end) \
            and text[start:head_end].lower().startswith(("welcom", "receiv", "hail")):
        return True  # 'the people of Solomon Islands genuinely welcome it': a deal welcomed, no guest
    if trigger.relation in ("meetsWith", "visits") and _RECEIVED_FROM.match(text, head_end) \
            and text[start:head_end].lower().startswith(("receiv", "welcom")):
        return True  # 'said the images received from the Ukrainian town show': a thing received, no guest
    if trigger.relation == "meetsWith" and _CALLED_MEETING.search(text, max(0, start - 40), start):
        return True  # 'called a meeting of foreign ministers', 'requested talks': convened or asked, not held
    if trigger.relation == "meetsWith" and (_CONVENED_MEETING.search(text, max(0, start - 50), start)
                                            or _WISHED_MEETING.search(text, max(0, start - 60), start)):
        return True  # 'convened a security council meeting', 'his intention to meet', 'the idea of X meeting Y'
    if trigger.relation in ("meetsWith", "visits") and _WAY_OPENED.search(text, max(0, start - 80), start):
        return True  # 'a release that opens the door to talks between them': the way is opened, no meeting
    if trigger.relation == "meetsWith" and _PLACE_AFTER.match(text, head_end) \
            and _AT_EDGE_OF.search(text, max(0, start - 60), start):
        return True  # 'met his counterpart on the sidelines of an OPEC+ meeting in Vienna': the venue of the talks,
        # whose place is no partner (the gathering's own parties, when named, still meet)
    if trigger.relation == "meetsWith" and _TALKS_AS_TOPIC.search(text, max(0, start - 50), start):
        return True  # 'to hold talks regarding the stalled negotiations between Iran and the US': talked about
    if trigger.relation == "meetsWith" and text[start:end].lower().startswith("talks") \
            and _TALKS_AS_MEANS.match(text, end):
        return True  # 'said talks with its neighbour's leader are the best way out': a way proposed, not taken
    if trigger.relation == "visits" and text[start:head_end].lower().startswith("left") \
            and _PASSIVE_BEFORE.search(text, max(0, start - 20), start):
        return True  # 'the trucks were left for the militia to use': things left behind, nobody's trip
    if trigger.relation == "visits" and text[start:head_end].lower() == "reached" \
            and _deal_reached_before().search(text, max(0, start - 60), start):
        return True  # 'the understandings President Biden and I reached in Bali': a deal reached, no arrival
    if trigger.relation == "visits" and _ALLEGED.search(text, max(0, start - 20), start):
        return True  # 'denied a report of an alleged visit of its army chief to Chile'
    if trigger.relation == "visits" and _INVITED_TO.search(text, max(0, start - 90), start):
        return True  # 'Lee invited Ishiba to visit South Korea': an invitation, no visit yet
    if trigger.relation == "visits" and _GO_ON_TO_ACT.match(text, start):
        return True  # 'Erdogan then went on to accuse Greece of ...': going on to another act, not to a place
    if _UNSURE_BEFORE.search(text, max(0, start - 20), start):
        return True  # 'said nothing about a possible visit by the Japanese prime minister': only thought of
    if trigger.relation == "visits" and (_PRIVATE_VISIT.match(text, head_end)
                                         or _PRIVATE_BEFORE.search(text, max(0, start - 12), start)):
        return True  # 'she would visit her family in Bekoji', 'the monarch's private trip to Tangier': a private trip
    if trigger.relation == "visits" and _HOME_VISITED.match(text, end):
        return True  # "Iran's ambassador, who was visiting his home country": going home is no visit to a host
    if trigger.relation == "visits" and _VEHICLE_BEFORE.search(text, max(0, start - 40), start):
        return True  # 'air navigation coming from or heading to Mali', 'flights bound for': traffic, not a trip
    if trigger.relation == "visits" and _MOVING_VERB.match(text, start) \
            and _troops_moving().search(text, max(0, start - 120), start):
        return True  # 'troops traveling from Niamey to N'Djamena': soldiers moved by their state pay no visit
    if trigger.relation == "visits" and _CARRIED_BEFORE.search(text, max(0, start - 25), start) \
            and text[start:head_end].lower() in ("returned", "sent", "flown", "brought", "taken"):
        return True  # 'they are expected to be returned to France': people sent back, no one's trip
    if trigger.relation == "visits" and _sent_by_before(text, start):
        return True  # 'a rescue team dispatched by China's government arrived in Turkey': what a state sends is no
        # visit of that state
    if trigger.relation == "visits" and _visited_vessel().match(text, head_end):
        return True  # 'visited the Chinese navy warships docked at Ream': a visit aboard ships, not to their country
    if trigger.relation == "meetsWith" and _named_gathering(text, start, head_end):
        return True  # 'no plans to see Ruto or Museveni at the Nile Basin Ministers Meeting': the gathering's name is
        # where the clause's verb is placed, no meeting of the parties named before it
    if trigger.relation == "meetsWith" and _press_audience().match(text, end):
        return True  # 'while speaking with reporters in Tashkent': the press spoken to, no party met there
    if trigger.relation == "meetsWith" and _HOSTED_FORCES.match(text, head_end):
        return True  # 'no intention to host a Chinese base': a base or troops hosted, no meeting
    if trigger.relation == "visits" and (text[start:head_end].lower() == "mission" and _STANDING_MISSION_BEFORE.search(
            text, max(0, start - 30), start) or _STANDING_MISSION.search(text, start, end)):
        return True  # "runs the republic's mission in Minsk": its embassy there, not a trip
    if trigger.relation in ("meetsWith", "visits") and text[start:head_end].lower() == "welcome" \
            and _COPULA_BEFORE.search(text, max(0, start - 30), start):
        return True  # 'their envoys were welcome in Oslo': an adjective after a copula, nobody hosted anyone
    return False


#: A copula right before a word, with up to two adverbs between ('are still welcome', 'would be most welcome'):
#: the word after it is an adjective, not a verb
_COPULA_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being|remain|remains|remained|feel|felt)\s+"
                            r"(?:[a-z]+\s+){0,2}$", re.I)


#: A gathering's proper name ending in its noun, after a word that places or times something at it: 'at the Nile
#: Basin Ministers Meeting', 'ahead of the Shangri-La Dialogue Summit'
_AT_NAMED_GATHERING = re.compile(r"\b(?:at|during|to|for|attend\w*|ahead\s+of|before|after)\s+(?:the\s+)?"
                                 r"((?:[A-Z0-9][\w.'’-]*\s+){1,6})$")
_GATHERING_NAME_NOUN = re.compile(r"(?:Meeting|Summit|Conference|Forum|Talks)$")


def _named_gathering(text: str, start: int, head_end: int) -> bool:
    """Whether the trigger is the capitalised noun closing a gathering's name that a place or time word leads to
    ('at the Nile Basin Ministers Meeting'); not a name joining two parties ('at the US-China Summit')."""
    if not _GATHERING_NAME_NOUN.fullmatch(text, start, head_end):
        return False
    name = _AT_NAMED_GATHERING.search(text, max(0, start - 80), start)
    return name is not None and re.search(r"[A-Za-z]-[A-Z]", name.group(1)) is None


@cache
def _press_audience() -> re.Pattern[str]:
    """The press right after a verb of speaking with or to (words.csv PRESS_AUDIENCE): 'spoke to reporters'."""
    return re.compile(r"\s+(?:" + word_classes()["PRESS_AUDIENCE"] + r")\b", re.I)


#: A visit told as the time of what follows, opening the sentence (perhaps after a time phrase of its own): 'During a
#: visit by Rubio, Guatemala agreed', 'At the beginning of February, following a trip by ...'
_FRONTED_VISIT = re.compile(r"\s*(?:[\"“]?[A-Z][^,;\"“”]{0,60},\s*)?(?:after|following|during|ahead\s+of)\s+"
                            r"(?:a|an|the|his|her|their)?\s*(?:[\w-]+\s+){0,2}$", re.I)
#: From the end of the visit's wording to the main clause's subject: the visitor, then the comma that closes the phrase
_TO_MAIN_SUBJECT = re.compile(r"[^,;.!?]*,\s*(?:the\s+)?$")
#: The main clause's verb right after its subject ('Guatemala agreed', 'Panama quickly signed')
_VERB_AFTER = re.compile(r"\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|s)\b")


def host_after_fronted_visit(text: str, sentence_start: int, head_start: int, end: int,
                             mentions: list) -> object | None:
    """'During a visit by Secretary Rubio, Guatemala agreed to ...': a visit that opens the sentence as the time of
    the main clause's act is to that clause's subject, named after the comma that closes the phrase (the host rule
    otherwise looks for the subject before the wording)."""
    if not _FRONTED_VISIT.fullmatch(text, sentence_start, head_start):
        return None
    for mention in mentions:
        if mention.start >= end and _TO_MAIN_SUBJECT.fullmatch(text, end, mention.start):
            return mention if _VERB_AFTER.match(text, mention.end) else None
    return None
