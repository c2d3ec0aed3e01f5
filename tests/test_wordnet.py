"""Tests for the word classes derived from WordNet 3.0 (graph/data/derive_wordnet.py, graph/extract/wordnet.py).

The committed table must be exactly what the script derives from the WordNet database (checked where the Debian
package `wordnet-base` is installed: `make test` installs it), must carry WordNet's licence notice, and must keep
out the stoplisted words; STANCEGRAPH_WORDNET=0 must empty the classes so their contribution can be measured.
"""

from __future__ import annotations

import pytest

from graph.actors import read_data
from graph.data import derive_wordnet
from graph.extract import wordnet

HAS_WORDNET = (derive_wordnet.WORDNET / "data.verb").exists() and derive_wordnet.COPYRIGHT.exists()


@pytest.mark.skipif(not HAS_WORDNET, reason="WordNet 3.0 is not installed (Debian package wordnet-base)")
def test_committed_table_is_what_wordnet_gives() -> None:
    derived = derive_wordnet.render(derive_wordnet.derive(), derive_wordnet.licence())
    assert derive_wordnet.TABLE.read_text(encoding="utf-8") == derived, \
        "run python -m graph.data.derive_wordnet and commit graph/data/wordnet_senses.csv"


def test_table_carries_the_wordnet_licence() -> None:
    header = [line for line in derive_wordnet.TABLE.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    notice = "\n".join(header)
    assert "WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved." in notice
    assert "Permission to use, copy, modify and distribute this software and" in notice
    assert "THIS SOFTWARE AND DATABASE IS PROVIDED \"AS IS\"" in notice


def test_stoplisted_words_stay_out_of_the_table() -> None:
    _, stop, _ = derive_wordnet.core_senses()
    table = {(row["word"], row["pos"]) for row in read_data("wordnet_senses.csv")}
    assert stop and not {(word, pos) for word, pos, _ in stop} & table


def test_regular_inflections_without_an_exception_entry() -> None:
    assert derive_wordnet._verb_forms("upbraid", {}) == {"upbraid", "upbraids", "upbraided", "upbraiding"}
    assert derive_wordnet._verb_forms("vilify", {}) == {"vilify", "vilifies", "vilified", "vilifying"}
    assert derive_wordnet._noun_forms("excoriation", {}) == {"excoriation", "excoriations"}


def test_switching_the_derived_words_off_empties_every_class(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STANCEGRAPH_WORDNET", "0")
    wordnet.wordnet_lists.cache_clear()
    wordnet.wordnet_classes.cache_clear()
    try:
        assert wordnet.wordnet_lists() and not any(wordnet.wordnet_lists().values())
        assert set(wordnet.wordnet_classes().values()) == {wordnet.NEVER}
    finally:
        monkeypatch.delenv("STANCEGRAPH_WORDNET")
        wordnet.wordnet_lists.cache_clear()
        wordnet.wordnet_classes.cache_clear()
    assert "upbraided" in wordnet.wordnet_lists()["WN_CONDEMN"]


def test_words_the_hand_written_lexicon_knows_are_not_added_again() -> None:
    assert "condemned" not in wordnet.wordnet_lists()["WN_CONDEMN"]  # (the accuses row names it itself)


def test_known_words_are_what_a_regex_of_the_lexicons_words_matches() -> None:
    """The lexicon's words are looked up without compiling them into one regex; the answer is the regex's, for the
    derived words and for forms around them (case, spacing, endings, the lexicon's own words and stems)."""
    import re

    from graph.actors import word_pattern

    alternatives = wordnet._known_alternatives()
    regex = re.compile(word_pattern("|".join(alternatives)), re.I)
    words = [row["word"] for row in read_data("wordnet_senses.csv")]
    words += [w.upper() for w in words] + [w.replace(" ", "  ") for w in words] + [w[:-1] for w in words]
    words += [a.replace("*", ending) for a in alternatives for ending in ("", "ing", "'s", " x")] + [" upbraid", ""]
    assert [wordnet._is_known(w) for w in words] == [regex.fullmatch(w) is not None for w in words]


def test_switching_the_derived_words_off_changes_the_cache_version(monkeypatch: pytest.MonkeyPatch) -> None:
    from graph.cache import Path, version_of

    package = Path(derive_wordnet.__file__).parents[1]
    on = version_of(package)
    monkeypatch.setenv("STANCEGRAPH_WORDNET", "0")
    assert version_of(package) != on
