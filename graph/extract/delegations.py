"""States that meet or travel through the people their wording names: talks are held by governments, and a
delegation sent or led abroad visits for the state that sends it.

Visits and meetings need an official, a body or a government as their party, since a bare place name does not
travel ('Brazil threatened Argentina' in a match report is teams). Two wordings make a state named alone the
party all the same: a noun of talks ('Kenya and Ethiopia held talks') and a traveller the wording itself names
('Iran will send a delegation to Riyadh', 'Iran will lead a delegation to Saudi Arabia').
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors import word_classes
from graph.extract.candidates import _Candidate
from graph.extract.document import _Doc
from graph.records import Mention


@cache
def _talks() -> re.Pattern[str]:
    """A noun of talks (words.csv TALKS_NOUNS): talks are held by governments, even when the text names only the
    countries."""
    return re.compile(r"\b(?:" + word_classes()["TALKS_NOUNS"] + r")\b", re.I)


@cache
def _travellers() -> re.Pattern[str]:
    """A party that travels for a state (words.csv TRAVELLERS: 'a delegation', 'envoys'): the state that sends or
    leads it is the one visiting."""
    return re.compile(r"\b(?:" + word_classes()["TRAVELLERS"] + r")\b", re.I)


def names_its_traveller(pattern: str) -> bool:
    """Whether a trigger's wording has a slot for the party sent ('send* [3] @TRAVELLERS [5] to', 'lead* [3]
    delegation|mission [5] to'): a traveller merely nearby is no one the state sends ('during the visit leaders
    of the two countries will exchange views' is no visit by a country)."""
    return "@TRAVELLERS" in pattern or _travellers().search(pattern.replace("_", " ")) is not None


def states_act_through(doc: _Doc, candidate: _Candidate, group: list[Mention]) -> bool:
    """Whether the states named as a meeting's or a visit's party act through what the wording itself names: the
    sides of talks ('Kenya and Ethiopia held talks', 'Iran held talks with Oman'), or the delegation a state sends
    or leads ('Iran will lead a delegation to Saudi Arabia': its delegation travels)."""
    if doc.sports:
        return False  # a country's team or delegation at games is its athletes
    if candidate.relation == "visits":
        return names_its_traveller(candidate.trigger.pattern)
    return (candidate.relation == "meetsWith"
            and (len(group) > 1 or candidate.trigger.target in ("with", "pair"))
            and _talks().search(doc.text, candidate.head_start, candidate.end) is not None)
