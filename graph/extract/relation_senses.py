"""The checks of `_not_this_sense` (senses.py) that apply to one relation only: a trigger's words used in
another sense, told by neighbours that matter for that relation alone.

A charge's words may be a feeling of the public or a charge the subject bears ('has faced accusations of'), words
of sanctions may name their lifting ('the lifting of sanctions') or a measure eased. `_SENSE_CHECKS` maps each
relation to its checks; they are kept apart from the checks that apply to every trigger because the checks of
one relation run only for that relation's triggers. The checks of the relations whose object is people
(expelling, releasing, taking in deportees) are people_senses.py's. The word classes come from words.csv; the
phrase shapes are the regexes below.
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors import word_classes
from graph.extract.lexicon import Trigger
from graph.extract.people_senses import _deportee_sense, _expulsion_sense, _release_sense, _taking_in_sense
from graph.extract.trip_senses import _not_a_trip_or_meeting
from graph.words import ends_with_word

_WORDS = word_classes()  #: the word classes of words.csv, which the phrase shapes below are built around


@cache
def _public_feeling() -> re.Pattern[str]:
    """Who holds a feeling right before its noun when that is no state (words.csv PUBLIC_FEELERS): 'public
    discontent', 'popular anger'."""
    return re.compile(r"(?<![\w-])" + word_classes()["PUBLIC_FEELERS"] + r"\s+(?:[a-z-]+\s+)?$", re.I)


#: A survey of ties as a whole, the agenda of talks: 'review all facets of bilateral relations', 'review the entire
#: gamut of ties', 'review progress in relations' (not 'will review its cooperation programmes with Kigali')
_TIES_SURVEYED = re.compile(_WORDS["REVIEWING"] + r"\s+(?:(?:the|all|their)\s+)?(?:" + _WORDS["WHOLE_OF"] + r"\s+)?"
                            + _WORDS["TIES_FACETS"] + r"\b", re.I)


#: A review of the ties two parties share, the agenda of their talks: 'reviewing the historical and strategic ties
#: between their nations', 'reviewed bilateral ties' (not 'is reviewing its ties with Kigali', nor 'will review its
#: bilateral cooperation programmes')
_SHARED_TIES_REVIEWED = re.compile(_WORDS["REVIEWING"] + r"\s+(?:(?:the|their|all)\s+)?"
                                   r"(?!(?:its|his|her|our)\b)(?:(?:[\w-]+,?\s+(?:and\s+)?){0,4}?"
                                   + _WORDS["TIES_BETWEEN"] + r"\s+between\s+(?:their|the\s+two|both)\b|"
                                   r"(?:[\w-]+\s+){0,2}?bilateral\s+" + _WORDS["BILATERAL_TIES"] + r"\b)", re.I)


#: A charge the subject bears: 'has faced accusations of', 'came under renewed criticism for'
_FACED_BEFORE = re.compile(r"\b" + _WORDS["FACING"] + r"\s+(?:(?:the|" + _WORDS["CHARGE_GROWTH"] + r")\s+)*$", re.I)
#: A party's thing right before 'as' ("Chile's actions as hostile"): the thing described, its owner no speaker
_POSSESSED_BEFORE_AS = re.compile(r"[A-Z][\w.-]*['’]s?\s+(?:[a-z-]+\s+){1,2}$")
#: 'control of', 'control over': the noun after a verb of having or a clause start, not the verb
_NOUN_CONTROL = re.compile(r"\s+(?:of|over|at)\b", re.I)
#: An area held in a war: 'the territory controlled by', 'areas run by'
_HELD_AREA = re.compile(r"\b" + _WORDS["HELD_AREAS"] + r"\s+$", re.I)
#: 'resume deportation flights', 'restart repatriation flights', 'resumed flights deporting migrants', 'resume
#: flights to repatriate its nationals': migration, not a thaw
_FLIGHTS_AFTER = re.compile(r"\s+(?:the\s+)?(?:[\w-]+\s+)?(?:" + _WORDS["RETURN_FLIGHT_KINDS"] + r"\s+flights?\b|"
                            r"flights?\s+(?:to\s+)?" + _WORDS["RETURN_FLIGHT_STEMS"] + r"\w*)", re.I)
#: Tariffs that are no burden: 'zero tariffs', 'lower duties', 'preferential tariffs'
_NO_TARIFF = re.compile(r"\b" + _WORDS["LOW_TARIFF"] + r"\s+(?:[\w-]+\s+)?" + _WORDS["LEVIES"] + r"\b", re.I)


@cache
def _lifting() -> re.Pattern[str]:
    """Words that turn a sanctions wording into its end (words.csv LIFTING: 'the lifting of sanctions', 'an end
    to tariffs')."""
    return re.compile(r"\b(?:" + word_classes()["LIFTING"] + r")\b", re.I)


@cache
def _called_off_after() -> re.Pattern[str]:
    """A measure called off after its wording (words.csv CALLED_OFF: 'announced that the tariffs would be halted
    for now'): the measure is called off, not imposed."""
    return re.compile(r"\s+(?:would|will|were|was|had|have|are|is)\s+(?:been\s+|be\s+)?(?:now\s+)?(?:"
                      + word_classes()["CALLED_OFF"] + r")\b", re.I)


@cache
def _stopped_giving() -> re.Pattern[str]:
    """A stop told as a noun inside a wording of giving (words.csv STOPPING: 'announced the suspension of Belgian
    aid programs'): no offer."""
    return re.compile(r"\b(?:" + word_classes()["STOPPING"] + r")\s+(?:of|to|in|on)\s+", re.I)


@cache
def _sought_control_before() -> re.Pattern[str]:
    """Control that is only sought (words.csv SEEKING before 'to': 'in advanced talks with Sri Lanka to operate',
    'bid to buy', 'plans to run')."""
    return re.compile(r"\b(?:" + word_classes()["SEEKING"] + r")\b[^.;:]{0,60}?\bto\s+$", re.I)


@cache
def _lifting_before() -> re.Pattern[str]:
    """A lifting word just before a sanctions wording ('the removal of all new tariffs')."""
    return re.compile(_lifting().pattern + r"\s+(?:of\s+|to\s+|on\s+)?(?:the\s+|all\s+|its\s+|their\s+)?"
                      r"(?:[\w-]+\s+)?$", re.I)


_GOING_TO = re.compile(r"\s+(?:home|to|back)\b")
#: A subject told as the one a protest or a note is delivered to: 'was notified of a strong ', 'were handed a ',
#: 'received a formal '
_RECEIVED_BEFORE = re.compile(r"\b(?:(?:was|were|been|being|is|are)\s+" + _WORDS["RECEIVED_PASSIVES"]
                              + r"|received|receives|receiving)\s+(?:of\s+|with\s+)?"
                              r"(?:a|an|the)?\s*(?:[\w-]+\s+){0,2}$", re.I)
_EVALUATED_SHOULD = re.compile(r"\b(?:is|was|were|be|it['’]s)\s+(?:\w+\s+){0,2}" + _WORDS["JUDGED_THAT"]
                               + r"\s+that\b[^.;:!?]*$", re.I)
_INVERTED_AFTER = re.compile(r"\s+(?:he|she|they|it|we|you|(?:the\s+)?(?:[A-Z][\w.'’-]*-?)+(?:\s+[A-Z][\w.'’-]*)*"
                             r"\s+(?:not\s+)?[a-z]+)\b")
_TOPIC_BEFORE = re.compile(r"\b" + _WORDS["TOPIC_OPENERS"] + r"\s+(?:(?:the\s+)?|(?:[\w'’-]+\s+){0,6}?(?:the\s+)?"
                           + _WORDS["TOPIC_PROSPECTS"] + r"\s+)$", re.I)


@cache
def _judged_as() -> re.Pattern[str]:
    """A verb that judges its object (words.csv JUDGING_STEMS), some words before 'as': 'condemned China's actions
    as illegal' is the verb's subject judging, the object's owner judges nobody."""
    return re.compile(r"\b(?:" + word_classes()["JUDGING_STEMS"] + r")\w*\s+(?:[\w'’.-]+\s+){1,6}$", re.I)


#: A verb of easing before a measure noun (words.csv EASING_VERBS): 'scrapped its duties on', 'eased the sanctions on'
_EASED = _WORDS["EASING_VERBS"]
_EASED_MEASURE = re.compile(r"\b" + _EASED + r"\s+(?:(?:its|their|the|a|an|some|all|most|many|several|those|these|his|"
                            r"her|remaining|existing|punitive|retaliatory|earlier)\s+)*(?:[\w%.-]+\s+){0,2}$", re.I)
_EASED_MEASURE_HEAD = re.compile(_EASED + r"\s+(?:(?:its|their|the|some|all|most|remaining|existing)\s+)*"
                                 r"(?:[\w-]+\s+)?" + _WORDS["EASED_MEASURES"] + r"\b", re.I)
_BROKEN_MEASURE = re.compile(r"\b(?:" + _WORDS["BREAKING_STEMS"] + r"\w*|" + _WORDS["BREAKING"] + r")\s+"
                             r"(?:the\s+|an?\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}$", re.I)
_REQUEST_PHRASE = re.compile(r"(?:(?:at|on)\s+the\s+(?:request|behest|urging)|following\s+(?:a\s+request|pressure)|"
                             r"(?:under|after)\s+pressure|pressure\s+from)\b", re.I)


@cache
def _prospective() -> re.Pattern[str]:
    """An act still worked toward ('talks on a deal', words.csv WORK_TOWARD) or only foreseen ('a possible visit',
    words.csv PROSPECTIVE): not done yet."""
    classes = word_classes()
    return re.compile(r"\b(?:" + classes["WORK_TOWARD"] + r")\s+(?:on|for|towards?|over)\s+(?:an?\s+|the\s+)?"
                      r"(?:[\w-]+\s+){0,3}$|\b(?:" + classes["PROSPECTIVE"] + r")\s+(?:[\w-]+\s+){0,2}$", re.I)


_HYPOTHETICAL_BEFORE = re.compile(r"\b(?:allow\w*|permit\w*|can|could|may|might|would)\b[^.;,]*$", re.I)


#: Craft as the subject of a verb of turning, with what may describe them: 'planes headed to Iceland changed course'
_VEHICLE_SUBJECT = re.compile(r"\b" + _WORDS["CRAFT"] + r"\s+(?:" + _WORDS["HEADING_FOR"] + r"\s+"
                              r"(?:to|for)\s+(?:[\w'’-]+\s+){1,3})?(?:\w+ly\s+|had\s+|have\s+|has\s+|then\s+)?$", re.I)


#: 'would answer any request for help', 'would respond to the call': what is answered is a request, not an attack
_ANSWERED_REQUEST = re.compile(r"\s+(?:to\s+)?(?:any|the|a|every|all|their|its)?\s*" + _WORDS["REQUESTS_ANSWERED"]
                               + r"\b", re.I)


@cache
def _pact_denounced() -> re.Pattern[str]:
    """A pact right after 'denounce' in the law's formula (words.csv PACT_NOUNS): 'denounce with immediate effect
    the agreement' ends a treaty, it charges no one ('denounced the memorandum as an act of aggression', without
    the formula, is a charge)."""
    return re.compile(r"[\"”’']?,?\s+with\s+immediate\s+effect[\"”’']?,?\s+(?:the|its|a|an|this|that|their)\s+"
                      r"(?:[\w-]+\s+){0,3}(?:" + word_classes()["PACT_NOUNS"] + r")\b", re.I)


#: 'ended the year with a fragile truce': what ends is a time, the tie is what the parties end it with; 'talks ended
#: with the signing of six cooperation documents': 'ended with' right after the verb tells how something closed
_ENDED_WITH_TIE = re.compile(r"\s+with\s+(?:[\w'’-]+\s+){0,3}[\w-]+$", re.I)
_ENDED_WITH = re.compile(r"\s+with\s", re.I)
#: 'cancelled his trip to Lisbon': the traveller's own trip, which cuts no ties ('called off a visit by a
#: foreign minister' is the host's snub)
_OWN_TRIP = re.compile(_WORDS["OWN_TRIP"] + r"\s+to\b", re.I)
_HELD_ACCOUNTABLE = re.compile(r"\s+(?:also\s+)?be\s+" + _WORDS["HELD_TO_ACCOUNT"] + r"\b", re.I)
#: 'insisted that Kyiv, not Moscow, had refused': what is insisted on has happened, it is told, not asked for
#: 'insisting that Guinea, Togo and Benin remained members': named parties and a verb in the past tell a fact
_INSISTED_PAST = re.compile(r"\s+(?:that\s+)?[A-Z][\w'’.-]*(?:,?\s+(?:and\s+)?[A-Z][\w'’.-]*)*\s+[a-z]+ed\b")
_INSISTED_FACT = re.compile(r"\s+(?:that\s+)?[^.;:]{0,60}?\b(?:had|has|have|was|were|is|are|did)\b", re.I)
#: 'two detainees accused of murder', 'a man charged with espionage': a participle after a plural or counted
#: noun of people describes them (a reduced relative clause); nobody accuses anyone in the sentence
_NOUN_ACCUSED_OF = re.compile(r"\b" + _WORDS["ACCUSED_PEOPLE"] + r"[ \t]+" + _WORDS["CHARGED_PARTICIPLES"] + "$")


#: A state's missions abroad told as its presence there ('diplomatic presence', 'consular presence')
_MISSION_PRESENCE = re.compile(r"\b(?:diplomatic|consular)\s+$", re.I)


#: 'offensive' after a determiner or a kind of campaign is the noun, a military campaign ('the offensive')
_OFFENSIVE_NOUN = re.compile(r"\b(?:the|an|its|their|his|her|this|that|" + _WORDS["OFFENSIVE_KINDS"]
                             + r")\s+offensive$", re.I)


@cache
def _armed_group_helped() -> re.Pattern[str]:
    """Help that goes to an armed group ('support for armed groups', 'aid to the rebels'): words.csv ARMED_GROUPS."""
    return re.compile(r"\s+(?:for|to)\s+(?:the\s+|all\s+|any\s+)?(?:[\w-]+\s+){0,2}?(?:"
                      + word_classes()["ARMED_GROUPS"] + r")(?![\w-])", re.I)


#: What crowds do with protests: 'stage protests', 'organise and use protests', 'mass protests'
_STAGED_PROTEST_BEFORE = re.compile(r"\b(?:" + _WORDS["PROTEST_STAGING"] + r"|anti-[a-z]+)\w*\s+"
                                    r"(?:and\s+[a-z]+\s+)?$", re.I)
#: A verb of condemning, a party's possessive and an open quotation before the trigger: the quoted words label what
#: the condemner condemns ('condemned Beijing's "reckless and ')
_QUOTED_CHARGE_BEFORE = re.compile(r"\b" + _WORDS["CONDEMNING_STEMS"] + r"\w*\s+"
                                   r"(?:(?:the\s+)?[A-Z][\w.-]*\s+){0,3}?(?:the\s+)?[A-Z][\w.-]*['’]s?\s+"
                                   r"(?:[a-z-]+\s+)?[“\"‘'][^“”\"‘’.;]{0,60}$")
#: 'halted under a 2018 accord': the agreement after 'under' is what the halt was made by
_UNDER_AGREEMENT = re.compile(r"\s+under\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)", re.I)
#: 'review' as a noun after an article ('after a review of the treaty', 'talks on the review of the trade pact'):
#: a study of the pact, often agreed by both sides, no step away from it
_REVIEW_NOUN = re.compile(r"(?:\ba|\bthe)\s+(?:[\w-]+\s+)?$", re.I)


#: An article or a possessive before a participle ('the alleged attack', "Russia's alleged role"): an adjective
_ARTICLE_BEFORE = re.compile(r"(?:\b(?:the|an?|this|that|these|those|its|their|his|her)|['’]s?)\s+$", re.I)
#: A participle of growth before a party's name ('growing Chinese influence', 'expanding Russian clout'): an
#: adjective on the noun, the party after it the holder
_GROWTH_OF_ANOTHERS = re.compile(r"[a-z]+ing\s+(?-i:[A-Z])")
#: A preposition or an article before such a participle: the place of a noun phrase, not of a verb of the subject
_NOUN_SLOT_BEFORE = re.compile(r"\b(?:amid|amidst|over|about|of|on|the|a|an|despite|against|counter|citing|by|to|"
                               r"with)\s+$", re.I)

_COPULAS = frozenset({"is", "are", "was", "were", "been"})
#: A participle of saying and 'that' after a copula ('was told that', 'were informed that'): a passive report
_TOLD_THAT = re.compile(r"\s+(?:\w+ly\s+)?" + _WORDS["TOLD_PASSIVES"] + r"\s+(?:\w+\s+)?that\b", re.I)

#: A charge named, then who judged it ('a charge China's minister said was', 'an allegation that Delhi called')
_CHARGE_JUDGED_BEFORE = re.compile(r"\b(?:a|an|the|this|that)\s+" + _WORDS["JUDGED_CHARGES"]
                                   + r"\s+(?:(?:that|which)\s+)?[^,;.:!?]{2,50}?\b" + _WORDS["MAINTAINING_VERBS"]
                                   + r"\s+$", re.I)


@cache
def _asked_to_work_together() -> re.Pattern[str]:
    """The one asked, then an infinitive of joint work (words.csv JOINT_WORK): the asker proposes to act with it."""
    return re.compile(r"\s+(?:[\w'’.-]+\s+){0,6}?to\s+(?:" + word_classes()["JOINT_WORK"] + r")\b", re.I)


def _charge_sense(text: str, start: int, head_end: int, end: int, trigger: Trigger) -> bool:
    """A charge's words used in another sense."""
    head = text[start:head_end].lower()
    return bool(
        _public_feeling().search(text, max(0, start - 30), start)
        # 'amid public discontent over prices': the public's feeling, no state's grievance
        or _RECEIVED_BEFORE.search(text, max(0, start - 50), start)
        # 'the envoy, who was summoned, was notified of a strong protest': the subject receives it
        or _FACED_BEFORE.search(text, max(0, start - 40), start)
        # 'Burundi has faced accusations of backing the rebels': the subject is the one accused
        or head == "as" and _POSSESSED_BEFORE_AS.search(text, max(0, start - 40), start)
        # "condemning Chile's actions as hostile": Chile is the one described, the verb's is the charge
        or text.startswith("alleged ", start) and _ARTICLE_BEFORE.search(text, max(0, start - 8), start)
        # 'investigated the alleged Russian attack': an adjective, no one alleges it here
        or head == "as" and _judged_as().search(text, max(0, start - 70), start)
        # 'condemned China's actions as illegal': the condemning verb's subject judges
        or head in ("protest", "protests") and _STAGED_PROTEST_BEFORE.search(text, max(0, start - 40), start)
        # 'are seeking to stage protests in Armenia': demonstrations in the street, no state's protest
        or _QUOTED_CHARGE_BEFORE.search(text, max(0, start - 90), start)
        # 'condemned Beijing's "reckless and destabilizing conduct"': the condemner's words for the other's act,
        # no charge the other makes
        or head in _COPULAS and _TOLD_THAT.match(text, head_end)
        # 'The US side was told that any hostile actions against Russia': a passive of saying, no verdict; the
        # words after 'that' are what was said, with subjects of their own
        or head in _COPULAS and _CHARGE_JUDGED_BEFORE.search(text, max(0, start - 80), start)
        # 'accused Beijing of meddling, a charge China's minister said was unwarranted': the charge is judged, by
        # the one it was made against; the speaker answers it and accuses no one
        or _OFFENSIVE_NOUN.search(text, start, end)
        # 'called the offensive against Ukraine a sacred struggle': a military campaign, no insult
        or _NOUN_ACCUSED_OF.search(text, max(0, start - 30), head_end)
        # 'two detainees accused of murder': a charge the people carry, nobody's accusation here
        or head.startswith("denounc") and _pact_denounced().match(text, head_end))
    # ('decided to "denounce with immediate effect" the agreement': a treaty ended, no charge)


def _influence_sense(text: str, start: int, head_end: int, end: int, trigger: Trigger) -> bool:
    """Words of influence used in another sense."""
    head = text[start:head_end].lower()
    return bool(
        _GROWTH_OF_ANOTHERS.match(text, start) and _NOUN_SLOT_BEFORE.search(text, max(0, start - 12), start)
        # 'agreed to ... amid growing Chinese influence': a trend named, whose holder is the named one
        or ends_with_word(text[max(0, start - 90):start], "to")
        and _sought_control_before().search(text, max(0, start - 90), start)
        # 'in advanced talks with Sri Lanka to operate an airport': control sought is no control held
        or trigger.actor != "poss" and head == "control" and _NOUN_CONTROL.match(text, head_end)
        # 'control of the canal was transferred to Panama': the noun, nobody's act of controlling
        or head == "presence" and _MISSION_PRESENCE.search(text, max(0, start - 24), start)
        # "reduces Turkey's diplomatic presence in Austria": its embassy and consulates, no sway
        or "arms control" in text[start:end + 8].lower()
        # 'held arms control consultations': talks on weapons, no control of anyone
        or _HELD_AREA.search(text, max(0, start - 30), start)
        or _no_asset_held(text, start, trigger))
    # ('soldiers returned from the territory controlled by Kyiv': a front line, no influence)


#: An asset (words.csv ASSETS) a few words before a passive of holding: 'the mining company run by'
_ASSET_HELD_BEFORE = re.compile(r"\b(?:" + _WORDS["ASSETS"] + r")\b(?:[\s,]+[\w%'’.$-]+){0,4}?[\s,]+$", re.I)


def _no_asset_held(text: str, start: int, trigger: Trigger) -> bool:
    """A passive wording of holding ('operated by', 'financed by') says who holds the thing right before it: influence
    only when that is an asset (words.csv ASSETS). 'a chartered plane operated by a Chinese carrier', 'the process is
    financed by the United States', 'a territory formerly controlled by Spain' hold no sway over the country nearby."""
    return trigger.actor == "by" and _ASSET_HELD_BEFORE.search(text, max(0, start - 60), start) is None


#: A pact named with 'between' (words.csv PACTS_BETWEEN): 'a trade agreement between the two countries'
_PACT_BETWEEN = re.compile(_WORDS["PACTS_BETWEEN"] + r"\s+between\b", re.I)


#: An act done to a third side right after a bare 'agreed to' (words.csv ONE_WAY_ACTS): 'agreed to accept migrants'
_ONE_WAY_AFTER = re.compile(r"\s+(?:" + _WORDS["ONE_WAY_ACTS"] + r")\b", re.I)


def _cooperation_sense(text: str, start: int, head_end: int, end: int, trigger: Trigger) -> bool:
    """Words of agreeing used in another sense: a bare 'agreed to' (no partner in its wording) followed by an act
    done to a third side is that act's consent, no pact of those who agree ('Angola and Namibia agreed to accept
    returning migrants' is no agreement between Angola and Namibia)."""
    return bool(
        trigger.target == "none" and _ONE_WAY_AFTER.match(text, end)
        or _stopped_giving().search(text, start, end)
        # 'announced the suspension of Belgian development aid programs in': a stop, no offer
        or _PACT_BETWEEN.match(text[start:end]) and _prospective().search(text, max(0, start - 40), start))
    # ('talks on a trade agreement between the two countries': sought, not made)


def _topic_sense(text: str, start: int, head_end: int, end: int, trigger: Trigger) -> bool:
    """'discussions focused on the potential easing of US sanctions': a topic, nobody's act."""
    return _TOPIC_BEFORE.search(text, max(0, start - 90), start) is not None


def _measure_sense(text: str, start: int, head_end: int, end: int, trigger: Trigger) -> bool:
    """Words of sanctions used in another sense."""
    return bool(
        _lifting().search(text, head_end, end) or _lifting_before().search(text, max(0, start - 40), start)
        or _called_off_after().match(text, end)
        # 'would order the removal of sanctions': lifting them is the opposite act
        or _EASED_MEASURE.search(text, max(0, start - 50), start) or _EASED_MEASURE_HEAD.match(text, start, end)
        # 'scrapped its duties on Brazilian steel', 'cut tariffs on cars': a measure eased, not imposed
        or _BROKEN_MEASURE.search(text, max(0, start - 50), start)
        # 'violated the arms embargo on Somalia', 'implementation of sanctions on': another's measure
        or _armed_group_helped().match(text, end)
        # 'halt support for armed groups': help cut to fighters, no measure against a state
        or _NO_TARIFF.search(text, start, end + 12))
    # ('goods face virtually zero tariffs in Norway', 'lower duties': no measure against anyone)


def _demand_sense(text: str, start: int, head_end: int, end: int, trigger: Trigger) -> bool:
    """Words of demanding used in another sense."""
    head = text[start:head_end].lower()
    return bool(
        text[start:end].lower().endswith("return") and _GOING_TO.match(text, end)
        # 'as they seek to return to their homelands': going back, not a return demanded
        or head == "should" and _INVERTED_AFTER.match(text, head_end)
        # '... should President-elect Trump carry out deportations': a condition, not a demand
        or head.startswith("insist") and (_INSISTED_FACT.match(text, head_end) or _INSISTED_PAST.match(text, head_end))
        # 'insisted that Kyiv had refused to negotiate': a claim about what was done, not a demand
        or head in ("should", "must") and _HELD_ACCOUNTABLE.match(text, head_end)
        # 'Tehran should be held accountable': a judgement of Tehran, nothing it is asked to do
        or _EVALUATED_SHOULD.search(text, max(0, start - 120), start)
        # 'it was intolerable that the United States should base a position on it': a judgement
        or _REQUEST_PHRASE.match(text, start, end) and _HYPOTHETICAL_BEFORE.search(text, max(0, start - 60), start)
        # ('the deal allows Chinese police to be deployed at the request of Honiara': a term, no request)
        or _asked_to_work_together().match(text, end))
    # ('called on the Japanese leader to work together': cooperation proposed, nothing demanded)


def _call_sense(text: str, start: int, head_end: int, end: int, trigger: Trigger) -> bool:
    """'called on the Japanese leader to work together': cooperation proposed, no courtesy call paid."""
    return "call" in text[start:end].lower() and _asked_to_work_together().match(text, end) is not None


#: What was said, right after a wording ('from utterances made by', 'from any remarks'): words.csv SPOKEN_PIECES
_SPOKEN_AFTER = re.compile(r"\s+(?:any\s+|the\s+|all\s+|such\s+)?(?:[\w-]+\s+){0,2}?" + _WORDS["SPOKEN_PIECES"]
                           + r"\b", re.I)


def _cut_sense(text: str, start: int, head_end: int, end: int, trigger: Trigger) -> bool:
    """Words of cutting ties used in another sense."""
    return bool(
        _TIES_SURVEYED.match(text, start, end) or _SHARED_TIES_REVIEWED.match(text, start, end + 40)
        # 'the two sides will review all facets of bilateral relations': the agenda of talks, no rethink
        or re.match(r"end(?:s|ed|ing)?$", text[start:head_end], re.I)
        and (_ENDED_WITH_TIE.search(text, head_end, end) or _ENDED_WITH.match(text, head_end, end))
        # 'ended the year with a fragile truce': a truce kept, no tie ended
        or _UNDER_AGREEMENT.match(text, head_end, end)
        # 'drills halted under a 2018 accord': the accord halted them, it is kept, not ended
        or re.match(r"reviews?$", text[start:head_end], re.I) and _REVIEW_NOUN.search(text, max(0, start - 30), start)
        # 'after a review of the treaty': the pact studied, not left
        or _OWN_TRIP.match(text, start + text[start:end].rfind(" ") + 1)
        # ('cancelled his trip to Lisbon': the traveller's own plans)
        or re.match(r"distanc", text[start:head_end], re.I) and _SPOKEN_AFTER.match(text, end))
    # ('distanced itself from utterances made by the alliance': words disowned, no tie cut)


#: A cause named between a verb's word and the measure after it: 'delay caused by', 'delays due to'
_CAUSED_BY = re.compile(r"\b" + _WORDS["CAUSING"] + r"\s+by\b|\bdue\s+to\b|\bbecause\s+of\b",
                        re.I)


def _shift_sense(text: str, start: int, head_end: int, end: int, trigger: Trigger) -> bool:
    """Words of a change of course used in another sense."""
    return bool(
        _VEHICLE_SUBJECT.search(text, max(0, start - 60), start)
        or _CAUSED_BY.search(text, head_end, end)
        # 'months of delay caused by transit restrictions': the measure causes the delay, nobody delays the measure
        # 'three planes headed to Iceland changed course': a craft's route, no change of policy
        or _FLIGHTS_AFTER.match(text, head_end))
    # ('Caracas to resume deportation flights': taking deportees back, a migration act)




    # ('urged Israel not to withdraw its troops': kept there; 'expelled 90 Bolivians on a military plane': no personnel)




    # ('the envoy voiced gratitude for the freeing of the ten Americans': whoever reacts to a release told as a
    # noun did not free anyone; the party before the reaction is no releaser)


def _threat_sense(text: str, start: int, head_end: int, end: int, trigger: Trigger) -> bool:
    """'Cairo would answer any request for help': help offered; 'warning about the consequences of Israel's acts':
    what a party's own acts bring, a charge. Neither is a threat."""
    return _ANSWERED_REQUEST.match(text, end) is not None or _OWN_ACTS_AFTER.match(text, end) is not None


_OWN_ACTS_AFTER = re.compile(r"\s+of\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*['’]s?\s+[a-z]")




    # ('welcomed Ghana's decision to accept deportees': the decision is welcomed, taken by the one who decided)
    # ('does not take unnecessary reprisals against our migrants': the migrants are what the act is aimed at, not
    # the people taken in or turned away)


    # ('expelled two French nationals working for a firm': persons sent away, no people deported; 'welcomed the
    # announcement by the Palestinian movement': a thing welcomed, no people taken in)


#: The checks of `_not_this_sense` that apply to one relation only, by relation
_SENSE_CHECKS = {
    "accuses": (_charge_sense,),
    "visits": (_not_a_trip_or_meeting,),  # ('his intention to meet', 'Lee invited Ishiba to visit': not made)
    "meetsWith": (_not_a_trip_or_meeting, _call_sense),
    "exertsInfluenceOn": (_influence_sense,),
    "agreesToCooperate": (_cooperation_sense, _topic_sense),
    "threatenedSanctions": (_measure_sense, _topic_sense),
    "demands": (_demand_sense,),
    "shiftsTowardCooperation": (_shift_sense, _topic_sense),
    "reducesCooperation": (_cut_sense, _topic_sense),
    "threatenedExpulsion": (_expulsion_sense,),
    "releasesDetainees": (_release_sense,),
    "threatened": (_threat_sense,),
    "acceptsDeportees": (_deportee_sense, _taking_in_sense),
    "refusesDeportees": (_deportee_sense,),
}
