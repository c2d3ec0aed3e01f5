"""The grounds a measure is said to be taken on (`_grounds`): conduct that charges whoever did it ('because of
their meddling'), a ground quoted as the measure-taker's own words, any conduct of the target after a wording of
retaliation or protest, and the target's own words ('because of "grave statements" made by Ankara'). Each such
ground makes the measure a charge against its target as well (`inferences._accusations_of_grounds`).
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors import word_classes
from graph.extract.document import _Doc
from graph.records import Event


@cache
def _charged_ground() -> re.Pattern[str]:
    """'because of', 'over', 'citing', 'in response to' and conduct that charges whoever did it (word class
    CHARGED_CONDUCT): the ground a measure was taken on. Up to four words ('their', 'Mexico's', 'what it called')
    may come between, none that opens another clause, and the conduct may open a quotation ('because of their
    "interference"'); a clause of reason may name it a little further ('because the country "will not tolerate
    subversive activities"'); group 1 is the conduct."""
    gap = r"(?!(?:and|or|but|that|which|who|while|after|before)\b)[\w'’\"“-]+\s+"
    return re.compile(r"\b(?:(?:because\s+of|over|citing|cites|cited|for|due\s+to|in\s+response\s+to|"
                      r"in\s+retaliation\s+for|"
                      r"in\s+protest\s+(?:at|over|against)|on\s+(?:the\s+)?grounds\s+of)\s+(?:" + gap + r"){0,4}?"
                      r"|because\s+(?:" + gap + r"){0,8}?)[\"“‘']?"
                      r"(" + word_classes()["CHARGED_CONDUCT"] + r")\b", re.I)


#: A ground that is the target's own words: "because of 'grave statements' made by Ankara", "over Erdogan's
#: remarks" (words.csv SPOKEN_WORDS); the speaker is the owner or the party after 'by'/'from'
@cache
def _spoken_ground() -> re.Pattern[str]:
    """The ground of a measure told as what another party said (group 'owner' before the words, 'by' after).
    Only words of reason open it: 'after remarks by a minister' tells when, not why."""
    words = word_classes()["SPOKEN_WORDS"]
    return re.compile(r"\b(?:because\s+of|over|in\s+response\s+to|"
                      r"in\s+protest\s+(?:at|over|against))"
                      r"\s+(?:the\s+)?(?:(?P<owner>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)['’]s?\s+)?"
                      r"(?:[\w\"“”-]+\s+){0,2}?[\"“]?(?:" + words + r")[\"”]?"
                      r"(?:\s+(?:made\s+)?(?:by|from)\s+(?:the\s+)?"
                      r"(?P<by>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}))?", re.I)


def _spoken_by_target(doc: _Doc, sentence, event: Event, match: re.Match[str]) -> bool:
    """Whether the words a measure answers are the target's: its name (or its leader's) owns them or says them."""
    spans = [(match.start(group), match.end(group)) for group in ("owner", "by") if match.group(group)]
    return any(start <= m.start < end and m.country == event.target_country
               for m in doc.mentions(sentence) for start, end in spans)


#: A ground that is a grievance whatever the conduct is called, when it is the target's own: 'in retaliation for
#: Moscow's military action', 'in protest at Rome's decision'
_OWNED_GROUND = re.compile(r"\b(?:in\s+retaliation\s+(?:for|against)|in\s+protest\s+(?:at|over|against)|"
                           r"in\s+reprisal\s+for|to\s+punish\s+\w+\s+for)\s+(?:the\s+)?"
                           r"(?P<owner>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)['’]s?\s+", re.I)


#: A ground the measure's actor names in quotation marks, right after 'over' or 'citing': 'recalls envoy over
#: "pro-Russian course"', 'over "antisemitic" remarks': the quoted words are the actor's own charge, whatever they are
_QUOTED_GROUND = re.compile(r"\b(?:over|citing|cites|cited)\s+(?:(?:the|its|their|his|her|what\s+it\s+called)\s+)?"
                            r"[\"“‘'](?=\w)[^\"”’']{3,40}[\"”’']", re.I)


def _grounds(doc: _Doc, sentence, event: Event, start: int, reach: int) -> list[re.Match[str]]:
    """The grounds of a measure read after its wording, in text order: charged conduct, a ground quoted as the
    actor's own words, or any conduct of the measure's target after a wording that makes it a grievance ('in
    retaliation for Moscow's military action')."""
    found = list(_charged_ground().finditer(doc.text, start, reach))
    found += [match for match in _QUOTED_GROUND.finditer(doc.text, start, reach)
              if not any(match.start() <= other.start() < match.end() for other in found)]
    for match in _OWNED_GROUND.finditer(doc.text, start, reach):
        if any(m.start == match.start("owner") and m.country == event.target_country for m in doc.mentions(sentence)):
            found.append(match)
    found += [match for match in _spoken_ground().finditer(doc.text, start, reach)
              if (match.group("owner") or match.group("by")) and _spoken_by_target(doc, sentence, event, match)
              and not any(match.start() <= other.start() < match.end() for other in found)]
    return sorted(found, key=lambda match: match.start())
