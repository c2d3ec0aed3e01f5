"""Trip origins: where a traveller arrived from was a stop of the same trip.

'Blinken arrived in Nigeria from Kenya', 'Ishiba arrived in Jakarta on Friday from Kuala Lumpur': the arrival is a
visit to the place named after 'in', and the foreign country or capital named right after 'from' is where the trip
came from, a visit of its own. The traveller's own country is no visit (a trip starts there), nor is a place the
sentence names only as an owner ('from Kenya's capital') or people who arrive (no official, no visit event).
"""

from __future__ import annotations

import re
from dataclasses import replace

from graph.extract.document import _Doc
from graph.records import Event

#: An arrival's wording, its place and a time perhaps, then 'from': 'arrived in Nigeria from ', 'landed in Jakarta
#: on Friday from '
_ARRIVED_FROM = re.compile(r"\b(?:arriv\w*|landed)\s+(?:in|at)\s+[^,;:.()]{1,40}?\s+from\s+(?:the\s+)?$", re.I)


def _origin_visits(doc: _Doc, event: Event) -> list[Event]:
    """The visit to the country an arrival came from, when the sentence of the arrival names one."""
    if event.relation != "visits" or not event.trigger.lower().startswith(("arriv", "landed")):
        return []
    sentence = doc.sentence_at(event.start)
    if sentence is None:
        return []
    for place in doc.mentions(sentence):
        if place.type != "country" or place.via not in ("name", "capital") or not place.country \
                or place.country in (event.actor_country, event.target_country):
            continue
        if doc.text[place.end:place.end + 2] in ("'s", "’s"):
            continue  # 'from Kenya's capital': the country owns a place named after it
        if _ARRIVED_FROM.search(doc.text, max(sentence.start, place.start - 80), place.start):
            return [replace(event, target=place.text, target_type="country", target_country=place.country)]
    return []


def visits_of_trip_origins(doc: _Doc, events: list[Event]) -> list[Event]:
    """'arrived in Nigeria from Kenya': the traveller's stop before the arrival is a visit too, once per pair."""
    seen = {(e.actor_country, e.target_country) for e in events if e.relation == "visits"}
    found: list[Event] = []
    for event in events:
        for origin in _origin_visits(doc, event):
            if (origin.actor_country, origin.target_country) not in seen:
                seen.add((origin.actor_country, origin.target_country))
                found.append(origin)
    return found
