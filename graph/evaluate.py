"""Measure extraction against hand-made gold: how stancegraph tells the truth about its own accuracy.

Takes the events and entities that `stancegraph extract` writes and gold files in the common event-data
evaluation form, and gives precision, recall and F1 at country level:

gold events (CSV: doc, actor, relation, target, required[, note])
    `doc` is an input file's name without its extension; actor and target are ISO 3166 alpha-3 codes;
    `a|b` lists alternatives that all count; `required` is R (must be found) or O (optional: finding it is
    neither rewarded nor punished); relation NONE marks a document from which nothing should come.
    meetsWith and agreesToCooperate are symmetric.
gold people (CSV: doc, name, country[, role])
    a person counts as found when an extracted person of that document has the same country and a name
    that agrees with the gold name (accents, case and punctuation ignored; same last word, and every word of
    one appears in the other).

Precision counts distinct (actor, relation, target) triples per document: one matching a required item is a
hit, one matching only optional items is neutral, any other is false.
"""

from __future__ import annotations

import csv
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from graph.ontology import relations

SYMMETRIC = frozenset(name for name, relation in relations().items() if relation.symmetric)


@dataclass
class Score:
    """Precision, recall and F1 with the counts behind them, and what was missed or wrong."""

    found: int = 0
    required: int = 0
    hits: int = 0
    false: int = 0
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.hits / (self.hits + self.false) if self.hits + self.false else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.required if self.required else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self) -> str:
        return f"P={self.precision:.2f} R={self.recall:.2f} F1={self.f1:.2f}"


def _rows(path: Path | str) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return [{(k or "").strip(): (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def _doc(source: str) -> str:
    return Path(source.strip()).stem


def _options(cell: str) -> frozenset[str]:
    return frozenset(part.strip() for part in cell.split("|") if part.strip())


@dataclass(frozen=True)
class _Item:
    actors: frozenset[str]
    relations: frozenset[str]
    targets: frozenset[str]
    required: bool
    note: str

    def matches(self, actor: str, relation: str, target: str) -> bool:
        if relation not in self.relations:
            return False
        if actor in self.actors and target in self.targets:
            return True
        return relation in SYMMETRIC and target in self.actors and actor in self.targets

    def describe(self) -> str:
        return " ".join("|".join(sorted(x)) for x in (self.actors, self.relations, self.targets))


def score_events(events: Path | str, gold: Path | str) -> Score:
    """Score an events CSV (columns source, actor_country, relation, target_country) against gold events."""
    items: dict[str, list[_Item]] = defaultdict(list)
    for row in _rows(gold):
        items.setdefault(row["doc"], [])
        if row["relation"] != "NONE":
            items[row["doc"]].append(_Item(_options(row["actor"]), _options(row["relation"]),
                                           _options(row["target"]), row.get("required", "R").upper() == "R",
                                           row.get("note", "")))
    predicted: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for row in _rows(events):
        triple = (row.get("actor_country", "").upper(), row.get("relation", ""), row.get("target_country", "").upper())
        doc = _doc(row.get("source", ""))
        if all(triple) and doc in items:
            predicted[doc].add(triple)
    score = Score()
    for doc in sorted(items):
        found: set[int] = set()
        for triple in sorted(predicted[doc]):
            matched = [i for i, item in enumerate(items[doc]) if item.matches(*triple)]
            required = [i for i in matched if items[doc][i].required]
            if required:
                score.hits += 1
                found.update(required)
            elif not matched:
                score.false += 1
                score.wrong.append(f"{doc}: {' '.join(triple)}")
        wanted = [i for i, item in enumerate(items[doc]) if item.required]
        score.required += len(wanted)
        score.found += len(found)
        score.missed += [f"{doc}: {items[doc][i].describe()}" for i in wanted if i not in found]
    return score


def _words(name: str) -> list[str]:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return "".join(ch if ch.isalnum() else " " for ch in text).split()


def same_person(gold: str, name: str) -> bool:
    """True when two names denote the same person by the rule in the module docstring.

    >>> same_person("Donald Trump", "Trump"), same_person("José Raúl Mulino", "Jose Raul Mulino")
    (True, True)
    """
    a, b = _words(gold), _words(name)
    if not a or not b or a[-1] != b[-1]:
        return False
    return all(w in b for w in a) or all(w in a for w in b)


def score_people(entities: Path | str, gold: Path | str) -> Score:
    """Score the persons of an entities CSV against gold people."""
    wanted: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in _rows(gold):
        wanted[row["doc"]].append((row["name"], row["country"].upper()))
    seen: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in _rows(entities):
        if row.get("type", "").lower() == "person":
            seen[_doc(row.get("source", ""))].append((row.get("name", ""), row.get("country", "").upper()))
    score = Score()
    for doc, people in sorted(wanted.items()):
        for name, country in people:
            score.required += 1
            if any(same_person(name, n) and c == country for n, c in seen.get(doc, [])):
                score.found += 1
            else:
                score.missed.append(f"{doc}: {name} ({country})")
        for name, country in sorted({(n, c) for n, c in seen.get(doc, []) if c}):
            if any(same_person(g, name) and country == gc for g, gc in people):
                score.hits += 1
            else:
                score.false += 1
                score.wrong.append(f"{doc}: {name} ({country})")
    return score
