"""Corrections as data: what a person fixed in the extraction, kept in a CSV file under version control.

A corrections file (`corrections.csv` beside the articles, or `stancegraph build --corrections FILE`) holds
one decision per row: reject or accept an extracted event, change its relation, actor, target, mode or event
date, add an event the extractor missed (with an evidence span that must occur in the article), say that
an actor is another (alias merge: "the Kremlin" is Russia) or set a person's country or role, for good or
for a period (`start`, `end`: the events dated within it take that country). Every row
names its `curator` and `date`, and may carry a `note`. The columns are explained in the comment lines at
the top of the file (see `HEADER_COMMENT`, and the README's Corrections section).

Every build applies the file after extraction and before the graph is made:

    rows, problems = load(path)                     # bad rows -> Problem("bad"), the others are kept
    curation = apply(rows, results, base=folder)    # matches rows to events, reports what matches nothing
    to_triples(results, curation)                   # both the raw and the curated events, told apart

Nothing is silently dropped: a row that matches no event (the article changed or was removed) and rows
that contradict each other are reported by file and line (`Problem`), and a bad row (unknown action, a
missing curator or date, an evidence span that is not in the article) is reported and skipped while the
other rows still apply.

One module per step: `rows` (the columns, actions, `Correction`, `Problem` and `Curation`), `files` (finding,
reading, checking and appending to a corrections file), `matching` (the actor and source a row names) and
`applying` (the rows applied to the extraction results).
"""

from __future__ import annotations

from graph.corrections.applying import apply
from graph.corrections.files import append_row, check, default_files, event_key, load
from graph.corrections.matching import Actor, fold, resolve_actor, same_source
from graph.corrections.rows import (
    ACTIONS,
    CHANGE_ACTIONS,
    COLUMNS,
    DEFAULT_NAME,
    EVENT_ACTIONS,
    HEADER_COMMENT,
    OPTIONAL_COLUMNS,
    Correction,
    Curation,
    Problem,
)

__all__ = [
    "ACTIONS", "CHANGE_ACTIONS", "COLUMNS", "DEFAULT_NAME", "EVENT_ACTIONS", "HEADER_COMMENT", "OPTIONAL_COLUMNS",
    "Actor", "Correction", "Curation", "Problem", "append_row", "apply", "check", "default_files", "event_key",
    "fold", "load", "resolve_actor", "same_source",
]  # fmt: skip
