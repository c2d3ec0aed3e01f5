"""Parties a charge names as the ones who suffer, for `targets._find_targets`: no one accuses them.

A party the speaker shows solidarity or sympathy with ('expressing solidarity with the people of Yemen') and the
owner of a mission broken into or attacked ('the breach of the premises of the Bangladesh consulate') stand on the
harmed side of what is condemned; whoever did the act is the one accused, if the text names them. So do those
said to feel a worry the act stirs ('raise concerns among its partners, including Australia').
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors import word_classes
from graph.records import Mention


@cache
def _shown_for_before() -> re.Pattern[str]:
    """A feeling shown toward a sufferer (words.csv SHOWN_FOR_SUFFERERS), up to the party: 'solidarity with the
    people of ', 'condolences to '."""
    return re.compile(r"\b(?:" + word_classes()["SHOWN_FOR_SUFFERERS"] + r")\s+(?:with|to|for)\s+(?:the\s+)?"
                      r"(?:(?:people|peoples|citizens|nation|victims|families|government)\s+(?:of\s+)?(?:the\s+)?)?$",
                      re.I)


@cache
def _site_harmed_before() -> re.Pattern[str]:
    """A harm done to a site (words.csv VIOLENT_ACTS, SITE_BREACHES), up to the site's owner: 'the breach of the
    premises of the ', 'the attack on the '."""
    classes = word_classes()
    return re.compile(r"\b(?:" + classes["VIOLENT_ACTS"] + "|" + classes["SITE_BREACHES"] + r")\s+"
                      r"(?:of|on|against|at|into)\s+(?:the\s+)?(?:(?:premises|compound|grounds|building)\s+of\s+"
                      r"(?:the\s+)?)?$", re.I)


@cache
def _mission_after() -> re.Pattern[str]:
    """A mission right after its owner's name (words.csv MISSION): ' consulate', '’s embassy'."""
    return re.compile(r"(?:['’]s)?\s+(?:" + word_classes()["MISSION"] + r")\b", re.I)


@cache
def _worry_among_before() -> re.Pattern[str]:
    """A worry felt among some parties (words.csv FELT_WORRIES), up to the party at hand in the same clause: 'concerns
    among the country's traditional partners, including '."""
    return re.compile(r"\b(?:" + word_classes()["FELT_WORRIES"] + r")\s+among\s+[^.;:()]{0,70}$", re.I)


def suffers_charge(text: str, mention: Mention) -> bool:
    """Whether the party is named as one who suffers what is condemned: shown solidarity ('solidarity with the
    people of Yemen'), said to feel a worry ('concerns among its partners, including Australia') or owner of a
    mission harmed ('the breach of the Bangladesh consulate'). The accused is the doer, never the harmed."""
    if _shown_for_before().search(text, max(0, mention.start - 50), mention.start) \
            or _worry_among_before().search(text, max(0, mention.start - 90), mention.start):
        return True  # ('a move likely to raise concerns among Australia and others': they feel it, and charge no one)
    return _site_harmed_before().search(text, max(0, mention.start - 60), mention.start) is not None \
        and _mission_after().match(text, mention.end) is not None
