"""The whole pipeline in one call: articles -> events -> triples -> store -> analysis -> views.

`build()` reads the inputs, extracts events and entities, turns them into RDF, and writes into the output
folder (default `build/`):

    events.csv, entities.csv      one row per event mention / named actor (the `extract` contract)
    graph.ttl, graph.nt           the graph as Turtle and N-Triples
    graph.jsonld                  the graph as JSON-LD
    store/                        the graph in an on-disk Oxigraph store, for fast SPARQL
    stances.csv, stance_changes.csv          stance scores, and the events where a label changed
    graph.gexf, graph.graphml     network exports
    graph.html                    the interactive view

A build writes a new generation of the folder and publishes it in one atomic step (graph/publish.py), so
an interrupted build leaves the previous outputs intact and readers never see a mix of two builds.
Building the same inputs twice gives the same graph.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from graph import incremental
from graph.analyze import CommunityMemo, check_focus, events_frame, load_events, node_table, write_analysis_of
from graph.assemble import (
    STATE,
    PreviousBuild,
    Stat,
    event_rows,
    read_inputs,
    save_event_rows,
    write_from_shards,
    write_outputs,
)
from graph.cache import CacheStats, ExtractionCache
from graph.corrections import Curation, apply, default_files, load
from graph.documents import read_documents
from graph.extract import DocumentResult, events_csv, extract_documents
from graph.extract.run import EXTRACTION_FAILED
from graph.incremental import Change, StoreCount
from graph.merge import ShardSummary, summarise
from graph.publish import claim, current_generation, discard, dropped_views, locked, new_generation, publish
from graph.rdf import event_keys, graph_parts
from graph.render import write_events_html
from graph.shards import extract_to_shards, merge_shards, read_results, shard_ids, triple_files
from graph.store import invalidated_events, open_store, persist_store

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
    cache: CacheStats = field(default_factory=CacheStats)  #: new, changed, unchanged, removed; time per stage
    corrections: list[Path] = field(default_factory=list)  #: the corrections files applied
    curation: Curation | None = None  #: what the corrections did, and their problems
    dropped: list[str] = field(default_factory=list)  #: views of the previous build this one has not drawn

    @property
    def ok(self) -> bool:
        """False when some input could not be read or a correction row was bad (the CLI then exits with
        status 1)."""
        return not self.skipped and not (self.curation is not None and self.curation.bad)


def run_extraction(inputs: Iterable[str | Path], *, jobs: int = 1, progress: bool = False,
                   columns: Mapping[str, str] | None = None, cache: ExtractionCache | None = None,
                   feeds: Iterable[str] = (), fetcher=None, previous: PreviousBuild | None = None,
                   stats: dict[str, Stat] | None = None) -> list[DocumentResult]:
    """Extract every input, keeping skipped documents so they are reported and recorded.

    With a `cache`, an article whose result is cached (same article, same extractor) is not extracted again.
    With the `previous` build's state, an article file unchanged on disk since then is not even read
    (graph/assemble/); `stats` receives how each file looked, for the next build.
    """
    if previous is None and stats is None:
        items = list(read_documents(inputs, columns=columns, feeds=feeds, fetcher=fetcher))
    else:
        items = list(read_inputs(list(inputs), previous, stats if stats is not None else {}, columns=columns,
                                 feeds=feeds, fetcher=fetcher))
    results: list[DocumentResult | None] = []
    for item in items:
        if isinstance(item, DocumentResult):
            if cache is not None:
                cache.note(item.document)
            results.append(item)
        else:
            results.append(cache.get(item) if cache is not None else None)
    documents = [item.document if isinstance(item, DocumentResult) else item for item in items]
    todo = [d for d, r in zip(documents, results, strict=True) if r is None]
    fresh = iter(extract_documents(todo, jobs=jobs, progress=progress))
    for index, result in enumerate(results):
        if result is None:
            results[index] = result = next(fresh)
            if cache is not None and not result.document.skipped.startswith(EXTRACTION_FAILED):
                cache.put(result)  # (a failure is tried again next time: the fault may be mended by then)
    return results  # type: ignore[return-value]


class NothingToBuild(ValueError):
    """No input could be read: the previous build is left as it was."""


def build(inputs: Iterable[str | Path] = ("corpus",), *, out: str | Path = DEFAULT_OUT, focus: str = "USA",
          jobs: int = 1, progress: bool = False, views: bool = True, wait: bool = True,
          on_wait: Callable[[], None] | None = None, columns: Mapping[str, str] | None = None,
          feeds: Iterable[str] = (), fetcher=None, corrections: str | Path | None = None,
          shards: str | Path | None = None, store: bool = True, dask=None) -> BuildResult:
    """Run the pipeline on `inputs` and publish every output into `out` at once.

    The outputs are written into a new generation of the build folder and published in one atomic step
    (see graph/publish.py): a failure or Ctrl-C at any stage leaves the previous build as it was, and a
    reader never sees a mix of two builds. Errors that need no extraction to be found (an unknown focus,
    `out` being a file or a folder of someone else's files) are raised before any work starts;
    `NothingToBuild` when no input could be read, with nothing changed. A second build into the same folder
    waits for the first (`wait=False`: `BuildFolderError` at once). `views=False` stops after the graph and
    the store (no analysis, no HTML); the previous views are then no longer published. `columns` names
    the fields of news dumps (graph/dumps.py); `feeds` and URLs among the inputs are fetched with
    `fetcher` (graph/fetch.py). `corrections` names a corrections file (graph/corrections/) to apply after
    extraction; by default `corrections.csv` in each folder among the inputs is applied when it exists.
    `shards` names a folder where extraction writes its results partition by partition (graph/shards.py), so
    the articles' text is never all in memory; without corrections (and with every article's source its own)
    the rest of the build is made from the shards one at a time too, and writes no state for the next build
    (`_streamed`). `store=False` (with `shards`) stops there, with the graph as N-Triples in the shard folder
    and `out` untouched. `dask` (a scheduler address or a
    `dask.distributed.Client`) extracts the partitions on that cluster (graph/distributed.py), into `shards`,
    a folder every worker can write.
    """
    out = Path(out)
    check_focus(focus)
    inputs = list(inputs)
    files = [Path(corrections)] if corrections else default_files(inputs)
    if dask is not None and shards is None:
        raise ValueError("a build on a Dask cluster writes shards: give shards=FOLDER, one every worker can write")
    if shards is not None and not store:
        return _shards_only(inputs, Path(shards), files, jobs=jobs, columns=columns, feeds=feeds, fetcher=fetcher,
                            dask=dask)
    with locked(out, wait=wait, on_wait=on_wait), _long_lived() as keep:
        claim(out)
        clock = time.perf_counter()
        cache = ExtractionCache(out)
        previous = current_generation(out)
        stats: dict[str, Stat] = {}
        if shards is not None:
            _extract_into(inputs, Path(shards), jobs=jobs, columns=columns, feeds=feeds, fetcher=fetcher, cache=cache,
                          dask=dask)
            summary = None if files else summarise(Path(shards), shard_ids(Path(shards)))
            if summary is not None and summary.distinct:
                return _streamed(Path(shards), out, summary, cache, clock, focus=focus, views=views)
            state = PreviousBuild.load(previous)
            results = read_results(Path(shards), text=_adds(files))
        else:
            state = PreviousBuild.load(previous)
            keep()
            results = run_extraction(inputs, jobs=jobs, progress=progress, columns=columns, cache=cache, feeds=feeds,
                                     fetcher=fetcher, previous=None if _adds(files) else state, stats=stats)
        keep()  # the results, as the previous state, live until the build ends
        result = BuildResult(out=out, documents=len(results), cache=cache.stats())
        result.cache.seconds["extract"] = time.perf_counter() - clock
        for item in results:
            document = item.document
            if document.skipped:
                result.skipped.append((document.source, document.skipped))
            for warning in document.warnings:
                result.warnings.append((document.source, warning))
        if len(result.skipped) == result.documents:
            raise NothingToBuild(result)
        events = [event for item in results for event in item.events]
        result.events = len(events)
        if files:
            result.corrections = files
            result.curation = curate(files, results)
        if shards is not None:
            merge_shards(shards, result.curation, results)
        _publish(out, result, cache, lambda generation: _write_outputs(
            generation, results, events, result, focus=focus, views=views, previous=state, stats=stats))
    return result


def _publish(out: Path, result: BuildResult, cache: ExtractionCache, write: Callable[[Path], None]) -> None:
    """Write the outputs into a new generation folder and swap it in for the previous build; on any failure
    the new folder is discarded and the previous build stays as it was."""
    generation = new_generation(out)
    try:
        write(generation)
        published = publish(out, generation)
    except BaseException:
        discard(generation)
        raise
    result.dropped = dropped_views(out)
    cache.commit()
    result.outputs = {name: out / name for name in published}


def _streamed(folder: Path, out: Path, summary: ShardSummary, cache: ExtractionCache, clock: float, *, focus: str,
              views: bool) -> BuildResult:
    """The rest of a build through shards when no correction applies and every article has a source and a
    source key of its own: the shards are merged key by key (graph/merge.py), the tables and graph files are
    written from the shards one at a time (`graph.assemble.write_from_shards`), the store is bulk-loaded from
    graph.nt in pieces, and the analysis and the view read the merged events from the store (one row per
    event node, not per mention). So, as a shards-only build, it never holds every article's events and
    entities, and its memory stays about flat as the corpus grows. It writes no state for the next build
    (that one is made afresh, its extraction from the cache): the state names every article's and event
    node's part of every file, made from every article's results."""
    result = BuildResult(out=out, documents=summary.documents, skipped=summary.skipped, warnings=summary.warnings,
                         cache=cache.stats())
    result.cache.seconds["extract"] = time.perf_counter() - clock
    if len(result.skipped) == result.documents:
        raise NothingToBuild(result)
    result.events = summary.events
    _publish(out, result, cache, lambda generation: _write_streamed(generation, folder, result, focus=focus,
                                                                    views=views))
    return result


def _write_streamed(generation: Path, folder: Path, result: BuildResult, *, focus: str, views: bool) -> None:
    """Write every output of a streamed build through shards into `generation` (see `_streamed`)."""
    seconds = result.cache.seconds
    clock = time.perf_counter()
    merge_shards(folder)
    result.triples = write_from_shards(generation, folder)
    seconds["graph"] = time.perf_counter() - clock
    clock = time.perf_counter()
    persist_store(generation / "graph.nt", generation / "store")
    seconds["store"] = time.perf_counter() - clock
    if views:
        clock = time.perf_counter()
        store = open_store(generation / "store")
        table = load_events(store)  # one row per event node
        del store
        write_analysis_of(table, generation, focus=focus)
        write_events_html(table, generation / "graph.html", focus=focus)
        seconds["views"] = time.perf_counter() - clock


@contextmanager
def _long_lived() -> Iterator[Callable[[], None]]:
    """Yield a function that moves every object alive now out of the garbage collector's sight until the block
    ends (`gc.freeze`). Called once the articles' results and the previous build's state are read: they live
    for the whole build, and each full collection of the graph, store and view stages would otherwise walk
    their million objects again (a second of a rebuild of 20,000 articles). A cycle among them is collected
    after the build, when they are handed back to the collector."""
    frozen = False

    def keep() -> None:
        nonlocal frozen
        gc.freeze()
        frozen = True

    try:
        yield keep
    finally:
        if frozen:
            gc.unfreeze()


def _adds(files: list[Path]) -> bool:
    """Whether a correction adds an event: those read the articles' text."""
    return any(row.action == "add" for path in files for row in load(path)[0])


def _extract_sharded(inputs: list, folder: Path, files: list[Path], *, jobs: int, columns, feeds, fetcher,
                     cache: ExtractionCache | None, dask=None) -> list[DocumentResult]:
    """Extract into the shard folder (here, or on a Dask cluster), then read back the results without the
    articles' text (unless a correction adds an event, which needs the text). An article extraction failed
    on comes back skipped ("extraction failed: ...")."""
    _extract_into(inputs, folder, jobs=jobs, columns=columns, feeds=feeds, fetcher=fetcher, cache=cache, dask=dask)
    return read_results(folder, text=_adds(files))


def _extract_into(inputs: list, folder: Path, *, jobs: int, columns, feeds, fetcher, cache: ExtractionCache | None,
                  dask=None) -> None:
    """Extract into the shard folder, here or on a Dask cluster."""
    if dask is not None:
        from graph.distributed import extract_on_cluster

        if feeds:
            raise ValueError("feeds are fetched here, not on a Dask cluster: build them without --dask")
        extract_on_cluster(inputs, folder, dask, columns=columns)
    else:
        documents = read_documents(inputs, columns=columns, feeds=feeds, fetcher=fetcher)
        extract_to_shards(documents, folder, cache=cache, jobs=jobs)


def _shards_only(inputs: list, folder: Path, files: list[Path], *, jobs: int, columns, feeds, fetcher,
                 dask=None) -> BuildResult:
    """A build that stops after the shards: extraction results, and the graph as N-Triples, in `folder`.
    Without corrections the extraction results are never read back whole: the shards are summarised and
    merged one at a time (graph/merge.py), so memory does not grow with the corpus."""
    clock = time.perf_counter()
    if files:
        results = _extract_sharded(inputs, folder, files, jobs=jobs, columns=columns, feeds=feeds, fetcher=fetcher,
                                   cache=None, dask=dask)
        summary = ShardSummary(len(results), sum(len(r.events) for r in results),
                               [(r.document.source, r.document.skipped) for r in results if r.document.skipped],
                               [(r.document.source, w) for r in results for w in r.document.warnings])
    else:
        _extract_into(inputs, folder, jobs=jobs, columns=columns, feeds=feeds, fetcher=fetcher, cache=None, dask=dask)
        summary = summarise(folder, shard_ids(folder))
    result = BuildResult(out=folder, documents=summary.documents, skipped=summary.skipped, warnings=summary.warnings)
    result.cache.seconds["extract"] = time.perf_counter() - clock
    if len(result.skipped) == result.documents:
        raise NothingToBuild(result)
    result.events = summary.events
    if files:
        result.corrections = files
        result.curation = curate(files, results)
    clock = time.perf_counter()
    merge_shards(folder, result.curation, results if files else None)
    result.triples = sum(_count_lines(path) for path in triple_files(folder))
    result.outputs = {"shards": folder}
    result.cache.seconds["graph"] = time.perf_counter() - clock
    return result


def _count_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for _ in handle)


def curate(files: list[Path], results: list[DocumentResult]) -> Curation:
    """Load the corrections files and apply them to the extraction results; the rows of every file, each
    with its problems (a bad row is skipped, the others apply)."""
    rows, problems = [], []
    bases = {}
    for path in files:
        found, bad = load(path)
        rows.extend(found)
        problems.extend(bad)
        bases[str(path)] = path.parent
    curation = apply(rows, results, base=bases, event_iris=event_keys(results))
    curation.problems[:0] = problems
    curation.problems.sort(key=lambda problem: (files.index(Path(problem.file)), problem.line))
    return curation


#: The state's file of how many triples the store holds (`graph.incremental.StoreCount`).
STORE_COUNT = "store.json"


def _keep_store_count(folder: Path, triples: int, updated: bool) -> None:
    """Keep, in the state, how many triples the new store holds, for the next build's update to follow the
    count instead of counting (graph/incremental.py). A store made from the previous one holds the graph's
    triples (its update checked it); a store loaded afresh is counted. Only for graphs the next build may
    update."""
    if triples < incremental.MIN_TRIPLES:
        return
    count = triples if updated else incremental.count_triples(folder / "store")
    StoreCount.of(folder / "store", count).write(folder / STATE / STORE_COUNT)


def _write_outputs(folder: Path, results: list[DocumentResult], events: list, result: BuildResult, *,
                   focus: str, views: bool, previous: PreviousBuild | None = None,
                   stats: dict[str, Stat] | None = None) -> None:
    """Write every output of the build into `folder` (a new generation, published afterwards).

    With corrections, events.csv lists the curated events (rejected ones left out, changed and added ones
    in); the graph holds both the raw and the curated events. The tables and graph files are assembled from
    parts, those of the `previous` build's state copied (graph/assemble/), and its store updated with what
    changed instead of loaded afresh (graph/incremental.py)."""
    seconds = result.cache.seconds
    clock = time.perf_counter()
    curated = events_csv(result.curation.events) if result.curation is not None else None
    parts = graph_parts(results, result.curation)
    done = write_outputs(folder, parts, previous, stats or {}, events_text=curated)
    result.triples = done.triples
    seconds["graph"] = time.perf_counter() - clock
    clock = time.perf_counter()
    kept = StoreCount.read(previous.folder / STATE / STORE_COUNT) if previous is not None else None
    change = Change(done.removed, done.added, done.triples, kept) if done.incremental else None
    updated = persist_store(folder / "graph.nt", folder / "store", change=change,
                            previous=previous.folder / "store" if previous is not None else None)
    _keep_store_count(folder, done.triples, updated)
    seconds["store"] = time.perf_counter() - clock
    if views:
        clock = time.perf_counter()
        store = open_store(folder / "store")
        rows = event_rows(store, parts, done, previous if done.incremental else None)
        table = events_frame(rows, node_table(store), invalidated_events(store))  # = load_events(store)
        del store
        save_event_rows(folder, rows)
        memo = CommunityMemo(previous.folder / STATE / "communities.json" if previous is not None else None,
                             folder / STATE / "communities.json")
        write_analysis_of(table, folder, focus=focus, memo=memo)
        write_events_html(table, folder / "graph.html", focus=focus)
        seconds["views"] = time.perf_counter() - clock
