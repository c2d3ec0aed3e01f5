"""Regression: a full disk, or a folder that cannot be written, ended `build` and `extract` in a Python
traceback. Each now gives one line naming the path and what to do, a non-zero exit status (1 for a full
disk, 2 for a folder that takes no files), and leaves the previous build as it was: the same `.current`
generation and outputs, no other generation, no staging or temporary entry.

A full disk is simulated two ways: the write the build really calls raising ENOSPC (graph.assemble.files._write
for graph.nt and the tables, Path.write_bytes elsewhere; Oxigraph's bulk load, whose error carries no errno,
only the system's words), which runs everywhere, and a real tiny tmpfs, which needs root (skipped otherwise).
A read-only folder is a tmpfs mounted read-only as root, or a folder without write permission otherwise.
"""

from __future__ import annotations

import errno
import os
import pathlib
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

import graph.assemble.files

from conftest import CORPUS

ARTICLES = sorted(CORPUS.glob("*.txt"))[:3]


def _state(out: Path) -> dict[str, object]:
    """What a reader of the build folder sees: where .current points, its outputs' bytes, and every entry."""
    return {
        "current": os.readlink(out / ".current"),
        "graph.nt": (out / "graph.nt").read_bytes(),
        "events.csv": (out / "events.csv").read_bytes(),
        "generations": sorted(p.name for p in (out / ".generations").iterdir()),
        "entries": sorted(p.name for p in out.iterdir()),
    }


def _build(cli, out: Path, *extra: str):
    return cli("build", *map(str, ARTICLES), "--out", str(out), *extra)


@pytest.fixture
def built(cli, tmp_path) -> Path:
    out = tmp_path / "build"
    assert _build(cli, out, "--no-views").status == 0
    return out


class _FullStore:
    """Stands in for pyoxigraph.Store: the bulk load fails the way Oxigraph reports a full disk."""

    def __init__(self, path: str) -> None:
        self.path = path

    def bulk_load(self, **kwargs: object) -> None:
        raise OSError(f"IO error: No space left on device: While appending to file: {self.path}/bulk-1.sst: "
                      "No space left on device")


def _full_disk_on_write_bytes(monkeypatch) -> None:
    """The graph files are written by graph.assemble.files._write, the other outputs by Path.write_bytes: both fail."""
    def write_bytes(self, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(pathlib.Path, "write_bytes", write_bytes)
    monkeypatch.setattr(graph.assemble.files, "_write", lambda handle, data: write_bytes(None, data))


def _full_disk_in_oxigraph(monkeypatch) -> None:
    import pyoxigraph

    monkeypatch.setattr(pyoxigraph, "Store", _FullStore)


@pytest.mark.parametrize("fill", [_full_disk_on_write_bytes, _full_disk_in_oxigraph])
def test_a_full_disk_gives_one_line_and_leaves_the_previous_build(cli, built, monkeypatch, fill):
    before = _state(built)
    fill(monkeypatch)
    run = _build(cli, built, "--no-views")
    monkeypatch.undo()
    assert run.status == 1
    assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr, run.stderr
    assert run.stderr == (f"error: cannot write the build into {built}: no space left on the device; free some "
                          f"space there, or build into another folder with --out; nothing in {built} was changed\n")
    assert _state(built) == before
    assert not [p for p in built.rglob("*") if ".tmp" in p.name or ".staging-" in p.name or p.name.endswith(".old")]


def test_extract_on_a_full_disk_leaves_the_file_that_was_there(cli, tmp_path, monkeypatch):
    events = tmp_path / "events.csv"
    events.write_text("earlier\n", encoding="utf-8")

    def write_text(self, *args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(pathlib.Path, "write_text", write_text)
    run = cli("extract", str(ARTICLES[0]), "--events", str(events))
    monkeypatch.undo()
    assert run.status == 1
    assert run.stderr == (f"error: cannot write --events {events}: no space left on the device; free some space "
                          "there, or give a file on another disk (a file there before is unchanged)\n")
    assert events.read_text(encoding="utf-8") == "earlier\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.csv"]


# ------------------------------------------------------------------------------------- real file systems


def _mount(folder: Path, options: str) -> bool:
    """Mount a tmpfs at `folder` (root only); False when this machine does not let us."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    return subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
                          capture_output=True).returncode == 0


@pytest.fixture
def tiny(tmp_path) -> Iterator[Path]:
    """A real 3 MB tmpfs (root only)."""
    folder = tmp_path / "tiny"
    folder.mkdir()
    if not _mount(folder, "size=3m"):
        pytest.skip("mounting a tmpfs needs root")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_a_really_full_disk(cli, tiny):
    out = tiny / "build"
    assert _build(cli, out).status == 0
    before = _state(out)
    free = shutil.disk_usage(tiny).free
    with open(tiny / "filler", "wb") as filler:  # leave too little for a second generation
        filler.write(b"\0" * max(0, free - 100_000))
    run = _build(cli, out)
    assert run.status == 1, run.stderr
    assert run.stderr.startswith(f"error: cannot write the build into {out}: no space left on the device;")
    assert run.stderr.count("\n") == 1
    assert _state(out) == before
    (tiny / "filler").unlink()
    assert cli("extract", str(ARTICLES[0]), "--events", str(tiny / "events.csv")).status == 0
    with open(tiny / "filler", "wb") as filler:
        filler.write(b"\0" * max(0, shutil.disk_usage(tiny).free - 4096))
    run = cli("extract", *map(str, ARTICLES), "--events", str(tiny / "events.csv"))
    assert run.status == 1 and "no space left on the device" in run.stderr


@pytest.fixture
def read_only(tmp_path) -> Iterator[tuple[Path, str]]:
    """A folder no file can be created in, and the reason and advice the message gives: a read-only tmpfs as
    root, a folder without write permission otherwise."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
        yield folder, "permission denied; make it writable for you"
        folder.chmod(0o755)
        return
    if not _mount(folder, "ro,size=1m"):
        pytest.skip("root cannot be refused by permissions, and no tmpfs could be mounted read-only")
    try:
        yield folder, "the file system is read-only; mount it writable"
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_a_build_into_a_read_only_folder(cli, read_only):
    folder, reason = read_only
    out = folder / "build"
    run = _build(cli, out)
    assert run.status == 2
    assert run.stderr == (f"error: cannot write the build into {out}: {reason}, or build into another folder with "
                          f"--out; nothing in {out} was changed\n")
    assert not out.exists()


def test_extract_into_a_read_only_folder_says_so_before_extracting(cli, read_only, monkeypatch):
    folder, reason = read_only
    import graph.extract

    monkeypatch.setattr(graph.extract, "extract", lambda *a, **k: pytest.fail("extracted before checking"))
    run = cli("extract", str(ARTICLES[0]), "--events", str(folder / "events.csv"))
    assert run.status == 2
    assert run.stderr == (f"error: --events {folder}/events.csv cannot be written: {folder}: {reason.split(';')[0]}; "
                          "give a file in a folder you can write to\n")


def test_a_read_only_remount_leaves_the_previous_build(cli, tiny):
    out = tiny / "build"
    assert _build(cli, out, "--no-views").status == 0
    before = _state(out)
    subprocess.run(["mount", "-o", "remount,ro", str(tiny)], check=True)
    try:
        run = _build(cli, out, "--no-views")
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(tiny)], check=True)
    assert run.status == 2 and "the file system is read-only" in run.stderr and run.stderr.count("\n") == 1
    assert _state(out) == before
