"""Regression: two builds into the same --out ran at once with no lock; with slower renames the second
crashed with `OSError: [Errno 39] Directory not empty`. A build now holds a lock on the folder: a second
build process waits for it (and says so) or, with --no-wait, refuses at once; builds started together
both finish, one after the other, and leave one consistent build. Real processes; the first build's lock
is held by this test process through graph.publish.locked, the lock the build itself takes."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import graph.publish

from conftest import CORPUS

ARTICLES = [str(path) for path in sorted(CORPUS.glob("*.txt"))[:3]]


def _build(out: Path, *extra: str) -> subprocess.Popen:
    argv = [sys.executable, "-m", "graph", "build", *ARTICLES, "--out", str(out), "--no-views", *extra]
    return subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _published(out: Path) -> tuple[str, int]:
    """Where .current points and how many generations are on disk."""
    return os.readlink(out / ".current"), len(list((out / ".generations").iterdir()))


def test_a_second_build_process_waits_then_publishes(tmp_path):
    out = tmp_path / "build"
    with graph.publish.locked(out):
        second = _build(out)
        first_line = second.stderr.readline()  # blocks until the build has met the lock
        assert first_line == f"waiting for another build into {out} to finish\n"
        assert second.poll() is None and not (out / ".current").exists()
    stdout, stderr = second.communicate(timeout=300)
    assert second.returncode == 0, stderr
    assert stdout.startswith("read 3 of 3 documents")
    assert _published(out)[1] == 1


def test_no_wait_refuses_while_another_build_runs(tmp_path):
    out = tmp_path / "build"
    with graph.publish.locked(out):
        run = subprocess.run([sys.executable, "-m", "graph", "build", *ARTICLES, "--out", str(out), "--no-wait"],
                             capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert run.stderr == (f"error: another build into {out} is running; try again when it has finished, or leave "
                          "out --no-wait to wait for it\n")
    assert sorted(p.name for p in out.iterdir()) == [".lock"]


def test_builds_started_together_both_finish_with_one_build_published(tmp_path):
    out = tmp_path / "build"
    builds = [_build(out) for _ in range(2)]
    results: list[tuple[int, str]] = []

    def finish(process: subprocess.Popen) -> None:
        _, stderr = process.communicate(timeout=300)
        results.append((process.returncode, stderr))

    threads = [threading.Thread(target=finish, args=(process,)) for process in builds]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [status for status, _ in results] == [0, 0], results
    assert not any("Traceback" in stderr for _, stderr in results)
    current, generations = _published(out)
    assert generations == 2  # the one published and the one before it, kept until the next build
    for name in ("events.csv", "graph.nt", "graph.ttl", "store"):
        assert os.readlink(out / name) == f".current/{name}" and (out / current / name).exists()
    assert not [p for p in out.iterdir() if ".tmp" in p.name or p.name.startswith(".staging")]
