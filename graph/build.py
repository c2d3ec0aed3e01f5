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

import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from graph.extract import DocumentResult, entities_csv, events_csv, extract
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

    Everything is first written into a staging folder inside `out`; only when every stage has succeeded are
    the files moved over the previous ones (each move an atomic rename). A failure or Ctrl-C at any stage
    leaves the previous outputs as they were. `views=False` stops after the graph and the store (no
    analysis, no HTML) and removes the previous views, which would no longer match the graph.
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

    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out))
    try:
        staged = _write_outputs(staging, results, events, entities, result, focus=focus, views=views)
        for name in staged:
            _replace(staging / name, out / name)
            result.outputs[name] = out / name
        if not views:
            for name in VIEW_FILES:
                (out / name).unlink(missing_ok=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return result


#: Outputs of the analysis and view stages, removed by a build without views so none goes stale.
VIEW_FILES = ("stances.csv", "graph.gexf", "graph.graphml", "graph.html")


def _write_outputs(folder: Path, results: list[DocumentResult], events: list, entities: list,
                   result: BuildResult, *, focus: str, views: bool) -> list[str]:
    """Write every output into `folder`; return their names in the order they should be published."""
    (folder / "events.csv").write_text(events_csv(events), encoding="utf-8")
    (folder / "entities.csv").write_text(entities_csv(entities), encoding="utf-8")
    triples = to_triples(results)
    result.triples = len(triples)
    (folder / "graph.nt").write_bytes(serialize(triples, "nt"))
    (folder / "graph.ttl").write_bytes(serialize(triples, "turtle"))
    (folder / "graph.jsonld").write_bytes(serialize(triples, "jsonld"))
    names = ["events.csv", "entities.csv", "graph.nt", "graph.ttl", "graph.jsonld"]

    from graph.store import open_store, persist_store

    persist_store(folder / "graph.nt", folder / "store")
    if views:
        from graph.analyze import write_analysis
        from graph.render import write_html

        store = open_store(folder / "store")
        written = write_analysis(store, folder, focus=focus)
        write_html(store, folder / "graph.html", focus=focus)
        del store
        names += [Path(path).name for path in written.values()] + ["graph.html"]
    return names + ["store"]


def _replace(new: Path, path: Path) -> None:
    """Move a staged file or folder over the published one."""
    if new.is_dir():
        old = path.with_name(f".{path.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        if path.exists():
            os.replace(path, old)
        os.replace(new, path)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(new, path)
