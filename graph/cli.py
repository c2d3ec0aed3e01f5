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
