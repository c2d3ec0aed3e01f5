"""Scale: the build's peak memory with and without shards, and extraction throughput on a Dask cluster.

1. Peak resident memory (RSS) of a build (no views, unless `--views`) of generated corpora of several sizes,
   each build in a fresh process: in memory as always, through shards (`build --shards`), and shards only
   (`--no-store`).
2. Extraction throughput of a generated corpus: here in one process, and on a dask.distributed
   LocalCluster of 1 and of 2 worker processes (one thread each, loopback), shards written to disk.

    python -m bench shard_bench [--sizes 10 50 200] [--modes memory shards shards-only] [--dask-mb 10]
                                [--views] [--skip-memory] [--skip-dask]

The corpora come from bench/extract_bench.py's generator (articles of 8-30 sentences, a third of them
stance sentences), written into a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.extract_bench import generate, load_check

_BUILD = """
import json, resource, sys, time
from graph.build import build
mode, corpus, work, views = sys.argv[1:5]
start = time.perf_counter()
kwargs = {"views": views == "views", "out": work + "/out"}
if mode != "memory":
    kwargs["shards"] = work + "/shards"
if mode == "shards-only":
    kwargs["store"] = False
result = build([corpus], **kwargs)
print(json.dumps({"seconds": time.perf_counter() - start, "documents": result.documents, "events": result.events,
                  "triples": result.triples, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


MODES = ("memory", "shards", "shards-only")


def memory(sizes: list[float], modes: tuple[str, ...] = MODES, views: bool = False) -> None:
    print(f"{'corpus MB':>9} {'articles':>9} {'mode':<12} {'peak RSS MB':>11} {'seconds':>8} {'triples':>9} "
          f"{'shards MB':>9}")
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            corpus = Path(folder) / "corpus"
            generate(int(size * 1e6), folder=corpus)
            for mode in modes:
                work = Path(folder) / mode
                run = subprocess.run([sys.executable, "-c", _BUILD, mode, str(corpus), str(work),
                                      "views" if views else "none"],
                                     capture_output=True, text=True, check=True)
                row = json.loads(run.stdout.strip().splitlines()[-1])
                shards = _size_mb(work / "shards") if (work / "shards").exists() else 0.0
                print(f"{_size_mb(corpus):>9.1f} {row['documents']:>9} {mode:<12} {row['rss_mb']:>11.0f} "
                      f"{row['seconds']:>8.1f} {row['triples']:>9} {shards:>9.1f}", flush=True)


def throughput(megabytes: float) -> None:
    from dask.distributed import Client, LocalCluster

    from graph.distributed import extract_on_cluster
    from graph.documents import read_documents
    from graph.shards import extract_to_shards

    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus"
        generate(int(megabytes * 1e6), folder=corpus)
        size = _size_mb(corpus)
        articles = len(list(corpus.iterdir()))
        print(f"corpus: {size:.1f} MB, {articles} articles, 200 files per partition; load check "
              f"{load_check():.2f} s (lower is a quieter machine)")
        print(f"{'where':<26} {'seconds':>8} {'MB/s':>6} {'articles/s':>10}")
        start = time.perf_counter()
        extract_to_shards(read_documents([corpus]), Path(folder) / "local")
        seconds = time.perf_counter() - start
        print(f"{'here, 1 process':<26} {seconds:>8.1f} {size / seconds:>6.2f} {articles / seconds:>10.0f}", flush=True)
        for workers in (1, 2):
            with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                              dashboard_address="127.0.0.1:0", silence_logs=40) as cluster, Client(cluster) as client:
                client.run(lambda: __import__("graph.extract") and None)  # warm: imports and lexicons
                start = time.perf_counter()
                extract_on_cluster([corpus], Path(folder) / f"dask{workers}", client)
                seconds = time.perf_counter() - start
            label = f"dask, {workers} worker{'s' * (workers > 1)}"
            print(f"{label:<26} {seconds:>8.1f} {size / seconds:>6.2f} {articles / seconds:>10.0f}", flush=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench shard_bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=float, nargs="+", default=[10, 50, 200],
                        help="corpus sizes in MB (10 50 200; 200 MB takes about a quarter of an hour per mode)")
    parser.add_argument("--modes", nargs="+", choices=MODES, default=list(MODES), help="builds to measure (all)")
    parser.add_argument("--views", action="store_true", help="builds with a store draw the analysis and the page")
    parser.add_argument("--dask-mb", type=float, default=10, help="corpus size for the Dask runs (10 MB)")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--skip-dask", action="store_true")
    args = parser.parse_args(argv)
    print(f"{os.cpu_count()} cores")
    if not args.skip_memory:
        memory(args.sizes, tuple(args.modes), args.views)
    if not args.skip_dask:
        throughput(args.dask_mb)
    return 0
