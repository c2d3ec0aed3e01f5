"""The analysis stage: stance events from the store -> pandas tables, networkx graphs -> scores, metrics.

Takes the built graph (an Oxigraph store, read only through SPARQL) and gives:

- :func:`load_events`: one row per ``sg:StanceEvent`` as a DataFrame;
- :func:`actor_graph` / :func:`country_graph`: directed multigraphs, one edge per event, whose edge
  ``weight`` is the *signed weight* of the event, **relation weight x confidence** (the relation weight
  is the Goldstein-like ``sg:weight`` in -10..+10, negative for hostile acts, so the sign says
  cooperation or conflict and the size how strong and how sure). Mention counts do not multiply the
  weight: a claim repeated by several outlets is one act, not several;
- :func:`signed_graph`: the undirected signed projection (one edge per pair, weights summed);
- :func:`stances`: one score, label and trend per country toward a focus country (rule below);
- metrics written like networkx, ``f(G, *, weight=None, seed=None)`` returning DataFrames:
  :func:`centrality`, :func:`communities`, :func:`structural_balance`, :func:`summary`;
- :func:`write_analysis`: ``stances.csv``, ``graph.gexf`` and ``graph.graphml`` for Gephi or Cytoscape.

Every graph is built from events sorted by IRI, and every random step takes an explicit seed, so the
same store gives the same numbers every time.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import networkx as nx
import pandas as pd
import pyoxigraph as ox

from graph.actors import country_names
from graph.exports import write_gexf, write_graphml
from graph.ontology import COUNTRY, ORG, PERSON, POLICY, SG, ontology_store, relations
from graph.outputs import atomic_path, atomic_write_text
from graph.store import invalidated_events

_PACKAGE = Path(__file__).resolve().parent
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


class UnknownFocusError(ValueError):
    """The focus is not an ISO 3166-1 alpha-3 code of a known country (ISO 3166, country_names.csv or the graph)."""


# ---------------------------------------------------------------------------------------------------------
# Data files: queries, ontology, scoring rule


@cache
def _query_text(name: str) -> str:
    """The text of a SPARQL query shipped in graph/templates/sparql/ (queries are data, not literals)."""
    return (_QUERIES / f"{name}.rq").read_text(encoding="utf-8")


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
    from the graph's parts (graph/assemble.py), instead of reading them from the store."""
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


# ---------------------------------------------------------------------------------------------------------
# Graphs


def _edge_attributes(row: dict) -> dict:
    """Scalar edge attributes shared by the actor and the country graph."""
    return {
        "event": row["event"],
        "relation": row["relation"],
        "weight": float(row["weight"]),
        "relation_weight": float(row["relation_weight"]),
        "polarity": int(row["polarity"]),
        "confidence": float(row["confidence"]),
        "date": row["date"],
        "event_date": row.get("event_date"),
        "sequence": int(row["sequence"]),
        "context": row["context"],
        "mode": row["mode"],
        "mention_count": int(row["mention_count"]),
        "evidence": row["evidence"],
        "source": row["source"],
        "description": row["description"],
    }


def actor_graph(events: pd.DataFrame) -> nx.MultiDiGraph:
    """Directed multigraph of actors: one node per actor or target IRI, one edge per event.

    Nodes carry ``label``, ``type`` and ``country`` (ISO3 or None); edges are keyed by event IRI and
    carry the signed ``weight`` (relation weight x confidence) plus relation, date, evidence, source.
    Nodes and edges are added in sorted order so that every algorithm sees them in the same order.
    """
    events = missing_as_none(events)
    graph = nx.MultiDiGraph(level="actor")
    rows = sorted(events.to_dict("records"), key=lambda r: (r["actor"], r["target"], r["event"]))
    nodes = {}
    for row in rows:
        for kind in ("actor", "target"):
            nodes[row[kind]] = {
                "label": row[f"{kind}_label"],
                "type": row[f"{kind}_type"],
                "country": row[f"{kind}_country"],
            }
    for node in sorted(nodes):
        graph.add_node(node, **nodes[node])
    for row in rows:
        graph.add_edge(row["actor"], row["target"], key=row["event"], **_edge_attributes(row))
    return graph


def country_graph(events: pd.DataFrame) -> nx.MultiDiGraph:
    """Directed multigraph of countries: every event rolled up to (actor country, target country).

    People and organisations count for their country (``sg:actorCountry`` / ``sg:targetCountry``);
    events toward a programme or policy, and events inside one country, have no country-level edge.
    Nodes are ISO3 codes with ``label`` and ``type="country"``; edges keep the event IRI as key and the
    original ``actor``/``target`` IRIs next to the signed ``weight``.
    """
    events = missing_as_none(events)
    graph = nx.MultiDiGraph(level="country")
    labels = country_labels(events)
    for code in sorted(labels):
        graph.add_node(code, label=labels[code], type="country", iri=COUNTRY + code)
    rows = [
        r
        for r in events.to_dict("records")
        if isinstance(r["actor_country"], str)
        and isinstance(r["target_country"], str)
        and r["actor_country"] != r["target_country"]
    ]
    for row in sorted(rows, key=lambda r: (r["actor_country"], r["target_country"], r["event"])):
        graph.add_edge(
            row["actor_country"],
            row["target_country"],
            key=row["event"],
            actor=row["actor"],
            actor_label=row["actor_label"],
            target=row["target"],
            target_label=row["target_label"],
            **_edge_attributes(row),
        )
    return graph


def signed_graph(G: nx.Graph, *, weight: str = "weight") -> nx.Graph:
    """Collapse a (multi, directed) graph to an undirected signed graph, one edge per pair of nodes.

    Edge attributes: ``weight`` (sum of the signed weights both ways), ``sign`` (+1, -1, or 0 when they
    cancel out or are all neutral), ``n_events`` and the sorted ``relations``. Self-loops are dropped.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("MEX", "USA", weight=-5.0, relation="refusesDeportees")
    0
    >>> G.add_edge("USA", "MEX", weight=2.0, relation="visits")
    0
    >>> H = signed_graph(G)
    >>> H["MEX"]["USA"]["weight"], H["MEX"]["USA"]["sign"], H["MEX"]["USA"]["n_events"]
    (-3.0, -1, 2)
    """
    H = nx.Graph(**G.graph)
    for node in sorted(G.nodes, key=str):
        H.add_node(node, **G.nodes[node])
    edges = G.edges(data=True, keys=True) if G.is_multigraph() else ((u, v, None, d) for u, v, d in G.edges(data=True))
    pairs: dict[tuple, dict] = {}
    for u, v, _key, data in edges:
        if u == v:
            continue
        pair = (u, v) if str(u) <= str(v) else (v, u)
        entry = pairs.setdefault(pair, {"weight": 0.0, "n_events": 0, "relations": set()})
        entry["weight"] += float(data.get(weight, 0.0) or 0.0)
        entry["n_events"] += 1
        if data.get("relation"):
            entry["relations"].add(data["relation"])
    for u, v in sorted(pairs, key=lambda p: (str(p[0]), str(p[1]))):
        entry = pairs[(u, v)]
        total = round(entry["weight"], 9)
        H.add_edge(
            u,
            v,
            weight=total,
            sign=(total > 0) - (total < 0),
            n_events=entry["n_events"],
            relations=sorted(entry["relations"]),
        )
    return H


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
    events = missing_as_none(events)
    rule = rule or load_scoring()
    focus = check_focus(focus, events)
    if events.empty:
        return pd.DataFrame(columns=CHANGE_COLUMNS)
    labels = country_labels(events)
    rows = []
    for country, acts in sorted(_acts_by_country(events, focus, rule).items()):
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
    events = missing_as_none(events)
    rule = rule or load_scoring()
    focus = check_focus(focus, events)
    if events.empty:
        return pd.DataFrame(columns=PANEL_COLUMNS)
    labels = country_labels(events)
    rows = []
    for country, acts in sorted(_acts_by_country(events, focus, rule).items()):
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


# ---------------------------------------------------------------------------------------------------------
# Metrics


def _simple(G: nx.Graph) -> nx.Graph:
    """The undirected simple projection metrics run on (signed weights summed, events counted)."""
    if G.is_multigraph() or G.is_directed():
        return signed_graph(G)
    return G


def centrality(
    G: nx.Graph, *, weight: str | None = None, k: int | None = None, seed: int | None = None
) -> pd.DataFrame:
    """Degree and betweenness centrality of every node: who has many partners, who brokers between them.

    Runs on the undirected simple projection (:func:`signed_graph`): brokerage is about being on the
    paths between others whatever the direction of the acts. `weight` names an edge attribute used
    as a *distance* for betweenness (it must be positive, e.g. ``"n_events"`` would make frequent ties
    longer, so the default None, every tie length 1, is usually what you want). `k` samples that many
    source nodes with `seed` for large graphs.

    Returns columns node, label, type, country, events (edges in `G`, both directions), degree
    (degree centrality), betweenness; sorted by betweenness, then degree, then node.

    Examples
    --------
    >>> G = nx.path_graph(["a", "b", "c"])
    >>> centrality(G)[["node", "betweenness"]].values.tolist()
    [['b', 1.0], ['a', 0.0], ['c', 0.0]]
    """
    H = _simple(G)
    degree = nx.degree_centrality(H) if len(H) > 1 else dict.fromkeys(H, 0.0)
    between = nx.betweenness_centrality(H, k=k, seed=seed, weight=weight, normalized=True)
    rows = []
    for node in H.nodes:
        data = G.nodes[node] if node in G else {}
        rows.append(
            {
                "node": node,
                "label": data.get("label", str(node)),
                "type": data.get("type", ""),
                "country": data.get("country") or (node if data.get("type") == "country" else None),
                "events": G.degree(node),
                "degree": round(degree[node], 6),
                "betweenness": round(between[node], 6),
            }
        )
    table = pd.DataFrame(rows, columns=["node", "label", "type", "country", "events", "degree", "betweenness"])
    table = table.sort_values(["betweenness", "degree", "node"], ascending=[False, False, True], kind="stable")
    return table.reset_index(drop=True)


def communities(
    G: nx.Graph, *, weight: str | None = None, resolution: float = 1.0, seed: int | None = 0
) -> pd.DataFrame:
    """Modularity communities of the undirected projection: groups of actors that deal mostly with each other.

    Signs are ignored (a conflict is an interaction too); `weight` may name a non-negative edge
    attribute of the projection such as ``"n_events"``; None gives every tie weight 1. The method is
    Clauset-Newman-Moore greedy modularity, which is deterministic and always ends: networkx's Louvain
    was used before and can loop for ever on some small graphs (rounding lets a node move back and forth
    between two communities with a gain just above zero; found on a 7-node graph of generated events).
    `seed` is kept so that callers that pass one still work; the result does not depend on it.

    Returns columns node, label, community, size; community 0 is the largest (ties: smallest member).
    """
    H = _simple(G)
    if H.number_of_edges():
        found = nx.community.greedy_modularity_communities(H, weight=weight, resolution=resolution)
    else:
        found = [{node} for node in H.nodes]
    ordered = sorted((sorted(c, key=str) for c in found), key=lambda c: (-len(c), str(c[0])))
    rows = []
    for index, members in enumerate(ordered):
        for node in members:
            rows.append(
                {
                    "node": node,
                    "label": G.nodes[node].get("label", str(node)) if node in G else str(node),
                    "community": index,
                    "size": len(members),
                }
            )
    return pd.DataFrame(rows, columns=["node", "label", "community", "size"])


def structural_balance(G: nx.Graph) -> pd.DataFrame:
    """Every triad (triangle) of the signed graph and whether it is balanced.

    Structural balance (Heider; Cartwright and Harary): a triangle is balanced when the product of its
    three signs is positive - "the friend of my friend is my friend", "the enemy of my enemy is my
    friend". ``+ + -`` (two partners of a country at odds) and ``- - -`` are unbalanced and tend to
    change. Signs come from :func:`signed_graph` (net signed weight of each pair); pairs whose acts
    cancel out or are neutral are not ties.

    Returns columns a, b, c (sorted), sign_ab, sign_ac, sign_bc, signs (e.g. ``"++-"``, sorted), balanced.

    Examples
    --------
    >>> H = nx.Graph()
    >>> H.add_edge("A", "B", sign=1); H.add_edge("B", "C", sign=1); H.add_edge("A", "C", sign=-1)
    >>> structural_balance(H)[["a", "b", "c", "signs", "balanced"]].values.tolist()
    [['A', 'B', 'C', '++-', False]]
    """
    H = signed_graph(G) if (G.is_multigraph() or G.is_directed()) else G
    sign = {}
    adjacency: dict = defaultdict(set)
    for u, v, data in H.edges(data=True):
        s = data.get("sign")
        if s is None:
            w = data.get("weight", 0) or 0
            s = (w > 0) - (w < 0)
        if s and u != v:
            sign[frozenset((u, v))] = int(s)
            adjacency[u].add(v)
            adjacency[v].add(u)
    rows = []
    nodes = sorted(adjacency, key=str)
    for a in nodes:
        for b in sorted((n for n in adjacency[a] if str(n) > str(a)), key=str):
            for c in sorted((n for n in adjacency[a] & adjacency[b] if str(n) > str(b)), key=str):
                ab, ac, bc = sign[frozenset((a, b))], sign[frozenset((a, c))], sign[frozenset((b, c))]
                rows.append(
                    {
                        "a": a,
                        "b": b,
                        "c": c,
                        "sign_ab": ab,
                        "sign_ac": ac,
                        "sign_bc": bc,
                        "signs": "".join(sorted("+" if s > 0 else "-" for s in (ab, ac, bc))),
                        "balanced": ab * ac * bc > 0,
                    }
                )
    return pd.DataFrame(rows, columns=["a", "b", "c", "sign_ab", "sign_ac", "sign_bc", "signs", "balanced"])


def summary(G: nx.Graph, *, weight: str | None = None, seed: int | None = 0) -> pd.DataFrame:
    """Headline numbers of a graph as a two-column table (metric, value).

    Nodes, events (edges of `G`), interacting pairs, positive and negative pairs, density and connected
    components of the projection, number and modularity of the greedy modularity communities, triads,
    balanced triads and the balance ratio (share of balanced triads; empty when there are none).
    """
    H = _simple(G)
    parts = communities(G, weight=weight, seed=seed)
    groups = [set(group["node"]) for _, group in parts.groupby("community")] if len(parts) else []
    modularity = nx.community.modularity(H, groups, weight=weight) if H.number_of_edges() and groups else 0.0
    triads = structural_balance(H)
    signs = [d.get("sign", 0) for _, _, d in H.edges(data=True)]
    balanced = int(triads["balanced"].sum()) if len(triads) else 0
    rows = [
        ("nodes", G.number_of_nodes()),
        ("events", G.number_of_edges()),
        ("pairs", H.number_of_edges()),
        ("positive pairs", sum(1 for s in signs if s > 0)),
        ("negative pairs", sum(1 for s in signs if s < 0)),
        ("density", round(nx.density(H), 6) if len(H) > 1 else 0.0),
        ("components", nx.number_connected_components(H) if len(H) else 0),
        ("communities", len(groups)),
        ("modularity", round(modularity, 6)),
        ("triads", len(triads)),
        ("balanced triads", balanced),
        ("balance ratio", round(balanced / len(triads), 6) if len(triads) else None),
    ]
    return pd.DataFrame(rows, columns=["metric", "value"], dtype=object)


# ---------------------------------------------------------------------------------------------------------
# Exports


#: Characters XML 1.0 cannot hold, even escaped: control characters other than tab and line breaks,
#: lone surrogates, U+FFFE and U+FFFF. Text pasted from PDFs and web pages carries some of them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _scalar(value: object) -> str | int | float | bool:
    """GEXF and GraphML hold scalars only: None -> '', sequences -> '; '-joined text, text XML can hold."""
    if value is None:
        return ""
    if isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else ""
    if isinstance(value, str):
        return _NOT_XML.sub("", value)
    if isinstance(value, Iterable):
        return _NOT_XML.sub("", "; ".join(str(item) for item in value))
    return _NOT_XML.sub("", str(value))


def exportable(G: nx.Graph) -> nx.Graph:
    """A copy of `G` whose node, edge and graph attributes are all scalars (strings, numbers, booleans).

    Attribute types stay consistent per key (missing text becomes '', not None), which GraphML needs.
    """
    H = G.__class__()
    H.graph.update({k: _scalar(v) for k, v in G.graph.items()})
    for node, data in G.nodes(data=True):
        H.add_node(node, **{k: _scalar(v) for k, v in data.items()})
    if G.is_multigraph():
        for u, v, key, data in G.edges(keys=True, data=True):
            H.add_edge(u, v, key=key, **{k: _scalar(v) for k, v in data.items()})
    else:
        for u, v, data in G.edges(data=True):
            H.add_edge(u, v, **{k: _scalar(v) for k, v in data.items()})
    return H


@dataclass(frozen=True)
class CommunityMemo:
    """Where a build finds the communities of the previous build's graph (`before`, None for none) and keeps
    its own (`after`). Modularity communities take a third of a second on the 9,000 events of 20,000 articles,
    and they depend only on which actors deal with each other (:func:`communities` ignores weights): a
    rebuild whose new articles made no new pair of actors reuses them."""

    before: Path | None
    after: Path


def _projection_key(H: nx.Graph) -> str:
    """What :func:`communities` computes from: the projection's nodes and edges in order (and the networkx
    version that computes)."""
    return hashlib.sha256(repr((nx.__version__, list(H.nodes), list(H.edges))).encode()).hexdigest()


def node_communities(G: nx.Graph, *, seed: int | None = 0, memo: CommunityMemo | None = None) -> dict:
    """node -> the index of its community in :func:`communities` (the previous build's when its projection
    was the same, with `memo`)."""
    if not len(G):
        return {}
    if memo is None:
        return _community_index(G, seed)
    H = _simple(G)  # what communities are computed on: made once for the key and the computation
    key = _projection_key(H)
    found = _remembered(memo.before, key, G) if memo.before is not None else None
    if found is None:
        found = _community_index(H, seed)
    memo.after.write_text(json.dumps({"key": key, "communities": list(found.items())}), encoding="utf-8")
    return found


def _community_index(G: nx.Graph, seed: int | None) -> dict:
    """node -> the index of its community in :func:`communities` of `G` (the same for `G` and its projection,
    which is what they are computed on)."""
    return {row["node"]: int(row["community"]) for row in communities(G, seed=seed).to_dict("records")}


def _remembered(path: Path, key: str, G: nx.Graph) -> dict | None:
    """The communities kept in `path` when they were computed for the projection `key` of a graph with the
    nodes of `G`, else None."""
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
        found = {node: int(index) for node, index in kept["communities"]} if kept.get("key") == key else None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return found if found is not None and found.keys() == set(G.nodes) else None


def analysis_graph(events: pd.DataFrame, table: pd.DataFrame, *, seed: int | None = 0,
                   memo: CommunityMemo | None = None) -> nx.MultiDiGraph:
    """The actor graph decorated for export: each node gets its country's stance and its community (`memo`:
    see :class:`CommunityMemo`)."""
    G = actor_graph(events)
    by_country = table.set_index("country") if len(table) else pd.DataFrame()
    focus = table["focus"].iloc[0] if len(table) else None
    parts = node_communities(G, seed=seed, memo=memo)
    for node, data in G.nodes(data=True):
        country = data.get("country")
        if country == focus:
            data["stance"], data["score"] = "focus", 0.0
        elif isinstance(country, str) and country in by_country.index:
            data["stance"], data["score"] = (
                by_country.at[country, "label"],
                float(by_country.at[country, "score"]),
            )
        else:
            data["stance"], data["score"] = "unknown", 0.0
        data["community"] = parts.get(node, -1)
    G.graph["focus"] = focus or ""
    return G


def stances_csv(table: pd.DataFrame) -> str:
    """The stance table as CSV text; the tuple columns hold one item per line of their cell."""
    flat = table.copy()
    for column in ("events", "evidence", "event_iris"):
        flat[column] = ["\n".join(items) for items in flat[column]]
    return flat.to_csv(index=False, lineterminator="\n")


def write_analysis(store: ox.Store, out_dir: Path | str, *, focus: str = "USA") -> dict[str, Path]:
    """Write ``stances.csv``, ``stance_changes.csv``, ``graph.gexf`` and ``graph.graphml`` into `out_dir`, each
    atomically.

    The GEXF and GraphML files hold the actor graph (people, organisations, countries, programmes) with
    each node's country, the stance of that country toward `focus` and its modularity community, and each
    event as an edge with its signed weight, relation, date, evidence and source, ready for Gephi or
    Cytoscape; ``stance_changes.csv`` holds the change points of :func:`stance_changes`. Returns
    ``{"stances": path, "changes": path, "gexf": path, "graphml": path}``.
    """
    return write_analysis_of(load_events(store), out_dir, focus=focus)


def write_analysis_of(events: pd.DataFrame, out_dir: Path | str, *, focus: str = "USA",
                      memo: CommunityMemo | None = None) -> dict[str, Path]:
    """:func:`write_analysis` for an events table (as :func:`load_events` gives it) instead of a store; `memo`
    (a build's) reuses the previous build's communities when they cannot have changed."""
    out = Path(out_dir)
    table = stances(events, focus=focus)
    G = exportable(analysis_graph(events, table, memo=memo))
    paths = {"stances": out / "stances.csv", "changes": out / "stance_changes.csv", "gexf": out / "graph.gexf",
             "graphml": out / "graph.graphml"}
    atomic_write_text(paths["stances"], stances_csv(table))
    changes = stance_changes(events, focus=focus)
    atomic_write_text(paths["changes"], changes.to_csv(index=False, lineterminator="\n"))
    with atomic_path(paths["gexf"]) as tmp:
        write_gexf(G, tmp)  # networkx's bytes, written as text (graph/exports.py)
    with atomic_path(paths["graphml"]) as tmp:
        write_graphml(G, tmp)
    return paths
