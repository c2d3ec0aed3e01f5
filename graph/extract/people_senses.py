"""The checks of `_not_this_sense` (senses.py) for the relations whose object is people: expelling, releasing,
and taking in or turning away deportees, each a trigger's words used in another sense.

Words of these acts often name things or peoples rather than persons sent or set free: goods handed over
('tanks to be handed over to Warsaw'), a paper handed ('handed a protest note to the envoy'), something put out
('the release of Korean films', 'free trade'), a people with no count ('expelling the Kurds from the valley', where
'deported 200 Kurds' are deportees), or the people as a mere topic ('a request regarding deported nationals').
They are kept apart from relation_senses.py's checks because they share the patterns of handed things, counts
and nationalities that no other relation reads. `_sense_patterns` is here too: `_deportee_sense` reads two of
its patterns and senses.py the first. The word classes come from words.csv; the phrase shapes are the regexes
below.
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors import word_classes, word_lists
from graph.extract.lexicon import Trigger, _classes
from graph.extract.trip_senses import _welcomed_thing
from graph.words import ends_with_any, literal_ends

_WORDS = word_classes()  #: the word classes of words.csv, which the phrase shapes below are built around


@cache
def _sense_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """NOT_A_TRIGGER phrases, the words that make a participle an adjective, and the nouns after a demonym
    that are no migrants (words.csv), also after a second demonym joined to it ('French and European troops')."""
    classes = word_classes()
    return (re.compile(classes["NOT_A_TRIGGER"] + r"(?![\w-])", re.I),
            re.compile(r"(?<![\w-])" + classes["PARTICIPLE_BEFORE"] + r"\s+$", re.I),
            re.compile(r"\s+(?:[A-Za-z-]+\s+|(?:and|or)\s+[A-Z][\w-]*\s+)?(?i:" + classes["NOT_MIGRANTS"]
                       + r")(?![\w-])"))


@cache
def _handed_things() -> re.Pattern[str]:
    """Things, not people, right before a verb of handing over ('tanks to be delivered to'): words.csv
    HANDED_THINGS."""
    return re.compile(r"\b(?:" + word_classes()["HANDED_THINGS"] + r")\s+(?:(?:" + "|".join(_HANDED_VERB_WORDS)
                      + r")\s+){0,3}$", re.I)


@cache
def _handed_things_ends() -> tuple[str, ...] | None:
    """What every match of `_handed_things` ends with, for `ends_with_any`: a thing or one of its verb words."""
    ends = literal_ends(word_lists()["HANDED_THINGS"])
    return None if ends is None else (*ends, *_HANDED_VERB_WORDS)


_HANDED_VERB_WORDS = ("to", "will", "would", "be", "been", "being", "was", "were", "is", "are", "has", "have", "had")


@cache
def _handed_things_after() -> re.Pattern[str]:
    """Things, not people, handed right after the receiver of a verb of handing over ('to hand over to him the
    document declaring'): words.csv HANDED_THINGS; the receiver is at most three words."""
    return re.compile(r"\s+(?:[\w'’.-]+\s+){0,3}?(?:the|a|an|its|his|her|their)\s+(?:[\w-]+\s+)?(?:"
                      + word_classes()["HANDED_THINGS"] + r")\b", re.I)


@cache
def _handed_thing_inside() -> re.Pattern[str]:
    """A thing, not a person, as what a verb of handing over hands ('hands over diplomatic note to Indian envoy'):
    words.csv HANDED_THINGS between the verb and the nationality that ends the match."""
    return re.compile(r"\b(?:" + word_classes()["HANDED_THINGS"] + r")\b", re.I)


#: A singular passive auxiliary right before a verb of declaring ('Goldberg ... was declared persona non grata'):
#: the one person before it is the one declared, not the one declaring. A plural ('Two Belarusian diplomats are
#: declared') names a staff by its nationality, and the declaring party is read from elsewhere (a list's heading).
_PASSIVE_AUX_BEFORE = re.compile(r"\b(?:was|is|has\s+been|had\s+been)\s+(?:\w+ly\s+)?$", re.I)
#: A withdrawal asked not to happen: 'urged Israel not to withdraw its troops'
_NOT_TO_WITHDRAW = re.compile(r"\bnot\s+to\s+" + _WORDS["GOING_AWAY"] + r"\b", re.I)


@cache
def _counted() -> re.Pattern[str]:
    """A count of people: a number or a word of quantity (words.csv COUNT_WORDS: 'deported 400 Ethiopians', 'tens
    of thousands of Afghans')."""
    return re.compile(r"\d|\b(?:" + word_classes()["COUNT_WORDS"] + r")\b", re.I)


@cache
def _ends_in_nationality() -> re.Pattern[str]:
    """A trigger's words that end in a nationality ('deported 400 Ethiopians')."""
    return re.compile(r"\b(?:" + _classes()["NATIONALITY"] + r")$", re.I)


@cache
def _named_people() -> re.Pattern[str]:
    """A people noun right after a nationality (words.csv NATIONALS): 'French nationals', 'Dutch journalists'."""
    return re.compile(r"\s+(?:" + word_classes()["NATIONALS"] + r")(?![\w-])", re.I)


_DEPORTED = re.compile(r"\b" + _WORDS["DEPORTED_WORDS"] + r"\b", re.I)
#: A party's part in an act right before its wording ("Qatar's role in the", 'the role of Oman in the process of')
_HELPERS_ROLE = re.compile(r"\b" + _WORDS["HELPERS_PART"] + r"\s+(?:of\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){1,4})?in\s+"
                           r"(?:the\s+)?(?:process\s+of\s+(?:the\s+)?)?$", re.I)


@cache
def _released_thing() -> re.Pattern[str]:
    """A work or good right after the nationality a release names ('American films'): words.csv RELEASED_THINGS."""
    return re.compile(r"\s+(?:" + word_classes()["RELEASED_THINGS"] + r")\b", re.I)


#: The idiom of a price paid: 'in return for', 'in exchange for' (no returning, no exchange of the people after it)
_IN_RETURN_FOR = re.compile(r"in\s+(?:return|exchange)\s+for\b", re.I)


@cache
def _reaction_before() -> re.Pattern[str]:
    """A reaction to an act right before its noun ('welcomed the', 'expressed appreciation for the'): words.csv
    REACTIONS."""
    return re.compile(r"\b(?:" + word_classes()["REACTIONS"] + r")\s+(?:the\s+)?$", re.I)


@cache
def _release_sought() -> re.Pattern[str]:
    """A release that work is aimed at, right before its words ('negotiations for a deal to', 'efforts to secure
    the', 'talks on the': words.csv SEEKING_WORK), or a deal on it near ('close to an agreement for'): the release
    is sought, not made, by those who work for it."""
    return re.compile(r"(?:\b(?:" + word_classes()["SEEKING_WORK"] + r")\s+(?:for|toward|towards|aimed\s+at|on|over|"
                      r"about|to\s+secure|to\s+win)\s+(?:(?:a|an|the)\s+)?(?:(?:deal|agreement|arrangement)\s+to\s+)?"
                      r"|\b(?:close|closer|near|nearing)\s+to\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+)?(?:deal|agreement)\s+"
                      r"(?:for|on|to)\s+)?)(?:(?:a|the)\s+)?$", re.I)


@cache
def _free_thing() -> re.Pattern[str]:
    """'free' qualifying a thing, not freeing people ('free passage'): words.csv FREE_THINGS."""
    return re.compile(r"free\s+(?:" + word_classes()["FREE_THINGS"] + r")\b", re.I)


_CRAFT_AFTER = re.compile(r"\s+(?:" + _WORDS["FLIGHTS"] + r")\b", re.I)  #: ' plane', ' aircraft', ' transport'
_MILITARY_END = re.compile(r"\b(?:" + _WORDS["MILITARY"] + r")$", re.I)  #: 'on a military'


def _expulsion_sense(text: str, start: int, head_end: int, end: int, trigger: Trigger) -> bool:
    """Words of expelling used in another sense."""
    return bool(
        re.search(r"\bagainst\s+\w+ing\b", text[head_end:end])
        # 'warned Oslo against expelling its diplomats': a warning, the expulsion is the other's
        or trigger.actor.startswith("left") and text[start:head_end].lower().endswith("ed")
        and _PASSIVE_AUX_BEFORE.search(text, max(0, start - 20), start)
        # 'the ambassador ... was declared persona non grata': the one before the verb is declared, the declaring
        # party is not named on its left
        or _NOT_TO_WITHDRAW.search(text, start, end)
        or _CRAFT_AFTER.match(text, end) is not None and _MILITARY_END.search(text, start, end) is not None)


#: An article right before a word ('the freed Americans'): a participle used as an adjective ('those freed
#: included' is a pronoun and its participle)
_ARTICLE_JUST_BEFORE = re.compile(r"\bthe\s+$", re.I)


def _release_sense(text: str, start: int, head_end: int, end: int, trigger: Trigger) -> bool:
    """Words of releasing used in another sense."""
    return bool(
        text[start:head_end].lower().startswith("hand") and _handed_thing_inside().search(text, head_end, end)
        # 'Nepal hands over diplomatic note to Indian envoy': a paper handed, nobody freed
        or _free_thing().match(text, start)
        # 'free passage of Brazilian barges', 'a free trade deal': the adjective, nobody freed
        or _released_thing().match(text, end)
        # 'postponed the release of American films': a work put out, nobody freed
        or _DEPORTED.search(text, head_end, end)
        # 'the return of Venezuelans deported from the United States': migrants sent back, not captives
        or _HELPERS_ROLE.search(text, max(0, start - 40), start)
        # ("lauds Qatar's role in the release of Iran detainees": the helper's part, it freed no one)
        or trigger.actor.startswith("left") and _reaction_before().search(text, max(0, start - 40), start)
        or _release_sought().search(text, max(0, start - 60), start) is not None
        # ('in return for ten Americans', 'in exchange for the migrants': what the subject gets for its act)
        or _IN_RETURN_FOR.match(text, max(0, start - 3)) is not None
        # ('a flight carrying the freed Americans landed': a participle describes people freed before, by nobody
        # named here)
        or _ARTICLE_JUST_BEFORE.search(text, max(0, start - 8), start) is not None
        and text[start:head_end].lower() in ("freed", "released"))


#: An auxiliary right after the people a wording names: they are the subject of a verb of their own
_OWN_VERB_AFTER = re.compile(r"\s+(?:have|has|had|were|was|are|is|will|would)\b", re.I)
#: 'against' inside a wording: what follows it is aimed at, not taken ('take reprisals against our migrants')
_AGAINST_INSIDE = re.compile(r"\bagainst\b", re.I)
#: a preposition of topic inside a wording: what follows it is talked about, not taken in or turned away
_TOPIC_INSIDE = re.compile(r"\b(?:regarding|concerning)\b", re.I)
#: ... or right before it ('regarding deported nationals': the participle describes the people talked about)
_TOPIC_RIGHT_BEFORE = re.compile(r"\b(?:regarding|concerning)\s+$", re.I)


def _deportee_sense(text: str, start: int, head_end: int, end: int, trigger: Trigger) -> bool:
    """Words of taking in or refusing deportees used in another sense."""
    head = text[start:head_end].lower()
    _, participle_before, not_migrants = _sense_patterns()
    return bool(
        ends_with_any(text[max(0, start - 40):start], _handed_things_ends())
        and _handed_things().search(text, max(0, start - 40), start)
        # 'arms to be handed over to Kyiv from Warsaw': goods, no deportees
        or _handed_things_after().match(text, end)
        # 'to hand over to him the document declaring a diplomat persona non grata': a paper, no deportees
        or head.endswith("ed") and len(text[head_end:end].split()) <= 2
        and participle_before.search(text, max(0, start - 12), start)
        or not_migrants.match(text, end) is not None and " by " not in text[start:end]
        # ('received by Dominican officials': the agent, not the object)
        or _AGAINST_INSIDE.search(text, head_end, end) is not None
        # ('Since Trump took office in late January, deported migrants have been flown to ...': past a comma, the
        # people are the subject of a clause of their own, no object of the verb before it)
        or "," in text[head_end:end] and _OWN_VERB_AFTER.match(text, end) is not None
        # ('received no request from Kazakhstan regarding deported nationals': the people are a topic, what is
        # received is the thing before it)
        or _TOPIC_INSIDE.search(text, head_end, end) is not None
        or _TOPIC_RIGHT_BEFORE.search(text, max(0, start - 15), start) is not None
        or head.startswith("welcom") and _welcomed_thing().match(text, head_end) is not None
        or _stranded_people().search(text, start, _clause_stop(text, end)) is not None)


@cache
def _stranded_people() -> re.Pattern[str]:
    """People brought home because they were stuck abroad (words.csv STRANDED: 'a flight bringing back Indians stranded
    in Singapore', 'evacuees from Sudan'), within the clause of the wording: their own state fetches them, nobody
    sent them back."""
    return re.compile(r"\b(?:" + word_classes()["STRANDED"] + r")\b", re.I)


def _clause_stop(text: str, end: int) -> int:
    """Where the words right after a wording stop: 60 characters on, or the sentence's end before that."""
    stop = min(len(text), end + 60)
    period = text.find(".", end, stop)
    return period if period != -1 else stop


def _taking_in_sense(text: str, start: int, head_end: int, end: int, trigger: Trigger) -> bool:
    """Words of taking in deportees used of a people or of persons, not of deportees."""
    head = text[start:head_end].lower()
    return bool(
        head.startswith(("deport", "expel")) and _ends_in_nationality().search(text, start, end)
        and not _counted().search(text, head_end, end)
        and not (head.startswith("deport") and _ONE_PERSON.match(text, head_end))
        # 'the decision to expel the Russians', 'expelling Palestinians from their homeland': a people named with no
        # count is a mission's staff or a nation, not deportees ('deported 400 Ethiopians' are)
        or head.startswith("expel") and _named_people().match(text, end)
        or head.startswith("welcom") and _welcomed_thing().match(text, head_end))


#: One person deported ('deported a Peruvian woman'): a count of one, not a nation
_ONE_PERSON = re.compile(r"\s+(?:a|an|one)\s", re.I)
