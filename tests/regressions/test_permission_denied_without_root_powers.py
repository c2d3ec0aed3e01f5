"""Regression: the 'permission denied' branch of the write errors was never run, because the tests run as
root, whom permissions do not stop (a read-only tmpfs stood in for it). Here the commands run in a child
process that keeps uid 0 but drops CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH from its capability bounding
set before exec: root is then held to the owner's bits like any user, and a folder of mode 0555 refuses
new files with EACCES. Each command ends in one line naming the folder and what to do, exit 2, and a
previous build is left exactly as it was. Skipped when not root (tests/regressions/test_disk_full_and_permissions.py
then covers the same with chmod) or when the capabilities cannot be dropped."""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import CORPUS

ARTICLES = [str(path) for path in sorted(CORPUS.glob("*.txt"))[:3]]
PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 24, 1, 2


def _drop_file_permission_override() -> None:
    """In the child, before exec: no capability to bypass file permissions survives the exec."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def _as_user(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graph", *argv], capture_output=True, text=True, timeout=300,
                          preexec_fn=_drop_file_permission_override)


@pytest.fixture(scope="module")
def without_override(tmp_path_factory) -> None:
    """Skip unless a child process here can really be refused by file permissions."""
    if os.geteuid() != 0:
        pytest.skip("not root: test_disk_full_and_permissions.py tests permissions with chmod")
    folder = tmp_path_factory.mktemp("probe")
    folder.chmod(0o555)
    probe = subprocess.run([sys.executable, "-c", f"open({str(folder / 'probe')!r}, 'w')"], capture_output=True,
                           preexec_fn=_drop_file_permission_override)
    folder.chmod(0o755)
    if probe.returncode == 0 or b"PermissionError" not in probe.stderr:
        pytest.skip("the capabilities to bypass file permissions could not be dropped here")


@pytest.fixture
def locked_folder(tmp_path, without_override) -> Iterator[Path]:
    """A folder of mode 0555 that this test's child processes cannot create files in."""
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    yield folder
    folder.chmod(0o755)


def test_a_build_into_a_folder_without_permission(locked_folder):
    out = locked_folder / "build"
    run = _as_user("build", *ARTICLES, "--out", str(out), "--no-views")
    assert run.returncode == 2
    assert run.stderr == (f"error: cannot write the build into {out}: permission denied; make it writable for you, "
                          f"or build into another folder with --out; nothing in {out} was changed\n")


def test_a_build_folder_made_read_only_keeps_its_build(tmp_path, without_override):
    out = tmp_path / "build"
    assert _as_user("build", *ARTICLES[:2], "--out", str(out), "--no-views").returncode == 0
    before = {entry.name: os.readlink(entry) if entry.is_symlink() else None for entry in out.iterdir()}
    current = (out / "graph.nt").read_bytes()
    out.chmod(0o555)
    try:
        run = _as_user("build", *ARTICLES, "--out", str(out), "--no-views")
    finally:
        out.chmod(0o755)
    assert run.returncode == 2, run.stderr
    assert run.stderr == (f"error: cannot write the build into {out}: permission denied; make it writable for you, "
                          f"or build into another folder with --out; nothing in {out} was changed\n")
    assert {entry.name: os.readlink(entry) if entry.is_symlink() else None for entry in out.iterdir()} == before
    assert (out / "graph.nt").read_bytes() == current
    assert len(list((out / ".generations").iterdir())) == 1


def test_extract_into_a_folder_without_permission_says_so_first(locked_folder):
    run = _as_user("extract", *ARTICLES, "--events", str(locked_folder / "events.csv"))
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr == (f"error: --events {locked_folder}/events.csv cannot be written: {locked_folder}: permission "
                          "denied; give a file in a folder you can write to\n")


@pytest.mark.parametrize("command", ["render", "analyze"])
def test_views_and_exports_into_a_folder_without_permission(locked_folder, tmp_path, command):
    out = tmp_path / "build"
    assert _as_user("build", *ARTICLES, "--out", str(out), "--no-views").returncode == 0
    target = locked_folder / "view.html" if command == "render" else locked_folder
    run = _as_user(command, "--graph", str(out), "--out", str(target))
    assert run.returncode == 2 and run.stderr.count("\n") == 1
    assert run.stderr.rstrip("\n") == (f"error: cannot write into {locked_folder}: permission denied; make it "
                                           "writable for you, or give another path")
    assert list(locked_folder.iterdir()) == []
