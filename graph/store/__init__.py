"""The store stage: the built graph in Oxigraph, queried with SPARQL, served over HTTP, pushed elsewhere.

Takes the N-Triples written by the build and gives:

- an on-disk Oxigraph store (`persist_store`) that `open_store` opens read-only, and an rdflib view of it
  (`to_rdflib`) for code that wants rdflib's API;
- the named query library `ontology/queries/*.rq` (`named_queries`), run with typed parameters by `query`
  and `query_df`; parameters are bound as RDF terms (SEP-0007 substitutions), never pasted into the text;
- the real Oxigraph HTTP server on a store (`start_server`, `serve`) and an upload of the graph to any
  SPARQL 1.1 Graph Store Protocol endpoint (`push`).

pyoxigraph is called directly rather than through rdflib: at a million triples the on-disk store loads
several times faster than rdflib's in-memory store and answers the named queries together more than ten
times faster (`make bench`, figures in docs/scaling.md).

One module per step: `persist` (opening and persisting the store), `checks` (what a query must pass before
it runs), `library` (the named queries and parameter binding), `results` (answers and their formats), `run`
(running queries to rows, text and DataFrames), `server` (the Oxigraph HTTP server) and `push`.
"""

from __future__ import annotations

from graph.ontology import XSD as XSD
from graph.store.checks import (
    MAX_QUERY_BYTES,
    MAX_QUERY_DEPTH,
    MAX_QUERY_OPERATORS,
    QueryError,
    QuerySyntaxError,
    check_query,
)
from graph.store.library import (
    PARAM_KINDS,
    NamedQuery,
    Param,
    bind_param,
    known_relations,
    named_queries,
    parse_header,
    queries_dir,
)
from graph.store.persist import (
    BULK_LOAD_BYTES,
    PREFIXES,
    GraphNotFoundError,
    bulk_load_file,
    invalidated_events,
    open_store,
    persist_store,
    raw_view,
    to_rdflib,
)
from graph.store.persist import (
    _is_store_dir as _is_store_dir,
)
from graph.store.push import (
    DEFAULT_GRAPH_IRI,
    PUSH_CHUNK_BYTES,
    PushError,
    PushResult,
    netrc_credentials,
    push,
    update_endpoint_for,
)
from graph.store.results import (
    QueryResult,
    shorten,
)
from graph.store.run import (
    query,
    query_df,
    query_text,
)
from graph.store.server import (
    ServerError,
    ServerHandle,
    free_port,
    oxigraph_executable,
    serve,
    start_server,
)
from graph.store.server import (
    _is_loopback as _is_loopback,
)
from graph.store.server import (
    _port_is_free as _port_is_free,
)

__all__ = [
    "BULK_LOAD_BYTES",
    "DEFAULT_GRAPH_IRI",
    "GraphNotFoundError",
    "MAX_QUERY_BYTES",
    "MAX_QUERY_DEPTH",
    "MAX_QUERY_OPERATORS",
    "NamedQuery",
    "PARAM_KINDS",
    "PREFIXES",
    "PUSH_CHUNK_BYTES",
    "Param",
    "PushError",
    "PushResult",
    "QueryError",
    "QueryResult",
    "QuerySyntaxError",
    "ServerError",
    "ServerHandle",
    "bind_param",
    "bulk_load_file",
    "check_query",
    "free_port",
    "invalidated_events",
    "known_relations",
    "named_queries",
    "netrc_credentials",
    "open_store",
    "oxigraph_executable",
    "parse_header",
    "persist_store",
    "push",
    "queries_dir",
    "query",
    "query_df",
    "query_text",
    "raw_view",
    "serve",
    "shorten",
    "start_server",
    "to_rdflib",
    "update_endpoint_for",
]
