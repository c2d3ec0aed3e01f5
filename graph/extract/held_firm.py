"""Wordings that hold one's own demand firm, which refuse nothing of another's.

'Seoul said its demand that Tokyo apologise is non-negotiable': what is said to be beyond negotiation (words.csv
HELD_FIRM) is a demand, an offer or terms the speaker put forward (PROPOSED), or a deal it wants (PACT_NOUNS: 'an
agreement on these deportations was non-negotiable'), so the speaker insists on it. The same wording said of a
thing held ('the islands are not negotiable') refuses the other side's claim, and stays a rejection.
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors import word_classes
from graph.extract.candidates import _Candidate
from graph.extract.document import _Doc


@cache
def _held_firm() -> re.Pattern[str]:
    """The wording of a thing beyond negotiation, as the whole trigger (words.csv HELD_FIRM)."""
    return re.compile(r"(?:" + word_classes()["HELD_FIRM"] + r")", re.I)


@cache
def _proposal_before() -> re.Pattern[str]:
    """A demand, an offer (words.csv PROPOSED) or a deal (PACT_NOUNS) that the rest of the clause before the
    trigger says something of: its content after 'for', 'that', 'to', 'on' or 'over', then a verb 'to be' ('its
    demand that Tokyo apologise is '); or the object of a verb of calling ('called its demand ')."""
    determiner = r"(?:its|their|our|his|her|my|an?|the|this|that|these|those|[A-Z][\w.'’-]*['’]s?)\s+(?:[\w-]+\s+)?"
    noun = r"(?:" + word_classes()["PROPOSED"] + "|" + word_classes()["PACT_NOUNS"] + r")"
    return re.compile(r"\b" + determiner + noun + r"(?:\s+(?:for|that|to|on|over)\s+[^,;:.!?]{1,80}?)?\s+(?:is|are|was|"
                      r"were|"
                      r"remains?|remained|would\s+be|will\s+be|has\s+been|had\s+been)\s+(?:[a-z]+ly\s+|still\s+)?"
                      r"[\"“']?$|\bcall(?:s|ed|ing)?\s+" + determiner + noun + r"\s+[\"“']?$", re.I)


def _own_demand_held_firm(doc: _Doc, candidate: _Candidate) -> bool:
    """Whether the trigger says a demand or offer is beyond negotiation ('called its demand non-negotiable'):
    an insistence on what one asks, which is no refusal of the other side."""
    if candidate.relation != "rejects" or not _held_firm().fullmatch(doc.text, candidate.head_start, candidate.end):
        return False
    start = max(candidate.sentence.start, candidate.head_start - 160)
    return _proposal_before().search(doc.text, start, candidate.head_start) is not None
