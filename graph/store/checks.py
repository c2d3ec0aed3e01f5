"""Checks made before a query runs: syntax with a line and column, size and nesting limits, refused features.

One set of checks serves `stancegraph query` and `stancegraph serve`: SPARQL UPDATE is never run, SERVICE
and FROM <http...> are refused unless the network is allowed, and a query too large or too deeply nested
is refused before the parser sees it, so hostile text cannot exhaust the process.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from graph.store.persist import PREFIXES

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


# ---------------------------------------------------------------------------------------- query size


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
