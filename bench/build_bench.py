"""Incremental builds: a full build of a generated corpus of 20,000 articles, then 1% new articles added to it.

The second build into the same folder reads and extracts only the new articles (graph/assemble/: an
unchanged file is not read again), copies the parts of the graph files it already wrote (of an event a new
article joins, the mentions it kept), updates the store with the triples that came and went
(graph/incremental.py) and reads back from the store only the events it changed; the analysis and the view
are then made from the whole events table. Reports both builds' wall and
CPU time, time per stage, the ratio, and the machine.

    python -m bench build_bench [--articles 20000] [--new 0.01] [--jobs 1]

The corpus comes from bench/extract_bench.py's generator (articles of 8-30 sentences, a third of them
stance sentences), written into a temporary folder; both builds make every output, views included.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import tempfile
import time
from pathlib import Path

from bench.extract_bench import generate, load_check
from graph.build import build


def machine() -> str:
    """The processor, its cores and memory, and how busy it is (other jobs slow both builds alike)."""
    model = "unknown processor"
    with open("/proc/cpuinfo", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{model}, {os.cpu_count()} cores, {memory:.0f} GiB, Python {platform.python_version()}; "
            f"load average {os.getloadavg()[0]:.1f}, load check {load_check():.2f} s")


def corpus_of(folder: Path, articles: int) -> list[Path]:
    """`articles` generated articles (about 2.7 KB each) in `folder`."""
    target = articles * 2_700
    while len(paths := generate(target, folder=folder / "generated")) < articles:
        target = int(target * 1.1)
    return paths[:articles]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench build_bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=20_000, help="articles of the first build (20000)")
    parser.add_argument("--new", type=float, default=0.01, help="share of new articles added then (0.01)")
    parser.add_argument("--jobs", type=int, default=1, help="extraction processes of both builds (1)")
    args = parser.parse_args(argv)
    added = max(1, round(args.articles * args.new))
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory() as folder:
        paths = corpus_of(Path(folder), args.articles + added)
        corpus, out = Path(folder) / "corpus", Path(folder) / "build"
        corpus.mkdir()
        for path in paths[:args.articles]:
            shutil.move(path, corpus / path.name)
        size = sum(p.stat().st_size for p in corpus.iterdir()) / 1e6
        print(f"corpus: {args.articles} articles, {size:.1f} MB; then {added} new articles")
        rows = []
        for label in ("full build", f"+{added} new ({args.new:.0%})"):
            start, cpu = time.perf_counter(), time.process_time()
            result = build([corpus], out=out, jobs=args.jobs)
            rows.append((label, result, time.perf_counter() - start, time.process_time() - cpu))
            if len(rows) == 1:
                for path in paths[args.articles:]:
                    shutil.move(path, corpus / path.name)
    print(f"{'build':<18}{'articles':>9}{'extracted':>10}{'triples':>10}{'seconds':>9}{'cpu s':>8}  per stage (s)")
    for label, result, seconds, cpu in rows:
        stats = result.cache
        stages = ", ".join(f"{stage} {value:.1f}" for stage, value in stats.seconds.items())
        print(f"{label:<18}{result.documents:>9}{stats.new + stats.changed:>10}{result.triples:>10}{seconds:>9.1f}"
              f"{cpu:>8.1f}  {stages}")
    (_, _, full, full_cpu), (_, _, again, again_cpu) = rows
    print(f"the incremental build took {again / full:.1%} of the full build's time ({full / again:.1f}x faster; "
          f"{full_cpu / again_cpu:.1f}x in CPU time)")
    return 0
