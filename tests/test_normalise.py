"""Text layout normalisation (graph/normalise.py): hard-wrapped and glued text reads like the original.

The promise: a hard-wrapped copy of an article gives the same events as the article, with evidence on one
line; a dateline glued to the first word still opens the article; the text keeps its length, so every
offset points at the same character of the file.
"""

from __future__ import annotations

import doctest
import textwrap
from pathlib import Path

import pytest

from graph import normalise
from graph.documents import document_from_bytes
from graph.extract import extract_document
from graph.normalise import normalise_body, unwrap, wrap_width

from conftest import CORPUS

ARTICLES = sorted(CORPUS.glob("*.txt"))


def hard_wrap(text: str, width: int) -> str:
    """The article as wire copy or e-mail carries it: header as is, each body line cut at `width` columns."""
    head, sep, body = text.partition("\n\n") if text.startswith("Title:") else ("", "", text)
    lines = [textwrap.fill(line, width) if line.strip() else line for line in body.split("\n")]
    return head + sep + "\n".join(lines)


def triples(text: str, source: str = "a.txt") -> set[tuple[str, str, str, str]]:
    events = extract_document(document_from_bytes(source, text.encode("utf-8"))).events
    return {(e.actor, e.relation, e.target, e.mode) for e in events}


def test_docstring_examples_run():
    assert doctest.testmod(normalise).failed == 0


@pytest.mark.parametrize("width", [64, 72, 80])
@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_hard_wrapped_article_gives_the_same_events(path: Path, width: int):
    text = path.read_text(encoding="utf-8")
    wrapped = hard_wrap(text, width)
    assert wrapped != text and max(len(line) for line in wrapped.split("\n")[4:]) <= width
    assert triples(wrapped) == triples(text)
    document = document_from_bytes("a.txt", wrapped.encode("utf-8"))
    for event in extract_document(document).events:
        assert "\n" not in event.evidence
        assert document.text[event.start:event.end] == event.evidence.replace("\n", " ")


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_articles_that_are_not_wrapped_stay_as_they_are(path: Path):
    text = path.read_text(encoding="utf-8")
    assert wrap_width(text) is None and normalise_body(text) == text


def test_offsets_keep_pointing_at_the_same_characters():
    text = hard_wrap(ARTICLES[0].read_text(encoding="utf-8"), 70)
    normal = normalise_body(text)
    assert len(normal) == len(text)
    assert [i for i, (a, b) in enumerate(zip(text, normal, strict=True)) if a != b] == \
        [i for i, (a, b) in enumerate(zip(text, normal, strict=True)) if a == "\n" and b == " "]


def test_wrapped_paragraphs_keep_their_breaks_and_list_items():
    text = ("Talks between the two delegations ran late into the night on Tuesday in the\n"
            "capital, and officials said three points were still open at dawn, among them:\n"
            "- the schedule of the return flights and who would pay for the charter\n"
            "- access for consular staff to the reception centre near the airport in the\n"
            "  north of the country.\n\nA second round is planned.\n")
    lines = unwrap(text).split("\n")
    assert lines[0].endswith("among them:") and lines[1].startswith("- the schedule")
    assert lines[2].startswith("- access") and lines[2].endswith("the country.")
    assert lines[-2] == "A second round is planned."


@pytest.mark.parametrize("dateline", ["ROME (AFP) -", "ROME, Feb 3 (Reuters) -", "CAIRO —", "Cairo, (MENA) :"])
def test_glued_dateline_opens_the_article(dateline):
    text = f"{dateline}Egypt agreed on Monday to take back 40 of its citizens deported from Italy, officials said.\n"
    assert ("Egypt", "acceptsDeportees", "Italy", "asserted") in triples(text)


def test_a_country_in_the_credit_of_a_dateline_under_a_headline_is_no_party():
    text = ("Kenya tells envoys to leave\n\n"
            "Nairobi, (KNA - Uganda Daily Wire - 4 May) :The ambassadors of three countries who asked for the "
            "release of a Somali activist will be declared persona non grata, President William Ruto said.\n")
    events = extract_document(document_from_bytes("a.txt", text.encode("utf-8"))).events
    assert all(event.actor_country != "UGA" for event in events), [(e.actor, e.relation) for e in events]


def test_wrapped_header_line_is_no_body_text():
    text = ("Title: Britain says it will take back migrants who crossed from France under\n"
            "  a new pilot scheme\nDate: 2025-08-06\n\n"
            "LONDON — The pilot starts this month, officials said.\n")
    document = document_from_bytes("a.txt", text.encode("utf-8"))
    assert document.title.endswith("under a new pilot scheme")
    assert document.date == "2025-08-06" and document.text[document.body_start:].startswith("LONDON")
    assert extract_document(document).events == []
