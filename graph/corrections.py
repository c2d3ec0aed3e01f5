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
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from graph.ontology import CORRECTION, EVENT
from graph.records import MODES, Document, Event

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


# ------------------------------------------------------------------------------------------------ records
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


# ---------------------------------------------------------------------------------------------- locating
def default_files(inputs: Iterable[str | Path]) -> list[Path]:
    """The corrections files a build reads when none is named: `corrections.csv` in each folder input."""
    found = []
    for item in inputs:
        path = Path(item)
        if path.is_dir() and (path / DEFAULT_NAME).is_file():
            found.append(path / DEFAULT_NAME)
    return found


# ---------------------------------------------------------------------------------------------- loading
def load(path: str | Path) -> tuple[list[Correction], list[Problem]]:
    """Read and check a corrections file: the usable rows, and one `Problem` per row that is not.

    Comment lines (`#`) and blank lines are skipped; the first other line is the header, which must name
    the columns of `COLUMNS` (in any order; `event`, `value`, `evidence` and `note` may be left out). A
    file that cannot be read or has no usable header gives a single problem on line 1 and no rows.
    """
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        return [], [Problem("bad", name, 1, f"cannot be read ({reason})")]
    reader = csv.reader(io.StringIO(text))
    header: list[str] | None = None
    rows: list[Correction] = []
    problems: list[Problem] = []
    for cells in reader:
        line = reader.line_num
        if not any(c.strip() for c in cells) or cells[0].lstrip().startswith("#"):
            continue
        if header is None:
            header = [c.strip().lower() for c in cells]
            missing = [c for c in ("action", "source", "actor", "relation", "target", "curator", "date")
                       if c not in header]
            unknown = [c for c in header if c not in COLUMNS]
            if missing or unknown:
                what = f"missing {', '.join(missing)}" if missing else f"unknown {', '.join(unknown)}"
                return [], [Problem("bad", name, line, f"header: {what}; the columns are {','.join(COLUMNS)}")]
            continue
        if len(cells) > len(header):
            problems.append(Problem("bad", name, line, f"{len(cells)} cells for {len(header)} columns"))
            continue
        values = {column: cell.strip() for column, cell in zip(header, cells, strict=False)}
        row = Correction(file=name, line=line, **{c: values.get(c, "") for c in COLUMNS})
        message = check(row)
        if message:
            problems.append(Problem("bad", name, line, message))
        else:
            rows.append(row)
    if header is None:
        problems.append(Problem("bad", name, 1, f"no header line; the columns are {','.join(COLUMNS)}"))
    return rows, problems


def check(row: Correction) -> str:
    """What is wrong with a row on its own ('' when nothing): the action, the required cells, the values
    that can be checked without the articles."""
    from graph.ontology import relations

    if row.action not in ACTIONS:
        return f"unknown action {row.action!r}; give one of {', '.join(ACTIONS)}"
    if not row.curator:
        return "no curator: say who made the correction"
    if not _is_date(row.date):
        return f"date {row.date!r}: give the day of the correction as YYYY-MM-DD"
    known = relations()
    if row.relation and row.relation.removeprefix("sg:") not in known:
        return f"unknown relation {row.relation!r}"
    if row.event and not event_key(row.event):
        return f"event {row.event!r}: give an event IRI (event:<16 hex digits> or the full IRI)"
    if row.action in EVENT_ACTIONS and not row.event:
        missing = [c for c in ("source", "actor", "relation", "target") if not getattr(row, c)]
        if missing:
            return (f"{row.action}: give the event's IRI, or its source, actor, relation and target "
                    f"({', '.join(missing)} empty)")
    if row.action in CHANGE_ACTIONS and not row.value:
        return f"{row.action}: give the new {row.action} in `value`"
    if row.action in ("reject", "accept") and row.value:
        return f"{row.action} takes no value (got {row.value!r})"
    if row.action == "relation" and row.value.removeprefix("sg:") not in known:
        return f"unknown relation {row.value!r} in value"
    if row.action == "mode" and row.value not in MODES:
        return f"mode {row.value!r}: give one of {', '.join(MODES)}"
    if row.action == "event_date" and not _is_date(row.value):
        return f"event_date {row.value!r}: give the day the act happened as YYYY-MM-DD"
    if row.action == "add":
        missing = [c for c in ("source", "actor", "relation", "target", "evidence") if not getattr(row, c)]
        if missing:
            return (f"add: {', '.join(missing)} empty; an added event needs its source, actor, relation, target "
                    "and evidence")
    if row.action in ("alias", "country", "role") and not (row.actor and row.value):
        what = "actor it is" if row.action == "alias" else row.action
        return f"{row.action}: give the actor's name in `actor` and the {what} in `value`"
    if row.action == "country" and not re.fullmatch(r"[A-Z]{3}", row.value):
        return f"country {row.value!r}: give an ISO 3166-1 alpha-3 code such as USA"
    if row.period and row.action not in ("country", "role"):
        return f"{row.action}: start and end are for country and role rows (the period they held)"
    for column in ("start", "end"):
        if getattr(row, column) and not _is_date(getattr(row, column)):
            return f"{column} {getattr(row, column)!r}: give the day as YYYY-MM-DD (or leave it empty for an open end)"
    if row.start and row.end and row.end < row.start:
        return f"the period ends ({row.end}) before it starts ({row.start})"
    return ""


def event_key(text: str) -> str:
    """The 16-hex-digit key of an event given as `event:KEY`, its full IRI or the bare key ('' if none)."""
    text = text.strip().strip("<>")
    for prefix in (_EVENT_NS, "event:"):
        text = text.removeprefix(prefix)
    return text if re.fullmatch(r"[0-9a-f]{16}", text) else ""


def _is_date(text: str) -> bool:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


# ---------------------------------------------------------------------------------------------- actors
@dataclass(frozen=True)
class Actor:
    """An actor as an event records it: name, type and country."""

    name: str
    type: str
    country: str


def fold(text: str) -> str:
    """Case, accents and curly apostrophes left out, for comparing names."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").strip())
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return text.removeprefix("the ")


def resolve_actor(text: str, people: dict[str, str] | None = None) -> Actor | None:
    """The actor a cell names: an ISO3 code or a country's name, alias, demonym or capital; a person or an
    organisation of graph/data; or a person given a country by a `country` row (`people`: folded name ->
    ISO3). None when it names nobody known."""
    from graph.actors import knowledge_base

    kb = knowledge_base()
    text = text.strip()
    if re.fullmatch(r"[A-Z]{3}", text) and text in kb.countries:
        return Actor(kb.country_name(text), "country", text)
    for name, iso3 in (people or {}).items():
        if fold(name) == fold(text):
            known = kb.lookup(text)
            canonical = known.key if known is not None and known.type == "person" else text
            return Actor(canonical, "person", iso3)
    hit = kb.lookup(text) or (kb.lookup(text[4:]) if text.lower().startswith("the ") else None)
    if hit is None or hit.type == "media":
        return None
    if hit.type == "country":
        return Actor(kb.country_name(hit.key), "country", hit.key)
    return Actor(hit.key, hit.type, hit.country)


def _names_actor(cell: str, name: str, actor_type: str, country: str) -> bool:
    """Whether a row's actor or target cell names an event's actor (or target)."""
    if fold(cell) == fold(name):
        return True
    if actor_type == "country":
        found = resolve_actor(cell)
        return found is not None and found.type == "country" and found.country == country
    return False


# ---------------------------------------------------------------------------------------------- sources
def same_source(cell: str, document: Document, base: Path | None) -> bool:
    """Whether a row's `source` names this document: its path relative to the corrections file's folder,
    its path as the build was given it, or its place in its input folder (`01_x.txt`); a record of a news
    dump as `crawl.jsonl#3`."""
    cell = cell.strip()
    if cell in (document.source, document.key):
        return True
    path, _, record = cell.partition("#")
    doc_path, _, doc_record = document.source.partition("#")
    if record != doc_record:
        return False
    candidate = (base / path) if base is not None else Path(path)
    try:
        return candidate.resolve() == Path(doc_path).resolve()
    except OSError:
        return False


# ---------------------------------------------------------------------------------------------- applying
def apply(corrections: Sequence[Correction], results: Sequence, *, base: Path | dict[str, Path] | None = None,
          event_iris: dict[str, list[Event]] | None = None) -> Curation:
    """Apply the rows to the extraction results (`DocumentResult`s) and say what matched nothing.

    `base` is the folder the rows' sources are relative to (the corrections file's; a dict maps each file
    to its folder when the rows come from several files); `event_iris` maps the
    key of each extracted event's IRI to its mentions (see `graph.rdf.event_keys`), for rows that name an
    event by IRI. A row further down the file wins over a row it contradicts, and both are reported.
    """
    curation = Curation(corrections=list(corrections))
    report = curation.problems.append
    documents = [r.document for r in results if not r.document.skipped]
    raw = [event for r in results for event in r.events]
    people, periods = _people(corrections, results, curation)
    aliases = _aliases(corrections, people, raw, curation)
    event_iris = event_iris or {}
    bases = base if isinstance(base, dict) else {}

    def folder(row: Correction) -> Path | None:
        return bases.get(row.file) if isinstance(base, dict) else base

    decisions: dict[Event, dict[str, Correction]] = {}
    for row in corrections:
        if row.action not in EVENT_ACTIONS:
            continue
        matched = _matching(row, raw, documents, folder(row), event_iris)
        if not matched:
            report(Problem("unmatched", row.file, row.line, f"{row.action}: {_describe(row)} matches no event "
                           "(the article changed or was removed?); the row is kept but does nothing"))
            continue
        value = _change_value(row, people)
        if row.action in ("actor", "target") and value is None:
            report(Problem("bad", row.file, row.line, f"{row.action}: {row.value!r} names no known country, "
                           "person or organisation; give an ISO3 code or add a `country` row for the person"))
            continue
        for event in matched:
            mine = decisions.setdefault(event, {})
            slot = "verdict" if row.action in ("reject", "accept") else row.action
            earlier = mine.get(slot)
            if earlier is not None and (earlier.action, earlier.value) != (row.action, row.value):
                report(Problem("contradiction", row.file, row.line, f"{row.action} contradicts line {earlier.line} "
                               f"({earlier.action}{' ' + earlier.value if earlier.value else ''}) for "
                               f"{_describe_event(event)}; this row wins"))
            if row.action == "reject" and any(k != "verdict" for k in mine):
                first = next(c for k, c in mine.items() if k != "verdict")
                report(Problem("contradiction", row.file, row.line, f"reject contradicts line {first.line} "
                               f"({first.action} {first.value}) for {_describe_event(event)}; the event is rejected"))
            elif row.action in CHANGE_ACTIONS and mine.get("verdict") is not None and \
                    mine["verdict"].action == "reject":
                report(Problem("contradiction", row.file, row.line, f"{row.action} contradicts line "
                               f"{mine['verdict'].line} (reject) for {_describe_event(event)}; the event stays "
                               "rejected"))
            mine[slot] = row

    for event in raw:
        mine = decisions.get(event, {})
        verdict = mine.get("verdict")
        if verdict is not None and verdict.action == "reject":
            curation.rejected[event] = (verdict,)
            continue
        changed, rows = _changed(event, mine, people, aliases, periods)
        if verdict is not None and verdict.action == "accept":
            curation.accepted[event] = (verdict,)
        if changed != event:
            curation.origin[changed] = (event, rows)
        curation.events.append(changed)
    used = {c for _, rows in curation.origin.values() for c in rows}
    for row in periods:
        if row not in used:
            report(Problem("unmatched", row.file, row.line, f"country: no event of {row.actor} dated within "
                           f"{row.start or '…'}..{row.end or '…'} takes {row.value} from this row; it does nothing"))
    for row in corrections:
        if row.action == "add":
            added = _added(row, results, folder(row), people, curation)
            if added is not None:
                curation.origin[added] = (None, (row,))
                curation.events.append(added)
    return curation


def _describe(row: Correction) -> str:
    if row.event:
        return f"event {row.event}"
    return f"{row.source}: {row.actor} {row.relation} {row.target}"


def _describe_event(event: Event) -> str:
    return f"{event.actor} ({event.actor_country}) {event.relation} -> {event.target} in {event.source}"


def _matching(row: Correction, raw: list[Event], documents: list[Document], base: Path | None,
              event_iris: dict[str, list[Event]]) -> list[Event]:
    """The extracted mentions a row names: all mentions of the event with its IRI, or those of its source
    with its actor, relation and target."""
    if row.event:
        return list(event_iris.get(event_key(row.event), ()))
    sources = {d.source for d in documents if same_source(row.source, d, base)}
    relation = row.relation.removeprefix("sg:")
    return [e for e in raw if e.source in sources and e.relation == relation
            and _names_actor(row.actor, e.actor, e.actor_type, e.actor_country)
            and _names_actor(row.target, e.target, e.target_type, e.target_country)]


def _change_value(row: Correction, people: dict[str, tuple[str, Correction]]) -> object:
    """The new value of a change row: an Actor for actor/target (None when it names nobody), else text."""
    if row.action in ("actor", "target"):
        return resolve_actor(row.value, {name: iso for name, (iso, _) in people.items()})
    return row.value.removeprefix("sg:")


def _people(corrections: Sequence[Correction], results: Sequence,
            curation: Curation) -> tuple[dict[str, tuple[str, Correction]], list[Correction]]:
    """`country` and `role` rows: the corrected country and role of each person, by the name as written in the
    row; a person named in no article is reported as unmatched (the row still applies to later articles).

    Rows with a period (`start`, `end`) hold for the events dated within it (see `_person_country`); two
    rows of one person and field contradict each other when both hold for good, or their periods overlap.
    The person's node (curation.people) takes the row that holds for good, else the latest period's. Gives
    each name's country that holds for good, else the latest period's (for naming the person in actor,
    target and add rows), and the `country` rows with a period."""
    names = {fold(e.name) for r in results for e in r.entities if e.type == "person"}
    names |= {fold(e.actor) for r in results for e in r.events if e.actor_type == "person"}
    names |= {fold(e.target) for r in results for e in r.events if e.target_type == "person"}
    countries: dict[str, tuple[str, Correction]] = {}
    seen: dict[tuple[str, str], list[Correction]] = {}
    for row in corrections:
        if row.action not in ("country", "role"):
            continue
        earlier = seen.setdefault((fold(row.actor), row.action), [])
        clash = next((e for e in reversed(earlier) if e.value != row.value and _overlap(e, row)), None)
        if clash is not None:
            when = f" ({clash.start or '…'}..{clash.end or '…'})" if clash.period else ""
            curation.problems.append(Problem("contradiction", row.file, row.line, f"{row.action} of {row.actor} "
                                             f"is {clash.value}{when} on line {clash.line}; this row ({row.value}) "
                                             "wins"))
        earlier.append(row)
        fields = curation.people.setdefault(row.actor, {})
        held = fields.get(row.action)
        if held is None or held[1].period is not None and (row.period is None or row.start >= held[1].start):
            fields[row.action] = (row.value, row)
        if row.action == "country" and (row.actor not in countries or countries[row.actor][1].period is not None):
            countries[row.actor] = (row.value, row)
        if fold(row.actor) not in names:
            curation.problems.append(Problem("unmatched", row.file, row.line, f"{row.action}: no article names "
                                             f"the person {row.actor!r}"))
    periods = [row for rows in seen.values() for row in rows if row.action == "country" and row.period]
    return countries, periods


def _overlap(a: Correction, b: Correction) -> bool:
    """Whether two rows hold at once: both for good, or periods that share a day."""
    if (a.period is None) != (b.period is None):
        return False  # a period beside a row for good: the period's events take it, the others the other
    if a.period is None:
        return True
    return (not a.end or not b.start or b.start <= a.end) and (not b.end or not a.start or a.start <= b.end)


def _person_country(name: str, day: str, people: dict[str, tuple[str, Correction]],
                    periods: list[Correction]) -> tuple[str, Correction] | None:
    """The corrected country of the person on that day: a row whose period contains it (the lowest in the
    file), else the row that holds for good, else None."""
    dated = [row for row in periods if fold(row.actor) == fold(name) and row.holds_on(day)]
    if dated:
        return dated[-1].value, dated[-1]
    found = next((p for n, p in people.items() if fold(n) == fold(name)), None)
    return found if found is not None and found[1].period is None else None


def _aliases(corrections: Sequence[Correction], people: dict[str, tuple[str, Correction]], raw: list[Event],
             curation: Curation) -> dict[str, tuple[Actor, Correction]]:
    """`alias` rows: folded actor name -> the actor it is."""
    found: dict[str, tuple[Actor, Correction]] = {}
    named = {fold(e.actor) for e in raw} | {fold(e.target) for e in raw}
    for row in corrections:
        if row.action != "alias":
            continue
        actor = resolve_actor(row.value, {name: iso for name, (iso, _) in people.items()})
        if actor is None:
            curation.problems.append(Problem("bad", row.file, row.line, f"alias: {row.value!r} names no known "
                                             "country, person or organisation; give an ISO3 code or a known name"))
            continue
        earlier = found.get(fold(row.actor))
        if earlier is not None and earlier[0] != actor:
            curation.problems.append(Problem("contradiction", row.file, row.line, f"alias: {row.actor} is "
                                             f"{earlier[0].name} on line {earlier[1].line}; this row wins"))
        found[fold(row.actor)] = (actor, row)
        if fold(row.actor) not in named:
            curation.problems.append(Problem("unmatched", row.file, row.line, f"alias: no event has the actor or "
                                             f"target {row.actor!r}"))
    return found


def _changed(event: Event, mine: dict[str, Correction], people: dict[str, tuple[str, Correction]],
             aliases: dict[str, tuple[Actor, Correction]],
             periods: Sequence[Correction] = ()) -> tuple[Event, tuple[Correction, ...]]:
    """The mention with the aliases, people's countries and change rows applied, and the rows that did it."""
    rows: list[Correction] = []
    values: dict[str, object] = {}
    for side in ("actor", "target"):
        name, kind = getattr(event, side), getattr(event, f"{side}_type")
        alias = aliases.get(fold(name))
        if alias is not None:
            values |= {side: alias[0].name, f"{side}_type": alias[0].type, f"{side}_country": alias[0].country}
            rows.append(alias[1])
        elif kind == "person":
            person = _person_country(name, event.event_date or event.date, people, periods)
            if person is not None and person[0] != getattr(event, f"{side}_country"):
                values[f"{side}_country"] = person[0]
                rows.append(person[1])
    for action in CHANGE_ACTIONS:
        row = mine.get(action)
        if row is None:
            continue
        rows.append(row)
        if action in ("actor", "target"):
            actor = resolve_actor(row.value, {name: iso for name, (iso, _) in people.items()})
            assert actor is not None  # checked when the row was matched
            values |= {action: actor.name, f"{action}_type": actor.type, f"{action}_country": actor.country}
        else:
            values[action] = row.value.removeprefix("sg:")
    if "relation" in values:
        values["context"] = _context(event.evidence, event.context)
    changed = replace(event, **values) if values else event
    return changed, tuple(dict.fromkeys(rows))


def _context(sentence: str, default: str) -> str:
    """The policy context of a sentence: the first of graph/data/contexts.csv whose keywords occur in it."""
    from graph.extract import contexts

    for context in contexts():
        if context.regex.search(sentence):
            return context.slug
    return default or "diplomacy"


def _added(row: Correction, results: Sequence, base: Path | None, people: dict[str, tuple[str, Correction]],
           curation: Curation) -> Event | None:
    """The event an `add` row states, or None (and a problem) when its source or span is not found."""
    report = curation.problems.append
    matches = [r for r in results if not r.document.skipped and same_source(row.source, r.document, base)]
    if not matches:
        report(Problem("bad", row.file, row.line, f"add: no article {row.source!r} among the inputs"))
        return None
    result = matches[0]
    document = result.document
    start = document.text.find(row.evidence)
    if start < 0:
        report(Problem("bad", row.file, row.line, f"add: the evidence is not in {document.source}; copy the span "
                       "exactly from the article"))
        return None
    known = {name: iso for name, (iso, _) in people.items()}
    actor, target = resolve_actor(row.actor, known), resolve_actor(row.target, known)
    for side, found in (("actor", actor), ("target", target)):
        if found is None:
            cell = getattr(row, side)
            report(Problem("bad", row.file, row.line, f"add: {side} {cell!r} names no known country, person or "
                           "organisation; give an ISO3 code or add a `country` row for the person"))
            return None
    assert actor is not None and target is not None
    end = start + len(row.evidence)
    before = [e.sequence for e in result.events if e.start <= start]
    relation = row.relation.removeprefix("sg:")
    return Event(
        source=document.source, date=document.date, actor=actor.name, actor_type=actor.type,
        actor_country=actor.country, relation=relation, target=target.name, target_type=target.type,
        target_country=target.country, confidence=1.0, mode="asserted", context=_context(row.evidence, ""),
        evidence=row.evidence, start=start, end=end, trigger="", sequence=max(before, default=0),
        url=document.url, publisher=document.publisher, title=document.title,
    )


# ---------------------------------------------------------------------------------------------- writing
def append_row(path: str | Path, row: dict[str, str]) -> None:
    """Add one row to a corrections file, atomically (a new file renamed over the old one), creating the
    file with its header and comment block when it does not exist."""
    from graph.outputs import atomic_write_text, check_file_target

    path = Path(path)
    check_file_target(path, "corrections.csv")
    text = path.read_text(encoding="utf-8") if path.exists() else ",".join(COLUMNS) + "\n" + HEADER_COMMENT
    if text and not text.endswith("\n"):
        text += "\n"
    header = _header(text) or list(COLUMNS)
    missing = [c for c in COLUMNS if row.get(c) and c not in header]
    if missing:
        raise ValueError(f"{path} has no column {', '.join(missing)}; add it to the header line")
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow([row.get(c, "") for c in header])
    atomic_write_text(path, text + buffer.getvalue())


def _header(text: str) -> list[str]:
    """The columns of a corrections file's header line, in its order ([] when it has none)."""
    for cells in csv.reader(io.StringIO(text)):
        if any(c.strip() for c in cells) and not cells[0].lstrip().startswith("#"):
            return [c.strip().lower() for c in cells]
    return []
