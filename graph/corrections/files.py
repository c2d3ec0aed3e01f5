"""Corrections files on disk: where a build finds them, how they are read and each row checked (a bad row is
reported and skipped, the others still apply), and how one row is appended atomically (the review page's
decisions).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from graph.corrections.rows import (
    _EVENT_NS,
    ACTIONS,
    CHANGE_ACTIONS,
    COLUMNS,
    DEFAULT_NAME,
    EVENT_ACTIONS,
    HEADER_COMMENT,
    Correction,
    Problem,
)
from graph.records import MODES


def default_files(inputs: Iterable[str | Path]) -> list[Path]:
    """The corrections files a build reads when none is named: `corrections.csv` in each folder input."""
    found = []
    for item in inputs:
        path = Path(item)
        if path.is_dir() and (path / DEFAULT_NAME).is_file():
            found.append(path / DEFAULT_NAME)
    return found


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
