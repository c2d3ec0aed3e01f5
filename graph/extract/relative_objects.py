"""A party that is the object of a relative clause whose subject names no party: 'posters aimed at Uganda,
which many accuse of arming the rebels'. The relative pronoun stands for the party named before it, and that
party is the one the clause's verb acts on; the doer ('some', 'critics', words.csv UNNAMED_SUBJECTS) is nobody a
graph can place, so no event is read from the clause, whatever its relation."""

from __future__ import annotations

import re
from functools import cache

from graph.actors import word_classes
from graph.extract.candidates import _Candidate
from graph.extract.document import _Doc


@cache
def _unnamed_subject_clause() -> re.Pattern[str]:
    """', which some also', ', whom critics have long': a relative pronoun, then a subject of words.csv
    UNNAMED_SUBJECTS and at most two adverbs or auxiliaries, right before the trigger."""
    return re.compile(r",\s+(?:which|whom)\s+(?:" + word_classes()["UNNAMED_SUBJECTS"]
                      + r")\s+(?:(?:also|often|long|still|now|have|has|had|openly|widely)\s+){0,2}$", re.I)


def unnamed_doer_of_relative(doc: _Doc, candidate: _Candidate) -> bool:
    """Whether the trigger is the verb of a relative clause on a party whose subject names no party, so the
    party before the pronoun is acted on and the act has no doer to place."""
    low = max(candidate.sentence.start, candidate.head_start - 60)
    return _unnamed_subject_clause().search(doc.text, low, candidate.head_start) is not None
