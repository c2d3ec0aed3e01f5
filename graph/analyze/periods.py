"""Stances in time: change points and a panel per ISO week or month.

Both reuse the scoring rule of :func:`stances` on a country's events in time order, so a change point
is exactly where the stance table would have read differently, and a period's score is what the
country did in that period alone.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from graph.analyze.events import check_focus, country_labels, missing_as_none
from graph.analyze.scoring import ScoringRule, _acts_by_country, _label, _printable, _score, load_scoring

# ---------------------------------------------------------------------------------------------------------
# Stance over time: change points and panels, from the same acts, score and label as `stances`

#: Columns of :func:`stance_changes`, in order.
CHANGE_COLUMNS = [
    "focus",
    "country",
    "country_label",
    "date",
    "from_label",
    "to_label",
    "score_before",
    "score_after",
    "event",
    "description",
    "evidence",
]
#: Columns of :func:`stance_panel`, in order.
PANEL_COLUMNS = [
    "focus",
    "country",
    "country_label",
    "period",
    "start",
    "score",
    "label",
    "events",
    "running_score",
    "running_label",
]
#: The periods :func:`stance_panel` can group by.
PERIODS = ("week", "month")
#: The period of events with no date at all; it comes after every dated period.
UNDATED = "undated"


def _country_acts(
    events: pd.DataFrame, focus: str, rule: ScoringRule | None
) -> tuple[ScoringRule, dict, list[tuple[str, list[dict]]]] | None:
    """What the change points and the panel both walk: the scoring rule, each country's label, and each
    country's acts with `focus` in time order, countries sorted; None when there are no events. An unknown
    focus raises before an empty table returns, as :func:`stances` does."""
    events = missing_as_none(events)
    rule = rule or load_scoring()
    focus = check_focus(focus, events)
    if events.empty:
        return None
    return rule, country_labels(events), sorted(_acts_by_country(events, focus, rule).items())


def stance_changes(events: pd.DataFrame, *, focus: str = "USA", rule: ScoringRule | None = None) -> pd.DataFrame:
    """The change points of each country's stance toward `focus`: every event after which the country's
    label differs from its label just before that event.

    The label after an event is the label :func:`stances` gives the country's events up to and including
    it, in time order (event date where the sentence gave one, else report date; see :func:`time_order`),
    so a change point is exactly where the stance table would have read differently. A country's first
    event sets its first label and is no change. ``date`` is the event's date (:func:`event_times`, None
    when undated); ``score_before``/``score_after`` the scores around it. The named query
    ``stance-changes`` computes the same rows in SPARQL; a test holds the two together.

    Sorted by country, then time order.
    """
    walk = _country_acts(events, focus, rule)
    if walk is None:
        return pd.DataFrame(columns=CHANGE_COLUMNS)
    rule, labels, by_country = walk
    rows = []
    for country, acts in by_country:
        before_score, before_label = _score(acts[:1], rule), _label(acts[:1], _score(acts[:1], rule), rule)
        for position in range(1, len(acts)):
            prefix = acts[: position + 1]
            score = _score(prefix, rule)
            label = _label(prefix, score, rule)
            if label != before_label:
                act = acts[position]
                rows.append({
                    "focus": focus, "country": country, "country_label": labels.get(country, country),
                    "date": act["when"], "from_label": before_label, "to_label": label,
                    "score_before": round(before_score, 4), "score_after": round(score, 4), "event": act["event"],
                    "description": act["description"], "evidence": act["evidence"],
                })  # fmt: skip
            before_score, before_label = score, label
    return missing_as_none(pd.DataFrame(rows, columns=CHANGE_COLUMNS))


def period_of(day: str | None, by: str) -> str:
    """The period an ISO date falls in: its ISO 8601 week (``2025-W06``) or its month (``2025-02``).

    ISO weeks start on Monday and belong to the year of their Thursday, so the last days of December can
    be week 1 of the next year. No date gives ``undated``.

    >>> period_of("2025-02-03", "week"), period_of("2024-12-30", "week"), period_of("2025-02-03", "month")
    ('2025-W06', '2025-W01', '2025-02')
    >>> period_of(None, "week")
    'undated'
    """
    if by not in PERIODS:
        raise ValueError(f"unknown period {by!r}: give one of {', '.join(PERIODS)}")
    if not day:
        return UNDATED
    if by == "month":
        return day[:7]
    year, week, _ = date.fromisoformat(day).isocalendar()
    return f"{year}-W{week:02d}"


def _period_start(period: str) -> str | None:
    """The first day of a period of :func:`period_of`, as an ISO date (None for undated)."""
    if period == UNDATED:
        return None
    if "-W" in period:
        year, week = period.split("-W")
        return date.fromisocalendar(int(year), int(week), 1).isoformat()
    return f"{period}-01"


def stance_panel(
    events: pd.DataFrame, *, focus: str = "USA", by: str = "week", rule: ScoringRule | None = None
) -> pd.DataFrame:
    """Each country's stance toward `focus` per period (ISO week or month): a panel for charts and trends.

    One row per country and period with events between the two. ``score`` and ``label`` are those of
    :func:`stances` over the period's events alone (what the country did that week); ``running_score``
    and ``running_label`` over every event up to the end of the period (where its stance stood then);
    ``events`` counts the period's events, own and received. Periods follow :func:`period_of` on the
    event date (else the report date); undated events make a last period ``undated``. ``start`` is the
    first day of the period.

    Raises ValueError for a period other than week or month. Sorted by country, then period in time.
    """
    if by not in PERIODS:
        raise ValueError(f"unknown period {by!r}: give one of {', '.join(PERIODS)}")
    walk = _country_acts(events, focus, rule)
    if walk is None:
        return pd.DataFrame(columns=PANEL_COLUMNS)
    rule, labels, by_country = walk
    rows = []
    for country, acts in by_country:
        periods: dict[str, list[dict]] = {}
        for act in acts:  # in time order, so periods come in time order and undated last
            periods.setdefault(period_of(act["when"], by), []).append(act)
        seen = 0
        for period, inside in periods.items():
            seen += len(inside)
            score, running = _score(inside, rule), _score(acts[:seen], rule)
            rows.append({
                "focus": focus, "country": country, "country_label": labels.get(country, country),
                "period": period, "start": _period_start(period), "score": round(score, 4),
                "label": _label(inside, score, rule), "events": len(inside), "running_score": round(running, 4),
                "running_label": _label(acts[:seen], running, rule),
            })  # fmt: skip
    return missing_as_none(pd.DataFrame(rows, columns=PANEL_COLUMNS))


def format_panel(panel: pd.DataFrame, changes: pd.DataFrame) -> str:
    """The panel and the change points as text for a terminal (see :func:`format_stances`)."""
    if panel.empty:
        return "no country has a stance event with the focus"
    shown = panel[["country", "period", "label", "score", "events", "running_score", "running_label"]]
    lines = [shown.to_string(index=False), "", "change points (the event after which a country's label changed):"]
    for row in changes.itertuples():
        lines.append(f"  {row.country} {row.from_label} -> {row.to_label}: {_printable(row.description)}")
    if changes.empty:
        lines.append("  none")
    return "\n".join(lines)
