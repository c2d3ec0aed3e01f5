"""stancegraph command line: a thin layer that parses arguments, calls one library function, formats output.

Exit codes (every subcommand): 0 success; 1 the job ran but found problems (skipped inputs, SHACL
violations, a query error); 2 usage errors (bad arguments, missing files).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def _add_extraction_commands(sub: argparse._SubParsersAction) -> None:
    """build, extract."""


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
            "1 it has violations, 2 the file is missing or not valid RDF (the message names the file "
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


def _add_sparql_commands(sub: argparse._SubParsersAction) -> None:
    """query, serve, push."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stancegraph",
        description="Turn news reporting about how countries stand toward each other into a knowledge graph.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    _add_extraction_commands(sub)
    _add_validation_commands(sub)
    _add_analysis_commands(sub)
    _add_sparql_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
