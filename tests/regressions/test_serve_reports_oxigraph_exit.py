"""Regression: when the Oxigraph server behind `stancegraph serve` died (a 77 KB query of `1=1 ||`
overflowed its stack), `serve` exited 250 with nothing on stderr and deleted the server's log with its
temporary folder; SIGKILL of `serve` itself left `oxigraph` running. Now `serve` reports the server's end
(its exit status and the end of its log) and exits 1, and a killed `serve` takes the server with it.

The real command on a free loopback port; the Oxigraph child is found through /proc and killed with
SIGKILL (the crash itself is now refused before it reaches the server)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import store

from conftest import DATA

pytestmark = pytest.mark.server

MINI = DATA / "store" / "mini.ttl"


def _children(pid: int) -> list[int]:
    """Process ids of `pid`'s children (every thread's), from /proc."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def _alive(pid: int) -> bool:
    """True while `pid` exists and is not a zombie."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return not any(line.startswith("State:") and "Z" in line.split()[1] for line in status.splitlines())


def _gone_within(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not _alive(pid):
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def serving() -> Iterator[tuple[subprocess.Popen, int]]:
    """`stancegraph serve` running, and the pid of its Oxigraph server."""
    if not Path("/proc/self/task").is_dir():
        pytest.skip("needs /proc to find the server process")
    process = subprocess.Popen([sys.executable, "-m", "graph", "serve", "--graph", str(MINI), "--port",
                                str(store.free_port())], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert "Oxigraph query UI" in process.stdout.readline(), process.stderr.read()
        [oxigraph] = [pid for pid in _children(process.pid) if "oxigraph" in Path(f"/proc/{pid}/cmdline").read_text()]
        yield process, oxigraph
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()


def test_serve_reports_the_end_of_its_oxigraph_server(serving):
    process, oxigraph = serving
    os.kill(oxigraph, signal.SIGKILL)
    assert process.wait(timeout=30) == 1
    stderr = process.stderr.read()
    assert stderr.startswith(f"stancegraph serve: the Oxigraph server ended with status {-signal.SIGKILL}: ")
    assert "Listening for requests at http://127.0.0.1:" in stderr  # the end of the server's log
    assert "Traceback" not in stderr and stderr.count("\n") == 1


def test_a_killed_serve_takes_its_server_with_it(serving):
    process, oxigraph = serving
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert _gone_within(oxigraph, 10)
