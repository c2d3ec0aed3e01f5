"""Speakers carried across sentences: 'he said', 'the spokesperson added' with no one named as the speaker.

A briefing's report names its spokesperson once and goes on with 'He said that ...', 'In response to a question,
she said ...'. When the actor finder leaves such a pronoun unresolved (a spokesperson's gender written wrongly,
a name it does not read), or when a report writes 'The spokesperson added that ...' after quoting a named
spokesman, the sentence has no speaker and every charge in it is lost. The speaker is then the one who spoke in
the sentences just before: the report is still telling what that person said.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from graph.actors import word_classes
from graph.records import Mention
from graph.text import Sentence

if TYPE_CHECKING:
    from graph.extract.document import _Doc

#: How many sentences back the speaker told before may stand
_REACH = 4


@cache
def _pronoun_speaks() -> re.Pattern[str]:
    """'he said', 'she also told', 'The spokesperson added': a personal pronoun or a bare spokesperson as a speech
    verb's subject (words.csv SPOKESPERSON_NOUNS, SPEECH_PAST)."""
    return re.compile(r"(?<![\w'’-])(?:[Hh]e|[Ss]he|[Tt]he\s+(?:" + word_classes()["SPOKESPERSON_NOUNS"] + r"))\s+"
                      r"(?:also\s+|further\s+|then\s+|later\s+)?(?:" + word_classes()["SPEECH_PAST"] + r")\b")


def carried_speaker(doc: _Doc, sentence: Sentence) -> Mention | None:
    """The person who spoke in the sentences just before, when this one's speaker is a bare 'he' or 'she' that
    names nobody (see the module's docstring); None when the pronoun names someone or no one spoke before."""
    match = next((m for m in _pronoun_speaks().finditer(doc.text, sentence.start, sentence.end)
                  if not doc.quotes.covers(m.start())), None)
    if match is None or any(m.start == match.start() for m in doc.mentions(sentence)):
        return None
    for index in range(sentence.index - 1, max(-1, sentence.index - 1 - _REACH), -1):
        speaker = doc.speaker(doc.sentences[index])
        if speaker is not None:
            return speaker if speaker.type == "person" and speaker.country else None
    return None
