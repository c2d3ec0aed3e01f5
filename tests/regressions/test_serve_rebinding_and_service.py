"""Regression: `stancegraph serve` ran SERVICE queries sent by any web page (a plain GET was enough: server
side request forgery), answered any Host header (DNS rebinding), had no size limit on answers, and a 77 KB
query of `1=1 ||` killed it.

The real command is started on 127.0.0.1 and spoken to over real HTTP: a wrong Host gets 421 and no data;
SERVICE queries (also the form that once slipped past the checker) get 403 while a listener they name
receives nothing; an answer over --max-results gets 413 and a message naming the limit; a hostile query is
refused and the next one answered; a runaway query is stopped after --timeout-s.
"""

from __future__ import annotations

import http.client
import json
import signal
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import store

from conftest import DATA

pytestmark = pytest.mark.server

MINI = DATA / "store" / "mini.ttl"
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def served() -> Iterator[int]:
    """`stancegraph serve` on a free loopback port, 100 rows at most, 2 s a query; yields the port."""
    port = store.free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "graph", "serve", "--graph", str(MINI), "--port", str(port),
         "--max-results", "100", "--timeout-s", "2", "--allow-host", "stancegraph.test"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
    )
    try:
        first, second = process.stdout.readline(), process.stdout.readline()
        assert f"http://127.0.0.1:{port}/" in first, process.stderr.read()
        assert "100 rows" in second and "SERVICE refused" in second
        yield port
    finally:
        process.send_signal(signal.SIGINT)
        try:
            assert process.wait(timeout=20) == 0
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()


def ask(port: int, query: str, host: str | None = None, method: str = "GET") -> tuple[int, str]:
    """Send a SPARQL query over HTTP with the given Host header; (status, body)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Accept": "application/sparql-results+json", "Host": f"127.0.0.1:{port}" if host is None else host}
    if method == "GET":
        connection.request("GET", "/query?query=" + urllib.parse.quote(query), headers=headers)
    else:
        headers["Content-Type"] = "application/sparql-query"
        connection.request("POST", "/query", body=query.encode(), headers=headers)
    response = connection.getresponse()
    try:
        return response.status, response.read().decode("utf-8", errors="replace")
    finally:
        connection.close()


COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def test_the_served_address_answers(served):
    status, body = ask(served, COUNT)
    assert status == 200
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "534"
    assert ask(served, COUNT, host=f"localhost:{served}")[0] == 200
    assert ask(served, COUNT, host=f"stancegraph.test:{served}")[0] == 200  # --allow-host


@pytest.mark.parametrize("host", ["attacker.example:{port}", "attacker.example", "127.0.0.1:1", "127.0.0.1", ""])
def test_a_wrong_host_header_gets_421_and_no_data(served, host):
    for method in ("GET", "POST"):
        status, body = ask(served, COUNT, host=host.format(port=served), method=method)
        assert status == 421
        # (the answer names the allowed addresses with their port, which may itself hold the digits of the count)
        assert "534" not in body.replace(str(served), "") and f"127.0.0.1:{served}" in body


@pytest.mark.parametrize("query", [
    "SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/x> {{ ?s ?p ?o }} }}",
    'SELECT * WHERE {{ LATERAL {{ ?s rdfs:label"Mexico"SERVICE<http://127.0.0.1:{port}/x>{{?x ?y ?z}} }} }}',
    "SELECT * FROM <http://127.0.0.1:{port}/x> WHERE {{ ?s ?p ?o }}",
])
def test_service_is_refused_and_the_target_receives_nothing(served, listener, query):
    port, accepted = listener
    for method in ("GET", "POST"):
        status, body = ask(served, query.format(port=port), method=method)
        assert status == 403
        assert "never runs federated queries" in body or "UPDATE" in body
    time.sleep(0.3)
    assert accepted == []


def test_an_answer_over_the_limit_is_refused_with_a_clear_error(served):
    status, body = ask(served, "SELECT * WHERE { ?s ?p ?o }")
    assert status == 413
    assert "more than 100 rows" in body and "--max-results" in body and "LIMIT" in body
    status, body = ask(served, "SELECT * WHERE { ?s ?p ?o } LIMIT 100")
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 100
    assert ask(served, "CONSTRUCT WHERE { ?s ?p ?o }")[0] == 413


def test_hostile_queries_are_refused_and_the_server_answers_the_next(served):
    huge = "SELECT * WHERE { ?s ?p ?o FILTER(" + " || ".join(["1=1"] * 11_000) + ") }"
    status, body = ask(served, huge, method="POST")
    assert status == 403 and "over the limit" in body
    nested = "SELECT * WHERE " + "{" * 20_000 + "}" * 20_000
    assert ask(served, nested, method="POST")[0] == 403
    assert ask(served, "INSERT DATA { <urn:a> <urn:b> <urn:c> }", method="POST")[0] == 403
    started = time.monotonic()
    status, body = ask(served, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }")
    assert status >= 500 and time.monotonic() - started < 15, body
    assert ask(served, COUNT)[0] == 200
