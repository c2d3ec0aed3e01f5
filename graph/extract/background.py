"""Background: a pact of an earlier year, told as context, is not news of the report.

Reporting explains today's act with older ones: "Brazil has received deportation flights since a 2018
agreement between the two countries", "Guatemala and Honduras signed similar accords with Washington in
2019". Such pacts were news years ago; the article does not report them, and read as its news they add
cooperation the report never states. Only agreements are held back this way: an older cut in ties or an
older expulsion is often the very cause the report is about ("suspended the treaty it signed in 2002"),
and the year there dates the treaty, not the act.

A pact is background when a year is written with it (right before the wording, or after it in the same
clause: "in 2019", "since 2018", "last year") and that year is earlier than the report's. An undated report
is read as of the latest year it names; "since", "last year" and "years ago" always look back.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from graph.actors import word_classes

_YEAR = r"(?P<year>(?:19|20)\d\d)"
#: a year right before the wording: 'since a 2018 agreement', 'the 2017 security accord'
_YEAR_BEFORE = re.compile(r"\b(?:(?P<since>since)\s+|in\s+)?(?:a|an|the|its|their)\s+" + _YEAR
                          + r"(?:\s+[\w-]+){0,2}\s*$", re.I)
#: a year after the wording, in its clause: 'signed similar accords with Washington in 2019'
_CLAUSE_BREAK = re.compile(r"[,;:()\u2014\u2013\"\u201c\u201d]|\b(?:and|but|while|after|before|when|which|who)\b")
_ANY_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@cache
def _year_after() -> re.Pattern[str]:
    """'in 2019' or 'since 2018' a few words after the wording, with nothing but words and names between."""
    return re.compile(r"^[^,;:()\u2014\u2013\"\u201c\u201d]{0,50}?\b(?:(?:(?P<since>since)|in)\s+"
                      r"(?:(?:early|mid|late)[\s-]+)?" + _YEAR + r"\b|(?P<last>last\s+year|(?:two|three|four|five|"
                      r"several|many|\d+)\s+years\s+ago)\b)", re.I)


@cache
def _pact_words() -> re.Pattern[str]:
    """The nouns of a written pact (words.csv PACT_NOUNS)."""
    return re.compile(r"\b(?:" + word_classes()["PACT_NOUNS"] + r")\b", re.I)


@lru_cache(maxsize=8)
def report_year(text: str, report_date: str) -> int | None:
    """The year the report is written in: its date's, or for an undated report the latest year it names.
    (Memoised: asked once per agreement; a str keeps its hash, so a long text is scanned once, not per event.)"""
    if report_date[:4].isdigit():
        return int(report_date[:4])
    years = [int(y) for y in _ANY_YEAR.findall(text)]
    return max(years) if years else None


def earlier_pact(text: str, sentence: tuple[int, int], trigger: tuple[int, int], report: int | None) -> bool:
    """Whether an agreement wording at `trigger` (offsets in `text`) is dated to a year before the report."""
    head, end = trigger
    before = _YEAR_BEFORE.search(text, max(sentence[0], head - 40), head)
    if before is not None and _pact_words().search(text, before.end("year"), end):
        return _earlier(before, report)
    after = _year_after().search(text[end:sentence[1]])
    when = after.start("year") if after is not None and after.group("year") else \
        after.start("last") if after is not None else 0
    if after is not None and not _CLAUSE_BREAK.search(text, end, end + when) \
            and _pact_words().search(text, head, end + when):
        return _earlier(after, report)
    return False


def _earlier(match: re.Match[str], report: int | None) -> bool:
    """'since', 'last year' and 'years ago' look back whatever the report's year; a bare year is earlier only
    than a known report year."""
    if match.group("since") or match.groupdict().get("last"):
        return True
    return report is not None and int(match.group("year")) < report
