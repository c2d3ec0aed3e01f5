"""Forces counted on their way out: a report of troops pulling out of a country gives their numbers ('Paris keeps
some 3,000 soldiers across the region, 1,500 of them in Chad'; 'about 400 French troops were based in Gabon'). Those
numbers size the departure the report is about; they are no claim that the sender holds sway over the host, so the
troop-presence reading of them (triggers.csv, exertsInfluenceOn over a words.csv FOREIGN_POST) is dropped there.
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors import word_classes
from graph.extract.document import _Doc
from graph.records import Event


@cache
def _post_word() -> re.Pattern[str]:
    """A standing military post or its troops (words.csv FOREIGN_POST): what a presence trigger counts."""
    return re.compile(r"\b(?:" + word_classes()["FOREIGN_POST"] + r")\b", re.I)


@cache
def _leaving_word() -> re.Pattern[str]:
    """Words of forces going home (words.csv FORCES_LEAVING): 'withdrawal', 'pullout', 'have left'."""
    return re.compile(r"\b(?:" + word_classes()["FORCES_LEAVING"] + r")\b", re.I)


def _withdrawing_senders(doc: _Doc) -> set[str]:
    """The countries whose troops a sentence of the document shows leaving ('the withdrawal of French troops',
    'a pullout of French troops from Mali'): the sentence holds a word of leaving and a post word and names the
    country, by name or by its adjective."""
    senders: set[str] = set()
    for sentence in doc.sentences:
        if _leaving_word().search(sentence.text) and _post_word().search(sentence.text):
            senders.update(m.country for m in doc.mentions(sentence) if m.type == "country" and m.country)
    return senders


def presence_of_leaving_forces(doc: _Doc, events: list[Event]) -> list[Event]:
    """The events less the troop counts of a sender the same report shows withdrawing its troops: in a story of a
    pullout the count is the size of what leaves, and news gold never takes it as influence over the host."""
    presences = {id(e) for e in events if e.relation == "exertsInfluenceOn" and _post_word().search(e.trigger)}
    if not presences:
        return events
    leaving = _withdrawing_senders(doc)
    return [e for e in events if not (id(e) in presences and e.actor_country in leaving)]
