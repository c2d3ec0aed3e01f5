"""When did it happen? The date of an event, resolved from its sentence against the report date.

News dates its acts relative to the day it is written: "on Sunday", "last week", "yesterday", "earlier this
month", "two weeks after Rubio visited". An article's date is when it was *reported*; a trend, a timeline
or a change point needs when the act *happened*, or a report written on Thursday about a visit two weeks
earlier moves that visit by two weeks. This module finds the time expressions of one sentence, picks the one
that governs the trigger, and resolves it to an ISO date:

- a weekday ("on Sunday", "Friday night") is the most recent such day on or before the report date, or the
  next one after it when the wording is about the future ("leaves on Saturday", "will travel on Monday",
  "is due to ... on Friday"; "next Monday" / "last Monday" say it themselves);
- "yesterday", "today", "tomorrow"; "last week" / "next week" (the Monday of that week); "earlier this
  month", "last month", "next month" (the first day of that month);
- a day and a month ("on Feb. 3", "on 3 February", "January 26, 2025") or a month ("in March", "in late
  January", "at the end of January"), with the report's year unless the sentence gives one; in the past
  tense a month later than the report's month is last year's, in the future tense an earlier one next
  year's. A month alone stands for its first day, "mid" for the 15th, "late" for the 25th, "the end of" for
  its last day, and a past event is never dated after its report;
- "N days/weeks/months after/before X": X is dated from the other time expression of the sentence ("landed
  on Thursday, two weeks after Rubio visited" dates the visit two weeks before that Thursday); without one
  it is not resolved.

An article without a date resolves only full dates (day, month and year). A sentence without a time
expression gives no event date: the event is dated by its report.

All functions are pure and take offsets into the sentence text.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache

from graph.actors import word_classes

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = {
    "January": 1, "Jan": 1, "February": 2, "Feb": 2, "March": 3, "Mar": 3, "April": 4, "Apr": 4, "May": 5,
    "June": 6, "Jun": 6, "July": 7, "Jul": 7, "August": 8, "Aug": 8, "September": 9, "Sept": 9, "Sep": 9,
    "October": 10, "Oct": 10, "November": 11, "Nov": 11, "December": 12, "Dec": 12,
}  # fmt: skip
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

# Month names are matched with their capital ('march', 'may' are verbs); the rest of the words in any case.
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b(?!-)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
_PART = (r"(?P<part>(?i:early|mid|late|the\s+(?:start|beginning|middle|end)\s+of))(?:\s+|-)")
_NUMBER = r"(?P<n>\d{1,2}|(?i:" + "|".join(_NUMBERS) + r"))"

#: (kind, pattern), most specific first: a span taken by one kind is not matched again by a later one.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("month_day", re.compile(r"\b" + _MONTH + r"\s+" + _DAY + _YEAR)),
    ("day_month", re.compile(r"\b" + _DAY + r"(?:\s*(?:-|–|and|to)\s*[0-3]?\d(?:st|nd|rd|th)?)?\s+(?:of\s+)?"
                             + _MONTH + _YEAR)),
    ("offset", re.compile(r"(?i:\b(?:" + _NUMBER + r"\s+(?P<unit>day|week|month)s?|the\s+(?P<unit1>day))"
                          r"\s+(?P<direction>after|before)\b)")),
    ("month", re.compile(r"(?:\b(?P<prep>(?i:in|since|by|until|from|during|through|of|at|to))\s+)?"
                         r"(?:" + _PART + r")?\b" + _MONTH + r"(?:\s+(?P<year>(?:19|20)\d\d)\b)?")),
    ("weekday", re.compile(r"(?:\b(?P<which>(?i:last|next|this))\s+)?\b(?P<weekday>" + "|".join(_WEEKDAYS)
                           + r")\b(?!s\b)")),
    ("day_word", re.compile(r"(?i:\b(?P<word>yesterday|today|tomorrow)\b)")),
    ("week", re.compile(r"(?i:\b(?P<which>last|next|past|previous)\s+week\b)")),
    ("month_word", re.compile(r"(?i:\b(?P<which>earlier\s+this|last|next|previous|past)\s+month\b)")),
)



@cache
def _future() -> re.Pattern[str]:
    """Words that mark the future: auxiliaries, scheduled acts (words.csv SCHEDULED: 'is due to'), travel in the
    present tense (words.csv TRAVEL_PRESENT: 'leaves on Saturday')."""
    classes = word_classes()
    return re.compile(
        r"(?i:\b(?:will|shall|won't)\b|'ll\b|\b(?:is|are|am)\s+(?:(?:" + classes["SCHEDULED"] + r")"
        r"\s+)?to\s+[a-z]|\b(?:plans?|intends?|aims?)\s+to\b|\b(?:" + classes["TRAVEL_PRESENT"] + r")"
        r"\s+(?:on|for|to|next|this|later|(?-i:[A-Z]))\b)")


@cache
def past() -> re.Pattern[str]:
    """Words that mark the past: auxiliaries and frequent irregular verbs of news (words.csv PAST_VERBS), and
    lower-case '-ed' verbs."""
    return re.compile(r"\b(?:" + word_classes()["PAST_VERBS"] + r"|[a-z]{2,}ed)\b")


#: What separates clauses: a time expression of another clause governs the trigger less.
_CLAUSE_BREAK = re.compile(r",(?!\d)|[;:()—–\"“”]|\b(?:that|when|which|who|whom|whose|where|while|because)\b")
#: Where the complement of 'two weeks after' ends.
_COMPLEMENT_END = re.compile(r",(?!\d)|[;:()—–\"“”]")


@dataclass(frozen=True)
class TimeExpression:
    """One time expression of a sentence: where it is, what kind, and the parts it names."""

    start: int
    end: int
    kind: str  #: iso, month_day, day_month, offset, month, weekday, day_word, week, month_word
    parts: tuple[tuple[str, str], ...]  #: the named groups of its pattern that matched

    def part(self, name: str) -> str:
        """One named part ('' when absent)."""
        return dict(self.parts).get(name, "")


@lru_cache(maxsize=4096)
def time_expressions(sentence: str) -> tuple[TimeExpression, ...]:
    """The time expressions of a sentence, in text order; overlapping matches keep the most specific.

    >>> [(e.kind, e.part("weekday")) for e in time_expressions("Early on Sunday, Petro said no.")]
    [('weekday', 'Sunday')]
    >>> [e.kind for e in time_expressions("He landed on Thursday, two weeks after Rubio visited.")]
    ['weekday', 'offset']
    >>> time_expressions("She may march in May.")[0].part("month")
    'May'
    """
    found: list[TimeExpression] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(sentence):
            if kind == "month" and not (match.group("prep") or match.group("part") or match.group("year")):
                continue  # a bare month name ('the January talks', 'May') is too often no date
            start, end = match.span()
            if kind == "month" and match.group("prep") and not match.group("part") and not match.group("year") \
                    and match.group("prep").lower() in ("of", "at", "to"):
                continue  # 'the summit of June' and 'at March' are not dates of an act
            if any(start < b and a < end for a, b in taken):
                continue
            parts = tuple((k, v) for k, v in match.groupdict().items() if v)
            found.append(TimeExpression(start, end, kind, parts))
            taken.append((start, end))
    return tuple(sorted(found, key=lambda e: e.start))


def is_future(sentence: str, expression: TimeExpression) -> bool:
    """Whether the expression is about the future: said by the expression itself ('next', 'tomorrow'), else
    by the nearest tense cue of its clause, before it first ('said on Monday he will travel on Friday': Monday
    is past, Friday future), then after it. Without a cue the past is assumed: news reports what happened.

    >>> s = "Rubio leaves on Saturday for a tour."
    >>> is_future(s, time_expressions(s)[0])
    True
    >>> s = "Trump said on Monday he will travel to Panama on Friday."
    >>> [is_future(s, e) for e in time_expressions(s)]
    [False, True]
    """
    which = (expression.part("which") or expression.part("word")).lower()
    if which in ("next", "tomorrow"):
        return True
    if which in ("last", "past", "previous", "yesterday", "earlier this") or "earlier" in which:
        return False
    start, end = _clause(sentence, expression.start, expression.end)
    before = list(_cues(sentence, start, expression.start))
    if before:
        return before[-1][1]
    after = list(_cues(sentence, expression.end, end))
    return after[0][1] if after else False


def _cues(sentence: str, start: int, end: int):
    """(offset, is future) of each tense cue in sentence[start:end], in text order."""
    cues = [(m.start(), True) for m in _future().finditer(sentence, start, end)]
    cues += [(m.start(), False) for m in past().finditer(sentence, start, end)]
    return sorted(cues)


def _clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The span of the clause around sentence[start:end], between the nearest clause breaks."""
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, start)), default=0)
    right = _CLAUSE_BREAK.search(sentence, end)
    return left, right.start() if right else len(sentence)


@lru_cache(maxsize=4096)
def resolve(sentence: str, expression: TimeExpression, report: date | None) -> date | None:
    """The date an absolute or deictic expression names, against the report date (None if it cannot say).

    Kept per sentence and expression: every trigger of a sentence that the expression may date asks again.

    >>> friday = date(2025, 1, 31)
    >>> s = "Rubio leaves on Saturday."
    >>> resolve(s, time_expressions(s)[0], friday)
    datetime.date(2025, 2, 1)
    >>> s = "They met in December."
    >>> resolve(s, time_expressions(s)[0], friday)
    datetime.date(2024, 12, 1)
    >>> s = "The deal was signed on 3 February 2024."
    >>> resolve(s, time_expressions(s)[0], None)
    datetime.date(2024, 2, 3)
    """
    kind = expression.kind
    year = expression.part("year")
    if kind == "iso":
        return _date(int(year), int(expression.part("month")), int(expression.part("day")))
    if kind in ("month_day", "day_month"):
        month, day = _MONTHS[expression.part("month")], int(expression.part("day"))
        if year:
            return _date(int(year), month, day)
        if report is None:
            return None
        return _in_year(month, day, report, is_future(sentence, expression))
    if report is None or kind == "offset":
        return None
    if kind == "month":
        return _month(sentence, expression, report)
    if kind == "weekday":
        return _weekday(sentence, expression, report)
    if kind == "day_word":
        return report + timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[expression.part("word").lower()])
    monday = report - timedelta(days=report.weekday())
    if kind == "week":
        return monday + timedelta(days=7 if expression.part("which").lower() == "next" else -7)
    which = " ".join(expression.part("which").lower().split())
    first = report.replace(day=1)
    if which == "earlier this":
        return first
    if which == "next":
        return (first + timedelta(days=32)).replace(day=1)
    return (first - timedelta(days=1)).replace(day=1)


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None  # '31 February', a typo: no date rather than a wrong one


def _in_year(month: int, day: int, report: date, future: bool) -> date | None:
    """A day and month without a year: the report's year, moved a year back for a past act in a later month
    (reported in January, 'in December' was last December) and a year on for a future act in an earlier one."""
    year = report.year
    if not future and month > report.month:
        year -= 1
    elif future and month < report.month:
        year += 1
    return _date(year, month, day)


def _month(sentence: str, expression: TimeExpression, report: date) -> date | None:
    """'in March', 'in late January', 'at the end of January': a day of the month, never after the report
    for a past act."""
    month = _MONTHS[expression.part("month")]
    part = " ".join(expression.part("part").lower().split())
    future = is_future(sentence, expression)
    year = int(expression.part("year")) if expression.part("year") else None
    if year is None:
        found = _in_year(month, 1, report, future)
        if found is None:
            return None
        year = found.year
    last = calendar.monthrange(year, month)[1]
    day = {"mid": 15, "the middle of": 15, "late": 25, "the end of": last}.get(part, 1)
    when = date(year, month, day)
    return min(when, report) if not future and when > report and (year, month) == (report.year, report.month) \
        else when


def _weekday(sentence: str, expression: TimeExpression, report: date) -> date:
    """The weekday nearest the report date on the side its tense says: on or before it for the past, after it
    for the future ('last Monday' is before the report date, even on a Monday)."""
    target = _WEEKDAYS.index(expression.part("weekday"))
    which = expression.part("which").lower()
    if is_future(sentence, expression):
        ahead = (target - report.weekday()) % 7 or 7
        return report + timedelta(days=ahead)
    back = (report.weekday() - target) % 7
    if which == "last" and back == 0:
        back = 7
    return report - timedelta(days=back)


def _breaks(sentence: str, a: tuple[int, int], b: tuple[int, int]) -> int:
    """How many clause breaks stand between two spans."""
    start, end = (a[1], b[0]) if a[1] <= b[0] else (b[1], a[0])
    return sum(1 for _ in _CLAUSE_BREAK.finditer(sentence, start, max(start, end)))


@lru_cache(maxsize=4096)
def _verbs(sentence: str, a: tuple[int, int], b: tuple[int, int]) -> int:
    """How many tense cues stand between two spans: 'said on Monday it will host ... on Friday' dates the
    hosting by Friday, as 'will' ties Monday to the saying."""
    start, end = (a[1], b[0]) if a[1] <= b[0] else (b[1], a[0])
    return len(_cues(sentence, start, max(start, end)))


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


def _complement(sentence: str, expression: TimeExpression) -> tuple[int, int]:
    """The span of what 'two weeks after' is after: up to the next comma or the end of the sentence."""
    end = _COMPLEMENT_END.search(sentence, expression.end)
    return expression.end, end.start() if end else len(sentence)


def _offset(expression: TimeExpression) -> timedelta:
    """The signed shift from the anchor to the complement's act: 'two weeks after X' puts X 14 days earlier."""
    n = expression.part("n").lower()
    count = int(n) if n.isdigit() else _NUMBERS.get(n, 1)
    unit = (expression.part("unit") or expression.part("unit1")).lower()
    days = count * {"day": 1, "week": 7, "month": 30}[unit]
    return timedelta(days=-days if expression.part("direction").lower() == "after" else days)


@lru_cache(maxsize=4096)
def event_date(sentence: str, report_date: str, trigger: tuple[int, int] = (0, 0)) -> str:
    """The ISO date of the act a trigger states, or '' when the sentence does not date it.

    `trigger` is the (start, end) of the trigger words in `sentence`; `report_date` the article's ISO date
    ('' when unknown). The time expression governing the trigger is the one with the fewest clause breaks
    between them, then the fewest tense cues (another verb's), then the nearest; the trigger inside the
    complement of 'two weeks after' is dated from the other expression of the sentence.
    Kept per sentence and trigger: a trigger with several targets makes an event for each, of the same date.

    >>> event_date("Early on Sunday, Petro said he would not let the aircraft land.", "2025-01-28", (30, 34))
    '2025-01-26'
    >>> s = "A flight landed on Thursday, two weeks after Rubio visited Costa Rica."
    >>> event_date(s, "2025-02-20", (s.index("visited"), s.index("visited") + 7))
    '2025-02-06'
    >>> event_date("Mexico agreed to take back its nationals.", "2025-02-03", (7, 13))
    ''
    """
    report = _report(report_date)
    expressions = time_expressions(sentence)
    if not expressions:
        return ""
    for expression in expressions:
        if expression.kind == "offset":
            inside = _complement(sentence, expression)
            if inside[0] <= trigger[0] < inside[1]:
                anchors = [e for e in expressions if e.kind != "offset" and not inside[0] <= e.start < inside[1]]
                return _anchored(sentence, expression, anchors, report)
    ranked = sorted(expressions, key=lambda e: (_breaks(sentence, (e.start, e.end), trigger),
                                               _verbs(sentence, (e.start, e.end), trigger),
                                               _distance((e.start, e.end), trigger), e.start))
    for expression in ranked:
        if expression.kind == "offset":
            inside = _complement(sentence, expression)
            anchors = [e for e in expressions if e.kind != "offset" and inside[0] <= e.start < inside[1]]
            found = _anchored(sentence, expression, anchors, report, sign=-1)
        else:
            resolved = resolve(sentence, expression, report)
            found = resolved.isoformat() if resolved else ""
        if found:
            return found
    return ""


def _anchored(sentence: str, expression: TimeExpression, anchors: list[TimeExpression], report: date | None,
              sign: int = 1) -> str:
    """The date of an offset ('two weeks after') from the nearest anchor expression that resolves; `sign` -1
    dates the main clause from an anchor inside the complement ('two weeks after 4 February')."""
    nearest = sorted(anchors, key=lambda e: (_distance((e.start, e.end), (expression.start, expression.end))))
    for anchor in nearest:
        resolved = resolve(sentence, anchor, report)
        if resolved:
            return (resolved + sign * _offset(expression)).isoformat()
    return ""


def _report(report_date: str) -> date | None:
    try:
        return date.fromisoformat(report_date) if report_date else None
    except ValueError:
        return None


def after_report(event_date: str, report_date: str) -> bool:
    """Whether an event is dated after its report: an announced act, not one done ('leaves on Saturday').

    >>> after_report("2025-02-01", "2025-01-31"), after_report("2025-01-26", "2025-01-31"), after_report("", "")
    (True, False, False)
    """
    return bool(event_date and report_date) and event_date > report_date
