"""State outlets as speakers: 'the KCNA said', 'Xinhua reported' speak for their state.

An outlet the state runs carries the government's word: a charge or a warning 'the KCNA said' is North Korea's.
The actor finder counts no outlet as a party (its name is no actor, organizations.csv), so a sentence whose only
speaker is one had none, or the party its words name closest before the verb, and its charges were lost. A
named state outlet (organizations.csv kind 'state-media') speaks for its country; private outlets ('Reuters
reported') speak for no one.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from graph.actors import knowledge_base, word_classes
from graph.records import Mention
from graph.text import Sentence

if TYPE_CHECKING:
    from graph.extract.document import _Doc


@cache
def _outlet_countries() -> dict[str, str]:
    """Each name of a state outlet (lower case) -> its country."""
    return {surface.lower(): alias.country for surface, alias in knowledge_base().aliases.items()
            if alias.type == "media" and alias.kind == "state-media" and alias.country}


@cache
def _outlet_speaks() -> re.Pattern[str]:
    """A state outlet right before a speech verb: 'the KCNA said', 'Xinhua news agency reported' (words.csv
    SPEECH_PAST); group 'name' the outlet."""
    names = "|".join(sorted((re.escape(n) for n in _outlet_countries()), key=len, reverse=True))
    return re.compile(r"(?<![\w'’-])(?P<name>" + names + r")(?:\s+news\s+agency)?\s+(?:also\s+|further\s+)?(?:"
                      + word_classes()["SPEECH_PAST"] + r")\b", re.I)


def outlet_speaker(doc: _Doc, sentence: Sentence) -> Mention | None:
    """The state a state outlet speaking in the sentence speaks for (see the module's docstring)."""
    if not _outlet_countries():
        return None
    for match in _outlet_speaks().finditer(doc.text, sentence.start, sentence.end):
        if doc.quotes.covers(match.start()):
            continue
        country = _outlet_countries()[match.group("name").lower()]
        if country:
            return Mention(match.start(), match.end(), match.group(), "country", country, country, "", "government")
    return None
