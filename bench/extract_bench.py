"""Extraction throughput on a generated corpus of news-like text.

`python -m bench extract_bench [--mb 5] [--jobs 2] [--stance-share 0.35]` writes a corpus of about `--mb`
megabytes into bench/out/extract/, made of articles assembled from sentences of the bundled texts: a share
of them (`--stance-share`) from the stance-heavy briefs and articles, the rest from the texts with no stance
(sports, weather, markets, culture) and from generated general-news sentences, as in a day's news where
most sentences state no stance between countries. `--stance-share 1` gives the densest possible text.
It then prints:

- one-core throughput (MB/s, documents/s) on the whole corpus and on its first fifth, so that the ratio
  shows whether the cost stays linear in input size;
- throughput with `--jobs` processes.

Each figure is the best of `--repeat` runs (default 3), as `timeit` reports: on a shared machine the other
runs measure the neighbours' load, not the extractor. Every run's time is printed too, and for one core
the throughput per CPU second as well, which other programs on the machine do not change. Numbers depend on
the machine; the header line says which one.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import tempfile
import time
from pathlib import Path

from graph.extract import extract
from graph.text import split_sentences

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "corpus", ROOT / "tests" / "data" / "devset", ROOT / "tests" / "data" / "heldout"]
OUT = ROOT / "bench" / "out" / "extract"
DATELINES = ["WASHINGTON", "MEXICO CITY", "PANAMA CITY", "BOGOTA", "NAIROBI", "MANILA", "BERLIN", "LIMA",
             "ANKARA", "JAKARTA", "LONDON", "TOKYO", "CARACAS", "KYIV", "CAIRO", "DOHA"]


NO_STANCE = {"devset": ("018", "019", "020", "021", "022"), "heldout": ("005", "010", "015", "020")}
TOPICS = ["inflation", "rainfall", "the harvest", "rail freight", "tourism", "the bond market", "a film festival",
          "school enrolment", "power prices", "the football league", "coffee exports", "a new museum"]
VERBS = ["rose", "fell", "held steady", "recovered", "slowed", "picked up", "surprised analysts", "drew crowds"]


def sentence_pools(rng: random.Random) -> tuple[list[str], list[str]]:
    """Sentences of the bundled texts, split into stance-heavy ones and general news."""
    stance, general = [], []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            sentences = [s.text for s in split_sentences(text) if len(s.text) > 40 and ":" not in s.text[:12]]
            quiet = path.stem[:3] in NO_STANCE.get(folder.name, ())
            (general if quiet else stance).extend(sentences)
    for _ in range(2000):
        general.append(f"In {rng.choice(['March', 'June', 'October'])}, {rng.choice(TOPICS)} "
                       f"{rng.choice(VERBS)} by {rng.randint(2, 40)} percent compared with a year earlier, "
                       f"according to figures published on {rng.choice(['Monday', 'Wednesday', 'Friday'])}.")
    return stance, general


def generate(target_bytes: int, *, stance_share: float = 0.35, seed: int = 7, folder: Path | None = None) -> list[Path]:
    """Write articles of 8-30 sentences into `folder` (emptied first; default bench/out/corpus) until the corpus
    reaches `target_bytes`."""
    rng = random.Random(seed)
    stance, general = sentence_pools(rng)
    out = folder if folder is not None else OUT
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    paths, total, index = [], 0, 0
    while total < target_bytes:
        sentences = [rng.choice(stance if rng.random() < stance_share else general)
                     for _ in range(rng.randint(8, 30))]
        paragraphs = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
        day = rng.randint(1, 28)
        text = f"{rng.choice(DATELINES)}, Feb. {day}, 2025 — " + "\n\n".join(paragraphs) + "\n"
        path = out / f"{index:06d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        total += len(text.encode("utf-8"))
        index += 1
    return paths


def load_check() -> float:
    """Seconds for a fixed pure-Python loop: on a shared machine, how much CPU the benchmark can get."""
    start = time.perf_counter()
    total = 0
    for i in range(5_000_000):
        total += i
    return time.perf_counter() - start


def measure(paths: list[Path], *, jobs: int) -> tuple[float, int, int, float]:
    """Seconds, documents, events and CPU seconds of this process for one extraction pass."""
    start, cpu = time.perf_counter(), time.process_time()
    events = sum(len(result.events) for result in extract(paths, jobs=jobs))
    return time.perf_counter() - start, len(paths), events, time.process_time() - cpu


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench extract_bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=5.0, help="size of the generated corpus (default 5 MB)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes for the parallel run")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best counts (default 3)")
    parser.add_argument("--stance-share", type=float, default=0.35,
                        help="share of sentences taken from stance-heavy texts (default 0.35; 1 = densest)")
    args = parser.parse_args(argv)

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"load check: a fixed Python loop took {load_check():.2f} s (the same loop before and after tells "
          "whether the machine was busy)")
    paths = generate(int(args.mb * 1_000_000), stance_share=args.stance_share)
    print(f"corpus: {len(paths)} articles, {args.stance_share:.0%} of sentences from stance-heavy texts")
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
        runs = [measure(subset, jobs=jobs) for _ in range(max(1, args.repeat))]
        seconds, docs, events, _ = min(runs)
        cpu = min(run[3] for run in runs) if jobs == 1 else None
        rows.append((label, subset_size, seconds, docs, events, [run[0] for run in runs], cpu))
    print(f"{'run (best of ' + str(max(1, args.repeat)) + ')':<32}{'MB':>7}{'seconds':>9}{'MB/s':>8}{'docs/s':>9}"
          f"{'events':>8}{'MB/cpu-s':>10}  all runs (s)")
    for label, mb, seconds, docs, events, times, cpu in rows:
        per_cpu = f"{mb / cpu:>10.2f}" if cpu else f"{'':>10}"
        print(f"{label:<32}{mb:>7.2f}{seconds:>9.2f}{mb / seconds:>8.2f}{docs / seconds:>9.0f}{events:>8}{per_cpu}  "
              + " ".join(f"{t:.2f}" for t in times))
    print("MB/s is wall-clock time; MB/cpu-s counts only the CPU time the extractor got (on a shared machine "
          "the two differ by what other programs took)")
    print(f"load check after the runs: {load_check():.2f} s")
    small, large = rows[0], rows[1]
    ratio = (large[2] / large[1]) / (small[2] / small[1])
    print(f"seconds per MB, whole corpus / first fifth: {ratio:.2f} (1.0 = linear)")
    one_line_bench(paths, size)
    return 0


def one_line_bench(paths: list[Path], size: float) -> None:
    """The whole corpus as one article on one line (a scraped page, a dump record): the time per MB must not
    grow with the length of the line."""
    with tempfile.TemporaryDirectory() as folder:
        timings = []
        for share in (0.2, 1.0):
            text = " ".join(p.read_text(encoding="utf-8").replace("\n", " ") for p in paths)
            text = text[: int(len(text) * share)]
            path = Path(folder) / f"line-{share}.txt"
            path.write_text(text, encoding="utf-8")
            start = time.perf_counter()
            list(extract([path]))
            timings.append((len(text.encode("utf-8")) / 1e6, time.perf_counter() - start))
    (small_mb, small_s), (large_mb, large_s) = timings
    print(f"one article on one line: {small_mb:.2f} MB in {small_s:.2f} s, {large_mb:.2f} MB in {large_s:.2f} s; "
          f"seconds per MB, long / short: {(large_s / large_mb) / (small_s / small_mb):.2f} (1.0 = linear)")
