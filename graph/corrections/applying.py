"""The rows applied to the extraction results: rejected, accepted, changed and added events, alias merges and
people's countries and roles (for good or for a period), with every row that matches nothing or contradicts
another reported rather than dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from graph.corrections.files import event_key
from graph.corrections.matching import Actor, _names_actor, fold, resolve_actor, same_source
from graph.corrections.rows import CHANGE_ACTIONS, EVENT_ACTIONS, Correction, Curation, Problem
from graph.records import Document, Event


def apply(corrections: Sequence[Correction], results: Sequence, *, base: Path | dict[str, Path] | None = None,
          event_iris: dict[str, list[Event]] | None = None) -> Curation:
    """Apply the rows to the extraction results (`DocumentResult`s) and say what matched nothing.

    `base` is the folder the rows' sources are relative to (the corrections file's; a dict maps each file
    to its folder when the rows come from several files); `event_iris` maps the
    key of each extracted event's IRI to its mentions (see `graph.rdf.event_keys`), for rows that name an
    event by IRI. A row further down the file wins over a row it contradicts, and both are reported.
    """
    curation = Curation(corrections=list(corrections))
    report = curation.problems.append
    documents = [r.document for r in results if not r.document.skipped]
    raw = [event for r in results for event in r.events]
    people, periods = _people(corrections, results, curation)
    aliases = _aliases(corrections, people, raw, curation)
    event_iris = event_iris or {}
    bases = base if isinstance(base, dict) else {}

    def folder(row: Correction) -> Path | None:
        return bases.get(row.file) if isinstance(base, dict) else base

    decisions: dict[Event, dict[str, Correction]] = {}
    for row in corrections:
        if row.action not in EVENT_ACTIONS:
            continue
        matched = _matching(row, raw, documents, folder(row), event_iris)
        if not matched:
            report(Problem("unmatched", row.file, row.line, f"{row.action}: {_describe(row)} matches no event "
                           "(the article changed or was removed?); the row is kept but does nothing"))
            continue
        value = _change_value(row, people)
        if row.action in ("actor", "target") and value is None:
            report(Problem("bad", row.file, row.line, f"{row.action}: {row.value!r} names no known country, "
                           "person or organisation; give an ISO3 code or add a `country` row for the person"))
            continue
        for event in matched:
            mine = decisions.setdefault(event, {})
            slot = "verdict" if row.action in ("reject", "accept") else row.action
            earlier = mine.get(slot)
            if earlier is not None and (earlier.action, earlier.value) != (row.action, row.value):
                report(Problem("contradiction", row.file, row.line, f"{row.action} contradicts line {earlier.line} "
                               f"({earlier.action}{' ' + earlier.value if earlier.value else ''}) for "
                               f"{_describe_event(event)}; this row wins"))
            if row.action == "reject" and any(k != "verdict" for k in mine):
                first = next(c for k, c in mine.items() if k != "verdict")
                report(Problem("contradiction", row.file, row.line, f"reject contradicts line {first.line} "
                               f"({first.action} {first.value}) for {_describe_event(event)}; the event is rejected"))
            elif row.action in CHANGE_ACTIONS and mine.get("verdict") is not None and \
                    mine["verdict"].action == "reject":
                report(Problem("contradiction", row.file, row.line, f"{row.action} contradicts line "
                               f"{mine['verdict'].line} (reject) for {_describe_event(event)}; the event stays "
                               "rejected"))
            mine[slot] = row

    for event in raw:
        mine = decisions.get(event, {})
        verdict = mine.get("verdict")
        if verdict is not None and verdict.action == "reject":
            curation.rejected[event] = (verdict,)
            continue
        changed, rows = _changed(event, mine, people, aliases, periods)
        if verdict is not None and verdict.action == "accept":
            curation.accepted[event] = (verdict,)
        if changed != event:
            curation.origin[changed] = (event, rows)
        curation.events.append(changed)
    used = {c for _, rows in curation.origin.values() for c in rows}
    for row in periods:
        if row not in used:
            report(Problem("unmatched", row.file, row.line, f"country: no event of {row.actor} dated within "
                           f"{row.start or '…'}..{row.end or '…'} takes {row.value} from this row; it does nothing"))
    for row in corrections:
        if row.action == "add":
            added = _added(row, results, folder(row), people, curation)
            if added is not None:
                curation.origin[added] = (None, (row,))
                curation.events.append(added)
    return curation


def _describe(row: Correction) -> str:
    if row.event:
        return f"event {row.event}"
    return f"{row.source}: {row.actor} {row.relation} {row.target}"


def _describe_event(event: Event) -> str:
    return f"{event.actor} ({event.actor_country}) {event.relation} -> {event.target} in {event.source}"


def _matching(row: Correction, raw: list[Event], documents: list[Document], base: Path | None,
              event_iris: dict[str, list[Event]]) -> list[Event]:
    """The extracted mentions a row names: all mentions of the event with its IRI, or those of its source
    with its actor, relation and target."""
    if row.event:
        return list(event_iris.get(event_key(row.event), ()))
    sources = {d.source for d in documents if same_source(row.source, d, base)}
    relation = row.relation.removeprefix("sg:")
    return [e for e in raw if e.source in sources and e.relation == relation
            and _names_actor(row.actor, e.actor, e.actor_type, e.actor_country)
            and _names_actor(row.target, e.target, e.target_type, e.target_country)]


def _change_value(row: Correction, people: dict[str, tuple[str, Correction]]) -> object:
    """The new value of a change row: an Actor for actor/target (None when it names nobody), else text."""
    if row.action in ("actor", "target"):
        return resolve_actor(row.value, {name: iso for name, (iso, _) in people.items()})
    return row.value.removeprefix("sg:")


def _people(corrections: Sequence[Correction], results: Sequence,
            curation: Curation) -> tuple[dict[str, tuple[str, Correction]], list[Correction]]:
    """`country` and `role` rows: the corrected country and role of each person, by the name as written in the
    row; a person named in no article is reported as unmatched (the row still applies to later articles).

    Rows with a period (`start`, `end`) hold for the events dated within it (see `_person_country`); two
    rows of one person and field contradict each other when both hold for good, or their periods overlap.
    The person's node (curation.people) takes the row that holds for good, else the latest period's. Gives
    each name's country that holds for good, else the latest period's (for naming the person in actor,
    target and add rows), and the `country` rows with a period."""
    names = {fold(e.name) for r in results for e in r.entities if e.type == "person"}
    names |= {fold(e.actor) for r in results for e in r.events if e.actor_type == "person"}
    names |= {fold(e.target) for r in results for e in r.events if e.target_type == "person"}
    countries: dict[str, tuple[str, Correction]] = {}
    seen: dict[tuple[str, str], list[Correction]] = {}
    for row in corrections:
        if row.action not in ("country", "role"):
            continue
        earlier = seen.setdefault((fold(row.actor), row.action), [])
        clash = next((e for e in reversed(earlier) if e.value != row.value and _overlap(e, row)), None)
        if clash is not None:
            when = f" ({clash.start or '…'}..{clash.end or '…'})" if clash.period else ""
            curation.problems.append(Problem("contradiction", row.file, row.line, f"{row.action} of {row.actor} "
                                             f"is {clash.value}{when} on line {clash.line}; this row ({row.value}) "
                                             "wins"))
        earlier.append(row)
        fields = curation.people.setdefault(row.actor, {})
        held = fields.get(row.action)
        if held is None or held[1].period is not None and (row.period is None or row.start >= held[1].start):
            fields[row.action] = (row.value, row)
        if row.action == "country" and (row.actor not in countries or countries[row.actor][1].period is not None):
            countries[row.actor] = (row.value, row)
        if fold(row.actor) not in names:
            curation.problems.append(Problem("unmatched", row.file, row.line, f"{row.action}: no article names "
                                             f"the person {row.actor!r}"))
    periods = [row for rows in seen.values() for row in rows if row.action == "country" and row.period]
    return countries, periods


def _overlap(a: Correction, b: Correction) -> bool:
    """Whether two rows hold at once: both for good, or periods that share a day."""
    if (a.period is None) != (b.period is None):
        return False  # a period beside a row for good: the period's events take it, the others the other
    if a.period is None:
        return True
    return (not a.end or not b.start or b.start <= a.end) and (not b.end or not a.start or a.start <= b.end)


def _person_country(name: str, day: str, people: dict[str, tuple[str, Correction]],
                    periods: list[Correction]) -> tuple[str, Correction] | None:
    """The corrected country of the person on that day: a row whose period contains it (the lowest in the
    file), else the row that holds for good, else None."""
    dated = [row for row in periods if fold(row.actor) == fold(name) and row.holds_on(day)]
    if dated:
        return dated[-1].value, dated[-1]
    found = next((p for n, p in people.items() if fold(n) == fold(name)), None)
    return found if found is not None and found[1].period is None else None


def _aliases(corrections: Sequence[Correction], people: dict[str, tuple[str, Correction]], raw: list[Event],
             curation: Curation) -> dict[str, tuple[Actor, Correction]]:
    """`alias` rows: folded actor name -> the actor it is."""
    found: dict[str, tuple[Actor, Correction]] = {}
    named = {fold(e.actor) for e in raw} | {fold(e.target) for e in raw}
    for row in corrections:
        if row.action != "alias":
            continue
        actor = resolve_actor(row.value, {name: iso for name, (iso, _) in people.items()})
        if actor is None:
            curation.problems.append(Problem("bad", row.file, row.line, f"alias: {row.value!r} names no known "
                                             "country, person or organisation; give an ISO3 code or a known name"))
            continue
        earlier = found.get(fold(row.actor))
        if earlier is not None and earlier[0] != actor:
            curation.problems.append(Problem("contradiction", row.file, row.line, f"alias: {row.actor} is "
                                             f"{earlier[0].name} on line {earlier[1].line}; this row wins"))
        found[fold(row.actor)] = (actor, row)
        if fold(row.actor) not in named:
            curation.problems.append(Problem("unmatched", row.file, row.line, f"alias: no event has the actor or "
                                             f"target {row.actor!r}"))
    return found


def _changed(event: Event, mine: dict[str, Correction], people: dict[str, tuple[str, Correction]],
             aliases: dict[str, tuple[Actor, Correction]],
             periods: Sequence[Correction] = ()) -> tuple[Event, tuple[Correction, ...]]:
    """The mention with the aliases, people's countries and change rows applied, and the rows that did it."""
    rows: list[Correction] = []
    values: dict[str, object] = {}
    for side in ("actor", "target"):
        name, kind = getattr(event, side), getattr(event, f"{side}_type")
        alias = aliases.get(fold(name))
        if alias is not None:
            values |= {side: alias[0].name, f"{side}_type": alias[0].type, f"{side}_country": alias[0].country}
            rows.append(alias[1])
        elif kind == "person":
            person = _person_country(name, event.event_date or event.date, people, periods)
            if person is not None and person[0] != getattr(event, f"{side}_country"):
                values[f"{side}_country"] = person[0]
                rows.append(person[1])
    for action in CHANGE_ACTIONS:
        row = mine.get(action)
        if row is None:
            continue
        rows.append(row)
        if action in ("actor", "target"):
            actor = resolve_actor(row.value, {name: iso for name, (iso, _) in people.items()})
            assert actor is not None  # checked when the row was matched
            values |= {action: actor.name, f"{action}_type": actor.type, f"{action}_country": actor.country}
        else:
            values[action] = row.value.removeprefix("sg:")
    if "relation" in values:
        values["context"] = _context(event.evidence, event.context)
    changed = replace(event, **values) if values else event
    return changed, tuple(dict.fromkeys(rows))


def _context(sentence: str, default: str) -> str:
    """The policy context of a sentence: the first of graph/data/contexts.csv whose keywords occur in it."""
    from graph.extract import contexts

    for context in contexts():
        if context.regex.search(sentence):
            return context.slug
    return default or "diplomacy"


def _added(row: Correction, results: Sequence, base: Path | None, people: dict[str, tuple[str, Correction]],
           curation: Curation) -> Event | None:
    """The event an `add` row states, or None (and a problem) when its source or span is not found."""
    report = curation.problems.append
    matches = [r for r in results if not r.document.skipped and same_source(row.source, r.document, base)]
    if not matches:
        report(Problem("bad", row.file, row.line, f"add: no article {row.source!r} among the inputs"))
        return None
    result = matches[0]
    document = result.document
    start = document.text.find(row.evidence)
    if start < 0:
        report(Problem("bad", row.file, row.line, f"add: the evidence is not in {document.source}; copy the span "
                       "exactly from the article"))
        return None
    known = {name: iso for name, (iso, _) in people.items()}
    actor, target = resolve_actor(row.actor, known), resolve_actor(row.target, known)
    for side, found in (("actor", actor), ("target", target)):
        if found is None:
            cell = getattr(row, side)
            report(Problem("bad", row.file, row.line, f"add: {side} {cell!r} names no known country, person or "
                           "organisation; give an ISO3 code or add a `country` row for the person"))
            return None
    assert actor is not None and target is not None
    end = start + len(row.evidence)
    before = [e.sequence for e in result.events if e.start <= start]
    relation = row.relation.removeprefix("sg:")
    return Event(
        source=document.source, date=document.date, actor=actor.name, actor_type=actor.type,
        actor_country=actor.country, relation=relation, target=target.name, target_type=target.type,
        target_country=target.country, confidence=1.0, mode="asserted", context=_context(row.evidence, ""),
        evidence=row.evidence, start=start, end=end, trigger="", sequence=max(before, default=0),
        url=document.url, publisher=document.publisher, title=document.title,
    )
