"""The text stage: input files and folders -> `Document` records.

Takes what a user points stancegraph at (files, folders, `-` for stdin) and gives one `Document` per file:
decoded text (UTF-8, legacy encodings detected), HTML stripped to text, a metadata header parsed
(`Title:`, `Source:`, `Date:`, `URL:` lines before the first blank line), and a date from metadata, a
dateline or, failing those, the latest full date the text mentions. Files that cannot be read (empty,
binary, too large) come back as skipped documents with the reason, so nothing disappears silently.

Character offsets elsewhere in the pipeline index into `Document.text`: for a plain-text file that is the
file's decoded content; for an HTML page it is the text extracted from it.
"""

from __future__ import annotations

import errno
import hashlib
import re
import stat
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path

from graph.dumps import NOT_A_DUMP, is_dump, read_dump
from graph.fetch import Fetcher, default_cache, is_url, read_urls
from graph.normalise import normalise_body
from graph.records import Document

#: Files in a folder that are read as articles; other files in a folder are ignored (named files are always read).
ARTICLE_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".xhtml", ""}
#: Files in a folder that describe the folder rather than report news.
IGNORED_NAMES = re.compile(r"^(readme|license|licence|changelog)(\.\w+)?$|^\.", re.I)
MAX_BYTES = 200 * 1024 * 1024

_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (DOCX/XLSX/EPUB?)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"\x7fELF": "an executable",
}


def iter_inputs(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """Expand files and folders (recursively, sorted) into the files to read.

    Missing paths are yielded as-is so that `read_document` reports them as skipped.
    """
    for path, _, _ in iter_inputs_with_keys(inputs):
        yield path


def iter_inputs_with_keys(inputs: Iterable[str | Path]) -> Iterator[tuple[Path, str, bool]]:
    """`iter_inputs`, each file with its key, its path within the folder given ('sub/b.txt') or its name
    for a file given by itself (see `Document.key`), and whether it was found in a folder."""
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            # files, and what is neither file nor folder (dangling links, named pipes), to be named as skipped
            # sorted by their parts, which is how paths compare (the key is quicker at tens of thousands of files)
            depth = len(path.parts)
            for child in sorted((p for p in path.rglob("*") if not p.is_dir()), key=lambda p: p.parts):
                rel = child.parts[depth:]  # the path within the folder (`relative_to`, quicker)
                if any(part.startswith(".") for part in rel) or IGNORED_NAMES.match(child.name):
                    continue
                yield child, "/".join(rel), True
        else:
            yield path, path.name if str(path) != "-" else "-", False


def read_documents(inputs: Iterable[str | Path], *, columns: Mapping[str, str] | None = None,
                   feeds: Iterable[str] = (), fetcher: Fetcher | None = None) -> Iterator[Document]:
    """Read every input; `-` reads one document from standard input; a news dump (JSON Lines, CSV,
    Parquet: see graph/dumps.py) gives one document per record, its fields named by `columns` when they
    have unusual names; a URL is fetched and its article read, and so is every entry of the RSS or Atom
    `feeds` (graph/fetch.py; `fetcher` sets the cache and the manners, by default in ~/.cache)."""
    inputs = list(inputs)
    feeds = list(feeds)
    if fetcher is None and (feeds or any(is_url(i) for i in inputs)):
        fetcher = Fetcher(default_cache())
    files = [i for i in inputs if not is_url(i)]
    urls = [str(i) for i in inputs if is_url(i)]
    for document in _read_files(files, columns):
        yield _english_only(document)
    if urls or feeds:
        for document in read_urls(urls, feeds, fetcher):
            yield _english_only(document)


#: Words that make up a good share of any English news text; a text with few of them is checked further.
_ENGLISH_WORDS = frozenset("the of and to in a is that for on said was with by as at from has have it his her "
                           "their its be are were will would not an this which who".split())
#: Names of the languages news most often arrives in besides English (ISO 639-1 code -> name).
LANGUAGES = {"fr": "French", "es": "Spanish", "pt": "Portuguese", "de": "German", "it": "Italian",
             "ru": "Russian", "ar": "Arabic", "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "tr": "Turkish",
             "nl": "Dutch", "pl": "Polish", "uk": "Ukrainian", "fa": "Persian", "id": "Indonesian",
             "vi": "Vietnamese", "hi": "Hindi", "sw": "Swahili", "ro": "Romanian", "el": "Greek", "he": "Hebrew"}


#: A word of letters only: the runs `[^\W\d_]+` finds, found a fifth faster where a run opens with ASCII letters (a
#: range the regex engine tests directly, where the negated classes ask the Unicode tables for every letter)
_LETTER_RUN = re.compile(r"[a-z]+[^\W\d_]*|[^\W\d_]+")


def language_of(text: str) -> str | None:
    """The ISO 639-1 code of a text that is not English, or None (English, or too short to tell).

    English news is recognised by its function words at no cost; any other text is identified with
    py3langid (a model that ships inside its wheel), on a sample of the text.

    >>> language_of("Le Brésil a condamné les États-Unis pour le traitement des migrants expulsés vers "
    ...             "Manaus, a déclaré le ministère des affaires étrangères dans un communiqué publié lundi.")
    'fr'
    """
    words = _LETTER_RUN.findall(text[:3000].lower())
    # (the count runs in C: a generator costs more than the search for every English text read)
    if len(words) < 20 or sum(map(_ENGLISH_WORDS.__contains__, words)) >= 0.12 * len(words):
        return None
    import py3langid

    code, _ = py3langid.classify(" ".join(words[:120]))
    return None if code == "en" else code


def _english_only(document: Document) -> Document:
    """The document, or the same document skipped as not English (naming the language it is in)."""
    if document.skipped:
        return document
    code = language_of(document.text[document.body_start:])
    if code is None:
        return document
    name = LANGUAGES.get(code, code)
    return replace(document, skipped=f"written in {name} ({code}); only English is read", text="")


def read_listed(entries: Iterable[tuple[Path, str, bool]], *,
                columns: Mapping[str, str] | None = None) -> Iterator[Document]:
    """The documents of files already listed by `iter_inputs_with_keys` (one partition of a distributed run:
    graph/shards.py), read exactly as `read_documents` reads them."""
    for document in _read_entries(entries, columns):
        yield _english_only(document)


def _read_files(inputs: Iterable[str | Path], columns: Mapping[str, str] | None) -> Iterator[Document]:
    return _read_entries(iter_inputs_with_keys(inputs), columns)


def _read_entries(entries: Iterable[tuple[Path, str, bool]],
                  columns: Mapping[str, str] | None) -> Iterator[Document]:
    for path, key, in_folder in entries:
        path = Path(path)
        if str(path) == "-":
            document = document_from_bytes("-", sys.stdin.buffer.read())
        elif is_dump(path) and path.is_file():
            for record in read_dump(path, key, columns=columns):
                if in_folder and record.source == str(path) and record.skipped.startswith(NOT_A_DUMP):
                    break  # a data table beside the articles (gold files, a manifest): not news, not an error
                yield record
            continue
        else:
            document = read_document(path)
        yield replace(document, key=key)


def read_document(path: Path | str, *, max_bytes: int = MAX_BYTES) -> Document:
    """Read one file into a `Document`; never raises for bad content, reports it in `skipped`."""
    path = Path(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            return _skipped(str(path), b"", "is a folder without articles")
        if not stat.S_ISREG(info.st_mode):  # read() on a FIFO would wait for a writer forever
            return _skipped(str(path), b"", "is not a regular file (a named pipe, socket or device); give files")
        size = info.st_size
        if size > max_bytes:
            return _skipped(str(path), b"", _too_big(size, max_bytes))
        raw = path.read_bytes()
    except FileNotFoundError:
        if path.is_symlink():
            return _skipped(str(path), b"", "is a link to nothing (a dangling symbolic link); fix or remove it")
        return _skipped(str(path), b"", "no such file; check the path")
    except IsADirectoryError:
        return _skipped(str(path), b"", "is a folder without articles")
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # 'check permissions' would send the user the wrong way
            return _skipped(str(path), b"", "is a symbolic link that loops back on itself; fix or remove it")
        return _skipped(str(path), b"", f"cannot be read ({exc.strerror or exc}); check permissions")
    suffix = path.suffix.lower()
    if suffix not in ARTICLE_SUFFIXES and raw.strip() and not _binary_kind(raw):
        return _skipped(str(path), raw, f"'{suffix}' files are not read as articles; save it as .txt or .html "
                        "to include it")
    return document_from_bytes(str(path), raw)


def _too_big(size: int, max_bytes: int) -> str:
    """Why a file over the size limit is skipped, in figures that differ: rounded to whole megabytes a file
    of 210,000,000 bytes and the limit of 200 MiB (209,715,200 bytes) both read '210 MB'."""
    def megabytes(count: int) -> str:
        return f"{count / 1e6:.0f} MB"

    if megabytes(size) == megabytes(max_bytes):
        return f"file is {size:,} bytes, over the limit of {max_bytes:,} bytes; split it into articles"
    return f"file is {megabytes(size)}, over the {megabytes(max_bytes)} limit; split it into articles"


def document_from_bytes(source: str, raw: bytes) -> Document:
    """Decode, strip HTML, parse the metadata header and the date of one input."""
    digest = hashlib.sha256(raw).hexdigest()
    if not raw.strip():
        return _skipped(source, raw, "empty file")
    kind = _binary_kind(raw)
    if kind:
        return _skipped(source, raw, f"binary file ({kind}); convert it to text or HTML first")
    text, encoding = decode(raw)
    warnings: list[str] = []
    if encoding not in ("utf-8", "ascii"):
        warnings.append(f"decoded as {encoding}")
    meta: dict[str, str] = {}
    if _looks_like_html(source, text):
        text, meta = html_to_text(text)
        warnings.append("HTML stripped to text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return _skipped(source, raw, "no text left after removing markup")
    header, body_start = parse_header(text)
    text = text[:body_start] + normalise_body(text[body_start:])
    meta = {**meta, **header}
    publisher, source_title, source_date = _parse_source_line(meta.get("source", ""))
    doc_date = (normalise_date(meta.get("date", "")) or source_date or find_dateline(text[body_start:])
                or latest_date(text))
    return Document(
        source=source, text=text, sha256=digest,
        title=meta.get("title") or source_title or _first_line(text[body_start:]),
        date=doc_date, publisher=meta.get("publisher") or publisher, url=meta.get("url", ""),
        body_start=body_start, warnings=tuple(warnings),
    )


def _skipped(source: str, raw: bytes, reason: str) -> Document:
    return Document(source=source, text="", sha256=hashlib.sha256(raw).hexdigest(), skipped=reason)


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def _binary_kind(raw: bytes) -> str:
    """Name the kind of a binary file, or "" for text. Text in UTF-16 counts as text."""
    for magic, kind in _MAGIC.items():
        if raw.startswith(magic):
            return kind
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return ""
    sample = raw[:8192]
    if b"\x00" in sample:
        return "contains NUL bytes"
    control = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return "mostly control characters" if control > len(sample) * 0.1 else ""


def decode(raw: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8 when valid, else with the most likely legacy encoding (cp1252 as last resort)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace"), "utf-8"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:200_000]).best()
    encoding = best.encoding if best is not None else "cp1252"
    # Detection confuses the single-byte Latin encodings (cp1252, cp1257, latin-1...) on short texts; news
    # text in any of them is nearly always cp1252, so it wins whenever the bytes are valid cp1252.
    if best is None or encoding.startswith(("cp125", "latin", "iso8859", "mac_")):
        try:
            return raw.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        return raw.decode("cp1252", errors="replace"), "cp1252"


def _looks_like_html(source: str, text: str) -> bool:
    if source.lower().endswith((".html", ".htm", ".xhtml")):
        return True
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text[:5000])


#: Elements whose text is never shown (code, styles, the head) and page furniture around an article.
_HIDDEN = frozenset({"script", "style", "noscript", "template", "svg", "head", "title", "iframe", "button", "form"})
_FURNITURE = frozenset({"nav", "footer", "header", "aside"})
#: Elements that break the text into paragraphs.
_BLOCK = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
                    "section", "article", "blockquote", "figcaption", "figure", "dd", "dt", "pre", "hr",
                    "main", "header", "footer", "nav", "aside"})
_META_KEYS = {
    "date": {"article:published_time", "date", "dc.date", "datepublished", "pubdate", "og:published_time",
             "dcterms.date"},
    "publisher": {"og:site_name", "publisher", "dc.publisher"},
    "title": {"og:title", "dc.title"},
    "url": {"og:url"},
}


def html_to_text(markup: str) -> tuple[str, dict[str, str]]:
    """Strip an HTML page to its visible text, one paragraph a line; return (text, metadata).

    The page is parsed by html5lib, the HTML5 parsing algorithm browsers use, so a page without
    `</head>`, with unclosed elements or misnested tags is read as a browser would show it. Navigation,
    headers, footers and asides are left out; when that leaves nothing but there are paragraphs (an
    unclosed `<header>` holds the whole article), the page's text is read with them, as a browser shows it.
    """
    import html5lib

    root = html5lib.parse(markup, namespaceHTMLElements=False)
    text = _visible_text(root, _HIDDEN | _FURNITURE)
    if not text.strip() and any("".join(paragraph.itertext()).strip() for paragraph in root.iter("p")):
        text = _visible_text(root, _HIDDEN)  # paragraphs inside page furniture: an element left open
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n")]
    text = "\n".join(line for line in lines if line)
    meta: dict[str, str] = {}
    for element in root.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").lower()
        content = (element.get("content") or "").strip()
        for field, keys in _META_KEYS.items():
            if key in keys and content:
                meta.setdefault(field, content)
    title = next((" ".join("".join(t.itertext()).split()) for t in root.iter("title")), "")
    if title:
        meta.setdefault("title", title)
    return text + "\n", meta


def _visible_text(root, hidden: frozenset[str]) -> str:
    """The text of `root` outside `hidden` elements, with a line break around every block element.

    Walked with a stack, not recursion: a page of ten thousand nested elements is still read."""
    parts: list[str] = []
    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        element, closing = stack.pop()
        tag = element.tag if isinstance(element.tag, str) else ""  # comments have a function as tag
        if closing:
            if tag in _BLOCK:
                parts.append("\n")
            if element.tail:
                parts.append(element.tail)
            continue
        if tag in hidden or not tag:
            if element.tail:
                parts.append(element.tail)
            continue
        if tag in _BLOCK:
            parts.append("\n")
        if element.text:
            parts.append(element.text)
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))
    return "".join(parts)


_HEADER_LINE = re.compile(r"^(title|source|date|url|publisher|author|byline)\s*:\s*(.*)$", re.I)


def parse_header(text: str) -> tuple[dict[str, str], int]:
    r"""Read `Key: value` lines at the top of a file up to the first blank line.

    Returns the metadata (lower-case keys) and the offset where the body starts; (empty, 0) when the file
    has no such header. A long value may be wrapped onto following lines (indented, or followed by more
    `Key:` lines in the block): they continue the value, they are not the article's first sentence.

    >>> parse_header("Title: Egypt frees an Italian student after talks\n  with Rome\nDate: 2025-02-03\n\nBody")
    ({'title': 'Egypt frees an Italian student after talks with Rome', 'date': '2025-02-03'}, 80)
    """
    block_end = text.find("\n\n")
    lines = (text if block_end == -1 else text[:block_end]).split("\n")
    if not lines or not _HEADER_LINE.match(lines[0].strip()):
        return {}, 0
    meta: dict[str, str] = {}
    key = ""
    for index, line in enumerate(lines):
        match = _HEADER_LINE.match(line.strip())
        if match:
            key = match.group(1).lower()
            meta[key] = match.group(2).strip()
        elif line[:1].isspace() or any(_HEADER_LINE.match(later.strip()) for later in lines[index + 1:]):
            meta[key] = f"{meta[key]} {line.strip()}".strip()
        else:
            return {}, 0  # prose right after a 'Key:' line with no blank line: no header, all body
    return meta, (len(text) if block_end == -1 else block_end + 2)


def _parse_source_line(value: str) -> tuple[str, str, str]:
    """Split `Outlet, "Headline", 2025-02-03` into (outlet, headline, ISO date); parts may be empty."""
    if not value:
        return "", "", ""
    title_match = re.search(r"[\"“](.+?)[\"”]", value)
    title = title_match.group(1) if title_match else ""
    publisher = value[: title_match.start()].strip(" ,;") if title_match else value.split(",")[0].strip()
    return publisher, title, find_dateline(value) or latest_date(value)


def _first_line(text: str) -> str:
    for line in text.split("\n"):
        if line.strip():
            return line.strip()[:160]
    return ""


MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
_MONTH = (r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
          r"Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_DATE_PATTERNS = [
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?!\d)"),
    re.compile(_MONTH + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b"),
]


def _to_iso(match: re.Match[str]) -> str:
    groups = match.groupdict()
    month = int(groups["mnum"]) if groups.get("mnum") else MONTHS[groups["month"].lower()[:3]]
    try:
        return date(int(groups["year"]), month, int(groups["day"])).isoformat()
    except ValueError:
        return ""


def normalise_date(value: str) -> str:
    """Turn a metadata date ('2025-02-03T10:00Z', 'Feb. 3, 2025') into an ISO date, or ""."""
    for pattern in _DATE_PATTERNS:
        match = pattern.search(value)
        if match:
            iso = _to_iso(match)
            if iso:
                return iso
    return ""


def find_dateline(text: str) -> str:
    """The date of a news dateline near the top: a date on a line of its own, or a date right before the
    dateline dash ('WASHINGTON, Feb. 3, 2025 —'). A date inside the first sentence is not a dateline."""
    head = text[:400]
    for line in head.split("\n")[:4]:
        stripped = line.strip()
        if not stripped:
            continue
        for pattern in _DATE_PATTERNS:
            match = pattern.search(stripped)
            if not match:
                continue
            alone = len(stripped) < 40
            before_dash = re.match(r"[\s,.)]*(?:\([^)]*\)\s*)?[—–-]", stripped[match.end():]) is not None \
                and match.start() < 60
            if alone or before_dash:
                iso = _to_iso(match)
                if iso:
                    return iso
    return ""


def latest_date(text: str) -> str:
    """The latest full date (with a year) that the text mentions, or "".

    Used when an article carries no metadata or dateline: a report is rarely older than the dates it cites
    (photo captions, quoted events), so the latest one is a close lower bound of its publication date.
    """
    found = [iso for pattern in _DATE_PATTERNS for m in pattern.finditer(text) if (iso := _to_iso(m))]
    return max(found) if found else ""
