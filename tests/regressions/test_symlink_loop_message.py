"""Regression: a symbolic link loop inside an input folder was named, but with the advice for an
unreadable file: 'cannot be read (Too many levels of symbolic links); check permissions'. It now says what
it is and what to do; a dangling link and a named pipe keep their own messages."""

from __future__ import annotations

import os

from conftest import INPUTS


def test_a_link_loop_is_named_as_one(cli, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "article.txt").write_bytes((INPUTS / "guatemala_flights.txt").read_bytes())
    os.symlink("b.txt", folder / "a.txt")
    os.symlink("a.txt", folder / "b.txt")
    run = cli("extract", str(folder), "--events", str(tmp_path / "events.csv"))
    assert run.status == 1
    for name in ("a.txt", "b.txt"):
        reason = "is a symbolic link that loops back on itself; fix or remove it"
        assert f"skipped: {folder / name}: {reason}\n" in run.stderr
    assert "check permissions" not in run.stderr
    assert (tmp_path / "events.csv").read_text(encoding="utf-8").count("\n") > 1
