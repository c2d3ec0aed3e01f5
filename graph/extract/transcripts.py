"""Transcripts: who is speaking in a paragraph of a briefing's transcript, from the labels that open its turns.

A transcript names its speaker once, in a label opening the turn, and every paragraph of the answer after it
is that speaker's words with no 'said' of its own. Labels come in three layouts: the name and a colon before the
words ('Lin Jian: We urge ...'); the name and a time stamp on a line of their own, the answer's paragraphs below,
later ones opened by a bare time stamp ('Matthew Miller (00:21):', then '(00:51)'); and a form of address with the
family name in capitals ('MR MILLER:'). A question's label ('Q:', 'QUESTION:') ends the answer before it: the
reporter speaks for no state. `transcript_turns` finds the turns once per document; `transcript_speaker` reads
the turn a paragraph belongs to.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
from typing import TYPE_CHECKING

from graph.actors import word_classes
from graph.records import Mention

if TYPE_CHECKING:
    from graph.extract.document import _Doc

#: A transcript's speaker label opening a paragraph: 'Lin Jian: ', 'Guo Jiakun: '
_SPEAKER_LABEL = re.compile(r"[ \t]*(?:[A-Z][\w.'’-]+[ \t]+){0,3}[A-Z][\w.'’-]+:[ \t]")
#: A speaker's name and a time stamp filling a line: 'Matthew Miller (00:21):'; group 'name' the name
_TIMED_LABEL = re.compile(r"[ \t]*(?P<name>(?:[A-Z][\w.'’-]+[ \t]+){0,3}[A-Z][\w.'’-]+)[ \t]+"
                          r"\(\d{1,2}:\d{2}(?::\d{2})?\):[ \t]*(?=\n|$)")


@cache
def _question_label() -> re.Pattern[str]:
    """A question's label opening a line, in any layout: 'Q:', 'QUESTION:' (words.csv QUESTION_LABELS)."""
    return re.compile(r"[ \t]*(?:" + word_classes()["QUESTION_LABELS"] + r"):", re.I)


@cache
def _addressed_label() -> re.Pattern[str]:
    """A form of address and a family name in capitals, then a colon: 'MR MILLER:', 'MS. MAO:' (words.csv
    SPEAKER_LABEL_TITLES); group 'family' the family name."""
    return re.compile(r"[ \t]*(?i:" + word_classes()["SPEAKER_LABEL_TITLES"] + r")\.?[ \t]+"
                      r"(?P<family>[A-Z][A-Z'’-]+):")


def _is_transcript(text: str) -> bool:
    """Whether the text is laid out as a transcript: a question's label or a time-stamped speaker label opens a
    line. Elsewhere a 'Name: ' at a paragraph's start is a heading's or a caption's, not a turn."""
    return any(
        _question_label().match(text, at) or _TIMED_LABEL.match(text, at) or _addressed_label().match(text, at)
        for at in _line_starts(text))


def _line_starts(text: str) -> list[int]:
    """The offset of every line's start."""
    return [0] + [m.end() for m in re.finditer(r"\n", text)]


def _person_named(doc: _Doc, start: int, end: int) -> Mention | None:
    """The person with a country named by the label text[start:end]: the mention there, else the same name
    mentioned elsewhere in the document (a label line is often no sentence the actor finder reads as one)."""
    name = doc.text[start:end].strip()
    found = None
    for mention in doc.actors.mentions:
        if mention.type != "person" or not mention.country:
            continue
        if start <= mention.start and mention.end <= end:
            return mention
        if found is None and mention.text == name:
            found = mention
    return found


def _person_by_family(doc: _Doc, family: str) -> Mention | None:
    """The person with a country whose name ends in the label's family name ('MR MILLER' -> Matthew Miller)."""
    return next((m for m in doc.actors.mentions if m.type == "person" and m.country
                 and m.text.split()[-1].upper() == family), None)


def _label_speaker(doc: _Doc, at: int) -> tuple[bool, Mention | None]:
    """(whether a turn starts at line start `at`, the speaker of the turn: None for a question or a label naming
    nobody known)."""
    text = doc.text
    if _question_label().match(text, at):
        return True, None
    timed = _TIMED_LABEL.match(text, at)
    if timed is not None:
        return True, _person_named(doc, timed.start("name"), timed.end("name"))
    addressed = _addressed_label().match(text, at)
    if addressed is not None:
        return True, _person_by_family(doc, addressed.group("family"))
    label = _SPEAKER_LABEL.match(text, at)
    if label is not None:
        sentence = doc.sentence_at(label.start()) or doc.sentence_at(at)
        mentions = doc.mentions(sentence) if sentence is not None else []
        return True, next((m for m in mentions if m.type == "person" and m.country and m.end == label.end() - 2),
                          None)
    return False, None


def transcript_turns(doc: _Doc) -> tuple[list[int], list[Mention | None]]:
    """The line starts where the turns of a transcript begin, and each turn's speaker (none when the text is
    no transcript)."""
    starts: list[int] = []
    speakers: list[Mention | None] = []
    if not _is_transcript(doc.text):
        return starts, speakers
    for at in _line_starts(doc.text):
        opens, speaker = _label_speaker(doc, at)
        if opens:
            starts.append(at)
            speakers.append(speaker)
    return starts, speakers


def transcript_speaker(turns: tuple[list[int], list[Mention | None]], line_start: int) -> Mention | None:
    """The speaker of the turn the paragraph starting at `line_start` belongs to: a paragraph with no label of
    its own goes on with the answer of the last speaker labelled before it."""
    starts, speakers = turns
    at = bisect_right(starts, line_start) - 1
    return speakers[at] if at >= 0 else None
