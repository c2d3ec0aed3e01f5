"""Query answers in memory and as text: the table, CSV, TSV and JSON forms of a result.

`QueryResult` holds the rows of a SELECT, the answer of an ASK or the triples of a CONSTRUCT/DESCRIBE,
materialised so that the store can be closed. It writes them in the W3C result formats with full values,
or as a table whose IRIs are shortened with the model's prefixes (`shorten`) and whose long cells are
cut, for reading in a terminal; typed literals become typed pandas columns.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from graph.ontology import XSD
from graph.store.checks import QueryError
from graph.store.persist import PREFIXES

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
