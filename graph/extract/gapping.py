"""Gapped lists: parties that share the act of the one before them with the verb left out.

A report that counts what each party did often names the verb once: 'Norway flew out 70 rescuers, Chile 45,
Kenya 30 and Fiji 12'. Each party after the first, set off by a list's comma or 'and' and
followed right away by its own count, does what the first did toward the same side (`_gapped_parties`). A count
after the first party's wording is required, so a plain list of objects ('condemned Japan, the Philippines')
is never read as one.
"""

from __future__ import annotations

import re
from dataclasses import replace

from graph.extract.document import _Doc
from graph.records import Event, Mention

#: The first party's own count, in its wording or right after it, before the list goes on: '70 rescuers'
_FIRST_COUNT = re.compile(r"[^,;]*\d[^,;]{0,40}")
#: Between two items of a gapped list: a comma, 'and' or both
_ITEM_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")
#: A count right after a gapped party: ' 105', ' $2 million', ' £1.5 million'
_OWN_COUNT = re.compile(r"\s+[$£€]?\s?\d")
#: The whole of that count: ' 105', ' $2 million', ' £1.5 million [$1.7 million]'
_COUNT = re.compile(r"\s+[$£€]?\s?\d+(?:[.,]\d+)*(?:\s+(?:million|billion|thousand))?(?:\s+\[[^\]]*\])?")


def _gapped_parties(doc: _Doc, event: Event) -> list[Mention]:
    """The parties of a gapped list after the wording of `event`: each set off by a list gap and followed right
    away by its own count, the first of them right after the wording's count."""
    sentence = doc.sentence_at(event.start)
    if sentence is None or not event.trigger:
        return []
    at = doc.text.find(event.trigger, sentence.start, sentence.end)
    if at == -1:
        return []
    end = at + len(event.trigger)
    comma = doc.text.find(",", end, sentence.end)
    if comma == -1 or not _FIRST_COUNT.fullmatch(doc.text, at, comma):
        return []
    later = [m for m in doc.mentions(sentence) if m.start > comma and m.type == "country" and m.country]
    found: list[Mention] = []
    previous_end = comma
    for mention in later:
        if not _ITEM_GAP.fullmatch(doc.text, previous_end, mention.start) \
                or not _OWN_COUNT.match(doc.text, mention.end):
            break
        found.append(mention)
        count = _COUNT.match(doc.text, mention.end)
        previous_end = count.end() if count else mention.end
    return found


def gapped_list_events(doc: _Doc, events: list[Event]) -> list[Event]:
    """The events with those of the parties of gapped lists ('Norway flew out 70 rescuers, Kenya 30 and
    Fiji 12'): each does what the first party did, toward the same side; a gapped party read as one more target
    of the first ('sent 60 rescuers to Ecuador, Chile 45') is none."""
    gapped = {id(event): _gapped_parties(doc, event) for event in events if event.target_country}
    dropped = {id(e) for e in events if any(m.country == e.target_country for m in gapped.get(id(e), []))}
    kept = [e for e in events if id(e) not in dropped]
    seen = {(e.sequence, e.actor_country, e.relation, e.target_country) for e in kept}
    for event in [e for e in events if id(e) not in dropped]:
        for party in gapped.get(id(event), []):
            key = (event.sequence, party.country, event.relation, event.target_country)
            if party.country in (event.target_country, event.actor_country) or key in seen:
                continue
            seen.add(key)
            kept.append(replace(event, actor=party.text, actor_type="country", actor_country=party.country))
    return kept
