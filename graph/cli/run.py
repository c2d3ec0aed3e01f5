"""The command line's parser and its one entry point, which turns every error into one line on stderr."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from graph.cli.analysis import _add_analysis_commands, _add_validation_commands
from graph.cli.errors import _folder_of, _write_problem
from graph.cli.evaluation import _add_evaluation_command
from graph.cli.extraction import _add_extraction_commands
from graph.cli.serving import _add_review_command, _add_sparql_commands
from graph.outputs import OutputPathError


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("stancegraph")
    except PackageNotFoundError:  # run from a checkout that was not installed
        return "(not installed)"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stancegraph",
        description="Turn news reporting about how countries stand toward each other into a knowledge graph.",
    )
    parser.add_argument("--version", action="version", version=f"stancegraph {_version()}")
    parser.add_argument("--debug", action="store_true",
                        help="on an error, show Python's traceback instead of one line (for a bug report)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    _add_extraction_commands(sub)
    _add_evaluation_command(sub)
    _add_validation_commands(sub)
    _add_analysis_commands(sub)
    _add_sparql_commands(sub)
    _add_review_command(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; every error ends in one line on stderr (the traceback only with --debug)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # before OSError, of which it is one
        # output piped into a reader that stopped early ('| head'): not an error of ours
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keep the interpreter from failing on flush
        return 0
    except OutputPathError as exc:  # a folder named where a file goes, a pipe where a folder goes
        if args.debug:
            raise
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - the one place that turns what is left into a message
        if args.debug:
            raise
        problem = _write_problem(exc) if isinstance(exc, OSError) else None
        if problem is not None:  # a command without its own message: render, analyze, evaluate, review
            reason, advice, status = problem
            print(f"error: cannot write into {_folder_of(exc)}: {reason}; {advice}, or give another path",
                  file=sys.stderr)
            return status
        print(f"error: {type(exc).__name__}: {exc} (stancegraph did not expect this; run the command again with "
              "--debug for the traceback and report it)", file=sys.stderr)
        return 1
