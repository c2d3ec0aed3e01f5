"""The event stage: documents and their actor mentions -> stance `Event` records (one per evidence sentence).

How a sentence becomes an event:

1. A trigger from graph/data/triggers.csv matches ('would not settle for migrants', 'threatened to expel
   ... troops', 'satisfy with'); overlapping triggers keep the most specific one (highest priority).
2. Negation turns the relation into its opposite ('would not accept' -> refusesDeportees) or drops it
   ('did not threaten'); never a lost 'not'.
3. The actor is the acting party nearest before the trigger, skipping speakers ('Rubio said Ecuador
   agreed' is Ecuador's act), prepositional objects and relative clauses; pronouns were resolved by the
   mention stage. The target follows the trigger's rule (right after it, the object of a demand, the
   nationality of released people...) or, for migration wording with no explicit sender, the country the
   document is mostly about (deportees sent by the United States in a report on US deportations).
4. Mode: conditional ('could impose tariffs if'), planned ('will visit'), reported (someone else's claim),
   or asserted. Acts inside an if-clause or inside the content of a demand ('expects Maduro to take back')
   are not events of their own.
5. Context: the policy or issue the event concerns, from graph/data/contexts.csv.

Photo credits and bylines are never actors, and photo captions yield no events.
"""

from __future__ import annotations

import csv
import io
import os
import re
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from graph.actors import (
    DocumentActors,
    SpanSet,
    dateline_of,
    find_actors,
    iter_entities,
    knowledge_base,
    read_data,
    sentences_of,
    trie_pattern,
    word_classes,
    word_lists,
    word_pattern,
    written_names,
)
from graph.documents import read_documents
from graph.records import ENTITY_COLUMNS, EVENT_COLUMNS, Document, Entity, Event, Mention
from graph.text import Sentence, quote_spans
from graph.words import TOKEN, WordIndex, doc_words, lower_of, token_starts, word_index


# ------------------------------------------------------------------------------------------------ lexicon
@dataclass(frozen=True)
class Trigger:
    """One row of triggers.csv, compiled."""

    relation: str
    pattern: str
    regex: re.Pattern[str]
    heads: tuple[str, ...]  #: first-word alternatives, for the fast candidate scan
    negated: str
    actor: str
    target: str
    list: bool
    priority: int
    confidence: float
    context: str
    require: re.Pattern[str] | None


_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MONTH = (r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|march|april|may|june|july|aug(?:ust|\.)?|sept?(?:ember|\.)?"
          r"|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)")
#: A time phrase inside a trigger's gap: 'on Monday', 'late on Wednesday', 'last week', 'in April', 'on Feb. 3,'.
_TIME = (rf"(?:(?:(?:late|early)\s+)?(?:on\s+)?{_DAY}(?:\s+(?:morning|afternoon|evening|night))?"
         rf"|(?:last|this|next|earlier\s+this|later\s+this)\s+(?:week|month|year|weekend)"
         rf"|(?:in|on|since)\s+{_MONTH}(?:\s+\d{{1,2}})?|yesterday|today|tonight),?")


#: A word inside a trigger's gap; a comma may end it, but not one that opens a new clause ('..., after talks').
_GAP_WORD = r"[\w'’.,-]+"
#: 'that' opening a clause inside a trigger's gap: what follows is that clause's, not the trigger's object.
_THAT_IN_GAP = re.compile(r"\s(?:that|whether)\s", re.I)
#: A comma that opens a new clause ('..., after talks'): a trigger's gap does not run across one. Checked on
#: the match (a gap is as short as it can be, so no other match of the trigger would avoid it).
_CLAUSE_IN_GAP = re.compile(r",\s+(?:after|before|while|when|which|whom|whose|where|although|because)\b")


def compile_pattern(pattern: str, classes: dict[str, str]) -> tuple[str, tuple[str, ...]]:
    """Compile the trigger pattern language into a regex; also return the first word's alternatives.

    >>> compile_pattern("threat* [2] @X", {"X": "(?:tariffs)"})[1]
    ('threat*',)
    """
    parts: list[str] = []
    heads: tuple[str, ...] = ()
    gap = ""
    for index, token in enumerate(pattern.split()):
        gap_match = re.fullmatch(r"\[(\d+)\]", token)
        if gap_match:
            # A time phrase right after a word ('agreed on Monday to', 'signed late on Friday a') does not count
            # against the gap.
            gap = rf"(?:{_TIME}\s+)?(?:{_GAP_WORD}\s+){{0,{gap_match.group(1)}}}?"
            continue
        alternatives = [alt if alt.startswith("@") else alt.replace("_", " ") for alt in token.split("|")]
        words = [alt for alt in alternatives if not alt.startswith("@")]
        bodies = [classes[alt[1:]] for alt in alternatives if alt.startswith("@")]
        if words:
            bodies.append(word_pattern("|".join(words)))
        body = "(?:" + "|".join(bodies) + ")"
        if index == 0:
            lists = _lists()
            heads = tuple(words) + tuple(w for alt in alternatives if alt.startswith("@") for w in lists[alt[1:]])
        if parts:
            # before a gap the previous word may end a clause part ('revoked, with immediate effect, its ...')
            parts.append((r",?\s+" if gap else r"\s+") + gap)
        parts.append(body)
        gap = ""
    return r"(?<![\w-])(?:" + "".join(parts) + r")(?![\w-])", heads


@cache
def _demonyms() -> tuple[str, ...]:
    return tuple(surface for surface, alias in knowledge_base().aliases.items()
                 if alias.type == "country" and alias.kind == "demonym")


@cache
def _classes() -> dict[str, str]:
    """Word classes, plus @NATIONALITY: every demonym the knowledge base knows ('Venezuelans')."""
    return {**word_classes(), "NATIONALITY": trie_pattern(_demonyms())}


@cache
def _lists() -> dict[str, tuple[str, ...]]:
    return {**word_lists(), "NATIONALITY": _demonyms()}


@cache
def triggers() -> tuple[Trigger, ...]:
    """The trigger lexicon, compiled once per process."""
    classes = _classes()
    compiled = []
    for row in read_data("triggers.csv"):
        regex, heads = compile_pattern(row["pattern"], classes)
        require = re.compile(r"(?<![\w-])" + classes[row["require"]], re.I) if row["require"] else None
        compiled.append(Trigger(
            row["relation"], row["pattern"], re.compile(regex, re.I), heads, row["negated"], row["actor"],
            row["target"], row["list"] == "1", int(row["priority"]), float(row["confidence"]), row["context"],
            require,
        ))
    return tuple(compiled)


_NEED, _SPORT = 1 << 20, 1 << 21  #: offsets of the need and sports features in `_word_features`


@cache
def _word_features() -> WordIndex:
    """For each word: the triggers (by index in the lexicon) it can start, the needs of `_requirements` it
    meets (offset by `_NEED`) and the sports words it is (offset by `_SPORT`). One index, so a document is
    looked up once."""
    needs, _ = _requirements()
    return word_index([
        *enumerate(trigger.heads for trigger in triggers()),
        *((_NEED + index, [*exact, *(stem + "*" for stem in stems)]) for index, (exact, stems) in enumerate(needs)),
        *((_SPORT + index, [word]) for index, word in enumerate(word_lists()["SPORTS"])),
    ])


_FEATURES_CACHE: list = [None, {}]


def _features_of(text: str) -> dict[str, tuple[int, ...]]:
    """The document's words that have features, with them (cached for the document being processed)."""
    words = doc_words(text)
    if _FEATURES_CACHE[0] is not words:
        _FEATURES_CACHE[0], _FEATURES_CACHE[1] = words, _word_features().lookup(words)
    return _FEATURES_CACHE[1]


@cache
def _requirements() -> tuple[tuple[tuple[frozenset[str], tuple[str, ...]], ...], tuple[tuple[int, ...], ...]]:
    """What each trigger's later tokens need: the distinct needs (exact words and stems, lower case) and,
    for each trigger, the indexes of its needs.

    A document that lacks every alternative of some token cannot match the trigger, so the trigger is
    skipped for that document without running its regex: the cheap check that keeps extraction fast.
    Needs shared by many triggers (a word class such as @MIGRANTS) are checked once per document.
    """
    lists = _lists()
    needs: dict[tuple[frozenset[str], tuple[str, ...]], int] = {}
    per_trigger = []
    for trigger in triggers():
        indexes = []
        head = trigger.pattern.split()[0].split("|")
        if all(not alt.startswith("@") and "_" in alt for alt in head):
            # 'in_a_reversal|in_an_about-face': the head word 'in' is everywhere; each alternative's longest
            # word must be in the document too
            longest = [max(alt.lower().split("_"), key=lambda w: len(w.rstrip("*"))) for alt in head]
            need = (frozenset(w for w in longest if not w.endswith("*")),
                    tuple(sorted({w[:-1] for w in longest if w.endswith("*")})))
            indexes.append(needs.setdefault(need, len(needs)))
        for token in trigger.pattern.split()[1:]:
            if re.fullmatch(r"\[\d+\]", token):
                continue
            words: list[str] = []
            for alt in token.split("|"):
                words.extend(lists[alt[1:]] if alt.startswith("@") else [alt.replace("_", " ")])
            firsts = [w.split()[0].lower() for w in words if w.split()]
            need = (frozenset(w for w in firsts if not w.endswith("*")),
                    tuple(sorted({w[:-1] for w in firsts if w.endswith("*")})))
            indexes.append(needs.setdefault(need, len(needs)))
        per_trigger.append(tuple(indexes))
    return tuple(needs), tuple(per_trigger)


def _possible_triggers(text: str) -> frozenset[int]:
    """Indexes of the triggers whose every token has some word in the document."""
    present = 0
    for features in _features_of(text).values():
        for feature in features:
            if _NEED <= feature < _SPORT:
                present |= 1 << (feature - _NEED)
    return frozenset(index for index, wanted in enumerate(_need_masks()) if wanted & present == wanted)


@cache
def _need_masks() -> tuple[int, ...]:
    """Each trigger's needs as a bit mask, so the check per trigger is one integer operation."""
    return tuple(sum(1 << need for need in set(wanted)) for wanted in _requirements()[1])


@dataclass(frozen=True)
class Context:
    slug: str
    label: str
    regex: re.Pattern[str]
    definition: str


@cache
def contexts() -> tuple[Context, ...]:
    """Policy contexts in priority order."""
    return tuple(
        Context(row["slug"], row["label"], re.compile(r"(?<![\w-])" + word_pattern(row["keywords"]) + r"(?![\w-])",
                                                      re.I), row["definition"])
        for row in read_data("contexts.csv")
    )


@cache
def _cue(name: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w'’-])" + word_classes()[name] + r"(?![\w-])", re.I)


# ------------------------------------------------------------------------------------------- per document
@dataclass
class DocumentResult:
    """What extraction produced for one document."""

    document: Document
    events: list[Event]
    entities: list[Entity]


#: 'a delegation of US senators', 'a group of Gulf states': the group's members act, 'of' is no preposition here.
_GROUP_OF = re.compile(r"\b(?:(?:delegation|delegations|team|group|contingent|coalition|bloc|members)\s+of"
                       # 'a letter from Chad's air force chief ... demanded': the author acts
                       r"|(?:letter|statement|note|message|memo|communiqu[eé]|decree|request|warning|ultimatum)"
                       r"\s+from)\s+(?:the\s+)?$", re.I)
_PREPOSITION_BEFORE = re.compile(
    r"(?:\b(?:to|from|with|against|in|into|on|at|toward|towards|for|of|over|by|about|than|between|among|"
    r"across|through|throughout|including|like|via|under|during|upon|beyond|within|unlike|"
    r"opposition\s+to|relation\s+to|response\s+to|according\s+to|regarding|concerning)"
    r"(?:\s+(?:the|a|an|its|their|his|her|both|all|other))?\s+)$", re.I)
_RELATIVE = re.compile(r",\s*(?:which|who|whose|where|whom|a\s+country|the\s+country)\b[^,;]*,")
_CLAUSE_BREAK = re.compile(r"[;:—–]|,\s*(?:but|while|whereas|although|though|however)\b|\bbut\b")
_IT_SUBJECT = re.compile(r"\b(?:[Ii]t|[Tt]hey)\s+(?:(?:also|then|later|quickly|quietly|initially|has|have|had|"
                         r"will|would|could|may|might|since|already|still|now|did|does|do|not|never|has\s+since)"
                         r"\s+){0,3}$")
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e)\b(?:\s+\w+){0,4}\s*$")
_CAPTION_END = re.compile(r",\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},"
                          r"\s+\d{4}\.?\s*$")
#: Trigger words that are nouns unless a modal, 'to' or a subject pronoun comes right before them.
_NOUN_UNLESS_VERBAL = {"pressure"}
_VERBAL_BEFORE = re.compile(r"\b(?:to|will|would|could|can|may|might|should|must|not|they|we|i|you)\s+$", re.I)
_VERB_OR_ADJECTIVE = {"order", "visiting", "demand", "call", "push", "press", "request", "visited"}
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|its|his|her|their|executive|this|that|new)\s+$", re.I)
_PASSIVE_BY = re.compile(r"\s+by\s+(?:the\s+)?")
_VERB_AFTER = re.compile(r"\s+(?:\w+ly\s+)?(?:[a-z]+ed|has|had|have|is|was|were|are|will|would|said|says|took|"
                         r"gave|sent|made|told|withdrew|began|became|met|held|kept|won|set|put|cut|let|got|did|"
                         r"does|do|can|could|may|might|must|should)\b")
_BY_MEANS = re.compile(r"(?:tele)?phone|video|videolink|letter|email|mail|text|message|air|road|sea|bus|land")
_BY_AGENT = re.compile(r"\bby\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+)*$")
_QUOTED_NAME = re.compile(r"[“\"]([^”\"]{2,80})[”\"]")
_CALLED = re.compile(r"\b(?:called|named|dubbed|known\s+as|titled|referred\s+to\s+as|branded)\s+[“\"]?"
                     r"([A-Z][^,.;“”\"]{1,60})")


class _Doc:
    """Per-document working state for the event stage."""

    def __init__(self, document: Document, actors: DocumentActors) -> None:
        self.document = document
        self.text = document.text
        self.actors = actors
        self.sentences = sentences_of(self.text)
        self.starts = [s.start for s in self.sentences]
        self.quotes = actors.quotes if actors.quotes is not None else SpanSet(quote_spans(self.text))
        self.credits = SpanSet(actors.credits)
        self._captions: dict[int, bool] = {}
        self._newlines: list[int] | None = None
        self._speakers: dict[int, Mention | None] = {}
        self._modes: dict[int, tuple[bool, bool]] = {}
        self.visited: set[tuple[str, str]] = set()  #: (visitor, host) of the visits read so far
        #: relation -> (sentence index, actor) of its latest event, for agents news leaves out
        self.recent: dict[str, tuple[int, Mention]] = {}
        #: (sentence index, actor) of every demand made so far, for 'dismissed the demands'
        self.demands: list[tuple[int, Mention]] = []
        self.sports = False
        self.relatives: dict[int, list[tuple[int, int]]] = {}
        self.deporters: list[str] | None = None
        self.dateline, at = dateline_of(self.text[document.body_start:], knowledge_base())
        #: where the dateline's line starts: a headline above it was not written from that place
        self.dateline_start = document.body_start + at if at >= 0 else len(self.text)
        self.prepositional: dict[tuple[int, int, int], bool] = {}

    def is_caption(self, sentence: Sentence) -> bool:
        """Whether a sentence captions a photo: a line ending in a date right before a credit line.

        Worked out on demand, only for the sentences holding a trigger."""
        found = self._captions.get(sentence.index)
        if found is None:
            line_end = self._line_end(sentence.end)
            next_line = self.text[line_end + 1:self._line_end(line_end + 1)] if line_end != -1 else ""
            is_credit_next = line_end != -1 and self.credits.covers(line_end + 1) and bool(next_line.strip())
            if _CAPTION_END.search(sentence.text) and (is_credit_next or sentence.text.count(" ") < 40):
                found = True
            else:
                found = is_credit_next and sentence.end == (line_end if line_end != -1 else len(self.text))
            self._captions[sentence.index] = found
        return found

    def _line_end(self, offset: int) -> int:
        """`text.find("\\n", offset)` from the list of line breaks: a find over a long one-line text at every
        sentence made extraction quadratic."""
        if self._newlines is None:
            self._newlines = [match.start() for match in re.finditer("\n", self.text)]
        index = bisect_left(self._newlines, offset)
        return self._newlines[index] if index < len(self._newlines) else -1

    def sentence_at(self, offset: int) -> Sentence | None:
        index = bisect_right(self.starts, offset) - 1
        if index < 0:
            return None
        sentence = self.sentences[index]
        return sentence if offset < sentence.end else None

    def sentence_modes(self, sentence: Sentence) -> tuple[bool, bool]:
        """Whether the sentence is conditional ('if', 'unless') and whether it is hedged as reported."""
        found = self._modes.get(sentence.index)
        if found is None:
            found = self._modes[sentence.index] = (_CONDITIONAL_RE.search(sentence.text) is not None,
                                                   _cue("REPORTED").search(sentence.text) is not None)
        return found

    def mentions(self, sentence: Sentence) -> list[Mention]:
        return self.actors.between(sentence.start, sentence.end)

    def speaker(self, sentence: Sentence) -> Mention | None:
        """Who is speaking in a sentence: 'X said' / 'said X' / 'according to X', or the attribution of the
        quotation the sentence belongs to (in the same paragraph)."""
        if sentence.index in self._speakers:
            return self._speakers[sentence.index]
        found = self._attribution(sentence)
        if found is None and self._is_quoted(sentence):
            for other in (sentence.index + 1, sentence.index - 1, sentence.index + 2, sentence.index - 2):
                if 0 <= other < len(self.sentences):
                    neighbour = self.sentences[other]
                    if neighbour.line_start == sentence.line_start or abs(other - sentence.index) == 1:
                        found = self._attribution(neighbour)
                        if found is not None:
                            break
        self._speakers[sentence.index] = found
        return found

    def _is_quoted(self, sentence: Sentence) -> bool:
        return self.quotes.covers(sentence.start) or self.quotes.covers(sentence.end - 1)

    def _attribution(self, sentence: Sentence) -> Mention | None:
        """The party a speech verb attributes the sentence to: its subject ('X, who..., said'), or the
        party right after it ('said X', 'according to X')."""
        mentions = [m for m in self.mentions(sentence) if not self.quotes.covers(m.start)
                    and (m.type in ("person", "organization") or (m.type == "country" and m.via not in
                                                                  ("demonym", "place")))]
        excluded = [(sentence.start + m.start(), sentence.start + m.end())
                    for m in _RELATIVE.finditer(sentence.text)]
        for match in _cue("SPEECH").finditer(self.text, sentence.start, sentence.end):
            if self.quotes.covers(match.start()):
                continue
            after = [m for m in mentions if 0 <= m.start - match.end() <= 12]
            before = [m for m in mentions if m.end <= match.start() and match.start() - m.end <= 80
                      and not any(a <= m.start < b for a, b in excluded)
                      and not _PREPOSITION_BEFORE.search(self.text[max(sentence.start, m.start - 30):m.start])]
            if match.group().lower() == "according to" and after:
                return after[0]
            if before:
                return before[-1]
            if after:
                return after[0]
        return None


def extract_document(document: Document) -> DocumentResult:
    """Extract events and entities from one document."""
    if document.skipped:
        return DocumentResult(document, [], [])
    actors = find_actors(document.text)
    doc = _Doc(document, actors)
    doc.sports = _is_sports(document.text)
    candidates = _find_candidates(doc)
    events: list[Event] = []
    by_sentence: dict[int, list[_Candidate]] = {}
    for candidate in candidates:
        by_sentence.setdefault(candidate.sentence.index, []).append(candidate)
    for index in sorted(by_sentence):
        events.extend(_sentence_events(doc, by_sentence[index]))
    if not doc.sports:
        events.extend(_presence_visits(doc, events))
        events.sort(key=lambda event: event.sequence)
    written = written_names(actors)
    entities = [Entity(document.source, name, etype, country, role,
                       written.get(name, "") if etype == "person" and written.get(name) != name else "")
                for name, etype, country, role in iter_entities(actors)]
    seen = {(e.name, e.type) for e in entities}
    for event in events:
        if event.target_type == "program" and (event.target, "program") not in seen:
            seen.add((event.target, "program"))
            entities.append(Entity(document.source, event.target, "program", event.actor_country, ""))
        label = _context_label(event.context)
        if event.context and (label, "policy") not in seen:
            seen.add((label, "policy"))
            entities.append(Entity(document.source, label, "policy", "", ""))
    return DocumentResult(document, events, entities)


@dataclass
class _Candidate:  # noqa: D101 - a trigger match with the relation it resolves to
    trigger: Trigger
    sentence: Sentence
    head_start: int
    head_end: int
    end: int
    relation: str = ""
    negated: bool = False
    patient: Mention | None = None  #: in a passive, the party the act was done to


_VISIT_TRIGGER = Trigger("visits", "(meeting held in a foreign place)", re.compile(r"(?!)"), (), "-", "left",
                         "place", False, 19, 0.65, "diplomacy", None)


def _is_sports(text: str) -> bool:
    """A match report: country names there mostly stand for teams, not governments.

    Four different sports words make a sports report; the words are looked up in the document's word set,
    not searched for one by one.
    """
    return len({f for features in _features_of(text).values() for f in features if f >= _SPORT}) >= 4


def _find_candidates(doc: _Doc) -> list[_Candidate]:
    """Every trigger match inside a sentence that is not a caption or a credit."""
    found: list[_Candidate] = []
    text = doc.text
    possible = _possible_triggers(text)
    all_triggers = triggers()
    # Only words that can start a trigger possible in this document are looked at.
    active = {}
    for word, features in _features_of(text).items():
        rows = [all_triggers[n] for n in features if n < _NEED and n in possible]
        if rows:
            active[word] = rows
    if not active:
        return found
    lower = lower_of(text)
    begin = doc.document.body_start
    if len(lower) == len(text):
        hits = sorted((start, end, word) for word in active for start, end in token_starts(text, lower, word, begin))
    else:  # rare letters whose lower case changes length: walk every token instead
        hits = [(m.start(), m.end(), m.group().lower()) for m in TOKEN.finditer(text, begin)
                if m.group().lower() in active]
    for start, token_end, word in hits:
        rows = active[word]
        sentence = doc.sentence_at(start)
        if sentence is None or doc.is_caption(sentence) or doc.credits.covers(start):
            continue
        passive_head = text.startswith(" by ", token_end) and not _BY_MEANS.match(text, token_end + 4)
        for trigger in rows:
            hit = trigger.regex.match(text, start, sentence.end)
            if hit is None or ("," in hit.group() and _CLAUSE_IN_GAP.search(text, token_end + 1, hit.end())):
                continue  # (a clause right after the trigger word, 'expulsions, which targeted', describes it)
            if trigger.relation in _DEPORTEE_RELATIONS and _THAT_IN_GAP.search(text, token_end, hit.end()):
                continue  # 'received assurances that the men would be treated well': the men are in another clause
                # (a warning's or a demand's content is a that-clause: their triggers cross it)
            if passive_head and hit.end() > token_end + 4 and trigger.actor != "by" and " by" not in trigger.pattern:
                continue  # 'received by Dominican officials' is passive: the words after 'by' act
            if trigger.require is not None and not _required(doc, trigger.require, sentence):
                continue
            if trigger.relation in ("demands", "visits") and word in _VERB_OR_ADJECTIVE \
                    and _DETERMINER_BEFORE.search(text, max(0, start - 12), start):
                continue  # 'signed an order halting aid', 'the visiting minister': not a demand, not a visit
            if word in _NOUN_UNLESS_VERBAL and not _VERBAL_BEFORE.search(text, max(0, start - 12), start):
                continue  # 'economic pressure' is a noun; 'to pressure Mexico', 'would pressure' are verbs
            if _not_this_sense(text, start, token_end, hit.end(), trigger):
                continue
            found.append(_Candidate(trigger, sentence, start, token_end, hit.end()))
    return found


@cache
def _sense_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """NOT_A_TRIGGER phrases, the words that make a participle an adjective, and the nouns after a demonym
    that are no migrants (words.csv)."""
    classes = word_classes()
    return (re.compile(classes["NOT_A_TRIGGER"] + r"(?![\w-])", re.I),
            re.compile(r"(?<![\w-])" + classes["PARTICIPLE_BEFORE"] + r"\s+$", re.I),
            re.compile(r"\s+(?:[a-z-]+\s+)?" + classes["NOT_MIGRANTS"] + r"(?![\w-])", re.I))


_DEPORTEE_RELATIONS = frozenset({"acceptsDeportees", "refusesDeportees"})


def _not_this_sense(text: str, start: int, head_end: int, end: int, trigger: Trigger) -> bool:
    """A trigger's words used in another sense, told by their neighbours.

    'Hurricane Melissa slammed into Jamaica' is no criticism; 'deportations of rejected asylum seekers' has an
    adjective, not a refusal ('of', 'the' before a participle glued to its noun); 'welcomed Russian
    military instructors' receives no migrants (a nationality followed by troops, firms, officials).
    """
    not_trigger, participle_before, not_migrants = _sense_patterns()
    if not_trigger.match(text, start):
        return True
    head = text[start:head_end].lower()
    if head.endswith("ed") and len(text[head_end:end].split()) <= 2 and trigger.relation in _DEPORTEE_RELATIONS \
            and participle_before.search(text, max(0, start - 12), start):
        return True
    return trigger.relation in _DEPORTEE_RELATIONS and not_migrants.match(text, end) is not None \
        and " by " not in text[start:end]  # 'received by Dominican officials': the agent, not the object


def _required(doc: _Doc, require: re.Pattern[str], sentence: Sentence) -> bool:
    """A trigger's required words may stand in its sentence or in the sentences right before or after it."""
    first = doc.sentences[max(0, sentence.index - 1)].start
    last = doc.sentences[min(len(doc.sentences) - 1, sentence.index + 1)].end
    return require.search(doc.text, first, last) is not None


#: wording that makes listed parties act toward each other ('traded accusations')
_RECIPROCAL = re.compile(r"\b(?:each\s+other|one\s+another|traded|trading|exchanged|exchanging)\b")


def _candidate_pairs(doc: _Doc, candidate: _Candidate) -> list[tuple[Mention, list[Mention | str]]]:
    """The (actor, targets) pairs a trigger match yields."""
    pairs = []
    actors = _find_actors(doc, candidate)
    if actors and actors[0].via != "pronoun":
        doc.recent[candidate.relation] = (candidate.sentence.index, actors[0])
    reciprocal = _RECIPROCAL.search(doc.text, candidate.head_start, candidate.end + 20)
    for actor in actors:
        if len(actors) > 1 and (candidate.relation in _SYMMETRIC_RELATIONS or reciprocal):
            # 'Abiy and Mohamud held sessions with Erdogan': each listed party with the named partner;
            # 'Somalia and Ethiopia agreed in Ankara' (a place, no partner): the parties toward each other.
            partners = [t for t in _find_targets(doc, candidate, actor) if isinstance(t, Mention)
                        and t.country not in {a.country for a in actors}
                        and not _AT_PLACE.search(doc.text[max(candidate.sentence.start, t.start - 8):t.start])]
            targets = partners or [other for other in actors if other.country != actor.country]
            if targets:
                pairs.append((actor, targets))
            continue
        if len(actors) == 2 and (actors[0].start, actors[0].end) == (actors[1].start, actors[1].end) \
                and candidate.relation in ("shiftsTowardCooperation", "reducesCooperation"):
            # 'the two countries would restart cooperation': each toward the other, unless a party is named
            other = actors[1] if actor is actors[0] else actors[0]
            named = _targets_by_rule(doc, candidate, actor, "right")
            pairs.append((actor, [t for t in named if isinstance(t, Mention) and t.country != other.country]
                          or [other]))
            continue
        targets = _find_targets(doc, candidate, actor)
        if not targets and len(actors) > 1 and candidate.relation in _MUTUAL:
            # 'Ukraine and Russia each returned prisoners', 'Xi and Boluarte signed': each to the other.
            targets = [other for other in actors if other.country != actor.country]
        if targets:
            pairs.append((actor, targets))
    return pairs


def _sentence_events(doc: _Doc, candidates: list[_Candidate]) -> list[Event]:
    """Resolve one sentence's trigger matches into events."""
    for candidate in candidates:
        _apply_negation(doc, candidate)
    live = [c for c in candidates if c.relation and c.relation != "-"]
    live.sort(key=lambda c: (-c.trigger.priority, c.head_start))
    pairs_of: dict[int, list[tuple[Mention, list[Mention | str]]]] = {}
    kept: list[_Candidate] = []
    for candidate in live:  # by priority: a trigger overlapping a kept one of another kind is not resolved
        if any(candidate.head_start < k.end and k.head_start < candidate.end
               and frozenset((candidate.relation, k.relation)) not in _COMPATIBLE for k in kept):
            continue
        pairs = _candidate_pairs(doc, candidate)
        # a trigger that yields no actor and target does not block an overlapping one
        if not pairs or _in_condition(doc, candidate):
            continue
        pairs_of[id(candidate)] = pairs
        kept.append(candidate)
    kept.sort(key=lambda c: c.head_start)

    resolved: list[tuple[_Candidate, Mention, list[Mention | str]]] = []
    for candidate in kept:
        for actor, targets in pairs_of[id(candidate)]:
            resolved.append((candidate, actor, targets))

    demand_objects = [(c.head_start, t) for c, _, ts in resolved if c.relation == "demands"
                      for t in ts if isinstance(t, Mention)]
    demand_heads = [c.head_start for c in candidates if c.trigger.relation == "demands"]
    demand_ends = [c.end for c in candidates if c.trigger.relation == "demands"]
    events: list[Event] = []
    seen: set[tuple[str, str, str]] = set()
    resolved = [item for item in resolved if not (item[0].relation in _OFFICIAL_ONLY and _called_off(doc, item[0]))]
    resolved += _meetings_of_signings(doc, resolved)
    resolved += _visits_of_meetings(doc, resolved)
    for candidate, actor, targets in resolved:
        if candidate.relation != "demands" and any(
                start < candidate.head_start and (obj.key == actor.key or obj.country == actor.country)
                for start, obj in demand_objects):
            continue  # the content of a demand is not an act of its own
        if candidate.relation != "demands" and _demanded_of(doc, actor, demand_ends):
            continue  # 'expected Caracas to free all Americans': what is demanded of Caracas, not its act
        if candidate.relation not in ("demands", "threatenedExpulsion") and any(
                actor.end <= head < candidate.head_start for head in demand_heads) \
                and not _VP_COORDINATION.search(doc.text, max(0, candidate.head_start - 40), candidate.head_start) \
                and not _PARTICIPLE_AFTER_COMMA.match(doc.text, max(0, candidate.head_start - 2)):
            continue  # 'X pressed countries to acquiesce': X demands, it does not acquiesce ('X demanded ...
            # and imposed entry restrictions' is a second act of X's; 'ordered troops to leave' expels them)
        for target in targets:
            event = _make_event(doc, candidate, actor, target)
            if event is None:
                continue
            key = (event.actor_country, event.relation, event.target_country or event.target)
            if key not in seen:
                seen.add(key)
                events.append(event)
                if event.relation == "visits":
                    doc.visited.add((event.actor_country, event.target_country))
                elif event.relation == "demands":
                    doc.demands.append((candidate.sentence.index, actor))
    return events


_DEMANDED_OF = re.compile(r"\s*(?:the\s+)?$")
_TO_AFTER = re.compile(r"\s+(?:[a-z]+\s+){0,2}to\s+\w", re.I)


def _demanded_of(doc: _Doc, actor: Mention, demand_ends: list[int]) -> bool:
    """Whether the actor is the object of a demand word right before it, followed by 'to' + verb.

    One's own officials are not ('telling his commerce minister to raise tariffs' is the government's act).
    """
    if actor.text.split(" ", 1)[0].lower() in ("his", "her", "its", "their", "our", "my"):
        return False
    return any(end <= actor.start and _DEMANDED_OF.fullmatch(doc.text, end, actor.start)
               and _TO_AFTER.match(doc.text, actor.end) for end in demand_ends)


_CALLED_OFF = re.compile(r"\b(?:called\s+off|cancell?ed|postponed|scrapped|put\s+off|shelved|cut\s+short|"
                         r"not\s+welcome|disinvited)\b", re.I)
_AT_PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$")


def _called_off(doc: _Doc, candidate: _Candidate) -> bool:
    """'A visit by the deputy prime minister was called off': no visit took place."""
    clause_end = candidate.sentence.end
    following = doc.text[candidate.end:clause_end]
    stop = re.search(r"[;:]|,\s+(?:but|while)\b", following)
    return _CALLED_OFF.search(following[: stop.start()] if stop else following) is not None


def _meetings_of_signings(doc: _Doc, resolved: list) -> list:
    """'signed a partnership with President Zelensky': signing with a foreign leader is meeting them."""
    extra = []
    for candidate, actor, targets in resolved:
        if candidate.relation != "agreesToCooperate" or not _SIGNED.match(doc.text, candidate.head_start):
            continue
        people = [t for t in targets if isinstance(t, Mention) and t.type == "person" and t.country != actor.country]
        if people and (actor.type == "person" or actor.via in ("role", "government")):
            meeting = _Candidate(candidate.trigger, candidate.sentence, candidate.head_start, candidate.head_end,
                                 candidate.end, "meetsWith")
            extra.append((meeting, actor, people))
    return extra


_SIGNED = re.compile(r"sign(?:s|ed|ing)?\b", re.I)


def _visits_of_meetings(doc: _Doc, resolved: list) -> list:
    """A meeting 'in Ankara' or 'at the White House' is also a visit by every foreign participant."""
    extra = []
    for candidate, actor, targets in resolved:
        if candidate.relation != "meetsWith":
            continue
        host = doc.dateline
        if (host, actor.country) in doc.visited:
            continue  # 'Prabowo flew to Beijing ... the two leaders signed': the meeting is abroad, not here
        if host and host != actor.country and any(isinstance(t, Mention) and t.country == host for t in targets) \
                and not any(m.type == "country" and m.via in ("name", "capital")
                            and _AT_PLACE.search(doc.text[max(0, m.start - 8):m.start])
                            for m in doc.mentions(candidate.sentence)):
            # 'Abiy held sessions with Erdogan' under an ANKARA dateline: he is visiting Turkey
            place = next(t for t in targets if isinstance(t, Mention) and t.country == host)
            extra.append((_Candidate(_VISIT_TRIGGER, candidate.sentence, candidate.head_start, candidate.head_end,
                                     candidate.end, "visits"), actor, [_as_country(place)]))
            continue
        for mention in doc.mentions(candidate.sentence):
            if mention.type != "country" or mention.via not in ("name", "capital") or mention.country == actor.country:
                continue
            if not _AT_PLACE.search(doc.text[max(candidate.sentence.start, mention.start - 8):mention.start]):
                continue
            visit = _Candidate(_VISIT_TRIGGER, candidate.sentence, candidate.head_start, candidate.head_end,
                               candidate.end, "visits")
            extra.append((visit, actor, [mention]))
            break
    return extra


_PRESENCE_TRIGGER = Trigger("visits", "(official present in a foreign place)", re.compile(r"(?!)"), (), "-",
                            "left", "place", False, 18, 0.6, "diplomacy", None)
@cache
def _presence_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Words before 'in'/'at' that tie a person to a place without a visit ('born in', 'jailed in', 'troops
    in'), and roles of people who live where they work (ambassadors, envoys): word classes NOT_A_VISIT and
    RESIDENT."""
    classes = word_classes()
    return (re.compile(r"\b" + classes["NOT_A_VISIT"] + r"\s+(?:\w+\s+)?$", re.I),
            re.compile(classes["RESIDENT"], re.I))


def _presence_visits(doc: _Doc, events: list[Event]) -> list[Event]:
    """'King Abdullah II held his ground at the White House', 'Abdelatty, who held talks in Washington':
    an official named before 'in'/'at' a foreign capital (or country) in the same clause is visiting it.

    Residents (ambassadors, envoys, spokespeople) and ties that are not visits ('born in', 'jailed in',
    'troops in') are skipped, as are places of another party's clause ('said talks in Washington would').
    """
    found: list[Event] = []
    seen = {(e.sequence, e.actor_country, e.target_country) for e in events if e.relation == "visits"}
    for place in doc.actors.mentions:
        if place.type != "country" or place.via not in ("capital", "name") or place.start < doc.document.body_start:
            continue
        sentence = doc.sentence_at(place.start)
        if sentence is None or doc.is_caption(sentence):
            continue
        before = doc.text[max(sentence.start, place.start - 8):place.start]
        at = _AT_PLACE.search(before)
        if at is None:
            continue
        preposition_at = place.start - len(before) + at.start()
        if _presence_patterns()[0].search(doc.text, max(sentence.start, preposition_at - 40), preposition_at):
            continue
        earlier = [m for m in doc.mentions(sentence) if m.end <= preposition_at]
        actor = _present_official(doc, earlier, preposition_at, place.country)
        if actor is None or actor.country == place.country or not actor.country:
            continue
        if (sentence.index, actor.country, place.country) in seen:
            continue
        candidate = _Candidate(_PRESENCE_TRIGGER, sentence, preposition_at, place.start, place.end, "visits")
        event = _make_event(doc, candidate, actor, _as_country(place))
        if event is not None:
            seen.add((sentence.index, actor.country, place.country))
            found.append(event)
    return found


#: What ends the official's own clause before the place: punctuation, a conjunction, or a speech verb with
#: words after it ('said conditions in Haiti': the place is in what was said; 'said in Doha' is presence).
_CLAUSE_BREAK = re.compile(r"[;:\"“”]|\b(?:that|which|whose|when|where|while|but)\b"
                           r"|\b(?:said|says|say|told|tells|stated|added|warned|argued|noted|insisted|claimed)\s+\S")


@cache
def _travellers() -> re.Pattern[str]:
    """Government people who travel ('the Japanese ministers were in Manila', words.csv TRAVELLERS); troops and
    forces in a place are stationed there, not visiting."""
    return re.compile(r"(?<![\w-])" + word_classes()["TRAVELLERS"] + r"$", re.I)


def _present_official(doc: _Doc, earlier: list[Mention], offset: int, host: str) -> Mention | None:
    """The official whose clause reaches `offset`: the last person (or office) before it, when only parties
    of its own country or of the host country, and no clause break or quotation, stand between them."""
    for mention in reversed(earlier):
        between = doc.text[mention.end:offset]
        if len(between.split()) > 12 or _CLAUSE_BREAK.search(between):
            return None
        if mention.via == "pronoun" and mention.text.lower() in ("his", "her", "its", "their"):
            continue  # a possessive is not the clause's subject
        if mention.type == "person" or mention.via == "role" or (
                mention.via == "government" and _travellers().search(mention.text)):
            if _presence_patterns()[1].search(mention.role or mention.text):
                return None
            if any(m.country not in (mention.country, host, "") and m.start >= mention.end for m in earlier):
                return None
            return mention
    return None


_CLAUSE_BREAK_BEFORE = re.compile(r"(?:[,;:—–]|\bbut\b)(?!.*(?:[,;:—–]|\bbut\b))", re.S)
@cache
def _not_negation() -> re.Pattern[str]:
    """Phrases that hold a negation word without negating the act ('not only', 'without delay', 'without
    conditions': words.csv NOT_NEGATION); their negation words are removed before negation is looked for."""
    return re.compile(r"(?<![\w'’])" + word_classes()["NOT_NEGATION"] + r"(?![\w-])", re.I)


def _apply_negation(doc: _Doc, candidate: _Candidate) -> None:
    """Set the candidate's relation, flipping or dropping it when a negation or refusal governs the trigger."""
    trigger = candidate.trigger
    window_start = max(candidate.sentence.start, candidate.head_start - 60)
    window = doc.text[window_start:candidate.head_start]
    last_break = _CLAUSE_BREAK_BEFORE.search(window)  # the clause the trigger is in starts after the last break
    if last_break:
        window = window[last_break.end():]
    words = _WORDS_RE.findall(window)[-6:]
    tail = " ".join(words)
    negated = False
    if _not_negation().search(tail):
        tail = _not_negation().sub(" ", tail)
    if tail.strip():
        for cue in (_cue("NEG"), _cue("REFUSE")):
            for match in cue.finditer(tail):
                if len(_WORDS_RE.findall(tail, match.end())) <= 4:
                    negated = True
    candidate.negated = negated
    if negated:
        candidate.relation = "" if trigger.negated in ("", "-") else trigger.negated
    else:
        candidate.relation = "" if trigger.relation == "-" else trigger.relation


def _in_condition(doc: _Doc, candidate: _Candidate) -> bool:
    """True when the trigger sits inside an if/unless clause: a condition, not an act."""
    clause_start = candidate.sentence.start
    before = doc.text[clause_start:candidate.head_start]
    last_break = max(before.rfind(","), before.rfind(";"))
    clause = before[last_break + 1:] if last_break != -1 else before
    if re.search(r"\b(?:if|unless|whether|until|in\s+exchange\s+for|in\s+return\s+for)\b", clause, re.I):
        return True
    return bool(last_break != -1 and re.match(r"\s*(?:[Ii]f|[Uu]nless)\b", before))


# ------------------------------------------------------------------------------------------------- actors
_OFFICIAL_ONLY = {"visits", "meetsWith"}
#: Relations that one wording can state together ('accept deportees, including on military aircraft').
_COMPATIBLE = {frozenset(("acceptsDeportees", "allowsMilitaryDeportationFlights")),
               frozenset(("visits", "meetsWith")),
               frozenset(("refusesDeportees", "refusesMilitaryDeportationFlights"))}
#: Relations where a list of actors acts toward each other ('A and B signed a deal').
_MUTUAL = {"meetsWith", "agreesToCooperate", "releasesDetainees"}
_SYMMETRIC_RELATIONS = {"meetsWith", "agreesToCooperate"}
#: ', warning of tougher sanctions': a participle after a comma is a second act of the clause's subject.
_PARTICIPLE_AFTER_COMMA = re.compile(r", [a-z]+ing\b")
_VP_COORDINATION = re.compile(r"(?:,\s*|\s)(?:and|but|then|before|after)\s+(?:(?:then|also|later|later\s+on|"
                              r"quickly|since|now|subsequently|eventually|finally|again|already|recently|"
                              r"has|have|had|will|would|was|were|is|are|been)\s+){0,3}$")
_LIST_GAP = re.compile(r"\s*(?:,|,?\s+and|,?\s+as\s+well\s+as|&|,?\s+or)\s+(?:the\s+)?"
                       r"(?:(?:[A-Z][\w.'’-]*\s+){0,3}"
                       # "and Thailand's acting prime minister, Phumtham": a possessive office before the name
                       r"|[A-Z][\w.'’-]*['’]s\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*,\s+)$")


def _can_act(mention: Mention) -> bool:
    return mention.type in ("country", "person", "organization") and mention.via not in ("demonym", "place")


def _is_official(mention: Mention, doc: _Doc | None = None) -> bool:
    """People, bodies and governments travel and meet; a bare place name does not, nor does someone known
    only as quoted (a scientist, an analyst)."""
    if mention.type == "person" and doc is not None and mention.key in doc.actors.unplaced:
        return False
    return mention.type in ("person", "organization") or mention.via in ("role", "government", "administration")


def _excluded_spans(doc: _Doc, sentence: Sentence) -> list[tuple[int, int]]:
    cached = doc.relatives.get(sentence.index)
    if cached is None:
        cached = [(sentence.start + m.start(), sentence.start + m.end()) for m in _RELATIVE.finditer(sentence.text)]
        doc.relatives[sentence.index] = cached
    return cached


def _find_actors(doc: _Doc, candidate: _Candidate) -> list[Mention]:
    """The acting parties of a trigger, following its actor rule (rules chain with '|').

    A passive ('a policy criticised by the United Nations') names its actor after 'by'; the party before
    the verb is then the target.
    """
    mentions = doc.mentions(candidate.sentence)
    passive = _PASSIVE_BY.match(doc.text, candidate.end)
    if passive and candidate.trigger.actor != "by" and candidate.relation not in _OFFICIAL_ONLY:
        agent = next((m for m in mentions if m.start == passive.end()), None)
        if agent is None or not _can_act(agent) or not agent.country:
            return []  # the doer is not a party we can place (an NGO, the UN, unnamed)
        before = [m for m in mentions if m.end <= candidate.head_start and _is_target(m, agent)]
        candidate.patient = before[-1] if before else None
        return [agent]
    for rule in candidate.trigger.actor.split("|"):
        actor = _actor_by_rule(doc, candidate, mentions, rule)
        if actor is None or not actor.country:
            continue
        group = _coordinated(doc, mentions, actor)
        # 'Talks between Egypt and Ethiopia' are between governments even when only countries are named.
        if (candidate.relation in _OFFICIAL_ONLY and rule != "after" or doc.sports) \
                and not any(_is_official(m, doc) for m in group):
            return []  # bare places do not travel; in a sports report 'Brazil threatened Argentina' is teams
        return group
    return _continued_actor(doc, candidate, mentions)


#: Relations whose agent news leaves out when the previous sentence named it: 'Belarus released 14
#: prisoners. Those freed included nationals of Japan and Poland.'
_CONTINUED = frozenset({"releasesDetainees", "threatenedExpulsion", "acceptsDeportees", "refusesDeportees",
                        "threatenedSanctions", "reducesCooperation"})


def _continued_actor(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> list[Mention]:
    """The actor of the same relation one or two sentences back, for a trigger with no party before it."""
    if candidate.relation not in _CONTINUED or any(m.start < candidate.head_start for m in mentions):
        return []
    recent = doc.recent.get(candidate.relation)
    if recent is None or not 0 < candidate.sentence.index - recent[0] <= 2:
        return []
    return [recent[1]]


def _actor_by_rule(doc: _Doc, candidate: _Candidate, mentions: list[Mention], rule: str) -> Mention | None:
    sentence = candidate.sentence
    if rule == "speaker":
        return doc.speaker(sentence)
    if rule == "sayer":
        # 'he refused ..., and said Denmark would face tariffs': whoever says it, found as the subject of the
        # speech verb before the trigger (coordinated verbs included)
        verbs = list(_SAY_VERB.finditer(doc.text, sentence.start, candidate.head_start))
        said = verbs[-1] if verbs else None
        if said is None:
            return doc.speaker(sentence)
        return _left_actor(doc, _Candidate(candidate.trigger, sentence, said.start(), said.end(), said.end()),
                           mentions)
    if rule == "by":
        for mention in mentions:
            if mention.start >= candidate.head_start and (_can_act(mention) or mention.via == "demonym") \
                    and mention.start - candidate.end <= 12:
                person = _possessed_person(doc, mentions, mention)  # 'a visit by US envoy Richard Grenell'
                if person is not mention:
                    return person
                return _as_country(mention) if mention.via == "demonym" else mention
        return None
    if rule == "poss":
        for mention in reversed(mentions):
            if mention.end <= candidate.head_start and candidate.head_start - mention.end <= 40:
                between = doc.text[mention.end:candidate.head_start]
                if re.match(r"['’]", between) and re.fullmatch(r"['’]s?\s+(?:[\w-]+\s+){0,2}", between) \
                        and mention.type in ("country", "person", "organization"):
                    return mention
                return None
        return None
    if rule == "to":
        for mention in mentions:
            if candidate.head_start <= mention.start <= candidate.end + 12 and (_can_act(mention)
                                                                              or mention.via == "demonym"):
                return _as_country(mention) if mention.via == "demonym" else mention
        return None
    if rule == "after":
        # 'talks between Egypt and Ethiopia': the parties follow; the last of their list is returned so that
        # the list is collected back from it.
        found = None
        for mention in mentions:
            if mention.start >= candidate.end and _can_act(mention):
                if found is None:
                    if mention.start - candidate.end > 20:
                        return None
                    found = mention
                elif _LIST_GAP.fullmatch(doc.text[found.end:mention.start]):
                    found = mention
                else:
                    break
        return found
    if rule == "prev":
        index = candidate.sentence.index - 1
        if index >= 0:
            previous = doc.sentences[index]
            for mention in doc.mentions(previous):
                if _can_act(mention) and not _after_preposition(doc, mention, doc.mentions(previous),
                                                                previous.start):
                    return mention
        return None
    if rule == "carried":
        for mention in mentions:
            if candidate.head_start <= mention.start < candidate.end and mention.via == "demonym":
                return _as_country(mention)
        return None
    if rule == "inside":
        for mention in mentions:
            if candidate.head_end <= mention.start and mention.end <= candidate.end and _can_act(mention):
                return mention
        return None
    if rule == "in":
        for mention in mentions:
            if mention.start >= candidate.end and mention.type == "country":
                before = doc.text[max(sentence.start, mention.start - 12):mention.start]
                if re.search(r"\b(?:in|at|into|on)\s+(?:the\s+)?$", before):
                    return mention
        return None
    return _left_actor(doc, candidate, mentions)


_SAY_VERB = re.compile(r"\b(?:said|says|say|warned|warns|told|tells|stated|added|insisted|declared|announced)\b")


def _as_country(mention: Mention) -> Mention:
    return Mention(mention.start, mention.end, mention.text, "country", mention.country, mention.country,
                   "", mention.via)


def _left_actor(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> Mention | None:
    """The acting party nearest before the trigger within its clause.

    Skips prepositional objects ('according to X', 'requests from X'), relative clauses (', which ...,'),
    and, when the verb is coordinated ('... and accused Washington'), goes back to the clause's subject.
    """
    sentence = candidate.sentence
    text = doc.text
    trigger_quoted = doc.quotes.covers(candidate.head_start)
    before = text[sentence.start:candidate.head_start]
    if trigger_quoted and _FIRST_PERSON.search(before[-60:]) and not any(
            _can_act(m) for m in mentions if candidate.head_start - 60 <= m.start and m.end <= candidate.head_start):
        return doc.speaker(sentence)
    it_match = _IT_SUBJECT.search(before[-50:])
    if it_match:
        it_start = candidate.head_start - (len(before[-50:]) - it_match.start())
        if not any(it_start <= m.start and m.end <= candidate.head_start and _can_act(m) for m in mentions):
            return _last_country_before(doc, it_start)
    relative = re.search(r",\s*(?:which|who)\b[^,;]*$", before) or re.search(
        r"\s(?:that|which|who)\s+(?:\w+ly\s+|also\s+|now\s+|still\s+)?$", before)
    if relative is not None:
        antecedent_end = sentence.start + relative.start()
        antecedents = [m for m in mentions if m.end <= antecedent_end and antecedent_end - m.end <= 30
                       and _can_act(m)]
        if antecedents:
            return antecedents[-1]  # 'Eswatini, which the State Department said had agreed to receive them'
    # Only the first eligible mention (coordinated verbs) or the last one is wanted: stop at it.
    before_trigger = [m for m in mentions if m.end <= candidate.head_start]
    # ', and accused Washington' and ', accusing them of ...': the subject of the main verb acts
    coordinated = _VP_COORDINATION.search(before[-40:]) is not None or (
        before.rstrip(" ").endswith(",") and text[candidate.head_start:candidate.head_end].lower().endswith("ing"))
    chosen = next((m for m in (before_trigger if coordinated else reversed(before_trigger))
                   if _acts_here(doc, m, mentions, sentence, candidate, trigger_quoted)), None)
    if chosen is None and re.match(r"\W*(?:During|On|In|While|After|Before|Ahead\s+of|At)\b", before):
        comma = doc.text.find(",", candidate.end, sentence.end)
        if comma != -1:
            after = [m for m in mentions if m.start > comma and _can_act(m) and not _modifies_noun(doc, m)
                     and not _after_preposition(doc, m, mentions, sentence.start)]
            if after:
                return after[0]  # the subject of the main clause does what the opening phrase says
    if chosen is None:
        agents = [m for m in before_trigger if _can_act(m)
                  and _BY_AGENT.search(text[max(sentence.start, m.start - 30):m.start])]
        return agents[-1] if agents else None
    # With '..., and accused Washington' the subject of the first verb acts, not its object.
    return _possessed_person(doc, mentions, chosen)


def _possessed_person(doc: _Doc, mentions: list[Mention], mention: Mention) -> Mention:
    """"Congo's Thérèse Kayikwamba Wagner": the person the country's name introduces acts, not the bare
    country (which could not travel or meet)."""
    if mention.type != "country" or mention.via not in ("name", "capital", "demonym"):
        return mention
    following = next((m for m in mentions if m.start >= mention.end), None)
    if following is not None and following.type == "person" and following.country == mention.country \
            and _OWNED_NAME.fullmatch(doc.text, mention.end, following.start):
        return following
    return mention


#: between a country and the person it introduces: "Congo's Thérèse ...", 'US envoy Richard Grenell',
#: 'Chinese President Xi Jinping' (a country's own person: at worst the actor gets finer, never another country)
_OWNED_NAME = re.compile(r"(?:['’]s)?\s+(?:[\w.'’-]+\s+){0,3}")


def _acts_here(doc: _Doc, mention: Mention, mentions: list[Mention], sentence: Sentence, candidate: _Candidate,
               trigger_quoted: bool) -> bool:
    if not _can_act(mention) or _modifies_noun(doc, mention):
        return False
    if any(start <= mention.start < end and end <= candidate.head_start
           for start, end in _excluded_spans(doc, sentence)):
        return False
    if _after_preposition(doc, mention, mentions, sentence.start):
        return False
    return not (mention.type == "person" and doc.quotes.covers(mention.start) != trigger_quoted)


def _after_preposition(doc: _Doc, mention: Mention, mentions: list[Mention], floor: int) -> bool:
    """True when the mention is the object of a preposition, also as a later item of a list
    ('from Moscow, Washington and Berlin')."""
    key = (mention.start, mention.end, floor)
    cached = doc.prepositional.get(key)
    if cached is None:
        cached = doc.prepositional[key] = _after_preposition_uncached(doc, mention, mentions, floor)
    return cached


def _after_preposition_uncached(doc: _Doc, mention: Mention, mentions: list[Mention], floor: int) -> bool:
    if mention.via in ("role", "government", "administration") and mention.text[:3].lower() == "the":
        return False
    prefix = doc.text[max(floor, mention.start - 40):mention.start]
    if _PREPOSITION_BEFORE.search(prefix) and not _GROUP_OF.search(prefix):
        return True
    if _LIST_GAP.search(prefix) and not _VERB_AFTER.match(doc.text, mention.end):
        earlier = [m for m in mentions if m.end <= mention.start and mention.start - m.end <= 12]
        gap = doc.text[earlier[-1].end:mention.start] if earlier else ""
        if earlier and _LIST_GAP.fullmatch(gap) and (re.search(r"\b(?:and|or)\b", gap)
                                                     or _list_continues(doc, mention, mentions)):
            return _after_preposition(doc, earlier[-1], mentions, floor)
    return False


def _list_continues(doc: _Doc, mention: Mention, mentions: list[Mention]) -> bool:
    """True when a list goes on after the mention and ends with 'and'/'or' ('Moscow, Washington and Berlin')."""
    for later in mentions:
        if later.start >= mention.end:
            gap = doc.text[mention.end:later.start]
            if not _LIST_GAP.fullmatch(gap):
                return False
            if re.search(r"\b(?:and|or)\b", gap):
                return True
            mention = later
    return False


def _coordinated(doc: _Doc, mentions: list[Mention], actor: Mention) -> list[Mention]:
    """'Poland, Slovenia and Norway handed over...': every party of a list holding the actor acts."""
    group = _coordinated_back(doc, mentions, actor)
    index = next((i for i, m in enumerate(mentions) if m is actor), None)
    while index is not None and index + 1 < len(mentions):
        following = mentions[index + 1]
        if (following.start, following.end) == (group[-1].start, group[-1].end):
            group.append(following)  # 'the two leaders': one phrase standing for two parties
            index += 1
            continue
        if following.type == "country" and actor.type == "person" and index + 2 < len(mentions) \
                and re.fullmatch(r"['’]s\s+(?:[A-Z][\w.'’-]*\s+){0,3}|\s+(?:[A-Z][\w.'’-]*\s+){0,3}",
                                 doc.text[following.end:mentions[index + 2].start]) \
                and _LIST_GAP.fullmatch(doc.text[group[-1].end:following.start]):
            index += 1  # "and Rwanda's Olivier Nduhungirehe": the country names the person
            following = mentions[index + 1]
            if following.type == actor.type and _can_act(following):
                group.append(following)
                index += 1
                continue
            break
        if following.type != actor.type or not _can_act(following) \
                or not _LIST_GAP.fullmatch(doc.text[group[-1].end:following.start]):
            break
        group.append(following)
        index += 1
    return group


_OFFICE_OF_COUNTRY = re.compile(r"\s+(?:[A-Z][\w.'’-]*\s+){0,3}|['’]s\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*,\s+")


def _coordinated_back(doc: _Doc, mentions: list[Mention], actor: Mention) -> list[Mention]:
    group = [actor]
    index = next((i for i, m in enumerate(mentions) if m is actor), None)
    while index is not None and index > 0:
        previous = mentions[index - 1]
        if (previous.start, previous.end) == (group[0].start, group[0].end):
            group.insert(0, previous)  # 'the two leaders': one phrase standing for two parties
            index -= 1
            continue
        if previous.type == "country" and previous.via in ("name", "demonym") and actor.type == "person" \
                and index > 1 and _OFFICE_OF_COUNTRY.fullmatch(doc.text, previous.end, group[0].start):
            # 'US President Joe Biden', "Thailand's acting prime minister, Phumtham": the country names the
            # person's office, it is not a list item
            index -= 1
            continue
        gap = doc.text[previous.end:group[0].start]
        if not _LIST_GAP.fullmatch(gap) or not _can_act(previous) or previous.type != actor.type:
            break
        sentence = doc.sentence_at(previous.start)
        if sentence is not None and _after_preposition(doc, previous, mentions, sentence.start) \
                and not _after_preposition(doc, group[0], mentions, sentence.start):
            break  # 'According to US officials, Mexico declined': a prepositional object is no list item
        group.insert(0, previous)
        index -= 1
    return group


def _last_country_before(doc: _Doc, offset: int) -> Mention | None:
    """The most recent acting country (or a person's country) before an offset: the antecedent of 'it'."""
    index = bisect_right(doc.actors.starts, offset) - 1
    while index >= 0:
        mention = doc.actors.mentions[index]
        if _can_act(mention) and mention.type in ("country", "organization") and mention.country:
            prefix = doc.text[max(0, mention.start - 40):mention.start]
            if not _PREPOSITION_BEFORE.search(prefix) and not _modifies_noun(doc, mention):
                return mention
        index -= 1
    return None


def _modifies_noun(doc: _Doc, mention: Mention) -> bool:
    """'US military aircraft', 'Chinese seafood': a country name used as a modifier is not a subject."""
    if mention.type != "country" or mention.via not in ("name", "capital"):
        return False
    followed = doc.text[mention.end:mention.end + 1] == " "
    return followed and _cue("MODIFIED").match(doc.text, mention.end + 1) is not None


# ------------------------------------------------------------------------------------------------ targets
def _find_targets(doc: _Doc, candidate: _Candidate, actor: Mention) -> list[Mention | str]:
    """Targets for a trigger: mentions, or a program name (str) for launchedProgram.

    The trigger's target rule may chain fallbacks with '|' ('right|implicit': the party after the trigger,
    else the document's other side).
    """
    if candidate.patient is not None:
        return [candidate.patient]
    for rule in candidate.trigger.target.split("|"):
        found = _targets_by_rule(doc, candidate, actor, rule)
        if found:
            return found
    return []


def _targets_by_rule(doc: _Doc, candidate: _Candidate, actor: Mention, rule: str) -> list[Mention | str]:
    mentions = doc.mentions(candidate.sentence)
    if rule == "program":
        name = _program_name(doc, candidate)
        return [name] if name else []
    if rule == "implicit":
        explicit = _explicit_sender(doc, candidate, mentions, actor)
        if explicit is not None:
            return [explicit]
        demanders = _demanders(doc, candidate, actor)
        if demanders:
            return demanders
        if candidate.relation in _MIGRATION:
            deporter = _deporter(doc, actor.country)
            if deporter is not None:
                return [deporter]
        counterpart = _counterpart(doc, actor.country, {m.country for m in mentions if _listed_with(doc, m, actor)})
        return [counterpart] if counterpart else []
    if rule == "nationality":
        for mention in mentions:
            if candidate.head_start <= mention.start <= candidate.end + 15 and mention.type == "country" \
                    and mention.country != actor.country:
                # 'nationals of Japan, Poland and Latvia', 'two Britons and a Swede': every nation listed
                return [m for m in _following_list(doc, mention, mentions)
                        if m.type == "country" and m.country != actor.country]
        return []
    if rule == "inside":
        for mention in mentions:
            if candidate.head_end <= mention.start and mention.end <= candidate.end and _is_target(mention, actor):
                return [mention]
        return []
    if rule == "owner":
        for mention in mentions:
            if mention.start < candidate.head_start < mention.end and _is_target(mention, actor):
                return [mention]  # 'French officials given 48 hours to leave'
        for mention in reversed(mentions):
            if mention.end <= candidate.head_start:
                gap = doc.text[mention.end:candidate.head_start]
                if re.fullmatch(r"(?:['’]s?)?\s*(?:[\w-]+\s+)?", gap) and _is_target(mention, actor) \
                        and mention.via != "pronoun":
                    return [mention]
                return []
        return []
    if rule == "with":
        for mention in mentions:
            if mention.start >= candidate.end and _is_target(mention, actor):
                gap = doc.text[candidate.end:mention.start]
                if re.match(r"\s*(?:[\w-]+\s+){0,3}?with\s+(?:(?:the|his|her|their|its)\s+)?(?:[\w-]+\s+){0,4}$", gap):
                    return [mention]
                return []
        return []
    if rule == "direct":
        for mention in mentions:
            if mention.start >= candidate.end:
                gap = doc.text[candidate.end:mention.start]
                if re.fullmatch(r"\s+(?:the\s+)?", gap) and _is_target(mention, actor):
                    return [mention]
                return []
        return []
    if rule == "near":
        found = _right_targets(doc, candidate, mentions, actor, adjacent=False)
        if found and isinstance(found[0], Mention) and len(doc.text[candidate.end:found[0].start].split()) <= 6:
            return found[:1]
        return []
    if rule == "object":
        return _object_target(doc, candidate, mentions, actor)
    if rule == "subject":
        return _subject_target(doc, candidate, mentions, actor)
    if rule == "any":
        return _any_target(doc, candidate, mentions, actor)
    if rule == "dateline":
        # 'Xi is on a state visit' under a LIMA dateline: the dateline's country hosts the visit
        host = doc.dateline
        if host and host != actor.country and candidate.head_start >= doc.dateline_start:
            return [Mention(candidate.head_start, candidate.head_end, doc.text[candidate.head_start:candidate.head_end],
                            "country", host, host, "", "dateline")]
        return []
    if rule == "place":
        for mention in mentions:
            if mention.type == "country" and _is_target(mention, actor) and mention.via in ("name", "capital"):
                before = doc.text[max(candidate.sentence.start, mention.start - 8):mention.start]
                if re.search(r"\b(?:in|at)\s+$", before):
                    return [mention]
        return []
    if rule == "within":
        for mention in mentions:
            if mention.start >= candidate.end and mention.start - candidate.end <= 40 \
                    and mention.type == "country" and mention.country != actor.country:
                between = doc.text[candidate.end:mention.start]
                if re.fullmatch(r"\s*(?:in|over|on|across|throughout|inside|into|within)\s+(?:the\s+)?", between):
                    return [mention]
        return []
    return _right_targets(doc, candidate, mentions, actor, adjacent=rule == "adjacent")




def _demanders(doc: _Doc, candidate: _Candidate, actor: Mention) -> list[Mention]:
    """'The Kremlin dismissed the demands': a rejection of demands with no party named rejects the parties
    of the latest demand in the document (the leaders who made it), when they are not the actor's side."""
    # what a rejection can answer (words.csv ANSWERED): 'dismissed the demands' rejects whoever made them
    if candidate.relation != "rejects" or not _cue("ANSWERED").search(doc.text, candidate.head_start, candidate.end):
        return []
    if not doc.demands or not 0 <= candidate.sentence.index - doc.demands[-1][0] <= 12:
        return []
    latest = doc.demands[-1][0]
    found = {m.country: m for index, m in doc.demands if index == latest and m.country != actor.country}
    return list(found.values())


def _is_target(mention: Mention, actor: Mention) -> bool:
    if mention.via == "pronoun" and mention.text.lower() in ("his", "her", "its", "their", "him", "himself",
                                                               "herself"):
        return False  # 'visit his family' is not a visit to the person 'his' points to
    return mention.type in ("country", "person", "organization") and bool(mention.country) \
        and mention.country != actor.country


_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$")
_NEW_CLAUSE = re.compile(r";|,\s+(?:and|but|while|whereas|although)\s+(?:[A-Z]|the\s+[A-Z]|it\b|they\b)")


def _right_targets(doc: _Doc, candidate: _Candidate, mentions: list[Mention], actor: Mention, *,
                   adjacent: bool) -> list[Mention | str]:
    start = candidate.end if adjacent else candidate.head_end
    targets: list[Mention | str] = []
    previous_end = None
    agent_end = -1
    for mention in mentions:
        if mention.start < start:
            continue
        if agent_end >= 0 and _LIST_GAP.fullmatch(doc.text, agent_end, mention.start):
            agent_end = mention.end  # 'mediated by Qatar and Egypt': the whole list is the agent
            continue
        if previous_end is None:
            gap = doc.text[start:mention.start]
            if adjacent and (len(gap.split()) > 3 or re.search(r"[.;:!?]", gap)):
                return []
            if _NEW_CLAUSE.search(doc.text, start, mention.start + 1):
                return []  # 'called it a grave breach, and Nicaragua announced': a new clause, a new subject
            if _BY_BEFORE.search(doc.text, max(start, mention.start - 12), mention.start):
                agent_end = mention.end
                continue  # 'a ceasefire mediated by Qatar': the agent of a participle is no target
            if not _is_target(mention, actor):
                if adjacent or mention.country == actor.country:
                    continue
                continue
            targets.append(mention)
            previous_end = mention.end
            if not candidate.trigger.list and not _list_continues(doc, mention, mentions):
                return targets  # a list closed by 'and' is coordination for every relation ('condemned
                # Japan, the Philippines and Australia'); other triggers stop at their first target
        else:
            gap = doc.text[previous_end:mention.start]
            if not re.fullmatch(r"\s*(?:,|,?\s+and|,?\s+as\s+well\s+as|&|,?\s+or)?\s*(?:the\s+)?", gap):
                break
            if _is_target(mention, actor):
                targets.append(mention)
            previous_end = mention.end
    return targets


def _object_target(doc: _Doc, candidate: _Candidate, mentions: list[Mention], actor: Mention) -> list:
    """The party a demand is addressed to: 'urge Maduro to', 'pressed Mexico on', 'demanded that Panama'."""
    for mention in mentions:
        if mention.start < candidate.end:
            continue
        gap = doc.text[candidate.end:mention.start]
        if len(gap.split()) > 3 or re.search(r"[.;:!?,]", gap):
            return []
        if not re.fullmatch(r"\s*(?:that\s+)?(?:the\s+)?(?:[\w-]+\s+)?", gap):
            return []
        group = _following_list(doc, mention, mentions)
        if re.match(r"\s*that\b", gap) and _is_target(mention, actor):
            return [m for m in group if _is_target(m, actor)]
        after = doc.text[group[-1].end:group[-1].end + 40]
        if _is_target(mention, actor) and re.match(r"['’]?s?\s*(?:[\w-]+\s+){0,3}?(?:to|on|into|over)\b|\s+(?:must|"
                                                   r"should|stop|halt|end|take|accept|release)\b", after):
            return [m for m in group if _is_target(m, actor)]
        return []
    return []


def _following_list(doc: _Doc, first: Mention, mentions: list[Mention]) -> list[Mention]:
    """'Jordan and Egypt', 'Panama, Guatemala and Honduras': the list that starts with `first`."""
    group = [first]
    for mention in mentions:
        if mention.start >= group[-1].end and mention is not group[-1]:
            if _LIST_GAP.fullmatch(doc.text[group[-1].end:mention.start]):
                group.append(mention)
            elif mention.start > group[-1].end:
                break
    return group


def _listed_with(doc: _Doc, mention: Mention, actor: Mention) -> bool:
    """'Brazil and Colombia called it ...': a party listed with the actor acts along, it is no target."""
    sentence = doc.sentence_at(actor.start)
    if sentence is None or mention is actor or not any(m is actor for m in doc.mentions(sentence)):
        return False
    return any(m is mention for m in _coordinated(doc, doc.mentions(sentence), actor))


def _subject_target(doc: _Doc, candidate: _Candidate, mentions: list[Mention], actor: Mention) -> list:
    """What is called a threat: the party before 'is a threat', or, after 'That is', the previous sentence's."""
    for mention in reversed(mentions):
        if mention.end <= candidate.head_start and _is_target(mention, actor) and mention.via != "place" \
                and not _after_preposition(doc, mention, mentions, candidate.sentence.start) \
                and not _listed_with(doc, mention, actor):
            return [mention]
    before = doc.text[candidate.sentence.start:candidate.head_start].strip(" “\"'")
    if re.match(r"(?:That|This|It|Such)\b", before) and candidate.sentence.index > 0:
        previous = doc.sentences[candidate.sentence.index - 1]
        ranked = sorted((m for m in doc.mentions(previous) if _is_target(m, actor)),
                        key=lambda m: (m.via == "place", m.start))
        return ranked[:1]
    return []


def _any_target(doc: _Doc, candidate: _Candidate, mentions: list[Mention], actor: Mention) -> list:
    """The closest country (not a person) anywhere in the sentence."""
    options = [m for m in mentions if m.type == "country" and _is_target(m, actor)
               and not (candidate.head_start <= m.start < candidate.end + 12 and m.country == actor.country)]
    if not options:
        return []
    return [min(options, key=lambda m: abs(m.start - candidate.head_start))]


def _explicit_sender(doc: _Doc, candidate: _Candidate, mentions: list[Mention], actor: Mention) -> Mention | None:
    """The sender named in a migration sentence: 'from the U.S.', 'by Washington', 'U.S. military flights'.

    'People from India detained in the United States' names an origin and a sender; when the country the
    document is mostly about is named in the sentence, it is taken as the sender.
    """
    candidates = [m for m in mentions if _is_target(m, actor) and not (m.type == "person" and m.via == "pronoun")]
    sender_suffix, military_end = _sender_patterns()
    for mention in candidates:
        suffix = doc.text[mention.end:mention.end + 30]
        if sender_suffix.match(suffix) or (mention.via == "government" and military_end.search(mention.text)):
            return mention  # 'U.S. military flights', 'US navy plane': the flights' owner sends them
        if _DEPORTED_FROM.search(doc.text, max(candidate.sentence.start, mention.start - 30), mention.start):
            return mention  # 'flown from the United States' (not 'men from Sudan', an origin)
    allies = {m.country for m in mentions if _listed_with(doc, m, actor)}  # 'Peru and Bolivia called ...'
    counterpart = _counterpart(doc, actor.country, allies)
    if counterpart is not None:
        named = [m for m in mentions if m.country == counterpart.country and m.type == "country"]
        if named:
            return named[0]
    for mention in candidates:
        prefix = doc.text[max(candidate.sentence.start, mention.start - 12):mention.start]
        suffix = doc.text[mention.end:mention.end + 30]
        if re.search(r"\b(?:from|by)\s+(?:the\s+)?$", prefix, re.I):
            return mention
        if re.match(r"\s+(?:\w+\s+){0,3}?(?:deport\w*|expel\w*|sent|sends|send|flew|flown|removed|returned)\b",
                    suffix, re.I) and mention.start > candidate.head_start:
            return mention
    return None


@cache
def _sender_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    military = word_classes()["MILITARY"]
    return (re.compile(r"['’]?s?\s+(?:" + military + r"|deport\w*|removal)", re.I),
            re.compile(r"(?:" + military + r")$", re.I))


_MIGRATION = {"acceptsDeportees", "refusesDeportees", "allowsMilitaryDeportationFlights",
              "refusesMilitaryDeportationFlights"}
_DEPORTED_FROM = re.compile(r"\b(?:deport\w*|removed|expelled|flown|sent|returned|flights?|detained|held)\s+"
                            r"(?:back\s+)?(?:from|by|in)\s+(?:the\s+)?$", re.I)
_DEPORTS_AFTER = re.compile(r"(?:['’]s)?\s+(?:(?:military|navy|immigration|mass|new)\s+)?(?:deport\w*|removals?|"
                            r"expels?|expelled)\b", re.I)


def _deporter(doc: _Doc, actor_country: str) -> Mention | None:
    """The country the document shows deporting people ('deported from the United States', "Washington's
    deportation flights"), other than the actor: the sender behind migration wording with no sender."""
    if doc.deporters is None:
        counts: dict[str, int] = {}
        for mention in doc.actors.mentions:
            if mention.type != "country" or mention.via in ("pronoun", "place", "demonym"):
                continue  # 'Honduran nationals' are the deported, not the deporting state
            before = doc.text[max(0, mention.start - 30):mention.start]
            if _DEPORTED_FROM.search(before) or _DEPORTS_AFTER.match(doc.text, mention.end, mention.end + 40):
                counts[mention.country] = counts.get(mention.country, 0) + 1
        doc.deporters = sorted(counts, key=lambda iso: (-counts[iso], iso))
    for iso3 in doc.deporters:
        if iso3 != actor_country:
            return Mention(0, 0, knowledge_base().country_name(iso3), "country", iso3, iso3, "", "implicit")
    return None


def _counterpart(doc: _Doc, actor_country: str, allies: set[str] | frozenset[str] = frozenset()) -> Mention | None:
    """The country the document is mostly about, other than the actor's and those acting with it: the
    implicit other side."""
    for iso3 in doc.actors.focus:
        if iso3 != actor_country and iso3 not in allies:
            return Mention(0, 0, knowledge_base().country_name(iso3), "country", iso3, iso3, "", "implicit")
    return None


def _program_name(doc: _Doc, candidate: _Candidate) -> str:
    tail = doc.text[candidate.end:candidate.sentence.end]
    quoted = _QUOTED_NAME.search(tail)
    if quoted:
        return quoted.group(1).strip(" .,")
    called = _CALLED.search(tail)
    if called:
        return called.group(1).strip(" .,“”\"")
    inside = re.search(r"((?:[A-ZÀ-Þ][\w'’-]*\s+)(?:[\w'’-]+\s+){0,4}?)(?:program|programme|plan|initiative|scheme)",
                       doc.text[candidate.head_end:candidate.end])
    if inside:
        return inside.group(1).strip()
    words = re.findall(r"[\w'’-]+", doc.text[candidate.head_end:candidate.sentence.end])
    phrase = " ".join(words[:9]).strip()
    return phrase if len(words) >= 3 else ""


# -------------------------------------------------------------------------------------------------- event
#: Relations a country's firms or people can carry ('Chinese firms run the ports', 'freed two American
#: tourists', 'sanctions on Russian banks'); other relations need the state.
_PRIVATE_OK = frozenset({"exertsInfluenceOn", "releasesDetainees", "acceptsDeportees", "refusesDeportees",
                         "threatenedSanctions"})


def _make_event(doc: _Doc, candidate: _Candidate, actor: Mention, target: Mention | str) -> Event | None:
    sentence = candidate.sentence
    kb = knowledge_base()
    if isinstance(target, str):
        target_name, target_type, target_country = target, "program", ""
    else:
        if target.country == actor.country:
            return None
        if "private" in (actor.via, target.via) and candidate.relation not in _PRIVATE_OK:
            return None  # 'met U.S. business leaders' is no meeting with the United States
        target_name, target_type, target_country = _actor_fields(target, kb)
    actor_name, actor_type, actor_country = _actor_fields(actor, kb)
    mode = _mode(doc, candidate, actor)
    confidence = candidate.trigger.confidence
    if actor.via == "pronoun":
        confidence *= 0.9
    if isinstance(target, Mention) and target.via == "implicit":
        confidence *= 0.85
    if mode in ("reported", "conditional"):
        confidence *= 0.9
    return Event(
        source=doc.document.source, date=doc.document.date, actor=actor_name, actor_type=actor_type,
        actor_country=actor_country, relation=candidate.relation, target=target_name, target_type=target_type,
        target_country=target_country, confidence=round(min(confidence, 1.0), 2), mode=mode,
        context=_context(sentence.text, candidate.trigger.context), evidence=_one_line(sentence.text),
        start=sentence.start, end=sentence.end, trigger=_one_line(doc.text[candidate.head_start:candidate.end]),
        sequence=sentence.index, url=doc.document.url, publisher=doc.document.publisher,
        title=_one_line(doc.document.title),
    )


def _actor_fields(mention: Mention, kb) -> tuple[str, str, str]:
    if mention.type == "person":
        return mention.key, "person", mention.country
    if mention.type == "organization":
        return mention.key, "organization", mention.country
    return kb.country_name(mention.country), "country", mention.country


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _mode(doc: _Doc, candidate: _Candidate, actor: Mention) -> str:
    sentence = candidate.sentence
    before = doc.text[max(sentence.start, candidate.head_start - 50):candidate.head_start]
    before_words = " ".join(_WORDS_RE.findall(before)[-4:])
    conditional, reported = doc.sentence_modes(sentence)
    if conditional or (_MAY_RE.search(before_words) and not candidate.negated and candidate.relation != "rejects"):
        return "conditional"
    planned = _cue("PLANNED").search(before_words)
    if planned and not (candidate.negated and planned.group().lower() in ("will", "would", "shall")):
        return "planned"
    # A named source's statement is an attributed assertion; hedged wording marks a claim as reported.
    return "reported" if reported else "asserted"


_WORDS_RE = re.compile(r"[\w'’]+")
_MAY_RE = re.compile(r"\b(?:could|might|may)\b")
_CONDITIONAL_RE = re.compile(r"\b(?:if|unless)\b|\bshould\s+(?:its|the|their|his|her|it|they)\b", re.I)


@cache
def _context_index() -> tuple[re.Pattern[str], dict[str, list[tuple[int, re.Pattern[str]]]]]:
    """One fast regex over the first words of every context keyword, and for each first word (or stem)
    the contexts and full keyword patterns to check where it occurs."""
    by_first: dict[str, list[tuple[int, re.Pattern[str]]]] = {}
    for index, row in enumerate(read_data("contexts.csv")):
        for keyword in row["keywords"].split("|"):
            keyword = keyword.strip().lower()
            if keyword:
                pattern = re.compile(word_pattern(keyword) + r"(?![\w-])", re.I)
                by_first.setdefault(keyword.split()[0], []).append((index, pattern))
    stems = [w.rstrip("*") for w in by_first]
    variants = {v for w in stems for v in (w, w.capitalize(), w.upper())}
    return re.compile(r"(?<![\w-])" + trie_pattern(variants)), by_first


@lru_cache(maxsize=4096)
def _context(sentence: str, default: str) -> str:
    """The first context (in contexts.csv order) whose keywords occur in the sentence, else the default."""
    regex, by_first = _context_index()
    best = None
    for hit in regex.finditer(sentence):
        word = hit.group().lower()
        for first in (word, word + "*"):
            for index, pattern in by_first.get(first, ()):
                if (best is None or index < best) and pattern.match(sentence, hit.start()):
                    best = index
    if best is not None:
        return contexts()[best].slug
    return default or "diplomacy"


def _context_label(slug: str) -> str:
    for context in contexts():
        if context.slug == slug:
            return context.label
    return slug


# ----------------------------------------------------------------------------------------------- corpus API
def extract(inputs: Iterable[str | Path], *, jobs: int = 1, progress: bool = False,
            columns: Mapping[str, str] | None = None, feeds: Iterable[str] = (),
            fetcher=None) -> Iterator[DocumentResult]:
    """Read and extract every input (files, folders, news dumps, '-'), in input order.

    `jobs` > 1 spreads documents over processes (0 = all cores); `progress` shows a progress bar on stderr;
    `columns` names the fields of news dumps with unusual names ({"text": "story"}, see graph/dumps.py);
    `feeds` are RSS or Atom feeds whose articles are fetched, like URLs among the inputs (graph/fetch.py).
    """
    documents = read_documents(inputs, columns=columns, feeds=feeds, fetcher=fetcher)
    yield from extract_documents(documents, jobs=jobs, progress=progress)


def extract_documents(documents: Iterable[Document], *, jobs: int = 1,
                      progress: bool = False) -> Iterator[DocumentResult]:
    """`extract_document` over documents already read, in order; `jobs` and `progress` as in `extract`."""
    if jobs == 0:
        jobs = os.cpu_count() or 1
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(unit="doc", file=sys.stderr, disable=not sys.stderr.isatty())
    try:
        if jobs <= 1:
            for document in documents:
                yield extract_document(document)
                if bar is not None:
                    bar.update()
        else:
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                for result in pool.map(extract_document, documents, chunksize=8):
                    yield result
                    if bar is not None:
                        bar.update()
    finally:
        if bar is not None:
            bar.close()


def events_csv(events: Iterable[Event]) -> str:
    """Events as CSV text with the contract's header."""
    return _csv(EVENT_COLUMNS, (event.row() for event in events))


def entities_csv(entities: Iterable[Entity]) -> str:
    """Entities as CSV text with the contract's header."""
    return _csv(ENTITY_COLUMNS, (entity.row() for entity in entities))


def _csv(columns: tuple[str, ...], rows: Iterable[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()
