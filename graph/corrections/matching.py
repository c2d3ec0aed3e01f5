"""Whom and what a row names: an actor cell (an ISO3 code, a country's name, alias, demonym or capital, a known
person or organisation), compared without accents or case, and a source cell (the article's path relative to
the corrections file's folder, as the build was given it, or its place in its input folder).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from graph.records import Document


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
