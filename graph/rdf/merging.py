"""Mentions of one fact merged into one event: the same actor country, relation and target within a few days,
so repetition across reports does not inflate scores; the IRIs of events and mentions, from content hashes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import pyoxigraph as ox

from graph.actors import slug
from graph.ontology import EVENT, MENTION
from graph.rdf.terms import _hash, _n
from graph.records import Event, MergedEvent

#: Mentions of the same fact this many days apart or closer are one event.
MERGE_WINDOW_DAYS = 3


def merge_events(events: Iterable[Event], *, window_days: int = MERGE_WINDOW_DAYS) -> list[MergedEvent]:
    """Group mentions of the same fact: same actor country, relation and target, dates within the window.

    Mentions without a date join the group of their key, if any. Groups come back in a stable order
    (earliest date, then source, then position), so IRIs and output repeat from build to build.
    """
    groups: dict[tuple[str, str, str], list[MergedEvent]] = {}
    ordered = sorted(events, key=lambda e: (e.date or "9999", e.source, e.start, e.relation, e.target))
    for event in ordered:
        key = (event.actor_country, event.relation, event.target_country or slug(event.target))
        bucket = groups.setdefault(key, [])
        home = None
        for group in bucket:
            last = group.mentions[-1].date
            if not event.date or not last or _days(last, event.date) <= window_days:
                home = group
                break
        if home is None:
            home = MergedEvent()
            bucket.append(home)
        home.mentions.append(event)
    merged = [group for bucket in groups.values() for group in bucket]
    merged.sort(key=lambda g: (g.first.date or "9999", g.first.source, g.first.start, g.first.relation,
                               g.first.target))
    return merged


def _days(a: str, b: str) -> int:
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


def event_iri(group: MergedEvent, sha_of: dict[str, str]) -> ox.NamedNode:
    first = group.first
    # The actor is part of the identity: one sentence can state the same act by two parties toward one target.
    return _n(EVENT + _hash(sha_of.get(first.source, first.source), first.start, first.end, first.relation,
                            first.target, first.actor))


def mention_iri(event: Event, sha_of: dict[str, str]) -> ox.NamedNode:
    return _n(MENTION + _hash(sha_of.get(event.source, event.source), event.start, event.end, event.relation,
                              event.target, event.actor))
