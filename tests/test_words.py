"""Tests for graph/words.py and the anchored matchers built on it.

The anchored matchers must find exactly what a full regex scan finds: they are checked against
`finditer` on every bundled text, on the hand-written cases and on texts made to trip word boundaries.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from graph.actors import knowledge_base
from graph.actors.alias_scan import _lower_name_scan
from graph.actors.credited import _Openers, _opening_words
from graph.actors.finder import find_actors
from graph.actors.knowledge import word_lists, word_pattern
from graph.actors.offices_and_groups import _GROUP_RE, _named_groups, _role_anaphor_pattern
from graph.actors.patterns import (
    _AFTER_PREPOSITION,
    _SPEECH_AFTER_NAME,
    PRONOUN_RE,
    _after_preposition,
    pronoun_matches,
    role_matches,
    speech_matches,
)
from graph.actors.places import _DESCRIBED_PLACE, _ISLAND_STATE, _TITLED_STATE, _described_places, _described_re
from graph.documents import document_from_bytes
from graph.extract.actor_rules import _OPPORTUNITY_TO
from graph.extract.attribution import _WE_SUBJECT, _WE_SUBJECT_ENDS, _WHAT_THEY_CALLED, _WHAT_THEY_CALLED_ENDS
from graph.extract.candidates import _blame_shifted
from graph.extract.document import _CONDITIONAL_RE, _CONDITIONAL_WORDS, _Doc
from graph.extract.hedges import _onlookers_act_ends, _onlookers_act_pattern
from graph.extract.hits import live_hits
from graph.extract.implied_charges import _cease_conduct
from graph.extract.inferences import (
    _FOLLOWED_SUIT,
    _FOLLOWED_SUIT_OPENINGS,
    _RETALIATED,
    _RETALIATED_OPENINGS,
)
from graph.extract.lexicon import (
    _NEED,
    _continuation_mask,
    _features_of,
    _need_masks,
    _needs_met,
    _possible_rows,
    _present_needs,
    _word_need_masks,
    triggers,
)
from graph.extract.negation import _NO_BEFORE, _RELATIVE_VERB_BEFORE, _RELATIVE_VERB_ENDS
from graph.extract.requested import _ASKED_TO_ENDS, _asked_to
from graph.extract.subject import (
    _PERSON_PRONOUN_ENDS,
    _PERSON_PRONOUN_SUBJECT,
    _SAID_AFTER_COMMA,
    _SAID_AFTER_COMMA_ENDS,
)
from graph.extract.subject_wordings import _INCLUDING_SUBJECT, _ITS_ACT, _ITS_ACT_ENDS, _like_subject
from graph.extract.swaps import _MUTUAL_RELEASE, _TRADE_BETWEEN
from graph.text import split_sentences
from graph.words import (
    TOKEN,
    WORD,
    anchored_matches,
    case_blind_matches,
    doc_words,
    ends_with_any,
    ends_with_word,
    holds_any,
    literal_ends,
    literal_starts,
    lower_of,
    matches_from,
    may_hold,
    previous_word_start,
    token_starts,
    word_index,
    word_starts,
)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
TRICKY = [
    "The country's army said he'd go. It's over; its government, THE GOVERNMENT and the\nnation agreed.",
    "Herself, himself: she'd said 'he' -- the administration's envoy (the prime minister) told the foreign "
    "minister, who insisted.",
    "ex-president Lee, vice-president Ana Ruiz, Secretary-General's aides, FOREIGN MINISTER Ola and "
    "Prime Minister's office",
    "Ünal said, Øster wrote;\tthe State\tDepartment says\nwho said it would",
    "İstanbul: the president said.",  # a letter whose lower case is longer: the full scan is used
    "in Port Magelang, a city in Central Java, and McCain Town, a town of the; Tuas, a port on the coast of "
    "Johor,\tthe town in X. Ab Cd Ef, an island off Fiji, Oslo,  the capital city of Norway",
    "",
    "Another, together with the other side: the_the minister, -the minister, 1the Kingdom, éthe Emirate",
]


def bundled_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for folder in ("corpus",) for p in sorted((ROOT / folder).glob("*.txt"))]
    for folder in ("devset", "heldout", "testset"):
        texts += [p.read_text(encoding="utf-8") for p in sorted((DATA / folder).glob("*.txt"))]
    with open(DATA / "relations" / "cases.csv", encoding="utf-8") as handle:
        texts += [row["text"] for row in csv.DictReader(handle)]
    return texts + TRICKY


def spans(matches) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in matches]


@pytest.mark.parametrize("text", bundled_texts())
def test_anchored_matchers_find_what_a_full_scan_finds(text: str) -> None:
    kb = knowledge_base()
    assert spans(role_matches(text, kb)) == spans(kb.role_re.finditer(text))
    assert spans(pronoun_matches(text)) == spans(PRONOUN_RE.finditer(text))
    assert spans(speech_matches(text)) == spans(_SPEECH_AFTER_NAME.finditer(text))
    assert spans(_described_places(text)) == spans(_DESCRIBED_PLACE.finditer(text))
    for pattern in (_described_re(), _TITLED_STATE, _ISLAND_STATE, _role_anaphor_pattern(tuple(kb.roles))):
        assert spans(matches_from(pattern, text, ("the",))) == spans(pattern.finditer(text))
    assert spans(matches_from(_GROUP_RE, text, ("the", "those"))) == spans(_GROUP_RE.finditer(text))
    for pattern, _members, firsts in _named_groups():
        assert spans(matches_from(pattern, text, firsts)) == spans(pattern.finditer(text))



@pytest.mark.parametrize("window", ["kept them from ", "kept them FROM\n", "from", "x from", "fro ", "", " ",
                                    "warned Iraq agaİnst ", "warned Iraq agaınst  ", "cautioned against\u2003",
                                    "safeguards against", "guarantees AGAINST \t"])
def test_ends_with_word_rules_out_only_windows_the_regexes_miss(window: str) -> None:
    for word, pattern in (("from", re.compile(r"\bfrom\s+$", re.I)), ("against", re.compile(r"against\s+$", re.I))):
        if pattern.search(window):
            assert ends_with_word(window, word)


@pytest.mark.parametrize("window", ["the 30th ANNIVERSARY of the ", "the 30th annıversary of the ", "his DUTİES",
                                    "no comment on the ", "was handed a protest Note verbale that ", "any bid to ",
                                    "the anniversaries", "comments", ""])
def test_may_hold_rules_out_only_windows_the_regexes_miss(window: str) -> None:
    for words, pattern in ((("anniversary",), r"\banniversary\s+of\s+(?:the\s+)?$"), (("duties",), r"duties$"),
                           (("comment",), r"\bcomment\s+on\s+(?:the\s+)?$"), (("note", "letter"), r"\bnote\b"),
                           (("any",), r"\bany\s+bid\s+to\s+$")):
        if re.search(pattern, window, re.I):
            assert may_hold(window, words), (window, pattern)


def test_literal_starts_are_held_by_every_match_of_a_word_list() -> None:
    entries = ("deport*", "walk back", "Note", "note", "u-turn on")
    assert literal_starts(entries) == ("deport", "walk", "note", "u-turn")
    pattern = re.compile(word_pattern("|".join(entries)), re.I)
    for text in ("deportations", "to walk back", "WALK  BACK", "a NOTE", "U-turn on"):
        match = pattern.search(text)
        assert match and any(literal in match.group().lower() for literal in literal_starts(entries)), text


def test_doc_words_are_the_lower_case_words() -> None:
    words = doc_words("The U.S. envoy's visit -- Mexico's; re-elected 2025 leaders")
    assert {"the", "u.s", "envoy's", "visit", "mexico's", "re-elected", "2025", "leaders"} == words


def test_word_index_finds_exact_words_and_stems() -> None:
    index = word_index([(0, ["accept*"]), (1, ["take back", "took"]), (2, ["acceptance"])])
    found = index.lookup({"accepted", "acceptance", "took", "take", "tooth"})
    assert found == {"accepted": (0,), "acceptance": (2, 0), "took": (1,), "take": (1,)}
    assert index.present({"tooth"}) == set()


def test_word_starts_only_at_word_boundaries() -> None:
    text = "He said the help he'd give; Mother-he, he."
    assert list(word_starts(text, "he")) == [0, 12, 17, 39]
    assert list(word_starts(text, "he", whole=True)) == [0, 17, 39]


def test_token_starts_and_previous_word() -> None:
    text = "Accept, accepted; re-accept ACCEPT"
    assert list(token_starts(text, text.lower(), "accept", 0)) == [(0, 6), (28, 34)]
    assert previous_word_start("the  nation", 5) == 0
    assert previous_word_start("(nation", 1) == -1


def test_anchored_matches_skip_overlaps() -> None:
    import re

    pattern = re.compile(r"new york|york city")
    text = "new york city"
    assert spans(anchored_matches(pattern, text, [4, 0])) == spans(pattern.finditer(text))


@pytest.mark.parametrize("text", bundled_texts())
def test_preposition_check_agrees_with_its_pattern(text: str) -> None:
    import re

    for capital in re.finditer(r"[A-Z]", text):
        at = capital.start()
        assert _after_preposition(text, at) == bool(_AFTER_PREPOSITION.search(text, max(0, at - 15), at)), \
            text[max(0, at - 20):at + 10]


@pytest.mark.parametrize("text", bundled_texts()[::3])
def test_token_starts_finds_the_tokens_a_full_scan_finds(text: str) -> None:
    lower = text.lower()
    if len(lower) != len(text):
        pytest.skip("offsets differ in lower case: the extractor scans tokens instead")
    tokens: dict[str, list[tuple[int, int]]] = {}
    for token in TOKEN.finditer(text):
        tokens.setdefault(token.group().lower(), []).append(token.span())
    for word in doc_words(text):
        assert list(token_starts(text, lower, word, 0)) == tokens.get(word, []), word


#: Aliases that open in lower case or after a dash, and hyphenated pairs of demonyms
ALIAS_TRICKS = [
    "al-Assad met dpa reporters--Japan said; von der Leyen, al Shabaab and mainland China's el-Sisi.",
    "al-Assadx, xdpa, dpa-run, Colombian-Venezuelan and Sudanese-Egyptian-led talks, --al-Assad, .dpa",
    "de la Fuente told Japan.Korea and the Japan-South Korean (Kyodo)--North Korea",
]


def studied_texts() -> list[str]:
    """The bundled articles, the evaluation sets studied and the hand-written cases."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    for folder in ("devset", "heldout", "news/train", "news/dev"):
        texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted((DATA / folder).glob("*.txt"))]
    with open(DATA / "relations" / "cases.csv", encoding="utf-8") as handle:
        texts += [row["text"] for row in csv.DictReader(handle)]
    return texts + TRICKY + ALIAS_TRICKS


@pytest.mark.parametrize("text", studied_texts())
def test_fast_alias_scans_find_what_the_alias_patterns_find(text: str) -> None:
    kb = knowledge_base()
    assert spans(kb.alias_matches(text)) == spans(kb.alias_re.finditer(text))
    assert spans(kb.pair_scan.finditer(text)) == spans(kb.pair_re.finditer(text))
    assert spans(kb.pair_matches(text)) == spans(kb.pair_re.finditer(text))


@pytest.mark.parametrize("text", [*TRICKY, *ALIAS_TRICKS,
                                  "Lee said.\nLee_x met Lee.  Mr. Lee's aide, " + "x" * 90 + " Lee"])
def test_sentence_openers_found_by_search_are_those_of_the_index(text: str) -> None:
    sentences = split_sentences(text)
    index = _opening_words(text, sentences)
    openers = _Openers(text, sentences, [s.start for s in sentences])
    for word in set(re.findall(r"\w+", text)) | {"absent"}:
        assert sorted(set(openers.get(word))) == sorted(index.get(word, []))
    openers.budget = 0  # past the budget, the index answers
    assert all(openers.get(word) == index.get(word, []) for word in index)


@pytest.mark.parametrize("text", ["the US-led bloc", "", "a -le", "North", "the North", "x(y) a.b", "Tthe South"])
def test_holds_any_says_what_substring_tests_say(text: str) -> None:
    for needles in (("-led", "-run", "-backed"), ("he North", "he South"), (), ("",), ("a.b", "("), ("-",)):
        assert holds_any(text, needles) == any(needle in text for needle in needles)


@pytest.mark.parametrize("text", studied_texts())
def test_matches_from_word_starts_find_what_a_full_scan_finds(text: str) -> None:
    kb = knowledge_base()
    for pattern in (_described_re(), _TITLED_STATE, _ISLAND_STATE, _role_anaphor_pattern(tuple(kb.roles))):
        assert spans(matches_from(pattern, text, ("the",), word_start=True)) == spans(pattern.finditer(text))
    assert spans(matches_from(_GROUP_RE, text, ("the", "those"), word_start=True)) == spans(_GROUP_RE.finditer(text))
    for pattern, _members, firsts in _named_groups():
        assert spans(matches_from(pattern, text, firsts, word_start=True)) == spans(pattern.finditer(text))


@pytest.mark.parametrize("text", [*studied_texts(), "Italy FOLLOWED SUIT and Spain Did Likewise", "whitehit back",
                                  "Zagreb retaliated; Minsk must ſtop its meddling", "told Baku to ceasefire"])
def test_case_blind_matches_find_what_a_full_scan_finds(text: str) -> None:
    for pattern, openings in ((_FOLLOWED_SUIT, _FOLLOWED_SUIT_OPENINGS), (_RETALIATED, _RETALIATED_OPENINGS),
                              (_cease_conduct(), literal_starts(word_lists()["CEASE"]))):
        for variant in (text, text.upper()):
            assert spans(case_blind_matches(pattern, variant, openings)) == spans(pattern.finditer(variant))


@pytest.mark.parametrize("text", studied_texts()[::7])
def test_needs_met_are_those_of_the_words_of_the_stretch(text: str) -> None:
    lower = text.lower()
    if len(lower) != len(text):
        return
    masks = _word_need_masks(text)
    for sentence in split_sentences(text):
        met = _needs_met(lower, masks, sentence.start, sentence.end)
        if met == -1:
            continue
        low, high = sentence.start, sentence.end
        while low > 0 and not lower[low - 1].isspace():
            low -= 1
        while high < len(lower) and not lower[high].isspace():
            high += 1
        expected = 0
        for word in WORD.findall(lower[low:high]):
            expected |= masks.get(word, 0)
        assert met == expected


_WORD_AFTER_SPACE = re.compile(r"(?<=\s)\S")
#: Look-back regexes that run only where `ends_with_any` finds the window ending as every match of theirs ends
END_GUARDED = [(_OPPORTUNITY_TO, ("to",)), (_WHAT_THEY_CALLED, _WHAT_THEY_CALLED_ENDS), (_WE_SUBJECT, _WE_SUBJECT_ENDS),
               (_RELATIVE_VERB_BEFORE, _RELATIVE_VERB_ENDS), (_NO_BEFORE, ("no",)),
               (_onlookers_act_pattern(), _onlookers_act_ends()), (_PERSON_PRONOUN_SUBJECT, _PERSON_PRONOUN_ENDS),
               (_ITS_ACT, _ITS_ACT_ENDS),
               (_SAID_AFTER_COMMA, _SAID_AFTER_COMMA_ENDS), (_asked_to(), _ASKED_TO_ENDS)]
#: Windows each of those regexes matches, written for this test
ENDING_TRICKS = [
    "The envoy took the opportunity of the summit in Lima to \n press Quito. Accra cut ties over what they had  "
    "called lies. We also jointly  reaffirm our support. Bogota, which has already  refused it, "
    "brooks no\tdoubt. Economists have also accused them. Tirana recalled its envoy, and she later quietly left. "
    "It has since  agreed. Oslo cited its decision not to  send troops. \"No,\" Rubio said after talks, and they "
    "then quickly signed. Lima urged Quito to  urgently\tleave; Seoul pressed Tokyo to also  act.",
]


@pytest.mark.parametrize("text", [*studied_texts()[::5], *ENDING_TRICKS])
def test_look_back_regexes_match_only_where_their_endings_stand(text: str) -> None:
    for variant in (text, text.upper()):
        for match in re.finditer(r"(?<=\s)\S", variant):
            window = variant[max(0, match.start() - 220):match.start()]
            for pattern, ends in END_GUARDED:
                assert pattern.search(window) is None or ends_with_any(window, ends), (pattern.pattern, window[-40:])


def test_ends_with_any_reads_the_last_word_before_white_space() -> None:
    assert ends_with_any("refused to ", ("to",)) and ends_with_any("refused TO\n", ("from", "to"))
    assert not ends_with_any("refused to", ("to",))  # (no white space after it: a look-back '\\s+$' needs some)
    assert not ends_with_any("went on ", ("to",)) and ends_with_any("on ", None)
    assert ends_with_any("Kırıkkale ", ("le",)) and ends_with_any("ſ ", ("s",))  # (letters re.I folds to ASCII)
    assert literal_ends(("economists", "has since")) == ("economists", "since")
    assert literal_ends(("deport*", "expel")) is None


@pytest.mark.parametrize("text", [*studied_texts()[::5], *ENDING_TRICKS,
                                  "Several states, including Chile and Peru, have agreed. Countries like Peru have "
                                  "also said so.",
                                  "a SWAP of envoys between Oman and Iran; the Mutual release of the crews",
                                  "He insisted that Kyiv, not Moscow, had refused to negotiate.",
                                  "Lima would act should the junta refuse, and not UNLESS asked; If so, it said."])
def test_regexes_run_only_on_texts_holding_their_words(text: str) -> None:
    for variant in (text, text.upper()):
        lower = variant.lower()
        if _TRADE_BETWEEN.search(variant):
            assert "between" in lower and ("swap" in lower or "exchange" in lower or "ſ" in variant)
        if _MUTUAL_RELEASE.search(variant):
            assert "mutual" in lower or "reciprocal" in lower or "ı" in variant or "İ" in variant
        for sentence in split_sentences(variant):
            assert _CONDITIONAL_RE.search(sentence.text) is None or may_hold(sentence.text, _CONDITIONAL_WORDS)
            for match in _WORD_AFTER_SPACE.finditer(variant, sentence.start, sentence.end):
                window = variant[sentence.start:match.start()]
                assert _INCLUDING_SUBJECT.match(window) is None or "including" in window
                assert _like_subject().match(window) is None or may_hold(window, ("like", "such"))
                assert _blame_shifted().search(window) is None or "not" in window


def test_every_alias_without_a_capital_opens_with_one_of_the_openings_looked_for() -> None:
    kb = knowledge_base()
    assert kb.other_aliases and all(alias.startswith(kb.other_openings) for alias in kb.other_aliases)
    assert len(kb.other_openings) < len(kb.other_aliases)


@pytest.mark.parametrize("text", studied_texts()[::9])
def test_a_trigger_that_matches_has_its_needs_met_by_the_rest_of_its_sentence(text: str) -> None:
    """The candidate scan skips a trigger whose needs the sentence after its first word does not meet."""
    lower = text.lower()
    if len(lower) != len(text):
        return
    masks, features, wanted = _word_need_masks(text), _features_of(text), _need_masks()
    for sentence in split_sentences(text):
        for token in TOKEN.finditer(text, sentence.start, sentence.end):
            starting = [n for n in features.get(token.group().lower(), ()) if n < _NEED]
            if not starting:
                continue
            rest = _needs_met(lower, masks, token.start(), sentence.end)
            for n in starting:
                if triggers()[n].regex.match(text, token.start(), sentence.end):
                    needs = wanted[n] | _continuation_mask(triggers()[n], token.group().lower())
                    assert needs & rest == needs, (triggers()[n].pattern, sentence.text)


_SANCTION_WORDINGS = ["The EU threatened to sanction Minsk.", "They said it would  Sanction's officials.",
                      "Washington plans to sanction firms; Ottawa will sanction-proof trade.",
                      "Officials were told to sanction\nBeijing.", "It was sanctioned. To sanction them is hard."]


@pytest.mark.parametrize("text", _SANCTION_WORDINGS)
def test_a_first_word_of_a_wording_of_several_words_needs_the_words_after_it(text: str) -> None:
    """At 'to' only 'to sanction' of 'sanctioned|to_sanction|...' can match: 'sanction' must stand after it;
    the trigger's regex matches only where the rest of the sentence meets that need."""
    trigger = next(t for t in triggers() if t.pattern.startswith("sanctioned|sanctioning|to_sanction"))
    assert _continuation_mask(trigger, "to") and _continuation_mask(trigger, "would")
    assert _continuation_mask(trigger, "sanctioned") == 0  # (a word an alternative of one word matches)
    assert _continuation_mask(trigger, "tö") == 0  # (beyond ASCII: left to the regex)
    test_a_trigger_that_matches_has_its_needs_met_by_the_rest_of_its_sentence(text)


_LOWER_RUN = re.compile(r"(?<![\w'’.@/-])[a-z]{4,}(?![\w@/-])")
_LOWER_NAME_TRICKS = ["they condemned israel's attack; israeli, pro-israel and israel-born men met in israel.",
                      "@israel /israel israel/ Israel israel2 israel_ nigeria niger nigerian Niger", "Ísrael israelé"]


@pytest.mark.parametrize("text", studied_texts()[::5] + _LOWER_NAME_TRICKS)
def test_lower_case_country_names_are_the_runs_of_letters_that_are_names(text: str) -> None:
    """The one trie scan of lower-case country names finds what a scan of every run of four letters or more
    followed by a look-up of each found: the whole runs that are names."""
    kb = knowledge_base()
    common = set(word_lists()["COMMON_WORD_NAMES"])
    names = {surface.lower() for surface, alias in kb.aliases.items() if alias.type == "country"
             and alias.kind == "name" and re.fullmatch(r"[A-Z][a-z]{3,}", surface)} - common
    expected = [m.span() for m in _LOWER_RUN.finditer(text) if m.group() in names]
    assert [m.span() for m in _lower_name_scan(kb).finditer(text)] == expected


def _texts_of_the_scan() -> list[str]:
    """The bundled texts the extractor is tuned on (frozen splits left out), the cases and the tricky texts."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    for folder in ("devset", "heldout"):
        texts += [p.read_text(encoding="utf-8") for p in sorted((DATA / folder).glob("*.txt"))]
    with open(DATA / "relations" / "cases.csv", encoding="utf-8") as handle:
        texts += [row["text"] for row in csv.DictReader(handle)]
    return texts + TRICKY


def test_live_hits_keep_every_hit_the_sentence_needs_allow() -> None:
    """`live_hits` skips the rest of a sentence where no row of a word may match: it must keep exactly the
    tokens that a walk of every token of every trigger word keeps after the check of its sentence's needs."""
    checked = 0
    for index, text in enumerate(_texts_of_the_scan()):
        document = document_from_bytes(f"text{index}.txt", text.encode("utf-8"))
        if document.skipped or len(lower_of(document.text)) != len(document.text):
            continue
        doc = _Doc(document, find_actors(document.text))
        lower, masks = lower_of(doc.text), _word_need_masks(doc.text)
        present = _present_needs(doc.text)
        active = {word: rows for word, features in _features_of(doc.text).items()
                  if (rows := _possible_rows(features, present, word))}
        every = sorted((start, end, word) for word in active
                       for start, end in token_starts(doc.text, lower, word, document.body_start))
        walked = []
        for hit in every:
            sentence = doc.sentence_at(hit[0])
            if sentence is not None and any(needs & _needs_met(lower, masks, sentence.start, sentence.end) == needs
                                            for _, needs in active[hit[2]]):
                walked.append(hit)
        assert live_hits(doc, lower, active, masks, {}) == walked
        checked += len(walked)
    assert checked > 1000


def test_every_word_class_is_named_once() -> None:
    """A class named twice in words.csv silently replaces the first (`word_lists` keys by name), and every rule
    reading the first then reads the other's words: each name must be unique."""
    from collections import Counter

    from graph.actors.knowledge import read_data

    counts = Counter(row["class"] for row in read_data("words.csv"))
    assert not [name for name, n in counts.items() if n > 1], [name for name, n in counts.items() if n > 1]
