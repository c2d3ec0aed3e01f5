"""The dates, names and stance over time the page works with: each event's date, every way to type a
country's name (accents folded), and each country's stance series toward the focus.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable

import pandas as pd

from graph.analyze import _acts_by_country, country_name, load_scoring, missing_as_none


def _date_text(value: object) -> str:
    """An event date as ISO text ('2025-01-30'), or '' when there is none."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if hasattr(value, "isoformat"):
        try:
            return value.isoformat()[:10]
        except ValueError:  # NaT
            return ""
    text = str(value).strip()
    return "" if text.lower() in ("nan", "nat", "none") else text


def event_dates(events: pd.DataFrame) -> list[str]:
    """The date each event happened, as ISO text ('' when undated).

    The ``event_date`` column (the date resolved from the sentence) where the table has it and it is not
    empty for that event, else the ``date`` column (the article's date).
    """
    reported = [_date_text(v) for v in events["date"]] if "date" in events.columns else [""] * len(events)
    if "event_date" not in events.columns:
        return reported
    resolved = [_date_text(v) for v in events["event_date"]]
    return [own or fallback for own, fallback in zip(resolved, reported, strict=True)]


def fold(text: str) -> str:
    """Text for matching a typed name: accents dropped, case folded, spaces collapsed ('Bogotá' -> 'bogota')."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().split())


def alias_table(codes: Iterable[str], labels: dict[str, str] | None = None) -> dict[str, list[str]]:
    """Every way to type each country of `codes`: ISO3 and ISO2 codes, names, aliases, demonyms, capitals.

    Taken from the actor knowledge base (:func:`graph.actors.knowledge_base`, i.e. graph/data/
    country_aliases.csv and pycountry), folded with :func:`fold`, for the countries given only, so the
    page embeds what it can use: 'Washington', 'American' and 'U.S.' find the United States.
    """
    from graph.actors import knowledge_base

    kb = knowledge_base()
    labels = labels or {}
    table: dict[str, set[str]] = {}
    for code in codes:
        names = {code, kb.iso2.get(code, ""), country_name(code), labels.get(code, ""), kb.countries.get(code, "")}
        table[code] = {fold(name) for name in names if name}
    for surface, alias in kb.aliases.items():
        if alias.type == "country" and alias.key in table and alias.kind in ("name", "demonym", "capital"):
            table[alias.key].add(fold(surface))
    return {code: sorted(names) for code, names in sorted(table.items())}


def stance_series(events: pd.DataFrame, *, focus: str) -> dict[str, dict]:
    """Each country's stance over time toward `focus`: the running sum of its own acts' contributions.

    Own acts and contributions as in :func:`graph.analyze.stances` (an act of the country toward the
    focus, or a symmetric act between them; contribution = ``sg:ownActFactor`` x signed weight), in time
    order. Returns ``{code: {"points": [[date, running, contribution, event IRI], ...], "undated": n,
    "undatedSum": s, "final": f}}``: ``final`` (dated and undated acts) is the country's ``own_score``.
    """
    events = missing_as_none(events)
    if events.empty:
        return {}
    series = {}
    for country, acts in sorted(_acts_by_country(events, focus, load_scoring()).items()):
        own = [act for act in acts if act["own"]]  # in time order, undated last
        if not own:
            continue
        running, points, undated, undated_sum = 0.0, [], 0, 0.0
        for act in own:
            if not act["when"]:
                undated, undated_sum = undated + 1, undated_sum + act["contribution"]
                continue
            running += act["contribution"]
            points.append([act["when"], round(running, 4), round(act["contribution"], 4), act["event"]])
        series[country] = {"points": points, "undated": undated, "undatedSum": round(undated_sum, 4),
                           "final": round(running + undated_sum, 4)}
    return series
