"""GEXF and GraphML files of the actor graph, written as text: the same bytes as networkx's writers.

networkx builds an XML tree of every node, edge and attribute and then serialises it (GEXF through
ElementTree, GraphML through lxml); for the 9,000 events of a 20,000-article corpus that takes a second,
most of the analysis stage of a rebuild that adds a few articles. The graphs written here are simple:
every attribute is a string, an integer, a float or a boolean (`graph.analyze.exportable`), so each node
and edge is one formatted string. The output is byte for byte what `networkx.write_gexf` and
`networkx.write_graphml` write (tests/test_exports.py holds them together on real graphs and awkward
text); a graph outside that simple shape (other value types, reserved attribute names such as GEXF's
`viz` or `start`, no node or no edge, text XML cannot hold, identifiers that need more than the common
escapes) is handed to networkx.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import networkx as nx

#: Python types a value may have on the fast path, with their GEXF and GraphML type names (networkx's).
_GEXF_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}
_GRAPHML_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}
#: Attribute names networkx's GEXF writer turns into XML attributes or elements of their own.
_GEXF_NODE_RESERVED = frozenset({"id", "pid", "start", "end", "parents", "spells", "slices", "viz"})
_GEXF_EDGE_RESERVED = frozenset({"id", "key", "label", "type", "start", "end", "spells", "slices", "viz"})
#: Characters XML 1.0 cannot hold (lxml refuses them; the fast path leaves such graphs to networkx).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: Characters lxml escapes in attribute values other than & < > (identifiers holding them go to networkx).
_LXML_ATTRIBUTE_SPECIAL = re.compile('["\t\n\r]')
#: Characters escaped in attribute values (ElementTree) and in element text (lxml).
_ATTRIBUTE_SPECIAL = re.compile('[&<>"\t\n\r]')
_TEXT_SPECIAL = re.compile("[&<>\r]")


class _Unsupported(Exception):
    """The graph is not of the simple shape written here: networkx writes it."""


def _checked(value: object) -> object:
    """`value` when its type is one the fast path writes, else `_Unsupported`."""
    if type(value) not in _GEXF_TYPES:
        raise _Unsupported
    return value


#: What ElementTree escapes in an attribute value (`xml.etree.ElementTree._escape_attrib`), in its order.
_ATTRIBUTE_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("\r", "&#13;"),
                      ("\n", "&#10;"), ("\t", "&#09;"))
#: What lxml escapes in element text: & < > and a carriage return.
_TEXT_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\r", "&#13;"))


def _replaced(text: str, escapes: tuple[tuple[str, str], ...]) -> str:
    """`text` with each character of `escapes` replaced in turn (a test before each keeps the common case of
    nothing to escape cheap)."""
    for character, escape in escapes:
        if character in text:
            text = text.replace(character, escape)
    return text


def _escape_attribute(text: str) -> str:
    """An attribute value as ElementTree escapes it."""
    return _replaced(text, _ATTRIBUTE_ESCAPES)


def _escape_text(text: str) -> str:
    """Element text as lxml escapes it."""
    return _replaced(text, _TEXT_ESCAPES)


def _lxml_attribute(text: str) -> str:
    """An identifier as an lxml attribute value; `_Unsupported` for one needing escapes beyond & < >."""
    if _LXML_ATTRIBUTE_SPECIAL.search(text):
        raise _Unsupported
    return _escape_attribute(text)


def _gexf_value(value: object) -> str:
    """An attribute value as networkx's GEXF writer writes it (booleans in lower case, INF and NaN)."""
    if type(value) is bool:
        return "true" if value else "false"
    text = str(value)
    if type(value) is float:
        text = {"inf": "INF", "nan": "NaN", "-inf": "-INF"}.get(text, text)
    return _escape_attribute(text)


def _check_graph(G: nx.Graph) -> None:
    """`_Unsupported` unless `G` has nodes and edges and no graph-level settings the writers treat apart."""
    if not G.number_of_nodes() or not G.number_of_edges():
        raise _Unsupported
    if {"id", "mode", "node_default", "edge_default"} & set(G.graph) or type(G.graph.get("name", "")) is not str:
        raise _Unsupported


def _edges(G: nx.Graph) -> Iterator[tuple[object, object, object, dict]]:
    """(u, v, key, data) in networkx's order; the key is None in a graph that is not a multigraph."""
    if G.is_multigraph():
        yield from G.edges(keys=True, data=True)
    else:
        for u, v, data in G.edges(data=True):
            yield u, v, None, data


# ------------------------------------------------------------------------------------------------------ GEXF
def gexf_text(G: nx.Graph) -> str:
    """The GEXF 1.2 text `networkx.write_gexf(G)` writes; `_Unsupported` for a graph outside the simple shape."""
    _check_graph(G)
    ids: dict[str, dict[str, str]] = {"node": {}, "edge": {}}  # title -> attribute id, per class
    declared: dict[str, list[str]] = {"node": [], "edge": []}

    def attribute_id(kind: str, title: str, value: object) -> str:
        found = ids[kind].get(title)
        if found is None:
            found = ids[kind][title] = str(len(ids["node"]) + len(ids["edge"]))
            declared[kind].append(f'      <attribute id="{found}" title="{_escape_attribute(title)}" '
                                  f'type="{_GEXF_TYPES[type(value)]}" />\n')
        return found

    def attvalues(kind: str, data: dict, indent: str) -> str:
        rows = [f"{indent}<attvalues>\n"]
        known = ids[kind]
        for k, v in data.items():
            kind_of = type(v)
            if kind_of is str:
                text = _escape_attribute(v) if _ATTRIBUTE_SPECIAL.search(v) else v
            elif kind_of is int or kind_of is float or kind_of is bool:
                text = _gexf_value(v)
            else:
                raise _Unsupported
            found = known.get(k) if type(k) is str else None
            rows.append(f'{indent}  <attvalue for="{found or attribute_id(kind, str(k), v)}" value="{text}" />\n')
        rows.append(f"{indent}</attvalues>\n")
        return "".join(rows)

    nodes = []
    for node, data in G.nodes(data=True):
        if _GEXF_NODE_RESERVED & data.keys():
            raise _Unsupported
        rest = {k: v for k, v in data.items() if k != "label"}
        label = _escape_attribute(str(data.get("label", node)))
        head = f'      <node id="{_escape_attribute(str(node))}" label="{label}"'
        nodes.append(f"{head}>\n{attvalues('node', rest, '        ')}      </node>\n" if rest else f"{head} />\n")
    edges = []
    multigraph = G.is_multigraph()
    for index, (u, v, key, data) in enumerate(_edges(G)):
        if _GEXF_EDGE_RESERVED & data.keys():
            raise _Unsupported
        rest = {k: val for k, val in data.items() if k != "weight"}
        if multigraph:
            rest["networkx_key"] = key
        weight = f' weight="{_escape_attribute(str(data["weight"]))}"' if "weight" in data else ""
        head = (f'      <edge source="{_escape_attribute(str(u))}" target="{_escape_attribute(str(v))}" '
                f'id="{index}"{weight}')
        edges.append(f"{head}>\n{attvalues('edge', rest, '        ')}      </edge>\n" if rest else f"{head} />\n")
    classes = [kind for kind in ("edge", "node") if declared[kind]]  # networkx inserts each class first
    attributes = "".join(f'    <attributes mode="static" class="{kind}">\n{"".join(declared[kind])}    </attributes>\n'
                         for kind in classes)
    return ("<?xml version='1.0' encoding='utf-8'?>\n"
            '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n'
            f'  <meta lastmodifieddate="{time.strftime("%Y-%m-%d")}">\n'
            f"    <creator>NetworkX {nx.__version__}</creator>\n"
            "  </meta>\n"
            f'  <graph defaultedgetype="{"directed" if G.is_directed() else "undirected"}" mode="static" '
            f'name="{_escape_attribute(str(G.graph.get("name", "")))}">\n'
            f"{attributes}    <nodes>\n{''.join(nodes)}    </nodes>\n    <edges>\n{''.join(edges)}    </edges>\n"
            "  </graph>\n</gexf>\n")


def write_gexf(G: nx.Graph, path: Path) -> None:
    """Write `G` as `networkx.write_gexf` does, as text when the graph is of the simple shape."""
    try:
        text = gexf_text(G)
    except _Unsupported:
        nx.write_gexf(G, path)
        return
    Path(path).write_bytes(text.encode("utf-8", "xmlcharrefreplace"))


# --------------------------------------------------------------------------------------------------- GraphML
def graphml_text(G: nx.Graph) -> str:
    """The GraphML text `networkx.write_graphml(G)` (its lxml writer) writes; `_Unsupported` for a graph outside
    the simple shape."""
    _check_graph(G)
    keys: dict[tuple[str, str, str], str] = {}  # (name, type, scope) -> key id, in the order networkx makes them
    declared: list[str] = []

    def key_of(name: str, value: object, scope: str) -> str:
        kind = _GRAPHML_TYPES[type(_checked(value))]
        found = keys.get((name, kind, scope))
        if found is None:
            found = keys[(name, kind, scope)] = f"d{len(keys)}"
            declared.append(f'<key id="{found}" for="{scope}" attr.name="{_lxml_attribute(name)}" '
                            f'attr.type="{kind}"/>\n')
        return found

    def data_rows(scope: str, data: dict, indent: str) -> str:
        rows = []
        for k, v in data.items():
            kind_of = type(v)
            found = keys.get((k, _GRAPHML_TYPES.get(kind_of), scope)) if type(k) is str else None
            if found is None:
                found = key_of(str(k), v, scope)
            text = v if kind_of is str else str(v)
            if _TEXT_SPECIAL.search(text):
                text = _escape_text(text)
            rows.append(f'{indent}<data key="{found}">{text}</data>\n')
        return "".join(rows)

    graph_data = data_rows("graph", dict(G.graph), "")
    nodes = []
    for node, data in G.nodes(data=True):
        head = f'<node id="{_lxml_attribute(str(node))}"'
        nodes.append(f"{head}>\n{data_rows('node', data, '  ')}</node>\n" if data else f"{head}/>\n")
    edges = []
    for u, v, key, data in _edges(G):
        ident = f' id="{_lxml_attribute(str(key))}"' if G.is_multigraph() else ""
        head = f'<edge source="{_lxml_attribute(str(u))}" target="{_lxml_attribute(str(v))}"{ident}'
        edges.append(f"{head}>\n{data_rows('edge', data, '  ')}</edge>\n" if data else f"{head}/>\n")
    text = ("<?xml version='1.0' encoding='utf-8'?>\n"
            '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
            'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">'
            f"{''.join(reversed(declared))}"
            f'<graph edgedefault="{"directed" if G.is_directed() else "undirected"}">'
            f"{graph_data}{''.join(nodes)}{''.join(edges)}</graph></graphml>")
    if _NOT_XML.search(text):  # lxml refuses these: let networkx say so
        raise _Unsupported
    return text


def write_graphml(G: nx.Graph, path: Path) -> None:
    """Write `G` as `networkx.write_graphml` does, as text when the graph is of the simple shape."""
    try:
        text = graphml_text(G)
    except _Unsupported:
        nx.write_graphml(G, path)
        return
    Path(path).write_bytes(text.encode("utf-8"))
