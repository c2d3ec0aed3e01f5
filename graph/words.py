"""The word pass: which lexicon words a document holds, and where.

Later stages run their patterns only where they can match. A document's words are cut once and cached;
lexicons (trigger heads, role words, speech verbs) become `WordIndex`es whose per-word answers are cached
across documents, so a document's lookup is a few set operations done in C, and the positions of the few
words found come from substring search rather than from a regex scan of the whole text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

WORD = re.compile(r"[a-z0-9]+(?:['’.-][a-z0-9]+)*")
#: Words as the candidate scan sees them; lower-cased they are the words of `doc_words`.
TOKEN = re.compile(r"[A-Za-z0-9À-ÿ]+(?:['’.-][A-Za-z0-9À-ÿ]+)*")

_WORDS_CACHE: list = [None, None, None]  #: the text last asked, its words and its chunks
_LOWER_CACHE: list = [None, ""]


def lower_of(text: str) -> str:
    """The lower case of the document being processed, cached (several stages search it)."""
    if _LOWER_CACHE[0] is not text:
        _LOWER_CACHE[0], _LOWER_CACHE[1] = text, text.lower()
    return _LOWER_CACHE[1]


def doc_words(text: str) -> set[str]:
    """The lower-case words of a document, cached for the document being processed.

    The text is cut at white space in C and each distinct chunk's words are cached across documents
    (regex words never span white space), so the tokenizer only runs on chunks never seen before. Words
    never seen before are logged once here for every `WordIndex`.
    """
    if _WORDS_CACHE[0] is not text:
        chunks = set(lower_of(text).split())
        missing = chunks.difference(_CHUNK_WORDS)
        if missing:
            for chunk in missing:
                _CHUNK_WORDS[chunk] = tuple(WORD.findall(chunk))
        words = set().union(*map(_CHUNK_WORDS.__getitem__, chunks))
        if len(_VOCABULARY.known) > _VOCABULARY_LIMIT or len(_CHUNK_WORDS) > _VOCABULARY_LIMIT:
            _VOCABULARY.reset()  # bound the memory on endless vocabularies
            _CHUNK_WORDS.clear()
            _VOCABULARY.add(words)
        elif missing:  # a chunk's words were logged when the chunk was first seen
            _VOCABULARY.add(set().union(*map(_CHUNK_WORDS.__getitem__, missing)))
        _WORDS_CACHE[0], _WORDS_CACHE[1], _WORDS_CACHE[2] = text, words, chunks
    return _WORDS_CACHE[1]


def doc_chunks(text: str) -> set[str]:
    """The distinct white-space chunks of a document's lower case, as `doc_words` cut them (cached with them)."""
    doc_words(text)
    return _WORDS_CACHE[2]


_CHUNK_WORDS: dict[str, tuple[str, ...]] = {}
_VOCABULARY_LIMIT = 500_000


class _Vocabulary:
    """Every word seen so far, with the order they came in, so each `WordIndex` works out a word once."""

    def __init__(self) -> None:
        self.known: set[str] = set()
        self.log: list[str] = []
        self.epoch = 0  #: changes when the vocabulary is reset; indexes then forget their answers

    def add(self, words: set[str]) -> None:
        fresh = words - self.known
        if fresh:
            self.known |= fresh
            self.log.extend(fresh)

    def reset(self) -> None:
        self.known = set()
        self.log = []
        self.epoch += 1


_VOCABULARY = _Vocabulary()


_TOKEN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
                         + "".join(chr(c) for c in range(0xC0, 0x100)))


def token_starts(text: str, lower: str, word: str, begin: int, after: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of the tokens of `text` (as `TOKEN` cuts them, from `begin`) whose lower case is `word`;
    with `after`, only those starting there or later (the tokens are still cut from `begin`).

    Substring search in C finds the few places where the word occurs; checks of the characters around each
    place replace a scan of every token of the document.
    """
    at = lower.find(word, begin if after is None else max(begin, after))
    size, length = len(word), len(text)
    while at != -1:
        end = at + size
        # a token starts here (nothing of a token before) and ends with the word (nothing that `TOKEN` would
        # take after it: a token character, or a joiner followed by one)
        if (at == begin or not (text[at - 1] in _TOKEN_CHARS
                                or (text[at - 1] in "'’.-" and at - 2 >= begin and text[at - 2] in _TOKEN_CHARS))) \
                and (end == length or not (text[end] in _TOKEN_CHARS
                                           or (text[end] in "'’.-" and end + 1 < length
                                               and text[end + 1] in _TOKEN_CHARS))):
            yield at, end
        at = lower.find(word, at + 1)


class WordIndex:
    """Which features (trigger indexes, need indexes, ...) each lower-case word has: the features of exact
    words, plus those of every stem the word starts with, longest stem first.

    Each word is worked out once and cached; a document's lookup is then set operations done in C, so Python
    only touches words never seen before and the few dozen words of a document that have a feature.
    """

    def __init__(self, exact: dict[str, list[int]], stems: dict[str, list[int]]) -> None:
        self.exact = exact
        self.stems = stems
        self.stem_lengths = sorted({len(stem) for stem in stems}, reverse=True)
        longest = self.stem_lengths[0] if self.stem_lengths else 0
        #: for a word of n characters (n up to the longest stem), the stem lengths it can hold, longest first
        self._lengths_upto = [tuple(length for length in self.stem_lengths if length <= size)
                              for size in range(longest + 1)]
        self.features: dict[str, tuple[int, ...]] = {}
        self.absorbed = 0  #: how much of the vocabulary's log has been worked out
        self.epoch = -1

    def _features(self, word: str) -> tuple[int, ...]:
        """The word's features, exact ones first, then those of its stems, longest first, each once. Runs for
        every word the first time any document holds it: only the stems as long as the word or shorter are
        tried, and most words have no feature at all."""
        found = list(self.exact.get(word, ()))
        lengths = self._lengths_upto
        stems = self.stems
        for length in lengths[len(word) if len(word) < len(lengths) else -1]:
            hit = stems.get(word[:length])
            if hit:
                found.extend(hit)
        return tuple(dict.fromkeys(found)) if found else ()

    def lookup(self, words: set[str]) -> dict[str, tuple[int, ...]]:
        """The words of `words` that have features, with their features."""
        if self.epoch != _VOCABULARY.epoch:
            self.features.clear()
            self.absorbed, self.epoch = 0, _VOCABULARY.epoch
        log = _VOCABULARY.log
        if self.absorbed < len(log):
            for word in log[self.absorbed:]:
                found = self._features(word)
                if found:
                    self.features[word] = found
            self.absorbed = len(log)
        # dict view first: the intersection then walks the smaller side, not the whole vocabulary
        result = {word: self.features[word] for word in self.features.keys() & words}
        if words is not _WORDS_CACHE[1]:  # words that did not come from `doc_words`: work out the unknown ones
            for word in words - _VOCABULARY.known:
                found = self._features(word)
                if found:
                    result[word] = found
        return result

    def present(self, words: set[str]) -> set[int]:
        """The features some word of `words` has."""
        return {feature for found in self.lookup(words).values() for feature in found}


def word_index(entries: Iterable[tuple[int, Iterable[str]]]) -> WordIndex:
    """A word index from (feature, words) pairs; a word's first token counts, `word*` is a stem."""
    exact: dict[str, list[int]] = {}
    stems: dict[str, list[int]] = {}
    for feature, words in entries:
        for word in words:
            first = word.split()[0].lower() if word.split() else ""
            if not first:
                continue
            if first.endswith("*"):
                stems.setdefault(first[:-1], []).append(feature)
            else:
                exact.setdefault(first, []).append(feature)
    return WordIndex(exact, stems)


_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")  #: what continues a word of `WORD`


def word_starts(text: str, word: str, *, whole: bool = False) -> Iterator[int]:
    """Offsets where the lower-case `word` begins a word of `text` (not after a letter, digit or hyphen);
    with `whole`, only where it also ends one as `WORD` cuts words ('bogot' in 'bogotá' does)."""
    lower = lower_of(text)
    at = lower.find(word)
    size = len(word)
    while at != -1:
        if (at == 0 or not (lower[at - 1].isalnum() or lower[at - 1] in "_-")) and not (
                whole and at + size < len(lower) and lower[at + size] in _WORD_CHARS):
            yield at
        at = lower.find(word, at + size)


#: Letters that re.I matches to an ASCII letter although their lower case is not that letter ('ı' and 'İ' match
#: 'i', 'ſ' matches 's')
_ODD_CASES = ("ı", "İ", "ſ")


def may_hold(window: str, words: Iterable[str]) -> bool:
    """Whether `window` may hold one of the lower-case `words` in any case, as a re.I look-back regex that needs
    one of them does: the substring tests rule out most windows before the regex runs. A window with a letter of
    `_ODD_CASES` is left to the regex. (Loops and plain tests, not generators: it runs for many windows.)"""
    lower = window.lower()
    for word in words:
        if word in lower:
            return True
    return "ı" in window or "İ" in window or "ſ" in window  # `_ODD_CASES`


def holds_any(text: str, needles: tuple[str, ...]) -> bool:
    """Whether `text` holds one of `needles` verbatim, as `any(needle in text for needle in needles)` says, in
    one regex scan instead of one substring scan per needle: needles that share their opening ('-led', '-run',
    '-backed') let the regex engine jump from one occurrence of it to the next."""
    return bool(needles) and _needles_re(needles).search(text) is not None


@cache
def _needles_re(needles: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(needle) for needle in needles))


@cache
def literal_starts(entries: tuple[str, ...]) -> tuple[str, ...]:
    """What every match of each entry of a words.csv list (`word_pattern`) holds verbatim, in lower case: its
    first word, without a stem's '*' (spaces match any white space), for `may_hold`."""
    return tuple(dict.fromkeys(entry.split()[0].rstrip("*").lower() for entry in entries if entry.split()))


def ends_with_word(window: str, word: str) -> bool:
    """Whether `window` may end with the lower-case `word` (in any case) and then white space, as a look-back
    regex ending in 'from\\s+$' or 'against\\s+$' (re.I) needs: testing the last characters first rules most
    windows out before the regex runs. (str.rstrip and `\\s` take the same white space; a word ending in letters
    beyond ASCII, which re.I may match to ASCII ones, 'ı' to 'i', is left to the regex.)"""
    stripped = window.rstrip()
    tail = stripped[-len(word):]
    return len(stripped) < len(window) and (tail.lower() == word or not tail.isascii())


def ends_with_any(window: str, words: tuple[str, ...] | None) -> bool:
    """Whether `window` may end with one of the lower-case `words` (in any case) and then white space, as a
    look-back regex ending in '\\s+$' whose every match ends with one of them needs ('(?:who|which)\\s+$'):
    `ends_with_word` for several words, the last characters lower-cased once. Words longer than
    `_END_REACH` characters are never found (`literal_ends` gives none); None, for a regex whose matches may end
    with any word, rules nothing out."""
    if words is None:
        return True
    stripped = window.rstrip()
    if len(stripped) == len(window):
        return False
    tail = stripped[-_END_REACH:]
    return tail.lower().endswith(words) or not tail.isascii()


_END_REACH = 24  #: how many of a window's last characters `ends_with_any` reads


@cache
def literal_ends(entries: tuple[str, ...]) -> tuple[str, ...] | None:
    """The last words, in lower case, of the entries of a words.csv list (`word_pattern`): what a regex that ends
    with the list and then white space ends with, for `ends_with_any`; None when an entry ends with a stem's '*'
    (its match may end with any letters) or with a word longer than `_END_REACH` characters."""
    ends = tuple(dict.fromkeys(entry.split()[-1].lower() for entry in entries if entry.split()))
    if any(end.endswith("*") or len(end) > _END_REACH for end in ends):
        return None
    return ends


def previous_word_start(text: str, at: int) -> int:
    """Start of the word before offset `at` (across white space), or -1 when none directly precedes it."""
    i = at
    while i > 0 and text[i - 1].isspace():
        i -= 1
    if i == at:
        return -1
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    return j if j < i else -1


def can_anchor(text: str) -> bool:
    """Whether offsets in the lower case equal offsets in the text (a few letters change length)."""
    return len(lower_of(text)) == len(text)


def matches_from(pattern: re.Pattern[str], text: str, prefixes: tuple[str, ...], *,
                 word_start: bool = False) -> list[re.Match[str]]:
    """What `pattern.finditer(text)` yields for a pattern each of whose matches begins with one of `prefixes`
    (lower case): anchored matches where a prefix occurs in the text's lower case.

    A common opening word ('the') occurs a few dozen times in an article: matching there costs far less than a
    regex scan of every position. The result is the same because no match can begin anywhere else, and the
    pattern itself still checks what stands before the offset (a lookbehind or \\b sees the text before it).
    `word_start`: the pattern opens with `\\b` or `(?<![\\w-])` before a word character, so a prefix right after a
    word character ('the' in 'other') is no start. The offsets of a document's prefixes are found once and
    shared by the patterns that open with the same words.
    """
    if not can_anchor(text):
        return list(pattern.finditer(text))
    return _matches_at(pattern, text, _prefix_starts(text, prefixes, word_start))


def case_blind_matches(pattern: re.Pattern[str], text: str, prefixes: tuple[str, ...]) -> list[re.Match[str]]:
    """`matches_from` (with `word_start`) for a re.I pattern whose every match opens a word with one of the
    lower-case `prefixes`: a text with a letter of `_ODD_CASES`, which re.I matches to an ASCII letter that the
    text's lower case does not hold ('ſ' for 's'), is scanned whole instead, so the matches are always those of
    `pattern.finditer(text)`."""
    if "ı" in text or "İ" in text or "ſ" in text:  # `_ODD_CASES`
        return list(pattern.finditer(text))
    return matches_from(pattern, text, prefixes, word_start=True)


_PREFIX_CACHE: list = [None, {}]  #: the text last asked, and its prefix offsets by (prefixes, word_start)


def _prefix_starts(text: str, prefixes: tuple[str, ...], word_start: bool) -> list[int]:
    """Sorted offsets where one of `prefixes` occurs in the text's lower case (with `word_start`, not right after
    a character `\\w` matches), found once per document."""
    if _PREFIX_CACHE[0] is not text:
        _PREFIX_CACHE[0], _PREFIX_CACHE[1] = text, {}
    found = _PREFIX_CACHE[1].get((prefixes, word_start))
    if found is None:
        lower = lower_of(text)
        starts = set()
        for prefix in prefixes:
            at = lower.find(prefix)
            while at != -1:
                if not (word_start and at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_")):
                    starts.add(at)
                at = lower.find(prefix, at + 1)
        found = _PREFIX_CACHE[1][(prefixes, word_start)] = sorted(starts)
    return found


def anchored_matches(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> list[re.Match[str]]:
    """What `pattern.finditer(text)` yields when every match of the pattern starts at one of `starts`:
    the matches at those offsets in text order, skipping any that begins inside an earlier one.

    A few dozen anchored matches at the offsets of the words a pattern needs cost far less than a regex
    scan of every position of a long text.
    """
    return _matches_at(pattern, text, sorted(set(starts)))


def _matches_at(pattern: re.Pattern[str], text: str, ordered: list[int]) -> list[re.Match[str]]:
    """`anchored_matches` on offsets already sorted and distinct."""
    found: list[re.Match[str]] = []
    end = -1
    for at in ordered:
        if at < end:
            continue
        match = pattern.match(text, at)
        if match is not None:
            found.append(match)
            end = max(match.end(), at + 1)
    return found
