"""Regression: `stancegraph extract --events SOME_FOLDER` ended, after the whole extraction, in an
IsADirectoryError traceback. It now says what to give, before any work, with exit status 2."""

from __future__ import annotations

from conftest import CORPUS


def test_an_output_that_is_a_folder_is_named_before_extraction(cli, tmp_path):
    article = str(next(CORPUS.glob("*.txt")))
    run = cli("extract", article, "--events", str(tmp_path))
    assert run.status == 2
    assert run.stderr == f"error: --events {tmp_path} is a folder; give a file name, e.g. {tmp_path}/events.csv\n"
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    run = cli("extract", article, "--entities", str(tmp_path / "afile" / "entities.csv"))
    assert run.status == 2
    assert run.stderr == (f"error: --entities {tmp_path}/afile/entities.csv cannot be written: "
                          f"{tmp_path}/afile is a file, not a folder\n")
