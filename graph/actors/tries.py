"""One regex for thousands of literal words: the aliases, demonyms and roles of the knowledge base, the known
names of a document, the trigger variants of the lexicon. An alternation arranged as a trie tries each letter
once, where a flat list of alternatives tries every word at every position.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie_pattern(words: Iterable[str], special: dict[str, str] | None = None, after_first: str = "") -> str:
    """A regex alternation of literal words arranged as a trie, so matching stays fast with thousands of words.

    Longer words win over their prefixes because each trie branch tries continuations before stopping, and
    at each letter the branch leading to the longest word is tried first, as a list sorted longest first
    would. `special` maps marker characters to regex pieces. `after_first` is put right after each word's first
    character (a look-behind that checks the character before the word, written one character wider): a pattern
    that opens with a literal character lets the regex engine skip, in C, every position whose character starts
    no word, where a leading look-around runs the engine at every position.
    """
    special = special or {}
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True
    return "(?:" + _trie_branches(trie, special, after_first, {})[0] + ")"


def _trie_branches(node: dict, special: dict[str, str], after: str, escaped: dict[str, str]) -> tuple[str, int]:
    """The regex of a trie node and the length of the longest word below it, built bottom-up in one walk (each
    child's length is known once it is built, so the branches are ordered longest first without a second walk);
    `escaped` remembers each character's regex piece."""
    built = []
    for ch, child in node.items():
        if ch != "":
            body, depth = _trie_branches(child, special, "", escaped)
            piece = escaped.get(ch)
            if piece is None:
                piece = escaped[ch] = special.get(ch) or re.escape(ch)
            built.append((-depth, ch, piece + after + body))
    if not built:
        return "", 0
    built.sort()
    body = built[0][2] if len(built) == 1 else "(?:" + "|".join(branch for _, _, branch in built) + ")"
    return (f"(?:{body})?" if "" in node else body), 1 - built[0][0]
