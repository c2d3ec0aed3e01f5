"""Regression: valid HTML5 without `</head>`, or with an unclosed `<header>`, was skipped as "no text left
after removing markup": the old tag-counting stripper waited for end tags HTML5 leaves implicit. Pages are
now parsed by html5lib, as a browser parses them."""

from __future__ import annotations

import pytest

from graph.documents import read_document
from graph.extract import extract

SENTENCE = "Kenya agreed on Tuesday to accept deportation flights from the United States, officials said."
PAGES = {
    "no-head-end": f"<!DOCTYPE html><html><head><title>Kenya deal</title><meta charset=utf-8><body><p>{SENTENCE}",
    "open-header": f"<!DOCTYPE html><html><head><title>Kenya deal</title></head><body><header><nav>Home</nav>"
                   f"<p>{SENTENCE}</p></body></html>",
    "misnested": f"<html><body><p><b>{SENTENCE.split(' on ')[0]}<i> on </b>{SENTENCE.split(' on ')[1]}</i></p>",
    "deep": "<div>" * 5000 + f"<p>{SENTENCE}</p>",
}


@pytest.mark.parametrize("name", PAGES)
def test_html5_pages_are_read_as_a_browser_shows_them(tmp_path, name):
    path = tmp_path / f"{name}.html"
    path.write_text(PAGES[name], encoding="utf-8")
    document = read_document(path)
    assert not document.skipped and SENTENCE in document.text
    [result] = list(extract([str(path)]))
    assert {(e.actor_country, e.relation, e.target_country) for e in result.events} == {
        ("KEN", "acceptsDeportees", "USA")}


def test_page_furniture_is_still_left_out(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(f"<!DOCTYPE html><header><p>Subscribe today</p></header><main><p>{SENTENCE}</p></main>"
                    "<footer><p>All rights reserved</p></footer>", encoding="utf-8")
    text = read_document(path).text
    assert SENTENCE in text and "Subscribe" not in text and "rights" not in text
