"""Agentless returns: who sent people told only as sent ('Nineteen migrants have been deported to France').

A finite passive with the people as its subject and no 'by' names the receiving country alone; the sending side
is the state the report shows deporting people, else the country of its dateline, else the other party the report
names in its lead (a returns deal between the two). The bare participle ('a video of migrants deported to Brazil')
stays no one's act: the auxiliary is required. Who sent them is read in senders.py (`sender_of_agentless_return`).
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors import word_classes
from graph.extract.candidates import _Candidate
from graph.extract.document import _Doc


@cache
def _people_passive_before() -> re.Pattern[str]:
    """People as the subject of a finite passive right before the trigger (words.csv MIGRANTS): 'migrants have
    been ', 'deportees were '; no 'by' follows in the clause for the sender to be unnamed."""
    return re.compile(r"(?<![\w-])(?:" + word_classes()["MIGRANTS"] + r")\s+(?:have|has|had|were|was|are|is)\s+"
                      r"(?:(?:now|already|also|so\s+far|\w+ly)\s+)?(?:been\s+|being\s+)?$", re.I)


def people_sent_in_passive(doc: _Doc, candidate: _Candidate) -> bool:
    """Whether the trigger is a finite passive whose subject is the people sent, with no 'by' after it: the
    place after 'to' receives them though the sentence names no sender."""
    start = max(candidate.sentence.start, candidate.head_start - 60)
    return _people_passive_before().search(doc.text, start, candidate.head_start) is not None \
        and re.search(r"\bby\b", doc.text[candidate.head_end:candidate.sentence.end]) is None
