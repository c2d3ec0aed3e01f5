"""Regression and 'no traceback unless --debug': an error no command has a message for ended
in a Python traceback; it is now one line naming it and asking for `--debug`, exit 1, and `--debug` shows
the traceback (the exception propagates). A reader that stops early ('| head') is still no error: the
write-error handling added for render and analyze caught BrokenPipeError (an OSError) first and raised it.
The failures are raised by the functions the commands really call."""

from __future__ import annotations

import io

import pytest

import graph.analyze
from graph.cli import main

from conftest import DATA

MINI = str(DATA / "store" / "mini.ttl")


def _fail(*args, **kwargs):
    raise RuntimeError("scores could not be summed")


def test_an_unexpected_error_is_one_line_asking_for_debug(cli, monkeypatch):
    monkeypatch.setattr(graph.analyze, "stances", _fail)
    run = cli("stances", "--graph", MINI)
    assert run.status == 1 and "Traceback" not in run.stderr
    assert run.stderr == ("error: RuntimeError: scores could not be summed (stancegraph did not expect this; run the "
                          "command again with --debug for the traceback and report it)\n")


def test_debug_shows_the_traceback(monkeypatch):
    monkeypatch.setattr(graph.analyze, "stances", _fail)
    with pytest.raises(RuntimeError, match="scores could not be summed"):
        main(["--debug", "stances", "--graph", MINI])


class _ClosedPipe(io.StringIO):
    """Standard output whose reader has gone ('| head' after its lines)."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_reader_that_stops_early_is_no_error(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdout", _ClosedPipe())
    assert main(["query", "--graph", MINI, "SELECT * WHERE { ?s ?p ?o }", "-f", "csv"]) == 0
    monkeypatch.undo()
    assert capsys.readouterr().err == ""
