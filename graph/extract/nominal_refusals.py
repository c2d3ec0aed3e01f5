"""Refusals named as nouns: 'following Israel's refusal of calls for a ceasefire', 'the UAE's categorical rejection
of the threat of using nuclear weapons', 'the African country's refusal to implement measures'. The noun names what
was refused, and when no party stands in its own words the one refused is not in view: a side guessed from the rest
of the sentence or the document (the one who recalled its envoy over it, the country the report is about) is more
often wrong than right, so such a refusal keeps only the other sides its words name ('its rejection of Ethiopia's
unilateral actions').
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors import word_classes
from graph.extract.candidates import _Candidate
from graph.extract.document import _Doc
from graph.records import Mention

#: how far past the wording a party still belongs to its object ('rejection of the moves by Ethiopia')
_OBJECT_REACH = 30


@cache
def _refusal_noun() -> re.Pattern[str]:
    """A refusal named as a noun (words.csv REFUSAL_NOUNS), as the whole head of the wording."""
    return re.compile(r"(?:" + word_classes()["REFUSAL_NOUNS"] + r")$", re.I)


def _named_in_object(doc: _Doc, candidate: _Candidate, target: Mention | str) -> bool:
    """Whether a target is named in the refusal's own words or right after them."""
    return isinstance(target, Mention) and candidate.head_end <= target.start <= candidate.end + _OBJECT_REACH \
        and target.end <= candidate.sentence.end


def refused_sides_named(doc: _Doc, candidate: _Candidate, pairs: list) -> list:
    """The pairs of a refusal named as a noun, keeping only the targets its words name; unchanged otherwise."""
    if candidate.relation != "rejects" or not pairs \
            or not _refusal_noun().fullmatch(doc.text, candidate.head_start, candidate.head_end):
        return pairs
    kept = [(actor, [t for t in targets if _named_in_object(doc, candidate, t)]) for actor, targets in pairs]
    return [(actor, targets) for actor, targets in kept if targets]


@cache
def _owned_refusal_before() -> re.Pattern[str]:
    """A possessive, a noun of refusing and 'to', then the words of one clause up to the trigger ("the West
    African nation's refusal to adopt steps permitting the return of")."""
    return re.compile(r"['’]s?\s+(?:[a-z]+\s+)?(?:" + word_classes()["REFUSAL_NOUNS"] + r")\s+to\s+(?:[\w-]+\s+){0,6}$",
                      re.I)


def refusal_owner(candidate: _Candidate, before: str, mentions: list[Mention]) -> Mention | None:
    """Who refuses a negated trigger under a refusal named as a noun ("over Congo's refusal to implement measures
    allowing the return of migrants"): the refusal's owner refuses, whoever the clause's subject is."""
    if not candidate.negated:
        return None
    owned = _owned_refusal_before().search(before)
    if owned is None:
        return None
    at = candidate.sentence.start + owned.start()
    return next((m for m in mentions if m.end == at), None)
