"""Visits told through a gathering named once: 'The summit opened in Astana ... Türkiye was represented at this
year's summit by President Erdoğan', '... Erdoğan attended the summit'. The summit's place is told in one sentence
and who came in another; each state that came to it (through an official) visits its host.
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors import word_classes
from graph.extract.candidates import _Candidate
from graph.extract.document import _Doc
from graph.extract.events import _make_event
from graph.extract.hedges import _asked_to_go, _trip_asked_about
from graph.extract.lexicon import Trigger
from graph.extract.owners import _as_country
from graph.records import Event, Mention

_SUMMIT_TRIGGER = Trigger("visits", "(present at a gathering held abroad)", (), "-", "left", "place", False,
                          18, 0.6, "diplomacy", worded=False)


@cache
def _gathering() -> str:
    """Nouns of a gathering states come to (words.csv GATHERING_NOUNS)."""
    return r"(?:" + word_classes()["GATHERING_NOUNS"] + r")"


@cache
def _came_to_it() -> re.Pattern[str]:
    """Being at the gathering the document is about, named with 'the' or 'this year's' and no place of its own:
    'attended the summit', 'was represented at the forum by'."""
    return re.compile(r"\b(?:attended|attends|attending|represented\s+at|took\s+part\s+in|takes\s+part\s+in)\s+"
                      r"(?:the|this\s+year's|this\s+year’s)\s+(?:[\w-]+\s+){0,2}" + _gathering() + r"\b"
                      r"(?!\s+(?:in|at|of|on)\s)", re.I)


def _host(doc: _Doc, before: int) -> Mention | None:
    """The one country the document places its gathering in before `before` ('the summit opened in Astana',
    'the Astana summit'; a place that is no capital before the noun may be its topic: 'a Gaza summit'), or None when
    it names none or several."""
    hosts: dict[str, Mention] = {}
    noun = re.compile(r"\b" + _gathering() + r"\b", re.I)
    for sentence in doc.sentences:
        if sentence.start >= before:
            break
        text = doc.text[sentence.start:sentence.end]
        if not noun.search(text):
            continue
        for place in doc.mentions(sentence):
            if place.type != "country" or place.via not in ("capital", "place"):
                continue
            near = doc.text[max(sentence.start, place.start - 60):min(sentence.end, place.end + 12)]
            if noun.search(near) and re.search(r"\b(?:in|at)\s+(?:[\w'’-]+\s+){0,3}$",
                                               doc.text[max(sentence.start, place.start - 40):place.start]) \
                    or place.via == "capital" and re.match(r"\s+" + _gathering(), doc.text[place.end:place.end + 20],
                                                           re.I):
                hosts[place.country] = place
    return next(iter(hosts.values())) if len(hosts) == 1 else None


def _comers(doc: _Doc, mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """Who came: the official named after 'by' ('represented at the summit by President Erdoğan'), else the
    official or government just before the wording ('Erdoğan attended the summit')."""
    after = re.match(r"\s+by\s", doc.text[end:end + 5])
    if after:
        return [m for m in mentions if m.start >= end and m.type in ("person", "organization")][:1]
    return [m for m in mentions if m.end <= start and m.type == "person"][-1:]


def summit_visits(doc: _Doc, events: list[Event]) -> list[Event]:
    """A state whose official came to 'the summit' visits the country the document placed that summit in."""
    found: list[Event] = []
    seen = {(e.actor_country, e.target_country) for e in events if e.relation == "visits"}
    for sentence in doc.sentences:
        wording = _came_to_it().search(doc.text, sentence.start, sentence.end)
        if wording is None or _trip_asked_about(doc.text, sentence.start, wording.start()) \
                or _asked_to_go(doc.text, sentence.start, wording.start()):
            continue  # 'would resign if he attended the summit': supposed, not told
        place = _host(doc, sentence.start)
        if place is None:
            continue
        host = place.country
        mentions = doc.mentions(sentence)
        for comer in _comers(doc, mentions, wording.start(), wording.end()):
            if not comer.country or comer.country == host or (comer.country, host) in seen:
                continue
            candidate = _Candidate(_SUMMIT_TRIGGER, sentence, wording.start(), wording.start(), wording.end(),
                                   "visits")
            event = _make_event(doc, candidate, comer, _as_country(place))
            if event is not None:
                seen.add((comer.country, host))
                found.append(event)
    return found
