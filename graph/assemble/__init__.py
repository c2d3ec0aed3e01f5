"""The assembly stage: a build's graph files and tables made of parts, and the parts reused by the next build.

A build's outputs are made of parts that each depend on little (`graph.rdf.GraphParts`):

- per article: its `sg:SourceDocument` triples and its rows of events.csv and entities.csv;
- per event node: the event, its mentions, provenance and review status, in segments (the event with its
  first mention, then each further mention: `GraphParts.segments`), so that a node a new report joined
  copies the mentions it kept;
- the rest (people, organisations, countries, shortcut triples, corrections), which needs every article.

`write_outputs` writes events.csv, entities.csv, graph.nt, graph.ttl and graph.jsonld as those parts one
after the other, and records in the generation's `.state/` folder where each part sits in each file, with
the extraction results of every article (Arrow IPC: documents without their text, events, entities) and how
each input file looked on disk (size, times, inode). The next build into the same folder then:

- takes an article whose file is unchanged on disk (`reusable`) from the state, neither reading nor
  extracting it;
- copies each part it has already written (same article, same event node) from the previous build's files,
  in the kernel (`os.copy_file_range`), instead of making and serialising its triples again;
- makes only the new parts and the rest, and knows exactly which triples came and went for the store
  (graph/incremental.py).

The files are the same bytes as a build from scratch of the same inputs writes, in the same order: the
articles in input order, the event nodes in the order of `graph.rdf.merge_events`, then the rest. The state
is reused only when it was written by the same version of the code and data (`graph_version`) and the
previous files have the sizes it recorded; otherwise every part is made afresh.

One module per step: `files` (an output file written as parts, each made or copied), `state` (the state a
build leaves and the previous build read back), `assembly` (the parts of one build written one after the
other), `views` (the event rows of the views, read from the store only for what changed) and `from_shards`
(the outputs of a build through shards).
"""

from __future__ import annotations

from graph.assemble.assembly import Assembled, fingerprint, segment_print, write_outputs
from graph.assemble.files import _SEPARATOR as _SEPARATOR
from graph.assemble.files import GRAPH_FILES, TABLE_FILES
from graph.assemble.files import _body as _body
from graph.assemble.from_shards import PIECE_BYTES, nt_pieces, write_from_shards
from graph.assemble.state import (
    STATE,
    PreviousBuild,
    Stat,
    graph_version,
    load_table,
    paused_collection,
    read_inputs,
    save_table,
)
from graph.assemble.state import _made_records as _made_records
from graph.assemble.views import event_rows, save_event_rows, source_table

__all__ = [
    "GRAPH_FILES", "PIECE_BYTES", "STATE", "TABLE_FILES", "Assembled", "PreviousBuild", "Stat", "event_rows",
    "fingerprint", "graph_version", "load_table", "nt_pieces", "paused_collection", "read_inputs",
    "save_event_rows", "save_table", "segment_print", "source_table", "write_from_shards", "write_outputs",
]  # fmt: skip
