"""`push` takes its credentials only from the environment or a netrc file, never from the command
line, and never prints them. Without --user and STANCEGRAPH_PASSWORD it reads the entry of the endpoint's
host in $NETRC, else ~/.netrc (stdlib netrc); a file other users can read is refused.

The server is real: waitress on 127.0.0.1 requiring HTTP Basic auth in front of a writable Oxigraph
server, to which an authorised PUT is passed on; the data is then counted in Oxigraph.
"""

from __future__ import annotations

import base64
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import store

from conftest import DATA

pytestmark = pytest.mark.server

MINI = DATA / "store" / "mini.ttl"
MINI_TRIPLES = 534
SECRET = "s3cret-Pw-7f"
NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@pytest.fixture(scope="module")
def guarded() -> Iterator[tuple[str, store.ServerHandle, list[str]]]:
    """(GSP endpoint needing ana/SECRET, the Oxigraph server behind it, the Authorization headers seen)."""
    from waitress import create_server

    oxigraph = store.start_server(None, port=0, writable=True)
    seen: list[str] = []
    expected = "Basic " + base64.b64encode(f"ana:{SECRET}".encode()).decode()

    def app(environ, start_response):
        authorization = environ.get("HTTP_AUTHORIZATION", "")
        seen.append(authorization)
        if authorization != expected:
            start_response("401 Unauthorized", [("WWW-Authenticate", 'Basic realm="gsp"'),
                                                ("Content-Type", "text/plain")])
            return [b"Unauthorized"]
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length)
        forward = urllib.request.Request(oxigraph.store_url + "?" + environ.get("QUERY_STRING", ""), data=body,
                                         method=environ["REQUEST_METHOD"],
                                         headers={"Content-Type": environ.get("CONTENT_TYPE", "")})
        try:
            with NO_PROXY.open(forward, timeout=60) as answer:
                status = f"{answer.status} {answer.reason}"
        except urllib.error.HTTPError as error:
            status = f"{error.code} {error.reason}"
        start_response(status, [("Content-Type", "text/plain")])
        return [b""]

    server = create_server(app, host="127.0.0.1", port=0)
    import threading

    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}/store", oxigraph, seen
    finally:
        server.close()
        thread.join(timeout=5)
        oxigraph.stop()


def triples_in(oxigraph: store.ServerHandle) -> int:
    url = oxigraph.query_url + "?query=" + urllib.parse.quote("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    with NO_PROXY.open(urllib.request.Request(url, headers={"Accept": "text/csv"}), timeout=30) as answer:
        return int(answer.read().decode().split()[-1])


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """An empty home folder, no $NETRC, no STANCEGRAPH_PASSWORD."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("NETRC", raising=False)
    monkeypatch.delenv("STANCEGRAPH_PASSWORD", raising=False)
    return tmp_path


def write_netrc(path: Path, text: str, mode: int = 0o600) -> Path:
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)
    return path


def test_push_reads_the_netrc_entry_of_the_host_and_never_prints_it(cli, guarded, home):
    endpoint, oxigraph, seen = guarded
    write_netrc(home / ".netrc", f"machine example.org login bob password other\n"
                                 f"machine 127.0.0.1\n  login ana\n  password {SECRET}\n")
    run = cli("push", "--endpoint", endpoint, "--source", str(MINI))
    assert run.status == 0, run.stderr
    assert run.stdout == f"pushed {MINI_TRIPLES} triples into <{store.DEFAULT_GRAPH_IRI}> at {endpoint}\n"
    assert SECRET not in run.stdout + run.stderr and "ana" not in run.stdout + run.stderr
    assert seen[-1] == "Basic " + base64.b64encode(f"ana:{SECRET}".encode()).decode()
    assert triples_in(oxigraph) == MINI_TRIPLES


def test_netrc_named_by_the_environment_and_a_login_given_with_user(cli, guarded, home, monkeypatch):
    endpoint, _, seen = guarded
    elsewhere = write_netrc(home / "credentials", f"machine 127.0.0.1 login ana password {SECRET}\n")
    monkeypatch.setenv("NETRC", str(elsewhere))
    assert cli("push", "--endpoint", endpoint, "--source", str(MINI), "--user", "ana").status == 0
    run = cli("push", "--endpoint", endpoint, "--source", str(MINI), "--user", "carl")  # no entry for carl
    assert run.status == 2 and "STANCEGRAPH_PASSWORD" in run.stderr and ".netrc" in run.stderr
    monkeypatch.setenv("STANCEGRAPH_PASSWORD", "from-the-environment")  # the environment comes first
    run = cli("push", "--endpoint", endpoint, "--source", str(MINI), "--user", "ana")
    assert run.status == 1 and "STANCEGRAPH_PASSWORD" in run.stderr
    assert seen[-1] == "Basic " + base64.b64encode(b"ana:from-the-environment").decode()


def test_a_wrong_netrc_password_names_the_file_not_the_password(cli, guarded, home):
    endpoint, _, _ = guarded
    netrc = write_netrc(home / ".netrc", "machine 127.0.0.1 login ana password wrong-Pw-42\n")
    run = cli("push", "--endpoint", endpoint, "--source", str(MINI))
    assert run.status == 1
    assert "HTTP 401" in run.stderr and f"machine 127.0.0.1 in {netrc}" in run.stderr
    assert "wrong-Pw-42" not in run.stdout + run.stderr


def test_without_credentials_the_message_says_how_to_give_them(cli, guarded, home):
    endpoint, _, seen = guarded
    run = cli("push", "--endpoint", endpoint, "--source", str(MINI))
    assert run.status == 1 and seen[-1] == ""
    assert "--user NAME and set STANCEGRAPH_PASSWORD, or add machine 127.0.0.1 to ~/.netrc" in run.stderr


def test_a_netrc_others_can_read_or_a_broken_one_is_refused_without_its_content(cli, guarded, home):
    endpoint, _, _ = guarded
    netrc = write_netrc(home / ".netrc", f"machine 127.0.0.1 login ana password {SECRET}\n", mode=0o644)
    run = cli("push", "--endpoint", endpoint, "--source", str(MINI))
    assert run.status == 2 and f"chmod 600 {netrc}" in run.stderr and SECRET not in run.stderr
    write_netrc(netrc, f"machine 127.0.0.1 login ana password {SECRET} {SECRET}\n")
    run = cli("push", "--endpoint", endpoint, "--source", str(MINI))
    assert run.status == 2 and f"{netrc}, line " in run.stderr and "not a valid netrc file" in run.stderr
    assert SECRET not in run.stdout + run.stderr
