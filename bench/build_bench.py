"""Incremental builds: a full build of a generated corpus, then a day of news added to it.

The extraction cache (graph/cache.py) should make the second build cost the new articles plus the stages
that always run on the whole graph (RDF, store, views), not a full extraction. Reports both builds' time
per stage and how many articles each extracted.

    python -m bench build_bench [--mb 5] [--new 20]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from bench.extract_bench import generate
from graph.build import build


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench build_bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=5.0, help="size of the corpus built first (default 5 MB)")
    parser.add_argument("--new", type=int, default=20, help="articles added before the second build (default 20)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        corpus, out = Path(folder) / "corpus", Path(folder) / "build"
        corpus.mkdir()
        paths = generate(int(args.mb * 1_000_000))
        for path in paths[: -args.new]:
            shutil.copy(path, corpus)
        rows = []
        for label in ("full build", f"+{args.new} new articles"):
            start = time.perf_counter()
            result = build([corpus], out=out, views=True)
            rows.append((label, result, time.perf_counter() - start))
            for path in paths[-args.new:]:
                shutil.copy(path, corpus)
    print(f"{'build':<22}{'articles':>9}{'extracted':>10}{'seconds':>9}  per stage (s)")
    for label, result, seconds in rows:
        stats = result.cache
        stages = ", ".join(f"{stage} {value:.2f}" for stage, value in stats.seconds.items())
        print(f"{label:<22}{result.documents:>9}{stats.new + stats.changed:>10}{seconds:>9.2f}  {stages}")
    return 0
