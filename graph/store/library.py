"""The named query library and parameter binding: `ontology/queries/*.rq` with their typed headers.

Each query file declares its name, what it answers and its parameters in `#` comment lines, so the
library documents itself (`stancegraph query --list`). A parameter value is turned into an RDF term of
its declared kind (`bind_param`) and substituted as a term (SEP-0007), never pasted into the text, so a
value can never become query syntax.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph import ontology
from graph.ontology import COUNTRY, SG, XSD
from graph.store.checks import QueryError
from graph.store.persist import PREFIXES

#: Parameter kinds a query header may declare, and how a value of each kind becomes an RDF term.
PARAM_KINDS = ("ISO3", "RELATION", "DATE", "INTEGER", "TEXT")

#: Kinds of parameters of ad-hoc queries (no `# params:` header) guessed from the variable name.
_IMPLICIT_KINDS = {"focus": "ISO3", "country": "ISO3", "relation": "RELATION"}


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
