"""Cooperation named by its owners' adjectives: in 'opportunities for expanded Russian and Iranian cooperation with
Niger' no party of the sentence expands anything ('expanded' only describes the noun), and the adjectives name
who cooperates. The pair read as (the party left of the wording, the adjectives' countries) is turned into (each
adjective's country, the party after 'with'); with no such party the wording names no other side and yields none.
"""

from __future__ import annotations

import re

from graph.extract.candidates import _Candidate
from graph.extract.document import _Doc
from graph.extract.owners import _as_country
from graph.records import Mention

#: a word that opens a noun phrase right before the participle: 'to expanded', 'for enhanced', 'the deepened'
_PHRASE_OPENER = re.compile(r"\b(?:to|for|of|the|an|a|with|on|into|toward|towards|by|about|amid|and)\s+$", re.I)
_WITH_AFTER = re.compile(r"\s+with\s+(?:the\s+)?", re.I)


def _describing_participle(doc: _Doc, candidate: _Candidate) -> bool:
    """Whether the wording opens with a participle that only describes a noun ('to expanded ... cooperation'):
    it follows a preposition or an article, so no party before it is its doer."""
    head = doc.text[candidate.head_start:candidate.head_end].lower()
    low = max(candidate.sentence.start, candidate.head_start - 12)
    return head.endswith("ed") and _PHRASE_OPENER.search(doc.text[low:candidate.head_start]) is not None


def _partner_after(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> Mention | None:
    """The party named right after 'with' that follows the wording ('cooperation with Niger'), if any."""
    opened = _WITH_AFTER.match(doc.text, candidate.end)
    if opened is None:
        return None
    return next((m for m in mentions if m.start == opened.end() and m.country), None)


def pacts_owned_by_adjectives(doc: _Doc, candidate: _Candidate, pairs: list) -> list:
    """The pairs of a cooperation wording whose owners are country adjectives inside it, turned to (owner,
    partner after 'with'); unchanged for every other wording."""
    if candidate.relation != "agreesToCooperate" or not pairs or not _describing_participle(doc, candidate):
        return pairs
    mentions = doc.mentions(candidate.sentence)
    owners = [m for m in mentions if m.via == "demonym" and m.country
              and candidate.head_end <= m.start and m.end <= candidate.end]
    if not owners:
        return pairs
    partner = _partner_after(doc, candidate, mentions)
    if partner is None:
        return []
    return [(_as_country(owner), [partner]) for owner in owners if owner.country != partner.country]
