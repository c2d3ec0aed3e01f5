"""Running queries: a named query, a .rq file or query text on the store, to rows, text or a DataFrame.

`query` checks, binds and evaluates one query with a time, memory and size limit, so a query that would
run away ends with a message rather than taking the machine; `query_text` formats the answer for the
command line and `query_df` returns it as a pandas DataFrame for notebooks.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph.store.checks import QueryError, _syntax_error, check_query
from graph.store.library import NamedQuery, _resolve_query, _substitutions
from graph.store.persist import PREFIXES, GraphNotFoundError, open_store, raw_view
from graph.store.results import QueryResult


def query(
    q: str | Path | NamedQuery,
    *,
    graph: Path | str | ox.Store = "build",
    params: Mapping[str, Any] | None = None,
    allow_network: bool = False,
    raw: bool = False,
    max_results: int = 0,
) -> QueryResult:
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) on a graph and return the materialised result.

    `q` is a named query (see `named_queries()`), a path to a .rq file, or the text of a query; the
    prefixes of the model (sg:, country:, ...) need no declaration. `params` maps variable names to
    values, typed by the query's `# params:` header (e.g. ``{"focus": "USA"}`` binds ?focus to
    country:USA) and substituted as RDF terms; a parameter left out leaves its variable free.
    `graph` is anything `open_store` accepts. The named queries read the curated graph (events a correction
    rejected or replaced left out); `raw=True` runs the query on the raw extraction instead (`raw_view`).

    Refused with QueryError: SPARQL UPDATE (always), SERVICE and FROM/FROM NAMED with http(s)/file IRIs
    (unless `allow_network`), an answer of more than `max_results` rows or triples (0: no limit), found
    while it is read, before it is all in memory. Syntax errors raise QuerySyntaxError with the line and
    column.

    Example:
        >>> result = query("timeline", graph="tests/data/store/mini.ttl", params={"country": "MEX"})
        >>> [row["relation"].value.split("#")[1] for row in result][:2]
        ['refusesDeportees', 'shiftsTowardCooperation']
    """
    named = _resolve_query(q)
    where = f"query {named.name!r}" if named.path or named.name != "query" else "the query"
    checked = check_query(named.text, where, allow_network=allow_network)
    store = raw_view(graph) if raw else open_store(graph)
    substitutions = _substitutions(named, params, store)
    try:
        answer = store.query(named.text, prefixes=PREFIXES, substitutions=substitutions or None)
        return _materialise(answer, max_results, where)
    except SyntaxError as error:
        raise _syntax_error(where, named.text, error, checked.error_at) from None
    except (RuntimeError, ValueError) as error:
        message = str(error)
        if "SELECT projection" in message:
            message = f"a parameter is not a variable selected by {where} ({message})"
        raise QueryError(f"{where} failed: {message}") from None
    except OSError as error:
        raise QueryError(f"{where} failed: {error}") from None


def query_text(
    q: str | Path | NamedQuery,
    fmt: str = "table",
    *,
    graph: Path | str = "build",
    params: Mapping[str, Any] | None = None,
    allow_network: bool = False,
    timeout_s: float = 60,
    max_memory_mb: int = 0,
    raw: bool = False,
    max_results: int = 0,
) -> str:
    """`query(...).to_text(fmt)` in a child process that is stopped after `timeout_s` seconds or when its
    resident memory passes `max_memory_mb` (0: half of this machine's memory); an answer of more than
    `max_results` rows or triples is refused (0: no limit).

    The command line runs queries this way because a query in the process itself cannot be interrupted:
    a cartesian product of a large graph would run for hours or take all the memory. The child is forked,
    so nothing is imported again; its answer comes back through a pipe, its errors as the same exceptions.
    """
    import multiprocessing
    import os

    limit_mb = max_memory_mb or _half_of_memory_mb()
    parent_end, child_end = multiprocessing.Pipe(duplex=False)

    def child() -> None:
        try:
            answer: tuple[str, str] = ("ok", query(q, graph=graph, params=params, allow_network=allow_network,
                                                   raw=raw, max_results=max_results).to_text(fmt))
        except GraphNotFoundError as error:
            answer = ("missing", str(error))
        except QueryError as error:
            answer = ("error", str(error))
        child_end.send(answer)
        child_end.close()
        os._exit(0)  # no atexit handlers, buffers or finalizers of the parent run twice

    worker = multiprocessing.get_context("fork").Process(target=child, daemon=True)
    worker.start()
    child_end.close()
    started, answer, stopped = time.monotonic(), None, ""
    try:
        while answer is None and not stopped:
            if parent_end.poll(0.05):
                answer = parent_end.recv()
            elif timeout_s > 0 and time.monotonic() - started > timeout_s:
                stopped = (f"the query was stopped after {timeout_s:g} s; narrow it (more specific patterns, "
                           "LIMIT) or give more time (CLI: --timeout-s)")
            elif _resident_mb(worker.pid) > limit_mb:
                stopped = (f"the query was stopped: it needed more than {limit_mb} MB of memory; narrow it "
                           "(more specific patterns, LIMIT) or allow more (CLI: --max-memory-mb)")
            elif not worker.is_alive() and not parent_end.poll(0):
                stopped = f"the query process ended without an answer (exit status {worker.exitcode})"
    except EOFError:
        stopped = f"the query process ended without an answer (exit status {worker.exitcode})"
    finally:
        if worker.is_alive():
            worker.kill()
        worker.join()
        parent_end.close()
    if stopped:
        raise QueryError(stopped)
    kind, text = answer
    if kind == "missing":
        raise GraphNotFoundError(text)
    if kind == "error":
        raise QueryError(text)
    return text


def _resident_mb(pid: int | None) -> int:
    """Resident memory of a process in MB (0 when it has ended), from /proc."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) // 1024
    except (OSError, ValueError):
        pass
    return 0


def _half_of_memory_mb() -> int:
    import os

    return max(512, os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2 // 1024 // 1024)


def _materialise(answer: Any, max_results: int = 0, where: str = "the query") -> QueryResult:
    """Read a pyoxigraph answer (an iterator that can be read once) into a QueryResult, refusing it once it
    passes `max_results` rows or triples (0: no limit) rather than after it has filled memory."""
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult(kind="ask", boolean=bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        variables = [v.value for v in answer.variables]
        return QueryResult(kind="select", variables=variables,
                           rows=_at_most(map(tuple, answer), max_results, "rows", where))
    return QueryResult(kind="graph", triples=_at_most(answer, max_results, "triples", where))


def _at_most(items: Iterable[Any], limit: int, unit: str, where: str) -> list[Any]:
    """The items as a list, or QueryError as soon as there are more than `limit` (0: no limit)."""
    if not limit:
        return list(items)
    kept = list(itertools.islice(items, limit + 1))
    if len(kept) > limit:
        raise QueryError(f"{where} gives more than {limit:,} {unit}; narrow it (more specific patterns, LIMIT) "
                         "or allow more (CLI: --max-results, 0 for no limit)")
    return kept


def query_df(
    q: str | Path | NamedQuery,
    *,
    graph: Path | str | ox.Store = "build",
    params: Mapping[str, Any] | None = None,
    allow_network: bool = False,
) -> Any:
    """`query(...)` as a pandas DataFrame with typed columns (see `QueryResult.to_dataframe`).

    Example:
        >>> df = query_df("stance-toward", graph="tests/data/store/mini.ttl", params={"focus": "USA"})
        >>> df.loc[0, "actorLabel"], float(df.loc[0, "weight"]), str(df.loc[0, "firstDate"].date())
        ('Honduras', -3.0, '2025-01-27')
    """
    return query(q, graph=graph, params=params, allow_network=allow_network).to_dataframe()
