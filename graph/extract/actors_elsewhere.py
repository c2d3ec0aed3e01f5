"""Actors that do not stand as the subject before the trigger: the signer named after 'the signing of'
('the signing of Peru's pact'), the country whose people word opens a measure ('Chinese tariffs on Australian
barley'), the party a list's heading names for the items under it ('Measures announced by Pakistan:'), and the
subject of a relative clause whose object is the noun before it ('the envoy, whom Petro blamed'). attribution.py
asks these before and after its subject rule.
"""

from __future__ import annotations

import re

from graph.actors import knowledge_base
from graph.extract.candidates import _Candidate
from graph.extract.coordination import _after_preposition, _coordinated_back
from graph.extract.document import _Doc
from graph.extract.no_doer import _PASSIVE_AUX
from graph.extract.owners import _as_country, _can_act
from graph.records import Mention

#: The noun of signing right before an agreement's owner
_SIGNING_OF = re.compile(r"(?:signing|signature|conclusion|ratification)\s+of\s+(?:the\s+)?", re.I)


def _signer_named_after(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> Mention | None:
    """The party whose agreement 'the signing of X's pact' is, when the noun of signing opens the trigger."""
    if candidate.relation != "agreesToCooperate":
        return None
    match = _SIGNING_OF.match(doc.text, candidate.head_start)
    if match is None:
        return None
    owner = next((m for m in mentions if m.start == match.end()), None)
    if owner is not None and _can_act(owner) and re.match(r"['’]s?\s", doc.text[owner.end:owner.end + 3]):
        return _as_country(owner) if owner.via == "demonym" else owner
    return None


def _imposer_before_measure(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> Mention | None:
    """'Chinese tariffs on Australian barley', 'Canadian penalties on Indian officials': a people word or a
    country name right before the noun of a measure names who imposes it."""
    if candidate.relation != "threatenedSanctions" or not candidate.trigger.pattern.startswith("@SANCTIONS"):
        return None
    owner = next((m for m in mentions if m.end + 1 == candidate.head_start), None)
    if owner is None or owner.type != "country" or owner.via not in ("demonym", "name", "alias") \
            or doc.text[owner.end] != " " or _after_preposition(doc, owner, mentions, candidate.sentence.start):
        return None
    return _as_country(owner)


#: Acts a list of measures announces item by item (not the demands or warnings its items may quote).
_LISTED_MEASURES = frozenset({"threatenedSanctions", "threatenedExpulsion", "reducesCooperation",
                              "shiftsTowardCooperation", "agreesToCooperate", "releasesDetainees", "acceptsDeportees",
                              "refusesDeportees"})
#: A bullet or a number opening a line: an item of a list ('- ', '• ', '3. ').
_BULLET = re.compile(r"[ \t]*(?:[-•*–]|\d{1,2}[.)])[ \t]+")


def _bullet_actor(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> Mention | None:
    """Who acts in an item of a list of measures that names no party before its trigger: the party its
    heading names ('Measures announced by Pakistan:'), or, under a heading that names none ('Among the
    measures approved by the committee:'), the actor of the report's latest event."""
    sentence = candidate.sentence
    if candidate.relation not in _LISTED_MEASURES or not _BULLET.match(doc.text, sentence.line_start):
        return None
    passive = _PASSIVE_AUX.search(doc.text, max(sentence.start, candidate.head_start - 30), candidate.head_start)
    if not passive and any(m.end <= candidate.head_start and _can_act(m) and m.country
                           and not _after_preposition(doc, m, mentions, sentence.start) for m in mentions):
        return None  # (a passive item's subject is acted on: '- Two Belarusian diplomats are declared ...')
    at = sentence.line_start
    while at > 0:
        start = doc.text.rfind("\n", 0, at - 1) + 1
        line = doc.text[start:at].strip()
        at = start
        if not line or _BULLET.match(doc.text, start) or doc.text[start:start + 1] in " \t":
            continue  # a blank line, another item, or an item's wrapped second line
        heading = doc.mentions(doc.sentence_at(start)) if doc.sentence_at(start) is not None else []
        if not line.endswith(":"):
            return _party_heading(doc, start, line, heading)

        named = next((m for m in heading if _can_act(m) and m.country), None)
        return named if named is not None else doc.last_actor
    return None


def _party_heading(doc: _Doc, start: int, line: str, heading: list[Mention]) -> Mention | None:
    """The party a heading line consists of, and nothing else ('CHINA' over '- April 4: Raised tariffs to 34% on
    all U.S. imports'): a timeline grouped by country names the doer of each item once, above it; None for any
    other line (a headline or a sentence says more than a name)."""
    offset = doc.text.find(line, start)
    named = next((m for m in heading if _can_act(m) and m.country and m.start == offset
                  and m.end == offset + len(line)), None)
    if named is None and line.isupper():
        # ('UNITED STATES': a heading set in capitals, which the mention finder reads as no name)
        alias = knowledge_base().aliases.get(line.title()) or knowledge_base().aliases.get(f"the {line.title()}")
        if alias is not None and alias.type == "country" and alias.kind in ("name", "alias"):
            named = Mention(offset, offset + len(line), line, "country", alias.key, alias.country, "", "name")
    return named


#: A relative clause whose object is the noun before it: ', which she accused', ' whom Petro blamed'.
_OBJECT_RELATIVE = re.compile(r"(?P<pronoun>\b(?:which|whom))\s+(?P<subject>he|she|they|it|(?:the\s+)?[A-Z][\w'’.-]*"
                              r"(?:\s+[A-Z][\w'’.-]*){0,3})\s+(?:has\s+|had\s+|have\s+)?(?:\w+ly\s+|also\s+)?$")
_WHOM_AFTER = re.compile(r",?\s*whom\b")
_OBJECT_RELATIONS = frozenset({"accuses", "threatened", "threatenedSanctions", "demands", "rejects"})


def _relative_object_clause(doc: _Doc, candidate: _Candidate,
                            mentions: list[Mention]) -> tuple[Mention, Mention] | None:
    """(the relative clause's subject, the noun it hangs on) for a trigger verb right after 'which he' or
    'whom Rubio'; None elsewhere."""
    if candidate.relation not in _OBJECT_RELATIONS \
            or not doc.text[candidate.head_start:candidate.head_start + 1].islower():
        return None  # ('Venezuelans whom Chile ordered deported': people, not their state, are the object)
    match = _OBJECT_RELATIVE.search(doc.text, max(candidate.sentence.start, candidate.head_start - 60),
                                    candidate.head_start)
    if match is None:
        return None
    subject = next((m for m in mentions if match.start("subject") <= m.start < match.end("subject")
                    and _can_act(m) and m.country), None)
    antecedent = next((m for m in reversed(mentions) if m.end <= match.start("pronoun")), None)
    if subject is None or antecedent is None or not _can_act(antecedent) or not antecedent.country \
            or antecedent.country == subject.country \
            or not re.fullmatch(r",?\s*", doc.text[antecedent.end:match.start("pronoun")]):
        return None
    return subject, antecedent


def _antecedent_list(doc: _Doc, antecedent: Mention, subject: Mention, mentions: list[Mention]) -> list[Mention]:
    """The parties a relative clause hangs on: the whole list that ends with its antecedent ('diplomats from
    Argentina, Chile and Panama, whom it accused of'), for 'whom' stands for the list, not its last item; 'which'
    after a list of places may stand for the act told before it ('visited Slovakia and Lithuania, which Beijing
    denounced'), so only its last item is kept."""
    if not _WHOM_AFTER.match(doc.text, antecedent.end):
        return [antecedent]
    return [m for m in _coordinated_back(doc, mentions, antecedent)
            if m is antecedent or m.type == "country" and m.country and m.country != subject.country]
