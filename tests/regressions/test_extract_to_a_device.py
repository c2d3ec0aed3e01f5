"""Regression: `extract --events /dev/null`, run as root, replaced /dev/null with a regular file (the CSV
was written beside its destination and renamed over it); as another user it failed to write into /dev. A
device or a named pipe is now written to as it is, and a regular file still atomically."""

from __future__ import annotations

import os
import stat
import threading

from conftest import CORPUS

ARTICLE = str(sorted(CORPUS.glob("*.txt"))[0])


def test_events_to_dev_null_leave_it_a_device(cli):
    run = cli("extract", ARTICLE, "--events", os.devnull, "--entities", os.devnull)
    assert run.status == 0, run.stderr
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_events_into_a_named_pipe_reach_its_reader(cli, tmp_path):
    pipe = tmp_path / "events.pipe"
    os.mkfifo(pipe)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text(encoding="utf-8")), daemon=True)
    reader.start()
    run = cli("extract", ARTICLE, "--events", str(pipe))
    reader.join(timeout=30)
    assert run.status == 0, run.stderr
    assert received and received[0].startswith("source,date,actor,") and received[0].count("\n") > 1
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.pipe"]


def test_a_regular_file_is_still_replaced_atomically(cli, tmp_path):
    events = tmp_path / "events.csv"
    events.write_text("earlier\n", encoding="utf-8")
    before = os.stat(events).st_ino
    assert cli("extract", ARTICLE, "--events", str(events)).status == 0
    assert events.read_text(encoding="utf-8").startswith("source,date,actor,")
    assert os.stat(events).st_ino != before  # a new file renamed over the old one
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.csv"]
