"""Trigger candidates: every match of a trigger in a document's sentences (`_find_candidates`).

A match is dropped when its words are used in another sense ('Hurricane Melissa slammed into Jamaica'; the
last of those checks is in senses.py), when a trigger's required words are missing nearby, and in captions and
credits; a match report (sports) is told apart here too.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from graph.actors import word_classes, word_lists, word_pattern
from graph.extract.document import _Doc
from graph.extract.hits import live_hits
from graph.extract.lexicon import (
    _SPORT,
    Trigger,
    _features_of,
    _needs_met,
    _possible_rows,
    _present_needs,
    _word_need_masks,
)
from graph.extract.senses import _DEPORTEE_RELATIONS, _not_this_sense
from graph.records import Mention
from graph.text import Sentence
from graph.words import TOKEN, ends_with_word, lower_of, may_hold

#: 'that' opening a clause inside a trigger's gap: what follows is that clause's, not the trigger's object.
_THAT_IN_GAP = re.compile(r"\s(?:that|whether)\s", re.I)
#: 'that' and a named possessive inside a trigger's gap ('reiterated that Kenya's support for'): the noun after it is
#: the possessor's, the subject of the clause 'that' opens, not the object of the trigger's verb
_THAT_POSSESSOR_IN_GAP = re.compile(r"\s(?:that|whether)\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*['’]s?\s")
#: A comma opening a clause ('..., after talks', ', was met by'): no trigger's gap crosses one (checked on the match)
_CLAUSE_IN_GAP = re.compile(r",\s+(?:after|before|while|when|which|whom|whose|where|although|because)\b"
                            r"|(?<=,)\s+(?:was|were)\s+[a-z]+\s+by\b")
#: Trigger words that are nouns unless a modal, 'to' or a subject pronoun comes right before them.
_NOUN_UNLESS_VERBAL = {"pressure"}
_VERBAL_BEFORE = re.compile(r"\b(?:to|will|would|could|can|may|might|should|must|not|they|we|i|you)\s+$", re.I)
#: a possessive or a capitalised name right before a noun: who owns it ('Washington's pressure', 'US pressure')
_OWNER_BEFORE = re.compile(r"(?:['’]s?|\b[A-Z][\w.-]*)\s+$")
_VERB_OR_ADJECTIVE = {"order", "visiting", "demand", "call", "push", "press", "request", "visited"}
#: a demand owned by a pronoun and followed by what is demanded ('his demand for a takeover of X', 'their call for')
_OWNER_PRONOUN_BEFORE = re.compile(r"\b(?:his|her|its|their)\s+$", re.I)
_DEMANDED_AFTER = re.compile(r"\s+for\b")
_WARNED_ABOUT = re.compile(r"\s+(?:\w+\s+){0,3}?that\s+[^,.;]{1,40}?\b(?:could|would|may|might|was\s+preparing|"
                           r"were\s+preparing|planned|plans)\b", re.I)
_SANCTIONED_THING = re.compile(r"\s+(?:[A-Z][\w-]*|oil|gas|entities|individuals|firms|companies|banks|vessels|ships|"
                               r"goods|tankers|officials)\b")
#: 'has sanctioned Russia', 'Singapore sanctioned Russia': a verb after an auxiliary or a named subject, not a
#: participle describing goods ('buying sanctioned Russian oil', 'officially sanctioned')
_SANCTIONED_AS_VERB = re.compile(r"(?:\b(?:has|have|had|having|also|then|and|it|they|who|which|formally|jointly|"
                                 r"already|previously|recently|separately|further)|[A-Z][\w.'’-]*)\s+$")


@cache
def _open_to() -> re.Pattern[str]:
    """'said he was always open to meeting X' (words.csv READY_TO): a readiness, no meeting held or planned."""
    return re.compile(r"\b(?:" + word_classes()["READY_TO"] + r")\s+to\s+$", re.I)


@cache
def _still_open_to() -> re.Pattern[str]:
    """'remained willing to restore relations', 'remains open to normalising ties' (words.csv READY_TO): a standing
    readiness, no change of course (a shift toward cooperation needs a move, not the same position kept)."""
    return re.compile(r"\bremain(?:s|ed|ing)?\s+(?:\w+ly\s+|still\s+)?(?:" + word_classes()["READY_TO"]
                      + r")\s+to\s+$", re.I)


@cache
def _repeated_since() -> re.Pattern[str]:
    """An act told as repeated over the years after its trigger ('have expelled each other's diplomats several
    times since 2018', words.csv MANY_TIMES before 'times'): the history behind the news, not an act the article
    reports."""
    return re.compile(r"[^.;:!?]{0,60}?\b(?:" + word_classes()["MANY_TIMES"] + r")\s+times\s+"
                      r"(?:since|over\s+the\s+(?:past|last)|in\s+the\s+(?:past|last))\b", re.I)


@cache
def _blame_shifted() -> re.Pattern[str]:
    """A reported subject set against another party ('insisted that Kyiv, not Moscow, had refused to negotiate',
    after words.csv CLAIM_OPENERS): the speaker puts the blame on one side, a charge of the speaker's, not an act
    the article tells of that side."""
    return re.compile(r"\b(?:" + word_classes()["CLAIM_OPENERS"] + r")\s+(?:the\s+)?"
                      r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?,\s+(?:and\s+)?not\s+(?:the\s+)?"
                      r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?,\s+(?:[\w'’-]+\s+){0,4}$")


#: Acts a past try right before the wording leaves undone (words.csv ATTEMPTED)
_TRIED_RELATIONS = frozenset({"agreesToCooperate", "meetsWith", "visits"})
#: Stances that stay stances when repeated ('has accused Kyiv several times since May' still accuses)
_STANCES = frozenset({"accuses", "rejects", "demands"})
#: 'allegations of', 'accusations of': a noun of the act alleged follows
_CLAIMED_OF = re.compile(r"\b(?:allegations?|accusations?|claims?|charges?|suspicions?)\s+of\s+(?:the\s+)?$", re.I)
#: 'pressing Japan's claim to', 'pressed its claims': a claim asserted
_CLAIM_PRESSED = re.compile(r"\s+(?:[\w'’.-]+['’]s?\s+|its\s+|their\s+|his\s+|her\s+)?(?:territorial\s+|"
                            r"sovereignty\s+)?claims?\b", re.I)
#: 'a sign of', 'signs that': the noun, not the verb
_NOUN_SIGN_AFTER = re.compile(r"\s+(?:of|that)\b")
_COURTESY_BEFORE = re.compile(r"\bcourtesy\s+$", re.I)
_NAME_AFTER = re.compile(r"\s+[A-Z]")
#: 'called on Kenyan President A', then where or when, not what he is asked: a courtesy call
_CALLED_ON = re.compile(r"call(?:s|ed|ing)?\s+(?:on|upon)$", re.I)
_CALLED_PERSON = re.compile(r"\s+(?:the\s+)?(?:(?:[A-Z][\w.'’-]*|of|the)\s+){0,6}?"
                            r"(?:President|Prime\s+Minister|Minister|King|Queen|Emir|Sultan|Chancellor|Premier|"
                            r"Secretary|Governor|Speaker|Crown\s+Prince|Chairman|Chairwoman)\s+"
                            r"(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*(?:\s+of\s+(?:the\s+)?[A-Z][\w.'’-]*)?"
                            r"(?=\s*[.;,]|\s*$|\s+(?:during|at|in|on|while|as|before|after|and)\b)")
#: What the one called on is asked: 'to release', 'for calm', 'that'
_ASKED_AFTER = re.compile(r"\bto\s+(?!the\b|a\b|an\b|his\b|her\b|their\b|its\b)[a-z]|\bfor\b|\bthat\b|[\"“]")


def _courtesy_call(text: str, start: int, end: int, sentence_end: int) -> bool:
    """'Foreign Minister A called on Kenyan President B during his visit to Kenya': 'called on' a titled person,
    with nothing he is asked to do in the rest of the sentence, is a courtesy call (a meeting), not a demand."""
    if not _CALLED_ON.fullmatch(text, start, end):
        return False
    person = _CALLED_PERSON.match(text, end, sentence_end)
    return person is not None and not _ASKED_AFTER.search(text, person.end(), sentence_end)
#: Visits told as a practice, not a trip: 'regular visits', 'reciprocal visits', 'an exchange of visits'.
_HABITUAL_BEFORE = re.compile(r"\b(?:regular|reciprocal|frequent|mutual|exchange\s+of|exchanges\s+of|high-level)\s+"
                              r"(?:[\w-]+\s+)?$", re.I)
#: Migrants who travel on their own after the words that take them in: irregular arrivals, nobody's deportees.
_TO_THEIR_HOMELAND = re.compile(r"\s+(?:[\w-]+\s+){0,3}?to\s+their\s+(?:homeland|home\s+countr(?:y|ies)|"
                                r"countr(?:y|ies)(?:\s+of\s+origin)?|home)\b", re.I)


@cache
def _migrants_on_their_own() -> re.Pattern[str]:
    """Migrants who travel on their own: 'who crossed', 'fleeing' (words.csv MIGRANT_MOVES after 'who' or 'that',
    MIGRANT_MOVING right after the migrants): irregular arrivals, nobody's deportees."""
    classes = word_classes()
    return re.compile(r"\s+(?:who|that)\s+(?:\w+ly\s+)?(?:" + classes["MIGRANT_MOVES"] + r")\b"
                      r"|\s+(?:" + classes["MIGRANT_MOVING"] + r")\b")


def _place_at(doc: _Doc, offset: int) -> bool:
    """True when a country or its capital is named at `offset` ('was visiting El Salvador')."""
    index = bisect_left(doc.actors.starts, offset)
    if index >= len(doc.actors.mentions):
        return False
    mention = doc.actors.mentions[index]
    return mention.start == offset and mention.type == "country" and mention.via in ("name", "capital", "place")
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|its|his|her|their|executive|this|that|new)\s+$", re.I)


@cache
def _end_of_event() -> re.Pattern[str]:
    """'At the end of the meeting' (words.csv SPANS_OF_TIME after 'of'): a meeting or a trip that ends is over, not
    broken off, and concluding one is no agreement."""
    return re.compile(r"\s+of\s+(?:the\s+|his\s+|her\s+|their\s+|its\s+|a\s+|this\s+|that\s+)?(?:[\w-]+\s+)?"
                      r"(?:" + word_classes()["SPANS_OF_TIME"] + r")\b", re.I)


@cache
def _ended_event() -> re.Pattern[str]:
    """A visit or meeting noun (words.csv ENDED_EVENTS) closing a wording of concluding ('concluded his
    visit'): a visit or meeting brought to its end is over, no agreement concluded."""
    return re.compile(r"(?:" + word_classes()["ENDED_EVENTS"] + r")$", re.I)
_PEOPLE_RECEIVED = re.compile(r"\b(?:migrants?|deportees?|returnees?|refugees?|asylum[- ]seekers?|immigrants?|"
                              r"nationals|detainees|prisoners)\s+(?:(?:that|whom|who)\s+)?(?:[\w'’-]+\s+){0,3}$", re.I)
@cache
def _hypothesis_before() -> re.Pattern[str]:
    """A noun of a thing only thought of right before the wording's gerund (words.csv HYPOTHESES): 'the
    possibility of accepting', 'the idea of freeing'."""
    return re.compile(r"\b(?:" + word_classes()["HYPOTHESES"] + r")\s+of\s+$", re.I)


@cache
def _protested_before() -> re.Pattern[str]:
    """A verb of condemning (words.csv CONDEMNING_VERBS) and a list of nouns, each closed by a comma, up to the
    trigger: 'protested the harassment, ramming, shadowing and blocking, ' (not 'protested the move and')."""
    return re.compile(r"(?<![\w-])(?:" + word_classes()["CONDEMNING_VERBS"] + r")\s+(?:the\s+)?"
                      r"(?:[a-z][\w-]*(?:\s+(?:and\s+)?[a-z][\w-]*){0,2},\s+(?:and\s+)?){0,8}$", re.I)


@cache
def _attempt_before() -> re.Pattern[str]:
    """A past try right before the wording, with at most two words of its own (words.csv ATTEMPTED): 'attempted
    to negotiate a renewal of', 'tried to strike a'."""
    return re.compile(r"\b(?:" + word_classes()["ATTEMPTED"] + r")\s+(?:[\w-]+\s+){0,2}$", re.I)


@cache
def _asked_about_before() -> re.Pattern[str]:
    """A word opening an indirect question, with at most four words of its own, right before the wording
    (words.csv QUESTION_WORDS): 'asked how Serbia will respond', 'whether Beijing would retaliate'."""
    return re.compile(r"\b(?:" + word_classes()["QUESTION_WORDS"] + r")\s+(?:[\w'’.-]+\s+){0,4}$", re.I)


#: Acts that a noun of trying before them leaves undone ('the efforts to normalize relations between')
_TRIED_BY_NOUN = frozenset({"meetsWith", "shiftsTowardCooperation", "agreesToCooperate"})


@cache
def _tried_noun_before() -> re.Pattern[str]:
    """A noun of trying and 'to', with at most two words of its own, right before the wording (words.csv
    ATTEMPT_NOUNS): 'efforts to normalize', 'attempts to move forward talks on'."""
    return re.compile(r"\b(?:" + word_classes()["ATTEMPT_NOUNS"] + r")\s+to\s+(?:[\w-]+\s+){0,2}$", re.I)


@cache
def _unnamed_takers_before() -> re.Pattern[str]:
    """Unnamed partners of a deal right before what they are to do (words.csv PARTNER_MODIFIERS, PARTNER_NOUNS):
    "deals with 'many countries' to accept", 'agreements with other nations to take back': the ones who would act
    are nobody named, whoever seeks the deals."""
    classes = word_classes()
    return re.compile(r"\bwith\s+[\"'‘“]?(?:" + classes["PARTNER_MODIFIERS"] + r")\s+(?:[\w-]+\s+)?(?:"
                      + classes["PARTNER_NOUNS"] + r")[\"'’”]?\s+to\s+$", re.I)


#: Acts that a noun of a thing thought of leaves undone (threats and demands are read from such talk on purpose:
#: 'raised the prospect of sanctions')
_THOUGHT_OF_RELATIONS = frozenset({"acceptsDeportees", "refusesDeportees", "releasesDetainees", "agreesToCooperate",
                                   "allowsMilitaryDeportationFlights", "visits"})


_ANY_ATTEMPT = re.compile(r"\bany\s+(?:(?:attempts?|moves?|efforts?|bids?|plans?|decisions?)\s+(?:by\s+[\w'’.-]+\s+)?to"
                          r"|(?:failures?|delays?|refusals?|obstruction|lapses?)\s+(?:in|of|to)(?:\s+the)?)\s+$", re.I)


@cache
def _people_after() -> re.Pattern[str]:
    """What makes a demonym before it a people: a noun or an adjective of people (words.csv DEMONYM_PEOPLE:
    'Indian nationals', 'Colombian deportees') or a function word, after which the demonym is a noun (words.csv
    DEMONYM_NOUN_AFTER: 'every Colombian the United States deports', 'any Venezuelan who')."""
    classes = word_classes()
    return re.compile(r"\s+(?:" + classes["DEMONYM_PEOPLE"] + "|" + classes["DEMONYM_NOUN_AFTER"] + r")\b")


def _demonym_as_adjective(text: str, start: int, end: int) -> bool:
    """Whether a trigger ends on a capitalised demonym used as an adjective of a thing ('the Indian
    announcement'), not as a people ('Indians', 'Indian nationals')."""
    last = text.rfind(" ", start, end) + 1
    if not text[last:end][:1].isupper() or text[end - 1:end] == "s":
        return False
    following = re.match(r"\s+[a-z]", text[end:end + 3])
    return following is not None and not _people_after().match(text, end)


#: what follows "by" when it is the means, not the agent: a channel, or a gerund ("responded by announcing tariffs");
#: or a manner that makes 'by' part of the verb ('has stood by idly': no agent follows)
_BY_MEANS = re.compile(r"(?:tele)?phone|video|videolink|letter|email|mail|text|message|air|road|sea|bus|land"
                       r"|(?:also\s+)?[a-z]+ing\b|(?:idly|silently|quietly|passively)\b")


@dataclass
class _Candidate:  # noqa: D101 - a trigger match with the relation it resolves to
    trigger: Trigger
    sentence: Sentence
    head_start: int
    head_end: int
    end: int
    relation: str = ""
    negated: bool = False
    patient: Mention | None = None  #: in a passive, the party the act was done to
    listed_patients: list[Mention] | None = None  #: the list a relative clause's antecedent closes


def _is_sports(text: str) -> bool:
    """A match report: country names there mostly stand for teams, not governments.

    Four different sports words make a sports report; the words are looked up in the document's word set,
    not searched for one by one.
    """
    found = {f for features in _features_of(text).values() for f in features if f >= _SPORT}
    if len(found) < 4:
        return False
    # a phrase ('world cup', 'final whistle') is indexed by its first word: check the whole phrase is there
    return sum(1 for f in found if (phrase := _sports_phrase(f - _SPORT)) is None or phrase.search(text)) >= 4


@cache
def _sports_phrase(index: int) -> re.Pattern[str] | None:
    """The pattern of the sports word at `index` of words.csv SPORTS when it has several words, else None."""
    word = word_lists()["SPORTS"][index]
    return re.compile(r"(?<![\w-])" + word_pattern(word) + r"(?![\w-])", re.I) if " " in word else None


#: A verb that the talks are the subject of, with its own object before 'between' ('talks showed the gap between',
#: 'the meeting exposed the rift between'): 'between' is that object's
_SHOWN_BETWEEN = re.compile(r"\s(?:show|reveal|expos|highlight|underlin|underscor|widen|deepen|la(?:y|id|ys)\s+bare)\w*"
                            r"\s+(?:[\w-]+\s+){0,2}between$", re.I)


#: 'from' right after a noun of blame: its giver is named next
_FROM_GIVER = re.compile(r"\s+from\s")
#: A verb that calls its object something, right before 'as' or up to twelve words before it ('dismissed as "absurd" a
#: demand', 'denounced the decision as')
_CALLED_AS = re.compile(r"\b(?:denounc|condemn|criticis|criticiz|describ|brand|label|term|characteri|portray|decr[iy]|"
                        r"slam|blast|dismiss|reject|regard|view|call)\w*\s+(?:[\w'’-]+\s+){0,12}$", re.I)
#: A noun of talks and the preposition of their topic right before a trigger ('the dialogue on the normalization of')
_TOPIC_OF_TALKS = re.compile(r"\b(?:talks|dialogue|meeting|meetings|negotiations|discussions|consultations|conference|"
                             r"summit|session|round)\s+(?:[\w-]+\s+){0,2}?(?:on|about|over|regarding|concerning)\s+"
                             r"(?:the\s+|a\s+)?$", re.I)


@cache
def _wished() -> re.Pattern[str]:
    """A verb of wishing right before a noun of talks (words.csv WISH): 'supported dialogue between', 'has
    advocated for peace talks with'."""
    return re.compile(r"\b(?:" + word_classes()["WISH"] + r")\s+(?:for\s+)?(?:(?:a|an|the|more|direct|renewed|new|"
                      r"further|peace|formal|bilateral)\s+)*$", re.I)


@cache
def _go_between() -> re.Pattern[str]:
    """A verb of a go-between right before a noun of talks (words.csv GO_BETWEEN): 'Qatar facilitated dialogue
    between', 'mediated indirect talks between'. The two sides talk through the third, not with each other."""
    return re.compile(r"\b(?:" + word_classes()["GO_BETWEEN"] + r")\s+(?:(?:a|an|the|renewed|new|further|peace|"
                      r"indirect|bilateral|ongoing)\s+)*$", re.I)


@cache
def _watched() -> re.Pattern[str]:
    """A verb of looking on right before a noun of talks (words.csv SPECTATOR_VERBS), perhaps past a dash-joined
    pair and its qualifiers: 'watched the Armenia-Azerbaijan peace talks closely' tells what onlookers did, not
    that the two met."""
    return re.compile(r"\b(?:" + word_classes()["SPECTATOR_VERBS"] + r")\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+)?"
                      r"(?:[a-z-]+\s+){0,2}$")


#: A verb of breaking right before a deal's noun: what is violated was agreed before, not now
_BROKEN_BEFORE = re.compile(r"\b(?:violat\w*|breach\w*|flout\w*|contraven\w*|break|breaks|breaking|broke|broken|"
                            r"undermin\w*)\s+(?:(?:the|an?|its|their|all|previous|earlier|existing|past)\s+)*$", re.I)
#: What a go-between's verb works on, up to the 'between' naming the two sides ('facilitated indirect talks between')
_BETWEEN_SIDES = re.compile(r"\s+(?:[\w-]+\s+){0,4}?between\s", re.I)


@cache
def _private_travellers() -> re.Pattern[str]:
    """People who travel on their own before a verb of travel (words.csv PRIVATE_TRAVELLERS)."""
    return re.compile(r"\b(?:" + word_classes()["PRIVATE_TRAVELLERS"] + r")\s+(?:\w+\s+){0,2}$", re.I)


#: A plural noun of people right before a participle ('commanders blamed for'), not a verb's auxiliary
_PEOPLE_BEFORE = re.compile(r"\b(?!(?:was|is|has|as|its|his|this|thus|always|perhaps|also)\b)[a-z]{3,}s\s+$")


def _warned_about_another(doc: _Doc, sentence: Sentence, start: int, token_end: int) -> bool:
    """'X warned that Belarus could attack Lithuania': a warning about another party's possible act; not 'warned
    that it might strike' or 'warned that China would respond' said of the warner's own side."""
    match = _WARNED_ABOUT.match(doc.text, token_end)
    if match is None:
        return False
    that = doc.text.find("that", token_end, match.end()) + 5
    mentions = doc.mentions(sentence)
    subject = next((m for m in mentions if m.start == that), None)
    if subject is None or subject.via == "pronoun":
        return False
    before = [m for m in mentions if m.end <= start and m.country]
    return not before or before[-1].country != subject.country



#: A form of 'be' right before a participle: the passive ('had been told', 'was urged')
_PASSIVE_AUX = re.compile(r"\b(?:was|were|been|being|is|are|be|get|got)\s+(?:\w+ly\s+)?$", re.I)


def demand_received(text: str, start: int, end: int, sentence_end: int) -> bool:
    """'Sogavare had been told of Australia's concern': a demand verb in the passive makes the party before it
    the one asked, not the one asking; unless 'by' names the asker later in the sentence, nobody named demands
    (the party after the verb is what the message was about)."""
    word = text[start:end].lower()
    return (word == "told" or word.endswith("ed")) and " by " not in text[start:sentence_end] \
        and _PASSIVE_AUX.search(text, max(0, start - 24), start) is not None


@cache
def _duty_before() -> re.Pattern[str]:
    """A duty named right before a taking-in (words.csv DUTY_NOUNS): 'its obligations with regard to the
    acceptance of', 'its duty to take back': what a party owes, not what it did."""
    return re.compile(r"\b(?:" + word_classes()["DUTY_NOUNS"] + r")\s+(?:(?:with\s+regard|in\s+regard|regarding|on|"
                      r"concerning|for|to|as\s+to|the|its|their|of)\s+){1,4}$", re.I)

def _find_candidates(doc: _Doc) -> list[_Candidate]:
    """Every trigger match inside a sentence that is not a caption or a credit."""
    found: list[_Candidate] = []
    text = doc.text
    # Only words that can start a trigger possible in this document (every need met somewhere in it) are looked at.
    present = _present_needs(text)
    active = {}
    for word, features in _features_of(text).items():
        rows = _possible_rows(features, present, word)
        if rows:
            active[word] = rows
    if not active:
        return found
    lower = lower_of(text)
    begin = doc.document.body_start
    # the needs each sentence with a hit meets (only where offsets in the lower case are the text's: -1, all)
    masks = _word_need_masks(text) if len(lower) == len(text) else None
    sentence_needs: dict[int, int] = {}
    if masks is not None:  # (only the tokens in sentences where a row of their word may match)
        hits = live_hits(doc, lower, active, masks, sentence_needs)
    else:  # rare letters whose lower case changes length: walk every token instead
        hits = [(m.start(), m.end(), m.group().lower()) for m in TOKEN.finditer(text, begin)
                if m.group().lower() in active]
    for start, token_end, word in hits:
        sentence = doc.sentence_at(start)
        if sentence is None:
            continue
        met = sentence_needs.get(sentence.index)
        if met is None:
            met = sentence_needs[sentence.index] = -1 if masks is None else \
                _needs_met(lower, masks, sentence.start, sentence.end)
        # (a trigger a word of which is not in the sentence cannot match: most hits end here, before the checks of
        # the place they stand in)
        rows = [(trigger, needs) for trigger, needs in active[word] if needs & met == needs]
        if not rows or doc.is_caption(sentence) or doc.credits.covers(start):
            continue
        if masks is not None and any(needs for _, needs in rows):
            # (nor can one a word of which the sentence holds only before the hit: a word the trigger needs stands
            # after its first one, so the needs the rest of the sentence meets rule out a quarter of the regexes)
            rest = _needs_met(lower, masks, start, sentence.end)
            rows = [(trigger, needs) for trigger, needs in rows if needs & rest == needs]
        passive_head = text.startswith(" by ", token_end) and not _BY_MEANS.match(text, token_end + 4)
        for trigger, _ in rows:
            hit = trigger.regex.match(text, start, sentence.end)
            if hit is None or ("," in hit.group() and trigger.actor != "clause"
                               and _CLAUSE_IN_GAP.search(text, token_end + 1, hit.end())):
                continue  # (a clause right after the trigger word, 'expulsions, which targeted', describes it;
                # the 'clause' rule reads the subject of just such a clause)
            if (trigger.relation in _DEPORTEE_RELATIONS or trigger.relation == "launchedProgram") \
                    and _THAT_IN_GAP.search(text, token_end, hit.end()):
                continue  # 'received assurances that the men would be treated well': the men are in another clause
                # ('announced that Poland has a plan': the plan is the object of the clause's own verb)
                # (a warning's or a demand's content is a that-clause: their triggers cross it)
            if _THAT_POSSESSOR_IN_GAP.search(text, token_end, hit.end()):
                continue  # 'Sudan reiterated that Kenya's support for the RSF': Kenya's support, not Sudan's
            if passive_head and hit.end() > token_end + 4 and trigger.actor != "by" and " by" not in trigger.pattern \
                    and not trigger.actor.startswith("in"):
                continue  # 'received by Dominican officials' is passive: the words after 'by' act (but in 'men
                # deported by the US arrived in Eswatini' the place they arrive in takes them in)
            if trigger.require is not None and not _required(doc, trigger.require, sentence):
                continue
            if trigger.relation == "acceptsDeportees" and _duty_before().search(text, max(sentence.start, start - 60),
                                                                                start):
                continue  # 'violate its legal obligations with regard to the acceptance of': owed, not done
            if trigger.relation == "demands" and _COURTESY_BEFORE.search(text, max(0, start - 12), start):
                continue  # 'paid a courtesy call on the president' is a meeting, not a demand
            if trigger.relation == "demands" and _courtesy_call(text, start, hit.end(), sentence.end):
                continue  # 'called on President A during his visit': a call paid on a person, nothing asked
            if trigger.relation == "accuses" and word.startswith("accusation") \
                    and _DETERMINER_BEFORE.search(text, max(0, start - 12), start) \
                    and not text.startswith(" that ", token_end):  # ('shot back with an accusation that X')
                continue  # 'calling the accusations against him ridiculous': the noun names no accuser
            if trigger.relation in ("demands", "visits") and word in _VERB_OR_ADJECTIVE and trigger.actor != "by" \
                    and _DETERMINER_BEFORE.search(text, max(0, start - 12), start) \
                    and not (_OWNER_PRONOUN_BEFORE.search(text, max(0, start - 8), start)
                             and _DEMANDED_AFTER.match(text, token_end)):
                continue  # 'signed an order halting aid', 'the visiting minister': not a demand, not a visit
                # (but 'renewed his demand for a takeover of X': the pronoun's owner demands it of X, and 'the
                # request by Washington that Bogota accept' names who asks)
            if trigger.relation in ("meetsWith", "shiftsTowardCooperation") \
                    and _wished().search(text, max(0, start - 40), start):
                continue  # 'said he supported dialogue between Chile and Argentina', 'advocated for talks with
                # Chile', 'its backing for the normalisation of ties between': wished for, not held or done
            if trigger.relation == "agreesToCooperate" and _wished().search(hit.group() + " ") \
                    and _BETWEEN_SIDES.match(text, hit.end()):
                continue  # 'repeats its backing for the normalisation of ties between A and B': what is
                # backed lies between two others, neither of whom receives the support
            if trigger.relation in ("threatened", "threatenedSanctions") \
                    and _asked_about_before().search(text, max(sentence.start, start - 50), start):
                continue  # 'when asked how Serbia will respond to these requests': a question about a response,
                # no threat of one
            if trigger.relation in _TRIED_BY_NOUN and _tried_noun_before().search(text, max(0, start - 50), start):
                continue  # 'thwarted the efforts to normalize relations between', 'attempts to move forward talks
                # on': tried, not done
            if trigger.relation == "meetsWith" and _go_between().search(text, max(0, start - 40), start):
                continue  # 'Qatar facilitated dialogue between the US and Iran': talks through a go-between
            if trigger.relation == "meetsWith" and _watched().search(text, max(0, start - 60), start):
                continue  # 'many in Kazakhstan watched the Armenia-Azerbaijan talks': looked on, no meeting told
            if trigger.relation == "agreesToCooperate" and trigger.actor == "after" \
                    and _BROKEN_BEFORE.search(text, max(0, start - 40), start):
                continue  # 'the drills would violate agreements between Kim and Trump': a deal cited as broken
            if trigger.relation == "agreesToCooperate" and trigger.actor == "left" \
                    and _BETWEEN_SIDES.match(text, hit.end()) and _go_between().search(hit.group() + " "):
                continue  # 'Qatar facilitated dialogue between the US and Iran': the go-between is no party
            if trigger.relation == "accuses" and trigger.actor.startswith("left") and hit.end() == token_end \
                    and not word.endswith("ed") and _FROM_GIVER.match(text, token_end):
                continue  # 'his trip drew strong rebukes from European leaders': those after 'from' rebuke; the
                # party before the noun receives the rebuke
            if trigger.relation == "accuses" and word == "as" \
                    and _CALLED_AS.search(text, max(sentence.start, start - 100), start):
                continue  # 'denounced Poland's decision to close the border as an unfriendly step': what the one who
                # denounced called it (that verb's own trigger), no charge by the party named before 'as'
            if trigger.relation == "shiftsTowardCooperation" \
                    and _TOPIC_OF_TALKS.search(text, max(sentence.start, start - 60), start):
                continue  # 'a meeting of the dialogue on the normalization of relations': the topic, not an act
            if trigger.relation == "meetsWith" and trigger.actor == "after" and _SHOWN_BETWEEN.search(hit.group()):
                continue  # 'the talks showed the gap between Sudan and Chad': the gap is between them, not the talks
            if trigger.relation == "visits" and word in ("mission", "missions") and hit.group().endswith(" in"):
                continue  # 'a diplomat of the Chilean mission in the country': the embassy, not a trip
            if trigger.relation == "accuses" and word in ("accused", "blamed") \
                    and text.startswith(" of " if word == "accused" else " for ", token_end) \
                    and (text[max(0, start - 2):start] == ", "
                         or _PEOPLE_BEFORE.search(text, max(0, start - 30), start)):
                continue  # 'migrants, most of them Cubans, accused of belonging to gangs', 'sacked two commanders
                # blamed for Russia's advance': a participle after the people it describes, no accuser
            if trigger.relation == "visits" and word.startswith("travel") \
                    and _private_travellers().search(text, max(0, start - 40), start):
                continue  # 'discouraged its citizens from travelling to Serbia': people travel, no state visits
            if trigger.relation == "threatened" and word.startswith("warn") \
                    and _warned_about_another(doc, sentence, start, token_end):
                continue  # 'warned that Belarus could attack Lithuania': a warning about a party, not a threat to it
            if trigger.relation == "threatenedSanctions" and (
                    word == "sanctioned" and not _SANCTIONED_AS_VERB.search(text, max(0, start - 30), start)
                    or word != "sanctioned" and hit.group().lower().endswith("sanctioned")
                    and _SANCTIONED_THING.match(text, hit.end())):
                continue  # 'buying sanctioned Russian oil': goods under sanctions, nobody imposes them here
            if trigger.relation == "meetsWith" and ends_with_word(text[max(0, start - 20):start], "to") \
                    and _open_to().search(text, max(0, start - 20), start):
                continue  # 'said he was always open to meeting X': no meeting held or planned
            if trigger.relation == "shiftsTowardCooperation" and ends_with_word(text[max(0, start - 40):start], "to") \
                    and _still_open_to().search(text, max(0, start - 40), start):
                continue  # 'remained willing to restore relations when conditions allow': no move was made
            if trigger.relation not in _STANCES and may_hold(text[hit.end():sentence.end], ("times",)) \
                    and _repeated_since().match(text, hit.end(), sentence.end):
                continue  # 'have expelled each other's diplomats several times since 2018': background history
            if trigger.relation != "accuses" and text.find("not", max(sentence.start, start - 80), start) != -1 \
                    and _blame_shifted().search(text, max(sentence.start, start - 80), start):
                continue  # 'he insisted that Kyiv, not Moscow, had refused to negotiate': the speaker's charge
                # (every match holds 'not': most windows lack it, and the regex is not run there)
            if trigger.relation == "accuses" and _CLAIMED_OF.search(text, max(0, start - 30), start):
                continue  # 'refuting British allegations of interference': what is alleged, not an accusation
            if trigger.relation == "demands" and word.startswith("press") and _CLAIM_PRESSED.match(text, token_end):
                continue  # 'a rally pressing Japan's claim to the islets': a claim asserted, nobody is asked
            if word in ("host", "hosts") and _DETERMINER_BEFORE.search(text, max(0, start - 12), start):
                continue  # 'the hosts spoke of a new era': the noun, nobody is hosted
            if word in ("sign", "signs") and _NOUN_SIGN_AFTER.match(text, token_end):
                continue  # 'the latest sign of how badly relations have soured' is a noun, nothing is signed
            if trigger.relation == "visits" and word in ("visits", "trips") \
                    and (_HABITUAL_BEFORE.search(text, max(0, start - 30), start)
                         or text.startswith(" to each other", token_end)):
                continue  # 'agreed to revive regular visits to each other's countries': no trip was made
            if trigger.relation == "visits" and word == "visiting" and _NAME_AFTER.match(text, token_end) \
                    and not _place_at(doc, token_end + 1):
                continue  # 'Xi met visiting US Secretary of State Rex Tillerson': the guest visits (events.py)
            if trigger.relation == "reducesCooperation" and word in ("end", "ends") \
                    and _DETERMINER_BEFORE.search(text, max(0, start - 12), start) \
                    and _end_of_event().match(text, token_end):
                continue  # 'at the end of the meeting' is a time, not a break
            if trigger.relation == "agreesToCooperate" and word.startswith(("conclud", "wrap", "finali")) \
                    and _ended_event().search(text, start, hit.end()):
                continue  # 'concluded his official visit': the visit ended; nothing was agreed
            if trigger.relation in ("meetsWith", "visits") and word.startswith(("receiv", "welcom", "host")) \
                    and _PEOPLE_RECEIVED.search(text, max(0, start - 50), start):
                continue  # 'three migrants it received from the U.S.': people taken in, not a guest
            if may_hold(text[max(0, start - 40):start], ("any",)) \
                    and _ANY_ATTEMPT.search(text, max(0, start - 40), start):
                continue  # 'any attempt to halt the water would be an act of war': a hypothetical, nobody's act
            if trigger.relation in _THOUGHT_OF_RELATIONS and _hypothesis_before().search(text, max(0, start - 30),
                                                                                      start):
                continue  # 'discussed the possibility of accepting deported nationals': thought of, not done
            if trigger.relation == "threatened" and _protested_before().search(text, max(sentence.start, start - 140),
                                                                              start):
                continue  # 'protested the harassment, ramming and swarming of its vessels': an act complained of, told
                # from the side that suffered it (an act is no threat, and the protester does not do it)
            if trigger.relation in _TRIED_RELATIONS and _attempt_before().search(text, max(0, start - 50), start):
                continue  # 'attempted to negotiate a renewal of the agreement': tried, not agreed ('tried to host
                # talks between Kenya and Sudan': no talks were held, nor was a visit only tried made)
            if trigger.relation in _THOUGHT_OF_RELATIONS and ends_with_word(text[max(0, start - 60):start], "to") \
                    and _unnamed_takers_before().search(text, max(0, start - 60), start):
                continue  # "is seeking pacts with 'several nations' to accept deported migrants": takers unnamed
            if trigger.relation == "acceptsDeportees" and word.startswith(("receiv", "host")) \
                    and _migrants_on_their_own().match(text, hit.end()):
                continue  # 'receives most of the migrants who leave Tunisia by boat': arrivals, not returns
            if trigger.relation == "acceptsDeportees" and _TO_THEIR_HOMELAND.match(text, hit.end()):
                continue  # 'the return of Afghan refugees to their homeland': sent home, not taken in by the sender
            if trigger.relation in _DEPORTEE_RELATIONS and _demonym_as_adjective(text, start, hit.end()):
                continue  # 'rejects the Indian announcement': a demonym before a thing names no people
            if word in _NOUN_UNLESS_VERBAL and not _VERBAL_BEFORE.search(text, max(0, start - 12), start) \
                    and not (trigger.actor == "poss" and _OWNER_BEFORE.search(text, max(0, start - 30), start)):
                continue  # 'economic pressure' is a noun; 'to pressure Mexico', 'would pressure' are verbs (a row
                # that reads the noun with its owner: 'Washington's pressure on Abuja', 'US pressure to accept')
            if _not_this_sense(text, start, token_end, hit.end(), trigger):
                continue
            found.append(_Candidate(trigger, sentence, start, token_end, hit.end()))
    return found


def _required(doc: _Doc, require: re.Pattern[str], sentence: Sentence) -> bool:
    """A trigger's required words may stand in its sentence or in the sentences right before or after it; for
    the headline, also in the lead that tells the same story under a byline or a date ('Five Americans freed
    by Iran land in Doha' / 'By staff reports' / 'Five Americans who had been held for years ...')."""
    first = doc.sentences[max(0, sentence.index - 1)].start
    after = min(len(doc.sentences) - 1, sentence.index + 1)
    while sentence.index == 0 and after < min(len(doc.sentences) - 1, 3) \
            and len(doc.sentences[after].text.split()) < 8:
        after += 1  # a byline or a date line between the headline and the lead
    return require.search(doc.text, first, doc.sentences[after].end) is not None
