"""The whole pipeline in one call: articles -> events -> triples -> store -> analysis -> views.

`build()` reads the inputs, extracts events and entities, turns them into RDF, and writes into the output
folder (default `build/`):

    events.csv, entities.csv      one row per event mention / named actor (the `extract` contract)
    graph.ttl, graph.nt           the graph as Turtle and N-Triples
    graph.jsonld                  the graph as JSON-LD
    store/                        the graph in an on-disk Oxigraph store, for fast SPARQL
    stances.csv, graph.gexf, graph.graphml   stance scores and network exports
    graph.html                    the interactive view

Every file is written to a temporary name and renamed into place, so an interrupted build leaves the
previous outputs intact. Building the same inputs twice gives the same graph.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from graph.extract import DocumentResult, entities_csv, events_csv, extract
from graph.outputs import atomic_write_bytes, atomic_write_text
from graph.rdf import serialize, to_triples

DEFAULT_OUT = Path("build")


@dataclass
class BuildResult:
    """What a build read, skipped and wrote."""

    out: Path
    documents: int = 0
    events: int = 0
    triples: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  #: (source, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)  #: (source, what was repaired)
    outputs: dict[str, Path] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """False when some input could not be read (the CLI then exits with status 1)."""
        return not self.skipped


def run_extraction(inputs: Iterable[str | Path], *, jobs: int = 1, progress: bool = False) -> list[DocumentResult]:
    """Extract every input, keeping skipped documents so they are reported and recorded."""
    return list(extract(inputs, jobs=jobs, progress=progress))


def build(inputs: Iterable[str | Path] = ("corpus",), *, out: str | Path = DEFAULT_OUT, focus: str = "USA",
          jobs: int = 1, progress: bool = False, views: bool = True) -> BuildResult:
    """Run the pipeline on `inputs` and write every output into `out`.

    `views=False` stops after the graph and the store (no analysis, no HTML), for quick rebuilds.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    results = run_extraction(inputs, jobs=jobs, progress=progress)
    result = BuildResult(out=out, documents=len(results))
    for item in results:
        document = item.document
        if document.skipped:
            result.skipped.append((document.source, document.skipped))
        for warning in document.warnings:
            result.warnings.append((document.source, warning))
    events = [event for item in results for event in item.events]
    entities = [entity for item in results for entity in item.entities]
    result.events = len(events)

    outputs = result.outputs
    outputs["events.csv"] = atomic_write_text(out / "events.csv", events_csv(events))
    outputs["entities.csv"] = atomic_write_text(out / "entities.csv", entities_csv(entities))
    triples = to_triples(results)
    result.triples = len(triples)
    outputs["graph.nt"] = atomic_write_bytes(out / "graph.nt", serialize(triples, "nt"))
    outputs["graph.ttl"] = atomic_write_bytes(out / "graph.ttl", serialize(triples, "turtle"))
    outputs["graph.jsonld"] = atomic_write_bytes(out / "graph.jsonld", serialize(triples, "jsonld"))

    from graph.store import open_store, persist_store

    persist_store(outputs["graph.nt"], out / "store")
    outputs["store"] = out / "store"
    if views:
        from graph.analyze import write_analysis
        from graph.render import write_html

        store = open_store(out / "store")
        outputs.update(write_analysis(store, out, focus=focus))
        outputs["graph.html"] = write_html(store, out / "graph.html", focus=focus)
        del store
    return result
