"""Section headings: a report told country by country places the officials of each section.

A round-up that heads each section with a country's name alone on its line ('Egypt', then 'Italy', each
followed by what that country did) names the section's officials by title only ('Foreign Minister X said some
nationals stayed'): the heading is the country they speak for, where the sentence itself names none of theirs.
Only a document with two such headings or more is read this way, so that a lone title line is no section.
"""

from __future__ import annotations

import re

from graph.records import Mention

#: A line of its own: blank lines, or the text's edges, on both sides
_LINE = re.compile(r"[^\n]+")


def _country_headings(text: str, countries: list[Mention]) -> list[tuple[int, str]]:
    """(line start, country) of each line that is a country's name and nothing else ('Italy')."""
    by_start = {m.start: m for m in countries if m.type == "country" and m.via == "name"}
    headings = []
    for line in _LINE.finditer(text):
        stripped = line.group().strip()
        at = line.start() + len(line.group()) - len(line.group().lstrip())
        mention = by_start.get(at)
        if mention is not None and mention.text == stripped:
            headings.append((line.start(), mention.country))
    return headings


#: The headings of the document being read: (text, mention list, its length, headings); the text and list are
#: held, so that their ids cannot be reused by the next document's
_HEADINGS: list = [None, None, -1, []]


def _headings_of(text: str, countries: list[Mention]) -> list[tuple[int, str]]:
    """`_country_headings`, found once per document and mention list: each person placed asks, and a scan of the
    whole text per person made a long article cost the square of its length."""
    if _HEADINGS[0] is not text or _HEADINGS[1] is not countries or _HEADINGS[2] != len(countries):
        _HEADINGS[:] = [text, countries, len(countries), _country_headings(text, countries)]
    return _HEADINGS[3]


def section_country(text: str, offset: int, countries: list[Mention]) -> str:
    """The country heading the section `offset` stands in, in a report of two country sections or more; "" when
    the report has no such sections or `offset` comes before the first."""
    headings = _headings_of(text, countries)
    if len({country for _, country in headings}) < 2:
        return ""
    before = [country for start, country in headings if start < offset]
    return before[-1] if before else ""
