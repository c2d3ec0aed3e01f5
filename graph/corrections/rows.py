"""What a corrections file is made of: its columns and actions, a row (`Correction`), a problem with a row
(`Problem`, told by file and line) and what applying the rows gave (`Curation`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from graph.ontology import CORRECTION, EVENT
from graph.records import Event

#: The file a build looks for beside the articles of a folder given as input.
DEFAULT_NAME = "corrections.csv"

#: Columns of a corrections file, in order.
COLUMNS = ("action", "event", "source", "actor", "relation", "target", "value", "evidence", "curator", "date",
           "note", "start", "end")
#: Columns a file may leave out of its header.
OPTIONAL_COLUMNS = ("event", "value", "evidence", "note", "start", "end")

#: Actions that concern one extracted event, found by its IRI or by source + actor + relation + target.
EVENT_ACTIONS = ("reject", "accept", "relation", "actor", "target", "mode", "event_date")
#: Actions that change a field of an event to `value`.
CHANGE_ACTIONS = ("relation", "actor", "target", "mode", "event_date")
#: Every action a row may take.
ACTIONS = (*EVENT_ACTIONS, "add", "alias", "country", "role")

#: The comment block written at the top of a new corrections file (the style of graph/data/*.csv).
HEADER_COMMENT = """\
# Corrections to the extracted events, applied by every build after extraction. One decision per row.
# action: reject | accept | relation | actor | target | mode | event_date (an extracted event: its IRI in
#   `event`, or source + actor + relation + target as events.csv writes them) | add (a missed event: source,
#   actor, relation, target and an evidence span copied exactly from the article) | alias (the actor named
#   `actor` is `value`: the Kremlin is RUS) | country, role (of the person named `actor`; optional start, end).
# event: an event IRI (event:3f2a... or the full IRI); source: the article, relative to this file's folder.
# actor, target: a name as extracted, or an ISO3 code for a country; relation: a stance relation name.
# value: the new relation, actor, target (ISO3 or a known name), mode, event date (YYYY-MM-DD), alias,
#   country (ISO3) or role. curator, date (YYYY-MM-DD): who decided and when; note: why (optional).
"""

_EVENT_NS = EVENT
_CORRECTION_NS = CORRECTION


@dataclass(frozen=True)
class Correction:
    """One row of a corrections file, as written (stripped), with where it is."""

    file: str  #: the file as given
    line: int  #: line number in the file (1 = the header)
    action: str
    event: str = ""
    source: str = ""
    actor: str = ""
    relation: str = ""
    target: str = ""
    value: str = ""
    evidence: str = ""
    curator: str = ""
    date: str = ""
    note: str = ""
    start: str = ""
    end: str = ""

    @property
    def where(self) -> str:
        """`file:line`, the prefix of every message about this row."""
        return f"{self.file}:{self.line}"

    @property
    def key(self) -> str:
        """A content hash of the row (not of its place in the file): the identity of the correction in the
        graph, which therefore does not change when rows are added above it (nor, for a row without a period,
        when the file gains the start and end columns)."""
        parts = [getattr(self, name) for name in COLUMNS[:11]]
        if self.start or self.end:
            parts += [self.start, self.end]
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]

    @property
    def period(self) -> tuple[str, str] | None:
        """(start, end) of a row that holds for a period ('' for an open end), else None."""
        return (self.start, self.end) if self.start or self.end else None

    def holds_on(self, day: str) -> bool:
        """Whether the row's period contains the day (YYYY-MM-DD); a row without a period holds always."""
        return bool(day) and (not self.start or self.start <= day) and (not self.end or day <= self.end) \
            if self.period else True

    @property
    def iri(self) -> str:
        """The IRI of the correction in the graph."""
        return _CORRECTION_NS + self.key

    def row(self) -> dict[str, str]:
        """The row as a dict of the file's columns."""
        return {name: getattr(self, name) for name in COLUMNS}


@dataclass(frozen=True)
class Problem:
    """A row that could not be used (`bad`), matches nothing (`unmatched`) or contradicts another row
    (`contradiction`). Only `bad` rows make a build exit with status 1."""

    kind: str
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        label = "error" if self.kind == "bad" else "warning"
        return f"{label}: {self.file}:{self.line}: {self.message}"


@dataclass
class Curation:
    """The extraction with the corrections applied, and how each event came to be.

    `events` are the curated mentions: every extracted mention that was not rejected (changed where a row
    changed it) and the added ones. `origin` maps a changed or added mention to the extracted mention it
    replaces (None for an added one) and the rows that made it; `rejected` and `accepted` map extracted
    mentions to the rows that decided them; `people` holds a person's corrected country and role.
    """

    corrections: list[Correction] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    origin: dict[Event, tuple[Event | None, tuple[Correction, ...]]] = field(default_factory=dict)
    rejected: dict[Event, tuple[Correction, ...]] = field(default_factory=dict)
    accepted: dict[Event, tuple[Correction, ...]] = field(default_factory=dict)
    people: dict[str, dict[str, tuple[str, Correction]]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def bad(self) -> list[Problem]:
        """The rows that could not be used at all."""
        return [p for p in self.problems if p.kind == "bad"]

    def applied(self) -> list[Correction]:
        """The rows that changed, rejected, accepted or added something."""
        used = {c for _, rows in self.origin.values() for c in rows}
        used |= {c for rows in (*self.rejected.values(), *self.accepted.values()) for c in rows}
        used |= {c for fields in self.people.values() for _, c in fields.values()}
        return [c for c in self.corrections if c in used]
