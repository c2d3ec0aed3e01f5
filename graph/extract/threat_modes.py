"""A step away from another state told as a threat: 'threatened in August to end the 1954 treaty', 'would review
the 1968 accord with Algiers if passes kept being refused'. The step has not been taken; what the sentence states
is the threat, so `reducesCooperation` becomes `threatened` (the gold files' convention: a threat to cut ties is a
threat, the mode is not what tells them apart).
"""

from __future__ import annotations

import re

from graph.extract.candidates import _Candidate
from graph.extract.document import _Doc

#: A threat verb or noun governing the verb after 'to': 'threatened in August to end', 'the threat to scrap'
_THREAT_TO = re.compile(r"\bthreat(?:en|ens|ened|ening|s)?\b(?:\s+[\w'’-]+){0,3}?\s+to\s+(?:[a-z]+ly\s+)?$", re.I)
#: A promise of what will come right before the verb ('would review', 'will suspend'), not a guess ('could')
_PROMISED = re.compile(r"\b(?:will|would|shall|'ll|’ll)\s+(?:[a-z]+ly\s+)?$", re.I)


def threatened_step(doc: _Doc, candidate: _Candidate, mode: str) -> bool:
    """Whether a reduction of ties is only threatened: a threat governs its verb, or it is promised on a
    condition ('would review the accord if'). A guess ('could downgrade ties') threatens nothing."""
    if candidate.relation != "reducesCooperation" or candidate.negated:
        return False
    before = doc.text[max(candidate.sentence.start, candidate.head_start - 60):candidate.head_start]
    if _THREAT_TO.search(before):
        return True
    return mode == "conditional" and _PROMISED.search(before) is not None
