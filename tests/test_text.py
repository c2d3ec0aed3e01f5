"""Tests for graph/text.py: sentences with offsets into the document."""

from __future__ import annotations

import pytest

from graph.text import quote_spans, split_sentences


def _texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


@pytest.mark.parametrize(("text", "sentences"), [
    # initials run together belong to the name that follows them
    ("Kenya's envoy met Defence Minister A.K. Menon in Delhi. Talks went on.",
     ["Kenya's envoy met Defence Minister A.K. Menon in Delhi.", "Talks went on."]),
    ("The late P.W. Kruger had signed the pact.", ["The late P.W. Kruger had signed the pact."]),
    # a usual opener after a country's initials starts a new sentence, as after 'U.S.'
    ("The accord was signed in the U.A.E. The talks ended.",
     ["The accord was signed in the U.A.E.", "The talks ended."]),
    ("Mr. Lee met U.S. officials. They agreed.", ["Mr. Lee met U.S. officials.", "They agreed."]),
])
def test_sentences_after_abbreviations_and_initials(text: str, sentences: list[str]) -> None:
    assert _texts(text) == sentences


def test_offsets_index_the_document() -> None:
    text = "Line one ends here.\nLine two, A.K. Rao said."
    for sentence in split_sentences(text):
        assert text[sentence.start:sentence.end] == sentence.text


def test_quotations_are_found_once_and_each_caller_gets_its_own_list() -> None:
    text = 'He said "no deal" and \u201cnever\u201d.\n"An open one'
    first, second = quote_spans(text), quote_spans(text)
    assert first == second == [(8, 17), (22, 29), (31, 43)]
    first.append((0, 1))
    assert quote_spans(text) == second and quote_spans("x") == []
