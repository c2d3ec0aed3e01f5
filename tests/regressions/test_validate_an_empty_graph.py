"""Regression: after a build that read nothing had replaced graph.ttl with an empty file, `stancegraph
validate` said the 0-byte file "conforms" (an empty graph meets every shape) and exited 0. A graph file
without triples is now a usage error naming the file, exit 2; a graph given as an rdflib object is still
checked as it is."""

from __future__ import annotations

import pytest
import rdflib

from graph.validate import GraphFileError, validate


@pytest.mark.parametrize("content", ["", "@prefix sg: <https://example.org/stancegraph#> .\n"])
def test_a_graph_file_without_triples_is_not_said_to_conform(cli, tmp_path, content):
    path = tmp_path / "graph.ttl"
    path.write_text(content, encoding="utf-8")
    run = cli("validate", str(path))
    assert run.status == 2 and run.stdout == ""
    assert run.stderr == (f"stancegraph validate: {path}: holds no triples, so there is nothing to check; build the "
                          "graph again or name another file\n")
    with pytest.raises(GraphFileError):
        validate(path)


def test_an_empty_graph_object_is_still_checked():
    assert validate(rdflib.Graph()).conforms
