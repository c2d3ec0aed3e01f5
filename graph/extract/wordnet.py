"""The word classes derived from WordNet (graph/data/wordnet_senses.csv) that trigger patterns use as @WN_*.

The hand-written trigger families name the words of the texts they were written from; reporting elsewhere says
the same acts in other words ('excoriated', 'upbraided', 'ousted'). The derived table lists the synonyms and
derivations of each relation's core senses (graph/data/derive_wordnet.py makes it). Only the words the
hand-written lexicon does not already use join the families, so a hand-written row keeps its own reading of
its own words. Setting STANCEGRAPH_WORDNET=0 empties the classes (to measure what they add).
"""

from __future__ import annotations

import os
import re
from functools import cache

from graph.actors import read_data, word_pattern

#: A regex that never matches: the body of an empty class (an empty alternation would match everywhere)
NEVER = r"(?!)"


def wordnet_enabled() -> bool:
    """Whether the derived words are read (STANCEGRAPH_WORDNET=0 switches them off)."""
    return os.environ.get("STANCEGRAPH_WORDNET", "1") != "0"


def _known_alternatives() -> list[str]:
    """Every literal word alternative of the hand-written trigger lexicon ('deport*', 'take back')."""
    alternatives = set()
    for row in read_data("triggers.csv"):
        for token in row["pattern"].split():
            if not re.fullmatch(r"\[\d+\]", token):
                alternatives.update(alt.replace("_", " ") for alt in token.split("|") if not alt.startswith("@"))
    return sorted(alternatives)


#: What a stem's ending may be (`word_pattern`'s `word*`)
_STEM_ENDING = re.compile(r"[\w'’-]*")


@cache
def _known_words() -> dict[tuple[str, bool], list[tuple[tuple[str, bool], ...]]]:
    """The lexicon's alternatives as phrases of (lower-case word, stem?) items, by their first item: what
    `_is_known` looks a word up in. (Matching the derived words one by one against these beats compiling them
    into one regex, which took a large share of the start-up of extraction.)"""
    phrases: dict[tuple[str, bool], list[tuple[tuple[str, bool], ...]]] = {}
    for alternative in _known_alternatives():
        items = tuple((word.rstrip("*").lower(), word.endswith("*")) for word in alternative.split())
        if items:
            phrases.setdefault(items[0], []).append(items)
    return phrases


def _is_known(word: str) -> bool:
    """Whether a lexicon alternative covers the whole of a word or phrase, as `word_pattern` of the alternatives
    would match it, case aside: spaces any space, `word*` any word ending."""
    words = word.lower().split()
    if not words or word != word.strip():
        return False
    known = _known_words()
    first = words[0]
    heads = [(first, False)] + [(first[:cut], True) for cut in range(len(first) + 1)]
    return any(_covers(items, words) for head in heads for items in known.get(head, ()))


def _covers(items: tuple[tuple[str, bool], ...], words: list[str]) -> bool:
    """Whether a phrase of (word, stem?) items matches these words, one item a word."""
    return len(items) == len(words) and all(
        (written == item) if not stem else
        (written.startswith(item) and _STEM_ENDING.fullmatch(written, len(item)) is not None)
        for (item, stem), written in zip(items, words, strict=True))


@cache
def wordnet_lists() -> dict[str, tuple[str, ...]]:
    """The derived word classes, without the words the hand-written lexicon already knows (every class is
    present, empty when the derived words are switched off)."""
    classes: dict[str, list[str]] = {}
    for row in read_data("wordnet_senses.csv"):
        words = classes.setdefault(row["class"], [])
        if wordnet_enabled() and not _is_known(row["word"]):
            words.append(row["word"])
    return {name: tuple(words) for name, words in classes.items()}


@cache
def wordnet_classes() -> dict[str, str]:
    """The derived word classes as regex fragments; an empty class never matches."""
    return {name: word_pattern("|".join(words)) if words else NEVER for name, words in wordnet_lists().items()}
