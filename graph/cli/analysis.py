"""The commands that read a built graph: validate, stances, analyze and render.

Each opens the graph the way the user named it (a build folder, an Oxigraph store or an RDF file, curated or
raw with --raw), and a graph that cannot be read, an unknown focus country or an output path that is no
file is said in one line with exit 2 before any work is done.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from graph.outputs import OutputPathError, check_file_target


def _add_validation_commands(sub: argparse._SubParsersAction) -> None:
    """validate."""

    def run_validate(args: argparse.Namespace) -> int:
        from graph.validate import GraphFileError, validate

        try:
            result = validate(args.graph, shapes=args.shapes)
        except GraphFileError as exc:
            print(f"stancegraph validate: {exc}", file=sys.stderr)
            return 2
        print(result.report())
        return 0 if result.conforms else 1

    parser = sub.add_parser(
        "validate",
        help="check a graph against the SHACL shapes",
        description=(
            "Check a stancegraph graph against the SHACL shapes in ontology/shapes.ttl (with the ontology "
            "mixed in) and print the violations grouped by shape. Exit codes: 0 the graph conforms, "
            "1 it has violations, 2 the file is missing, empty or not valid RDF (the message names the file "
            "and line)."
        ),
    )
    parser.add_argument(
        "graph",
        nargs="?",
        default="build/graph.ttl",
        help="graph file (Turtle, N-Triples, JSON-LD, ...) or a build folder holding graph.ttl "
        "(default: build/graph.ttl)",
    )
    parser.add_argument("--shapes", metavar="FILE", help="SHACL shapes file (default: ontology/shapes.ttl)")
    parser.set_defaults(func=run_validate)


def _add_analysis_commands(sub: argparse._SubParsersAction) -> None:
    """stances, analyze, render."""

    def fail(command: str, message: object, code: int = 2) -> int:
        print(f"stancegraph {command}: {message}", file=sys.stderr)
        return code

    def open_events(command: str, graph: str, raw: bool = False):
        """(events, None) or (None, exit code) after printing why the graph cannot be read."""
        from graph.analyze import load_events

        try:
            return load_events(open_graph(graph, raw)), None
        except (FileNotFoundError, OSError, SyntaxError, ValueError) as exc:
            return None, fail(command, f"cannot read graph {graph!r}: {exc}")

    def open_graph(graph: str, raw: bool):
        """The curated graph, or with `raw` the raw extraction (graph.store.raw_view)."""
        from graph.store import open_store, raw_view

        return raw_view(graph) if raw else open_store(graph)

    def default_out(graph: str) -> Path:
        """Outputs go next to the graph: into a build folder, or beside a graph file."""
        path = Path(graph)
        return path if path.is_dir() else path.parent

    def run_stances(args: argparse.Namespace) -> int:
        from graph.analyze import (
            PERIODS,
            UnknownFocusError,
            format_panel,
            format_stances,
            stance_changes,
            stance_panel,
            stances,
        )

        if args.by is not None and args.by not in PERIODS:  # said in one line, before the graph is read
            return fail("stances", f"--by {args.by!r}: give one of {', '.join(PERIODS)}")
        events, code = open_events("stances", args.graph, args.raw)
        if events is None:
            return code
        try:
            if args.by:
                text = format_panel(stance_panel(events, focus=args.focus, by=args.by),
                                    stance_changes(events, focus=args.focus))
            else:
                text = format_stances(stances(events, focus=args.focus, include_all=args.all),
                                      evidence=not args.brief)
        except UnknownFocusError as exc:
            return fail("stances", exc)
        per = f" by {'ISO week' if args.by == 'week' else 'month'}" if args.by else ""
        print(f"stance toward {args.focus.upper()}{per} (score in -1..1; ontology/scoring.ttl holds the rule)")
        print(text)
        return 0

    def run_analyze(args: argparse.Namespace) -> int:
        from graph.analyze import (
            UnknownFocusError,
            actor_graph,
            centrality,
            check_focus,
            communities,
            country_graph,
            structural_balance,
            summary,
            write_analysis,
        )

        out = Path(args.out) if args.out else default_out(args.graph)
        if out.exists() and not out.is_dir():  # said before the analysis, not as a traceback after it
            return fail("analyze", f"--out {out} is not a folder; give a folder for the exports")
        events, code = open_events("analyze", args.graph, args.raw)
        if events is None:
            return code
        try:
            check_focus(args.focus, events)
        except UnknownFocusError as exc:
            return fail("analyze", exc)
        actors, countries = actor_graph(events), country_graph(events)
        print("== Summary (country level)")
        print(summary(countries, seed=args.seed).to_string(index=False))
        print(f"\n== Brokers: actors by betweenness centrality (top {args.top})")
        table = centrality(actors, seed=args.seed).head(args.top)
        print(table[["label", "type", "country", "events", "degree", "betweenness"]].to_string(index=False))
        print("\n== Communities of actors (greedy modularity)")
        for number, group in communities(actors, seed=args.seed).groupby("community"):
            print(f"  {number}: {', '.join(group['label'])}")
        triads = structural_balance(countries)
        balanced = int(triads["balanced"].sum())
        print(f"\n== Structural balance: {balanced} of {len(triads)} country triads balanced")
        unbalanced = triads[~triads["balanced"]]
        if len(unbalanced):
            print("unbalanced:")
            print(unbalanced[["a", "b", "c", "sign_ab", "sign_ac", "sign_bc"]].to_string(index=False))
        paths = write_analysis(open_graph(args.graph, args.raw), out, focus=args.focus)
        print("\nwrote " + ", ".join(str(path) for path in paths.values()))
        return 0

    def run_render(args: argparse.Namespace) -> int:
        from graph.analyze import UnknownFocusError
        from graph.render import write_html

        out = Path(args.out) if args.out else default_out(args.graph) / "graph.html"
        try:  # said before the graph is read, not after the page is drawn
            check_file_target(out, "graph.html")
        except OutputPathError as exc:
            return fail("render", f"--out {exc}")
        try:
            store = open_graph(args.graph, args.raw)
        except (FileNotFoundError, OSError, SyntaxError, ValueError) as exc:
            return fail("render", f"cannot read graph {args.graph!r}: {exc}")
        try:
            path = write_html(store, out, focus=args.focus, level=args.level)
        except UnknownFocusError as exc:
            return fail("render", exc)
        print(f"view: {path.absolute()}")  # the name given, not the generation a build folder links it to
        return 0

    graph_help = "build folder, Oxigraph store or RDF file (default: build)"
    raw_help = ("read the raw extraction instead of the curated graph: events a correction rejected or replaced "
                "back in, events people changed or added left out")
    focus_help = "ISO 3166-1 alpha-3 code of the focus country (default: USA)"

    parser = sub.add_parser(
        "stances",
        help="print each country's stance toward a focus country, with the evidence",
        description=(
            "Score how each country stands toward the focus country from the stance events in the graph, "
            "label it (cooperative, coerced, mixed, resistant, pressured, unknown), give its trend, and list the "
            "events and sentences behind it; with --by week or --by month, how each stance moved over time "
            "and where its label changed. The weights and thresholds are in ontology/scoring.ttl. "
            "Exit codes: 0 ok, 2 missing graph, unknown focus code or unknown period."
        ),
    )
    parser.add_argument("--focus", default="USA", metavar="ISO3", help=focus_help)
    parser.add_argument("--graph", default="build", metavar="PATH", help=graph_help)
    parser.add_argument("--raw", action="store_true", help=raw_help)
    parser.add_argument("--all", action="store_true", help="also list countries with no event with the focus")
    parser.add_argument("--brief", action="store_true", help="the table only, without events and evidence")
    parser.add_argument("--by", metavar="PERIOD",
                        help="stance over time instead: one row per country and period (week: ISO week such as "
                             "2025-W06; month: 2025-02) with the period's score, label and events and the running "
                             "score up to it, then the change points, the events after which a country's label "
                             "changed")
    parser.set_defaults(func=run_stances)

    parser = sub.add_parser(
        "analyze",
        help="print network metrics and write stances.csv, stance_changes.csv, graph.gexf and graph.graphml",
        description=(
            "Print a summary of the country graph, the actors that broker most (betweenness centrality), "
            "modularity communities and the structural balance of country triads; then write "
            "stances.csv, stance_changes.csv, graph.gexf and graph.graphml (for Gephi or Cytoscape). "
            "Exit codes: 0 ok, 2 missing graph or unknown focus code."
        ),
    )
    parser.add_argument("--focus", default="USA", metavar="ISO3", help=focus_help)
    parser.add_argument("--graph", default="build", metavar="PATH", help=graph_help)
    parser.add_argument("--raw", action="store_true", help=raw_help)
    parser.add_argument("--out", metavar="DIR", help="folder for the exports (default: the graph's folder)")
    parser.add_argument("--top", type=int, default=10, help="how many brokers to list (default 10)")
    parser.add_argument("--seed", type=int, default=0,
                        help="random seed for sampled centrality (default 0); communities do not depend on it")
    parser.set_defaults(func=run_analyze)

    parser = sub.add_parser(
        "render",
        help="write the interactive HTML view of the graph",
        description=(
            "Write a self-contained HTML page (no network needed) showing the focus country at the "
            "centre and every other country coloured by its stance, at country level (people rolled "
            "up to their country) or actor level. Hover an edge for its evidence sentence. "
            "Exit codes: 0 ok, 2 missing graph or unknown focus code."
        ),
    )
    parser.add_argument("--focus", default="USA", metavar="ISO3", help=focus_help)
    parser.add_argument("--level", choices=["country", "actor"], default="country", help="node level")
    parser.add_argument("--graph", default="build", metavar="PATH", help=graph_help)
    parser.add_argument("--raw", action="store_true", help=raw_help)
    parser.add_argument("--out", metavar="FILE", help="HTML file (default: graph.html in the graph's folder)")
    parser.set_defaults(func=run_render)

