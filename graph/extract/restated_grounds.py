"""Charges read from the reason of a measure told again in a later sentence.

A measure is often told twice: once in the report's words ('Chile had called its ambassador home from Bolivia') and once
in the actor's statement, which opens on its reason ('In light of the strikes carried out by X on border towns,
the decision was made to call our envoy home'). The second telling may yield no event of its own (no actor is
named), or its reason may stand too far before its wording for `implied_charges`, so its reason is read here as the
ground of the measure told before: the measure's sentence or a later one that repeats a word of its trigger (or
names it back, words.csv MEASURE_NAMED_BACK), names the measure's target and opens on a reason (REASON_OPENERS)
charges that target when the reason is conduct that charges whoever does it (CHARGED_CONDUCT) or a violent act
(VIOLENT_ACTS) said to be done by the target itself.
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors import word_classes
from graph.extract.document import _Doc
from graph.extract.implied_charges import charge_of_measure
from graph.records import Event

#: The measures whose reason may charge the party they are taken against
_MEASURES = frozenset({"threatenedExpulsion", "reducesCooperation", "threatenedSanctions", "refusesDeportees"})
#: How many sentences after the measure its second telling may stand
_REACH = 3
#: Trigger words too common to show that a sentence tells the same measure again
_FUNCTION_WORDS = frozenset({"its", "their", "the", "to", "from", "for", "with", "against", "on", "of", "his", "her"})


@cache
def _opening_reason() -> re.Pattern[str]:
    """A sentence (or the quotation after its 'said in a statement:') opening on a reason (words.csv
    REASON_OPENERS) whose conduct is named within the same clause (no comma or semicolon between): the conduct is
    group 'charged' when it charges whoever does it, group 'act' when it is a violent act, which charges only its
    doer."""
    classes = word_classes()
    return re.compile(r"(?:[^:.\n]{0,120}:)?[\W]{0,3}(?:" + classes["REASON_OPENERS"]
                      + r")\s+[^,;.:]{0,160}?\b(?:(?P<charged>" + classes["CHARGED_CONDUCT"]
                      + r")|(?P<act>" + classes["VIOLENT_ACTS"] + r"))\b", re.I)


#: The doer of the conduct, named with 'by' right after it: 'attacks launched by Israel', 'meddling by Moscow'
_DOER = re.compile(r"(?:\s+[\w-]+){0,2}?\s+by\s+(?:the\s+)?", re.I)


def _repeats_measure(doc: _Doc, event: Event, start: int, end: int) -> re.Match[str] | None:
    """Where the sentence names the measure again: a word of its trigger ('ambassador' of 'summoned its ambassador
    to') or a phrase that names a measure back ('the decision')."""
    words = [w for w in event.trigger.lower().split() if w not in _FUNCTION_WORDS and len(w) > 3]
    alternatives = [re.escape(w) for w in words] + [word_classes()["MEASURE_NAMED_BACK"]]
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.I).search(doc.text, start, end)


def _charge_of_reason(doc: _Doc, sentence, event: Event, before: int) -> re.Match[str] | None:
    """The reason the sentence opens on, before the measure is named again, when it charges the measure's target:
    a doer named with 'by' must be the target (a violent act needs one); without one, no other party may be named
    in it."""
    match = _opening_reason().match(doc.text, sentence.start, before)
    if match is None:
        return None
    doer = _DOER.match(doc.text, match.end())
    if doer is not None:  # (a place named in the reason is no doer: 'the tragedy in Gaza due to attacks by Israel')
        by = next((m for m in doc.mentions(sentence) if m.start == doer.end()), None)
        return match if by is not None and by.country == event.target_country else None
    named = {m.country for m in doc.mentions(sentence) if m.country and match.start() <= m.start < match.end()}
    return match if not match.group("act") and named <= {event.target_country, event.actor_country} else None


def _accusations_of_restated_grounds(doc: _Doc, events: list[Event]) -> list[Event]:
    """'Chile had called its ambassador home from Bolivia. ... In light of the strikes carried out by Bolivia
    on border towns, the decision was made to call our ambassador home': the reason a later sentence gives for the
    measure told again accuses its target, as a reason told in the measure's own sentence does."""
    found: list[Event] = []
    have = {(e.actor_country, e.target_country) for e in events if e.relation == "accuses"}
    for event in events:
        if event.relation not in _MEASURES or not event.actor_country or not event.target_country \
                or not event.trigger or (event.actor_country, event.target_country) in have:
            continue
        for index in range(event.sequence, min(event.sequence + 1 + _REACH, len(doc.sentences))):
            sentence = doc.sentences[index]
            if not any(m.country == event.target_country for m in doc.mentions(sentence)):
                continue
            again = _repeats_measure(doc, event, sentence.start, sentence.end)
            match = _charge_of_reason(doc, sentence, event, again.start()) if again is not None else None
            if match is None:
                continue
            made = charge_of_measure(doc, sentence, event, "(reason of the measure told again)", match.start(),
                                     match.end())
            if made is not None:
                have.add((event.actor_country, event.target_country))
                found.append(made)
                break
    return found
