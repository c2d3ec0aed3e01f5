"""Typed records that move between pipeline stages.

text (`Document`) -> mentions (`Mention`) -> events (`Event`, one per evidence sentence)
-> merged claims (`MergedEvent`, one per fact across documents) -> triples.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: For records made by the ten thousand (mentions, sentences, entities): value objects, never changed after
#: they are made, but not `frozen`: a frozen dataclass is five times slower to create.
value_record = dataclass(slots=True, unsafe_hash=True)

#: Column order of `stancegraph extract --events`.
EVENT_COLUMNS = (
    "source", "date", "actor", "actor_type", "actor_country", "relation", "target", "target_type",
    "target_country", "confidence", "mode", "context", "evidence", "start", "end", "trigger",
    "url", "publisher", "title", "event_date",
)
#: Column order of `stancegraph extract --entities`.
ENTITY_COLUMNS = ("source", "name", "type", "country", "role")

ACTOR_TYPES = ("country", "person", "organization", "program", "policy")
MODES = ("asserted", "planned", "conditional", "reported")


@dataclass(frozen=True)
class Document:
    """One input file, decoded to text (or skipped, with the reason)."""

    source: str  #: the path as given by the user
    text: str
    sha256: str  #: of the raw bytes, so a skipped file still has an identity
    title: str = ""
    date: str = ""  #: ISO date from metadata or a dateline, "" when unknown
    publisher: str = ""
    url: str = ""
    body_start: int = 0  #: offset where the article body starts (after a metadata header)
    skipped: str = ""  #: why the document could not be read; "" when it was read
    warnings: tuple[str, ...] = ()  #: what was repaired on the way (legacy encoding, HTML stripped...)
    #: where the document sits within the input it was found in ('01_x.txt' of folder 'corpus'): the same
    #: whether the folder was typed 'corpus' or '/home/me/corpus', so the graph's IRIs do not change with it
    key: str = ""
    retrieved: str = ""  #: when a fetched page was downloaded (UTC, ISO 8601); "" for files read from disk


@value_record
class Mention:
    """An actor named in the text: a country, person, organization or program, with its country."""

    start: int
    end: int
    text: str
    type: str  #: one of ACTOR_TYPES
    key: str  #: ISO3 for a country, the canonical name otherwise
    country: str  #: ISO3 of the country the actor belongs to ("" if unknown)
    role: str = ""
    via: str = ""  #: how it was recognised: name, alias, demonym, capital, title, pronoun...


@value_record
class Entity:
    """A named actor seen in a document, as listed by `extract --entities`."""

    source: str
    name: str
    type: str
    country: str
    role: str = ""
    written: str = ""  #: a person's name as this document writes it, when it differs from `name`

    def row(self) -> dict[str, str]:
        return {"source": self.source, "name": self.written or self.name, "type": self.type,
                "country": self.country, "role": self.role}


@dataclass(frozen=True)
class Event:
    """One stance claim read from one sentence of one document."""

    source: str
    date: str
    actor: str
    actor_type: str
    actor_country: str
    relation: str
    target: str
    target_type: str
    target_country: str
    confidence: float
    mode: str
    context: str
    evidence: str
    start: int
    end: int
    trigger: str = ""
    sequence: int = 0  #: order of the sentence in its document, for timelines within one day
    url: str = ""  #: where the article was published, when known (a web page, a dump's url field, URL: header)
    publisher: str = ""
    title: str = ""
    #: when the act happened, resolved from the sentence against `date` (graph/extract/dates.py): "on Sunday",
    #: "two weeks after ..."; "" when the sentence does not say, and then `date`, the report's, stands for it
    event_date: str = ""

    def row(self) -> dict[str, str]:
        values = {name: getattr(self, name) for name in EVENT_COLUMNS}
        values["confidence"] = f"{self.confidence:.2f}"
        return {k: str(v) for k, v in values.items()}


@dataclass
class MergedEvent:
    """One fact reported by one or more mentions (same actor, relation and target within a few days)."""

    mentions: list[Event] = field(default_factory=list)

    @property
    def first(self) -> Event:
        return self.mentions[0]
