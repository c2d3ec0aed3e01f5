"""Regression: a query the checker's parser could not read hid a SERVICE call from the fallback check.

`rdfs:label"Mexico"SERVICE<http://...>` was one token to the fallback tokenizer, so the word SERVICE was
never seen and Oxigraph sent a request to the listener. A query the parser cannot read now fails closed.
A real listener on 127.0.0.1 must receive nothing.
"""

from __future__ import annotations

import pytest

from graph.cli import main

from conftest import DATA

MINI = DATA / "store" / "mini.ttl"


@pytest.mark.parametrize("query", [
    'SELECT * WHERE {{ LATERAL {{ ?s rdfs:label"Mexico"SERVICE<http://127.0.0.1:{port}/x>{{?x ?y ?z}} }} }}',
    "SELECT * WHERE {{ LATERAL {{ ?s ?p ?o }} sErViCe <http://127.0.0.1:{port}/x> {{ ?x ?y ?z }} }}",
])
def test_unparsable_query_with_service_is_refused_and_sends_nothing(listener, capsys, query):
    port, accepted = listener
    status = main(["query", query.format(port=port), "--graph", str(MINI)])
    assert status == 1
    assert "--allow-network" in capsys.readouterr().err
    assert accepted == []
