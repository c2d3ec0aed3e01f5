"""Push: an upload of the graph to any SPARQL 1.1 Graph Store Protocol endpoint.

HTTP PUT replaces the named graph, so pushing the same build twice leaves one copy. A graph larger than
one request goes up in chunks into a temporary named graph that one SPARQL Update `MOVE` puts over the
target, so the target never holds part of it. Credentials come from the caller or a netrc file
(`netrc_credentials`), and every failure is a `PushError` with a readable reason.
"""

from __future__ import annotations

import base64
import os
import secrets
import socket
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graph.store.persist import open_store
from graph.store.server import _opener

#: Named graph that `push` replaces on the remote store.
DEFAULT_GRAPH_IRI = "https://w3id.org/stancegraph/graph"


class PushError(RuntimeError):
    """The upload to a Graph Store Protocol endpoint failed (connection, HTTP status, authentication)."""


# ---------------------------------------------------------------------------------------------- push


@dataclass(frozen=True)
class PushResult:
    """What `push` sent where, and the endpoint's answer."""

    endpoint: str
    graph_iri: str  #: "" for the default graph
    status: int
    triples: int
    bytes: int
    requests: int = 1  #: a large graph goes in several requests (`PUSH_CHUNK_BYTES`), the last its MOVE


#: Largest request body of `push`: a larger graph is sent in several requests of whole lines of N-Triples into a
#: temporary graph (a PUT, then POSTs adding to it) and moved over the target at the end, so neither side holds
#: the graph in one request body, no request runs into the endpoint's size limit or timeout, and the target never
#: holds part of the graph.
PUSH_CHUNK_BYTES = 64 * 2**20


def _chunks(path: Path, limit: int) -> Iterator[tuple[bytes, int]]:
    """Consecutive whole lines of an N-Triples file, at most `limit` bytes together (a longer line alone), each
    with the triples it holds; one empty chunk for an empty file (the graph is still replaced)."""
    with open(path, "rb") as handle:
        lines: list[bytes] = []
        size = triples = 0
        sent = False
        for line in handle:
            if lines and size + len(line) > limit:
                yield b"".join(lines), triples
                sent = True
                lines, size, triples = [], 0, 0
            lines.append(line)
            size += len(line)
            triples += bool(line.strip()) and not line.startswith(b"#")
        if lines or not sent:
            yield b"".join(lines), triples


def _ntriples_file(graph: Path | str | ox.Store, tmp: Path) -> Path:
    """An N-Triples file of the graph: the build's graph.nt as is, else the store's default graph dumped."""
    if not isinstance(graph, ox.Store):
        path = Path(graph)
        if path.is_dir() and (path / "graph.nt").is_file():
            return path / "graph.nt"
        if path.is_file() and path.suffix == ".nt":
            return path
    out = tmp / "graph.nt"
    open_store(graph).dump(str(out), format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    return out


def netrc_credentials(endpoint: str, user: str | None = None) -> tuple[str, str, Path] | None:
    """(login, password, file) for the endpoint's host in the netrc file ($NETRC, else ~/.netrc), or None.

    With `user`, only an entry with that login counts. Raises ValueError, without repeating the file's
    content, when the file can be read by other users (its passwords would not be secret) or is no netrc.
    """
    import netrc

    path = Path(os.environ.get("NETRC") or os.path.expanduser("~/.netrc"))
    host = urllib.parse.urlsplit(endpoint).hostname
    if not host or not path.is_file():
        return None
    if path.stat().st_mode & 0o077:
        raise ValueError(f"{path} can be read or written by other users; make it private (chmod 600 {path}) "
                         "before it is used for passwords")
    try:
        entry = netrc.netrc(str(path)).authenticators(host)
    except netrc.NetrcParseError as error:  # its message may quote a token of the file: a password
        raise ValueError(f"{path}, line {error.lineno}: not a valid netrc file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ValueError(f"{path}: cannot be read ({getattr(error, 'strerror', None) or error})") from None
    if entry is None:
        return None
    login, _, password = entry
    if not login or not password or (user is not None and login != user):
        return None
    return login, password, path


def _checked_endpoint(url: str, what: str) -> urllib.parse.SplitResult:
    """The parts of an endpoint URL, refused (ValueError) unless http(s) and free of credentials: a password in
    an address would end up on the command line and in messages, so the message leaves it out."""
    parts = urllib.parse.urlsplit(url)
    if parts.username is not None or parts.password is not None:  # never echo the address: it holds them
        redacted = parts._replace(netloc=parts.netloc.rpartition("@")[2]).geturl()
        raise ValueError(f"{what} {redacted} was given with a user name or password in it; give the address "
                         "without them, the user with --user and the password in STANCEGRAPH_PASSWORD")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"{what} {url!r}: expected an http:// or https:// URL")
    return parts


#: Characters no IRI written as <...> in SPARQL may hold (the IRIREF production also excludes the controls and
#: the space, below): with none of them, an IRI pasted between < and > cannot end it early or change the text.
_NOT_IN_IRI = frozenset('<>"{}|\\^`')


def _check_iri(iri: str) -> None:
    """Refuse (ValueError) a graph IRI that is not absolute or could not stand between < and > in SPARQL: the
    staged push writes IRIs into an update request, which must never run text it was not meant to."""
    if not urllib.parse.urlsplit(iri).scheme or any(c in _NOT_IN_IRI or ord(c) <= 0x20 for c in iri):
        raise ValueError(f"graph IRI {iri!r}: expected an absolute IRI such as {DEFAULT_GRAPH_IRI}")


#: Graph Store Protocol paths of known servers and the SPARQL Update path beside each (Oxigraph: /store and
#: /update; Fuseki: /DATASET/data and /DATASET/update).
_UPDATE_BESIDE = {"/store": "/update", "/data": "/update"}


def update_endpoint_for(endpoint: str) -> str | None:
    """The SPARQL 1.1 Update URL beside a Graph Store Protocol URL of a known layout, else None.

    A push in several requests needs it for its final MOVE; other layouts (GraphDB, a proxy) cannot be guessed
    safely, so the caller must name the update service (`--update-endpoint`).
    """
    parts = urllib.parse.urlsplit(endpoint)
    path = parts.path.rstrip("/")
    for gsp, update in _UPDATE_BESIDE.items():
        if path.endswith(gsp):
            return parts._replace(path=path[: -len(gsp)] + update, fragment="").geturl()
    return None


def _several_chunks(path: Path, limit: int) -> bool:
    """Whether `_chunks` splits the file into more than one request, known before any request is sent (so a
    single-request push goes straight to the target) and without holding two chunks at once: a file larger
    than `limit` with at least two lines never fits in one chunk, a single line always does."""
    if path.stat().st_size <= limit:
        return False
    with open(path, "rb") as handle:
        handle.readline()
        return bool(handle.read(1))


def _gsp_url(endpoint: str, target: str) -> str:
    """The Graph Store Protocol URL of one graph: `target` is "default" or "graph=<escaped IRI>"."""
    return endpoint + ("&" if urllib.parse.urlsplit(endpoint).query else "?") + target


class _NoAnswer(PushError):
    """A request got no HTTP answer (refused, cut, timed out): whether the endpoint acted on it is unknown."""


@dataclass(frozen=True)
class _Client:
    """How to send push's requests: the credentials, the timeout and what the error messages name."""

    headers: Mapping[str, str]
    timeout: float
    user: str | None
    netrc_file: Path | None

    def send(self, url: str, data: bytes, method: str, content_type: str, endpoint: str) -> int:
        """Send one request; its HTTP status, or PushError with a readable reason (naming `endpoint`)."""
        headers = {**self.headers, "Content-Type": content_type, "Content-Length": str(len(data))}
        request = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with _opener(url).open(request, timeout=self.timeout) as response:
                return int(response.status)
        except urllib.error.HTTPError as error:
            raise PushError(_http_error_message(error, endpoint, self.user, self.netrc_file)) from None
        except urllib.error.URLError as error:
            raise _NoAnswer(_connection_error_message(error.reason, endpoint)) from None
        except (TimeoutError, OSError) as error:
            raise _NoAnswer(_connection_error_message(error, endpoint)) from None

    def update(self, update_url: str, text: str) -> int:
        """Run one SPARQL 1.1 Update request (the form every update service takes: a POSTed body)."""
        return self.send(update_url, text.encode("utf-8"), "POST", "application/sparql-update", update_url)


def push(
    graph: Path | str | ox.Store = "build",
    *,
    endpoint: str,
    graph_iri: str = DEFAULT_GRAPH_IRI,
    user: str | None = None,
    password: str | None = None,
    timeout: float = 120.0,
    default_graph: bool = False,
    netrc_file: Path | None = None,
    chunk_bytes: int = PUSH_CHUNK_BYTES,
    update_endpoint: str | None = None,
) -> PushResult:
    """Upload the graph to a SPARQL 1.1 Graph Store Protocol endpoint as the named graph `graph_iri`.

    Uses HTTP PUT, which replaces the named graph: pushing the same build twice leaves one copy.
    `endpoint` is the GSP URL (Oxigraph: http://host:7878/store; Fuseki: http://host:3030/DATASET/data;
    GraphDB: http://host:7200/repositories/REPO/rdf-graphs/service). With `user`, HTTP basic auth is sent
    (the CLI reads the password from STANCEGRAPH_PASSWORD, else from the netrc file: `netrc_credentials`,
    whose file `netrc_file` names in messages). Raises PushError with a readable reason.

    With `default_graph`, the endpoint's default graph is replaced instead (`?default`): the named
    queries then run there as written. In a named graph they need the store's union of graphs as its
    default graph (Oxigraph: `?union-default-graph`; Fuseki: `tdb2:unionDefaultGraph`) or a `GRAPH`.

    A graph larger than `chunk_bytes` of N-Triples is sent in several requests (`PUSH_CHUNK_BYTES`) without
    the target ever holding part of it: a PUT of the first lines and POSTs of the others into a new temporary
    named graph (`<graph_iri>/staging/<random hex>`), then one SPARQL Update `MOVE` of it over the target, sent
    to `update_endpoint` (by default the update service beside a known layout: `update_endpoint_for`; for
    another, ValueError asks for it). If any request fails, the temporary graph is dropped and PushError says
    the graph at the endpoint is unchanged. One request goes straight to the target, as a PUT.
    """
    _checked_endpoint(endpoint, "endpoint")
    _check_iri(graph_iri)
    if update_endpoint is not None:
        _checked_endpoint(update_endpoint, "update endpoint")
    if user is not None and not password:
        raise ValueError(f"user {user!r} given without a password; set STANCEGRAPH_PASSWORD, or give the "
                         f"machine {urllib.parse.urlsplit(endpoint).hostname} with login {user} a password "
                         "in ~/.netrc")
    headers: dict[str, str] = {}
    if user is not None:
        token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
        headers["Authorization"] = f"Basic {token}"
    client = _Client(headers=headers, timeout=timeout, user=user, netrc_file=netrc_file)
    pushed_into = "" if default_graph else graph_iri
    with tempfile.TemporaryDirectory(prefix="stancegraph-push-") as tmp:
        source = _ntriples_file(graph, Path(tmp))
        if not _several_chunks(source, chunk_bytes):
            data, triples = next(_chunks(source, chunk_bytes))
            target = "default" if default_graph else "graph=" + urllib.parse.quote(graph_iri, safe="")
            status = client.send(_gsp_url(endpoint, target), data, "PUT", "application/n-triples", endpoint)
            return PushResult(endpoint=endpoint, graph_iri=pushed_into, status=status, triples=triples,
                              bytes=len(data))
        update_url = update_endpoint or update_endpoint_for(endpoint)
        if update_url is None:
            raise ValueError(f"the graph needs several requests and the SPARQL Update service of {endpoint} "
                             "cannot be guessed from its address; give it with --update-endpoint URL")
        _checked_endpoint(update_url, "update endpoint")
        return _push_staged(source, chunk_bytes, client, endpoint=endpoint, update_url=update_url,
                            graph_iri=graph_iri, default_graph=default_graph)


def _staging_iri(graph_iri: str) -> str:
    """A new graph IRI under the target's, for the chunks of one push: random, so two pushes never share one
    and nothing already at the endpoint is overwritten; checked like the target before it enters SPARQL."""
    iri = f"{graph_iri.rstrip('/')}/staging/{secrets.token_hex(16)}"
    _check_iri(iri)
    return iri


def _push_staged(source: Path, chunk_bytes: int, client: _Client, *, endpoint: str, update_url: str,
                 graph_iri: str, default_graph: bool) -> PushResult:
    """Send the chunks into a temporary graph, then MOVE it over the target in one update, so the target holds
    the old graph or the new one whole, never a part; on a failure drop the temporary graph."""
    staging = _staging_iri(graph_iri)
    url = _gsp_url(endpoint, "graph=" + urllib.parse.quote(staging, safe=""))
    sent = size = requests = 0
    try:
        for data, triples in _chunks(source, chunk_bytes):
            method = "PUT" if requests == 0 else "POST"  # a fresh temporary graph, then add to it
            client.send(url, data, method, "application/n-triples", endpoint)
            sent, size, requests = sent + triples, size + len(data), requests + 1
    except BaseException as error:  # Ctrl-C too: leave no temporary graph behind
        dropped = _drop(client, update_url, staging)
        if isinstance(error, PushError):
            raise PushError(f"{error} ({_left_behind(sent, staging, dropped)})") from None
        raise
    into = "DEFAULT" if default_graph else f"GRAPH <{graph_iri}>"
    try:
        status = client.update(update_url, f"MOVE SILENT GRAPH <{staging}> TO {into}")
    except _NoAnswer as error:  # the MOVE may still run: dropping its source now could empty the target
        raise PushError(f"{error} (no answer came to the final MOVE: the endpoint may have replaced the graph or "
                        f"not, and may still hold the temporary graph <{staging}>; push again, and DROP GRAPH that "
                        "one if it is there)") from None
    except PushError as error:  # refused: nothing was moved
        raise PushError(f"{error} ({_left_behind(sent, staging, _drop(client, update_url, staging))})") from None
    return PushResult(endpoint=endpoint, graph_iri="" if default_graph else graph_iri, status=status,
                      triples=sent, bytes=size, requests=requests + 1)


def _drop(client: _Client, update_url: str, staging: str) -> bool:
    """Best effort removal of the temporary graph after a failure; False when it may still be there."""
    try:
        client.update(update_url, f"DROP SILENT GRAPH <{staging}>")
    except Exception:  # noqa: BLE001 (the first failure is the one to report)
        return False
    return True


def _left_behind(sent: int, staging: str, dropped: bool) -> str:
    """What a failed push in several requests left at the endpoint, for the end of its message."""
    state = f"{sent} triples had gone into a temporary graph only; the graph at the endpoint is unchanged"
    if not dropped:
        state += f"; the temporary graph <{staging}> could not be removed: DROP GRAPH it"
    return state


def _http_error_message(error: urllib.error.HTTPError, endpoint: str, user: str | None,
                        netrc_file: Path | None = None) -> str:
    """A readable message for an HTTP error answer: status, reason and the start of the body."""
    try:
        body = error.read(2000).decode("utf-8", errors="replace")
    except OSError:
        body = ""
    excerpt = " ".join(body.split())[:300]
    if error.code in (401, 403):
        if netrc_file is not None:
            host = urllib.parse.urlsplit(endpoint).hostname
            advice = f"check the login and password of machine {host} in {netrc_file}"
        elif user:
            advice = "check the user name and the STANCEGRAPH_PASSWORD environment variable"
        else:
            advice = ("the endpoint needs credentials: pass --user NAME and set STANCEGRAPH_PASSWORD, or add "
                      f"machine {urllib.parse.urlsplit(endpoint).hostname} to ~/.netrc")
        return f"{endpoint} refused the upload (HTTP {error.code} {error.reason}): {advice}. {excerpt}".strip()
    return f"{endpoint} answered HTTP {error.code} {error.reason}: {excerpt or '(no body)'}"


def _connection_error_message(reason: object, endpoint: str) -> str:
    """A readable message for a failure to reach the endpoint."""
    if isinstance(reason, ConnectionRefusedError):
        return f"cannot connect to {endpoint}: connection refused (is the server running on that host and port?)"
    if isinstance(reason, TimeoutError | socket.timeout):
        return f"cannot reach {endpoint}: timed out"
    return f"cannot reach {endpoint}: {reason}"
