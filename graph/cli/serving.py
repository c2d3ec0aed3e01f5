"""The commands that give the graph to others: query, serve and push, and the review page.

query runs a named, file or inline SPARQL query; serve puts the Oxigraph server read-only in front of the
graph; push uploads it to a Graph Store Protocol endpoint; review serves the page where people accept,
reject and fix events into the corrections file.
"""

from __future__ import annotations

import argparse
import sys


def _add_sparql_commands(sub: argparse._SubParsersAction) -> None:
    """query, serve, push."""

    def fail(command: str, message: object, code: int) -> int:
        print(f"stancegraph {command}: {message}", file=sys.stderr)
        return code

    def run_query(args: argparse.Namespace) -> int:
        import textwrap

        from graph import store

        if args.list:
            for named in store.named_queries().values():
                params = " ".join(f"--param {p.name}={p.kind}" for p in named.params)
                print(f"{named.name} {params}".rstrip())
                print(textwrap.fill(named.description, 100, initial_indent="    ", subsequent_indent="    "))
            return 0
        if not args.query:
            return fail("query", "give a query name, a .rq file or SPARQL text (or --list)", 2)
        params: dict[str, str] = {}
        for item in args.param:
            key, sep, value = item.partition("=")
            if not sep or not key:
                return fail("query", f"--param {item!r}: write KEY=VALUE, e.g. focus=USA", 2)
            params[key] = value
        try:
            sys.stdout.write(store.query_text(args.query, args.format, graph=args.graph, params=params,
                                              allow_network=args.allow_network, timeout_s=args.timeout_s,
                                              max_memory_mb=args.max_memory_mb, raw=args.raw,
                                              max_results=args.max_results))
        except store.GraphNotFoundError as exc:
            return fail("query", exc, 2)
        except store.QueryError as exc:
            return fail("query", exc, 1)
        return 0

    def run_serve(args: argparse.Namespace) -> int:
        from graph import store

        try:
            return store.serve(args.graph, host=args.host, port=args.port, timeout_s=args.timeout_s,
                               allow_hosts=args.allow_host, max_results=args.max_results)
        except store.GraphNotFoundError as exc:
            return fail("serve", exc, 2)
        except store.ServerError as exc:
            return fail("serve", exc, 1)

    def run_push(args: argparse.Namespace) -> int:
        import os
        from urllib.parse import urlsplit

        from graph import store

        user, password, netrc_file = args.user, os.environ.get("STANCEGRAPH_PASSWORD") if args.user else None, None
        if not password:  # none given: the netrc file's entry for the endpoint's host (never printed)
            try:
                found = store.netrc_credentials(args.endpoint, args.user)
            except ValueError as exc:
                return fail("push", exc, 2)
            if found is not None:
                user, password, netrc_file = found
        plain = [url for url in (args.endpoint, args.update_endpoint or "") if url.startswith("http:")
                 and (urlsplit(url).hostname or "") not in ("localhost", "127.0.0.1", "::1")]
        if user and plain:
            print("stancegraph push: warning: sending a password over plain http", file=sys.stderr)
        if args.default_graph and args.graph:
            return fail("push", "give --graph IRI or --default-graph, not both", 2)
        if args.chunk_mb <= 0:
            return fail("push", f"--chunk-mb {args.chunk_mb:g}: give a size above 0", 2)
        try:
            result = store.push(
                args.source,
                endpoint=args.endpoint,
                graph_iri=args.graph or store.DEFAULT_GRAPH_IRI,
                user=user,
                password=password,
                default_graph=args.default_graph,
                netrc_file=netrc_file,
                chunk_bytes=int(args.chunk_mb * 2**20),
                update_endpoint=args.update_endpoint,
            )
        except (store.GraphNotFoundError, ValueError) as exc:
            return fail("push", exc, 2)
        except store.PushError as exc:
            return fail("push", exc, 1)
        into = f"<{result.graph_iri}>" if result.graph_iri else "the default graph"
        requests = f" in {result.requests} requests" if result.requests > 1 else ""
        print(f"pushed {result.triples} triples into {into} at {result.endpoint}{requests}")
        return 0

    parser = sub.add_parser(
        "query",
        help="run a named SPARQL query, a .rq file or SPARQL text on the graph",
        description=(
            "Run a SPARQL query on the built graph. QUERY is a name from --list, a .rq file, or query "
            "text; the model's prefixes (sg:, country:, ...) need no declaration. Parameters are bound as "
            "RDF terms, typed by the query header (focus=USA binds ?focus to country:USA). SPARQL UPDATE "
            "is never run; SERVICE and FROM <http...> are refused without --allow-network. The table "
            "format shortens IRIs and cuts long cells; csv, tsv and json are the W3C SPARQL result formats "
            "with full values. Exit codes: 0 ok, 1 query error (syntax, refused, bad parameter), "
            "2 missing graph or bad usage."
        ),
    )
    parser.add_argument("query", nargs="?", help="query name, path to a .rq file, or SPARQL text")
    parser.add_argument(
        "--param", "-p", action="append", default=[], metavar="KEY=VALUE", help="bind ?KEY (repeatable)"
    )
    parser.add_argument(
        "--format",
        "-f",
        default="table",
        choices=["table", "csv", "tsv", "json", "nt", "turtle"],
        help="output format (nt and turtle for CONSTRUCT/DESCRIBE); default table",
    )
    parser.add_argument("--graph", default="build", metavar="PATH", help="build folder, store or RDF file")
    parser.add_argument("--allow-network", action="store_true", help="allow SERVICE and FROM <http...>")
    parser.add_argument("--raw", action="store_true",
                        help="query the raw extraction instead of the curated graph (events a correction rejected "
                             "or replaced back in, events people changed or added left out)")
    parser.add_argument("--list", action="store_true", help="list the named queries and their parameters")
    parser.add_argument("--timeout-s", type=float, default=60, metavar="SECONDS",
                        help="stop the query after this many seconds (0: no limit); default 60")
    parser.add_argument("--max-memory-mb", type=int, default=0, metavar="MB",
                        help="stop the query when it needs more memory than this; default half of the machine's")
    parser.add_argument("--max-results", type=int, default=100_000, metavar="ROWS",
                        help="refuse an answer of more rows or triples than this (0: no limit); default 100000, "
                             "as serve")
    parser.set_defaults(func=run_query)

    parser = sub.add_parser(
        "serve",
        help="serve the graph read-only with the Oxigraph SPARQL server",
        description=(
            "Run the Oxigraph HTTP server (PyPI package oxigraph) read-only on the graph, behind a checked "
            "front, and print the URL of its query UI. A graph file is first loaded into a temporary store. "
            "Listens on loopback unless --host says otherwise. Requests whose Host header is not the address "
            "served (or an --allow-host name) are refused (421), as are SERVICE and FROM <http...> queries "
            "(403) and answers over --max-results rows (413). Ctrl-C stops the server and removes temporary "
            "files. Exit codes: 0 stopped, 1 server failed, 2 missing graph."
        ),
    )
    parser.add_argument("--graph", default="build", metavar="PATH", help="build folder, store or RDF file")
    parser.add_argument("--port", type=int, default=7878, help="TCP port (default 7878; 0 picks a free one)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--timeout-s", type=int, default=30, metavar="SECONDS",
                        help="time limit of each query (default 30)")
    parser.add_argument("--max-results", type=int, default=100_000, metavar="ROWS",
                        help="refuse an answer of more rows or triples than this (default 100000)")
    parser.add_argument("--allow-host", action="append", default=[], metavar="NAME",
                        help="also answer requests for this host name, e.g. a name of this machine (repeatable; "
                             "default: only the address served, and localhost on loopback)")
    parser.set_defaults(func=run_serve)

    parser = sub.add_parser(
        "push",
        help="upload the graph to a SPARQL Graph Store Protocol endpoint",
        description=(
            "Upload the built graph with HTTP PUT to a SPARQL 1.1 Graph Store Protocol endpoint, "
            "replacing the named graph (pushing twice duplicates nothing); a graph above --chunk-mb goes in "
            "several requests and replaces it only once all have arrived. With --user, HTTP basic auth "
            "is used and the password is read from the STANCEGRAPH_PASSWORD environment variable; without "
            "them, from the netrc file ($NETRC, else ~/.netrc; private to you) entry of the endpoint's host. "
            "Credentials are never printed. "
            "Exit codes: 0 uploaded, 1 the endpoint could not be reached or refused the upload, "
            "2 bad arguments or missing graph."
        ),
    )
    parser.add_argument(
        "--endpoint", required=True, metavar="URL", help="GSP endpoint, e.g. http://localhost:7878/store"
    )
    parser.add_argument(
        "--graph", metavar="IRI", help="named graph to replace; default https://w3id.org/stancegraph/graph"
    )
    parser.add_argument("--default-graph", action="store_true",
                        help="replace the default graph instead, where the named queries run as written")
    parser.add_argument("--user", metavar="NAME",
                        help="basic auth user (password: STANCEGRAPH_PASSWORD, else this login's entry in ~/.netrc); "
                             "default: the ~/.netrc entry of the endpoint's host, if any")
    parser.add_argument("--source", default="build", metavar="PATH", help="build folder, store or RDF file")
    parser.add_argument("--chunk-mb", type=float, default=64, metavar="MB",
                        help="largest request: a bigger graph is sent in several into a temporary graph (a PUT, "
                             "then POSTs), which one SPARQL Update MOVE puts in place of the target; default 64")
    parser.add_argument("--update-endpoint", metavar="URL",
                        help="SPARQL 1.1 Update service for the MOVE that ends a push in several requests (basic "
                             "auth as for --endpoint); default: beside a known --endpoint (Oxigraph .../store -> "
                             ".../update, Fuseki .../DATASET/data -> .../DATASET/update), else required for such "
                             "a push")
    parser.set_defaults(func=run_push)


def _add_review_command(sub: argparse._SubParsersAction) -> None:
    """review."""

    def run_review(args: argparse.Namespace) -> int:
        from graph.review import run
        from graph.store import GraphNotFoundError

        try:
            return run(args.graph, corrections=args.corrections, curator=args.curator, focus=args.focus.upper(),
                       port=args.port)
        except (GraphNotFoundError, ValueError, OSError) as exc:
            print(f"stancegraph review: {exc}", file=sys.stderr)
            return 2

    parser = sub.add_parser(
        "review",
        help="review the events in a local web page: accept, reject or fix them into the corrections file",
        description=(
            "Serve a review page on 127.0.0.1 (only) and print its address, which carries a per-run token: "
            "the events of the curated graph, those most in need of a look first (the only evidence of a "
            "country's stance toward the focus, then low confidence), with accept, reject and fix controls "
            "(relation, actor, target, mode, event date; keyboard shortcuts j/k/a/r/f/o) and an 'add missing "
            "event' form on each article, from a selected span. Each decision is appended at once to the "
            "corrections file and its effect on the stance toward the focus shown; the next build applies it. "
            "Ctrl-C stops. Exit codes: 0 stopped, 2 missing graph or unusable corrections file."
        ),
    )
    parser.add_argument("--graph", default="build", metavar="PATH", help="build folder, store or RDF file")
    parser.add_argument("--corrections", metavar="FILE",
                        help="where decisions go (default: corrections.csv in the articles' folder)")
    parser.add_argument("--curator", default="", help="your name, written in each row (default: reviewer)")
    parser.add_argument("--focus", default="USA", metavar="ISO3", help="the country stances are toward (default USA)")
    parser.add_argument("--port", type=int, default=0, help="TCP port on 127.0.0.1 (default 0: a free one)")
    parser.set_defaults(func=run_review)

