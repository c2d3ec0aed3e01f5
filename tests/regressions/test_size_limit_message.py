"""Regression: a file just over the size limit was refused with 'file is 210 MB, over the 210 MB limit'
(210,000,000 bytes against 200 MiB, both rounded to whole megabytes). When the rounded figures agree the
message gives bytes. The file is sparse: it takes no disk space and is never read."""

from __future__ import annotations

import os

from graph.documents import MAX_BYTES, read_document


def test_a_file_just_over_the_limit_names_two_different_sizes(tmp_path):
    path = tmp_path / "dump.txt"
    with open(path, "wb") as handle:
        handle.truncate(210_000_000)
    document = read_document(path)
    assert MAX_BYTES == 209_715_200
    assert document.skipped == ("file is 210,000,000 bytes, over the limit of 209,715,200 bytes; split it into "
                                "articles")
    assert os.stat(path).st_blocks == 0  # nothing was written to disk, or read


def test_a_file_well_over_the_limit_is_named_in_megabytes(tmp_path):
    path = tmp_path / "dump.txt"
    with open(path, "wb") as handle:
        handle.truncate(350_000_000)
    assert read_document(path).skipped == "file is 350 MB, over the 210 MB limit; split it into articles"
