"""Trigger words used in another sense: why a match found in the text is not the stance it would name.

`_not_this_sense` is the last check a trigger match passes in candidates.py. Its neighbours tell that the words
mean something else ('Hurricane Melissa slammed into Jamaica' is no criticism, 'the offensive' is a campaign),
that a thing stands where a party should ('arms to be handed over to Kyiv', 'American films', 'free passage'),
that the act is only a topic, a wish or a hypothetical ('did not comment on the withdrawal', 'his intention to
meet', 'allegations that Niger had signed'), or that it is the opposite act ('the lifting of sanctions').
A retaliation promised in a sentence about trade is meant in its trade sense (`_trade_retaliation`).
The checks that apply to one relation only, and the phrase shapes only they use, are in relation_senses.py
(`_SENSE_CHECKS`). The word classes come from words.csv; the phrase shapes are the regexes below.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from graph.actors import word_classes
from graph.extract.lexicon import Trigger, _cue
from graph.extract.people_senses import _sense_patterns
from graph.extract.relation_senses import _SENSE_CHECKS
from graph.words import ends_with_word, may_hold

if TYPE_CHECKING:  # candidates.py reads this module
    from graph.extract.candidates import _Candidate

_WORDS = word_classes()  #: the word classes of words.csv, which the phrase shapes below are built around


def _trade_retaliation(text: str, candidate: _Candidate) -> bool:
    """'Beijing warned it would retaliate if Washington raised tariffs': a threat that names no means of its own
    (words.csv RETALIATION: 'would retaliate', 'vowed to respond') takes the field of its sentence, and where that
    is trade (TRADE: tariffs, duties, exports, imports) the answer promised is a trade measure, so the threat is
    one of sanctions (threatenedSanctions), not of force. A sentence that also names force (FORCE_PROPER: troops,
    strikes, missiles) keeps it a threat of force."""
    if candidate.relation != "threatened":
        return False
    wording = text[candidate.head_start:candidate.end]
    sentence = candidate.sentence.text
    return _cue("RETALIATION").search(wording) is not None and _cue("FORCE_PROPER").search(wording) is None \
        and _cue("TRADE").search(sentence) is not None and _cue("FORCE_PROPER").search(sentence) is None


#: Duties of an office, not levies: 'his duties', 'her official duties'
_OFFICE_DUTIES = re.compile(r"\b(?:his|her|their|my|our|official|diplomatic|consular)\s+(?:\w+\s+)?duties$", re.I)
#: 'the 30th anniversary of (the signing of) ...': what is remembered happened long before the report
_ANNIVERSARY_BEFORE = re.compile(r"\banniversary\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", re.I)


_DEPORTEE_RELATIONS = frozenset({"acceptsDeportees", "refusesDeportees"})
#: What someone comments on is the topic: 'did not comment on the', 'declined to comment about its'
_COMMENT_ON_BEFORE = re.compile(r"\bcomment(?:s|ed|ing)?\s+(?:on|about)\s+(?:(?:the|a|an|its|their|this|that)\s+)?$",
                                re.I)


#: A worry between a verb and its object ('raised concerns about ... cuts', 'voiced fears over ... sanctions'):
#: the verb's object is the worry, and the act after it is what the worry is about (words.csv CONCERNS_RAISED).
_CONCERN_GAP = re.compile(r"\b" + _WORDS["CONCERNS_RAISED"] + r"\s+(?:about|over|regarding|at|on|of|with|that)\b", re.I)


_WARNED_AGAINST = re.compile(r"\b" + _WORDS["WARNING_STEMS"] + r"\w*\s+(?:[\w'’.-]+\s+){0,3}against\s+$"
                             # 'asked for guarantees against taking in deportees': what is guarded against is not done
                             r"|\b" + _WORDS["SAFEGUARDS"] + r"\s+against\s+$", re.I)


@cache
def _alleged_that() -> re.Pattern[str]:
    """'allegations that Niger had signed', 'claims that Rwanda supplied' (words.csv ALLEGATIONS, with words of
    their spreading, ALLEGATION_SPREAD, between, or who made them and when: 'the claim made on Sunday by Iran's
    foreign minister that'): the act is only alleged, by someone else."""
    classes = word_classes()
    return re.compile(r"\b(?:" + classes["ALLEGATIONS"] + r")[\"”']?\s+"
                      r"(?:(?:" + classes["ALLEGATION_SPREAD"] + r")\s+){0,5}"
                      r"(?:(?:on\s+[A-Z]\w+\s+)?by\s+(?:[\w'’.-]+\s+){1,4}?)?that\s+[^.;:!?]*$"
                      r"|" + _UNANSWERED_REPORT, re.I)


#: A report its subject denies ('dismissed reports that it would take in migrants', 'denied a local newspaper
#: report that') or leaves unanswered ('declined to comment on Friday on Nigerien media reports that', 'had "no
#: information" on reports that'): what the report tells is not asserted, whatever its relation (a summons only
#: reported is no protest either). Up to three words of any kind say whose report it is.
_UNANSWERED_REPORT = (r"\b(?:(?:" + _WORDS["DENYING"] + "|" + _WORDS["DISMISSING_STEMS"] + r"\w*)\s+"
                      r"|(?:" + _WORDS["UNCONFIRMED_REPORTS"] + r")['’\"]?\s+(?:(?:on|this|last)\s+[A-Z]?\w+\s+)?"
                      r"(?:(?:on|about|of)\s+)?)"
                      r"(?:[\w'’-]+\s+){0,3}?reports?\s+that\s+[^.;:!?]*$")
_UNANSWERED_REPORT_BEFORE = re.compile(_UNANSWERED_REPORT, re.I)


#: ', and urged Baghdad': a verb joined after a comma and 'and' right before the trigger
_JOINED_AFTER_COMMA = re.compile(r",\s+and\s+(?:also\s+|then\s+)?$")
#: A rejecting verb right before an allegation ('rejected Iraq's claim', 'dismissed the allegations')
_REJECTING_BEFORE = re.compile(r"\b(?:" + _WORDS["DENYING"] + "|" + _WORDS["DISMISSING_STEMS"] + r"\w*)\s+"
                               r"(?:[\w'’.-]+\s+){0,3}$", re.I)


def _alleged_before(text: str, start: int) -> bool:
    """Whether an allegation or a denied report opens a that-clause in the 100 characters before `start`.

    Both readings of `_alleged_that` hold the word 'that', whose letters have no other case under re.I: a
    window without it (most) is ruled out by a substring test instead of the regex. A claim the subject rejects
    ends where a verb joined by ', and' starts: 'rejected Iraq's claim that the deal was void, and urged Baghdad
    to' tells the rejecter's next act, nothing alleged."""
    low = max(0, start - 100)
    if "that" not in text[low:start].lower():
        return False
    alleged = _alleged_that().search(text, low, start)
    return alleged is not None and not (
        _JOINED_AFTER_COMMA.search(text, alleged.start(), start) is not None
        and _REJECTING_BEFORE.search(text, max(0, alleged.start() - 40), alleged.start()) is not None)


def _report_left_unanswered(text: str, start: int) -> bool:
    """Whether a report its subject denies or leaves unanswered opens a that-clause in the 100 characters before
    `start` (`_UNANSWERED_REPORT`); the word 'that' rules out most windows by a substring test first."""
    low = max(0, start - 100)
    return "that" in text[low:start].lower() and _UNANSWERED_REPORT_BEFORE.search(text, low, start) is not None


#: A verb citing acts as examples or evidence right before the trigger, with at most an article (words.csv
#: CITING_VERBS): 'cited threats against', 'pointed to the sanctions on'; a party's word in between names the doer
_CITED_BEFORE = re.compile(r"(?<![\w-])(?:" + _WORDS["CITING_VERBS"] + r")\s+(?:the\s+|a\s+|an\s+)?$", re.I)
#: A word that makes the trigger's noun a published text right before it ('a press release from the Rwandan
#: government'): words.csv PUBLISHED_TEXT_BEFORE
_PUBLISHED_BEFORE = re.compile(r"(?<![\w-])(?:" + _WORDS["PUBLISHED_TEXT_BEFORE"] + r")\s+$", re.I)
#: A noun a trigger may start with ('agreement', 'cooperation'), as against a verb form of the same stem
_NOUN_HEAD = re.compile(r"(?:ment|tion|sion|ance|ence)s?$")
#: A passive predicate with its agent: ' was preceded by', ' were followed by'
_PASSIVE_PREDICATE = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?[a-z]+(?:ed|en)\s+by\b")

#: Keeping to a truce ('comply with the temporary ceasefire', 'abided by the truce'): words.csv KEEPING_TO, TRUCES
_BREACH = re.compile(_WORDS["KEEPING_TO"] + r"\s+(?:the\s+|a\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?"
                     + _WORDS["TRUCES"] + r"\b", re.I)
#: A past negation before it ('did not', 'has never'): what a party failed to do, told by another
_PAST_NOT_BEFORE = re.compile(r"\b(?:did|had|has|have)\s+(?:not|never)\s+$|\b(?:didn['’]t|hasn['’]t|haven['’]t|"
                              r"hadn['’]t)\s+$", re.I)


def _not_this_sense(text: str, start: int, head_end: int, end: int, trigger: Trigger) -> bool:
    """A trigger's words used in another sense, told by their neighbours.

    'Hurricane Melissa slammed into Jamaica' is no criticism; 'deportations of rejected asylum seekers' has an
    adjective, not a refusal ('of', 'the' before a participle glued to its noun); 'welcomed Russian
    military instructors' receives no migrants (a nationality followed by troops, firms, officials).
    The checks of one relation (`_SENSE_CHECKS`) run only for its triggers: every check only says yes, so the
    order they run in does not change the answer.
    """
    if _sense_patterns()[0].match(text, start):
        return True
    relation = trigger.relation
    checks = _SENSE_CHECKS.get(relation)
    if checks is not None and any(check(text, start, head_end, end, trigger) for check in checks):
        return True
    if may_hold(text[start:end], ("duties",)) and _OFFICE_DUTIES.search(text, start, end):
        return True  # 'would delay taking up his duties': the duties of an office, not levies
    if may_hold(text[max(0, start - 50):start], ("anniversary",)) \
            and _ANNIVERSARY_BEFORE.search(text, max(0, start - 50), start):
        return True  # 'the 70th anniversary of the establishment of relations': a date kept, not an act
    if may_hold(text[max(0, start - 30):start], ("comment",)) \
            and _COMMENT_ON_BEFORE.search(text, max(0, start - 30), start):
        return True  # 'did not comment on the withdrawal of the ambassadors': a topic, no act of the one asked
    if _BREACH.match(text, start) and _PAST_NOT_BEFORE.search(text, max(0, start - 20), start):
        return True  # '"Armenia did not comply with the ceasefire," the aide said': a breach told, no stance taken
    if relation not in ("threatened", "demands", "accuses") \
            and ends_with_word(text[max(0, start - 60):start], "against") \
            and _WARNED_AGAINST.search(text, max(0, start - 60), start):
        return True  # 'cautioned Iraq against cutting ties': the act warned against is not done
    if _report_left_unanswered(text, start):
        return True  # 'declined to comment on reports that Nepal had summoned the envoy': only reported
    if relation != "accuses" and _alleged_before(text, start):
        return True  # 'rejected "false allegations" that Niger had signed a secret deal': only alleged
    if text[start:start + 7].lower() == "release" and _PUBLISHED_BEFORE.search(text, max(0, start - 20), start):
        return True  # 'answered a press release from the Kenyan government': a statement put out, nobody freed
    if _CITED_BEFORE.search(text, max(0, start - 40), start):
        return True  # 'He cited threats against Venezuela and Cuba': acts the subject speaks of, done by another
    if relation != "accuses" and _CONCERN_GAP.search(text, head_end, end):
        return True  # 'raises concerns about US aid cuts': the concern is raised, nothing is imposed
    return _NOUN_HEAD.search(text[start:head_end].lower()) is not None and "by" not in trigger.actor.split("|") \
        and _PASSIVE_PREDICATE.search(text, head_end, end) is not None
    # ('the agreement was preceded by visits by Qatari officials': the noun is the subject of a predicate of its
    # own; what its 'by' names did that, not what the noun says)
