"""stancegraph: news reporting about how countries stand toward each other, as an RDF knowledge graph.

The pipeline, one module per stage:

    documents (text) -> actors (mentions) -> extract (events) -> rdf (triples) -> store -> analyze -> render

The names below are the public API that the command line, the notebooks and the tests use. They are loaded
on first use, so `import graph` stays quick and the command line does not pay for pandas or networkx
unless a command needs them. Three stages share their name with their module (`graph.build`,
`graph.extract`, `graph.validate` are modules), so their entry functions are exported as `build_graph`,
`extract_events` and `validate_graph`.

>>> import graph
>>> sorted(graph.relations())[:3]
['acceptsDeportees', 'accuses', 'agreesToCooperate']
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS: dict[str, str | tuple[str, str]] = {
    # text, mentions and events
    "read_documents": "graph.documents",
    "read_document": "graph.documents",
    "find_actors": "graph.actors",
    "knowledge_base": "graph.actors",
    "extract_events": ("graph.extract", "extract"),
    "extract_document": "graph.extract",
    "events_csv": "graph.extract",
    "entities_csv": "graph.extract",
    # triples and the whole pipeline
    "to_triples": "graph.rdf",
    "merge_events": "graph.rdf",
    "build_graph": ("graph.build", "build"),
    "BuildResult": "graph.build",
    "relations": "graph.ontology",
    "validate_graph": ("graph.validate", "validate"),
    # store and SPARQL
    "open_store": "graph.store",
    "to_rdflib": "graph.store",
    "named_queries": "graph.store",
    "query": "graph.store",
    "query_df": "graph.store",
    "serve": "graph.store",
    "start_server": "graph.store",
    "push": "graph.store",
    # analysis and views
    "load_events": "graph.analyze",
    "stances": "graph.analyze",
    "stance_changes": "graph.analyze",
    "stance_panel": "graph.analyze",
    "actor_graph": "graph.analyze",
    "country_graph": "graph.analyze",
    "signed_graph": "graph.analyze",
    "centrality": "graph.analyze",
    "communities": "graph.analyze",
    "structural_balance": "graph.analyze",
    "summary": "graph.analyze",
    "load_scoring": "graph.analyze",
    "shorten": "graph.store",
    "score_events": "graph.evaluate",
    "score_people": "graph.evaluate",
    "relation_scores": "graph.evaluate",
    "judge_events": "graph.evaluate",
    "write_sentence_set": "graph.evaluate",
    "render_html": "graph.render",
    "render_events": "graph.render",
    "write_html": "graph.render",
    "to_pyvis": "graph.render",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    """Import the module that defines a public name the first time the name is used."""
    where = _EXPORTS.get(name)
    if where is None:
        raise AttributeError(f"module 'graph' has no attribute {name!r}")
    module, attribute = where if isinstance(where, tuple) else (where, name)
    value = getattr(import_module(module), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
