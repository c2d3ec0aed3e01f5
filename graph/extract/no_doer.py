"""Wordings whose doer is nobody the text names there: no party acts, so the trigger gives no event.

A passive whose subject is the one acted on ('has been accused', 'was hit with'), a clause reported after a
speech verb whose subject is a thing ('said the renewed fighting undermines'), a noun act that a speaker judges
in a clause of its own ('said the termination of the pact was regrettable'), and countries left unnamed as the
subject ('Several Central American countries agreed'). attribution.py sets these aside before any actor rule.
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors import word_classes, word_lists
from graph.extract.candidates import _Candidate
from graph.extract.dates import _WEEKDAYS
from graph.extract.document import _Doc
from graph.extract.subject_wordings import _SAID_DECISION
from graph.records import Mention

_PASSIVE_AUX = re.compile(r"\b(?:was|were|been|being|is|are|be|get|gets|got)\s+(?:\w+ly\s+)?$", re.I)


#: Participles after 'is' or 'was' that tell the subject's own stance ('is opposed to', 'was determined to').
_STANCE_PARTICIPLES = frozenset({"opposed", "determined", "committed", "prepared", "concerned", "worried",
                                 "alarmed", "disappointed", "angered", "outraged", "frustrated", "resolved",
                                 "inclined", "poised", "set", "keen", "ready", "willing", "pleased", "dissatisfied",
                                 "displeased", "unhappy", "incensed", "infuriated", "dismayed", "appalled",
                                 "horrified", "shocked"})


#: A common noun right before a participle, and 'on' with no day after it: 'a crisis blamed on the war' (an active
#: verb puts its object first: 'blamed the crisis on', 'blamed on Monday')
_NOUN_BEFORE = re.compile(r"(?<![\w-])(?!(?:who|that|which|he|she|they|it|we|also|then|and|but|has|have|had)\b)"
                          r"[a-z]+\s+(?:\w+ly\s+)?$")
_ON_NO_DAY = re.compile(r"\s+on\s+(?!(?:" + "|".join(_WEEKDAYS) + r")\b)")


def _blame_on_noun(doc: _Doc, candidate: _Candidate, head: str) -> bool:
    """Whether a participle of blame (words.csv BLAMING_PARTICIPLES) hangs on the noun before it ('an economic crisis
    blamed on the war'): a passive that names no one who blames."""
    return head in word_lists()["BLAMING_PARTICIPLES"] and _ON_NO_DAY.match(doc.text, candidate.head_end) is not None \
        and _NOUN_BEFORE.search(doc.text, max(candidate.sentence.start, candidate.head_start - 30),
                                candidate.head_start) is not None


def _agentless_passive(doc: _Doc, candidate: _Candidate) -> bool:
    """Whether the trigger opens with a passive participle ('has been accused', 'was hit with') whose
    subject is its patient."""
    head = doc.text[candidate.head_start:candidate.head_end].lower()
    if _blame_on_noun(doc, candidate, head):
        return True
    if head in _STANCE_PARTICIPLES or not (head.endswith("ed") or head in ("hit", "put", "struck", "slapped")):
        return False
    return _PASSIVE_AUX.search(doc.text, max(candidate.sentence.start, candidate.head_start - 30),
                               candidate.head_start) is not None


#: '<speaker> said the ...' right before a noun, and the noun's clause going on with 'was', 'is', 'would be'
_SAID_THE = re.compile(r"\b(?:said|says|stated|called|described|added)\s+(?:that\s+)?the\s+$")
_JUDGED_AFTER = re.compile(r"[^.;:,]{0,50}?\b(?:was|is|were|are|would\s+be|had\s+been|has\s+been)\b")
_NOMINAL = re.compile(r"[a-z]+(?:tion|sion|ment|al|ure|ance)$")


@cache
def _called_the() -> re.Pattern[str]:
    """'called the removal of the tariffs "a terrific outcome"': a verb of naming (words.csv CALLING_VERBS), then
    a label right after its object."""
    return re.compile(r"\b(?:" + word_classes()["CALLING_VERBS"] + r")\s+the\s+$")


_LABEL_AFTER = re.compile(r"[^.;:,\"“]{0,40}?\s+(?:[\"“‘']|(?:as\s+)?(?:a|an)\s)")


#: '<speaker> said the renewed fighting ' right before a verb: a clause whose subject is a thing
_SAID_THING = re.compile(r"\b(?:said|says|stated|added|warned|noted|argued|insisted)\s+(?:that\s+)?"
                         r"(?:the|a|an|this|these|such)\s+(?:[\w-]+\s+){0,3}$")


@cache
def _faulted_after() -> re.Pattern[str]:
    """A clause's verb and a word of blame after its subject ('... was regrettable'): words.csv WEAKEVAL."""
    return re.compile(r"[^.;:,]{0,50}?\b(?:was|is|were|are|would\s+be)\s+(?:\w+\s+){0,2}?(?:"
                      + word_classes()["WEAKEVAL"] + r")\b", re.I)


def _thing_subject(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> bool:
    """Whether the trigger's clause, reported after a speech verb, has a subject that names no party."""
    if candidate.trigger.actor.split("|")[0] != "left" and candidate.trigger.target.split("|")[0] != "subject":
        return False  # (a 'subject' target is the clause's subject: 'said Kigali undermines', not 'said the war')
    said = _SAID_THING.search(doc.text, max(candidate.sentence.start, candidate.head_start - 60),
                              candidate.head_start)
    if said is None:
        return False
    if _SAID_DECISION.search(doc.text, candidate.sentence.start, candidate.head_start) \
            and not _faulted_after().match(doc.text, candidate.end):
        return False  # 'Rubio said the decision to revoke visas came because': a decision explained is the speaker's
        # side's (one called 'regrettable' or 'unfair' is another's)
    return not any(said.start() <= m.start < candidate.head_start for m in mentions)


def _evaluated_noun(doc: _Doc, candidate: _Candidate) -> bool:
    """Whether the trigger is a noun ('the termination of the pact') that a speaker judges in a clause of
    its own ('Kono said the termination of the pact was regrettable') or labels ('Farrell called the removal of
    the tariffs "a terrific outcome"'): the act is someone else's."""
    head = doc.text[candidate.head_start:candidate.head_end].split(" ", 1)[0].lower()
    # ('Hanoi said the interference of Laos was a violation': a charged act named is the speaker's charge)
    return candidate.trigger.relation != "accuses" and _NOMINAL.fullmatch(head) is not None \
        and _SAID_THE.search(doc.text, max(candidate.sentence.start, candidate.head_start - 20),
                             candidate.head_start) is not None \
        and (_JUDGED_AFTER.match(doc.text, candidate.end) is not None
             or _called_the().search(doc.text, max(candidate.sentence.start, candidate.head_start - 20),
                                   candidate.head_start) is not None
             and _LABEL_AFTER.match(doc.text, candidate.end) is not None)


#: Countries left unnamed as the subject right before the trigger, with only auxiliaries and a verb between
#: ('Central American countries agreed to', 'Several nations have already').
@cache
def _group_subject() -> re.Pattern[str]:
    # ('the home nations of these deportees were unwilling to accept them': the group's own 'of' phrase)
    return re.compile(r"\b(?:" + word_classes()["STATES"] + r")(?:\s+of(?:\s+[\w-]+){1,3}?)?"
                      r"\s+(?:(?:have|has|had|also|already|now|would|will|could|were|are|was|is|quickly|since)\s+)*"
                      r"(?:[a-z]+ed\s+|(?:un)?willing\s+|reluctant\s+|(?:un)?able\s+|ready\s+|prepared\s+)?"
                      r"(?:to\s+)?$")


#: A verb of urging right before a group it addresses: 'urged countries to', 'called on other nations to'
_URGING_BEFORE = re.compile(r"\b(?:urg\w*|ask\w*|press\w*|call\w*\s+on|appeal\w*\s+to|encourag\w*)\s+"
                            r"(?:[\w-]+\s+)?$", re.I)


#: 'Japan was one of the first countries to', 'among the few nations to': the group holds the party named before it
_ONE_OF = re.compile(r"\b(?:one\s+of|among)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)
#: 'Canada and Qatar became the latest states to': the group is what the parties named right before the verb are
_NAMED_AS_GROUP = re.compile(r"\s+(?:also\s+)?(?:became|become|becomes|were|are)\s+the\s+(?:[\w-]+\s+){0,2}$")


def _parties_called_group(doc: _Doc, mentions: list[Mention], start: int) -> bool:
    """Whether the group before a trigger is the predicate of parties named right before its verb ('Chile, Peru
    and Norway became the newest states to send help'): the parties named act, each of them."""
    copula = _NAMED_AS_GROUP.search(doc.text, max(0, start - 40), start)
    return copula is not None and any(m.end == copula.start() and m.country for m in mentions)


def _unnamed_group_subject(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> bool:
    """True when the trigger's subject is a group of countries the text does not name there: no party acts.
    'Mexico and other countries agreed' names Mexico; 'these countries' are named back by the actor finder."""
    match = _group_subject().search(doc.text, max(candidate.sentence.start, candidate.head_start - 60),
                                  candidate.head_start)
    if match is None or re.search(r"\b(?:other|these|those|the\s+two|both|such)\s+(?:[\w-]+\s+)?$",
                                  doc.text[max(0, match.start() - 30):match.start()]) \
            or _ONE_OF.search(doc.text, max(0, match.start() - 40), match.start()) \
            or _parties_called_group(doc, mentions, match.start()):
        return False
    if candidate.relation == "accuses" and candidate.trigger.target.startswith("inside") \
            and _URGING_BEFORE.search(doc.text, max(0, match.start() - 30), match.start()):
        return False  # 'Lithuania urged countries to resist Chinese coercion': the group is urged, the urger charges
    return not any(match.start() - 40 <= m.start < candidate.head_start and m.end > match.start() - 2
                   for m in mentions)


@cache
def _private_doer() -> re.Pattern[str]:
    """A person or group who acts for no state right before an '-ing' trigger, perhaps after an adverb and a verb
    with 'to' ('gang leaders working with', 'a man who confessed to cooperating with'): words.csv
    PRIVATE_DOERS, PRIVATE_PERSONS, NON_STATE_AGENTS and ARMED_GROUPS."""
    classes = word_classes()
    nouns = "|".join(classes[name] for name in ("PRIVATE_DOERS", "PRIVATE_PERSONS", "NON_STATE_AGENTS", "ARMED_GROUPS"))
    return re.compile(r"(?<![\w-])(?:" + nouns + r")\s+(?:(?:who|that)\s+)?(?:[a-z]+ly\s+)?"
                      r"(?:[a-z]+ed\s+to\s+)?$", re.I)


def _private_doer_subject(doc: _Doc, candidate: _Candidate) -> bool:
    """True when an '-ing' trigger hangs on a person or group who holds no office: the participle is that doer's
    act, not the act of the party the clause names before it ('the UK targeted gang leaders working with Iran';
    'a Ukrainian man confessed to cooperating with Russian intelligence')."""
    if not doc.text[candidate.head_start:candidate.head_end].lower().endswith("ing"):
        return False
    return _private_doer().search(doc.text, max(candidate.sentence.start, candidate.head_start - 60),
                                  candidate.head_start) is not None


@cache
def _charge_noun() -> re.Pattern[str]:
    """A charge brought against someone, as words.csv CHARGE_NOUNS names it ('the charge', 'the allegations')."""
    return re.compile(r"\b(?:" + word_classes()["CHARGE_NOUNS"] + r")\b", re.I)


def own_charge_denied(doc: _Doc, candidate: _Candidate, actor: Mention) -> bool:
    """'US prosecutors accused Saab of laundering money. He has denied the charge': a person who holds no office
    answers a charge against himself, and no state rejects anything (an official's denial speaks for his)."""
    if candidate.relation != "rejects" or actor.type != "person" or actor.role:
        return False
    person = doc.actors.persons.get(actor.key)
    if person is not None and person.role:
        return False
    return _charge_noun().search(doc.text, candidate.head_start, candidate.end) is not None


@cache
def _held_by_deal() -> re.Pattern[str]:
    """A deal or its part (words.csv TIES, DEAL_PARTS), then a verb of containing (CONTAINING) right before a noun
    act, perhaps after an article: 'the first phase will include the release of', 'a deal that involves an exchange
    of', 'the plan provides for the return of'."""
    classes = word_classes()
    return re.compile(r"\b(?:" + classes["TIES"] + "|" + classes["DEAL_PARTS"] + r")\b[^.;:]{0,40}?\b(?:"
                      + classes["CONTAINING"] + r")\s+(?:(?:the|a|an|its|their)\s+)?"
                      r"(?:(?:full|phased|gradual|immediate|first|initial|eventual)\s+)?$", re.I)


def _act_held_by_deal(doc: _Doc, candidate: _Candidate) -> bool:
    """Whether the trigger is a noun act a deal is said to hold ('Sheikh Mohammed said the first phase will include
    the release of 33 Israeli hostages'): the deal's parties do it, and when the wording names none ('by Hamas',
    'held in Gaza' are read by other wordings), no party read from the sentence around it does."""
    head = doc.text[candidate.head_start:candidate.head_end].split(" ", 1)[0].lower()
    if head not in word_lists()["CONTAINED_ACTS"] and _NOMINAL.fullmatch(head) is None:
        return False
    return _held_by_deal().search(doc.text, max(candidate.sentence.start, candidate.head_start - 90),
                                  candidate.head_start) is not None
