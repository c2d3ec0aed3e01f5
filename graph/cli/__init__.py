"""stancegraph command line: a thin layer that parses arguments, calls one library function, formats output.

Exit codes (every subcommand): 0 success; 1 the job ran but found problems (skipped inputs, SHACL
violations, a query error); 2 usage errors (bad arguments, missing files).

One module per step: `arguments` (options shared by several commands and the argument types that check
them), `errors` (failed writes told in one line), `extraction` (build, extract), `evaluation` (evaluate),
`analysis` (validate, stances, analyze, render), `serving` (query, serve, push, review) and `run` (the
parser and the entry point `main`).
"""

from __future__ import annotations

from graph.cli.run import build_parser, main

__all__ = ["build_parser", "main"]
