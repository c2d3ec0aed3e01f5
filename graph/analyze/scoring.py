"""Stance scores and labels: how each country stands toward a focus country, and where it is heading.

The rule is data (``sg:defaultScoring`` in ontology/scoring.ttl, read by :func:`load_scoring`), so its
numbers can change without the code; :func:`stances` applies it to the events table and
:func:`format_stances` prints the result with its evidence for a terminal.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyoxigraph as ox

from graph.analyze.events import (
    _local,
    _query_text,
    check_focus,
    country_labels,
    event_times,
    missing_as_none,
    time_order,
)
from graph.ontology import SG, ontology_store

#: Columns of :func:`stances`, in order.
STANCE_COLUMNS = [
    "focus",
    "country",
    "country_label",
    "score",
    "own_score",
    "received_score",
    "label",
    "trend",
    "n_events",
    "events",
    "evidence",
    "event_iris",
]

STANCE_LABELS = ("cooperative", "coerced", "mixed", "resistant", "pressured", "unknown")


@dataclass(frozen=True)
class ScoringRule:
    """The numbers and relation lists of one ``sg:ScoringRule`` individual (see ontology/scoring.ttl).

    Relations are given by local name (``"threatenedSanctions"``), as in the ``relation`` column of
    :func:`load_events`.
    """

    iri: str
    label: str
    own_act_factor: float
    received_act_factor: float
    evidence_prior: float
    cooperative_threshold: float
    resistant_threshold: float
    trend_threshold: float
    coercion_relations: frozenset[str]
    improving_relations: frozenset[str]
    worsening_relations: frozenset[str]
    reversal_pairs: tuple[tuple[str, str], ...]


_RULE_NUMBERS = {
    "ownActFactor": "own_act_factor",
    "receivedActFactor": "received_act_factor",
    "evidencePrior": "evidence_prior",
    "cooperativeThreshold": "cooperative_threshold",
    "resistantThreshold": "resistant_threshold",
    "trendThreshold": "trend_threshold",
}
_RULE_SETS = {
    "coercionRelation": "coercion_relations",
    "improvingRelation": "improving_relations",
    "worseningRelation": "worsening_relations",
}


def load_scoring(rule: str = SG + "defaultScoring", *, source: Path | str | ox.Store | None = None) -> ScoringRule:
    """Read a scoring rule from RDF: by default ``sg:defaultScoring`` from ontology/scoring.ttl.

    The weights live in the ontology so that they are documented (each property has an ``rdfs:label``
    and a ``skos:definition``), queryable next to the data, and changeable without touching code.
    `source` may be another Turtle file or a store holding other ``sg:ScoringRule`` individuals.
    """
    if source is None:
        store = ontology_store()
    elif isinstance(source, ox.Store):
        store = source
    else:
        store = ox.Store()
        store.load(path=str(source), format=ox.RdfFormat.TURTLE)
    values: dict[str, object] = {"iri": rule, "label": _local(rule)}
    sets: dict[str, set[str]] = {field: set() for field in _RULE_SETS.values()}
    pairs: set[tuple[str, str]] = set()
    rows = store.query(_query_text("scoring"), substitutions={ox.Variable("rule"): ox.NamedNode(rule)})
    for row in rows:
        prop = _local(row["property"].value)
        if prop == "reversalPair":
            pairs.add((_local(row["negative"].value), _local(row["positive"].value)))
        elif prop == "label":
            values["label"] = row["value"].value
        elif prop in _RULE_NUMBERS:
            values[_RULE_NUMBERS[prop]] = float(row["value"].value)
        elif prop in _RULE_SETS:
            sets[_RULE_SETS[prop]].add(_local(row["value"].value))
    missing = sorted(f"sg:{name}" for name, field in _RULE_NUMBERS.items() if field not in values)
    if missing:
        raise ValueError(f"scoring rule <{rule}> lacks {', '.join(missing)}; add them to ontology/scoring.ttl")
    return ScoringRule(
        **values,  # type: ignore[arg-type]
        **{field: frozenset(items) for field, items in sets.items()},
        reversal_pairs=tuple(sorted(pairs)),
    )


# ---------------------------------------------------------------------------------------------------------
# Stances


def stances(
    events: pd.DataFrame,
    *,
    focus: str = "USA",
    rule: ScoringRule | None = None,
    include_all: bool = False,
) -> pd.DataFrame:
    """Score how each country stands toward `focus`, label it, and say where it is heading.

    The rule (numbers from ``sg:defaultScoring`` in ontology/scoring.ttl):

    1. **Which events.** Every event between the country C and the focus F at country level (people
       and organisations count for their country). An act of C toward F is an *own act*; an act of F
       toward C is a *received act*; an act of a symmetric relation (meetsWith, agreesToCooperate)
       is an own act whichever side is the grammatical actor, since both took part.
    2. **Contribution** of an event = factor x signed weight, the signed weight being the relation
       weight (-10..+10) x confidence; the factor is ``sg:ownActFactor`` (1.0) for own acts and
       ``sg:receivedActFactor`` (0.5) for received acts.
    3. **Score** = sum of the own acts' contributions / (sum of their absolute values +
       ``sg:evidencePrior`` (2.0)): the stance of C is what C does. It lies in (-1, 1): consistent
       evidence pushes it toward +1 or -1, evidence both ways pulls it toward 0, and the prior keeps one
       weak event from looking like a settled stance. ``own_score`` and ``received_score`` are the plain
       sums of the two kinds of contributions: what F did to C is reported beside the score, not in it.
    4. **Label**, from C's own acts:
       *coerced*: F used a coercion relation (``sg:coercionRelation``: threatenedSanctions,
       threatenedExpulsion, threatened, demands) toward C before C's latest signed own act, and
       that act is cooperative - pressure, then compliance;
       *cooperative*: every signed own act is cooperative, or the score is >= ``sg:cooperativeThreshold``;
       *resistant*: every signed own act is hostile, or the score is <= ``sg:resistantThreshold``;
       *mixed*: own acts both ways with a score between the two thresholds;
       *pressured*: no signed own act, but F acted against C (a hostile received act): C's own stance
       is unknown, being pressured is not resisting;
       *unknown*: no signed own act and no hostile act of F (or, with ``include_all``, no event with F).
    5. **Trend**, from the events in time order (event date, else report date, then document, then
       ``sg:sequence``):
       a reported change of course wins - the latest own act of an improving relation
       (shiftsTowardCooperation) or worsening relation (reducesCooperation), or the latest
       *reversal* (an own act followed later by its opposite, per ``sg:reversalPair``: refused then
       accepted deportees is improving); without one, the mean sign (+1 cooperative, -1 hostile) of
       the later half of the signed events minus that of the earlier half (the middle one left out
       when the count is odd): at least ``sg:trendThreshold`` (0.5) is improving, at most minus that
       is worsening, else stable; fewer than two signed events give an empty trend. Signs, not
       weights, so that a cooperative country whose later acts are merely milder is not "worsening".

    Returns one row per country that has any event with the focus (plus, with ``include_all``, every
    other country of `events`, labelled unknown), sorted by score, highest first, unknown last.
    ``events``, ``evidence`` and ``event_iris`` are tuples in time order, so every label comes with
    the sentences behind it.
    """
    events = missing_as_none(events)
    rule = rule or load_scoring()
    focus = check_focus(focus, events)
    columns = STANCE_COLUMNS
    if events.empty:
        return pd.DataFrame(columns=columns)
    labels = country_labels(events)
    rows_by_country = _acts_by_country(events, focus, rule)
    countries = set(rows_by_country)
    if include_all:
        countries |= set(labels) - {focus}
    records = []
    for country in sorted(countries):
        acts = rows_by_country.get(country, [])
        score = _score(acts, rule)
        records.append(
            {
                "focus": focus,
                "country": country,
                "country_label": labels.get(country, country),
                "score": round(score, 4),
                "own_score": round(sum(a["contribution"] for a in acts if a["own"]), 4),
                "received_score": round(sum(a["contribution"] for a in acts if not a["own"]), 4),
                "label": _label(acts, score, rule),
                "trend": _trend(acts, rule),
                "n_events": len(acts),
                "events": tuple(a["description"] for a in acts),
                "evidence": tuple(a["evidence"] for a in acts),
                "event_iris": tuple(a["event"] for a in acts),
            }
        )
    table = pd.DataFrame(records, columns=columns)
    table["_unknown"] = table["label"].isin(("unknown", "pressured"))
    table = table.sort_values(["_unknown", "score", "country"], ascending=[True, False, True], kind="stable")
    return table.drop(columns="_unknown").reset_index(drop=True)


def _acts_by_country(events: pd.DataFrame, focus: str, rule: ScoringRule) -> dict[str, list[dict]]:
    """Each country's events with the focus as *acts* in time order (see :func:`stances`, steps 1 and 2):
    whether the act is the country's own, its relation and contribution, and what describes it."""
    order = time_order(events)
    when = event_times(events)
    rows_by_country: dict[str, list[dict]] = defaultdict(list)
    names = ("actor_country", "target_country", "symmetric", "relation", "weight", "description", "evidence", "event")
    columns = [order.tolist(), when.tolist()] + [events[name].tolist() for name in names]
    # column by column, not `iterrows` (a Series per row: a second for the four calls of a build of 10,000 events)
    for rank, at, actor_c, target_c, symmetric, relation, weight, description, evidence, event in zip(
            *columns, strict=True):
        if not (isinstance(actor_c, str) and isinstance(target_c, str)) or actor_c == target_c:
            continue
        if focus not in (actor_c, target_c):
            continue
        country = target_c if actor_c == focus else actor_c
        own = actor_c == country or bool(symmetric)
        factor = rule.own_act_factor if own else rule.received_act_factor
        rows_by_country[country].append(
            {
                "order": int(rank),
                "when": at,
                "own": own,
                "relation": relation,
                "contribution": factor * float(weight),
                "description": description,
                "evidence": evidence,
                "event": event,
            }
        )
    return {country: sorted(acts, key=lambda a: a["order"]) for country, acts in rows_by_country.items()}


def _score(acts: list[dict], rule: ScoringRule) -> float:
    """Stance score of one country from its acts (see :func:`stances`, step 3), unrounded."""
    contributions = [a["contribution"] for a in acts if a["own"]]
    total = sum(abs(c) for c in contributions)
    return sum(contributions) / (total + rule.evidence_prior) if total > 0 else 0.0


def _label(acts: list[dict], score: float, rule: ScoringRule) -> str:
    """Stance label of one country from its time-ordered acts (see :func:`stances`, step 4).

    The score is compared with the thresholds at nine decimals: a score of exactly -0.2 in decimal
    arithmetic (as SPARQL computes it) can be -0.19999999999999998 in floating point.
    """
    score = round(score, 9)
    own_signed = [a for a in acts if a["own"] and a["contribution"] != 0]
    if not own_signed:
        return "pressured" if any(not a["own"] and a["contribution"] < 0 for a in acts) else "unknown"
    if own_signed[-1]["contribution"] > 0:
        latest = own_signed[-1]["order"]
        if any(not a["own"] and a["relation"] in rule.coercion_relations and a["order"] < latest for a in acts):
            return "coerced"
    if all(a["contribution"] > 0 for a in own_signed) or score >= rule.cooperative_threshold:
        return "cooperative"
    if all(a["contribution"] < 0 for a in own_signed) or score <= rule.resistant_threshold:
        return "resistant"
    return "mixed"


def _trend(acts: list[dict], rule: ScoringRule) -> str:
    """Trend of one country from its time-ordered acts (see :func:`stances`, step 5)."""
    signals: list[tuple[int, int]] = []
    own = [a for a in acts if a["own"]]
    for act in own:
        if act["relation"] in rule.improving_relations:
            signals.append((act["order"], 1))
        elif act["relation"] in rule.worsening_relations:
            signals.append((act["order"], -1))
    for negative, positive in rule.reversal_pairs:
        for later in own:
            before = {a["relation"] for a in own if a["order"] < later["order"]}
            if later["relation"] == positive and negative in before:
                signals.append((later["order"], 1))
            elif later["relation"] == negative and positive in before:
                signals.append((later["order"], -1))
    if signals:
        return "improving" if max(signals)[1] > 0 else "worsening"
    signs = [(a["contribution"] > 0) - (a["contribution"] < 0) for a in acts if a["contribution"] != 0]
    if len(signs) < 2:
        return ""
    half = len(signs) // 2
    change = sum(signs[-half:]) / half - sum(signs[:half]) / half
    if change >= rule.trend_threshold:
        return "improving"
    if change <= -rule.trend_threshold:
        return "worsening"
    return "stable"


def format_stances(table: pd.DataFrame, *, evidence: bool = True) -> str:
    """The stance table as text for a terminal: one line per country, then its events and sentences.

    Control characters in article text are replaced so that evidence cannot move the cursor or
    change the terminal's colours.
    """
    if table.empty:
        return "no country has a stance event with the focus"
    shown = table[
        ["country", "country_label", "label", "score", "own_score", "received_score", "trend", "n_events"]
    ].rename(columns={"country_label": "name", "n_events": "events"})
    lines = [shown.to_string(index=False)]
    if evidence:
        for row in table.itertuples():
            lines.append("")
            lines.append(f"{row.country} ({_printable(row.country_label)}): {row.label}")
            for description, sentence in zip(row.events, row.evidence, strict=True):
                lines.append(f"  {_printable(description)}")
                if sentence:
                    lines.append(f"      \u201c{_printable(sentence)}\u201d")
    return "\n".join(lines)


def _printable(text: str) -> str:
    return "".join(ch if ch.isprintable() else " " for ch in str(text))
