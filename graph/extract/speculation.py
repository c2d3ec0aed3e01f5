"""Acts that onlookers guess at: 'Analysts at a Singapore bank said China could restrict rare-earth exports to
Japan', 'the opinion of commentators in Warsaw is that Lithuania might ask Poland for patrols'. Analysts,
commentators and other onlookers (words.csv SPECULATORS) say what a state could do; no state has said or done it,
so the sentence states no stance.
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors import word_classes
from graph.extract.candidates import _Candidate
from graph.extract.document import _Doc

#: A guess right before the trigger's verb: 'could restrict', 'might one day push', 'may well ask'
_GUESSED_BEFORE = re.compile(r"\b(?:could|might|may)\s+(?:[\w-]+\s+){0,2}$", re.I)


@cache
def _speculators() -> re.Pattern[str]:
    """Onlookers who guess at states' acts (words.csv SPECULATORS)."""
    return re.compile(r"(?<![\w-])(?:" + word_classes()["SPECULATORS"] + r")(?![\w-])", re.I)


def speculated(doc: _Doc, candidate: _Candidate) -> bool:
    """Whether the act is only an onlooker's guess: a 'could', 'might' or 'may' right before its verb, in a sentence
    whose sayer is an analyst, commentator or other onlooker."""
    sentence = candidate.sentence
    before = doc.text[max(sentence.start, candidate.head_start - 40):candidate.head_start]
    return _GUESSED_BEFORE.search(before) is not None \
        and _speculators().search(doc.text, sentence.start, sentence.end) is not None
