"""Checks `_sentence_events` (events.py) makes on a sentence's readings before it makes events of them: troops
leaving a third country are no expulsion by the actor, parties thanked together did their parts for the
thanker, one wording can state two acts ('switched relations from Taiwan to China') or a measure inside a
charge's label ('called the U.S. sanctions a violation'), a tie named after what is ended is ended too, and the
offence of a punished person is no act between states.
"""

from __future__ import annotations

import re

from graph.extract.candidates import _Candidate
from graph.extract.document import _Doc
from graph.extract.pairs import _MUTUAL
from graph.records import Mention

#: 'thanked the governments of Ghana and Nigeria for facilitating': the parties thanked, each for its own part
_THANKED_FOR = re.compile(r"\bthank(?:s|ed|ing)?\b[^.;:]{0,80}\bfor\s+$", re.I)
_FROM_AFTER = re.compile(r"\s+((?:from|in)\s+|(?:sent|deployed|dispatched|stationed|based)\s+(?:to|in)\s+)?(?:the\s+)?")
#: 'withdraw its border troops to the Indian side': a pullback behind a line, not a departure from the actor's soil
_PULLBACK = re.compile(r"\s+(?:back\s+)?to\s+(?:the|their|its|his|her)\s+(?:own\s+)?(?:[\w-]+\s+){0,2}side\b", re.I)
#: 'to end the presence of American forces in Syria': forces somewhere else than the actor's soil
_PRESENCE = re.compile(r"\bpresence\b", re.I)
_EXPEL_HEAD = re.compile(r"(?:expel|expuls)", re.I)


def _withdrawn_from_elsewhere(doc: _Doc, candidate: _Candidate, pairs: list) -> bool:
    """'urged Togo to withdraw its troops from Burkina Faso': troops leaving a third country are no expulsion
    by the actor (the urging is a demand); nor is ending their presence in one ('end the presence of American
    forces in Syria'), calling home troops sent to one ('the withdrawal of North Korean troops sent to Russia'), or
    pulling troops back behind a line ('withdraw its border troops to the Indian side of the border')."""
    if candidate.relation != "threatenedExpulsion" or _EXPEL_HEAD.match(doc.text, candidate.head_start):
        return False  # 'expelled the ambassador from Peru': the envoy's country, expelled from the actor's own
    if _PULLBACK.match(doc.text, candidate.end):
        return True
    after = _FROM_AFTER.match(doc.text, candidate.end)
    wording = doc.text[candidate.head_start:candidate.end]
    if after is None or (not after.group(1) and not re.search(r"\b(?:leave|exit|quit)$", wording)) \
            or (after.group(1) or "").startswith("in") and not _PRESENCE.search(wording):
        return False  # ('Ethiopian troops should leave Somalia', said in Nairobi: Kenya expels nobody)
    place = next((m for m in doc.mentions(candidate.sentence) if m.start == after.end() and m.type == "country"), None)
    return place is not None and all(place.country != actor.country for actor, _ in pairs)


#: a wording that ends on a preposition of place ('hosted a dinner in', 'arrived at', 'went to'): a place follows
_PLACE_PREPOSITION_END = re.compile(r"\b(?:in|at|to|into)$", re.I)


#: what may stand between a preposition and a person's name: capitalised words of a title ('Indian Prime Minister')
_TITLE_RUN = re.compile(r"\s+(?:(?:the\s+)?[A-Z][\w.-]*\s+){0,5}")


def _person_as_place(doc: _Doc, candidate: _Candidate, pairs: list) -> bool:
    """'who hosted a dinner in PM Modi's honour': a visit's wording that ends on a preposition of place names
    where one went, so a person right after it is no place and the host's dinner no trip to that person's
    country. Every visit wording of the kind is held to this, whatever its words."""
    if candidate.relation != "visits" \
            or not _PLACE_PREPOSITION_END.search(doc.text, candidate.head_start, candidate.end):
        return False
    # ('welcomed the Estonian delegation to Berlin', the host named before: a person there is no destination)
    targets = [target for _, ts in pairs for target in ts]
    if targets and all(isinstance(target, Mention) and target.type == "person" and target.start >= candidate.end
                       for target in targets):
        return True
    # 'in Indian Prime Minister Narendra Modi's honour': a person's possessive after a title opens the phrase
    return any(m.type == "person" and m.start >= candidate.end and doc.text.startswith(("'s", "’s"), m.end)
               and _TITLE_RUN.fullmatch(doc.text, candidate.end, m.start) for m in doc.mentions(candidate.sentence))


def _thanked_together(doc: _Doc, candidate: _Candidate, pairs: list) -> bool:
    """'I thank the governments of Ghana and Nigeria for facilitating this flight': the parties thanked together
    each did their part for the thanker; a mutual act between two of them, both named before the trigger, is read
    from the list of thanks, not from the text."""
    return candidate.relation in _MUTUAL and all(
        isinstance(target, Mention) and target.start < candidate.head_start for _, targets in pairs
        for target in targets) \
        and _THANKED_FOR.search(doc.text, max(candidate.sentence.start, candidate.head_start - 120),
                                candidate.head_start) is not None


def _switch_of_sides(doc: _Doc, one: _Candidate, other: _Candidate) -> bool:
    """'switched diplomatic relations from Taiwan to China' is two acts of one wording: a break with the first
    party and a tie with the second."""
    return one.head_start == other.head_start and {one.relation, other.relation} == _SWITCH_RELATIONS \
        and _SWITCH_HEAD.match(doc.text, one.head_start) is not None


def _labelled_measure(doc: _Doc, outer: _Candidate, inner: _Candidate) -> bool:
    """'Zarif called the U.S. sanctions against Iran a violation of human rights': a charge whose label wraps a
    measure told inside it keeps both, the measure and the charge against its owner."""
    return outer.relation == "accuses" and inner.relation in ("threatenedSanctions", "reducesCooperation") \
        and outer.head_start < inner.head_start and inner.end <= outer.end \
        and _LABEL_HEAD.match(doc.text, outer.head_start) is not None


def _opposed_visit(doc: _Doc, outer: _Candidate, inner: _Candidate) -> bool:
    """'China opposes the visit of the US speaker to Taiwan': opposing a visit told inside the wording keeps both,
    the objection to its maker and the visit itself, which goes ahead or is planned all the same (refusing or
    cancelling one is told by other wordings and stops it)."""
    pair = {outer.relation, inner.relation}
    if pair != {"rejects", "visits"}:
        return False
    rejection = outer if outer.relation == "rejects" else inner
    visit = inner if rejection is outer else outer
    return rejection.head_start <= visit.head_start and visit.head_end <= rejection.end \
        and _OPPOSE_HEAD.match(doc.text, rejection.head_start) is not None


def talks_before_deal(doc: _Doc, outer: _Candidate, inner: _Candidate) -> bool:
    """'The pact was signed following talks between Tajikistan and Kyrgyzstan': talks told inside a deal's wording
    as what came before it keep both, the deal and the meeting that led to it (talks still to be held, 'agreed to
    hold talks', are only planned and stay inside the agreement)."""
    if {outer.relation, inner.relation} != {"agreesToCooperate", "meetsWith"}:
        return False
    deal = outer if outer.relation == "agreesToCooperate" else inner
    talks = inner if deal is outer else outer
    return deal.head_start <= talks.head_start and talks.head_end <= deal.end \
        and _TALKS_BEFORE.search(doc.text, max(deal.head_start, talks.head_start - 40), talks.head_start) is not None


#: What says the talks came first: 'following talks', 'after two days of talks', 'following four days of discussions'
_TALKS_BEFORE = re.compile(r"\b(?:following|after)\s+(?:the\s+)?(?:(?:[\w-]+\s+){1,3}of\s+)?(?:[\w-]+\s+)?$", re.I)


#: A verb putting a label on its object: 'called', 'described', 'branded', 'mocked ... as'
_LABEL_HEAD = re.compile(r"(?:call|describ|brand|label|term|dub|characteri|portray|mock|derid|ridicul)", re.I)
_SWITCH_RELATIONS = {"reducesCooperation", "agreesToCooperate"}
_SWITCH_HEAD = re.compile(r"(?:switch|shift)", re.I)
_OPPOSE_HEAD = re.compile(r"oppos", re.I)


def _joined_to_ended(doc: _Doc, candidate: _Candidate, kept: list[_Candidate]) -> bool:
    """'ended all trade deals and cooperation with Chile': a tie named after 'and' right behind what a reducing
    trigger ends is a second thing ended, no tie agreed."""
    return candidate.relation == "agreesToCooperate" and any(
        k.relation == "reducesCooperation" and k.end <= candidate.head_start
        and (_AND_OBJECT.fullmatch(doc.text, k.end, candidate.head_start)
             or (_ENDED_PACT.search(doc.text, k.head_start, k.end) is not None
                 and _PACT_TOPIC.fullmatch(doc.text, k.end, candidate.head_start) is not None))
        for k in kept)


#: Between two objects of one verb: ' and ', ' and all ', ' and its '
_AND_OBJECT = re.compile(r",?\s+and\s+(?:(?:all|its|their|the|any)\s+)?")
#: 'ended the agreement on military cooperation with Belgrade': the cooperation is the topic of the pact ended
_ENDED_PACT = re.compile(r"\b(?:agreements?|accords?|pacts?|treat(?:y|ies)|deals?|documents?|memorand\w*)$", re.I)
_PACT_TOPIC = re.compile(r"\s+(?:on|of|for|about|concerning|regarding|in\s+the\s+field\s+of)\s+(?:the\s+)?"
                         r"(?:[\w-]+\s+){0,3}")


#: A punishment of a person and its ground: 'imprisoned for', 'sentenced to eight years for publicly'
_PUNISHED_FOR = re.compile(r"\b(?:imprisoned|jailed|convicted|sentenced|arrested|detained|prosecuted|fined|punished|"
                           r"persecuted|charged|tried)\s+(?:[\w-]+\s+){0,6}?for\s+(?:\w+ly\s+)?$", re.I)


def _offence_of_the_punished(doc: _Doc, candidate: _Candidate) -> bool:
    """'Ilya Yashin, imprisoned for criticizing the war': a gerund after a punishment's 'for' is what the punished
    person did, an offence in the eyes of the state that punished it, no act of any state toward another."""
    return doc.text[candidate.head_start:candidate.head_end].lower().endswith("ing") \
        and _PUNISHED_FOR.search(doc.text, max(0, candidate.head_start - 60), candidate.head_start) is not None
