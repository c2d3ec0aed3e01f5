"""Regression: commands other than `extract` that write a file the user names wrote it beside the name and
renamed it over whatever was there. `render --out /dev/null` as root left /dev/null a regular file (a named
pipe's reader got nothing), `render --out FOLDER` and `analyze --out FILE` ended in tracebacks after the
work. A device or a named pipe is now written to as it is, a folder where a file goes (or a file where a
folder goes) is one line naming it, exit 2, before the graph is read."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from graph.corrections import append_row
from graph.outputs import OutputPathError

from conftest import INPUTS

CORRECTIONS = Path(__file__).resolve().parents[1] / "data" / "corrections" / "reviewed.csv"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    from graph.build import build

    out = tmp_path_factory.mktemp("views") / "build"
    build([INPUTS], out=out, views=False)
    return out


@pytest.fixture
def device(tmp_path) -> Path:
    """A private character device that discards what is written (as /dev/null), so a test that fails cannot
    damage the machine's own /dev/null."""
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root")
    node = tmp_path / "null"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    return node


def _read_in_background(pipe: Path) -> tuple[threading.Thread, list[str]]:
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text(encoding="utf-8")), daemon=True)
    reader.start()
    return reader, received


def test_render_and_evaluate_write_into_a_device_without_replacing_it(cli, built, device):
    assert cli("render", "--graph", str(built), "--out", str(device)).status == 0
    assert stat.S_ISCHR(os.stat(device).st_mode)
    run = cli("evaluate", "--corrections", str(CORRECTIONS), "--examples", str(device))
    assert run.status == 0, run.stderr
    assert stat.S_ISCHR(os.stat(device).st_mode)


def test_a_review_decision_into_a_device_leaves_it_a_device(device):
    append_row(device, {"action": "reject", "source": "a.txt", "actor": "MEX", "relation": "accuses",
                        "target": "USA"})
    assert stat.S_ISCHR(os.stat(device).st_mode)


def test_the_view_into_a_named_pipe_reaches_its_reader(cli, built, tmp_path):
    pipe = tmp_path / "view.pipe"
    os.mkfifo(pipe)
    reader, received = _read_in_background(pipe)
    run = cli("render", "--graph", str(built), "--out", str(pipe))
    reader.join(timeout=30)
    assert run.status == 0, run.stderr
    assert received and received[0].startswith("<!DOCTYPE html>")
    assert stat.S_ISFIFO(os.stat(pipe).st_mode) and sorted(p.name for p in tmp_path.iterdir()) == ["view.pipe"]


def test_render_into_a_folder_is_one_line_before_the_graph_is_read(cli, tmp_path):
    folder = tmp_path / "views"
    folder.mkdir()
    run = cli("render", "--graph", str(tmp_path / "no-such-build"), "--out", str(folder))
    assert run.status == 2
    assert run.stderr == (f"stancegraph render: --out {folder} is a folder; give a file name, e.g. "
                          f"{folder / 'graph.html'}\n")
    assert list(folder.iterdir()) == []


def test_analyze_into_a_file_is_one_line_and_leaves_it(cli, built, tmp_path):
    target = tmp_path / "notes.txt"
    target.write_text("mine\n", encoding="utf-8")
    run = cli("analyze", "--graph", str(built), "--out", str(target))
    assert run.status == 2 and run.stdout == ""
    assert run.stderr == f"stancegraph analyze: --out {target} is not a folder; give a folder for the exports\n"
    assert target.read_text(encoding="utf-8") == "mine\n"


def test_examples_and_corrections_into_a_folder_are_refused(cli, tmp_path):
    run = cli("evaluate", "--corrections", str(CORRECTIONS), "--examples", str(tmp_path))
    assert run.status == 2 and "Traceback" not in run.stderr and run.stderr.count("\n") == 1
    with pytest.raises(OutputPathError, match="is a folder"):
        append_row(tmp_path, {"action": "reject"})
    assert list(tmp_path.iterdir()) == []


def test_a_store_is_never_renamed_over_a_named_pipe(tmp_path):
    """In a child process with a time limit: the old swap moved the pipe aside and then waited forever in
    rmtree, which opens what it removes."""
    pipe = tmp_path / "store"
    os.mkfifo(pipe)
    script = textwrap.dedent(f"""
        from graph.outputs import OutputPathError, atomic_path
        try:
            with atomic_path({str(pipe)!r}) as folder:
                folder.mkdir()
        except OutputPathError as error:
            print(error)
    """)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout == f"{pipe} is a device or a named pipe, not a file or folder stancegraph can replace; " \
                         "give another path\n"
    assert stat.S_ISFIFO(os.stat(pipe).st_mode) and sorted(p.name for p in tmp_path.iterdir()) == ["store"]


def test_review_into_a_folder_is_refused_before_the_page_is_served(cli, built, tmp_path):
    run = cli("review", "--graph", str(built), "--corrections", str(tmp_path))
    assert run.status == 2 and run.stdout == ""
    assert run.stderr == (f"stancegraph review: {tmp_path} is a folder; give a file name, e.g. "
                          f"{tmp_path / 'corrections.csv'}\n")
