"""Non-state roles: the holder of a role a group outside any state gives is no state's person.

A role after the name of an armed movement or a media outlet the knowledge base lists ('an M23 spokesman',
'Hamas military spokesman': `_movement_before`), or next to a word of such a group (`non_state_head`): 'Sikh
leader Hardeep Singh Nijjar', 'group commander Dmitry Utkin', 'X, a leader of the Janjaweed militia'. The word
before or after the role names a community, a movement or an armed group (words.csv NON_STATE_GROUPS), not a
country's office. Such a person is left without a country rather than given the one the sentence or the
dateline names: the country where they lived or fought is no side they speak for.
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors.knowledge import word_classes
from graph.actors.patterns import SpanSet


@cache
def _group_word_before() -> re.Pattern[str]:
    """A non-state group's word ending right before a role: 'Sikh ', 'mercenary group ', 'rebel '."""
    return re.compile(rf"(?<![\w'’-])(?:{word_classes()['NON_STATE_GROUPS']})[ \t]+$", re.I)


@cache
def _group_of_after() -> re.Pattern[str]:
    """A non-state group a role is 'of', right after it: ' of the feared Janjaweed militia', ' of the rebel group'
    (not 'the Group of Seven')."""
    return re.compile(rf"[ \t]+of[ \t]+(?:the[ \t]+|an?[ \t]+)?(?:[\w'’-]+[ \t]+){{0,2}}"
                      rf"(?:{word_classes()['NON_STATE_GROUPS']})\b(?![ \t]+of\b)", re.I)


def non_state_head(text: str, role_start: int, role_end: int) -> bool:
    """Whether the role at `role_start`..`role_end` is held in a non-state group ('Sikh leader', 'group
    commander', 'a leader of the Janjaweed militia'): its holder speaks for no country, so none is guessed."""
    return _group_word_before().search(text, max(0, role_start - 30), role_start) is not None \
        or _group_of_after().match(text, role_end) is not None


#: One lower-case word of a role's field right before it ('military' in 'Hamas military spokesman')
_FIELD_WORD_END = re.compile(r"\s+(?!(?:a|an|the|its|his|her|their|our|that|this|said|says|told|tells)\b)[a-z]+$")


def _movement_before(text: str, start: int, blocked: SpanSet) -> bool:
    """Whether a role follows the name of an armed movement or a media outlet ('an M23 spokesman', 'the RSF
    commander', 'Hamas military spokesman': one field word may stand between): the names the knowledge base
    lists so that they never count as a state."""
    field = _FIELD_WORD_END.search(text, max(0, start - 40), start - 1) if start > 1 else None
    start = field.start() + 1 if field is not None and text[start - 1:start].isspace() else start
    before = text[max(0, start - 40):start].rstrip()
    if not before or before[-1:].isspace() or len(before) == len(text[max(0, start - 40):start]):
        return False
    span = blocked.span_at(max(0, start - 40) + len(before) - 1)
    return span is not None and not blocked.covers(start)


def stateless_role(text: str, role_start: int, role_end: int, blocked: SpanSet) -> bool:
    """Whether the role at `role_start`..`role_end` is a non-state group's, so that its holder gets no country."""
    return _movement_before(text, role_start, blocked) or non_state_head(text, role_start, role_end)
