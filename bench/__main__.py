"""`python -m bench [NAME] [ARGS...]`: run every `bench/*_bench.py` module present, or only NAME with ARGS.

Benches are discovered, not listed, so one that is not there (not written yet, or removed) is simply not
run. Each module exposes `main(argv) -> int`; the exit status is the first non-zero one.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path


def available() -> list[str]:
    """Names of the bench modules in this folder, sorted."""
    return sorted(path.stem for path in Path(__file__).parent.glob("*_bench.py"))


def main(argv: list[str]) -> int:
    names = available()
    if argv and argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        print("available: " + ", ".join(names))
        return 0
    if argv:
        if argv[0] not in names:
            print(f"unknown bench {argv[0]!r}; available: {', '.join(names)}", file=sys.stderr)
            return 2
        names, rest = [argv[0]], argv[1:]
    else:
        rest = []
    status = 0
    for name in names:
        print(f"== {name}", flush=True)
        module = importlib.import_module(f"bench.{name}")
        result = int(module.main(list(rest)) or 0)
        status = status or result
    return status


raise SystemExit(main(sys.argv[1:]))
