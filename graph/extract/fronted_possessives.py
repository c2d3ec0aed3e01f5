"""A possessive pronoun in a phrase set before its clause's subject: 'argued that, with his visit, the Peruvian
leader props up the regime'. The pronoun points ahead to the subject after the comma, so the act the noun names
is that subject's, not the party of the clause before; read with the earlier party as its doer it would invent
an act (a visit by the critic), so no event is read from it, whatever its relation."""

from __future__ import annotations

import re

from graph.extract.candidates import _Candidate
from graph.extract.document import _Doc

#: 'with his', ', with their own', 'through its': a fronted phrase opened by a preposition and an owning pronoun
_FRONTED_OWNER = re.compile(r"(?:^|,)\s*(?:with|through|by|after|in)\s+(?:his|her|their|its)\s+(?:own\s+)?(?:\w+\s+)?$",
                            re.I)
#: the comma that closes the fronted phrase, then the subject it points ahead to ('the Colombian leader')
_SUBJECT_AFTER = re.compile(r"\s*,\s+(?:the\s+)?[A-Z]")


def owned_by_subject_ahead(doc: _Doc, candidate: _Candidate) -> bool:
    """Whether the trigger is a noun owned by a pronoun in a phrase fronted before its clause's subject, so the
    party named before the phrase is not its doer."""
    low = max(candidate.sentence.start, candidate.head_start - 40)
    return _FRONTED_OWNER.search(doc.text, low, candidate.head_start) is not None \
        and _SUBJECT_AFTER.match(doc.text, candidate.end) is not None
