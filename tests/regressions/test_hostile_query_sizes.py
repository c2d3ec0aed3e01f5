"""Regression: a query of 20,000 nested braces crashed the process (stack overflow in the parser), and a
77 KB query of 11,000 `1=1 ||` took the server down. Both are refused before parsing, with a message."""

from __future__ import annotations

import pytest

from graph import store
from graph.cli import main

from conftest import DATA

MINI = DATA / "store" / "mini.ttl"


def test_deeply_nested_query_is_refused_with_a_message(capsys):
    text = "SELECT * WHERE " + "{" * 20_000 + "?s ?p ?o" + "}" * 20_000
    assert main(["query", text, "--graph", str(MINI)]) == 1
    assert "nests braces and parentheses 20000 deep" in capsys.readouterr().err


def test_oversized_query_is_refused():
    text = "SELECT * WHERE { ?s ?p ?o FILTER(" + "1=1 || " * 20_000 + "true) }"
    with pytest.raises(store.QueryError, match="over the limit"):
        store.query(text, graph=MINI)


def test_ordinary_nesting_still_runs():
    text = "SELECT * WHERE " + "{" * 20 + "?s ?p ?o" + "}" * 20 + " LIMIT 1"
    assert len(store.query(text, graph=MINI)) == 1
