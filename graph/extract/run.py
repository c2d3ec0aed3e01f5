"""Running the event stage: one document (`extract_document`), many in order or over processes
(`extract`, `extract_documents`), and the CSV text of events and entities.
"""

from __future__ import annotations

import csv
import io
import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from graph.actors import find_actors, iter_entities, written_names
from graph.documents import read_documents
from graph.extract.candidates import _Candidate, _find_candidates, _is_sports
from graph.extract.conditions import (
    _demands_of_conditions,
    _demands_of_measures_named_back,
    _headline_demands,
    _threats_on_going_acts,
)
from graph.extract.document import _Doc
from graph.extract.events import _sentence_events, _specific_over_generic
from graph.extract.gapping import gapped_list_events
from graph.extract.implied_charges import (
    _accusations_of_grounds,
    _charges_of_conduct_to_end,
    _charges_of_joint_takers,
    _threats_over_charged_acts,
)
from graph.extract.inferences import _followed_suit, _presence_visits, _retaliations, _visiting_guests
from graph.extract.leaving_forces import presence_of_leaving_forces
from graph.extract.lexicon import _context_label
from graph.extract.restated_grounds import _accusations_of_restated_grounds
from graph.extract.senders import _refusals_told_again
from graph.extract.summit_visits import summit_visits
from graph.extract.swaps import _sides_of_trades, _swapped_back
from graph.extract.trip_origins import visits_of_trip_origins
from graph.records import ENTITY_COLUMNS, EVENT_COLUMNS, Document, Entity, Event


@dataclass
class DocumentResult:
    """What extraction produced for one document."""

    document: Document
    events: list[Event]
    entities: list[Entity]


def extract_document(document: Document) -> DocumentResult:
    """Extract events and entities from one document."""
    if document.skipped:
        return DocumentResult(document, [], [])
    actors = find_actors(document.text)
    doc = _Doc(document, actors)
    doc.sports = _is_sports(document.text)
    candidates = _find_candidates(doc)
    events: list[Event] = []
    by_sentence: dict[int, list[_Candidate]] = {}
    for candidate in candidates:
        by_sentence.setdefault(candidate.sentence.index, []).append(candidate)
    for index in sorted(by_sentence):
        events.extend(_specific_over_generic(_sentence_events(doc, by_sentence[index])))
    if not doc.sports:
        events.extend(_presence_visits(doc, events))
        events.extend(_visiting_guests(doc, events))
        events.extend(visits_of_trip_origins(doc, events))
        events.extend(summit_visits(doc, events))
        events.extend(_followed_suit(doc, events))
        events = gapped_list_events(doc, events)
        events.extend(_retaliations(doc, events))
        events.extend(_demands_of_conditions(doc, events))
        events.extend(_demands_of_measures_named_back(doc, events))
        events.extend(_threats_on_going_acts(doc, events))
        events.extend(_accusations_of_grounds(doc, events))
        events.extend(_accusations_of_restated_grounds(doc, events))
        events.extend(_charges_of_joint_takers(doc, events))
        events.extend(_charges_of_conduct_to_end(doc, events))
        events.extend(_threats_over_charged_acts(doc, events))
        events.extend(_headline_demands(doc, events))
        events = _sides_of_trades(doc, events)
        events = _refusals_told_again(events)
        events.extend(_swapped_back(doc, events))
        events = presence_of_leaving_forces(doc, events)
        events.sort(key=lambda event: event.sequence)
    written = written_names(actors)
    entities = [Entity(document.source, name, etype, country, role,
                       written.get(name, "") if etype == "person" and written.get(name) != name else "")
                for name, etype, country, role in iter_entities(actors)]
    seen = {(e.name, e.type) for e in entities}
    for event in events:
        if event.target_type == "program" and (event.target, "program") not in seen:
            seen.add((event.target, "program"))
            entities.append(Entity(document.source, event.target, "program", event.actor_country, ""))
        label = _context_label(event.context)
        if event.context and (label, "policy") not in seen:
            seen.add((label, "policy"))
            entities.append(Entity(document.source, label, "policy", "", ""))
    return DocumentResult(document, events, entities)


#: How a skipped article that extraction raised on starts its reason
EXTRACTION_FAILED = "extraction failed"


def extract_or_skip(document: Document) -> DocumentResult:
    """`extract_document`, or the article skipped with the error when extraction raises on it.

    One article that trips a fault in a rule (a published story once sent the speaker lookup into endless
    recursion) must not stop the extraction or build of every other article: it comes back skipped
    ("extraction failed: RecursionError: ..."), with no events, so that the build names it on stderr and exits
    1, as the sharded and cluster builds already did. Interrupts (Ctrl-C) and memory exhaustion still stop the
    run."""
    try:
        return extract_document(document)
    except MemoryError:
        raise
    except Exception as error:  # noqa: BLE001 - one bad article must not lose the others
        first_line = (str(error).strip().splitlines() or [""])[0][:200]
        reason = f"{EXTRACTION_FAILED}: {type(error).__name__}: {first_line}".rstrip(": ")
        return DocumentResult(replace(document, text="", skipped=reason), [], [])


def extract(inputs: Iterable[str | Path], *, jobs: int = 1, progress: bool = False,
            columns: Mapping[str, str] | None = None, feeds: Iterable[str] = (),
            fetcher=None, dask=None, shards: str | Path | None = None) -> Iterator[DocumentResult]:
    """Read and extract every input (files, folders, news dumps, '-'), in input order.

    `jobs` > 1 spreads documents over processes (0 = all cores); `progress` shows a progress bar on stderr;
    `columns` names the fields of news dumps with unusual names ({"text": "story"}, see graph/dumps.py);
    `feeds` are RSS or Atom feeds whose articles are fetched, like URLs among the inputs (graph/fetch.py).
    `dask` (a scheduler address or a `dask.distributed.Client`) extracts files and folders on that cluster
    (graph/distributed.py): the workers write shards into `shards` (by default a temporary folder, which only
    a cluster on this machine can reach), and the results are read back one shard at a time; an article the
    extractor failed on comes back skipped ("extraction failed: ...").
    """
    if dask is not None:
        yield from _extract_on_cluster(inputs, dask, shards, columns=columns)
        return
    documents = read_documents(inputs, columns=columns, feeds=feeds, fetcher=fetcher)
    yield from extract_documents(documents, jobs=jobs, progress=progress)


def _extract_on_cluster(inputs, dask, shards, *, columns) -> Iterator[DocumentResult]:
    import shutil
    import tempfile

    from graph.distributed import extract_on_cluster
    from graph.shards import read_shard

    folder = Path(shards) if shards is not None else Path(tempfile.mkdtemp(prefix="stancegraph-shards-"))
    try:
        for shard in extract_on_cluster(inputs, folder, dask, columns=columns):
            yield from read_shard(folder, shard.id, text=True)
    finally:
        if shards is None:
            shutil.rmtree(folder, ignore_errors=True)


def extract_documents(documents: Iterable[Document], *, jobs: int = 1,
                      progress: bool = False) -> Iterator[DocumentResult]:
    """`extract_document` over documents already read, in order; `jobs` and `progress` as in `extract`."""
    if jobs == 0:
        jobs = os.cpu_count() or 1
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(unit="doc", file=sys.stderr, disable=not sys.stderr.isatty())
    try:
        if jobs <= 1:
            for document in documents:
                yield extract_or_skip(document)
                if bar is not None:
                    bar.update()
        else:
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                for result in pool.map(extract_or_skip, documents, chunksize=8):
                    yield result
                    if bar is not None:
                        bar.update()
    finally:
        if bar is not None:
            bar.close()


def events_csv(events: Iterable[Event]) -> str:
    """Events as CSV text with the contract's header."""
    return _csv(EVENT_COLUMNS, (event.row() for event in events))


def entities_csv(entities: Iterable[Entity]) -> str:
    """Entities as CSV text with the contract's header."""
    return _csv(ENTITY_COLUMNS, (entity.row() for entity in entities))


def _csv(columns: tuple[str, ...], rows: Iterable[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()
