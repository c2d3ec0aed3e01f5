"""Who made what an act answers, when the act names no one: the makers of the demand a refusal turns down, the
protesters whose protest is rejected, the takers of 'the measures' called unjustified, the proposer of the terms
rejected. Each reader is a target rule of triggers.csv (`target_rules._targets_by_rule` dispatches to them); the
document's demands, protests and measures are gathered once per document by `document._Doc`.
"""

from __future__ import annotations

import re

from graph.actors import word_classes
from graph.extract.attribution import _is_target
from graph.extract.candidates import _Candidate
from graph.extract.document import _Doc
from graph.extract.lexicon import _cue
from graph.extract.owners import _as_country
from graph.records import Mention

_WORDS = word_classes()  #: the word classes of words.csv, which the phrase shapes below are built around


def _demanders(doc: _Doc, candidate: _Candidate, actor: Mention) -> list[Mention]:
    """'The Kremlin dismissed the demands': a rejection of demands with no party named rejects the parties
    of the latest demand in the document (the leaders who made it), when they are not the actor's side."""
    # what a rejection can answer (words.csv ANSWERED): 'dismissed the demands' rejects whoever made them
    if candidate.relation != "rejects" or not _cue("ANSWERED").search(doc.text, candidate.head_start, candidate.end):
        return []
    if not doc.demands or not 0 <= candidate.sentence.index - doc.demands[-1][0] <= 12:
        return []
    latest = doc.demands[-1][0]
    found = {m.country: m for index, m in doc.demands if index == latest and m.country != actor.country}
    return list(found.values())


#: A refusal that ends its clause, naming nothing refused ('Washington initially refused.')
_CLAUSE_END = re.compile(r"\s*(?:[.;]|,\s+(?:but|and|saying)\b|$)")


def _bare_refusal_of_demand(doc: _Doc, candidate: _Candidate, actor: Mention) -> list[Mention]:
    """'Tehran insisted on talks with Washington. Washington refused.': a refusal with nothing after it answers
    the demand made in the same or the sentence before, and rejects those who made it."""
    if not _CLAUSE_END.match(doc.text, candidate.end) or not doc.demands \
            or not 0 <= candidate.sentence.index - doc.demands[-1][0] <= 1:
        return []
    latest = doc.demands[-1][0]
    found = {m.country: m for index, m in doc.demands if index == latest and m.country != actor.country}
    return list(found.values())


def _protesters(doc: _Doc, candidate: _Candidate, actor: Mention) -> list[Mention]:
    """'Beijing rejected the protest as groundless': a rejection of a protest or an accusation with no party
    named rejects whoever protested to the actor last (within twelve sentences)."""
    if candidate.relation != "rejects" or not _cue("PROTESTED").search(doc.text, candidate.head_start, candidate.end):
        return []
    for index, protester, target in reversed(doc.protests):
        if candidate.sentence.index - index > 12:
            break
        if target == actor.country and protester.country != actor.country:
            return [protester]
    return []


#: 'the measures', 'this move', 'the sanctions': an act named back as the object of a rejection or an accusation
#: (words.csv MEASURES_NAMED_BACK).
_MEASURE_OBJECT = re.compile(r"\s+(?:the|this|these|that|those|such)\s+(?:[\w-]+\s+)?" + _WORDS["MEASURES_NAMED_BACK"]
                             + r"\b", re.I)


#: 'the measures' as the subject the blame is said of, right before its verb: '"These measures are ...', 'the move
#: was ...' (words.csv MEASURES_NAMED_BACK_AS_SUBJECT)
_MEASURE_SUBJECT = re.compile(r"(?:^|[^\w\s]|\b(?:said|says|that))\s*(?:the|this|these|that|those|such)\s+"
                              r"(?:[\w-]+\s+)?" + _WORDS["MEASURES_NAMED_BACK_AS_SUBJECT"] + r"\s+$", re.I)


def _measure_takers(doc: _Doc, candidate: _Candidate, actor: Mention) -> list[Mention]:
    """'Kigali called the measures unjustified', '"These measures are unjustified," Kigali said': an accusation or a
    rejection of 'the measures' with no party named answers those who took the latest measure against the actor's
    side in the report."""
    if candidate.relation not in ("rejects", "accuses") or not doc.measures:
        return []
    if not _MEASURE_OBJECT.match(doc.text, candidate.head_end) and not _MEASURE_OBJECT.match(doc.text, candidate.end) \
            and not _MEASURE_SUBJECT.search(doc.text, max(candidate.sentence.start, candidate.head_start - 50),
                                            candidate.head_start):
        return []
    return latest_measure_taker(doc, candidate, actor)


def latest_measure_taker(doc: _Doc, candidate: _Candidate, actor: Mention) -> list[Mention]:
    """Who took the latest measure the report told in the eight sentences before, other than the actor: the party
    a reply to a measure answers; none when the latest one is further back."""
    for index, taker, _, _ in reversed(doc.measures):
        if not 0 <= candidate.sentence.index - index <= 8:
            return []
        if taker.country and taker.country != actor.country:
            return [taker]
    return []


#: Verbs that put forward what the other side rejects ('Moscow put forward a condition', 'terms set by Brussels'):
#: words.csv PUTTING_FORWARD
_PROPOSING = _WORDS["PUTTING_FORWARD"]
#: After the proposal's noun: 'from', 'by' or a proposing participle with 'by' ('terms set by the EU')
_PROPOSED_BY = re.compile(r"\s+(?:" + _PROPOSING + r"\s+)?(?:by|from)\s+(?:the\s+)?")
#: Between a subject and the proposal's noun it put forward ('Moscow had put forward a new condition')
_PUT_FORWARD = re.compile(r"\s+(?:(?:has|have|had|also|earlier|already|\w+ly)\s+)*" + _PROPOSING
                          + r"\s+(?:(?:a|an|the|its|their|new|[\w-]+)\s+){0,3}")
#: After the wording: the proposal's own passive ('..., were set by Brussels')
_PROPOSED_LATER = re.compile(r"[^.;:]{0,60}?\b(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:\w+ly\s+)?"
                             + _PROPOSING + r"\s+by\s+(?:the\s+)?")


def _proposer(doc: _Doc, candidate: _Candidate, actor: Mention) -> list[Mention]:
    """Who put forward the proposal the wording opens with ('a condition that Tbilisi rejected'): the party after
    'by' or 'from' right after its noun ('terms set by Brussels'), a possessive or a nationality before it ('Moscow's
    offer', 'the Russian conditions'), the subject that put it forward ('Moscow put forward a condition'), or the
    party of its own passive after the wording ('The terms, which were rejected by Belgrade, were set by Brussels').
    None named: no target."""
    mentions = [m for m in doc.mentions(candidate.sentence) if _is_target(m, actor)]
    for mention in mentions:
        if candidate.head_end < mention.start < candidate.end \
                and _PROPOSED_BY.fullmatch(doc.text, candidate.head_end, mention.start):
            return [_as_country(mention) if mention.via == "demonym" else mention]
    for mention in reversed(mentions):
        if mention.end <= candidate.head_start:
            between = doc.text[mention.end:candidate.head_start]
            if re.fullmatch(r"['’]s?\s+(?:[\w-]+\s+){0,2}", between) or _PUT_FORWARD.fullmatch(between) \
                    or (mention.via == "demonym" and re.fullmatch(r"\s+(?:[\w-]+\s+){0,2}", between)):
                # ('the Russian conditions were dismissed by Kyiv': the nationality of the proposal is its maker's)
                return [_as_country(mention) if mention.via == "demonym" else mention]
            break
    later = _PROPOSED_LATER.match(doc.text, candidate.end, candidate.sentence.end)
    if later:
        for mention in mentions:
            if mention.start == later.end():
                return [_as_country(mention) if mention.via == "demonym" else mention]
    return []
