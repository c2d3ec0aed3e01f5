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


@cache
def _known_words() -> re.Pattern[str]:
    """Every literal word alternative of the hand-written trigger lexicon, as one regex."""
    alternatives = set()
    for row in read_data("triggers.csv"):
        for token in row["pattern"].split():
            if not re.fullmatch(r"\[\d+\]", token):
                alternatives.update(alt.replace("_", " ") for alt in token.split("|") if not alt.startswith("@"))
    return re.compile(word_pattern("|".join(sorted(alternatives))), re.I)


@cache
def wordnet_lists() -> dict[str, tuple[str, ...]]:
    """The derived word classes, without the words the hand-written lexicon already knows (every class is
    present, empty when the derived words are switched off)."""
    classes: dict[str, list[str]] = {}
    known = _known_words()
    for row in read_data("wordnet_senses.csv"):
        words = classes.setdefault(row["class"], [])
        if wordnet_enabled() and not known.fullmatch(row["word"]):
            words.append(row["word"])
    return {name: tuple(words) for name, words in classes.items()}


@cache
def wordnet_classes() -> dict[str, str]:
    """The derived word classes as regex fragments; an empty class never matches."""
    return {name: word_pattern("|".join(words)) if words else NEVER for name, words in wordnet_lists().items()}
