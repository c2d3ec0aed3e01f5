"""Targets a wording names or rules out, whatever stands where a target stands.

A party that judges an act from outside ('Ruritania faulted Freedonia for closing the port'), a party whose lead
is followed, a measure named as another country's or aimed at the actor's own side, and nationals charged as
'them' are no party to the act (`_judge_of_act`, `_model_followed`, `_measure_of_another`,
`_measure_on_own_side`, `_charged_nationals`); a demand made at a summons goes to the government of the envoy
summoned, 'it' after a labelling verb to the owner of the thing labelled, and what a party is told to stop is its
own doing (`_summoned_addressee`, `_owner_of_labelled_it`, `_stops_what_called`); a nationality that names a news
outlet a party spoke to is no party (`_outlet_nationality`). targets.py applies them.
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors import word_classes
from graph.extract.attribution import _is_target
from graph.extract.candidates import _Candidate
from graph.extract.coordination import _coordinated
from graph.extract.document import _Doc
from graph.extract.lexicon import _cue
from graph.records import Mention


@cache
def _judged_for() -> re.Pattern[str]:
    """A charging verb right before the one it charges (words.csv CONDEMNING_STEMS, and accus-, blam-): 'slammed ',
    'condemned the '."""
    return re.compile(r"\b(?:(?:" + word_classes()["CONDEMNING_STEMS"] + r")\w*|accus\w*|blam\w*)\s+(?:the\s+)?$",
                      re.I)


_FOR_GAP = re.compile(r"\s+for\s+$", re.I)


def _judge_of_act(doc: _Doc, mention: Mention, actor: Mention, candidate: _Candidate) -> bool:
    """Whether `mention` charges the actor with the act at hand ('The US slammed Russia for suspending the grain
    deal'): the one who condemns an act judges it from outside, it is not the party the act is done to."""
    return mention.end <= actor.start and _FOR_GAP.fullmatch(doc.text, actor.end, candidate.head_start) is not None \
        and _judged_for().search(doc.text[mention.end:actor.start]) is not None \
        and len(doc.text[mention.end:actor.start]) <= 40


#: A summons coordinated right before the trigger: 'summoned the Russian ambassador on Monday and demanded'
_SUMMONED_ENVOY_AND = re.compile(r"\bsummon(?:s|ed|ing)?\s+[^,;.]{0,60}?\b"
                                 r"(?:ambassador|envoy|charg[eé]\s+d['’]affaires)\b[^,;.]{0,40}?\s+and\s+(?:\w+ly\s+)?$",
                                 re.I)
_NOMINAL_OBJECT = re.compile(r"\s+(?:the|an?)\s", re.I)


def _summoned_addressee(doc: _Doc, candidate: _Candidate, actor: Mention) -> Mention | None:
    """'summoned the Russian ambassador and demanded the withdrawal of North Korean troops': a demand voiced at a
    summons is put to the government of the envoy summoned, whoever the thing demanded is about (only for a demand
    of a thing, not 'demanded that Pyongyang ...', which names its own addressee)."""
    if candidate.relation != "demands" or not _NOMINAL_OBJECT.match(doc.text, candidate.head_end):
        return None
    summons = _SUMMONED_ENVOY_AND.search(doc.text, max(candidate.sentence.start, candidate.head_start - 140),
                                         candidate.head_start)
    if summons is None:
        return None
    envoy = next((m for m in doc.mentions(candidate.sentence) if summons.start() < m.start < summons.end()
                  and m.type == "country" and _is_target(m, actor)), None)
    return envoy


_AIMED_END = re.compile(r"\b(?:on|against|targeting)$", re.I)
_AIMED_GAP = re.compile(r"\s*(?:the\s+|some\s+|several\s+|two\s+|three\s+|\d[\d,]*\s+)?")


def _measure_on_own_side(doc: _Doc, candidate: _Candidate, actor: Mention) -> bool:
    """'lashed out at the U.S. over sanctions against Beijing officials and an arms sale to Taiwan': measures aimed
    at the actor's own side are another's, taken against the actor; no later party of the sentence is their target."""
    if candidate.relation != "threatenedSanctions" or not _AIMED_END.search(doc.text, candidate.head_start,
                                                                             candidate.end):
        return False
    gap = _AIMED_GAP.match(doc.text, candidate.end)
    first = next((m for m in doc.mentions(candidate.sentence) if m.start == gap.end()), None)
    return first is not None and first.country == actor.country


#: A country's adjective or short name right before a measure, perhaps after a word or two ('the British
#: sanctions', 'the latest US tariffs'): the whole text before the measure noun
_OWNER_BEFORE_MEASURE = re.compile(r"\s+(?:[a-z]+\s+){0,2}$")


def _measure_of_another(doc: _Doc, candidate: _Candidate, actor: Mention) -> bool:
    """'Iran considered the British sanctions baseless': a measure named by another country's adjective inside
    the trigger's words is that country's own; the party before it weighs or faces it and imposes nothing."""
    if candidate.relation != "threatenedSanctions":
        return False
    noun = _cue("SANCTIONS").search(doc.text, candidate.head_end, candidate.end)
    if noun is None:
        return False
    return any(candidate.head_end <= m.start and m.type == "country" and m.country and m.country != actor.country
               and (m.via == "demonym" or m.text.isupper() or "." in m.text)
               and _OWNER_BEFORE_MEASURE.fullmatch(doc.text, m.end, noun.start())
               for m in doc.mentions(candidate.sentence))


#: 'following Washington's lead', 'in line with Tokyo's example': a party whose lead is followed
_FOLLOWING_BEFORE = re.compile(r"\b(?:following|followed|follows|follow|in\s+line\s+with|emulating)\s+(?:the\s+)?$",
                               re.I)
_LEAD_AFTER = re.compile(r"['’]s?\s+(?:lead|example|footsteps|playbook)\b", re.I)


def _model_followed(doc: _Doc, mention: Mention) -> bool:
    """'announced export controls, following Washington's lead to curb China's chip-making': the party whose
    lead is followed is a model, no party to the act (its target is named in what the lead aims at)."""
    return _FOLLOWING_BEFORE.search(doc.text, max(0, mention.start - 20), mention.start) is not None \
        and _LEAD_AFTER.match(doc.text, mention.end) is not None


@cache
def _told_to_stop_what() -> re.Pattern[str]:
    """'Washington should stop what', 'Moscow to end what': a verb of ending (words.csv CEASE) right after a party,
    perhaps after a modal or 'to', with 'what' as its object."""
    return re.compile(r"\s+(?:(?:to|must|should|would|will|(?:has|have|needs?)\s+to)\s+)?(?:immediately\s+)?(?:"
                      + word_classes()["CEASE"] + r")\s+what\s", re.I)


def _stops_what_called(doc: _Doc, mention: Mention) -> bool:
    """'told Blinken that Washington must halt what he called baseless smears': the party told to end the
    thing so called is the one doing it, so the label charges that party (where 'standing up to what he called
    blackmail' names no doer)."""
    return _told_to_stop_what().match(doc.text, mention.end) is not None


#: 'them' as the object of a charge, before what they are charged with: 'accusing them of', 'charged them with'
_THEM_CHARGED = re.compile(r"\s+them\s+(?:of|with)\s", re.I)


def _charged_nationals(doc: _Doc, candidate: _Candidate) -> bool:
    """'deported 200 Venezuelans to El Salvador, accusing them of gang membership': 'them' are the people named
    by their nationality before, and the charge is on those people, not on their state; no other party stands in
    for the one charged."""
    if candidate.relation != "accuses" or _THEM_CHARGED.match(doc.text, candidate.head_end) is None:
        return False
    return any(m.via == "demonym" and m.text.endswith("s") and m.end <= candidate.head_start
               for m in doc.mentions(candidate.sentence))


#: A verb of labelling, then 'it' as its object: 'describing it as', 'calling it' ('them' may stand for a list)
_LABELLED_PRONOUN = re.compile(r"[a-z]+\s+it\b")
#: A word in lower case other than 'and' (a verb or noun between a subject and the party its object names)
_LOWER_WORD = re.compile(r"\b(?!and\b)[a-z]{3,}\b")


def _owner_of_labelled_it(doc: _Doc, candidate: _Candidate, actor: Mention) -> Mention | None:
    """'Peru deplored the move of the Venezuelan authorities, describing it as arbitrary': 'it' is the
    thing the main clause acted on, and the party named with it, between the actor and the trigger, is the one
    charged (not a party the document spoke of before)."""
    if candidate.relation != "accuses" or _LABELLED_PRONOUN.match(doc.text, candidate.head_start) is None:
        return None
    mentions = doc.mentions(candidate.sentence)
    sides = {m.country for m in _coordinated(doc, mentions, actor)}  # ('Brazil, Colombia and Chile ..., with Brasília')
    between = [m for m in mentions
               if actor.end <= m.start and m.end <= candidate.head_start and _is_target(m, actor)
               and m.country not in sides and _LOWER_WORD.search(doc.text, actor.end, m.start) is not None]
    return between[-1] if between else None


@cache
def _outlet_after() -> re.Pattern[str]:
    """An outlet noun after a nationality, past the capitalised words of the outlet's name (words.csv
    OUTLET_NOUNS): 'Australian Broadcasting Corporation (ABC) television', 'British newspaper'."""
    return re.compile(r"\s+(?:(?:[A-Z][\w.&'’-]*|\([A-Z]+\))\s+){0,4}(?i:" + word_classes()["OUTLET_NOUNS"] + r")\b")


def _outlet_nationality(doc: _Doc, mention: Mention) -> bool:
    """Whether `mention` is a nationality naming a news outlet ('Ng told Australian television that Canada is
    ready to retaliate'): the outlet a party spoke to is no party to guess as the other side of what it said."""
    return mention.via == "demonym" and _outlet_after().match(doc.text, mention.end) is not None


@cache
def _commentator_at() -> re.Pattern[str]:
    """A commentator's title (words.csv COMMENTATORS) and where they work, up to its owner: 'a senior lecturer in
    security studies at '."""
    return re.compile(r"\b(?:" + word_classes()["COMMENTATORS"] + r")\b[^.;:,()]{0,50}?\b(?:at|of|from)\s+(?:the\s+)?$",
                      re.I)


@cache
def _institution_after() -> re.Pattern[str]:
    """An institution's name after its country (words.csv THINK_TANKS): '’s Massey University', ' National
    University'."""
    return re.compile(r"(?:['’]s)?\s+(?:[A-Z][\w.&'’-]*\s+){0,4}(?i:" + word_classes()["THINK_TANKS"] + r")\b")


def _affiliation_nationality(doc: _Doc, mention: Mention) -> bool:
    """Whether `mention` names the country of a commentator's institution ('Anna Powles, a senior lecturer at New
    Zealand's Massey University, said'): where the one quoted works is no party to what is reported."""
    return _commentator_at().search(doc.text, max(0, mention.start - 80), mention.start) is not None \
        and _institution_after().match(doc.text, mention.end) is not None
