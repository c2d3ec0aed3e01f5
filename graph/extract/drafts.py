"""Texts put to a vote (a draft resolution, a motion, an amendment): whom a veto or a 'no' to one rejects.

A body's resolution is no party of its own; rejecting one rejects whoever drafted it, when the report names
them ('vetoed the draft put forward by the UAE', 'The draft, tabled by France and Japan, won 13 votes'). A
resolution whose drafters go unnamed names no other state, so rejecting it must not fall back on the
document's other side ('The US and Germany opposed the resolution' in a report on a case against Germany).
"""
from __future__ import annotations

import re
from functools import cache

from graph.actors import word_classes
from graph.extract.attribution import _is_target
from graph.extract.candidates import _Candidate
from graph.extract.coordination import _following_list
from graph.extract.document import _Doc
from graph.records import Mention

_WORDS = word_classes()

#: How far from the rejecting sentence a named drafter still tells whose text it was (the report often names
#: the drafters a sentence or two before or after the veto)
_SENTENCES_AROUND = (0, 1, -1, 2, -2, 3)
#: The widest gap between 'proposed by' and the drafter ('proposed by Arab nations, led by Algeria')
_DRAFTER_REACH = 40


@cache
def _draft_object() -> re.Pattern[str]:
    """A text put to a vote right after the rejecting verb: 'vetoed a UNSC draft resolution', 'opposed the
    resolution' (words.csv DRAFT_TEXTS)."""
    return re.compile(r"\s+(?:(?:a|an|the|this|that|its|their|[\w.'’-]+)\s+){0,4}?(?:" + _WORDS["DRAFT_TEXTS"]
                      + r")\b", re.I)


@cache
def _vote_object() -> re.Pattern[str]:
    """A vote itself right after the verb: 'did not take part in the vote', 'boycotted the voting' (words.csv
    VOTES): a body's act, whose texts' drafters count only when the same sentence names them."""
    return re.compile(r"\s+(?:in\s+|on\s+)?(?:(?:a|an|the|this|that|[\w-]+)\s+){0,2}?(?:" + _WORDS["VOTES"]
                      + r")\b", re.I)


@cache
def _drafted_by() -> re.Pattern[str]:
    """A text and who drafted it: 'the resolution proposed by', 'The draft resolution, tabled by' (words.csv
    DRAFT_TEXTS, DRAFTING)."""
    return re.compile(r"\b(?:" + _WORDS["DRAFT_TEXTS"] + r")\b[^.;:]{0,40}?\b(?:" + _WORDS["DRAFTING"]
                      + r")\s+by\s+", re.I)


@cache
def _drafter_before() -> re.Pattern[str]:
    """A drafter named before the text: "Ukraine's draft", 'the U.S.-drafted resolution', 'a Russian draft'. The
    words between describe the text; an article opens another noun phrase, so the name is the subject of a verb
    before it ('Chile's senators debated a motion': no drafter named)."""
    return re.compile(r"^(?:['’]s|-(?:" + _WORDS["DRAFTING"] + r"|led|backed))?\s+"
                      r"(?:(?!(?:a|an|the|this|that|these|those)\s)[\w-]+\s+){0,2}?(?:"
                      + _WORDS["DRAFT_TEXTS"] + r")\b", re.I)


def rejects_a_draft(doc: _Doc, candidate: _Candidate) -> bool:
    """Whether a rejection's object is a text put to a vote ('vetoed the draft resolution', 'opposed the
    motion'), right after the verb or inside the wording itself ('The draft ... was vetoed by Russia')."""
    if candidate.relation != "rejects":
        return False
    if _draft_object().match(doc.text, candidate.head_end) or _vote_object().match(doc.text, candidate.end):
        return True
    return re.search(r"\b(?:" + _WORDS["DRAFT_TEXTS"] + r")\b", doc.text[candidate.head_start:candidate.end],
                     re.I) is not None


def _named_drafters(doc: _Doc, index: int, actor: Mention) -> list[Mention]:
    """The parties named as a text's drafters in one sentence: after 'proposed by', 'tabled by' ..., or right
    before the text's noun."""
    sentence = doc.sentences[index]
    mentions = [m for m in doc.mentions(sentence) if m.country and m.type in ("country", "organization", "person")]
    for found in _drafted_by().finditer(doc.text, sentence.start, sentence.end):
        first = next((m for m in mentions if found.end() <= m.start <= found.end() + _DRAFTER_REACH), None)
        if first is not None:
            return [m for m in _following_list(doc, first, mentions) if _is_target(m, actor)]
    for mention in mentions:
        if _drafter_before().match(doc.text[mention.end:min(sentence.end, mention.end + 60)]) \
                and _is_target(mention, actor):
            return [mention]
    return []


def drafters(doc: _Doc, candidate: _Candidate, actor: Mention) -> list[Mention]:
    """Whom a rejected text's 'no' answers: its drafters, named in the same sentence or in the ones around it;
    none named, no party."""
    index = candidate.sentence.index
    voted = _vote_object().match(doc.text, candidate.end) is not None
    for step in (0,) if voted else _SENTENCES_AROUND:
        if 0 <= index + step < len(doc.sentences):
            found = _named_drafters(doc, index + step, actor)
            if found:
                return found
    return []


@cache
def _text_as_subject() -> re.Pattern[str]:
    """A text put to a vote as the subject right before a verb of asking or charging: 'a resolution that calls
    for', 'the document prepared by Albania ... demands', 'The proposed text demanded' (words.csv DRAFT_TEXTS)."""
    return re.compile(r"\b(?:" + _WORDS["DRAFT_TEXTS"] + r"|document|text)\b(?:\s+(?:that|which))?"
                      r"(?:[^.;:]{0,90}?\s(?:also|as\s+well\s+as|and))?\s+$", re.I)


def drafters_speaking(doc: _Doc, candidate: _Candidate) -> list[Mention]:
    """'The resolution, drafted by Ukraine, ... calls for Russia to withdraw': a text asks or charges for its named
    drafters, when it is the subject of the verb and no party is."""
    if candidate.relation not in ("demands", "accuses") \
            or not _text_as_subject().search(doc.text, max(candidate.sentence.start, candidate.head_start - 120),
                                             candidate.head_start):
        return []
    nobody = Mention(0, 0, "", "organization", "", "", "", "text")
    return drafters(doc, candidate, nobody)
