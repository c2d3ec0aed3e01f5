"""Where the candidate scan tries the trigger words of a document: the tokens of each word that opens some
trigger, in the sentences whose words meet every need of at least one of the triggers the word opens.

A word such as 'to' or 'in' opens triggers that each need further words; most of its tokens stand in
sentences holding none of them, where no trigger of the word can match. Each sentence is judged once per word,
and the search for the word's tokens then jumps past the rest of a sentence ruled out, instead of cutting
every token of it and ruling each one out in turn.
"""

from __future__ import annotations

from graph.extract.document import _Doc
from graph.extract.lexicon import Trigger, _needs_met
from graph.words import token_starts

Rows = tuple[tuple[Trigger, int], ...]


def live_hits(doc: _Doc, lower: str, active: dict[str, Rows], masks: dict[str, int],
              sentence_needs: dict[int, int]) -> list[tuple[int, int, str]]:
    """(start, end, word) of the tokens of the `active` words (with their trigger rows) that stand in a sentence
    meeting every need of one of the word's rows, in text order: the hits the candidate scan would keep after
    its check of the sentence's needs, which drops the others. `sentence_needs` (sentence index -> needs met,
    as `_needs_met` gives them) is filled on the way and shared with the scan."""
    text, begin = doc.text, doc.document.body_start
    hits: list[tuple[int, int, str]] = []
    for word, rows in active.items():
        if any(needs == 0 for _, needs in rows):  # (a row needing nothing lives in every sentence)
            hits.extend((start, end, word) for start, end in token_starts(text, lower, word, begin))
            continue
        hits.extend((start, end, word) for start, end in _word_hits(doc, lower, word, rows, masks, sentence_needs))
    hits.sort()
    return hits


def _word_hits(doc: _Doc, lower: str, word: str, rows: Rows, masks: dict[str, int],
               sentence_needs: dict[int, int]) -> list[tuple[int, int]]:
    """The tokens of one word in the sentences where a row of it may match; past a token in a sentence where none
    may, the search goes on from that sentence's end."""
    text, begin = doc.text, doc.document.body_start
    found: list[tuple[int, int]] = []
    after = None
    live_end = -1  #: the end of the latest sentence found to let a row match: its later tokens are kept at once
    while True:
        for start, end in token_starts(text, lower, word, begin, after):
            if start < live_end:
                found.append((start, end))
                continue
            sentence = doc.sentence_at(start)
            if sentence is None:
                continue
            met = sentence_needs.get(sentence.index)
            if met is None:
                met = sentence_needs[sentence.index] = _needs_met(lower, masks, sentence.start, sentence.end)
            if _meets_a_row(rows, met):
                live_end = sentence.end
                found.append((start, end))
                continue
            after = sentence.end  # (no row of the word may match in this sentence: skip the rest of it)
            break
        else:
            return found


def _meets_a_row(rows: Rows, met: int) -> bool:
    """Whether `met` holds every need of one of the rows (a loop: it runs once per word and sentence)."""
    for _, needs in rows:
        if needs & met == needs:
            return True
    return False
