"""Whom a release frees or is made for: the target rules 'nationality' and 'request' of triggers.csv.

A release names its people by their nations more often than by a state: 'freed two Chileans and a Peruvian',
'Four Danish sailors were set free', 'many of its citizens held abroad will be freed', 'nationals of Fiji,
Samoa and Tonga'. `nationals_freed` reads every nation of such a list (counted before the wording, listed after
it or named person by person) as a target, else the people named right before the verb or the owner of a
possessive before them; `release_requester` reads the party a release was made for ('at Oslo's request').
They are their own step because the lists of people they walk are read by no other rule.
"""

from __future__ import annotations

import re

from graph.extract.attribution import _can_act, _is_target
from graph.extract.candidates import _Candidate
from graph.extract.coordination import _following_list, _listed_with
from graph.extract.document import _Doc
from graph.extract.objects import _counted_list_gap
from graph.extract.owners import _as_country
from graph.extract.right_targets import _BY_BEFORE, _TIME_PREPOSITION
from graph.records import Mention

_REQUEST_OF = re.compile(r"\b(?:at|on|after|following)\s+(?:the\s+)?(?:request|behest|urging|demand)\s+of\s+"
                         r"(?:the\s+)?$", re.I)
_REQUEST_AFTER = re.compile(r"['’]s?\s+(?:request|behest|urging|demand)\b")


#: Between the people's demonym and the verb that frees them: ' sailors ', ' nationals were '
_PEOPLE_BEFORE_VERB = re.compile(r"\s+(?:[\w-]+\s+)?(?:sailors?|nationals?|citizens?|prisoners?|detainees?|fishermen|"
                                 r"soldiers?|journalists?|tourists?|men|women|crew(?:\s+members)?),?\s+"
                                 r"(?:who\s+)?(?:(?:were|was|had\s+been|have\s+been|being)\s+(?:also\s+|later\s+)?)?")


#: Between two nationalities of a list of people named one by one: the first one's role and name, then a comma or
#: 'and' ('British ambassador Vicky Bowman, Japanese filmmaker', 'Peter Humphrey and his American wife'), or the
#: hyphen of a dual nationality ('Austrian-Iranian Massud Mossaheb and Belgian')
_NAMED_PEOPLE_GAP = re.compile(r"(?:-[A-Z][a-z]+)?(?:\s+[a-z][\w-]*){0,2}(?:\s+[A-Z][\w'’.-]+){1,4}\s*(?:,|,?\s+and)\s+"
                               r"(?:(?:his|her|their|the|a|an|former)\s+)?|-")


def _named_people_listed(doc: _Doc, earlier: Mention, later: Mention) -> bool:
    """Whether two demonyms are nationalities of a list of people named one by one, so a release of the first
    frees the others' nationals too ('pardoned British ambassador X, Japanese filmmaker Y and Australian
    economist Z')."""
    return earlier.via == "demonym" and later.via == "demonym" \
        and _NAMED_PEOPLE_GAP.fullmatch(doc.text, earlier.end, later.start) is not None


def _counted_before(doc: _Doc, first: Mention, mentions: list[Mention], floor: int) -> list[Mention]:
    """'Two Russian and two Kazakh nationals held in Iran': a wording that opens on the last nationality of a
    counted list leaves the ones counted before it out; they are freed as well (nationalities only, so a holder
    or a speaker named before the list is never taken for it)."""
    earlier: list[Mention] = []
    current = first
    for mention in reversed([m for m in mentions if floor <= m.start and m.end <= first.start]):
        if mention.via != "demonym" or mention.type != "country" \
                or not _counted_list_gap().fullmatch(doc.text, mention.end, current.start):
            break
        earlier.insert(0, mention)
        current = mention
    return earlier


#: A nationality right before the people noun opening the wording ('British-Iranian dual nationals held in'), or
#: a plural nationality before a relative clause that opens it ('Six Canadians who had been detained in', 'Three
#: Americans who were freed in')
_NATIONALITY_OF_NOUN = re.compile(r"(?:-[A-Z][a-z]+)?\s+(?:dual\s+)?"
                                  r"|\s+(?:who|that)\s+(?:(?:had|have|has)\s+been|were|was)\s+"
                                  # 'Palestinians are to be released', 'Palestinians to be released': a people as the
                                  # subject of a passive release
                                  r"|\s+(?:(?:are|were|is|was|will|would)\s+)?(?:(?:set|due|expected|scheduled)\s+)?"
                                  r"(?:to\s+be|be|been)\s+")
_POSSESSIVE_BEFORE = re.compile(r"\b(?:its|his|her|their)\s+$", re.I)
_INCLUDING_AFTER = re.compile(r"(?:\s+[\w-]+){0,4}?,?\s+(?:including|among\s+them|among\s+whom|of\s+whom)\s+")


def nationals_freed(doc: _Doc, candidate: _Candidate, mentions: list[Mention], actor: Mention) -> list[Mention]:
    """The nations of the people a release frees (rule 'nationality'): the people's own countries are the ones
    the act is toward, whoever holds them."""
    # 'freed 14 prisoners, including two Estonians and one Italian': the nations of the list that follows
    including = _INCLUDING_AFTER.match(doc.text, candidate.end)
    reach = including.end() + 15 if including else candidate.end + 15
    for mention in mentions:
        if candidate.head_start <= mention.start <= reach and mention.type == "country" \
                and mention.country != actor.country \
                and not _BY_BEFORE.search(doc.text, max(candidate.head_start, mention.start - 12), mention.start) \
                and not _listed_with(doc, mention, actor) \
                and not _TIME_PREPOSITION.search(doc.text, max(candidate.head_start, mention.start - 12),
                                                 mention.start):
            # (not 'frees 12 prisoners after French envoy visit': an envoy's visit, not the prisoners)
            # 'nationals of Japan, Poland and Latvia', 'three Poles and two Lithuanians': every nation listed
            listed = _counted_before(doc, mention, mentions, candidate.sentence.start) \
                + _following_list(doc, mention, mentions)
            for later in mentions:
                if later.start > listed[-1].end and later.type == "country" \
                        and (_counted_list_gap().fullmatch(doc.text, listed[-1].end, later.start)
                             or _named_people_listed(doc, listed[-1], later)):
                    listed.append(later)
                elif later.start > listed[-1].end and later.type != "person":
                    break  # (a person named in the list is read with its nationality's gap)
            return [m for m in listed if m.type == "country" and m.country != actor.country]
    # 'saw 12 Danish sailors released from Iranian custody': the people named right before the verb
    before = [m for m in mentions if m.end <= candidate.head_start and (m.via == "demonym" or m.type == "country")
              and m.country != actor.country
              and (_PEOPLE_BEFORE_VERB.fullmatch(doc.text, m.end, candidate.head_start)
                   or _NATIONALITY_OF_NOUN.fullmatch(doc.text, m.end, candidate.head_start))]
    if before:
        return before[-1:]
    # 'many of its citizens detained in the US would be released': the owner of the people named by a
    # possessive right before them ('its', 'his' for the speaking official) is their country
    possessive = _POSSESSIVE_BEFORE.search(doc.text, max(candidate.sentence.start, candidate.head_start - 8),
                                           candidate.head_start)
    if possessive is None:
        return []
    # (a possessive the mention stage left unresolved stands for the last party named before it)
    owner = next((m for m in reversed(mentions) if m.end <= possessive.end() and m.country and _can_act(m)
                  and m.type in ("country", "person")), None)
    return [_as_country(owner)] if owner is not None and owner.country != actor.country else []


def release_requester(doc: _Doc, candidate: _Candidate, mentions: list[Mention], actor: Mention) -> list[Mention]:
    """The party a release was made for (rule 'request'), named after the wording."""
    # 'freed nine prisoners at Washington's request', 'at the request of the United States': the party
    # the release was made for
    for mention in mentions:
        if mention.start >= candidate.end and _is_target(mention, actor) and mention.type == "country" and (
                _REQUEST_OF.search(doc.text, max(candidate.end, mention.start - 30), mention.start)
                or _REQUEST_AFTER.match(doc.text, mention.end)) \
                and "." not in doc.text[candidate.end:mention.start]:
            return [mention]
    return []


#: A release wording that ends on where the freed people are now ('soldiers who were released are now in'): the
#: place they went to, not who held or freed them
_NOW_IN_END = re.compile(r"\b(?:are|is|remain|remains)\s+(?:now\s+|still\s+)?in$", re.I)


def released_now_in(doc: _Doc, candidate: _Candidate) -> bool:
    """Whether a release wording runs into a clause of its own that tells where the freed people are now, so the
    country after it is neither their captor nor their nation."""
    return candidate.relation == "releasesDetainees" \
        and _NOW_IN_END.search(doc.text, candidate.head_start, candidate.end) is not None
