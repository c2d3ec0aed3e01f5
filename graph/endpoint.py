"""The front of `stancegraph serve`: a small checked SPARQL endpoint in front of the Oxigraph server.

The Oxigraph server runs whatever it is sent, SERVICE calls included, and answers any Host header, so a
web page open in the user's browser could make it send requests (a plain GET is enough) or, through DNS
rebinding, read it. `stancegraph serve` therefore starts Oxigraph on a free loopback port only it knows,
and serves this front on the address the user asked for:

- a request whose Host header is not the address and port served (or a name given with `allow_hosts`)
  is refused with 421 Misdirected Request: a rebound DNS name never reaches the data;
- a query passes the same checks as `stancegraph query` (`store.check_query`: size and nesting depth,
  no UPDATE) and SERVICE or FROM <http...> are always refused with 403, before Oxigraph sees the text;
- each query has `timeout_s` seconds (Oxigraph's own limit, and the front's while reading the answer)
  and at most `max_results` rows (or triples): a bigger answer is cut off and refused with 413 and a
  message that says so, never sent in part;
- no CORS headers are sent, so another origin's page cannot read an answer.

The app is made with bottle and served by waitress (a well-kept pure-Python WSGI server that parses HTTP
itself, with limits on header and body size). Answers are asked of Oxigraph as TSV or N-Triples (one row
or triple a line, so they can be counted while read) and turned into the format the client accepts with
pyoxigraph's parsers and serializers.
"""

from __future__ import annotations

import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Any

import bottle
import pyoxigraph as ox

from graph import store

#: Default most rows (SELECT) or triples (CONSTRUCT, DESCRIBE) a query may answer.
MAX_RESULTS = 100_000
#: Dataset parameters of the SPARQL protocol passed on to Oxigraph with the query.
_PASSED_ON = ("default-graph-uri", "named-graph-uri", "union-default-graph")
#: Static files of Oxigraph's query page (YASGUI), passed through unchanged.
_STATIC = re.compile(r"[\w.-]+\.(?:css|js|svg|ico|png|map)")
_FORM = "application/x-www-form-urlencoded"


@dataclass
class Limits:
    """What the front allows: the Host names, each query's time and rows."""

    port: int = 0
    hosts: set[str] = field(default_factory=set)  # host names (no port), lower case
    timeout_s: float = 30
    max_results: int = MAX_RESULTS


def _host_name_and_port(header: str) -> tuple[str, int | None]:
    """('127.0.0.1', 7878) from '127.0.0.1:7878'; IPv6 in brackets; no port: (name, None)."""
    header = header.strip().lower()
    if header.startswith("["):
        name, _, rest = header[1:].partition("]")
        port_text = rest[1:] if rest.startswith(":") else ""
    else:
        name, _, port_text = header.partition(":")
    if not port_text:
        return name, None
    return (name, int(port_text)) if port_text.isdigit() else ("", None)


def allowed_host_names(host: str, allow_hosts: tuple[str, ...] | list[str] = ()) -> set[str]:
    """The Host names accepted: the address served (and `localhost` for a loopback one, a name no one
    else can point at this machine) and each of `allow_hosts`."""
    names = {host.strip("[]").lower()} | {name.strip().strip("[]").lower() for name in allow_hosts if name.strip()}
    if store._is_loopback(host):
        names.add("localhost")
    return names


def _preferred(accept: str) -> list[str]:
    """Media types of an Accept header, most wanted first."""
    ranked = []
    for position, item in enumerate(accept.split(",")):
        media, *params = (part.strip() for part in item.split(";"))
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            ranked.append((-quality, position, media.lower()))
    return [media for _, _, media in sorted(ranked)]


def _results_format(accept: str) -> ox.QueryResultsFormat:
    for media in _preferred(accept):
        found = ox.QueryResultsFormat.from_media_type(media)
        if found is not None:
            return found
    return ox.QueryResultsFormat.JSON


def _graph_format(accept: str) -> ox.RdfFormat:
    for media in _preferred(accept):
        found = ox.RdfFormat.from_media_type(media)
        if found is not None and found.supports_datasets is False:
            return found
    return ox.RdfFormat.N_TRIPLES


class _TooMany(Exception):
    pass


class _TooSlow(Exception):
    pass


def _read_counted(response: Any, limit: int, deadline: float) -> bytes:
    """The answer's lines, at most `limit` of them (a TSV header line not counted); raises _TooMany on the
    first line over, _TooSlow past the deadline."""
    is_tsv = response.headers.get("Content-Type", "").startswith("text/tab-separated-values")
    allowed = limit + (1 if is_tsv else 0)
    lines: list[bytes] = []
    for line in response:
        if line.strip():
            if len(lines) >= allowed:
                raise _TooMany
            lines.append(line)
        if time.monotonic() > deadline:
            raise _TooSlow
    return b"".join(lines)


def make_app(upstream: str, limits: Limits) -> bottle.Bottle:
    """The WSGI app forwarding checked queries to the Oxigraph server at `upstream` (its base URL)."""
    app = bottle.Bottle()
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def refuse(status: int, message: str) -> str:
        bottle.response.status = status
        bottle.response.content_type = "text/plain; charset=utf-8"
        return message + "\n"

    def host_allowed() -> bool:
        name, port = _host_name_and_port(bottle.request.headers.get("Host", ""))
        return name in limits.hosts and (port or 80) == limits.port

    def wrong_host() -> str:
        expected = ", ".join(f"{name}:{limits.port}" for name in sorted(limits.hosts))
        return refuse(421, f"misdirected request: this endpoint answers only for Host {expected} "
                           "(stancegraph serve --allow-host NAME adds a name)")

    @app.route("/", method=["GET", "HEAD"])
    @app.route("/<name>", method=["GET", "HEAD"])
    def page(name: str = "") -> Any:
        if not host_allowed():
            return wrong_host()
        if name == "query":
            return run_query()
        if name and not _STATIC.fullmatch(name):
            return refuse(404, f"not found: /{name} (the SPARQL endpoint is /query)")
        try:
            with opener.open(upstream + name, timeout=10) as answer:
                body = answer.read()
                bottle.response.content_type = answer.headers.get("Content-Type", "application/octet-stream")
        except (urllib.error.URLError, OSError) as error:
            return refuse(502, f"the Oxigraph server did not answer: {error}")
        return body

    @app.route("/query", method="POST")
    def post_query() -> Any:
        if not host_allowed():
            return wrong_host()
        return run_query()

    @app.route("/<path:path>", method=["POST", "PUT", "DELETE", "PATCH", "OPTIONS"])
    def elsewhere(path: str) -> str:
        if not host_allowed():
            return wrong_host()
        return refuse(405, "this endpoint is read-only: only queries, at /query")

    def run_query() -> Any:
        request = bottle.request
        kind = (request.content_type or "").split(";")[0].strip().lower()
        if request.method == "POST" and kind == "application/sparql-query":
            text = request.body.read(store.MAX_QUERY_BYTES + 1).decode("utf-8", errors="replace")
            params = request.query
        elif request.method == "POST" and kind in (_FORM, ""):
            params = request.forms
            text = params.getunicode("query") or ""
        elif request.method == "POST":
            return refuse(415, f"unsupported content type {kind!r}: send application/sparql-query or a form")
        else:
            params = request.query
            text = params.getunicode("query") or ""
        if not text:
            return refuse(400, "no query: send ?query=SPARQL (GET) or the query as the body (POST)")
        try:
            store.check_query(text, refused="refused: stancegraph serve never runs federated queries")
        except store.QueryError as error:
            return refuse(403, f"query refused: {error}")
        passed = [(key, value) for key in _PASSED_ON for value in params.getall(key)]
        url = upstream + "query" + ("?" + urllib.parse.urlencode(passed) if passed else "")
        forward = urllib.request.Request(url, data=text.encode("utf-8"), method="POST", headers={
            "Content-Type": "application/sparql-query",
            "Accept": "text/tab-separated-values, application/n-triples",
        })
        deadline = time.monotonic() + limits.timeout_s + 2
        try:
            with opener.open(forward, timeout=limits.timeout_s + 5) as answer:
                body = _read_counted(answer, limits.max_results, deadline)
                media = answer.headers.get("Content-Type", "")
        except urllib.error.HTTPError as error:
            message = error.read(4000).decode("utf-8", errors="replace").strip()
            return refuse(error.code, message or f"the Oxigraph server answered HTTP {error.code}")
        except _TooMany:
            return refuse(413, f"the answer has more than {limits.max_results:,} rows, over this endpoint's limit "
                               "(stancegraph serve --max-results); add a LIMIT or narrow the query")
        except (_TooSlow, TimeoutError):
            return refuse(503, f"the query was stopped after {limits.timeout_s:g} s (stancegraph serve "
                               "--timeout-s); narrow it or add a LIMIT")
        except (urllib.error.URLError, OSError) as error:
            return refuse(502, f"the Oxigraph server did not answer: {error}")
        accept = request.headers.get("Accept", "")
        if media.startswith("application/n-triples"):
            fmt = _graph_format(accept)
            bottle.response.content_type = fmt.media_type
            return ox.serialize(ox.parse(body, format=ox.RdfFormat.N_TRIPLES), format=fmt) or b""
        fmt = _results_format(accept)
        bottle.response.content_type = fmt.media_type
        return ox.parse_query_results(body, format=ox.QueryResultsFormat.TSV).serialize(format=fmt) or b""

    return app


@dataclass
class Endpoint:
    """A running front (`start`): its URL, the Oxigraph server behind it, `stop()`."""

    url: str
    oxigraph: store.ServerHandle
    server: Any
    thread: threading.Thread
    limits: Limits

    @property
    def query_url(self) -> str:
        return self.url + "query"

    @property
    def hosts(self) -> list[str]:
        """'name:port' of every Host header answered."""
        port = self.limits.port
        return [f"[{name}]:{port}" if ":" in name else f"{name}:{port}" for name in sorted(self.limits.hosts)]

    def stop(self) -> int:
        self.server.close()
        self.thread.join(timeout=5)
        return self.oxigraph.stop()

    def __enter__(self) -> Endpoint:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start(graph: Any = "build", *, host: str = "127.0.0.1", port: int = 7878, timeout_s: int = 30,
          allow_hosts: tuple[str, ...] | list[str] = (), max_results: int = MAX_RESULTS) -> Endpoint:
    """Start Oxigraph on a private loopback port and the checked front on host:port (0: a free port)."""
    from waitress import create_server

    if port and not store._port_is_free(host, port):
        raise store.ServerError(f"port {port} on {host} is already in use; pass another --port (0 picks a free one)")
    oxigraph = store.start_server(graph, host="127.0.0.1", port=0, timeout_s=timeout_s)
    limits = Limits(hosts=allowed_host_names(host, allow_hosts), timeout_s=timeout_s, max_results=max_results)
    try:
        server = create_server(make_app(oxigraph.url, limits), host=host, port=port, threads=4, ident="stancegraph",
                               max_request_body_size=4 * store.MAX_QUERY_BYTES, channel_timeout=timeout_s + 30,
                               expose_tracebacks=False)
    except OSError as error:
        oxigraph.stop()
        raise store.ServerError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    limits.port = int(server.effective_port)
    thread = threading.Thread(target=server.run, name="stancegraph-serve", daemon=True)
    thread.start()
    bind_host = f"[{host}]" if ":" in host else host
    return Endpoint(f"http://{bind_host}:{limits.port}/", oxigraph, server, thread, limits)
