"""Where a visit goes when no country is visited: a region after the trip ('a tour of Africa'), a region before
it ('his Gulf trip'), a named site or a place told by a common noun ('to the Yasukuni shrine', 'to a disputed
island'). `targets._find_targets` then names no country visited rather than guess the document's other side.
"""

from __future__ import annotations

import re

from graph.actors import knowledge_base, word_classes
from graph.extract.candidates import _Candidate
from graph.extract.document import _Doc
from graph.extract.implicit_targets import _region_adjective
from graph.records import Mention

#: Up to three capitalised words, the first a place's: 'Africa', 'the Middle East', 'Horn of Africa'
_PROPER_WORDS = re.compile(r"\s*(?:the\s+)?([A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*){0,2})")


def _region_next(text: str, at: int) -> bool:
    """Whether the words right after a trigger name a region (country_aliases.csv type 'region': 'Africa', 'Latin
    America'), the longest reading first, so 'South Africa' stays a country."""
    match = _PROPER_WORDS.match(text, at)
    if match is None:
        return False
    words = match.group(1).split()
    for size in range(len(words), 0, -1):
        alias = knowledge_base().lookup(" ".join(words[:size]))
        if alias is not None:
            return alias.type == "region"
    return False


#: A destination named after a visit: 'to the Yasukuni shrine', 'to Mount Athos'
_DESTINATION = re.compile(r"[^.;:]{0,80}?\bto\s+(?:the\s+)?[A-Z]")


#: A destination named by a common noun: 'to a disputed island', 'to the occupied territories' (never 'to the
#: country', which stands for the state spoken of); the nouns are words.csv DESTINATION_NOUNS
_COMMON_DESTINATION = re.compile(r"[^.;:]{0,80}?\bto\s+(?:an?\s+(?:[\w-]+\s+){0,2}|the\s+(?:[\w-]+\s+){0,2}(?="
                                 r"(?:" + word_classes()["DESTINATION_NOUNS"] + r")\b))[a-z]")


#: Capitalised words right before a trip noun, with a lower-case modifier between: 'South Pacific island-hopping'
_PROPER_BEFORE = re.compile(r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s+(?:[a-z][\w-]*\s+)?$")


def _region_before(text: str, at: int) -> bool:
    """Whether the words right before a trip noun name a region ('a South Pacific tour', 'his Gulf trip'): a trip
    over a region is to several countries, not to the one the document is mostly about. The longest ending is
    read first, so 'a South Africa tour' stays a country's."""
    match = _PROPER_BEFORE.search(text, max(0, at - 60), at)
    if match is None:
        return False
    if _region_adjective().search(match.group(1)):
        return True  # 'his European tour' (words.csv REGION_ADJECTIVES)
    words = match.group(1).split()
    for size in range(len(words), 0, -1):
        alias = knowledge_base().lookup(" ".join(words[-size:]))
        if alias is not None:
            return alias.type == "region"
    return False


def _named_site(doc: _Doc, candidate: _Candidate) -> bool:
    """Whether a visit names its destination in its sentence ('to the Yasukuni shrine') and no country stands there:
    then the document's other side was not visited."""
    match = _DESTINATION.match(doc.text, candidate.end, candidate.sentence.end)
    if match is not None:
        return not any(m.start == match.end() - 1 and m.type == "country" for m in doc.mentions(candidate.sentence))
    # 'a visit by Ahmadinejad to a disputed island': no country named in the place ('to a Chinese port' is China)
    match = _COMMON_DESTINATION.match(doc.text, candidate.end, candidate.sentence.end)
    return match is not None and not any(match.end() - 30 <= m.start < match.end() + 30
                                         for m in doc.mentions(candidate.sentence))


#: What lies between a country and a place it is said to own: "'s ", "’s "
_OWNS_NEXT = re.compile(r"['’]s\s+")


def place_of_owner(doc: _Doc, candidate: _Candidate, mention: Mention) -> Mention:
    """The party visited when the one found owns the next one named ("a plan to visit China's Taiwan region"): the
    trip goes to the place owned, whoever claims it; any other party found stays as it is."""
    gap = _OWNS_NEXT.match(doc.text, mention.end)
    if gap is None:
        return mention
    owned = next((m for m in doc.mentions(candidate.sentence) if m.start == gap.end()), None)
    return owned if owned is not None and owned.country and owned.country != mention.country else mention
