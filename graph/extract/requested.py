"""What a party is asked to do is no act of anyone's: 'urged the court to halt German military aid to Israel',
'asked Turkey to press Iran to halt its drone sales'.

The act named in the 'to' clause of a request is only wanted; nobody has done it, neither the one asked (a
court, a state, a body) nor the party the act's wording names. A request nested in another one ('ask Turkey
to press Iran') is itself only asked for, so the charge a warning implies is not the asked party's either.
"""
from __future__ import annotations

import re
from functools import cache

from graph.actors import word_classes
from graph.extract.document import _Doc
from graph.words import ends_with_any

#: How far before the act the request may open ('asked the UN's highest court (the ICJ) late on Tuesday to')
_REACH = 120


@cache
def _asked_to() -> re.Pattern[str]:
    """A request verb, its addressee and 'to', right before the act (words.csv REQUEST_VERBS): 'urged the court
    to ', 'press Russia to '; the addressee holds no clause break or second verb's subject ('stated in a press
    release that Uganda would like to' asks nothing: 'press' there is a noun, words.csv REQUEST_VERB_AS_NOUN)."""
    return re.compile(r"(?<!\bthe\s)(?<!\ba\s)\b(?:" + word_classes()["REQUEST_VERBS"] + r")\s+"
                      r"(?!ahead\b|forward\b|on\s+with\b|(?:" + word_classes()["REQUEST_VERB_AS_NOUN"] + r"))"
                      r"(?:[\w.'’()-]+\s+){1,10}?to\s+(?:(?:immediately|urgently|fully|also)\s+)?$", re.I)


#: What every match of `_asked_to` ends with, for `ends_with_any`
_ASKED_TO_ENDS = ("to", "immediately", "urgently", "fully", "also")


@cache
def _own_body() -> re.Pattern[str]:
    """One's own government or forces as the addressee (words.csv ORDERED_OWN): 'a resolution calling on the
    government to end the presence of foreign troops' is the state's own act in the making, told as a request."""
    return re.compile(r"\s+(?:the|its|his|her|their|our)\s+(?:own\s+)?(?:" + word_classes()["ORDERED_OWN"]
                      + r")\s+to\b", re.I)


def asked_to_do(doc: _Doc, floor: int, head_start: int) -> int | None:
    """Where the request opens whose 'to' clause the wording starting at `head_start` is (after `floor`, the
    sentence's start): what it asks another party to do. None when the wording is no such clause."""
    start = max(floor, head_start - _REACH)
    window = doc.text[start:head_start]
    # (every request ends in 'to' or an adverb after it: most windows end otherwise, and the search, which tries
    # every place of the window, is not run there)
    found = _asked_to().search(window) if ends_with_any(window, _ASKED_TO_ENDS) else None
    if found is None or re.search(r"[,;:]\s+(?:and|but|while|which|who)\b|\band\s+(?:then\s+)?\w+ed\b",
                                  found.group(0)):
        return None
    verb = re.match(r"\w+(?:\s+(?:on|upon|to)\b)?", found.group(0))
    return None if _own_body().match(found.group(0), verb.end()) else start + found.start()
