"""Text layout normalisation: the body of a document as the later stages want to read it.

News arrives hard-wrapped (wire copy, e-mail, text cut at 70-80 columns by `fold`), with datelines glued
to the first word ('ROME (AFP) -Egypt has freed'), and the sentence splitter treats every line break as
the end of a sentence, which cuts a wrapped sentence into pieces that no trigger can read.

Every change here keeps the text's length and the position of every other character: a line break inside
a wrapped paragraph becomes a space, a glued dateline dash swaps places with the space before it. So the
offsets of mentions and evidence index the normalised text and the file's text alike, and the evidence of
an event in a wrapped article reads as one line.
"""

from __future__ import annotations

import re
import statistics

#: Lines a wrapped paragraph keeps on their own: list items, and lines that open a quotation block.
_ITEM = re.compile(r"\s*(?:[-*•·▪–—]\s|\d{1,2}[.)]\s|[A-Z][\w ]{0,20}:\s*$)")
#: A dateline whose dash is glued to the first word: 'ROME (AFP) -Egypt', 'MANILA —The', 'LIMA, Peru -Peru's',
#: 'Ankara, (APP) :The' (a place in title case only before its credit).
_GLUED_DATELINE = re.compile(
    r"^(\s*(?:[A-ZÀ-Þ][A-ZÀ-Þ .'’-]{2,40}?(?:,\s*[A-Z][\w.]*\.?(?:\s+\d{1,2})?)?(?:\s*\([^)\n]*\))?"
    r"|[A-Z][a-zà-ÿ'’.-]+(?: [A-Z][a-zà-ÿ'’.-]+)?,?\s*\([^)\n]*\))) ([—–-]{1,2}|:)"
    r"(?=[\"“‘'A-ZÀ-Þ])", re.M)

#: A text is hard-wrapped when nearly all its lines are at most this long ...
_WRAP_LIMIT = 100
#: ... and at least this many lines run on into the next line of the same paragraph.
_MIN_RUN_ONS = 2
#: A line runs on when it is at least this close to the text's wrap width (words longer than the gap
#: move to the next line, so wrapped lines end up to a long word's length short of the width).
_SLACK = 22


def wrap_width(text: str) -> int | None:
    """The column a hard-wrapped text is wrapped at, or None when it is not hard-wrapped.

    Wrapped: 95% of the non-empty lines are at most 100 characters, and at least two lines are
    followed by another non-empty line while coming close to the longest line's length.

    >>> wrap_width("A short paragraph.\\n\\nAnother one.")
    >>> wrap_width(("word " * 14 + "\\n") * 3)
    69
    """
    lines = text.split("\n")
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < 3:
        return None
    width = lengths[int(0.95 * (len(lengths) - 1))]
    if width > _WRAP_LIMIT:
        return None
    run_ons = sum(1 for line, following in zip(lines, lines[1:], strict=False)
                  if following.strip() and len(line.rstrip()) >= width - _SLACK)
    return width if run_ons >= _MIN_RUN_ONS and statistics.median(lengths) >= width / 2 else None


def unwrap(text: str) -> str:
    r"""Join the lines of hard-wrapped paragraphs: each line break inside a paragraph becomes a space.

    A blank line still separates paragraphs; short lines (headlines, datelines, captions, credits) and
    list items keep their line breaks. Text that is not hard-wrapped comes back unchanged.

    >>> text = ("Egypt freed the researcher after long talks with Italian officials, the\n"
    ...         "foreign ministry in Cairo said on Sunday, ending a standoff of more than\n"
    ...         "two years.\n\nROME\n")
    >>> [len(line) for line in unwrap(text).split("\n")]
    [155, 0, 4, 0]
    """
    width = wrap_width(text)
    if width is None:
        return text
    chars = list(text)
    lines = text.split("\n")
    offset = 0
    for line, following in zip(lines, lines[1:], strict=False):
        offset += len(line)
        if (following.strip() and len(line.rstrip()) >= width - _SLACK and not _ITEM.match(following)
                and not line.rstrip().endswith(":")):
            chars[offset] = " "
        offset += 1
    return "".join(chars)


def unglue_dateline(text: str) -> str:
    """'ROME (AFP) -Egypt has freed' -> 'ROME (AFP)- Egypt has freed': the dateline ends in a dash and a space.

    >>> unglue_dateline("ROME (AFP) -Egypt has freed an Italian student.")
    'ROME (AFP)- Egypt has freed an Italian student.'
    """
    head, rest = text[:400], text[400:]
    return _GLUED_DATELINE.sub(lambda m: f"{m.group(1)}{m.group(2)} ", head, count=1) + rest


def normalise_body(text: str) -> str:
    """The body as the later stages read it; the same length, every character where it was."""
    normal = unglue_dateline(unwrap(text))
    assert len(normal) == len(text)
    return normal
