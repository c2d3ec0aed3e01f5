"""A demonym one letter off another country's, in a text that names that country and never its own, is a slip.

'Soldiers took power in Niger ... the Nigerian junta told the German envoy to leave': 'Nigerian' is
Nigeria's demonym, but a report about Niger that never names Nigeria (nor its capital, people or bodies) meant
the Nigerien leaders. Where the text does name Nigeria ('Nigerian President Tinubu', 'Abuja'), the demonym stands.
"""

from __future__ import annotations

from graph.actors.knowledge import KnowledgeBase
from graph.records import Mention

_BUILT: dict[int, dict[str, tuple[str, ...]]] = {}  #: per knowledge base (one per process, built once)


def _demonyms(kb: KnowledgeBase) -> dict[str, tuple[str, ...]]:
    """Each country's demonyms, lower case, from the knowledge base's aliases."""
    if id(kb) in _BUILT:
        return _BUILT[id(kb)]
    found: dict[str, list[str]] = {}
    for surface, alias in kb.aliases.items():
        if alias.type == "country" and alias.kind == "demonym":
            found.setdefault(alias.country, []).append(surface.lower())
    _BUILT[id(kb)] = {country: tuple(words) for country, words in found.items()}
    return _BUILT[id(kb)]


def _one_letter_off(word: str, other: str) -> bool:
    """Whether two words of the same length differ in exactly one letter ('nigerian', 'nigerien')."""
    return len(word) == len(other) and sum(a != b for a, b in zip(word, other, strict=True)) == 1


def _demonym_word(mention: Mention) -> str:
    """The first word of a mention, lower case: the demonym in 'Nigerian military leaders'."""
    return mention.text.split()[0].lower() if mention.text.split() else ""


def _intended(word: str, named: set[str], kb: KnowledgeBase) -> str:
    """The one named country with a demonym one letter off `word`, else ''."""
    hits = {country for country in named
            if any(_one_letter_off(word, other) for other in _demonyms(kb).get(country, ()))}
    return hits.pop() if len(hits) == 1 else ""


def read_demonym_slips(raw: list[tuple[Mention, str]], kb: KnowledgeBase) -> None:
    """Give a demonym of a country the text never otherwise names to the named country it is one letter off."""
    demonym_of = {mention.start: _demonym_word(mention) for mention, _ in raw
                  if mention.type == "country" and mention.country
                  and _demonym_word(mention) in _demonyms(kb).get(mention.country, ())}
    named = {mention.country for mention, _ in raw if mention.country and mention.start not in demonym_of}
    for i, (mention, gender) in enumerate(raw):
        word = demonym_of.get(mention.start)
        if word is None or mention.country in named:
            continue
        country = _intended(word, named, kb)
        if country:
            raw[i] = (Mention(mention.start, mention.end, mention.text, "country", country, country, mention.role,
                              mention.via), gender)
