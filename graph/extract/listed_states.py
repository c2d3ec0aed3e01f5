"""States named in a list set off by dashes after a relative clause on a plural noun of states.

'Three of four states that were visited by Russia's foreign minister in July – Congo-Brazzaville, Ethiopia and
Uganda – chose to abstain': the clause's visit is a visit to each state of the list, which names the noun
'states' the clause hangs on. The wording reads no party of its own after the trigger (the list stands after the
agent and a time), so the list is read here, once the usual reading has found none.
"""

from __future__ import annotations

import re

from graph.extract.actor_rules import _actor_by_rule
from graph.extract.candidates import _Candidate
from graph.extract.document import _Doc
from graph.records import Mention

#: A plural noun of states and a relative pronoun, a few words before the trigger ('states that were ',
#: 'nations that featured on a recent ')
_STATES_THAT = re.compile(r"\b(?:states|nations|countries)\s+(?:that|which)\s+(?:[\w'’-]+\s+){0,6}$", re.I)
#: A dash set off by spaces, opening or closing the list
_DASH = re.compile(r"\s[–—]\s")
#: What may stand between the members of the list
_LIST_GAP = re.compile(r"\s*(?:,\s*)?(?:and\s+)?")


def states_listed_after_dash(doc: _Doc, candidate: _Candidate) -> list[tuple[Mention, list[Mention | str]]]:
    """The visitor and the states of a dash-set list after a visit told in a relative clause on 'states that'."""
    sentence = candidate.sentence
    if candidate.relation != "visits" or not _STATES_THAT.search(
            doc.text, max(sentence.start, candidate.head_start - 80), candidate.head_start):
        return []
    opening = _DASH.search(doc.text, candidate.end, sentence.end)
    closing = _DASH.search(doc.text, opening.end(), sentence.end) if opening else None
    if closing is None:
        return []
    mentions = doc.mentions(sentence)
    members = [m for m in mentions if opening.end() <= m.start and m.end <= closing.start()]
    if not members or any(m.type != "country" or m.via not in ("name", "capital") for m in members):
        return []
    ends = [opening.end()] + [m.end for m in members]
    starts = [m.start for m in members] + [closing.start()]
    if any(not _LIST_GAP.fullmatch(doc.text, end, start) for end, start in zip(ends, starts, strict=True)):
        return []  # ('– the first such trip since 2019 –': an aside, no list of states)
    visitor = _actor_by_rule(doc, candidate, mentions, "by")
    if visitor is None or not visitor.country or visitor.end > opening.start():
        return []
    return [(visitor, [m for m in members if m.country != visitor.country])]
