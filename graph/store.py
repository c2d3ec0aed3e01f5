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
"""

from __future__ import annotations

import base64
import csv
import functools
import gc
import io
import itertools
import json
import os
import re
import secrets
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
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph import ontology
from graph.ontology import COUNTRY, SG, XSD
from graph.outputs import atomic_path

#: Prefixes of the shared model (from graph.ontology): usable in any query without declaring them, and
#: used to shorten IRIs in table output (country:USA).
PREFIXES = ontology.PREFIXES

#: Named graph that `push` replaces on the remote store.
DEFAULT_GRAPH_IRI = "https://w3id.org/stancegraph/graph"

#: Parameter kinds a query header may declare, and how a value of each kind becomes an RDF term.
PARAM_KINDS = ("ISO3", "RELATION", "DATE", "INTEGER", "TEXT")

#: Kinds of parameters of ad-hoc queries (no `# params:` header) guessed from the variable name.
_IMPLICIT_KINDS = {"focus": "ISO3", "country": "ISO3", "relation": "RELATION"}

_NETWORK_SCHEMES = ("http:", "https:", "ftp:", "file:")
_UPDATE_KEYWORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}


class QueryError(Exception):
    """A query that cannot be run: unknown name, refused feature, bad parameter value, evaluation error."""


class QuerySyntaxError(QueryError):
    """A query that does not parse; `line` and `column` (1-based) locate the error in the query text."""

    def __init__(self, message: str, *, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


class GraphNotFoundError(FileNotFoundError):
    """The graph to open does not exist (no build yet, wrong --graph)."""


class ServerError(RuntimeError):
    """The Oxigraph server could not be started."""


class PushError(RuntimeError):
    """The upload to a Graph Store Protocol endpoint failed (connection, HTTP status, authentication)."""


# --------------------------------------------------------------------------------------------- stores


def _rdf_format(path: Path) -> ox.RdfFormat:
    """The RDF format of a file from its extension, with a clear error for anything else."""
    extension = path.suffix.lstrip(".").lower()
    # pyoxigraph maps .txt (text/plain) to N-Triples; a .txt here is far more likely an article.
    fmt = ox.RdfFormat.from_extension(extension) if extension not in ("", "txt") else None
    if fmt is None:
        raise ValueError(f"{path}: unknown RDF file extension; use .nt, .ttl, .nq, .trig, .jsonld or .rdf")
    return fmt


def _is_store_dir(path: Path) -> bool:
    """True for a folder holding an Oxigraph (RocksDB) store."""
    return (path / "CURRENT").is_file()


def _resolve_graph(graph: Path | str) -> Path:
    """The store folder or RDF file behind `graph` (a build folder, a store folder or an RDF file)."""
    path = Path(graph)
    if path.is_dir():
        if _is_store_dir(path / "store"):
            return path / "store"
        for name in ("graph.nt", "graph.ttl"):
            if (path / name).is_file():
                return path / name
        if _is_store_dir(path):
            return path
        raise GraphNotFoundError(
            f"{path}: neither a build folder (store/, graph.nt or graph.ttl) nor an Oxigraph store; "
            "run `stancegraph build` first or pass --graph"
        )
    if not path.is_file():
        raise GraphNotFoundError(f"{path}: no such graph; run `stancegraph build` first or pass --graph")
    return path


def open_store(graph: Path | str | ox.Store = "build") -> ox.Store:
    """Open a graph for querying.

    `graph` is a build folder (uses its `store/`, else its `graph.nt` or `graph.ttl`), an Oxigraph store
    folder (opened read-only, so a server or another reader may share it), an RDF file (Turtle,
    N-Triples, JSON-LD... loaded into memory), or an already open Store (returned as is).
    Raises GraphNotFoundError when there is nothing to open.
    """
    if isinstance(graph, ox.Store):
        return graph
    path = _resolve_graph(graph)
    if path.is_dir():
        return ox.Store.read_only(str(path))
    store = ox.Store()
    store.bulk_load(path=str(path), format=_rdf_format(path))
    return store


#: Events outside the curated graph: rejected by a person, or replaced by a person's revision (see
#: graph/corrections.py). Every reader of events (graph.load_events, the named queries) leaves them out.
_INVALIDATED = "SELECT DISTINCT ?event WHERE { ?event <http://www.w3.org/ns/prov#wasInvalidatedBy> ?by }"

#: What `raw_view` removes: the events and mentions people made, and the marks of corrections on the others.
_RAW_UPDATE = """
PREFIX sg: <https://w3id.org/stancegraph/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
DELETE { ?m ?p ?o } WHERE {
  ?e sg:reviewStatus sg:Curated ; sg:hasMention ?m .
  FILTER NOT EXISTS { ?other sg:hasMention ?m FILTER NOT EXISTS { ?other sg:reviewStatus sg:Curated } }
  ?m ?p ?o };
DELETE { ?s ?p ?e } WHERE { ?e sg:reviewStatus sg:Curated . ?s ?p ?e };
DELETE { ?e ?p ?o } WHERE { ?e sg:reviewStatus sg:Curated ; ?p ?o };
DELETE { ?e prov:wasInvalidatedBy ?c } WHERE { ?e prov:wasInvalidatedBy ?c };
DELETE { ?e prov:invalidatedAtTime ?t } WHERE { ?e prov:invalidatedAtTime ?t }
"""


def invalidated_events(store: ox.Store) -> set[str]:
    """IRIs of the events a correction rejected or replaced (`prov:wasInvalidatedBy`): not part of the
    curated graph that stances, the view and the named queries read."""
    return {row["event"].value for row in store.query(_INVALIDATED)}


def raw_view(graph: Path | str | ox.Store = "build") -> ox.Store:
    """The graph as the extractor made it, in memory: the events people changed or added (review status
    sg:Curated) left out, and the rejected and replaced events back in. Everything that reads the curated
    graph reads this one the same way (`stancegraph stances --raw`, `query --raw`, ...). The shortcut triples
    (actor relation target) stay those of the curated graph."""
    source = open_store(graph)
    store = ox.Store()
    store.bulk_extend(source.quads_for_pattern(None, None, None, None))
    store.update(_RAW_UPDATE)
    return store


def persist_store(nt_file: Path, store_dir: Path, *, previous: Path | None = None, change=None) -> bool:
    """Bulk-load an N-Triples (or Turtle) file into a fresh on-disk Oxigraph store at `store_dir`.

    The store is built beside `store_dir` and swapped in only once complete, so readers never see a
    half-loaded store and a failed load leaves the previous one in place. Refuses to replace a folder
    that is not an Oxigraph store (a wrong path must not delete someone's files). `previous`, the previous
    build's store, and `change` (a `graph.incremental.Change`: how `nt_file` differs from that store's
    graph) let a large graph's store be made from that store instead (graph/incremental.py); the previous
    store is only read. True when the store was made from the previous one.
    """
    from graph.incremental import update_from_previous

    nt_file, store_dir = Path(nt_file), Path(store_dir)
    if not nt_file.is_file():
        raise FileNotFoundError(f"{nt_file}: no such RDF file to load into the store")
    fmt = _rdf_format(nt_file)
    if store_dir.exists() and not _is_store_dir(store_dir) and (store_dir.is_file() or any(store_dir.iterdir())):
        raise ValueError(f"{store_dir}: exists and is not an Oxigraph store; refusing to replace it")
    with atomic_path(store_dir) as tmp:
        if previous is not None and change is not None and update_from_previous(previous, change, tmp):
            return True
        store = ox.Store(str(tmp))
        bulk_load_file(store, nt_file, fmt)
        store.flush()
        del store  # closes RocksDB before the folder is renamed
        gc.collect()
    return False


#: Bytes of N-Triples per call of Oxigraph's bulk loader: loading a large file in one call holds it sorted in
#: memory (1.1 GB for 1.4 million triples on the bench machine), in pieces of this size it holds one piece
#: (280 MB) and is faster too (11 s instead of 30 s, the machine shared with other jobs).
BULK_LOAD_BYTES = 32 * 2**20


def bulk_load_file(store: ox.Store, path: Path, fmt: ox.RdfFormat) -> None:
    """Bulk-load an RDF file into `store`: N-Triples in pieces of whole lines (`BULK_LOAD_BYTES`), so memory
    stays bounded whatever the file's size; other formats, whose statements may span lines, whole."""
    if fmt != ox.RdfFormat.N_TRIPLES:
        store.bulk_load(path=str(path), format=fmt)
        return
    with open(path, "rb") as handle:
        rest = b""
        while block := handle.read(BULK_LOAD_BYTES):
            block = rest + block
            end = block.rfind(b"\n") + 1
            if end:
                store.bulk_load(input=block[:end], format=fmt)
            rest = block[end:]
        if rest.strip():
            store.bulk_load(input=rest, format=fmt)


def to_rdflib(graph: Path | str | ox.Store = "build", *, copy: bool = False) -> Any:
    """The graph as an `rdflib.Graph`, for code written against rdflib's API.

    By default the rdflib graph is a view over the Oxigraph store (oxrdflib, bound to the store's default
    graph where all stancegraph data lives), so nothing is copied and SPARQL runs in Oxigraph; an on-disk
    store opened read-only stays read-only. Plain strings then come back as
    ``Literal("x", datatype=XSD.string)``, equal in RDF 1.1 to ``Literal("x")``.
    With ``copy=True`` the triples are copied into rdflib's own in-memory store (slower, writable).
    """
    import rdflib
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    store = open_store(graph)
    if copy:
        result = rdflib.Graph()
        data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        result.parse(data=data.decode("utf-8"), format="nt")
    else:
        from oxrdflib import OxigraphStore

        result = rdflib.Graph(store=OxigraphStore(store=store), identifier=DATASET_DEFAULT_GRAPH_ID)
    for prefix, iri in PREFIXES.items():
        result.bind(prefix, iri, override=True)
    return result


# -------------------------------------------------------------------------------------- named queries


@dataclass(frozen=True)
class Param:
    """A query parameter: the variable it binds, its kind (one of PARAM_KINDS) and what it means."""

    name: str
    kind: str
    description: str = ""


@dataclass(frozen=True)
class NamedQuery:
    """A query of the library: a .rq file whose comment header names it and declares its parameters."""

    name: str
    path: Path | None
    description: str
    params: tuple[Param, ...]
    example: str
    text: str

    def param(self, name: str) -> Param | None:
        """The declared parameter called `name`, if any."""
        return next((p for p in self.params if p.name == name), None)


_HEADER_KEY = re.compile(r"#\s*(name|answers|params?|example)\s*:\s*(.*)$", re.IGNORECASE)
_PARAM_DECL = re.compile(r"([A-Za-z_]\w*)\s*=\s*([A-Z0-9]+)\b\s*(.*)$")


def parse_header(text: str, *, path: Path | None = None) -> NamedQuery:
    """Read the comment header of a query (`# name:`, `# answers:`, `# params: var=KIND ...`, `# example:`).

    Header lines are the leading `#` lines; an indented `#   ...` line continues the previous key.
    A query without a header is still valid: it gets the file stem (or "query") as name and no params.
    """
    fields: dict[str, list[str]] = {"name": [], "answers": [], "params": [], "example": []}
    key = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if not line.startswith("#"):
            break
        match = _HEADER_KEY.match(line)
        if match:
            key = match.group(1).lower()
            key = "params" if key == "param" else key
            fields[key].append(match.group(2).strip())
        elif key is not None and key != "params" and re.match(r"#\s{2,}\S", raw.lstrip()):
            fields[key][-1] += " " + line.lstrip("#").strip()
        else:
            key = None
    params = []
    for decl in fields["params"]:
        match = _PARAM_DECL.match(decl)
        if not match or match.group(2) not in PARAM_KINDS:
            where = path or "query"
            raise QueryError(f"{where}: bad '# params:' line {decl!r}; write NAME=KIND with KIND in {PARAM_KINDS}")
        params.append(Param(match.group(1), match.group(2), match.group(3).strip()))
    name = fields["name"][0] if fields["name"] else (path.stem if path else "query")
    return NamedQuery(
        name=name,
        path=path,
        description=" ".join(fields["answers"]),
        params=tuple(params),
        example=fields["example"][0] if fields["example"] else "",
        text=text,
    )


def queries_dir() -> Path:
    """Folder of the named query library."""
    return ontology.ontology_dir() / "queries"


def named_queries() -> dict[str, NamedQuery]:
    """The named query library by name (sorted), read from `ontology/queries/*.rq`."""
    found = {}
    for path in sorted(queries_dir().glob("*.rq")):
        named = parse_header(path.read_text(encoding="utf-8"), path=path)
        found[named.name] = named
    return dict(sorted(found.items()))


def _resolve_query(q: str | Path | NamedQuery) -> NamedQuery:
    """A named query from a library name, a path to a .rq file, or the text of a query."""
    if isinstance(q, NamedQuery):
        return q
    looks_like_path = isinstance(q, str) and "\n" not in q and not re.search(r"[{}\s]", q.strip())
    if isinstance(q, Path) or (looks_like_path and (q.strip().endswith(".rq") or Path(q.strip()).is_file())):
        path = Path(q.strip() if isinstance(q, str) else q)
        if not path.is_file():
            raise QueryError(f"{path}: no such query file")
        return parse_header(path.read_text(encoding="utf-8"), path=path)
    text = str(q)
    if re.fullmatch(r"[A-Za-z0-9_-]+", text.strip()):
        library = named_queries()
        if text.strip() in library:
            return library[text.strip()]
        raise QueryError(
            f"unknown query name {text.strip()!r}; named queries: {', '.join(library)} "
            "(or pass a .rq file or the text of a query)"
        )
    return parse_header(text)


# ------------------------------------------------------------------------------------- safety checks


@dataclass(frozen=True)
class _Check:
    """What the pre-execution check learnt about a query."""

    network: tuple[str, ...]  # SERVICE / FROM clauses that would reach outside the store
    update: bool
    error_at: tuple[int, int] | None = None  # (line, column) where rdflib's parser gave up


_TOKEN = re.compile(
    "|".join(
        [
            r"(?P<comment>#[^\n\r]*)",
            r"(?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^\"\\]|\\.|\"(?!\"\"))*\"\"\""
            r"|'(?:[^'\\\n\r]|\\.)*'|\"(?:[^\"\\\n\r]|\\.)*\")",
            r"(?P<iri><[^<>\"{}|^`\\\x00-\x20]*>)",
            r"(?P<var>[?$]\w+)",
            # a prefixed name's local part holds only name characters, '%xx' and backslash escapes (PN_LOCAL):
            # a quote or '<' ends it ('rdfs:label"x"SERVICE<...>' is three tokens and a keyword)
            r"(?P<pname>[A-Za-z_][\w.-]*:(?:[\w.:-]|%[0-9A-Fa-f]{2}|\\.)*|:(?:[\w.:-]|%[0-9A-Fa-f]{2}|\\.)*)",
            r"(?P<word>[A-Za-z_]\w*)",
            r"(?P<other>\S)",
        ]
    ),
    re.DOTALL,
)


def _lex_check(text: str, error_at: tuple[int, int] | None = None) -> _Check:
    """Fallback check for queries rdflib's parser does not know (Oxigraph extensions).

    A query the parser could not read is checked on its raw text and fails closed: the letters 'service'
    or 'from' anywhere in it, even inside a string, an IRI or a name, count as a network clause (refused
    without --allow-network). A tokenizer cannot be trusted to cut text the parser could not read the way
    Oxigraph will.
    """
    words = [m.group("word").upper() for m in _TOKEN.finditer(text) if m.lastgroup == "word"]
    network = tuple(f"{w} clause" for w in ("SERVICE", "FROM") if w in text.upper())
    first = next((w for w in words if w not in ("PREFIX", "BASE")), "")
    return _Check(network=network, update=first in _UPDATE_KEYWORDS, error_at=error_at)


def _walk(node: Any) -> Iterator[Any]:
    """Every node of an rdflib SPARQL parse tree."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    yield node
    if isinstance(node, CompValue):
        children: Any = list(node.values())
    elif isinstance(node, list | tuple | ParseResults):
        children = list(node)
    else:
        return
    for child in children:
        yield from _walk(child)


def _term_iri(term: Any, prefixes: Mapping[str, str]) -> str:
    """The IRI of a parsed IRI or prefixed name (for reporting and scheme checks)."""
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(term, CompValue) and term.name == "pname":
        return prefixes.get(term.get("prefix") or "", "") + (term.get("localname") or "")
    return str(term)


@functools.lru_cache(maxsize=256)
def _check(text: str) -> _Check:
    """Parse the query with rdflib's SPARQL parser and report SERVICE/FROM clauses and updates.

    Runs before Oxigraph sees the text, because Oxigraph would execute a SERVICE call. A query rdflib
    cannot parse (syntax error, or syntax only Oxigraph knows) falls back to `_lex_check`.
    """
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
    from rdflib.plugins.sparql.parserutils import CompValue

    try:
        tree = parseQuery(text)
    except Exception as error:
        try:
            parseUpdate(text)
        except Exception:
            line, column = getattr(error, "lineno", None), getattr(error, "col", None)
            return _lex_check(text, (line, column) if line and column else None)
        return _Check(network=(), update=True)
    prefixes = dict(PREFIXES)
    for decl in tree[0]:
        if isinstance(decl, CompValue) and decl.name == "PrefixDecl":
            prefixes[decl.get("prefix") or ""] = str(decl["iri"])
    network = []
    for node in _walk(tree[1]):
        if not isinstance(node, CompValue):
            continue
        if node.name == "ServiceGraphPattern":
            network.append(f"SERVICE {_term_iri(node['term'], prefixes)}")
        elif node.name == "DatasetClause":
            kind, iri = ("FROM NAMED", node["named"]) if "named" in node else ("FROM", node.get("default"))
            resolved = _term_iri(iri, prefixes)
            if resolved.lower().startswith(_NETWORK_SCHEMES) or not resolved:
                network.append(f"{kind} <{resolved}>")
    return _Check(network=tuple(network), update=False)


def _undeclared_prefix(text: str) -> tuple[str, tuple[int, int]] | None:
    """The first prefixed name whose prefix is neither declared nor one of PREFIXES, with its position."""
    tokens = [m for m in _TOKEN.finditer(text) if m.lastgroup not in ("comment",)]
    declared = set(PREFIXES)
    for previous, token in zip(tokens, tokens[1:], strict=False):
        if previous.lastgroup == "word" and previous.group().upper() == "PREFIX" and token.lastgroup == "pname":
            declared.add(token.group().split(":", 1)[0])
    for token in tokens:
        prefix = token.group().split(":", 1)[0]
        if token.lastgroup == "pname" and prefix not in declared:
            line = text.count("\n", 0, token.start()) + 1
            column = token.start() - (text.rfind("\n", 0, token.start()) + 1) + 1
            return prefix, (line, column)
    return None


_OX_POSITION = re.compile(r"error at (\d+):(\d+):?\s*(.*)", re.DOTALL)


def _syntax_error(name: str, text: str, error: SyntaxError, error_at: tuple[int, int] | None) -> QuerySyntaxError:
    """A QuerySyntaxError naming the query, the line and column, the text there and what was expected.

    The position is where rdflib's parser gave up (the start of the clause that does not parse) when
    rdflib failed too; Oxigraph's own position is the furthest point its parser read, often the end of
    the query, so it is only used when rdflib accepted the text (e.g. an undeclared prefix).
    """
    message = " ".join(str(error).split())
    if "Prefix not found" in message:
        undeclared = _undeclared_prefix(text)
        if undeclared is not None:
            prefix, error_at = undeclared
            message = f"unknown prefix {prefix}: (declare it: PREFIX {prefix}: <...>)"
            return _syntax_error_at(name, text, message, error_at)
    match = _OX_POSITION.search(message)
    if match:
        message = match.group(3)
        error_at = error_at or (int(match.group(1)), int(match.group(2)))
    message = message if len(message) <= 160 else message[:159] + "…"
    return _syntax_error_at(name, text, message, error_at)


def _syntax_error_at(name: str, text: str, message: str, error_at: tuple[int, int] | None) -> QuerySyntaxError:
    """The QuerySyntaxError for `message` at (line, column) of `text`, quoting the text found there."""
    if error_at is None:
        return QuerySyntaxError(f"syntax error in {name}: {message}")
    line, column = error_at
    lines = text.splitlines()
    near = lines[line - 1][column - 1 :].strip()[:30] if 0 < line <= len(lines) else ""
    where = f"at line {line}, column {column}" + (f" (near {near!r})" if near else "")
    return QuerySyntaxError(f"syntax error in {name} {where}: {message}", line=line, column=column)


# ---------------------------------------------------------------------------------------- parameters


def known_relations(store: ox.Store | None = None) -> frozenset[str]:
    """Relation local names a `relation` parameter may take: declared in the ontology or used in `store`."""
    names = set(ontology.relations())
    if store is not None:
        rows = store.query(
            "SELECT DISTINCT ?r WHERE { { ?e sg:relation ?r } UNION { ?r a sg:StanceRelation } }",
            prefixes=PREFIXES,
        )
        names.update(
            r["r"].value[len(SG) :] for r in rows if isinstance(r["r"], ox.NamedNode) and r["r"].value.startswith(SG)
        )
    return frozenset(names)


def bind_param(param: Param, value: Any, store: ox.Store | None = None) -> ox.NamedNode | ox.Literal:
    """Turn a parameter value into the RDF term it stands for, validating it by kind.

    ISO3 -> country IRI (must match ^[A-Z]{3}$), RELATION -> sg: IRI (a known relation local name),
    DATE -> xsd:date, INTEGER -> xsd:integer, TEXT -> a plain string literal (any text; it is a value and
    never becomes query syntax). An RDF term given directly (pyoxigraph NamedNode/Literal) is used as is.
    """
    if isinstance(value, ox.NamedNode | ox.Literal):
        return value
    text = str(value)
    if param.kind == "ISO3":
        if not re.fullmatch(r"[A-Z]{3}", text):
            raise QueryError(
                f"parameter {param.name}={text!r}: expected an ISO 3166-1 alpha-3 country code in capitals, "
                "such as USA or MEX"
            )
        return ox.NamedNode(COUNTRY + text)
    if param.kind == "RELATION":
        local = text[3:] if text.startswith("sg:") else text
        known = known_relations(store) if re.fullmatch(r"[a-z][A-Za-z]*", local) else frozenset()
        if local not in known:
            hint = ", ".join(sorted(known_relations(store))) or "none found"
            raise QueryError(f"parameter {param.name}={text!r}: not a known relation; known relations: {hint}")
        return ox.NamedNode(SG + local)
    if param.kind == "DATE":
        try:
            date.fromisoformat(text)
        except ValueError:
            raise QueryError(f"parameter {param.name}={text!r}: expected a date as YYYY-MM-DD") from None
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise QueryError(f"parameter {param.name}={text!r}: expected a date as YYYY-MM-DD")
        return ox.Literal(text, datatype=ox.NamedNode(XSD + "date"))
    if param.kind == "INTEGER":
        if not re.fullmatch(r"[+-]?\d+", text):
            raise QueryError(f"parameter {param.name}={text!r}: expected an integer")
        return ox.Literal(str(int(text)), datatype=ox.NamedNode(XSD + "integer"))
    return ox.Literal(text)


def _substitutions(
    named: NamedQuery, params: Mapping[str, Any] | None, store: ox.Store
) -> dict[ox.Variable, ox.NamedNode | ox.Literal]:
    """The SEP-0007 substitutions for `params`, typed by the query's declarations."""
    result = {}
    for key, value in (params or {}).items():
        name = key.lstrip("?$")
        param = named.param(name)
        if param is None:
            if named.params:
                declared = ", ".join(f"{p.name} ({p.kind})" for p in named.params)
                raise QueryError(f"{named.name} has no parameter {name!r}; it takes: {declared}")
            if named.path is not None and named.path.parent == queries_dir():
                raise QueryError(f"{named.name} takes no parameters (got {name!r})")
            param = Param(name, _IMPLICIT_KINDS.get(name, "TEXT"))
        if not re.fullmatch(r"[A-Za-z_]\w*", name):
            raise QueryError(f"parameter name {key!r} is not a SPARQL variable name")
        result[ox.Variable(name)] = bind_param(param, value, store)
    return result


# ------------------------------------------------------------------------------------------- results


@dataclass
class QueryResult:
    """The materialised answer of a query.

    `kind` is "select" (`variables` and `rows` of pyoxigraph terms, None where unbound), "ask" (`boolean`)
    or "graph" for CONSTRUCT/DESCRIBE (`triples`). Iterating gives one dict per row (variable -> term) or
    the triples; `len` counts rows or triples.
    """

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.triples) if self.kind == "graph" else len(self.rows)

    def __bool__(self) -> bool:
        return bool(self.boolean) if self.kind == "ask" else len(self) > 0

    def __iter__(self) -> Iterator[Any]:
        if self.kind == "graph":
            return iter(self.triples)
        return (dict(zip(self.variables, row, strict=True)) for row in self.rows)

    def _table(self) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Columns and rows, with CONSTRUCT triples as subject/predicate/object rows."""
        if self.kind == "graph":
            return ["subject", "predicate", "object"], [(t.subject, t.predicate, t.object) for t in self.triples]
        return self.variables, self.rows

    def to_dataframe(self) -> Any:
        """A pandas DataFrame with typed columns.

        xsd:date and xsd:dateTime become datetime64, integer types nullable Int64, decimal/double/float
        float64, xsd:boolean boolean; IRIs stay full IRI strings (unambiguous join keys: the named
        queries select a readable `...Label` column beside each IRI they return); other literals are their
        lexical form. A column mixing kinds of terms is kept as strings. ASK gives one `boolean` column.
        """
        import pandas as pd

        if self.kind == "ask":
            return pd.DataFrame({"boolean": pd.Series([self.boolean], dtype="boolean")})
        columns, rows = self._table()
        data = {name: _series([row[i] for row in rows]) for i, name in enumerate(columns)}
        return pd.DataFrame(data, columns=columns)

    def to_text(self, fmt: str = "table", *, max_width: int = 60) -> str:
        """Serialise as "table" (aligned, prefixed names, long cells cut at `max_width`), "csv", "tsv",
        "json" (the W3C SPARQL result formats) or, for CONSTRUCT/DESCRIBE, "nt" and "turtle"."""
        if fmt in ("nt", "turtle"):
            if self.kind != "graph":
                raise QueryError(f"--format {fmt} is for CONSTRUCT/DESCRIBE queries; use table, csv, tsv or json")
            rdf_format = ox.RdfFormat.N_TRIPLES if fmt == "nt" else ox.RdfFormat.TURTLE
            used = {t.value for triple in self.triples for t in triple if isinstance(t, ox.NamedNode)}
            prefixes = {k: v for k, v in PREFIXES.items() if any(iri.startswith(v) for iri in used)}
            prefixes = prefixes if fmt == "turtle" else None
            return ox.serialize(self.triples, format=rdf_format, prefixes=prefixes).decode("utf-8")
        if self.kind == "ask":
            if fmt == "json":
                return json.dumps({"head": {}, "boolean": self.boolean}) + "\n"
            return ("true" if self.boolean else "false") + "\n"
        columns, rows = self._table()
        if fmt == "table":
            return _format_table(columns, rows, max_width=max_width)
        if fmt == "csv":
            out = io.StringIO()
            writer = csv.writer(out, lineterminator="\r\n")
            writer.writerow(columns)
            writer.writerows([_csv_value(v) for v in row] for row in rows)
            return out.getvalue()
        if fmt == "tsv":
            lines = ["\t".join(f"?{c}" for c in columns)]
            lines += ["\t".join("" if v is None else str(v) for v in row) for row in rows]
            return "\n".join(lines) + "\n"
        if fmt == "json":
            bindings = [{c: _json_term(v) for c, v in zip(columns, row, strict=True) if v is not None} for row in rows]
            return json.dumps({"head": {"vars": columns}, "results": {"bindings": bindings}}, ensure_ascii=False) + "\n"
        raise QueryError(f"unknown format {fmt!r}; use table, csv, tsv, json, nt or turtle")


_INTEGER_TYPES = {
    XSD + t
    for t in (
        "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
        "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort",
        "unsignedByte",
    )
}  # fmt: skip
_FLOAT_TYPES = {XSD + "decimal", XSD + "double", XSD + "float"}


def _series(values: list[Any]) -> Any:
    """A typed pandas Series from one result column (see QueryResult.to_dataframe)."""
    import pandas as pd

    present = [v for v in values if v is not None]
    datatypes = {v.datatype.value for v in present if isinstance(v, ox.Literal)}
    all_literals = all(isinstance(v, ox.Literal) for v in present)
    if present and all_literals and len(datatypes) >= 1:
        if datatypes <= {XSD + "date"}:
            text = [None if v is None else v.value[:10] for v in values]
            return pd.Series(pd.to_datetime(text, format="%Y-%m-%d", errors="coerce"))
        if datatypes <= {XSD + "dateTime"}:
            return pd.Series(pd.to_datetime([None if v is None else v.value for v in values], errors="coerce"))
        if datatypes <= _INTEGER_TYPES:
            return pd.Series([None if v is None else int(v.value) for v in values], dtype="Int64")
        if datatypes <= _INTEGER_TYPES | _FLOAT_TYPES:
            return pd.Series([float("nan") if v is None else float(v.value) for v in values], dtype="float64")
        if datatypes <= {XSD + "boolean"}:
            return pd.Series([None if v is None else v.value in ("true", "1") for v in values], dtype="boolean")
    return pd.Series([_plain(v) for v in values], dtype=object)


def _plain(term: Any) -> str | None:
    """A term as a plain string: the IRI, `_:id` for a blank node, the lexical form of a literal."""
    if term is None:
        return None
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def shorten(term: Any) -> str:
    """A term for people: prefixed name for IRIs in a known namespace (country:USA), else the value."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        iri = term.value
        for prefix, namespace in PREFIXES.items():
            if iri.startswith(namespace) and re.fullmatch(r"[\w.-]*", iri[len(namespace) :]):
                return f"{prefix}:{iri[len(namespace) :]}"
        return f"<{iri}>"
    if isinstance(term, ox.Triple):
        return f"<< {shorten(term.subject)} {shorten(term.predicate)} {shorten(term.object)} >>"
    return _plain(term) or ""


def _format_table(columns: list[str], rows: list[tuple[Any, ...]], *, max_width: int) -> str:
    """Aligned plain-text columns; cells longer than `max_width` end in an ellipsis."""

    def cell(term: Any) -> str:
        text = " ".join(shorten(term).split())
        return text if len(text) <= max_width else text[: max_width - 1] + "…"

    cells = [[cell(v) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _csv_value(term: Any) -> str:
    return _plain(term) or ""


def _json_term(term: Any) -> dict[str, str]:
    """A term in the SPARQL 1.1 Query Results JSON format."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD + "string":
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": str(term)}


# --------------------------------------------------------------------------------------------- query


#: Limits checked before a query is parsed: deeper nesting crashed the parser with a stack overflow, and
#: no question about a stance graph needs a query of this size.
MAX_QUERY_BYTES = 100_000
MAX_QUERY_DEPTH = 200
#: Operator characters (| & + - * / = < > !) outside strings, IRIs and names: Oxigraph's server overflowed
#: its stack on a filter of 11,000 `1=1 ||` (77 KB, under the size limit) and died; 8,000 still ran.
MAX_QUERY_OPERATORS = 4_000


def _check_size(where: str, text: str) -> None:
    """Refuse a query too large or too deeply nested to parse safely (a QueryError naming the limit)."""
    size = len(text.encode("utf-8"))
    if size > MAX_QUERY_BYTES:
        raise QueryError(f"{where} is {size:,} bytes, over the limit of {MAX_QUERY_BYTES:,}; write a shorter query")
    depth = deepest = 0
    for char in text:
        if char in "{(":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "})":
            depth -= 1
    if deepest > MAX_QUERY_DEPTH:
        raise QueryError(f"{where} nests braces and parentheses {deepest} deep, over the limit of "
                         f"{MAX_QUERY_DEPTH}; write a flatter query")
    operators = sum(1 for m in _TOKEN.finditer(text) if m.lastgroup == "other" and m.group() in "|&+-*/=<>!")
    if operators > MAX_QUERY_OPERATORS:
        raise QueryError(f"{where} has {operators:,} operator characters, over the limit of "
                         f"{MAX_QUERY_OPERATORS:,}; write a shorter expression (VALUES or IN, not long || chains)")


def check_query(text: str, where: str = "the query", *, allow_network: bool = False,
                refused: str = "refused unless allow_network=True (CLI: --allow-network)") -> _Check:
    """The checks every query passes before an engine sees it (`query` and the `serve` endpoint): size and
    nesting depth, no SPARQL UPDATE, and no SERVICE or FROM <http...> unless `allow_network`. Raises
    QueryError naming the problem; `refused` ends the message about a network clause."""
    _check_size(where, text)
    checked = _check(text)
    if checked.update:
        raise QueryError(f"{where} is a SPARQL UPDATE; `query` only reads and never runs updates")
    if checked.network and not allow_network:
        raise QueryError(f"{where} reaches outside the local graph ({'; '.join(checked.network)}); {refused}")
    return checked


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
