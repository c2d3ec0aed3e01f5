"""Extraction throughput on a generated corpus of news-like text.

`python -m bench extract_bench [--mb 5] [--jobs 2]` writes a corpus of about `--mb` megabytes into
bench/out/extract/, made of articles assembled from the sentences of the bundled corpus and the dev and
held-out sets (shuffled, with other countries and datelines mixed in), then prints:

- one-core throughput (MB/s, documents/s) on the whole corpus and on its first fifth, so that the ratio
  shows whether the cost stays linear in input size;
- throughput with `--jobs` processes.

Numbers depend on the machine; the header line says which one.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import time
from pathlib import Path

from graph.extract import extract
from graph.text import split_sentences

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "corpus", ROOT / "tests" / "data" / "devset", ROOT / "tests" / "data" / "heldout"]
OUT = ROOT / "bench" / "out" / "extract"
DATELINES = ["WASHINGTON", "MEXICO CITY", "PANAMA CITY", "BOGOTA", "NAIROBI", "MANILA", "BERLIN", "LIMA",
             "ANKARA", "JAKARTA", "LONDON", "TOKYO", "CARACAS", "KYIV", "CAIRO", "DOHA"]


def sentence_pool() -> list[str]:
    """Sentences of the bundled texts: real news wording, with and without stance."""
    pool = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            pool += [s.text for s in split_sentences(text) if len(s.text) > 40 and ":" not in s.text[:12]]
    return pool


def generate(target_bytes: int, *, seed: int = 7) -> list[Path]:
    """Write articles of 8-30 sentences until the corpus reaches `target_bytes`."""
    rng = random.Random(seed)
    pool = sentence_pool()
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    paths, total, index = [], 0, 0
    while total < target_bytes:
        sentences = rng.sample(pool, rng.randint(8, 30))
        paragraphs = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
        day = rng.randint(1, 28)
        text = f"{rng.choice(DATELINES)}, Feb. {day}, 2025 — " + "\n\n".join(paragraphs) + "\n"
        path = OUT / f"{index:06d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        total += len(text.encode("utf-8"))
        index += 1
    return paths


def measure(paths: list[Path], *, jobs: int) -> tuple[float, int, int]:
    """Seconds, documents and events for one extraction pass."""
    start = time.perf_counter()
    events = sum(len(result.events) for result in extract(paths, jobs=jobs))
    return time.perf_counter() - start, len(paths), events


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench extract_bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=5.0, help="size of the generated corpus (default 5 MB)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes for the parallel run")
    args = parser.parse_args(argv)

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    paths = generate(int(args.mb * 1_000_000))
    size = sum(p.stat().st_size for p in paths) / 1e6
    list(extract(paths[:5]))  # load lexicons and compile patterns outside the timings
    fifth = paths[: max(1, len(paths) // 5)]
    fifth_size = sum(p.stat().st_size for p in fifth) / 1e6
    rows = []
    for label, subset, subset_size, jobs in [
        ("1 core, first fifth", fifth, fifth_size, 1),
        ("1 core, whole corpus", paths, size, 1),
        (f"{args.jobs} processes, whole corpus", paths, size, args.jobs),
    ]:
        seconds, docs, events = measure(subset, jobs=jobs)
        rows.append((label, subset_size, seconds, docs, events))
    print(f"{'run':<32}{'MB':>7}{'seconds':>9}{'MB/s':>8}{'docs/s':>9}{'events':>8}")
    for label, mb, seconds, docs, events in rows:
        print(f"{label:<32}{mb:>7.2f}{seconds:>9.2f}{mb / seconds:>8.2f}{docs / seconds:>9.0f}{events:>8}")
    small, large = rows[0], rows[1]
    ratio = (large[2] / large[1]) / (small[2] / small[1])
    print(f"seconds per MB, whole corpus / first fifth: {ratio:.2f} (1.0 = linear)")
    return 0
