"""Regression: the same corpus built as `corpus` and as `/abs/path/corpus` gave different graphs (1,571 of
1,917 triples differed), because source IRIs hashed the path as typed. Now only `sg:path`, the path as
the user gave it, differs."""

from __future__ import annotations

import rdflib
from rdflib.compare import graph_diff, to_isomorphic

from graph.build import build
from graph.ontology import SG

from conftest import REPO


def test_graph_does_not_depend_on_how_the_folder_was_typed(tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)
    build(["corpus"], out=tmp_path / "relative", views=False)
    build([str(REPO / "corpus")], out=tmp_path / "absolute", views=False)
    graphs = [rdflib.Graph().parse(tmp_path / name / "graph.nt", format="nt") for name in ("relative", "absolute")]
    _, only_relative, only_absolute = graph_diff(to_isomorphic(graphs[0]), to_isomorphic(graphs[1]))
    assert {p for _, p, _ in only_relative} == {p for _, p, _ in only_absolute} == {rdflib.URIRef(SG + "path")}
    assert len(only_relative) == len(list((REPO / "corpus").glob("*.txt")))
