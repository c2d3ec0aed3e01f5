"""The extraction cache: what each article gave, kept in the build folder, so a rebuild extracts only what changed.

Extraction is by far the slowest stage; news arrives a day at a time. Each article's result (its events,
entities and document record) is stored under a key made of the article (path as given, content hash,
and the date, title, publisher and URL it came with) and of the extractor's version: a hash of the code
of the extraction stages and of every lexicon and data file in graph/data. So a changed article, a
changed lexicon or a new version of stancegraph re-extracts exactly what it may change, and nothing else.

The cache lives in `BUILD/.cache/` as one JSON file per article (JSON, not pickle: a cache file is data
and is never run), with an index of the previous build's articles to tell new, changed, unchanged and
removed ones apart. Entries no article uses any more are removed after each build.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path

import pycountry

from graph.records import Document, Entity, Event

#: Modules whose code decides what extraction gives (their source is hashed into the version); a name that is
#: a package (actors, extract) stands for every .py file in it, in name order.
_EXTRACTION_MODULES = ("actors", "documents", "dumps", "extract", "normalise", "records", "text", "words")
CACHE = ".cache"


@cache
def extractor_version() -> str:
    """Hash of the extraction code, the data files and pycountry's version: a change to any re-extracts."""
    return version_of(Path(__file__).parent)


def version_of(package: Path) -> str:
    """The extractor version of the `graph` package in `package` (see `extractor_version`)."""
    digest = hashlib.sha256(pycountry.__version__.encode() if hasattr(pycountry, "__version__") else b"")
    for name in _EXTRACTION_MODULES:
        if (package / name).is_dir():
            for path in sorted((package / name).glob("*.py")):
                digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
        else:
            digest.update((package / f"{name}.py").read_bytes())
    for path in sorted((package / "data").rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    from graph.extract.wordnet import wordnet_enabled

    if not wordnet_enabled():  # (the words derived from WordNet switched off extract otherwise)
        digest.update(b"\0STANCEGRAPH_WORDNET=0")
    return digest.hexdigest()[:16]


def document_key(document: Document) -> str:
    """The cache key of one article: what it is, where it was read from, and the extractor's version."""
    parts = (extractor_version(), document.source, document.key, document.sha256, document.date, document.title,
             document.publisher, document.url, document.skipped)
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:32]


@dataclass
class CacheStats:
    """How the articles of a build compare with the previous build into the same folder."""

    new: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    seconds: dict[str, float] = field(default_factory=dict)  #: time per stage


class ExtractionCache:
    """Extraction results of a build folder's articles, keyed by `document_key`."""

    def __init__(self, out: Path) -> None:
        self.folder = Path(out) / CACHE
        self.index_path = self.folder / "index.json"
        self.previous: dict[str, str] = self._read_index()
        self.current: dict[str, str] = {}

    def _read_index(self) -> dict[str, str]:
        try:
            index = json.loads(self.index_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return index if isinstance(index, dict) else {}

    def get(self, document: Document):
        """The cached result of `document` (a DocumentResult), or None; notes the article for the index."""
        from graph.extract import DocumentResult

        key = document_key(document)
        self.current[document.source] = key
        try:
            data = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
            return DocumentResult(document, [Event(**row) for row in data["events"]],
                                  [Entity(**row) for row in data["entities"]])
        except (OSError, ValueError, KeyError, TypeError):
            return None  # absent, or unreadable: extracted again

    def note(self, document: Document) -> None:
        """Count `document` as an article of this build whose result came from elsewhere (the previous build's
        state, graph/assemble/), so its entry is kept and the statistics include it."""
        self.current[document.source] = document_key(document)

    def put(self, result) -> None:
        """Store one article's result."""
        key = self.current.get(result.document.source) or document_key(result.document)
        self.current[result.document.source] = key
        self.folder.mkdir(parents=True, exist_ok=True)
        payload = {"events": [asdict(e) for e in result.events], "entities": [asdict(e) for e in result.entities]}
        temporary = self.folder / f".{key}.{os.getpid()}.tmp"
        temporary.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, self.folder / f"{key}.json")

    def stats(self) -> CacheStats:
        """New, changed, unchanged and removed articles against the previous build."""
        stats = CacheStats()
        for source, key in self.current.items():
            before = self.previous.get(source)
            if before is None:
                stats.new += 1
            elif before == key:
                stats.unchanged += 1
            else:
                stats.changed += 1
        stats.removed = len(set(self.previous) - set(self.current))
        return stats

    def commit(self) -> None:
        """Write the index of this build and remove the entries no article of it uses."""
        self.folder.mkdir(parents=True, exist_ok=True)
        temporary = self.folder / f".index.{os.getpid()}.tmp"
        temporary.write_text(json.dumps(self.current, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        os.replace(temporary, self.index_path)
        used = {f"{key}.json" for key in self.current.values()}
        for entry in self.folder.iterdir():
            if entry.name != self.index_path.name and entry.name not in used:
                with contextlib.suppress(OSError):
                    entry.unlink()
