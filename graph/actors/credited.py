"""Credited countries: the country of the body a sentence is credited to, for the person who opens it.

'Vice Foreign Minister X voiced strong dissatisfaction, the Chinese Foreign Ministry said.' places X in China:
the body that closes a sentence speaks for the person who opens it, and so does a country's stance that the
person conveys ('X expressed Beijing's concern'). `person_countries` counts these with what else the document
states about a person.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from functools import lru_cache

from graph.actors.patterns import _starts_of, sentences_of
from graph.actors.people import PersonIntro
from graph.records import Mention

#: A sentence closed by its attribution to a national body: ', the Chinese Foreign Ministry said.' (the body is the
#: country mention right after group 0)
_ATTRIBUTION_OPENS = re.compile(r"[,\"”][ \t]*(?:[\"”][ \t]*)?(?:the[ \t]+)?$")
_ATTRIBUTION_CLOSES = re.compile(r"[ \t]+(?:said|says|stated|announced|added)\b[^.;:\"“”]{0,30}[.!?]?[ \t]*$")
#: A verb of conveying a country's stance right after a person: 'X expressed Beijing's', 'X conveyed Tokyo's'
_CONVEYED = re.compile(r"[ \t]+(?:\w+ly[ \t]+)?(?:expressed|conveyed|voiced|relayed|reiterated|delivered|lodged|"
                       r"expresses|conveys|voices|relays|reiterates|delivers|lodges)[ \t]+$")
#: Only a title before a name that opens a sentence: 'Vice Foreign Minister ', or nothing
_TITLE_OPENING = re.compile(r"[\W]*(?:[A-Z][\w.'’-]*[ \t]+){0,5}$")


def _attributed_countries(text: str, raw: list[tuple[Mention, str]], intros: list[PersonIntro]
                          ) -> dict[str, Counter]:
    """Countries a document gives people introduced without one by what they are said to speak for.

    A person who opens a sentence that a country's body is credited with ('Vice Foreign Minister Sun Weidong
    voiced strong dissatisfaction, the Chinese Foreign Ministry said'; 'Funakoshi "urged China to ...," the
    Japanese foreign ministry said') speaks for that body's country; so does one who conveys a country's stance
    ("X expressed Beijing's dissatisfaction"). News names such officials with a bare title, and the country
    named last before them is as often the other side's.
    """
    bodies = sorted((m for m, _ in raw if m.country and m.via == "government"
                     and m.type in ("country", "organization")), key=lambda m: m.start)
    body_starts = [m.start for m in bodies]
    countries = [(m.start, order, m) for order, m in enumerate(m for m, _ in raw if m.country and m.type == "country"
                                                                and m.via in ("name", "capital"))]
    countries.sort(key=lambda item: item[0])
    country_starts = [start for start, _, _ in countries]
    sentences = sentences_of(text)
    starts = _starts_of(text)
    openers = _Openers(text, sentences, starts)
    found: dict[str, Counter] = defaultdict(Counter)
    credited: dict[str, Counter] = {}  # name -> countries of the bodies credited with the sentences it opens
    for intro in intros:
        if intro.name not in credited:  # (once per name: a long text introduces the same people again and again)
            credited[intro.name] = _credited_bodies(text, intro.name, sentences, openers, bodies, body_starts)
        if credited[intro.name]:
            found[intro.name].update(credited[intro.name])
        index = bisect_right(starts, intro.start) - 1
        end = sentences[index].end if index >= 0 else len(text)
        after = countries[bisect_right(country_starts, intro.end):bisect_left(country_starts, end)]
        conveyed = min(((order, m) for _, order, m in after
                        if _CONVEYED.fullmatch(text, intro.end, m.start) and text.startswith(("'", "’"), m.end)),
                       default=(0, None), key=lambda item: item[0])[1]
        if conveyed is not None:
            found[intro.name][conveyed.country] += 1
    return found


def _credited_bodies(text: str, name: str, sentences: list, openers: _Openers, bodies: list[Mention],
                     body_starts: list[int]) -> Counter:
    """Countries of the bodies credited with the sentences that `name` opens ('X voiced dissatisfaction, the
    Chinese Foreign Ministry said'), one count per sentence."""
    words = name.split()
    found: Counter = Counter()
    for index in _sentences_opened_by(openers, len(sentences), (words[0], words[-1])):
        sentence = sentences[index]
        opening = _name_pattern(name).search(text, sentence.start, min(sentence.end, sentence.start + _OPENING))
        if opening is None or not _TITLE_OPENING.fullmatch(text, sentence.start, opening.start()):
            continue
        inside = bodies[bisect_right(body_starts, opening.end()):bisect_left(body_starts, sentence.end)]
        closing = next((m for m in reversed(inside) if opening.end() < m.start < sentence.end
                        and _ATTRIBUTION_OPENS.search(text, max(sentence.start, m.start - 8), m.start)
                        and _ATTRIBUTION_CLOSES.match(text, m.end, sentence.end)), None)
        if closing is not None:
            found[closing.country] += 1
    return found


@lru_cache(maxsize=4096)
def _name_pattern(name: str) -> re.Pattern[str]:
    """A person's full name, first word or last word as a whole word: built for the people who open a sentence
    only, and once for a name that recurs across documents (a compilation costs more than a document's search)."""
    words = name.split()
    forms = sorted({name, words[0], words[-1]}, key=lambda w: (-len(w), w))  # longest first: the same match every run
    return re.compile(r"\b(?:" + "|".join(map(re.escape, forms)) + r")\b")


def _opening_words(text: str, sentences: list) -> dict[str, list[int]]:
    """Word -> the sentences whose first 80 characters hold it as a whole run of word characters.

    A person can open only the sentences whose opening holds their name; looking them up here instead of trying
    every sentence for every person keeps a long text (a dump record on one line) linear."""
    openers: dict[str, list[int]] = defaultdict(list)
    for index, sentence in enumerate(sentences):
        for word in set(_WORD_RUN.findall(text, sentence.start, min(sentence.end, sentence.start + _OPENING))):
            openers[word].append(index)
    return openers


_WORD_RUN = re.compile(r"\w+")  #: (no lookaround: matching between offsets is matching the slice)


_OPENING = 80  #: characters: how far into a sentence a name may stand to open it


class _Openers:
    """Which sentences hold a word in their first `_OPENING` characters as a whole run of word characters.

    A document asks for the first and last names of the people it introduced: a substring search for each finds
    the few sentences at once. Once the searches have cost about as much as indexing every sentence opening
    (`_opening_words`), the index is built and answers the rest, so a long text introducing many people stays
    linear.
    """

    def __init__(self, text: str, sentences: list, starts: list[int]) -> None:
        self.text, self.sentences, self.starts = text, sentences, starts
        self.budget = 16 * len(sentences)  #: search steps left before the index is cheaper
        self.index: dict[str, list[int]] | None = None

    def get(self, word: str) -> list[int]:
        """The sentences whose opening holds `word` (a run of word characters) as a whole run."""
        if self.index is None and self.budget > 0:
            return self._search(word)
        if self.index is None:
            self.index = _opening_words(self.text, self.sentences)
        return self.index.get(word, [])

    def _search(self, word: str) -> list[int]:
        text, sentences, starts = self.text, self.sentences, self.starts
        self.budget -= 1 + len(text) // 4000  # (the search itself runs in C)
        found: list[int] = []
        size = len(word)
        at = text.find(word)
        while at != -1:
            self.budget -= 1
            index = bisect_right(starts, at) - 1
            if index >= 0:
                sentence = sentences[index]
                end, stop = min(sentence.end, sentence.start + _OPENING), at + size
                # (as `\w+` cuts the opening: a run may begin at the sentence's start and end where the opening does)
                if stop <= end and (at == sentence.start or not _is_word(text[at - 1])) \
                        and (stop == end or not _is_word(text[stop])) and (not found or found[-1] != index):
                    found.append(index)
            at = text.find(word, at + 1)
        return found


def _is_word(char: str) -> bool:
    """Whether `\\w` matches the character (str patterns: a letter or digit of any script, or '_')."""
    return char.isalnum() or char == "_"


def _sentences_opened_by(openers: _Openers, count: int, words: tuple[str, ...]) -> list[int]:
    """The sentences whose opening may hold one of `words` (by each word's first run of word characters; every
    sentence when a word does not start with one, so that nothing the full search would find is skipped)."""
    found: set[int] = set()
    for word in words:
        piece = _WORD_RUN.match(word)
        if piece is None:
            return list(range(count))
        found.update(openers.get(piece.group()))
    return sorted(found)
