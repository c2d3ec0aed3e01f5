"""Ontology documentation: takes the ontology Turtle files, gives one self-contained HTML page.

``python -m graph.docs OUT.html`` renders the ontology with pyLODE (the ``docs`` extra) and adds a table of
the stance relations with their polarity, weight and CAMEO/PLOVER alignment, which pyLODE does not show.
Without pyLODE, or if it fails, a small built-in renderer writes the same content from the ontology graph.
Everything is generated offline from the files in ``ontology/``; all text is HTML-escaped.

Exit codes: 0 written, 1 the page could not be generated, 2 usage errors (bad arguments, unwritable path).
"""

from __future__ import annotations

import argparse
import html
import logging
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from string import Template

import rdflib
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from graph.ontology import CAMEO, ONTOLOGY_IRI, PLOVER, PREFIXES, SG, ontology_graph, relations, shorten

PAGE_TEMPLATE = Path(__file__).parent / "data" / "ontology_docs.html"
RELATIONS_TEMPLATE = Path(__file__).parent / "data" / "ontology_relations.html"
DCTERMS = rdflib.Namespace("http://purl.org/dc/terms/")


class DocsError(RuntimeError):
    """The documentation page could not be generated."""


def _text(graph: rdflib.Graph, node: rdflib.term.Node, *predicates: rdflib.URIRef) -> str:
    """First value of the first predicate that has one (English preferred), as plain text."""
    for predicate in predicates:
        values = list(graph.objects(node, predicate))
        english = [v for v in values if isinstance(v, rdflib.Literal) and v.language == "en"]
        if english or values:
            return str((english or values)[0])
    return ""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _signed(number: float, spec: str) -> str:
    """``+5.0``, ``-4.0`` and a plain ``0`` / ``0.0`` for neutral values."""
    return format(number, spec) if number == 0 else format(number, "+" + spec)


def _template(path: Path) -> Template:
    try:
        return Template(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DocsError(f"{path}: cannot read the page template: {exc}") from exc


def relations_section(graph: rdflib.Graph | None = None) -> str:
    """HTML section with one row per stance relation: polarity, weight, symmetry, CAMEO and PLOVER."""
    graph = graph if graph is not None else ontology_graph()
    rows = []
    for rel in relations().values():
        cameo_label = _text(graph, rdflib.URIRef(CAMEO + rel.cameo), SKOS.prefLabel, RDFS.label)
        plover_label = _text(graph, rdflib.URIRef(PLOVER + rel.plover), SKOS.prefLabel, RDFS.label)
        rows.append(
            "<tr>"
            f'<td><a href="#{_e(rel.name)}"><code>sg:{_e(rel.name)}</code></a></td>'
            f"<td>{_e(rel.label)}</td>"
            f'<td class="num">{_signed(rel.polarity, "d")}</td>'
            f'<td class="num">{_signed(rel.weight, ".1f")}</td>'
            f"<td>{'yes' if rel.symmetric else ''}</td>"
            f"<td><code>{_e(rel.cameo)}</code> {_e(cameo_label)}</td>"
            f"<td><code>{_e(rel.plover)}</code> {_e(plover_label)}</td>"
            f"<td>{_e(rel.definition)}</td>"
            "</tr>"
        )
    return _template(RELATIONS_TEMPLATE).substitute(rows="\n".join(rows))


def _docs_graph() -> rdflib.Graph:
    """The ontology prepared for pyLODE: one ontology header, concept schemes not treated as headers.

    pyLODE merges the titles of every owl:Ontology and skos:ConceptScheme into the page heading; the
    other modules' headers (e.g. scoring.ttl) and the concept schemes are documented in the sections.
    """
    graph = rdflib.Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    graph += ontology_graph()
    main = rdflib.URIRef(ONTOLOGY_IRI)
    for header in list(graph.subjects(RDF.type, OWL.Ontology)):
        if header != main:
            graph.remove((header, RDF.type, OWL.Ontology))
    graph.remove((None, RDF.type, SKOS.ConceptScheme))
    return graph


def render_pylode() -> str:
    """The pyLODE page with the stance relations section inserted before the classes."""
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    try:
        from pylode import OntPub
    except Exception as exc:  # pyLODE missing or broken on import (3.4.1 reads a file its wheel lacks)
        raise DocsError(
            f"pyLODE is not usable ({exc}); install it with: pip install 'stancegraph[docs]'"
        ) from exc
    finally:
        # Importing pyLODE sets the root logger to DEBUG with its own handler; undo that.
        root.setLevel(level)
        for handler in [h for h in root.handlers if h not in handlers]:
            root.removeHandler(handler)
    try:
        page = OntPub(ontology=_docs_graph(), sort_subjects=True).make_html()
    except Exception as exc:
        raise DocsError(f"pyLODE failed: {exc}") from exc
    section = relations_section()
    marker = '<div class="section" id="classes">'
    if marker in page:
        page = page.replace(marker, section + marker, 1)
    else:
        page = page.replace("</body>", section + "</body>", 1)
    toc_marker = '<a href="#classes">Classes</a>'
    toc_entry = '<a href="#stance-relations">Stance relations</a>'
    if toc_marker in page:
        page = page.replace(toc_marker, toc_entry + "</h4></li><li><h4>" + toc_marker, 1)
    return page


def _sorted_terms(graph: rdflib.Graph, kind: rdflib.URIRef, exclude: Iterable[rdflib.term.Node] = ()) -> list:
    skip = set(exclude)
    terms = {t for t in graph.subjects(RDF.type, kind) if isinstance(t, rdflib.URIRef) and t not in skip}
    return sorted(terms, key=lambda t: shorten(str(t)).lower())


def _names(graph: rdflib.Graph, node: rdflib.term.Node, predicate: rdflib.URIRef) -> str:
    """Comma-separated prefixed names of the objects; unions render as 'A or B'."""
    parts = []
    for value in graph.objects(node, predicate):
        members = graph.value(value, OWL.unionOf)
        if members is not None:
            parts.append(" or ".join(shorten(str(m)) for m in Collection(graph, members)))
        elif isinstance(value, rdflib.URIRef):
            parts.append(shorten(str(value)))
    return ", ".join(sorted(parts))


def _term_blocks(graph: rdflib.Graph, terms: Sequence[rdflib.URIRef], *, classes: bool = False) -> str:
    blocks = []
    for term in terms:
        name = shorten(str(term))
        anchor = str(term).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        facts = []
        if classes:
            facts.append(("Subclass of", _names(graph, term, RDFS.subClassOf)))
        else:
            facts.append(("Subproperty of", _names(graph, term, RDFS.subPropertyOf)))
            facts.append(("Domain", _names(graph, term, RDFS.domain)))
            facts.append(("Range", _names(graph, term, RDFS.range)))
        details = "".join(f"<br>{_e(label)}: <code>{_e(value)}</code>" for label, value in facts if value)
        blocks.append(
            f'<div class="term" id="{_e(anchor)}"><h3>{_e(_text(graph, term, RDFS.label) or name)}</h3>'
            f'<p class="meta"><code>{_e(name)}</code>{details}</p>'
            f"<p>{_e(_text(graph, term, SKOS.definition, RDFS.comment))}</p></div>"
        )
    return "\n".join(blocks)


def render_builtin() -> str:
    """A plain page written straight from the ontology graph, for when pyLODE is unavailable."""
    graph = ontology_graph()
    main = rdflib.URIRef(ONTOLOGY_IRI)
    relation_iris = [rdflib.URIRef(r.iri) for r in relations().values()]
    modes = sorted(graph.subjects(RDF.type, rdflib.URIRef(SG + "Mode")), key=str)
    return _template(PAGE_TEMPLATE).substitute(
        title=_e(_text(graph, main, DCTERMS.title) or "stancegraph ontology"),
        iri=_e(ONTOLOGY_IRI),
        version=_e(_text(graph, main, OWL.versionInfo)),
        license=_e(_text(graph, main, DCTERMS.license)),
        description=_e(" ".join(_text(graph, main, DCTERMS.description).split())),
        relations=relations_section(graph),
        classes=_term_blocks(graph, _sorted_terms(graph, OWL.Class), classes=True),
        object_properties=_term_blocks(
            graph, relation_iris + _sorted_terms(graph, OWL.ObjectProperty, relation_iris)
        ),
        datatype_properties=_term_blocks(graph, _sorted_terms(graph, OWL.DatatypeProperty)),
        modes=_term_blocks(graph, modes),
    )


def render(engine: str = "auto") -> str:
    """The documentation page as HTML.

    ``engine`` is ``pylode``, ``builtin``, or ``auto``: pyLODE, falling back to the built-in renderer.
    """
    if engine == "builtin":
        return render_builtin()
    if engine == "pylode":
        return render_pylode()
    try:
        return render_pylode()
    except DocsError as exc:
        print(f"graph.docs: {exc}; writing the built-in page instead", file=sys.stderr)
        return render_builtin()


def write_docs(out: Path | str, *, engine: str = "auto") -> Path:
    """Render the documentation and write it to ``out`` (parent folders are created); returns the path."""
    out = Path(out)
    page = render(engine)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(out)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m graph.docs",
        description="Write the stancegraph ontology documentation as one HTML page (offline).",
    )
    parser.add_argument("out", help="HTML file to write, e.g. build/ontology.html")
    parser.add_argument(
        "--engine",
        choices=("auto", "pylode", "builtin"),
        default="auto",
        help="pyLODE, the built-in renderer, or pyLODE falling back to the built-in one (default)",
    )
    args = parser.parse_args(argv)
    try:
        path = write_docs(args.out, engine=args.engine)
    except DocsError as exc:
        print(f"graph.docs: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"graph.docs: cannot write {args.out}: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
