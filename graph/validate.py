"""SHACL validation of a stancegraph graph: takes a graph file, a build folder or an rdflib graph, gives a
:class:`ValidationResult` with readable violation records and a plain-text report.

The shapes are ``ontology/shapes.ttl``; the ontology (``ontology/*.ttl``) is mixed into the data before
checking so that class constraints see the relation, mode and subclass declarations. Files are parsed with
Oxigraph, which is fast and reports the line and column of a syntax error; a missing or corrupt file raises
:class:`GraphFileError` naming the file and the position.

Examples
--------
>>> result = validate("build/graph.ttl")        # doctest: +SKIP
>>> result.conforms, len(result.violations)     # doctest: +SKIP
(True, 0)
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib.collection import Collection

from graph.ontology import PREFIXES, XSD, ontology_graph, shapes_file, shorten

__all__ = ["GraphFileError", "ValidationResult", "Violation", "read_graph", "resolve_graph_path", "validate"]

SH = "http://www.w3.org/ns/shacl#"
SHAPES_NS = "https://w3id.org/stancegraph/shapes#"
REPORT_PREFIXES = {**PREFIXES, "sh": SH, "sgsh": SHAPES_NS}
GRAPH_FILE = "graph.ttl"

# File suffixes Oxigraph can parse; quad formats are read into one default graph.
_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".turtle": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".n3": ox.RdfFormat.N3,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
}
_XSD_STRING = XSD + "string"
_POSITION = re.compile(r"^Parser error (?:at|between) [^:]*: ")
_VALUE_LIMIT = 80
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


class GraphFileError(Exception):
    """A graph or shapes file is missing, unreadable or not valid RDF.

    ``path`` is the file, ``line`` and ``column`` (1-based) the position of a syntax error when known.
    """

    def __init__(self, path: Path | str, reason: str, *, line: int | None = None, column: int | None = None):
        self.path = Path(path)
        self.reason = reason
        self.line = line
        self.column = column
        where = str(self.path)
        if line is not None:
            where += f": line {line}" + (f", column {column}" if column is not None else "")
        super().__init__(f"{where}: {reason}")


@dataclass(frozen=True)
class Violation:
    """One SHACL result, with nodes shortened to prefixed names (``event:0123…``, ``sg:confidence``)."""

    focus: str
    path: str
    message: str
    value: str
    shape: str
    component: str
    severity: str = "Violation"

    def line(self) -> str:
        """One report line: focus node, path and value, message, constraint component."""
        subject = f"{self.focus} {self.path}".rstrip()
        if self.value:
            subject += f" = {self.value}"
        return f"{subject}: {self.message} [{self.component}]"


@dataclass
class ValidationResult:
    """Outcome of :func:`validate`: whether the data conforms, and every violation found."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    source: str = "graph"
    triples: int = 0

    def counts(self) -> dict[str, int]:
        """Number of violations per shape, most frequent first (ties by shape name)."""
        counter = Counter(v.shape for v in self.violations)
        return dict(sorted(counter.items(), key=lambda item: (-item[1], item[0])))

    def report(self) -> str:
        """Human-readable report: a headline, the violations grouped by shape (one per line), a summary."""
        if self.conforms and not self.violations:
            return f"{self.source}: conforms ({self.triples:,} triples checked, 0 violations)"
        counts = self.counts()
        lines = [
            f"{self.source}: {_plural(len(self.violations), 'violation')} of "
            f"{_plural(len(counts), 'shape')} ({self.triples:,} triples checked)"
        ]
        for shape, count in counts.items():
            lines.append("")
            lines.append(f"{shape} ({count})")
            members = sorted(
                (v for v in self.violations if v.shape == shape), key=lambda v: (v.focus, v.path)
            )
            lines.extend(f"  {v.line()}" for v in members)
        lines.append("")
        summary = ", ".join(f"{shape} {count}" for shape, count in counts.items())
        lines.append(f"{_plural(len(self.violations), 'violation')}: {summary}")
        return "\n".join(lines)


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" + ("" if count == 1 else "s")


def resolve_graph_path(path: Path | str) -> Path:
    """The graph file to read: ``path`` itself, or ``graph.ttl`` inside it when it is a build folder."""
    path = Path(path)
    if path.is_dir():
        inner = path / GRAPH_FILE
        if not inner.is_file():
            raise GraphFileError(inner, f"no {GRAPH_FILE} in this folder; run `stancegraph build` first")
        return inner
    if not path.exists():
        raise GraphFileError(path, "file not found")
    return path


def _rdflib_term(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> rdflib.term.Node:
    """Oxigraph term -> rdflib term; simple literals stay untyped, as rdflib's own parsers make them."""
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    if datatype == _XSD_STRING:
        return rdflib.Literal(term.value)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(datatype))


def read_graph(path: Path | str) -> rdflib.Graph:
    """Parse an RDF file (or a build folder's graph.ttl) into an rdflib graph.

    The format follows the suffix (Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML); named graphs
    are merged into one graph. Raises :class:`GraphFileError` with the line and column of a syntax error.
    """
    path = resolve_graph_path(path)
    rdf_format = _FORMATS.get(path.suffix.lower())
    if rdf_format is None:
        known = ", ".join(sorted(_FORMATS))
        raise GraphFileError(
            path, f"unknown RDF file type {path.suffix or '(no suffix)'!r}; use one of {known}"
        )
    graph = rdflib.Graph()
    for prefix, namespace in REPORT_PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    terms: dict[object, rdflib.term.Node] = {}

    def convert(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> rdflib.term.Node:
        # Graphs repeat the same IRIs and literals many times: convert each distinct term once.
        found = terms.get(term)
        if found is None:
            found = terms[term] = _rdflib_term(term)
        return found

    try:
        triples = [
            (convert(q.subject), convert(q.predicate), convert(q.object))
            for q in ox.parse(path=str(path), format=rdf_format)
        ]
    except SyntaxError as exc:
        reason = _POSITION.sub("", exc.msg or str(exc)) or "invalid RDF syntax"
        raise GraphFileError(path, reason, line=exc.lineno, column=exc.offset) from exc
    except (OSError, ValueError) as exc:
        raise GraphFileError(path, f"cannot read: {exc}") from exc
    graph.addN((s, p, o, graph) for s, p, o in triples)
    return graph


@cache
def _default_shapes() -> rdflib.Graph:
    return read_graph(shapes_file())


def _as_graph(data: Path | str | rdflib.Graph) -> tuple[rdflib.Graph, str, bool]:
    """The data graph, a name for reports, and whether the graph is a private copy we may add to."""
    if isinstance(data, rdflib.ConjunctiveGraph):  # also rdflib.Dataset: validate all its graphs as one
        merged = rdflib.Graph()
        merged.addN((s, p, o, merged) for s, p, o, _ in data.quads((None, None, None, None)))
        return merged, "graph", True
    if isinstance(data, rdflib.Graph):
        return data, "graph", False
    path = resolve_graph_path(data)
    return read_graph(path), str(path), True


def _escape(text: str) -> str:
    """Backslash-escape quotes and control or bidi characters, so article text stays on one report line."""
    text = text.replace("\\", "\\\\").replace('"', '\\"')
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def _node_text(node: rdflib.term.Node | None, graph: rdflib.Graph) -> str:
    """Short readable form of a node: prefixed name, ``_:id``, a path list joined by ``/``, or a literal."""
    if node is None:
        return ""
    if isinstance(node, rdflib.URIRef):
        return shorten(str(node), REPORT_PREFIXES)
    if isinstance(node, rdflib.BNode):
        if (node, rdflib.RDF.first, None) in graph:
            return "/".join(_node_text(item, graph) for item in Collection(graph, node))
        return f"_:{node}"
    if isinstance(node, rdflib.Literal):
        text = str(node)
        if len(text) > _VALUE_LIMIT:
            text = text[: _VALUE_LIMIT - 1] + "…"
        quoted = '"' + _escape(text) + '"'
        if node.language:
            return f"{quoted}@{node.language}"
        if node.datatype is not None:
            return f"{quoted}^^{shorten(str(node.datatype), REPORT_PREFIXES)}"
        return quoted
    return str(node)


def _violations(results: rdflib.Graph, shapes: rdflib.Graph) -> list[Violation]:
    sh = rdflib.Namespace(SH)
    found = []
    for result in results.subjects(rdflib.RDF.type, sh.ValidationResult):
        path = results.value(result, sh.resultPath)
        path_text = _node_text(path, results if (path, rdflib.RDF.first, None) in results else shapes)
        component = _node_text(results.value(result, sh.sourceConstraintComponent), results)
        message = results.value(result, sh.resultMessage)
        focus = results.value(result, sh.focusNode)
        value = results.value(result, sh.value)
        found.append(
            Violation(
                focus=_node_text(focus, results),
                path=path_text,
                message=str(message) if message is not None else "constraint not satisfied",
                # Node-level results repeat the focus node as the value; showing it twice adds nothing.
                value="" if value == focus else _node_text(value, results),
                shape=_node_text(results.value(result, sh.sourceShape), results),
                component=component.removeprefix("sh:").removesuffix("ConstraintComponent"),
                severity=_node_text(results.value(result, sh.resultSeverity), results).removeprefix("sh:"),
            )
        )
    return sorted(found, key=lambda v: (v.shape, v.focus, v.path, v.value))


def validate(
    data: Path | str | rdflib.Graph,
    *,
    shapes: Path | str | rdflib.Graph | None = None,
    ontology: bool = True,
) -> ValidationResult:
    """Check a stancegraph graph against the SHACL shapes.

    Parameters
    ----------
    data
        A graph file (Turtle, N-Triples, JSON-LD, ...), a build folder (its ``graph.ttl`` is used) or an
        rdflib graph (left unchanged).
    shapes
        Shapes file or graph; defaults to ``ontology/shapes.ttl``.
    ontology
        Mix the stancegraph ontology into the data before checking (default). Pass False only when the
        data already contains it: relation, mode and subclass checks depend on its declarations.

    Returns
    -------
    ValidationResult
        ``conforms`` and the list of violations; ``report()`` renders them.

    Raises
    ------
    GraphFileError
        The data or shapes file is missing or not valid RDF (the message names the file and line), or the
        data file holds no triples.
    """
    import pyshacl  # imported here: it is slow to import and only validation needs it

    data_graph, source, private = _as_graph(data)
    triples = len(data_graph)
    if triples == 0 and not isinstance(data, rdflib.Graph):
        # An empty graph meets every shape; saying it "conforms" passed a 0-byte graph.ttl as a good build.
        raise GraphFileError(source, "holds no triples, so there is nothing to check; build the graph again or "
                             "name another file")
    if shapes is None:
        shapes_graph = _default_shapes()
    elif isinstance(shapes, rdflib.Graph):
        shapes_graph = shapes
    else:
        shapes_graph = read_graph(shapes)
    added: list[tuple[rdflib.term.Node, rdflib.term.Node, rdflib.term.Node]] = []
    if ontology:
        # pySHACL's own ont_graph option copies only RDFS/OWL axioms into a clone of the data; the shapes
        # also need the sg:StanceRelation typing and relation polarities. Adding the ontology triples
        # here (and removing them afterwards from a caller's graph) avoids copying a large data graph.
        added = [triple for triple in ontology_graph() if triple not in data_graph]
        data_graph.addN((s, p, o, data_graph) for s, p, o in added)
    try:
        conforms, results, _ = pyshacl.validate(
            data_graph,
            shacl_graph=shapes_graph,
            inference="none",
            abort_on_first=False,
            allow_warnings=True,
            meta_shacl=False,
            advanced=False,
            inplace=True,
            debug=False,
        )
    finally:
        if not private:
            for triple in added:
                data_graph.remove(triple)
    violations = _violations(results, shapes_graph)
    return ValidationResult(conforms=bool(conforms), violations=violations, source=source, triples=triples)
