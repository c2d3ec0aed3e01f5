"""News dumps: files of many articles, one record each (JSON Lines, CSV, Parquet) -> `Document` records.

News crawls, media-monitoring exports and GDELT-linked URL lists come as one record per article with a
text, a title, a date, a URL and a publisher in named fields. Each record becomes a document of its own,
with its own date, so a dump of a month of news is a month of dated articles, not one article.

Field names are recognised in the forms such exports use (`text`, `body`, `content`, `maintext` ...; see
`FIELDS`); `columns` maps others ({"text": "story", "date": "pubDate"}). A record that cannot be read (no
text, a date that is no date, a text that is not a string) is reported by file and line (JSON Lines) or
row (CSV, Parquet, counting the header as row 1) and skipped; the other records are kept. A record's
`source` is `FILE#N` with that line or row number, so every event points back at its record.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from graph.normalise import normalise_body
from graph.records import Document

#: Suffixes read as dumps: one article per record.
DUMP_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "tsv", ".parquet": "parquet"}
#: Field -> the names exports give it, most usual first (compared without regard to case).
FIELDS = {
    "text": ("text", "body", "content", "maintext", "article", "article_text", "full_text", "story"),
    "title": ("title", "headline", "heading"),
    "date": ("date", "published", "date_publish", "publish_date", "published_at", "pubdate", "seendate",
             "datetime", "timestamp", "date_published"),
    "url": ("url", "link", "source_url", "sourceurl", "permalink"),
    "publisher": ("source", "publisher", "domain", "source_domain", "source_name", "outlet", "site",
                  "sourcecommonname"),
    "language": ("language", "lang", "language_code"),
}
#: Values of a language field that mean English.
ENGLISH = {"en", "eng", "english", "en-us", "en-gb", "en_us", "en_gb"}


#: How a table that is no news dump is reported (a folder of articles may hold such tables: they are passed over).
NOT_A_DUMP = "is not a news dump"


class DumpError(ValueError):
    """The file cannot be read as a dump at all (not JSON Lines, no text field...): one line, naming it."""


def is_dump(path: Path) -> bool:
    return path.suffix.lower() in DUMP_SUFFIXES


def read_dump(path: Path, key: str, *, columns: Mapping[str, str] | None = None) -> Iterator[Document]:
    """Every record of a dump file as a document; unreadable records and files as skipped documents."""
    kind = DUMP_SUFFIXES[path.suffix.lower()]
    try:
        mapping: dict[str, str] | None = None
        for number, record in _records(path, kind):
            if mapping is None and "__error__" not in record:
                mapping = _mapping(path, record, columns or {})
            yield _document(path, key, number, record, mapping or {})
    except DumpError as error:
        yield _skipped(str(path), key, str(error))


def _records(path: Path, kind: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line or row number, record) of every record."""
    if kind == "parquet":
        yield from _parquet_records(path)
        return
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (UnicodeDecodeError, OSError) as error:
        raise DumpError(f"cannot be read as UTF-8 text ({error}); save it as UTF-8") from None
    if kind == "jsonl":
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                yield number, {"__error__": f"not JSON ({error.msg} at column {error.colno})"}
                continue
            yield number, record if isinstance(record, dict) else {"__error__": "not a JSON object"}
        return
    reader = csv.DictReader(io.StringIO(text), delimiter="\t" if kind == "tsv" else ",")
    for number, row in enumerate(reader, start=2):
        yield number, row


def _parquet_records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        import pyarrow.parquet as pq
    except ImportError:  # pragma: no cover - pyarrow is a dependency
        raise DumpError("reading Parquet needs pyarrow; pip install pyarrow") from None
    try:
        table = pq.read_table(path)
    except Exception as error:  # pyarrow raises several kinds for a file that is not Parquet
        raise DumpError(f"not a readable Parquet file ({error})") from None
    yield from enumerate(table.to_pylist(), start=2)


def _mapping(path: Path, record: dict[str, Any], columns: Mapping[str, str]) -> dict[str, str]:
    """Field -> the record's key for it, from `columns` first, then the usual names."""
    unknown = set(columns) - set(FIELDS)
    if unknown:
        raise DumpError(f"--columns names {', '.join(sorted(unknown))}; the fields are {', '.join(FIELDS)}")
    present = {str(name).strip().lower(): name for name in record if name != "__error__"}
    mapping: dict[str, str] = {}
    for field, names in FIELDS.items():
        if field in columns:
            wanted = columns[field].strip().lower()
            if wanted not in present:
                raise DumpError(f"has no field {columns[field]!r} (given for {field} in --columns); "
                                f"its fields are {', '.join(sorted(present.values()))}")
            mapping[field] = present[wanted]
            continue
        found = next((present[name] for name in names if name in present), None)
        if found is not None:
            mapping[field] = found
    if "text" not in mapping:
        raise DumpError(f"{NOT_A_DUMP}: no text field ({', '.join(FIELDS['text'])}); name it with "
                        "--columns text=FIELD")
    return mapping


def _document(path: Path, key: str, number: int, record: dict[str, Any], mapping: dict[str, str]) -> Document:
    from graph.documents import normalise_date

    where = f"line {number}" if path.suffix.lower() in (".jsonl", ".ndjson") else f"row {number}"
    source, record_key = f"{path}#{number}", f"{key}#{number}"
    if "__error__" in record:
        return _skipped(source, record_key, f"{where}: {record['__error__']}")
    text = record.get(mapping.get("text", ""))
    if not isinstance(text, str):
        what = "no text" if text is None or text == "" else f"the text is not a string ({type(text).__name__})"
        return _skipped(source, record_key, f"{where}: {what}")
    if not text.strip():
        return _skipped(source, record_key, f"{where}: no text")
    language = str(record.get(mapping.get("language", ""), "") or "").strip().lower()
    if language and language not in ENGLISH:
        return _skipped(source, record_key, f"{where}: language '{language}'; only English is read")
    raw_date = record.get(mapping.get("date", ""))
    date = ""
    if raw_date not in (None, ""):
        date = normalise_date(str(raw_date)) or _compact_date(str(raw_date))
        if not date:
            return _skipped(source, record_key, f"{where}: date {raw_date!r} is not a date")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Document(
        source=source, text=normalise_body(text), sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        title=str(record.get(mapping.get("title", ""), "") or "").strip(), date=date,
        publisher=str(record.get(mapping.get("publisher", ""), "") or "").strip(),
        url=str(record.get(mapping.get("url", ""), "") or "").strip(), key=record_key,
    )


def _compact_date(value: str) -> str:
    """GDELT's compact timestamps ('20250205T143000Z', '20250205143000') as an ISO date, else ''."""
    digits = value.strip()[:8]
    if len(digits) == 8 and digits.isdigit() and digits[:2] in ("19", "20"):
        from datetime import date

        try:
            return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8])).isoformat()
        except ValueError:
            return ""
    return ""


def _skipped(source: str, key: str, reason: str) -> Document:
    return Document(source=source, text="", sha256=hashlib.sha256(source.encode("utf-8")).hexdigest(),
                    skipped=reason, key=key)
