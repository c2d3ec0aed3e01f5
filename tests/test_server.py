"""The real Oxigraph server (read-only and writable) on loopback, and `push` over the Graph Store Protocol."""

from __future__ import annotations

import base64
import http.server
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from SPARQLWrapper import JSON, POST, SPARQLWrapper

from graph import store
from graph.cli import main

pytestmark = pytest.mark.server

MINI = Path(__file__).parent / "data" / "store" / "mini.ttl"
MINI_TRIPLES = 534
GRAPH_IRI = store.DEFAULT_GRAPH_IRI
NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def select(endpoint: str, text: str) -> list[dict[str, str]]:
    """Run a SELECT over HTTP with SPARQLWrapper; rows as variable -> value."""
    client = SPARQLWrapper(endpoint)
    client.setQuery(text)
    client.setReturnFormat(JSON)
    bindings = client.query().convert()["results"]["bindings"]
    return [{k: v["value"] for k, v in row.items()} for row in bindings]


def count_in(endpoint: str, graph_iri: str | None = None) -> int:
    pattern = f"GRAPH <{graph_iri}> {{ ?s ?p ?o }}" if graph_iri else "?s ?p ?o"
    return int(select(endpoint, f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")[0]["n"])


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


@pytest.fixture(scope="module")
def read_only() -> Iterator[store.ServerHandle]:
    handle = store.start_server(MINI, port=0)
    yield handle
    handle.stop()


@pytest.fixture
def writable() -> Iterator[store.ServerHandle]:
    handle = store.start_server(None, port=0, writable=True)
    yield handle
    handle.stop()


def test_read_only_server_answers_sparql_over_http(read_only):
    assert read_only.url.startswith("http://127.0.0.1:")
    assert count_in(read_only.query_url) == MINI_TRIPLES
    rows = select(
        read_only.query_url,
        "PREFIX sg: <https://w3id.org/stancegraph/ontology#> SELECT ?c WHERE { ?c sg:acceptsDeportees ?t } ORDER BY ?c",
    )
    assert [r["c"].rsplit("/", 1)[1] for r in rows] == ["COL", "GTM", "MEX"]


def test_named_query_text_runs_on_the_server(read_only):
    text = store.named_queries()["threats"].text
    rows = select(read_only.query_url, text)
    assert [r["relation"].rsplit("#", 1)[1] for r in rows] == [
        "threatenedExpulsion",
        "threatenedSanctions",
        "threatened",
    ]


def test_read_only_server_refuses_updates(read_only):
    client = SPARQLWrapper(read_only.url + "query", updateEndpoint=read_only.update_url)
    client.setMethod(POST)
    client.setQuery("INSERT DATA { <https://example.org/a> <https://example.org/b> <https://example.org/c> }")
    with pytest.raises(Exception, match="403|read-only"):
        client.query()
    request = urllib.request.Request(
        read_only.store_url + "?default",
        data=b"<https://example.org/a> <https://example.org/b> <https://example.org/c> .\n",
        method="PUT",
        headers={"Content-Type": "application/n-triples"},
    )
    with pytest.raises(urllib.error.HTTPError) as caught:
        NO_PROXY.open(request, timeout=10)
    assert caught.value.code == 403
    assert count_in(read_only.query_url) == MINI_TRIPLES


def test_service_reaches_the_server_only_when_allowed(read_only):
    text = f"SELECT ?c WHERE {{ SERVICE <{read_only.query_url}> {{ ?c a sg:Country }} }}"
    with pytest.raises(store.QueryError, match="allow_network"):
        store.query(text, graph=MINI)
    assert len(store.query(text, graph=MINI, allow_network=True)) == 7


def test_push_replaces_the_named_graph_so_pushing_twice_duplicates_nothing(writable):
    first = store.push(MINI, endpoint=writable.store_url)
    assert first.status in (200, 201, 204)
    assert first.triples == MINI_TRIPLES and first.graph_iri == GRAPH_IRI
    assert count_in(writable.query_url, GRAPH_IRI) == MINI_TRIPLES
    assert count_in(writable.query_url) == 0  # the default graph stays empty
    store.push(MINI, endpoint=writable.store_url)
    assert count_in(writable.query_url, GRAPH_IRI) == MINI_TRIPLES
    rows = select(
        writable.query_url,
        f"PREFIX sg: <https://w3id.org/stancegraph/ontology#> SELECT ?c WHERE {{ GRAPH <{GRAPH_IRI}> "
        "{ ?c sg:threatenedExpulsion ?t } }",
    )
    assert sorted(r["c"] for r in rows) == [
        "https://w3id.org/stancegraph/id/country/HND",
        "https://w3id.org/stancegraph/id/person/xiomara-castro",
    ]


def test_push_a_build_folder_from_the_cli(tmp_path, writable, capsys):
    build = tmp_path / "build"
    store.persist_store(MINI, build / "store")
    other = "https://example.org/graphs/stancegraph-test"
    assert main(["push", "--endpoint", writable.store_url, "--graph", other, "--source", str(build)]) == 0
    assert f"pushed {MINI_TRIPLES} triples into <{other}>" in capsys.readouterr().out
    assert count_in(writable.query_url, other) == MINI_TRIPLES


def test_named_queries_run_as_written_after_a_push_into_the_default_graph(capsys):
    """Pushed into the default graph, every named query answers on the server what it answers locally."""
    server = store.start_server(None, port=0, writable=True)
    try:
        assert main(["push", "--endpoint", server.store_url, "--default-graph", "--source", str(MINI)]) == 0
        assert f"pushed {MINI_TRIPLES} triples into the default graph" in capsys.readouterr().out
        for named in store.named_queries().values():
            local = store.query(named, graph=MINI)
            remote = select(server.query_url, named.text)
            assert len(remote) == len(local) > 0, named.name
    finally:
        server.stop()


def test_default_graph_and_a_graph_iri_exclude_each_other(capsys):
    argv = ["push", "--endpoint", "http://127.0.0.1:9/store", "--default-graph", "--graph", GRAPH_IRI]
    assert main([*argv, "--source", str(MINI)]) == 2
    assert "not both" in capsys.readouterr().err


def test_servers_stop_by_pid_and_clean_up():
    read_only = store.start_server(MINI, port=0)
    writable = store.start_server(None, port=0, writable=True)
    temps = [read_only.location.parent, writable.location.parent]
    assert all(t.is_dir() for t in temps)
    pids = [read_only.pid, writable.pid]
    read_only.stop()
    writable.stop()
    assert all(gone(pid) for pid in pids)
    assert not any(t.exists() for t in temps)


def test_store_folder_is_served_in_place_and_left_alone(tmp_path):
    store.persist_store(MINI, tmp_path / "store")
    with store.start_server(tmp_path / "store", port=0) as handle:
        assert handle.location == tmp_path / "store"
        assert count_in(handle.query_url) == MINI_TRIPLES
    assert (tmp_path / "store" / "CURRENT").is_file()


def test_serve_command_prints_the_url_and_stops_on_ctrl_c(tmp_path):
    port = store.free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "graph", "serve", "--graph", str(MINI), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    try:
        line = process.stdout.readline()
        assert f"http://127.0.0.1:{port}/" in line
        assert count_in(f"http://127.0.0.1:{port}/query") == MINI_TRIPLES
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    with pytest.raises(urllib.error.URLError):
        NO_PROXY.open(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", timeout=2)


def test_serve_missing_graph_exits_2(tmp_path, capsys):
    assert main(["serve", "--graph", str(tmp_path / "nothing")]) == 2
    assert "stancegraph build" in capsys.readouterr().err


def test_server_error_when_the_port_is_taken(read_only):
    port = int(read_only.url.rsplit(":", 1)[1].rstrip("/"))
    with pytest.raises(store.ServerError, match="already in use"):
        store.start_server(MINI, port=port, ready_timeout=10)


# ------------------------------------------------------------------------------------ push errors


class _Recorder(http.server.BaseHTTPRequestHandler):
    """A stand-in endpoint answering PUT with a fixed status, remembering the last request's headers."""

    status = 401
    seen: list[dict[str, str]] = []

    def do_PUT(self) -> None:  # noqa: N802 (http.server naming)
        length = int(self.headers.get("Content-Length", "0"))
        self.rfile.read(length)
        type(self).seen.append(dict(self.headers))
        body = b"Unauthorized: realm stancegraph" if self.status == 401 else b"<html>broken backend</html>"
        self.send_response(self.status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def stub() -> Iterator[tuple[str, type[_Recorder]]]:
    handler = type("Handler", (_Recorder,), {"seen": []})
    server = http.server.HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/store", handler
    server.shutdown()
    server.server_close()


def test_push_connection_refused_is_clear():
    port = store.free_port()
    with pytest.raises(store.PushError, match="connection refused"):
        store.push(MINI, endpoint=f"http://127.0.0.1:{port}/store")


def test_push_auth_failure_names_the_password_variable(stub):
    url, handler = stub
    with pytest.raises(store.PushError, match=r"HTTP 401.*--user NAME and set STANCEGRAPH_PASSWORD"):
        store.push(MINI, endpoint=url)
    handler.status = 403
    with pytest.raises(store.PushError, match=r"HTTP 403.*check the user name"):
        store.push(MINI, endpoint=url, user="alice", password="wrong")


def test_push_http_error_shows_status_and_body(stub):
    url, handler = stub
    handler.status = 500
    with pytest.raises(store.PushError, match=r"HTTP 500 .*broken backend"):
        store.push(MINI, endpoint=url)


def test_cli_push_takes_the_password_from_the_environment(stub, monkeypatch, capsys):
    url, handler = stub
    monkeypatch.delenv("STANCEGRAPH_PASSWORD", raising=False)
    assert main(["push", "--endpoint", url, "--user", "alice", "--source", str(MINI)]) == 2
    assert "STANCEGRAPH_PASSWORD" in capsys.readouterr().err
    assert handler.seen == []
    monkeypatch.setenv("STANCEGRAPH_PASSWORD", "s3cret")
    assert main(["push", "--endpoint", url, "--user", "alice", "--source", str(MINI)]) == 1
    sent = handler.seen[-1]
    assert sent["Authorization"] == "Basic " + base64.b64encode(b"alice:s3cret").decode()
    assert sent["Content-Type"] == "application/n-triples"
    assert "s3cret" not in capsys.readouterr().err


@pytest.mark.parametrize(
    ("endpoint", "graph_iri", "message"),
    [
        ("ftp://example.org/store", GRAPH_IRI, "http:// or https://"),
        ("http://127.0.0.1:9/store", "not an iri", "absolute IRI"),
        ("http://127.0.0.1:9/store", "https://example.org/a b", "absolute IRI"),
        ("http://127.0.0.1:9/store", "https://example.org/a\nb", "absolute IRI"),  # never into SPARQL text
    ],
)
def test_push_bad_arguments(endpoint, graph_iri, message):
    with pytest.raises(ValueError, match=message):
        store.push(MINI, endpoint=endpoint, graph_iri=graph_iri)


def _running(pid: int) -> bool:
    """True while `pid` exists and is not a zombie (an orphan may wait unreaped in a container)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            return not any(line.startswith("State:") and "Z" in line.split()[1] for line in status)
    except OSError:
        return False


def test_a_killed_parent_leaves_no_server_running():
    """SIGKILL of the process that started the server (as of `stancegraph serve`) stops oxigraph too."""
    code = (f"from graph import store; h = store.start_server({str(MINI)!r}, port=0); print(h.pid, flush=True); "
            "import time; time.sleep(600)")
    parent = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        server_pid = int(parent.stdout.readline())
        assert _running(server_pid)
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=30)
        for _ in range(200):  # the kernel signals at once; oxigraph takes a moment to exit
            if not _running(server_pid):
                break
            time.sleep(0.05)
        assert not _running(server_pid)
        [orphan] = [f for f in Path(tempfile.gettempdir()).glob("stancegraph-server-*")
                    if (f / "owner").is_file() and (f / "owner").read_text() == str(parent.pid)]
        store.start_server(MINI, port=0).stop()  # the next server removes what the killed one left
        assert not orphan.exists()
    finally:
        parent.kill()


def test_a_large_graph_is_pushed_in_several_requests_and_still_replaces_the_graph(writable, capsys):
    first = store.push(MINI, endpoint=writable.store_url, chunk_bytes=2_000)
    assert first.requests > 3 and first.triples == MINI_TRIPLES
    assert count_in(writable.query_url, GRAPH_IRI) == MINI_TRIPLES
    again = store.push(MINI, endpoint=writable.store_url, chunk_bytes=2_000)  # the first request replaces it
    assert again.requests == first.requests
    assert count_in(writable.query_url, GRAPH_IRI) == MINI_TRIPLES
    assert main(["push", "--endpoint", writable.store_url, "--source", str(MINI), "--chunk-mb", "0.002"]) == 0
    assert re.search(r"^pushed \d+ triples into <.*> at .* in \d+ requests$", capsys.readouterr().out, re.M)
    assert count_in(writable.query_url, GRAPH_IRI) == MINI_TRIPLES


# ------------------------------------------------------------------------- a push in several requests


def graphs_in(endpoint: str) -> list[str]:
    """Every named graph the server holds, empty ones included."""
    return sorted(r["g"] for r in select(endpoint, "SELECT ?g WHERE { GRAPH ?g {} }"))


def named_triples_in(endpoint: str) -> int:
    return int(select(endpoint, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[0]["n"])


OLD_GRAPH = (b"<https://example.org/old/a> <https://example.org/old/p> <https://example.org/old/b> .\n"
             b"<https://example.org/old/a> <https://example.org/old/p> <https://example.org/old/c> .\n"
             b"<https://example.org/old/a> <https://example.org/old/p> <https://example.org/old/d> .\n")


@pytest.fixture
def pushed_before(tmp_path, writable) -> Path:
    """A three-triple graph file, the previous content a test pushes into the server's target first."""
    old = tmp_path / "old.nt"
    old.write_bytes(OLD_GRAPH)
    return old


class _Relay(http.server.BaseHTTPRequestHandler):
    """A real HTTP relay in front of the Oxigraph server: forwards each request (paths renamed by `paths`),
    records it, reads `watch()` on the server before forwarding it, and answers HTTP 500 instead of
    forwarding a request for which `fail_if(number, body)` is true (numbers count from 1)."""

    target = ""
    paths: dict[str, str] = {}
    fail_if = None
    watch = None
    seen: list[tuple[str, str, bytes, str | None]] = []
    watched: list[int] = []

    def do_PUT(self) -> None:  # noqa: N802 (http.server naming)
        self._relay()

    def do_POST(self) -> None:  # noqa: N802
        self._relay()

    def _relay(self) -> None:
        relay = type(self)
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        relay.seen.append((self.command, self.path, body, self.headers.get("Authorization")))
        if relay.watch is not None:
            relay.watched.append(relay.watch())
        if relay.fail_if is not None and relay.fail_if(len(relay.seen), body):
            self._answer(500, b"relay: failing on purpose")
            return
        path, _, query = self.path.partition("?")
        url = relay.target + relay.paths.get(path, path) + (f"?{query}" if query else "")
        forward = urllib.request.Request(url, data=body, method=self.command,
                                         headers={"Content-Type": self.headers.get("Content-Type", "")})
        try:
            with NO_PROXY.open(forward, timeout=60) as answer:
                status, data = answer.status, answer.read()
        except urllib.error.HTTPError as error:
            status, data = error.code, error.read()
        self._answer(status, data)

    def _answer(self, status: int, data: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def relay(writable) -> Iterator[type[_Relay]]:
    """The relay class of a running relay to `writable`; its `url` is the relay's base address."""
    target = writable.url.rstrip("/")
    handler = type("Relay", (_Relay,), {"target": target, "paths": {}, "seen": [], "watched": []})
    server = http.server.HTTPServer(("127.0.0.1", 0), handler)
    handler.url = f"http://127.0.0.1:{server.server_address[1]}/"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield handler
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.mark.parametrize("default_graph", [False, True], ids=["named graph", "default graph"])
def test_a_chunked_push_replaces_the_graph_only_once_every_chunk_has_arrived(
        writable, relay, pushed_before, default_graph):
    store.push(pushed_before, endpoint=writable.store_url, default_graph=default_graph)
    target = None if default_graph else GRAPH_IRI
    relay.watch = staticmethod(lambda: count_in(writable.query_url, target))

    result = store.push(MINI, endpoint=relay.url + "store", chunk_bytes=2_000, default_graph=default_graph,
                        user="ana", password="s3cret")

    assert result.triples == MINI_TRIPLES and result.requests == len(relay.seen) > 3
    assert relay.watched == [3] * len(relay.seen)  # the previous graph, whole, until the last request ran
    *uploads, (method, path, body, _) = relay.seen
    [staging] = {urllib.parse.unquote(p.split("?graph=", 1)[1]) for _, p, _, _ in uploads}
    assert staging.startswith(GRAPH_IRI + "/staging/")
    assert [m for m, _, _, _ in uploads] == ["PUT"] + ["POST"] * (len(uploads) - 1)
    into = "DEFAULT" if default_graph else f"GRAPH <{GRAPH_IRI}>"
    assert (method, path, body) == ("POST", "/update", f"MOVE SILENT GRAPH <{staging}> TO {into}".encode())
    token = "Basic " + base64.b64encode(b"ana:s3cret").decode()
    assert {auth for _, _, _, auth in relay.seen} == {token}  # the update is sent with the credentials too

    assert count_in(writable.query_url, target) == MINI_TRIPLES
    assert graphs_in(writable.query_url) == ([] if default_graph else [GRAPH_IRI])  # no temporary graph left
    assert named_triples_in(writable.query_url) == (0 if default_graph else MINI_TRIPLES)


def test_a_push_failing_part_way_leaves_the_previous_graph_and_no_temporary_one(
        writable, relay, pushed_before, capsys):
    store.push(pushed_before, endpoint=writable.store_url)
    relay.fail_if = staticmethod(lambda number, body: number == 3)  # a PUT and a POST arrive, the next fails
    with pytest.raises(store.PushError) as caught:
        store.push(MINI, endpoint=relay.url + "store", chunk_bytes=2_000)
    assert graphs_in(writable.query_url) == [GRAPH_IRI]
    assert count_in(writable.query_url, GRAPH_IRI) == named_triples_in(writable.query_url) == 3
    assert re.search(r"HTTP 500 .*failing on purpose.*the graph at the endpoint is unchanged", str(caught.value))
    method, path, body, _ = relay.seen[-1]
    assert (method, path) == ("POST", "/update") and body.startswith(b"DROP SILENT GRAPH <" + GRAPH_IRI.encode())

    relay.seen.clear()  # the same from the command line, refused at the final MOVE
    relay.fail_if = staticmethod(lambda number, body: body.startswith(b"MOVE"))
    argv = ["push", "--endpoint", relay.url + "store", "--source", str(MINI), "--chunk-mb", "0.002"]
    assert main(argv) == 1
    assert "the graph at the endpoint is unchanged" in capsys.readouterr().err
    assert relay.seen[-2][2].startswith(b"MOVE SILENT GRAPH") and relay.seen[-1][2].startswith(b"DROP SILENT")
    assert graphs_in(writable.query_url) == [GRAPH_IRI]
    assert count_in(writable.query_url, GRAPH_IRI) == named_triples_in(writable.query_url) == 3


@pytest.mark.parametrize(
    ("endpoint", "update"),
    [
        ("http://127.0.0.1:7878/store", "http://127.0.0.1:7878/update"),  # Oxigraph
        ("https://example.org:3030/countries/data", "https://example.org:3030/countries/update"),  # Fuseki
        ("http://localhost:7200/repositories/news/rdf-graphs/service", None),  # GraphDB: not guessed
        ("http://127.0.0.1:8080/graphs", None),
    ],
)
def test_the_update_service_is_derived_only_for_known_layouts(endpoint, update):
    assert store.update_endpoint_for(endpoint) == update


def test_a_chunked_push_to_an_unknown_layout_asks_for_the_update_service_before_sending(listener):
    port, accepted = listener
    with pytest.raises(ValueError, match="--update-endpoint") as caught:
        store.push(MINI, endpoint=f"http://127.0.0.1:{port}/graphs", chunk_bytes=2_000)
    assert "\n" not in str(caught.value) and f"http://127.0.0.1:{port}/graphs" in str(caught.value)
    assert accepted == []  # refused before any request
    with pytest.raises(ValueError, match="update endpoint 'ftp://example.org/update': expected an http"):
        store.push(MINI, endpoint=f"http://127.0.0.1:{port}/graphs", update_endpoint="ftp://example.org/update")
    assert accepted == []


def test_cli_push_to_an_unknown_layout_takes_the_update_endpoint(writable, relay, capsys):
    relay.paths = {"/gsp": "/store", "/sparql-update": "/update"}
    argv = ["push", "--endpoint", relay.url + "gsp", "--source", str(MINI)]
    assert main(argv) == 0  # one request needs no update service: one PUT to the graph, as always
    assert [(m, p) for m, p, _, _ in relay.seen] == [("PUT", "/gsp?graph=" + urllib.parse.quote(GRAPH_IRI, safe=""))]
    assert main([*argv, "--chunk-mb", "0.002"]) == 2
    assert "give it with --update-endpoint URL" in capsys.readouterr().err
    assert len(relay.seen) == 1
    assert main([*argv, "--chunk-mb", "0.002", "--update-endpoint", relay.url + "sparql-update"]) == 0
    assert re.search(r"^pushed 534 triples into <.*> at .*/gsp in \d+ requests$", capsys.readouterr().out, re.M)
    assert relay.seen[-1][:2] == ("POST", "/sparql-update")
    assert graphs_in(writable.query_url) == [GRAPH_IRI]
    assert count_in(writable.query_url, GRAPH_IRI) == named_triples_in(writable.query_url) == MINI_TRIPLES
