"""Loading the events table: one row per stance event, read from the store through SPARQL.

The queries are data files (graph/templates/sparql/), the relation weights come from the store's ontology
or the shipped one, and actor and target nodes get a label, a type and a country, so the tables below
need no store. Events sorted by IRI, times taken from the event date where the sentence gave one and
the report date otherwise, and the focus checked against the known countries: every later step reads
the same frame the same way.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

import pandas as pd
import pyoxigraph as ox

from graph.actors import country_names
from graph.ontology import COUNTRY, ORG, PERSON, POLICY, SG, relations
from graph.store import invalidated_events

_PACKAGE = Path(__file__).resolve().parent.parent
_QUERIES = _PACKAGE / "templates" / "sparql"

#: Class IRI -> actor type, most specific first (a programme is also a policy).
_TYPES = (
    ("Program", "program"),
    ("Policy", "policy"),
    ("Person", "person"),
    ("Organization", "organization"),
    ("Country", "country"),
)
#: IRI namespace -> actor type, for nodes whose class is not in the store.
_NAMESPACE_TYPES = ((COUNTRY, "country"), (PERSON, "person"), (ORG, "organization"), (POLICY, "policy"))

#: Columns of :func:`load_events`, in order.
EVENT_COLUMNS = [
    "event",
    "actor",
    "actor_label",
    "actor_type",
    "actor_country",
    "relation",
    "target",
    "target_label",
    "target_type",
    "target_country",
    "actor_home",
    "target_home",
    "context",
    "date",
    "event_date",
    "mode",
    "sequence",
    "confidence",
    "polarity",
    "relation_weight",
    "weight",
    "mention_count",
    "symmetric",
    "evidence",
    "source",
    "sources",
    "description",
]

#: Columns of :func:`load_events` that hold text (or None); the others are numbers and booleans.
_TEXT_COLUMNS = frozenset(EVENT_COLUMNS) - {
    "sequence", "confidence", "polarity", "relation_weight", "weight", "mention_count", "symmetric"}


class UnknownFocusError(ValueError):
    """The focus is not an ISO 3166-1 alpha-3 code of a known country (ISO 3166, country_names.csv or the graph)."""


# ---------------------------------------------------------------------------------------------------------
# Data files: queries and the ontology's relations


@cache
def _query_text(name: str) -> str:
    """The text of a SPARQL query shipped in graph/templates/sparql/ (queries are data, not literals)."""
    return (_QUERIES / f"{name}.rq").read_text(encoding="utf-8")


@cache
def _ontology_relations() -> dict[str, tuple[int | None, float | None, bool]]:
    """The relation table of ontology/stancegraph.ttl, for stores built without the ontology."""
    return {name: (r.polarity, r.weight, r.symmetric) for name, r in relations().items()}


def _relations(store: ox.Store) -> dict[str, tuple[int | None, float | None, bool]]:
    """relation local name -> (polarity, weight, symmetric) as defined in `store`."""
    table = {}
    for row in store.query(_query_text("relations")):
        name = _local(row["relation"].value)
        polarity = int(row["polarity"].value) if row["polarity"] is not None else None
        weight = float(row["weight"].value) if row["weight"] is not None else None
        table[name] = (polarity, weight, row["symmetric"].value == "true")
    return table


# ---------------------------------------------------------------------------------------------------------
# Events


def _local(iri: str) -> str:
    """The local name of an IRI: after the last '#' or '/'."""
    return iri.rsplit("#", 1)[-1] if "#" in iri else iri.rstrip("/").rsplit("/", 1)[-1]


def iso3(iri: str | None) -> str | None:
    """The ISO3 code of a country IRI (country:MEX -> 'MEX'); None for anything else."""
    if iri and iri.startswith(COUNTRY):
        return iri[len(COUNTRY) :]
    return None


def _value(term: ox.NamedNode | ox.Literal | ox.BlankNode | None) -> str | None:
    return None if term is None else term.value


def node_table(store: ox.Store) -> dict[str, dict[str, str | None]]:
    """node IRI -> {label, type, country}; one label chosen deterministically when several exist."""
    labels: dict[str, list[tuple[int, str]]] = defaultdict(list)
    types: dict[str, set[str]] = defaultdict(set)
    countries: dict[str, set[str]] = defaultdict(set)
    for row in store.query(_query_text("stance_nodes")):
        node = row["node"].value
        types[node]  # every node gets an entry, typed or not
        if row["type"] is not None:
            types[node].add(row["type"].value)
        label = row["label"]
        if label is not None:
            language = getattr(label, "language", None) or ""
            rank = 0 if language in ("", "en") or language.startswith("en-") else 1
            labels[node].append((rank, label.value))
        if row["country"] is not None and iso3(row["country"].value):
            countries[node].add(iso3(row["country"].value))
    table = {}
    for node in types:
        node_type = next((name for cls, name in _TYPES if SG + cls in types[node]), None)
        if node_type is None:
            node_type = next((name for ns, name in _NAMESPACE_TYPES if node.startswith(ns)), "actor")
        home = iso3(node) or (sorted(countries[node])[0] if countries[node] else None)
        label = min(labels[node])[1] if labels[node] else _fallback_label(node)
        table[node] = {"label": label, "type": node_type, "country": home}
    return table


def country_name(code: str) -> str:
    """The name news uses for an ISO3 code ('Russia', 'DR Congo'), or the code itself when it is unknown."""
    return country_names().get(code, code)


def _fallback_label(iri: str) -> str:
    """A name for a node without rdfs:label: the country's name, else the IRI's local name."""
    code = iso3(iri)
    return country_name(code) if code else _local(iri)


def _source_table(store: ox.Store, values: str | None = None) -> dict[str, tuple[str | None, tuple[str, ...]]]:
    """event IRI -> (path of the evidence's document, all document paths sorted); `values`: of these events
    only (IRIs in SPARQL syntax)."""
    primary: dict[str, set[str]] = defaultdict(set)
    every: dict[str, set[str]] = defaultdict(set)
    if values == "":
        return {}
    for row in store.query(_restricted(_query_text("stance_sources"), values)):
        event, path = row["event"].value, row["path"].value
        every[event].add(path)
        if row["isEvidenceSource"].value == "true":
            primary[event].add(path)
    table = {}
    for event, paths in every.items():
        ordered = tuple(sorted(paths))
        first = sorted(primary[event])[0] if primary[event] else ordered[0]
        table[event] = (first, ordered)
    return table


def _merge_relation(
    *tables: tuple[int | None, float | None, bool] | None,
) -> tuple[int | None, float | None, bool]:
    """First known polarity and weight among the definitions; symmetric if any definition says so."""
    found = [t for t in tables if t is not None]
    polarity = next((t[0] for t in found if t[0] is not None), None)
    weight = next((t[1] for t in found if t[1] is not None), None)
    return polarity, weight, any(t[2] for t in found)


def country_labels(events: pd.DataFrame) -> dict[str, str]:
    """ISO3 code -> display name for every country in `events`.

    The country node's ``rdfs:label`` when the country itself acts or is targeted, else pycountry's
    name, else the code.
    """
    labels: dict[str, str] = {}
    for kind in ("actor", "target"):
        for iri, label in zip(events[kind], events[f"{kind}_label"], strict=True):
            code = iso3(iri)
            if code:
                labels.setdefault(code, label)
    codes = set(events["actor_country"].dropna()) | set(events["target_country"].dropna())
    for code in sorted(codes - set(labels)):
        labels[code] = country_name(code)
    return labels


def event_time_of(row: pd.Series | dict) -> str | None:
    """When an event happened as far as the graph knows: its event date, else its report date, else None.

    >>> event_time_of({"date": "2025-01-28", "event_date": "2025-01-26"}), event_time_of({"date": "2025-01-28"})
    ('2025-01-26', '2025-01-28')
    """
    for column in ("event_date", "date"):
        value = row.get(column)
        if isinstance(value, str) and value:
            return value
    return None


def event_times(events: pd.DataFrame) -> pd.Series:
    """:func:`event_time_of` for every row: the event date where the sentence gave one, else the report date.

    Every ordering in time (trends, labels, panels, change points) reads this, so a report looking back at
    an act two weeks earlier puts the act where it happened.
    """
    dates = events["date"].astype(object).where(events["date"].notna(), None)
    if "event_date" not in events:
        return dates
    known = events["event_date"].astype(object)
    return known.where(known.notna() & (known != ""), dates)


def describe(row: pd.Series | dict) -> str:
    """A one-line, human-readable account of an event, e.g. ``2025-01-26 MEX refusesDeportees -> USA``.

    Countries appear as ISO codes; people, organisations and programmes by label with their country.
    """

    def name(kind: str) -> str:
        iri, label, country = row[kind], row[f"{kind}_label"], row[f"{kind}_country"]
        if iso3(iri):
            return iso3(iri)
        return f"{label} ({country})" if isinstance(country, str) and country else str(label)

    when = event_time_of(row) or "undated"
    return f"{when} {name('actor')} {row['relation']} -> {name('target')}"


def load_events(store: ox.Store) -> pd.DataFrame:
    """Read every ``sg:StanceEvent`` of the store into a DataFrame, one row per event, sorted by IRI.

    Columns (see :data:`EVENT_COLUMNS`): IRIs for ``event``, ``actor``, ``target`` and ``context``;
    ``*_label`` and ``*_type`` (country, person, organization, program, policy) of actor and target;
    ``actor_country``/``target_country`` as ISO3 codes (None when the target is a programme);
    ``actor_home``/``target_home``, the node's own country (``sg:country``, or its code for a country),
    which places a programme next to the country that runs it;
    ``relation`` as the local name (``acceptsDeportees``); ``date`` as ISO text or None; ``polarity``
    and ``relation_weight`` from the event, else from the relation's definition (in the store, else in
    ontology/stancegraph.ttl); ``weight`` = relation weight x confidence, the signed weight used by
    every graph; ``symmetric`` for meetsWith-like relations; ``source`` (document path of the evidence
    sentence) and ``sources`` (all document paths); ``description`` from :func:`describe`.

    Only SPARQL on the store is used, so the same function works on a build folder, a served store or
    a file loaded into memory. Events a correction rejected or replaced (``prov:wasInvalidatedBy``) are left
    out; :func:`graph.store.raw_view` gives the raw extraction to read instead.
    """
    return events_frame(event_rows(store), node_table(store), invalidated_events(store))


def event_rows(store: ox.Store, only: Iterable[str] | None = None,
               sources: Mapping[str, tuple[str | None, tuple[str, ...]]] | None = None) -> dict[str, dict]:
    """event IRI -> what :func:`load_events` reads about the event itself (its properties, relation and
    documents), before the labels, types and countries of its actor and target are added: the part of a row
    that stays the same while the event's own triples do. `only`: just these events (the events a rebuild
    changed, graph/build.py), the rest being taken from the previous build's rows. `sources`: the events'
    documents (event -> the evidence's document path, every document path sorted) when the caller knows them
    from the graph's parts (graph/assemble/), instead of reading them from the store."""
    values = None if only is None else " ".join(f"<{iri}>" for iri in sorted(only))
    if sources is None:
        sources = _source_table(store, values)
    in_store = _relations(store)
    on_disk = _ontology_relations()
    records: dict[str, dict] = {}
    if values == "":
        return records
    for row in store.query(_restricted(_query_text("stance_events"), values)):
        event = row["event"].value
        if event in records:  # a property given twice: keep the first row (ordered)
            continue
        relation = _local(row["relation"].value)
        known = _merge_relation(in_store.get(relation), on_disk.get(relation))
        polarity = int(row["polarity"].value) if row["polarity"] is not None else known[0]
        weight = float(row["weight"].value) if row["weight"] is not None else known[1]
        if weight is None:  # no weight anywhere: fall back on the sign alone (magnitude 1)
            weight = float(polarity or 0)
        if polarity is None:
            polarity = (weight > 0) - (weight < 0)
        confidence = float(row["confidence"].value) if row["confidence"] is not None else 1.0
        primary, all_sources = sources.get(event, (None, ()))
        records[event] = {
            "event": event,
            "actor": row["actor"].value,
            "actor_country": iso3(_value(row["actorCountry"])),
            "relation": relation,
            "target": row["target"].value,
            "target_country": iso3(_value(row["targetCountry"])),
            "context": _value(row["context"]),
            "date": _value(row["date"]),
            "event_date": _value(row["eventDate"]),
            "mode": _local(row["mode"].value) if row["mode"] is not None else None,
            "sequence": int(row["sequence"].value) if row["sequence"] is not None else 0,
            "confidence": confidence,
            "polarity": int(polarity),
            "relation_weight": weight,
            "weight": round(weight * confidence, 6),
            "mention_count": int(row["mentionCount"].value) if row["mentionCount"] is not None else 1,
            "symmetric": known[2],
            "evidence": _value(row["evidence"]) or "",
            "source": primary,
            "sources": tuple(all_sources),
        }
    return records


def _restricted(query: str, values: str | None) -> str:
    """`query` for the events in `values` only (a VALUES block at the start of its WHERE clause)."""
    if values is None:
        return query
    at = query.index("WHERE {") + len("WHERE {")
    return f"{query[:at]}\n  VALUES ?event {{ {values} }}{query[at:]}"


def events_frame(rows: dict[str, dict], nodes: dict[str, dict], invalidated: set[str]) -> pd.DataFrame:
    """The table of :func:`load_events` from :func:`event_rows`, the node table and the events corrections
    invalidated: each row completed with its actor's and target's label, type and country."""
    records = []
    for event, row in rows.items():
        if event in invalidated:  # rejected or replaced by a correction: not in the curated graph
            continue
        actor, target = row["actor"], row["target"]
        actor_node = nodes.get(actor, {"label": _local(actor), "type": "actor", "country": None})
        target_node = nodes.get(target, {"label": _local(target), "type": "actor", "country": None})
        records.append({
            **row,
            "actor_label": actor_node["label"],
            "actor_type": actor_node["type"],
            "actor_country": row["actor_country"] or actor_node["country"],
            "target_label": target_node["label"],
            "target_type": target_node["type"],
            "target_country": row["target_country"]
            or (target_node["country"] if target_node["type"] in ("country", "person", "organization") else None),
            "actor_home": actor_node["country"],
            "target_home": target_node["country"],
        })
    frame = missing_as_none(pd.DataFrame(records, columns=EVENT_COLUMNS[:-1]))
    frame["description"] = [describe(row) for row in records]  # the frame's rows, in order, without a copy
    return frame.sort_values("event", kind="stable").reset_index(drop=True)


def missing_as_none(frame: pd.DataFrame) -> pd.DataFrame:
    """The same table with every missing text value (NaN, NA) as None, in columns of dtype object.

    pandas 3 stores text as its ``str`` dtype, where a missing value is NaN: an undated event would carry a
    float into every later stage, and JSON (the view), GEXF and CSV writers treat it as a number. Every
    stage reads events through this contract instead: text or None. Tables read back from ``events.csv``
    with :func:`pandas.read_csv` can be passed through it too.

    >>> frame = missing_as_none(pd.DataFrame({"date": ["2025-02-03", None], "weight": [1.0, 2.0]}))
    >>> frame["date"].tolist(), str(frame["date"].dtype)
    (['2025-02-03', None], 'object')
    """
    frame = frame.copy()
    # an all-missing text column arrives as float64 (every value NaN): name the text columns, not only by dtype
    text = {c for c in frame.columns if c in _TEXT_COLUMNS} | set(frame.select_dtypes(include=["object", "string"]))
    for column in [c for c in frame.columns if c in text]:
        values = frame[column].astype(object)
        frame[column] = values.where(values.notna(), None)
    return frame


def time_order(events: pd.DataFrame) -> pd.Series:
    """Rank of each event in time: by date, then document, then ``sg:sequence`` within the document.

    The date is the event date where its sentence gave one, else the report date (:func:`event_times`).
    Undated events come after dated ones; the event IRI breaks remaining ties so the order repeats.
    Within one article the sequence is the order of the first mention, i.e. the narrative order,
    which is the best available proxy for "first ..., then ...".
    """
    when = event_times(events)
    keys = pd.DataFrame(
        {
            "undated": when.isna(),
            "date": when.fillna(""),
            "source": events["source"].fillna(""),
            "sequence": events["sequence"],
            "event": events["event"],
        },
        index=events.index,
    )
    ordered = keys.sort_values(["undated", "date", "source", "sequence", "event"], kind="stable").index
    return pd.Series(range(len(ordered)), index=ordered).reindex(events.index)


def check_focus(focus: str, events: pd.DataFrame | None = None) -> str:
    """Normalise a focus code to upper-case ISO3, or raise :class:`UnknownFocusError` naming it.

    A code is accepted when it names a country of ISO 3166 or of graph/data/country_names.csv (XKX for
    Kosovo), or a country the graph has.
    """
    code = (focus or "").strip().upper()
    known_in_graph = set()
    if events is not None and len(events):
        known_in_graph = set(events["actor_country"].dropna()) | set(events["target_country"].dropna())
    if len(code) == 3 and code.isalpha() and (code in known_in_graph or code in country_names()):
        return code
    raise UnknownFocusError(f"unknown focus country {focus!r}: give an ISO 3166-1 alpha-3 code such as USA, MEX or CHN")
