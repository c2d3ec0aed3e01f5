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

One module per step: `events` (loading the events table), `scoring` (stance scores and labels), `periods`
(change points and the panel by week or month), `networks` (graphs and metrics) and `export` (CSV, GEXF,
GraphML).
"""

from __future__ import annotations

from graph.analyze.events import (
    EVENT_COLUMNS,
    UnknownFocusError,
    check_focus,
    country_labels,
    country_name,
    describe,
    event_rows,
    event_time_of,
    event_times,
    events_frame,
    iso3,
    load_events,
    missing_as_none,
    node_table,
    time_order,
)
from graph.analyze.events import (
    _relations as _relations,
)
from graph.analyze.events import (
    _source_table as _source_table,
)
from graph.analyze.export import (
    CommunityMemo,
    analysis_graph,
    exportable,
    node_communities,
    stances_csv,
    write_analysis,
    write_analysis_of,
)
from graph.analyze.networks import (
    actor_graph,
    centrality,
    communities,
    country_graph,
    signed_graph,
    structural_balance,
    summary,
)
from graph.analyze.periods import (
    CHANGE_COLUMNS,
    PANEL_COLUMNS,
    PERIODS,
    UNDATED,
    format_panel,
    period_of,
    stance_changes,
    stance_panel,
)
from graph.analyze.scoring import (
    STANCE_COLUMNS,
    STANCE_LABELS,
    ScoringRule,
    format_stances,
    load_scoring,
    stances,
)
from graph.analyze.scoring import (
    _acts_by_country as _acts_by_country,
)

__all__ = [
    "CHANGE_COLUMNS",
    "CommunityMemo",
    "EVENT_COLUMNS",
    "PANEL_COLUMNS",
    "PERIODS",
    "STANCE_COLUMNS",
    "STANCE_LABELS",
    "ScoringRule",
    "UNDATED",
    "UnknownFocusError",
    "actor_graph",
    "analysis_graph",
    "centrality",
    "check_focus",
    "communities",
    "country_graph",
    "country_labels",
    "country_name",
    "describe",
    "event_rows",
    "event_time_of",
    "event_times",
    "events_frame",
    "exportable",
    "format_panel",
    "format_stances",
    "iso3",
    "load_events",
    "load_scoring",
    "missing_as_none",
    "node_communities",
    "node_table",
    "period_of",
    "signed_graph",
    "stance_changes",
    "stance_panel",
    "stances",
    "stances_csv",
    "structural_balance",
    "summary",
    "time_order",
    "write_analysis",
    "write_analysis_of",
]
