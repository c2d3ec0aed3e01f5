"""Regression: `stancegraph query` had a time and a memory limit but no limit on the size of an answer,
which every query needs (CLI default and flag), as `serve --max-results` has. An answer is now
read row by row and refused once it passes --max-results (default 100,000, as serve; 0 for none), before
it is all in memory; the library's `query(..., max_results=N)` does the same, unlimited by default."""

from __future__ import annotations

import pytest

from graph.store import QueryError, query

from conftest import DATA

MINI = str(DATA / "store" / "mini.ttl")
EVERYTHING = "SELECT * WHERE { ?s ?p ?o }"


@pytest.mark.parametrize(("text", "unit", "fmt"), [(EVERYTHING, "rows", "csv"),
                                                  ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "triples", "nt")])
def test_an_answer_over_the_limit_is_one_line_and_no_rows(cli, text, unit, fmt):
    run = cli("query", "--graph", MINI, text, "--max-results", "10", "-f", fmt)
    assert run.status == 1 and run.stdout == ""
    assert run.stderr == (f"stancegraph query: the query gives more than 10 {unit}; narrow it (more specific "
                          "patterns, LIMIT) or allow more (CLI: --max-results, 0 for no limit)\n")


def test_the_default_and_no_limit(cli):
    total = len(query(EVERYTHING, graph=MINI).rows)
    assert 10 < total < 100_000
    for extra in ((), ("--max-results", "0"), ("--max-results", str(total))):
        run = cli("query", "--graph", MINI, EVERYTHING, "-f", "csv", *extra)
        assert run.status == 0 and run.stdout.count("\n") == total + 1, extra
    assert "--max-results ROWS" in cli("query", "--help").stdout


def test_the_library_limit():
    with pytest.raises(QueryError, match="more than 5 rows"):
        query(EVERYTHING, graph=MINI, max_results=5)
    assert len(query(EVERYTHING + " LIMIT 5", graph=MINI, max_results=5).rows) == 5
