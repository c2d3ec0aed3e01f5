"""Implicit targets: when a weak guess of the other side is kept.

A trigger whose sentence names no target takes the country the document is mostly about on the other side
(target rule 'implicit'). A strong wording ('received a deportation flight') makes that guess safe; a weak one
('would not back down', 'had refused to take back') only when the guessed side is in view: named in the same
sentence or the two before it, or one of the only two parties the document names more than once. Elsewhere the
stance has no side the text gives, and no event is made.
"""

from __future__ import annotations

from collections import Counter

from graph.extract.candidates import _Candidate
from graph.extract.document import _Doc
from graph.records import Mention

#: Below this confidence (after the discount for an implicit target) a guessed side must be in view.
WEAK_GUESS = 0.6
#: Sentences before the trigger's own in which the guessed side may have been named.
IN_VIEW = 2


def _named_lately(doc: _Doc, candidate: _Candidate, country: str) -> bool:
    """Whether the sentence or one of the `IN_VIEW` before it names the country as any mention."""
    index = candidate.sentence.index
    start = doc.sentences[max(0, index - IN_VIEW)].start
    return any(m.country == country for m in doc.actors.between(start, candidate.sentence.end))


def _one_of_two_parties(doc: _Doc, country: str) -> bool:
    """Whether the document names exactly two countries as parties more than once, the country one of them: then
    the other side of any stance in it is clear."""
    parties = _parties_named_twice(doc)
    return len(parties) == 2 and country in parties


def _parties_named_twice(doc: _Doc) -> frozenset[str]:
    """The countries the document names as parties more than once: counted once per document and kept on it
    (counted per weak stance, a long text with many of them cost time growing with its square)."""
    parties = getattr(doc, "_parties_named_twice", None)
    if parties is None:
        counts = Counter(m.country for m in doc.actors.mentions if m.country
                         and m.type in ("country", "person", "organization") and m.via not in ("place", "private"))
        parties = doc._parties_named_twice = frozenset(c for c, n in counts.items() if n >= 2)
    return parties


def unseen_guess(doc: _Doc, candidate: _Candidate, target: Mention | str, confidence: float) -> bool:
    """True when a weakly worded stance's implicit target is a side the text has not put in view."""
    return isinstance(target, Mention) and target.via == "implicit" and round(confidence, 2) < WEAK_GUESS \
        and not _named_lately(doc, candidate, target.country) and not _one_of_two_parties(doc, target.country)
