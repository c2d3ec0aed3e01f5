"""Items of a roundup: the part of a text in which a guessed other side must have been named.

A news digest (a world summary, a live page, a column of briefs) tells unrelated stories one after another: the
country such a text names most is the subject of one of its items, not the other side of a stance told in another
('China's chief statistician blamed "structural adjustment pressures"' is no charge against the United States
because the item before was about American strikes). An item is a run of paragraphs (lines) that name countries
in common: a line naming countries, none of which the item so far has named, starts a new item; a line naming
none goes on with the item before it. A single-story report is one item, so nothing changes for it.
"""

from __future__ import annotations

from bisect import bisect_right

from graph.extract.document import _Doc


def _lines(text: str) -> list[tuple[int, int]]:
    """The spans of the text's non-blank lines: a paragraph, a heading or a bullet each."""
    spans, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            spans.append((start, end))
        start = end + 1
    return spans


def _items(doc: _Doc) -> tuple[list[int], list[frozenset[str]]]:
    """Where each item starts, and the countries each names: worked out once a document."""
    cached = getattr(doc, "_items", None)
    if cached is not None:
        return cached
    starts: list[int] = []
    countries: list[set[str]] = []
    lines = _lines(doc.text)
    headline: set[str] = set()
    if len(lines) > 1 and not doc.text[lines[0][1]:lines[1][0]].strip(" \t\r\n") \
            and doc.text.count("\n", lines[0][1], lines[1][0]) > 1:
        # a headline over a blank line speaks for the whole report ('Latvia shuts border crossing'): its countries
        # are in every item, and it starts none
        headline = {m.country for m in doc.actors.between(*lines[0]) if m.country}
        lines = lines[1:]
    for start, end in lines:
        named = {m.country for m in doc.actors.between(start, end) if m.country}
        if not starts or (named and countries[-1] and not named & countries[-1]):
            starts.append(start)
            countries.append(set())
        countries[-1] |= named
    doc._items = cached = (starts, [frozenset(c | headline) for c in countries])
    return cached


def item_countries(doc: _Doc, position: int) -> frozenset[str]:
    """The countries named in the item that holds the position."""
    starts, countries = _items(doc)
    if not starts:
        return frozenset()
    return countries[max(0, bisect_right(starts, position) - 1)]
