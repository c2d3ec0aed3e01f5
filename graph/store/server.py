"""The HTTP server: the real Oxigraph server on a store, for any SPARQL client.

`start_server` runs the `oxigraph` executable on a store (a graph file is first loaded into a temporary
store), waits until it answers and returns a handle that stops it; `serve` runs it in the foreground
until interrupted. Linux stops a server whose starting process dies, and the temporary folders such a
process left behind are removed at the next start.
"""

from __future__ import annotations

import gc
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graph.store.persist import _rdf_format, _resolve_graph


class ServerError(RuntimeError):
    """The Oxigraph server could not be started."""


# -------------------------------------------------------------------------------------------- server


def oxigraph_executable() -> str:
    """The `oxigraph` command of the PyPI package `oxigraph` (next to this Python, else on PATH)."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise ServerError("the `oxigraph` command is missing; install the PyPI package: pip install oxigraph")
    return found


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that is free on `host` right now."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def _port_is_free(host: str, port: int) -> bool:
    """True when nothing listens on host:port (a socket in TIME_WAIT does not count)."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def _is_loopback(host: str) -> bool:
    return host in ("localhost", "::1") or host.startswith("127.")


def _opener(url: str) -> urllib.request.OpenerDirector:
    """An HTTP opener; loopback addresses bypass any proxy configured in the environment."""
    host = urllib.parse.urlsplit(url).hostname or ""
    if _is_loopback(host):
        return urllib.request.build_opener(urllib.request.ProxyHandler({}))
    return urllib.request.build_opener()


@dataclass
class ServerHandle:
    """A running Oxigraph server started by `start_server`; `stop()` ends it and removes its temp store."""

    process: subprocess.Popen[bytes]
    url: str
    location: Path
    writable: bool
    log: Path
    _temp: Path | None = None

    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def query_url(self) -> str:
        """SPARQL 1.1 Protocol query endpoint."""
        return self.url + "query"

    @property
    def update_url(self) -> str:
        """SPARQL 1.1 Protocol update endpoint (answers only on a writable server)."""
        return self.url + "update"

    @property
    def store_url(self) -> str:
        """SPARQL 1.1 Graph Store Protocol endpoint (what `push` PUTs to)."""
        return self.url + "store"

    def running(self) -> bool:
        return self.process.poll() is None

    def stop(self, timeout: float = 10.0) -> int:
        """Terminate the server (SIGTERM, then SIGKILL after `timeout`), wait for it, delete temp files."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self._temp is not None:
            shutil.rmtree(self._temp, ignore_errors=True)
            self._temp = None
        return int(self.process.returncode or 0)

    def __enter__(self) -> ServerHandle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start_server(
    graph: Path | str | None = "build",
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    writable: bool = False,
    ready_timeout: float = 30.0,
    timeout_s: int = 30,
) -> ServerHandle:
    """Start the Oxigraph HTTP server (`oxigraph serve-read-only`) on `graph` and wait until it answers.

    A store folder (or a build folder's `store/`) is served in place, read-only; an RDF file is first
    bulk-loaded into a temporary store. `writable=True` runs `oxigraph serve` on a temporary copy (or an
    empty store when `graph` is None): that is the kind of server `push` writes to. `port=0` picks a free
    port. Every query has `timeout_s` seconds (Oxigraph's --timeout-s). Returns a handle with `url`, `pid`
    and `stop()`; also a context manager.
    """
    executable = oxigraph_executable()
    port = free_port(host) if port == 0 else port
    if not _port_is_free(host, port):
        raise ServerError(f"port {port} on {host} is already in use; pass another --port (0 picks a free one)")
    _remove_orphaned_server_folders()
    temp = Path(tempfile.mkdtemp(prefix="stancegraph-server-"))
    (temp / "owner").write_text(str(os.getpid()), encoding="ascii")
    try:
        location = _server_location(graph, writable, temp)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    bind_host = f"[{host}]" if ":" in host else host
    log = temp / "oxigraph.log"
    command = [executable, "serve" if writable else "serve-read-only", "--location", str(location),
               "--bind", f"{bind_host}:{port}", "--timeout-s", str(timeout_s)]  # fmt: skip
    with open(log, "wb") as log_file:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log_file, stderr=subprocess.STDOUT,
                                   preexec_fn=_die_with_parent)
    handle = ServerHandle(process, f"http://{bind_host}:{port}/", location, writable, log, temp)
    try:
        _wait_ready(handle, ready_timeout)
    except BaseException:
        handle.stop()
        raise
    return handle


def _remove_orphaned_server_folders() -> None:
    """Remove the temporary folders of servers whose starting process was killed (SIGKILL gives it no
    chance to clean up; its server stopped with it, see `_die_with_parent`)."""
    for folder in Path(tempfile.gettempdir()).glob("stancegraph-server-*"):
        try:
            owner = int((folder / "owner").read_text(encoding="ascii"))
        except (OSError, ValueError):
            continue  # not ours to judge: a folder from an older version, or another user's
        if not _process_alive(owner):
            shutil.rmtree(folder, ignore_errors=True)


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _die_with_parent() -> None:
    """In the server's child process before exec: ask Linux to stop it (SIGTERM) when the process that
    started it dies, so `stancegraph serve` killed with SIGKILL leaves no oxigraph running. The signal
    follows the starting thread: start servers from the main thread (the CLI and notebooks do)."""
    import ctypes

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: the server outlives a killed parent, as before


def _server_location(graph: Path | str | None, writable: bool, temp: Path) -> Path:
    """The store folder to serve: a read-only store in place, else a store prepared inside `temp`."""
    if graph is None:
        if not writable:
            raise ValueError("a read-only server needs a graph")
        (temp / "store").mkdir()
        return temp / "store"
    source = _resolve_graph(graph)
    if source.is_dir() and not writable:
        return source
    location = temp / "store"
    if source.is_dir():
        shutil.copytree(source, location, ignore=shutil.ignore_patterns("LOCK"))
    else:
        store = ox.Store(str(location))
        store.bulk_load(path=str(source), format=_rdf_format(source))
        store.flush()
        del store  # closes RocksDB before the server opens the folder
        gc.collect()
    return location


def _wait_ready(handle: ServerHandle, timeout: float) -> None:
    """Poll the query endpoint until the server answers; report its log if it exits or never answers."""
    probe = handle.query_url + "?query=" + urllib.parse.quote("ASK {}")
    opener = _opener(probe)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if handle.process.poll() is not None:
            output = handle.log.read_text(errors="replace").strip()[-800:]
            raise ServerError(f"oxigraph exited with status {handle.process.returncode}: {output}")
        try:
            with opener.open(probe, timeout=2) as response:
                if response.status == 200 and handle.process.poll() is None:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.05)
    raise ServerError(f"oxigraph did not answer on {handle.url} within {timeout:.0f}s")


def serve(graph: Path | str = "build", *, host: str = "127.0.0.1", port: int = 7878, timeout_s: int = 30,
          allow_hosts: tuple[str, ...] | list[str] = (), max_results: int | None = None) -> int:
    """Serve `graph` read-only until Ctrl-C or SIGTERM; print the query UI URL.

    Oxigraph runs on a private loopback port behind a checked front (`graph.endpoint`): the Host header
    must name the address served (or one of `allow_hosts`), queries pass `check_query` and never run
    SERVICE, each has `timeout_s` seconds and at most `max_results` rows. Blocks. On interrupt both are
    stopped and any temporary store deleted. Returns 0 after an interrupt, 1 when Oxigraph ended (its
    exit status and the end of its log on stderr).
    """
    from graph import endpoint

    limit = endpoint.MAX_RESULTS if max_results is None else max_results
    front = endpoint.start(graph, host=host, port=port, timeout_s=timeout_s, allow_hosts=allow_hosts,
                           max_results=limit)
    previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        print(f"Oxigraph query UI: {front.url}  (SPARQL endpoint {front.query_url}; read-only)", flush=True)
        print(f"each query: at most {timeout_s} s and {limit:,} rows; SERVICE refused; "
              f"Host must be {', '.join(front.hosts)}", flush=True)
        if not _is_loopback(host):
            print(
                f"warning: listening on {host}: anyone who can reach this machine can query it",
                file=sys.stderr,
            )
        print("Press Ctrl-C to stop.", flush=True)
        status = front.oxigraph.process.wait()
        output = front.oxigraph.log.read_text(errors="replace").strip()[-800:]
        print(f"stancegraph serve: the Oxigraph server ended with status {status}: {output or '(no output)'}",
              file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        front.stop()
        signal.signal(signal.SIGTERM, previous)


def _raise_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
