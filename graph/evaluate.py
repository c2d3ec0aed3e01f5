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

A sentence-level set is one CSV file (`id,text,facts`, any other column ignored; tests/data/sentences/): each
row a short text, `facts` the facts it states as `ACTOR relation TARGET` separated by `;`, `?` before an
optional one, `NONE` for a text that states none. `write_sentence_set` turns it into a folder of articles with
its gold events file, so that it is scored like any other set (`stancegraph evaluate FILE.csv`).

Corrections are the other yardstick (`stancegraph evaluate --corrections FILE`): `score_reviewed` counts the
extracted events people accepted, rejected or fixed and the events they added, per relation, with the
precision of what was reviewed (accepted / (accepted + rejected)); `training_examples` turns the same
decisions into labelled sentences (`examples_jsonl`; the README's "Training examples from corrections").
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


class SentenceSetError(ValueError):
    """A sentence-level set the evaluator cannot read (the message names the file, the row and what to do)."""


def _gold_rows_of_facts(path: Path, row: dict[str, str]) -> list[list[str]]:
    """The gold events rows of one text of a sentence-level set."""
    facts = [fact.strip() for fact in (row.get("facts") or "").split(";") if fact.strip()]
    if not facts:
        raise SentenceSetError(f"{path}: row {row.get('id')!r} has no facts; write NONE for a text that states none")
    out = []
    for fact in facts:
        if fact == "NONE":
            out.append([row["id"], "", "NONE", "", "R", ""])
            continue
        words = fact.lstrip("?").split()
        if len(words) != 3:
            raise SentenceSetError(f"{path}: row {row['id']!r}: fact {fact!r} is not 'ACTOR relation TARGET' "
                                   "(e.g. 'COL acceptsDeportees USA')")
        out.append([row["id"], words[0], words[1], words[2], "O" if fact.startswith("?") else "R", ""])
    return out


def write_sentence_set(path: Path | str, folder: Path | str) -> int:
    """Write the texts of a sentence-level CSV into `folder` as articles (`<id>.txt`) with its gold_events.csv;
    return how many texts. Raises SentenceSetError on a row it cannot read."""
    path, folder = Path(path), Path(folder)
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    if not rows or not {"id", "text", "facts"} <= set(rows[0]):
        raise SentenceSetError(f"{path}: a sentence-level set needs the columns id, text and facts")
    gold = []
    for row in rows:
        if not row["id"] or "/" in row["id"] or row["id"].startswith("."):
            raise SentenceSetError(f"{path}: row id {row['id']!r} cannot name a file; use letters, digits and '-'")
        gold.extend(_gold_rows_of_facts(path, row))
        (folder / f"{row['id']}.txt").write_text(row["text"].strip() + "\n", encoding="utf-8")
    with open(folder / "gold_events.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["doc", "actor", "relation", "target", "required", "note"])
        writer.writerows(gold)
    return len(rows)


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


def _gold_items(gold: Path | str) -> dict[str, list[_Item]]:
    """The gold items of each document (a document whose only row is NONE has none, but is scored)."""
    items: dict[str, list[_Item]] = defaultdict(list)
    for row in _rows(gold):
        items.setdefault(row["doc"], [])
        if row["relation"] != "NONE":
            items[row["doc"]].append(_Item(_options(row["actor"]), _options(row["relation"]),
                                           _options(row["target"]), row.get("required", "R").upper() == "R",
                                           row.get("note", "")))
    return items


def _triple(row: dict[str, str]) -> tuple[str, str, str]:
    return row.get("actor_country", "").upper(), row.get("relation", ""), row.get("target_country", "").upper()


def _verdict(items: list[_Item], triple: tuple[str, str, str]) -> tuple[str, list[int]]:
    """'hit' (and the required items it finds), 'neutral' (it matches optional items only) or 'false'."""
    matched = [i for i, item in enumerate(items) if item.matches(*triple)]
    required = [i for i in matched if items[i].required]
    return ("hit" if required else "neutral" if matched else "false"), required


def _tally(events: Path | str, gold: Path | str) -> tuple[Score, dict[str, Score]]:
    """The score of the whole and of each relation, whose counts add up to the whole's.

    A predicted triple counts under its own relation. A required item counts under the relation of the first
    triple (in sorted order) that finds it, or, when nothing finds it, under the first of its relations in
    alphabetical order (`meetsWith|visits` under meetsWith), so no item is counted twice.
    """
    items = _gold_items(gold)
    predicted: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for row in _rows(events):
        triple, doc = _triple(row), _doc(row.get("source", ""))
        if all(triple) and doc in items:
            predicted[doc].add(triple)
    whole: Score = Score()
    per: dict[str, Score] = defaultdict(Score)
    for doc in sorted(items):
        found_by: dict[int, str] = {}
        for triple in sorted(predicted[doc]):
            verdict, required = _verdict(items[doc], triple)
            for score in (whole, per[triple[1]]):
                if verdict == "hit":
                    score.hits += 1
                elif verdict == "false":
                    score.false += 1
                    score.wrong.append(f"{doc}: {' '.join(triple)}")
            for i in required:
                found_by.setdefault(i, triple[1])
        for i, item in enumerate(items[doc]):
            if not item.required:
                continue
            relation = found_by.get(i) or min(item.relations)
            for score in (whole, per[relation]):
                score.required += 1
                if i in found_by:
                    score.found += 1
                else:
                    score.missed.append(f"{doc}: {item.describe()}")
    return whole, dict(sorted(per.items()))


def score_events(events: Path | str, gold: Path | str) -> Score:
    """Score an events CSV (columns source, actor_country, relation, target_country) against gold events."""
    return _tally(events, gold)[0]


def relation_scores(events: Path | str, gold: Path | str) -> dict[str, Score]:
    """The score of each relation, in alphabetical order; their counts add up to `score_events`'s (see
    `_tally` for where an item with alternative relations counts). Shows where the errors of the whole lie."""
    return _tally(events, gold)[1]


def relation_table(scores: dict[str, Score]) -> str:
    """The scores of `relation_scores` as a text table: counts, then precision, recall and F1 (blank where a
    relation has nothing to divide by: no event extracted, or no required item)."""
    width = max([len("relation"), *map(len, scores)])
    lines = [f"{'relation':<{width}}  required  found  hits  false     P     R    F1"]
    for relation, score in scores.items():
        p = f"{score.precision:.2f}" if score.hits + score.false else ""
        r = f"{score.recall:.2f}" if score.required else ""
        f = f"{score.f1:.2f}" if p and r else ""
        lines.append(f"{relation:<{width}}  {score.required:>8}  {score.found:>5}  {score.hits:>4}  {score.false:>5}  "
                     f"{p:>4}  {r:>4}  {f:>4}".rstrip())
    return "\n".join(lines)


def judge_events(events: Path | str, gold: Path | str) -> list[dict[str, str]]:
    """Every row of an events CSV with its `verdict` and the `gold_note` of the item it matches.

    The verdict is the one its (actor, relation, target) triple gets in `score_events`: 'hit', 'neutral' or
    'false'; rows of documents without gold get '' (not scored) and rows without both countries 'unscored'
    (the score reads countries only). This is the table to read when asking why precision is what it is:
    each false event with the sentence it came from.
    """
    items = _gold_items(gold)
    judged = []
    for row in _rows(events):
        doc, triple = _doc(row.get("source", "")), _triple(row)
        verdict, note = "", ""
        if doc in items:
            verdict = "unscored"
            if all(triple):
                verdict, _ = _verdict(items[doc], triple)
                note = next((item.note for item in items[doc] if item.matches(*triple)), "")
        judged.append({**row, "verdict": verdict, "gold_note": note})
    return judged


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


# ------------------------------------------------------------------------------------ reviewed decisions
#: The kinds of decision a reviewed extracted event gets, and `added` for an event the extractor missed.
DECISIONS = ("accepted", "rejected", "fixed", "added")


@dataclass
class Reviewed:
    """What people decided about the extraction (graph/corrections/), counted per extracted relation.

    An extracted event is *accepted*, *rejected* or *fixed* (a `relation`, `actor`, `target`, `mode` or
    `event_date` row changed it); *added* counts the events the extractor missed, by their relation. Events
    are counted once each (all mentions of an event IRI are one event), whatever the number of rows."""

    articles: int = 0
    counts: dict[str, dict[str, int]] = field(default_factory=dict)

    def total(self, decision: str) -> int:
        return sum(row[decision] for row in self.counts.values())

    @staticmethod
    def _precision(accepted: int, rejected: int) -> float | None:
        return accepted / (accepted + rejected) if accepted + rejected else None

    @property
    def precision(self) -> float | None:
        """accepted / (accepted + rejected): the precision of what was reviewed (None when nothing was)."""
        return self._precision(self.total("accepted"), self.total("rejected"))

    def line(self) -> str:
        reviewed = sum(self.total(d) for d in DECISIONS[:3])
        precision = "n/a" if self.precision is None else f"{self.precision:.2f}"
        added = self.total("added")
        return (f"{self.articles} articles; {reviewed} extracted event{'s' * (reviewed != 1)} reviewed: precision "
                f"P={precision} (accepted {self.total('accepted')}, rejected {self.total('rejected')}), fixed "
                f"{self.total('fixed')}; {added} missed event{'s' * (added != 1)} added")

    def table(self) -> str:
        """Counts and precision per relation, as a text table."""
        width = max([len("relation"), *map(len, self.counts)])
        lines = [f"{'relation':<{width}}  accepted  rejected  fixed  added  precision"]
        for relation in sorted(self.counts):
            row = self.counts[relation]
            precision = self._precision(row["accepted"], row["rejected"])
            lines.append(f"{relation:<{width}}  {row['accepted']:>8}  {row['rejected']:>8}  {row['fixed']:>5}  "
                         f"{row['added']:>5}  {'' if precision is None else f'{precision:.2f}':>9}".rstrip())
        return "\n".join(lines)


def _event_of(event_iris: dict) -> dict:
    """Each extracted mention -> the key of its event's IRI."""
    return {mention: key for key, mentions in event_iris.items() for mention in mentions}


def _decided(curation, event_iris: dict) -> dict[str, dict]:
    """decision -> {event key (or added mention) -> (the extracted mention, the curated one, its rows)}."""
    from graph.corrections import CHANGE_ACTIONS

    key_of = _event_of(event_iris)
    found: dict[str, dict] = {decision: {} for decision in DECISIONS}
    for mention, rows in curation.rejected.items():
        found["rejected"].setdefault(key_of.get(mention, mention), (mention, None, rows))
    for curated, (mention, rows) in curation.origin.items():
        if mention is None:
            found["added"].setdefault(curated, (None, curated, rows))
        elif any(row.action in CHANGE_ACTIONS for row in rows):
            found["fixed"].setdefault(key_of.get(mention, mention), (mention, curated, rows))
    for mention, rows in curation.accepted.items():
        key = key_of.get(mention, mention)
        if key not in found["fixed"]:
            found["accepted"].setdefault(key, (mention, None, rows))
    return found


def score_reviewed(curation, event_iris: dict, *, articles: int = 0) -> Reviewed:
    """Score the extraction against the decisions of a corrections file applied to it (`apply`'s Curation,
    and graph.rdf.event_keys of the same results)."""
    score = Reviewed(articles=articles)
    for decision, items in _decided(curation, event_iris).items():
        for mention, curated, _ in items.values():
            relation = (mention or curated).relation
            score.counts.setdefault(relation, dict.fromkeys(DECISIONS, 0))[decision] += 1
    return score


#: Fields of a training example, in order (`examples_jsonl`).
EXAMPLE_FIELDS = ("sentence", "actor", "actor_country", "relation", "target", "target_country", "label",
                  "decision", "source", "start", "end", "curator", "date")


def training_examples(curation, event_iris: dict) -> list[dict]:
    """The reviewed events as training examples, one per sentence: label 1 for an accepted, added or fixed
    (as corrected) statement, label 0 for a rejected one and for what the extractor said of a fixed one."""
    examples: dict[tuple, dict] = {}

    def add(event, label: int, decision: str, rows) -> None:
        example = {"sentence": event.evidence, "actor": event.actor, "actor_country": event.actor_country,
                   "relation": event.relation, "target": event.target, "target_country": event.target_country,
                   "label": label, "decision": decision, "source": event.source, "start": event.start,
                   "end": event.end, "curator": rows[-1].curator, "date": rows[-1].date}
        key = tuple(example[f] for f in ("source", "start", "actor", "relation", "target", "label"))
        examples.setdefault(key, example)

    found = _decided(curation, event_iris)
    mentions = {decision: [] for decision in DECISIONS}
    for mention, rows in curation.rejected.items():
        mentions["rejected"].append((mention, rows))
    for mention, rows in curation.accepted.items():
        mentions["accepted"].append((mention, rows))
    fixed_keys = set(found["fixed"])
    key_of = _event_of(event_iris)
    for mention, rows in mentions["accepted"]:
        if key_of.get(mention, mention) not in fixed_keys:
            add(mention, 1, "accepted", rows)
    for mention, rows in mentions["rejected"]:
        add(mention, 0, "rejected", rows)
    for curated, (mention, rows) in curation.origin.items():
        if mention is None:
            add(curated, 1, "added", rows)
        elif key_of.get(mention, mention) in fixed_keys:
            add(mention, 0, "fixed", rows)
            add(curated, 1, "fixed", rows)
    return sorted(examples.values(), key=lambda e: (e["source"], e["start"], -e["label"], e["relation"]))


def examples_jsonl(examples: list[dict]) -> str:
    """Training examples as JSON Lines (the fields of `EXAMPLE_FIELDS`, in that order)."""
    import json

    return "".join(json.dumps({f: e[f] for f in EXAMPLE_FIELDS}, ensure_ascii=False) + "\n" for e in examples)
