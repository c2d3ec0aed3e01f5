"""Text structure shared by the mention and event stages: sentences and quotations, with offsets.

Offsets always index into the document text, so evidence can be traced back to the source.
"""

from __future__ import annotations

import re
from functools import cache

from graph.records import value_record

#: Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "maj", "capt", "sgt", "adm", "prof",
    "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs", "v", "etc", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.u", "u.s.a", "e.g", "i.e", "a.m", "p.m",
    "mt", "ft", "approx", "dept", "est", "fig", "pres", "gov't", "messrs", "hon", "rev", "ave", "blvd",
}
#: Words that start a new sentence even right after an abbreviation such as 'U.S.'.
SENTENCE_STARTERS = {
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "In", "On", "At", "But", "And", "This", "That",
    "These", "Those", "His", "Her", "Its", "Their", "Our", "As", "After", "Before", "When", "While", "However",
    "Meanwhile", "Still", "Yet", "So", "Since", "For", "There", "Officials", "Mr.", "Ms.",
}

_BOUNDARY = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9À-Þ])")


@value_record
class Sentence:
    start: int
    end: int
    text: str
    index: int
    line_start: int  #: start offset of the line (paragraph) holding the sentence


def split_sentences(text: str, start: int = 0) -> list[Sentence]:
    """Split text into sentences with offsets; every line break also ends a sentence.

    >>> [s.text for s in split_sentences("Mr. Lee met U.S. officials. They agreed.\\nNext line")]
    ['Mr. Lee met U.S. officials.', 'They agreed.', 'Next line']
    """
    sentences: list[Sentence] = []
    pos = start
    for line in (text[start:] if start else text).split("\n"):
        if not line:
            pos += 1
            continue
        line_start = pos
        cursor = 0
        for match in _BOUNDARY.finditer(line):
            if not _ends_sentence(line, match):
                continue
            _add(sentences, text, line_start + cursor, line_start + match.end(), line_start)
            cursor = match.end()
        _add(sentences, text, line_start + cursor, line_start + len(line), line_start)
        pos += len(line) + 1
    return sentences


_NEXT_WORD = re.compile(r"\s+[\"“‘'(\[]?([\w.]+)")


def _ends_sentence(line: str, match: re.Match[str]) -> bool:
    """A full stop after an abbreviation or an initial does not end the sentence, unless a usual
    sentence opener follows ('... in the U.S. The next day')."""
    if not match.group().startswith("."):
        return True
    if line[max(0, match.start() - 7):match.start()].isalpha() and match.start() >= 7:
        return True  # a word of seven letters or more is no abbreviation: the common case, decided cheaply
    # the word before the stop, looked for in a short window: a scan back to the line's start would make a
    # long one-line text quadratic, and a 'word' longer than the window is no abbreviation anyway
    low = max(0, match.start() - 24)
    start = max(line.rfind(" ", low, match.start()), line.rfind("\t", low, match.start()))
    if start < 0 and low > 0:
        return True
    start += 1
    written = line[start:match.start()].lstrip("\"“‘'([")
    if _given_name_cut(line, match, written):
        return False
    word = written.lower().rstrip(".")
    if word in _HONORIFIC_INITIALS:
        return False  # 'H.E. Mr. Narendra Modi': a style of address, always followed by the name it honours
    if word in ABBREVIATIONS or (len(word) == 1 and "a" <= word <= "z") or _INITIALS.fullmatch(word):
        if word not in _CLOSING_ABBREVIATIONS and not _INITIALS.fullmatch(word):
            return False
        following = _NEXT_WORD.match(line, match.end())
        return bool(following) and following.group(1) in SENTENCE_STARTERS
    return True


def _given_name_cut(line: str, match: re.Match[str], written: str) -> bool:
    """'spokesperson Ma. Teresita Daza': a given name written short (words.csv GIVEN_NAME_ABBREVIATIONS) is
    followed by the rest of the name, so the stop after it cuts a name, not a sentence; a usual sentence opener
    after it ('... said Ma. The next day') still starts one."""
    if written not in _given_name_abbreviations():
        return False
    following = _NEXT_WORD.match(line, match.end())
    return bool(following) and following.group(1)[:1].isupper() and following.group(1) not in SENTENCE_STARTERS


@cache
def _given_name_abbreviations() -> frozenset[str]:
    """The short given names of words.csv (read on first use: the word lists load after this module)."""
    from graph.actors.knowledge import word_lists

    return frozenset(word_lists()["GIVEN_NAME_ABBREVIATIONS"])


#: Initials run together ('A.K. Antony', 'P.W. Botha'), or a country's ('the U.A.E.'): a name goes on after
#: them, and a usual sentence opener after them starts a new sentence.
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")
#: Abbreviations that often end a sentence, so a usual sentence opener after them starts a new one.
#: Styles of address written as initials ('H.E.' His Excellency, 'H.R.H.'), which never end a sentence
_HONORIFIC_INITIALS = {"h.e", "h.h", "h.m", "h.r.h", "h.i.h"}
_CLOSING_ABBREVIATIONS = {"u.s", "u.k", "u.n", "e.u", "etc", "inc", "co", "ltd", "jr", "sr", "corp"}


def _add(sentences: list[Sentence], text: str, start: int, end: int, line_start: int) -> None:
    raw = text[start:end]
    stripped = raw.strip()
    if stripped:
        start += len(raw) - len(raw.lstrip())
        sentences.append(Sentence(start, start + len(stripped), stripped, len(sentences), line_start))


_QUOTE = re.compile(r"“[^”\n]*(?:”|$)|\"[^\"\n]*(?:\"|$)", re.M)


_QUOTES_CACHE: list = [None, []]  #: the text last asked and its quotations


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted speech (“...” or "..."), an unclosed quote running to the end of its paragraph.

    Found once for the document being processed (several steps of both stages ask); each caller gets its own
    list."""
    if _QUOTES_CACHE[0] is not text:
        _QUOTES_CACHE[0], _QUOTES_CACHE[1] = text, [(m.start(), m.end()) for m in _QUOTE.finditer(text)
                                                    if m.end() - m.start() > 2]
    return list(_QUOTES_CACHE[1])
